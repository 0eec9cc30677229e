#include "ChartCommands.h"
#include "chart/ChartDigest.h"
#include "text/Rfc3339.h"

#include "CliSession.h"
#include "OutputWriter.h"
#include "chart/ChartArchive.h"
#include "chart/SemVer.h"
#include "chart/SemVerConstraint.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "net/HttpClient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>

namespace capstan {

namespace {

QString textTime(const QDateTime &time)
{
    return time.isValid() ? Rfc3339::format(time, Rfc3339::Precision::Seconds) : QStringLiteral("-");
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString repositoryLabel(ChartMuseumClient *client)
{
    return client->http()->baseUrl().toDisplayString(QUrl::RemoveUserInfo);
}

// A chart name or version from the server becomes part of a local file name: it must stay one plain name.
bool isPlainFileName(const QString &name)
{
    if (name.isEmpty() || name.startsWith(u'.') || name.contains(u'/') || name.contains(u'\\'))
        return false;
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

} // namespace

ChartCommands::ChartCommands(CliSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

QList<CommandSpec> ChartCommands::specs()
{
    QList<CommandSpec> list;

    CommandSpec charts;
    charts.name = QStringLiteral("charts");
    charts.summary = tr("List the charts in ChartMuseum with their number of versions and newest version");
    charts.description = tr(
        "LATEST is the highest version by SemVer precedence, prereleases included: the builds CI publishes\n"
        "(1.0.0-<run>) are prereleases. JSON: an array of {name, versions, latest}, sorted by name.");
    charts.examples = {QStringLiteral("charts"), QStringLiteral("charts -o json"),
                       QStringLiteral("--sandbox charts")};
    list.append(charts);

    CommandSpec versions;
    versions.name = QStringLiteral("versions");
    versions.summary = tr("List the versions of a chart, newest first");
    versions.positionals = {QStringLiteral("CHART")};
    versions.options = {
        {QStringLiteral("range"), QChar(), QStringLiteral("RANGE"),
         tr("Only versions in this SemVer range, e.g. \"~1.2\" or \">=1.0.0-0 <2\"; as in Helm, a prerelease "
            "matches only a range that names one")},
        {QStringLiteral("limit"), QChar(), QStringLiteral("N"), tr("At most N versions (the newest)")},
        {QStringLiteral("stable"), QChar(), QString(),
         tr("Leave out prereleases (CI builds 1.0.0-<run> are prereleases)")},
    };
    versions.description =
        tr("All versions are listed by default, prereleases included, since every CI build is one.\n"
           "JSON: an array of {name, version, appVersion, created (RFC 3339, UTC), digest (sha256)}.");
    versions.examples = {QStringLiteral("versions torvalds"), QStringLiteral("versions torvalds --limit 5"),
                         QStringLiteral("versions torvalds --range \">=1.0.0-40 <1.0.0\" -o json"),
                         QStringLiteral("versions torvalds --stable")};
    list.append(versions);

    CommandSpec show;
    show.name = QStringLiteral("show");
    show.summary = tr("Show a chart version: metadata, files with sizes, and values.yaml");
    show.positionals = {QStringLiteral("CHART"), QStringLiteral("VERSION")};
    show.description =
        tr("VERSION is an exact version, a range the server resolves (e.g. \"~1.2\"), or \"latest\": the "
           "newest\n"
           "version, prereleases included, as `charts` shows it. The package is downloaded, checked against "
           "its\n"
           "sha256 digest and read with Helm's loader rules.\n"
           "JSON: {name, version, appVersion, description, created, digest, chartYaml, values,\n"
           "files: [{path, size}]}.");
    show.examples = {QStringLiteral("show torvalds 1.0.0-148"),
                     QStringLiteral("show torvalds latest -o json")};
    list.append(show);

    CommandSpec pull;
    pull.name = QStringLiteral("pull");
    pull.summary = tr("Download a chart version's package (.tgz), checked against its digest");
    pull.positionals = {QStringLiteral("CHART"), QStringLiteral("VERSION")};
    pull.options = {
        {QStringLiteral("dir"), u'd', QStringLiteral("DIR"),
         tr("Write into DIR (created if needed) instead of the current directory")},
        {QStringLiteral("force"), QChar(), QString(), tr("Replace an existing file with different content")},
    };
    pull.description = tr(
        "Writes DIR/<name>-<version>.tgz atomically: the bytes are checked against the sha256 digest the\n"
        "server lists, written to a temporary file and renamed into place, so an interrupted pull never\n"
        "leaves a partial file. An existing file with the same content is left as it is (exit 0); one with\n"
        "different content is a conflict (exit 6) unless --force is given.\n"
        "VERSION is resolved as for `show`. JSON: {file, digest, size}.");
    pull.examples = {QStringLiteral("pull torvalds 1.0.0-148"),
                     QStringLiteral("pull torvalds latest -d charts/"),
                     QStringLiteral("pull torvalds 1.0.0-148 -d /tmp --force -o json")};
    list.append(pull);

    return list;
}

bool ChartCommands::handles(const QString &command) const
{
    return command == QLatin1StringView("charts") || command == QLatin1StringView("versions") ||
           command == QLatin1StringView("show") || command == QLatin1StringView("pull");
}

void ChartCommands::run(const CommandLine::Invocation &invocation)
{
    const QString command = invocation.command();
    if (command == QLatin1StringView("charts"))
        charts();
    else if (command == QLatin1StringView("versions"))
        versions(invocation);
    else if (command == QLatin1StringView("show"))
        show(invocation);
    else if (command == QLatin1StringView("pull"))
        pull(invocation);
}

void ChartCommands::charts()
{
    m_session->await(m_session->chartMuseum(), [this](ChartMuseumClient *client) {
        m_session->await(client->charts(), [this, client](const QMap<QString, QList<ChartVersion>> &charts) {
            OutputWriter *out = m_session->output();
            if (out->isJson()) {
                QJsonArray array;
                for (auto it = charts.cbegin(); it != charts.cend(); ++it) {
                    array.append(QJsonObject{
                        {QStringLiteral("name"), it.key()},
                        {QStringLiteral("versions"), int(it.value().size())},
                        {QStringLiteral("latest"),
                         it.value().isEmpty() ? QJsonValue() : QJsonValue(it.value().first().version())},
                    });
                }
                out->json(array);
            } else if (charts.isEmpty()) {
                out->text(tr("No charts in %1.").arg(repositoryLabel(client)) + u'\n');
            } else {
                QList<QStringList> rows;
                for (auto it = charts.cbegin(); it != charts.cend(); ++it) {
                    rows.append({it.key(), QString::number(it.value().size()),
                                 it.value().isEmpty() ? QStringLiteral("-") : it.value().first().version()});
                }
                out->text(OutputWriter::table({tr("NAME"), tr("VERSIONS"), tr("LATEST")}, rows));
            }
            m_session->finish(ExitCode::Ok);
        });
    });
}

void ChartCommands::versions(const CommandLine::Invocation &invocation)
{
    const QString chart = invocation.positionals.at(0);
    std::optional<SemVerConstraint> range;
    if (invocation.has(QStringLiteral("range"))) {
        QString error;
        range = SemVerConstraint::parse(invocation.value(QStringLiteral("range")), &error);
        if (!range) {
            throw ApiError(
                ApiError::Kind::Usage,
                tr("invalid --range \"%1\": %2").arg(invocation.value(QStringLiteral("range")), error),
                tr("Ranges look like \"~1.2\", \">=1.0.0 <2.0.0\" or \"1.0.0-0 - 1.0.0-999\"."));
        }
    }
    qsizetype limit = -1;
    if (invocation.has(QStringLiteral("limit"))) {
        bool ok = false;
        limit = invocation.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1) {
            throw ApiError(ApiError::Kind::Usage,
                           tr("invalid --limit \"%1\": expected a whole number of at least 1")
                               .arg(invocation.value(QStringLiteral("limit"))),
                           CommandLine::helpHint(QStringLiteral("versions")));
        }
    }
    const bool stableOnly = invocation.has(QStringLiteral("stable"));

    m_session->await(m_session->chartMuseum(), [=, this](ChartMuseumClient *client) {
        m_session->await(client->versions(chart), [=, this](const QList<ChartVersion> &all) {
            QList<const ChartVersion *> shown;
            shown.reserve(all.size());
            for (const ChartVersion &entry : all) {
                if (limit >= 0 && shown.size() >= limit)
                    break;
                if (range || stableOnly) {
                    const std::optional<SemVer> parsed = SemVer::parse(entry.version());
                    if (!parsed)
                        continue;
                    if (stableOnly && parsed->isPrerelease())
                        continue;
                    if (range && !range->matches(*parsed))
                        continue;
                }
                shown.append(&entry);
            }

            OutputWriter *out = m_session->output();
            if (out->isJson()) {
                QJsonArray array;
                for (const ChartVersion *entry : std::as_const(shown)) {
                    array.append(QJsonObject{
                        {QStringLiteral("name"), entry->name()},
                        {QStringLiteral("version"), entry->version()},
                        {QStringLiteral("appVersion"), entry->appVersion()},
                        {QStringLiteral("created"), Rfc3339::json(entry->created)},
                        {QStringLiteral("digest"), entry->digest},
                    });
                }
                out->json(array);
            } else if (shown.isEmpty()) {
                out->text(all.isEmpty() ? tr("%1 has no versions.").arg(chart) + u'\n'
                                        : tr("No version of %1 matches.").arg(chart) + u'\n');
            } else {
                QList<QStringList> rows;
                rows.reserve(shown.size());
                for (const ChartVersion *entry : std::as_const(shown)) {
                    rows.append({entry->version(), orDash(entry->appVersion()), textTime(entry->created),
                                 orDash(entry->digest.left(12))});
                }
                out->text(OutputWriter::table({tr("VERSION"), tr("APP VERSION"), tr("CREATED"), tr("DIGEST")},
                                              rows));
            }
            m_session->finish(ExitCode::Ok);
        });
    });
}

void ChartCommands::resolve(ChartMuseumClient *client, const QString &chart, const QString &version,
                            std::function<void(const ChartVersion &)> next)
{
    if (version == QLatin1StringView("latest")) {
        m_session->await(client->versions(chart), [chart, next](const QList<ChartVersion> &all) {
            if (all.isEmpty())
                throw ApiError(ApiError::Kind::NotFound, tr("%1 has no versions").arg(chart));
            next(all.first());
        });
        return;
    }
    m_session->await(client->version(chart, version), [next](const ChartVersion &entry) { next(entry); });
}

void ChartCommands::show(const CommandLine::Invocation &invocation)
{
    const QString chart = invocation.positionals.at(0);
    const QString version = invocation.positionals.at(1);
    m_session->await(m_session->chartMuseum(), [=, this](ChartMuseumClient *client) {
        resolve(client, chart, version, [=, this](const ChartVersion &entry) {
            m_session->await(client->download(entry), [=, this](const QByteArray &bytes) {
                QString error;
                const std::optional<ChartArchive> archive = ChartArchive::read(bytes, &error);
                if (!archive) {
                    throw ApiError(ApiError::Kind::Archive,
                                   tr("%1 %2 is not a valid chart package: %3")
                                       .arg(entry.name(), entry.version(), error),
                                   tr("The package on the server is damaged; publish it again."));
                }
                const ChartMetadata &meta = archive->metadata();
                OutputWriter *out = m_session->output();
                if (out->isJson()) {
                    QJsonArray files;
                    for (const ChartArchive::File &file : archive->files())
                        files.append(QJsonObject{{QStringLiteral("path"), file.path},
                                                 {QStringLiteral("size"), double(file.size)}});
                    out->json(QJsonObject{
                        {QStringLiteral("name"), meta.name},
                        {QStringLiteral("version"), meta.version},
                        {QStringLiteral("appVersion"), meta.appVersion},
                        {QStringLiteral("description"), meta.description},
                        {QStringLiteral("created"), Rfc3339::json(entry.created)},
                        {QStringLiteral("digest"), entry.digest},
                        {QStringLiteral("chartYaml"), QString::fromUtf8(archive->chartYaml())},
                        {QStringLiteral("values"), QString::fromUtf8(archive->valuesYaml())},
                        {QStringLiteral("files"), files},
                    });
                } else {
                    const QStringList nameRow = {tr("Name:"), meta.name};
                    const QList<QStringList> fields = {
                        {tr("Version:"), meta.version},
                        {tr("App version:"), orDash(meta.appVersion)},
                        {tr("Description:"), orDash(meta.description)},
                        {tr("Created:"), textTime(entry.created)},
                        {tr("Digest:"), QStringLiteral("sha256:") + entry.digest},
                    };
                    QString text = OutputWriter::table(nameRow, fields);
                    QList<QStringList> rows;
                    for (const ChartArchive::File &file : archive->files())
                        rows.append({QString::number(file.size), file.path});
                    text +=
                        u'\n' +
                        tr("Files (%1, %2 bytes):").arg(archive->files().size()).arg(archive->totalSize()) +
                        u'\n' + OutputWriter::table({tr("SIZE"), tr("PATH")}, rows);
                    const QString values = QString::fromUtf8(archive->valuesYaml());
                    text += u'\n' + tr("values.yaml:") + u'\n';
                    if (values.isEmpty())
                        text += tr("(empty)") + u'\n';
                    else
                        text += values.endsWith(u'\n') ? values : values + u'\n';
                    out->text(text);
                }
                m_session->finish(ExitCode::Ok);
            });
        });
    });
}

void ChartCommands::pull(const CommandLine::Invocation &invocation)
{
    const QString chart = invocation.positionals.at(0);
    const QString version = invocation.positionals.at(1);
    const QString directory =
        invocation.has(QStringLiteral("dir")) ? invocation.value(QStringLiteral("dir")) : QStringLiteral(".");
    if (directory.isEmpty()) {
        throw ApiError(ApiError::Kind::Usage, tr("-d/--dir needs a directory, not an empty string"),
                       CommandLine::helpHint(QStringLiteral("pull")));
    }
    const QFileInfo directoryInfo(directory);
    if (directoryInfo.exists() && !directoryInfo.isDir()) {
        throw ApiError(ApiError::Kind::Usage, tr("%1 is not a directory").arg(directory),
                       tr("-d/--dir names the directory to write the package into."));
    }
    const bool force = invocation.has(QStringLiteral("force"));
    m_session->await(m_session->chartMuseum(), [=, this](ChartMuseumClient *client) {
        resolve(client, chart, version, [=, this](const ChartVersion &entry) {
            const QString fileName = entry.name() + u'-' + entry.version() + QStringLiteral(".tgz");
            if (!isPlainFileName(entry.name()) || !isPlainFileName(fileName)) {
                throw ApiError(
                    ApiError::Kind::Decode,
                    tr("Refusing to write \"%1\": the chart name or version from the server is not a "
                       "plain file name")
                        .arg(fileName));
            }
            m_session->await(client->download(entry), [=, this](const QByteArray &bytes) {
                writePulled(entry, bytes, directory, force);
            });
        });
    });
}

void ChartCommands::writePulled(const ChartVersion &entry, const QByteArray &bytes, const QString &directory,
                                bool force)
{
    QDir dir(directory);
    if (!dir.exists() && !QDir().mkpath(directory)) {
        throw ApiError(ApiError::Kind::Failed, tr("Cannot create the directory %1").arg(directory),
                       tr("Check the path and its permissions."));
    }
    const QString path =
        QFileInfo(dir.filePath(entry.name() + u'-' + entry.version() + QStringLiteral(".tgz")))
            .absoluteFilePath();
    const QString digest = ChartDigest::of(bytes);

    bool unchanged = false;
    const QFileInfo existing(path);
    if (existing.exists()) {
        if (!existing.isFile()) {
            throw ApiError(ApiError::Kind::Failed, tr("%1 exists and is not a regular file").arg(path),
                           tr("Move it away or choose another directory with -d."));
        }
        QFile current(path);
        if (!current.open(QIODevice::ReadOnly)) {
            throw ApiError(ApiError::Kind::Failed,
                           tr("Cannot read the existing %1: %2").arg(path, current.errorString()));
        }
        unchanged = current.size() == bytes.size() && current.readAll() == bytes;
        if (!unchanged && !force) {
            m_session->fail(
                ApiError(ApiError::Kind::Failed, tr("%1 already exists with different content").arg(path),
                         tr("Pass --force to replace it, or pull into another directory with -d.")),
                ExitCode::Conflict);
            return;
        }
    }

    if (!unchanged) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            throw ApiError(ApiError::Kind::Failed, tr("Cannot write %1: %2").arg(path, file.errorString()),
                           tr("Check free space and permissions; nothing was changed."));
        }
    }

    OutputWriter *out = m_session->output();
    if (out->isJson()) {
        out->json(QJsonObject{{QStringLiteral("file"), path},
                              {QStringLiteral("digest"), digest},
                              {QStringLiteral("size"), double(bytes.size())}});
    } else if (unchanged) {
        out->text(
            tr("%1 is already up to date (%2 bytes, sha256:%3)").arg(path).arg(bytes.size()).arg(digest) +
            u'\n');
    } else {
        out->text(tr("Saved %1 (%2 bytes, sha256:%3)").arg(path).arg(bytes.size()).arg(digest) + u'\n');
    }
    m_session->finish(ExitCode::Ok);
}

} // namespace capstan
