#include "PublishCommands.h"
#include "text/Rfc3339.h"

#include "CliSession.h"
#include "OutputWriter.h"
#include "chart/ChartPackager.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "net/HttpClient.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace capstan {

namespace {} // namespace

PublishCommands::PublishCommands(CliSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

QList<CommandSpec> PublishCommands::specs()
{
    QList<CommandSpec> list;

    CommandSpec publish;
    publish.name = QStringLiteral("publish");
    publish.summary = tr("Upload a chart package (or a chart directory, packaged first) to ChartMuseum");
    publish.positionals = {QStringLiteral("FILE.tgz|DIR")};
    publish.options = {
        {QStringLiteral("force"), QChar(), QString(),
         tr("Overwrite an existing version (refused by a server started with --disable-force-overwrite)")},
    };
    publish.description =
        tr("The package is checked locally with Helm's loader rules and the 20 MiB upload limit before "
           "anything\n"
           "is sent; a directory is packaged natively as `package` would, with its Chart.yaml version.\n"
           "After the upload the version is read back and its sha256 digest compared with what was sent.\n"
           "An existing version is a conflict (exit 6) unless --force is given and the server allows it.\n"
           "JSON: {name, version, digest, created}.");
    publish.examples = {QStringLiteral("publish torvalds-1.0.0-148.tgz"),
                        QStringLiteral("publish charts/torvalds"),
                        QStringLiteral("publish torvalds-1.0.0-148.tgz --force -o json")};
    list.append(publish);

    CommandSpec remove;
    remove.name = QStringLiteral("delete");
    remove.summary = tr("Delete one chart version from ChartMuseum (permanent; needs --yes)");
    remove.positionals = {QStringLiteral("CHART"), QStringLiteral("VERSION")};
    remove.options = {
        {QStringLiteral("yes"), QChar(), QString(), tr("Confirm the deletion: it cannot be undone")},
    };
    remove.description =
        tr("VERSION is exact (no ranges, no \"latest\"). A missing version is exit 5; a server started with\n"
           "--disable-delete refuses every delete (exit 1, said so). JSON: {name, version, deleted}.");
    remove.examples = {QStringLiteral("delete torvalds 1.0.0-101 --yes"),
                       QStringLiteral("delete torvalds 1.0.0-101 --yes -o json")};
    list.append(remove);

    return list;
}

bool PublishCommands::handles(const QString &command) const
{
    return command == QLatin1StringView("publish") || command == QLatin1StringView("delete");
}

void PublishCommands::run(const CommandLine::Invocation &invocation)
{
    if (invocation.command() == QLatin1StringView("publish"))
        publish(invocation);
    else
        remove(invocation);
}

void PublishCommands::publish(const CommandLine::Invocation &invocation)
{
    const QString path = invocation.positionals.at(0);
    const bool force = invocation.has(QStringLiteral("force"));
    const QFileInfo info(path);
    QByteArray package;
    if (!info.exists()) {
        throw ApiError(ApiError::Kind::NotFound, tr("%1 does not exist").arg(path),
                       tr("publish takes a chart package (.tgz) or a chart directory."));
    }
    if (info.isDir()) {
        QString error;
        const std::optional<ChartPackager::Result> packaged = ChartPackager::package(path, {}, &error);
        if (!packaged) {
            throw ApiError(ApiError::Kind::Archive, tr("Cannot package %1: %2").arg(path, error),
                           tr("Nothing was sent. Fix the chart directory and try again."));
        }
        package = packaged->archive;
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            throw ApiError(ApiError::Kind::Failed, tr("Cannot read %1: %2").arg(path, file.errorString()),
                           tr("Check the file's permissions."));
        }
        if (file.size() > ChartMuseumClient::MaxUploadSize) {
            throw ApiError(ApiError::Kind::Archive,
                           tr("%1 is %2 bytes; ChartMuseum accepts at most %3 bytes (20 MiB) per upload")
                               .arg(path)
                               .arg(file.size())
                               .arg(ChartMuseumClient::MaxUploadSize),
                           tr("Nothing was sent. Keep large files out of the chart (.helmignore)."));
        }
        package = file.readAll();
    }

    m_session->await(m_session->chartMuseum(), [=, this](ChartMuseumClient *client) {
        QFuture<ChartVersion> uploaded =
            client->upload(package, force).onFailed([path](const ApiError &error) {
                ApiError failure = error;
                if (failure.kind() == ApiError::Kind::Archive)
                    failure.prependContext(path);
                throw failure;
                return ChartVersion();
            });
        m_session->await(uploaded, [this, client](const ChartVersion &entry) {
            OutputWriter *out = m_session->output();
            if (out->isJson()) {
                out->json(QJsonObject{{QStringLiteral("name"), entry.name()},
                                      {QStringLiteral("version"), entry.version()},
                                      {QStringLiteral("digest"), entry.digest},
                                      {QStringLiteral("created"), Rfc3339::json(entry.created)}});
            } else {
                out->text(tr("Published %1 %2 to %3\n")
                              .arg(entry.name(), entry.version(),
                                   client->http()->baseUrl().toDisplayString(QUrl::RemoveUserInfo)) +
                          tr("Digest sha256:%1 (verified against the server's listing)\n").arg(entry.digest));
            }
            m_session->finish(ExitCode::Ok);
        });
    });
}

void PublishCommands::remove(const CommandLine::Invocation &invocation)
{
    const QString chart = invocation.positionals.at(0);
    const QString version = invocation.positionals.at(1);
    if (!invocation.has(QStringLiteral("yes"))) {
        throw ApiError(ApiError::Kind::Usage,
                       tr("Deleting %1 %2 is permanent and needs --yes").arg(chart, version),
                       tr("Run `capstan --cli delete %1 %2 --yes` to confirm.").arg(chart, version));
    }
    if (version == QLatin1StringView("latest")) {
        throw ApiError(ApiError::Kind::Usage, tr("delete needs an exact version, not \"latest\""),
                       tr("List the versions with `capstan --cli versions %1`.").arg(chart));
    }
    m_session->await(m_session->chartMuseum(), [=, this](ChartMuseumClient *client) {
        m_session->await(client->remove(chart, version), [=, this] {
            OutputWriter *out = m_session->output();
            if (out->isJson()) {
                out->json(QJsonObject{{QStringLiteral("name"), chart},
                                      {QStringLiteral("version"), version},
                                      {QStringLiteral("deleted"), true}});
            } else {
                out->text(tr("Deleted %1 %2\n").arg(chart, version));
            }
            m_session->finish(ExitCode::Ok);
        });
    });
}

} // namespace capstan
