#pragma once

#include "github/Build.h"
#include "pipeline/Deployment.h"
#include "pipeline/Pipeline.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace capstan {

class MessageBanner;

// Why: a deploy is the one irreversible click in Capstan: the dialog shows what goes out where, which steps
// of the pipeline will run (and which are skipped, and why), what changes, asks for confirmation in prod
// (and a reason when a blocker is overridden), then hands the request to whoever runs deploys.
class DeployDialog : public QDialog
{
    Q_OBJECT
public:
    struct Request
    {
        Build build;
        QString environment = QStringLiteral("prod");
        QString blocker;                  // non-empty: this deploy overrides it and needs a reason
        QString commitSummary;            // "3 commits added since live 1.0.0-146"
        QString chartSummary;             // the chart diff summary; empty when unknown
        QString previousVersion;          // live before the deploy
        QString user;                     // who deploys
        QString application;              // the Argo CD application, for the record
        std::optional<Pipeline> pipeline; // capstan.yaml's pipeline; none: nothing can be deployed
    };

    enum PlanColumn { PlanStepColumn, PlanStageColumn, PlanWhatColumn };
    static constexpr int SkippedRole = Qt::UserRole + 1; // bool, on PlanStepColumn

    explicit DeployDialog(const Request &request, QWidget *parent = nullptr);
    ~DeployDialog() override;

    const Request &request() const { return m_request; }
    bool isOverride() const { return !m_request.blocker.isEmpty(); }
    QString environment() const;
    void setEnvironment(const QString &environment);
    bool needsConfirmation() const; // prod only
    bool canDeploy() const;
    // What deploy() hands out.
    Deployment::Request deploymentRequest() const;

    QComboBox *environmentCombo() const { return m_environment; }
    QCheckBox *confirmBox() const { return m_confirm; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QPushButton *deployButton() const { return m_deployButton; }
    MessageBanner *banner() const { return m_banner; }
    QTreeWidget *planList() const { return m_plan; }
    QLabel *planSummary() const { return m_planSummary; }

public Q_SLOTS:
    // Emits deployRequested() and closes when everything needed is given.
    void deploy();

Q_SIGNALS:
    void deployRequested(const capstan::Deployment::Request &request);

private:
    void updatePlan();
    void updateDeployButton();

    Request m_request;
    MessageBanner *m_banner;
    QComboBox *m_environment;
    QLabel *m_reasonLabel;
    QLineEdit *m_reason;
    QCheckBox *m_confirm;
    QLabel *m_planSummary;
    QTreeWidget *m_plan;
    QDialogButtonBox *m_buttons;
    QPushButton *m_deployButton;
};

} // namespace capstan
