#include "MainWindow.h"

#include "chart/ChartCache.h"
#include "ui_mainwindow.h"

#include "ArgoLoginDialog.h"
#include "ArgoStatusBadge.h"
#include "BuildsView.h"
#include "ChartsView.h"
#include "DesktopNotifier.h"
#include "FirstPaintProbe.h"
#include "FutureWatch.h"
#include "HistoryView.h"
#include "JournalView.h"
#include "MessageBanner.h"
#include "PipelineView.h"
#include "ReleaseDialog.h"
#include "SettingsDialog.h"

#include "app/ClientFactory.h"
#include "argocd/ArgoCdClient.h"
#include "argocd/ArgoCdWatcher.h"
#include "argocd/DeployLock.h"
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
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>

#include <memory>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {
constexpr int HealthIntervalMs = 60 * 1000;
constexpr int FirstPaintWaitMs = 1000;
constexpr auto GeometryKey = "mainWindow/geometry"_L1;
constexpr auto StateKey = "mainWindow/state"_L1;
constexpr auto NavigationSplitterKey = "mainWindow/navigationSplitter"_L1;
constexpr auto CurrentViewKey = "mainWindow/currentView"_L1;
} // namespace

MainWindow::MainWindow(const Setup &setup, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_setup(setup)
    , m_serverLabel(new QLabel(this))
    , m_healthLabel(new QLabel(this))
    , m_refreshLabel(new QLabel(this))
    , m_healthTimer(new QTimer(this))
    , m_historyView(new HistoryView(setup.journal, this))
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
    if (m_setup.factory)
        m_buildsView->setChartCacheDirectory(m_setup.factory->chartCacheDirectory());
    addView(tr("Builds"), style()->standardIcon(QStyle::SP_ComputerIcon), m_buildsView);
    // The Charts view is not the first one shown: the desktop app builds it after the first paint.
    m_chartsPlaceholder = new QWidget(this);
    addView(tr("Charts"), style()->standardIcon(QStyle::SP_FileDialogDetailedView), m_chartsPlaceholder);
    addView(tr("History"), style()->standardIcon(QStyle::SP_BrowserReload), m_historyView);
    m_pipelineView = new PipelineView(m_setup.notifier, this);
    addView(tr("Pipeline"), style()->standardIcon(QStyle::SP_MediaPlay), m_pipelineView);
    m_journalView = new JournalView(m_setup.journal, this);
    addView(tr("Journal"), style()->standardIcon(QStyle::SP_FileDialogContentsView), m_journalView);
    connect(m_buildsView, &BuildsView::deployRequested, this, &MainWindow::startDeployment);
    connect(m_historyView, &HistoryView::actionRecorded, m_journalView, &JournalView::refresh);
    connect(m_buildsView, &BuildsView::lockBroken, this,
            [this](const QString &reason, const QString &outcome, const QString &message) {
                if (!m_setup.journal)
                    return;
                DeployJournal::Action action;
                action.kind = u"lock-break"_s;
                action.application = m_setup.config.argocd ? m_setup.config.argocd->app : QString();
                action.user = DeployLock::defaultHolder();
                action.reason = reason;
                action.outcome = outcome;
                action.message = message;
                try {
                    m_setup.journal->record(action);
                } catch (const ApiError &) {
                    // The lock itself is what matters; the Journal view shows what was written.
                }
                m_journalView->refresh();
            });
    connect(m_pipelineView, &PipelineView::runningChanged, this, &MainWindow::deployRunningChanged);
    // One notification when an operation that changes shared data ends; each view reloads what it shows.
    connect(m_pipelineView, &PipelineView::finished, this, &MainWindow::notifyDataChanged);
    connect(m_historyView, &HistoryView::operationFinished, this, &MainWindow::notifyDataChanged);
    connect(this, &MainWindow::dataChanged, m_buildsView, &BuildsView::refresh);
    connect(this, &MainWindow::dataChanged, m_historyView, &HistoryView::refresh); // and the status badge
    connect(this, &MainWindow::dataChanged, m_journalView, &JournalView::refresh);
    connect(m_pipelineView, &PipelineView::releaseRequested, this, &MainWindow::openRelease);

    m_serverLabel->setObjectName(u"serverLabel"_s);
    m_healthLabel->setObjectName(u"healthLabel"_s);
    m_refreshLabel->setObjectName(u"refreshLabel"_s);
    m_serverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_serverLabel, 1);
    m_deployIndicator = new QPushButton(this);
    m_deployIndicator->setObjectName(u"deployIndicator"_s);
    m_deployIndicator->setFlat(true);
    m_deployIndicator->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_deployIndicator->setToolTip(tr("Show the running deploy"));
    m_deployIndicator->hide();
    connect(m_deployIndicator, &QPushButton::clicked, this, [this] { showView(m_pipelineView); });
    statusBar()->addPermanentWidget(m_deployIndicator);
    statusBar()->addPermanentWidget(m_argoStatusBadge);
    statusBar()->addPermanentWidget(m_healthLabel);
    statusBar()->addPermanentWidget(m_refreshLabel);
    statusBar()->setSizeGripEnabled(true);

    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui->actionRefresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(ui->actionSettings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);

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

    m_interruptedBanner = new MessageBanner(this);
    m_interruptedBanner->setObjectName(u"interruptedBanner"_s);
    m_interruptedBanner->clear();
    ui->centralLayout->insertWidget(ui->centralLayout->indexOf(m_argoCdLoginBanner) + 1, m_interruptedBanner);
    connect(m_interruptedBanner, &MessageBanner::actionTriggered, this, [this] {
        m_journalView->refresh();
        if (!m_interrupted.isEmpty())
            m_journalView->selectId(m_interrupted.first().id);
        showView(m_journalView);
        m_interruptedBanner->clear();
    });
    if (m_setup.notifier)
        m_setup.notifier->setFallbackStatusBar(statusBar());

    restoreWindowState();
    reportInterruptedDeploys();
    if (m_setup.connectAfterFirstPaint) {
        auto connected = std::make_shared<bool>(false);
        const auto connectOnce = [this, connected] {
            if (std::exchange(*connected, true))
                return;
            chartsView();
            reconnect();
        };
        new FirstPaintProbe(this, connectOnce);
        QTimer::singleShot(FirstPaintWaitMs, this, connectOnce); // a window that is never painted
    } else {
        createChartsView();
        reconnect();
    }
}

ChartsView *MainWindow::chartsView()
{
    if (!m_chartsView)
        createChartsView();
    return m_chartsView;
}

void MainWindow::createChartsView()
{
    if (m_chartsView)
        return;
    m_chartsView = new ChartsView(this);
    if (m_setup.factory)
        m_chartsView->setChartCache(ChartCache(m_setup.factory->chartCacheDirectory()));
    const int index = ui->viewStack->indexOf(m_chartsPlaceholder);
    const bool shown = ui->viewStack->currentIndex() == index;
    ui->viewStack->insertWidget(index, m_chartsView);
    ui->viewStack->removeWidget(m_chartsPlaceholder);
    m_chartsPlaceholder->deleteLater();
    m_chartsPlaceholder = nullptr;
    if (shown)
        ui->viewStack->setCurrentIndex(index);

    connect(m_chartsView, &ChartsView::uploaded, this, &MainWindow::notifyDataChanged);
    connect(m_chartsView, &ChartsView::versionDeleted, this, &MainWindow::notifyDataChanged);
    connect(this, &MainWindow::dataChanged, m_chartsView, &ChartsView::refresh);
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
    if (m_setup.settings)
        m_chartsView->restoreSettings(*m_setup.settings);
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
        chartsView()->showNotConfigured(
            reason, m_setup.configError.isEmpty() ? QString() : tr("The configuration has an error"));
        setHealth(Health::NotConfigured);
        return;
    }

    m_serverLabel->setText(tr("ChartMuseum: %1").arg(section->url.toDisplayString()));
    m_serverLabel->setToolTip(m_setup.configPath);
    chartsView()->showConnecting(section->url);
    setHealth(Health::Checking);
    FutureWatch::watch(
        this, m_setup.factory->chartMuseum(m_setup.config),
        [this, generation](ChartMuseumClient *client) {
            if (generation != m_connectGeneration)
                return;
            m_client = client;
            chartsView()->setClient(client);
            checkHealth();
            m_healthTimer->start();
        },
        [this, generation](const ApiError &error) {
            if (generation != m_connectGeneration)
                return;
            chartsView()->showUnavailable(error);
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
    chartsView()->refresh();
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
    // The file is reloaded as soon as it is written, whether the keychain then takes the secrets or not and
    // whether the dialog is then closed with Cancel.
    connect(dialog, &SettingsDialog::configSaved, this, &MainWindow::applySavedConfig);
    connect(dialog, &QDialog::accepted, this, &MainWindow::reconnect); // the new secrets
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

void MainWindow::reportInterruptedDeploys()
{
    if (!m_setup.journal) {
        if (!m_setup.journalError.isEmpty())
            m_interruptedBanner->showMessage(MessageBanner::Type::Warning,
                                             tr("The deploy journal could not be opened: deploys are not "
                                                "recorded."),
                                             m_setup.journalError);
        return;
    }
    try {
        m_interrupted = m_setup.journal->recoverInterrupted();
    } catch (const ApiError &error) {
        m_interruptedBanner->showMessage(
            MessageBanner::Type::Warning,
            tr("The deploy journal could not be checked for interrupted deploys."), error.toString());
        return;
    }
    if (m_interrupted.isEmpty())
        return;
    const DeployJournal::Entry &entry = m_interrupted.first();
    QString step;
    for (const DeployJournal::StepRecord &record : entry.steps) {
        if (record.result.status == StepResult::Status::Running)
            step = record.name;
    }
    if (step.isEmpty())
        step = entry.currentStep();
    const QString who = entry.target.user.isEmpty() ? tr("someone") : entry.target.user;
    const QString text = step.isEmpty()
                             ? tr("The deploy of %1 (%2) by %3 was interrupted before its first step.")
                                   .arg(entry.target.version, entry.target.env, who)
                             : tr("The deploy of %1 (%2) by %3 was interrupted in step %4.")
                                   .arg(entry.target.version, entry.target.env, who, step);
    QString hint = tr("Started %1. Check the application before deploying again.")
                       .arg(QLocale().toString(entry.started.toLocalTime(), QLocale::ShortFormat));
    if (m_interrupted.size() > 1)
        hint += u' ' + tr("%n more interrupted deploy(s) are in the journal.", nullptr,
                          int(m_interrupted.size() - 1));
    m_interruptedBanner->showMessage(MessageBanner::Type::Warning, text, hint);
    m_interruptedBanner->setActionText(tr("Open Journal"));
}

QMessageBox *MainWindow::closeConfirmation() const
{
    return m_closeConfirmation;
}

bool MainWindow::isDeploying() const
{
    return m_pipelineView->isRunning();
}

bool MainWindow::startDeployment(const Deployment::Request &request)
{
    if (isDeploying()) {
        statusBar()->showMessage(tr("A deploy is already running; wait for it or cancel it first."), 10000);
        showView(m_pipelineView);
        return false;
    }
    Deployment *deployment = nullptr;
    try {
        deployment = new Deployment(m_setup.config, request, m_setup.factory, m_setup.journal, this);
    } catch (const ApiError &error) {
        m_pipelineView->banner()->showMessage(MessageBanner::Type::Error,
                                              tr("The deploy could not start: %1").arg(error.toString()),
                                              error.hint());
        showView(m_pipelineView);
        return false;
    }
    deployment->setEnvironment(m_setup.environment);
    const std::optional<Build> live = m_buildsView->liveBuild();
    m_liveBeforeDeploy = live ? live->chartVersion : QString();
    if (m_deployment)
        m_deployment->deleteLater();
    m_deployment = deployment;
    m_pipelineView->setDeployment(deployment);
    showView(m_pipelineView);
    deployment->start();
    return true;
}

void MainWindow::deployRunningChanged(bool running)
{
    const DeployTarget &target = m_pipelineView->target();
    m_deployIndicator->setVisible(running);
    m_deployIndicator->setText(tr("Deploying %1 to %2…").arg(target.version, target.env));
    if (running)
        return;
    if (m_closeConfirmation)
        m_closeConfirmation->deleteLater();
    if (m_closeAfterCancel)
        QTimer::singleShot(0, this, &QWidget::close);
}

void MainWindow::notifyDataChanged()
{
    Q_EMIT dataChanged();
}

void MainWindow::openRelease(const DeployTarget &target)
{
    GitHubClient *gitHub = m_buildsView->gitHubClient();
    if (!gitHub) {
        statusBar()->showMessage(tr("GitHub is not available: no release can be created."), 10000);
        return;
    }
    QString sha = target.sha;
    if (sha.isEmpty()) {
        for (const Build &build : m_buildsView->buildsModel()->builds()) {
            if (QString::number(build.run.runNumber) == target.build)
                sha = build.run.headSha;
        }
    }
    auto *dialog = new ReleaseDialog(gitHub, target.version, sha, m_liveBeforeDeploy, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isDeploying()) {
        event->ignore();
        showView(m_pipelineView);
        if (m_closeAfterCancel || m_closeConfirmation)
            return;
        const DeployTarget &target = m_pipelineView->target();
        auto *box = new QMessageBox(QMessageBox::Warning, tr("A deploy is running"),
                                    tr("The deploy of %1 to %2 is still running. Cancel it and quit?")
                                        .arg(target.version, target.env),
                                    QMessageBox::Yes | QMessageBox::No, this);
        box->setObjectName(u"closeDuringDeploy"_s);
        box->setInformativeText(
            tr("Running steps are stopped; the journal records the deploy as cancelled."));
        box->button(QMessageBox::Yes)->setText(tr("Cancel deploy and quit"));
        box->button(QMessageBox::No)->setText(tr("Keep running"));
        box->setDefaultButton(QMessageBox::No);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box] {
            if (box->clickedButton() != box->button(QMessageBox::Yes))
                return;
            m_closeAfterCancel = true;
            m_pipelineView->cancelNow();
        });
        m_closeConfirmation = box;
        box->open();
        return;
    }
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
    if (m_chartsView)
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
    if (m_chartsView)
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
