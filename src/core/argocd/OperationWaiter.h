#pragma once

#include "ArgoApplication.h"
#include "net/ApiError.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QTimer;

namespace capstan {

class ArgoCdWatcher;

// Why: `sync --wait`, `rollback --wait`, `wait` and the pipeline all wait for an application to reach the
// same conditions (operation done by the argocd CLI's test, Synced, Healthy or Degraded) with a timeout;
// this holds that logic once, on top of ArgoCdWatcher.
class OperationWaiter : public QObject
{
    Q_OBJECT
public:
    enum class Condition {
        Operation = 0x1, // no operation requested or running, and the controller re-compared (contract §4)
        Sync = 0x2,      // status.sync.status == Synced
        Health = 0x4,    // Healthy; Degraded ends the wait as a failure
    };
    Q_DECLARE_FLAGS(Conditions, Condition)

    enum class Outcome {
        Reached,  // every condition holds
        Degraded, // Health was asked for and the application is Degraded
        TimedOut,
        Failed, // the watcher reported an error it cannot recover from (401, 403, 404)
    };
    Q_ENUM(Outcome)

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        std::optional<ArgoApplication> application; // the last state seen
        std::optional<ApiError> error;              // with Failed
    };

    // The watcher is not owned; it is started if it is stopped.
    OperationWaiter(ArgoCdWatcher *watcher, Conditions conditions, QObject *parent = nullptr);
    ~OperationWaiter() override;

    static Conditions all() { return Conditions(Condition::Operation) | Condition::Sync | Condition::Health; }

    Conditions conditions() const { return m_conditions; }
    void setTimeoutSeconds(int seconds); // 0: no timeout (the default)
    int timeoutSeconds() const { return m_timeoutSeconds; }

    // Begins waiting. `current`, when given, is checked first (e.g. the answer of the sync request); the
    // watcher's events follow. Each waiter finishes exactly once.
    void start(const std::optional<ArgoApplication> &current = std::nullopt);
    bool isFinished() const { return m_finished; }
    std::optional<ArgoApplication> last() const { return m_last; }

    // The pure decision for one state, for tests and for callers that poll themselves. nullopt: keep waiting.
    static std::optional<Outcome> evaluate(const ArgoApplication &application, Conditions conditions);

Q_SIGNALS:
    // Every state seen while waiting.
    void applicationSeen(const capstan::ArgoApplication &application);
    // The operation's phase changed ("Running", "Terminating", "Succeeded", ...; "" while only requested).
    void phaseChanged(const QString &phase, const QString &message);
    void finished(const capstan::OperationWaiter::Result &result);

private:
    void check(const ArgoApplication &application);
    void complete(Outcome outcome, const std::optional<ApiError> &error = std::nullopt);

    QPointer<ArgoCdWatcher> m_watcher;
    Conditions m_conditions;
    int m_timeoutSeconds = 0;
    QTimer *m_timer = nullptr;
    bool m_started = false;
    bool m_finished = false;
    std::optional<ArgoApplication> m_last;
    std::optional<QString> m_phase;
};

} // namespace capstan

Q_DECLARE_OPERATORS_FOR_FLAGS(capstan::OperationWaiter::Conditions)
