#include "CapstanProcess.h"
#include "ServerFixture.h"
#include "argocd/ArgoApplication.h"
#include "argocd/ArgoCdServer.h"
#include "github/BuildCatalog.h"
#include "github/GitHubServer.h"
#include "models/BuildsModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString GitHubToken = u"ghp_buildsTestToken0123456789abcdefABCDEF"_s;
const QString ChartMuseumPassword = u"cm-secret-pass-4711"_s;
const QString ArgoPassword = u"argo-admin-pass-0815"_s;

WorkflowRun makeRun(int number, const QString &status = u"completed"_s,
                    const QString &conclusion = u"success"_s)
{
    WorkflowRun run;
    run.id = 5000000000LL + number;
    run.runNumber = number;
    run.status = status;
    run.conclusion = conclusion;
    run.headBranch = u"main"_s;
    run.headSha = u"%1"_s.arg(number, 40, 10, QLatin1Char('a'));
    run.commitMessage = u"Change %1\n\nbody"_s.arg(number);
    run.commitAuthor = u"Ada"_s;
    run.createdAt = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC).addSecs(number * 60);
    run.updatedAt = run.createdAt;
    return run;
}

// Newest first, as GitHub lists them.
QList<WorkflowRun> makeRuns(const QList<int> &numbers)
{
    QList<WorkflowRun> runs;
    for (const int number : numbers)
        runs.append(makeRun(number));
    return runs;
}

ArgoApplication makeApplication(const QStringList &revisions)
{
    ArgoApplication application;
    application.name = u"torvalds"_s;
    qint64 id = 0;
    for (const QString &revision : revisions) {
        ArgoApplication::HistoryEntry entry;
        entry.id = id++;
        entry.revision = revision;
        entry.deployedAt = QDateTime(QDate(2026, 1, 2), QTime(8, 0), Qt::UTC).addSecs(id * 60);
        application.history.append(entry);
    }
    return application;
}

QString presence(Build::Presence value)
{
    switch (value) {
    case Build::Presence::Yes:
        return u"Y"_s;
    case Build::Presence::No:
        return u"N"_s;
    case Build::Presence::Unknown:
        break;
    }
    return u"?"_s;
}

QString describe(const Build &build)
{
    return u"%1 %2 %3 %4 %5"_s.arg(build.run.runNumber)
        .arg(build.chartVersion)
        .arg(presence(build.inRepository) + presence(build.live))
        .arg(build.historyId ? QString::number(*build.historyId) : u"-"_s)
        .arg(build.newerThanLive ? u"newer"_s : u"-"_s);
}

// The dataChanged signals that change what a cell shows (not the row-wide roles).
QList<QList<QVariant>> displayChanges(const QSignalSpy &spy)
{
    QList<QList<QVariant>> found;
    for (const QList<QVariant> &signal : spy) {
        if (signal.at(2).value<QList<int>>().contains(Qt::DisplayRole))
            found.append(signal);
    }
    return found;
}

QString writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text.toUtf8());
    return path;
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

} // namespace

// Why: builds are where GitHub, ChartMuseum and Argo CD meet; these tests pin the join, the model's
// incremental updates and the GitHub commands of the CLI against in-process servers.
class TstBuilds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void chartVersionFor_data();
    void chartVersionFor();
    void runNumberFor_data();
    void runNumberFor();
    void join_data();
    void join();
    void deployBlocker_data();
    void deployBlocker();

    void modelFillsIncrementally();
    void modelUnchangedRefreshIsSilent();
    void modelNewAndOldRuns();
    void modelStatusChangeTouchesOnlyItsCells();
    void modelServices();
    void modelUnavailable_data();
    void modelUnavailable();

    void buildsJson();
    void buildsText();
    void buildsServiceDown_data();
    void buildsServiceDown();
    void buildsGitHubFails_data();
    void buildsGitHubFails();
    void buildsAnonymous();
    void buildsBadArguments_data();
    void buildsBadArguments();
    void changes_data();
    void changes();
    void changesText();
    void changesBadArguments();
    void releaseCreate();
    void releaseNotesFromLive();
    void ciRunWatch_data();
    void ciRunWatch();
    void ciRunUnknownRef();
    void ciRunBadInput();

private:
    QString config(const QString &name, const QUrl &github, const QUrl &chartMuseum, const QUrl &argo);
    QProcessEnvironment environment(const QString &githubToken = GitHubToken) const;
    CapstanProcess::Result capstan(const QStringList &arguments, const QString &configPath,
                                   const QProcessEnvironment &env) const;
    CapstanProcess::Result capstan(const QStringList &arguments) const
    {
        return capstan(arguments, m_config, environment());
    }
    static QJsonDocument json(const CapstanProcess::Result &result);
    void verifyNoSecrets(const CapstanProcess::Result &result) const;

    QTemporaryDir m_home;
    std::unique_ptr<ServerFixture> m_chartMuseum;
    std::unique_ptr<GitHubServer> m_github;
    std::unique_ptr<ArgoCdServer> m_argo;
    QString m_argoToken;
    QStringList m_shas;
    QString m_config;
};

void TstBuilds::initTestCase()
{
    QVERIFY(m_home.isValid());

    ChartMuseumServer::Options cm;
    cm.basicUser = u"ci"_s;
    cm.basicPassword = ChartMuseumPassword;
    m_chartMuseum = std::make_unique<ServerFixture>(cm);
    QString error;
    QVERIFY2(m_chartMuseum->start(&error), qPrintable(error));
    QVERIFY(m_chartMuseum->putChart(u"torvalds"_s, u"1.0.0-41"_s));
    QVERIFY(m_chartMuseum->putChart(u"torvalds"_s, u"1.0.0-42"_s));

    GitHubServer::Options gh;
    gh.token = GitHubToken;
    gh.dispatchRunMs = 300;
    m_github = std::make_unique<GitHubServer>(gh);
    QVERIFY2(m_github->listen(0, &error), qPrintable(error));
    QList<GitHubServer::CommitSeed> commits;
    const QStringList subjects{u"Start"_s, u"Add health check"_s, u"Fix login"_s, u"Bump redis"_s,
                               u"Work in progress"_s};
    for (int i = 0; i < subjects.size(); ++i) {
        GitHubServer::CommitSeed commit;
        commit.message = subjects.at(i) + u"\n\nDetails."_s;
        commit.authorName = i % 2 ? u"Grace Hopper"_s : u"Ada Lovelace"_s;
        commit.authorLogin = i % 2 ? u"grace"_s : u"ada"_s;
        commit.authorEmail = commit.authorLogin + u"@example.org"_s;
        commit.time = QDateTime::currentDateTimeUtc().addSecs(-3600 * (10 - i));
        commits.append(commit);
    }
    m_shas = m_github->addCommits(commits);
    QCOMPARE(m_shas.size(), 5);
    const QList<std::pair<int, int>> runs{{40, 0}, {41, 1}, {42, 3}, {43, 4}};
    for (const auto &[number, commit] : runs) {
        GitHubServer::RunSeed run;
        run.runNumber = number;
        run.headSha = m_shas.at(commit);
        run.createdAt = QDateTime::currentDateTimeUtc().addSecs(-3600 * (50 - number));
        if (number == 43) {
            run.status = u"in_progress"_s;
            run.conclusion.clear();
        }
        m_github->addRun(run);
    }

    ArgoCdServer::Options argo;
    argo.password = ArgoPassword;
    m_argo = std::make_unique<ArgoCdServer>(argo);
    QVERIFY2(m_argo->listen(0, &error), qPrintable(error));
    ArgoCdServer::AppSeed app;
    app.name = u"torvalds"_s;
    app.repoUrl = m_chartMuseum->url().toString();
    app.chart = u"torvalds"_s;
    app.targetRevision = u"1.0.0-41"_s;
    app.destinationNamespace = u"torvalds"_s;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    app.history = {{u"1.0.0-40"_s, now.addSecs(-7200)}, {u"1.0.0-41"_s, now.addSecs(-3600)}};
    m_argo->addApplication(app);
    m_argoToken = m_argo->issueToken(u"admin"_s);
    QVERIFY(!m_argoToken.isEmpty());

    m_config = config(u"capstan.yaml"_s, m_github->url(), m_chartMuseum->url(), m_argo->url());
    QVERIFY(!m_config.isEmpty());
}

QString TstBuilds::config(const QString &name, const QUrl &github, const QUrl &chartMuseum, const QUrl &argo)
{
    return writeFile(m_home.filePath(name),
                     u"github:\n  url: %1\n  repo: homelab/torvalds\n  workflow: ci.yml\n  branch: main\n"
                     "chartmuseum:\n  url: %2\n  username: ci\n"
                     "chart:\n  name: torvalds\n"
                     "argocd:\n  url: %3\n  app: torvalds\n"_s.arg(github.toString(), chartMuseum.toString(),
                                                                   argo.toString()));
}

QProcessEnvironment TstBuilds::environment(const QString &githubToken) const
{
    QProcessEnvironment env = CapstanProcess::environment(m_home.path());
    env.insert(u"CAPSTAN_GITHUB_TOKEN"_s, githubToken);
    env.insert(u"CAPSTAN_ARGOCD_TOKEN"_s, m_argoToken);
    env.insert(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s, ChartMuseumPassword);
    env.insert(u"CAPSTAN_CI_POLL_MS"_s, u"50"_s);
    return env;
}

CapstanProcess::Result TstBuilds::capstan(const QStringList &arguments, const QString &configPath,
                                          const QProcessEnvironment &env) const
{
    CapstanProcess::Result result =
        CapstanProcess::run(QStringList{u"--config"_s, configPath} + arguments, env, m_home.path());
    verifyNoSecrets(result);
    return result;
}

QJsonDocument TstBuilds::json(const CapstanProcess::Result &result)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), qPrintable(result.describe()));
    return document;
}

void TstBuilds::verifyNoSecrets(const CapstanProcess::Result &result) const
{
    const QString all = result.all();
    QVERIFY2(!all.contains(GitHubToken), "the GitHub token leaked into the output");
    QVERIFY2(!all.contains(ChartMuseumPassword), "the ChartMuseum password leaked into the output");
    QVERIFY2(!m_argoToken.isEmpty() && !all.contains(m_argoToken),
             "the Argo CD token leaked into the output");
}

// ---- BuildCatalog ----------------------------------------------------------------------------------------

void TstBuilds::chartVersionFor_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("run");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << u"1.0.0-{build}"_s << 42 << u"1.0.0-42"_s;
    QTest::newRow("run placeholder") << u"2.{run}.0"_s << 7 << u"2.7.0"_s;
    QTest::newRow("both") << u"1.{build}.0-ci{run}"_s << 3 << u"1.3.0-ci3"_s;
    QTest::newRow("build metadata") << u"0.1.0+build.{build}"_s << 148 << u"0.1.0+build.148"_s;
    QTest::newRow("no placeholder") << u"1.0.0"_s << 9 << u"1.0.0"_s;
}

void TstBuilds::chartVersionFor()
{
    QFETCH(QString, pattern);
    QFETCH(int, run);
    QFETCH(QString, expected);
    QCOMPARE(BuildCatalog::chartVersionFor(pattern, run), expected);
}

void TstBuilds::runNumberFor_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("expected"); // -1: does not match
    QTest::newRow("default") << u"1.0.0-{build}"_s << u"1.0.0-42"_s << 42;
    QTest::newRow("hotfix suffix") << u"1.0.0-{build}"_s << u"1.0.0-42-hotfix"_s << -1;
    QTest::newRow("prefix") << u"1.0.0-{build}"_s << u"v1.0.0-42"_s << -1;
    QTest::newRow("other base") << u"1.0.0-{build}"_s << u"2.0.0-42"_s << -1;
    QTest::newRow("leading zero") << u"1.0.0-{build}"_s << u"1.0.0-042"_s << -1;
    QTest::newRow("no number") << u"1.0.0-{build}"_s << u"1.0.0-"_s << -1;
    QTest::newRow("letters") << u"1.0.0-{build}"_s << u"1.0.0-4a"_s << -1;
    QTest::newRow("empty") << u"1.0.0-{build}"_s << QString() << -1;
    QTest::newRow("overflow") << u"1.0.0-{build}"_s << u"1.0.0-99999999999"_s << -1;
    QTest::newRow("dot is literal") << u"1.0.0-{build}"_s << u"1x0.0-42"_s << -1;
    QTest::newRow("plus is literal") << u"1.0.0+{build}"_s << u"1.0.0+42"_s << 42;
    QTest::newRow("run placeholder") << u"{run}.0.0"_s << u"7.0.0"_s << 7;
    QTest::newRow("both agree") << u"1.{build}.{run}"_s << u"1.5.5"_s << 5;
    QTest::newRow("both disagree") << u"1.{build}.{run}"_s << u"1.5.6"_s << -1;
    QTest::newRow("no placeholder") << u"1.0.0"_s << u"1.0.0"_s << -1;
}

void TstBuilds::runNumberFor()
{
    QFETCH(QString, pattern);
    QFETCH(QString, version);
    QFETCH(int, expected);
    const std::optional<int> run = BuildCatalog::runNumberFor(pattern, version);
    QCOMPARE(run.value_or(-1), expected);
}

void TstBuilds::join_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("chartMuseumAnswered");
    QTest::addColumn<QStringList>("repository");
    QTest::addColumn<bool>("argoAnswered");
    QTest::addColumn<QStringList>("history"); // oldest first, ids from 0
    QTest::addColumn<QStringList>("expected");

    const QStringList repo{u"1.0.0-41"_s, u"1.0.0-42"_s, u"0.9.0"_s};
    QTest::newRow("all known, newest live")
        << u"1.0.0-{build}"_s << true << repo << true
        << QStringList{u"1.0.0-40"_s, u"1.0.0-41"_s, u"1.0.0-42"_s}
        << QStringList{u"43 1.0.0-43 NN - newer"_s, u"42 1.0.0-42 YY 2 -"_s, u"41 1.0.0-41 YN 1 -"_s,
                       u"40 1.0.0-40 NN 0 -"_s};
    QTest::newRow("rolled back to 41")
        << u"1.0.0-{build}"_s << true << repo << true
        << QStringList{u"1.0.0-41"_s, u"1.0.0-42"_s, u"1.0.0-41"_s}
        << QStringList{u"43 1.0.0-43 NN - newer"_s, u"42 1.0.0-42 YN 1 newer"_s, u"41 1.0.0-41 YY 2 -"_s,
                       u"40 1.0.0-40 NN - -"_s};
    QTest::newRow("ChartMuseum did not answer")
        << u"1.0.0-{build}"_s << false << QStringList() << true << QStringList{u"1.0.0-42"_s}
        << QStringList{u"43 1.0.0-43 ?N - newer"_s, u"42 1.0.0-42 ?Y 0 -"_s, u"41 1.0.0-41 ?N - -"_s,
                       u"40 1.0.0-40 ?N - -"_s};
    QTest::newRow("Argo CD did not answer") << u"1.0.0-{build}"_s << true << repo << false << QStringList()
                                            << QStringList{u"43 1.0.0-43 N? - -"_s, u"42 1.0.0-42 Y? - -"_s,
                                                           u"41 1.0.0-41 Y? - -"_s, u"40 1.0.0-40 N? - -"_s};
    QTest::newRow("never deployed") << u"1.0.0-{build}"_s << true << QStringList() << true << QStringList()
                                    << QStringList{u"43 1.0.0-43 NN - -"_s, u"42 1.0.0-42 NN - -"_s,
                                                   u"41 1.0.0-41 NN - -"_s, u"40 1.0.0-40 NN - -"_s};
    QTest::newRow("live is no CI build")
        << u"1.0.0-{build}"_s << true << repo << true << QStringList{u"1.0.0-41"_s, u"1.0.0-41-hotfix"_s}
        << QStringList{u"43 1.0.0-43 NN - -"_s, u"42 1.0.0-42 YN - -"_s, u"41 1.0.0-41 YN 0 -"_s,
                       u"40 1.0.0-40 NN - -"_s};
    QTest::newRow("other pattern") << u"{build}.0.0"_s << true << QStringList{u"42.0.0"_s} << true
                                   << QStringList{u"41.0.0"_s}
                                   << QStringList{u"43 43.0.0 NN - newer"_s, u"42 42.0.0 YN - newer"_s,
                                                  u"41 41.0.0 NY 0 -"_s, u"40 40.0.0 NN - -"_s};
}

void TstBuilds::join()
{
    QFETCH(QString, pattern);
    QFETCH(bool, chartMuseumAnswered);
    QFETCH(QStringList, repository);
    QFETCH(bool, argoAnswered);
    QFETCH(QStringList, history);
    QFETCH(QStringList, expected);

    std::optional<QSet<QString>> versions;
    if (chartMuseumAnswered)
        versions = QSet<QString>(repository.cbegin(), repository.cend());
    std::optional<ArgoApplication> application;
    if (argoAnswered)
        application = makeApplication(history);

    const QList<Build> builds =
        BuildCatalog::join(makeRuns({43, 42, 41, 40}), pattern, versions, application);
    QStringList actual;
    for (const Build &build : builds)
        actual.append(describe(build));
    QCOMPARE(actual, expected);
}

void TstBuilds::deployBlocker_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("conclusion");
    QTest::addColumn<int>("inRepository"); // Build::Presence
    QTest::addColumn<int>("live");
    QTest::addColumn<QString>("expected"); // part of the reason; empty: deployable

    const int unknown = int(Build::Presence::Unknown);
    const int yes = int(Build::Presence::Yes);
    const int no = int(Build::Presence::No);
    QTest::newRow("deployable") << u"completed"_s << u"success"_s << yes << no << QString();
    QTest::newRow("services unknown") << u"completed"_s << u"success"_s << unknown << unknown << QString();
    QTest::newRow("running") << u"in_progress"_s << QString() << yes << no
                             << u"is still running (CI status: in_progress)"_s;
    QTest::newRow("queued") << u"queued"_s << QString() << unknown << no
                            << u"is still running (CI status: queued)"_s;
    QTest::newRow("failed") << u"completed"_s << u"failure"_s << yes << no
                            << u"completed with conclusion failure"_s;
    QTest::newRow("cancelled") << u"completed"_s << u"cancelled"_s << yes << no
                               << u"completed with conclusion cancelled"_s;
    QTest::newRow("not in ChartMuseum")
        << u"completed"_s << u"success"_s << no << no << u"1.0.0-42 is not in the chart repository"_s;
    QTest::newRow("already live") << u"completed"_s << u"success"_s << yes << yes
                                  << u"1.0.0-42 is already live"_s;
}

void TstBuilds::deployBlocker()
{
    QFETCH(QString, status);
    QFETCH(QString, conclusion);
    QFETCH(int, inRepository);
    QFETCH(int, live);
    QFETCH(QString, expected);

    Build build;
    build.run = makeRun(42, status, conclusion);
    build.chartVersion = u"1.0.0-42"_s;
    build.inRepository = Build::Presence(inRepository);
    build.live = Build::Presence(live);
    const QString reason = build.deployBlocker();
    if (expected.isEmpty())
        QVERIFY2(reason.isEmpty(), qPrintable(reason));
    else
        QVERIFY2(reason.contains(expected), qPrintable(reason));
}

// ---- BuildsModel -----------------------------------------------------------------------------------------

void TstBuilds::modelFillsIncrementally()
{
    BuildsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.setRuns(makeRuns({42, 41, 40}));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.data(model.index(0, BuildsModel::RunColumn)).toInt(), 42);
    QCOMPARE(model.data(model.index(2, BuildsModel::VersionColumn)).toString(), u"1.0.0-40"_s);
    QCOMPARE(model.data(model.index(1, BuildsModel::CommitColumn)).toString(),
             makeRun(41).shortSha() + u" Change 41"_s);
    QCOMPARE(model.rowForRun(41), 1);
    QCOMPARE(model.rowForRun(7), -1);
    QCOMPARE(model.buildAt(2)->run.runNumber, 40);
    QVERIFY(!model.buildAt(3));
    // Not asked yet: no unknown marker, no unavailability message.
    QCOMPARE(model.data(model.index(0, BuildsModel::RepositoryColumn)).toString(), u"—"_s);
    QVERIFY(model.unavailableMessage(BuildsModel::Service::ChartMuseum).isEmpty());
    QCOMPARE(model.data(model.index(0, 0), BuildsModel::SearchTextRole).toString().contains(u"Change 42"_s),
             true);
}

void TstBuilds::modelUnchangedRefreshIsSilent()
{
    BuildsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(makeRuns({42, 41, 40}));
    model.setRepositoryVersions({u"1.0.0-41"_s});
    model.setApplication(makeApplication({u"1.0.0-41"_s}));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy availability(&model, &BuildsModel::availabilityChanged);
    model.setRuns(makeRuns({42, 41, 40}));
    model.setRepositoryVersions({u"1.0.0-41"_s});
    model.setApplication(makeApplication({u"1.0.0-41"_s}));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(availability.size(), 0);
}

void TstBuilds::modelNewAndOldRuns()
{
    BuildsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(makeRuns({42, 41, 40}));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRuns(makeRuns({44, 43, 42, 41})); // two new on top, 40 fell off the page
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 2);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);
    QStringList order;
    for (int row = 0; row < model.rowCount(); ++row)
        order.append(model.data(model.index(row, BuildsModel::RunColumn)).toString());
    QCOMPARE(order, (QStringList{u"44"_s, u"43"_s, u"42"_s, u"41"_s}));
}

void TstBuilds::modelStatusChangeTouchesOnlyItsCells()
{
    BuildsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<WorkflowRun> runs{makeRun(43, u"in_progress"_s, QString()), makeRun(42), makeRun(41)};
    model.setRuns(runs);
    QCOMPARE(model.data(model.index(0, BuildsModel::StatusColumn)).toString(), u"in_progress"_s);
    QVERIFY(!model.data(model.index(0, BuildsModel::VersionColumn), Qt::ToolTipRole).toString().isEmpty());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    runs[0].status = u"completed"_s;
    runs[0].conclusion = u"success"_s;
    runs[0].updatedAt = runs[0].updatedAt.addSecs(90);
    model.setRuns(runs);
    const QList<QList<QVariant>> cells = displayChanges(changed);
    QCOMPARE(cells.size(), 1);
    QCOMPARE(changed.size(), 2); // the cells, and the whole row for the row roles (StatusRole, ...)
    const QModelIndex topLeft = cells.at(0).at(0).toModelIndex();
    const QModelIndex bottomRight = cells.at(0).at(1).toModelIndex();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(bottomRight.row(), 0);
    QVERIFY(topLeft.column() <= BuildsModel::StatusColumn &&
            bottomRight.column() >= BuildsModel::StatusColumn);
    QVERIFY(topLeft.column() > BuildsModel::TimeColumn); // run, commit, author and time did not change
    QCOMPARE(model.data(model.index(0, BuildsModel::StatusColumn)).toString(), u"success"_s);
    QCOMPARE(model.data(model.index(0, 0), BuildsModel::StatusRole).toString(), u"success"_s);
    QVERIFY(model.data(model.index(0, BuildsModel::VersionColumn), Qt::ToolTipRole).toString().isEmpty());
}

void TstBuilds::modelServices()
{
    BuildsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(makeRuns({42, 41, 40}));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRepositoryVersions({u"1.0.0-41"_s, u"1.0.0-42"_s});
    QVERIFY(!displayChanges(changed).isEmpty());
    for (const QList<QVariant> &signal : displayChanges(changed)) {
        QVERIFY(signal.at(0).toModelIndex().column() >= BuildsModel::VersionColumn);
        QVERIFY(signal.at(1).toModelIndex().column() <= BuildsModel::RepositoryColumn);
    }
    QCOMPARE(model.data(model.index(0, BuildsModel::RepositoryColumn)).toString(), u"yes"_s);
    QCOMPARE(model.data(model.index(2, BuildsModel::RepositoryColumn)).toString(), u"missing"_s);

    changed.clear();
    model.setApplication(makeApplication({u"1.0.0-40"_s, u"1.0.0-41"_s}));
    QVERIFY(!displayChanges(changed).isEmpty());
    for (const QList<QVariant> &signal : displayChanges(changed))
        QVERIFY(signal.at(0).toModelIndex().column() >= BuildsModel::VersionColumn);
    QCOMPARE(model.data(model.index(1, 0), BuildsModel::IsLiveRole).toBool(), true);
    QCOMPARE(model.data(model.index(0, 0), BuildsModel::IsLiveRole).toBool(), false);
    QCOMPARE(model.data(model.index(0, 0), BuildsModel::NewerThanLiveRole).toBool(), true);
    QCOMPARE(model.data(model.index(1, BuildsModel::LiveColumn)).toString(), u"live"_s);
    QCOMPARE(model.data(model.index(2, BuildsModel::LiveColumn)).toString(), u"earlier"_s);
    const Build build = model.data(model.index(1, 0), BuildsModel::BuildRole).value<Build>();
    QCOMPARE(build.historyId.value_or(-1), 1);
    QVERIFY(build.deployBlocker().contains(u"already live"_s));
    QCOMPARE(model.headerData(BuildsModel::LiveColumn, Qt::Horizontal).toString(), u"Live"_s);

    // Rolling back moves "live" from 41 to 40: only those rows change (42 stays newer than live).
    changed.clear();
    model.setApplication(makeApplication({u"1.0.0-40"_s, u"1.0.0-41"_s, u"1.0.0-40"_s}));
    QSet<int> rows;
    for (const QList<QVariant> &signal : std::as_const(changed))
        rows.insert(signal.at(0).toModelIndex().row());
    QCOMPARE(rows, (QSet<int>{1, 2}));
    QCOMPARE(model.data(model.index(2, 0), BuildsModel::IsLiveRole).toBool(), true);
}

void TstBuilds::modelUnavailable_data()
{
    QTest::addColumn<int>("service");
    QTest::addColumn<int>("column");
    QTest::newRow("ChartMuseum") << int(BuildsModel::Service::ChartMuseum)
                                 << int(BuildsModel::RepositoryColumn);
    QTest::newRow("Argo CD") << int(BuildsModel::Service::ArgoCd) << int(BuildsModel::LiveColumn);
}

void TstBuilds::modelUnavailable()
{
    QFETCH(int, service);
    QFETCH(int, column);
    const auto which = BuildsModel::Service(service);

    BuildsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(makeRuns({42, 41}));
    model.setRepositoryVersions({u"1.0.0-41"_s});
    model.setApplication(makeApplication({u"1.0.0-41"_s}));
    QVERIFY(model.data(model.index(1, column)).toString() != u"?"_s);

    QSignalSpy availability(&model, &BuildsModel::availabilityChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QString message = u"Connection refused (http://127.0.0.1:1)"_s;
    model.setUnavailable(which, message);
    QCOMPARE(availability.size(), 1);
    QCOMPARE(reset.size(), 0);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(model.unavailableMessage(which), message);
    QCOMPARE(model.rowCount(), 2); // GitHub's rows stay
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.data(model.index(row, column)).toString(), u"?"_s);
        QCOMPARE(model.data(model.index(row, column), Qt::ToolTipRole).toString(), message);
    }
    QCOMPARE(model.data(model.index(0, BuildsModel::RunColumn)).toInt(), 42);

    // The next answer clears it.
    if (which == BuildsModel::Service::ChartMuseum)
        model.setRepositoryVersions({u"1.0.0-41"_s});
    else
        model.setApplication(makeApplication({u"1.0.0-41"_s}));
    QCOMPARE(availability.size(), 2);
    QVERIFY(model.unavailableMessage(which).isEmpty());
    QVERIFY(model.data(model.index(1, column)).toString() != u"?"_s);
}

// ---- CLI -------------------------------------------------------------------------------------------------

void TstBuilds::buildsJson()
{
    const CapstanProcess::Result result = capstan({u"builds"_s, u"-o"_s, u"json"_s});
    QVERIFY2(result.finished && result.exitCode == 0, qPrintable(result.describe()));
    const QJsonArray builds = json(result).array();
    QCOMPARE(builds.size(), 4);
    QHash<int, QJsonObject> byRun;
    for (const QJsonValue &value : builds)
        byRun.insert(value[u"run"_s].toInt(), value.toObject());
    QCOMPARE(builds.at(0)[u"run"_s].toInt(), 43); // newest first
    QCOMPARE(byRun[42][u"sha"_s].toString(), m_shas.at(3));
    QCOMPARE(byRun[42][u"chartVersion"_s].toString(), u"1.0.0-42"_s);
    QCOMPARE(byRun[42][u"subject"_s].toString(), u"Bump redis"_s);
    QCOMPARE(byRun[42][u"conclusion"_s].toString(), u"success"_s);
    QVERIFY(byRun[42][u"runId"_s].toDouble() > 0);
    QVERIFY(byRun[43][u"conclusion"_s].isNull());
    QCOMPARE(byRun[43][u"status"_s].toString(), u"in_progress"_s);
    QCOMPARE(byRun[41][u"inRepository"_s], QJsonValue(true));
    QCOMPARE(byRun[42][u"inRepository"_s], QJsonValue(true));
    QCOMPARE(byRun[40][u"inRepository"_s], QJsonValue(false));
    QCOMPARE(byRun[41][u"live"_s], QJsonValue(true));
    QCOMPARE(byRun[42][u"live"_s], QJsonValue(false));
    QCOMPARE(byRun[41][u"historyId"_s].toInt(), 1);
    QCOMPARE(byRun[40][u"historyId"_s].toInt(), 0);
    QVERIFY(byRun[42][u"historyId"_s].isNull());
    QVERIFY2(result.err.isEmpty(), result.err.constData());

    const CapstanProcess::Result limited =
        capstan({u"builds"_s, u"--limit"_s, u"2"_s, u"--status"_s, u"success"_s, u"-o"_s, u"json"_s});
    QVERIFY2(limited.exitCode == 0, qPrintable(limited.describe()));
    const QJsonArray few = json(limited).array();
    QCOMPARE(few.size(), 2);
    QCOMPARE(few.at(0)[u"run"_s].toInt(), 42);
}

void TstBuilds::buildsText()
{
    const CapstanProcess::Result result = capstan({u"builds"_s});
    QVERIFY2(result.finished && result.exitCode == 0, qPrintable(result.describe()));
    const QStringList lines = QString::fromUtf8(result.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    for (const QString &header :
         {u"RUN"_s, u"COMMIT"_s, u"AUTHOR"_s, u"CI"_s, u"CHART VERSION"_s, u"IN REPO"_s, u"LIVE"_s})
        QVERIFY2(lines.at(0).contains(header), qPrintable(lines.at(0)));
    QVERIFY(lines.at(1).startsWith(u"43"_s));
    QVERIFY(lines.at(1).contains(u"in_progress"_s));
    QVERIFY(lines.at(2).contains(m_shas.at(3).left(7) + u" Bump redis"_s));
    QVERIFY(lines.at(3).contains(u"1.0.0-41"_s));
    QVERIFY2(lines.at(3).simplified().endsWith(u"yes yes"_s), qPrintable(lines.at(3)));
    QVERIFY2(lines.at(4).simplified().endsWith(u"no earlier"_s), qPrintable(lines.at(4)));
    QVERIFY(!result.all().contains(u"?"_s));
}

void TstBuilds::buildsServiceDown_data()
{
    QTest::addColumn<bool>("argoDown");
    QTest::addColumn<QString>("unknownKey");
    QTest::addColumn<QString>("knownKey");
    QTest::addColumn<QString>("named");
    QTest::newRow("Argo CD down") << true << u"live"_s << u"inRepository"_s << u"Argo CD"_s;
    QTest::newRow("ChartMuseum down") << false << u"inRepository"_s << u"live"_s << u"ChartMuseum"_s;
}

void TstBuilds::buildsServiceDown()
{
    QFETCH(bool, argoDown);
    QFETCH(QString, unknownKey);
    QFETCH(QString, knownKey);
    QFETCH(QString, named);

    const QUrl closed(u"http://127.0.0.1:%1"_s.arg(closedPort()));
    const QString path = config(u"down.yaml"_s, m_github->url(), argoDown ? m_chartMuseum->url() : closed,
                                argoDown ? closed : m_argo->url());
    const CapstanProcess::Result result = capstan({u"builds"_s, u"-o"_s, u"json"_s}, path, environment());
    QVERIFY2(result.finished && result.exitCode == 0, qPrintable(result.describe()));
    QVERIFY2(QString::fromUtf8(result.err).contains(named), qPrintable(result.describe()));
    const QJsonArray builds = json(result).array();
    QCOMPARE(builds.size(), 4);
    for (const QJsonValue &build : builds) {
        QVERIFY2(build[unknownKey].isNull(), qPrintable(result.describe()));
        QVERIFY(build[knownKey].isBool());
    }

    const CapstanProcess::Result text = capstan({u"builds"_s}, path, environment());
    QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
    const QStringList lines = QString::fromUtf8(text.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY2(lines.at(3).contains(u" ?"_s), qPrintable(lines.at(3)));
    QVERIFY(QString::fromUtf8(text.err).contains(named));
}

void TstBuilds::buildsGitHubFails_data()
{
    QTest::addColumn<bool>("badToken");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("bad token") << true << 3;
    QTest::newRow("unreachable") << false << 4;
}

void TstBuilds::buildsGitHubFails()
{
    QFETCH(bool, badToken);
    QFETCH(int, exitCode);
    const QString path = badToken
                             ? m_config
                             : config(u"nogithub.yaml"_s, QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort())),
                                      m_chartMuseum->url(), m_argo->url());
    const CapstanProcess::Result result =
        capstan({u"builds"_s}, path, environment(badToken ? u"ghp_wrongTokenXYZ"_s : GitHubToken));
    QVERIFY2(result.finished, qPrintable(result.describe()));
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY(result.out.isEmpty());
    QVERIFY(!result.err.isEmpty());
    QVERIFY(!result.all().contains(u"ghp_wrongTokenXYZ"_s));
}

// No token anywhere and no keychain to ask (CI, headless): builds reads a public repository anonymously and
// says so with the quota left; an empty variable, an exhausted quota and a write are clear errors.
void TstBuilds::buildsAnonymous()
{
    GitHubServer::Options options; // no token: a public repository
    options.anonymousRateLimit = 2;
    GitHubServer server(options);
    QString error;
    QVERIFY2(server.listen(0, &error), qPrintable(error));
    const QStringList shas = server.addCommits({GitHubServer::CommitSeed{
        QString(), u"Initial"_s, u"Ada"_s, u"ada"_s, u"ada@example.org"_s, QDateTime::currentDateTimeUtc()}});
    GitHubServer::RunSeed seed;
    seed.runNumber = 42;
    seed.headSha = shas.first();
    seed.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    server.addRun(seed);
    const QString path = config(u"public.yaml"_s, server.url(), m_chartMuseum->url(), m_argo->url());
    QProcessEnvironment env = environment();
    env.remove(u"CAPSTAN_GITHUB_TOKEN"_s);
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=%1"_s.arg(m_home.filePath(u"no-bus"_s)));
    env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"anonymous-cache"_s)); // no ETags from other tests

    CapstanProcess::Result result = capstan({u"builds"_s, u"-o"_s, u"json"_s}, path, env);
    QVERIFY2(result.finished && result.exitCode == 0, qPrintable(result.describe()));
    const QJsonArray builds = json(result).array();
    QCOMPARE(builds.size(), 1);
    QCOMPARE(builds.first().toObject().value(u"run"_s).toInt(), 42);
    const QString note = QString::fromUtf8(result.err);
    QVERIFY2(note.contains(u"Reading GitHub anonymously (no keychain is reachable"_s), qPrintable(note));
    QVERIFY2(note.contains(u"CAPSTAN_GITHUB_TOKEN is not set"_s), qPrintable(note));
    QVERIFY2(note.contains(u"1 of 2 requests left"_s), qPrintable(note));
    QVERIFY2(note.contains(u"credentials set github"_s), qPrintable(note));

    // Another page size is another URL: no ETag to send, so it counts.
    result = capstan({u"builds"_s, u"--limit"_s, u"5"_s}, path, env);
    QVERIFY2(result.finished && result.exitCode == 0, qPrintable(result.describe()));
    QVERIFY2(result.out.contains("Initial"), qPrintable(result.describe()));
    QVERIFY2(result.err.contains("0 of 2 requests left"), qPrintable(result.describe()));

    // The quota is used up: GitHub's 403 becomes the reset time and the way to a higher limit.
    result = capstan({u"builds"_s, u"--limit"_s, u"6"_s}, path, env);
    QVERIFY2(result.finished && result.exitCode == 1, qPrintable(result.describe()));
    QVERIFY2(result.err.contains("The GitHub rate limit is exhausted; it resets at"),
             qPrintable(result.describe()));
    QVERIFY2(result.err.contains("hint: Capstan reads GitHub anonymously"), qPrintable(result.describe()));
    QVERIFY2(result.err.contains("capstan --cli credentials set github"), qPrintable(result.describe()));

    // Writes need a token: nothing is sent.
    const int before = server.requestCount();
    result = capstan({u"ci"_s, u"run"_s}, path, env);
    QVERIFY2(result.finished && result.exitCode == 3, qPrintable(result.describe()));
    QVERIFY2(result.err.contains("GitHub needs a token for POST"), qPrintable(result.describe()));
    QVERIFY2(result.err.contains("no keychain is reachable"), qPrintable(result.describe()));
    QCOMPARE(server.requestCount(), before);

    // A variable that is set says a token should exist: empty is an error, not anonymous.
    env.insert(u"CAPSTAN_GITHUB_TOKEN"_s, QString());
    result = capstan({u"builds"_s}, path, env);
    QVERIFY2(result.finished && result.exitCode == 3, qPrintable(result.describe()));
    QVERIFY2(result.err.contains("CAPSTAN_GITHUB_TOKEN is set but empty"), qPrintable(result.describe()));
}

void TstBuilds::buildsBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("limit zero") << QStringList{u"builds"_s, u"--limit"_s, u"0"_s} << u"--limit"_s;
    QTest::newRow("limit text") << QStringList{u"builds"_s, u"--limit"_s, u"many"_s} << u"\"many\""_s;
    QTest::newRow("limit too big") << QStringList{u"builds"_s, u"--limit"_s, u"5000"_s} << u"1000"_s;
    QTest::newRow("bad status") << QStringList{u"builds"_s, u"--status"_s, u"green"_s} << u"\"green\""_s;
}

void TstBuilds::buildsBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CapstanProcess::Result result = capstan(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), qPrintable(result.describe()));
}

void TstBuilds::changes_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("fromRun");
    QTest::addColumn<QStringList>("subjects");
    QTest::addColumn<bool>("chartDiff");
    QTest::newRow("41 to 42") << u"41"_s << u"42"_s << 41 << QStringList{u"Fix login"_s, u"Bump redis"_s}
                              << true;
    QTest::newRow("live to 42") << u"live"_s << u"42"_s << 41 << QStringList{u"Fix login"_s, u"Bump redis"_s}
                                << true;
    QTest::newRow("40 to live") << u"40"_s << u"live"_s << 40 << QStringList{u"Add health check"_s} << false;
}

void TstBuilds::changes()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, fromRun);
    QFETCH(QStringList, subjects);
    QFETCH(bool, chartDiff);

    const CapstanProcess::Result result = capstan({u"changes"_s, from, to, u"-o"_s, u"json"_s});
    QVERIFY2(result.finished && result.exitCode == 0, qPrintable(result.describe()));
    const QJsonObject object = json(result).object();
    QCOMPARE(object[u"from"_s][u"run"_s].toInt(), fromRun);
    QStringList actual;
    const QJsonArray commits = object[u"commits"_s].toArray();
    for (const QJsonValue &commit : commits)
        actual.append(commit[u"subject"_s].toString());
    QCOMPARE(actual, subjects);
    QCOMPARE(commits.last()[u"sha"_s].toString(), object[u"to"_s][u"sha"_s].toString());
    QCOMPARE(object[u"chartDiff"_s].isObject(), chartDiff);
    if (chartDiff) {
        bool versionChanged = false;
        const QJsonArray metadata = object[u"chartDiff"_s][u"metadata"_s].toArray();
        for (const QJsonValue &change : metadata) {
            if (change[u"field"_s].toString() == u"version"_s) {
                versionChanged = true;
                QCOMPARE(change[u"to"_s].toString(), u"1.0.0-42"_s);
            }
        }
        QVERIFY2(versionChanged, qPrintable(result.describe()));
    } else {
        QVERIFY2(QString::fromUtf8(result.err).contains(u"No chart diff"_s), qPrintable(result.describe()));
    }
}

void TstBuilds::changesText()
{
    const CapstanProcess::Result result = capstan({u"changes"_s, u"live"_s, u"42"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    const QString out = QString::fromUtf8(result.out);
    const qsizetype fix = out.indexOf(m_shas.at(2).left(7));
    const qsizetype bump = out.indexOf(m_shas.at(3).left(7) + u"  Grace Hopper  Bump redis"_s);
    QVERIFY2(fix >= 0 && bump > fix, qPrintable(out)); // oldest first
    QVERIFY2(out.contains(u"Chart 1.0.0-41 → 1.0.0-42"_s), qPrintable(out));
    QVERIFY(out.contains(u"version"_s));
}

void TstBuilds::changesBadArguments()
{
    const CapstanProcess::Result word = capstan({u"changes"_s, u"yesterday"_s, u"42"_s});
    QCOMPARE(word.exitCode, 2);
    QVERIFY2(QString::fromUtf8(word.err).contains(u"\"yesterday\""_s), qPrintable(word.describe()));

    const CapstanProcess::Result unknown = capstan({u"changes"_s, u"41"_s, u"99"_s});
    QCOMPARE(unknown.exitCode, 5);
    QVERIFY2(QString::fromUtf8(unknown.err).contains(u"#99"_s), qPrintable(unknown.describe()));
}

void TstBuilds::releaseCreate()
{
    const CapstanProcess::Result created =
        capstan({u"release"_s, u"create"_s, u"--build"_s, u"42"_s, u"-o"_s, u"json"_s});
    QVERIFY2(created.finished && created.exitCode == 0, qPrintable(created.describe()));
    const QJsonObject release = json(created).object();
    QCOMPARE(release[u"tag"_s].toString(), u"1.0.0-42"_s);
    QCOMPARE(release[u"target"_s].toString(), m_shas.at(3));
    QVERIFY(release[u"id"_s].toDouble() > 0);

    const CapstanProcess::Result again = capstan({u"release"_s, u"create"_s, u"--build"_s, u"42"_s});
    QCOMPARE(again.exitCode, 6);
    QVERIFY2(QString::fromUtf8(again.err).contains(u"already exists"_s), qPrintable(again.describe()));

    const CapstanProcess::Result missing = capstan({u"release"_s, u"create"_s});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(QString::fromUtf8(missing.err).contains(u"--build"_s), qPrintable(missing.describe()));
}

void TstBuilds::releaseNotesFromLive()
{
    const CapstanProcess::Result created = capstan(
        {u"release"_s, u"create"_s, u"--build"_s, u"43"_s, u"--notes-from"_s, u"live"_s, u"-o"_s, u"json"_s});
    QVERIFY2(created.finished && created.exitCode == 0, qPrintable(created.describe()));
    QCOMPARE(json(created).object()[u"tag"_s].toString(), u"1.0.0-43"_s);
    QCOMPARE(json(created).object()[u"draft"_s].toBool(), false);

    const CapstanProcess::Result draft =
        capstan({u"release"_s, u"create"_s, u"--build"_s, u"41"_s, u"--draft"_s, u"-o"_s, u"json"_s});
    QVERIFY2(draft.finished && draft.exitCode == 0, qPrintable(draft.describe()));
    QCOMPARE(json(draft).object()[u"draft"_s].toBool(), true);

    const CapstanProcess::Result bad =
        capstan({u"release"_s, u"create"_s, u"--build"_s, u"40"_s, u"--notes-from"_s, u"main"_s});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(QString::fromUtf8(bad.err).contains(u"\"main\""_s), qPrintable(bad.describe()));
}

void TstBuilds::ciRunWatch_data()
{
    QTest::addColumn<QString>("conclusion");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("success") << u"success"_s << 0;
    QTest::newRow("failure") << u"failure"_s << 1;
}

void TstBuilds::ciRunWatch()
{
    QFETCH(QString, conclusion);
    QFETCH(int, exitCode);

    GitHubServer::Options options;
    options.token = GitHubToken;
    options.dispatchRunMs = 400;
    options.dispatchConclusion = conclusion;
    GitHubServer server(options);
    QString error;
    QVERIFY2(server.listen(0, &error), qPrintable(error));
    server.addCommits({GitHubServer::CommitSeed{QString(), u"Initial"_s, u"Ada"_s, u"ada"_s,
                                                u"ada@example.org"_s, QDateTime::currentDateTimeUtc()}});
    const QString path = config(u"ci.yaml"_s, server.url(), m_chartMuseum->url(), m_argo->url());

    const CapstanProcess::Result result = capstan(
        {u"ci"_s, u"run"_s, u"--watch"_s, u"--input"_s, u"deploy=false"_s, u"--input"_s, u"env=dev"_s}, path,
        environment());
    QVERIFY2(result.finished, qPrintable(result.describe()));
    QCOMPARE(result.exitCode, exitCode);
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(out.contains(u"Started run"_s), qPrintable(out));
    QVERIFY2(out.contains(u"in_progress"_s) || out.contains(u"queued"_s), qPrintable(out));
    QVERIFY2(out.contains(conclusion), qPrintable(out));

    const CapstanProcess::Result json =
        capstan({u"ci"_s, u"run"_s, u"--ref"_s, u"main"_s, u"-o"_s, u"json"_s}, path, environment());
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    const QJsonObject run = TstBuilds::json(json).object();
    QVERIFY(run[u"runId"_s].toDouble() > 0);
    QVERIFY(!run[u"url"_s].toString().isEmpty());
}

void TstBuilds::ciRunUnknownRef()
{
    const CapstanProcess::Result result = capstan({u"ci"_s, u"run"_s, u"--ref"_s, u"no-such-branch"_s});
    QCOMPARE(result.exitCode, 5);
    QVERIFY2(QString::fromUtf8(result.err).contains(u"no-such-branch"_s), qPrintable(result.describe()));
}

void TstBuilds::ciRunBadInput()
{
    const CapstanProcess::Result result = capstan({u"ci"_s, u"run"_s, u"--input"_s, u"novalue"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(u"\"novalue\" is not KEY=VALUE"_s),
             qPrintable(result.describe()));
}

QTEST_GUILESS_MAIN(TstBuilds)
#include "tst_builds.moc"
