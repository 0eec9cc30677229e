#pragma once

#include "DeployTarget.h"
#include "StepResult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace capstan {

class ApiError;

// Why: every deploy and every step is written down before it starts and after it ends (SQLite, WAL), so a
// crash or a kill leaves a record that the next start reports; every other action on an application
// (rollback, auto-sync, lock, override, refusal) is written down next to them, so one place says who did
// what.
class DeployJournal
{
    Q_DECLARE_TR_FUNCTIONS(DeployJournal)

public:
    struct StepRecord
    {
        QString name;
        QString stage;
        StepResult result; // Running while it runs (and after an interruption)
    };
    struct Entry
    {
        qint64 id = 0;
        DeployTarget target;
        QString application; // argocd.app, may be empty
        QString host;
        qint64 pid = 0;
        QDateTime started; // UTC
        QDateTime finished;
        QString outcome;             // "" while running; "succeeded", "failed", "cancelled", "interrupted"
        QString message;             // why it failed, or where it was interrupted
        QList<StepRecord> steps;     // in the order they started
        QString currentStep() const; // the last step still Running, or ""
    };
    // One action on an application besides a deploy. kind is one of actionKinds(), outcome one of
    // actionOutcomes(); deploy is the journal id of the deploy it belongs to, 0 for none.
    struct Action
    {
        qint64 id = 0;
        QString kind;
        QString application;
        QString user; // who, "name@host" (DeployLock::defaultHolder())
        QString host;
        QDateTime at; // UTC
        QString reason;
        QString outcome;
        QString message;
        qint64 deploy = 0;
    };
    // One line of the journal: a deploy (kind "deploy") or an action, for lists of both, newest first.
    struct Record
    {
        QString kind; // "deploy" or the action's kind
        QDateTime at; // when the deploy started, when the action happened
        std::optional<Entry> deploy;
        std::optional<Action> action;
    };

    // "rollback", "auto-sync-off", "auto-sync-on", "lock-take", "lock-release", "lock-break", "ci-override",
    // "deploy-refused", "dirty-tree" (a prod deploy allowed to run in a working tree with local changes).
    static const QStringList &actionKinds();
    static const QStringList &actionOutcomes(); // "succeeded", "failed", "refused"
    // The outcome of an action that ended with `error`: "refused" when it was turned down on purpose (a
    // conflict such as a held lock or a running operation, or a usage refusal), else "failed".
    static QString outcomeOf(const ApiError &error);

    static QString defaultFile(); // <AppDataLocation>/journal.sqlite
    // Opens (and creates) the database with WAL and a busy timeout. Throws ApiError naming the file when it
    // cannot be opened or is not a Capstan journal. Use it on the thread that created it.
    explicit DeployJournal(const QString &file);
    ~DeployJournal();
    DeployJournal(const DeployJournal &) = delete;
    DeployJournal &operator=(const DeployJournal &) = delete;

    QString file() const { return m_file; }

    // Each write is one committed transaction; a failing write throws ApiError.
    qint64 begin(const DeployTarget &target, const QString &application, const QDateTime &at);
    void stepStarted(qint64 deploy, const QString &step, const QString &stage, const QDateTime &at);
    void stepFinished(qint64 deploy, const QString &step, const QString &stage, const StepResult &result);
    void finish(qint64 deploy, const QString &outcome, const QString &message, const QDateTime &at);
    // What became known after begin(): the commit, where the pipeline runs and whether that tree is clean.
    void updateSource(qint64 deploy, const DeployTarget &target);

    // Writes `action` (host and at filled in when empty) and returns its id. Throws ApiError (Usage) naming
    // the field for an unknown kind or outcome or a deploy id that is not in the journal, and ApiError
    // when the write fails.
    qint64 record(const Action &action);

    QList<Entry> recent(int limit) const;   // newest first, with their steps
    QList<Action> actions(int limit) const; // newest first
    // Deploys and actions together, newest first (by time, then by id), at most `limit`.
    QList<Record> timeline(int limit) const;
    std::optional<Entry> entry(qint64 id) const;
    // Deploys without an outcome whose process (same host) is gone: marked "interrupted" with the step they
    // stopped in, and returned so the caller reports them once.
    QList<Entry> recoverInterrupted();

private:
    QString m_file;
    QString m_connection;
};

} // namespace capstan
