#pragma once

#include "argocd/ArgoCdClient.h"
#include "argocd/ArgoCdWatcher.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "config/Config.h"
#include "net/ApiError.h"
#include "pipeline/DeployJournal.h"
#include "pipeline/Deployment.h"

#include <QDateTime>
#include <QIcon>
#include <QMainWindow>
#include <QPointer>
#include <QProcessEnvironment>

#include <memory>

class QLabel;
class QMessageBox;
class QPushButton;
class QSettings;
class QTimer;

namespace Ui {
class MainWindow;
}

namespace capstan {

class ArgoStatusBadge;
class BuildsView;
class ChartMuseumClient;
class ChartsView;
class HistoryView;
class MessageBanner;
class ClientFactory;
class CredentialStore;
class DeployJournal;
class DesktopNotifier;
class JournalView;
class PipelineView;

// Why: the frame around the views: navigation, menus, the sandbox warning and the connection state in the
// status bar; it builds the service clients from the config and hands them to the views.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Setup
    {
        ClientFactory *factory = nullptr;
        CredentialStore *credentials = nullptr;
        QSettings *settings = nullptr; // window state; not owned
        Config config;
        QString configPath;  // the file in use, empty when none was found
        QString configError; // file:line:col text when the config could not be read
        bool sandbox = false;
        DeployJournal *journal = nullptr;    // not owned; null when it could not be opened
        DesktopNotifier *notifier = nullptr; // not owned; null: no desktop notification
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(); // for step processes
        QString journalError; // why the journal could not be opened
        // The desktop app: the services are connected (clients, keychain, first requests) once the window
        // has been painted, so the window shows without waiting for that work. Tests connect at once.
        bool connectAfterFirstPaint = false;
    };

    enum class Health { NotConfigured, Checking, Healthy, Unhealthy, Unreachable };
    Q_ENUM(Health)

    explicit MainWindow(const Setup &setup, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Views register here; the navigation lists them in this order.
    int addView(const QString &title, const QIcon &icon, QWidget *view);
    // Selects a registered view, as clicking it in the navigation does.
    void showView(QWidget *view);

    BuildsView *buildsView() const { return m_buildsView; }
    // Created at the first call; the desktop app creates it once the window has been painted.
    ChartsView *chartsView();
    HistoryView *historyView() const { return m_historyView; }
    PipelineView *pipelineView() const { return m_pipelineView; }
    JournalView *journalView() const { return m_journalView; }
    MessageBanner *interruptedBanner() const { return m_interruptedBanner; }
    QList<DeployJournal::Entry> interruptedDeploys() const { return m_interrupted; }
    Deployment *deployment() const { return m_deployment; }
    bool isDeploying() const;
    QMessageBox *closeConfirmation() const;
    ArgoStatusBadge *argoStatusBadge() const { return m_argoStatusBadge; }
    MessageBanner *argoCdLoginBanner() const { return m_argoCdLoginBanner; }
    ArgoCdWatcher *argoCdWatcher() const { return m_argoCdWatcher; }
    Health health() const { return m_health; }
    QString configPath() const { return m_setup.configPath; }
    const Config &config() const { return m_setup.config; }
    bool isSandbox() const { return m_setup.sandbox; }
    QDateTime lastRefresh() const { return m_lastRefresh; }

public Q_SLOTS:
    void refresh();
    void openSettings();
    void reconnect();
    void reconnectArgoCd();
    void openArgoCdLogin();
    // Creates the Deployment, shows it in the Pipeline view and starts it. False when it could not be
    // created (the Pipeline view says why) or another deploy runs.
    bool startDeployment(const capstan::Deployment::Request &request);
    // A deploy, publish, delete or rollback finished: emits dataChanged() once.
    void notifyDataChanged();

Q_SIGNALS:
    void healthChanged(capstan::MainWindow::Health health);
    // Charts, builds, Argo CD history (and its status badge) and the journal may have changed; every view
    // that shows them reloads, so none waits for F5.
    void dataChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void checkHealth();
    void setHealth(Health health, const QString &detail = {});
    void applySavedConfig(const QString &path);
    void saveWindowState();
    void restoreWindowState();
    void showAbout();
    void handleArgoCdError(const ApiError &error);
    QString argoCdUser() const;
    void reportInterruptedDeploys();
    void deployRunningChanged(bool running);
    void openRelease(const DeployTarget &target);

    void createChartsView();

    std::unique_ptr<Ui::MainWindow> ui;
    Setup m_setup;
    ChartsView *m_chartsView = nullptr;
    QWidget *m_chartsPlaceholder = nullptr; // its page until it is created
    QLabel *m_serverLabel;
    QLabel *m_healthLabel;
    QLabel *m_refreshLabel;
    QTimer *m_healthTimer;
    QPointer<ChartMuseumClient> m_client;
    Health m_health = Health::NotConfigured;
    QDateTime m_lastRefresh;
    quint64 m_connectGeneration = 0;
    quint64 m_healthGeneration = 0;
    HistoryView *m_historyView;
    ArgoStatusBadge *m_argoStatusBadge;
    MessageBanner *m_argoCdLoginBanner;
    QPointer<ArgoCdClient> m_argoCdClient;
    QPointer<ArgoCdWatcher> m_argoCdWatcher;
    quint64 m_argoCdGeneration = 0;
    BuildsView *m_buildsView = nullptr; // the home screen
    QString m_argoCdRejection;          // the last 401, shown in the login dialog
    PipelineView *m_pipelineView = nullptr;
    JournalView *m_journalView = nullptr;
    MessageBanner *m_interruptedBanner = nullptr;
    QPushButton *m_deployIndicator = nullptr;
    QList<DeployJournal::Entry> m_interrupted;
    QPointer<Deployment> m_deployment;
    QPointer<QMessageBox> m_closeConfirmation;
    bool m_closeAfterCancel = false;
    QString m_liveBeforeDeploy; // the previous tag of the release notes
};

} // namespace capstan
