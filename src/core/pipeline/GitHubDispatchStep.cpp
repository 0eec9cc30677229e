#include "GitHubDispatchStep.h"

#include "DeployServices.h"
#include "RunContext.h"
#include "StepContext.h"
#include "argocd/ArgoCdClient.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "github/GitHubClient.h"

#include <QDeadlineTimer>
#include <QThread>

#include <algorithm>

namespace capstan {

namespace {

constexpr int DefaultPollMs = 5000;

StepResult finished(StepResult::Status status, const QString &message)
{
    StepResult result;
    result.status = status;
    result.message = message;
    return result;
}

QString stateOf(const WorkflowRun &run)
{
    return run.isCompleted() && !run.conclusion.isEmpty() ? run.conclusion : run.status;
}

// Sleeps up to `ms`, waking early when the run is cancelled; false when cancelled.
bool pause(const RunContext &run, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        if (run.isCancelled())
            return false;
        QThread::msleep(std::min<qint64>(10, std::max<qint64>(1, deadline.remainingTime())));
    }
    return !run.isCancelled();
}

} // namespace

StepResult GitHubDispatchStep::execute(StepContext &context)
{
    RunContext &run = context.run();
    const Step &step = context.step();
    DeployServices *services = run.services();
    if (!services || !services->gitHub())
        return finished(
            StepResult::Status::Failed,
            tr("step %1: GitHub is not configured (github section of capstan.yaml)").arg(step.name));
    QString ref = step.ref.isEmpty() ? QString() : context.expand(step.ref);
    if (ref.isEmpty())
        ref = run.config().github ? run.config().github->branch : Config::GitHub().branch;
    QMap<QString, QString> inputs;
    for (auto it = step.inputs.cbegin(); it != step.inputs.cend(); ++it)
        inputs.insert(it.key(), context.expand(it.value()));
    GitHubClient *client = services->gitHub();
    const int pollMs = qEnvironmentVariableIsSet("CAPSTAN_CI_POLL_MS")
                           ? std::max(10, qEnvironmentVariableIntValue("CAPSTAN_CI_POLL_MS"))
                           : DefaultPollMs;

    std::optional<qint64> runId;
    std::optional<WorkflowRun> current;
    try {
        context.output(tr("Dispatching the workflow on %1").arg(ref));
        runId = run.await(
            services->call<qint64>([client, ref, inputs] { return client->dispatch(ref, inputs); }));
        if (!runId)
            return finished(StepResult::Status::Cancelled, tr("cancelled while dispatching the workflow"));
        current = run.await(services->call<WorkflowRun>([client, id = *runId] { return client->run(id); }));
        if (!current)
            return finished(StepResult::Status::Cancelled,
                            tr("cancelled; the dispatched run %1 continues on GitHub").arg(*runId));
    } catch (const ApiError &error) {
        if (error.exitCode() == ExitCode::NotFound && !runId)
            return finished(StepResult::Status::Failed,
                            tr("step %1: GitHub has no branch or tag \"%2\": %3")
                                .arg(step.name, ref, run.redact(error).toString()));
        return finished(StepResult::Status::Failed,
                        tr("step %1: %2").arg(step.name, run.redact(error).toString()));
    }
    context.output(
        tr("Started run #%1 on %2: %3").arg(current->runNumber).arg(ref, current->htmlUrl.toString()));
    if (!step.waitForRun)
        return finished(StepResult::Status::Succeeded, tr("dispatched run #%1").arg(current->runNumber));

    QString state = stateOf(*current);
    context.output(tr("Run #%1: %2").arg(current->runNumber).arg(state));
    const QDeadlineTimer deadline =
        step.timeoutMs > 0 ? QDeadlineTimer(step.timeoutMs) : QDeadlineTimer(QDeadlineTimer::Forever);
    while (!current->isCompleted()) {
        if (deadline.hasExpired())
            return finished(StepResult::Status::Failed,
                            tr("step %1: run #%2 did not complete within %3 s (last status: %4)")
                                .arg(step.name)
                                .arg(current->runNumber)
                                .arg(step.timeoutMs / 1000)
                                .arg(state));
        const std::optional<WorkflowRun> polled =
            pause(run, pollMs)
                ? run.await(services->call<WorkflowRun>([client, id = *runId] { return client->run(id); }))
                : std::nullopt;
        if (!polled) {
            context.output(tr("Stopped following run #%1; it continues on GitHub").arg(current->runNumber));
            return finished(StepResult::Status::Cancelled,
                            tr("cancelled: stopped following run #%1, which continues on GitHub")
                                .arg(current->runNumber));
        }
        current = polled;
        if (stateOf(*current) != state) {
            state = stateOf(*current);
            context.output(tr("Run #%1: %2").arg(current->runNumber).arg(state));
        }
    }
    if (current->isSuccess())
        return finished(StepResult::Status::Succeeded, tr("run #%1 succeeded").arg(current->runNumber));
    return finished(StepResult::Status::Failed, tr("step %1: run #%2 completed with conclusion %3: %4")
                                                    .arg(step.name)
                                                    .arg(current->runNumber)
                                                    .arg(current->conclusion, current->htmlUrl.toString()));
}

} // namespace capstan
