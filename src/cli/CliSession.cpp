#include "CliSession.h"

#include "OutputWriter.h"
#include "Sandbox.h"
#include "app/ClientFactory.h"
#include "config/ConfigLoader.h"
#include "credentials/CredentialStore.h"
#include "pipeline/DeployJournal.h"
#include "pipeline/JournalLocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace capstan {

CliSession::CliSession(const CommandLine::Invocation &invocation, OutputWriter *output, QObject *parent)
    : QObject(parent)
    , m_invocation(invocation)
    , m_output(output)
{}

CliSession::~CliSession() = default;

Sandbox *CliSession::sandbox()
{
    if (!m_invocation.sandbox)
        return nullptr;
    if (!m_sandbox) {
        Sandbox::Options options;
        options.directory = m_invocation.sandboxDirectory.isEmpty() ? Sandbox::defaultDirectory()
                                                                    : m_invocation.sandboxDirectory;
        options.keepState = true;
        options.reset = m_invocation.sandboxReset;
        auto *sandbox = new Sandbox(options, this);
        QString error;
        if (!sandbox->start(&error)) {
            delete sandbox;
            throw ApiError(ApiError::Kind::Failed, tr("Cannot start the sandbox: %1").arg(error));
        }
        m_sandbox = sandbox;
    }
    return m_sandbox;
}

QProcessEnvironment CliSession::environment()
{
    if (Sandbox *box = sandbox())
        return box->environment();
    return QProcessEnvironment::systemEnvironment();
}

CredentialStore *CliSession::credentials()
{
    if (!m_credentials)
        m_credentials = m_invocation.sandbox
                            ? CredentialStore::environmentOnly(environment(), this)
                            : new CredentialStore(environment(), QStringLiteral("capstan"), this);
    return m_credentials;
}

Config CliSession::config()
{
    if (m_config)
        return *m_config;
    if (Sandbox *box = sandbox()) {
        m_config = box->config();
        return *m_config;
    }
    const QString explicitPath = m_invocation.configPath;
    if (!explicitPath.isEmpty() && !QFileInfo(explicitPath).isFile()) {
        throw ApiError(ApiError::Kind::Config,
                       QFileInfo::exists(explicitPath)
                           ? tr("%1: the configuration is not a regular file").arg(explicitPath)
                           : tr("%1: no such configuration file").arg(explicitPath),
                       tr("Check the path given to --config."));
    }
    const QString userPath = ConfigLoader::defaultUserConfigPath();
    const QString path =
        ConfigLoader::locate(explicitPath, QDir::currentPath(), QFileInfo(userPath).absolutePath());
    if (path.isEmpty()) {
        throw ApiError(ApiError::Kind::Config,
                       tr("No configuration file: looked for %1 and %2")
                           .arg(QDir::current().filePath(QStringLiteral("capstan.yaml")), userPath),
                       tr("Pass --config FILE, create capstan.yaml, or try --sandbox."));
    }
    ConfigError error;
    std::optional<Config> loaded = ConfigLoader::loadFile(path, &error);
    if (!loaded) {
        if (error.file.isEmpty())
            error.file = path;
        throw ApiError(ApiError::Kind::Config, error.toString(),
                       tr("Fix the configuration file, or pass another one with --config FILE."));
    }
    m_config = std::move(*loaded);
    return *m_config;
}

ClientFactory *CliSession::factory()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    if (!m_factory) {
        m_factory = new ClientFactory(m_network, credentials(), this);
        if (Sandbox *box = sandbox())
            m_factory->setCacheDirectory(box->cacheDirectory());
    }
    return m_factory;
}

QString CliSession::journalFile(const QProcessEnvironment &environment)
{
    return JournalLocation::file(environment);
}

DeployJournal *CliSession::journal()
{
    if (!m_journal)
        m_journal = std::make_unique<DeployJournal>(journalFile(environment()));
    return m_journal.get();
}

bool CliSession::confirm(bool confirmed, const QString &question, const QString &withoutTerminal,
                         const QString &declined, const QString &hint)
{
    if (confirmed)
        return true;
    if (!::isatty(STDIN_FILENO)) {
        throw ApiError(ApiError::Kind::Usage, withoutTerminal,
                       hint.isEmpty() ? tr("Nothing was changed. Run it again with --yes to confirm.")
                                      : hint);
    }
    std::fputs(qPrintable(question + QStringLiteral(" [y/N] ")), stderr);
    std::fflush(stderr);
    QTextStream input(stdin);
    const QString answer = input.readLine().trimmed().toLower();
    if (answer == QLatin1StringView("y") || answer == QLatin1StringView("yes"))
        return true;
    m_output->note(declined);
    if (m_output->isJson())
        m_output->json(
            QJsonObject{{QStringLiteral("declined"), true}, {QStringLiteral("message"), declined}});
    // Finished from the event loop, so the caller records the refusal (ActionRecorder) before the run ends.
    QMetaObject::invokeMethod(
        this, [this] { finish(ExitCode::Ok); }, Qt::QueuedConnection);
    return false;
}

template <typename Client>
QFuture<Client *> CliSession::client(QFuture<Client *> (ClientFactory::*make)(const Config &))
{
    try {
        const Config current = config();
        return (factory()->*make)(current);
    } catch (const ApiError &error) {
        return QtFuture::makeExceptionalFuture<Client *>(error);
    }
}

QFuture<ChartMuseumClient *> CliSession::chartMuseum()
{
    return client(&ClientFactory::chartMuseum);
}

QFuture<ArgoCdClient *> CliSession::argoCd()
{
    return client(&ClientFactory::argoCd);
}

QFuture<GitHubClient *> CliSession::gitHub()
{
    return client(&ClientFactory::gitHub);
}

void CliSession::finish(ExitCode code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = code;
    Q_EMIT finishing(code);
    QCoreApplication::exit(int(code));
}

void CliSession::fail(const ApiError &error, std::optional<ExitCode> code)
{
    if (m_finished)
        return;
    Q_EMIT failing(error);
    m_output->error(error, code);
    finish(code.value_or(error.exitCode()));
}

void CliSession::failUnexpected(std::exception_ptr exception)
{
    QString what = tr("unknown error");
    try {
        if (exception)
            std::rethrow_exception(exception);
    } catch (const ApiError &error) {
        fail(error);
        return;
    } catch (const std::exception &error) {
        what = QString::fromLocal8Bit(error.what());
    } catch (...) {
    }
    fail(ApiError(ApiError::Kind::Failed, tr("Unexpected failure: %1").arg(what)));
}

int CliSession::exec(const std::function<void()> &start)
{
    QMetaObject::invokeMethod(
        this,
        [this, start] {
            try {
                start();
            } catch (...) {
                failUnexpected(std::current_exception());
            }
        },
        Qt::QueuedConnection);
    const int code = QCoreApplication::exec();
    return m_finished ? int(m_exitCode) : code;
}

} // namespace capstan
