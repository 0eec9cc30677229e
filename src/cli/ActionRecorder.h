#pragma once

#include "ExitCode.h"
#include "pipeline/DeployJournal.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>

#include <functional>

namespace capstan {

class ApiError;
class CliSession;

// Why: an action a CLI command takes on an application (rollback, auto-sync, lock) is written to the
// journal exactly once, with how it ended — also when the command fails half-way through — under the
// deploy lock's name for the user (DeployLock::defaultHolder()).
class ActionRecorder : public QObject
{
    Q_OBJECT
public:
    explicit ActionRecorder(CliSession *session, QObject *parent = nullptr);

    // Opens the journal before anything changes; throws ApiError (Config) naming the file when it cannot.
    void open();
    // `kind` is under way on `what` ("1.0.0-147 → 1.0.0-146 (history #12)"; may be empty): when the run
    // fails it is recorded with DeployJournal::outcomeOf(error) and "<what>: <error>"; when it ends with
    // exit 0, as succeeded with `successMessage`.
    void start(const QString &kind, const QString &application, const QString &reason, const QString &what,
               const QString &successMessage);
    // Records `kind` (under way) now with this outcome and message.
    void settle(const QString &kind, const QString &outcome, const QString &message);
    // Runs `confirm` (CliSession::confirm) and returns what it returned; a refusal (rethrown) or a "no"
    // (false) records `kind` as refused.
    bool confirm(const QString &kind, const std::function<bool()> &confirm);

private:
    void failing(const ApiError &error);
    void finishing(ExitCode code);
    void write(const DeployJournal::Action &action);

    struct Pending
    {
        DeployJournal::Action action; // with the success message
        QString what;
    };

    CliSession *m_session;
    QList<Pending> m_pending;
};

} // namespace capstan
