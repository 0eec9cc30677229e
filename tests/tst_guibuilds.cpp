#include "BuildStatusDelegate.h"
#include "BuildsFilterModel.h"
#include "BuildsView.h"
#include "ChangesPanel.h"
#include "DeployDialog.h"
#include "DiffView.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "ReleaseDialog.h"
#include "TestPipeline.h"

#include "ServerFixture.h"
#include "TestChartFactory.h"
#include "app/ClientFactory.h"
#include "argocd/ArgoCdClient.h"
#include "argocd/ArgoCdServer.h"
#include "argocd/DeployLock.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "credentials/CredentialStore.h"
#include "github/EtagCache.h"
#include "github/GitHubClient.h"
#include "github/GitHubServer.h"
#include "models/BuildsModel.h"
#include "net/HttpClient.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

// The GitHub server takes any token (a public repository); writes such as a release need one.
const QString GitHubToken = QStringLiteral("ghp_guibuilds-token");

constexpr int TimeoutMs = 20000;
const QString Chart = u"shop"_s;
const QString App = u"shop"_s;
constexpr int LiveRun = 4;

// checks → publish (prod only) → sync (prod only)
Pipeline samplePipeline()
{
    Pipeline pipeline;
    pipeline.stages = {
        TestPipeline::stage(u"checks"_s, {TestPipeline::step(u"test"_s, u"true"_s)}),
        TestPipeline::stage(
            u"publish"_s, {TestPipeline::step(u"chartmuseum"_s, {}, Step::Kind::ChartMuseumPush)}, u"prod"_s),
        TestPipeline::stage(u"sync"_s, {TestPipeline::step(u"argocd"_s, {}, Step::Kind::ArgoCdSync)},
                            u"prod"_s),
    };
    return pipeline;
}

struct SeedRun
{
    int number;
    QString author;
    QString status;
    QString conclusion;
};

// Run N builds commit N. Run 5 failed (no chart), run 8 is still running, run 9 queued.
const QList<SeedRun> Seeds = {
    {1, u"Ada Lovelace"_s, u"completed"_s, u"success"_s},
    {2, u"Grace Hopper"_s, u"completed"_s, u"success"_s},
    {3, u"Ada Lovelace"_s, u"completed"_s, u"success"_s},
    {4, u"Linus Torvalds"_s, u"completed"_s, u"success"_s},
    {5, u"Grace Hopper"_s, u"completed"_s, u"failure"_s},
    {6, u"Ada Lovelace"_s, u"completed"_s, u"success"_s},
    {7, u"Linus Torvalds"_s, u"completed"_s, u"success"_s},
    {8, u"Grace Hopper"_s, u"in_progress"_s, QString()},
    {9, u"Ada Lovelace"_s, u"queued"_s, QString()},
};

QString versionOf(int run)
{
    return u"1.0.0-%1"_s.arg(run);
}

QString loginOf(const QString &name)
{
    return name.section(u' ', 0, 0).toLower();
}

QList<int> runsOfModel(const QAbstractItemModel *model)
{
    QList<int> runs;
    for (int row = 0; row < model->rowCount(); ++row)
        runs.append(model->index(row, 0).data(BuildsModel::RunNumberRole).toInt());
    return runs;
}

} // namespace

class TstGuiBuilds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void staleLockIsShownAndCanBeBroken();

    void fillsInAsServicesAnswer();
    void argoCdDownKeepsRows();
    void factoryFailureShowsNotice();
    void filters_data();
    void filters();
    void statusCategories_data();
    void statusCategories();
    void deployBlockedForFailedBuild_data();
    void deployBlockedForFailedBuild();
    void overrideRequiresReason();
    void changesListCompareCommits();
    void changesRollbackListsRemovedCommits();
    void changesSameBuild();
    void chartDiffSummary();
    void chartDiffMissingVersion();
    void deployRequestsPipelineRun();
    void overrideDeployCarriesReason();
    void deployNeedsPipeline();
    void liveMarkerFollowsWatcher();
    void warmRefreshUsesEtagCache();
    void gitHubFailureKeepsBuilds();
    void flakyGitHubNeverEmptiesTheView();
    void freshStartShowsCachedBuilds();
    void releaseCreatedAndDuplicateRejected();
    void homeScreenIsBuilds();

private:
    BuildsView *makeView(bool gitHub = true, bool chartMuseum = true, bool argoCd = true,
                         bool pipeline = true);
    void waitLoaded(BuildsView *view, BuildsModel::Service service);
    // Refreshes GitHub's part and waits for its answer; true when it loaded.
    bool refreshGitHub(BuildsView *view);
    void failRuns(int count);
    HttpClient *http(const QUrl &url, const QString &service);
    ArgoCdClient *argoClient();
    GitHubClient *gitHubClient();
    ChartMuseumClient *chartMuseumClient();
    void selectAndWait(BuildsView *view, int run);
    QJsonObject serverApp() const { return m_argo->application(App); }

    QTemporaryDir m_cacheDir;
    std::unique_ptr<ServerFixture> m_charts;
    std::unique_ptr<GitHubServer> m_gitHub;
    std::unique_ptr<ArgoCdServer> m_argo;
    QString m_argoToken;
    QStringList m_shas;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EtagCache> m_etags;
    std::unique_ptr<QObject> m_owner; // parent of the clients of one test
    std::unique_ptr<BuildsView> m_view;
    QList<std::shared_ptr<QAbstractItemModelTester>> m_testers;
};

void TstGuiBuilds::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<DeployDialog *>();
    QVERIFY(m_cacheDir.isValid());
}

void TstGuiBuilds::init()
{
    QString error;
    m_charts = std::make_unique<ServerFixture>();
    for (const SeedRun &seed : Seeds) {
        if (seed.conclusion != u"success"_s)
            continue;
        // Run 7 adds a template, so its chart differs from live by more than the version.
        const QList<ChartArchiveWriter::Entry> extra =
            seed.number >= 7
                ? QList<ChartArchiveWriter::Entry>{{u"templates/ingress.yaml"_s,
                                                    "apiVersion: networking.k8s.io/v1\nkind: Ingress\n"}}
                : QList<ChartArchiveWriter::Entry>{};
        QVERIFY(m_charts->putFile(u"%1-%2.tgz"_s.arg(Chart, versionOf(seed.number)),
                                  TestChartFactory::chart(Chart, versionOf(seed.number), u"1.0.0"_s, extra)));
    }
    QVERIFY2(m_charts->start(&error), qPrintable(error));

    GitHubServer::Options gitHubOptions;
    gitHubOptions.repo = u"acme/shop"_s;
    m_gitHub = std::make_unique<GitHubServer>(gitHubOptions);
    QVERIFY2(m_gitHub->listen(0, &error), qPrintable(error));
    QList<GitHubServer::CommitSeed> commits;
    const QDateTime start(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    for (const SeedRun &seed : Seeds) {
        GitHubServer::CommitSeed commit;
        commit.message = u"Change number %1\n\nLonger description."_s.arg(seed.number);
        commit.authorName = seed.author;
        commit.authorLogin = loginOf(seed.author);
        commit.authorEmail = loginOf(seed.author) + u"@example.net"_s;
        commit.time = start.addSecs(seed.number * 3600);
        commits.append(commit);
    }
    m_shas = m_gitHub->addCommits(commits);
    QCOMPARE(m_shas.size(), Seeds.size());
    for (int i = 0; i < Seeds.size(); ++i) {
        GitHubServer::RunSeed run;
        run.runNumber = Seeds.at(i).number;
        run.headSha = m_shas.at(i);
        run.status = Seeds.at(i).status;
        run.conclusion = Seeds.at(i).conclusion;
        run.createdAt = start.addSecs(Seeds.at(i).number * 3600 + 60);
        m_gitHub->addRun(run);
    }

    ArgoCdServer::Options argoOptions;
    argoOptions.operationMs = 100;
    argoOptions.progressMs = 100;
    m_argo = std::make_unique<ArgoCdServer>(argoOptions);
    QVERIFY2(m_argo->listen(0, &error), qPrintable(error));
    ArgoCdServer::AppSeed app;
    app.name = App;
    app.repoUrl = m_charts->url().toString();
    app.chart = Chart;
    app.targetRevision = versionOf(LiveRun);
    app.destinationNamespace = u"shop"_s;
    app.history = {{versionOf(2), start.addDays(1)},
                   {versionOf(3), start.addDays(2)},
                   {versionOf(LiveRun), start.addDays(3)}};
    m_argo->addApplication(app);
    m_argoToken = m_argo->issueToken(u"admin"_s);

    m_network = std::make_unique<QNetworkAccessManager>();
    m_etags = std::make_unique<EtagCache>();
    m_owner = std::make_unique<QObject>();
}

void TstGuiBuilds::cleanup()
{
    m_testers.clear();
    m_view.reset();
    // Requests still in flight end (aborted) while their clients exist.
    m_network.reset();
    m_owner.reset();
    m_argo.reset();
    m_gitHub.reset();
    m_charts.reset();
}

HttpClient *TstGuiBuilds::http(const QUrl &url, const QString &service)
{
    HttpClient::Options options;
    options.timeoutMs = 5000;
    options.maxAttempts = 1;
    options.serviceName = service;
    return new HttpClient(m_network.get(), url, options, m_owner.get());
}

GitHubClient *TstGuiBuilds::gitHubClient()
{
    GitHubClient::Options options;
    options.repo = u"acme/shop"_s;
    options.workflow = u"ci.yml"_s;
    HttpClient *client = http(m_gitHub->url(), u"GitHub"_s);
    // Creating a release is a write: GitHub wants a token for it even on a public repository.
    client->setAuth({HttpClient::Auth::Scheme::Bearer, {}, GitHubToken});
    return new GitHubClient(client, options, m_etags.get(), m_owner.get());
}

ChartMuseumClient *TstGuiBuilds::chartMuseumClient()
{
    return new ChartMuseumClient(http(m_charts->url(), u"ChartMuseum"_s), {}, m_owner.get());
}

ArgoCdClient *TstGuiBuilds::argoClient()
{
    HttpClient *client = http(m_argo->url(), u"Argo CD"_s);
    client->setAuth({HttpClient::Auth::Scheme::Bearer, {}, m_argoToken});
    return new ArgoCdClient(client, App, m_owner.get());
}

BuildsView *TstGuiBuilds::makeView(bool gitHub, bool chartMuseum, bool argoCd, bool pipeline)
{
    m_view = std::make_unique<BuildsView>();
    BuildsView *view = m_view.get();
    m_testers.append(std::make_shared<QAbstractItemModelTester>(
        view->buildsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_testers.append(std::make_shared<QAbstractItemModelTester>(
        view->filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    view->setChartCacheDirectory(m_cacheDir.filePath(u"charts"_s));
    view->setChartName(Chart);
    view->setUserName(u"release-manager"_s);
    if (pipeline)
        view->setPipeline(samplePipeline());
    view->resize(1200, 800);
    view->show();
    if (gitHub)
        view->setGitHubClient(gitHubClient());
    if (chartMuseum)
        view->setChartMuseumClient(chartMuseumClient());
    if (argoCd)
        view->setArgoCdClient(argoClient());
    return view;
}

void TstGuiBuilds::waitLoaded(BuildsView *view, BuildsModel::Service service)
{
    QTRY_VERIFY_WITH_TIMEOUT(view->isLoaded(service), TimeoutMs);
}

bool TstGuiBuilds::refreshGitHub(BuildsView *view)
{
    QSignalSpy loaded(view, &BuildsView::serviceLoaded);
    view->refresh();
    const auto gitHubAnswer = [&]() -> std::optional<bool> {
        for (const QList<QVariant> &arguments : std::as_const(loaded)) {
            if (arguments.at(0).value<BuildsModel::Service>() == BuildsModel::Service::GitHub)
                return arguments.at(1).toBool();
        }
        return std::nullopt;
    };
    if (!QTest::qWaitFor([&] { return gitHubAnswer().has_value(); }, TimeoutMs))
        return false;
    return *gitHubAnswer();
}

void TstGuiBuilds::failRuns(int count)
{
    GitHubServer::Fault fault;
    fault.pathPrefix = u"/repos/acme/shop/actions/"_s;
    fault.status = 500;
    fault.count = count;
    m_gitHub->addFault(fault);
}

void TstGuiBuilds::selectAndWait(BuildsView *view, int run)
{
    waitLoaded(view, BuildsModel::Service::GitHub);
    waitLoaded(view, BuildsModel::Service::ChartMuseum);
    waitLoaded(view, BuildsModel::Service::ArgoCd);
    QSignalSpy commits(view->changesPanel(), &ChangesPanel::commitsShown);
    QSignalSpy chart(view->changesPanel(), &ChangesPanel::chartDiffShown);
    QVERIFY(view->selectRun(run));
    QTRY_VERIFY_WITH_TIMEOUT(commits.count() > 0 && chart.count() > 0, TimeoutMs);
}

void TstGuiBuilds::fillsInAsServicesAnswer()
{
    BuildsView *view = makeView(true, false, false);
    BuildsModel *model = view->buildsModel();
    waitLoaded(view, BuildsModel::Service::GitHub);
    // Newest first; nothing known yet about charts or what is live.
    QList<int> expected;
    for (auto seed = Seeds.crbegin(); seed != Seeds.crend(); ++seed)
        expected.append(seed->number);
    QCOMPARE(runsOfModel(model), expected);
    const int row7 = model->rowForRun(7);
    QCOMPARE(model->buildAt(row7)->inRepository, Build::Presence::Unknown);
    QCOMPARE(model->buildAt(row7)->live, Build::Presence::Unknown);
    QCOMPARE(view->table()->model()->rowCount(), Seeds.size());

    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    view->setChartMuseumClient(chartMuseumClient());
    waitLoaded(view, BuildsModel::Service::ChartMuseum);
    QVERIFY(changed.count() > 0);
    QCOMPARE(model->buildAt(model->rowForRun(7))->inRepository, Build::Presence::Yes);
    QCOMPARE(model->buildAt(model->rowForRun(5))->inRepository, Build::Presence::No);
    QCOMPARE(model->buildAt(model->rowForRun(7))->live, Build::Presence::Unknown);

    view->setArgoCdClient(argoClient());
    waitLoaded(view, BuildsModel::Service::ArgoCd);
    QTRY_VERIFY_WITH_TIMEOUT(
        model->index(model->rowForRun(LiveRun), 0).data(BuildsModel::IsLiveRole).toBool(), TimeoutMs);
    for (const SeedRun &seed : Seeds) {
        const QModelIndex index = model->index(model->rowForRun(seed.number), 0);
        QCOMPARE(index.data(BuildsModel::NewerThanLiveRole).toBool(), seed.number > LiveRun);
        QCOMPARE(index.data(BuildsModel::IsLiveRole).toBool(), seed.number == LiveRun);
    }
    for (const BuildsModel::Service service :
         {BuildsModel::Service::GitHub, BuildsModel::Service::ChartMuseum, BuildsModel::Service::ArgoCd})
        QVERIFY(view->serviceNotice(service)->isHidden());
}

void TstGuiBuilds::argoCdDownKeepsRows()
{
    // A port nobody listens on.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(closed.serverPort()));
    closed.close();

    BuildsView *view = makeView(true, true, false);
    HttpClient *dead = http(url, u"Argo CD"_s);
    dead->setAuth({HttpClient::Auth::Scheme::Bearer, {}, m_argoToken});
    QSignalSpy loaded(view, &BuildsView::serviceLoaded);
    view->setArgoCdClient(new ArgoCdClient(dead, App, m_owner.get()));
    waitLoaded(view, BuildsModel::Service::GitHub);
    waitLoaded(view, BuildsModel::Service::ArgoCd);
    bool argoFailed = false;
    for (const QList<QVariant> &arguments : std::as_const(loaded)) {
        if (arguments.at(0).value<BuildsModel::Service>() == BuildsModel::Service::ArgoCd)
            argoFailed = !arguments.at(1).toBool();
    }
    QVERIFY(argoFailed);

    BuildsModel *model = view->buildsModel();
    QCOMPARE(model->rowCount(), Seeds.size());
    const QModelIndex live = model->index(model->rowForRun(LiveRun), BuildsModel::LiveColumn);
    QCOMPARE(model->buildAt(live.row())->live, Build::Presence::Unknown);
    QCOMPARE(live.data().toString(), u"?"_s);
    QVERIFY(!model->unavailableMessage(BuildsModel::Service::ArgoCd).isEmpty());
    MessageBanner *notice = view->serviceNotice(BuildsModel::Service::ArgoCd);
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(u"Argo CD"_s), qPrintable(notice->text()));
    QVERIFY(view->serviceNotice(BuildsModel::Service::GitHub)->isHidden());

    // The other services still answer; only deploying waits for Argo CD.
    QVERIFY(view->selectRun(7));
    QVERIFY(!view->deployButton()->isEnabled());
    QVERIFY2(view->deployReasonLabel()->text().contains(u"Argo CD"_s),
             qPrintable(view->deployReasonLabel()->text()));
    QVERIFY(view->overrideLink()->isHidden());
    QTRY_VERIFY_WITH_TIMEOUT(view->changesPanel()->headline()->text().contains(u"Argo CD"_s), TimeoutMs);
}

void TstGuiBuilds::factoryFailureShowsNotice()
{
    BuildsView *view = makeView(false, true, true);
    view->setServiceUnavailable(
        BuildsModel::Service::GitHub,
        ApiError(ApiError::Kind::Config, u"capstan.yaml has no \"github\" section"_s));
    waitLoaded(view, BuildsModel::Service::ArgoCd);
    waitLoaded(view, BuildsModel::Service::ChartMuseum);
    MessageBanner *notice = view->serviceNotice(BuildsModel::Service::GitHub);
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->hint().contains(u"github"_s), qPrintable(notice->hint()));
    QCOMPARE(view->buildsModel()->rowCount(), 0);
    QVERIFY(view->serviceNotice(BuildsModel::Service::ArgoCd)->isHidden());
}

void TstGuiBuilds::filters_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("author");
    QTest::addColumn<QString>("text");

    QTest::newRow("all") << int(BuildsFilterModel::StatusCategory::Any) << QString() << QString();
    QTest::newRow("success") << int(BuildsFilterModel::StatusCategory::Success) << QString() << QString();
    QTest::newRow("failure") << int(BuildsFilterModel::StatusCategory::Failure) << QString() << QString();
    QTest::newRow("running") << int(BuildsFilterModel::StatusCategory::Running) << QString() << QString();
    QTest::newRow("queued") << int(BuildsFilterModel::StatusCategory::Queued) << QString() << QString();
    QTest::newRow("author") << int(BuildsFilterModel::StatusCategory::Any) << u"Ada Lovelace"_s << QString();
    QTest::newRow("author+success") << int(BuildsFilterModel::StatusCategory::Success) << u"Grace Hopper"_s
                                    << QString();
    QTest::newRow("text subject") << int(BuildsFilterModel::StatusCategory::Any) << QString()
                                  << u"NUMBER 6"_s;
    QTest::newRow("text version") << int(BuildsFilterModel::StatusCategory::Any) << QString() << u"1.0.0-7"_s;
    QTest::newRow("text nothing") << int(BuildsFilterModel::StatusCategory::Any) << QString() << u"zzz"_s;
}

void TstGuiBuilds::filters()
{
    QFETCH(int, status);
    QFETCH(QString, author);
    QFETCH(QString, text);
    BuildsView *view = makeView(true, false, false);
    waitLoaded(view, BuildsModel::Service::GitHub);

    // Through the widgets, as a user would.
    view->statusCombo()->setCurrentIndex(view->statusCombo()->findData(status));
    if (!author.isEmpty()) {
        const int index = view->authorCombo()->findData(author);
        QVERIFY2(index > 0, qPrintable(author));
        view->authorCombo()->setCurrentIndex(index);
    }
    view->searchEdit()->setText(text);

    QList<int> expected;
    for (auto seed = Seeds.crbegin(); seed != Seeds.crend(); ++seed) {
        const QString ci = seed->conclusion.isEmpty() ? seed->status : seed->conclusion;
        const bool statusOk = status == int(BuildsFilterModel::StatusCategory::Any) ||
                              int(BuildsFilterModel::categoryOf(ci)) == status;
        const bool authorOk = author.isEmpty() || seed->author == author;
        const QString haystack =
            u"Change number %1 %2 %3"_s.arg(seed->number).arg(seed->author, versionOf(seed->number));
        const bool textOk = text.isEmpty() || haystack.contains(text, Qt::CaseInsensitive);
        if (statusOk && authorOk && textOk)
            expected.append(seed->number);
    }
    QCOMPARE(runsOfModel(view->filterModel()), expected);
    QCOMPARE(view->table()->model()->rowCount(), expected.size());
}

void TstGuiBuilds::statusCategories_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("category");
    QTest::newRow("success") << u"success"_s << int(BuildsFilterModel::StatusCategory::Success);
    QTest::newRow("failure") << u"failure"_s << int(BuildsFilterModel::StatusCategory::Failure);
    QTest::newRow("cancelled") << u"cancelled"_s << int(BuildsFilterModel::StatusCategory::Failure);
    QTest::newRow("startup_failure") << u"startup_failure"_s
                                     << int(BuildsFilterModel::StatusCategory::Failure);
    QTest::newRow("in_progress") << u"in_progress"_s << int(BuildsFilterModel::StatusCategory::Running);
    QTest::newRow("queued") << u"queued"_s << int(BuildsFilterModel::StatusCategory::Queued);
    QTest::newRow("waiting") << u"waiting"_s << int(BuildsFilterModel::StatusCategory::Queued);
    QTest::newRow("empty") << QString() << int(BuildsFilterModel::StatusCategory::Any);
}

void TstGuiBuilds::statusCategories()
{
    QFETCH(QString, status);
    QFETCH(int, category);
    QCOMPARE(int(BuildsFilterModel::categoryOf(status)), category);
    if (category != int(BuildsFilterModel::StatusCategory::Any))
        QVERIFY(!BuildStatusDelegate::statusIcon(BuildsFilterModel::StatusCategory(category)).isNull());
}

void TstGuiBuilds::deployBlockedForFailedBuild_data()
{
    QTest::addColumn<int>("run");
    QTest::addColumn<QString>("words");
    QTest::newRow("failed") << 5 << u"failed: its CI run completed with conclusion failure"_s;
    QTest::newRow("running") << 8 << u"is still running"_s;
    QTest::newRow("live") << LiveRun << u"already live"_s;
}

void TstGuiBuilds::deployBlockedForFailedBuild()
{
    QFETCH(int, run);
    QFETCH(QString, words);
    BuildsView *view = makeView();
    selectAndWait(view, run);
    QVERIFY(!view->deployButton()->isEnabled());
    const std::optional<Build> build = view->selectedBuild();
    QVERIFY(build);
    QCOMPARE(build->run.runNumber, run);
    QCOMPARE(view->deployReasonLabel()->text(), build->deployBlocker());
    QVERIFY2(view->deployReasonLabel()->text().contains(words),
             qPrintable(view->deployReasonLabel()->text()));
    QVERIFY(view->overrideLink()->isVisible());

    // A deployable build clears the reason.
    QVERIFY(view->selectRun(7));
    QVERIFY(view->deployButton()->isEnabled());
    QVERIFY(view->deployReasonLabel()->text().isEmpty());
    QVERIFY(view->overrideLink()->isHidden());
}

void TstGuiBuilds::overrideRequiresReason()
{
    BuildsView *view = makeView();
    selectAndWait(view, 5);
    // The plain Deploy does nothing for a blocked build.
    view->openDeployDialog();
    QVERIFY(!view->deployDialog());
    view->openOverrideDialog();
    DeployDialog *dialog = view->deployDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isOverride());
    QVERIFY(dialog->reasonEdit()->isVisible());
    QVERIFY2(dialog->banner()->text().contains(u"failed: its CI run completed"_s),
             qPrintable(dialog->banner()->text()));
    QVERIFY(!dialog->deployButton()->isEnabled());
    dialog->confirmBox()->setChecked(true);
    QVERIFY(!dialog->deployButton()->isEnabled()); // no reason yet
    dialog->reasonEdit()->setText(u"   "_s);
    QVERIFY(!dialog->deployButton()->isEnabled()); // blanks are no reason
    dialog->reasonEdit()->setText(u"Hotfix, the failing job is a flaky lint"_s);
    QVERIFY(dialog->deployButton()->isEnabled());
    dialog->confirmBox()->setChecked(false);
    QVERIFY(!dialog->deployButton()->isEnabled()); // confirmation is required too (prod)
    // Nothing was requested.
    QSignalSpy requested(view, &BuildsView::deployRequested);
    dialog->deploy();
    QCOMPARE(requested.count(), 0);
    QCOMPARE(serverApp()[u"spec"_s][u"source"_s][u"targetRevision"_s].toString(), versionOf(LiveRun));
}

void TstGuiBuilds::changesListCompareCommits()
{
    BuildsView *view = makeView();
    selectAndWait(view, 7);
    ChangesPanel *panel = view->changesPanel();
    QCOMPARE(panel->direction(), ChangesPanel::Direction::Forward);
    // Commits 5, 6 and 7 lie between live (4) and 7; the list shows the newest first.
    const QStringList expected{m_shas.at(6), m_shas.at(5), m_shas.at(4)};
    QCOMPARE(panel->commits().size(), 3);
    QTreeWidget *list = panel->commitList();
    QCOMPARE(list->topLevelItemCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QTreeWidgetItem *item = list->topLevelItem(row);
        const SeedRun &seed = Seeds.at(6 - row);
        QCOMPARE(item->text(int(ChangesPanel::CommitColumn::Sha)), expected.at(row).left(7));
        QVERIFY2(item->text(int(ChangesPanel::CommitColumn::Author)).contains(seed.author),
                 qPrintable(item->text(1)));
        QCOMPARE(item->text(int(ChangesPanel::CommitColumn::Subject)),
                 u"Change number %1"_s.arg(seed.number));
        const QUrl link = item->data(int(ChangesPanel::CommitColumn::Sha), Qt::UserRole).toUrl();
        QVERIFY2(link.toString().endsWith(expected.at(row)), qPrintable(link.toString()));
    }
    QVERIFY2(panel->commitSummary().contains(u"3 commit"_s), qPrintable(panel->commitSummary()));
}

void TstGuiBuilds::changesRollbackListsRemovedCommits()
{
    BuildsView *view = makeView();
    selectAndWait(view, 2);
    ChangesPanel *panel = view->changesPanel();
    QCOMPARE(panel->direction(), ChangesPanel::Direction::Rollback);
    QVERIFY2(panel->headline()->text().contains(u"Rollback"_s), qPrintable(panel->headline()->text()));
    QStringList removed;
    for (const GitHubCommit &commit : panel->commits())
        removed.append(commit.sha);
    QCOMPARE(removed, (QStringList{m_shas.at(2), m_shas.at(3)}));
}

void TstGuiBuilds::changesSameBuild()
{
    BuildsView *view = makeView();
    selectAndWait(view, LiveRun);
    QCOMPARE(view->changesPanel()->direction(), ChangesPanel::Direction::Same);
    QCOMPARE(view->changesPanel()->commitList()->topLevelItemCount(), 0);
}

void TstGuiBuilds::chartDiffSummary()
{
    BuildsView *view = makeView();
    selectAndWait(view, 7);
    ChangesPanel *panel = view->changesPanel();
    QVERIFY(panel->chartDiff());
    QStringList paths;
    for (int row = 0; row < panel->chartFileList()->topLevelItemCount(); ++row)
        paths.append(panel->chartFileList()->topLevelItem(row)->text(0));
    QVERIFY2(paths.contains(u"templates/ingress.yaml"_s), qPrintable(paths.join(u',')));
    QVERIFY2(paths.contains(u"Chart.yaml"_s), qPrintable(paths.join(u',')));
    const QString summary = panel->chartSummaryLabel()->text();
    QVERIFY2(summary.contains(u"1 added"_s) && summary.contains(versionOf(LiveRun)) &&
                 summary.contains(versionOf(7)),
             qPrintable(summary));
    QVERIFY(panel->fullDiffButton()->isEnabled());
    panel->openFullDiff();
    QVERIFY(panel->diffView());
    QVERIFY(panel->diffView()->filePaths().contains(u"templates/ingress.yaml"_s));
}

void TstGuiBuilds::chartDiffMissingVersion()
{
    BuildsView *view = makeView();
    selectAndWait(view, 5);
    ChangesPanel *panel = view->changesPanel();
    QVERIFY(!panel->chartDiff());
    QVERIFY(!panel->fullDiffButton()->isEnabled());
    QVERIFY2(panel->chartSummaryLabel()->text().contains(versionOf(5)),
             qPrintable(panel->chartSummaryLabel()->text()));
}

void TstGuiBuilds::deployRequestsPipelineRun()
{
    BuildsView *view = makeView();
    selectAndWait(view, 7);
    QVERIFY(view->deployButton()->isEnabled());
    QVERIFY(!view->deployButton()->toolTip().contains(u"prod"_s)); // the environment is chosen in the dialog
    QSignalSpy opened(view, &BuildsView::deployDialogOpened);
    view->deployButton()->click();
    QCOMPARE(opened.count(), 1);
    DeployDialog *dialog = view->deployDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->isOverride());
    QCOMPARE(dialog->environment(), u"prod"_s);
    QVERIFY(!dialog->deployButton()->isEnabled());
    auto *commits = dialog->findChild<QLabel *>(u"deployCommitSummary"_s);
    QVERIFY(commits);
    QVERIFY2(commits->text().contains(u"3 commit"_s), qPrintable(commits->text()));
    QCOMPARE(dialog->planList()->topLevelItemCount(), 3);
    dialog->confirmBox()->setChecked(true);
    QVERIFY(dialog->deployButton()->isEnabled());
    QSignalSpy requested(view, &BuildsView::deployRequested);
    dialog->deployButton()->click();
    QCOMPARE(requested.count(), 1);
    const auto request = requested.at(0).at(0).value<Deployment::Request>();
    QCOMPARE(request.build, u"7"_s);
    QCOMPARE(request.env, u"prod"_s);
    QVERIFY(request.reason.isEmpty());
    // The dialog only hands the request over: Argo CD was not touched.
    QCOMPARE(serverApp()[u"spec"_s][u"source"_s][u"targetRevision"_s].toString(), versionOf(LiveRun));
}

void TstGuiBuilds::overrideDeployCarriesReason()
{
    BuildsView *view = makeView();
    selectAndWait(view, 5);
    view->openOverrideDialog();
    DeployDialog *dialog = view->deployDialog();
    QVERIFY(dialog);
    const QString reason = u"Security fix must ship; the failed job is the flaky e2e suite"_s;
    dialog->setEnvironment(u"dev"_s);
    QVERIFY(!dialog->deployButton()->isEnabled()); // dev needs no confirmation, but the override a reason
    dialog->reasonEdit()->setText(reason);
    QVERIFY(dialog->deployButton()->isEnabled());
    QSignalSpy requested(view, &BuildsView::deployRequested);
    dialog->deploy();
    QCOMPARE(requested.count(), 1);
    const auto request = requested.at(0).at(0).value<Deployment::Request>();
    QCOMPARE(request.build, u"5"_s);
    QCOMPARE(request.env, u"dev"_s);
    QCOMPARE(request.reason, reason);
}

void TstGuiBuilds::deployNeedsPipeline()
{
    BuildsView *view = makeView(true, true, true, false);
    selectAndWait(view, 7);
    QVERIFY(!view->hasPipeline());
    QVERIFY(!view->deployButton()->isEnabled());
    QVERIFY2(view->deployReasonLabel()->text().contains(u"pipeline"_s),
             qPrintable(view->deployReasonLabel()->text()));
    QVERIFY(view->overrideLink()->isHidden());
    view->openOverrideDialog();
    QVERIFY(!view->deployDialog());

    // A chart not yet in ChartMuseum: the old blocker, and that a pipeline is needed.
    Build missing = *view->selectedBuild();
    missing.inRepository = Build::Presence::No;
    const QString without = view->buildBlocker(missing);
    QVERIFY2(without.contains(missing.deployBlocker()) && without.contains(u"pipeline"_s),
             qPrintable(without));
    // With a pipeline the pipeline packages and publishes it; a failed CI run still blocks.
    view->setPipeline(samplePipeline());
    QVERIFY(view->buildBlocker(missing).isEmpty());
    QVERIFY(view->deployButton()->isEnabled());
    Build failed = missing;
    failed.run.conclusion = u"failure"_s;
    QCOMPARE(view->buildBlocker(failed), failed.deployBlocker());
    QVERIFY(!view->buildBlocker(failed).isEmpty());
}

void TstGuiBuilds::liveMarkerFollowsWatcher()
{
    BuildsView *view = makeView();
    waitLoaded(view, BuildsModel::Service::ArgoCd);
    BuildsModel *model = view->buildsModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        model->index(model->rowForRun(LiveRun), 0).data(BuildsModel::IsLiveRole).toBool(), TimeoutMs);
    // Someone else deploys 6 (the CLI, another Capstan): no refresh here, the watcher brings it.
    ArgoCdClient *other = argoClient();
    bool done = false;
    other->setTargetRevision(versionOf(6)).then(other, [other, &done](const ArgoApplication &) {
        ArgoCdClient::SyncOptions options;
        options.revision = versionOf(6);
        other->sync(options).then(other, [&done](const ArgoApplication &) { done = true; });
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(model->index(model->rowForRun(6), 0).data(BuildsModel::IsLiveRole).toBool(),
                             TimeoutMs);
    QVERIFY(!model->index(model->rowForRun(LiveRun), 0).data(BuildsModel::IsLiveRole).toBool());
}

void TstGuiBuilds::warmRefreshUsesEtagCache()
{
    BuildsView *view = makeView();
    waitLoaded(view, BuildsModel::Service::GitHub);
    QTRY_VERIFY_WITH_TIMEOUT(view->footerLabel()->text().contains(u"left"_s), TimeoutMs);
    QVERIFY2(view->footerLabel()->text().contains(u"of 5000 left"_s),
             qPrintable(view->footerLabel()->text()));
    const int before = m_gitHub->notModifiedCount();
    QCOMPARE(view->gitHubClient()->requestsServedFromCache(), 0);
    view->refresh();
    QVERIFY(!view->isLoaded(BuildsModel::Service::GitHub));
    waitLoaded(view, BuildsModel::Service::GitHub);
    QVERIFY(m_gitHub->notModifiedCount() > before);
    QVERIFY(view->gitHubClient()->requestsServedFromCache() > 0);
    QVERIFY2(view->footerLabel()->text().contains(u"ETag cache"_s), qPrintable(view->footerLabel()->text()));
    QVERIFY(!view->footerLabel()->text().contains(u"0 answer"_s));
    QCOMPARE(view->buildsModel()->rowCount(), Seeds.size());
}

void TstGuiBuilds::gitHubFailureKeepsBuilds()
{
    BuildsView *view = makeView(true, true, true);
    waitLoaded(view, BuildsModel::Service::GitHub);
    waitLoaded(view, BuildsModel::Service::ChartMuseum);
    waitLoaded(view, BuildsModel::Service::ArgoCd);
    BuildsModel *model = view->buildsModel();
    QCOMPARE(model->rowCount(), Seeds.size());
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);

    failRuns(-1);
    QVERIFY(!refreshGitHub(view));
    // The builds stay, marked with their age and why they are not fresh.
    QCOMPARE(runsOfModel(model).size(), Seeds.size());
    QCOMPARE(view->table()->model()->rowCount(), Seeds.size());
    QCOMPARE(removed.count(), 0);
    QCOMPARE(reset.count(), 0);
    MessageBanner *notice = view->serviceNotice(BuildsModel::Service::GitHub);
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->type(), MessageBanner::Type::Warning);
    QVERIFY2(notice->text().startsWith(u"Showing builds from just now: GitHub is unavailable (HTTP 500 "_s),
             qPrintable(notice->text()));
    QVERIFY2(notice->hint().contains(u"try again later"_s), qPrintable(notice->hint()));
    QVERIFY(!notice->toolTip().isEmpty()); // the time itself
    QVERIFY(!model->unavailableMessage(BuildsModel::Service::GitHub).isEmpty());
    // Deploying a kept build still works: Argo CD and ChartMuseum answer.
    QVERIFY(view->selectRun(7));
    QVERIFY(view->deployButton()->isEnabled());

    const QString screenshots = qEnvironmentVariable("CAPSTAN_SCREENSHOT_DIR");
    const QImage image = view->grab().toImage();
    QVERIFY(!image.isNull());
    if (!screenshots.isEmpty())
        QVERIFY(image.save(QDir(screenshots).filePath(u"builds-github-unavailable.png"_s)));

    m_gitHub->clearFaults();
    QVERIFY(refreshGitHub(view));
    QVERIFY(notice->isHidden());
    QVERIFY(model->unavailableMessage(BuildsModel::Service::GitHub).isEmpty());
    QCOMPARE(model->rowCount(), Seeds.size());
}

void TstGuiBuilds::flakyGitHubNeverEmptiesTheView()
{
    BuildsView *view = makeView(true, false, false);
    waitLoaded(view, BuildsModel::Service::GitHub);
    BuildsModel *model = view->buildsModel();
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    // Every other listing fails, as with a server failing a good share of its answers.
    for (int round = 0; round < 6; ++round) {
        const bool fails = round % 2 == 0;
        if (fails)
            failRuns(1);
        QCOMPARE(refreshGitHub(view), !fails);
        QCOMPARE(model->rowCount(), Seeds.size());
        QCOMPARE(view->serviceNotice(BuildsModel::Service::GitHub)->isVisible(), fails);
    }
    QCOMPARE(removed.count(), 0);
    QCOMPARE(reset.count(), 0);
}

void TstGuiBuilds::freshStartShowsCachedBuilds()
{
    // An earlier session listed the builds and kept the answers in its cache file.
    const QString file = m_cacheDir.filePath(u"github-etags.json"_s);
    QFile::remove(file);
    {
        EtagCache cache(file);
        GitHubClient::Options options;
        options.repo = u"acme/shop"_s;
        options.workflow = u"ci.yml"_s;
        HttpClient *earlier = http(m_gitHub->url(), u"GitHub"_s);
        earlier->setAuth(
            {HttpClient::Auth::Scheme::Bearer, {}, GitHubToken}); // cached per token, as the view's
        GitHubClient client(earlier, options, &cache);
        QFuture<QList<WorkflowRun>> runs = client.runs(50);
        QTRY_VERIFY_WITH_TIMEOUT(runs.isFinished(), TimeoutMs);
        QCOMPARE(runs.result().size(), Seeds.size());
    }
    QVERIFY(QFileInfo::exists(file));
    // …three minutes ago.
    {
        QFile json(file);
        QVERIFY(json.open(QIODevice::ReadWrite));
        QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
        QJsonObject entries = root.value(u"entries"_s).toObject();
        QVERIFY(!entries.isEmpty());
        const QString earlier =
            QDateTime::currentDateTimeUtc().addSecs(-3 * 60 - 10).toString(Qt::ISODateWithMs);
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            QJsonObject entry = it.value().toObject();
            QVERIFY(entry.contains(u"fetched"_s));
            entry.insert(u"fetched"_s, earlier);
            it.value() = entry;
        }
        root.insert(u"entries"_s, entries);
        json.resize(0);
        json.write(QJsonDocument(root).toJson());
    }

    // This session starts while GitHub fails every answer.
    failRuns(-1);
    m_etags = std::make_unique<EtagCache>(file);
    QString warning;
    m_etags->load(&warning);
    QVERIFY2(warning.isEmpty(), qPrintable(warning));
    BuildsView *view = makeView(true, false, false);
    waitLoaded(view, BuildsModel::Service::GitHub);
    QCOMPARE(runsOfModel(view->buildsModel()).size(), Seeds.size());
    QCOMPARE(runsOfModel(view->buildsModel()).constFirst(), Seeds.constLast().number);
    MessageBanner *notice = view->serviceNotice(BuildsModel::Service::GitHub);
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().startsWith(
                 u"Showing cached builds from 3 min ago: GitHub is unavailable (HTTP 500 "_s),
             qPrintable(notice->text()));
    QVERIFY2(view->footerLabel()->text().contains(u"9 cached build"_s),
             qPrintable(view->footerLabel()->text()));

    const QString screenshots = qEnvironmentVariable("CAPSTAN_SCREENSHOT_DIR");
    if (!screenshots.isEmpty())
        QVERIFY(view->grab().save(QDir(screenshots).filePath(u"builds-cached.png"_s)));

    // Once GitHub answers, the builds are its own again.
    m_gitHub->clearFaults();
    QVERIFY(refreshGitHub(view));
    QVERIFY(notice->isHidden());
    QVERIFY2(!view->footerLabel()->text().contains(u"cached build"_s),
             qPrintable(view->footerLabel()->text()));
}

void TstGuiBuilds::releaseCreatedAndDuplicateRejected()
{
    GitHubClient *client = gitHubClient();
    ReleaseDialog first(client, versionOf(7), m_shas.at(6), versionOf(LiveRun));
    QSignalSpy notes(&first, &ReleaseDialog::notesGenerated);
    QTRY_COMPARE_WITH_TIMEOUT(notes.count(), 1, TimeoutMs);
    QCOMPARE(first.tagEdit()->text(), versionOf(7));
    QVERIFY(first.createButton()->isEnabled());
    first.notesEdit()->setPlainText(first.notesEdit()->toPlainText() + u"\n\nEdited by hand."_s);
    QSignalSpy created(&first, &ReleaseDialog::created);
    first.createButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, TimeoutMs);
    QVERIFY(first.release());
    QCOMPARE(first.release()->tagName, versionOf(7));
    QVERIFY(first.release()->body.endsWith(u"Edited by hand."_s));
    QCOMPARE(first.state(), ReleaseDialog::State::Created);
    QVERIFY(!first.createButton()->isEnabled());

    ReleaseDialog second(client, versionOf(7), m_shas.at(6), versionOf(LiveRun));
    QSignalSpy notes2(&second, &ReleaseDialog::notesGenerated);
    QTRY_COMPARE_WITH_TIMEOUT(notes2.count(), 1, TimeoutMs);
    QSignalSpy failed(&second, &ReleaseDialog::failed);
    second.create();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, TimeoutMs);
    QVERIFY2(second.banner()->text().contains(u"already exists"_s), qPrintable(second.banner()->text()));
    QCOMPARE(second.banner()->type(), MessageBanner::Type::Error);
    // Still editable: another tag can be tried.
    QCOMPARE(second.state(), ReleaseDialog::State::Editing);
    QVERIFY(second.createButton()->isEnabled());
}

void TstGuiBuilds::homeScreenIsBuilds()
{
    QNetworkAccessManager network;
    CredentialStore credentials(QProcessEnvironment{});
    ClientFactory factory(&network, &credentials);
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    // A saved view from an earlier session does not replace the home screen.
    settings.setValue(u"mainWindow/currentView"_s, 1);
    MainWindow::Setup setup;
    setup.factory = &factory;
    setup.credentials = &credentials;
    setup.settings = &settings;
    Config::ChartMuseum chartMuseum;
    chartMuseum.url = m_charts->url();
    setup.config.chartmuseum = chartMuseum; // no github and no argocd section
    Config::Chart chart;
    chart.name = Chart;
    setup.config.chart = chart;
    MainWindow window(setup);
    window.show();
    auto *navigation = window.findChild<QListWidget *>(u"navigationList"_s);
    auto *stack = window.findChild<QStackedWidget *>(u"viewStack"_s);
    QVERIFY(navigation && stack);
    QCOMPARE(navigation->item(0)->text(), u"Builds"_s);
    QCOMPARE(navigation->currentRow(), 0);
    QCOMPARE(stack->currentWidget(), window.buildsView());
    BuildsView *view = window.buildsView();
    QTRY_VERIFY_WITH_TIMEOUT(view->serviceNotice(BuildsModel::Service::GitHub)->isVisible(), TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(view->serviceNotice(BuildsModel::Service::ArgoCd)->isVisible(), TimeoutMs);
    waitLoaded(view, BuildsModel::Service::ChartMuseum);
    QVERIFY(view->serviceNotice(BuildsModel::Service::ChartMuseum)->isHidden());
    QVERIFY(!view->deployButton()->isEnabled());
}

QTEST_MAIN(TstGuiBuilds)
void TstGuiBuilds::staleLockIsShownAndCanBeBroken()
{
    // A deploy elsewhere died an hour ago and left its lock: no heartbeat since.
    ArgoCdClient *client = argoClient();
    const QString hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
    const QJsonObject annotations{{ArgoApplication::LockHolderAnnotation, u"erin@elsewhere"_s},
                                  {ArgoApplication::LockReasonAnnotation, u"deploy 1.0.0-3 (prod)"_s},
                                  {ArgoApplication::LockSinceAnnotation, hourAgo},
                                  {ArgoApplication::LockHeartbeatAnnotation, hourAgo}};
    QFuture<ArgoApplication> locked =
        client->mergePatch(QJsonObject{{u"metadata"_s, QJsonObject{{u"annotations"_s, annotations}}}});
    QTRY_VERIFY_WITH_TIMEOUT(locked.isFinished(), 10000);
    QVERIFY(locked.result().deployLock());

    BuildsView *view = makeView();
    selectAndWait(view, 7);
    QTRY_VERIFY_WITH_TIMEOUT(view->deployReasonLabel()->text().contains(u"erin@elsewhere"_s), 10000);
    const QString reason = view->deployReasonLabel()->text();
    QVERIFY2(reason.contains(u"stale"_s), qPrintable(reason));
    QVERIFY(!view->deployButton()->isEnabled());
    auto *breakLink = view->findChild<QLabel *>(u"buildsBreakLockLink"_s);
    QVERIFY(breakLink);
    QVERIFY(breakLink->isVisibleTo(view));
    QVERIFY(!view->overrideLink()->isVisibleTo(view)); // a lock is not a CI verdict to override

    QSignalSpy broken(view, &BuildsView::lockBroken);
    QTimer::singleShot(0, view, [] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setTextValue(u"erin's laptop crashed mid-deploy"_s);
        dialog->accept();
    });
    view->breakStaleLock();
    QTRY_COMPARE_WITH_TIMEOUT(broken.count(), 1, 10000);
    QCOMPARE(broken.first().at(0).toString(), u"erin's laptop crashed mid-deploy"_s);
    QCOMPARE(broken.first().at(1).toString(), u"succeeded"_s);
    const QJsonObject after = serverApp()[u"metadata"_s][u"annotations"_s].toObject();
    QVERIFY(!after.contains(ArgoApplication::LockHolderAnnotation));
    QCOMPARE(after.value(u"capstan.net/deploy-lock-broken-reason"_s).toString(),
             u"erin's laptop crashed mid-deploy"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!breakLink->isVisibleTo(view), 10000);
}

#include "tst_guibuilds.moc"
