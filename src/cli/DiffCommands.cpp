#include "DiffCommands.h"

#include "CliSession.h"
#include "OutputWriter.h"
#include "app/ClientFactory.h"
#include "chart/ChartArchive.h"
#include "chart/ChartCache.h"
#include "chart/ChartDiffer.h"
#include "chartmuseum/ChartMuseumClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QtConcurrent>

#include <future>

namespace capstan {

namespace {

QString statusLetter(ChartDiff::Status status)
{
    switch (status) {
    case ChartDiff::Status::Added:
        return QStringLiteral("A");
    case ChartDiff::Status::Removed:
        return QStringLiteral("D");
    case ChartDiff::Status::Modified:
        break;
    }
    return QStringLiteral("M");
}

} // namespace

DiffCommands::DiffCommands(CliSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

QList<CommandSpec> DiffCommands::specs()
{
    CommandSpec diff;
    diff.name = QStringLiteral("diff");
    diff.summary = tr("Compare two versions of a chart: metadata, changed files and unified diffs");
    diff.positionals = {QStringLiteral("CHART"), QStringLiteral("V1"), QStringLiteral("V2")};
    diff.options = {
        {QStringLiteral("stat"), QChar(), QString(),
         tr("Only the list of changed files with +/- line counts")},
    };
    diff.description = tr(
        "Both packages are downloaded, checked against their sha256 digests and kept in a local cache keyed\n"
        "by digest, so comparing them again needs no download. Prints the metadata changes (version,\n"
        "appVersion, description, dependencies, annotations), then the changed files and a unified diff per\n"
        "file. Exit 0 when the versions do not differ, 1 when they do (like diff), 5 when a version does "
        "not\n"
        "exist. JSON: {chart, from, to, metadata: [{field, from, to}], files: [{path, status "
        "(added|removed|\n"
        "modified), additions, deletions, binary, patch}]} (patch left out with --stat).");
    diff.examples = {QStringLiteral("diff torvalds 1.0.0-146 1.0.0-148"),
                     QStringLiteral("diff torvalds 1.0.0-146 1.0.0-148 --stat"),
                     QStringLiteral("--sandbox diff torvalds 1.0.0-146 1.0.0-148 -o json")};
    return {diff};
}

bool DiffCommands::handles(const QString &command) const
{
    return command == QLatin1StringView("diff");
}

void DiffCommands::run(const CommandLine::Invocation &invocation)
{
    const QString chart = invocation.positionals.at(0);
    const QString v1 = invocation.positionals.at(1);
    const QString v2 = invocation.positionals.at(2);
    const bool stat = invocation.has(QStringLiteral("stat"));
    m_session->await(m_session->chartMuseum(), [=, this](ChartMuseumClient *client) {
        // Both versions are looked up at once; each package is fetched as soon as its version is known and
        // unpacked on the thread pool as soon as it is there, so neither waits for the other.
        const QFuture<ChartVersion> toEntry = resolve(client, chart, v2);
        m_session->await(resolve(client, chart, v1), [=, this](const ChartVersion &from) {
            const QFuture<ChartArchive> fromArchive = open(client, chart, from);
            m_session->await(toEntry, [=, this](const ChartVersion &to) {
                const QFuture<ChartArchive> toArchive = open(client, chart, to);
                m_session->await(fromArchive, [=, this](const ChartArchive &a) {
                    m_session->await(toArchive, [=, this](const ChartArchive &b) {
                        compare(chart, from, to, a, b, stat);
                    });
                });
            });
        });
    });
}

QFuture<ChartVersion> DiffCommands::resolve(ChartMuseumClient *client, const QString &chart,
                                            const QString &version)
{
    return client->version(chart, version).onFailed([chart, version](const ApiError &error) {
        ApiError named = error;
        // ChartMuseumClient names a missing version and the command that lists them.
        if (error.exitCode() != ExitCode::NotFound)
            named.prependContext(tr("version %1 of %2").arg(version, chart));
        named.raise();
        return ChartVersion();
    });
}

QFuture<ChartArchive> DiffCommands::open(ChartMuseumClient *client, const QString &chart,
                                         const ChartVersion &entry)
{
    // The cache is read and verified on the thread pool; a miss is downloaded by the client (which checks
    // the digest) and stored while it is unpacked, so the diff does not wait for the disk.
    const ChartCache cache(m_session->factory()->chartCacheDirectory());
    const QString digest = entry.digest.toLower();
    QFuture<QPair<QByteArray, bool>> bytes =
        // The application is the context, not this command: the run may end (the other version missing)
        // while the lookup is still on the pool, and the application outlives the pool's tasks.
        cache.lookup(digest)
            .then(QCoreApplication::instance(),
                  [client, entry](const QByteArray &cached) {
                      if (!cached.isNull())
                          return QtFuture::makeReadyFuture(qMakePair(cached, false));
                      return client->download(entry).then(
                          [](const QByteArray &downloaded) { return qMakePair(downloaded, true); });
                  })
            .unwrap();
    return bytes.then(QtFuture::Launch::Async, [chart, entry, cache,
                                                digest](const QPair<QByteArray, bool> &tgz) {
        // A thread of its own: the pool's are busy unpacking, and storing mostly waits for the disk.
        std::future<bool> stored;
        if (tgz.second && ChartCache::isDigest(digest))
            stored = std::async(std::launch::async,
                                [cache, digest, tgz] { return cache.store(digest, tgz.first); });
        QString error;
        std::optional<ChartArchive> archive = ChartArchive::read(tgz.first, &error);
        if (stored.valid())
            stored.wait(); // a failure to store is not an error
        if (!archive) {
            throw ApiError(ApiError::Kind::Archive,
                           tr("%1 %2 is not a valid chart package: %3").arg(chart, entry.version(), error));
        }
        return std::move(*archive);
    });
}

void DiffCommands::compare(const QString &chart, const ChartVersion &from, const ChartVersion &to,
                           const ChartArchive &a, const ChartArchive &b, bool stat)
{
    ChartDiffer::Options options;
    options.patches = !stat;
    QFuture<ChartDiff> diff = QtConcurrent::run([a, b, options] { return ChartDiffer::diff(a, b, options); });
    m_session->await(diff, [=, this](const ChartDiff &result) {
        print(chart, from, to, result, stat);
        m_session->finish(result.isEmpty() ? ExitCode::Ok : ExitCode::Failed);
    });
}

void DiffCommands::print(const QString &chart, const ChartVersion &from, const ChartVersion &to,
                         const ChartDiff &diff, bool stat)
{
    OutputWriter *out = m_session->output();
    if (out->isJson()) {
        QJsonArray metadata;
        for (const ChartDiff::MetadataChange &change : diff.metadata) {
            metadata.append(QJsonObject{{QStringLiteral("field"), change.field},
                                        {QStringLiteral("from"), change.from},
                                        {QStringLiteral("to"), change.to}});
        }
        QJsonArray files;
        for (const ChartDiff::File &file : diff.files) {
            QJsonObject object{{QStringLiteral("path"), file.path},
                               {QStringLiteral("status"), ChartDiff::statusName(file.status)},
                               {QStringLiteral("additions"), file.additions},
                               {QStringLiteral("deletions"), file.deletions},
                               {QStringLiteral("binary"), file.binary}};
            if (!stat)
                object.insert(QStringLiteral("patch"), file.patch);
            files.append(object);
        }
        out->json(QJsonObject{{QStringLiteral("chart"), chart},
                              {QStringLiteral("from"), from.version()},
                              {QStringLiteral("to"), to.version()},
                              {QStringLiteral("metadata"), metadata},
                              {QStringLiteral("files"), files}});
        return;
    }

    QString text = tr("%1: %2 → %3").arg(chart, from.version(), to.version()) + u'\n';
    if (diff.isEmpty()) {
        out->text(text + tr("No differences.") + u'\n');
        return;
    }
    if (!diff.metadata.isEmpty()) {
        QList<QStringList> rows;
        for (const ChartDiff::MetadataChange &change : diff.metadata) {
            rows.append({change.field, change.from.isEmpty() ? QStringLiteral("-") : change.from,
                         QStringLiteral("→"), change.to.isEmpty() ? QStringLiteral("-") : change.to});
        }
        text += u'\n' + OutputWriter::table({tr("FIELD"), tr("FROM"), QString(), tr("TO")}, rows);
    }
    if (!diff.files.isEmpty()) {
        QList<QStringList> rows;
        for (const ChartDiff::File &file : diff.files) {
            rows.append({statusLetter(file.status), file.path,
                         file.binary ? tr("binary")
                                     : QStringLiteral("+%1 -%2").arg(file.additions).arg(file.deletions)});
        }
        text += u'\n' + diff.changeSummary() + u'\n' +
                OutputWriter::table({tr("ST"), tr("PATH"), tr("LINES")}, rows);
    }
    if (!stat) {
        for (const ChartDiff::File &file : diff.files) {
            text += u'\n' + file.patch;
            if (!file.patch.endsWith(u'\n'))
                text += u'\n';
        }
    }
    out->text(text);
}

} // namespace capstan
