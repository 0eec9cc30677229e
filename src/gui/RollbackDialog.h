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
// it first, with a reason that is recorded on the application, so the rollback sticks.
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

public Q_SLOTS:
    void start();

Q_SIGNALS:
    // The rollback was accepted by Argo CD; `application` is its answer (with the operation set).
    void rollbackStarted(const capstan::ArgoApplication &application);
    // Auto-sync was switched off (the application as Argo CD returned it).
    void autoSyncSuspended(const capstan::ArgoApplication &application);
    void errorOccurred(const capstan::ApiError &error);

private:
    void updateState();
    void rollback();
    void fail(const ApiError &error, const QString &context);

    ArgoApplication m_application;
    ArgoApplication::HistoryEntry m_target;
    QPointer<ArgoCdClient> m_client;
    QString m_by;
    bool m_requiresSuspension;
    bool m_suspended = false;
    bool m_busy = false;

    MessageBanner *m_banner;
    QCheckBox *m_suspendCheck = nullptr;
    QLineEdit *m_reasonEdit = nullptr;
    QLabel *m_missingLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_rollbackButton;
};

} // namespace capstan
