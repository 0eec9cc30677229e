#include "DeployDialog.h"

#include "BuildStatusDelegate.h"
#include "FutureWatch.h"
#include "MessageBanner.h"
#include "ReleaseDialog.h"

#include "argocd/ArgoCdClient.h"
#include "argocd/ArgoCdWatcher.h"
#include "argocd/OperationWaiter.h"
#include "github/GitHubClient.h"
#include "net/ApiError.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
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

DeployDialog::DeployDialog(const Request &request, ArgoCdClient *argoCd, GitHubClient *gitHub,
                           QWidget *parent)
    : QDialog(parent)
    , m_request(request)
    , m_argoCd(argoCd)
    , m_gitHub(gitHub)
    , m_banner(new MessageBanner(this))
    , m_reason(new QLineEdit(this))
    , m_confirm(new QCheckBox(this))
    , m_steps(new QListWidget(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_deployButton(new QPushButton(this))
    , m_releaseButton(new QPushButton(tr("Create GitHub release…"), this))
{
    setObjectName(u"deployDialog"_s);
    const Build &build = m_request.build;
    setWindowTitle(tr("Deploy %1 to %2").arg(build.chartVersion, m_request.environment));

    auto *title =
        new QLabel(tr("Deploy build #%1 to %2").arg(build.run.runNumber).arg(m_request.environment), this);
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
    auto *environment = valueLabel(m_request.environment, this);
    environment->setObjectName(u"deployEnvironment"_s);
    environment->setStyleSheet(u"QLabel { color: #b03a30; font-weight: bold; }"_s);
    form->addRow(tr("Environment:"), environment);
    if (m_argoCd)
        form->addRow(tr("Argo CD application:"), valueLabel(m_argoCd->application(), this));
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

    m_reason->setObjectName(u"overrideReason"_s);
    m_reason->setPlaceholderText(tr("Why this deploy goes ahead anyway (recorded on the application)"));
    auto *reasonLabel = new QLabel(tr("Override reason:"), this);
    form->addRow(reasonLabel, m_reason);
    reasonLabel->setVisible(isOverride());
    m_reason->setVisible(isOverride());
    if (isOverride()) {
        m_banner->showMessage(MessageBanner::Type::Warning,
                              tr("Deploy is blocked: %1").arg(m_request.blocker),
                              tr("Overriding needs a reason. It is recorded on the Argo CD application with "
                                 "your name and the time."));
    }

    m_confirm->setObjectName(u"deployConfirm"_s);
    m_confirm->setText(tr("I have checked what is changing and want %1 running in %2")
                           .arg(build.chartVersion, m_request.environment));

    m_steps->setObjectName(u"deploySteps"_s);
    m_steps->setVisible(false);
    m_steps->setMinimumHeight(110);
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_status->setObjectName(u"deployStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_deployButton->setObjectName(u"deployButton"_s);
    m_deployButton->setText(isOverride() ? tr("Override and deploy") : tr("Deploy"));
    m_deployButton->setDefault(false);
    m_deployButton->setAutoDefault(false);
    m_buttons->addButton(m_deployButton, QDialogButtonBox::ActionRole);
    m_releaseButton->setObjectName(u"releaseButton"_s);
    m_buttons->addButton(m_releaseButton, QDialogButtonBox::ActionRole);
    m_releaseButton->setVisible(false);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DeployDialog::reject);
    connect(m_deployButton, &QPushButton::clicked, this, &DeployDialog::deploy);
    connect(m_releaseButton, &QPushButton::clicked, this, &DeployDialog::openRelease);
    connect(m_confirm, &QCheckBox::toggled, this, &DeployDialog::updateDeployButton);
    connect(m_reason, &QLineEdit::textChanged, this, &DeployDialog::updateDeployButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(m_confirm);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setMinimumWidth(620);

    if (!m_argoCd) {
        m_status->setText(tr("Argo CD is not available: nothing can be deployed."));
        m_confirm->setEnabled(false);
    }
    updateDeployButton();
}

DeployDialog::~DeployDialog() = default;

QString DeployDialog::statusText() const
{
    return m_status->text();
}

void DeployDialog::updateDeployButton()
{
    const bool reasonGiven = !isOverride() || !m_reason->text().trimmed().isEmpty();
    m_deployButton->setEnabled(m_state == State::Confirming && m_argoCd && m_confirm->isChecked() &&
                               reasonGiven);
    if (m_state != State::Confirming)
        m_deployButton->setToolTip({});
    else if (!reasonGiven)
        m_deployButton->setToolTip(tr("Type the reason for the override first"));
    else if (!m_confirm->isChecked())
        m_deployButton->setToolTip(tr("Confirm the deploy first"));
    else
        m_deployButton->setToolTip({});
}

void DeployDialog::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    m_progress->setVisible(state == State::Deploying);
    m_confirm->setEnabled(state == State::Confirming);
    m_reason->setReadOnly(state != State::Confirming);
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setText(state == State::Confirming ? tr("Cancel") : tr("Close"));
    updateDeployButton();
    Q_EMIT stateChanged(state);
}

QListWidgetItem *DeployDialog::beginStep(const QString &text)
{
    auto *item = new QListWidgetItem(
        BuildStatusDelegate::statusIcon(BuildsFilterModel::StatusCategory::Running), text, m_steps);
    m_steps->scrollToItem(item);
    m_status->setText(text);
    return item;
}

void DeployDialog::endStep(QListWidgetItem *item, bool ok, const QString &text)
{
    if (!item)
        return;
    item->setIcon(BuildStatusDelegate::statusIcon(ok ? BuildsFilterModel::StatusCategory::Success
                                                     : BuildsFilterModel::StatusCategory::Failure));
    if (!text.isEmpty())
        item->setText(text);
}

void DeployDialog::fail(QListWidgetItem *step, const QString &text, const QString &detail)
{
    endStep(step, false);
    m_banner->showMessage(MessageBanner::Type::Error, text, detail);
    m_status->setText(text);
    setState(State::Failed);
}

void DeployDialog::deploy()
{
    if (m_state != State::Confirming || !m_deployButton->isEnabled() || !m_argoCd)
        return;
    const QString reason = m_reason->text().trimmed();
    m_banner->clear();
    m_steps->setVisible(true);
    setState(State::Deploying);
    if (!isOverride()) {
        setTarget();
        return;
    }
    QListWidgetItem *step = beginStep(tr("Recording the override reason on %1").arg(m_argoCd->application()));
    QJsonObject annotations{
        {OverrideReasonAnnotation, reason},
        {OverrideByAnnotation, m_request.user},
        {OverrideAtAnnotation, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
    const QJsonObject patch{{u"metadata"_s, QJsonObject{{u"annotations"_s, annotations}}}};
    FutureWatch::watch(
        this, m_argoCd->mergePatch(patch),
        [this, step](const ArgoApplication &) {
            endStep(step, true, tr("Override reason recorded"));
            setTarget();
        },
        [this, step](const ApiError &error) {
            fail(step, tr("The override reason could not be recorded; nothing was deployed."),
                 error.toString());
        });
}

void DeployDialog::setTarget()
{
    if (!m_argoCd)
        return;
    const QString version = m_request.build.chartVersion;
    QListWidgetItem *step =
        beginStep(tr("Pointing %1 at chart version %2").arg(m_argoCd->application(), version));
    FutureWatch::watch(
        this, m_argoCd->setTargetRevision(version),
        [this, step, version](const ArgoApplication &) {
            endStep(step, true, tr("Target revision set to %1").arg(version));
            startSync();
        },
        [this, step, version](const ApiError &error) {
            fail(step, tr("Argo CD refused target revision %1.").arg(version), error.toString());
        });
}

void DeployDialog::startSync()
{
    if (!m_argoCd)
        return;
    QListWidgetItem *step = beginStep(tr("Starting the sync"));
    ArgoCdClient::SyncOptions options;
    options.revision = m_request.build.chartVersion;
    FutureWatch::watch(
        this, m_argoCd->sync(options),
        [this, step](const ArgoApplication &application) {
            endStep(step, true, tr("Sync started"));
            follow(application);
        },
        [this, step](const ApiError &error) {
            if (error.kind() != ApiError::Kind::Conflict) {
                fail(step, tr("The sync could not be started."), error.toString());
                return;
            }
            // Auto-sync saw the new target first: follow its operation instead of starting a second one.
            endStep(step, true, tr("Auto-sync already started the operation"));
            follow(std::nullopt);
        });
}

void DeployDialog::follow(const std::optional<ArgoApplication> &current)
{
    if (!m_argoCd)
        return;
    m_waitStep = beginStep(tr("Waiting until %1 is synced and healthy").arg(m_argoCd->application()));
    m_watcher = m_argoCd->watch(this);
    m_waiter = new OperationWaiter(m_watcher, OperationWaiter::all(), this);
    m_waiter->setTimeoutSeconds(m_timeoutSeconds);
    connect(m_waiter, &OperationWaiter::applicationSeen, this, [this](const ArgoApplication &application) {
        const QString phase = application.operationState ? application.operationState->phase : QString();
        m_status->setText(tr("Operation: %1 · sync: %2 · health: %3")
                              .arg(phase.isEmpty() ? tr("requested") : phase,
                                   application.syncStatus.isEmpty() ? tr("unknown") : application.syncStatus,
                                   application.health.isEmpty() ? tr("unknown") : application.health));
    });
    connect(m_waiter, &OperationWaiter::finished, this, [this](const OperationWaiter::Result &result) {
        m_watcher->stop();
        const QString version = m_request.build.chartVersion;
        const QString live = result.application ? result.application->liveRevision() : QString();
        switch (result.outcome) {
        case OperationWaiter::Outcome::Reached:
            if (live != version) {
                fail(m_waitStep, tr("Argo CD finished, but %1 is live instead of %2.").arg(live, version),
                     result.application && result.application->operationState
                         ? result.application->operationState->message
                         : QString());
                return;
            }
            endStep(m_waitStep, true, tr("%1 is live: synced and healthy").arg(version));
            m_status->setText(tr("Deployed %1 to %2.").arg(version, m_request.environment));
            m_banner->showMessage(MessageBanner::Type::Information,
                                  tr("%1 is live in %2.").arg(version, m_request.environment),
                                  m_gitHub ? tr("You can now create a GitHub release for it.") : QString());
            m_releaseButton->setVisible(m_gitHub != nullptr);
            setState(State::Succeeded);
            Q_EMIT deployed(*result.application);
            return;
        case OperationWaiter::Outcome::Degraded:
            fail(m_waitStep, tr("%1 was synced but the application is Degraded.").arg(version),
                 result.application ? result.application->healthMessage : QString());
            return;
        case OperationWaiter::Outcome::TimedOut:
            fail(m_waitStep, tr("Gave up waiting after %n second(s).", nullptr, m_timeoutSeconds),
                 tr("The operation may still finish; check the application in Argo CD."));
            return;
        case OperationWaiter::Outcome::Failed:
            break;
        }
        fail(m_waitStep, tr("Following the deploy failed."),
             result.error ? result.error->toString() : QString());
    });
    connect(m_waiter, &OperationWaiter::finished, m_waiter, &QObject::deleteLater);
    if (current) {
        m_waiter->start(current);
        return;
    }
    FutureWatch::watch(
        this, m_argoCd->get(),
        [this](const ArgoApplication &application) {
            if (m_waiter)
                m_waiter->start(application);
        },
        [this](const ApiError &) {
            if (m_waiter)
                m_waiter->start();
        });
}

void DeployDialog::openRelease()
{
    if (!m_gitHub || m_state != State::Succeeded)
        return;
    Q_EMIT releaseRequested();
    auto *dialog = new ReleaseDialog(m_gitHub, m_request.build.chartVersion, m_request.build.run.headSha,
                                     m_request.previousVersion, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void DeployDialog::reject()
{
    // Closing while the deploy runs only stops following it: Argo CD carries on regardless.
    if (m_watcher)
        m_watcher->stop();
    QDialog::reject();
}

} // namespace capstan
