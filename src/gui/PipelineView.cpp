#include "PipelineView.h"

#include "DesktopNotifier.h"
#include "MessageBanner.h"
#include "PipelineGraph.h"

#include "models/PipelineStepsModel.h"
#include "pipeline/Deployment.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {
constexpr int TickMs = 250;
constexpr int FlushMs = 100;
// Time the log may spend appending per turn of the event loop, so a burst of output never stalls the GUI;
// the number of lines that fits is learnt from the appends before.
constexpr qint64 FlushBudgetNs = 4'000'000;
constexpr qsizetype MinFlushLines = 32;
constexpr qsizetype MaxFlushLines = 4000;
} // namespace

PipelineView::PipelineView(DesktopNotifier *notifier, QWidget *parent)
    : QWidget(parent)
    , m_notifier(notifier)
    , m_model(new PipelineStepsModel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_elapsed(new QLabel(this))
    , m_cancelButton(new QPushButton(tr("Cancel deploy"), this))
    , m_releaseButton(new QPushButton(tr("Create GitHub release…"), this))
    , m_progress(new QProgressBar(this))
    , m_progressText(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_graph(new PipelineGraph)
    , m_graphArea(new QScrollArea(this))
    , m_stepList(new QComboBox(this))
    , m_stepState(new QLabel(this))
    , m_log(new QPlainTextEdit(this))
    , m_tick(new QTimer(this))
    , m_flush(new QTimer(this))
{
    setObjectName(u"pipelineView"_s);
    m_title->setObjectName(u"pipelineTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_detail->setObjectName(u"pipelineDetail"_s);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette quiet = m_detail->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    m_detail->setPalette(quiet);
    m_elapsed->setObjectName(u"pipelineElapsed"_s);
    QFont elapsedFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    elapsedFont.setPointSizeF(titleFont.pointSizeF());
    m_elapsed->setFont(elapsedFont);
    m_cancelButton->setObjectName(u"pipelineCancel"_s);
    m_cancelButton->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));
    m_cancelButton->setEnabled(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &PipelineView::cancel);
    m_releaseButton->setObjectName(u"pipelineRelease"_s);
    m_releaseButton->hide();
    connect(m_releaseButton, &QPushButton::clicked, this, [this] { Q_EMIT releaseRequested(m_target); });

    m_progress->setObjectName(u"pipelineProgress"_s);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    // The words go beside the bar, never across the edge of its chunk.
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(std::max(8, fontMetrics().height() / 2));
    m_progressText->setObjectName(u"pipelineProgressText"_s);
    m_progressText->setTextFormat(Qt::PlainText);
    m_banner->clear();

    m_graph->setModel(m_model);
    m_graphArea->setObjectName(u"pipelineGraphArea"_s);
    m_graphArea->setWidget(m_graph);
    m_graphArea->setWidgetResizable(true);
    m_graphArea->setFrameShape(QFrame::StyledPanel);
    m_graphArea->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    connect(m_graph, &PipelineGraph::selectedStepChanged, this, [this](const QString &step) {
        if (step.isEmpty())
            return;
        m_userPicked = true;
        showStep(step);
    });

    m_stepList->setObjectName(u"pipelineStepList"_s);
    m_stepList->setModel(m_model);
    m_stepList->setModelColumn(PipelineStepsModel::NameColumn);
    m_stepList->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_stepList->setMinimumContentsLength(14);
    connect(m_stepList, &QComboBox::activated, this, [this](int row) {
        m_userPicked = true;
        showStep(m_model->stepAt(row));
    });
    m_stepState->setObjectName(u"pipelineStepState"_s);
    m_stepState->setTextFormat(Qt::PlainText);
    m_stepState->setPalette(quiet);

    m_log->setObjectName(u"pipelineLog"_s);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(PipelineStepsModel::MaxLines);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("Select a step to see its output."));

    auto *header = new QHBoxLayout;
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_detail);
    header->addLayout(texts, 1);
    header->addWidget(m_elapsed);
    header->addSpacing(12);
    header->addWidget(m_releaseButton);
    header->addWidget(m_cancelButton);

    auto *logPane = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logPane);
    logLayout->setContentsMargins(0, 4, 0, 0);
    auto *logHeader = new QHBoxLayout;
    logHeader->addWidget(new QLabel(tr("Output of"), logPane));
    logHeader->addWidget(m_stepList);
    logHeader->addWidget(m_stepState, 1);
    logLayout->addLayout(logHeader);
    logLayout->addWidget(m_log, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_splitter = splitter;
    splitter->setObjectName(u"pipelineSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_graphArea);
    splitter->addWidget(logPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 6);
    layout->addLayout(header);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addSpacing(8);
    progressRow->addWidget(m_progressText);
    layout->addLayout(progressRow);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    m_tick->setInterval(TickMs);
    connect(m_tick, &QTimer::timeout, this, &PipelineView::tick);
    m_flush->setSingleShot(true);
    m_flush->setInterval(FlushMs);
    connect(m_flush, &QTimer::timeout, this, &PipelineView::flushLog);
    connect(m_model, &PipelineStepsModel::outputAppended, this, &PipelineView::onOutput);

    updateProgress();
    updateHeader();
}

PipelineView::~PipelineView()
{
    disconnectSources();
}

Deployment *PipelineView::deployment() const
{
    return m_deployment;
}

QMessageBox *PipelineView::cancelConfirmation() const
{
    return m_confirmation;
}

qint64 PipelineView::elapsedMs() const
{
    if (m_finalElapsed >= 0)
        return m_finalElapsed;
    // The deploy's recorded start (the journal's) once there is one, so the timer, the banner and the
    // journal show the same duration.
    if (m_deployment && m_deployment->startedAt().isValid())
        return m_deployment->durationMs();
    return m_clock.isValid() ? m_clock.elapsed() : 0;
}

void PipelineView::disconnectSources()
{
    if (m_deployment)
        disconnect(m_deployment, nullptr, this, nullptr);
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_deployment = nullptr;
    m_runner = nullptr;
}

void PipelineView::setDeployment(Deployment *deployment)
{
    disconnectSources();
    m_deployment = deployment;
    if (!deployment)
        return;
    connect(deployment, &Deployment::started, this, &PipelineView::updateHeader);
    connect(deployment, &Deployment::stepStarted, this, &PipelineView::onStepStarted);
    connect(deployment, &Deployment::stepOutput, m_model, &PipelineStepsModel::appendOutput);
    connect(deployment, &Deployment::stepFinished, this, &PipelineView::onStepFinished);
    connect(deployment, &Deployment::finished, this, &PipelineView::onFinished);
    connect(deployment, &Deployment::warning, this, &PipelineView::onWarning);
    begin(deployment->plan(), deployment->target());
}

void PipelineView::setRunner(PipelineRunner *runner, const DeployTarget &target)
{
    disconnectSources();
    m_runner = runner;
    if (!runner)
        return;
    connect(runner, &PipelineRunner::stepStarted, this, &PipelineView::onStepStarted);
    connect(runner, &PipelineRunner::stepOutput, m_model, &PipelineStepsModel::appendOutput);
    connect(runner, &PipelineRunner::stepFinished, this, &PipelineView::onStepFinished);
    connect(runner, &PipelineRunner::finished, this, [this](PipelineRunner::Outcome outcome) {
        onFinished(outcome, std::nullopt, m_runner ? m_runner->elapsedMs() : elapsedMs());
    });
    begin(runner->plan(), target);
}

void PipelineView::onWarning(const QString &message)
{
    m_warnings.append(message);
    if (m_finalElapsed < 0)
        m_banner->showMessage(MessageBanner::Type::Warning, message,
                              m_warnings.size() > 1 ? m_warnings.mid(0, m_warnings.size() - 1).join(u'\n')
                                                    : QString());
}

void PipelineView::begin(const PipelinePlan &plan, const DeployTarget &target)
{
    m_warnings.clear();
    if (m_confirmation)
        m_confirmation->deleteLater();
    m_target = target;
    m_outcome.reset();
    m_userPicked = false;
    m_failureShown = false;
    m_anyStepStarted = false;
    m_finalElapsed = -1;
    m_pendingLines.clear();
    m_selectedStep.clear();
    m_model->setPlan(plan);
    m_banner->clear();
    m_clock.start();
    m_cancelButton->setEnabled(true);
    m_cancelButton->setText(tr("Cancel deploy"));
    m_releaseButton->hide();
    const bool wasRunning = m_running;
    m_running = true;
    m_tick->start();
    updateProgress();
    updateHeader();
    if (m_model->rowCount() > 0)
        showStep(m_model->stepAt(0));
    // Never squeeze the graph below what it needs (up to a limit) when banners come and go.
    m_graphArea->setMinimumHeight(
        std::min(m_graph->minimumSizeHint().height() + 2 * m_graphArea->frameWidth() + 2, 380));
    m_fitGraph = true;
    if (isVisible())
        fitGraph();
    if (!wasRunning)
        Q_EMIT runningChanged(true);
}

void PipelineView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitGraph)
        QTimer::singleShot(0, this, &PipelineView::fitGraph);
}

// The graph gets the room it needs (up to two thirds), the log the rest.
void PipelineView::fitGraph()
{
    const int total = m_splitter->height();
    if (total <= 0 || !m_fitGraph)
        return;
    m_fitGraph = false;
    const int graphHeight =
        std::min(m_graph->sizeHint().height() + 2 * m_graphArea->frameWidth() + 4, total * 2 / 3);
    m_splitter->setSizes({graphHeight, total - graphHeight});
}

void PipelineView::onStepStarted(const QString &step)
{
    m_anyStepStarted = true;
    m_model->stepStarted(step);
    if (!m_userPicked && !m_failureShown)
        showStep(step);
    else if (step == m_selectedStep)
        showStep(step);
}

void PipelineView::onStepFinished(const QString &step, const StepResult &result)
{
    m_model->stepFinished(step, result);
    updateProgress();
    if (result.status == StepResult::Status::Failed && !m_failureShown) {
        m_failureShown = true;
        showStep(step);
    } else if (step == m_selectedStep) {
        showStep(step);
    }
}

void PipelineView::onOutput(const QString &step, const QStringList &lines)
{
    if (step != m_selectedStep)
        return;
    m_pendingLines.append(lines);
    // The log keeps only the last MaxLines lines anyway.
    if (m_pendingLines.size() > PipelineStepsModel::MaxLines)
        m_pendingLines.remove(0, m_pendingLines.size() - PipelineStepsModel::MaxLines);
    if (!m_flush->isActive())
        m_flush->start(FlushMs);
}

void PipelineView::flushLog()
{
    m_flush->stop();
    if (m_pendingLines.isEmpty())
        return;
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    const qsizetype fits = m_logNsPerLine > 0 ? qsizetype(FlushBudgetNs / m_logNsPerLine) : MinFlushLines;
    const qsizetype count = std::min(m_pendingLines.size(), std::clamp(fits, MinFlushLines, MaxFlushLines));
    QElapsedTimer clock;
    clock.start();
    m_log->appendPlainText(m_pendingLines.first(count).join(u'\n'));
    m_pendingLines.remove(0, count);
    // What a line costs, smoothed: the next turn takes what fits in the budget.
    const double perLine = double(clock.nsecsElapsed()) / double(count);
    m_logNsPerLine = m_logNsPerLine > 0 ? 0.7 * m_logNsPerLine + 0.3 * perLine : perLine;
    if (!m_pendingLines.isEmpty())
        m_flush->start(0);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void PipelineView::selectStep(const QString &step)
{
    m_userPicked = true;
    showStep(step);
}

void PipelineView::showStep(const QString &step)
{
    const int row = m_model->rowOf(step);
    if (row < 0)
        return;
    const bool changed = step != m_selectedStep;
    m_selectedStep = step;
    {
        const QSignalBlocker blockGraph(m_graph);
        m_graph->setSelectedStep(step);
    }
    m_stepList->setCurrentIndex(row);
    const StepResult result = m_model->resultAt(row);
    QString state = StepResult::statusLabel(result.status);
    if (!result.message.isEmpty())
        state = tr("%1: %2").arg(state, result.message);
    if (result.isFinal() && result.exitCode >= 0)
        state = tr("%1 (exit code %2)").arg(state).arg(result.exitCode);
    m_stepState->setText(state);
    m_stepState->setToolTip(state);
    if (!changed)
        return;
    m_pendingLines.clear();
    m_flush->stop();
    m_log->setPlainText(m_model->outputOf(step).join(u'\n'));
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
    m_log->setPlaceholderText(result.status == StepResult::Status::Skipped
                                  ? tr("Skipped: %1").arg(result.message)
                                  : tr("No output from %1 yet.").arg(step));
}

void PipelineView::updateProgress()
{
    const int total = m_model->rowCount();
    // Nothing to show before the first deploy: the header says how to start one.
    const bool empty = total == 0 && !m_running && !m_outcome;
    m_progress->setVisible(!empty);
    m_progressText->setVisible(!empty);
    if (m_splitter)
        m_splitter->setVisible(!empty);
    if (empty)
        return;
    m_progress->setRange(0, std::max(1, total));
    QPalette palette = this->palette();
    const int passed = m_model->countOf(StepResult::Status::Succeeded);
    int failedRow = -1;
    for (int row = 0; row < total && failedRow < 0; ++row) {
        if (m_model->resultAt(row).status == StepResult::Status::Failed)
            failedRow = row;
    }
    QString text;
    if (m_outcome == PipelineRunner::Outcome::Failed) {
        // How far it got: the steps that passed, not the ones marked cancelled after the failure.
        m_progress->setValue(std::min(passed, total));
        palette.setColor(QPalette::Highlight, PipelineGraph::statusColor(StepResult::Status::Failed));
        text = failedRow >= 0
                   ? tr("Failed at step %1 of %2 (%3 passed)").arg(failedRow + 1).arg(total).arg(passed)
                   : tr("Failed: %1 of %2 steps passed").arg(passed).arg(total);
    } else if (m_outcome == PipelineRunner::Outcome::Cancelled) {
        m_progress->setValue(std::min(passed, total));
        palette.setColor(QPalette::Highlight, PipelineGraph::statusColor(StepResult::Status::Cancelled));
        text = tr("Cancelled: %1 of %2 steps passed").arg(passed).arg(total);
    } else {
        m_progress->setValue(std::min(m_model->finishedCount(), total));
        if (m_outcome == PipelineRunner::Outcome::Succeeded)
            palette.setColor(QPalette::Highlight, PipelineGraph::statusColor(StepResult::Status::Succeeded));
        text = tr("%1 of %2 steps done").arg(m_model->finishedCount()).arg(total);
    }
    m_progress->setPalette(palette);
    m_progressText->setText(text);
}

void PipelineView::updateHeader()
{
    if (m_target.version.isEmpty() && !m_running && !m_outcome) {
        m_title->setText(tr("No deploy yet"));
        m_detail->setText(tr("Start one with Deploy in the Builds view."));
        m_elapsed->clear();
        return;
    }
    const QString build = m_target.build.isEmpty() ? QString() : tr(" (build #%1)").arg(m_target.build);
    QString title;
    if (m_running)
        title = tr("Deploying %1%2 to %3").arg(m_target.version, build, m_target.env);
    else
        title = tr("Deploy of %1%2 to %3").arg(m_target.version, build, m_target.env);
    m_title->setText(title);
    QStringList details;
    if (!m_target.user.isEmpty())
        details.append(tr("by %1").arg(m_target.user));
    details.append(m_target.reason.isEmpty() ? tr("no reason given") : tr("reason: %1").arg(m_target.reason));
    if (!m_target.sha.isEmpty())
        details.append(tr("commit %1").arg(m_target.sha.left(7)));
    if (m_deployment && !m_deployment->runner() && m_running)
        details.append(tr("preparing (lock, journal)…"));
    m_detail->setText(details.join(u"  ·  "_s));
    // The same format as the banner and the journal.
    m_elapsed->setText(PipelineStepsModel::formatDuration(elapsedMs()));
    m_elapsed->setToolTip(tr("Elapsed time"));
}

void PipelineView::tick()
{
    m_model->tick();
    flushLog();
    updateHeader();
}

void PipelineView::onFinished(PipelineRunner::Outcome outcome, const std::optional<ApiError> &error,
                              qint64 durationMs)
{
    if (!m_running)
        return;
    m_model->tick();
    m_model->runFinished();
    while (!m_pendingLines.isEmpty())
        flushLog();
    m_tick->stop();
    m_running = false;
    m_outcome = outcome;
    m_finalElapsed = durationMs >= 0 ? durationMs : elapsedMs();
    m_cancelButton->setEnabled(false);
    m_cancelButton->setText(tr("Cancel deploy"));
    if (m_confirmation)
        m_confirmation->deleteLater();
    updateProgress();
    updateHeader();

    QString failedStep;
    QString failedMessage;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const StepResult result = m_model->resultAt(row);
        if (result.status == StepResult::Status::Failed) {
            failedStep = m_model->stepAt(row);
            failedMessage = result.message;
            break;
        }
    }
    const QString duration = PipelineStepsModel::formatDuration(m_finalElapsed);
    QString detail;
    switch (outcome) {
    case PipelineRunner::Outcome::Succeeded:
        m_banner->showMessage(m_warnings.isEmpty() ? MessageBanner::Type::Information
                                                   : MessageBanner::Type::Warning,
                              tr("Deployed %1 to %2 in %3.").arg(m_target.version, m_target.env, duration),
                              m_warnings.join(u'\n'));
        m_releaseButton->setVisible(m_target.env == u"prod"_s);
        break;
    case PipelineRunner::Outcome::Failed:
        if (!failedStep.isEmpty()) {
            detail = error ? error->toString() : failedMessage;
            m_banner->showMessage(MessageBanner::Type::Error,
                                  tr("The deploy of %1 failed in step %2 after %3.")
                                      .arg(m_target.version, failedStep, duration),
                                  detail);
        } else if (error) {
            detail = error->toString();
            m_banner->showMessage(
                MessageBanner::Type::Error,
                m_anyStepStarted ? tr("The deploy of %1 failed: %2").arg(m_target.version, detail)
                                 : tr("The deploy of %1 could not start: %2").arg(m_target.version, detail),
                error->hint());
        } else {
            m_banner->showMessage(MessageBanner::Type::Error,
                                  tr("The deploy of %1 failed after %2.").arg(m_target.version, duration));
        }
        break;
    case PipelineRunner::Outcome::Cancelled:
        m_banner->showMessage(MessageBanner::Type::Warning,
                              tr("The deploy of %1 was cancelled after %2.").arg(m_target.version, duration));
        break;
    }
    if (!m_selectedStep.isEmpty())
        showStep(m_selectedStep);
    if (m_notifier)
        m_notifier->notifyDeploy(m_target, outcome, m_finalElapsed, failedStep, detail);
    Q_EMIT runningChanged(false);
    Q_EMIT finished(outcome);
}

void PipelineView::cancel()
{
    if (!m_running)
        return;
    if (m_target.env != u"prod"_s) {
        cancelNow();
        return;
    }
    if (m_confirmation) {
        m_confirmation->raise();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cancel the prod deploy?"),
                                tr("Cancel the deploy of %1 to prod?").arg(m_target.version),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"cancelConfirmation"_s);
    box->setInformativeText(tr("Running steps are stopped where they are; a chart may already be published "
                               "or an Argo CD sync half done."));
    box->button(QMessageBox::Yes)->setText(tr("Cancel deploy"));
    box->button(QMessageBox::No)->setText(tr("Keep running"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            cancelNow();
    });
    m_confirmation = box;
    box->open();
}

void PipelineView::cancelNow()
{
    if (!m_running)
        return;
    m_cancelButton->setEnabled(false);
    m_cancelButton->setText(tr("Cancelling…"));
    if (m_deployment)
        m_deployment->cancel();
    else if (m_runner)
        m_runner->cancel();
}

} // namespace capstan
