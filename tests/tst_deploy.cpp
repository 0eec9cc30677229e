#include "CapstanProcess.h"
#include "DemoChart.h"
#include "GitRepository.h"
#include "HomelabHistory.h"
#include "Sandbox.h"
#include "ServerFixture.h"
#include "app/ClientFactory.h"
#include "argocd/ArgoApplication.h"
#include "argocd/ArgoCdServer.h"
#include "argocd/DeployLock.h"
#include "chart/ChartArchive.h"
#include "config/ConfigError.h"
#include "config/ConfigLoader.h"
#include "credentials/CredentialStore.h"
#include "credentials/Redactor.h"
#include "github/GitHubServer.h"
#include "pipeline/DeployJournal.h"
#include "pipeline/Deployment.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int DeployTimeoutMs = 120000; // bounds against hangs, not timing assertions
const QString App = u"torvalds"_s;
const QString Chart = u"torvalds"_s;
const QString ChartMuseumPassword = u"cm-Pa55-word-9f3k"_s;
const QString DaggerSecret = u"dagger-s3cret-value-71x"_s;
const QString Alice = u"alice"_s;
const QString GitHubToken = u"ghp_deploy-tests-Token-4417"_s;
// CI runs of the sample repository: 1 to 40 succeeded; these did not.
constexpr int FailedBuild = 41;
constexpr int RunningBuild = 42;

using Run = CapstanProcess::Result;

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + source.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target)) // keeps the permissions: the scripts stay executable
            return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QList<QJsonObject> jsonLines(const QByteArray &out, bool *allParse)
{
    QList<QJsonObject> lines;
    *allParse = true;
    const QList<QByteArray> raw = out.split('\n');
    for (const QByteArray &line : raw) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            *allParse = false;
        lines.append(document.object());
    }
    return lines;
}

// Waits on the event loop: the servers the child talks to live in this process.
bool waitForExit(QProcess *process)
{
    QElapsedTimer clock;
    clock.start();
    while (process->state() != QProcess::NotRunning) {
        if (clock.elapsed() > DeployTimeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    // A zombie still answers kill(0): read its state.
    const QByteArray stat = readFile(u"/proc/%1/stat"_s.arg(pid));
    if (stat.isEmpty())
        return false;
    const qsizetype close = stat.lastIndexOf(')');
    return close < 0 || stat.mid(close + 2, 1) != "Z";
}

} // namespace

// Deploys of tests/data/sample-repo against the in-repo ChartMuseum and Argo CD servers: the real `capstan
// --cli` where the CLI is the subject, Deployment in-process where signals matter.
class TstDeploy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void fullProdDeploy();
    void devRunsChecksManifestsAndPackageOnly();
    void dryRunChangesNothing_data();
    void dryRunChangesNothing();
    void usageErrors_data();
    void usageErrors();
    void jsonLinesAllParse();
    void parallelChecksOverlap();
    void failingCheckStopsBeforePublish_data();
    void failingCheckStopsBeforePublish();
    void publishConflictStopsBeforeSync();
    void cancelInProcess();
    void cancelDuringSyncTerminatesTheOperation();
    void deploymentRejectsBadRequests_data();
    void deploymentRejectsBadRequests();
    void sigintCancelsCli_data();
    void sigintCancelsCli();
    void killedCliIsReportedInterrupted();
    void closedOutputDoesNotStopTheDeploy();
    void secondDeployRefusedWhileLocked();
    void lockAndUnlock_data();
    void lockAndUnlock();
    void secretsStayOutOfOutputAndArgv_data();
    void secretsStayOutOfOutputAndArgv();
    void sandboxDeploysTheUnpublishedBuild();
    void unusableJournalStopsBeforeAnything();
    void deployRefusedWhileAnOperationRuns();
    void prodDeclinedAtThePrompt();
    void sandboxCliKeepsItsOwnJournal();
    void gateRefuses_data();
    void gateRefuses();
    void overrideCiDeploysAndIsRecorded();
    void publishedVersionIsSyncedOnly_data();
    void publishedVersionIsSyncedOnly();
    void deploysTheBuildsOwnCommit();
    void worktreeRules_data();
    void worktreeRules();
    void unknownCommitIsNotFound();
    void brokenApplicationCanBeFixedForward();
    void heartbeatRenewsTheLock();
    void lockLeftByAFailedReleaseIsReleasedNext();

private:
    QString repo() const { return m_home->filePath(u"repo"_s); }
    // `journal -o json`, newest first; only those of `kind` ("deploy", "ci-override", ...) when given.
    QList<QJsonObject> journalEntries(const QString &kind = {}) const;
    QString journalFile() const { return m_home->filePath(u"journal.sqlite"_s); }
    QProcessEnvironment environment(const QHash<QString, QString> &extra = {}) const;
    Run capstan(const QStringList &arguments, const QHash<QString, QString> &extra = {}) const;
    QProcess *startCapstan(const QStringList &arguments, const QHash<QString, QString> &extra = {});
    ArgoApplication app() const;
    QStringList storedVersions() const;
    Config loadConfig() const;
    bool waitForFile(const QString &path, QProcess *process = nullptr) const;
    void checkNoSecrets(const QString &text) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ServerFixture> m_chartMuseum;
    std::unique_ptr<ArgoCdServer> m_argo;
    std::unique_ptr<GitHubServer> m_gitHub;
    QString m_argoToken;
    QString m_sha; // the sample repository's commit every CI run built
    QList<QProcess *> m_processes;
};

void TstDeploy::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(copyTree(QStringLiteral(CAPSTAN_SOURCE_DIR "/tests/data/sample-repo"), repo()));

    ChartMuseumServer::Options options;
    options.basicUser = u"admin"_s;
    options.basicPassword = ChartMuseumPassword;
    m_chartMuseum = std::make_unique<ServerFixture>(options);
    QString error;
    QVERIFY2(m_chartMuseum->start(&error), qPrintable(error));
    QVERIFY(m_chartMuseum->putChart(Chart, u"1.0.0-1"_s));

    ArgoCdServer::Options argo;
    // One test needs a sync that runs until it is terminated.
    const QByteArray test = QTest::currentTestFunction();
    const bool endless =
        test == "cancelDuringSyncTerminatesTheOperation" || test == "deployRefusedWhileAnOperationRuns";
    argo.operationMs = endless ? 3600000 : 200;
    argo.progressMs = 200;
    argo.reconcileMs = 30;
    const QString storage = m_chartMuseum->repoDirectory();
    argo.chartVersions = [storage](const QString &, const QString &chart) {
        QStringList versions;
        const QString prefix = chart + u'-';
        const QStringList files = QDir(storage).entryList({prefix + u"*.tgz"_s}, QDir::Files);
        for (const QString &file : files)
            versions.append(file.mid(prefix.size()).chopped(4));
        return versions;
    };
    m_argo = std::make_unique<ArgoCdServer>(argo);
    QVERIFY2(m_argo->listen(0, &error), qPrintable(error));
    ArgoCdServer::AppSeed seed;
    seed.name = App;
    seed.repoUrl = m_chartMuseum->url().toString();
    seed.chart = Chart;
    seed.targetRevision = u"1.0.0-1"_s;
    seed.destinationNamespace = App;
    seed.history = {{u"1.0.0-1"_s, QDateTime::currentDateTimeUtc().addDays(-1)}};
    m_argo->addApplication(seed);
    m_argoToken = m_argo->issueToken(u"admin"_s);

    GitHubServer::Options gitHub;
    gitHub.token = GitHubToken;
    m_gitHub = std::make_unique<GitHubServer>(gitHub);
    QVERIFY2(m_gitHub->listen(0, &error), qPrintable(error));

    QFile config(QDir(repo()).filePath(u"capstan.yaml"_s));
    QVERIFY(config.open(QIODevice::Append));
    config.write(
        u"\nchartmuseum:\n  url: %1\n  username: admin\nargocd:\n  url: %2\n  app: %3\n"
        u"github:\n  url: %4\n  repo: homelab/torvalds\n  workflow: ci.yml\n"_s
            .arg(m_chartMuseum->url().toString(), m_argo->url().toString(), App, m_gitHub->url().toString())
            .toUtf8());
    config.close();

    // The sample repository is a real git repository, and every CI run built its one commit.
    QFile ignore(QDir(repo()).filePath(u".gitignore"_s));
    QVERIFY(ignore.open(QIODevice::WriteOnly));
    ignore.write(".capstan/\n");
    ignore.close();
    GitRepository git(repo());
    QVERIFY(git.init());
    m_sha = git.commitAll(u"Sample application"_s);
    QCOMPARE(m_sha.size(), 40);
    m_gitHub->addCommits({{m_sha, u"Sample application"_s, u"Alice"_s, u"alice"_s, u"alice@example.org"_s,
                           QDateTime::currentDateTimeUtc().addDays(-2)}});
    for (int run = 1; run <= RunningBuild; ++run) {
        GitHubServer::RunSeed seed;
        seed.runNumber = run;
        seed.headSha = m_sha;
        seed.createdAt = QDateTime::currentDateTimeUtc().addSecs(-3600 + run);
        if (run == FailedBuild)
            seed.conclusion = u"failure"_s;
        if (run == RunningBuild) {
            seed.status = u"in_progress"_s;
            seed.conclusion.clear();
        }
        m_gitHub->addRun(seed);
    }
    // Clones of the build's repository are cached here, not in the user's cache.
    qputenv("XDG_CACHE_HOME", m_home->filePath(u"cache"_s).toUtf8());
}

void TstDeploy::cleanup()
{
    for (QProcess *process : std::as_const(m_processes)) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
        delete process;
    }
    m_processes.clear();
    m_argo.reset();
    m_gitHub.reset();
    m_chartMuseum.reset();
    m_home.reset();
}

QProcessEnvironment TstDeploy::environment(const QHash<QString, QString> &extra) const
{
    QProcessEnvironment env = CapstanProcess::environment(m_home->path());
    env.insert(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s, ChartMuseumPassword);
    env.insert(u"CAPSTAN_ARGOCD_TOKEN"_s, m_argoToken);
    env.insert(u"CAPSTAN_GITHUB_TOKEN"_s, GitHubToken);
    env.insert(u"XDG_CACHE_HOME"_s, m_home->filePath(u"cache"_s));
    env.insert(u"CAPSTAN_JOURNAL"_s, journalFile());
    env.insert(u"USER"_s, Alice);
    env.insert(u"XDG_DATA_HOME"_s, m_home->filePath(u"data"_s));
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

Run TstDeploy::capstan(const QStringList &arguments, const QHash<QString, QString> &extra) const
{
    return CapstanProcess::run(arguments, environment(extra), repo(), DeployTimeoutMs);
}

QProcess *TstDeploy::startCapstan(const QStringList &arguments, const QHash<QString, QString> &extra)
{
    auto *process = new QProcess;
    m_processes.append(process);
    process->setProcessEnvironment(environment(extra));
    process->setWorkingDirectory(repo());
    process->start(QStringLiteral(CAPSTAN_BINARY), QStringList{u"--cli"_s} + arguments);
    return process;
}

ArgoApplication TstDeploy::app() const
{
    return ArgoApplication::fromJson(m_argo->application(App));
}

QStringList TstDeploy::storedVersions() const
{
    QStringList versions;
    const QStringList files =
        QDir(m_chartMuseum->repoDirectory()).entryList({Chart + u"-*.tgz"_s}, QDir::Files);
    for (const QString &file : files)
        versions.append(file.mid(Chart.size() + 1).chopped(4));
    return versions;
}

Config TstDeploy::loadConfig() const
{
    ConfigError error;
    std::optional<Config> config = ConfigLoader::loadFile(QDir(repo()).filePath(u"capstan.yaml"_s), &error);
    if (!config)
        qWarning("%s", qPrintable(error.toString()));
    return config.value_or(Config());
}

bool TstDeploy::waitForFile(const QString &path, QProcess *process) const
{
    QElapsedTimer clock;
    clock.start();
    while (!QFileInfo::exists(path)) {
        if (clock.elapsed() > DeployTimeoutMs)
            return false;
        if (process && process->state() == QProcess::NotRunning)
            return false;
        QTest::qWait(20);
    }
    return true;
}

QList<QJsonObject> TstDeploy::journalEntries(const QString &kind) const
{
    const Run run = capstan({u"journal"_s, u"-o"_s, u"json"_s});
    QList<QJsonObject> entries;
    const QJsonArray array = QJsonDocument::fromJson(run.out).array();
    for (const QJsonValue &value : array) {
        if (kind.isEmpty() || value[u"kind"_s].toString() == kind)
            entries.append(value.toObject());
    }
    return entries;
}

void TstDeploy::checkNoSecrets(const QString &text) const
{
    QVERIFY2(!text.contains(ChartMuseumPassword), "the ChartMuseum password leaked");
    QVERIFY2(!text.contains(m_argoToken), "the Argo CD token leaked");
    QVERIFY2(!text.contains(GitHubToken), "the GitHub token leaked");
    QVERIFY2(!text.contains(DaggerSecret), "the dagger secret leaked");
}

void TstDeploy::fullProdDeploy()
{
    const Run run =
        capstan({u"deploy"_s, u"--build"_s, u"7"_s, u"--yes"_s, u"--reason"_s, u"release seven"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(u"succeeded: 1.0.0-7 deployed to prod"_s), qPrintable(out));
    checkNoSecrets(run.all());

    // The chart is in ChartMuseum, byte for byte the package the deploy built.
    QVERIFY2(storedVersions().contains(u"1.0.0-7"_s), qPrintable(storedVersions().join(u' ')));
    const QByteArray uploaded =
        readFile(QDir(m_chartMuseum->repoDirectory()).filePath(u"torvalds-1.0.0-7.tgz"_s));
    const QByteArray built = readFile(QDir(repo()).filePath(u".capstan/out/torvalds-1.0.0-7.tgz"_s));
    QVERIFY(!built.isEmpty());
    QCOMPARE(sha256(uploaded), sha256(built));

    // Argo CD runs it.
    const ArgoApplication application = app();
    QCOMPARE(application.syncStatus, u"Synced"_s);
    QCOMPARE(application.health, u"Healthy"_s);
    QCOMPARE(application.liveRevision(), u"1.0.0-7"_s);
    QVERIFY2(!application.deployLock(), "the lock is released after the deploy");

    // set-version stamped the files of the checkout, never the working tree.
    QVERIFY(!readFile(QDir(repo()).filePath(u"chart/Chart.yaml"_s)).contains("version: 1.0.0-7"));
    QVERIFY(!readFile(QDir(repo()).filePath(u"app/package.json"_s)).contains("\"version\": \"1.0.0-7\""));
    QCOMPARE(GitRepository(repo()).git({u"status"_s, u"--porcelain"_s}), QString());

    // The journal has the deploy and every step.
    const Run journal = capstan({u"journal"_s, u"-o"_s, u"json"_s});
    QVERIFY2(journal.exitCode == 0, qPrintable(journal.describe()));
    const QJsonArray entries = QJsonDocument::fromJson(journal.out).array();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.first().toObject();
    QCOMPARE(entry[u"version"_s].toString(), u"1.0.0-7"_s);
    QCOMPARE(entry[u"build"_s].toString(), u"7"_s);
    QCOMPARE(entry[u"env"_s].toString(), u"prod"_s);
    QCOMPARE(entry[u"outcome"_s].toString(), u"succeeded"_s);
    QCOMPARE(entry[u"reason"_s].toString(), u"release seven"_s);
    QStringList steps;
    const QJsonArray stepArray = entry[u"steps"_s].toArray();
    for (const QJsonValue &step : stepArray) {
        steps.append(step[u"name"_s].toString());
        QCOMPARE(step[u"status"_s].toString(), u"succeeded"_s);
    }
    steps.sort();
    QCOMPARE(steps,
             (QStringList{u"app-image"_s, u"app-version"_s, u"argocd"_s, u"build-manifests"_s, u"chart"_s,
                          u"chart-version"_s, u"chartmuseum"_s, u"lint"_s, u"test"_s, u"typecheck"_s}));
}

void TstDeploy::devRunsChecksManifestsAndPackageOnly()
{
    const QByteArray chartBefore = readFile(QDir(repo()).filePath(u"chart/Chart.yaml"_s));
    const Run run = capstan({u"deploy"_s, u"--build"_s, u"8"_s, u"--env"_s, u"dev"_s, u"-o"_s, u"json"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    bool parse = false;
    const QList<QJsonObject> lines = jsonLines(run.out, &parse);
    QVERIFY(parse);
    QStringList succeeded;
    QStringList skipped;
    for (const QJsonObject &line : lines) {
        if (line[u"event"_s] != u"end"_s)
            continue;
        if (line[u"status"_s] == u"succeeded"_s)
            succeeded.append(line[u"step"_s].toString());
        else if (line[u"status"_s] == u"skipped"_s)
            skipped.append(line[u"step"_s].toString());
    }
    succeeded.sort();
    skipped.sort();
    QCOMPARE(succeeded,
             (QStringList{u"build-manifests"_s, u"chart"_s, u"lint"_s, u"test"_s, u"typecheck"_s}));
    QCOMPARE(skipped, (QStringList{u"app-image"_s, u"app-version"_s, u"argocd"_s, u"chart-version"_s,
                                   u"chartmuseum"_s}));
    QVERIFY(QFileInfo::exists(QDir(repo()).filePath(u".capstan/out/torvalds-1.0.0-8.tgz"_s)));
    QCOMPARE(storedVersions(), QStringList{u"1.0.0-1"_s});
    QCOMPARE(app().liveRevision(), u"1.0.0-1"_s);
    QCOMPARE(readFile(QDir(repo()).filePath(u"chart/Chart.yaml"_s)), chartBefore);
    QCOMPARE(app()
                 .json.value(u"metadata"_s)
                 .toObject()
                 .value(u"annotations"_s)
                 .toObject()
                 .keys()
                 .filter(u"deploy-lock"_s),
             QStringList());
}

void TstDeploy::dryRunChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("prod text") << QStringList{u"--build"_s, u"9"_s} << u"stage publish"_s;
    QTest::newRow("prod by version") << QStringList{u"--version"_s, u"1.0.0-9"_s} << u"(build 9)"_s;
    QTest::newRow("dev skips") << QStringList{u"--build"_s, u"9"_s, u"--env"_s, u"dev"_s}
                               << u"publish/chartmuseum: only: prod"_s;
    QTest::newRow("json") << QStringList{u"--build"_s, u"9"_s, u"-o"_s, u"json"_s} << u"\"dryRun\":true"_s;
}

void TstDeploy::dryRunChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const QByteArray chartBefore = readFile(QDir(repo()).filePath(u"chart/Chart.yaml"_s));
    const Run run = capstan(QStringList{u"deploy"_s, u"--dry-run"_s} + arguments);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(QString::fromUtf8(run.out).contains(expected), qPrintable(run.describe()));
    QCOMPARE(readFile(QDir(repo()).filePath(u"chart/Chart.yaml"_s)), chartBefore);
    QVERIFY(!QFileInfo::exists(QDir(repo()).filePath(u"dist"_s)));
    QVERIFY(!QFileInfo::exists(QDir(repo()).filePath(u".capstan"_s)));
    QVERIFY(!QFileInfo::exists(journalFile()));
    QCOMPARE(storedVersions(), QStringList{u"1.0.0-1"_s});
    QVERIFY(!app().deployLock());
}

void TstDeploy::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("neither") << QStringList{u"deploy"_s, u"--yes"_s} << 2 << u"--build N or --version"_s;
    QTest::newRow("both") << QStringList{u"deploy"_s, u"--build"_s, u"3"_s, u"--version"_s, u"1.0.0-3"_s} << 2
                          << u"not both"_s;
    QTest::newRow("bad env") << QStringList{u"deploy"_s, u"--build"_s, u"3"_s, u"--env"_s, u"staging"_s} << 2
                             << u"--env is dev or prod, not \"staging\""_s;
    QTest::newRow("bad build") << QStringList{u"deploy"_s, u"--build"_s, u"x1"_s, u"--env"_s, u"dev"_s} << 2
                               << u"--build needs a positive whole number"_s;
    QTest::newRow("signed build") << QStringList{u"deploy"_s, u"--build"_s, u"+148"_s, u"--env"_s, u"dev"_s}
                                  << 2 << u"--build needs a positive whole number, not \"+148\""_s;
    QTest::newRow("version off pattern")
        << QStringList{u"deploy"_s, u"--version"_s, u"2.0.0"_s, u"--env"_s, u"dev"_s} << 2
        << u"does not fit chart.version"_s;
    QTest::newRow("prod without --yes, no terminal")
        << QStringList{u"deploy"_s, u"--build"_s, u"3"_s} << 2 << u"needs --yes"_s;
    QTest::newRow("bad limit") << QStringList{u"journal"_s, u"--limit"_s, u"0"_s} << 2
                               << u"--limit needs a positive whole number, not \"0\""_s;
    QTest::newRow("limit not a number")
        << QStringList{u"journal"_s, u"--limit"_s, u"many"_s} << 2 << u"not \"many\""_s;
    QTest::newRow("lock without reason") << QStringList{u"lock"_s} << 2 << u"lock needs --reason"_s;
    QTest::newRow("force without reason")
        << QStringList{u"unlock"_s, u"--force"_s} << 2 << u"--force needs --reason"_s;
}

void TstDeploy::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = capstan(arguments);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(run.describe()));
    QVERIFY(!QFileInfo::exists(QDir(repo()).filePath(u"dist"_s)));
    QCOMPARE(storedVersions(), QStringList{u"1.0.0-1"_s});
}

// "n" at the prod prompt is the user's choice: nothing runs, no "error:", exit 0.
void TstDeploy::prodDeclinedAtThePrompt()
{
    const Run run = CapstanProcess::runOnTerminal({u"deploy"_s, u"--build"_s, u"3"_s}, environment(), "n\n",
                                                  repo(), DeployTimeoutMs);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"Deploy 1.0.0-3 to prod? [y/N]"_s), qPrintable(run.describe()));
    QVERIFY2(err.contains(u"Deploy cancelled; nothing was run and nothing was changed."_s),
             qPrintable(run.describe()));
    QVERIFY2(!err.contains(u"error"_s), qPrintable(run.describe()));
    QVERIFY(!QFileInfo::exists(QDir(repo()).filePath(u"dist"_s)));
    QCOMPARE(storedVersions(), QStringList{u"1.0.0-1"_s});
    QVERIFY(!app().deployLock());
}

void TstDeploy::jsonLinesAllParse()
{
    const Run run =
        capstan({u"deploy"_s, u"--build"_s, u"11"_s, u"--yes"_s, u"--verbose"_s, u"-o"_s, u"json"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    bool parse = false;
    const QList<QJsonObject> lines = jsonLines(run.out, &parse);
    QVERIFY2(parse, run.out.constData());
    QVERIFY(!lines.isEmpty());
    int starts = 0;
    int ends = 0;
    int outputs = 0;
    for (const QJsonObject &line : lines) {
        const QString event = line[u"event"_s].toString();
        if (event == u"start"_s) {
            ++starts;
            QVERIFY(!line[u"stage"_s].toString().isEmpty());
            QVERIFY(QDateTime::fromString(line[u"time"_s].toString(), Qt::ISODateWithMs).isValid());
        } else if (event == u"end"_s) {
            ++ends;
            QVERIFY(line.contains(u"durationMs"_s) && line.contains(u"exitCode"_s));
        } else if (event == u"output"_s) {
            ++outputs;
        }
    }
    QCOMPARE(starts, 10);
    QCOMPARE(ends, 10);
    QVERIFY(outputs > 0);
    const QJsonObject last = lines.last();
    QCOMPARE(last[u"event"_s].toString(), u"finished"_s);
    QCOMPARE(last[u"outcome"_s].toString(), u"succeeded"_s);
    QCOMPARE(last[u"version"_s].toString(), u"1.0.0-11"_s);
    QCOMPARE(last[u"env"_s].toString(), u"prod"_s);
    QVERIFY(last[u"journalId"_s].toInteger() > 0);
}

void TstDeploy::parallelChecksOverlap()
{
    // Each check waits until all three have started: they only pass when they really overlap.
    const QString marks = m_home->filePath(u"overlap"_s);
    const Run run = capstan({u"deploy"_s, u"--build"_s, u"12"_s, u"--env"_s, u"dev"_s, u"--verbose"_s},
                            {{u"SAMPLE_OVERLAP"_s, marks}});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(QString::fromUtf8(run.err).contains(u"[lint] lint: ran alongside test lint typecheck"_s));
    QCOMPARE(QDir(marks).entryList(QDir::Files).size(), 3);
}

void TstDeploy::failingCheckStopsBeforePublish_data()
{
    QTest::addColumn<QString>("check");
    QTest::newRow("test") << u"test"_s;
    QTest::newRow("lint") << u"lint"_s;
    QTest::newRow("typecheck") << u"typecheck"_s;
}

void TstDeploy::failingCheckStopsBeforePublish()
{
    QFETCH(QString, check);
    const Run run = capstan({u"deploy"_s, u"--build"_s, u"13"_s, u"--yes"_s, u"-o"_s, u"json"_s},
                            {{u"SAMPLE_FAIL"_s, check}});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 1);
    bool parse = false;
    const QList<QJsonObject> lines = jsonLines(run.out, &parse);
    QVERIFY(parse);
    QHash<QString, QJsonObject> ends;
    for (const QJsonObject &line : lines) {
        if (line[u"event"_s] == u"end"_s)
            ends.insert(line[u"step"_s].toString(), line);
    }
    QCOMPARE(ends[check][u"status"_s].toString(), u"failed"_s);
    QCOMPARE(ends[check][u"exitCode"_s].toInt(), 1);
    // Without --verbose the failed step still says why: its last lines of output.
    const QJsonArray last = ends[check][u"lastOutput"_s].toArray();
    QVERIFY2(!last.isEmpty() && last.size() <= 5, qPrintable(QString::fromUtf8(run.out)));
    QVERIFY2(last.last().toString().contains(u"%1: 1 problem found"_s.arg(check)),
             qPrintable(QString::fromUtf8(run.out)));
    for (const QString &gated : {u"chartmuseum"_s, u"argocd"_s}) {
        QCOMPARE(ends[gated][u"status"_s].toString(), u"skipped"_s);
        QVERIFY2(ends[gated][u"message"_s].toString().contains(check),
                 qPrintable(ends[gated][u"message"_s].toString()));
    }
    QCOMPARE(lines.last()[u"outcome"_s].toString(), u"failed"_s);
    QCOMPARE(storedVersions(), QStringList{u"1.0.0-1"_s});
    QCOMPARE(app().liveRevision(), u"1.0.0-1"_s);
    QCOMPARE(app().targetRevision, u"1.0.0-1"_s);
    QVERIFY(!app().deployLock());
}

void TstDeploy::publishConflictStopsBeforeSync()
{
    // A different chart with the same version is in ChartMuseum already.
    QVERIFY(m_chartMuseum->putChart(Chart, u"1.0.0-14"_s));
    const QByteArray before =
        readFile(QDir(m_chartMuseum->repoDirectory()).filePath(u"torvalds-1.0.0-14.tgz"_s));
    const Run run = capstan({u"deploy"_s, u"--build"_s, u"14"_s, u"--yes"_s});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 1);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(u"failed     publish/chartmuseum"_s), qPrintable(out));
    QVERIFY2(out.contains(u"skipped    sync/argocd"_s), qPrintable(out));
    QCOMPARE(readFile(QDir(m_chartMuseum->repoDirectory()).filePath(u"torvalds-1.0.0-14.tgz"_s)), before);
    QCOMPARE(app().liveRevision(), u"1.0.0-1"_s);
    QVERIFY(!app().deployLock());
}

void TstDeploy::cancelInProcess()
{
    const QString marks = m_home->filePath(u"marks"_s);
    QProcessEnvironment env = environment(
        {{u"SAMPLE_SLEEP"_s, u"60"_s}, {u"SAMPLE_SLOW"_s, u"test"_s}, {u"SAMPLE_MARKS"_s, marks}});
    QNetworkAccessManager network;
    CredentialStore credentials(env);
    ClientFactory factory(&network, &credentials);
    DeployJournal journal(journalFile());
    Deployment::Request request;
    request.build = u"15"_s;
    request.user = u"carol@test"_s;
    Deployment deployment(loadConfig(), request, &factory, &journal);
    deployment.setEnvironment(env);
    QSignalSpy started(&deployment, &Deployment::started);
    QSignalSpy finished(&deployment, &Deployment::finished);
    QSignalSpy stepFinished(&deployment, &Deployment::stepFinished);
    deployment.start();
    QVERIFY(started.wait(DeployTimeoutMs));
    QCOMPARE(app().deployLock().value_or(ArgoApplication::DeployLock()).holder, u"carol@test"_s);
    QVERIFY(waitForFile(marks + u"/test.pid"_s));
    const QList<QByteArray> pids = readFile(marks + u"/test.pid"_s).trimmed().split(' ');
    QCOMPARE(pids.size(), 2);

    deployment.cancel();
    QVERIFY(finished.wait(DeployTimeoutMs));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Cancelled);
    for (const QByteArray &pid : pids)
        QVERIFY2(!processAlive(pid.toLongLong()), pid.constData());
    QHash<QString, StepResult> results;
    for (const QList<QVariant> &event : std::as_const(stepFinished))
        results.insert(event.at(0).toString(), event.at(1).value<StepResult>());
    QCOMPARE(results.value(u"test"_s).status, StepResult::Status::Cancelled);
    QCOMPARE(results.value(u"chartmuseum"_s).status, StepResult::Status::Cancelled);
    QVERIFY(!app().deployLock());
    const std::optional<DeployJournal::Entry> entry = journal.entry(deployment.journalId());
    QVERIFY(entry);
    QCOMPARE(entry->outcome, u"cancelled"_s);
    QCOMPARE(storedVersions(), QStringList{u"1.0.0-1"_s});
}

void TstDeploy::cancelDuringSyncTerminatesTheOperation()
{
    const QProcessEnvironment env = environment();
    QNetworkAccessManager network;
    CredentialStore credentials(env);
    ClientFactory factory(&network, &credentials);
    DeployJournal journal(journalFile());
    Deployment::Request request;
    request.build = u"22"_s;
    Deployment deployment(loadConfig(), request, &factory, &journal);
    deployment.setEnvironment(env);
    QSignalSpy stepStarted(&deployment, &Deployment::stepStarted);
    QSignalSpy finished(&deployment, &Deployment::finished);
    deployment.start();
    QTRY_VERIFY_WITH_TIMEOUT(app().operationInProgress() || !finished.isEmpty(), DeployTimeoutMs);
    QVERIFY(finished.isEmpty());
    QVERIFY(stepStarted.contains(QList<QVariant>{u"argocd"_s}));

    deployment.cancel();
    QVERIFY(finished.wait(DeployTimeoutMs));
    QCOMPARE(finished.first().at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(!app().operationInProgress(), DeployTimeoutMs);
    const ArgoApplication application = app();
    QVERIFY(application.operationState);
    QVERIFY2(application.operationState->phase == u"Failed"_s ||
                 application.operationState->phase == u"Error"_s,
             qPrintable(application.operationState->phase));
    QVERIFY(!application.deployLock());
    QCOMPARE(journal.entry(deployment.journalId())->outcome, u"cancelled"_s);
}

void TstDeploy::deploymentRejectsBadRequests_data()
{
    QTest::addColumn<QString>("build");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("env");
    QTest::addColumn<QString>("message");
    QTest::newRow("neither") << QString() << QString() << u"prod"_s << u"a build number or a chart version"_s;
    QTest::newRow("both") << u"3"_s << u"1.0.0-3"_s << u"prod"_s << u"not both"_s;
    QTest::newRow("env") << u"3"_s << QString() << u"qa"_s << u"Unknown environment \"qa\""_s;
    QTest::newRow("not semver") << QString() << u"latest"_s << u"dev"_s << u"is not a chart version"_s;
    QTest::newRow("off pattern") << QString() << u"1.0.1-3"_s << u"dev"_s << u"does not fit"_s;
}

void TstDeploy::deploymentRejectsBadRequests()
{
    QFETCH(QString, build);
    QFETCH(QString, version);
    QFETCH(QString, env);
    QFETCH(QString, message);
    Deployment::Request request;
    request.build = build;
    request.version = version;
    request.env = env;
    try {
        Deployment deployment(loadConfig(), request, nullptr, nullptr);
        QFAIL("no error");
    } catch (const ApiError &error) {
        QCOMPARE(error.kind(), ApiError::Kind::Usage);
        QVERIFY2(error.message().contains(message), qPrintable(error.message()));
    }
}

void TstDeploy::sigintCancelsCli_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void TstDeploy::sigintCancelsCli()
{
    QFETCH(int, signal);
    const QString marks = m_home->filePath(u"marks"_s);
    QProcess *process = startCapstan(
        {u"deploy"_s, u"--build"_s, u"16"_s, u"--yes"_s},
        {{u"SAMPLE_SLEEP"_s, u"60"_s}, {u"SAMPLE_SLOW"_s, u"lint"_s}, {u"SAMPLE_MARKS"_s, marks}});
    QVERIFY(process->waitForStarted());
    QVERIFY2(waitForFile(marks + u"/lint.pid"_s, process), process->readAllStandardError().constData());
    const QList<QByteArray> pids = readFile(marks + u"/lint.pid"_s).trimmed().split(' ');
    QVERIFY(app().deployLock());

    ::kill(pid_t(process->processId()), signal);
    QVERIFY(waitForExit(process));
    const QString out = QString::fromUtf8(process->readAllStandardOutput());
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 130);
    QVERIFY2(out.contains(u"cancelled: deploy of 1.0.0-16"_s), qPrintable(out));
    for (const QByteArray &pid : pids)
        QVERIFY2(!processAlive(pid.toLongLong()), pid.constData());
    QVERIFY(!app().deployLock());

    const Run journal = capstan({u"journal"_s, u"-o"_s, u"json"_s});
    const QJsonObject entry = QJsonDocument::fromJson(journal.out).array().first().toObject();
    QCOMPARE(entry[u"outcome"_s].toString(), u"cancelled"_s);
    QVERIFY2(!QString::fromUtf8(journal.err).contains(u"interrupted"_s), journal.err.constData());
}

void TstDeploy::killedCliIsReportedInterrupted()
{
    const QString marks = m_home->filePath(u"marks"_s);
    QProcess *process = startCapstan(
        {u"deploy"_s, u"--build"_s, u"17"_s, u"--yes"_s},
        {{u"SAMPLE_SLEEP"_s, u"60"_s}, {u"SAMPLE_SLOW"_s, u"typecheck"_s}, {u"SAMPLE_MARKS"_s, marks}});
    QVERIFY(process->waitForStarted());
    QVERIFY2(waitForFile(marks + u"/typecheck.pid"_s, process), process->readAllStandardError().constData());
    ::kill(pid_t(process->processId()), SIGKILL);
    QVERIFY(waitForExit(process));
    // The orphaned check would run on: end it as the test's own cleanup.
    const QList<QByteArray> pids = readFile(marks + u"/typecheck.pid"_s).trimmed().split(' ');
    for (const QByteArray &pid : pids)
        ::kill(pid_t(pid.toLongLong()), SIGKILL);

    const Run journal = capstan({u"journal"_s});
    QVERIFY2(journal.exitCode == 0, qPrintable(journal.describe()));
    const QString err = QString::fromUtf8(journal.err);
    QVERIFY2(err.contains(u"of 1.0.0-17 (prod) by alice@"_s) &&
                 err.contains(u"interrupted in step typecheck"_s),
             qPrintable(err));
    QVERIFY2(err.contains(u"unlock --force --reason"_s), qPrintable(err)); // the lock is still held
    QVERIFY2(QString::fromUtf8(journal.out).contains(u"interrupted"_s), qPrintable(journal.describe()));

    // Reported once.
    const Run again = capstan({u"journal"_s});
    QVERIFY2(!QString::fromUtf8(again.err).contains(u"interrupted in step"_s), again.err.constData());

    // The next deploy of the same user on the same host proceeds: the journal says the holder ended.
    const Run next = capstan({u"deploy"_s, u"--build"_s, u"18"_s, u"--yes"_s});
    QVERIFY2(next.exitCode == 0, qPrintable(next.describe()));
    QVERIFY2(QString::fromUtf8(next.err).contains(u"Released the lock left by alice@"_s),
             qPrintable(next.describe()));
    QVERIFY(!app().deployLock());
}

void TstDeploy::closedOutputDoesNotStopTheDeploy()
{
    // `capstan --cli deploy … | head -n 1`: the reader goes away after the first line.
    QProcess head;
    auto *process = new QProcess;
    m_processes.append(process);
    process->setProcessEnvironment(environment({{u"SAMPLE_SLEEP"_s, u"1"_s}}));
    process->setWorkingDirectory(repo());
    process->setStandardOutputProcess(&head);
    process->start(QStringLiteral(CAPSTAN_BINARY),
                   {u"--cli"_s, u"deploy"_s, u"--build"_s, u"18"_s, u"--env"_s, u"dev"_s});
    head.start(u"head"_s, {u"-n"_s, u"1"_s});
    QVERIFY(process->waitForStarted());
    QVERIFY(head.waitForStarted());
    QVERIFY(waitForExit(&head)); // on the event loop: the deploy asks this process's GitHub server first
    QVERIFY(waitForExit(process));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);

    const Run journal = capstan({u"journal"_s, u"-o"_s, u"json"_s});
    const QJsonObject entry = QJsonDocument::fromJson(journal.out).array().first().toObject();
    QCOMPARE(entry[u"version"_s].toString(), u"1.0.0-18"_s);
    QCOMPARE(entry[u"outcome"_s].toString(), u"succeeded"_s);
    QVERIFY2(!QString::fromUtf8(journal.err).contains(u"interrupted"_s), journal.err.constData());
}

void TstDeploy::secondDeployRefusedWhileLocked()
{
    // A deploy in flight holds the lock...
    const QString marks = m_home->filePath(u"marks"_s);
    QProcess *first = startCapstan(
        {u"deploy"_s, u"--build"_s, u"18"_s, u"--yes"_s},
        {{u"SAMPLE_SLEEP"_s, u"60"_s}, {u"SAMPLE_SLOW"_s, u"test"_s}, {u"SAMPLE_MARKS"_s, marks}});
    QVERIFY(first->waitForStarted());
    QVERIFY(waitForFile(marks + u"/test.pid"_s, first));
    const Run second = capstan({u"deploy"_s, u"--build"_s, u"19"_s, u"--yes"_s}, {{u"USER"_s, u"bob"_s}});
    QCOMPARE(second.exitCode, 6);
    QVERIFY2(QString::fromUtf8(second.err).contains(u"alice@"_s), qPrintable(second.describe()));
    ::kill(pid_t(first->processId()), SIGINT);
    QVERIFY(waitForExit(first));
    QCOMPARE(first->exitCode(), 130);

    // ...and so does a manual lock.
    const Run lock = capstan({u"lock"_s, u"--reason"_s, u"database migration"_s}, {{u"USER"_s, u"dave"_s}});
    QVERIFY2(lock.exitCode == 0, qPrintable(lock.describe()));
    const Run refused = capstan({u"deploy"_s, u"--build"_s, u"19"_s, u"--yes"_s});
    QCOMPARE(refused.exitCode, 6);
    QVERIFY2(QString::fromUtf8(refused.err).contains(u"dave@"_s), qPrintable(refused.describe()));
    QCOMPARE(storedVersions(), QStringList{u"1.0.0-1"_s});
    QVERIFY(!QFileInfo::exists(QDir(repo()).filePath(u"dist/configmap.yaml"_s)) ||
            !readFile(QDir(repo()).filePath(u"dist/configmap.yaml"_s)).contains("1.0.0-19"));
}

void TstDeploy::lockAndUnlock_data()
{
    QTest::addColumn<QString>("holder");        // who locks first; empty: nobody
    QTest::addColumn<QStringList>("arguments"); // run as alice
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("holderAfter");
    QTest::newRow("lock free") << QString() << QStringList{u"lock"_s, u"--reason"_s, u"freeze"_s} << 0
                               << u"Locked torvalds for alice@"_s << u"alice@"_s;
    QTest::newRow("lock held by bob")
        << u"bob"_s << QStringList{u"lock"_s, u"--reason"_s, u"freeze"_s} << 6 << u"bob@"_s << u"bob@"_s;
    QTest::newRow("lock held by me") << Alice << QStringList{u"lock"_s, u"--reason"_s, u"again"_s} << 6
                                     << u"alice@"_s << u"alice@"_s;
    QTest::newRow("unlock mine") << Alice << QStringList{u"unlock"_s} << 0 << u"Unlocked torvalds"_s
                                 << QString();
    QTest::newRow("unlock nothing") << QString() << QStringList{u"unlock"_s} << 0 << u"was not locked"_s
                                    << QString();
    QTest::newRow("unlock bob's") << u"bob"_s << QStringList{u"unlock"_s} << 6 << u"bob@"_s << u"bob@"_s;
    QTest::newRow("force bob's") << u"bob"_s
                                 << QStringList{u"unlock"_s, u"--force"_s, u"--reason"_s, u"bob is away"_s}
                                 << 0 << u"Unlocked torvalds (was held by bob@"_s << QString();
    QTest::newRow("json") << QString()
                          << QStringList{u"lock"_s, u"--reason"_s, u"freeze"_s, u"-o"_s, u"json"_s} << 0
                          << u"\"holder\": \"alice@"_s << u"alice@"_s;
}

void TstDeploy::lockAndUnlock()
{
    QFETCH(QString, holder);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, output);
    QFETCH(QString, holderAfter);
    if (!holder.isEmpty()) {
        const Run first = capstan({u"lock"_s, u"--reason"_s, u"first"_s}, {{u"USER"_s, holder}});
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
    }
    const Run run = capstan(arguments);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.all().contains(output), qPrintable(run.describe()));
    const std::optional<ArgoApplication::DeployLock> lock = app().deployLock();
    if (holderAfter.isEmpty())
        QVERIFY2(!lock, qPrintable(lock ? lock->holder : QString()));
    else
        QVERIFY2(lock && lock->holder.startsWith(holderAfter), qPrintable(lock ? lock->holder : QString()));
}

void TstDeploy::secretsStayOutOfOutputAndArgv_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("masked");
    QTest::newRow("masked") << DaggerSecret << true;
    // Too short to mask reliably: the deploy warns before it starts, and the output stays readable.
    QTest::newRow("too short") << u"Xq7!zz"_s << false;
}

void TstDeploy::secretsStayOutOfOutputAndArgv()
{
    QFETCH(QString, secret);
    QFETCH(bool, masked);
    // A dagger step: its secret comes from the environment, and it prints it and every process's argv.
    const QString configPath = QDir(repo()).filePath(u"capstan.yaml"_s);
    QByteArray yaml = readFile(configPath);
    const QByteArray imageStep =
        "- { name: app-image, kind: image-publish, run: \"./scripts/publish-image.sh "
        "{version}\", tags: [\"{version}\", latest] }";
    QVERIFY(yaml.contains(imageStep));
    yaml.replace(imageStep,
                 "- { name: app-image, kind: dagger, run: \"dagger call publish --tag {version}\", "
                 "secrets: [SAMPLE_REGISTRY_TOKEN] }");
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(yaml);
    config.close();
    const QString bin = m_home->filePath(u"bin"_s);
    QVERIFY(QDir().mkpath(bin));
    QFile dagger(bin + u"/dagger"_s);
    QVERIFY(dagger.open(QIODevice::WriteOnly));
    dagger.write("#!/bin/sh\n"
                 "echo \"token=$SAMPLE_REGISTRY_TOKEN cm=${CAPSTAN_CHARTMUSEUM_PASSWORD:-unset}\"\n"
                 "printf '%s' \"$SAMPLE_REGISTRY_TOKEN\" > \"$SAMPLE_EVIDENCE/token\"\n"
                 "for f in /proc/[0-9]*/cmdline; do tr '\\000' ' ' < \"$f\" 2>/dev/null; echo; done "
                 "> \"$SAMPLE_EVIDENCE/argv\"\n");
    dagger.close();
    QVERIFY(dagger.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QString evidence = m_home->filePath(u"evidence"_s);
    QVERIFY(QDir().mkpath(evidence));

    const Run run = capstan({u"deploy"_s, u"--build"_s, u"21"_s, u"--yes"_s, u"--verbose"_s},
                            {{u"SAMPLE_REGISTRY_TOKEN"_s, secret},
                             {u"SAMPLE_EVIDENCE"_s, evidence},
                             {u"PATH"_s, bin + u':' + qEnvironmentVariable("PATH")}});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(readFile(evidence + u"/token"_s), secret.toUtf8()); // it reached the step
    const QString err = QString::fromUtf8(run.err);
    const QString warning =
        u"warning: the secret SAMPLE_REGISTRY_TOKEN is shorter than 8 characters and cannot be "
        u"redacted reliably"_s;
    QCOMPARE(err.contains(warning), !masked);
    const QString line = u"[app-image] token="_s + (masked ? Redactor::Mask.toString() : secret);
    QVERIFY2(err.contains(line), qPrintable(err));          // the line was printed, redacted when it can be
    QVERIFY2(err.contains(u"cm=unset"_s), qPrintable(err)); // Capstan's own secrets stay home
    if (!masked)
        QVERIFY2(err.indexOf(warning) < err.indexOf(line), qPrintable(err)); // warned before the run
    checkNoSecrets(run.all());
    const QString argv = QString::fromUtf8(readFile(evidence + u"/argv"_s));
    QVERIFY(argv.contains(u"dagger"_s));
    QVERIFY(!argv.contains(secret));
    checkNoSecrets(argv);
    const Run journal = capstan({u"journal"_s, u"-o"_s, u"json"_s});
    checkNoSecrets(journal.all());
}

void TstDeploy::sandboxDeploysTheUnpublishedBuild()
{
    // The story has a successful newest build whose chart is not in ChartMuseum yet.
    const HomelabHistory history;
    const int build = HomelabHistory::UnpublishedRun;
    const auto run =
        std::find_if(history.runs().cbegin(), history.runs().cend(),
                     [build](const HomelabHistory::Run &candidate) { return candidate.number == build; });
    QVERIFY(run != history.runs().cend());
    QCOMPARE(run->conclusion, u"success"_s);
    QVERIFY(!run->hasChart);

    Sandbox sandbox;
    QString error;
    QVERIFY2(sandbox.start(&error), qPrintable(error));
    const Config config = sandbox.config();
    QVERIFY(config.pipeline);
    QVERIFY(QFileInfo(config.file).isFile());
    QVERIFY(QFileInfo(QFileInfo(config.file).dir().filePath(u"scripts/test.sh"_s)).isExecutable());
    QVERIFY(!sandbox.environment().value(u"CAPSTAN_JOURNAL"_s).isEmpty());

    const QProcessEnvironment env = sandbox.environment();
    QNetworkAccessManager network;
    CredentialStore credentials(env);
    ClientFactory factory(&network, &credentials);
    DeployJournal journal(env.value(u"CAPSTAN_JOURNAL"_s));
    Deployment::Request request;
    request.build = QString::number(build);
    Deployment deployment(config, request, &factory, &journal);
    deployment.setEnvironment(env);
    QSignalSpy finished(&deployment, &Deployment::finished);
    deployment.start();
    QVERIFY(finished.wait(DeployTimeoutMs));
    QCOMPARE(finished.first().at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Succeeded);
    const ArgoApplication application =
        ArgoApplication::fromJson(sandbox.argoCd()->application(u"torvalds"_s));
    QCOMPARE(application.liveRevision(), u"1.0.0-%1"_s.arg(build));
    QCOMPARE(application.health, u"Healthy"_s);
    QVERIFY(!deployment.target().sha.isEmpty()); // from the sandbox GitHub's run

    // The next version of the same chart: what the story's earlier builds published, one commit on.
    const auto stored = [&sandbox](int run) {
        QFile file(QDir(sandbox.directory()).filePath(u"chartmuseum/torvalds-1.0.0-%1.tgz"_s.arg(run)));
        QString readError;
        std::optional<ChartArchive> archive =
            file.open(QIODevice::ReadOnly) ? ChartArchive::read(file.readAll(), &readError) : std::nullopt;
        return archive;
    };
    const std::optional<ChartArchive> published = stored(build);
    const std::optional<ChartArchive> previous = stored(148);
    QVERIFY(published && previous);
    QCOMPARE(published->metadata().name, previous->metadata().name);
    QCOMPARE(published->metadata().description, previous->metadata().description);
    QCOMPARE(published->metadata().appVersion, DemoChart::appVersion(build));
    QVERIFY(published->metadata().appVersion != previous->metadata().appVersion);
    QStringList publishedFiles;
    QStringList previousFiles;
    for (const auto &entry : published->files())
        publishedFiles.append(entry.path);
    for (const auto &entry : previous->files())
        previousFiles.append(entry.path);
    publishedFiles.sort();
    previousFiles.sort();
    QCOMPARE(publishedFiles, previousFiles);
    QVERIFY(published->fileData(u"templates/deployment.yaml"_s).contains("torvalds:1.0.0-149"));
    // The same commit packaged by the seeder gives the same chart: the story and a deploy agree.
    QString packageError;
    const std::optional<ChartArchive> seeded =
        ChartArchive::read(DemoChart::package(build, u"1.0.0-149"_s, 0, &packageError), &packageError);
    QVERIFY2(seeded, qPrintable(packageError));
    QCOMPARE(seeded->fileData(u"templates/deployment.yaml"_s),
             published->fileData(u"templates/deployment.yaml"_s));
    QCOMPARE(seeded->valuesYaml(), published->valuesYaml());
}

void TstDeploy::sandboxCliKeepsItsOwnJournal()
{
    const Run run = CapstanProcess::run(
        {u"--sandbox"_s, u"deploy"_s, u"--build"_s, u"149"_s, u"--env"_s, u"dev"_s, u"-o"_s, u"json"_s},
        environment(), m_home->path(), DeployTimeoutMs);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    bool parse = false;
    const QList<QJsonObject> lines = jsonLines(run.out, &parse);
    QVERIFY(parse && !lines.isEmpty());
    QCOMPARE(lines.last()[u"outcome"_s].toString(), u"succeeded"_s);
    QVERIFY2(!QFileInfo::exists(journalFile()), "the sandbox writes its own journal, not CAPSTAN_JOURNAL");
}

void TstDeploy::unusableJournalStopsBeforeAnything()
{
    // The journal path is a directory: no record could be written, so nothing may run.
    const QString notAFile = m_home->filePath(u"journal-dir"_s);
    QVERIFY(QDir().mkpath(notAFile));
    const Run run =
        capstan({u"deploy"_s, u"--build"_s, u"23"_s, u"--yes"_s}, {{u"CAPSTAN_JOURNAL"_s, notAFile}});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode != 0, qPrintable(run.describe()));
    QVERIFY2(QString::fromUtf8(run.err).contains(notAFile), qPrintable(run.describe()));
    QVERIFY(!QFileInfo::exists(QDir(repo()).filePath(u"dist"_s)));
    QVERIFY(!readFile(QDir(repo()).filePath(u"chart/Chart.yaml"_s)).contains("1.0.0-23"));
    QCOMPARE(storedVersions(), QStringList{u"1.0.0-1"_s});
    QVERIFY(!app().deployLock());
}

void TstDeploy::deployRefusedWhileAnOperationRuns()
{
    const Run sync = capstan({u"sync"_s});
    QVERIFY2(sync.exitCode == 0, qPrintable(sync.describe()));
    QVERIFY(app().operationInProgress());
    const Run run = capstan({u"deploy"_s, u"--build"_s, u"24"_s, u"--yes"_s});
    QCOMPARE(run.exitCode, 6);
    QVERIFY2(QString::fromUtf8(run.err).contains(u"operation"_s), qPrintable(run.describe()));
    QVERIFY(!QFileInfo::exists(QDir(repo()).filePath(u"dist"_s)));
    QVERIFY(!app().deployLock());
}

QTEST_GUILESS_MAIN(TstDeploy)
#include "tst_deploy.moc"

void TstDeploy::gateRefuses_data()
{
    QTest::addColumn<int>("build");
    QTest::addColumn<QString>("why");
    QTest::newRow("failed") << FailedBuild << u"failed: its CI run completed with conclusion failure"_s;
    QTest::newRow("in progress") << RunningBuild << u"is still running"_s;
    QTest::newRow("unknown") << 9999 << u"is unknown"_s;
}

void TstDeploy::gateRefuses()
{
    QFETCH(int, build);
    QFETCH(QString, why);
    const Run run = capstan({u"deploy"_s, u"--build"_s, QString::number(build), u"--yes"_s});
    QCOMPARE(run.exitCode, 6);
    QVERIFY2(QString::fromUtf8(run.err).contains(why), qPrintable(run.describe()));
    QVERIFY2(QString::fromUtf8(run.err).contains(u"--override-ci"_s), qPrintable(run.describe()));
    QCOMPARE(storedVersions(), QStringList{u"1.0.0-1"_s});
    QCOMPARE(app().targetRevision, u"1.0.0-1"_s);
    QVERIFY(!app().deployLock());
    const QList<QJsonObject> entries = journalEntries(u"deploy"_s);
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.first().value(u"version"_s).toString(), u"1.0.0-%1"_s.arg(build));
    QCOMPARE(entries.first().value(u"outcome"_s).toString(), u"refused"_s);
    QVERIFY2(entries.first().value(u"message"_s).toString().contains(why), qPrintable(why));

    // dev publishes nothing: it runs the checks of any known build.
    if (build != 9999) {
        const Run dev = capstan({u"deploy"_s, u"--build"_s, QString::number(build), u"--env"_s, u"dev"_s});
        QVERIFY2(dev.exitCode == 0, qPrintable(dev.describe()));
    }
}

void TstDeploy::overrideCiDeploysAndIsRecorded()
{
    const Run run = capstan({u"deploy"_s, u"--build"_s, QString::number(FailedBuild), u"--yes"_s,
                             u"--override-ci"_s, u"hotfix for the outage"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(QString::fromUtf8(run.err).contains(u"CI gate overridden by alice@"_s),
             qPrintable(run.describe()));
    const ArgoApplication application = app();
    QCOMPARE(application.liveRevision(), u"1.0.0-%1"_s.arg(FailedBuild));
    const QString recorded = application.annotations.value(u"capstan.net/ci-override"_s);
    QVERIFY2(recorded.contains(u"alice@"_s) && recorded.contains(u"hotfix for the outage"_s),
             qPrintable(recorded));
    bool found = false;
    for (const QJsonObject &entry : journalEntries()) {
        if (entry.value(u"kind"_s).toString() == u"ci-override"_s) {
            found = true;
            QCOMPARE(entry.value(u"reason"_s).toString(), u"hotfix for the outage"_s);
            QVERIFY(entry.value(u"who"_s).toString().startsWith(u"alice@"_s));
        }
    }
    QVERIFY2(found, "the override is in the journal");

    const Run empty = capstan({u"deploy"_s, u"--build"_s, u"3"_s, u"--yes"_s, u"--override-ci"_s, u" "_s});
    QCOMPARE(empty.exitCode, 2);
}

void TstDeploy::publishedVersionIsSyncedOnly_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("published") << u"1.0.0-1"_s << 0;
    QTest::newRow("missing") << u"1.0.0-5"_s << 6;
}

void TstDeploy::publishedVersionIsSyncedOnly()
{
    QFETCH(QString, version);
    QFETCH(int, exitCode);
    const Run plan = capstan({u"deploy"_s, u"--version"_s, version, u"--dry-run"_s});
    QVERIFY2(plan.exitCode == 0, qPrintable(plan.describe()));
    QVERIFY2(QString::fromUtf8(plan.out).contains(u"sync only"_s), qPrintable(plan.describe()));
    const Run run = capstan({u"deploy"_s, u"--version"_s, version, u"--yes"_s});
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    QCOMPARE(storedVersions(), QStringList{u"1.0.0-1"_s});
    QVERIFY2(!QFileInfo::exists(QDir(repo()).filePath(u".capstan/out"_s)), "nothing was packaged");
    if (exitCode == 6)
        QVERIFY2(QString::fromUtf8(run.err).contains(u"not in the chart repository"_s),
                 qPrintable(run.describe()));
}

void TstDeploy::deploysTheBuildsOwnCommit()
{
    // Build 7 is the first commit. Later the repository moves on, and the working tree has edits on top.
    GitRepository git(repo());
    const QString chartFile = QDir(repo()).filePath(u"chart/Chart.yaml"_s);
    const QByteArray committed = readFile(chartFile);
    QFile chart(chartFile);
    QVERIFY(chart.open(QIODevice::Append));
    chart.write("# a later commit\n");
    chart.close();
    const QString later = git.commitAll(u"Later work"_s);
    QVERIFY(!later.isEmpty() && later != m_sha);
    QVERIFY(chart.open(QIODevice::Append));
    chart.write("# uncommitted edit\n");
    chart.close();
    const QByteArray edited = readFile(chartFile);
    const QString statusBefore = git.git({u"status"_s, u"--porcelain"_s});

    const Run run = capstan({u"deploy"_s, u"--build"_s, u"7"_s, u"--yes"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));

    // The package holds commit m_sha's Chart.yaml with the version stamped, not the later or edited one.
    const QString package = QDir(repo()).filePath(u".capstan/out/torvalds-1.0.0-7.tgz"_s);
    QVERIFY(QFileInfo::exists(package));
    QProcess tar;
    tar.start(u"tar"_s, {u"-xzOf"_s, package, u"torvalds/Chart.yaml"_s});
    QVERIFY(tar.waitForFinished(30000));
    const QByteArray packaged = tar.readAllStandardOutput();
    QVERIFY2(packaged.contains("version: \"1.0.0-7\""), packaged.constData());
    QVERIFY2(!packaged.contains("a later commit") && !packaged.contains("uncommitted edit"),
             packaged.constData());
    QVERIFY(!committed.isEmpty());

    // The working tree is as it was.
    QCOMPARE(readFile(chartFile), edited);
    QCOMPARE(git.git({u"status"_s, u"--porcelain"_s}), statusBefore);
    QCOMPARE(git.git({u"rev-parse"_s, u"HEAD"_s}), later);

    const QList<QJsonObject> entries = journalEntries(u"deploy"_s);
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.first().value(u"sha"_s).toString(), m_sha);
    QCOMPARE(entries.first().value(u"source"_s).toString(), u"checkout"_s);
    QCOMPARE(entries.first().value(u"clean"_s).toBool(), true);
}

void TstDeploy::worktreeRules_data()
{
    QTest::addColumn<QString>("env");
    QTest::addColumn<bool>("dirty");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("prod clean") << u"prod"_s << false << QStringList() << 0;
    QTest::newRow("prod dirty") << u"prod"_s << true << QStringList() << 6;
    QTest::newRow("prod dirty allowed")
        << u"prod"_s << true << QStringList{u"--allow-dirty"_s, u"trying a fix"_s} << 0;
    QTest::newRow("dev dirty") << u"dev"_s << true << QStringList() << 0;
    QTest::newRow("allow-dirty alone") << u"prod"_s << true << QStringList{u"--allow-dirty"_s, u"x"_s} << 2;
}

void TstDeploy::worktreeRules()
{
    QFETCH(QString, env);
    QFETCH(bool, dirty);
    QFETCH(QStringList, extra);
    QFETCH(int, exitCode);
    if (dirty) {
        QFile readme(QDir(repo()).filePath(u"NOTES.md"_s));
        QVERIFY(readme.open(QIODevice::WriteOnly));
        readme.write("work in progress\n");
    }
    QStringList arguments{u"deploy"_s, u"--build"_s, u"8"_s, u"--env"_s, env, u"--yes"_s};
    if (QString::fromLatin1(QTest::currentDataTag()) != u"allow-dirty alone"_s)
        arguments.append(u"--worktree"_s);
    const Run run = capstan(arguments + extra);
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    if (exitCode == 6) {
        QVERIFY2(QString::fromUtf8(run.err).contains(u"NOTES.md"_s), qPrintable(run.describe()));
        QVERIFY2(QString::fromUtf8(run.err).contains(u"--allow-dirty"_s), qPrintable(run.describe()));
        QCOMPARE(storedVersions(), QStringList{u"1.0.0-1"_s});
    }
    if (exitCode == 0) {
        const QList<QJsonObject> entries = journalEntries(u"deploy"_s);
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.first().value(u"source"_s).toString(), u"worktree"_s);
        QCOMPARE(entries.first().value(u"clean"_s).toBool(), !dirty);
    }
}

void TstDeploy::unknownCommitIsNotFound()
{
    const QString missing = u"0123456789abcdef0123456789abcdef01234567"_s;
    m_gitHub->addCommits({{missing, u"Pushed elsewhere"_s, u"Bob"_s, u"bob"_s, u"bob@example.org"_s,
                           QDateTime::currentDateTimeUtc().addDays(-1)}});
    GitHubServer::RunSeed seed;
    seed.runNumber = 50;
    seed.headSha = missing;
    seed.createdAt = QDateTime::currentDateTimeUtc();
    m_gitHub->addRun(seed);
    const Run run = capstan({u"deploy"_s, u"--build"_s, u"50"_s, u"--yes"_s});
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(QString::fromUtf8(run.err).contains(missing.left(7)), qPrintable(run.describe()));
    QCOMPARE(storedVersions(), QStringList{u"1.0.0-1"_s});
    QVERIFY(!app().deployLock());
}

void TstDeploy::brokenApplicationCanBeFixedForward()
{
    // The running version is deleted from the chart repository: Argo CD can no longer render the application
    // and refuses every patch of it, the lock's included.
    QVERIFY(QFile::remove(QDir(m_chartMuseum->repoDirectory()).filePath(u"torvalds-1.0.0-1.tgz"_s)));
    QVERIFY(m_chartMuseum->putChart(Chart, u"1.0.0-2"_s)); // the repository is not empty
    const Run run = capstan({u"deploy"_s, u"--build"_s, u"9"_s, u"--yes"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(QString::fromUtf8(run.err).contains(u"validation skipped"_s), qPrintable(run.describe()));
    const ArgoApplication application = app();
    QCOMPARE(application.targetRevision, u"1.0.0-9"_s);
    QCOMPARE(application.liveRevision(), u"1.0.0-9"_s);
    QVERIFY(!application.deployLock());
    bool recorded = false;
    for (const QJsonObject &entry : journalEntries())
        recorded = recorded || entry.value(u"kind"_s).toString() == u"lock-take"_s;
    QVERIFY2(recorded, "the unvalidated lock is in the journal");

    // Someone else's lock is still respected on that path.
    QVERIFY(QFile::remove(QDir(m_chartMuseum->repoDirectory()).filePath(u"torvalds-1.0.0-9.tgz"_s)));
    const Run erin = capstan({u"lock"_s, u"--reason"_s, u"investigating"_s}, {{u"USER"_s, u"erin"_s}});
    QVERIFY2(erin.exitCode == 0, qPrintable(erin.describe()));
    const Run refused = capstan({u"deploy"_s, u"--build"_s, u"10"_s, u"--yes"_s});
    QCOMPARE(refused.exitCode, 6);
    QVERIFY2(QString::fromUtf8(refused.err).contains(u"erin@"_s), qPrintable(refused.describe()));
    QCOMPARE(app().targetRevision, u"1.0.0-9"_s);
}

void TstDeploy::heartbeatRenewsTheLock()
{
    const QString marks = m_home->filePath(u"marks"_s);
    QProcessEnvironment env = environment(
        {{u"SAMPLE_SLEEP"_s, u"60"_s}, {u"SAMPLE_SLOW"_s, u"test"_s}, {u"SAMPLE_MARKS"_s, marks}});
    QNetworkAccessManager network;
    CredentialStore credentials(env);
    ClientFactory factory(&network, &credentials);
    DeployJournal journal(journalFile());
    Deployment::Request request;
    request.build = u"12"_s;
    Deployment deployment(loadConfig(), request, &factory, &journal);
    deployment.setEnvironment(env);
    deployment.setHeartbeatInterval(100);
    QSignalSpy started(&deployment, &Deployment::started);
    QSignalSpy finished(&deployment, &Deployment::finished);
    deployment.start();
    QVERIFY(started.wait(DeployTimeoutMs));
    const std::optional<ArgoApplication::DeployLock> first = app().deployLock();
    QVERIFY(first);
    QVERIFY(first->heartbeat.isValid());
    QCOMPARE(first->deploy, DeployLock::deployId(deployment.journalId(), QCoreApplication::applicationPid()));
    QTRY_VERIFY_WITH_TIMEOUT(app().deployLock() && app().deployLock()->heartbeat > first->heartbeat, 30000);
    deployment.cancel();
    QVERIFY(finished.wait(DeployTimeoutMs));
    QVERIFY(!app().deployLock());
}

void TstDeploy::lockLeftByAFailedReleaseIsReleasedNext()
{
    // Every attempt to release the lock fails: the deploy ends, the lock stays behind.
    ArgoCdServer::Fault fault;
    fault.pathPrefix = u"/api/v1/applications/%1"_s.arg(App);
    fault.method = "PATCH";
    fault.status = 500;
    fault.count = -1;
    QNetworkAccessManager network;
    QProcessEnvironment env = environment();
    CredentialStore credentials(env);
    ClientFactory factory(&network, &credentials);
    DeployJournal journal(journalFile());
    Deployment::Request request;
    request.build = u"13"_s;
    request.user = u"alice@"_s + QSysInfo::machineHostName();
    Deployment deployment(loadConfig(), request, &factory, &journal);
    deployment.setEnvironment(env);
    QSignalSpy stepFinished(&deployment, &Deployment::stepFinished);
    QSignalSpy finished(&deployment, &Deployment::finished);
    QSignalSpy warnings(&deployment, &Deployment::warning);
    connect(&deployment, &Deployment::stepFinished, this, [this, fault](const QString &step) {
        if (step == u"argocd"_s)
            m_argo->addFault(fault);
    });
    deployment.start();
    QVERIFY(finished.wait(DeployTimeoutMs));
    QCOMPARE(finished.first().at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Succeeded);
    QVERIFY(app().deployLock());
    m_argo->clearFaults();

    // The same user on the same host deploys next: the journal shows the holder's deploy ended.
    const Run next = capstan({u"deploy"_s, u"--build"_s, u"14"_s, u"--yes"_s}, {{u"USER"_s, u"alice"_s}});
    QVERIFY2(next.exitCode == 0, qPrintable(next.describe()));
    QVERIFY2(QString::fromUtf8(next.err).contains(u"Released the lock left by"_s),
             qPrintable(next.describe()));
    QVERIFY(!app().deployLock());
    bool recorded = false;
    for (const QJsonObject &entry : journalEntries())
        recorded = recorded || (entry.value(u"kind"_s).toString() == u"lock-release"_s &&
                                entry.value(u"outcome"_s).toString() == u"succeeded"_s);
    QVERIFY2(recorded, "the release is in the journal");
}
