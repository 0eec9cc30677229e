#include "PipelineRunner.h"

#include "RunContext.h"
#include "StepContext.h"
#include "StepExecutor.h"
#include "StepExecutors.h"
#include "net/ApiError.h"

#include <QElapsedTimer>
#include <QHash>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

PipelineRunner::PipelineRunner(PipelinePlan plan, std::shared_ptr<RunContext> context, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_context(std::move(context))
    , m_factory(&StepExecutors::create)
    , m_pool(new QThreadPool(this))
    , m_output(std::make_shared<OutputBuffer>())
{
    m_pool->setMaxThreadCount(std::max(1, m_plan.parallel));
}

PipelineRunner::~PipelineRunner()
{
    if (isRunning()) {
        m_cancelRequested = true;
        m_context->requestCancel();
    }
    m_pool->waitForDone();
}

void PipelineRunner::setExecutorFactory(ExecutorFactory factory)
{
    m_factory = std::move(factory);
}

void PipelineRunner::start()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.start();
    for (const PipelinePlan::Planned &planned : std::as_const(m_plan.steps)) {
        m_waiting.append(planned.step.name);
        m_results.insert(planned.step.name, StepResult{});
    }
    for (const PipelinePlan::Skipped &skipped : std::as_const(m_plan.skipped)) {
        StepResult result;
        result.status = StepResult::Status::Skipped;
        result.message = skipped.reason;
        finishStep(skipped.step, result);
    }
    schedule();
}

void PipelineRunner::cancel()
{
    if (m_cancelRequested || m_finished)
        return;
    m_cancelRequested = true;
    m_context->requestCancel();
    if (m_started)
        schedule();
}

StepResult PipelineRunner::result(const QString &step) const
{
    return m_results.value(step);
}

qint64 PipelineRunner::elapsedMs() const
{
    if (m_finished)
        return m_elapsedMs;
    return m_clock.isValid() ? m_clock.elapsed() : 0;
}

QString PipelineRunner::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Succeeded:
        return u"succeeded"_s;
    case Outcome::Failed:
        return u"failed"_s;
    case Outcome::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

QString PipelineRunner::blockingDependency(const PipelinePlan::Planned &planned) const
{
    // Latest dependencies first: the one still running is usually the last, so waiting steps cost little.
    for (auto it = planned.dependencies.crbegin(); it != planned.dependencies.crend(); ++it) {
        const auto found = m_results.constFind(*it);
        if (found != m_results.cend() && !found->isFinal())
            return *it;
    }
    return {};
}

void PipelineRunner::schedule()
{
    if (m_scheduling || m_finished)
        return;
    m_scheduling = true;
    bool progress = true;
    while (progress) {
        progress = false;
        for (qsizetype i = 0; i < m_waiting.size(); ++i) {
            const QString name = m_waiting.at(i);
            const auto planned =
                std::find_if(m_plan.steps.cbegin(), m_plan.steps.cend(),
                             [&name](const PipelinePlan::Planned &p) { return p.step.name == name; });
            if (m_cancelRequested || m_context->isCancelled()) {
                m_waiting.removeAt(i);
                StepResult result;
                result.status = StepResult::Status::Cancelled;
                result.message = tr("deploy cancelled");
                finishStep(name, result);
                progress = true;
                break;
            }
            if (!blockingDependency(*planned).isEmpty())
                continue;
            QString reason;
            for (const QString &dependency : planned->dependencies) {
                const auto found = m_results.constFind(dependency);
                if (found == m_results.cend())
                    continue;
                if (found->status == StepResult::Status::Failed)
                    reason = tr("%1 failed").arg(dependency);
                else if (found->status == StepResult::Status::Cancelled)
                    reason = tr("%1 was cancelled").arg(dependency);
                else if (found->status == StepResult::Status::Skipped)
                    reason = tr("%1 was skipped").arg(dependency);
                if (!reason.isEmpty())
                    break;
            }
            if (!reason.isEmpty()) {
                m_waiting.removeAt(i);
                StepResult result;
                result.status = StepResult::Status::Skipped;
                result.message = reason;
                finishStep(name, result);
                progress = true;
                break;
            }
            if (m_running >= std::max(1, m_plan.parallel))
                continue;
            m_waiting.removeAt(i);
            launch(*planned);
            progress = true;
            break;
        }
    }
    m_scheduling = false;
    if (!m_finished && m_running == 0 && m_waiting.isEmpty()) {
        m_finished = true;
        m_elapsedMs = m_clock.elapsed();
        Outcome outcome = Outcome::Succeeded;
        if (m_cancelRequested || m_context->isCancelled()) {
            outcome = Outcome::Cancelled;
        } else {
            for (const StepResult &result : std::as_const(m_results)) {
                if (result.status == StepResult::Status::Failed)
                    outcome = Outcome::Failed;
            }
        }
        Q_EMIT finished(outcome);
    }
}

void PipelineRunner::launch(const PipelinePlan::Planned &planned)
{
    const Step step = planned.step;
    StepResult &running = m_results[step.name];
    running.status = StepResult::Status::Running;
    running.started = QDateTime::currentDateTimeUtc();
    ++m_running;

    std::shared_ptr<StepExecutor> executor;
    QString setupError;
    try {
        executor = m_factory ? std::shared_ptr<StepExecutor>(m_factory(step)) : nullptr;
        if (!executor)
            setupError = tr("step %1: no executor for the kind %2").arg(step.name, Step::kindName(step.kind));
    } catch (const ApiError &error) {
        setupError = m_context->redact(error).toString();
    } catch (...) {
        setupError = tr("unexpected error");
    }

    Q_EMIT stepStarted(step.name);

    std::shared_ptr<RunContext> context = m_context;
    std::shared_ptr<OutputBuffer> buffer = m_output;
    (void)QtConcurrent::run(m_pool, [this, context, buffer, executor, step, setupError] {
        QElapsedTimer clock;
        clock.start();
        StepResult result;
        if (!setupError.isEmpty()) {
            result.status = StepResult::Status::Failed;
            result.message = setupError;
        } else {
            const QString name = step.name;
            auto tail = std::make_shared<QStringList>(); // guarded by buffer->mutex
            StepContext stepContext(step, *context, [this, buffer, name, tail](const QStringList &lines) {
                bool post = false;
                {
                    std::lock_guard lock(buffer->mutex);
                    tail->append(lines.size() > StepResult::OutputTailLines
                                     ? lines.last(StepResult::OutputTailLines)
                                     : lines);
                    if (tail->size() > StepResult::OutputTailLines)
                        tail->remove(0, tail->size() - StepResult::OutputTailLines);
                    auto found = buffer->lines.find(name);
                    if (found == buffer->lines.end()) {
                        buffer->order.append(name);
                        found = buffer->lines.insert(name, {});
                    }
                    found->append(lines);
                    post = !buffer->flushPending;
                    buffer->flushPending = true;
                }
                if (post)
                    QMetaObject::invokeMethod(
                        this, [this] { flushOutput(); }, Qt::QueuedConnection);
            });
            try {
                result = executor->execute(stepContext);
                if (!result.isFinal()) {
                    result.status = StepResult::Status::Failed;
                    result.message = tr("unexpected error");
                }
            } catch (const ApiError &error) {
                result = StepResult{};
                result.status = StepResult::Status::Failed;
                result.message = context->redact(error).toString();
            } catch (...) {
                result = StepResult{};
                result.status = StepResult::Status::Failed;
                result.message = tr("unexpected error");
            }
            if (result.status == StepResult::Status::Failed && result.outputTail.isEmpty()) {
                std::lock_guard lock(buffer->mutex);
                result.outputTail = *tail;
            }
        }
        result.durationMs = clock.elapsed();
        QMetaObject::invokeMethod(
            this, [this, name = step.name, result] { stepDone(name, result); }, Qt::QueuedConnection);
    });
}

void PipelineRunner::stepDone(const QString &step, StepResult result)
{
    // A step that printed a lot just before it ended still has lines queued: let the sliced flushes deliver
    // them first (each pass returns to the event loop) instead of draining them in one go.
    bool pending = false;
    {
        std::lock_guard lock(m_output->mutex);
        pending = m_output->flushPending && !m_output->lines.value(step).isEmpty();
    }
    if (pending) {
        QMetaObject::invokeMethod(
            this, [this, step, result] { stepDone(step, result); }, Qt::QueuedConnection);
        return;
    }
    --m_running;
    result.started = m_results.value(step).started;
    finishStep(step, result);
    schedule();
}

void PipelineRunner::finishStep(const QString &step, StepResult result)
{
    flushStep(step);
    m_results.insert(step, result);
    Q_EMIT stepFinished(step, result);
}

void PipelineRunner::flushStep(const QString &step)
{
    QStringList lines;
    {
        std::lock_guard lock(m_output->mutex);
        lines = m_output->lines.take(step);
        m_output->order.removeOne(step);
    }
    if (!lines.isEmpty())
        Q_EMIT stepOutput(step, lines);
}

void PipelineRunner::flushOutput()
{
    // Pool threads only append; this thread takes chunks, one step after another in turn, so that every
    // step's output moves on, and stops when the slice's time is spent: a flood of output is spread over
    // many event-loop passes whatever its receivers cost per line.
    QElapsedTimer clock;
    clock.start();
    bool more = true;
    while (more) {
        QString step;
        QStringList chunk;
        {
            std::lock_guard lock(m_output->mutex);
            if (m_output->order.isEmpty()) {
                more = false;
                m_output->flushPending = false;
                break;
            }
            step = m_output->order.takeFirst();
            auto waiting = m_output->lines.find(step);
            if (waiting == m_output->lines.end() || waiting->size() <= ChunkLines) {
                if (waiting != m_output->lines.end())
                    chunk = std::move(*waiting);
                m_output->lines.remove(step);
            } else {
                chunk = waiting->first(ChunkLines);
                waiting->remove(0, ChunkLines);
                m_output->order.append(step); // its turn again after the others
            }
        }
        if (!chunk.isEmpty())
            Q_EMIT stepOutput(step, chunk);
        if (clock.nsecsElapsed() >= SliceBudgetNs) {
            std::lock_guard lock(m_output->mutex);
            more = !m_output->order.isEmpty();
            m_output->flushPending = more;
            break;
        }
    }
    if (more)
        QMetaObject::invokeMethod(
            this, [this] { flushOutput(); }, Qt::QueuedConnection);
}

} // namespace capstan
