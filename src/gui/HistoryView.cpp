#include "HistoryView.h"

#include "ArgoStatusBadge.h"
#include "FutureWatch.h"
#include "HistoryItemDelegate.h"
#include "MessageBanner.h"
#include "RollbackDialog.h"

#include "argocd/ArgoCdClient.h"
#include "argocd/AutoSyncRestore.h"
#include "argocd/DeployLock.h"
#include "models/DataAge.h"
#include "models/HistoryModel.h"
#include "pipeline/DeployJournal.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

QString elapsedSince(const QDateTime &start)
{
    const qint64 seconds = std::max<qint64>(0, start.secsTo(QDateTime::currentDateTimeUtc()));
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

HistoryView::HistoryView(DeployJournal *journal, QWidget *parent)
    : QWidget(parent)
    , m_journal(journal)
    , m_model(new HistoryModel(this))
    , m_pages(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_syncPill(new QLabel(this))
    , m_healthPill(new QLabel(this))
    , m_detailsLabel(new QLabel(this))
    , m_refreshButton(new QPushButton(tr("Refresh"), this))
    , m_errorBanner(new MessageBanner(this))
    , m_suspensionBanner(new MessageBanner(this))
    , m_operationBanner(new MessageBanner(this))
    , m_progressRow(new QWidget(this))
    , m_progressBar(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_terminateButton(new QPushButton(tr("Terminate…"), this))
    , m_table(new QTableView(this))
    , m_selectionLabel(new QLabel(this))
    , m_rollbackButton(new QPushButton(tr("Rollback…"), this))
    , m_syncButton(new QPushButton(tr("Sync now…"), this))
    , m_ticker(new QTimer(this))
{
    setObjectName(u"historyView"_s);
    m_placeholder->setObjectName(u"historyPlaceholder"_s);
    m_titleLabel->setObjectName(u"historyAppName"_s);
    m_syncPill->setObjectName(u"historySyncPill"_s);
    m_healthPill->setObjectName(u"historyHealthPill"_s);
    m_detailsLabel->setObjectName(u"historyDetails"_s);
    m_refreshButton->setObjectName(u"historyRefreshButton"_s);
    m_progressBar->setObjectName(u"historyProgressBar"_s);
    m_progressLabel->setObjectName(u"historyProgressLabel"_s);
    m_terminateButton->setObjectName(u"historyTerminateButton"_s);
    m_table->setObjectName(u"historyTable"_s);
    m_selectionLabel->setObjectName(u"historySelection"_s);
    m_rollbackButton->setObjectName(u"rollbackButton"_s);
    m_syncButton->setObjectName(u"syncNowButton"_s);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(40);
    m_pages->addWidget(m_placeholder);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);

    auto *header = new QHBoxLayout;
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_titleLabel->setTextFormat(Qt::PlainText);
    header->addWidget(m_titleLabel);
    header->addSpacing(8);
    header->addWidget(m_syncPill);
    header->addWidget(m_healthPill);
    header->addSpacing(8);
    m_detailsLabel->setTextFormat(Qt::PlainText);
    m_detailsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    header->addWidget(m_detailsLabel, 1);
    header->addWidget(m_refreshButton);
    layout->addLayout(header);

    layout->addWidget(m_errorBanner);
    layout->addWidget(m_suspensionBanner);
    layout->addWidget(m_operationBanner);

    auto *progress = new QHBoxLayout(m_progressRow);
    progress->setContentsMargins(0, 0, 0, 0);
    m_progressBar->setRange(0, 0);
    m_progressBar->setTextVisible(false);
    m_progressBar->setMaximumWidth(160);
    progress->addWidget(m_progressBar);
    m_progressLabel->setTextFormat(Qt::PlainText);
    progress->addWidget(m_progressLabel, 1);
    progress->addWidget(m_terminateButton);
    layout->addWidget(m_progressRow);
    m_progressRow->hide();

    m_table->setModel(m_model);
    m_table->setItemDelegate(new HistoryItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);

    auto *actions = new QHBoxLayout;
    m_selectionLabel->setTextFormat(Qt::PlainText);
    actions->addWidget(m_selectionLabel, 1);
    m_rollbackButton->setToolTip(tr("Re-deploy the selected history entry (shows what changes first)"));
    m_syncButton->setToolTip(tr("Sync the application to its target revision now"));
    actions->addWidget(m_rollbackButton);
    actions->addWidget(m_syncButton);
    layout->addLayout(actions);
    m_pages->addWidget(content);

    m_suspensionBanner->setActionText(tr("Restore auto-sync"));
    connect(m_suspensionBanner, &MessageBanner::actionTriggered, this, &HistoryView::restoreAutoSync);
    connect(m_errorBanner, &MessageBanner::actionTriggered, this, [this] {
        if (m_errorWantsLogin)
            Q_EMIT loginRequested();
        else
            refresh();
    });
    connect(m_refreshButton, &QPushButton::clicked, this, &HistoryView::refresh);
    connect(m_rollbackButton, &QPushButton::clicked, this, &HistoryView::rollbackSelected);
    connect(m_syncButton, &QPushButton::clicked, this, &HistoryView::syncNow);
    connect(m_terminateButton, &QPushButton::clicked, this, &HistoryView::terminateOperation);
    connect(m_table, &QTableView::doubleClicked, this, &HistoryView::rollbackSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (const auto entry = m_model->entryAt(current.row()))
                    m_selectedId = entry->id;
                updateActions();
            });
    // A choice made on the old history does not carry over: the selection goes back to the new default
    // target (the entry before the new live one) once the history has been applied.
    connect(m_model, &HistoryModel::rollbackTargetChanged, this, [this] { m_selectedId.reset(); });
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &HistoryView::updateProgress);

    m_errorBanner->clear();
    m_suspensionBanner->clear();
    m_operationBanner->clear();
    showNotConfigured(tr("Argo CD is not configured — open Settings to add the server and the application."));
}

HistoryView::~HistoryView() = default;

void HistoryView::setState(State state)
{
    m_pages->setCurrentIndex(state == State::NotConfigured || state == State::Connecting ? 0 : 1);
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void HistoryView::setClient(ArgoCdClient *client, const QString &by)
{
    m_client = client;
    m_by = by;
    m_application.reset();
    m_pendingOperation.clear();
    m_model->clear();
    m_errorBanner->clear();
    m_operationBanner->clear();
    if (!client) {
        showNotConfigured(tr("Argo CD is not configured."));
        return;
    }
    m_placeholder->setText(tr("Loading the history of %1…").arg(client->application()));
    setState(State::Connecting);
    refresh();
}

void HistoryView::showNotConfigured(const QString &reason)
{
    m_client = nullptr;
    m_application.reset();
    m_model->clear();
    m_placeholder->setText(reason);
    setState(State::NotConfigured);
}

void HistoryView::showConnecting(const QString &server)
{
    m_placeholder->setText(tr("Connecting to Argo CD at %1…").arg(server));
    setState(State::Connecting);
}

void HistoryView::showError(const ApiError &error)
{
    m_errorWantsLogin = error.kind() == ApiError::Kind::Http && error.status() == 401;
    if (m_errorWantsLogin) {
        m_errorBanner->showMessage(MessageBanner::Type::Error,
                                   tr("Argo CD session expired or token rejected"), error.toString());
        m_errorBanner->setActionText(tr("Log in…"));
    } else {
        m_errorBanner->showMessage(MessageBanner::Type::Error, error.toString(), error.hint());
        m_errorBanner->setActionText(tr("Retry"));
    }
    // With the history on screen a failed action leaves it there; the banner stays until a refresh works.
    if (!m_application)
        setState(State::Failed);
    updateActions();
}

void HistoryView::handleError(const ApiError &error, const QString &context)
{
    ApiError shown = error;
    if (!context.isEmpty())
        shown.prependContext(context);
    showError(shown);
    Q_EMIT argoCdErrorOccurred(error);
}

void HistoryView::refresh()
{
    if (!m_client)
        return;
    const quint64 generation = ++m_loadGeneration;
    m_refreshButton->setEnabled(false);
    FutureWatch::watch(
        this, m_client->get(),
        [this, generation](const ArgoApplication &application) {
            if (generation != m_loadGeneration)
                return;
            m_refreshButton->setEnabled(true);
            m_errorBanner->clear();
            setApplication(application);
        },
        [this, generation](const ApiError &error) {
            if (generation != m_loadGeneration)
                return;
            m_refreshButton->setEnabled(true);
            // The history already on screen stays, marked with its age.
            handleError(error, m_application && m_applicationAt.isValid()
                                   ? tr("Showing the history from %1; could not read the application from "
                                        "Argo CD")
                                         .arg(DataAge::describe(m_applicationAt))
                                   : tr("Could not read the application from Argo CD"));
        });
}

void HistoryView::setApplication(const ArgoApplication &application)
{
    if (!m_client || (!application.name.isEmpty() && application.name != m_client->application()))
        return;
    m_application = application;
    m_applicationAt = QDateTime::currentDateTimeUtc();
    if (m_state == State::Failed && !m_errorWantsLogin)
        m_errorBanner->clear();
    m_model->setApplication(application);
    if (!m_columnsSized && m_model->rowCount() > 0) {
        m_columnsSized = true;
        m_table->resizeColumnsToContents();
        for (int column = 0; column < m_model->columnCount() - 1; ++column)
            m_table->setColumnWidth(column, m_table->columnWidth(column) + 40);
    }
    restoreSelection();
    updateSummary();
    updateProgress();
    updateActions();
    if (m_state != State::Failed || !m_errorWantsLogin)
        setState(State::Ready);
    Q_EMIT applicationLoaded(application);
}

void HistoryView::restoreSelection()
{
    QItemSelectionModel *selection = m_table->selectionModel();
    int row = m_selectedId ? m_model->rowForId(*m_selectedId) : -1;
    if (row < 0) {
        for (int r = 0; r < m_model->rowCount(); ++r) {
            if (m_model->index(r, 0).data(HistoryModel::IsRollbackTargetRole).toBool()) {
                row = r;
                break;
            }
        }
    }
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    if (selection->currentIndex().row() != row || !selection->isRowSelected(row, {}))
        selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (const auto entry = m_model->entryAt(row))
        m_selectedId = entry->id;
}

std::optional<qint64> HistoryView::selectedHistoryId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    if (const auto entry = m_model->entryAt(current.row()))
        return entry->id;
    return std::nullopt;
}

std::optional<qint64> HistoryView::defaultTargetId() const
{
    return m_model->rollbackTargetId();
}

bool HistoryView::selectHistoryId(qint64 id)
{
    const int row = m_model->rowForId(id);
    if (row < 0)
        return false;
    m_selectedId = id;
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::ClearAndSelect |
                                                                           QItemSelectionModel::Rows);
    return true;
}

void HistoryView::updateSummary()
{
    if (!m_application)
        return;
    const ArgoApplication &app = *m_application;
    m_titleLabel->setText(app.name);
    m_syncPill->setText(app.syncStatus.isEmpty() ? tr("Unknown") : app.syncStatus);
    m_syncPill->setStyleSheet(ArgoStatusBadge::pillStyle(ArgoStatusBadge::syncColor(app.syncStatus)));
    m_healthPill->setText(app.health.isEmpty() ? tr("Unknown") : app.health);
    m_healthPill->setStyleSheet(ArgoStatusBadge::pillStyle(ArgoStatusBadge::healthColor(app.health)));
    m_healthPill->setToolTip(app.healthMessage);

    const std::optional<ArgoApplication::AutoSyncSuspension> suspension = app.autoSyncSuspension();
    QString autoSync;
    if (app.autoSyncEnabled)
        autoSync = tr("auto-sync on");
    else if (suspension)
        autoSync = tr("auto-sync SUSPENDED");
    else
        autoSync = tr("manual sync");
    const QString live = app.liveRevision().isEmpty() ? tr("nothing") : app.liveRevision();
    m_detailsLabel->setText(
        tr("Live %1 · chart %2 · target %3 · %4").arg(live, app.chart, app.targetRevision, autoSync));
    m_detailsLabel->setToolTip(app.repoUrl);

    if (suspension && !app.autoSyncEnabled) {
        m_suspensionBanner->showMessage(MessageBanner::Type::Warning,
                                        ArgoStatusBadge::suspensionText(*suspension),
                                        tr("Argo CD does not deploy new versions of %1 until auto-sync is "
                                           "restored. Restoring it syncs the "
                                           "target revision %2 again.")
                                            .arg(app.name, app.targetRevision));
        m_suspensionBanner->setActionText(tr("Restore auto-sync"));
    } else {
        m_suspensionBanner->clear();
    }
}

void HistoryView::updateProgress()
{
    const bool running = m_application && m_application->operationInProgress();
    if (running) {
        const std::optional<ArgoApplication::OperationState> &state = m_application->operationState;
        QString phase = state ? state->phase : tr("Requested");
        if (state && state->isCompleted())
            phase = tr("%1, waiting for Argo CD to compare").arg(state->phase);
        QString text =
            m_pendingOperation.isEmpty()
                ? (state && !state->revision.isEmpty() ? tr("Sync %1").arg(state->revision) : tr("Sync"))
                : m_pendingOperation;
        text += u": "_s + phase;
        if (state && state->startedAt.isValid() && !state->isCompleted())
            text += u" · "_s + elapsedSince(state->startedAt);
        if (state && !state->message.isEmpty())
            text += u" — "_s + state->message;
        m_progressLabel->setText(text);
        if (!m_ticker->isActive())
            m_ticker->start();
        if (!m_pendingOperation.isEmpty())
            m_pendingSeenRunning = true;
    } else {
        m_ticker->stop();
        if (!m_pendingOperation.isEmpty() && m_pendingSeenRunning && m_application) {
            const std::optional<ArgoApplication::OperationState> &state = m_application->operationState;
            const bool succeeded = state && state->isSucceeded();
            const QString text = succeeded
                                     ? tr("%1 finished: %2").arg(m_pendingOperation, state->phase)
                                     : tr("%1 ended with phase %2: %3")
                                           .arg(m_pendingOperation, state ? state->phase : tr("unknown"),
                                                state ? state->message : QString());
            m_operationBanner->showMessage(
                succeeded ? MessageBanner::Type::Information : MessageBanner::Type::Error, text);
            m_operationBanner->setActionText({});
            m_pendingOperation.clear();
            m_pendingSeenRunning = false;
            m_selectedId.reset(); // back to the default: the entry before the new live one
            restoreSelection();
            Q_EMIT operationFinished(succeeded, text);
        }
    }
    m_progressRow->setVisible(running);
}

bool HistoryView::isProgressShown() const
{
    return m_progressRow->isVisibleTo(this);
}

QString HistoryView::progressText() const
{
    return isProgressShown() ? m_progressLabel->text() : QString();
}

void HistoryView::updateActions()
{
    const bool ready = m_client && m_application && !m_busy;
    const bool running = m_application && m_application->operationInProgress();
    const std::optional<qint64> selected = selectedHistoryId();
    const std::optional<ArgoApplication::HistoryEntry> entry =
        selected && m_application ? m_application->historyEntry(*selected) : std::nullopt;
    const bool isLive = entry && m_application->liveHistoryId() == entry->id;
    m_rollbackButton->setEnabled(ready && !running && entry && !isLive);
    if (isLive)
        m_rollbackButton->setToolTip(tr("The selected entry is the version running now"));
    else if (running)
        m_rollbackButton->setToolTip(tr("Wait for the running operation to finish"));
    else
        m_rollbackButton->setToolTip(tr("Re-deploy the selected history entry (shows what changes first)"));
    m_syncButton->setEnabled(ready && !running);
    m_terminateButton->setEnabled(m_client && running && !m_busy);
    if (entry)
        m_selectionLabel->setText(isLive
                                      ? tr("Selected: %1 (live)").arg(RollbackDialog::describeEntry(*entry))
                                      : tr("Selected: %1").arg(RollbackDialog::describeEntry(*entry)));
    else
        m_selectionLabel->clear();
}

void HistoryView::startOperation(const QString &description, const ArgoApplication &answer)
{
    m_pendingOperation = description;
    m_pendingSeenRunning = false;
    m_operationBanner->clear();
    setApplication(answer);
}

QMessageBox *HistoryView::confirm(const QString &title, const QString &text, const QString &informative,
                                  const QString &button, const std::function<void()> &onYes)
{
    if (m_confirmation)
        m_confirmation->close();
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, window());
    box->setObjectName(u"historyConfirmation"_s);
    box->setInformativeText(informative);
    QPushButton *yes = box->addButton(button, QMessageBox::AcceptRole);
    box->setDefaultButton(yes);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [box, yes, onYes](QAbstractButton *clicked) {
        if (clicked == yes)
            onYes();
        Q_UNUSED(box)
    });
    m_confirmation = box;
    box->open();
    return box;
}

void HistoryView::record(const QString &kind, const QString &outcome, const QString &message,
                         const QString &reason)
{
    if (!m_journal || !m_client)
        return;
    DeployJournal::Action action;
    action.kind = kind;
    action.application = m_client->application();
    action.user = DeployLock::defaultHolder();
    action.reason = reason;
    action.outcome = outcome;
    action.message = message;
    try {
        m_journal->record(action);
        Q_EMIT actionRecorded();
    } catch (const ApiError &error) {
        m_operationBanner->showMessage(MessageBanner::Type::Warning,
                                       tr("The journal could not record this %1.").arg(kind),
                                       error.toString());
        m_operationBanner->setActionText({});
    }
}

void HistoryView::rollbackSelected()
{
    if (!m_client || !m_application || !m_rollbackButton->isEnabled())
        return;
    const std::optional<qint64> id = selectedHistoryId();
    const std::optional<ArgoApplication::HistoryEntry> target =
        id ? m_application->historyEntry(*id) : std::nullopt;
    if (!target)
        return;
    if (m_rollbackDialog)
        m_rollbackDialog->close();
    auto *dialog = new RollbackDialog(*m_application, *target, m_client, m_by, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RollbackDialog::autoSyncSuspended, this, &HistoryView::setApplication);
    connect(dialog, &RollbackDialog::applicationChanged, this, &HistoryView::setApplication);
    connect(dialog, &RollbackDialog::actionFinished, this, &HistoryView::record);
    connect(dialog, &RollbackDialog::rollbackStarted, this,
            [this, revision = target->revision, targetId = target->id](const ArgoApplication &answer) {
                startOperation(tr("Rollback to %1 (#%2)").arg(revision).arg(targetId), answer);
            });
    connect(dialog, &RollbackDialog::errorOccurred, this, &HistoryView::argoCdErrorOccurred);
    m_rollbackDialog = dialog;
    dialog->open();
}

void HistoryView::syncNow()
{
    if (!m_client || !m_application || m_application->operationInProgress())
        return;
    const ArgoApplication app = *m_application;
    confirm(tr("Sync now"), tr("Sync %1 to its target revision %2 now?").arg(app.name, app.targetRevision),
            app.autoSyncSuspension() && !app.autoSyncEnabled
                ? tr("Auto-sync is suspended; this deploys the target revision anyway and replaces the "
                     "rolled back "
                     "version %1. Auto-sync stays suspended.")
                      .arg(app.liveRevision())
                : tr("Argo CD applies every resource of the target revision again, even when it is in sync."),
            tr("Sync now"), [this, target = app.targetRevision] {
                if (!m_client)
                    return;
                m_busy = true;
                updateActions();
                ArgoCdClient::SyncOptions force;
                force.force = true;
                FutureWatch::watch(
                    this, m_client->sync(force),
                    [this, target](const ArgoApplication &answer) {
                        m_busy = false;
                        startOperation(tr("Sync to %1").arg(target), answer);
                    },
                    [this](const ApiError &error) {
                        m_busy = false;
                        handleError(error, tr("Sync failed"));
                    });
            });
}

void HistoryView::restoreAutoSync()
{
    if (!m_client || !m_application || m_busy)
        return;
    // Restoring auto-sync deploys the target revision: say which one, and warn when a rollback went back
    // from exactly that version.
    const AutoSyncRestore restore = AutoSyncRestore::of(*m_application);
    const QString warning = restore.warning();
    QMessageBox *box = confirm(
        tr("Restore auto-sync"), restore.summary(),
        warning.isEmpty() ? tr("Argo CD then deploys the target revision whenever %1 is out of sync.")
                                .arg(restore.application)
                          : warning,
        restore.rolledBackFrom ? tr("Restore and deploy %1 again").arg(restore.revision)
                               : tr("Restore auto-sync"),
        [this, restore] {
            if (!m_client || m_busy)
                return;
            m_busy = true;
            updateActions();
            m_suspensionBanner->setActionText({});
            FutureWatch::watch(
                this, m_client->resumeAutoSync(),
                [this, restore](const ArgoApplication &application) {
                    m_busy = false;
                    m_operationBanner->showMessage(MessageBanner::Type::Information,
                                                   tr("Auto-sync restored on %1.").arg(application.name),
                                                   tr("Argo CD deploys the target revision %1 again when the "
                                                      "application is out of sync.")
                                                       .arg(application.targetRevision));
                    m_operationBanner->setActionText({});
                    setApplication(application);
                    record(u"auto-sync-on"_s, u"succeeded"_s, restore.brief());
                    Q_EMIT autoSyncRestored();
                },
                [this, restore](const ApiError &error) {
                    m_busy = false;
                    updateSummary();
                    handleError(error, tr("Auto-sync could not be restored"));
                    record(u"auto-sync-on"_s, DeployJournal::outcomeOf(error),
                           tr("%1: %2").arg(restore.brief(), error.toString()));
                });
        });
    if (restore.rolledBackFrom)
        box->setIcon(QMessageBox::Warning);
}

void HistoryView::terminateOperation()
{
    if (!m_client || !m_application || !m_application->operationInProgress())
        return;
    const ArgoApplication app = *m_application;
    const QString started =
        app.operationState && app.operationState->startedAt.isValid()
            ? QLocale().toString(app.operationState->startedAt.toLocalTime(), QLocale::ShortFormat)
            : tr("an unknown time");
    confirm(tr("Terminate operation"), tr("Terminate the operation running on %1?").arg(app.name),
            tr("It started at %1. Argo CD stops applying resources; what was applied stays, and the "
               "operation ends "
               "as Failed (“Operation terminated”).")
                .arg(started),
            tr("Terminate"), [this] {
                if (!m_client)
                    return;
                FutureWatch::watch(
                    this, m_client->terminateOperation(),
                    [this] {
                        m_operationBanner->showMessage(MessageBanner::Type::Information,
                                                       tr("Argo CD is terminating the operation…"));
                        m_operationBanner->setActionText({});
                    },
                    [this](const ApiError &error) { handleError(error, tr("Terminate failed")); });
            });
}

} // namespace capstan
