#pragma once

#include "DeployTarget.h"
#include "PipelinePlan.h"
#include "PipelineRunner.h"
#include "StepResult.h"
#include "config/Config.h"
#include "net/ApiError.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <memory>
#include <optional>

namespace capstan {

class ArgoCdClient;
class ClientFactory;
class CredentialStore;
class DeployJournal;
class DeployServices;
class RunContext;

// Why: a deploy is more than its pipeline: resolve the build, take the application's lock, journal every
// event, run, release the lock and report. The CLI and the GUI drive this one class.
class Deployment : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QString build;   // --build N; the version follows from chart.version
        QString version; // --version V; the build follows from chart.version when it can
        QString env = QStringLiteral("prod");
        QString reason;
        QString user;          // default DeployLock::defaultHolder()
        QString workDirectory; // default: the directory of config.file
    };

    // Throws ApiError: Config when capstan.yaml has no pipeline, Usage when neither or both of build and
    // version are given, env is not dev|prod, or the version does not fit chart.version.
    Deployment(const Config &config, const Request &request, ClientFactory *factory, DeployJournal *journal,
               QObject *parent = nullptr);
    ~Deployment() override;

    const DeployTarget &target() const { return m_target; }
    const PipelinePlan &plan() const { return m_plan; }
    QString workDirectory() const { return m_workDirectory; }
    // Environment for child processes (default: this process's); dagger secrets are looked up here first.
    void setEnvironment(const QProcessEnvironment &environment);
    // Where packages go (default <work>/.capstan/out).
    void setOutputDirectory(const QString &directory);

    // Async: clients for the steps the plan runs, the commit sha from GitHub when configured, the lock (prod
    // with argocd configured), the journal entry, then the runner. Failures before the run end in finished()
    // with the error and nothing run.
    void start();
    void cancel();

    PipelineRunner *runner() const { return m_runner; } // nullptr until started()
    qint64 journalId() const { return m_journalId; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    // Something went wrong that does not stop the deploy (no commit sha, a journal write during the run, the
    // lock release); the CLI prints it on stderr, the GUI in the log.
    void warning(const QString &message);
    void started(); // lock held, journal written, runner() set; step signals follow from runner()
    void stepStarted(const QString &step);
    void stepOutput(const QString &step, const QStringList &lines);
    void stepFinished(const QString &step, const capstan::StepResult &result);
    // Exactly once. outcome Failed with error set when it could not start (lock refused: Conflict, ...).
    void finished(capstan::PipelineRunner::Outcome outcome, const std::optional<capstan::ApiError> &error,
                  qint64 durationMs);

private:
    void noClient(const QString &section); // ends the deploy: the factory gave no client
    void makeContext(); // a fresh RunContext for the current target, with Capstan's credentials masked
    void fetchClients();
    void fetchSha();
    void collectSecrets();
    void readSecret(qsizetype index);
    void acquireLock();
    void beginRun();
    void onStepStarted(const QString &step);
    void onStepFinished(const QString &step, const StepResult &result);
    void onRunFinished(PipelineRunner::Outcome outcome);
    // Ends before or after the run: releases the lock when held, then emits finished() once.
    void end(PipelineRunner::Outcome outcome, const std::optional<ApiError> &error);
    void emitFinished(PipelineRunner::Outcome outcome, const std::optional<ApiError> &error);
    // False (and the deploy ended as cancelled) when cancel() came before the run started.
    bool proceed();
    bool needs(Step::Kind kind) const;
    QString stageOf(const QString &step) const;

    Config m_config;
    Request m_request;
    DeployTarget m_target;
    PipelinePlan m_plan;
    QString m_workDirectory;
    ClientFactory *m_factory;
    DeployJournal *m_journal;
    DeployServices *m_services = nullptr;
    std::shared_ptr<RunContext> m_context;
    QPointer<PipelineRunner> m_runner;
    qint64 m_journalId = 0;
    struct WantedSecret
    {
        QString name;
        QString variable; // exported to steps when set
        QString step;     // the dagger step naming it; empty for a client's secret
    };
    QList<WantedSecret> m_wantedSecrets;
    QProcessEnvironment m_environment;
    QString m_outputDirectory;
    ArgoCdClient *m_argoCd = nullptr;
    bool m_lockHeld = false;
    bool m_starting = false;
    QElapsedTimer m_clock;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace capstan
