#include "BuildCatalog.h"

#include <QRegularExpression>

namespace capstan {

namespace {

const QRegularExpression &placeholders()
{
    static const QRegularExpression expression(QStringLiteral("\\{(?:build|run)\\}"));
    return expression;
}

} // namespace

QString BuildCatalog::chartVersionFor(const QString &pattern, int runNumber)
{
    QString version = pattern;
    const QString number = QString::number(runNumber);
    version.replace(QLatin1StringView("{build}"), number);
    version.replace(QLatin1StringView("{run}"), number);
    return version;
}

std::optional<int> BuildCatalog::runNumberFor(const QString &pattern, const QString &chartVersion)
{
    if (chartVersion.isEmpty())
        return std::nullopt;
    QString expression;
    qsizetype last = 0;
    int groups = 0;
    QRegularExpressionMatchIterator it = placeholders().globalMatch(pattern);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        expression += QRegularExpression::escape(pattern.mid(last, match.capturedStart() - last));
        expression += QStringLiteral("([0-9]+)");
        last = match.capturedEnd();
        ++groups;
    }
    if (groups == 0)
        return std::nullopt;
    expression += QRegularExpression::escape(pattern.mid(last));
    const QRegularExpression regex(QRegularExpression::anchoredPattern(expression));
    const QRegularExpressionMatch match = regex.match(chartVersion);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const int number = match.captured(1).toInt(&ok);
    // The round trip rejects leading zeros and placeholders that disagree ("{build}.{run}" with 1.2).
    if (!ok || chartVersionFor(pattern, number) != chartVersion)
        return std::nullopt;
    return number;
}

std::optional<int> BuildCatalog::liveRunNumber(const QString &versionPattern,
                                               const std::optional<ArgoApplication> &application)
{
    if (!application)
        return std::nullopt;
    return runNumberFor(versionPattern, application->liveRevision());
}

QList<Build> BuildCatalog::join(const QList<WorkflowRun> &runs, const QString &versionPattern,
                                const std::optional<QSet<QString>> &repositoryVersions,
                                const std::optional<ArgoApplication> &application)
{
    const std::optional<int> liveRun = liveRunNumber(versionPattern, application);
    QList<Build> builds;
    builds.reserve(runs.size());
    for (const WorkflowRun &run : runs) {
        Build build;
        build.run = run;
        build.chartVersion = chartVersionFor(versionPattern, run.runNumber);
        if (repositoryVersions) {
            build.inRepository =
                repositoryVersions->contains(build.chartVersion) ? Build::Presence::Yes : Build::Presence::No;
        }
        if (application) {
            build.live = liveRun && *liveRun == run.runNumber ? Build::Presence::Yes : Build::Presence::No;
            for (auto entry = application->history.crbegin(); entry != application->history.crend();
                 ++entry) {
                if (entry->revision == build.chartVersion) {
                    build.historyId = entry->id;
                    break;
                }
            }
        }
        build.newerThanLive = liveRun && run.runNumber > *liveRun;
        builds.append(build);
    }
    return builds;
}

} // namespace capstan
