#include "DeployDialog.h"

#include "MessageBanner.h"

#include "pipeline/PipelinePlan.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

DeployDialog::DeployDialog(const Request &request, QWidget *parent)
    : QDialog(parent)
    , m_request(request)
    , m_banner(new MessageBanner(this))
    , m_environment(new QComboBox(this))
    , m_reasonLabel(new QLabel(this))
    , m_reason(new QLineEdit(this))
    , m_confirm(new QCheckBox(this))
    , m_planSummary(new QLabel(this))
    , m_plan(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_deployButton(new QPushButton(this))
{
    setObjectName(u"deployDialog"_s);
    const Build &build = m_request.build;

    auto *title =
        new QLabel(tr("Deploy build #%1 · %2").arg(build.run.runNumber).arg(build.chartVersion), this);
    title->setObjectName(u"deployTitle"_s);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(
        tr("Build:"),
        valueLabel(
            tr("#%1 · %2 · %3").arg(build.run.runNumber).arg(build.run.shortSha(), build.run.subject()),
            this));
    form->addRow(tr("Chart version:"), valueLabel(build.chartVersion, this));
    auto *source = valueLabel(
        build.run.headSha.isEmpty()
            ? tr("unknown: the deploy is refused unless it runs in the working tree")
            : tr("%1, checked out clean (your working tree is not touched)").arg(build.run.headSha),
        this);
    source->setObjectName(u"deploySourceCommit"_s);
    source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Commit:"), source);
    m_environment->setObjectName(u"deployEnvironment"_s);
    m_environment->addItem(tr("prod — everything, up to the Argo CD sync"), u"prod"_s);
    m_environment->addItem(tr("dev — checks, manifests and package only"), u"dev"_s);
    form->addRow(tr("Environment:"), m_environment);
    if (!m_request.application.isEmpty())
        form->addRow(tr("Argo CD application:"), valueLabel(m_request.application, this));
    form->addRow(
        tr("Live now:"),
        valueLabel(m_request.previousVersion.isEmpty() ? tr("unknown") : m_request.previousVersion, this));
    auto *commits =
        valueLabel(m_request.commitSummary.isEmpty() ? tr("unknown") : m_request.commitSummary, this);
    commits->setObjectName(u"deployCommitSummary"_s);
    form->addRow(tr("Commits:"), commits);
    auto *chart = valueLabel(
        m_request.chartSummary.isEmpty() ? tr("no chart comparison") : m_request.chartSummary, this);
    chart->setObjectName(u"deployChartSummary"_s);
    form->addRow(tr("Chart:"), chart);
    m_reason->setObjectName(u"deployReason"_s);
    m_reason->setClearButtonEnabled(true);
    m_reasonLabel->setText(isOverride() ? tr("Override reason:") : tr("Reason:"));
    m_reason->setPlaceholderText(
        isOverride() ? tr("Required: why this deploy goes ahead anyway (recorded in the journal)")
                     : tr("Optional: why (recorded in the deploy journal)"));
    form->addRow(m_reasonLabel, m_reason);
    if (isOverride()) {
        m_banner->showMessage(MessageBanner::Type::Warning,
                              tr("Deploy is blocked: %1").arg(m_request.blocker),
                              tr("Overriding needs a reason. It is recorded in the deploy journal with your "
                                 "name and the time."));
    } else if (build.inRepository == Build::Presence::Yes) {
        m_banner->showMessage(
            MessageBanner::Type::Information, tr("%1 is already in ChartMuseum").arg(build.chartVersion),
            tr("A prod deploy publishes only when the package it builds is identical to the one there; "
               "otherwise it stops before the sync. To go back to a published version, use Rollback in "
               "History."));
    } else {
        m_banner->clear();
    }

    m_planSummary->setObjectName(u"deployPlanSummary"_s);
    m_planSummary->setTextFormat(Qt::PlainText);
    m_planSummary->setWordWrap(true);
    m_plan->setObjectName(u"deployPlan"_s);
    m_plan->setRootIsDecorated(false);
    m_plan->setUniformRowHeights(true);
    m_plan->setSelectionMode(QAbstractItemView::NoSelection);
    m_plan->setFocusPolicy(Qt::NoFocus);
    m_plan->setHeaderLabels({tr("Step"), tr("Stage"), tr("What happens")});
    m_plan->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_plan->header()->setStretchLastSection(true);
    m_plan->setMinimumHeight(150);

    m_confirm->setObjectName(u"deployConfirm"_s);

    m_deployButton->setObjectName(u"deployButton"_s);
    m_deployButton->setText(isOverride() ? tr("Override and deploy") : tr("Deploy"));
    m_deployButton->setAutoDefault(false);
    m_buttons->addButton(m_deployButton, QDialogButtonBox::ActionRole);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DeployDialog::reject);
    connect(m_deployButton, &QPushButton::clicked, this, &DeployDialog::deploy);
    connect(m_confirm, &QCheckBox::toggled, this, &DeployDialog::updateDeployButton);
    connect(m_reason, &QLineEdit::textChanged, this, &DeployDialog::updateDeployButton);
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        m_confirm->setChecked(false);
        updatePlan();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addSpacing(4);
    layout->addWidget(m_planSummary);
    layout->addWidget(m_plan, 1);
    layout->addWidget(m_confirm);
    layout->addWidget(m_buttons);
    setMinimumWidth(680);

    setEnvironment(m_request.environment);
    updatePlan();
}

DeployDialog::~DeployDialog() = default;

QString DeployDialog::environment() const
{
    return m_environment->currentData().toString();
}

void DeployDialog::setEnvironment(const QString &environment)
{
    const int index = m_environment->findData(environment);
    if (index >= 0)
        m_environment->setCurrentIndex(index);
}

bool DeployDialog::needsConfirmation() const
{
    return environment() == u"prod"_s;
}

void DeployDialog::updatePlan()
{
    const QString env = environment();
    setWindowTitle(tr("Deploy %1 to %2").arg(m_request.build.chartVersion, env));
    m_confirm->setText(
        tr("I have checked what is changing and want %1 running in prod").arg(m_request.build.chartVersion));
    m_confirm->setVisible(needsConfirmation());
    m_plan->clear();
    if (!m_request.pipeline) {
        m_planSummary->setText(tr("capstan.yaml has no pipeline section: nothing can be deployed. Add the "
                                  "pipeline (stages and steps) to deploy from Capstan."));
        updateDeployButton();
        return;
    }
    const PipelinePlan plan = PipelinePlan::make(*m_request.pipeline, env);
    for (const PipelinePlan::Planned &planned : plan.steps) {
        auto *item = new QTreeWidgetItem(m_plan);
        item->setText(PlanStepColumn, planned.step.name);
        item->setText(PlanStageColumn, planned.step.stage);
        QString what = Step::kindName(planned.step.kind);
        if (!planned.step.run.isEmpty())
            what = tr("%1: %2").arg(what, planned.step.run);
        else if (!planned.step.file.isEmpty())
            what = tr("%1: %2").arg(what, planned.step.file);
        item->setText(PlanWhatColumn, what);
        item->setToolTip(PlanWhatColumn, what);
        item->setData(PlanStepColumn, SkippedRole, false);
    }
    const QColor quiet = palette().color(QPalette::PlaceholderText);
    for (const PipelinePlan::Skipped &skipped : plan.skipped) {
        auto *item = new QTreeWidgetItem(m_plan);
        item->setText(PlanStepColumn, skipped.step);
        item->setText(PlanStageColumn, skipped.stage);
        item->setText(PlanWhatColumn, tr("skipped: %1").arg(skipped.reason));
        item->setToolTip(PlanWhatColumn, tr("skipped: %1").arg(skipped.reason));
        item->setData(PlanStepColumn, SkippedRole, true);
        for (int column = 0; column < m_plan->columnCount(); ++column) {
            item->setForeground(column, quiet);
            QFont font = item->font(column);
            font.setItalic(true);
            item->setFont(column, font);
        }
    }
    m_planSummary->setText(tr("%n step(s) will run", nullptr, int(plan.steps.size())) +
                           (plan.skipped.isEmpty()
                                ? QString()
                                : tr(", %n skipped in %1", nullptr, int(plan.skipped.size())).arg(env)) +
                           u':');
    updateDeployButton();
}

bool DeployDialog::canDeploy() const
{
    const bool reasonGiven = !isOverride() || !m_reason->text().trimmed().isEmpty();
    const bool confirmed = !needsConfirmation() || m_confirm->isChecked();
    return m_request.pipeline.has_value() && reasonGiven && confirmed;
}

void DeployDialog::updateDeployButton()
{
    m_deployButton->setEnabled(canDeploy());
    if (!m_request.pipeline)
        m_deployButton->setToolTip(tr("capstan.yaml has no pipeline section"));
    else if (isOverride() && m_reason->text().trimmed().isEmpty())
        m_deployButton->setToolTip(tr("Type the reason for the override first"));
    else if (needsConfirmation() && !m_confirm->isChecked())
        m_deployButton->setToolTip(tr("Confirm the prod deploy first"));
    else
        m_deployButton->setToolTip(tr("Start the deploy; the Pipeline view follows it"));
}

Deployment::Request DeployDialog::deploymentRequest() const
{
    Deployment::Request request;
    request.build = QString::number(m_request.build.run.runNumber);
    request.env = environment();
    request.reason = m_reason->text().trimmed();
    if (isOverride())
        request.overrideCi = request.reason;
    return request;
}

void DeployDialog::deploy()
{
    if (!canDeploy())
        return;
    Q_EMIT deployRequested(deploymentRequest());
    accept();
}

} // namespace capstan
