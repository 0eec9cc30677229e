#include "RollbackDialog.h"

#include "ArgoStatusBadge.h"
#include "FutureWatch.h"
#include "MessageBanner.h"

#include "argocd/ArgoCdClient.h"
#include "pipeline/DeployJournal.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

QString dateText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QCoreApplication::translate("RollbackDialog", "unknown");
}

// One side of the from → to comparison; fillCard() writes it.
QFrame *entryCard(const QString &caption, const QString &name, QWidget *parent)
{
    auto *card = new QFrame(parent);
    card->setObjectName(name);
    card->setFrameShape(QFrame::StyledPanel);
    card->setStyleSheet(u"QFrame#%1 { border: 1px solid palette(mid); border-radius: 6px;"
                        " background: palette(base); }"_s.arg(name));
    auto *layout = new QVBoxLayout(card);
    auto *captionLabel = new QLabel(caption, card);
    captionLabel->setStyleSheet(u"color: palette(placeholder-text); font-weight: bold;"_s);
    layout->addWidget(captionLabel);
    auto *version = new QLabel(card);
    version->setObjectName(name + u"Version"_s);
    QFont big = version->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    version->setFont(big);
    auto *details = new QLabel(card);
    details->setObjectName(name + u"Details"_s);
    layout->addWidget(version);
    layout->addWidget(details);
    return card;
}

void fillCard(QWidget *dialog, const QString &name, const std::optional<ArgoApplication::HistoryEntry> &entry,
              const QString &missing)
{
    auto *version = dialog->findChild<QLabel *>(name + u"Version"_s);
    auto *details = dialog->findChild<QLabel *>(name + u"Details"_s);
    if (!entry) {
        version->setText(QCoreApplication::translate("RollbackDialog", "nothing"));
        details->setText(missing);
        return;
    }
    version->setText(entry->revision.isEmpty() ? QCoreApplication::translate("RollbackDialog", "(no version)")
                                               : entry->revision);
    details->setText(
        QCoreApplication::translate("RollbackDialog", "History #%1\nDeployed %2%3")
            .arg(entry->id)
            .arg(dateText(entry->deployedAt),
                 entry->initiatedBy.isEmpty()
                     ? QString()
                     : QCoreApplication::translate("RollbackDialog", " by %1").arg(entry->initiatedBy)));
}

} // namespace

RollbackDialog::RollbackDialog(const ArgoApplication &application,
                               const ArgoApplication::HistoryEntry &target, ArgoCdClient *client,
                               const QString &by, QWidget *parent)
    : QDialog(parent)
    , m_application(application)
    , m_target(target)
    , m_client(client)
    , m_by(by)
    , m_requiresSuspension(application.autoSyncEnabled)
    , m_banner(new MessageBanner(this))
    , m_note(new QLabel(this))
    , m_autoSyncGroup(new QGroupBox(tr("Auto-sync is on"), this))
    , m_autoSyncExplanation(new QLabel(m_autoSyncGroup))
    , m_suspensionNote(new QLabel(this))
    , m_suspendCheck(new QCheckBox(tr("Suspend auto-sync first"), m_autoSyncGroup))
    , m_reasonEdit(new QLineEdit(m_autoSyncGroup))
    , m_missingLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_rollbackButton(new QPushButton(this))
{
    setObjectName(u"rollbackDialog"_s);
    setWindowTitle(tr("Roll back %1").arg(application.name));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    auto *title = new QLabel(
        tr("Roll back <b>%1</b> to an earlier deployment").arg(application.name.toHtmlEscaped()), this);
    layout->addWidget(title);

    auto *cards = new QHBoxLayout;
    cards->addWidget(entryCard(tr("LIVE NOW"), u"rollbackFrom"_s, this), 1);
    auto *arrow = new QLabel(u"→"_s, this);
    QFont arrowFont = arrow->font();
    arrowFont.setPointSizeF(arrowFont.pointSizeF() * 2.2);
    arrow->setFont(arrowFont);
    cards->addWidget(arrow);
    cards->addWidget(entryCard(tr("ROLL BACK TO"), u"rollbackTo"_s, this), 1);
    layout->addLayout(cards);

    m_note->setObjectName(u"rollbackNote"_s);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);

    m_autoSyncGroup->setObjectName(u"autoSyncGroup"_s);
    m_autoSyncGroup->setStyleSheet(
        u"QGroupBox#autoSyncGroup { border: 1px solid #d08a16; border-radius: 6px;"
        " margin-top: 1.2em; padding: 8px; background: #fff6e0; }"
        " QGroupBox#autoSyncGroup::title { subcontrol-origin: margin; left: 10px;"
        " color: #8a5a00; font-weight: bold; }"
        " QGroupBox#autoSyncGroup QLabel, QGroupBox#autoSyncGroup QCheckBox { color: #202020; }"_s);
    auto *groupLayout = new QVBoxLayout(m_autoSyncGroup);
    m_autoSyncExplanation->setObjectName(u"autoSyncExplanation"_s);
    m_autoSyncExplanation->setWordWrap(true);
    groupLayout->addWidget(m_autoSyncExplanation);
    m_suspendCheck->setObjectName(u"suspendAutoSyncCheck"_s);
    groupLayout->addWidget(m_suspendCheck);
    auto *form = new QFormLayout;
    m_reasonEdit->setObjectName(u"suspendReasonEdit"_s);
    m_reasonEdit->setMaxLength(500);
    form->addRow(tr("Reason:"), m_reasonEdit);
    groupLayout->addLayout(form);
    layout->addWidget(m_autoSyncGroup);
    connect(m_suspendCheck, &QCheckBox::toggled, this, &RollbackDialog::updateState);
    connect(m_reasonEdit, &QLineEdit::textChanged, this, &RollbackDialog::updateState);

    m_suspensionNote->setObjectName(u"suspensionNote"_s);
    m_suspensionNote->setWordWrap(true);
    layout->addWidget(m_suspensionNote);

    m_missingLabel->setObjectName(u"rollbackMissingInput"_s);
    m_missingLabel->setStyleSheet(u"color: #8a5a00;"_s);
    m_missingLabel->setWordWrap(true);
    layout->addWidget(m_missingLabel);
    layout->addWidget(m_banner);
    layout->addStretch(1);

    m_rollbackButton->setObjectName(u"rollbackConfirmButton"_s);
    m_rollbackButton->setText(m_target.revision.isEmpty() ? tr("Roll back")
                                                          : tr("Roll back to %1").arg(m_target.revision));
    m_rollbackButton->setDefault(true);
    m_buttons->addButton(m_rollbackButton, QDialogButtonBox::ActionRole);
    layout->addWidget(m_buttons);
    connect(m_rollbackButton, &QPushButton::clicked, this, &RollbackDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    showApplication();
    resize(qMax(sizeHint().width(), 620), sizeHint().height());
}

void RollbackDialog::showApplication()
{
    const ArgoApplication &application = m_application;
    const std::optional<qint64> liveId = application.liveHistoryId();
    const std::optional<ArgoApplication::HistoryEntry> live =
        liveId ? application.historyEntry(*liveId) : std::nullopt;
    fillCard(this, u"rollbackFrom"_s, live, tr("No deployment in the history"));
    const std::optional<ArgoApplication::HistoryEntry> target = application.historyEntry(m_target.id);
    m_targetGone = !target || (liveId && *liveId == m_target.id);
    fillCard(this, u"rollbackTo"_s, target ? target : std::optional(m_target), {});
    if (target)
        m_target = *target;

    m_note->setText(tr("Argo CD re-deploys chart %1 version %2 with the source it was deployed with. The "
                       "target revision (%3) does not change, so the application shows OutOfSync "
                       "afterwards.")
                        .arg(application.chart, m_target.revision, application.targetRevision));

    // Once suspended here, auto-sync stays off whatever the application said before.
    m_requiresSuspension = application.autoSyncEnabled && !m_suspended;
    m_autoSyncGroup->setVisible(m_requiresSuspension);
    m_autoSyncExplanation->setText(
        tr("Argo CD refuses a rollback while automated sync is enabled, and auto-sync would "
           "deploy %1 again "
           "right afterwards. Capstan suspends auto-sync first and records on the application "
           "who did it, "
           "when and why; the application stays paused until someone restores auto-sync.")
            .arg(application.targetRevision));
    m_reasonEdit->setPlaceholderText(
        tr("why, e.g. %1 breaks the login page").arg(live ? live->revision : application.targetRevision));
    const std::optional<ArgoApplication::AutoSyncSuspension> suspension = application.autoSyncSuspension();
    if (!m_requiresSuspension && suspension) {
        m_suspensionNote->setText(ArgoStatusBadge::suspensionText(*suspension) + u". "_s +
                                  tr("It stays suspended after the rollback."));
        m_suspensionNote->show();
    } else {
        m_suspensionNote->hide();
    }
    updateState();
}

QString RollbackDialog::describeEntry(const ArgoApplication::HistoryEntry &entry)
{
    return tr("#%1 · %2 · deployed %3").arg(entry.id).arg(entry.revision, dateText(entry.deployedAt));
}

QString RollbackDialog::missingInput() const
{
    if (!m_client)
        return tr("Not connected to Argo CD.");
    if (m_targetGone)
        return m_application.liveHistoryId() == m_target.id
                   ? tr("History #%1 is the version running now; there is nothing to roll back to.")
                         .arg(m_target.id)
                   : tr("History #%1 is no longer in Argo CD's history; close this dialog and pick another "
                        "entry.")
                         .arg(m_target.id);
    if (m_requiresSuspension && !m_suspended) {
        if (!m_suspendCheck->isChecked())
            return tr(
                "Argo CD will refuse the rollback while auto-sync is on: tick “Suspend auto-sync first”.");
        if (m_reasonEdit->text().trimmed().isEmpty())
            return tr("Give a reason for suspending auto-sync; it is recorded on the application.");
    }
    return {};
}

bool RollbackDialog::canProceed() const
{
    return missingInput().isEmpty();
}

void RollbackDialog::updateState()
{
    const QString missing = missingInput();
    m_missingLabel->setText(missing);
    m_missingLabel->setVisible(!missing.isEmpty());
    m_rollbackButton->setEnabled(missing.isEmpty() && !m_busy);
    m_suspendCheck->setEnabled(!m_busy && !m_suspended);
    m_reasonEdit->setEnabled(!m_busy && !m_suspended);
}

QString RollbackDialog::change() const
{
    return tr("%1 → %2 (history #%3)")
        .arg(m_application.liveRevision().isEmpty() ? tr("nothing") : m_application.liveRevision(),
             m_target.revision)
        .arg(m_target.id);
}

void RollbackDialog::start()
{
    if (m_busy || !canProceed())
        return;
    m_busy = true;
    m_banner->showMessage(MessageBanner::Type::Information,
                          tr("Checking that Argo CD still shows the same…"));
    updateState();
    // What was confirmed is what was shown: read the application again and refuse if it moved.
    FutureWatch::watch(
        this, m_client->get(),
        [this](const ArgoApplication &current) {
            const QStringList changes = current.rollbackChangesSince(m_application, m_target.id);
            if (changes.isEmpty()) {
                m_application = current;
                proceed();
                return;
            }
            const QString reason = m_reasonEdit->text().trimmed();
            const QString message =
                tr("Argo CD changed since the dialog opened: %1").arg(changes.join(u"; "_s));
            m_busy = false;
            m_application = current;
            showApplication();
            m_banner->showMessage(MessageBanner::Type::Warning,
                                  tr("Nothing was rolled back: Argo CD changed since this dialog opened."),
                                  changes.join(u"\n"_s) + u"\n"_s +
                                      tr("The dialog shows the new state; confirm again if the rollback "
                                         "still makes sense."));
            Q_EMIT applicationChanged(current);
            Q_EMIT actionFinished(u"rollback"_s, u"refused"_s, message, reason);
            Q_EMIT refused(changes);
        },
        [this](const ApiError &error) {
            fail(error, tr("Could not check the application before the rollback"));
            Q_EMIT actionFinished(
                u"rollback"_s, DeployJournal::outcomeOf(error),
                tr("%1: could not re-read the application: %2").arg(change(), error.toString()),
                m_reasonEdit->text().trimmed());
        });
}

void RollbackDialog::proceed()
{
    if (!m_requiresSuspension || m_suspended) {
        rollback();
        return;
    }
    const QString reason = m_reasonEdit->text().trimmed();
    m_banner->showMessage(MessageBanner::Type::Information, tr("Suspending auto-sync…"));
    FutureWatch::watch(
        this, m_client->suspendAutoSync(m_by, reason),
        [this, reason](const ArgoApplication &application) {
            m_suspended = true;
            m_application = application;
            Q_EMIT autoSyncSuspended(application);
            Q_EMIT actionFinished(u"auto-sync-off"_s, u"succeeded"_s,
                                  tr("suspended before the rollback to %1").arg(m_target.revision), reason);
            rollback();
        },
        [this, reason](const ApiError &error) {
            fail(error, tr("Auto-sync could not be suspended"));
            const QString outcome = DeployJournal::outcomeOf(error);
            Q_EMIT actionFinished(u"auto-sync-off"_s, outcome, error.toString(), reason);
            Q_EMIT actionFinished(
                u"rollback"_s, outcome,
                tr("%1: auto-sync could not be suspended: %2").arg(change(), error.toString()), reason);
        });
}

void RollbackDialog::rollback()
{
    if (!m_client) {
        fail(ApiError(ApiError::Kind::Config, tr("Not connected to Argo CD.")), tr("Rollback failed"));
        return;
    }
    const QString reason = m_suspended || m_requiresSuspension ? m_reasonEdit->text().trimmed() : QString();
    m_banner->showMessage(MessageBanner::Type::Information,
                          tr("Asking Argo CD to roll back to %1…").arg(describeEntry(m_target)));
    FutureWatch::watch(
        this, m_client->rollback(m_target.id),
        [this, reason](const ArgoApplication &application) {
            m_busy = false;
            const QString message = tr("%1, accepted by Argo CD").arg(change());
            Q_EMIT rollbackStarted(application);
            Q_EMIT actionFinished(u"rollback"_s, u"succeeded"_s, message, reason);
            accept();
        },
        [this, reason](const ApiError &error) {
            fail(error,
                 m_suspended ? tr("Auto-sync is suspended, but the rollback failed") : tr("Rollback failed"));
            Q_EMIT actionFinished(u"rollback"_s, DeployJournal::outcomeOf(error),
                                  tr("%1: %2").arg(change(), error.toString()), reason);
        });
}

void RollbackDialog::fail(const ApiError &error, const QString &context)
{
    m_busy = false;
    QString hint = error.hint();
    if (m_suspended)
        hint = tr("Auto-sync stays suspended; restore it from the History view if you give up.") +
               (hint.isEmpty() ? QString() : u"\n"_s + hint);
    m_banner->showMessage(MessageBanner::Type::Error, context + u": "_s + error.toString(), hint);
    updateState();
    Q_EMIT errorOccurred(error);
}

} // namespace capstan
