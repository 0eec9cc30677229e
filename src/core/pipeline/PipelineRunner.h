#pragma once

#include "PipelinePlan.h"
#include "StepResult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>

class QThreadPool;

namespace capstan {

class RunContext;
class StepExecutor;

// Why: runs a planned pipeline on the thread pool (each step once its dependencies succeeded, independent
// steps in parallel up to the plan's limit) and reports every step event on the runner's own thread.
class PipelineRunner : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Succeeded, Failed, Cancelled };
    Q_ENUM(Outcome)

    using ExecutorFactory = std::function<std::unique_ptr<StepExecutor>(const Step &step)>;

    PipelineRunner(PipelinePlan plan, std::shared_ptr<RunContext> context, QObject *parent = nullptr);
    // Cancels what still runs and waits for the pool threads to return.
    ~PipelineRunner() override;

    // Default: StepExecutors::create(). Tests and benchmarks put their own executors in.
    void setExecutorFactory(ExecutorFactory factory);

    const PipelinePlan &plan() const { return m_plan; }
    RunContext &context() const { return *m_context; }

    // Reports the plan's skipped steps (stepFinished with Skipped and the plan's reason), then starts every
    // step whose dependencies are met. finished() follows once no step runs or waits.
    void start();
    // Idempotent: running steps get their cancel handlers (process groups killed, Argo CD operations
    // terminated) and end Cancelled; steps not started end Cancelled with "deploy cancelled".
    void cancel();

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    StepResult result(const QString &step) const;
    QMap<QString, StepResult> results() const { return m_results; }
    qint64 elapsedMs() const;
    static QString outcomeName(Outcome outcome); // "succeeded", "failed", "cancelled"

Q_SIGNALS:
    void stepStarted(const QString &step);
    // Output lines of a running step, already redacted, in order; batched so a chatty step cannot flood the
    // event loop.
    void stepOutput(const QString &step, const QStringList &lines);
    // Every step ends here exactly once: Succeeded, Failed, Cancelled, or Skipped with the reason (e.g.
    // "only: prod", "cdk8s-test failed").
    void stepFinished(const QString &step, const capstan::StepResult &result);
    void finished(capstan::PipelineRunner::Outcome outcome);

private:
    struct OutputBuffer
    {
        std::mutex mutex;
        QStringList order;                 // steps with lines waiting, first come first
        QHash<QString, QStringList> lines; // per step, in order
        bool flushPending = false;
    };

    void schedule();
    void launch(const PipelinePlan::Planned &planned);
    void stepDone(const QString &step, StepResult result);
    void finishStep(const QString &step, StepResult result);
    // A slice hands over chunks of lines, a step at a time in turn, until SliceBudgetMs is spent (the
    // receivers' work, appending to models and views, counts), then returns to the event loop and posts
    // itself again while lines remain.
    static constexpr qsizetype ChunkLines = 256;
    static constexpr qint64 SliceBudgetNs = 3'000'000;
    void flushOutput();
    // Everything `step` still has waiting, before its stepFinished.
    void flushStep(const QString &step);
    QString blockingDependency(const PipelinePlan::Planned &planned) const;

    PipelinePlan m_plan;
    std::shared_ptr<RunContext> m_context;
    ExecutorFactory m_factory;
    QThreadPool *m_pool = nullptr;
    QMap<QString, StepResult> m_results;
    QElapsedTimer m_clock;
    std::shared_ptr<OutputBuffer> m_output;
    QStringList m_waiting; // planned steps not started yet, in plan order
    int m_running = 0;
    qint64 m_elapsedMs = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelRequested = false;
    bool m_scheduling = false;
};

} // namespace capstan
