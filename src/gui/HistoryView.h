#pragma once

#include "RollbackDialog.h"

#include "argocd/ArgoApplication.h"
#include "argocd/ArgoCdClient.h"
#include "net/ApiError.h"

#include <QDateTime>
#include <QMessageBox>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace capstan {

class DeployJournal;
class HistoryModel;
class MessageBanner;

// Why: the release manager's view of Argo CD: what is live, what was deployed before, and the actions on
// it (Rollback to an entry, Sync now, Restore auto-sync, Terminate) with their progress, without blocking;
// rollbacks and auto-sync changes go to the journal.
class HistoryView : public QWidget
{
    Q_OBJECT
public:
    enum class State { NotConfigured, Connecting, Ready, Failed };
    Q_ENUM(State)

    // `journal` records rollbacks and auto-sync changes; may be null (not recorded). Not owned.
    explicit HistoryView(DeployJournal *journal = nullptr, QWidget *parent = nullptr);
    ~HistoryView() override;

    // `by` is recorded as who suspended auto-sync. A null client clears the view.
    void setClient(ArgoCdClient *client, const QString &by);
    ArgoCdClient *client() const { return m_client; }
    void showNotConfigured(const QString &reason);
    void showConnecting(const QString &server);
    // Inline error with Retry (or "Log in…" for a rejected session).
    void showError(const ApiError &error);

    State state() const { return m_state; }
    HistoryModel *historyModel() const { return m_model; }
    std::optional<ArgoApplication> application() const { return m_application; }
    std::optional<qint64> selectedHistoryId() const;
    // Selects an entry; it stays selected until the default rollback target moves (the history changed).
    bool selectHistoryId(qint64 id);
    std::optional<qint64> defaultTargetId() const; // the entry the selection returns to
    RollbackDialog *rollbackDialog() const { return m_rollbackDialog; }
    QMessageBox *confirmationBox() const { return m_confirmation; }
    MessageBanner *suspensionBanner() const { return m_suspensionBanner; }
    MessageBanner *errorBanner() const { return m_errorBanner; }
    MessageBanner *operationBanner() const { return m_operationBanner; }
    bool isProgressShown() const;
    QString progressText() const;

public Q_SLOTS:
    // Live state from the watcher (or any call's answer).
    void setApplication(const capstan::ArgoApplication &application);
    void refresh();
    void rollbackSelected();
    void syncNow();
    void restoreAutoSync();
    void terminateOperation();

Q_SIGNALS:
    void stateChanged(capstan::HistoryView::State state);
    void applicationLoaded(const capstan::ArgoApplication &application);
    // Every failed Argo CD call, so the window can ask for a new login on 401.
    void argoCdErrorOccurred(const capstan::ApiError &error);
    void loginRequested();
    void operationFinished(bool succeeded, const QString &text);
    void autoSyncRestored();
    // An action was written to the journal (so a Journal view can refresh).
    void actionRecorded();

private:
    void setState(State state);
    void updateSummary();
    void updateProgress();
    void updateActions();
    void restoreSelection();
    void handleError(const ApiError &error, const QString &context);
    void startOperation(const QString &description, const ArgoApplication &answer);
    QMessageBox *confirm(const QString &title, const QString &text, const QString &informative,
                         const QString &button, const std::function<void()> &onYes);
    void record(const QString &kind, const QString &outcome, const QString &message,
                const QString &reason = {});

    DeployJournal *m_journal;
    QPointer<ArgoCdClient> m_client;
    QString m_by;
    State m_state = State::NotConfigured;
    std::optional<ArgoApplication> m_application;
    QDateTime m_applicationAt; // when Argo CD last sent m_application
    std::optional<qint64> m_selectedId;
    QString m_pendingOperation; // what Capstan started and is waiting for; empty when nothing
    bool m_pendingSeenRunning = false;
    bool m_errorWantsLogin = false;
    bool m_busy = false;
    bool m_columnsSized = false;
    quint64 m_loadGeneration = 0;

    HistoryModel *m_model;
    QStackedWidget *m_pages;
    QLabel *m_placeholder;
    QLabel *m_titleLabel;
    QLabel *m_syncPill;
    QLabel *m_healthPill;
    QLabel *m_detailsLabel;
    QPushButton *m_refreshButton;
    MessageBanner *m_errorBanner;
    MessageBanner *m_suspensionBanner;
    MessageBanner *m_operationBanner;
    QWidget *m_progressRow;
    QProgressBar *m_progressBar;
    QLabel *m_progressLabel;
    QPushButton *m_terminateButton;
    QTableView *m_table;
    QLabel *m_selectionLabel;
    QPushButton *m_rollbackButton;
    QPushButton *m_syncButton;
    QTimer *m_ticker;
    QPointer<RollbackDialog> m_rollbackDialog;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace capstan
