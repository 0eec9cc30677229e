#include "DeveloperCommands.h"

#include "CliSession.h"
#include "HomelabHistory.h"
#include "OutputWriter.h"
#include "Sandbox.h"
#include "SandboxSeeder.h"
#include "argocd/ArgoCdServer.h"
#include "chartmuseum/ChartMuseumServer.h"
#include "github/GitHubServer.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcessEnvironment>
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
    serve.summary =
        tr("Developer tool: run a seeded local ChartMuseum (or the whole sandbox) until interrupted");
    serve.options = {
        {QStringLiteral("all"), QChar(), QString(),
         tr("Run the whole sandbox: ChartMuseum, Argo CD and GitHub with the sample repository")},
        {QStringLiteral("faults"), QChar(), QStringLiteral("SPEC"),
         tr("Random faults of every server, e.g. error=0.2,drop=0.02,latency=10-80,seed=7 (default: "
            "CAPSTAN_SANDBOX_FAULTS)")},
        {QStringLiteral("runs"), QChar(), QStringLiteral("N"),
         tr("With --all: N more successful CI runs after the sample history, to deploy")},
        {QStringLiteral("versions"), QChar(), QStringLiteral("N"),
         tr("Seed N versions 1.0.0-1 … of one chart instead of the sample history")},
        {QStringLiteral("chart"), QChar(), QStringLiteral("NAME"),
         tr("The chart seeded by --versions (torvalds)")},
        {QStringLiteral("dir"), QChar(), QStringLiteral("DIR"),
         tr("Storage directory; kept afterwards, and not seeded again if it already holds packages")},
        {QStringLiteral("port"), QChar(), QStringLiteral("PORT"),
         tr("Port on 127.0.0.1 (default: any free port)")},
    };
    serve.description = tr(
        "Prints the server URL as the first line on stdout (JSON: {url, directory, charts}), then serves\n"
        "without authentication until SIGINT or SIGTERM. Used by bench/versions.sh.\n"
        "With --all: the sandbox's three servers (Argo CD operations quick) in --dir (an empty or new\n"
        "directory), accepting the credentials in CAPSTAN_CHARTMUSEUM_PASSWORD, CAPSTAN_ARGOCD_TOKEN\n"
        "(three dot-separated parts) and CAPSTAN_GITHUB_TOKEN; the sample repository's capstan.yaml points\n"
        "at them. Prints {chartmuseum, argocd, github, directory, repository, config, charts, firstRun,\n"
        "lastRun, faults} (text: one \"key: value\" line each). Used by bench/soak.sh.");
    serve.examples = {
        QStringLiteral("sandbox-serve --versions 10000 --port 8080"),
        QStringLiteral("sandbox-serve --dir /tmp/charts -o json"),
        QStringLiteral("sandbox-serve --all --dir /tmp/soak --runs 100 --faults error=0.2 -o json")};
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
    if (invocation.has(QStringLiteral("all"))) {
        serveAll(invocation);
        return;
    }
    if (invocation.has(QStringLiteral("runs")) || invocation.has(QStringLiteral("faults")))
        throw ApiError(ApiError::Kind::Usage, tr("--runs and --faults need --all"),
                       CommandLine::helpHint(QStringLiteral("sandbox-serve")));
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

void DeveloperCommands::serveAll(const CommandLine::Invocation &invocation)
{
    for (const QString &option :
         {QStringLiteral("versions"), QStringLiteral("chart"), QStringLiteral("port")}) {
        if (invocation.has(option))
            throw ApiError(ApiError::Kind::Usage, tr("--%1 does not apply to --all").arg(option),
                           CommandLine::helpHint(QStringLiteral("sandbox-serve")));
    }
    Sandbox::Options options;
    options.quick = true;
    options.extraRuns = invocation.positiveNumber(QStringLiteral("runs"), 0, 100000);
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const auto credential = [&environment](const QString &variable) {
        const QString value = environment.value(variable);
        if (value.isEmpty())
            throw ApiError(ApiError::Kind::Usage,
                           tr("sandbox-serve --all takes its credentials from %1, which is "
                              "not set")
                               .arg(variable),
                           tr("Set CAPSTAN_CHARTMUSEUM_PASSWORD, CAPSTAN_ARGOCD_TOKEN and "
                              "CAPSTAN_GITHUB_TOKEN; the deploys use the same variables."));
        return value;
    };
    options.chartMuseumPassword = credential(QStringLiteral("CAPSTAN_CHARTMUSEUM_PASSWORD"));
    options.argoCdToken = credential(QStringLiteral("CAPSTAN_ARGOCD_TOKEN"));
    options.gitHubToken = credential(QStringLiteral("CAPSTAN_GITHUB_TOKEN"));
    if (options.argoCdToken.split(u'.').size() != 3)
        throw ApiError(ApiError::Kind::Usage,
                       tr("CAPSTAN_ARGOCD_TOKEN must have three dot-separated parts, as a JWT has"));
    if (invocation.has(QStringLiteral("faults"))) {
        QString error;
        options.faults = FaultInjector::Profile::parse(invocation.value(QStringLiteral("faults")), &error);
        if (!options.faults)
            throw ApiError(ApiError::Kind::Usage, tr("--faults: %1").arg(error),
                           CommandLine::helpHint(QStringLiteral("sandbox-serve")));
    }
    if (invocation.has(QStringLiteral("dir"))) {
        options.directory = QDir(invocation.value(QStringLiteral("dir"))).absolutePath();
        if (!QDir(options.directory).isEmpty())
            throw ApiError(
                ApiError::Kind::Usage,
                tr("%1 is not empty; --all needs an empty or new directory").arg(options.directory));
    }

    m_sandbox = new Sandbox(options, this);
    QString error;
    if (!m_sandbox->start(&error))
        throw ApiError(ApiError::Kind::Failed, tr("Cannot start the sandbox: %1").arg(error));

    const Config config = m_sandbox->config();
    const QString configFile = QDir(m_sandbox->sampleRepository()).filePath(QStringLiteral("capstan.yaml"));
    QFile file(configFile);
    const QByteArray sections =
        QStringLiteral("\nchartmuseum:\n  url: %1\n  username: %2\nargocd:\n  url: %3\n  app: %4\n"
                       "github:\n  url: %5\n  repo: %6\n  workflow: %7\n")
            .arg(config.chartmuseum->url.toString(), config.chartmuseum->username,
                 config.argocd->url.toString(), config.argocd->app, config.github->url.toString(),
                 config.github->repo, config.github->workflow)
            .toUtf8();
    if (!file.open(QIODevice::Append) || file.write(sections) != sections.size())
        throw ApiError(ApiError::Kind::Failed, tr("Cannot write %1: %2").arg(configFile, file.errorString()));
    file.close();

    const QString charts = QDir(m_sandbox->directory()).filePath(QStringLiteral("chartmuseum"));
    const FaultInjector::Profile faults = m_sandbox->chartMuseum()->faultInjector().profile();
    const int firstRun = options.extraRuns > 0 ? HomelabHistory::LastRun + 1 : 0;
    const int lastRun = options.extraRuns > 0 ? HomelabHistory::LastRun + options.extraRuns : 0;
    const QList<std::pair<QString, QJsonValue>> fields = {
        {QStringLiteral("chartmuseum"), config.chartmuseum->url.toString()},
        {QStringLiteral("argocd"), config.argocd->url.toString()},
        {QStringLiteral("github"), config.github->url.toString()},
        {QStringLiteral("directory"), m_sandbox->directory()},
        {QStringLiteral("repository"), m_sandbox->sampleRepository()},
        {QStringLiteral("config"), configFile},
        {QStringLiteral("charts"), charts},
        {QStringLiteral("firstRun"), firstRun},
        {QStringLiteral("lastRun"), lastRun},
        {QStringLiteral("faults"), faults.isActive() ? faults.toString() : QString()},
    };
    OutputWriter *out = m_session->output();
    if (out->isJson()) {
        QJsonObject object;
        for (const auto &[key, value] : fields)
            object.insert(key, value);
        out->json(object);
    } else {
        QString text;
        for (const auto &[key, value] : fields)
            text += key + QStringLiteral(": ") + value.toVariant().toString() + u'\n';
        out->text(text);
        out->note(tr("Serving the sandbox from %1; stop with Ctrl+C.").arg(m_sandbox->directory()));
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
        if (m_sandbox) {
            const auto report = [this](const QString &name, int requests, const FaultInjector &faults) {
                m_session->output()->note(
                    tr("%1: %2 requests, %3 answered 500 on purpose, %4 answers dropped "
                       "after the change")
                        .arg(name)
                        .arg(requests)
                        .arg(faults.failed())
                        .arg(faults.dropped()));
            };
            report(QStringLiteral("ChartMuseum"), m_sandbox->chartMuseum()->requestCount(),
                   m_sandbox->chartMuseum()->faultInjector());
            report(QStringLiteral("Argo CD"), m_sandbox->argoCd()->requestCount(),
                   m_sandbox->argoCd()->faultInjector());
            report(QStringLiteral("GitHub"), m_sandbox->gitHub()->requestCount(),
                   m_sandbox->gitHub()->faultInjector());
        }
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
