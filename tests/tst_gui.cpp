#include "ArchiveFilesModel.h"
#include "ArgoLoginDialog.h"
#include "ArgoStatusBadge.h"
#include "ChartsView.h"
#include "DiffHighlighter.h"
#include "DiffView.h"
#include "HistoryView.h"
#include "JournalView.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "PipelineView.h"
#include "SettingsDialog.h"
#include "YamlHighlighter.h"

#include "SandboxSeeder.h"
#include "ServerFixture.h"
#include "TestChartFactory.h"
#include "app/ClientFactory.h"
#include "argocd/ArgoApplication.h"
#include "argocd/ArgoCdClient.h"
#include "argocd/ArgoCdServer.h"
#include "argocd/ArgoCdWatcher.h"
#include "argocd/DeployLock.h"
#include "chart/ChartArchive.h"
#include "chart/SemVer.h"
#include "chartmuseum/ChartMuseumServer.h"
#include "config/ConfigLoader.h"
#include "credentials/CredentialStore.h"
#include "credentials/SecretBackend.h"
#include "models/ChartListModel.h"
#include "models/ChartVersionsModel.h"
#include "models/ChartVersionsProxyModel.h"
#include "models/HistoryModel.h"
#include "models/JournalModel.h"
#include "net/HttpClient.h"
#include "pipeline/DeployJournal.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeWidget>

#include <algorithm>

// Opens a main window on `config` and waits until its charts are on screen.
#define LOADED_VIEW(view, config)                                                                            \
    ChartsView *view = makeWindow(config)->chartsView();                                                     \
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), ChartsView::State::Ready, LoadTimeoutMs)
#include <memory>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int LoadTimeoutMs = 20000;

struct SeededVersion
{
    QString version;
    QString appVersion;
    QByteArray chartYaml;
    QByteArray valuesYaml;
    QList<ChartArchive::File> files;
};

// The versions the GUI must show, read straight from the seeded archives, newest first.
QMap<QString, QList<SeededVersion>> readSeed(const QString &directory, QString *error)
{
    QMap<QString, QList<SeededVersion>> charts;
    QDirIterator it(directory, {u"*.tgz"_s}, QDir::Files);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = u"cannot open "_s + path;
            return {};
        }
        QString readError;
        const std::optional<ChartArchive> archive = ChartArchive::read(file.readAll(), &readError);
        if (!archive) {
            *error = path + u": "_s + readError;
            return {};
        }
        charts[archive->metadata().name].append({archive->metadata().version, archive->metadata().appVersion,
                                                 archive->chartYaml(), archive->valuesYaml(),
                                                 archive->files()});
    }
    for (QList<SeededVersion> &versions : charts) {
        std::sort(versions.begin(), versions.end(), [](const SeededVersion &a, const SeededVersion &b) {
            return SemVer::compareStrings(a.version, b.version) > 0;
        });
    }
    return charts;
}

QtMessageHandler previousHandler = nullptr;

// The offscreen platform warns about every top-level window; that says nothing about Capstan.
void dropPlatformNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && (message.contains(u"does not support propagateSizeHints"_s) ||
                                 message.contains(u"does not support raise()"_s)))
        return;
    previousHandler(type, context, message);
}

template <typename T> T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

// A keychain that refuses, as a locked or absent Secret Service does: nothing is found, nothing is stored.
class RefusingKeychain : public SecretBackend
{
public:
    static inline const QString Raw = u"org.freedesktop.DBus.Error.ServiceUnknown: The name "
                                      "org.freedesktop.secrets was not provided by any .service files"_s;
    static ApiError refusal(const QString &name)
    {
        return ApiError(
                   ApiError::Kind::Credentials, u"No keychain is reachable"_s,
                   u"Start a Secret Service, or set %1."_s.arg(CredentialStore::environmentVariable(name)))
            .setServerMessage(Raw);
    }
    QFuture<QString> read(const QString &name) override
    {
        ++reads;
        return QtFuture::makeExceptionalFuture<QString>(refusal(name));
    }
    QFuture<OptionalSecret> readOptional(const QString &name) override
    {
        ++reads;
        return QtFuture::makeExceptionalFuture<OptionalSecret>(refusal(name));
    }
    QFuture<void> write(const QString &name, const QString &) override
    {
        ++writes;
        return QtFuture::makeExceptionalFuture(refusal(name));
    }
    QFuture<void> remove(const QString &name) override
    {
        return QtFuture::makeExceptionalFuture(refusal(name));
    }
    int reads = 0;
    int writes = 0;
};

} // namespace

class TstGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void chartListShowsEverySeededChart();
    void versionsNewestFirst();
    void detailsShowChartYamlValuesAndFiles();
    void newerSelectionWins();
    void filter_data();
    void filter();
    void serverErrorShowsBannerAndRetryRecovers();
    void offlineServerSaysSoAndOffersRetry();
    void statusBarShowsServerAndHealth();
    void desktopAppConnectsOnceShown();
    void emptyStates_data();
    void emptyStates();
    void sandboxBannerOnlyInSandbox();
    void windowStateIsRestored();

    void urlProblem_data();
    void urlProblem();
    void settingsRejectsBadUrl_data();
    void settingsRejectsBadUrl();
    void settingsSavesGoodUrlKeepingOtherKeys();
    void settingsShowsEnvironmentCredentialsWithoutEchoingThem();
    void settingsKeepsTheSavedConfigWhenTheKeychainRefuses();
    void viewsRefreshAfterADeployPublishes();
    void settingsChartFieldsFollowConfigLoaderRules_data();
    void settingsChartFieldsFollowConfigLoaderRules();

    void yamlHighlighter_data();
    void yamlHighlighter();
    void archiveFilesModel();

    void compareWithShowsChangedFiles();
    void diffHighlighter_data();
    void diffHighlighter();
    void uploadPathAndConflict();
    void uploadRejectsBadInput_data();
    void uploadRejectsBadInput();
    void deleteAsksNamingChartAndVersion();
    void deleteRefusedDisablesAction();

    void argoBadgeFollowsWatcher();
    void historyViewShowsRowsNewestFirst();
    void rollbackWithAutoSyncSuspendsFirstAndRestoreClears();
    void rejectedTokenAsksToLogIn();
    void longOperationOffersTerminate();
    void historyErrorIsInlineAndRetryRecovers();
    void defaultRollbackTargetFollowsTheHistory();
    void rollbackDialogRefusesWhenArgoCdChanged();
    void historyKeptWhenARefreshFails();

private:
    MainWindow *makeWindow(const Config &config, bool sandbox = false, const QString &configError = {});
    Config serverConfig() const;
    Config fixtureConfig(const ServerFixture &fixture) const;
    QString biggestChart() const;
    std::unique_ptr<ArgoCdServer> startArgoServer(int operationMs);
    MainWindow *makeArgoWindow(const QString &token);
    // A client of the in-repo Argo CD server's API, as another user or a deploy elsewhere would use it.
    ArgoCdClient *argoApi();

    QTemporaryDir m_dir;
    std::unique_ptr<ChartMuseumServer> m_server;
    QMap<QString, QList<SeededVersion>> m_seed;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<ClientFactory> m_factory;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QList<std::shared_ptr<QAbstractItemModelTester>> m_testers;
    std::unique_ptr<ArgoCdServer> m_argoServer;
    std::unique_ptr<DeployJournal> m_journal; // the Argo CD windows' journal
    int m_journals = 0;
};

void TstGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    previousHandler = qInstallMessageHandler(dropPlatformNoise);
    QVERIFY(m_dir.isValid());
    const QString storage = m_dir.filePath(u"charts"_s);
    const SandboxSeeder::Result seeded = SandboxSeeder::seedHomelab(storage);
    QVERIFY2(seeded.error.isEmpty(), qPrintable(seeded.error));
    QVERIFY(seeded.chartFiles > 1);
    QString error;
    m_seed = readSeed(storage, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!m_seed.isEmpty());

    ChartMuseumServer::Options options;
    options.storageDirectory = storage;
    m_server = std::make_unique<ChartMuseumServer>(options);
    QVERIFY2(m_server->listen(0, &error), qPrintable(error));
}

void TstGui::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    // No secrets in the environment and none needed: the test server runs without auth.
    m_credentials = std::make_unique<CredentialStore>(QProcessEnvironment(), u"capstan-tst-gui"_s);
    m_factory = std::make_unique<ClientFactory>(m_network.get(), m_credentials.get());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"window.ini"_s), QSettings::IniFormat);
}

void TstGui::cleanup()
{
    m_testers.clear();
    m_window.reset();
    m_journal.reset();
    m_argoServer.reset();
    m_server->clearFaults();
    m_factory.reset();
    m_credentials.reset();
    m_network.reset();
    m_settings.reset();
}

Config TstGui::serverConfig() const
{
    Config config;
    config.file = m_dir.filePath(u"capstan.yaml"_s);
    Config::ChartMuseum section;
    section.url = m_server->url();
    config.chartmuseum = section;
    return config;
}

MainWindow *TstGui::makeWindow(const Config &config, bool sandbox, const QString &configError)
{
    MainWindow::Setup setup;
    setup.factory = m_factory.get();
    setup.credentials = m_credentials.get();
    setup.settings = m_settings.get();
    setup.config = config;
    setup.configPath = config.file;
    setup.configError = configError;
    setup.sandbox = sandbox;
    setup.journal = m_journal.get();
    m_window = std::make_unique<MainWindow>(setup);
    ChartsView *view = m_window->chartsView();
    for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *>{
             view->chartListModel(), view->versionsModel(), view->versionsProxy(), view->filesModel()})
        m_testers.append(std::make_shared<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_window->show();
    m_window->showView(view); // Builds is the home screen; these tests look at Charts
    return m_window.get();
}

QString TstGui::biggestChart() const
{
    QString best;
    for (auto it = m_seed.cbegin(); it != m_seed.cend(); ++it) {
        if (best.isEmpty() || it.value().size() > m_seed.value(best).size())
            best = it.key();
    }
    return best;
}

void TstGui::chartListShowsEverySeededChart()
{
    LOADED_VIEW(view, serverConfig());
    ChartListModel *charts = view->chartListModel();
    QCOMPARE(charts->rowCount(), int(m_seed.size()));
    for (auto it = m_seed.cbegin(); it != m_seed.cend(); ++it) {
        const int row = charts->rowOf(it.key());
        QVERIFY2(row >= 0, qPrintable(it.key()));
        const QModelIndex index = charts->index(row, 0);
        QCOMPARE(index.data(ChartListModel::VersionCountRole).toInt(), int(it.value().size()));
        QCOMPARE(index.data(ChartListModel::LatestVersionRole).toString(), it.value().first().version);
    }
    auto *list = child<QListView>(view, u"chartList"_s);
    QVERIFY(list);
    QVERIFY(list->currentIndex().isValid()); // the first chart is opened on load
}

void TstGui::versionsNewestFirst()
{
    LOADED_VIEW(view, serverConfig());
    const QString chart = biggestChart();
    QVERIFY(view->selectChart(chart));
    const QList<SeededVersion> expected = m_seed.value(chart);
    QTRY_COMPARE(view->versionsProxy()->rowCount(), int(expected.size()));
    for (int row = 0; row < expected.size(); ++row) {
        const QModelIndex index = view->versionsProxy()->index(row, ChartVersionsModel::Version);
        QCOMPARE(index.data(ChartVersionsModel::ChartVersionRole).value<ChartVersion>().version(),
                 expected.at(row).version);
    }
    auto *table = child<QTableView>(view, u"versionTable"_s);
    QVERIFY(table->isColumnHidden(ChartVersionsModel::Name));
    // The newest version is selected and shown without a click.
    QTRY_VERIFY(view->shownVersion().has_value());
    QCOMPARE(view->shownVersion()->version(), expected.first().version);
}

void TstGui::detailsShowChartYamlValuesAndFiles()
{
    LOADED_VIEW(view, serverConfig());
    const QString chart = biggestChart();
    const QList<SeededVersion> versions = m_seed.value(chart);
    QVERIFY(versions.size() >= 2);
    const SeededVersion &target = versions.at(versions.size() / 2); // not the one shown by default
    QVERIFY(view->selectChart(chart));
    QTRY_VERIFY(view->shownVersion().has_value());
    QSignalSpy loaded(view, &ChartsView::detailsLoaded);
    QVERIFY(view->selectVersion(target.version));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && loaded.last().at(1).toString() == target.version,
                             LoadTimeoutMs);
    QCOMPARE(loaded.last().at(0).toString(), chart);

    auto *chartYaml = child<QPlainTextEdit>(view, u"chartYamlEdit"_s);
    auto *valuesYaml = child<QPlainTextEdit>(view, u"valuesYamlEdit"_s);
    QCOMPARE(chartYaml->toPlainText(), QString::fromUtf8(target.chartYaml));
    QVERIFY(chartYaml->toPlainText().contains(target.version));
    QVERIFY(chartYaml->isReadOnly());
    if (!target.valuesYaml.isNull())
        QCOMPARE(valuesYaml->toPlainText(), QString::fromUtf8(target.valuesYaml));
    QCOMPARE(child<QLabel>(view, u"versionValue"_s)->text(), target.version);
    QCOMPARE(child<QLabel>(view, u"nameValue"_s)->text(), chart);
    QVERIFY(child<QLabel>(view, u"digestValue"_s)->text().startsWith(u"sha256:"_s));

    ArchiveFilesModel *files = view->filesModel();
    QCOMPARE(files->rowCount(), int(target.files.size()));
    QStringList shownPaths;
    for (int row = 0; row < files->rowCount(); ++row)
        shownPaths << files->index(row, ArchiveFilesModel::Path).data().toString();
    for (const ChartArchive::File &file : target.files) {
        const int row = int(shownPaths.indexOf(file.path));
        QVERIFY2(row >= 0, qPrintable(file.path));
        QCOMPARE(files->index(row, ArchiveFilesModel::Size).data().toString(),
                 QLocale().formattedDataSize(file.size, file.size < 1024 ? 0 : 1));
    }
    QVERIFY(shownPaths.contains(u"Chart.yaml"_s));
    QVERIFY(!child<QWidget>(view, u"downloadProgress"_s)->isVisible());
}

void TstGui::newerSelectionWins()
{
    LOADED_VIEW(view, serverConfig());
    const QString chart = biggestChart();
    const QList<SeededVersion> versions = m_seed.value(chart);
    QVERIFY(versions.size() >= 3);
    QVERIFY(view->selectChart(chart));
    QTRY_VERIFY(view->shownVersion().has_value());
    QSignalSpy loaded(view, &ChartsView::detailsLoaded);

    const QString slow = versions.at(1).version;
    const QString fast = versions.at(2).version;
    // The older selection's download answers late; its result must not replace the newer one.
    ChartMuseumServer::Fault delay;
    delay.kind = ChartMuseumServer::Fault::Kind::Delay;
    delay.pathPrefix = u"/charts/%1-%2.tgz"_s.arg(chart, slow);
    delay.delayMs = 1500;
    m_server->addFault(delay);
    QStringList finished;
    connect(m_network.get(), &QNetworkAccessManager::finished, this,
            [&finished](QNetworkReply *reply) { finished << reply->url().path(); });
    QVERIFY(view->selectVersion(slow));
    QVERIFY(view->selectVersion(fast));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), LoadTimeoutMs);
    QCOMPARE(loaded.last().at(1).toString(), fast);
    // Once the slow reply has finished (or was aborted), let every continuation it could start run.
    QTRY_VERIFY_WITH_TIMEOUT(finished.contains(delay.pathPrefix), LoadTimeoutMs);
    for (int round = 0; round < 3; ++round) {
        QCoreApplication::processEvents();
        QThreadPool::globalInstance()->waitForDone();
    }
    QCoreApplication::processEvents();
    m_network->disconnect(this);
    for (const QList<QVariant> &emission : std::as_const(loaded))
        QCOMPARE(emission.at(1).toString(), fast);
    QCOMPARE(view->shownVersion()->version(), fast);
    QVERIFY(child<QPlainTextEdit>(view, u"chartYamlEdit"_s)->toPlainText().contains(fast));
}

void TstGui::filter_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("text: a version's run number") << u"text"_s;
    QTest::newRow("text: nothing matches") << u"none"_s;
    QTest::newRow("range: from the middle version up") << u"range"_s;
}

void TstGui::filter()
{
    QFETCH(QString, kind);
    LOADED_VIEW(view, serverConfig());
    const QString chart = biggestChart();
    const QList<SeededVersion> versions = m_seed.value(chart);
    QVERIFY(view->selectChart(chart));
    QTRY_COMPARE(view->versionsProxy()->rowCount(), int(versions.size()));

    QString text;
    QStringList expected;
    if (kind == "text"_L1) {
        text = versions.at(versions.size() / 2).version;
        for (const SeededVersion &v : versions) {
            if (v.version.contains(text, Qt::CaseInsensitive) ||
                v.appVersion.contains(text, Qt::CaseInsensitive))
                expected << v.version;
        }
    } else if (kind == "none"_L1) {
        text = u"no-such-version-zzz"_s;
    } else {
        const QString from = versions.at(versions.size() / 2).version;
        text = u">="_s + from;
        for (const SeededVersion &v : versions) {
            if (SemVer::compareStrings(v.version, from) >= 0)
                expected << v.version;
        }
    }

    auto *edit = child<QLineEdit>(view, u"filterEdit"_s);
    QVERIFY(edit->placeholderText().contains(u">="_s));
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QCOMPARE(view->versionsProxy()->filterText(), text);
    QCOMPARE(view->versionsProxy()->isRangeFilter(), kind == "range"_L1);
    QStringList shown;
    for (int row = 0; row < view->versionsProxy()->rowCount(); ++row)
        shown << view->versionsProxy()
                     ->index(row, ChartVersionsModel::Version)
                     .data(ChartVersionsModel::ChartVersionRole)
                     .value<ChartVersion>()
                     .version();
    QCOMPARE(shown, expected); // still newest first
    const QString count = child<QLabel>(view, u"versionCountLabel"_s)->text();
    QVERIFY2(count.contains(QString::number(expected.size())) &&
                 count.contains(QString::number(versions.size())),
             qPrintable(count));

    edit->clear();
    QCOMPARE(view->versionsProxy()->rowCount(), int(versions.size()));
}

void TstGui::serverErrorShowsBannerAndRetryRecovers()
{
    LOADED_VIEW(view, serverConfig());
    ChartMuseumServer::Fault fault;
    fault.kind = ChartMuseumServer::Fault::Kind::Status;
    fault.status = 500;
    fault.body = R"({"error":"storage backend exploded"})";
    fault.pathPrefix = u"/api/charts"_s;
    fault.count = -1;
    m_server->addFault(fault);

    QSignalSpy failed(view, &ChartsView::loadFailed);
    m_window->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), LoadTimeoutMs);
    MessageBanner *banner = view->banner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->type(), MessageBanner::Type::Error);
    QVERIFY2(banner->text().contains(u"storage backend exploded"_s), qPrintable(banner->text()));
    QCOMPARE(view->state(), ChartsView::State::Failed);
    // What was loaded before stays on screen, marked with its age.
    QVERIFY2(banner->text().startsWith(u"Showing charts from just now: "_s), qPrintable(banner->text()));
    QCOMPARE(view->chartListModel()->rowCount(), int(m_seed.size()));

    m_server->clearFaults();
    auto *retry = banner->findChild<QPushButton *>(u"bannerAction"_s);
    QVERIFY(retry && retry->isVisible());
    QSignalSpy loaded(view, &ChartsView::chartsLoaded);
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), LoadTimeoutMs);
    QCOMPARE(view->state(), ChartsView::State::Ready);
    QVERIFY(!banner->isVisible());
}

void TstGui::offlineServerSaysSoAndOffersRetry()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there any more
    Config config;
    Config::ChartMuseum section;
    section.url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    config.chartmuseum = section;

    MainWindow *window = makeWindow(config);
    ChartsView *view = window->chartsView();
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), ChartsView::State::Failed, LoadTimeoutMs);
    QVERIFY(view->banner()->isVisible());
    QVERIFY(!view->banner()->text().isEmpty());
    QCOMPARE(view->banner()->type(), MessageBanner::Type::Error);
    const QString title = child<QLabel>(view, u"stateTitle"_s)->text();
    QVERIFY2(title.contains(u"offline"_s), qPrintable(title));
    QVERIFY(view->banner()->findChild<QPushButton *>(u"bannerAction"_s)->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(window->health(), MainWindow::Health::Unreachable, LoadTimeoutMs);
}

void TstGui::statusBarShowsServerAndHealth()
{
    LOADED_VIEW(view, serverConfig());
    MainWindow *window = m_window.get();
    QVERIFY(child<QLabel>(window, u"serverLabel"_s)->text().contains(m_server->url().toDisplayString()));
    QTRY_COMPARE_WITH_TIMEOUT(window->health(), MainWindow::Health::Healthy, LoadTimeoutMs);
    QVERIFY(window->lastRefresh().isValid());
    QVERIFY(!child<QLabel>(window, u"refreshLabel"_s)->text().isEmpty());
}

// The desktop app paints its window before it asks any service; then it connects as usual.
void TstGui::desktopAppConnectsOnceShown()
{
    MainWindow::Setup setup;
    setup.factory = m_factory.get();
    setup.credentials = m_credentials.get();
    setup.settings = m_settings.get();
    setup.config = serverConfig();
    setup.journal = m_journal.get();
    setup.connectAfterFirstPaint = true;
    MainWindow window(setup);
    QCOMPARE(window.chartsView()->state(), ChartsView::State::NotConfigured);
    QVERIFY(!window.chartsView()->client());
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(window.chartsView()->state(), ChartsView::State::Ready, LoadTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.health(), MainWindow::Health::Healthy, LoadTimeoutMs);
    QVERIFY(child<QLabel>(&window, u"serverLabel"_s)->text().contains(m_server->url().toDisplayString()));
}

void TstGui::emptyStates_data()
{
    QTest::addColumn<bool>("withSection");
    QTest::addColumn<QString>("configError");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no chartmuseum section") << false << QString() << u"chartmuseum"_s;
    QTest::newRow("broken capstan.yaml")
        << false << u"/x/capstan.yaml:3:7: unknown key \"chartmusem\""_s << u"/x/capstan.yaml:3:7"_s;
}

void TstGui::emptyStates()
{
    QFETCH(bool, withSection);
    QFETCH(QString, configError);
    QFETCH(QString, expected);
    Config config = serverConfig();
    if (!withSection)
        config.chartmuseum.reset();
    MainWindow *window = makeWindow(config, false, configError);
    ChartsView *view = window->chartsView();
    QCOMPARE(view->state(), ChartsView::State::NotConfigured);
    const QString text = child<QLabel>(view, u"stateText"_s)->text();
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(text.contains(u"Settings"_s), qPrintable(text));
    QVERIFY(child<QPushButton>(view, u"stateSettingsButton"_s)->isVisible());
    QCOMPARE(window->health(), MainWindow::Health::NotConfigured);
}

void TstGui::sandboxBannerOnlyInSandbox()
{
    for (const bool sandbox : {false, true}) {
        MainWindow *window = makeWindow(serverConfig(), sandbox);
        auto *banner = child<QLabel>(window, u"sandboxBanner"_s);
        QVERIFY(banner);
        QCOMPARE(banner->isVisible(), sandbox);
        QVERIFY(banner->text().contains(u"SANDBOX"_s));
        cleanup();
        init();
    }
}

void TstGui::windowStateIsRestored()
{
    MainWindow *window = makeWindow(serverConfig());
    window->resize(1011, 677);
    auto *splitter = child<QSplitter>(window, u"mainSplitter"_s);
    splitter->setSizes({301, 402, 503});
    const QList<int> sizes = splitter->sizes();
    window->close();
    m_testers.clear();
    m_window.reset();

    window = makeWindow(serverConfig());
    QCOMPARE(window->size(), QSize(1011, 677));
    QCOMPARE(child<QSplitter>(window, u"mainSplitter"_s)->sizes(), sizes);
}

void TstGui::urlProblem_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("problem"); // a word the message must hold; empty: accepted
    QTest::newRow("https") << u"https://charts.example.net"_s << QString();
    QTest::newRow("http with port and path") << u"http://127.0.0.1:8080/p"_s << QString();
    QTest::newRow("empty is allowed") << QString() << QString();
    QTest::newRow("ftp") << u"ftp://charts.example.net"_s << u"ftp"_s;
    QTest::newRow("no scheme") << u"charts.example.net"_s << u"scheme"_s;
    QTest::newRow("no host") << u"http://"_s << u"host"_s;
    QTest::newRow("password in URL") << u"https://admin:hunter2@charts.example.net"_s << u"password"_s;
    QTest::newRow("spaces") << u"http://exa mple.net"_s << u"not a valid URL"_s;
}

void TstGui::urlProblem()
{
    QFETCH(QString, url);
    QFETCH(QString, problem);
    const QString message = SettingsDialog::urlProblem(url);
    if (problem.isEmpty()) {
        QVERIFY2(message.isEmpty(), qPrintable(message));
    } else {
        QVERIFY2(message.contains(problem), qPrintable(message));
        QVERIFY(!message.contains(u"hunter2"_s));
    }
}

void TstGui::settingsRejectsBadUrl_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("url");
    QTest::newRow("chartmuseum ftp") << u"chartMuseumUrl"_s << u"ftp://charts.example.net"_s;
    QTest::newRow("argocd without host") << u"argoCdUrl"_s << u"https://"_s;
    QTest::newRow("github without scheme") << u"gitHubUrl"_s << u"api.github.com"_s;
}

void TstGui::settingsRejectsBadUrl()
{
    QFETCH(QString, field);
    QFETCH(QString, url);
    const QString path = m_dir.filePath(u"bad-url.yaml"_s);
    QFile::remove(path);
    const QByteArray original = "chartmuseum:\n  url: http://127.0.0.1:1\n";
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(original);
    }
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadFile(path, &error);
    QVERIFY2(config, qPrintable(error.toString()));

    SettingsDialog dialog(*config, path, m_credentials.get(), false);
    auto *edit = child<QLineEdit>(&dialog, field + u"Edit"_s);
    edit->setText(url);
    dialog.show();
    dialog.save();
    auto *message = child<QLabel>(&dialog, field + u"Error"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(!message->text().isEmpty(), "the field says what is wrong");
    QVERIFY(dialog.savedPath().isEmpty());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.isVisible());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), original);
}

void TstGui::settingsSavesGoodUrlKeepingOtherKeys()
{
    const QString path = m_dir.filePath(u"good-url.yaml"_s);
    QFile::remove(path);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# release settings\n"
                   "chartmuseum:\n"
                   "  url: http://127.0.0.1:1\n"
                   "  username: ci\n"
                   "chart:\n"
                   "  name: torvalds\n"
                   "  path: deploy/chart\n");
    }
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadFile(path, &error);
    QVERIFY2(config, qPrintable(error.toString()));

    SettingsDialog dialog(*config, path, m_credentials.get(), false);
    QCOMPARE(child<QLineEdit>(&dialog, u"chartMuseumUserEdit"_s)->text(), u"ci"_s);
    child<QLineEdit>(&dialog, u"chartMuseumUrlEdit"_s)->setText(u"https://charts.example.net/museum"_s);
    child<QLineEdit>(&dialog, u"argoCdUrlEdit"_s)->setText(u"https://argocd.example.net"_s);
    child<QLineEdit>(&dialog, u"argoCdAppEdit"_s)->setText(u"torvalds"_s);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.show();
    dialog.save();
    QTRY_COMPARE(accepted.size(), 1);
    QCOMPARE(dialog.savedPath(), path);
    for (const QString &name : {u"chartMuseumUrlError"_s, u"argoCdUrlError"_s, u"gitHubUrlError"_s})
        QVERIFY(!child<QLabel>(&dialog, name)->isVisibleTo(&dialog));

    const std::optional<Config> saved = ConfigLoader::loadFile(path, &error);
    QVERIFY2(saved, qPrintable(error.toString()));
    QCOMPARE(saved->chartmuseum->url, QUrl(u"https://charts.example.net/museum"_s));
    QCOMPARE(saved->chartmuseum->username, u"ci"_s);
    QVERIFY(saved->argocd.has_value());
    QCOMPARE(saved->argocd->url, QUrl(u"https://argocd.example.net"_s));
    QCOMPARE(saved->argocd->app, u"torvalds"_s);
    QVERIFY(saved->chart.has_value());
    QCOMPARE(saved->chart->name, u"torvalds"_s);
    QCOMPARE(saved->chart->path, u"deploy/chart"_s);
}

void TstGui::settingsShowsEnvironmentCredentialsWithoutEchoingThem()
{
    QProcessEnvironment environment;
    const QString secret = u"s3cr3t-value-that-must-not-show"_s;
    for (const QString &name : CredentialStore::knownNames())
        environment.insert(CredentialStore::environmentVariable(name), secret);
    CredentialStore credentials(environment, u"capstan-tst-gui"_s);

    SettingsDialog dialog(serverConfig(), m_dir.filePath(u"env.yaml"_s), &credentials, false);
    dialog.show();
    const QList<std::pair<QString, QString>> fields = {{u"chartMuseumPassword"_s, u"chartmuseum"_s},
                                                       {u"argoCdToken"_s, u"argocd"_s},
                                                       {u"argoCdPassword"_s, u"argocd-password"_s},
                                                       {u"gitHubToken"_s, u"github"_s}};
    for (const auto &[field, name] : fields) {
        auto *edit = child<QLineEdit>(&dialog, field + u"Edit"_s);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!edit->isEnabled());
        const QString state = child<QLabel>(&dialog, field + u"State"_s)->text();
        QVERIFY2(state.contains(CredentialStore::environmentVariable(name)), qPrintable(state));
    }
    const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
    for (const QLineEdit *edit : edits)
        QVERIFY(!edit->text().contains(secret) && !edit->placeholderText().contains(secret));
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (const QLabel *label : labels)
        QVERIFY(!label->text().contains(secret));
}

void TstGui::settingsKeepsTheSavedConfigWhenTheKeychainRefuses()
{
    // A first start: no capstan.yaml anywhere, and a keychain that refuses.
    const QString path = ConfigLoader::defaultUserConfigPath();
    QFile::remove(path);
    auto refusing = std::make_unique<RefusingKeychain>();
    RefusingKeychain *keychain = refusing.get();
    m_factory.reset();
    m_credentials = std::make_unique<CredentialStore>(QProcessEnvironment(), u"capstan-tst-gui"_s, nullptr,
                                                      std::move(refusing));
    m_factory = std::make_unique<ClientFactory>(m_network.get(), m_credentials.get());
    MainWindow *window = makeWindow(Config());
    QVERIFY(window->configPath().isEmpty());
    QVERIFY(!window->config().chartmuseum);

    window->openSettings();
    SettingsDialog *dialog = window->findChild<SettingsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->credentialsSettled());
    const int width = dialog->width();
    const QString secret = u"hunter2-never-shown"_s;
    child<QLineEdit>(dialog, u"chartMuseumUrlEdit"_s)->setText(m_server->url().toString());
    child<QLineEdit>(dialog, u"chartMuseumPasswordEdit"_s)->setText(secret);
    child<QLineEdit>(dialog, u"chartNameEdit"_s)->setText(u"torvalds"_s);
    child<QLineEdit>(dialog, u"chartPathEdit"_s)->setText(u"deploy/chart"_s);
    QSignalSpy saved(dialog, &SettingsDialog::configSaved);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->save();
    QCOMPARE(saved.size(), 1);
    QTRY_VERIFY(dialog->credentialsSettled());
    QCOMPARE(keychain->writes, 1);
    QCOMPARE(accepted.size(), 0);

    // What was saved and what was not, in words; the raw D-Bus text only as detail.
    auto *banner = child<MessageBanner>(dialog, u"saveBanner"_s);
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->type(), MessageBanner::Type::Warning);
    const QString text = banner->text();
    QVERIFY2(text.contains(QDir::toNativeSeparators(path)), qPrintable(text));
    QVERIFY2(text.contains(u"the ChartMuseum password"_s), qPrintable(text));
    QVERIFY2(text.contains(u"No keychain is reachable"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"org.freedesktop"_s), qPrintable(text));
    QVERIFY2(banner->hint().contains(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s), qPrintable(banner->hint()));
    QCOMPARE(banner->toolTip(), RefusingKeychain::Raw);
    auto *state = child<QLabel>(dialog, u"chartMuseumPasswordState"_s);
    QVERIFY2(!state->text().contains(u"org.freedesktop"_s), qPrintable(state->text()));
    QVERIFY2(state->text().contains(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s), qPrintable(state->text()));
    QVERIFY2(state->toolTip().contains(RefusingKeychain::Raw), qPrintable(state->toolTip()));
    QTRY_VERIFY(state->height() >= state->heightForWidth(state->width())); // wrapped, not clipped
    QCOMPARE(dialog->width(), width); // the message wraps, the dialog keeps its size
    const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        QVERIFY(!label->text().contains(secret) && !label->toolTip().contains(secret));

    // The file holds the settings and no secret; the window uses it already, before the dialog closes.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(secret.toUtf8()));
    QCOMPARE(window->configPath(), path);
    QVERIFY(window->config().chartmuseum);
    QCOMPARE(window->config().chartmuseum->url, m_server->url());
    QVERIFY(window->config().chart);
    QCOMPARE(window->config().chart->name, u"torvalds"_s);
    QVERIFY2(child<QLabel>(window, u"serverLabel"_s)->text().contains(m_server->url().toDisplayString()),
             qPrintable(child<QLabel>(window, u"serverLabel"_s)->text()));

    // Cancel (now Close) keeps it: the window connects, F5 uses the same file, Settings shows it again.
    QCOMPARE(child<QDialogButtonBox>(dialog, u"buttonBox"_s)->button(QDialogButtonBox::Cancel)->text(),
             SettingsDialog::tr("Close"));
    QPointer<SettingsDialog> closed(dialog);
    dialog->reject();
    QTRY_VERIFY(!closed);
    QTRY_COMPARE(window->health(), MainWindow::Health::Healthy);
    window->refresh();
    QCOMPARE(window->config().chartmuseum->url, m_server->url());
    window->openSettings();
    dialog = window->findChild<SettingsDialog *>();
    QVERIFY(dialog);
    QCOMPARE(child<QLineEdit>(dialog, u"chartMuseumUrlEdit"_s)->text(), m_server->url().toString());
    QCOMPARE(child<QLineEdit>(dialog, u"chartNameEdit"_s)->text(), u"torvalds"_s);
    QCOMPARE(child<QLineEdit>(dialog, u"chartPathEdit"_s)->text(), u"deploy/chart"_s);
    QTRY_VERIFY(dialog->credentialsSettled());
    dialog->reject();
    QFile::remove(path);
}

void TstGui::settingsChartFieldsFollowConfigLoaderRules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("problem"); // empty: saved
    QTest::newRow("all set") << u"torvalds"_s << u"deploy/chart"_s << u"2.0.0-{build}"_s << QString();
    QTest::newRow("no version: the default") << u"torvalds"_s << QString() << QString() << QString();
    QTest::newRow("no name") << QString() << u"deploy/chart"_s << QString() << u"\"name\""_s;
}

void TstGui::settingsChartFieldsFollowConfigLoaderRules()
{
    QFETCH(QString, name);
    QFETCH(QString, path);
    QFETCH(QString, version);
    QFETCH(QString, problem);
    const QString file = m_dir.filePath(u"chart-fields.yaml"_s);
    QFile::remove(file);
    const QByteArray original = "chartmuseum:\n  url: http://127.0.0.1:1\n"
                                "pipeline:\n  stages:\n    - name: checks\n"
                                "      steps: [ { name: lint, run: \"true\" } ]\n";
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(original);
    }
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadFile(file, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    SettingsDialog dialog(*config, file, m_credentials.get(), false);
    child<QLineEdit>(&dialog, u"chartNameEdit"_s)->setText(name);
    child<QLineEdit>(&dialog, u"chartPathEdit"_s)->setText(path);
    child<QLineEdit>(&dialog, u"chartVersionEdit"_s)->setText(version);
    dialog.show();
    dialog.save();
    const std::optional<Config> reread = ConfigLoader::loadFile(file, &error);
    QVERIFY2(reread, qPrintable(error.toString()));
    QVERIFY(reread->pipeline); // the rest of the file is kept either way
    auto *chartError = child<QLabel>(&dialog, u"chartError"_s);
    if (!problem.isEmpty()) {
        QVERIFY(dialog.savedPath().isEmpty());
        QVERIFY(chartError->isVisible());
        QVERIFY2(chartError->text().contains(problem), qPrintable(chartError->text()));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(in.readAll(), original); // nothing half-written
        return;
    }
    QCOMPARE(dialog.savedPath(), file);
    QVERIFY(!chartError->isVisible());
    QVERIFY(reread->chart);
    QCOMPARE(reread->chart->name, name);
    QCOMPARE(reread->chart->path, path);
    QCOMPARE(reread->chart->version, version.isEmpty() ? Config::Chart().version : version);
}

void TstGui::yamlHighlighter_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<int>("token");
    QTest::newRow("key") << u"apiVersion: v2"_s << u"apiVersion"_s << int(YamlHighlighter::Token::Key);
    QTest::newRow("nested key") << u"  repository: ghcr.io/x"_s << u"repository"_s
                                << int(YamlHighlighter::Token::Key);
    QTest::newRow("comment") << u"replicas: 2 # scale later"_s << u"# scale later"_s
                             << int(YamlHighlighter::Token::Comment);
    QTest::newRow("number") << u"replicas: 2"_s << u"2"_s << int(YamlHighlighter::Token::Number);
    QTest::newRow("keyword") << u"enabled: false"_s << u"false"_s << int(YamlHighlighter::Token::Keyword);
    QTest::newRow("string") << u"tag: \"1.0.0-42\""_s << u"\"1.0.0-42\""_s
                            << int(YamlHighlighter::Token::String);
    QTest::newRow("template") << u"image: {{ .Values.image }}"_s << u"{{ .Values.image }}"_s
                              << int(YamlHighlighter::Token::Template);
    QTest::newRow("hash inside quotes is no comment")
        << u"color: \"#ff0000\""_s << u"\"#ff0000\""_s << int(YamlHighlighter::Token::String);
}

void TstGui::yamlHighlighter()
{
    QFETCH(QString, line);
    QFETCH(QString, fragment);
    QFETCH(int, token);
    QTextDocument document;
    document.setPlainText(line);
    YamlHighlighter highlighter(&document);
    highlighter.rehighlight();
    const QList<QTextLayout::FormatRange> ranges = document.firstBlock().layout()->formats();
    const int start = int(line.indexOf(fragment));
    QVERIFY(start >= 0);
    const QTextCharFormat expected = highlighter.formatFor(static_cast<YamlHighlighter::Token>(token));
    for (int position = start; position < start + fragment.size(); ++position) {
        QTextCharFormat at;
        for (const QTextLayout::FormatRange &range : ranges) {
            if (position >= range.start && position < range.start + range.length)
                at = range.format;
        }
        QVERIFY2(at.foreground() == expected.foreground(),
                 qPrintable(u"position %1 of \"%2\""_s.arg(position).arg(line)));
    }
}

void TstGui::archiveFilesModel()
{
    ArchiveFilesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<ChartArchive::File> files;
    files.append({u"Chart.yaml"_s, 120, {}});
    files.append({u"templates/deployment.yaml"_s, 3 * 1024 + 512, {}});
    files.append({u"charts/big.tgz"_s, 5 * 1024 * 1024, {}});
    model.setFiles(files);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(ArchiveFilesModel::ColumnCount));
    QCOMPARE(model.index(1, ArchiveFilesModel::Path).data().toString(), u"templates/deployment.yaml"_s);
    QCOMPARE(model.index(0, ArchiveFilesModel::Size).data().toString(), QLocale().formattedDataSize(120, 0));
    QCOMPARE(model.index(1, ArchiveFilesModel::Size).data().toString(), QLocale().formattedDataSize(3584, 1));
    QCOMPARE(model.index(2, ArchiveFilesModel::Size).data(ArchiveFilesModel::SortRole).toLongLong(),
             5 * 1024 * 1024);
    QVERIFY(!model.headerData(ArchiveFilesModel::Size, Qt::Horizontal).toString().isEmpty());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

Config TstGui::fixtureConfig(const ServerFixture &fixture) const
{
    Config config = serverConfig();
    config.chartmuseum->url = fixture.url();
    return config;
}

void TstGui::compareWithShowsChangedFiles()
{
    LOADED_VIEW(view, serverConfig());
    QTemporaryDir cache;
    view->setChartCache(ChartCache(cache.path()));
    const QString chart = biggestChart();
    const QList<SeededVersion> versions = m_seed.value(chart);
    QVERIFY(versions.size() >= 2);
    QVERIFY(view->selectChart(chart));
    QVERIFY(view->selectVersion(versions.at(0).version));
    QVERIFY(view->compareAction()->isEnabled());

    // What must differ, straight from the seeded archives: the newest against the one before it.
    QMap<QString, QByteArray> older;
    for (const ChartArchive::File &file : versions.at(1).files)
        older.insert(file.path, file.data);
    QMap<QString, QByteArray> newer;
    for (const ChartArchive::File &file : versions.at(0).files)
        newer.insert(file.path, file.data);
    QStringList expected;
    QMap<QString, QByteArray> all = older;
    all.insert(newer);
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (!older.contains(it.key()) || !newer.contains(it.key()) ||
            older.value(it.key()) != newer.value(it.key()))
            expected.append(it.key());
    }
    QVERIFY(!expected.isEmpty());

    QSignalSpy shown(view, &ChartsView::diffShown);
    view->compareAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, LoadTimeoutMs);
    QCOMPARE(shown.first().at(0).toString(), versions.at(1).version);
    QCOMPARE(shown.first().at(1).toString(), versions.at(0).version);
    DiffView *diff = view->diffView();
    QVERIFY(diff);
    QVERIFY(view->diffDialog()->isVisible());
    QCOMPARE(diff->filePaths(), expected);
    QCOMPARE(diff->fileList()->topLevelItemCount(), int(expected.size()));
    QCOMPARE(diff->currentPath(), expected.first());
    QVERIFY(diff->patchView()->toPlainText().contains(u"@@ -"_s));
    // The version change is summarised on top.
    bool versionRow = false;
    for (int row = 0; row < diff->metadataList()->topLevelItemCount(); ++row) {
        const QTreeWidgetItem *item = diff->metadataList()->topLevelItem(row);
        if (item->text(0) == u"version"_s) {
            versionRow = true;
            QCOMPARE(item->text(1), versions.at(1).version);
            QCOMPARE(item->text(2), versions.at(0).version);
        }
    }
    QVERIFY(versionRow);

    // Next moves forward (a later hunk or the next file), previous comes back to where it was.
    const QPair<QString, int> start{diff->currentPath(), diff->currentLine()};
    QVERIFY(diff->nextAction()->isEnabled());
    diff->nextAction()->trigger();
    const QPair<QString, int> after{diff->currentPath(), diff->currentLine()};
    QVERIFY2(after != start, "next change did not move");
    QVERIFY(expected.indexOf(after.first) > expected.indexOf(start.first) ||
            (after.first == start.first && after.second > start.second));
    QVERIFY(diff->patchView()->textCursor().block().text().startsWith(u"@@"_s));
    diff->previousAction()->trigger();
    QCOMPARE((QPair<QString, int>{diff->currentPath(), diff->currentLine()}), start);

    // Picking another version in the dialog compares with that one.
    auto *other = child<QComboBox>(view->diffDialog(), u"diffOtherVersion"_s);
    QVERIFY(other);
    other->setCurrentText(versions.last().version);
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, LoadTimeoutMs);
    QCOMPARE(shown.last().at(0).toString(), versions.last().version);
}

void TstGui::diffHighlighter_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("kind");
    QTest::newRow("added") << u"+replicas: 3"_s << int(DiffHighlighter::Line::Added);
    QTest::newRow("removed") << u"-replicas: 2"_s << int(DiffHighlighter::Line::Removed);
    QTest::newRow("hunk") << u"@@ -1,4 +1,4 @@ name: x"_s << int(DiffHighlighter::Line::Hunk);
    QTest::newRow("old file") << u"--- a/values.yaml"_s << int(DiffHighlighter::Line::Header);
    QTest::newRow("new file") << u"+++ b/values.yaml"_s << int(DiffHighlighter::Line::Header);
    QTest::newRow("context") << u" image:"_s << int(DiffHighlighter::Line::Context);
}

void TstGui::diffHighlighter()
{
    QFETCH(QString, line);
    QFETCH(int, kind);
    QTextDocument document;
    DiffHighlighter highlighter(&document);
    document.setPlainText(line);
    highlighter.rehighlight();
    QCOMPARE(int(DiffHighlighter::classify(line)), kind);
    const QList<QTextLayout::FormatRange> formats = document.firstBlock().layout()->formats();
    if (kind == int(DiffHighlighter::Line::Context)) {
        QVERIFY(formats.isEmpty());
    } else {
        QCOMPARE(formats.size(), 1);
        QCOMPARE(formats.first().length, int(line.size()));
        QCOMPARE(formats.first().format.foreground(),
                 highlighter.formatFor(DiffHighlighter::Line(kind)).foreground());
    }
}

void TstGui::uploadPathAndConflict()
{
    ServerFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    QVERIFY(fixture.putChart(u"demo"_s, u"1.0.0"_s));
    LOADED_VIEW(view, fixtureConfig(fixture));
    QStringList asked;
    bool answer = false;
    view->setConfirm([&](const QString &title, const QString &text, const QString &accept) {
        asked.append(title + u'|' + text + u'|' + accept);
        return answer;
    });
    const QString path = m_dir.filePath(u"demo-1.1.0.tgz"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(TestChartFactory::chart(u"demo"_s, u"1.1.0"_s));
    file.close();

    QSignalSpy uploaded(view, &ChartsView::uploaded);
    QSignalSpy failed(view, &ChartsView::uploadFailed);
    QVERIFY(view->uploadAction()->isEnabled());
    view->uploadPath(path);
    QVERIFY(!view->uploadAction()->isEnabled()); // one upload at a time
    QTRY_COMPARE_WITH_TIMEOUT(uploaded.size(), 1, LoadTimeoutMs);
    QCOMPARE(uploaded.first(), (QList<QVariant>{u"demo"_s, u"1.1.0"_s}));
    QVERIFY(asked.isEmpty());
    QVERIFY(view->uploadAction()->isEnabled());
    QVERIFY(!view->uploadProgress()->isVisible());
    QVERIFY(view->selectChart(u"demo"_s));
    QTRY_COMPARE_WITH_TIMEOUT(view->versionsModel()->rowCount(), 2, LoadTimeoutMs);

    // The same version again: 409; declining the overwrite leaves an error naming the conflict.
    view->uploadPath(path);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, LoadTimeoutMs);
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().endsWith(u"|Overwrite"_s), qPrintable(asked.first()));
    QVERIFY2(asked.first().contains(path), qPrintable(asked.first()));
    QCOMPARE(view->banner()->type(), MessageBanner::Type::Error);
    QCOMPARE(uploaded.size(), 1);

    // Accepting retries with force.
    answer = true;
    view->uploadPath(path);
    QTRY_VERIFY_WITH_TIMEOUT(uploaded.size() == 2 || failed.size() > 1, LoadTimeoutMs);
    QVERIFY2(failed.size() == 1, qPrintable(failed.last().first().toString()));
    QCOMPARE(uploaded.size(), 2);
    QCOMPARE(asked.size(), 2);
}

void TstGui::uploadRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("create");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QByteArray() << false << u"Cannot read"_s;
    QTest::newRow("not a chart") << TestChartFactory::notGzip() << true << u"failed"_s;
}

void TstGui::uploadRejectsBadInput()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, create);
    QFETCH(QString, message);
    ServerFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    QVERIFY(fixture.putChart(u"demo"_s, u"1.0.0"_s));
    LOADED_VIEW(view, fixtureConfig(fixture));
    const QString path = m_dir.filePath(u"bad-input.tgz"_s);
    QFile::remove(path);
    if (create) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    QSignalSpy failed(view, &ChartsView::uploadFailed);
    QSignalSpy uploaded(view, &ChartsView::uploaded);
    view->uploadPath(path);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, LoadTimeoutMs);
    const QString text = failed.first().first().toString();
    QVERIFY2(text.contains(path) && text.contains(message), qPrintable(text));
    QCOMPARE(uploaded.size(), 0);
    QVERIFY(view->uploadAction()->isEnabled());
}

void TstGui::deleteAsksNamingChartAndVersion()
{
    ServerFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    QVERIFY(fixture.putChart(u"demo"_s, u"1.0.0"_s));
    QVERIFY(fixture.putChart(u"demo"_s, u"1.1.0"_s));
    LOADED_VIEW(view, fixtureConfig(fixture));
    QVERIFY(view->selectChart(u"demo"_s));
    QVERIFY(view->selectVersion(u"1.0.0"_s));
    QVERIFY(view->deleteAction()->isEnabled());
    QStringList asked;
    bool answer = false;
    view->setConfirm([&](const QString &, const QString &text, const QString &accept) {
        asked.append(text + u'|' + accept);
        return answer;
    });
    QSignalSpy deleted(view, &ChartsView::versionDeleted);
    view->deleteAction()->trigger();
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().contains(u"demo 1.0.0"_s), qPrintable(asked.first()));
    QTest::qWait(0);
    QCOMPARE(deleted.size(), 0);
    QVERIFY(QFile::exists(fixture.repoDirectory() + u"/demo-1.0.0.tgz"_s));

    answer = true;
    view->deleteAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, LoadTimeoutMs);
    QCOMPARE(deleted.first(), (QList<QVariant>{u"demo"_s, u"1.0.0"_s}));
    QVERIFY(!QFile::exists(fixture.repoDirectory() + u"/demo-1.0.0.tgz"_s));
    QTRY_COMPARE_WITH_TIMEOUT(view->versionsModel()->rowCount(), 1, LoadTimeoutMs);
}

void TstGui::deleteRefusedDisablesAction()
{
    ChartMuseumServer::Options options;
    options.disableDelete = true;
    ServerFixture fixture(options);
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    QVERIFY(fixture.putChart(u"demo"_s, u"1.0.0"_s));
    LOADED_VIEW(view, fixtureConfig(fixture));
    QVERIFY(view->selectChart(u"demo"_s));
    QVERIFY(view->selectVersion(u"1.0.0"_s));
    view->setConfirm([](const QString &, const QString &, const QString &) { return true; });
    QSignalSpy failed(view, &ChartsView::deleteFailed);
    QVERIFY(view->deleteAction()->isEnabled());
    view->deleteAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, LoadTimeoutMs);
    QVERIFY(!view->deleteAction()->isEnabled());
    QVERIFY2(view->deleteAction()->toolTip().contains(u"--disable-delete"_s),
             qPrintable(view->deleteAction()->toolTip()));
    QVERIFY(QFile::exists(fixture.repoDirectory() + u"/demo-1.0.0.tgz"_s));
}

std::unique_ptr<ArgoCdServer> TstGui::startArgoServer(int operationMs)
{
    ArgoCdServer::Options options;
    options.operationMs = operationMs;
    options.progressMs = 50;
    options.reconcileMs = 20;
    auto server = std::make_unique<ArgoCdServer>(options);
    QString error;
    if (!server->listen(0, &error)) {
        qWarning("Argo CD server: %s", qPrintable(error));
        return nullptr;
    }
    ArgoCdServer::AppSeed app;
    app.name = u"torvalds"_s;
    app.repoUrl = m_server->url().toString();
    app.chart = u"torvalds"_s;
    app.destinationNamespace = u"torvalds"_s;
    app.autoSync = true;
    const QDateTime start(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC);
    for (int i = 0; i < 4; ++i)
        app.history.append({u"1.0.0-%1"_s.arg(40 + i), start.addDays(i)});
    app.targetRevision = app.history.constLast().first;
    server->addApplication(app);
    return server;
}

MainWindow *TstGui::makeArgoWindow(const QString &token)
{
    QProcessEnvironment environment;
    environment.insert(u"CAPSTAN_ARGOCD_TOKEN"_s, token);
    m_testers.clear();
    m_window.reset();
    m_factory.reset();
    m_credentials = std::make_unique<CredentialStore>(environment, u"capstan-tst-gui"_s);
    m_factory = std::make_unique<ClientFactory>(m_network.get(), m_credentials.get());
    Config config;
    config.file = m_dir.filePath(u"capstan.yaml"_s);
    Config::ArgoCd section;
    section.url = m_argoServer->url();
    section.app = u"torvalds"_s;
    section.username = u"tester"_s; // recorded as who suspended auto-sync; the token wins for auth
    config.argocd = section;
    m_journal = std::make_unique<DeployJournal>(m_dir.filePath(u"journal-%1.sqlite"_s.arg(++m_journals)));
    MainWindow *window = makeWindow(config);
    m_testers.append(std::make_shared<QAbstractItemModelTester>(
        window->historyView()->historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_testers.append(std::make_shared<QAbstractItemModelTester>(
        window->journalView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    return window;
}

ArgoCdClient *TstGui::argoApi()
{
    HttpClient::Options options;
    options.serviceName = u"Argo CD"_s;
    auto *http = new HttpClient(m_network.get(), m_argoServer->url(), options, m_network.get());
    http->setAuth({HttpClient::Auth::Scheme::Bearer, {}, m_argoServer->issueToken(u"admin"_s)});
    return new ArgoCdClient(http, u"torvalds"_s, m_network.get());
}

// Clicks the button of a confirmation box that goes ahead.
static bool acceptConfirmation(QMessageBox *box)
{
    if (!box)
        return false;
    const QList<QAbstractButton *> buttons = box->buttons();
    for (QAbstractButton *button : buttons) {
        if (box->buttonRole(button) == QMessageBox::AcceptRole) {
            button->click();
            return true;
        }
    }
    return false;
}

static QJsonObject argoAnnotations(const ArgoCdServer &server)
{
    return server.application(u"torvalds"_s)
        .value(u"metadata"_s)
        .toObject()
        .value(u"annotations"_s)
        .toObject();
}

static QJsonArray argoHistory(const ArgoCdServer &server)
{
    return server.application(u"torvalds"_s).value(u"status"_s).toObject().value(u"history"_s).toArray();
}

void TstGui::argoBadgeFollowsWatcher()
{
    m_argoServer = startArgoServer(100);
    QVERIFY(m_argoServer);
    MainWindow *window = makeArgoWindow(m_argoServer->issueToken(u"admin"_s));
    ArgoStatusBadge *badge = window->argoStatusBadge();
    QVERIFY(badge);
    QTRY_VERIFY_WITH_TIMEOUT(window->argoCdWatcher(), LoadTimeoutMs);
    QSignalSpy changes(window->argoCdWatcher(), &ArgoCdWatcher::applicationChanged);
    const QJsonObject status = m_argoServer->application(u"torvalds"_s).value(u"status"_s).toObject();
    const QString sync = status.value(u"sync"_s).toObject().value(u"status"_s).toString();
    QVERIFY(!sync.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(badge->syncText(), sync, LoadTimeoutMs);
    QTRY_VERIFY(badge->liveVersionText().contains(u"1.0.0-43"_s));
    QVERIFY(!badge->isSuspensionShown());

    const int before = changes.size();
    m_argoServer->setHealth(u"torvalds"_s, u"Degraded"_s,
                            u"Deployment \"torvalds\" exceeded its progress deadline"_s);
    QTRY_COMPARE_WITH_TIMEOUT(badge->healthText(), u"Degraded"_s, LoadTimeoutMs);
    QVERIFY(changes.size() > before);
    QCOMPARE(changes.last().at(0).value<ArgoApplication>().health, u"Degraded"_s);
    m_argoServer->setHealth(u"torvalds"_s, u"Healthy"_s);
    QTRY_COMPARE_WITH_TIMEOUT(badge->healthText(), u"Healthy"_s, LoadTimeoutMs);
}

void TstGui::historyViewShowsRowsNewestFirst()
{
    m_argoServer = startArgoServer(100);
    QVERIFY(m_argoServer);
    MainWindow *window = makeArgoWindow(m_argoServer->issueToken(u"admin"_s));
    HistoryView *view = window->historyView();
    HistoryModel *model = view->historyModel();
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), HistoryView::State::Ready, LoadTimeoutMs);
    const QJsonArray history = argoHistory(*m_argoServer);
    QCOMPARE(model->rowCount(), int(history.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        const QJsonObject entry = history.at(history.size() - 1 - row).toObject();
        const QModelIndex index = model->index(row, HistoryModel::VersionColumn);
        QCOMPARE(index.data(HistoryModel::HistoryIdRole).toLongLong(), entry.value(u"id"_s).toInteger());
        QCOMPARE(index.data(HistoryModel::RevisionRole).toString(), entry.value(u"revision"_s).toString());
        QCOMPARE(index.data(HistoryModel::IsLiveRole).toBool(), row == 0);
    }
    // The default selection is the previous deployment, and Rollback is offered for it.
    const qint64 previous = history.at(history.size() - 2).toObject().value(u"id"_s).toInteger();
    QCOMPARE(view->selectedHistoryId(), std::optional<qint64>(previous));
    auto *rollback = child<QPushButton>(view, u"rollbackButton"_s);
    QVERIFY(rollback->isEnabled());
    // Not on the live entry.
    QVERIFY(view->selectHistoryId(history.last().toObject().value(u"id"_s).toInteger()));
    QVERIFY(!rollback->isEnabled());
    QVERIFY(child<QLabel>(view, u"historySelection"_s)->text().contains(u"live"_s));
    // The summary on top.
    QCOMPARE(child<QLabel>(view, u"historyAppName"_s)->text(), u"torvalds"_s);
    QVERIFY(child<QLabel>(view, u"historyDetails"_s)->text().contains(u"auto-sync on"_s));
}

void TstGui::rollbackWithAutoSyncSuspendsFirstAndRestoreClears()
{
    m_argoServer = startArgoServer(100);
    QVERIFY(m_argoServer);
    MainWindow *window = makeArgoWindow(m_argoServer->issueToken(u"admin"_s));
    HistoryView *view = window->historyView();
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), HistoryView::State::Ready, LoadTimeoutMs);
    const QJsonArray before = argoHistory(*m_argoServer);
    const QJsonObject target = before.at(before.size() - 2).toObject();
    QCOMPARE(view->selectedHistoryId(), std::optional<qint64>(target.value(u"id"_s).toInteger()));

    view->rollbackSelected();
    RollbackDialog *dialog = view->rollbackDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->requiresSuspension());
    // from → to
    QCOMPARE(child<QLabel>(dialog, u"rollbackFromVersion"_s)->text(),
             before.last()[u"revision"_s].toString());
    QCOMPARE(child<QLabel>(dialog, u"rollbackToVersion"_s)->text(), target.value(u"revision"_s).toString());
    QVERIFY(child<QLabel>(dialog, u"rollbackToDetails"_s)
                ->text()
                .contains(u"#%1"_s.arg(target.value(u"id"_s).toInteger())));
    auto *confirm = child<QPushButton>(dialog, u"rollbackConfirmButton"_s);
    auto *check = child<QCheckBox>(dialog, u"suspendAutoSyncCheck"_s);
    auto *reason = child<QLineEdit>(dialog, u"suspendReasonEdit"_s);
    QVERIFY(confirm && check && reason);
    QVERIFY(!confirm->isEnabled());
    reason->setText(u"1.0.0-43 breaks the login page"_s);
    QVERIFY(!confirm->isEnabled()); // the suspension is required, not only the reason
    reason->clear();
    check->setChecked(true);
    QVERIFY(!confirm->isEnabled()); // and the reason is required
    QVERIFY(dialog->missingInput().contains(u"reason"_s));
    reason->setText(u"   "_s);
    QVERIFY(!confirm->isEnabled());
    reason->setText(u"1.0.0-43 breaks the login page"_s);
    QVERIFY(confirm->isEnabled());
    QSignalSpy started(dialog, &RollbackDialog::rollbackStarted);
    confirm->click();
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, LoadTimeoutMs);

    // Recorded on the application itself.
    const QJsonObject annotations = argoAnnotations(*m_argoServer);
    QCOMPARE(annotations.value(ArgoApplication::SuspendedByAnnotation).toString(), u"tester"_s);
    QCOMPARE(annotations.value(ArgoApplication::SuspendedReasonAnnotation).toString(),
             u"1.0.0-43 breaks the login page"_s);
    QVERIFY(QDateTime::fromString(annotations.value(ArgoApplication::SuspendedAtAnnotation).toString(),
                                  Qt::ISODate)
                .isValid());
    // The rollback runs to a new history entry with the target's version.
    QTRY_COMPARE_WITH_TIMEOUT(argoHistory(*m_argoServer).size(), before.size() + 1, LoadTimeoutMs);
    QCOMPARE(argoHistory(*m_argoServer).last()[u"revision"_s].toString(),
             target.value(u"revision"_s).toString());
    QTRY_COMPARE_WITH_TIMEOUT(view->historyModel()->rowCount(), int(before.size() + 1), LoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isProgressShown(), LoadTimeoutMs);
    QVERIFY(view->operationBanner()->isVisibleTo(view));
    QVERIFY(view->operationBanner()->text().contains(u"Rollback"_s));
    // The paused state stays visible in the view and the status bar.
    QVERIFY(view->suspensionBanner()->isVisibleTo(view));
    QVERIFY(view->suspensionBanner()->text().contains(u"tester"_s));
    QVERIFY(view->suspensionBanner()->text().contains(u"breaks the login page"_s));
    QTRY_VERIFY(window->argoStatusBadge()->isSuspensionShown());

    // Restoring asks first, naming what auto-sync deploys: the version that was rolled back from.
    QSignalSpy restored(view, &HistoryView::autoSyncRestored);
    const QString rolledBackFrom = before.last()[u"revision"_s].toString();
    Q_EMIT view->suspensionBanner()->actionTriggered();
    QMessageBox *ask = view->confirmationBox();
    QVERIFY(ask);
    QVERIFY2(ask->text().contains(u"will deploy %1 (the target revision), replacing %2"_s.arg(
                 rolledBackFrom, target.value(u"revision"_s).toString())),
             qPrintable(ask->text()));
    QVERIFY2(
        ask->informativeText().contains(u"%1 is the version that was rolled back from (history #%2"_s.arg(
            rolledBackFrom, QString::number(before.last()[u"id"_s].toInteger()))),
        qPrintable(ask->informativeText()));
    QCOMPARE(ask->icon(), QMessageBox::Warning);
    // Cancel changes nothing.
    ask->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!view->confirmationBox());
    QVERIFY(argoAnnotations(*m_argoServer).contains(ArgoApplication::SuspendedByAnnotation));
    QCOMPARE(restored.size(), 0);
    // Confirmed, it restores auto-sync and clears the record.
    Q_EMIT view->suspensionBanner()->actionTriggered();
    QVERIFY(acceptConfirmation(view->confirmationBox()));
    QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, LoadTimeoutMs);
    const QJsonObject after = argoAnnotations(*m_argoServer);
    QVERIFY(!after.contains(ArgoApplication::SuspendedByAnnotation));
    QVERIFY(!after.contains(ArgoApplication::SuspendedReasonAnnotation));
    QVERIFY(!after.contains(ArgoApplication::SuspendedAtAnnotation));
    QVERIFY(m_argoServer->application(u"torvalds"_s)[u"spec"_s][u"syncPolicy"_s].toObject().contains(
        u"automated"_s));
    QVERIFY(!view->suspensionBanner()->isVisibleTo(view));
    QTRY_VERIFY(!window->argoStatusBadge()->isSuspensionShown());

    // All three actions are in the journal, newest first, under the deploy lock's name for the user, and
    // the Journal view lists them.
    const QList<DeployJournal::Action> actions = m_journal->actions(10);
    QCOMPARE(actions.size(), 3);
    const QStringList kinds = {u"auto-sync-on"_s, u"rollback"_s, u"auto-sync-off"_s};
    for (int i = 0; i < actions.size(); ++i) {
        QCOMPARE(actions.at(i).kind, kinds.at(i));
        QCOMPARE(actions.at(i).outcome, u"succeeded"_s);
        QCOMPARE(actions.at(i).user, DeployLock::defaultHolder());
        QCOMPARE(actions.at(i).application, u"torvalds"_s);
    }
    QCOMPARE(actions.at(1).reason, u"1.0.0-43 breaks the login page"_s);
    QCOMPARE(actions.at(2).reason, u"1.0.0-43 breaks the login page"_s);
    QVERIFY2(
        actions.at(1).message.contains(u"%1 → %2"_s.arg(rolledBackFrom, target[u"revision"_s].toString())),
        qPrintable(actions.at(1).message));
    QVERIFY2(actions.at(0).message.contains(
                 u"→ %1 (the target revision), the version rolled back from"_s.arg(rolledBackFrom)),
             qPrintable(actions.at(0).message));
    JournalModel *journal = window->journalView()->model();
    QCOMPARE(journal->rowCount(), 3);
    QCOMPARE(journal->index(0, 0).data(JournalModel::KindRole).toString(), u"auto-sync-on"_s);
    QCOMPARE(journal->index(1, JournalModel::KindColumn).data().toString(), u"Rollback"_s);
}

void TstGui::rejectedTokenAsksToLogIn()
{
    m_argoServer = startArgoServer(100);
    QVERIFY(m_argoServer);
    MainWindow *window = makeArgoWindow(m_argoServer->issueToken(u"admin"_s, true));
    MessageBanner *banner = window->argoCdLoginBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisibleTo(window), LoadTimeoutMs);
    QVERIFY(banner->text().contains(u"session expired or token rejected"_s));
    QVERIFY(banner->hint().contains(u"401"_s) || banner->hint().contains(u"expired"_s));
    QVERIFY(window->argoStatusBadge()->syncText().isEmpty());
    Q_EMIT banner->actionTriggered();
    auto *dialog = window->findChild<ArgoLoginDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // The token in the environment wins over the keychain; the dialog says so.
    QVERIFY(dialog->findChild<QLabel *>(u"argoLoginEnvironmentNote"_s));
    // A pasted non-JWT is refused with a reason, not stored.
    dialog->findChild<QTabWidget *>(u"argoLoginTabs"_s)->setCurrentIndex(1);
    dialog->findChild<QLineEdit *>(u"argoLoginToken"_s)->setText(u"not-a-token"_s);
    dialog->logIn();
    QVERIFY(dialog->findChild<MessageBanner *>()->text().contains(u"three parts"_s));
    QVERIFY(dialog->isVisible());
}

void TstGui::longOperationOffersTerminate()
{
    m_argoServer = startArgoServer(10 * 60 * 1000); // the operation outlives the test
    QVERIFY(m_argoServer);
    MainWindow *window = makeArgoWindow(m_argoServer->issueToken(u"admin"_s));
    ArgoStatusBadge *badge = window->argoStatusBadge();
    HistoryView *view = window->historyView();
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), HistoryView::State::Ready, LoadTimeoutMs);
    QVERIFY(badge->longOperationThresholdMs() >= ArgoStatusBadge::MinimumLongOperationMs);
    QVERIFY(!badge->isLongOperation());
    badge->setLongOperationThreshold(0); // every running operation counts as long

    view->syncNow();
    QVERIFY(acceptConfirmation(view->confirmationBox()));
    QTRY_VERIFY_WITH_TIMEOUT(badge->isLongOperation(), LoadTimeoutMs);
    auto *terminate = child<QToolButton>(badge, u"argoTerminateButton"_s);
    QVERIFY(terminate->isVisibleTo(badge));
    QVERIFY(badge->operationText().contains(u"longer than usual"_s));
    QVERIFY(view->isProgressShown());

    terminate->click();
    QVERIFY(acceptConfirmation(view->confirmationBox()));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_argoServer->application(u"torvalds"_s)[u"status"_s][u"operationState"_s][u"phase"_s].toString(),
        u"Failed"_s, LoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!badge->isOperationShown(), LoadTimeoutMs);
    QVERIFY(!badge->isLongOperation());
}

void TstGui::historyErrorIsInlineAndRetryRecovers()
{
    m_argoServer = startArgoServer(100);
    QVERIFY(m_argoServer);
    ArgoCdServer::Fault fault;
    fault.pathPrefix = u"/api/v1/"_s;
    fault.method = "GET";
    fault.status = 503;
    fault.count = -1;
    m_argoServer->addFault(fault);
    MainWindow *window = makeArgoWindow(m_argoServer->issueToken(u"admin"_s));
    HistoryView *view = window->historyView();
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), HistoryView::State::Failed, LoadTimeoutMs);
    QVERIFY(view->errorBanner()->isVisibleTo(view));
    QCOMPARE(view->errorBanner()->type(), MessageBanner::Type::Error);
    QVERIFY2(view->errorBanner()->text().contains(u"503"_s), qPrintable(view->errorBanner()->text()));
    QVERIFY(!window->argoCdLoginBanner()->isVisibleTo(window)); // not a session problem
    QVERIFY(!child<QPushButton>(view, u"rollbackButton"_s)->isEnabled());

    m_argoServer->clearFaults();
    Q_EMIT view->errorBanner()->actionTriggered(); // Retry
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), HistoryView::State::Ready, LoadTimeoutMs);
    QVERIFY(!view->errorBanner()->isVisibleTo(view));
    QCOMPARE(view->historyModel()->rowCount(), int(argoHistory(*m_argoServer).size()));
}

void TstGui::defaultRollbackTargetFollowsTheHistory()
{
    m_argoServer = startArgoServer(100);
    QVERIFY(m_argoServer);
    MainWindow *window = makeArgoWindow(m_argoServer->issueToken(u"admin"_s));
    HistoryView *view = window->historyView();
    HistoryModel *model = view->historyModel();
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), HistoryView::State::Ready, LoadTimeoutMs);
    // 1.0.0-40 … 1.0.0-43 (ids 0 … 3), 43 live: the previous deployment, 42, is proposed.
    QCOMPARE(view->defaultTargetId(), std::optional<qint64>(2));
    QCOMPARE(view->selectedHistoryId(), std::optional<qint64>(2));
    QSignalSpy targetChanged(model, &HistoryModel::rollbackTargetChanged);

    // A deploy that did not go through this view: Argo CD's API moves the target, auto-sync deploys it.
    ArgoCdClient *api = argoApi();
    api->setTargetRevision(u"1.0.0-44"_s);
    QTRY_COMPARE_WITH_TIMEOUT(argoHistory(*m_argoServer).size(), 5, LoadTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(view->defaultTargetId(), std::optional<qint64>(3), LoadTimeoutMs);
    QCOMPARE(view->selectedHistoryId(), std::optional<qint64>(3));
    QCOMPARE(targetChanged.size(), 1);
    QCOMPARE(targetChanged.first().at(0).toLongLong(), 3);
    QCOMPARE(model->index(0, 0).data(HistoryModel::RevisionRole).toString(), u"1.0.0-44"_s);
    QVERIFY(model->index(0, 0).data(HistoryModel::IsLiveRole).toBool());
    QCOMPARE(model->index(1, 0).data(HistoryModel::RevisionRole).toString(), u"1.0.0-43"_s);
    QVERIFY(model->index(1, 0).data(HistoryModel::IsRollbackTargetRole).toBool());
    QVERIFY(!model->index(2, 0).data(HistoryModel::IsRollbackTargetRole).toBool());
    // The same rule as the CLI's `rollback` without an id.
    QCOMPARE(view->defaultTargetId(),
             std::optional<qint64>(view->application()->defaultRollbackTarget()->id));

    // The Rollback dialog proposes the new previous deployment (once the auto-sync operation has ended).
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(view, u"rollbackButton"_s)->isEnabled(), LoadTimeoutMs);
    view->rollbackSelected();
    RollbackDialog *dialog = view->rollbackDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->targetId(), 3);
    QCOMPARE(child<QLabel>(dialog, u"rollbackToVersion"_s)->text(), u"1.0.0-43"_s);
    QCOMPARE(child<QLabel>(dialog, u"rollbackFromVersion"_s)->text(), u"1.0.0-44"_s);
    dialog->reject();

    // A choice of the user survives a refresh that changes nothing, but not the next deploy.
    QVERIFY(view->selectHistoryId(0));
    QSignalSpy loaded(view, &HistoryView::applicationLoaded);
    view->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), LoadTimeoutMs);
    QCOMPARE(view->selectedHistoryId(), std::optional<qint64>(0));
    api->setTargetRevision(u"1.0.0-45"_s);
    QTRY_COMPARE_WITH_TIMEOUT(view->defaultTargetId(), std::optional<qint64>(4), LoadTimeoutMs);
    QCOMPARE(view->selectedHistoryId(), std::optional<qint64>(4));
    QCOMPARE(targetChanged.size(), 2);
}

void TstGui::rollbackDialogRefusesWhenArgoCdChanged()
{
    m_argoServer = startArgoServer(100);
    QVERIFY(m_argoServer);
    MainWindow *window = makeArgoWindow(m_argoServer->issueToken(u"admin"_s));
    HistoryView *view = window->historyView();
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), HistoryView::State::Ready, LoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(view, u"rollbackButton"_s)->isEnabled(), LoadTimeoutMs);
    view->rollbackSelected();
    QPointer<RollbackDialog> dialog = view->rollbackDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->targetId(), 2);
    child<QCheckBox>(dialog, u"suspendAutoSyncCheck"_s)->setChecked(true);
    child<QLineEdit>(dialog, u"suspendReasonEdit"_s)->setText(u"43 breaks the login page"_s);
    auto *confirm = child<QPushButton>(dialog, u"rollbackConfirmButton"_s);
    QVERIFY(confirm->isEnabled());

    // Meanwhile someone else deploys 1.0.0-44 through Argo CD's API.
    argoApi()->setTargetRevision(u"1.0.0-44"_s);
    QTRY_COMPARE_WITH_TIMEOUT(argoHistory(*m_argoServer).size(), 5, LoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(view->application() && !view->application()->operationInProgress() &&
                                 view->application()->liveRevision() == u"1.0.0-44"_s,
                             LoadTimeoutMs);

    QSignalSpy refused(dialog.data(), &RollbackDialog::refused);
    QSignalSpy started(dialog.data(), &RollbackDialog::rollbackStarted);
    confirm->click();
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, LoadTimeoutMs);
    QCOMPARE(started.size(), 0);
    const QString changes = refused.first().at(0).toStringList().join(u'\n');
    QVERIFY2(changes.contains(u"1.0.0-44 runs now (history #4), not 1.0.0-43"_s), qPrintable(changes));
    QVERIFY2(changes.contains(u"the target revision is 1.0.0-44 now, not 1.0.0-43"_s), qPrintable(changes));
    // Nothing happened in Argo CD: no suspension, no rollback.
    QVERIFY(!argoAnnotations(*m_argoServer).contains(ArgoApplication::SuspendedByAnnotation));
    QCOMPARE(argoHistory(*m_argoServer).size(), 5);
    // The dialog stays open and shows the new state.
    QVERIFY(dialog->isVisible());
    QCOMPARE(child<QLabel>(dialog, u"rollbackFromVersion"_s)->text(), u"1.0.0-44"_s);
    QCOMPARE(child<QLabel>(dialog, u"rollbackToVersion"_s)->text(), u"1.0.0-42"_s);
    QVERIFY(dialog->findChild<MessageBanner *>()->text().contains(u"Nothing was rolled back"_s));
    QVERIFY(child<QLabel>(dialog, u"rollbackNote"_s)->text().contains(u"1.0.0-44"_s));
    QVERIFY(confirm->isEnabled());
    const QList<DeployJournal::Action> refusedActions = m_journal->actions(10);
    QCOMPARE(refusedActions.size(), 1);
    QCOMPARE(refusedActions.first().kind, u"rollback"_s);
    QCOMPARE(refusedActions.first().outcome, u"refused"_s);
    QVERIFY2(refusedActions.first().message.contains(u"1.0.0-44 runs now"_s),
             qPrintable(refusedActions.first().message));

    // Confirmed again against what it shows now, it goes ahead.
    QSignalSpy changed(window, &MainWindow::dataChanged);
    confirm->click();
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, LoadTimeoutMs);
    QCOMPARE(refused.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(argoHistory(*m_argoServer).size(), 6, LoadTimeoutMs);
    QCOMPARE(argoHistory(*m_argoServer).last()[u"revision"_s].toString(), u"1.0.0-42"_s);
    QCOMPARE(m_journal->actions(10).first().kind, u"rollback"_s);
    QCOMPARE(m_journal->actions(10).first().outcome, u"succeeded"_s);

    // When the rollback's operation ends, the views reload by themselves: History shows 1.0.0-42 live, the
    // status badge follows it, the journal lists the rollback; no F5.
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), LoadTimeoutMs);
    const auto liveRevision = [view] {
        const HistoryModel *model = view->historyModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(HistoryModel::IsLiveRole).toBool())
                return index.data(HistoryModel::RevisionRole).toString();
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(liveRevision(), u"1.0.0-42"_s, LoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window->argoStatusBadge()->liveVersionText().contains(u"1.0.0-42"_s),
                             LoadTimeoutMs);
    JournalModel *journal = window->journalView()->model();
    const auto rollbacks = [journal] {
        int count = 0;
        for (int row = 0; row < journal->rowCount(); ++row) {
            if (journal->index(row, JournalModel::KindColumn).data().toString() ==
                JournalModel::kindLabel(u"rollback"_s))
                ++count;
        }
        return count;
    };
    QTRY_COMPARE_WITH_TIMEOUT(rollbacks(), 2, LoadTimeoutMs); // the refused one and this one
}

void TstGui::viewsRefreshAfterADeployPublishes()
{
    ServerFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    QVERIFY(fixture.putChart(u"demo"_s, u"1.0.0"_s));
    LOADED_VIEW(view, fixtureConfig(fixture));
    MainWindow *window = m_window.get();
    const auto latest = [view] {
        const int row = view->chartListModel()->rowOf(u"demo"_s);
        return row < 0
                   ? QString()
                   : view->chartListModel()->index(row, 0).data(ChartListModel::LatestVersionRole).toString();
    };
    QCOMPARE(latest(), u"1.0.0"_s);

    // A deploy publishes demo 1.1.0 (through its own client, not the Charts view) and ends.
    QVERIFY(fixture.putChart(u"demo"_s, u"1.1.0"_s));
    QSignalSpy changed(window, &MainWindow::dataChanged);
    Q_EMIT window->pipelineView()->finished(PipelineRunner::Outcome::Succeeded);
    QCOMPARE(changed.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(latest(), u"1.1.0"_s, LoadTimeoutMs);
}

void TstGui::historyKeptWhenARefreshFails()
{
    m_argoServer = startArgoServer(100);
    QVERIFY(m_argoServer);
    MainWindow *window = makeArgoWindow(m_argoServer->issueToken(u"admin"_s));
    HistoryView *view = window->historyView();
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), HistoryView::State::Ready, LoadTimeoutMs);
    const int rows = view->historyModel()->rowCount();
    QCOMPARE(rows, int(argoHistory(*m_argoServer).size()));

    ArgoCdServer::Fault fault;
    fault.pathPrefix = u"/api/v1/"_s;
    fault.method = "GET";
    fault.status = 500;
    fault.count = -1;
    m_argoServer->addFault(fault);
    view->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(view->errorBanner()->isVisibleTo(view), LoadTimeoutMs);
    const QString text = view->errorBanner()->text();
    QVERIFY2(
        text.startsWith(u"Showing the history from just now; could not read the application from Argo CD"_s),
        qPrintable(text));
    QVERIFY2(text.contains(u"500"_s), qPrintable(text));
    QCOMPARE(view->state(), HistoryView::State::Ready);
    QCOMPARE(view->historyModel()->rowCount(), rows);
}

QTEST_MAIN(TstGui)
#include "tst_gui.moc"
