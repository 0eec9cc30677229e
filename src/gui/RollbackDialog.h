#pragma once

#include "argocd/ArgoApplication.h"
#include "net/ApiError.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace capstan {

class ArgoCdClient;
class MessageBanner;

// Why: Argo CD refuses a rollback while auto-sync is on, and a rollback is undone as soon as auto-sync
// comes back; this dialog shows what changes (from → to), and when auto-sync is on has the user suspend
// it first, with a reason that is recorded on the application, so the rollback sticks. A confirmation
// holds only for what was shown: if Argo CD moved meanwhile, the dialog shows the new state instead.
class RollbackDialog : public QDialog
{
    Q_OBJECT
public:
    // `by` is recorded as who suspended auto-sync.
    RollbackDialog(const ArgoApplication &application, const ArgoApplication::HistoryEntry &target,
                   ArgoCdClient *client, const QString &by, QWidget *parent = nullptr);

    qint64 targetId() const { return m_target.id; }
    bool requiresSuspension() const { return m_requiresSuspension; }
    // Every required input is there (suspension confirmed and a reason given when auto-sync is on).
    bool canProceed() const;
    QString missingInput() const; // what still blocks the rollback; empty when nothing
    bool isBusy() const { return m_busy; }

    static QString describeEntry(const ArgoApplication::HistoryEntry &entry);

    ArgoApplication application() const { return m_application; } // the state shown

public Q_SLOTS:
    // Re-reads the application; refuses (refused(), the new state shown) when it changed since it was shown,
    // else suspends auto-sync when required and asks Argo CD for the rollback.
    void start();

Q_SIGNALS:
    // The rollback was accepted by Argo CD; `application` is its answer (with the operation set).
    void rollbackStarted(const capstan::ArgoApplication &application);
    // Auto-sync was switched off (the application as Argo CD returned it).
    void autoSyncSuspended(const capstan::ArgoApplication &application);
    void errorOccurred(const capstan::ApiError &error);
    // Confirm found Argo CD changed since the dialog showed it; `changes` say what. Nothing was changed.
    void refused(const QStringList &changes);
    // The application as re-read on confirm.
    void applicationChanged(const capstan::ArgoApplication &application);
    // An action ended (kind "rollback" or "auto-sync-off", outcome "succeeded", "failed" or "refused"),
    // for the journal.
    void actionFinished(const QString &kind, const QString &outcome, const QString &message,
                        const QString &reason);

private:
    void showApplication();
    void updateState();
    void proceed();
    void rollback();
    void fail(const ApiError &error, const QString &context);
    QString change() const; // "1.0.0-147 → 1.0.0-146 (history #12)"

    ArgoApplication m_application;
    ArgoApplication::HistoryEntry m_target;
    QPointer<ArgoCdClient> m_client;
    QString m_by;
    bool m_requiresSuspension;
    bool m_suspended = false;
    bool m_busy = false;
    bool m_targetGone = false; // the target left the history or became the live entry

    MessageBanner *m_banner;
    QLabel *m_note;
    QWidget *m_autoSyncGroup;
    QLabel *m_autoSyncExplanation;
    QLabel *m_suspensionNote;
    QCheckBox *m_suspendCheck;
    QLineEdit *m_reasonEdit;
    QLabel *m_missingLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_rollbackButton;
};

} // namespace capstan
