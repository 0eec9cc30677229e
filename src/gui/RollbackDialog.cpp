#include "RollbackDialog.h"

#include "ArgoStatusBadge.h"
#include "FutureWatch.h"
#include "MessageBanner.h"

#include "argocd/ArgoCdClient.h"

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

// One side of the from → to comparison.
QFrame *entryCard(const QString &caption, const ArgoApplication::HistoryEntry *entry, const QString &name,
                  QWidget *parent)
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
    if (entry) {
        version->setText(entry->revision.isEmpty()
                             ? QCoreApplication::translate("RollbackDialog", "(no version)")
                             : entry->revision);
        details->setText(
            QCoreApplication::translate("RollbackDialog", "History #%1\nDeployed %2%3")
                .arg(entry->id)
                .arg(dateText(entry->deployedAt),
                     entry->initiatedBy.isEmpty()
                         ? QString()
                         : QCoreApplication::translate("RollbackDialog", " by %1").arg(entry->initiatedBy)));
    } else {
        version->setText(QCoreApplication::translate("RollbackDialog", "nothing"));
        details->setText(QCoreApplication::translate("RollbackDialog", "No deployment in the history"));
    }
    layout->addWidget(version);
    layout->addWidget(details);
    return card;
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

    const std::optional<qint64> liveId = application.liveHistoryId();
    const std::optional<ArgoApplication::HistoryEntry> live =
        liveId ? application.historyEntry(*liveId) : std::nullopt;
    auto *cards = new QHBoxLayout;
    cards->addWidget(entryCard(tr("LIVE NOW"), live ? &*live : nullptr, u"rollbackFrom"_s, this), 1);
    auto *arrow = new QLabel(u"→"_s, this);
    QFont arrowFont = arrow->font();
    arrowFont.setPointSizeF(arrowFont.pointSizeF() * 2.2);
    arrow->setFont(arrowFont);
    cards->addWidget(arrow);
    cards->addWidget(entryCard(tr("ROLL BACK TO"), &m_target, u"rollbackTo"_s, this), 1);
    layout->addLayout(cards);

    auto *note =
        new QLabel(tr("Argo CD re-deploys chart %1 version %2 with the source it was deployed with. The "
                      "target revision (%3) does not change, so the application shows OutOfSync "
                      "afterwards.")
                       .arg(application.chart, m_target.revision, application.targetRevision),
                   this);
    note->setWordWrap(true);
    layout->addWidget(note);

    if (m_requiresSuspension) {
        auto *group = new QGroupBox(tr("Auto-sync is on"), this);
        group->setObjectName(u"autoSyncGroup"_s);
        group->setStyleSheet(
            u"QGroupBox#autoSyncGroup { border: 1px solid #d08a16; border-radius: 6px;"
            " margin-top: 1.2em; padding: 8px; background: #fff6e0; }"
            " QGroupBox#autoSyncGroup::title { subcontrol-origin: margin; left: 10px;"
            " color: #8a5a00; font-weight: bold; }"
            " QGroupBox#autoSyncGroup QLabel, QGroupBox#autoSyncGroup QCheckBox { color: #202020; }"_s);
        auto *groupLayout = new QVBoxLayout(group);
        auto *explain =
            new QLabel(tr("Argo CD refuses a rollback while automated sync is enabled, and auto-sync would "
                          "deploy %1 again "
                          "right afterwards. Capstan suspends auto-sync first and records on the application "
                          "who did it, "
                          "when and why; the application stays paused until someone restores auto-sync.")
                           .arg(application.targetRevision),
                       group);
        explain->setObjectName(u"autoSyncExplanation"_s);
        explain->setWordWrap(true);
        groupLayout->addWidget(explain);
        m_suspendCheck = new QCheckBox(tr("Suspend auto-sync first"), group);
        m_suspendCheck->setObjectName(u"suspendAutoSyncCheck"_s);
        groupLayout->addWidget(m_suspendCheck);
        auto *form = new QFormLayout;
        m_reasonEdit = new QLineEdit(group);
        m_reasonEdit->setObjectName(u"suspendReasonEdit"_s);
        m_reasonEdit->setPlaceholderText(
            tr("why, e.g. %1 breaks the login page").arg(live ? live->revision : application.targetRevision));
        m_reasonEdit->setMaxLength(500);
        form->addRow(tr("Reason:"), m_reasonEdit);
        groupLayout->addLayout(form);
        layout->addWidget(group);
        connect(m_suspendCheck, &QCheckBox::toggled, this, &RollbackDialog::updateState);
        connect(m_reasonEdit, &QLineEdit::textChanged, this, &RollbackDialog::updateState);
    } else if (const auto suspension = application.autoSyncSuspension()) {
        auto *paused = new QLabel(ArgoStatusBadge::suspensionText(*suspension) + u". "_s +
                                      tr("It stays suspended after the rollback."),
                                  this);
        paused->setObjectName(u"suspensionNote"_s);
        paused->setWordWrap(true);
        layout->addWidget(paused);
    }

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

    updateState();
    resize(qMax(sizeHint().width(), 620), sizeHint().height());
}

QString RollbackDialog::describeEntry(const ArgoApplication::HistoryEntry &entry)
{
    return tr("#%1 · %2 · deployed %3").arg(entry.id).arg(entry.revision, dateText(entry.deployedAt));
}

QString RollbackDialog::missingInput() const
{
    if (!m_client)
        return tr("Not connected to Argo CD.");
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
    if (m_suspendCheck) {
        m_suspendCheck->setEnabled(!m_busy && !m_suspended);
        m_reasonEdit->setEnabled(!m_busy && !m_suspended);
    }
}

void RollbackDialog::start()
{
    if (m_busy || !canProceed())
        return;
    m_busy = true;
    m_banner->clear();
    updateState();
    if (!m_requiresSuspension || m_suspended) {
        rollback();
        return;
    }
    m_banner->showMessage(MessageBanner::Type::Information, tr("Suspending auto-sync…"));
    FutureWatch::watch(
        this, m_client->suspendAutoSync(m_by, m_reasonEdit->text().trimmed()),
        [this](const ArgoApplication &application) {
            m_suspended = true;
            Q_EMIT autoSyncSuspended(application);
            rollback();
        },
        [this](const ApiError &error) { fail(error, tr("Auto-sync could not be suspended")); });
}

void RollbackDialog::rollback()
{
    if (!m_client) {
        fail(ApiError(ApiError::Kind::Config, tr("Not connected to Argo CD.")), tr("Rollback failed"));
        return;
    }
    m_banner->showMessage(MessageBanner::Type::Information,
                          tr("Asking Argo CD to roll back to %1…").arg(describeEntry(m_target)));
    FutureWatch::watch(
        this, m_client->rollback(m_target.id),
        [this](const ArgoApplication &application) {
            m_busy = false;
            Q_EMIT rollbackStarted(application);
            accept();
        },
        [this](const ApiError &error) {
            fail(error,
                 m_suspended ? tr("Auto-sync is suspended, but the rollback failed") : tr("Rollback failed"));
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
