#pragma once

#include "argocd/ArgoApplication.h"
#include "chartmuseum/ChartVersion.h"
#include "github/Build.h"
#include "github/GitHubTypes.h"
#include "models/BuildsModel.h"
#include "pipeline/Deployment.h"
#include "pipeline/Pipeline.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;
class QToolButton;

namespace capstan {

class ApiError;
class ArgoCdClient;
class ArgoCdWatcher;
class BuildsFilterModel;
class ChangesPanel;
class ChartMuseumClient;
class ClientFactory;
class DeployDialog;
class GitHubClient;
class MessageBanner;
struct Config;

// Why: Capstan's home screen: the CI builds of the main branch with what is live, filters, what deploying
// the selected build would change, and the Deploy button with the reason when it is not allowed. Each of
// GitHub, ChartMuseum and Argo CD fills in its part as it answers; one that is down gets a notice.
class BuildsView : public QWidget
{
    Q_OBJECT
public:
    explicit BuildsView(QWidget *parent = nullptr);
    ~BuildsView() override;

    // Builds the three clients through the factory (each may fail on its own) and loads.
    void connectServices(ClientFactory *factory, const Config &config);

    void setChartName(const QString &name);
    void setVersionPattern(const QString &pattern);
    void setUserName(const QString &user) { m_user = user; }
    void setRunLimit(int limit) { m_runLimit = limit; }
    void setChartCacheDirectory(const QString &directory);
    // capstan.yaml's pipeline; without one nothing can be deployed (connectServices() sets it too).
    void setPipeline(const std::optional<Pipeline> &pipeline);
    bool hasPipeline() const { return m_pipeline.has_value(); }

    // Each call loads that service's part; null forgets the client. None is owned.
    void setGitHubClient(GitHubClient *client);
    void setChartMuseumClient(ChartMuseumClient *client);
    // Follows the application with `watcher` (not owned), or with a watcher of its own when null.
    void setArgoCdClient(ArgoCdClient *client, ArgoCdWatcher *watcher = nullptr);
    // The service could not even be set up (not configured, no credentials).
    void setServiceUnavailable(BuildsModel::Service service, const ApiError &error);

    BuildsModel *buildsModel() const { return m_model; }
    BuildsFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    ChangesPanel *changesPanel() const { return m_changes; }
    QComboBox *statusCombo() const { return m_statusCombo; }
    QComboBox *authorCombo() const { return m_authorCombo; }
    QLineEdit *searchEdit() const { return m_search; }
    QPushButton *deployButton() const { return m_deployButton; }
    QLabel *deployReasonLabel() const { return m_deployReason; }
    QLabel *overrideLink() const { return m_overrideLink; }
    QLabel *footerLabel() const { return m_footer; }
    MessageBanner *serviceNotice(BuildsModel::Service service) const;
    DeployDialog *deployDialog() const;
    GitHubClient *gitHubClient() const;
    ArgoCdClient *argoCdClient() const;

    bool isLoaded(BuildsModel::Service service) const; // answered (either way) since the last refresh
    std::optional<Build> selectedBuild() const;
    std::optional<Build> liveBuild() const;
    bool selectRun(int runNumber);
    // Why the selected build cannot be deployed: the build's own blocker, that Argo CD is not there, or that
    // there is no pipeline.
    QString deployBlocker() const;
    // The build's own blocker as the pipeline sees it: a chart not yet in ChartMuseum is fine (the pipeline
    // packages and publishes it); without a pipeline it says that one is needed.
    QString buildBlocker(const Build &build) const;

public Q_SLOTS:
    void refresh();
    void openDeployDialog();
    // The same dialog for a blocked build: it asks for the reason that is then recorded.
    void openOverrideDialog();
    // Asks for a reason, then removes a lock that shows no sign of life.
    void breakStaleLock();

Q_SIGNALS:
    // A service answered (ok) or failed; the model and the notices are updated already.
    void serviceLoaded(capstan::BuildsModel::Service service, bool ok);
    void selectionChanged();
    void deployDialogOpened(capstan::DeployDialog *dialog);
    // The deploy dialog was confirmed: whoever runs deploys starts this one.
    void deployRequested(const capstan::Deployment::Request &request);
    // A stale lock was broken (or breaking it failed), for the journal.
    void lockBroken(const QString &reason, const QString &outcome, const QString &message);

private:
    void loadGitHub();
    void loadChartMuseum();
    void loadArgoCd();
    void markLoaded(BuildsModel::Service service, bool ok);
    void showServiceError(BuildsModel::Service service, const QString &text);
    void showStaleBuilds();
    void setApplication(const ArgoApplication &application);
    void updateAuthors();
    void updateDetails();
    void updateDeployState();
    void updateFooter();
    void openDeploy(bool override);
    QString serviceName(BuildsModel::Service service) const;

    BuildsModel *m_model;
    BuildsFilterModel *m_filter;
    QPointer<GitHubClient> m_gitHub;
    QPointer<ChartMuseumClient> m_chartMuseum;
    QPointer<ArgoCdClient> m_argoCd;
    QPointer<ArgoCdWatcher> m_watcher;
    QPointer<ArgoCdWatcher> m_ownWatcher;
    std::optional<ArgoApplication> m_application;
    QList<ChartVersion> m_chartVersions;
    bool m_chartVersionsKnown = false;
    QString m_chartName;
    std::optional<Pipeline> m_pipeline;
    QString m_pattern = QStringLiteral("1.0.0-{build}");
    QString m_user;
    int m_runLimit = 50;
    quint64 m_generation[3] = {0, 0, 0};
    bool m_loaded[3] = {false, false, false};
    quint64 m_connectGeneration = 0;
    bool m_hasRuns = false;    // builds are on screen (from GitHub or its cache)
    bool m_runsCached = false; // they came from the ETag cache, not from an answer of this session
    QDateTime m_runsFetched;   // when GitHub listed them; invalid when the cache does not say
    QString m_gitHubFailure;   // while GitHub fails with builds on screen: its error, then its hint
    QTimer *m_ageTimer;
    int m_selectedRun = -1;
    QString m_detailsKey;
    QPointer<DeployDialog> m_deployDialog;

    QComboBox *m_statusCombo;
    QComboBox *m_authorCombo;
    QLineEdit *m_search;
    QToolButton *m_refreshButton;
    MessageBanner *m_notices[3];
    QSplitter *m_splitter;
    QTableView *m_table;
    QLabel *m_buildTitle;
    QPushButton *m_deployButton;
    QLabel *m_deployReason;
    QLabel *m_overrideLink;
    QLabel *m_breakLockLink;
    qint64 m_lockStaleAfterMs = 10 * 60 * 1000;
    ChangesPanel *m_changes;
    QLabel *m_footer;
};

} // namespace capstan
