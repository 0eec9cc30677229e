#include "DeveloperCommands.h"

#include "CliSession.h"
#include "OutputWriter.h"
#include "SandboxSeeder.h"
#include "chartmuseum/ChartMuseumServer.h"

#include <QDir>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTemporaryDir>

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace capstan {

namespace {

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}
#endif

} // namespace

DeveloperCommands::DeveloperCommands(CliSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

DeveloperCommands::~DeveloperCommands() = default;

QList<CommandSpec> DeveloperCommands::specs()
{
    CommandSpec serve;
    serve.name = QStringLiteral("sandbox-serve");
    serve.hidden = true;
    serve.summary = tr("Developer tool: run a seeded local ChartMuseum until interrupted");
    serve.options = {
        {QStringLiteral("versions"), QChar(), QStringLiteral("N"),
         tr("Seed N versions 1.0.0-1 … of one chart instead of the sample history")},
        {QStringLiteral("chart"), QChar(), QStringLiteral("NAME"),
         tr("The chart seeded by --versions (torvalds)")},
        {QStringLiteral("dir"), QChar(), QStringLiteral("DIR"),
         tr("Storage directory; kept afterwards, and not seeded again if it already holds packages")},
        {QStringLiteral("port"), QChar(), QStringLiteral("PORT"),
         tr("Port on 127.0.0.1 (default: any free port)")},
    };
    serve.description =
        tr("Prints the server URL as the first line on stdout (JSON: {url, directory, charts}), then serves\n"
           "without authentication until SIGINT or SIGTERM. Used by bench/versions.sh.");
    serve.examples = {QStringLiteral("sandbox-serve --versions 10000 --port 8080"),
                      QStringLiteral("sandbox-serve --dir /tmp/charts -o json")};
    return {serve};
}

bool DeveloperCommands::handles(const QString &command) const
{
    return command == QLatin1StringView("sandbox-serve");
}

void DeveloperCommands::run(const CommandLine::Invocation &invocation)
{
    if (invocation.command() == QLatin1StringView("sandbox-serve"))
        serve(invocation);
}

void DeveloperCommands::serve(const CommandLine::Invocation &invocation)
{
    const int versions = invocation.positiveNumber(QStringLiteral("versions"), 0, 1000000);
    const int port = invocation.positiveNumber(QStringLiteral("port"), 0, 65535);
    const QString chart = invocation.has(QStringLiteral("chart")) ? invocation.value(QStringLiteral("chart"))
                                                                  : QStringLiteral("torvalds");

    QString directory = invocation.value(QStringLiteral("dir"));
    if (directory.isEmpty()) {
        m_temporary = std::make_unique<QTemporaryDir>();
        if (!m_temporary->isValid()) {
            throw ApiError(ApiError::Kind::Failed,
                           tr("Cannot create a temporary directory: %1").arg(m_temporary->errorString()));
        }
        directory = m_temporary->path();
    }
    directory = QDir(directory).absolutePath();

    const bool seeded = !QDir(directory).entryList({QStringLiteral("*.tgz")}, QDir::Files).isEmpty();
    int chartFiles = 0;
    if (!seeded) {
        const SandboxSeeder::Result result = versions > 0
                                                 ? SandboxSeeder::seedMany(directory, chart, versions)
                                                 : SandboxSeeder::seedHomelab(directory);
        if (!result.error.isEmpty())
            throw ApiError(ApiError::Kind::Failed, tr("Cannot seed %1: %2").arg(directory, result.error));
        chartFiles = result.chartFiles;
    } else {
        chartFiles = int(QDir(directory).entryList({QStringLiteral("*.tgz")}, QDir::Files).size());
    }

    ChartMuseumServer::Options options;
    options.storageDirectory = directory;
    m_server = new ChartMuseumServer(options, this);
    QString error;
    if (!m_server->listen(quint16(port), &error))
        throw ApiError(ApiError::Kind::Failed, tr("Cannot listen on 127.0.0.1:%1: %2").arg(port).arg(error));

    OutputWriter *out = m_session->output();
    const QString url = m_server->url().toString();
    if (out->isJson()) {
        out->json(QJsonObject{{QStringLiteral("url"), url},
                              {QStringLiteral("directory"), directory},
                              {QStringLiteral("charts"), chartFiles}});
    } else {
        out->text(url + u'\n');
        out->note(tr("Serving %1 chart packages from %2; stop with Ctrl+C.").arg(chartFiles).arg(directory));
    }
    stopOnSignals();
}

void DeveloperCommands::stopOnSignals()
{
#ifdef Q_OS_UNIX
    if (::pipe(signalPipe) != 0)
        return;
    ::fcntl(signalPipe[1], F_SETFL, O_NONBLOCK);
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this, notifier] {
        notifier->setEnabled(false);
        m_session->finish(ExitCode::Ok);
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
#endif
}

} // namespace capstan
