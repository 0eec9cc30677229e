#include "ArgoCdSyncStep.h"

#include "DeployServices.h"
#include "RunContext.h"
#include "StepContext.h"
#include "argocd/ArgoCdClient.h"
#include "argocd/ArgoCdWatcher.h"
#include "argocd/OperationWaiter.h"
#include "chart/SemVer.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "github/GitHubClient.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QThread>

#include <algorithm>

#include <memory>
#include <mutex>

namespace capstan {

namespace {

constexpr qint64 DefaultTimeoutMs = 10 * 60 * 1000;

StepResult finished(StepResult::Status status, const QString &message)
{
    StepResult result;
    result.status = status;
    result.message = message;
    return result;
}

// Output from the client's thread reaches the step only while the step still runs.
struct Sink
{
    std::mutex mutex;
    const StepContext *context = nullptr;

    void output(const QString &line)
    {
        std::lock_guard lock(mutex);
        if (context)
            context->output(line);
    }
    void close()
    {
        std::lock_guard lock(mutex);
        context = nullptr;
    }
};

// Lives on the client's thread while the step waits.
struct Wait
{
    QPointer<ArgoCdWatcher> watcher;
    QPointer<OperationWaiter> waiter;
    QPromise<OperationWaiter::Result> promise;
    bool done = false;
    QString sync;
    QString health;

    void finish(const OperationWaiter::Result &result)
    {
        if (done)
            return;
        done = true;
        promise.addResult(result);
        promise.finish();
        stop();
    }
    void stop()
    {
        if (watcher) {
            watcher->stop();
            watcher->deleteLater();
        }
        if (waiter)
            waiter->deleteLater();
    }
};

bool operationFailed(const ArgoApplication &app)
{
    return !app.operationRequested && app.operationState && app.operationState->isCompleted() &&
           !app.operationState->isSucceeded();
}

// The revision of the operation requested or, when none is, of the last one that ran.
QString newestOperationRevision(const ArgoApplication &app)
{
    if (app.operationRequested)
        return app.requestedRevision();
    return app.operationState ? app.operationState->revision : QString();
}

QString resolvedRevision(const ArgoApplication &app)
{
    if (!app.liveRevision().isEmpty())
        return app.liveRevision();
    return app.syncRevision;
}

} // namespace

StepResult ArgoCdSyncStep::execute(StepContext &context)
{
    RunContext &run = context.run();
    const QString name = context.step().name;
    DeployServices *services = run.services();
    if (!services || !services->argoCd())
        return finished(StepResult::Status::Failed,
                        tr("step %1: Argo CD is not configured (argocd section of capstan.yaml)").arg(name));
    const QString version = run.target().version;
    if (version.isEmpty())
        return finished(StepResult::Status::Failed,
                        tr("step %1: the deploy has no version to sync").arg(name));
    const QString wait = context.step().wait.isEmpty() ? QStringLiteral("healthy") : context.step().wait;
    if (wait != QLatin1StringView("healthy") && wait != QLatin1StringView("synced") &&
        wait != QLatin1StringView("none"))
        return finished(StepResult::Status::Failed,
                        tr("step %1: wait must be healthy, synced or none, not \"%2\"").arg(name, wait));
    const qint64 timeoutMs = context.step().timeoutMs > 0 ? context.step().timeoutMs : DefaultTimeoutMs;
    ArgoCdClient *client = services->argoCd();

    // Terminates whatever operation our sync started; waits briefly for Argo CD's answer.
    const auto terminate = [&] {
        context.output(tr("Cancelled: terminating the running Argo CD operation"));
        QFuture<void> done = services->call<void>([client] { return client->terminateOperation(); });
        QDeadlineTimer deadline(10000);
        while (!done.isFinished() && !deadline.hasExpired())
            QThread::msleep(10);
        QString outcome = tr("cancelled; Argo CD did not confirm the termination within 10 s: check the "
                             "application's operation");
        try {
            if (done.isFinished()) {
                done.waitForFinished();
                context.output(tr("Operation terminated"));
                outcome = tr("cancelled; the Argo CD operation was terminated");
            }
        } catch (const ApiError &error) {
            context.output(tr("Could not terminate the operation: %1").arg(error.toString()));
            outcome = tr("cancelled; the Argo CD operation could not be terminated: %1")
                          .arg(run.redact(error).toString());
        }
        return finished(StepResult::Status::Cancelled, outcome);
    };

    std::optional<ArgoApplication> app;
    try {
        app = run.await(services->call<ArgoApplication>([client] { return client->get(); }));
        if (!app)
            return finished(StepResult::Status::Cancelled, tr("cancelled before the sync"));
        const bool pinned = SemVer::parse(app->targetRevision).has_value();
        if (pinned && app->targetRevision != version) {
            context.output(tr("Setting targetRevision of %1 from %2 to %3")
                               .arg(app->name, app->targetRevision, version));
            app = run.await(services->call<ArgoApplication>(
                [client, version] { return client->setTargetRevision(version); }));
            if (!app)
                return finished(StepResult::Status::Cancelled, tr("cancelled before the sync"));
        } else if (!pinned) {
            context.output(tr("Application %1 tracks the range %2; it must resolve to %3")
                               .arg(app->name, app->targetRevision, version));
        }
        // An answer lost after Argo CD started the operation is handled by the client (ArgoCdClient::sync).
        const bool autoSync = app->autoSyncEnabled;
        const QFuture<ArgoApplication> syncing =
            services->call<ArgoApplication>([client] { return client->sync({}); });
        std::optional<ArgoApplication> synced;
        try {
            synced = run.await(syncing);
        } catch (const ApiError &error) {
            // With auto-sync on, Argo CD may start the operation for the new revision before our request
            // lands; that operation deploys the same version, so it is followed instead, from a fresh read
            // (the state read before the sync does not show it yet).
            if (error.kind() != ApiError::Kind::Conflict || !autoSync)
                throw;
            synced = run.await(services->call<ArgoApplication>([client] { return client->get(); }));
            if (synced && newestOperationRevision(*synced) != version)
                throw;
            if (synced)
                context.output(
                    tr("Auto-sync already started the operation for %1; following it").arg(version));
        }
        app = synced;
        if (!app) {
            // The request may still start an operation: let it land, then terminate it.
            QDeadlineTimer deadline(10000);
            while (!syncing.isFinished() && !deadline.hasExpired())
                QThread::msleep(10);
            return terminate();
        }
    } catch (const ApiError &error) {
        return finished(StepResult::Status::Failed,
                        tr("step %1: %2").arg(name, run.redact(error).toString()));
    }
    context.output(tr("Sync of %1 requested").arg(app->name));
    if (wait == QLatin1StringView("none"))
        return finished(StepResult::Status::Succeeded, tr("sync of %1 requested").arg(version));

    OperationWaiter::Conditions conditions = OperationWaiter::Condition::Operation;
    conditions |= OperationWaiter::Condition::Sync;
    if (wait == QLatin1StringView("healthy"))
        conditions |= OperationWaiter::Condition::Health;
    const int timeoutSeconds = int(std::max<qint64>(1, (timeoutMs + 999) / 1000));
    auto sink = std::make_shared<Sink>();
    sink->context = &context;
    auto state = std::make_shared<Wait>();
    const ArgoApplication requested = *app;

    QFuture<OperationWaiter::Result> waiting =
        services->call<OperationWaiter::Result>([state, sink, client, conditions, timeoutSeconds, requested] {
            state->promise.start();
            ArgoCdWatcher *watcher = client->watch();
            auto *waiter = new OperationWaiter(watcher, conditions);
            state->watcher = watcher;
            state->waiter = waiter;
            waiter->setTimeoutSeconds(timeoutSeconds);
            QObject::connect(waiter, &OperationWaiter::phaseChanged, waiter,
                             [sink](const QString &phase, const QString &message) {
                                 if (phase.isEmpty())
                                     sink->output(tr("Operation requested, waiting for Argo CD to start it"));
                                 else if (message.isEmpty())
                                     sink->output(tr("Operation phase: %1").arg(phase));
                                 else
                                     sink->output(tr("Operation phase: %1 (%2)").arg(phase, message));
                             });
            QObject::connect(waiter, &OperationWaiter::applicationSeen, waiter,
                             [sink, state](const ArgoApplication &seen) {
                                 if (seen.syncStatus != state->sync || seen.health != state->health) {
                                     state->sync = seen.syncStatus;
                                     state->health = seen.health;
                                     sink->output(
                                         tr("Sync status %1, health %2")
                                             .arg(seen.syncStatus.isEmpty() ? tr("unknown") : seen.syncStatus,
                                                  seen.health.isEmpty() ? tr("unknown") : seen.health));
                                 }
                                 // A failed operation ends the wait at once: sync and health may never
                                 // settle.
                                 if (operationFailed(seen)) {
                                     OperationWaiter::Result result;
                                     result.outcome = OperationWaiter::Outcome::Reached;
                                     result.application = seen;
                                     state->finish(result);
                                 }
                             });
            QObject::connect(waiter, &OperationWaiter::finished, waiter,
                             [state](const OperationWaiter::Result &result) { state->finish(result); });
            waiter->start(requested);
            return state->promise.future();
        });

    std::optional<OperationWaiter::Result> result;
    try {
        result = run.await(waiting);
    } catch (const ApiError &error) {
        sink->close();
        return finished(StepResult::Status::Failed,
                        tr("step %1: %2").arg(name, run.redact(error).toString()));
    }
    if (!result) {
        sink->close();
        services->call<void>([state] {
            state->finish(OperationWaiter::Result{});
            return QtFuture::makeReadyFuture();
        });
        return terminate();
    }
    sink->close();

    if (result->outcome == OperationWaiter::Outcome::TimedOut) {
        QString last;
        if (result->application)
            last = tr(" (last seen: operation %1, %2, %3)")
                       .arg(result->application->operationState ? result->application->operationState->phase
                                                                : tr("requested"),
                            result->application->syncStatus, result->application->health);
        return finished(StepResult::Status::Failed,
                        tr("step %1: timed out after %2 s waiting for %3 to be %4%5")
                            .arg(name)
                            .arg(timeoutSeconds)
                            .arg(requested.name, wait, last));
    }
    if (result->outcome == OperationWaiter::Outcome::Failed || !result->application) {
        const ApiError error = result->error.value_or(
            ApiError(ApiError::Kind::Failed, tr("lost track of application %1").arg(requested.name)));
        return finished(StepResult::Status::Failed,
                        tr("step %1: %2").arg(name, run.redact(error).toString()));
    }
    const ArgoApplication &last = *result->application;
    const QString phase = last.operationState ? last.operationState->phase : QString();
    if (phase != QLatin1StringView("Succeeded")) {
        const QString message = last.operationState ? last.operationState->message : QString();
        return finished(StepResult::Status::Failed,
                        tr("step %1: the sync operation ended with phase %2: %3")
                            .arg(name, phase.isEmpty() ? tr("unknown") : phase, run.redact(message)));
    }
    if (result->outcome == OperationWaiter::Outcome::Degraded)
        return finished(StepResult::Status::Failed,
                        tr("step %1: application %2 is Degraded: %3")
                            .arg(name, last.name, run.redact(last.healthMessage)));
    const QString resolved = resolvedRevision(last);
    if (resolved != version) {
        if (!SemVer::parse(last.targetRevision))
            return finished(
                StepResult::Status::Failed,
                tr("step %1: the range %2 of application %3 picked version %4, not %5; is %5 in the "
                   "chart repository and inside the range?")
                    .arg(name, last.targetRevision, last.name, resolved.isEmpty() ? tr("none") : resolved,
                         version));
        return finished(StepResult::Status::Failed,
                        tr("step %1: application %2 runs version %3, not %4")
                            .arg(name, last.name, resolved.isEmpty() ? tr("none") : resolved, version));
    }
    context.output(
        tr("Application %1 is %2 and %3 at %4").arg(last.name, last.syncStatus, last.health, version));
    return finished(StepResult::Status::Succeeded, wait == QLatin1StringView("healthy")
                                                       ? tr("%1 is Synced and Healthy").arg(version)
                                                       : tr("%1 is Synced").arg(version));
}

} // namespace capstan
