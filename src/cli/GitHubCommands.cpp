#include "GitHubCommands.h"
#include "text/Rfc3339.h"

#include "CliSession.h"
#include "OutputWriter.h"
#include "app/ClientFactory.h"
#include "argocd/ArgoCdClient.h"
#include "chart/ChartArchive.h"
#include "chart/ChartCache.h"
#include "chart/ChartDiff.h"
#include "chart/ChartDiffer.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "chartmuseum/ChartVersion.h"
#include "github/BuildCatalog.h"
#include "github/GitHubClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <QtConcurrent>

#include <memory>

namespace capstan {

namespace {

constexpr int DefaultLimit = 20;
constexpr int MaxLimit = 1000;
constexpr int LookupLimit = 100; // runs searched for a build number
constexpr int DefaultPollMs = 2000;

const QStringList &runStatuses()
{
    static const QStringList statuses = {
        QStringLiteral("completed"),   QStringLiteral("action_required"), QStringLiteral("cancelled"),
        QStringLiteral("failure"),     QStringLiteral("neutral"),         QStringLiteral("skipped"),
        QStringLiteral("stale"),       QStringLiteral("success"),         QStringLiteral("timed_out"),
        QStringLiteral("in_progress"), QStringLiteral("queued"),          QStringLiteral("requested"),
        QStringLiteral("waiting"),     QStringLiteral("pending")};
    return statuses;
}

QJsonValue orNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

QJsonValue presenceJson(Build::Presence presence)
{
    switch (presence) {
    case Build::Presence::Yes:
        return true;
    case Build::Presence::No:
        return false;
    case Build::Presence::Unknown:
        break;
    }
    return QJsonValue();
}

QString presenceText(Build::Presence presence)
{
    switch (presence) {
    case Build::Presence::Yes:
        return QCoreApplication::translate("GitHubCommands", "yes");
    case Build::Presence::No:
        return QCoreApplication::translate("GitHubCommands", "no");
    case Build::Presence::Unknown:
        break;
    }
    return QStringLiteral("?");
}

QString age(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    const qint64 seconds = std::max<qint64>(0, time.secsTo(QDateTime::currentDateTimeUtc()));
    if (seconds < 60)
        return QCoreApplication::translate("GitHubCommands", "%1s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("GitHubCommands", "%1m").arg(seconds / 60);
    if (seconds < 86400)
        return QCoreApplication::translate("GitHubCommands", "%1h").arg(seconds / 3600);
    return QCoreApplication::translate("GitHubCommands", "%1d").arg(seconds / 86400);
}

QString ciState(const WorkflowRun &run)
{
    return run.isCompleted() && !run.conclusion.isEmpty() ? run.conclusion : run.status;
}

QJsonObject commitJson(const GitHubCommit &commit)
{
    return QJsonObject{{QStringLiteral("sha"), commit.sha},
                       {QStringLiteral("author"), commit.authorName},
                       {QStringLiteral("login"), orNull(commit.authorLogin)},
                       {QStringLiteral("subject"), commit.subject()},
                       {QStringLiteral("date"), Rfc3339::json(commit.authoredAt)}};
}

} // namespace

GitHubCommands::GitHubCommands(CliSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

QList<CommandSpec> GitHubCommands::specs()
{
    QList<CommandSpec> list;

    CommandSpec builds;
    builds.name = QStringLiteral("builds");
    builds.summary =
        tr("List the CI runs of the main branch with their chart version, ChartMuseum and Argo CD state");
    builds.options = {
        {QStringLiteral("limit"), QChar(), QStringLiteral("N"),
         tr("How many runs, newest first (default 20, at most 1000)")},
        {QStringLiteral("status"), QChar(), QStringLiteral("S"),
         tr("Only runs with this status or conclusion (success, failure, in_progress, queued, ...)")},
    };
    builds.description = tr(
        "Reads the runs of the configured workflow and branch from GitHub, the chart's versions from\n"
        "ChartMuseum and the application's history from Argo CD. A service that does not answer is named on\n"
        "stderr and its column shows \"?\"; the command still succeeds as long as GitHub answered.\n"
        "JSON: [{run, runId, sha, status, conclusion, author, subject, chartVersion, inRepository, live,\n"
        "historyId}] with inRepository/live true, false or null (unknown).");
    builds.examples = {QStringLiteral("builds"), QStringLiteral("builds --limit 5 --status failure"),
                       QStringLiteral("builds -o json")};
    list.append(builds);

    CommandSpec changes;
    changes.name = QStringLiteral("changes");
    changes.summary = tr("Commits and chart changes between two builds (build numbers or \"live\")");
    changes.positionals = {QStringLiteral("FROM"), QStringLiteral("TO")};
    changes.description =
        tr("FROM and TO are CI run numbers or \"live\" (the build Argo CD runs now). Prints the commits "
           "between\n"
           "the two runs' head commits, oldest first, and a summary of the chart diff when ChartMuseum has "
           "both\n"
           "chart versions. JSON: {from, to, commits: [{sha, author, login, subject, date}], chartDiff:\n"
           "{metadata, files} | null}.");
    changes.examples = {QStringLiteral("changes live 148"), QStringLiteral("changes 140 148 -o json")};
    list.append(changes);

    CommandSpec release;
    release.name = QStringLiteral("release create");
    release.summary = tr("Create a GitHub release for a build, tagged with its chart version");
    release.options = {
        {QStringLiteral("build"), QChar(), QStringLiteral("N"),
         tr("The CI run number to release (required)")},
        {QStringLiteral("notes-from"), QChar(), QStringLiteral("live"),
         tr("Generate the notes since the build that is live in Argo CD")},
        {QStringLiteral("draft"), QChar(), QString(), tr("Create the release as a draft")},
    };
    release.description =
        tr("The tag is the build's chart version, the target its head commit; the notes are generated by\n"
           "GitHub. A release with that tag already existing is a conflict (exit 6).\n"
           "JSON: {id, tag, name, target, draft, url}.");
    release.examples = {QStringLiteral("release create --build 148"),
                        QStringLiteral("release create --build 148 --notes-from live --draft")};
    list.append(release);

    CommandSpec ci;
    ci.name = QStringLiteral("ci run");
    ci.summary = tr("Start the CI workflow on a branch or tag, optionally following it to the end");
    ci.options = {
        {QStringLiteral("ref"), QChar(), QStringLiteral("REF"), tr("Branch or tag (default: github.branch)")},
        {QStringLiteral("input"), QChar(), QStringLiteral("KEY=VALUE"),
         tr("A workflow input; may be given more than once")},
        {QStringLiteral("watch"), QChar(), QString(),
         tr("Follow the run until it completes; exit 0 on success, 1 otherwise")},
    };
    ci.description = tr("An unknown ref is exit 5. JSON: {runId, run, url, status, conclusion}.");
    ci.examples = {QStringLiteral("ci run"),
                   QStringLiteral("ci run --ref release/1.2 --input deploy=false --watch")};
    list.append(ci);

    return list;
}

bool GitHubCommands::handles(const QString &command) const
{
    for (const CommandSpec &spec : specs()) {
        if (spec.name == command)
            return true;
    }
    return false;
}

void GitHubCommands::run(const CommandLine::Invocation &invocation)
{
    const QString command = invocation.command();
    if (command == QLatin1StringView("builds"))
        builds(invocation);
    else if (command == QLatin1StringView("changes"))
        changes(invocation);
    else if (command == QLatin1StringView("release create"))
        createRelease(invocation);
    else
        runWorkflow(invocation);
}

template <typename T>
void GitHubCommands::attempt(QFuture<T> future, std::function<void(const T &)> onValue,
                             std::function<void(const ApiError &)> onError)
{
    future.then(this, [onValue](const T &value) { onValue(value); })
        .onFailed(this, [onError](const ApiError &error) { onError(error); })
        .onFailed(this, [onError] { onError(ApiError(ApiError::Kind::Failed, tr("unexpected error"))); });
}

void GitHubCommands::attemptApplication(std::function<void(const ArgoApplication &)> onValue,
                                        std::function<void(const ApiError &)> onError)
{
    attempt<ArgoCdClient *>(
        m_session->argoCd(),
        [this, onValue, onError](ArgoCdClient *const &client) {
            attempt<ArgoApplication>(client->get(), onValue, onError);
        },
        onError);
}

QString GitHubCommands::versionPattern()
{
    const Config config = m_session->config();
    return config.chart ? config.chart->version : Config::Chart().version;
}

QString GitHubCommands::chartName()
{
    const Config config = m_session->config();
    return config.chart ? config.chart->name : QString();
}

void GitHubCommands::builds(const CommandLine::Invocation &invocation)
{
    const int limit = invocation.positiveNumber(QStringLiteral("limit"), DefaultLimit, MaxLimit);
    const QString status = invocation.value(QStringLiteral("status"));
    if (invocation.has(QStringLiteral("status")) && !runStatuses().contains(status)) {
        throw ApiError(ApiError::Kind::Usage, tr("--status \"%1\" is not a run status").arg(status),
                       tr("Use one of: %1").arg(runStatuses().join(QStringLiteral(", "))));
    }
    const QString pattern = versionPattern();
    const QString chart = chartName();

    struct State
    {
        std::optional<QList<WorkflowRun>> runs;
        std::optional<QSet<QString>> versions;
        std::optional<ArgoApplication> application;
        std::optional<ApiError> gitHubError;
        QString chartMuseumError;
        QString argoError;
        QString anonymousNote;
        int pending = 3;
    };
    auto state = std::make_shared<State>();

    const auto done = [this, state, pattern] {
        if (--state->pending > 0 || m_session->isFinished())
            return;
        if (state->gitHubError || !state->runs) {
            m_session->fail(
                state->gitHubError.value_or(ApiError(ApiError::Kind::Failed, tr("GitHub gave no runs"))));
            return;
        }
        OutputWriter *out = m_session->output();
        if (!state->chartMuseumError.isEmpty())
            out->note(tr("ChartMuseum did not answer, IN REPO is unknown: %1").arg(state->chartMuseumError));
        if (!state->argoError.isEmpty())
            out->note(tr("Argo CD did not answer, LIVE is unknown: %1").arg(state->argoError));
        if (!state->anonymousNote.isEmpty())
            out->note(tr("note: %1 A token raises the limit: `capstan --cli credentials set github`.")
                          .arg(state->anonymousNote));
        const QList<Build> builds =
            BuildCatalog::join(*state->runs, pattern, state->versions, state->application);
        if (out->isJson()) {
            QJsonArray array;
            for (const Build &build : builds) {
                array.append(
                    QJsonObject{{QStringLiteral("run"), build.run.runNumber},
                                {QStringLiteral("runId"), double(build.run.id)},
                                {QStringLiteral("sha"), build.run.headSha},
                                {QStringLiteral("status"), build.run.status},
                                {QStringLiteral("conclusion"), orNull(build.run.conclusion)},
                                {QStringLiteral("author"),
                                 build.run.commitAuthor.isEmpty() ? build.run.actor : build.run.commitAuthor},
                                {QStringLiteral("subject"), build.run.subject()},
                                {QStringLiteral("chartVersion"), build.chartVersion},
                                {QStringLiteral("inRepository"), presenceJson(build.inRepository)},
                                {QStringLiteral("live"), presenceJson(build.live)},
                                {QStringLiteral("historyId"),
                                 build.historyId ? QJsonValue(double(*build.historyId)) : QJsonValue()}});
            }
            out->json(array);
        } else if (builds.isEmpty()) {
            out->text(tr("No CI runs found.\n"));
        } else {
            QList<QStringList> rows;
            for (const Build &build : builds) {
                QString live = presenceText(build.live);
                if (build.live == Build::Presence::No && build.historyId)
                    live = tr("earlier");
                rows.append({QString::number(build.run.runNumber),
                             build.run.shortSha() + u' ' + build.run.subject(),
                             build.run.commitAuthor.isEmpty() ? build.run.actor : build.run.commitAuthor,
                             age(build.run.createdAt), ciState(build.run), build.chartVersion,
                             presenceText(build.inRepository), live});
            }
            out->text(OutputWriter::table({tr("RUN"), tr("COMMIT"), tr("AUTHOR"), tr("AGE"), tr("CI"),
                                           tr("CHART VERSION"), tr("IN REPO"), tr("LIVE")},
                                          rows));
        }
        m_session->finish(ExitCode::Ok);
    };

    // Every answer is awaited, even after GitHub failed, so no request is pending when the session ends.
    const auto gitHubFailed = [state, done](const ApiError &error) {
        state->gitHubError = error;
        done();
    };
    attempt<GitHubClient *>(
        m_session->gitHub(),
        [=, this](GitHubClient *const &client) {
            attempt<QList<WorkflowRun>>(
                client->runs(limit, status),
                [state, done, client](const QList<WorkflowRun> &runs) {
                    state->runs = runs;
                    state->anonymousNote = client->anonymousNote();
                    done();
                },
                gitHubFailed);
        },
        gitHubFailed);

    const auto chartMuseumFailed = [state, done](const ApiError &error) {
        state->chartMuseumError = error.toString();
        done();
    };
    if (chart.isEmpty()) {
        chartMuseumFailed(
            ApiError(ApiError::Kind::Config, tr("the configuration names no chart (chart.name)")));
    } else {
        attempt<ChartMuseumClient *>(
            m_session->chartMuseum(),
            [=, this](ChartMuseumClient *const &client) {
                client->versions(chart)
                    .then(this,
                          [state, done](const QList<ChartVersion> &versions) {
                              QSet<QString> set;
                              for (const ChartVersion &version : versions)
                                  set.insert(version.version());
                              state->versions = set;
                              done();
                          })
                    .onFailed(this,
                              [state, done, chartMuseumFailed](const ApiError &error) {
                                  // An unknown chart is an answer: none of its versions exist.
                                  if (error.exitCode() == ExitCode::NotFound) {
                                      state->versions = QSet<QString>();
                                      done();
                                  } else {
                                      chartMuseumFailed(error);
                                  }
                              })
                    .onFailed(this, [chartMuseumFailed] {
                        chartMuseumFailed(ApiError(ApiError::Kind::Failed, tr("unexpected error")));
                    });
            },
            chartMuseumFailed);
    }

    attemptApplication(
        [state, done](const ArgoApplication &application) {
            state->application = application;
            done();
        },
        [state, done](const ApiError &error) {
            state->argoError = error.toString();
            done();
        });
}

void GitHubCommands::findRun(GitHubClient *client, int runNumber,
                             std::function<void(const WorkflowRun &)> next)
{
    m_session->await(client->runs(LookupLimit), [this, runNumber, next](const QList<WorkflowRun> &runs) {
        for (const WorkflowRun &run : runs) {
            if (run.runNumber == runNumber) {
                next(run);
                return;
            }
        }
        m_session->fail(ApiError(
            ApiError::Kind::NotFound,
            tr("no CI run #%1 among the newest %2 runs of the workflow").arg(runNumber).arg(LookupLimit),
            tr("List the runs with: capstan --cli builds --limit %1").arg(LookupLimit)));
    });
}

void GitHubCommands::liveRunNumber(std::function<void(int, const QString &)> next)
{
    const QString pattern = versionPattern();
    attemptApplication(
        [this, pattern, next](const ArgoApplication &application) {
            const QString live = application.liveRevision();
            if (live.isEmpty()) {
                m_session->fail(ApiError(ApiError::Kind::NotFound,
                                         tr("Argo CD application %1 has never been deployed: nothing is live")
                                             .arg(application.name)));
                return;
            }
            const std::optional<int> run = BuildCatalog::runNumberFor(pattern, live);
            if (!run) {
                m_session->fail(
                    ApiError(ApiError::Kind::NotFound,
                             tr("the live chart version %1 does not match the version pattern %2, so "
                                "it is no CI build")
                                 .arg(live, pattern)));
                return;
            }
            next(*run, live);
        },
        [this](const ApiError &error) {
            ApiError named = error;
            named.prependContext(tr("Argo CD (to find the live build)"));
            m_session->fail(named);
        });
}

void GitHubCommands::changes(const CommandLine::Invocation &invocation)
{
    const auto parse = [](const QString &text, const QString &what) -> int {
        if (text == QLatin1StringView("live"))
            return 0;
        bool ok = false;
        const int number = text.toInt(&ok);
        if (!ok || number < 1) {
            throw ApiError(ApiError::Kind::Usage,
                           tr("%1 must be a build number or \"live\", not \"%2\"").arg(what, text));
        }
        return number;
    };
    const int fromArg = parse(invocation.positionals.at(0), QStringLiteral("FROM"));
    const int toArg = parse(invocation.positionals.at(1), QStringLiteral("TO"));
    const QString pattern = versionPattern();
    const QString chart = chartName();

    const auto withNumbers = [=, this](int liveRun) {
        const int fromRun = fromArg == 0 ? liveRun : fromArg;
        const int toRun = toArg == 0 ? liveRun : toArg;
        m_session->await(m_session->gitHub(), [=, this](GitHubClient *client) {
            findRun(client, fromRun, [=, this](const WorkflowRun &fromRunData) {
                findRun(client, toRun, [=, this](const WorkflowRun &toRunData) {
                    const Endpoint from{fromRun, fromRunData,
                                        BuildCatalog::chartVersionFor(pattern, fromRun)};
                    const Endpoint to{toRun, toRunData, BuildCatalog::chartVersionFor(pattern, toRun)};
                    m_session->await(
                        client->compare(fromRunData.headSha, toRunData.headSha),
                        [=, this](const GitHubComparison &comparison) {
                            chartDiff(chart, from.chartVersion, to.chartVersion,
                                      [=, this](const std::optional<ChartDiff> &diff, const QString &why) {
                                          printChanges(from, to, comparison, diff, why);
                                          m_session->finish(ExitCode::Ok);
                                      });
                        });
                });
            });
        });
    };

    if (fromArg == 0 || toArg == 0)
        liveRunNumber([withNumbers](int run, const QString &) { withNumbers(run); });
    else
        withNumbers(0);
}

void GitHubCommands::chartDiff(const QString &chart, const QString &fromVersion, const QString &toVersion,
                               std::function<void(const std::optional<ChartDiff> &, const QString &)> next)
{
    if (chart.isEmpty()) {
        next(std::nullopt, tr("the configuration names no chart (chart.name)"));
        return;
    }
    const auto unavailable = [next](const ApiError &error) { next(std::nullopt, error.toString()); };
    attempt<ChartMuseumClient *>(
        m_session->chartMuseum(),
        [=, this](ChartMuseumClient *const &client) {
            attempt<ChartVersion>(
                client->version(chart, fromVersion),
                [=, this](const ChartVersion &fromEntry) {
                    attempt<ChartVersion>(
                        client->version(chart, toVersion),
                        [=, this](const ChartVersion &toEntry) {
                            const ChartCache cache(m_session->factory()->chartCacheDirectory());
                            attempt<QByteArray>(
                                cache.fetch(client, fromEntry),
                                [=, this](const QByteArray &fromBytes) {
                                    attempt<QByteArray>(
                                        ChartCache().fetch(client, toEntry),
                                        [=, this](const QByteArray &toBytes) {
                                            QFuture<ChartDiff> diff = QtConcurrent::run([=] {
                                                QString error;
                                                const std::optional<ChartArchive> a =
                                                    ChartArchive::read(fromBytes, &error);
                                                if (!a)
                                                    throw ApiError(ApiError::Kind::Archive, error);
                                                const std::optional<ChartArchive> b =
                                                    ChartArchive::read(toBytes, &error);
                                                if (!b)
                                                    throw ApiError(ApiError::Kind::Archive, error);
                                                ChartDiffer::Options options;
                                                options.patches = false;
                                                return ChartDiffer::diff(*a, *b, options);
                                            });
                                            attempt<ChartDiff>(
                                                diff,
                                                [next](const ChartDiff &result) { next(result, QString()); },
                                                unavailable);
                                        },
                                        unavailable);
                                },
                                unavailable);
                        },
                        unavailable);
                },
                unavailable);
        },
        unavailable);
}

void GitHubCommands::printChanges(const Endpoint &from, const Endpoint &to,
                                  const GitHubComparison &comparison, const std::optional<ChartDiff> &diff,
                                  const QString &why)
{
    OutputWriter *out = m_session->output();
    if (!diff)
        out->note(tr("No chart diff: %1").arg(why));
    if (out->isJson()) {
        const auto endpoint = [](const Endpoint &e) {
            return QJsonObject{{QStringLiteral("run"), e.runNumber},
                               {QStringLiteral("sha"), e.run.headSha},
                               {QStringLiteral("chartVersion"), e.chartVersion}};
        };
        QJsonArray commits;
        for (const GitHubCommit &commit : comparison.commits)
            commits.append(commitJson(commit));
        QJsonValue chart;
        if (diff) {
            QJsonArray metadata;
            for (const ChartDiff::MetadataChange &change : diff->metadata) {
                metadata.append(QJsonObject{{QStringLiteral("field"), change.field},
                                            {QStringLiteral("from"), change.from},
                                            {QStringLiteral("to"), change.to}});
            }
            QJsonArray files;
            for (const ChartDiff::File &file : diff->files) {
                files.append(QJsonObject{{QStringLiteral("path"), file.path},
                                         {QStringLiteral("status"), ChartDiff::statusName(file.status)},
                                         {QStringLiteral("additions"), file.additions},
                                         {QStringLiteral("deletions"), file.deletions},
                                         {QStringLiteral("binary"), file.binary}});
            }
            chart = QJsonObject{{QStringLiteral("metadata"), metadata}, {QStringLiteral("files"), files}};
        }
        out->json(QJsonObject{{QStringLiteral("from"), endpoint(from)},
                              {QStringLiteral("to"), endpoint(to)},
                              {QStringLiteral("status"), comparison.status},
                              {QStringLiteral("commits"), commits},
                              {QStringLiteral("chartDiff"), chart}});
        return;
    }

    QString text =
        tr("Changes from #%1 (%2, %3) to #%4 (%5, %6): %n commit(s)", nullptr, int(comparison.commits.size()))
            .arg(from.runNumber)
            .arg(from.chartVersion, from.run.shortSha())
            .arg(to.runNumber)
            .arg(to.chartVersion, to.run.shortSha()) +
        u'\n';
    if (comparison.status == QLatin1StringView("behind") ||
        comparison.status == QLatin1StringView("diverged")) {
        text += tr("Note: %1 is %2 the other build (%n commit(s) behind)", nullptr, comparison.behindBy)
                    .arg(QStringLiteral("#%1").arg(to.runNumber), comparison.status) +
                u'\n';
    }
    if (!comparison.commits.isEmpty()) {
        QList<QStringList> rows;
        for (const GitHubCommit &commit : comparison.commits)
            rows.append({commit.shortSha(), commit.authorName, commit.subject()});
        text += u'\n' + OutputWriter::table({tr("COMMIT"), tr("AUTHOR"), tr("SUBJECT")}, rows);
    }
    if (diff) {
        text += u'\n' + tr("Chart %1 → %2: ").arg(from.chartVersion, to.chartVersion);
        if (diff->isEmpty()) {
            text += tr("no differences") + u'\n';
        } else {
            text += diff->changeSummary() + u'\n';
            QList<QStringList> rows;
            for (const ChartDiff::MetadataChange &change : diff->metadata) {
                rows.append({change.field, change.from.isEmpty() ? QStringLiteral("-") : change.from,
                             QStringLiteral("→"), change.to.isEmpty() ? QStringLiteral("-") : change.to});
            }
            if (!rows.isEmpty())
                text += OutputWriter::table({tr("FIELD"), tr("FROM"), QString(), tr("TO")}, rows);
            rows.clear();
            for (const ChartDiff::File &file : diff->files) {
                rows.append({ChartDiff::statusName(file.status), file.path,
                             file.binary
                                 ? tr("binary")
                                 : QStringLiteral("+%1 -%2").arg(file.additions).arg(file.deletions)});
            }
            if (!rows.isEmpty())
                text += OutputWriter::table({tr("STATUS"), tr("PATH"), tr("LINES")}, rows);
        }
    }
    out->text(text);
}

void GitHubCommands::createRelease(const CommandLine::Invocation &invocation)
{
    if (!invocation.has(QStringLiteral("build"))) {
        throw ApiError(ApiError::Kind::Usage, tr("release create needs --build N"),
                       tr("For example: capstan --cli release create --build 148"));
    }
    const int build = invocation.positiveNumber(QStringLiteral("build"), 0);
    const bool notesFromLive = invocation.has(QStringLiteral("notes-from"));
    if (notesFromLive && invocation.value(QStringLiteral("notes-from")) != QLatin1StringView("live")) {
        throw ApiError(ApiError::Kind::Usage, tr("--notes-from takes \"live\", not \"%1\"")
                                                  .arg(invocation.value(QStringLiteral("notes-from"))));
    }
    const bool draft = invocation.has(QStringLiteral("draft"));
    const QString pattern = versionPattern();
    const QString tag = BuildCatalog::chartVersionFor(pattern, build);

    const auto create = [=, this](const QString &previousTag) {
        m_session->await(m_session->gitHub(), [=, this](GitHubClient *client) {
            findRun(client, build, [=, this](const WorkflowRun &run) {
                m_session->await(
                    client->generateNotes(tag, run.headSha, previousTag),
                    [=, this](const std::pair<QString, QString> &notes) {
                        const QString name = notes.first.isEmpty() ? tag : notes.first;
                        m_session->await(
                            client->createRelease(tag, run.headSha, name, notes.second, draft),
                            [=, this](const GitHubRelease &release) {
                                OutputWriter *out = m_session->output();
                                if (out->isJson()) {
                                    out->json(
                                        QJsonObject{{QStringLiteral("id"), double(release.id)},
                                                    {QStringLiteral("tag"), release.tagName},
                                                    {QStringLiteral("name"), release.name},
                                                    {QStringLiteral("target"), run.headSha},
                                                    {QStringLiteral("draft"), release.draft},
                                                    {QStringLiteral("url"), release.htmlUrl.toString()}});
                                } else {
                                    out->text((release.draft
                                                   ? tr("Created draft release %1 for build #%2 (%3)\n")
                                                   : tr("Created release %1 for build #%2 (%3)\n"))
                                                  .arg(release.tagName)
                                                  .arg(build)
                                                  .arg(run.shortSha()) +
                                              release.htmlUrl.toString() + u'\n');
                                }
                                m_session->finish(ExitCode::Ok);
                            });
                    });
            });
        });
    };

    if (notesFromLive)
        liveRunNumber([create](int, const QString &version) { create(version); });
    else
        create(QString());
}

void GitHubCommands::runWorkflow(const CommandLine::Invocation &invocation)
{
    const Config config = m_session->config();
    const QString ref = invocation.has(QStringLiteral("ref"))
                            ? invocation.value(QStringLiteral("ref"))
                            : (config.github ? config.github->branch : Config::GitHub().branch);
    if (ref.isEmpty())
        throw ApiError(ApiError::Kind::Usage, tr("--ref must not be empty"));
    QMap<QString, QString> inputs;
    const QStringList given = invocation.valueList(QStringLiteral("input"));
    for (const QString &input : given) {
        const qsizetype equals = input.indexOf(u'=');
        if (equals <= 0) {
            throw ApiError(ApiError::Kind::Usage, tr("--input \"%1\" is not KEY=VALUE").arg(input),
                           tr("For example: --input deploy=false"));
        }
        inputs.insert(input.left(equals), input.mid(equals + 1));
    }
    const bool follow = invocation.has(QStringLiteral("watch"));
    const int interval = qEnvironmentVariableIsSet("CAPSTAN_CI_POLL_MS")
                             ? std::max(10, qEnvironmentVariableIntValue("CAPSTAN_CI_POLL_MS"))
                             : DefaultPollMs;

    m_session->await(m_session->gitHub(), [=, this](GitHubClient *client) {
        QFuture<qint64> dispatched =
            client->dispatch(ref, inputs).onFailed([ref](const ApiError &error) -> qint64 {
                ApiError named = error;
                if (error.exitCode() == ExitCode::NotFound)
                    named.setHint(tr("Check that the branch or tag \"%1\" exists on GitHub.").arg(ref));
                throw named;
            });
        m_session->await(dispatched, [=, this](qint64 runId) {
            m_session->await(client->run(runId), [=, this](const WorkflowRun &run) {
                OutputWriter *out = m_session->output();
                if (!out->isJson()) {
                    out->text(tr("Started run %1 (#%2) on %3\n%4\n")
                                  .arg(run.id)
                                  .arg(run.runNumber)
                                  .arg(ref, run.htmlUrl.toString()));
                }
                if (!follow) {
                    printRun(run, false);
                    m_session->finish(ExitCode::Ok);
                    return;
                }
                if (!out->isJson())
                    out->text(tr("%1  %2\n").arg(QTime::currentTime().toString(Qt::ISODate), ciState(run)));
                if (run.isCompleted()) {
                    printRun(run, true);
                    m_session->finish(run.isSuccess() ? ExitCode::Ok : ExitCode::Failed);
                    return;
                }
                watch(client, runId, ciState(run), interval);
            });
        });
    });
}

void GitHubCommands::watch(GitHubClient *client, qint64 runId, const QString &lastState, int intervalMs)
{
    QTimer::singleShot(intervalMs, this, [=, this] {
        m_session->await(client->run(runId), [=, this](const WorkflowRun &run) {
            OutputWriter *out = m_session->output();
            const QString state = ciState(run);
            if (state != lastState && !out->isJson())
                out->text(tr("%1  %2\n").arg(QTime::currentTime().toString(Qt::ISODate), state));
            if (run.isCompleted()) {
                printRun(run, true);
                m_session->finish(run.isSuccess() ? ExitCode::Ok : ExitCode::Failed);
                return;
            }
            watch(client, runId, state, intervalMs);
        });
    });
}

void GitHubCommands::printRun(const WorkflowRun &run, bool final)
{
    OutputWriter *out = m_session->output();
    if (out->isJson()) {
        out->json(QJsonObject{{QStringLiteral("runId"), double(run.id)},
                              {QStringLiteral("run"), run.runNumber},
                              {QStringLiteral("url"), run.htmlUrl.toString()},
                              {QStringLiteral("status"), run.status},
                              {QStringLiteral("conclusion"), orNull(run.conclusion)}});
        return;
    }
    if (final) {
        out->text(run.isSuccess()
                      ? tr("Run #%1 succeeded\n").arg(run.runNumber)
                      : tr("Run #%1 completed with conclusion %2\n").arg(run.runNumber).arg(run.conclusion));
    }
}

} // namespace capstan
