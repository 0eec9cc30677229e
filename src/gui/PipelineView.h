#pragma once

#include "net/ApiError.h"
#include "pipeline/DeployTarget.h"
#include "pipeline/PipelineRunner.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QMessageBox;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTimer;

namespace capstan {

class DesktopNotifier;
class Deployment;
class MessageBanner;
class PipelineGraph;
class PipelineStepsModel;

// Why: the live deploy: what ships where and why, how far it got, the graph of steps, each step's output,
// and Cancel; at the end an outcome banner and a desktop notification.
class PipelineView : public QWidget
{
    Q_OBJECT
public:
    // `notifier` may be null (no notification); not owned.
    explicit PipelineView(DesktopNotifier *notifier, QWidget *parent = nullptr);
    ~PipelineView() override;

    // Follows a deploy (not owned; it must outlive its run here). Call before deployment->start().
    void setDeployment(Deployment *deployment);
    // Follows a bare runner (not owned). Call before runner->start().
    void setRunner(PipelineRunner *runner, const DeployTarget &target);

    bool isRunning() const { return m_running; }
    std::optional<PipelineRunner::Outcome> outcome() const { return m_outcome; }
    const DeployTarget &target() const { return m_target; }
    Deployment *deployment() const;
    qint64 elapsedMs() const;

    PipelineStepsModel *model() const { return m_model; }
    PipelineGraph *graph() const { return m_graph; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *progressText() const { return m_progressText; } // "3 of 10 steps done", "Failed at step 6 of 10"
    QPlainTextEdit *logView() const { return m_log; }
    QComboBox *stepList() const { return m_stepList; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    // Offered once a prod deploy succeeded.
    QPushButton *releaseButton() const { return m_releaseButton; }
    MessageBanner *banner() const { return m_banner; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *detailLabel() const { return m_detail; }
    QLabel *elapsedLabel() const { return m_elapsed; }
    QMessageBox *cancelConfirmation() const;

    QString selectedStep() const { return m_selectedStep; }
    void selectStep(const QString &step);

public Q_SLOTS:
    // Asks first in prod (cancelConfirmation()), then cancels.
    void cancel();
    // Cancels without asking.
    void cancelNow();

Q_SIGNALS:
    void runningChanged(bool running);
    void finished(capstan::PipelineRunner::Outcome outcome);
    // "Create GitHub release…" after a successful prod deploy.
    void releaseRequested(const capstan::DeployTarget &target);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitGraph();
    void begin(const PipelinePlan &plan, const DeployTarget &target);
    void onStepStarted(const QString &step);
    void onStepFinished(const QString &step, const StepResult &result);
    void onOutput(const QString &step, const QStringList &lines);
    void onFinished(PipelineRunner::Outcome outcome, const std::optional<ApiError> &error, qint64 durationMs);
    // What the deploy warned about (a released abandoned lock, an override, a short secret): in the banner.
    void onWarning(const QString &message);
    void tick();
    void flushLog();
    void showStep(const QString &step);
    void updateProgress();
    void updateHeader();
    void disconnectSources();

    QPointer<DesktopNotifier> m_notifier;
    QPointer<Deployment> m_deployment;
    QPointer<PipelineRunner> m_runner;
    DeployTarget m_target;
    bool m_running = false;
    bool m_userPicked = false;
    bool m_fitGraph = false;
    bool m_failureShown = false;
    bool m_anyStepStarted = false;
    std::optional<PipelineRunner::Outcome> m_outcome;
    QElapsedTimer m_clock;
    qint64 m_finalElapsed = -1;
    QStringList m_warnings;
    QString m_selectedStep;
    QStringList m_pendingLines;
    double m_logNsPerLine = 0; // what appending a line to the log cost lately

    PipelineStepsModel *m_model;
    QLabel *m_title;
    QLabel *m_detail;
    QLabel *m_elapsed;
    QPushButton *m_cancelButton;
    QPushButton *m_releaseButton;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    MessageBanner *m_banner;
    PipelineGraph *m_graph;
    QScrollArea *m_graphArea;
    QSplitter *m_splitter = nullptr;
    QComboBox *m_stepList;
    QLabel *m_stepState;
    QPlainTextEdit *m_log;
    QTimer *m_tick;
    QTimer *m_flush;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace capstan
