#include "BuildsView.h"
#include "DeployDialog.h"
#include "DesktopNotifier.h"
#include "JournalView.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "PipelineGraph.h"
#include "PipelineView.h"
#include "TestPipeline.h"

#include "app/ClientFactory.h"
#include "credentials/CredentialStore.h"
#include "models/JournalModel.h"
#include "models/PipelineStepsModel.h"
#include "pipeline/DeployJournal.h"
#include "pipeline/PipelinePlan.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/RunContext.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolTip>
#include <QTreeWidget>
#include <QVariantMap>

#include <memory>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int TimeoutMs = 30000;
const QString HelperFlag = u"--write-interrupted-journal"_s;

Pipeline samplePipeline(int checks = 2)
{
    Pipeline pipeline;
    pipeline.parallel = 4;
    pipeline.stages.append(TestPipeline::stage(
        u"version"_s, {TestPipeline::step(u"stamp"_s, {}, Step::Kind::SetVersion)}, u"prod"_s));
    QList<Step> checkSteps{TestPipeline::step(u"test"_s, u"true"_s),
                           TestPipeline::step(u"lint"_s, u"true"_s)};
    for (int i = 2; i < checks; ++i)
        checkSteps.append(TestPipeline::step(u"check-%1"_s.arg(i), u"true"_s));
    pipeline.stages.append(TestPipeline::stage(u"checks"_s, checkSteps));
    pipeline.stages.append(
        TestPipeline::stage(u"package"_s, {TestPipeline::step(u"chart"_s, {}, Step::Kind::HelmPackage)}));
    pipeline.stages.append(TestPipeline::stage(
        u"publish"_s, {TestPipeline::step(u"push"_s, {}, Step::Kind::ChartMuseumPush)}, u"prod"_s));
    Step announce = TestPipeline::step(u"announce"_s, u"true"_s);
    announce.needs = {u"test"_s};
    pipeline.stages.append(TestPipeline::stage(u"notify"_s, {announce}));
    return pipeline;
}

Pipeline shellPipeline(const QList<QPair<QString, QStringList>> &stages)
{
    Pipeline pipeline;
    pipeline.parallel = 4;
    for (const auto &[stageName, commands] : stages) {
        QList<Step> steps;
        for (const QString &command : commands) {
            const QString name = command.section(u'=', 0, 0);
            steps.append(TestPipeline::step(name, command.section(u'=', 1)));
        }
        pipeline.stages.append(TestPipeline::stage(stageName, steps));
    }
    return pipeline;
}

Build sampleBuild(int run, bool success = true)
{
    Build build;
    build.run.runNumber = run;
    build.run.status = u"completed"_s;
    build.run.conclusion = success ? u"success"_s : u"failure"_s;
    build.run.headSha = u"0123456789abcdef0123456789abcdef01234567"_s;
    build.run.commitMessage = u"Change number %1"_s.arg(run);
    build.chartVersion = u"1.0.0-%1"_s.arg(run);
    return build;
}

DeployTarget sampleTarget(const QString &env)
{
    DeployTarget target;
    target.build = u"148"_s;
    target.version = u"1.0.0-148"_s;
    target.env = env;
    target.reason = u"weekly release"_s;
    target.user = u"alice@workstation"_s;
    return target;
}

// Child process mode: begins a deploy and a step in the journal, then exits without finishing them, as a
// killed Capstan would.
int writeInterruptedJournal(const QString &file)
{
    DeployJournal journal(file);
    DeployTarget target = sampleTarget(u"prod"_s);
    const qint64 id = journal.begin(target, u"shop"_s, QDateTime::currentDateTimeUtc());
    journal.stepStarted(id, u"test"_s, u"checks"_s, QDateTime::currentDateTimeUtc());
    StepResult done;
    done.status = StepResult::Status::Succeeded;
    done.started = QDateTime::currentDateTimeUtc();
    done.durationMs = 1200;
    journal.stepFinished(id, u"test"_s, u"checks"_s, done);
    journal.stepStarted(id, u"chart"_s, u"package"_s, QDateTime::currentDateTimeUtc());
    return 0;
}

} // namespace

// The org.freedesktop.Notifications service as a desktop provides it, recording what it is asked to show.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString appName;
        QString icon;
        QString summary;
        QString body;
        QVariantMap hints;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(actions)
        Q_UNUSED(expireTimeout)
        calls.append({appName, appIcon, summary, body, hints});
        return uint(calls.size());
    }
};

class TstGuiDeploy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void graphLaysOutStages();
    void graphSizeGrowsWithSteps();
    void graphColoursFollowState_data();
    void graphColoursFollowState();
    void graphTooltipGivesSkipReason();
    void graphSelectionAndKeyboard();
    void graphRepaintsOnStateNotOutput();
    void graphFitsLongStepNames();
    void viewEmptyState();

    void viewShowsRunAndFailingStep();
    void viewCancelStopsSleep_data();
    void viewCancelStopsSleep();
    void viewStaysResponsiveDuringChattyStep();
    void viewOffersReleaseAfterProdDeploy();

    void dialogConfirmAndReason_data();
    void dialogConfirmAndReason();
    void dialogPlanListsSkippedSteps();
    void dialogEmitsRequest();
    void dialogWithoutPipeline();

    void journalViewListsDeploys();
    void interruptedDeployBanner();
    void windowRunsDeployment();
    void closingWindowCancelsDeploy();

    void notifierSendsOutcome_data();
    void notifierSendsOutcome();
    void notifierFallsBackToStatusBar();

private:
    struct Run
    {
        std::unique_ptr<PipelineRunner> runner;
        std::unique_ptr<PipelineView> view;
        std::shared_ptr<QAbstractItemModelTester> tester;
    };
    Run startRun(const Pipeline &pipeline, const QString &env, bool start = true);
    std::unique_ptr<PipelineStepsModel> sampleModel(const QString &env);
    struct Window
    {
        std::unique_ptr<QNetworkAccessManager> network;
        std::unique_ptr<CredentialStore> credentials;
        std::unique_ptr<ClientFactory> factory;
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<DeployJournal> journal;
        std::unique_ptr<MainWindow> window;
    };
    // A main window over a config whose pipeline is `pipeline` (no servers) and a journal in the temp dir.
    Window makeWindow(const Pipeline &pipeline, const QString &journalName);

    QTemporaryDir m_dir;
};

void TstGuiDeploy::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TstGuiDeploy::cleanup()
{
    QToolTip::hideText();
}

std::unique_ptr<PipelineStepsModel> TstGuiDeploy::sampleModel(const QString &env)
{
    auto model = std::make_unique<PipelineStepsModel>();
    model->setPlan(PipelinePlan::make(samplePipeline(), env));
    return model;
}

TstGuiDeploy::Run TstGuiDeploy::startRun(const Pipeline &pipeline, const QString &env, bool start)
{
    Run run;
    const DeployTarget target = sampleTarget(env);
    auto context = std::make_shared<RunContext>(Config(), target, m_dir.path());
    run.runner = std::make_unique<PipelineRunner>(PipelinePlan::make(pipeline, env), context);
    run.view = std::make_unique<PipelineView>(nullptr);
    run.tester = std::make_shared<QAbstractItemModelTester>(
        run.view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    run.view->setRunner(run.runner.get(), target);
    run.view->resize(1000, 700);
    run.view->show();
    if (start)
        run.runner->start();
    return run;
}

void TstGuiDeploy::graphLaysOutStages()
{
    const PipelinePlan plan = PipelinePlan::make(samplePipeline(), u"dev"_s);
    std::unique_ptr<PipelineStepsModel> model = sampleModel(u"dev"_s);
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    PipelineGraph graph;
    graph.setModel(model.get());
    graph.resize(graph.sizeHint());

    // Every stage of the pipeline is a column, skipped ones too, in pipeline order.
    QCOMPARE(graph.stageCount(), 5);
    QCOMPARE(graph.stepsOfStage(0), QStringList{u"stamp"_s});
    QCOMPARE(graph.stepsOfStage(1), (QStringList{u"test"_s, u"lint"_s}));
    QCOMPARE(graph.stepsOfStage(4), QStringList{u"announce"_s});
    for (int stage = 0; stage + 1 < graph.stageCount(); ++stage)
        QVERIFY(graph.stageHeaderRect(stage).right() < graph.stageHeaderRect(stage + 1).left());

    const QRectF test = graph.boxRect(model->rowOf(u"test"_s));
    const QRectF lint = graph.boxRect(model->rowOf(u"lint"_s));
    const QRectF chart = graph.boxRect(model->rowOf(u"chart"_s));
    QVERIFY(!test.isEmpty());
    QCOMPARE(test.left(), lint.left());   // same stage, same column
    QVERIFY(lint.top() > test.bottom());  // stacked
    QVERIFY(chart.left() > test.right()); // the next stage is to the right
    QVERIFY(graph.rect().contains(chart.toAlignedRect()));

    // Hit-testing.
    for (const QString &name : plan.stepNames() + plan.skippedNames()) {
        const QRectF box = graph.boxRect(model->rowOf(name));
        QCOMPARE(graph.stepAt(box.center().toPoint()), name);
        QCOMPARE(graph.stepAt(box.topLeft().toPoint() + QPoint(2, 2)), name);
    }
    QCOMPARE(graph.rowAt(QPoint(int(test.right()) + 20, int(test.center().y()))), -1);
    QCOMPARE(graph.rowAt(QPoint(int(test.center().x()), int(test.bottom()) + 5)), -1);

    // The explicit need across stages is drawn; the stage order is not repeated as needs.
    const QList<QPair<int, int>> needs = graph.needArrows();
    QCOMPARE(needs.size(), 1);
    QCOMPARE(needs.first(), qMakePair(model->rowOf(u"test"_s), model->rowOf(u"announce"_s)));
}

void TstGuiDeploy::graphSizeGrowsWithSteps()
{
    PipelineStepsModel small;
    small.setPlan(PipelinePlan::make(samplePipeline(2), u"prod"_s));
    PipelineStepsModel big;
    big.setPlan(PipelinePlan::make(samplePipeline(7), u"prod"_s));
    PipelineGraph smallGraph;
    smallGraph.setModel(&small);
    PipelineGraph bigGraph;
    bigGraph.setModel(&big);
    QVERIFY(bigGraph.sizeHint().height() > smallGraph.sizeHint().height());
    QCOMPARE(bigGraph.sizeHint().width(), smallGraph.sizeHint().width());

    Pipeline longer = samplePipeline(2);
    longer.stages.append(TestPipeline::stage(u"smoke"_s, {TestPipeline::step(u"smoke-test"_s, u"true"_s)}));
    PipelineStepsModel wide;
    wide.setPlan(PipelinePlan::make(longer, u"prod"_s));
    PipelineGraph wideGraph;
    wideGraph.setModel(&wide);
    QVERIFY(wideGraph.sizeHint().width() > smallGraph.sizeHint().width());
}

void TstGuiDeploy::graphColoursFollowState_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("running") << int(StepResult::Status::Running);
    QTest::newRow("succeeded") << int(StepResult::Status::Succeeded);
    QTest::newRow("failed") << int(StepResult::Status::Failed);
    QTest::newRow("cancelled") << int(StepResult::Status::Cancelled);
}

void TstGuiDeploy::graphColoursFollowState()
{
    QFETCH(int, status);
    std::unique_ptr<PipelineStepsModel> model = sampleModel(u"prod"_s);
    PipelineGraph graph;
    graph.setModel(model.get());
    graph.resize(graph.sizeHint());
    const int row = model->rowOf(u"lint"_s);
    const QRectF box = graph.boxRect(row);
    const QPoint inside = (box.bottomLeft() + QPointF(5, -5)).toPoint();
    const auto pixel = [&graph, inside] {
        const QImage image = graph.grab().toImage();
        return image.pixelColor((QPointF(inside) * image.devicePixelRatio()).toPoint()).rgb();
    };

    const QColor pending = graph.fillColor(row);
    QCOMPARE(pixel(), pending.rgb());
    QCOMPARE(graph.fillColor(model->rowOf(u"test"_s)), pending); // same state, same colour

    QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
    model->stepStarted(u"lint"_s);
    if (StepResult::Status(status) != StepResult::Status::Running) {
        StepResult result;
        result.status = StepResult::Status(status);
        result.durationMs = 1500;
        result.message = u"done"_s;
        model->stepFinished(u"lint"_s, result);
    }
    QVERIFY(changed.count() > 0);
    QCOMPARE(graph.isAnimating(), StepResult::Status(status) == StepResult::Status::Running);
    const QColor now = graph.fillColor(row);
    QVERIFY2(now != pending, qPrintable(now.name()));
    QCOMPARE(pixel(), now.rgb());
    // Each state has its own colour.
    for (int other = 0; other <= int(StepResult::Status::Cancelled); ++other) {
        if (other != status)
            QVERIFY(PipelineGraph::statusColor(StepResult::Status(other)) !=
                    PipelineGraph::statusColor(StepResult::Status(status)));
    }
    // The untouched sibling kept its colour.
    QCOMPARE(graph.fillColor(model->rowOf(u"test"_s)), pending);
}

void TstGuiDeploy::graphTooltipGivesSkipReason()
{
    const PipelinePlan plan = PipelinePlan::make(samplePipeline(), u"dev"_s);
    QVERIFY(!plan.skipped.isEmpty());
    std::unique_ptr<PipelineStepsModel> model = sampleModel(u"dev"_s);
    PipelineGraph graph;
    graph.setModel(model.get());
    graph.resize(graph.sizeHint());
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&graph));
    for (const PipelinePlan::Skipped &skipped : plan.skipped) {
        const int row = model->rowOf(skipped.step);
        QCOMPARE(StepResult::Status(model->index(row, 0).data(PipelineStepsModel::StatusRole).toInt()),
                 StepResult::Status::Skipped);
        QVERIFY2(graph.toolTipFor(row).contains(skipped.reason.toHtmlEscaped()),
                 qPrintable(graph.toolTipFor(row)));
        // Skipped boxes are drawn differently from pending ones.
        QVERIFY(graph.fillColor(row) != graph.fillColor(model->rowOf(u"test"_s)));
    }
    const QString test = graph.toolTipFor(model->rowOf(u"test"_s));
    QVERIFY2(test.contains(u"test"_s) && test.contains(u"checks"_s), qPrintable(test));
    QVERIFY(!test.contains(plan.skipped.first().reason));

    // A real tooltip event over a skipped box shows the reason.
    const int row = model->rowOf(plan.skipped.first().step);
    const QPoint at = graph.boxRect(row).center().toPoint();
    QHelpEvent help(QEvent::ToolTip, at, graph.mapToGlobal(at));
    QApplication::sendEvent(&graph, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(plan.skipped.first().reason.toHtmlEscaped()),
             qPrintable(QToolTip::text()));
    QToolTip::hideText();
}

void TstGuiDeploy::graphSelectionAndKeyboard()
{
    std::unique_ptr<PipelineStepsModel> model = sampleModel(u"prod"_s);
    PipelineGraph graph;
    graph.setModel(model.get());
    graph.resize(graph.sizeHint());
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&graph));
    QSignalSpy selected(&graph, &PipelineGraph::selectedStepChanged);
    QTest::mouseClick(&graph, Qt::LeftButton, {}, graph.boxRect(model->rowOf(u"lint"_s)).center().toPoint());
    QCOMPARE(graph.selectedStep(), u"lint"_s);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toString(), u"lint"_s);
    // Clicking between boxes keeps the selection.
    QTest::mouseClick(&graph, Qt::LeftButton, {}, QPoint(2, graph.height() - 2));
    QCOMPARE(graph.selectedStep(), u"lint"_s);

    graph.setFocus();
    QTest::keyClick(&graph, Qt::Key_Up);
    QCOMPARE(graph.selectedStep(), u"test"_s);
    QTest::keyClick(&graph, Qt::Key_Right);
    QCOMPARE(graph.selectedStep(), u"chart"_s);
    QTest::keyClick(&graph, Qt::Key_Left);
    QTest::keyClick(&graph, Qt::Key_Left);
    QCOMPARE(graph.selectedStep(), u"stamp"_s);
    QTest::keyClick(&graph, Qt::Key_End);
    QCOMPARE(graph.selectedStep(), u"announce"_s);
    QSignalSpy activated(&graph, &PipelineGraph::stepActivated);
    QTest::keyClick(&graph, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), u"announce"_s);
}

namespace {
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};
} // namespace

void TstGuiDeploy::graphRepaintsOnStateNotOutput()
{
    std::unique_ptr<PipelineStepsModel> model = sampleModel(u"dev"_s);
    PipelineGraph graph;
    graph.setModel(model.get());
    graph.resize(graph.sizeHint());
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&graph));
    QCoreApplication::processEvents();
    PaintCounter counter;
    graph.installEventFilter(&counter);
    QSignalSpy appended(model.get(), &PipelineStepsModel::outputAppended);
    for (int i = 0; i < 200; ++i)
        model->appendOutput(u"lint"_s, {u"line %1"_s.arg(i)});
    QCOMPARE(appended.count(), 200);
    QCoreApplication::processEvents();
    QCOMPARE(counter.paints, 0);
    model->stepStarted(u"lint"_s);
    QTRY_VERIFY(counter.paints > 0);
}

void TstGuiDeploy::viewShowsRunAndFailingStep()
{
    const Pipeline pipeline = shellPipeline({
        {u"checks"_s,
         {u"hello=echo line-one; echo line-two"_s, u"broken=echo about to break; sleep 0.3; exit 3"_s}},
        {u"package"_s, {u"after=echo never"_s}},
    });
    Run run = startRun(pipeline, u"dev"_s, false);
    PipelineView *view = run.view.get();
    QCOMPARE(view->progressBar()->maximum(), 3);
    QCOMPARE(view->progressBar()->value(), 0);
    QCOMPARE(view->progressText()->text(), u"0 of 3 steps done"_s);
    QVERIFY(!view->progressBar()->isTextVisible()); // the words stay off the bar's edge
    QVERIFY(view->titleLabel()->text().contains(u"1.0.0-148"_s));
    QVERIFY(view->detailLabel()->text().contains(u"weekly release"_s));
    QSignalSpy finished(view, &PipelineView::finished);
    QSignalSpy running(view, &PipelineView::runningChanged);
    run.runner->start();
    QVERIFY(view->isRunning());
    QVERIFY(view->cancelButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, TimeoutMs);
    QCOMPARE(finished.at(0).at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Failed);
    QVERIFY(!view->isRunning());
    QCOMPARE(running.count(), 1);
    QCOMPARE(running.at(0).at(0).toBool(), false);
    QVERIFY(!view->cancelButton()->isEnabled());

    // Every step ended, but only one passed: the bar shows that one and where it failed, not "3 of 3".
    QCOMPARE(view->progressBar()->value(), 1);
    QCOMPARE(view->progressText()->text(), u"Failed at step 2 of 3 (1 passed)"_s);
    QCOMPARE(view->progressBar()->palette().color(QPalette::Highlight),
             PipelineGraph::statusColor(StepResult::Status::Failed));
    // One duration, one format: the timer and the banner agree.
    QCOMPARE(view->elapsedLabel()->text(), PipelineStepsModel::formatDuration(view->elapsedMs()));
    QVERIFY2(view->banner()->text().contains(view->elapsedLabel()->text()),
             qPrintable(view->banner()->text()));
    PipelineStepsModel *model = view->model();
    QCOMPARE(model->resultAt(model->rowOf(u"after"_s)).status, StepResult::Status::Skipped);
    QVERIFY(view->graph()->fillColor(model->rowOf(u"broken"_s)) !=
            view->graph()->fillColor(model->rowOf(u"hello"_s)));

    // The failing step is selected and its output shown.
    QCOMPARE(view->selectedStep(), u"broken"_s);
    QCOMPARE(view->graph()->selectedStep(), u"broken"_s);
    QCOMPARE(view->stepList()->currentText(), u"broken"_s);
    QVERIFY2(view->logView()->toPlainText().contains(u"about to break"_s),
             qPrintable(view->logView()->toPlainText()));
    QCOMPARE(view->banner()->type(), MessageBanner::Type::Error);
    QVERIFY2(view->banner()->text().contains(u"broken"_s), qPrintable(view->banner()->text()));

    // Another step from the list.
    const int hello = model->rowOf(u"hello"_s);
    view->stepList()->setCurrentIndex(hello);
    Q_EMIT view->stepList()->activated(hello);
    QCOMPARE(view->selectedStep(), u"hello"_s);
    QCOMPARE(view->logView()->toPlainText(), u"line-one\nline-two"_s);
    // And from the graph.
    QTest::mouseClick(view->graph(), Qt::LeftButton, {},
                      view->graph()->boxRect(model->rowOf(u"broken"_s)).center().toPoint());
    QCOMPARE(view->selectedStep(), u"broken"_s);
    QVERIFY(view->logView()->toPlainText().contains(u"about to break"_s));
}

void TstGuiDeploy::graphFitsLongStepNames()
{
    const QString longName = u"build-manifests-and-render-the-values"_s;
    const QString absurdName = u"a-step-name-so-long-that-no-box-of-the-graph-could-ever-hold-it-whole"_s;
    const Pipeline pipeline = shellPipeline({{u"checks"_s, {u"lint=true"_s, longName + u"=true"_s}},
                                             {u"package"_s, {u"package=true"_s}},
                                             {u"publish"_s, {absurdName + u"=true"_s}}});
    PipelineStepsModel model;
    model.setPlan(PipelinePlan::make(pipeline, u"dev"_s));
    PipelineGraph graph;
    graph.setModel(&model);
    graph.show();
    QFont bold = graph.font();
    bold.setWeight(QFont::DemiBold);
    const int row = model.rowOf(longName);
    // Even at its smallest the graph keeps the long name whole (the scroll area scrolls instead).
    for (const QSize size : {graph.sizeHint(), graph.minimumSizeHint()}) {
        graph.resize(size);
        QVERIFY(graph.boxRect(row).width() > QFontMetricsF(bold).horizontalAdvance(longName));
        QVERIFY(!graph.isNameElided(row));
        QVERIFY(!graph.isNameElided(model.rowOf(u"lint"_s)));
    }
    // Only a name wider than any box is elided, and its tooltip carries it whole.
    const int absurd = model.rowOf(absurdName);
    QVERIFY(graph.isNameElided(absurd));
    QVERIFY(graph.toolTipFor(absurd).contains(absurdName));
}

void TstGuiDeploy::viewEmptyState()
{
    PipelineView view(nullptr);
    view.resize(900, 600);
    view.show();
    QCOMPARE(view.titleLabel()->text(), PipelineView::tr("No deploy yet"));
    QVERIFY(!view.progressBar()->isVisible());
    QVERIFY(!view.progressText()->isVisible());
    QVERIFY(!view.findChild<QSplitter *>(u"pipelineSplitter"_s)->isVisible());
}

void TstGuiDeploy::viewCancelStopsSleep_data()
{
    QTest::addColumn<QString>("env");
    QTest::newRow("dev, no question") << u"dev"_s;
    QTest::newRow("prod, confirmed") << u"prod"_s;
}

void TstGuiDeploy::viewCancelStopsSleep()
{
    QFETCH(QString, env);
    const Pipeline pipeline = shellPipeline({{u"checks"_s, {u"sleepy=echo going to sleep; sleep 300"_s}},
                                             {u"package"_s, {u"after=echo never"_s}}});
    Run run = startRun(pipeline, env);
    PipelineView *view = run.view.get();
    PipelineStepsModel *model = view->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->resultAt(model->rowOf(u"sleepy"_s)).status, StepResult::Status::Running,
                              TimeoutMs);
    QSignalSpy finished(view, &PipelineView::finished);
    view->cancelButton()->click();
    if (env == u"prod"_s) {
        QMessageBox *box = view->cancelConfirmation();
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY(box->text().contains(u"1.0.0-148"_s));
        QVERIFY(view->isRunning()); // nothing happens without the answer
        QVERIFY(run.runner->isRunning());
        box->button(QMessageBox::Yes)->click();
    } else {
        QVERIFY(!view->cancelConfirmation());
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, TimeoutMs);
    QCOMPARE(finished.at(0).at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Cancelled);
    QCOMPARE(model->resultAt(model->rowOf(u"sleepy"_s)).status, StepResult::Status::Cancelled);
    QCOMPARE(model->resultAt(model->rowOf(u"after"_s)).status, StepResult::Status::Cancelled);
    QCOMPARE(view->banner()->type(), MessageBanner::Type::Warning);
    QVERIFY2(view->banner()->text().contains(u"cancelled"_s), qPrintable(view->banner()->text()));
    QCOMPARE(view->graph()->fillColor(model->rowOf(u"sleepy"_s)),
             view->graph()->fillColor(model->rowOf(u"after"_s)));
    QVERIFY(!view->cancelButton()->isEnabled());
}

void TstGuiDeploy::viewStaysResponsiveDuringChattyStep()
{
    // 200,000 lines reach the view in many small deliveries (one per event-loop pass), never in one flood
    // that would hold the GUI thread; the bench measures the stalls themselves.
    const Pipeline pipeline = shellPipeline({{u"checks"_s, {u"chatty=seq 1 200000 | sed 's/^/line /'"_s}}});
    Run run = startRun(pipeline, u"dev"_s, false);
    PipelineView *view = run.view.get();
    PipelineStepsModel *model = view->model();
    QSignalSpy deliveries(model, &PipelineStepsModel::outputAppended);
    QSignalSpy finished(view, &PipelineView::finished);
    run.runner->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.at(0).at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Succeeded);
    qsizetype largest = 0;
    qsizetype total = 0;
    for (const QList<QVariant> &delivery : std::as_const(deliveries)) {
        const qsizetype lines = delivery.at(1).toStringList().size();
        largest = std::max(largest, lines);
        total += lines;
    }
    QCOMPARE(total, qsizetype(200000));
    QVERIFY2(deliveries.count() >= 100, qPrintable(QString::number(deliveries.count())));
    QVERIFY2(largest <= 2000, qPrintable(QString::number(largest)));
    QCOMPARE(view->selectedStep(), u"chatty"_s);
    const QString log = view->logView()->toPlainText();
    QVERIFY(log.endsWith(u"line 200000"_s));
    QVERIFY(view->logView()->document()->blockCount() <= PipelineStepsModel::MaxLines);
    QCOMPARE(view->banner()->type(), MessageBanner::Type::Information);
    QVERIFY(view->banner()->text().contains(u"1.0.0-148"_s));
    QVERIFY(view->releaseButton()->isHidden()); // dev: nothing to release
}

void TstGuiDeploy::viewOffersReleaseAfterProdDeploy()
{
    Run run = startRun(shellPipeline({{u"checks"_s, {u"quick=echo ok"_s}}}), u"prod"_s, false);
    PipelineView *view = run.view.get();
    QSignalSpy finished(view, &PipelineView::finished);
    QSignalSpy release(view, &PipelineView::releaseRequested);
    run.runner->start();
    QVERIFY(view->releaseButton()->isHidden());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, TimeoutMs);
    QCOMPARE(finished.at(0).at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Succeeded);
    QVERIFY(view->releaseButton()->isVisible());
    view->releaseButton()->click();
    QCOMPARE(release.count(), 1);
    QCOMPARE(release.at(0).at(0).value<DeployTarget>().version, u"1.0.0-148"_s);
}

void TstGuiDeploy::dialogConfirmAndReason_data()
{
    QTest::addColumn<QString>("env");
    QTest::addColumn<bool>("override");
    QTest::addColumn<bool>("needsConfirm");
    QTest::newRow("prod") << u"prod"_s << false << true;
    QTest::newRow("dev") << u"dev"_s << false << false;
    QTest::newRow("prod override") << u"prod"_s << true << true;
    QTest::newRow("dev override") << u"dev"_s << true << false;
}

void TstGuiDeploy::dialogConfirmAndReason()
{
    QFETCH(QString, env);
    QFETCH(bool, override);
    QFETCH(bool, needsConfirm);
    DeployDialog::Request request;
    request.build = sampleBuild(148, !override);
    request.blocker = override ? request.build.deployBlocker() : QString();
    request.pipeline = samplePipeline();
    request.environment = env;
    DeployDialog dialog(request);
    dialog.show();
    QCOMPARE(dialog.environment(), env);
    QCOMPARE(dialog.needsConfirmation(), needsConfirm);
    QCOMPARE(dialog.confirmBox()->isVisible(), needsConfirm);
    QCOMPARE(dialog.isOverride(), override);
    if (override)
        QVERIFY2(dialog.banner()->text().contains(u"failed: its CI run completed"_s),
                 qPrintable(dialog.banner()->text()));

    const bool readyAtOnce = !needsConfirm && !override;
    QCOMPARE(dialog.deployButton()->isEnabled(), readyAtOnce);
    if (needsConfirm) {
        dialog.confirmBox()->setChecked(true);
        QCOMPARE(dialog.deployButton()->isEnabled(), !override);
    }
    if (override) {
        dialog.reasonEdit()->setText(u"   "_s);
        QVERIFY(!dialog.deployButton()->isEnabled()); // blanks are no reason
        dialog.reasonEdit()->setText(u"Hotfix; the failing job is a flaky lint"_s);
        QVERIFY(dialog.deployButton()->isEnabled());
    }
    if (needsConfirm) {
        dialog.confirmBox()->setChecked(false);
        QVERIFY(!dialog.deployButton()->isEnabled());
        QSignalSpy requested(&dialog, &DeployDialog::deployRequested);
        dialog.deploy();
        QCOMPARE(requested.count(), 0);
    }
}

void TstGuiDeploy::dialogPlanListsSkippedSteps()
{
    DeployDialog::Request request;
    request.build = sampleBuild(148);
    request.pipeline = samplePipeline();
    DeployDialog dialog(request);
    for (const QString &env : {u"dev"_s, u"prod"_s}) {
        dialog.setEnvironment(env);
        const PipelinePlan plan = PipelinePlan::make(samplePipeline(), env);
        QTreeWidget *list = dialog.planList();
        QCOMPARE(list->topLevelItemCount(), int(plan.steps.size() + plan.skipped.size()));
        QStringList running;
        QStringList skipped;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = list->topLevelItem(i);
            if (item->data(DeployDialog::PlanStepColumn, DeployDialog::SkippedRole).toBool()) {
                skipped.append(item->text(DeployDialog::PlanStepColumn));
                const auto it = std::find_if(plan.skipped.cbegin(), plan.skipped.cend(),
                                             [item](const PipelinePlan::Skipped &s) {
                                                 return s.step == item->text(DeployDialog::PlanStepColumn);
                                             });
                QVERIFY(it != plan.skipped.cend());
                QVERIFY2(item->text(DeployDialog::PlanWhatColumn).contains(it->reason),
                         qPrintable(item->text(DeployDialog::PlanWhatColumn)));
                QCOMPARE(item->text(DeployDialog::PlanStageColumn), it->stage);
            } else {
                running.append(item->text(DeployDialog::PlanStepColumn));
            }
        }
        QCOMPARE(running, plan.stepNames());
        QCOMPARE(skipped, plan.skippedNames());
        if (env == u"dev"_s) {
            QVERIFY(skipped.contains(u"push"_s));
            QVERIFY(skipped.contains(u"stamp"_s));
        } else {
            QVERIFY(running.contains(u"push"_s));
        }
        QVERIFY2(dialog.planSummary()->text().contains(QString::number(plan.steps.size())),
                 qPrintable(dialog.planSummary()->text()));
    }
    // Switching to prod asks for the confirmation again.
    dialog.setEnvironment(u"dev"_s);
    QVERIFY(dialog.deployButton()->isEnabled());
    dialog.setEnvironment(u"prod"_s);
    QVERIFY(!dialog.deployButton()->isEnabled());
}

void TstGuiDeploy::dialogEmitsRequest()
{
    DeployDialog::Request request;
    request.build = sampleBuild(5, false);
    request.blocker = request.build.deployBlocker();
    request.pipeline = samplePipeline();
    request.environment = u"prod"_s;
    DeployDialog dialog(request);
    dialog.show();
    QSignalSpy requested(&dialog, &DeployDialog::deployRequested);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.reasonEdit()->setText(u"  Security fix must ship  "_s);
    dialog.confirmBox()->setChecked(true);
    dialog.deployButton()->click();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(accepted.count(), 1);
    const auto sent = requested.at(0).at(0).value<Deployment::Request>();
    QCOMPARE(sent.build, u"5"_s);
    QVERIFY(sent.version.isEmpty());
    QCOMPARE(sent.env, u"prod"_s);
    QCOMPARE(sent.reason, u"Security fix must ship"_s);

    DeployDialog devDialog(request);
    devDialog.setEnvironment(u"dev"_s);
    devDialog.reasonEdit()->setText(u"try it"_s);
    QSignalSpy devRequested(&devDialog, &DeployDialog::deployRequested);
    devDialog.deploy();
    QCOMPARE(devRequested.count(), 1);
    QCOMPARE(devRequested.at(0).at(0).value<Deployment::Request>().env, u"dev"_s);
}

void TstGuiDeploy::dialogWithoutPipeline()
{
    DeployDialog::Request request;
    request.build = sampleBuild(148);
    request.environment = u"dev"_s;
    DeployDialog dialog(request);
    QVERIFY(!dialog.deployButton()->isEnabled());
    QCOMPARE(dialog.planList()->topLevelItemCount(), 0);
    QVERIFY2(dialog.planSummary()->text().contains(u"pipeline"_s), qPrintable(dialog.planSummary()->text()));
    QSignalSpy requested(&dialog, &DeployDialog::deployRequested);
    dialog.deploy();
    QCOMPARE(requested.count(), 0);
}

void TstGuiDeploy::journalViewListsDeploys()
{
    const QString file = m_dir.filePath(u"journal-view.sqlite"_s);
    DeployJournal journal(file);
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-600);
    DeployTarget first = sampleTarget(u"dev"_s);
    first.version = u"1.0.0-147"_s;
    const qint64 firstId = journal.begin(first, u"shop"_s, start);
    StepResult ok;
    ok.status = StepResult::Status::Succeeded;
    ok.started = start;
    ok.durationMs = 4200;
    journal.stepStarted(firstId, u"test"_s, u"checks"_s, start);
    journal.stepFinished(firstId, u"test"_s, u"checks"_s, ok);
    journal.finish(firstId, u"succeeded"_s, {}, start.addSecs(5));

    const DeployTarget second = sampleTarget(u"prod"_s);
    const qint64 secondId = journal.begin(second, u"shop"_s, start.addSecs(60));
    journal.stepStarted(secondId, u"test"_s, u"checks"_s, start.addSecs(60));
    journal.stepFinished(secondId, u"test"_s, u"checks"_s, ok);
    StepResult failed;
    failed.status = StepResult::Status::Failed;
    failed.started = start.addSecs(65);
    failed.durationMs = 900;
    failed.exitCode = 2;
    failed.message = u"exit code 2"_s;
    journal.stepStarted(secondId, u"lint"_s, u"checks"_s, start.addSecs(65));
    journal.stepFinished(secondId, u"lint"_s, u"checks"_s, failed);
    journal.finish(secondId, u"failed"_s, u"lint failed"_s, start.addSecs(70));

    JournalView view(&journal);
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(900, 600);
    view.show();
    QCOMPARE(view.model()->rowCount(), 2);
    // Newest first, and it is selected with its steps below.
    QCOMPARE(view.model()->index(0, 0).data(JournalModel::IdRole).toLongLong(), secondId);
    QCOMPARE(view.model()->index(1, 0).data(JournalModel::IdRole).toLongLong(), firstId);
    QCOMPARE(view.model()->index(0, 0).data(JournalModel::OutcomeRole).toString(), u"failed"_s);
    QCOMPARE(view.selectedId(), secondId);
    QTreeWidget *steps = view.stepTree();
    QCOMPARE(steps->topLevelItemCount(), 2);
    QCOMPARE(steps->topLevelItem(1)->text(JournalView::StepNameColumn), u"lint"_s);
    QCOMPARE(steps->topLevelItem(1)->text(JournalView::StepMessageColumn), u"exit code 2"_s);
    QCOMPARE(steps->topLevelItem(1)->foreground(JournalView::StepStatusColumn).color(),
             PipelineGraph::statusColor(StepResult::Status::Failed));
    QCOMPARE(steps->topLevelItem(0)->foreground(JournalView::StepStatusColumn).color(),
             PipelineGraph::statusColor(StepResult::Status::Succeeded));
    QVERIFY(JournalView::outcomeColor(u"failed"_s) != JournalView::outcomeColor(u"succeeded"_s));

    QVERIFY(view.selectId(firstId));
    QCOMPARE(steps->topLevelItemCount(), 1);
    QCOMPARE(steps->topLevelItem(0)->text(JournalView::StepNameColumn), u"test"_s);

    // Refresh picks up a new deploy and keeps the selection.
    const qint64 thirdId = journal.begin(sampleTarget(u"dev"_s), u"shop"_s, start.addSecs(120));
    journal.finish(thirdId, u"cancelled"_s, u"deploy cancelled"_s, start.addSecs(121));
    QCOMPARE(view.model()->rowCount(), 2);
    view.refreshButton()->click();
    QCOMPARE(view.model()->rowCount(), 3);
    QCOMPARE(view.model()->index(0, 0).data(JournalModel::IdRole).toLongLong(), thirdId);
    QCOMPARE(view.selectedId(), firstId);
}

void TstGuiDeploy::interruptedDeployBanner()
{
    const QString file = m_dir.filePath(u"interrupted.sqlite"_s);
    QProcess helper;
    helper.start(QCoreApplication::applicationFilePath(), {HelperFlag, file});
    QVERIFY(helper.waitForFinished(TimeoutMs));
    QCOMPARE(helper.exitStatus(), QProcess::NormalExit);
    QVERIFY2(helper.exitCode() == 0, helper.readAllStandardError().constData());

    DeployJournal journal(file);
    QNetworkAccessManager network;
    CredentialStore credentials(QProcessEnvironment{});
    ClientFactory factory(&network, &credentials);
    QSettings settings(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    MainWindow::Setup setup;
    setup.factory = &factory;
    setup.credentials = &credentials;
    setup.settings = &settings;
    setup.journal = &journal;
    MainWindow window(setup);
    window.show();
    MessageBanner *banner = window.interruptedBanner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->type(), MessageBanner::Type::Warning);
    const QString text = banner->text();
    QVERIFY2(text.contains(u"1.0.0-148"_s) && text.contains(u"prod"_s) &&
                 text.contains(u"alice@workstation"_s) && text.contains(u"chart"_s) &&
                 text.contains(u"interrupted"_s),
             qPrintable(text));
    QCOMPARE(window.interruptedDeploys().size(), 1);
    const qint64 id = window.interruptedDeploys().first().id;

    auto *action = banner->findChild<QPushButton *>(u"bannerAction"_s);
    QVERIFY(action && action->isVisible());
    action->click();
    QVERIFY(window.journalView()->isVisible());
    QCOMPARE(window.journalView()->selectedId(), id);
    QCOMPARE(window.journalView()->model()->index(0, 0).data(JournalModel::OutcomeRole).toString(),
             u"interrupted"_s);
    QVERIFY(!banner->isVisible());

    // Reported once: the next start is quiet.
    MainWindow again(setup);
    QVERIFY(again.interruptedDeploys().isEmpty());
    QVERIFY(again.interruptedBanner()->text().isEmpty());
}

TstGuiDeploy::Window TstGuiDeploy::makeWindow(const Pipeline &pipeline, const QString &journalName)
{
    Window w;
    w.network = std::make_unique<QNetworkAccessManager>();
    w.credentials = std::make_unique<CredentialStore>(QProcessEnvironment{});
    w.factory = std::make_unique<ClientFactory>(w.network.get(), w.credentials.get());
    w.settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    w.journal = std::make_unique<DeployJournal>(m_dir.filePath(journalName));
    MainWindow::Setup setup;
    setup.factory = w.factory.get();
    setup.credentials = w.credentials.get();
    setup.settings = w.settings.get();
    setup.journal = w.journal.get();
    setup.config.file = m_dir.filePath(u"capstan.yaml"_s);
    Config::Chart chart;
    chart.name = u"shop"_s;
    chart.version = u"1.0.0-{build}"_s;
    setup.config.chart = chart;
    setup.config.pipeline = pipeline;
    setup.configPath = setup.config.file;
    w.window = std::make_unique<MainWindow>(setup);
    w.window->show();
    return w;
}

void TstGuiDeploy::windowRunsDeployment()
{
    Window w = makeWindow(shellPipeline({{u"checks"_s, {u"hello=echo hello from {version}"_s}}}),
                          u"window.sqlite"_s);
    MainWindow *window = w.window.get();
    PipelineView *pipeline = window->pipelineView();
    QSignalSpy finished(pipeline, &PipelineView::finished);
    Deployment::Request request;
    request.build = u"42"_s;
    request.env = u"dev"_s;
    request.worktree = true; // a local dev run in a directory that is not a git repository
    request.reason = u"try the pipeline"_s;
    QVERIFY(window->startDeployment(request));
    QVERIFY(pipeline->isVisible()); // the Pipeline view is shown
    QVERIFY(window->isDeploying());
    auto *indicator = window->findChild<QPushButton *>(u"deployIndicator"_s);
    QVERIFY(indicator && indicator->isVisible());
    QVERIFY2(indicator->text().contains(u"1.0.0-42"_s), qPrintable(indicator->text()));
    // A second deploy is refused while this one runs.
    QVERIFY(!window->startDeployment(request));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, TimeoutMs);
    QCOMPARE(finished.at(0).at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Succeeded);
    QVERIFY(!indicator->isVisible());
    QCOMPARE(pipeline->target().version, u"1.0.0-42"_s);
    QVERIFY2(pipeline->logView()->toPlainText().contains(u"hello from 1.0.0-42"_s),
             qPrintable(pipeline->logView()->toPlainText()));
    // The journal has it, and the Journal view shows it.
    JournalView *journal = window->journalView();
    QTRY_COMPARE_WITH_TIMEOUT(journal->model()->rowCount(), 1, TimeoutMs);
    journal->refreshButton()->click();
    QCOMPARE(journal->model()->index(0, 0).data(JournalModel::OutcomeRole).toString(), u"succeeded"_s);
    QCOMPARE(journal->model()->entryAt(0).target.reason, u"try the pipeline"_s);
    // One duration in one format: the timer, the banner and the journal say the same.
    const QString duration =
        journal->model()->index(0, JournalModel::DurationColumn).data(Qt::DisplayRole).toString();
    QVERIFY(!duration.isEmpty());
    QCOMPARE(pipeline->elapsedLabel()->text(), duration);
    QVERIFY2(pipeline->banner()->text().contains(duration), qPrintable(pipeline->banner()->text()));
    const DeployJournal::Entry entry = journal->model()->entryAt(0);
    QCOMPARE(pipeline->elapsedMs(), entry.started.msecsTo(entry.finished));

    // A request the Deployment refuses is reported in the Pipeline view.
    Deployment::Request bad;
    bad.build = u"42"_s;
    bad.env = u"staging"_s;
    QVERIFY(!window->startDeployment(bad));
    QCOMPARE(pipeline->banner()->type(), MessageBanner::Type::Error);
    QVERIFY2(pipeline->banner()->text().contains(u"staging"_s), qPrintable(pipeline->banner()->text()));
}

void TstGuiDeploy::closingWindowCancelsDeploy()
{
    Window w = makeWindow(shellPipeline({{u"checks"_s, {u"sleepy=sleep 300"_s}}}), u"close.sqlite"_s);
    MainWindow *window = w.window.get();
    PipelineView *pipeline = window->pipelineView();
    Deployment::Request request;
    request.build = u"43"_s;
    request.env = u"dev"_s;
    request.worktree = true;
    QVERIFY(window->startDeployment(request));
    PipelineStepsModel *model = pipeline->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->resultAt(model->rowOf(u"sleepy"_s)).status, StepResult::Status::Running,
                              TimeoutMs);
    QSignalSpy finished(pipeline, &PipelineView::finished);
    window->showView(window->buildsView());
    QVERIFY(!window->close()); // asks first
    QVERIFY(window->isVisible());
    QVERIFY(pipeline->isVisible());
    QMessageBox *box = window->closeConfirmation();
    QVERIFY(box && box->isVisible());
    // "Keep running" keeps it.
    box->button(QMessageBox::No)->click();
    QTRY_VERIFY(!window->closeConfirmation());
    QVERIFY(window->isDeploying());
    QVERIFY(!window->close());
    box = window->closeConfirmation();
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, TimeoutMs);
    QCOMPARE(finished.at(0).at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), TimeoutMs);
    const QList<DeployJournal::Entry> entries = w.journal->recent(5);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().outcome, u"cancelled"_s);
}

void TstGuiDeploy::notifierSendsOutcome_data()
{
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("failedStep");
    QTest::addColumn<QString>("summary");
    QTest::newRow("succeeded") << int(PipelineRunner::Outcome::Succeeded) << QString()
                               << u"Deployed 1.0.0-148 to prod"_s;
    QTest::newRow("failed") << int(PipelineRunner::Outcome::Failed) << u"cdk8s-test"_s
                            << u"Deploy of 1.0.0-148 to prod failed in step cdk8s-test"_s;
    QTest::newRow("cancelled") << int(PipelineRunner::Outcome::Cancelled) << QString()
                               << u"Deploy of 1.0.0-148 to prod cancelled"_s;
}

void TstGuiDeploy::notifierSendsOutcome()
{
    QFETCH(int, outcome);
    QFETCH(QString, failedStep);
    QFETCH(QString, summary);
    QDBusConnection service =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-notifications"_s);
    QVERIFY2(service.isConnected(), "the test needs a D-Bus session bus (dbus-run-session)");
    FakeNotifications fake;
    QVERIFY(service.registerObject(DesktopNotifier::Path, &fake, QDBusConnection::ExportAllSlots));
    QVERIFY(service.registerService(DesktopNotifier::Service));
    const auto cleanup = qScopeGuard([&service] {
        service.unregisterObject(DesktopNotifier::Path);
        service.unregisterService(DesktopNotifier::Service);
        QDBusConnection::disconnectFromBus(u"fake-notifications"_s);
    });

    DesktopNotifier notifier;
    QStatusBar statusBar;
    notifier.setFallbackStatusBar(&statusBar);
    QSignalSpy notified(&notifier, &DesktopNotifier::notified);
    QSignalSpy fellBack(&notifier, &DesktopNotifier::fellBack);
    notifier.notifyDeploy(sampleTarget(u"prod"_s), PipelineRunner::Outcome(outcome), 125000, failedStep);
    QTRY_COMPARE_WITH_TIMEOUT(notified.count() + fellBack.count(), 1, TimeoutMs);
    QCOMPARE(fellBack.count(), 0);
    QCOMPARE(fake.calls.size(), 1);
    const FakeNotifications::Call &call = fake.calls.first();
    QCOMPARE(call.appName, u"Capstan"_s);
    QCOMPARE(call.icon, u"net.capstan.Capstan"_s);
    QCOMPARE(call.summary, summary);
    QVERIFY2(call.body.contains(u"2 min 05 s"_s), qPrintable(call.body));
    QCOMPARE(notified.at(0).at(1).toString(), summary);
    QVERIFY(statusBar.currentMessage().isEmpty());
}

void TstGuiDeploy::notifierFallsBackToStatusBar()
{
    QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(DesktopNotifier::Service));
    DesktopNotifier notifier;
    QStatusBar statusBar;
    notifier.setFallbackStatusBar(&statusBar);
    QSignalSpy notified(&notifier, &DesktopNotifier::notified);
    QSignalSpy fellBack(&notifier, &DesktopNotifier::fellBack);
    notifier.notifyDeploy(sampleTarget(u"prod"_s), PipelineRunner::Outcome::Succeeded, 4000);
    QTRY_COMPARE_WITH_TIMEOUT(fellBack.count(), 1, TimeoutMs);
    QCOMPARE(notified.count(), 0);
    QVERIFY2(statusBar.currentMessage().contains(u"Deployed 1.0.0-148 to prod"_s),
             qPrintable(statusBar.currentMessage()));
    QVERIFY2(statusBar.currentMessage().contains(u"4.0 s"_s), qPrintable(statusBar.currentMessage()));
    QVERIFY(!fellBack.at(0).at(2).toString().isEmpty()); // why
}

int main(int argc, char **argv)
{
    if (argc == 3 && QString::fromLocal8Bit(argv[1]) == HelperFlag) {
        QCoreApplication app(argc, argv);
        try {
            return writeInterruptedJournal(QString::fromLocal8Bit(argv[2]));
        } catch (const ApiError &error) {
            fprintf(stderr, "%s\n", qPrintable(error.toString()));
            return 1;
        }
    }
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TstGuiDeploy test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_guideploy.moc"
