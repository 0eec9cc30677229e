// The deploy pipeline runner under load: eight parallel 1-second steps against eight processes started
// directly, the runner's cost per step (commands and in-process no-ops), and the longest stall of the
// runner's event loop while chatty steps stream output, and the same stall on a GUI thread that shows the
// live deploy (PipelineView) over a deploy-like plan. Prints each sample and a median per figure.

#include "BenchOutput.h"
#include "PipelineView.h"

#include "pipeline/Pipeline.h"
#include "pipeline/PipelinePlan.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/RunContext.h"
#include "pipeline/StepExecutor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace capstan;
using capstan::bench::median;
using capstan::bench::out;
using namespace Qt::Literals::StringLiterals;

namespace {

Step command(const QString &name, const QString &run)
{
    Step step;
    step.name = name;
    step.run = run;
    return step;
}

// One stage of independent steps.
PipelinePlan parallelPlan(const QList<Step> &steps, int parallel)
{
    PipelinePlan plan;
    plan.env = QStringLiteral("dev");
    plan.parallel = parallel;
    for (const Step &step : steps)
        plan.steps.append({step, {}});
    return plan;
}

// Each step needs the one before it.
PipelinePlan chainPlan(const QList<Step> &steps)
{
    PipelinePlan plan;
    plan.env = QStringLiteral("dev");
    plan.parallel = 1;
    QString previous;
    for (const Step &step : steps) {
        plan.steps.append({step, previous.isEmpty() ? QStringList() : QStringList{previous}});
        previous = step.name;
    }
    return plan;
}

class NoOpStep : public StepExecutor
{
public:
    StepResult execute(StepContext &) override
    {
        StepResult result;
        result.status = StepResult::Status::Succeeded;
        return result;
    }
};

struct RunStats
{
    double wallMs = 0;
    double maxGapMs = 0;
    qint64 lines = 0;
    bool succeeded = false;
};

RunStats runPipeline(const PipelinePlan &plan, bool noOp, bool watchStalls)
{
    QTemporaryDir dir;
    auto context = std::make_shared<RunContext>(Config{}, DeployTarget{}, dir.path());
    PipelineRunner runner(plan, context);
    if (noOp)
        runner.setExecutorFactory([](const Step &) { return std::make_unique<NoOpStep>(); });
    RunStats stats;
    QObject::connect(&runner, &PipelineRunner::stepOutput,
                     [&stats](const QString &, const QStringList &lines) { stats.lines += lines.size(); });
    QEventLoop loop;
    QObject::connect(&runner, &PipelineRunner::finished, &loop, [&](PipelineRunner::Outcome outcome) {
        stats.succeeded = outcome == PipelineRunner::Outcome::Succeeded;
        loop.quit();
    });
    QTimer ticker;
    QElapsedTimer sinceTick;
    if (watchStalls) {
        ticker.setInterval(5);
        ticker.setTimerType(Qt::PreciseTimer);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            stats.maxGapMs = std::max(stats.maxGapMs, sinceTick.nsecsElapsed() / 1e6);
            sinceTick.restart();
        });
        sinceTick.start();
        ticker.start();
    }
    QElapsedTimer clock;
    clock.start();
    runner.start();
    if (!runner.isFinished())
        loop.exec();
    stats.wallMs = clock.nsecsElapsed() / 1e6;
    // The gap is measured against the 5 ms interval: a timer that fires on time shows ~5 ms.
    return stats;
}

// A deploy-like plan: eight chatty steps in parallel, then a few short steps in later stages.
PipelinePlan deployPlan(int lines)
{
    Pipeline pipeline;
    pipeline.parallel = 8;
    Stage build;
    build.name = QStringLiteral("build");
    for (int i = 0; i < 8; ++i) {
        Step step = command(QStringLiteral("chatty%1").arg(i),
                            QStringLiteral("seq 1 %1 | sed 's/^/line of chatty output number /'").arg(lines));
        step.stage = build.name;
        build.steps.append(step);
    }
    Stage publish;
    publish.name = QStringLiteral("publish");
    for (const QString &name : {QStringLiteral("package"), QStringLiteral("push")}) {
        Step step = command(name, QStringLiteral("echo %1; sleep 0.05").arg(name));
        step.stage = publish.name;
        publish.steps.append(step);
    }
    Stage deploy;
    deploy.name = QStringLiteral("deploy");
    Step sync = command(QStringLiteral("sync"), QStringLiteral("echo synced"));
    sync.stage = deploy.name;
    deploy.steps.append(sync);
    pipeline.stages = {build, publish, deploy};
    return PipelinePlan::make(pipeline, QStringLiteral("dev"));
}

// Nanoseconds this thread has spent runnable but waiting for a CPU (the kernel's schedstat), so that a gap
// can be split into the thread's own work and the time other processes held both cores.
qint64 runQueueWaitNs()
{
    QFile file(u"/proc/thread-self/schedstat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    return fields.size() >= 2 ? fields.at(1).toLongLong() : 0;
}

struct GuiStats
{
    double wallMs = 0;
    double maxGapMs = 0;
    double maxOwnGapMs = 0; // the longest gap without the time spent waiting for a CPU
    double p99GapMs = 0;
    qint64 lines = 0;
    bool succeeded = false;
};

// The GUI thread shows a window-sized PipelineView following the runner; a 5 ms timer on the same thread
// records every gap between its ticks over the whole run.
GuiStats runGui(const PipelinePlan &plan)
{
    QTemporaryDir dir;
    DeployTarget target;
    target.version = QStringLiteral("1.0.0-148");
    target.build = QStringLiteral("148");
    target.env = plan.env;
    target.reason = QStringLiteral("benchmark");
    auto context = std::make_shared<RunContext>(Config{}, target, dir.path());
    PipelineRunner runner(plan, context);
    PipelineView view(nullptr);
    view.setRunner(&runner, target);
    view.resize(1360, 820);
    view.show();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();

    GuiStats stats;
    QObject::connect(&runner, &PipelineRunner::stepOutput,
                     [&stats](const QString &, const QStringList &lines) { stats.lines += lines.size(); });
    QEventLoop loop;
    QObject::connect(&runner, &PipelineRunner::finished, &loop, [&](PipelineRunner::Outcome outcome) {
        stats.succeeded = outcome == PipelineRunner::Outcome::Succeeded;
        loop.quit();
    });
    QList<double> gaps;
    QTimer ticker;
    QElapsedTimer sinceTick;
    qint64 waitedNs = runQueueWaitNs();
    ticker.setInterval(5);
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const double gap = sinceTick.nsecsElapsed() / 1e6;
        sinceTick.restart();
        const qint64 waited = runQueueWaitNs();
        gaps.append(gap);
        stats.maxOwnGapMs = std::max(stats.maxOwnGapMs, gap - double(waited - waitedNs) / 1e6);
        waitedNs = waited;
    });
    QElapsedTimer clock;
    clock.start();
    sinceTick.start();
    ticker.start();
    runner.start();
    if (!runner.isFinished())
        loop.exec();
    // The view's last repaint after the outcome counts too.
    QTimer::singleShot(50, &loop, &QEventLoop::quit);
    loop.exec();
    gaps.append(sinceTick.nsecsElapsed() / 1e6);
    ticker.stop();
    stats.wallMs = clock.nsecsElapsed() / 1e6;
    std::sort(gaps.begin(), gaps.end());
    stats.maxGapMs = gaps.last();
    stats.p99GapMs = gaps.at(std::min(gaps.size() - 1, qsizetype(gaps.size() * 0.99)));
    return stats;
}

double directParallel(int count, const QString &command)
{
    QElapsedTimer clock;
    clock.start();
    QList<QProcess *> processes;
    for (int i = 0; i < count; ++i) {
        auto *process = new QProcess;
        process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        processes.append(process);
    }
    for (QProcess *process : std::as_const(processes)) {
        process->waitForFinished(-1);
        delete process;
    }
    return clock.nsecsElapsed() / 1e6;
}

double directSequential(int count, const QString &command)
{
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        process.waitForFinished(-1);
    }
    return clock.nsecsElapsed() / 1e6;
}

void report(const char *name, const QList<double> &samples)
{
    for (double sample : samples)
        out() << name << "_sample " << QString::number(sample, 'f', 2) << '\n';
    out() << name << ' ' << QString::number(median(samples), 'f', 2) << '\n';
    out().flush();
}

} // namespace

int main(int argc, char **argv)
{
    // Only the GUI mode needs widgets (QT_QPA_PLATFORM=offscreen is enough).
    bool guiMode = false;
    for (int i = 1; i + 1 < argc; ++i)
        guiMode = guiMode || (!std::strcmp(argv[i], "--mode") && !std::strcmp(argv[i + 1], "gui"));
    std::unique_ptr<QCoreApplication> app;
    if (guiMode)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("mode"), QStringLiteral("parallel, overhead, noop, stall or gui"),
                      QStringLiteral("mode"), QStringLiteral("parallel")});
    parser.addOption(
        {QStringLiteral("iterations"), QStringLiteral("samples"), QStringLiteral("n"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("steps"), QStringLiteral("steps per run (overhead, noop)"),
                      QStringLiteral("n"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("lines"), QStringLiteral("lines per chatty step (stall, gui)"),
                      QStringLiteral("n"), QStringLiteral("50000")});
    parser.process(*app);
    const QString mode = parser.value(QStringLiteral("mode"));
    const int iterations = std::max(1, parser.value(QStringLiteral("iterations")).toInt());
    const int steps = std::max(1, parser.value(QStringLiteral("steps")).toInt());
    const int lines = std::max(1, parser.value(QStringLiteral("lines")).toInt());

    if (mode == QLatin1StringView("parallel")) {
        QList<Step> sleeps;
        for (int i = 0; i < 8; ++i)
            sleeps.append(command(QStringLiteral("sleep%1").arg(i), QStringLiteral("sleep 1")));
        const PipelinePlan plan = parallelPlan(sleeps, 8);
        QList<double> runner;
        QList<double> direct;
        for (int i = 0; i < iterations; ++i) {
            const RunStats stats = runPipeline(plan, false, false);
            if (!stats.succeeded)
                return 1;
            runner.append(stats.wallMs);
            direct.append(directParallel(8, QStringLiteral("sleep 1")));
        }
        report("runner_ms", runner);
        report("direct_ms", direct);
        return 0;
    }
    if (mode == QLatin1StringView("overhead") || mode == QLatin1StringView("noop")) {
        const bool noOp = mode == QLatin1StringView("noop");
        QList<Step> chain;
        for (int i = 0; i < steps; ++i)
            chain.append(command(QStringLiteral("true%1").arg(i), QStringLiteral("true")));
        const PipelinePlan plan = chainPlan(chain);
        QList<double> runner;
        QList<double> direct;
        for (int i = 0; i < iterations; ++i) {
            const RunStats stats = runPipeline(plan, noOp, false);
            if (!stats.succeeded)
                return 1;
            runner.append(stats.wallMs);
            if (!noOp)
                direct.append(directSequential(steps, QStringLiteral("true")));
        }
        report("runner_ms", runner);
        if (!noOp)
            report("direct_ms", direct);
        out() << "steps " << steps << '\n';
        return 0;
    }
    if (mode == QLatin1StringView("stall")) {
        QList<Step> chatty;
        for (int i = 0; i < 8; ++i)
            chatty.append(
                command(QStringLiteral("chatty%1").arg(i),
                        QStringLiteral("seq 1 %1 | sed 's/^/line of chatty output number /'").arg(lines)));
        const PipelinePlan plan = parallelPlan(chatty, 8);
        QList<double> gaps;
        QList<double> walls;
        for (int i = 0; i < iterations; ++i) {
            const RunStats stats = runPipeline(plan, false, true);
            if (!stats.succeeded || stats.lines != qint64(lines) * 8) {
                QTextStream(stderr) << "run failed or lost lines: " << stats.lines << '\n';
                return 1;
            }
            gaps.append(stats.maxGapMs);
            walls.append(stats.wallMs);
        }
        report("max_gap_ms", gaps);
        report("wall_ms", walls);
        return 0;
    }
    if (mode == QLatin1StringView("gui")) {
        const PipelinePlan plan = deployPlan(lines);
        QList<double> maxima;
        QList<double> ownMaxima;
        QList<double> p99s;
        QList<double> walls;
        for (int i = 0; i < iterations; ++i) {
            const GuiStats stats = runGui(plan);
            if (!stats.succeeded || stats.lines < qint64(lines) * 8) {
                QTextStream(stderr) << "run failed or lost lines: " << stats.lines << '\n';
                return 1;
            }
            maxima.append(stats.maxGapMs);
            ownMaxima.append(stats.maxOwnGapMs);
            p99s.append(stats.p99GapMs);
            walls.append(stats.wallMs);
        }
        report("gui_max_gap_ms", maxima);
        report("gui_max_own_gap_ms", ownMaxima);
        report("gui_p99_gap_ms", p99s);
        report("wall_ms", walls);
        return 0;
    }
    QTextStream(stderr) << "unknown mode " << mode << '\n';
    return 2;
}
