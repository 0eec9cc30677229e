#pragma once

#include "argocd/ArgoApplication.h"
#include "github/Build.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QPushButton;

namespace capstan {

class ApiError;
class ArgoCdClient;
class ArgoCdWatcher;
class GitHubClient;
class MessageBanner;
class OperationWaiter;

// Why: a prod deploy is the one irreversible click in Capstan: the dialog shows what goes out, asks for
// confirmation (and a typed reason when a blocker is overridden, recorded on the application), then points
// Argo CD at the chart version, syncs and follows it until it is Synced and Healthy.
class DeployDialog : public QDialog
{
    Q_OBJECT
public:
    struct Request
    {
        Build build;
        QString environment = QStringLiteral("prod");
        QString blocker;         // non-empty: this deploy overrides it and needs a reason
        QString commitSummary;   // "3 commits added since live 1.0.0-146"
        QString chartSummary;    // the chart diff summary; empty when unknown
        QString previousVersion; // live before the deploy; the previous tag of the release notes
        QString user;            // recorded with an override
    };

    enum class State { Confirming, Deploying, Succeeded, Failed };
    Q_ENUM(State)

    static inline const QString OverrideReasonAnnotation =
        QStringLiteral("capstan.net/last-deploy-override-reason");
    static inline const QString OverrideByAnnotation = QStringLiteral("capstan.net/last-deploy-override-by");
    static inline const QString OverrideAtAnnotation = QStringLiteral("capstan.net/last-deploy-override-at");

    // `gitHub` may be null: no release is offered then. Neither client is owned.
    DeployDialog(const Request &request, ArgoCdClient *argoCd, GitHubClient *gitHub,
                 QWidget *parent = nullptr);
    ~DeployDialog() override;

    const Request &request() const { return m_request; }
    State state() const { return m_state; }
    bool isOverride() const { return !m_request.blocker.isEmpty(); }
    void setTimeoutSeconds(int seconds) { m_timeoutSeconds = seconds; }

    QCheckBox *confirmBox() const { return m_confirm; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QPushButton *deployButton() const { return m_deployButton; }
    QPushButton *releaseButton() const { return m_releaseButton; }
    MessageBanner *banner() const { return m_banner; }
    QListWidget *stepList() const { return m_steps; }
    QString statusText() const;

public Q_SLOTS:
    // Starts the deploy when everything needed is given (confirmation, reason for an override).
    void deploy();
    void openRelease();

Q_SIGNALS:
    void stateChanged(capstan::DeployDialog::State state);
    void deployed(const capstan::ArgoApplication &application);
    void releaseRequested();

protected:
    void reject() override;

private:
    void updateDeployButton();
    QListWidgetItem *beginStep(const QString &text);
    void endStep(QListWidgetItem *item, bool ok, const QString &text = {});
    void setTarget();
    void startSync();
    void follow(const std::optional<ArgoApplication> &current);
    void fail(QListWidgetItem *step, const QString &text, const QString &detail);
    void setState(State state);

    Request m_request;
    QPointer<ArgoCdClient> m_argoCd;
    QPointer<GitHubClient> m_gitHub;
    State m_state = State::Confirming;
    int m_timeoutSeconds = 600;
    QPointer<ArgoCdWatcher> m_watcher;
    QPointer<OperationWaiter> m_waiter;
    QListWidgetItem *m_waitStep = nullptr;

    MessageBanner *m_banner;
    QLineEdit *m_reason;
    QCheckBox *m_confirm;
    QListWidget *m_steps;
    QProgressBar *m_progress;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_deployButton;
    QPushButton *m_releaseButton;
};

} // namespace capstan
