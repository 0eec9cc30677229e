#pragma once

#include "DeployGate.h"
#include "DeployTarget.h"
#include "PipelinePlan.h"
#include "PipelineRunner.h"
#include "StepResult.h"
#include "argocd/ArgoApplication.h"
#include "config/Config.h"
#include "net/ApiError.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QTimer>

#include <atomic>
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
        QString workDirectory; // default: the directory of config.file (with worktree) or of the checkout
        // Deploy although the CI gate refuses (failed, running or unknown build); recorded with who and why.
        QString overrideCi;
        // Run in the working tree that holds capstan.yaml instead of a clean checkout of the build's commit.
        bool worktree = false;
        // With worktree in prod: run although the tree has local changes; recorded.
        QString allowDirty;
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
    // Where clones of the build's repository are cached (default <CacheLocation>/sources).
    void setSourceCache(const QString &directory);
    // How often the lock's heartbeat is renewed while the deploy runs (default 60 s).
    void setHeartbeatInterval(int ms);

    // Async: clients, the gate (the build's CI run and its chart; refusals are journaled and end with
    // Conflict), the build's commit checked out clean (or the working tree), secrets, the journal entry, the
    // lock (prod with argocd configured), then the runner. Failures before the run end in finished() with
    // the error and nothing run.
    void start();
    void cancel();

    PipelineRunner *runner() const { return m_runner; } // nullptr until started()
    qint64 journalId() const { return m_journalId; }
    bool isFinished() const { return m_finished; }
    // The run as the journal records it: from its entry's start to its end (UTC; invalid until then).
    QDateTime startedAt() const { return m_startedAt; }
    QDateTime endedAt() const { return m_endedAt; }
    // endedAt - startedAt (up to now while running), the journal's duration; before the entry is
    // written, the time since start(). finished() carries it too.
    qint64 durationMs() const;

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
    bool beginEntry();  // the journal entry; false (and the deploy ended) when it cannot be written
    void fetchClients();
    void resolveBuild();
    void findRun(const QList<WorkflowRun> &runs, int limit);
    void checkChart();
    void judge();
    void prepareSource();
    void sourceReady(const QString &directory);
    void refuse(const ApiError &error); // journals the refused deploy, then ends it
    void record(const QString &kind, const QString &reason, const QString &outcome, const QString &message);
    bool abandoned(const ArgoApplication::DeployLock &lock) const;
    void beat();
    void collectSecrets();
    void readSecret(qsizetype index);
    void openJournal();
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
    DeployGate::Facts m_facts;
    QString m_overridden; // what the CI gate said when it was overridden
    QString m_sourceCache;
    QString m_checkout; // the clean checkout the pipeline runs in; removed at the end
    QTimer *m_heartbeat = nullptr;
    int m_heartbeatMs = 60000;
    bool m_lockHeld = false;
    bool m_entryFinished = false; // the journal entry has its outcome
    bool m_starting = false;
    QElapsedTimer m_clock;
    QDateTime m_startedAt;
    QDateTime m_endedAt;
    bool m_cancelled = false;
    // Read by the checkout on a worker thread.
    std::shared_ptr<std::atomic_bool> m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    bool m_finished = false;
};

} // namespace capstan
