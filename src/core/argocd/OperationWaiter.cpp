#include "OperationWaiter.h"

#include "ArgoCdWatcher.h"

#include <QTimer>

namespace capstan {

OperationWaiter::OperationWaiter(ArgoCdWatcher *watcher, Conditions conditions, QObject *parent)
    : QObject(parent)
    , m_watcher(watcher)
    , m_conditions(conditions)
{}

OperationWaiter::~OperationWaiter() = default;

void OperationWaiter::setTimeoutSeconds(int seconds)
{
    m_timeoutSeconds = std::max(0, seconds);
}

std::optional<OperationWaiter::Outcome> OperationWaiter::evaluate(const ArgoApplication &application,
                                                                  Conditions conditions)
{
    // Until the operation is done (and re-compared) sync and health describe the state before it.
    if (conditions.testFlag(Condition::Operation) && application.operationInProgress())
        return std::nullopt;
    if (conditions.testFlag(Condition::Health) && application.health == QLatin1StringView("Degraded"))
        return Outcome::Degraded;
    if (conditions.testFlag(Condition::Sync) && application.syncStatus != QLatin1StringView("Synced"))
        return std::nullopt;
    if (conditions.testFlag(Condition::Health) && application.health != QLatin1StringView("Healthy"))
        return std::nullopt;
    return Outcome::Reached;
}

void OperationWaiter::start(const std::optional<ArgoApplication> &current)
{
    if (m_started)
        return;
    m_started = true;
    if (m_timeoutSeconds > 0) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, [this] { complete(Outcome::TimedOut); });
        m_timer->start(std::chrono::seconds(m_timeoutSeconds));
    }
    if (current) {
        check(*current);
        if (m_finished)
            return;
    }
    if (!m_watcher) {
        complete(Outcome::Failed, ApiError(ApiError::Kind::Failed, tr("No watcher to wait with")));
        return;
    }
    connect(m_watcher, &ArgoCdWatcher::applicationChanged, this, &OperationWaiter::check);
    connect(m_watcher, &ArgoCdWatcher::errorOccurred, this, [this](const ApiError &error) {
        // Transient trouble (a dropped stream, a garbled message) is the watcher's to retry; a refusal is
        // final.
        const ExitCode code = error.exitCode();
        if (code == ExitCode::Auth || code == ExitCode::NotFound)
            complete(Outcome::Failed, error);
    });
    if (m_watcher->mode() == ArgoCdWatcher::Mode::Stopped)
        m_watcher->start();
}

void OperationWaiter::check(const ArgoApplication &application)
{
    if (m_finished)
        return;
    m_last = application;
    Q_EMIT applicationSeen(application);
    QString phase;
    QString message;
    if (application.operationState) {
        phase = application.operationState->phase;
        message = application.operationState->message;
    }
    // A freshly requested operation has no state yet (the server nulls it), whatever the old one said.
    if (application.operationRequested && !application.operationState)
        phase.clear();
    if (!m_phase || *m_phase != phase) {
        m_phase = phase;
        Q_EMIT phaseChanged(phase, message);
    }
    if (const std::optional<Outcome> outcome = evaluate(application, m_conditions))
        complete(*outcome);
}

void OperationWaiter::complete(Outcome outcome, const std::optional<ApiError> &error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_timer)
        m_timer->stop();
    if (m_watcher)
        disconnect(m_watcher, nullptr, this, nullptr);
    Result result;
    result.outcome = outcome;
    result.application = m_last;
    result.error = error;
    Q_EMIT finished(result);
}

} // namespace capstan
