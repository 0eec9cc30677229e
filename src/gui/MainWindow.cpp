#include "MainWindow.h"
#include "ui_mainwindow.h"

#include "ArgoLoginDialog.h"
#include "ArgoStatusBadge.h"
#include "BuildsView.h"
#include "ChartsView.h"
#include "FutureWatch.h"
#include "HistoryView.h"
#include "MessageBanner.h"
#include "SettingsDialog.h"

#include "app/ClientFactory.h"
#include "argocd/ArgoCdClient.h"
#include "argocd/ArgoCdWatcher.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "config/ConfigLoader.h"
#include "net/ApiError.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {
constexpr int HealthIntervalMs = 60 * 1000;
constexpr auto GeometryKey = "mainWindow/geometry"_L1;
constexpr auto StateKey = "mainWindow/state"_L1;
constexpr auto NavigationSplitterKey = "mainWindow/navigationSplitter"_L1;
constexpr auto CurrentViewKey = "mainWindow/currentView"_L1;
} // namespace

MainWindow::MainWindow(const Setup &setup, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_setup(setup)
    , m_chartsView(new ChartsView(this))
    , m_serverLabel(new QLabel(this))
    , m_healthLabel(new QLabel(this))
    , m_refreshLabel(new QLabel(this))
    , m_healthTimer(new QTimer(this))
    , m_historyView(new HistoryView(this))
    , m_argoStatusBadge(new ArgoStatusBadge(this))
    , m_argoCdLoginBanner(new MessageBanner(this))
{
    ui->setupUi(this);
    if (QFile::exists(u":/icons/capstan.svg"_s)) // tests run without the resources
        setWindowIcon(QIcon(u":/icons/capstan.svg"_s));

    ui->sandboxBanner->setVisible(m_setup.sandbox);
    ui->sandboxBanner->setStyleSheet(u"QLabel#sandboxBanner { background: #e8a317; color: #1d1d1d;"
                                     " font-weight: bold; padding: 6px; letter-spacing: 1px; }"_s);

    ui->navigationList->setStyleSheet(
        u"QListWidget#navigationList { background: palette(alternate-base); padding-top: 8px; outline: 0; }"
        " QListWidget#navigationList::item { padding: 9px 14px; border-radius: 4px; margin: 1px 6px; }"
        " QListWidget#navigationList::item:selected { background: palette(highlight);"
        " color: palette(highlighted-text); }"_s);
    ui->navigationSplitter->setStretchFactor(0, 0);
    ui->navigationSplitter->setStretchFactor(1, 1);
    ui->navigationSplitter->setSizes({150, 1200});
    connect(ui->navigationList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        ui->viewStack->setCurrentIndex(row);
        setWindowTitle(ui->navigationList->item(row)->text());
    });

    m_buildsView = new BuildsView(this);
    m_buildsView->setUserName(argoCdUser());
    addView(tr("Builds"), style()->standardIcon(QStyle::SP_ComputerIcon), m_buildsView);
    addView(tr("Charts"), style()->standardIcon(QStyle::SP_FileDialogDetailedView), m_chartsView);
    addView(tr("History"), style()->standardIcon(QStyle::SP_BrowserReload), m_historyView);

    m_serverLabel->setObjectName(u"serverLabel"_s);
    m_healthLabel->setObjectName(u"healthLabel"_s);
    m_refreshLabel->setObjectName(u"refreshLabel"_s);
    m_serverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_serverLabel, 1);
    statusBar()->addPermanentWidget(m_argoStatusBadge);
    statusBar()->addPermanentWidget(m_healthLabel);
    statusBar()->addPermanentWidget(m_refreshLabel);
    statusBar()->setSizeGripEnabled(true);

    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui->actionRefresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(ui->actionSettings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_chartsView, &ChartsView::settingsRequested, this, &MainWindow::openSettings);
    connect(m_chartsView, &ChartsView::reconnectRequested, this, &MainWindow::reconnect);
    connect(m_chartsView, &ChartsView::chartsLoaded, this, [this] {
        m_lastRefresh = QDateTime::currentDateTime();
        m_refreshLabel->setText(
            tr("Last refresh %1").arg(QLocale().toString(m_lastRefresh.time(), QLocale::ShortFormat)));
        m_refreshLabel->setToolTip(QLocale().toString(m_lastRefresh, QLocale::LongFormat));
        if (m_health != Health::Healthy)
            checkHealth();
    });
    connect(m_chartsView, &ChartsView::loadFailed, this, [this] { checkHealth(); });

    m_argoCdLoginBanner->clear();
    ui->centralLayout->insertWidget(ui->centralLayout->indexOf(ui->sandboxBanner) + 1, m_argoCdLoginBanner);
    connect(m_argoCdLoginBanner, &MessageBanner::actionTriggered, this, &MainWindow::openArgoCdLogin);
    connect(m_historyView, &HistoryView::argoCdErrorOccurred, this, &MainWindow::handleArgoCdError);
    connect(m_historyView, &HistoryView::loginRequested, this, &MainWindow::openArgoCdLogin);
    connect(m_historyView, &HistoryView::applicationLoaded, m_argoStatusBadge,
            &ArgoStatusBadge::setApplication);
    connect(m_argoStatusBadge, &ArgoStatusBadge::terminateRequested, m_historyView,
            &HistoryView::terminateOperation);
    connect(m_argoStatusBadge, &ArgoStatusBadge::restoreAutoSyncRequested, m_historyView,
            &HistoryView::restoreAutoSync);

    m_healthTimer->setInterval(HealthIntervalMs);
    connect(m_healthTimer, &QTimer::timeout, this, &MainWindow::checkHealth);

    restoreWindowState();
    reconnect();
}

MainWindow::~MainWindow() = default;

int MainWindow::addView(const QString &title, const QIcon &icon, QWidget *view)
{
    auto *item = new QListWidgetItem(icon, title, ui->navigationList);
    item->setSizeHint(QSize(0, fontMetrics().height() + 20));
    const int index = ui->viewStack->addWidget(view);
    if (ui->navigationList->currentRow() < 0)
        ui->navigationList->setCurrentRow(index);
    return index;
}

void MainWindow::showView(QWidget *view)
{
    const int index = ui->viewStack->indexOf(view);
    if (index >= 0)
        ui->navigationList->setCurrentRow(index);
}

void MainWindow::reconnect()
{
    reconnectArgoCd();
    m_buildsView->connectServices(m_setup.factory, m_setup.config);
    const quint64 generation = ++m_connectGeneration;
    m_client = nullptr;
    m_healthTimer->stop();
    const std::optional<Config::ChartMuseum> &section = m_setup.config.chartmuseum;
    if (!section) {
        m_serverLabel->setText(tr("ChartMuseum: not configured"));
        m_serverLabel->setToolTip(m_setup.configPath.isEmpty() ? tr("No capstan.yaml found")
                                                               : m_setup.configPath);
        QString reason;
        if (!m_setup.configError.isEmpty())
            reason = tr("capstan.yaml could not be read:\n%1\n\nFix the file, or open Settings to write the "
                        "server settings again.")
                         .arg(m_setup.configError);
        else if (m_setup.configPath.isEmpty())
            reason = tr("No capstan.yaml was found — open Settings to add the ChartMuseum server.");
        else
            reason =
                tr("No chartmuseum section in %1 — open Settings to add the server.").arg(m_setup.configPath);
        m_chartsView->showNotConfigured(
            reason, m_setup.configError.isEmpty() ? QString() : tr("The configuration has an error"));
        setHealth(Health::NotConfigured);
        return;
    }

    m_serverLabel->setText(tr("ChartMuseum: %1").arg(section->url.toDisplayString()));
    m_serverLabel->setToolTip(m_setup.configPath);
    m_chartsView->showConnecting(section->url);
    setHealth(Health::Checking);
    FutureWatch::watch(
        this, m_setup.factory->chartMuseum(m_setup.config),
        [this, generation](ChartMuseumClient *client) {
            if (generation != m_connectGeneration)
                return;
            m_client = client;
            m_chartsView->setClient(client);
            checkHealth();
            m_healthTimer->start();
        },
        [this, generation](const ApiError &error) {
            if (generation != m_connectGeneration)
                return;
            m_chartsView->showUnavailable(error);
            setHealth(Health::NotConfigured, error.toString());
        });
}

void MainWindow::refresh()
{
    if (!m_client) {
        reconnect();
        return;
    }
    m_buildsView->refresh();
    m_chartsView->refresh();
    checkHealth();
}

void MainWindow::checkHealth()
{
    if (!m_client)
        return;
    const quint64 generation = ++m_healthGeneration;
    if (m_health == Health::NotConfigured)
        setHealth(Health::Checking);
    FutureWatch::watch(
        this, m_client->health(),
        [this, generation](bool healthy) {
            if (generation == m_healthGeneration)
                setHealth(healthy ? Health::Healthy : Health::Unhealthy);
        },
        [this, generation](const ApiError &error) {
            if (generation != m_healthGeneration)
                return;
            const bool offline =
                error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Timeout;
            setHealth(offline ? Health::Unreachable : Health::Unhealthy, error.toString());
        });
}

void MainWindow::setHealth(Health health, const QString &detail)
{
    QString text;
    QString color;
    switch (health) {
    case Health::NotConfigured:
        text = tr("Not connected");
        color = u"#8a8a8a"_s;
        break;
    case Health::Checking:
        text = tr("Connecting…");
        color = u"#d49a1f"_s;
        break;
    case Health::Healthy:
        text = tr("Connected");
        color = u"#2e9d4a"_s;
        break;
    case Health::Unhealthy:
        text = tr("Unhealthy");
        color = u"#d0463b"_s;
        break;
    case Health::Unreachable:
        text = tr("Unreachable");
        color = u"#d0463b"_s;
        break;
    }
    m_healthLabel->setText(u"<span style=\"color:%1\">●</span> %2"_s.arg(color, text.toHtmlEscaped()));
    m_healthLabel->setToolTip(detail);
    if (m_health == health)
        return;
    m_health = health;
    Q_EMIT healthChanged(health);
}

void MainWindow::openSettings()
{
    auto *dialog =
        new SettingsDialog(m_setup.config, m_setup.configPath, m_setup.credentials, m_setup.sandbox, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!dialog->savedPath().isEmpty())
            applySavedConfig(dialog->savedPath());
        else
            reconnect(); // only credentials changed
    });
    dialog->open();
}

void MainWindow::applySavedConfig(const QString &path)
{
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::loadFile(path, &error);
    m_setup.configPath = path;
    if (config) {
        m_setup.config = *config;
        m_setup.configError.clear();
    } else {
        m_setup.config = Config();
        m_setup.configError = error.toString();
    }
    reconnect();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Capstan"),
        tr("<h3>Capstan %1</h3><p>A release manager for a GitOps flow: GitHub builds, Helm charts in "
           "ChartMuseum and Argo CD deployments.</p><p>Configuration: %2</p>")
            .arg(QApplication::applicationVersion(),
                 m_setup.configPath.isEmpty() ? tr("none") : m_setup.configPath.toHtmlEscaped()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveWindowState()
{
    if (!m_setup.settings)
        return;
    QSettings &settings = *m_setup.settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(NavigationSplitterKey, ui->navigationSplitter->saveState());
    settings.setValue(CurrentViewKey, ui->navigationList->currentRow());
    m_chartsView->saveSettings(settings);
    settings.sync();
}

void MainWindow::restoreWindowState()
{
    if (!m_setup.settings)
        return;
    const QSettings &settings = *m_setup.settings;
    restoreGeometry(settings.value(GeometryKey).toByteArray());
    restoreState(settings.value(StateKey).toByteArray());
    ui->navigationSplitter->restoreState(settings.value(NavigationSplitterKey).toByteArray());
    m_chartsView->restoreSettings(settings);
}

void MainWindow::reconnectArgoCd()
{
    const quint64 generation = ++m_argoCdGeneration;
    if (m_argoCdWatcher) {
        m_argoCdWatcher->stop();
        m_argoCdWatcher->deleteLater();
    }
    m_argoCdWatcher = nullptr;
    m_argoCdClient = nullptr;
    m_argoCdLoginBanner->clear();
    const std::optional<Config::ArgoCd> &section = m_setup.config.argocd;
    if (!section) {
        m_argoStatusBadge->showText(tr("not configured"), tr("capstan.yaml has no argocd section"));
        m_historyView->showNotConfigured(
            tr("Argo CD is not configured — open Settings to add the server and the application."));
        m_buildsView->setServiceUnavailable(
            BuildsModel::Service::ArgoCd,
            ApiError(ApiError::Kind::Config, tr("capstan.yaml has no argocd section")));
        return;
    }
    m_argoStatusBadge->showText(tr("connecting…"), section->url.toDisplayString());
    m_historyView->showConnecting(section->url.toDisplayString());
    FutureWatch::watch(
        this, m_setup.factory->argoCd(m_setup.config),
        [this, generation](ArgoCdClient *client) {
            if (generation != m_argoCdGeneration)
                return;
            m_argoCdClient = client;
            ArgoCdWatcher *watcher = client->watch(this);
            m_argoCdWatcher = watcher;
            connect(watcher, &ArgoCdWatcher::applicationChanged, m_historyView, &HistoryView::setApplication);
            connect(watcher, &ArgoCdWatcher::applicationChanged, m_argoStatusBadge,
                    &ArgoStatusBadge::setApplication);
            connect(watcher, &ArgoCdWatcher::errorOccurred, this, &MainWindow::handleArgoCdError);
            m_historyView->setClient(client, argoCdUser());
            m_buildsView->setArgoCdClient(client, watcher);
            watcher->start();
        },
        [this, generation](const ApiError &error) {
            if (generation != m_argoCdGeneration)
                return;
            m_argoStatusBadge->showText(tr("unavailable"), error.toString(), true);
            m_historyView->showNotConfigured(error.toString() + u"\n\n"_s + error.hint());
            m_buildsView->setServiceUnavailable(BuildsModel::Service::ArgoCd, error);
            if (error.kind() == ApiError::Kind::Credentials)
                handleArgoCdError(error);
        });
}

void MainWindow::handleArgoCdError(const ApiError &error)
{
    const bool rejected = error.kind() == ApiError::Kind::Http && error.status() == 401;
    const bool missing = error.kind() == ApiError::Kind::Credentials;
    if (!rejected && !missing) {
        if (error.kind() == ApiError::Kind::Http && error.status() == 403)
            m_argoStatusBadge->setToolTip(error.toString());
        return;
    }
    m_argoCdRejection = error.toString();
    m_argoCdLoginBanner->showMessage(MessageBanner::Type::Error,
                                     rejected ? tr("Argo CD session expired or token rejected — Log in…")
                                              : tr("No Argo CD credentials — Log in…"),
                                     error.toString());
    m_argoCdLoginBanner->setActionText(tr("Log in…"));
    m_argoStatusBadge->showText(tr("log in again"), error.toString(), true);
}

void MainWindow::openArgoCdLogin()
{
    if (!m_setup.config.argocd)
        return;
    if (auto *open = findChild<ArgoLoginDialog *>()) {
        open->raise();
        return;
    }
    auto *dialog = new ArgoLoginDialog(*m_setup.config.argocd, m_setup.credentials, m_argoCdRejection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ArgoLoginDialog::loggedIn, this, &MainWindow::reconnectArgoCd);
    dialog->open();
}

QString MainWindow::argoCdUser() const
{
    if (m_setup.config.argocd && !m_setup.config.argocd->username.isEmpty())
        return m_setup.config.argocd->username;
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? u"capstan"_s : user;
}

} // namespace capstan
