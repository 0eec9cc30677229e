#include "PipelineRunner.h"

#include "RunContext.h"
#include "StepContext.h"
#include "StepExecutor.h"
#include "StepExecutors.h"
#include "net/ApiError.h"

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
            StepContext stepContext(step, *context, [this, buffer, name, tail](const QString &line) {
                bool post = false;
                {
                    std::lock_guard lock(buffer->mutex);
                    tail->append(line);
                    if (tail->size() > StepResult::OutputTailLines)
                        tail->removeFirst();
                    auto found = buffer->lines.find(name);
                    if (found == buffer->lines.end()) {
                        buffer->order.append(name);
                        found = buffer->lines.insert(name, {});
                    }
                    found->append(line);
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
    flushOutput(FlushMode::All);
    m_results.insert(step, result);
    Q_EMIT stepFinished(step, result);
}

void PipelineRunner::flushOutput(FlushMode mode)
{
    // Pool threads only append; this thread takes up to SliceLines per step and posts itself again while
    // lines remain, so a flood of output is spread over many event-loop passes.
    QStringList order;
    QHash<QString, QStringList> lines;
    bool more = false;
    {
        std::lock_guard lock(m_output->mutex);
        for (const QString &step : std::as_const(m_output->order)) {
            QStringList &waiting = m_output->lines[step];
            if (mode == FlushMode::All || waiting.size() <= SliceLines) {
                lines.insert(step, std::exchange(waiting, {}));
            } else {
                lines.insert(step, waiting.first(SliceLines));
                waiting.remove(0, SliceLines);
            }
            order.append(step);
        }
        m_output->order.removeIf([&](const QString &step) { return m_output->lines.value(step).isEmpty(); });
        for (const QString &step : std::as_const(order)) {
            if (m_output->lines.value(step).isEmpty())
                m_output->lines.remove(step);
        }
        more = !m_output->order.isEmpty();
        if (mode == FlushMode::Slice)
            m_output->flushPending = more;
        else
            m_output->flushPending = m_output->flushPending && more;
    }
    for (const QString &step : std::as_const(order)) {
        const QStringList slice = lines.value(step);
        if (!slice.isEmpty())
            Q_EMIT stepOutput(step, slice);
    }
    if (mode == FlushMode::Slice && more)
        QMetaObject::invokeMethod(
            this, [this] { flushOutput(); }, Qt::QueuedConnection);
}

} // namespace capstan
