#include "TestPipeline.h"
#include "config/ConfigLoader.h"
#include "credentials/Redactor.h"
#include "net/ApiError.h"
#include "pipeline/PipelinePlan.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/RunContext.h"
#include "pipeline/StepContext.h"
#include "pipeline/StepExecutor.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <csignal>
#include <stdexcept>
#include <thread>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int Generous = 60000; // ms; a bound for hangs, never a measurement

// Every stage runs after the ones before it; the steps of a stage are independent.
PipelinePlan planOf(const QList<QList<Step>> &stages, int parallel = 4, const QString &env = u"dev"_s)
{
    Pipeline pipeline;
    pipeline.parallel = parallel;
    int n = 0;
    for (const QList<Step> &steps : stages)
        pipeline.stages.append(TestPipeline::stage(u"stage%1"_s.arg(++n), steps));
    return PipelinePlan::make(pipeline, env);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Processes of a process group that are still alive (zombies excluded).
int aliveInGroup(qint64 group)
{
    int alive = 0;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        const QByteArray stat = readFile(u"/proc/%1/stat"_s.arg(entry));
        if (stat.isEmpty())
            continue;
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 2 && fields.at(2).toLongLong() == group && fields.at(0) != "Z")
            ++alive;
    }
    return alive;
}

// One deploy in a temporary work directory, with every runner event recorded in order.
struct Harness
{
    QTemporaryDir dir;
    std::shared_ptr<RunContext> context;
    std::unique_ptr<PipelineRunner> runner;
    QStringList events; // "started:x", "output:x", "finished:x", "done"
    QMap<QString, QStringList> output;
    std::unique_ptr<QSignalSpy> finishedSpy;
    std::unique_ptr<QSignalSpy> stepFinishedSpy;

    explicit Harness(const PipelinePlan &plan, const QProcessEnvironment *environment = nullptr)
    {
        DeployTarget target;
        target.build = u"148"_s;
        target.version = u"1.0.0-148"_s;
        target.sha = u"abc123"_s;
        target.env = plan.env;
        context = std::make_shared<RunContext>(Config{}, target, dir.path());
        if (environment)
            context->setBaseEnvironment(*environment);
        runner = std::make_unique<PipelineRunner>(plan, context);
        finishedSpy = std::make_unique<QSignalSpy>(runner.get(), &PipelineRunner::finished);
        stepFinishedSpy = std::make_unique<QSignalSpy>(runner.get(), &PipelineRunner::stepFinished);
        QObject::connect(runner.get(), &PipelineRunner::stepStarted,
                         [this](const QString &step) { events.append(u"started:"_s + step); });
        QObject::connect(runner.get(), &PipelineRunner::stepOutput,
                         [this](const QString &step, const QStringList &lines) {
                             events.append(u"output:"_s + step);
                             output[step] += lines;
                         });
        QObject::connect(
            runner.get(), &PipelineRunner::stepFinished,
            [this](const QString &step, const StepResult &) { events.append(u"finished:"_s + step); });
        QObject::connect(runner.get(), &PipelineRunner::finished,
                         [this](PipelineRunner::Outcome) { events.append(u"done"_s); });
    }

    QString path(const QString &relative) const { return dir.filePath(relative); }

    // Runs to the end; checks finished() came once, last, after exactly one stepFinished per step.
    bool run()
    {
        runner->start();
        if (finishedSpy->isEmpty() && !finishedSpy->wait(Generous))
            return false;
        return checkEnd();
    }

    bool checkEnd() const
    {
        if (finishedSpy->size() != 1 || events.count(u"done"_s) != 1 || events.constLast() != u"done"_s)
            return false;
        QStringList all = runner->plan().stepNames() + runner->plan().skippedNames();
        for (const QString &step : std::as_const(all)) {
            if (events.count(u"finished:"_s + step) != 1)
                return false;
        }
        return stepFinishedSpy->size() == all.size();
    }

    PipelineRunner::Outcome outcome() const
    {
        return finishedSpy->constFirst().constFirst().value<PipelineRunner::Outcome>();
    }
    StepResult result(const QString &step) const { return runner->result(step); }
};

// In-test executors, for scheduling without processes.
class FunctionStep : public StepExecutor
{
public:
    explicit FunctionStep(std::function<StepResult(StepContext &)> body)
        : m_body(std::move(body))
    {}
    StepResult execute(StepContext &context) override { return m_body(context); }

private:
    std::function<StepResult(StepContext &)> m_body;
};

StepResult succeeded(const QString &message = {})
{
    StepResult result;
    result.status = StepResult::Status::Succeeded;
    result.message = message;
    return result;
}

} // namespace

// Checks that the runner schedules, gates, streams and cancels a deploy pipeline and that the local step
// kinds (commands, set-version) do their work and fail with clear words.
class TestRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusNames_data();
    void statusNames();
    void statusFromUnknownName();
    void parallelStepsOverlap();
    void parallelLimit_data();
    void parallelLimit();
    void failureSkipsDependents();
    void commandResults_data();
    void commandResults();
    void timeoutKillsGroup();
    void cancelKillsProcessGroup();
    void cancelBeforeStart();
    void destructorStopsSteps();
    void unknownVariableFails();
    void secretsOnlyThroughEnvironment();
    void shortSecretsLeaveTextReadable();
    void failedStepKeepsLastOutput();
    void daggerMissingSecret();
    void imagePublishTags();
    void outputOrderAcrossBatches();
    void longAndPartialLines();
    void planSkippedReported();
    void executorThrows_data();
    void executorThrows();
    void resultFields();
    void setVersion_data();
    void setVersion();
};

void TestRunner::statusNames_data()
{
    QTest::addColumn<StepResult::Status>("status");
    QTest::addColumn<QString>("name");
    QTest::newRow("pending") << StepResult::Status::Pending << u"pending"_s;
    QTest::newRow("running") << StepResult::Status::Running << u"running"_s;
    QTest::newRow("succeeded") << StepResult::Status::Succeeded << u"succeeded"_s;
    QTest::newRow("failed") << StepResult::Status::Failed << u"failed"_s;
    QTest::newRow("skipped") << StepResult::Status::Skipped << u"skipped"_s;
    QTest::newRow("cancelled") << StepResult::Status::Cancelled << u"cancelled"_s;
}

void TestRunner::statusNames()
{
    QFETCH(StepResult::Status, status);
    QFETCH(QString, name);
    QCOMPARE(StepResult::statusName(status), name);
    QVERIFY(StepResult::statusFromName(name).has_value());
    QCOMPARE(*StepResult::statusFromName(name), status);
    QVERIFY(!StepResult::statusLabel(status).isEmpty());
}

void TestRunner::statusFromUnknownName()
{
    QVERIFY(!StepResult::statusFromName(u"done"_s).has_value());
    QVERIFY(!StepResult::statusFromName(u"Succeeded"_s).has_value());
    QCOMPARE(PipelineRunner::outcomeName(PipelineRunner::Outcome::Cancelled), u"cancelled"_s);
}

void TestRunner::parallelStepsOverlap()
{
    // Each step waits for the other's marker: only if both run at the same time can both succeed.
    const QString waitFor = u"touch %1.started; i=0; while [ ! -e %2.started ]; do sleep 0.05; i=$((i+1)); "
                            u"[ $i -gt 1000 ] && exit 3; done; echo saw %2"_s;
    Harness h(planOf({{TestPipeline::step(u"a"_s, waitFor.arg(u"a"_s, u"b"_s)),
                       TestPipeline::step(u"b"_s, waitFor.arg(u"b"_s, u"a"_s))}},
                     2));
    QVERIFY(h.run());
    QCOMPARE(h.outcome(), PipelineRunner::Outcome::Succeeded);
    QCOMPARE(h.result(u"a"_s).status, StepResult::Status::Succeeded);
    QCOMPARE(h.result(u"b"_s).status, StepResult::Status::Succeeded);
    QCOMPARE(h.output.value(u"a"_s), QStringList{u"saw b"_s});
}

void TestRunner::parallelLimit_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("serial") << 1;
    QTest::newRow("two") << 2;
    QTest::newRow("three") << 3;
}

void TestRunner::parallelLimit()
{
    QFETCH(int, limit);
    // Each step marks itself running, waits (bounded) until `limit` steps run or every step has started,
    // records how many run, then leaves.
    const QString body =
        u"touch run.%1 started.%1; i=0; while [ $(ls run.* | wc -l) -lt %2 ] && "
        u"[ $(ls started.* | wc -l) -lt %3 ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done; "
        u"ls run.* | wc -l > count.%1; sleep 0.05; rm run.%1"_s;
    QList<Step> steps;
    for (int i = 0; i < 2 * limit + 1; ++i)
        steps.append(TestPipeline::step(u"s%1"_s.arg(i), body.arg(i).arg(limit).arg(2 * limit + 1)));
    Harness h(planOf({steps}, limit));
    QVERIFY(h.run());
    QCOMPARE(h.outcome(), PipelineRunner::Outcome::Succeeded);
    int most = 0;
    for (int i = 0; i < 2 * limit + 1; ++i) {
        const int count = readFile(h.path(u"count.%1"_s.arg(i))).trimmed().toInt();
        QVERIFY2(count >= 1 && count <= limit, qPrintable(u"step %1 saw %2 running"_s.arg(i).arg(count)));
        most = std::max(most, count);
    }
    QCOMPARE(most, limit);
}

void TestRunner::failureSkipsDependents()
{
    const QByteArray yaml =
        "pipeline:\n"
        "  parallel: 4\n"
        "  stages:\n"
        "    - name: checks\n"
        "      steps:\n"
        "        - { name: cdk8s-test, run: 'touch failed.marker; exit 4' }\n"
        "        - name: cdk8s-lint\n"
        "          run: 'i=0; while [ ! -e failed.marker ]; do sleep 0.05; i=$((i+1)); [ $i -gt "
        "1000 ] && exit 3; done; sleep 0.2; echo lint ok'\n"
        "    - name: publish\n"
        "      steps: [ { name: chartmuseum, run: 'touch published' } ]\n"
        "    - name: sync\n"
        "      steps: [ { name: argocd, run: 'touch synced' } ]\n";
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::parse(yaml, u"capstan.yaml"_s, &error);
    QVERIFY2(config && config->pipeline, qPrintable(error.toString()));
    Harness h(PipelinePlan::make(*config->pipeline, u"prod"_s));
    QVERIFY(h.run());
    QCOMPARE(h.outcome(), PipelineRunner::Outcome::Failed);
    QCOMPARE(h.result(u"cdk8s-test"_s).status, StepResult::Status::Failed);
    QCOMPARE(h.result(u"cdk8s-test"_s).exitCode, 4);
    // The independent step kept running after the failure and finished on its own.
    QCOMPARE(h.result(u"cdk8s-lint"_s).status, StepResult::Status::Succeeded);
    QCOMPARE(h.output.value(u"cdk8s-lint"_s), QStringList{u"lint ok"_s});
    QCOMPARE(h.result(u"chartmuseum"_s).status, StepResult::Status::Skipped);
    QCOMPARE(h.result(u"chartmuseum"_s).message, u"cdk8s-test failed"_s);
    QCOMPARE(h.result(u"argocd"_s).status, StepResult::Status::Skipped);
    QCOMPARE(h.result(u"argocd"_s).message, u"cdk8s-test failed"_s);
    QVERIFY(!h.events.contains(u"started:chartmuseum"_s));
    QVERIFY(!QFile::exists(h.path(u"published"_s)));
    QVERIFY(!QFile::exists(h.path(u"synced"_s)));
}

void TestRunner::commandResults_data()
{
    QTest::addColumn<QString>("run");
    QTest::addColumn<QString>("cwd");
    QTest::addColumn<StepResult::Status>("status");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("lines");
    using S = StepResult::Status;
    QTest::newRow("exit 0") << u"echo hello"_s << QString() << S::Succeeded << 0 << QString()
                            << QStringList{u"hello"_s};
    QTest::newRow("exit 3") << u"echo before; exit 3"_s << QString() << S::Failed << 3 << u"exit code 3"_s
                            << QStringList{u"before"_s};
    QTest::newRow("stderr merged") << u"echo out; echo err >&2; exit 1"_s << QString() << S::Failed << 1
                                   << u"exit code 1"_s << QStringList{u"out"_s, u"err"_s};
    QTest::newRow("not found") << u"no-such-command-capstan"_s << QString() << S::Failed << 127
                               << u"exit code 127"_s << QStringList{u"*no-such-command-capstan*"_s};
    QTest::newRow("signal") << u"kill -9 $$"_s << QString() << S::Failed << -1 << u"killed by signal 9"_s
                            << QStringList();
    QTest::newRow("cwd") << u"pwd"_s << u"sub/dir"_s << S::Succeeded << 0 << QString()
                         << QStringList{u"@sub/dir"_s};
    QTest::newRow("missing cwd") << u"touch ran"_s << u"nowhere"_s << S::Failed << -1 << u"nowhere"_s
                                 << QStringList();
    QTest::newRow("cannot start") << u"touch ran"_s << u"plain-file"_s << S::Failed << -1 << u"cannot start"_s
                                  << QStringList();
}

void TestRunner::commandResults()
{
    QFETCH(QString, run);
    QFETCH(QString, cwd);
    QFETCH(StepResult::Status, status);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QFETCH(QStringList, lines);
    Step step = TestPipeline::step(u"step"_s, run);
    step.cwd = cwd;
    Harness h(planOf({{step}}));
    QDir(h.dir.path()).mkpath(u"sub/dir"_s);
    writeFile(h.path(u"plain-file"_s), "not a directory\n");
    QVERIFY(h.run());
    const StepResult result = h.result(u"step"_s);
    QCOMPARE(result.status, status);
    QCOMPARE(result.exitCode, exitCode);
    if (message.isEmpty())
        QVERIFY2(result.message.isEmpty(), qPrintable(result.message));
    else
        QVERIFY2(result.message.contains(message), qPrintable(result.message));
    QStringList expected;
    for (const QString &line : std::as_const(lines))
        expected.append(line.startsWith(u'@') ? QDir(h.dir.path()).filePath(line.mid(1)) : line);
    if (expected.size() == 1 && expected.constFirst().startsWith(u'*'))
        QVERIFY(h.output.value(u"step"_s).join(u'\n').contains(expected.constFirst().mid(1).chopped(1)));
    else
        QCOMPARE(h.output.value(u"step"_s), expected);
    QVERIFY(!QFile::exists(h.path(u"ran"_s)) && !QFile::exists(h.path(u"nowhere/ran"_s)));
    QCOMPARE(h.outcome(), status == StepResult::Status::Succeeded ? PipelineRunner::Outcome::Succeeded
                                                                  : PipelineRunner::Outcome::Failed);
}

void TestRunner::timeoutKillsGroup()
{
    Step step = TestPipeline::step(u"slow"_s, u"echo $$ > pgid; sleep 300 & sleep 300; echo never"_s);
    step.timeoutMs = 1000;
    Harness h(planOf({{step}, {TestPipeline::step(u"after"_s, u"true"_s)}}));
    QVERIFY(h.run());
    const StepResult result = h.result(u"slow"_s);
    QCOMPARE(result.status, StepResult::Status::Failed);
    QCOMPARE(result.message, u"timed out after 1s"_s);
    QCOMPARE(h.result(u"after"_s).status, StepResult::Status::Skipped);
    QCOMPARE(h.result(u"after"_s).message, u"slow failed"_s);
    const qint64 group = readFile(h.path(u"pgid"_s)).trimmed().toLongLong();
    QVERIFY(group > 1);
    QCOMPARE(aliveInGroup(group), 0);
    QVERIFY(!h.output.value(u"slow"_s).contains(u"never"_s));
}

void TestRunner::cancelKillsProcessGroup()
{
    Step busy = TestPipeline::step(u"busy"_s, u"echo $$ > pgid; sleep 300 & sleep 300 & echo ready; wait"_s);
    Harness h(planOf({{busy}, {TestPipeline::step(u"later"_s, u"touch later-ran"_s)}}));
    QSignalSpy output(h.runner.get(), &PipelineRunner::stepOutput);
    h.runner->start();
    QTRY_VERIFY_WITH_TIMEOUT(h.output.value(u"busy"_s).contains(u"ready"_s), Generous);
    const qint64 group = readFile(h.path(u"pgid"_s)).trimmed().toLongLong();
    QVERIFY(group > 1);
    QVERIFY(aliveInGroup(group) >= 3); // the shell and both sleeps
    h.runner->cancel();
    h.runner->cancel(); // idempotent
    QVERIFY(h.finishedSpy->wait(Generous));
    QVERIFY(h.checkEnd());
    QCOMPARE(h.outcome(), PipelineRunner::Outcome::Cancelled);
    QCOMPARE(h.result(u"busy"_s).status, StepResult::Status::Cancelled);
    QCOMPARE(h.result(u"later"_s).status, StepResult::Status::Cancelled);
    QCOMPARE(h.result(u"later"_s).message, u"deploy cancelled"_s);
    QVERIFY(!QFile::exists(h.path(u"later-ran"_s)));
    QCOMPARE(aliveInGroup(group), 0);
    QVERIFY(!output.isEmpty());
}

void TestRunner::cancelBeforeStart()
{
    // Cancel from a slot while the first step runs: the running one returns Cancelled, the rest never start.
    std::atomic<bool> sawCancel = false;
    Harness h(planOf({{TestPipeline::step(u"first"_s, {})}, {TestPipeline::step(u"second"_s, {})}}));
    h.runner->setExecutorFactory([&sawCancel](const Step &) {
        return std::make_unique<FunctionStep>([&sawCancel](StepContext &context) {
            while (!context.run().isCancelled())
                std::this_thread::yield();
            sawCancel = true;
            StepResult result;
            result.status = StepResult::Status::Cancelled;
            return result;
        });
    });
    QObject::connect(h.runner.get(), &PipelineRunner::stepStarted, h.runner.get(),
                     [&h] { h.runner->cancel(); });
    QVERIFY(h.run());
    QVERIFY(sawCancel);
    QCOMPARE(h.outcome(), PipelineRunner::Outcome::Cancelled);
    QCOMPARE(h.result(u"first"_s).status, StepResult::Status::Cancelled);
    QCOMPARE(h.result(u"second"_s).message, u"deploy cancelled"_s);
    QVERIFY(!h.events.contains(u"started:second"_s));
}

void TestRunner::destructorStopsSteps()
{
    auto h = std::make_unique<Harness>(
        planOf({{TestPipeline::step(u"busy"_s, u"echo $$ > pgid; sleep 300 & echo ready; wait"_s)}}));
    const QString pgidFile = h->path(u"pgid"_s);
    h->runner->start();
    QTRY_VERIFY_WITH_TIMEOUT(h->output.value(u"busy"_s).contains(u"ready"_s), Generous);
    const qint64 group = readFile(pgidFile).trimmed().toLongLong();
    QVERIFY(group > 1);
    h->runner.reset(); // cancels and waits for the pool
    QVERIFY(h->context->isCancelled());
    QCOMPARE(aliveInGroup(group), 0);
}

void TestRunner::unknownVariableFails()
{
    Harness h(planOf({{TestPipeline::step(u"typo"_s, u"echo {verison}; touch ran"_s)}}));
    QVERIFY(h.run());
    const StepResult result = h.result(u"typo"_s);
    QCOMPARE(result.status, StepResult::Status::Failed);
    QVERIFY2(result.message.contains(u"typo"_s) && result.message.contains(u"verison"_s),
             qPrintable(result.message));
    QVERIFY(!QFile::exists(h.path(u"ran"_s)));
}

void TestRunner::secretsOnlyThroughEnvironment()
{
    // The deploying process itself holds credentials; its children must not see them.
    qputenv("CAPSTAN_ARGOCD_TOKEN", "parent-token-1");
    qputenv("CAPSTAN_CHARTMUSEUM_PASSWORD", "parent-password-1");
    qputenv("CAPSTAN_HARMLESS", "kept");
    auto restore = qScopeGuard([] {
        qunsetenv("CAPSTAN_ARGOCD_TOKEN");
        qunsetenv("CAPSTAN_CHARTMUSEUM_PASSWORD");
        qunsetenv("CAPSTAN_HARMLESS");
    });
    Step step = TestPipeline::step(
        u"publish"_s,
        u"echo \"secret=$DEPLOY_SECRET\"; echo \"token=${CAPSTAN_ARGOCD_TOKEN:-none}\"; "
        u"echo \"password=${CAPSTAN_CHARTMUSEUM_PASSWORD:-none}\"; echo \"harmless=$CAPSTAN_HARMLESS\"; "
        u"tr '\\0' ' ' < /proc/$$/cmdline > cmdline.txt; "
        u"printenv DEPLOY_SECRET > env.txt"_s,
        Step::Kind::Dagger);
    step.secrets = {u"DEPLOY_SECRET"_s};
    Harness h(planOf({{step}}));
    h.context->addSecret(u"s3cr3t-value"_s, u"DEPLOY_SECRET"_s);
    QVERIFY(h.run());
    QCOMPARE(h.result(u"publish"_s).status, StepResult::Status::Succeeded);
    QCOMPARE(readFile(h.path(u"env.txt"_s)), QByteArray("s3cr3t-value\n"));
    QCOMPARE(h.output.value(u"publish"_s),
             (QStringList{u"secret="_s + Redactor::Mask.toString(), u"token=none"_s, u"password=none"_s,
                          u"harmless=kept"_s}));
    const QByteArray cmdline = readFile(h.path(u"cmdline.txt"_s));
    QVERIFY(cmdline.startsWith("/bin/sh -c "));
    QVERIFY(!cmdline.contains("s3cr3t-value"));
}

void TestRunner::shortSecretsLeaveTextReadable()
{
    // A one-letter token and a short password are not masked (they would garble every word holding them);
    // a long secret is. Capstan's own result message never passes through the redactor.
    Step step = TestPipeline::step(u"publish"_s,
                                   u"echo \"user admin uploaded\"; echo \"token=$LONG_TOKEN.\"; exit 127"_s,
                                   Step::Kind::Dagger);
    step.secrets = {u"SHORT_TOKEN"_s, u"ADMIN_PASSWORD"_s, u"LONG_TOKEN"_s};
    Harness h(planOf({{step}}));
    h.context->addSecret(u"e"_s, u"SHORT_TOKEN"_s);
    h.context->addSecret(u"admin"_s, u"ADMIN_PASSWORD"_s);
    h.context->addSecret(u"long-token-4711"_s, u"LONG_TOKEN"_s);
    QCOMPARE(h.context->unredactedSecrets(), (QStringList{u"SHORT_TOKEN"_s, u"ADMIN_PASSWORD"_s}));
    QVERIFY(h.run());
    const StepResult result = h.result(u"publish"_s);
    QCOMPARE(result.status, StepResult::Status::Failed);
    QCOMPARE(result.message, u"exit code 127"_s);
    QCOMPARE(h.output.value(u"publish"_s),
             (QStringList{u"user admin uploaded"_s, u"token="_s + Redactor::Mask.toString() + u"."_s}));
}

void TestRunner::failedStepKeepsLastOutput()
{
    // Eight lines, a secret in one of the last five, then the command is missing: the result keeps the
    // last five lines, redacted, next to the bare exit code.
    Step step = TestPipeline::step(u"manifests"_s,
                                   u"for i in 1 2 3 4 5 6; do echo \"line $i\"; done; "
                                   u"echo \"token=$DEPLOY_TOKEN\"; bun run build"_s,
                                   Step::Kind::Dagger);
    step.secrets = {u"DEPLOY_TOKEN"_s};
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PATH"_s, u"/usr/bin:/bin"_s); // no bun on this PATH
    Harness h(planOf({{step}}), &environment);
    h.context->addSecret(u"tok-5c1e-never-shown"_s, u"DEPLOY_TOKEN"_s);
    QVERIFY(h.run());
    const StepResult result = h.result(u"manifests"_s);
    QCOMPARE(result.status, StepResult::Status::Failed);
    QCOMPARE(result.exitCode, 127);
    QCOMPARE(result.message, u"exit code 127"_s);
    QCOMPARE(result.outputTail.size(), StepResult::OutputTailLines);
    QCOMPARE(result.outputTail.mid(0, 4),
             (QStringList{u"line 4"_s, u"line 5"_s, u"line 6"_s, u"token="_s + Redactor::Mask.toString()}));
    QVERIFY2(result.outputTail.last().contains(u"bun: not found"_s), qPrintable(result.outputTail.last()));
    const QString summary = result.summary();
    QVERIFY2(summary.startsWith(u"exit code 127\n  | line 4\n"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"bun: not found"_s), qPrintable(summary));
    QVERIFY2(!summary.contains(u"tok-5c1e-never-shown"_s), qPrintable(summary));
    QVERIFY(!summary.contains(u"line 3"_s));

    // A step that succeeds keeps no tail.
    Harness ok(planOf({{TestPipeline::step(u"quiet"_s, u"echo fine"_s)}}));
    QVERIFY(ok.run());
    QCOMPARE(ok.result(u"quiet"_s).status, StepResult::Status::Succeeded);
    QVERIFY(ok.result(u"quiet"_s).outputTail.isEmpty());
}

void TestRunner::daggerMissingSecret()
{
    Step step = TestPipeline::step(u"dagger"_s, u"touch ran"_s, Step::Kind::Dagger);
    step.secrets = {u"REGISTRY_TOKEN"_s};
    Harness h(planOf({{step}}));
    QVERIFY(h.run());
    QCOMPARE(h.result(u"dagger"_s).status, StepResult::Status::Failed);
    QVERIFY2(h.result(u"dagger"_s).message.contains(u"REGISTRY_TOKEN"_s),
             qPrintable(h.result(u"dagger"_s).message));
    QVERIFY(!QFile::exists(h.path(u"ran"_s)));
}

void TestRunner::imagePublishTags()
{
    Step step = TestPipeline::step(u"image"_s, u"echo \"tags=$CAPSTAN_IMAGE_TAGS\"; echo run {version}"_s,
                                   Step::Kind::ImagePublish);
    step.tags = {u"{version}"_s, u"latest"_s, u"sha-{sha}"_s};
    Harness h(planOf({{step}}));
    QVERIFY(h.run());
    QCOMPARE(h.result(u"image"_s).status, StepResult::Status::Succeeded);
    const QStringList lines = h.output.value(u"image"_s);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).contains(u"1.0.0-148 latest sha-abc123"_s));
    QCOMPARE(lines.at(1), u"tags=1.0.0-148 latest sha-abc123"_s);
    QCOMPARE(lines.at(2), u"run 1.0.0-148"_s);
}

void TestRunner::outputOrderAcrossBatches()
{
    Harness h(planOf({{TestPipeline::step(u"chatty"_s, u"seq 1 20000"_s),
                       TestPipeline::step(u"other"_s, u"seq 1 3000"_s)}},
                     2));
    QVERIFY(h.run());
    QCOMPARE(h.result(u"chatty"_s).status, StepResult::Status::Succeeded);
    const QStringList lines = h.output.value(u"chatty"_s);
    QCOMPARE(lines.size(), 20000);
    for (int i = 0; i < lines.size(); ++i)
        QCOMPARE(lines.at(i), QString::number(i + 1));
    QCOMPARE(h.output.value(u"other"_s).size(), 3000);
    // Every batch of a step comes between its start and its end.
    const qsizetype started = h.events.indexOf(u"started:chatty"_s);
    const qsizetype finished = h.events.indexOf(u"finished:chatty"_s);
    QVERIFY(started >= 0 && finished > started);
    QCOMPARE(h.events.indexOf(u"output:chatty"_s, finished), -1);
    QVERIFY(h.events.indexOf(u"output:chatty"_s) > started);
}

void TestRunner::longAndPartialLines()
{
    Harness h(planOf({{TestPipeline::step(
        u"long"_s, u"head -c 40000 /dev/zero | tr '\\0' x; echo; printf 'no newline'"_s)}}));
    QVERIFY(h.run());
    const QStringList lines = h.output.value(u"long"_s);
    QVERIFY(lines.size() >= 4);
    QCOMPARE(lines.constLast(), u"no newline"_s);
    QCOMPARE(lines.mid(0, lines.size() - 1).join(QString()), QString(40000, u'x'));
    for (const QString &line : lines)
        QVERIFY(line.size() < 40000);
}

void TestRunner::planSkippedReported()
{
    Step prodOnly = TestPipeline::step(u"chartmuseum"_s, u"touch pushed"_s);
    prodOnly.only = u"prod"_s;
    Harness h(planOf({{TestPipeline::step(u"check"_s, u"true"_s)},
                      {prodOnly},
                      {TestPipeline::step(u"package"_s, u"true"_s)}}));
    QCOMPARE(h.runner->plan().skippedNames(), QStringList{u"chartmuseum"_s});
    QVERIFY(h.run());
    QCOMPARE(h.outcome(), PipelineRunner::Outcome::Succeeded);
    QCOMPARE(h.result(u"chartmuseum"_s).status, StepResult::Status::Skipped);
    QCOMPARE(h.result(u"chartmuseum"_s).message, u"only: prod"_s);
    QVERIFY(!h.result(u"chartmuseum"_s).started.isValid());
    QCOMPARE(h.events.constFirst(), u"finished:chartmuseum"_s);
    QVERIFY(!h.events.contains(u"started:chartmuseum"_s));
    QCOMPARE(h.result(u"package"_s).status, StepResult::Status::Succeeded);
    QVERIFY(!QFile::exists(h.path(u"pushed"_s)));
}

void TestRunner::executorThrows_data()
{
    QTest::addColumn<bool>("apiError");
    QTest::addColumn<QString>("message");
    // The server's words are redacted; Capstan's own message around them is not.
    QTest::newRow("api error") << true
                               << QString(u"locked by another deploy: held by "_s +
                                          Redactor::Mask.toString());
    QTest::newRow("other") << false << u"unexpected error"_s;
}

void TestRunner::executorThrows()
{
    QFETCH(bool, apiError);
    QFETCH(QString, message);
    Harness h(planOf({{TestPipeline::step(u"lock"_s, {}), TestPipeline::step(u"independent"_s, {})},
                      {TestPipeline::step(u"after"_s, {})}}));
    h.context->addSecret(u"holder-secret"_s);
    h.runner->setExecutorFactory([apiError](const Step &step) -> std::unique_ptr<StepExecutor> {
        if (step.name != u"lock"_s)
            return std::make_unique<FunctionStep>([](StepContext &) { return succeeded(); });
        return std::make_unique<FunctionStep>([apiError](StepContext &) -> StepResult {
            if (apiError) {
                ApiError error(ApiError::Kind::Conflict, u"locked by another deploy"_s);
                error.setServerMessage(u"held by holder-secret"_s);
                throw error;
            }
            throw std::runtime_error("boom");
        });
    });
    QVERIFY(h.run());
    QCOMPARE(h.outcome(), PipelineRunner::Outcome::Failed);
    const StepResult result = h.result(u"lock"_s);
    QCOMPARE(result.status, StepResult::Status::Failed);
    QVERIFY2(result.message.contains(message), qPrintable(result.message));
    QVERIFY(!result.message.contains(u"holder-secret"_s));
    QCOMPARE(h.result(u"independent"_s).status, StepResult::Status::Succeeded);
    QCOMPARE(h.result(u"after"_s).message, u"lock failed"_s);
}

void TestRunner::resultFields()
{
    Harness h(planOf({{TestPipeline::step(u"one"_s, {})}, {TestPipeline::step(u"two"_s, {})}}));
    h.runner->setExecutorFactory([](const Step &) {
        return std::make_unique<FunctionStep>([](StepContext &context) {
            context.output(u"hello from "_s + context.step().name);
            StepResult result = succeeded(u"did "_s + context.step().name);
            result.exitCode = 0;
            return result;
        });
    });
    QVERIFY(!h.runner->isRunning());
    QVERIFY(h.run());
    QVERIFY(h.runner->isFinished());
    QCOMPARE(h.events, (QStringList{u"started:one"_s, u"output:one"_s, u"finished:one"_s, u"started:two"_s,
                                    u"output:two"_s, u"finished:two"_s, u"done"_s}));
    for (const QString &name : {u"one"_s, u"two"_s}) {
        const StepResult result = h.result(name);
        QCOMPARE(result.status, StepResult::Status::Succeeded);
        QCOMPARE(result.message, u"did "_s + name);
        QVERIFY(result.started.isValid());
        QCOMPARE(result.started.timeSpec(), Qt::UTC);
        QVERIFY(result.durationMs >= 0);
    }
    QVERIFY(h.result(u"one"_s).started <= h.result(u"two"_s).started);
    const QList<QVariant> first = h.stepFinishedSpy->constFirst();
    QCOMPARE(first.at(0).toString(), u"one"_s);
    QCOMPARE(first.at(1).value<StepResult>().message, u"did one"_s);
}

void TestRunner::setVersion_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: the file is missing
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("expected"); // content afterwards
    QTest::addColumn<QString>("message");

    const QByteArray chart =
        "# the chart\napiVersion: v2\nname: demo   # keep me\nversion: 0.1.0 # bumped by CI\n"
        "appVersion: \"0.1.0\"\n";
    QTest::newRow("top key") << chart << u"version"_s << QString() << true
                             << QByteArray(
                                    "# the chart\napiVersion: v2\nname: demo   # keep me\nversion: 1.0.0-148 "
                                    "# bumped by CI\nappVersion: \"0.1.0\"\n")
                             << u"src/x/Chart.yaml: version 0.1.0 → 1.0.0-148"_s;
    QTest::newRow("double quoted") << chart << u"appVersion"_s << QString() << true
                                   << QByteArray(
                                          "# the chart\napiVersion: v2\nname: demo   # keep me\nversion: "
                                          "0.1.0 # bumped by CI\nappVersion: \"1.0.0-148\"\n")
                                   << u"src/x/Chart.yaml: appVersion 0.1.0 → 1.0.0-148"_s;
    QTest::newRow("nested") << QByteArray("image:\n  repo: ha\n  tag: '0.9' # pinned\nother:\n  tag: 0.9\n")
                            << u"image.tag"_s << QString() << true
                            << QByteArray(
                                   "image:\n  repo: ha\n  tag: '1.0.0-148' # pinned\nother:\n  tag: 0.9\n")
                            << u"image.tag 0.9 → 1.0.0-148"_s;
    QTest::newRow("flow map") << QByteArray("chart: {name: demo, version: 0.2.0}\n") << u"chart.version"_s
                              << QString() << true << QByteArray("chart: {name: demo, version: 1.0.0-148}\n")
                              << u"0.2.0 → 1.0.0-148"_s;
    QTest::newRow("list index") << QByteArray("charts:\n  - name: a\n    version: 1.2.3\n")
                                << u"charts.0.version"_s << QString() << true
                                << QByteArray("charts:\n  - name: a\n    version: 1.0.0-148\n")
                                << u"1.2.3 → 1.0.0-148"_s;
    const QByteArray package =
        "{\n  \"name\": \"ha\",\n  \"version\": \"0.3.1\",\n  \"dep\": {\"version\": \"9\"}\n}\n";
    QTest::newRow("regex") << package << QString() << u"\"version\": \"([^\"]*)\""_s << true
                           << QByteArray("{\n  \"name\": \"ha\",\n  \"version\": \"1.0.0-148\",\n  \"dep\": "
                                         "{\"version\": \"9\"}\n}\n")
                           << u"src/x/Chart.yaml: 0.3.1 → 1.0.0-148"_s;
    QTest::newRow("missing file") << QByteArray() << u"version"_s << QString() << false << QByteArray()
                                  << u"src/x/Chart.yaml: the file does not exist"_s;
    QTest::newRow("missing key") << chart << u"image.tag"_s << QString() << false << chart
                                 << u"src/x/Chart.yaml: the key image.tag does not exist"_s;
    QTest::newRow("not scalar") << QByteArray("image:\n  tag: 1\n") << u"image"_s << QString() << false
                                << QByteArray("image:\n  tag: 1\n")
                                << u"the key image is not a plain value"_s;
    QTest::newRow("invalid pattern") << package << QString() << u"\"version\": (\"[^\"]*\""_s << false
                                     << package << u"the pattern \"version\": (\"[^\"]*\" is invalid"_s;
    QTest::newRow("no capture group") << package << QString() << u"\"version\": \"[^\"]*\""_s << false
                                      << package << u"has no capture group"_s;
    QTest::newRow("no match") << package << QString() << u"\"release\": \"([^\"]*)\""_s << false << package
                              << u"src/x/Chart.yaml: the pattern \"release\": \"([^\"]*)\" matches nothing"_s;
}

void TestRunner::setVersion()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, key);
    QFETCH(QString, pattern);
    QFETCH(bool, ok);
    QFETCH(QByteArray, expected);
    QFETCH(QString, message);
    Step step;
    step.name = u"chart-version"_s;
    step.kind = Step::Kind::SetVersion;
    step.file = u"src/x/Chart.yaml"_s;
    step.key = key;
    step.pattern = pattern;
    Harness h(planOf({{step}}));
    const QString file = h.path(u"src/x/Chart.yaml"_s);
    if (!content.isEmpty())
        writeFile(file, content);
    QVERIFY(h.run());
    const StepResult result = h.result(u"chart-version"_s);
    QCOMPARE(result.status, ok ? StepResult::Status::Succeeded : StepResult::Status::Failed);
    QVERIFY2(result.message.contains(message), qPrintable(result.message));
    QCOMPARE(readFile(file), expected);
    QCOMPARE(QDir(QFileInfo(file).absolutePath()).entryList(QDir::Files).size(), content.isEmpty() ? 0 : 1);
}

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
