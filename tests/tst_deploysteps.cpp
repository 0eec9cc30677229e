#include "HelmTool.h"
#include "ServerFixture.h"
#include "TestChartFactory.h"

#include "argocd/ArgoCdClient.h"
#include "argocd/ArgoCdServer.h"
#include "argocd/DeployLock.h"
#include "chart/ChartArchive.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "github/GitHubClient.h"
#include "github/GitHubServer.h"
#include "net/HttpClient.h"
#include "pipeline/ArgoCdSyncStep.h"
#include "pipeline/ChartMuseumPushStep.h"
#include "pipeline/DeployServices.h"
#include "pipeline/GitHubDispatchStep.h"
#include "pipeline/HelmPackageStep.h"
#include "pipeline/RunContext.h"
#include "pipeline/StepContext.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <mutex>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString ChartName = u"capstan-demo"_s;
const QString AppName = u"torvalds"_s;
const QString Token = u"header.payload.signature"_s;

// The lines one step printed, collected from the pool thread.
struct Lines
{
    std::mutex mutex;
    QStringList lines;

    void add(const QString &line)
    {
        std::lock_guard lock(mutex);
        lines.append(line);
    }
    QStringList all()
    {
        std::lock_guard lock(mutex);
        return lines;
    }
    bool contains(const QString &text)
    {
        std::lock_guard lock(mutex);
        for (const QString &line : std::as_const(lines)) {
            if (line.contains(text))
                return true;
        }
        return false;
    }
};

template <typename T> bool spinUntilFinished(const QFuture<T> &future, int ms = 30000)
{
    QDeadlineTimer deadline(ms);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(5);
    return future.isFinished();
}

template <typename T> std::optional<ApiError> errorOf(QFuture<T> future)
{
    if (!spinUntilFinished(future))
        return ApiError(ApiError::Kind::Timeout, u"test: future did not finish"_s);
    try {
        future.waitForFinished();
        if constexpr (!std::is_void_v<T>)
            future.result();
    } catch (const ApiError &error) {
        return error;
    }
    return std::nullopt;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

} // namespace

// Why: proves the network step kinds (helm-package, chartmuseum-push, argocd-sync, github-dispatch) and the
// deploy lock against the in-repo ChartMuseum, Argo CD and GitHub servers, each executor run on a pool thread
// as the runner does.
class TstDeploySteps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void package_data();
    void package();
    void packageIsReproducible();
    void packagePassesHelmLint();
    void packageErrors_data();
    void packageErrors();

    void push_data();
    void push();
    void pushAnswerLost_data();
    void pushAnswerLost();

    void argoSync_data();
    void argoSync();
    void argoSyncCancelTerminates();
    void argoSyncTimeout();
    void argoSyncDegraded();
    void argoSyncAnswerLost_data();
    void argoSyncAnswerLost();
    void argoSyncFollowsAutoSync();

    void dispatch_data();
    void dispatch();
    void dispatchCancelStopsFollowing();

    void lockAcquire();
    void lockRefusals_data();
    void lockRefusals();
    void lockRelease();
    void lockBreak_data();
    void lockBreak();
    void lockConcurrentAcquires_data();
    void lockConcurrentAcquires();
    void jsonPatchTestFailureIsConflict();
    void lockAnswerLost_data();
    void lockAnswerLost();

private:
    QString nextVersion() { return u"1.0.0-%1"_s.arg(++m_build); }
    void writeChart(bool withManifests);
    Config config() const;
    std::unique_ptr<RunContext> context(const QString &version, const Config &config);
    HttpClient *http(const QUrl &url, const QString &service, const QString &token = {});
    ChartMuseumClient *chartMuseumClient();
    // autoSync: the controller syncs by itself after each change, reconciling at once.
    void startArgo(const QString &targetRevision, int operationMs = 200, int progressMs = 100,
                   bool autoSync = false);
    ArgoCdClient *argoClient();
    void startGitHub(const QString &conclusion, int runMs = 300);
    GitHubClient *gitHubClient();
    StepResult runStep(StepExecutor &executor, const Step &step, RunContext &run, Lines &lines,
                       const std::function<bool(Lines &)> &when = {}, std::function<void()> action = {});
    QByteArray packageChart(const QString &version, RunContext **run = nullptr);
    QJsonValue appValue(const QStringList &path) const;

    std::unique_ptr<QTemporaryDir> m_work;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ServerFixture> m_chartMuseum;
    std::unique_ptr<ArgoCdServer> m_argo;
    std::unique_ptr<GitHubServer> m_gitHub;
    std::unique_ptr<DeployServices> m_services;
    std::vector<std::unique_ptr<QObject>> m_owned; // clients first, then their HttpClients
    std::vector<std::unique_ptr<RunContext>> m_runs;
    int m_build = 0;
};

void TstDeploySteps::init()
{
    qputenv("CAPSTAN_CI_POLL_MS", "50");
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_work->isValid());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_chartMuseum = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(m_chartMuseum->start(&error), qPrintable(error));
    m_services = std::make_unique<DeployServices>();
    writeChart(true);
}

void TstDeploySteps::cleanup()
{
    m_runs.clear();
    m_services.reset();
    while (!m_owned.empty())
        m_owned.pop_back();
    m_argo.reset();
    m_gitHub.reset();
    m_chartMuseum.reset();
    m_network.reset();
    m_work.reset();
}

void TstDeploySteps::writeChart(bool withManifests)
{
    const QString root = m_work->path();
    writeFile(root + u"/chart/Chart.yaml"_s, "apiVersion: v2\nname: capstan-demo\nversion: 0.1.0\n"
                                             "appVersion: \"1.0.0\"\ndescription: A demo chart\n");
    writeFile(root + u"/chart/values.yaml"_s, "replicas: 1\n");
    writeFile(root + u"/chart/templates/configmap.yaml"_s,
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-config\n"
              "data:\n  replicas: \"{{ .Values.replicas }}\"\n");
    if (withManifests)
        writeFile(
            root + u"/dist/deployment.k8s.yaml"_s,
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: demo\nspec:\n  ports:\n    - port: 80\n");
}

Config TstDeploySteps::config() const
{
    Config config;
    Config::Chart chart;
    chart.name = ChartName;
    chart.path = u"chart"_s;
    chart.manifests = u"dist"_s;
    config.chart = chart;
    Config::ChartMuseum chartMuseum;
    chartMuseum.url = m_chartMuseum->url();
    config.chartmuseum = chartMuseum;
    Config::ArgoCd argo;
    argo.url = m_argo ? m_argo->url() : QUrl(u"http://127.0.0.1:1"_s);
    argo.app = AppName;
    config.argocd = argo;
    Config::GitHub github;
    github.url = m_gitHub ? m_gitHub->url() : QUrl(u"http://127.0.0.1:1"_s);
    github.repo = u"homelab/torvalds"_s;
    github.workflow = u"ci.yml"_s;
    config.github = github;
    return config;
}

std::unique_ptr<RunContext> TstDeploySteps::context(const QString &version, const Config &config)
{
    DeployTarget target;
    target.build = version.section(u'-', 1);
    target.version = version;
    target.env = u"prod"_s;
    target.user = u"tester@host"_s;
    auto run = std::make_unique<RunContext>(config, target, m_work->path());
    run->setServices(m_services.get());
    return run;
}

HttpClient *TstDeploySteps::http(const QUrl &url, const QString &service, const QString &token)
{
    HttpClient::Options options;
    options.timeoutMs = 10000;
    options.backoffMs = 10;
    options.serviceName = service;
    options.credentialName = service.toLower();
    auto client = std::make_unique<HttpClient>(m_network.get(), url, options);
    if (!token.isEmpty())
        client->setAuth({HttpClient::Auth::Scheme::Bearer, {}, token});
    HttpClient *raw = client.get();
    m_owned.insert(m_owned.begin(), std::move(client)); // outlives the clients using it
    return raw;
}

ChartMuseumClient *TstDeploySteps::chartMuseumClient()
{
    auto client = std::make_unique<ChartMuseumClient>(http(m_chartMuseum->url(), u"ChartMuseum"_s));
    ChartMuseumClient *raw = client.get();
    m_owned.push_back(std::move(client));
    m_services->setChartMuseum(raw);
    return raw;
}

void TstDeploySteps::startArgo(const QString &targetRevision, int operationMs, int progressMs, bool autoSync)
{
    ArgoCdServer::Options options;
    options.tokens = {Token};
    options.operationMs = operationMs;
    options.progressMs = progressMs;
    options.reconcileMs = autoSync ? 0 : 20;
    // The Helm repository Argo CD reads is the ChartMuseum fixture: whatever is stored there exists.
    const QString storage = m_chartMuseum->repoDirectory();
    options.chartVersions = [storage](const QString &, const QString &chart) {
        QStringList versions;
        const QStringList files = QDir(storage).entryList({chart + u"-*.tgz"_s}, QDir::Files);
        for (const QString &file : files)
            versions.append(file.mid(chart.size() + 1).chopped(4));
        return versions;
    };
    // The version the application runs when the test starts (Argo CD validates every spec change against it).
    QVERIFY(m_chartMuseum->putChart(ChartName, u"1.0.0-0"_s));
    m_argo = std::make_unique<ArgoCdServer>(options);
    ArgoCdServer::AppSeed seed;
    seed.name = AppName;
    seed.repoUrl = m_chartMuseum->url().toString();
    seed.chart = ChartName;
    seed.targetRevision = targetRevision;
    seed.destinationNamespace = u"prod"_s;
    seed.autoSync = autoSync;
    seed.history.append({u"1.0.0-0"_s, QDateTime::currentDateTimeUtc().addDays(-1)});
    m_argo->addApplication(seed);
    QString error;
    QVERIFY2(m_argo->listen(0, &error), qPrintable(error));
}

ArgoCdClient *TstDeploySteps::argoClient()
{
    auto client = std::make_unique<ArgoCdClient>(http(m_argo->url(), u"Argo CD"_s, Token), AppName);
    ArgoCdClient *raw = client.get();
    m_owned.push_back(std::move(client));
    m_services->setArgoCd(raw);
    return raw;
}

void TstDeploySteps::startGitHub(const QString &conclusion, int runMs)
{
    GitHubServer::Options options;
    options.dispatchRunMs = runMs;
    options.dispatchConclusion = conclusion;
    m_gitHub = std::make_unique<GitHubServer>(options);
    GitHubServer::CommitSeed commit;
    commit.message = u"Initial commit"_s;
    commit.authorName = u"Alice"_s;
    commit.authorLogin = u"alice"_s;
    commit.authorEmail = u"alice@example.net"_s;
    commit.time = QDateTime::currentDateTimeUtc().addDays(-1);
    m_gitHub->addCommits({commit});
    QString error;
    QVERIFY2(m_gitHub->listen(0, &error), qPrintable(error));
}

GitHubClient *TstDeploySteps::gitHubClient()
{
    GitHubClient::Options options;
    options.repo = u"homelab/torvalds"_s;
    options.workflow = u"ci.yml"_s;
    options.dispatchPollIntervalMs = 50;
    // Dispatching is a write: GitHub wants a token for it even on a public repository.
    auto client = std::make_unique<GitHubClient>(http(m_gitHub->url(), u"GitHub"_s, u"ci-dispatch-token"_s),
                                                 options, nullptr);
    GitHubClient *raw = client.get();
    m_owned.push_back(std::move(client));
    m_services->setGitHub(raw);
    return raw;
}

StepResult TstDeploySteps::runStep(StepExecutor &executor, const Step &step, RunContext &run, Lines &lines,
                                   const std::function<bool(Lines &)> &when, std::function<void()> action)
{
    StepContext stepContext(step, run, [&lines](const QString &line) { lines.add(line); });
    QFuture<StepResult> future = QtConcurrent::run([&executor, &stepContext] {
        try {
            return executor.execute(stepContext);
        } catch (const ApiError &error) {
            StepResult result;
            result.status = StepResult::Status::Failed;
            result.message = error.toString();
            return result;
        }
    });
    bool acted = false;
    QDeadlineTimer deadline(60000);
    while (!future.isFinished() && !deadline.hasExpired()) {
        // `action` (default: cancel) runs once, as soon as `when` holds.
        if (when && !acted && when(lines)) {
            acted = true;
            if (action)
                action();
            else
                run.requestCancel();
        }
        QTest::qWait(5);
    }
    if (!future.isFinished()) {
        run.requestCancel();
        future.waitForFinished();
        StepResult result;
        result.message = u"test: the step did not finish"_s;
        return result;
    }
    return future.result();
}

QByteArray TstDeploySteps::packageChart(const QString &version, RunContext **runOut)
{
    m_runs.push_back(context(version, config()));
    RunContext *run = m_runs.back().get();
    if (runOut)
        *runOut = run;
    HelmPackageStep step;
    Step definition;
    definition.name = u"chart"_s;
    definition.kind = Step::Kind::HelmPackage;
    Lines lines;
    const StepResult result = runStep(step, definition, *run, lines);
    if (result.status != StepResult::Status::Succeeded) {
        qWarning("packaging failed: %s", qPrintable(result.message));
        return {};
    }
    QFile file(run->artifact(u"chart.package"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QJsonValue TstDeploySteps::appValue(const QStringList &path) const
{
    QJsonValue value = QJsonValue(m_argo->application(AppName));
    for (const QString &key : path)
        value = value.toObject().value(key);
    return value;
}

// ---- helm-package ----

void TstDeploySteps::package_data()
{
    QTest::addColumn<bool>("manifests");
    QTest::newRow("chart only") << false;
    QTest::newRow("chart and generated manifests") << true;
}

void TstDeploySteps::package()
{
    QFETCH(bool, manifests);
    Config settings = config();
    if (!manifests)
        settings.chart->manifests.clear();
    const QString version = nextVersion();
    auto run = context(version, settings);
    HelmPackageStep step;
    Step definition;
    definition.name = u"chart"_s;
    Lines lines;
    const StepResult result = runStep(step, definition, *run, lines);
    QCOMPARE(result.status, StepResult::Status::Succeeded);

    const QString path = run->artifact(u"chart.package"_s);
    QCOMPARE(path, QDir(m_work->path()).filePath(u".capstan/out/capstan-demo-%1.tgz"_s.arg(version)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(run->artifact(u"chart.name"_s), ChartName);
    QCOMPARE(run->artifact(u"chart.version"_s), version);
    QCOMPARE(run->artifact(u"chart.digest"_s),
             QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    QString error;
    const std::optional<ChartArchive> archive = ChartArchive::read(bytes, &error);
    QVERIFY2(archive, qPrintable(error));
    QCOMPARE(archive->metadata().version, version);
    QVERIFY(!archive->fileData(u"templates/configmap.yaml"_s).isEmpty());
    QCOMPARE(!archive->fileData(u"templates/deployment.k8s.yaml"_s).isEmpty(), manifests);
    QVERIFY2(lines.contains(run->artifact(u"chart.digest"_s)), qPrintable(lines.all().join(u'\n')));
    QVERIFY2(lines.contains(manifests ? u"4 file"_s : u"3 file"_s), qPrintable(lines.all().join(u'\n')));
}

void TstDeploySteps::packageIsReproducible()
{
    const QString version = nextVersion();
    RunContext *first = nullptr;
    const QByteArray once = packageChart(version, &first);
    QVERIFY(!once.isEmpty());
    QFile::remove(first->artifact(u"chart.package"_s));
    RunContext *second = nullptr;
    const QByteArray twice = packageChart(version, &second);
    QCOMPARE(twice, once);
    QCOMPARE(second->artifact(u"chart.digest"_s), first->artifact(u"chart.digest"_s));
}

void TstDeploySteps::packagePassesHelmLint()
{
    CAPSTAN_REQUIRE_HELM();
    RunContext *run = nullptr;
    QVERIFY(!packageChart(nextVersion(), &run).isEmpty());
    HelmTool helm;
    QByteArray output;
    QByteArray errors;
    QVERIFY2(helm.run({u"lint"_s, run->artifact(u"chart.package"_s)}, m_work->path(), &output, &errors),
             (output + errors).constData());
}

void TstDeploySteps::packageErrors_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no chart section") << u"section"_s << u"no chart section"_s;
    QTest::newRow("chart directory missing") << u"chart"_s << u"missing-chart"_s;
    QTest::newRow("manifests directory missing") << u"manifests"_s << u"missing-dist"_s;
    QTest::newRow("broken Chart.yaml") << u"yaml"_s << u"Chart.yaml"_s;
}

void TstDeploySteps::packageErrors()
{
    QFETCH(QString, problem);
    QFETCH(QString, expected);
    Config settings = config();
    if (problem == u"section")
        settings.chart.reset();
    else if (problem == u"chart")
        settings.chart->path = u"missing-chart"_s;
    else if (problem == u"manifests")
        settings.chart->manifests = u"missing-dist"_s;
    else
        writeFile(m_work->filePath(u"chart/Chart.yaml"_s), "apiVersion: v2\nname: [unterminated\n");
    auto run = context(nextVersion(), settings);
    HelmPackageStep step;
    Step definition;
    definition.name = u"chart"_s;
    Lines lines;
    const StepResult result = runStep(step, definition, *run, lines);
    QCOMPARE(result.status, StepResult::Status::Failed);
    QVERIFY2(result.message.contains(expected), qPrintable(result.message));
    QVERIFY(run->artifact(u"chart.package"_s).isEmpty());
}

// ---- chartmuseum-push ----

void TstDeploySteps::push_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<StepResult::Status>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("new version") << u"new"_s << StepResult::Status::Succeeded << u"published"_s;
    QTest::newRow("identical again") << u"identical"_s << StepResult::Status::Succeeded
                                     << u"already published"_s;
    QTest::newRow("different digest") << u"different"_s << StepResult::Status::Failed << u"conflict"_s;
    QTest::newRow("no package") << u"missing"_s << StepResult::Status::Failed << u"no package"_s;
    QTest::newRow("server error") << u"500"_s << StepResult::Status::Failed << u"500"_s;
}

void TstDeploySteps::push()
{
    QFETCH(QString, situation);
    QFETCH(StepResult::Status, status);
    QFETCH(QString, expected);
    ChartMuseumClient *client = chartMuseumClient();
    const QString version = nextVersion();
    RunContext *run = nullptr;
    const QByteArray bytes = packageChart(version, &run);
    QVERIFY(!bytes.isEmpty());
    ChartMuseumPushStep step;
    Step definition;
    definition.name = u"chartmuseum"_s;
    if (situation == u"identical") {
        Lines first;
        QCOMPARE(runStep(step, definition, *run, first).status, StepResult::Status::Succeeded);
    } else if (situation == u"different") {
        QVERIFY(m_chartMuseum->putChart(ChartName, version));
    } else if (situation == u"missing") {
        run->setArtifact(u"chart.package"_s, QString());
    } else if (situation == u"500") {
        ChartMuseumServer::Fault fault;
        fault.pathPrefix = u"/api/charts"_s;
        fault.count = -1;
        m_chartMuseum->server()->addFault(fault);
    }
    const QByteArray before = [&] {
        QFile stored(QDir(m_chartMuseum->repoDirectory()).filePath(u"capstan-demo-%1.tgz"_s.arg(version)));
        return stored.open(QIODevice::ReadOnly) ? stored.readAll() : QByteArray();
    }();

    Lines lines;
    const StepResult result = runStep(step, definition, *run, lines);
    QVERIFY2(result.status == status, qPrintable(result.message));
    QVERIFY2(result.message.contains(expected), qPrintable(result.message));
    if (situation == u"different")
        QVERIFY2(result.message.contains(version), qPrintable(result.message));

    QFile stored(QDir(m_chartMuseum->repoDirectory()).filePath(u"capstan-demo-%1.tgz"_s.arg(version)));
    if (situation == u"new" || situation == u"identical") {
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), bytes);
        m_chartMuseum->server()->clearFaults();
        const QFuture<ChartVersion> published = client->version(ChartName, version);
        QVERIFY(spinUntilFinished(published));
        QCOMPARE(published.result().digest, run->artifact(u"chart.digest"_s));
    } else if (situation == u"different") {
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), before); // never overwritten
        QVERIFY(before != bytes);
    } else {
        QVERIFY(!stored.exists());
    }
}

// The upload's answer goes missing before or after ChartMuseum stored the package: the step looks before it
// sends again, so the version ends up stored once with our bytes, or the conflict is reported.
void TstDeploySteps::pushAnswerLost_data()
{
    using Kind = ChartMuseumServer::Fault::Kind;
    QTest::addColumn<int>("faultKind");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("otherBytesThere");
    QTest::addColumn<StepResult::Status>("status");
    QTest::addColumn<QString>("expected");
    const auto ok = StepResult::Status::Succeeded;
    const auto failed = StepResult::Status::Failed;
    // Qt's transport resends a POST whose connection closed without an answer; that resend finds the version
    // there (409), and the step sees that the bytes are ours.
    QTest::newRow("answer dropped after it was stored")
        << int(Kind::DropAnswer) << 1 << false << ok << u"published"_s;
    // The client looks the version up, finds its digest and reports it published (not "already").
    QTest::newRow("504 after it was stored")
        << int(Kind::StatusAfterApply) << 1 << false << ok << u"published capstan-demo"_s;
    QTest::newRow("500 before it was stored") << int(Kind::Status) << 1 << false << ok << u"published"_s;
    QTest::newRow("500 twice") << int(Kind::Status) << 2 << false << ok << u"published"_s;
    QTest::newRow("connection closed before it was stored")
        << int(Kind::CloseConnection) << 1 << false << ok << u"published"_s;
    QTest::newRow("500, and other bytes are there")
        << int(Kind::Status) << 1 << true << failed << u"conflict"_s;
}

void TstDeploySteps::pushAnswerLost()
{
    QFETCH(int, faultKind);
    QFETCH(int, count);
    QFETCH(bool, otherBytesThere);
    QFETCH(StepResult::Status, status);
    QFETCH(QString, expected);
    chartMuseumClient();
    const QString version = nextVersion();
    RunContext *run = nullptr;
    const QByteArray bytes = packageChart(version, &run);
    QVERIFY(!bytes.isEmpty());
    const QString stored =
        QDir(m_chartMuseum->repoDirectory()).filePath(u"capstan-demo-%1.tgz"_s.arg(version));
    if (otherBytesThere)
        QVERIFY(m_chartMuseum->putChart(ChartName, version));
    const QByteArray before = [&] {
        QFile file(stored);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    ChartMuseumServer::Fault fault;
    fault.kind = ChartMuseumServer::Fault::Kind(faultKind);
    fault.pathPrefix = u"/api/charts"_s; // the step's first request is the upload
    fault.count = count;
    m_chartMuseum->server()->addFault(fault);

    ChartMuseumPushStep step;
    Step definition;
    definition.name = u"chartmuseum"_s;
    Lines lines;
    const StepResult result = runStep(step, definition, *run, lines);
    QVERIFY2(result.status == status, qPrintable(result.message));
    QVERIFY2(result.message.contains(expected), qPrintable(result.message));
    QFile file(stored);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), otherBytesThere ? before : bytes); // never overwritten
}

// ---- argocd-sync ----

void TstDeploySteps::argoSync_data()
{
    QTest::addColumn<QString>("targetRevision");
    QTest::addColumn<QString>("wait");
    QTest::addColumn<bool>("published");
    QTest::addColumn<bool>("newerPublished");
    QTest::addColumn<StepResult::Status>("status");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("finalTarget"); // "version": the deployed version

    const auto ok = StepResult::Status::Succeeded;
    const auto failed = StepResult::Status::Failed;
    QTest::newRow("pinned, healthy") << u"1.0.0-0"_s << u"healthy"_s << true << false << ok << u"Healthy"_s
                                     << u"version"_s;
    QTest::newRow("pinned, default wait")
        << u"1.0.0-0"_s << QString() << true << false << ok << u"Healthy"_s << u"version"_s;
    QTest::newRow("pinned, synced") << u"1.0.0-0"_s << u"synced"_s << true << false << ok << u"Synced"_s
                                    << u"version"_s;
    QTest::newRow("pinned, none") << u"1.0.0-0"_s << u"none"_s << true << false << ok << u"requested"_s
                                  << u"version"_s;
    QTest::newRow("pinned, version absent")
        << u"1.0.0-0"_s << u"healthy"_s << false << false << failed << u"not found"_s << u"1.0.0-0"_s;
    QTest::newRow("range *, prereleases never match") << u"*"_s << u"healthy"_s << true << false << failed
                                                      << u"version matching constraint not found"_s << u"*"_s;
    QTest::newRow("range >=1.0.0-0") << u">=1.0.0-0"_s << u"healthy"_s << true << false << ok << u"Healthy"_s
                                     << u">=1.0.0-0"_s;
    QTest::newRow("range picks a newer version")
        << u">=1.0.0-0"_s << u"healthy"_s << true << true << failed << u"picked version"_s << u">=1.0.0-0"_s;
    QTest::newRow("bad wait") << u"1.0.0-0"_s << u"forever"_s << true << false << failed << u"forever"_s
                              << u"1.0.0-0"_s;
}

void TstDeploySteps::argoSync()
{
    QFETCH(QString, targetRevision);
    QFETCH(QString, wait);
    QFETCH(bool, published);
    QFETCH(bool, newerPublished);
    QFETCH(StepResult::Status, status);
    QFETCH(QString, expected);
    QFETCH(QString, finalTarget);

    const QString version = nextVersion();
    if (published)
        QVERIFY(m_chartMuseum->putChart(ChartName, version));
    if (newerPublished)
        QVERIFY(m_chartMuseum->putChart(ChartName, u"1.0.0-9999"_s));
    startArgo(targetRevision);
    argoClient();
    auto run = context(version, config());
    ArgoCdSyncStep step;
    Step definition;
    definition.name = u"argocd"_s;
    definition.kind = Step::Kind::ArgoCdSync;
    definition.wait = wait;
    definition.timeoutMs = 60000;
    Lines lines;
    const StepResult result = runStep(step, definition, *run, lines);
    QVERIFY2(result.status == status, qPrintable(result.message + u"\n"_s + lines.all().join(u'\n')));
    QVERIFY2(result.message.contains(expected), qPrintable(result.message));

    const QJsonObject app = m_argo->application(AppName);
    const QString target = app[u"spec"_s][u"source"_s][u"targetRevision"_s].toString();
    QCOMPARE(target, finalTarget == u"version" ? version : finalTarget);
    if (status == StepResult::Status::Succeeded && wait != u"none") {
        const QJsonArray history = app[u"status"_s][u"history"_s].toArray();
        QCOMPARE(history.last()[u"revision"_s].toString(), version);
        QCOMPARE(app[u"status"_s][u"sync"_s][u"status"_s].toString(), u"Synced"_s);
        if (wait != u"synced")
            QCOMPARE(app[u"status"_s][u"health"_s][u"status"_s].toString(), u"Healthy"_s);
        QVERIFY2(lines.contains(u"Operation phase: Running"_s), qPrintable(lines.all().join(u'\n')));
        QVERIFY2(lines.contains(u"Sync status"_s), qPrintable(lines.all().join(u'\n')));
    }
    if (wait == u"none" && status == StepResult::Status::Succeeded)
        QVERIFY(app[u"operation"_s].isObject() || app[u"status"_s][u"operationState"_s].isObject());
}

void TstDeploySteps::argoSyncCancelTerminates()
{
    const QString version = nextVersion();
    QVERIFY(m_chartMuseum->putChart(ChartName, version));
    startArgo(u"1.0.0-0"_s, 30000);
    argoClient();
    auto run = context(version, config());
    ArgoCdSyncStep step;
    Step definition;
    definition.name = u"argocd"_s;
    definition.wait = u"healthy"_s;
    Lines lines;
    const StepResult result = runStep(step, definition, *run, lines, [](Lines &seen) {
        return seen.contains(u"Operation phase: Running"_s);
    });
    QVERIFY2(result.status == StepResult::Status::Cancelled, qPrintable(result.message));
    QVERIFY2(lines.contains(u"terminat"_s), qPrintable(lines.all().join(u'\n')));
    QTRY_COMPARE_WITH_TIMEOUT(appValue({u"status"_s, u"operationState"_s, u"phase"_s}).toString(),
                              u"Failed"_s, 10000);
    QCOMPARE(appValue({u"status"_s, u"operationState"_s, u"message"_s}).toString(),
             u"Operation terminated"_s);
}

void TstDeploySteps::argoSyncTimeout()
{
    const QString version = nextVersion();
    QVERIFY(m_chartMuseum->putChart(ChartName, version));
    startArgo(u"1.0.0-0"_s, 30000);
    argoClient();
    auto run = context(version, config());
    ArgoCdSyncStep step;
    Step definition;
    definition.name = u"argocd"_s;
    definition.wait = u"synced"_s;
    definition.timeoutMs = 1000;
    Lines lines;
    const StepResult result = runStep(step, definition, *run, lines);
    QVERIFY2(result.status == StepResult::Status::Failed, qPrintable(result.message));
    QVERIFY2(result.message.contains(u"timed out"_s), qPrintable(result.message));
}

void TstDeploySteps::argoSyncDegraded()
{
    const QString version = nextVersion();
    QVERIFY(m_chartMuseum->putChart(ChartName, version));
    startArgo(u"1.0.0-0"_s, 200, 60000);
    argoClient();
    auto run = context(version, config());
    ArgoCdSyncStep step;
    Step definition;
    definition.name = u"argocd"_s;
    definition.wait = u"healthy"_s;
    Lines lines;
    const StepResult result = runStep(
        step, definition, *run, lines, [](Lines &seen) { return seen.contains(u"Progressing"_s); },
        [this] {
            m_argo->setHealth(AppName, u"Degraded"_s,
                              u"Deployment \"demo\" exceeded its progress deadline"_s);
        });
    QVERIFY2(result.status == StepResult::Status::Failed,
             qPrintable(result.message + u"\n"_s + lines.all().join(u'\n')));
    QVERIFY2(result.message.contains(u"Degraded"_s), qPrintable(result.message));
    QVERIFY2(result.message.contains(u"exceeded its progress deadline"_s), qPrintable(result.message));
}

// ---- github-dispatch ----

void TstDeploySteps::dispatch_data()
{
    QTest::addColumn<QString>("conclusion");
    QTest::addColumn<QString>("ref");
    QTest::addColumn<bool>("waitForRun");
    QTest::addColumn<StepResult::Status>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("success") << u"success"_s << QString() << true << StepResult::Status::Succeeded
                             << u"succeeded"_s;
    QTest::newRow("failure conclusion")
        << u"failure"_s << u"main"_s << true << StepResult::Status::Failed << u"conclusion failure"_s;
    QTest::newRow("no wait") << u"failure"_s << u"main"_s << false << StepResult::Status::Succeeded
                             << u"dispatched"_s;
    QTest::newRow("unknown ref") << u"success"_s << u"release/{version}"_s << true
                                 << StepResult::Status::Failed << u"release/1.0.0-"_s;
}

void TstDeploySteps::dispatch()
{
    QFETCH(QString, conclusion);
    QFETCH(QString, ref);
    QFETCH(bool, waitForRun);
    QFETCH(StepResult::Status, status);
    QFETCH(QString, expected);
    startGitHub(conclusion);
    gitHubClient();
    auto run = context(nextVersion(), config());
    GitHubDispatchStep step;
    Step definition;
    definition.name = u"ci"_s;
    definition.kind = Step::Kind::GitHubDispatch;
    definition.ref = ref;
    definition.waitForRun = waitForRun;
    definition.inputs.insert(u"version"_s, u"{version}"_s);
    Lines lines;
    const StepResult result = runStep(step, definition, *run, lines);
    QVERIFY2(result.status == status, qPrintable(result.message + u"\n"_s + lines.all().join(u'\n')));
    QVERIFY2(result.message.contains(expected), qPrintable(result.message));
    if (ref.isEmpty() || !ref.contains(u"release"_s)) {
        QVERIFY2(lines.contains(u"/actions/runs/"_s), qPrintable(lines.all().join(u'\n')));
        if (waitForRun)
            QVERIFY2(lines.contains(u": completed"_s) || lines.contains(u": "_s + conclusion),
                     qPrintable(lines.all().join(u'\n')));
    }
}

void TstDeploySteps::dispatchCancelStopsFollowing()
{
    startGitHub(u"success"_s, 60000);
    gitHubClient();
    auto run = context(nextVersion(), config());
    GitHubDispatchStep step;
    Step definition;
    definition.name = u"ci"_s;
    definition.waitForRun = true;
    Lines lines;
    const StepResult result =
        runStep(step, definition, *run, lines, [](Lines &seen) { return seen.contains(u"Started run"_s); });
    QVERIFY2(result.status == StepResult::Status::Cancelled, qPrintable(result.message));
    QVERIFY2(result.message.contains(u"stopped following"_s), qPrintable(result.message));
    QVERIFY2(lines.contains(u"continues on GitHub"_s), qPrintable(lines.all().join(u'\n')));
}

// A request of the sync step loses its answer before or after Argo CD acted: the step still deploys the
// version, with exactly one operation.
void TstDeploySteps::argoSyncAnswerLost_data()
{
    using Kind = ArgoCdServer::Fault::Kind;
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("faultKind");
    QTest::addColumn<int>("count");
    const QString app = u"/api/v1/applications/torvalds"_s;
    QTest::newRow("sync answer dropped after the operation started")
        << QByteArray("POST") << app + u"/sync"_s << int(Kind::DropAnswer) << 1;
    QTest::newRow("sync 500 before it started")
        << QByteArray("POST") << app + u"/sync"_s << int(Kind::Status) << 1;
    QTest::newRow("sync 504 after the operation started")
        << QByteArray("POST") << app + u"/sync"_s << int(Kind::StatusAfterApply) << 1;
    QTest::newRow("sync connection closed before it started")
        << QByteArray("POST") << app + u"/sync"_s << int(Kind::CloseConnection) << 1;
    QTest::newRow("target revision answer dropped after it changed")
        << QByteArray("PATCH") << app << int(Kind::DropAnswer) << 1;
    QTest::newRow("target revision 500 twice") << QByteArray("PATCH") << app << int(Kind::Status) << 2;
    QTest::newRow("application read 503 three times") << QByteArray("GET") << app << int(Kind::Status) << 3;
}

void TstDeploySteps::argoSyncAnswerLost()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, faultKind);
    QFETCH(int, count);
    const QString version = nextVersion();
    QVERIFY(m_chartMuseum->putChart(ChartName, version));
    startArgo(u"1.0.0-0"_s);
    argoClient();
    const qsizetype historyBefore = appValue({u"status"_s, u"history"_s}).toArray().size();
    ArgoCdServer::Fault fault;
    fault.kind = ArgoCdServer::Fault::Kind(faultKind);
    fault.method = method;
    fault.pathPrefix = path;
    fault.status = faultKind == int(ArgoCdServer::Fault::Kind::StatusAfterApply) ? 504
                   : method == "GET"                                             ? 503
                                                                                 : 500;
    fault.count = count;
    m_argo->addFault(fault);

    auto run = context(version, config());
    ArgoCdSyncStep step;
    Step definition;
    definition.name = u"argocd"_s;
    definition.kind = Step::Kind::ArgoCdSync;
    definition.timeoutMs = 60000;
    Lines lines;
    const StepResult result = runStep(step, definition, *run, lines);
    QVERIFY2(result.status == StepResult::Status::Succeeded,
             qPrintable(result.message + u"\n"_s + lines.all().join(u'\n')));
    const QJsonArray history = appValue({u"status"_s, u"history"_s}).toArray();
    QCOMPARE(history.size(), historyBefore + 1); // one operation, not two
    QCOMPARE(history.last()[u"revision"_s].toString(), version);
    QCOMPARE(appValue({u"spec"_s, u"source"_s, u"targetRevision"_s}).toString(), version);
}

// Auto-sync starts the operation for the new target before the step's sync request arrives (held back
// here): Argo CD refuses the request, and the step follows auto-sync's operation from a fresh read.
void TstDeploySteps::argoSyncFollowsAutoSync()
{
    const QString version = nextVersion();
    QVERIFY(m_chartMuseum->putChart(ChartName, version));
    startArgo(u"1.0.0-0"_s, 1500, 100, true);
    argoClient();
    const qsizetype historyBefore = appValue({u"status"_s, u"history"_s}).toArray().size();
    ArgoCdServer::Fault fault;
    fault.kind = ArgoCdServer::Fault::Kind::Delay;
    fault.method = "POST";
    fault.pathPrefix = u"/api/v1/applications/torvalds/sync"_s;
    fault.delayMs = 300;
    m_argo->addFault(fault);

    auto run = context(version, config());
    ArgoCdSyncStep step;
    Step definition;
    definition.name = u"argocd"_s;
    definition.kind = Step::Kind::ArgoCdSync;
    definition.timeoutMs = 60000;
    Lines lines;
    const StepResult result = runStep(step, definition, *run, lines);
    QVERIFY2(result.status == StepResult::Status::Succeeded,
             qPrintable(result.message + u"\n"_s + lines.all().join(u'\n')));
    QVERIFY2(lines.contains(u"Auto-sync already started the operation"_s),
             qPrintable(lines.all().join(u'\n')));
    const QJsonArray history = appValue({u"status"_s, u"history"_s}).toArray();
    QCOMPARE(history.size(), historyBefore + 1);
    QCOMPARE(history.last()[u"revision"_s].toString(), version);
    QVERIFY(history.last()[u"initiatedBy"_s][u"automated"_s].toBool());
}

// ---- deploy lock ----

void TstDeploySteps::lockAcquire()
{
    startArgo(u"1.0.0-0"_s);
    ArgoCdClient *client = argoClient();
    QVERIFY(!appValue({u"metadata"_s}).toObject().contains(u"annotations"_s));
    const QFuture<ArgoApplication> taken = DeployLock::acquire(client, u"alice@laptop"_s, u"release 1.0"_s);
    QVERIFY(!errorOf(taken));
    const std::optional<ArgoApplication::DeployLock> lock = taken.result().deployLock();
    QVERIFY(lock);
    QCOMPARE(lock->holder, u"alice@laptop"_s);
    const QJsonObject annotations = appValue({u"metadata"_s, u"annotations"_s}).toObject();
    QCOMPARE(annotations[ArgoApplication::LockHolderAnnotation].toString(), u"alice@laptop"_s);
    QCOMPARE(annotations[ArgoApplication::LockReasonAnnotation].toString(), u"release 1.0"_s);
    const QDateTime since =
        QDateTime::fromString(annotations[ArgoApplication::LockSinceAnnotation].toString(), Qt::ISODate);
    QVERIFY(since.isValid());
    QCOMPARE(since.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(since.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
}

void TstDeploySteps::lockRefusals_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QString>("expected");
    QTest::newRow("held by another") << u"held"_s << u"alice@laptop"_s;
    QTest::newRow("held by the same holder") << u"same"_s << u"release 1.0"_s;
    QTest::newRow("operation running") << u"operation"_s << u"operation"_s;
}

void TstDeploySteps::lockRefusals()
{
    QFETCH(QString, situation);
    QFETCH(QString, expected);
    startArgo(u"1.0.0-0"_s, 30000);
    ArgoCdClient *client = argoClient();
    if (situation == u"operation") {
        QVERIFY(!errorOf(client->sync({})));
    } else {
        QVERIFY(!errorOf(DeployLock::acquire(client, u"alice@laptop"_s, u"release 1.0"_s)));
    }
    const std::optional<ApiError> error = errorOf(
        DeployLock::acquire(client, situation == u"same" ? u"alice@laptop"_s : u"bob@desk"_s, u"hotfix"_s));
    QVERIFY(error);
    QCOMPARE(error->kind(), ApiError::Kind::Conflict);
    QCOMPARE(error->exitCode(), ExitCode::Conflict);
    QVERIFY2(error->toString().contains(expected), qPrintable(error->toString()));
    const QJsonObject annotations = appValue({u"metadata"_s, u"annotations"_s}).toObject();
    QCOMPARE(annotations[ArgoApplication::LockHolderAnnotation].toString(),
             situation == u"operation" ? QString() : u"alice@laptop"_s);
}

void TstDeploySteps::lockRelease()
{
    startArgo(u"1.0.0-0"_s);
    ArgoCdClient *client = argoClient();
    // No lock: releasing succeeds and changes nothing.
    QVERIFY(!errorOf(DeployLock::release(client, u"alice@laptop"_s)));
    QVERIFY(!errorOf(DeployLock::acquire(client, u"alice@laptop"_s, u"release 1.0"_s)));

    const std::optional<ApiError> other = errorOf(DeployLock::release(client, u"bob@desk"_s));
    QVERIFY(other);
    QCOMPARE(other->kind(), ApiError::Kind::Conflict);
    QVERIFY2(other->toString().contains(u"alice@laptop"_s), qPrintable(other->toString()));
    QCOMPARE(appValue({u"metadata"_s, u"annotations"_s, ArgoApplication::LockHolderAnnotation}).toString(),
             u"alice@laptop"_s);

    const QFuture<ArgoApplication> released = DeployLock::release(client, u"alice@laptop"_s);
    QVERIFY(!errorOf(released));
    QVERIFY(!released.result().deployLock());
    const QJsonObject annotations = appValue({u"metadata"_s, u"annotations"_s}).toObject();
    QVERIFY(!annotations.contains(ArgoApplication::LockHolderAnnotation));
    QVERIFY(!annotations.contains(ArgoApplication::LockReasonAnnotation));
    QVERIFY(!annotations.contains(ArgoApplication::LockSinceAnnotation));
    // Free again: someone else can take it.
    QVERIFY(!errorOf(DeployLock::acquire(client, u"bob@desk"_s, u"next"_s)));
}

void TstDeploySteps::lockBreak_data()
{
    QTest::addColumn<QString>("reason");
    QTest::newRow("no reason") << QString();
    QTest::newRow("blank reason") << u"   "_s;
    QTest::newRow("with reason") << u"deploy crashed"_s;
}

void TstDeploySteps::lockBreak()
{
    QFETCH(QString, reason);
    startArgo(u"1.0.0-0"_s);
    ArgoCdClient *client = argoClient();
    QVERIFY(!errorOf(DeployLock::acquire(client, u"alice@laptop"_s, u"release 1.0"_s)));
    const std::optional<ApiError> error = errorOf(DeployLock::breakLock(client, u"bob@desk"_s, reason));
    const QJsonObject annotations = appValue({u"metadata"_s, u"annotations"_s}).toObject();
    if (reason.trimmed().isEmpty()) {
        QVERIFY(error);
        QCOMPARE(error->kind(), ApiError::Kind::Usage);
        QVERIFY2(error->toString().contains(u"reason"_s), qPrintable(error->toString()));
        QCOMPARE(annotations[ArgoApplication::LockHolderAnnotation].toString(), u"alice@laptop"_s);
        return;
    }
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    QVERIFY(!annotations.contains(ArgoApplication::LockHolderAnnotation));
    QCOMPARE(annotations[u"capstan.net/deploy-lock-broken-by"_s].toString(), u"bob@desk"_s);
    QCOMPARE(annotations[u"capstan.net/deploy-lock-broken-reason"_s].toString(), reason);
    QVERIFY(QDateTime::fromString(annotations[u"capstan.net/deploy-lock-broken-at"_s].toString(), Qt::ISODate)
                .isValid());
}

void TstDeploySteps::lockConcurrentAcquires_data()
{
    QTest::addColumn<int>("takers");
    QTest::newRow("two") << 2;
    QTest::newRow("five") << 5;
}

void TstDeploySteps::lockConcurrentAcquires()
{
    QFETCH(int, takers);
    startArgo(u"1.0.0-0"_s);
    ArgoCdClient *client = argoClient();
    QList<QFuture<ArgoApplication>> futures;
    for (int i = 0; i < takers; ++i)
        futures.append(DeployLock::acquire(client, u"user%1@host"_s.arg(i), u"race"_s));
    int winners = 0;
    QString winner;
    for (int i = 0; i < takers; ++i) {
        const std::optional<ApiError> error = errorOf(futures[i]);
        if (!error) {
            ++winners;
            winner = u"user%1@host"_s.arg(i);
        } else {
            QCOMPARE(error->kind(), ApiError::Kind::Conflict);
        }
    }
    QCOMPARE(winners, 1);
    QCOMPARE(appValue({u"metadata"_s, u"annotations"_s, ArgoApplication::LockHolderAnnotation}).toString(),
             winner);
}

void TstDeploySteps::jsonPatchTestFailureIsConflict()
{
    startArgo(u"1.0.0-0"_s);
    ArgoCdClient *client = argoClient();
    const QJsonArray patch{
        QJsonObject{{u"op"_s, u"test"_s}, {u"path"_s, u"/metadata/resourceVersion"_s}, {u"value"_s, u"1"_s}},
        QJsonObject{{u"op"_s, u"add"_s}, {u"path"_s, u"/metadata/labels"_s}, {u"value"_s, QJsonObject()}}};
    const QString before = appValue({u"metadata"_s, u"resourceVersion"_s}).toString();
    const std::optional<ApiError> error = errorOf(client->jsonPatch(patch));
    QVERIFY(error);
    QCOMPARE(error->kind(), ApiError::Kind::Conflict);
    QVERIFY2(error->serverMessage().contains(u"testing value /metadata/resourceVersion failed"_s),
             qPrintable(error->toString()));
    QCOMPARE(appValue({u"metadata"_s, u"resourceVersion"_s}).toString(), before);
    QVERIFY(!appValue({u"metadata"_s}).toObject().contains(u"labels"_s));

    const QString rv = appValue({u"metadata"_s, u"resourceVersion"_s}).toString();
    const QJsonArray good{
        QJsonObject{{u"op"_s, u"test"_s}, {u"path"_s, u"/metadata/resourceVersion"_s}, {u"value"_s, rv}},
        QJsonObject{{u"op"_s, u"add"_s},
                    {u"path"_s, u"/metadata/labels"_s},
                    {u"value"_s, QJsonObject{{u"a"_s, u"b"_s}}}}};
    const std::optional<ApiError> goodError = errorOf(client->jsonPatch(good));
    QVERIFY2(!goodError, qPrintable(goodError ? goodError->toString() : QString()));
    QCOMPARE(appValue({u"metadata"_s, u"labels"_s, u"a"_s}).toString(), u"b"_s);
}

// The lock's guarded patch loses its answer before or after it applied: taking and releasing still end in
// the state asked for, not in a conflict with oneself.
void TstDeploySteps::lockAnswerLost_data()
{
    using Kind = ArgoCdServer::Fault::Kind;
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("faultKind");
    QTest::addColumn<int>("count");
    for (const QString &action : {u"acquire"_s, u"release"_s, u"break"_s}) {
        const QByteArray name = action.toUtf8();
        QTest::newRow((name + ": answer dropped after it applied").constData())
            << action << int(Kind::DropAnswer) << 1;
        QTest::newRow((name + ": 504 after it applied").constData())
            << action << int(Kind::StatusAfterApply) << 1;
        QTest::newRow((name + ": 500 before it applied").constData()) << action << int(Kind::Status) << 2;
        QTest::newRow((name + ": connection closed before it applied").constData())
            << action << int(Kind::CloseConnection) << 1;
    }
}

void TstDeploySteps::lockAnswerLost()
{
    QFETCH(QString, action);
    QFETCH(int, faultKind);
    QFETCH(int, count);
    startArgo(u"1.0.0-0"_s);
    ArgoCdClient *client = argoClient();
    if (action != u"acquire")
        QVERIFY(!errorOf(DeployLock::acquire(client, u"alice@laptop"_s, u"release 1.0"_s)));
    ArgoCdServer::Fault fault;
    fault.kind = ArgoCdServer::Fault::Kind(faultKind);
    fault.method = "PATCH";
    fault.pathPrefix = u"/api/v1/applications/torvalds"_s;
    fault.status = faultKind == int(ArgoCdServer::Fault::Kind::StatusAfterApply) ? 504 : 500;
    fault.count = count;
    m_argo->addFault(fault);

    QFuture<ArgoApplication> done;
    if (action == u"acquire")
        done = DeployLock::acquire(client, u"alice@laptop"_s, u"release 1.0"_s);
    else if (action == u"release")
        done = DeployLock::release(client, u"alice@laptop"_s);
    else
        done = DeployLock::breakLock(client, u"bob@desk"_s, u"deploy crashed"_s);
    const std::optional<ApiError> error = errorOf(done);
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    const QString holder =
        appValue({u"metadata"_s, u"annotations"_s, ArgoApplication::LockHolderAnnotation}).toString();
    QCOMPARE(holder, action == u"acquire" ? u"alice@laptop"_s : QString());
    if (action == u"acquire") {
        // Still a real lock: someone else, and another deploy of the same holder, are refused.
        const std::optional<ApiError> other =
            errorOf(DeployLock::acquire(client, u"alice@laptop"_s, u"again"_s));
        QVERIFY(other);
        QCOMPARE(other->kind(), ApiError::Kind::Conflict);
    }
}

QTEST_MAIN(TstDeploySteps)
#include "tst_deploysteps.moc"
