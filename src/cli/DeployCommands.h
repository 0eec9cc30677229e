#pragma once

#include "CommandLine.h"
#include "CommandSpec.h"
#include "pipeline/DeployJournal.h"
#include "pipeline/PipelineRunner.h"

#include <QJsonObject>
#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <memory>
#include <optional>

class QSocketNotifier;

namespace capstan {

class ActionRecorder;
class ApiError;
class CliSession;
class Deployment;

// Why: the deploy commands of the CLI — deploy, journal, lock, unlock — over Deployment, DeployJournal and
// DeployLock, with one line per event for people and one JSON object per line for scripts.
class DeployCommands : public QObject
{
    Q_OBJECT
public:
    explicit DeployCommands(CliSession *session, QObject *parent = nullptr);
    ~DeployCommands() override;

    static QList<CommandSpec> specs();
    bool handles(const QString &command) const;
    void run(const CommandLine::Invocation &invocation);

private:
    void deploy(const CommandLine::Invocation &invocation);
    void journal(const CommandLine::Invocation &invocation);
    void lock(const CommandLine::Invocation &invocation);
    void unlock(const CommandLine::Invocation &invocation);

    DeployJournal *openJournal();
    // Reports deploys a crash or kill interrupted (stderr), with an unlock hint where the application still
    // carries the holder's lock, then calls `then`.
    void reportInterrupted(const QList<DeployJournal::Entry> &entries, const std::function<void()> &then);
    void printPlan(const Deployment &deployment);
    void runDeployment(Deployment *deployment, bool verbose);
    void onFinished(PipelineRunner::Outcome outcome, const std::optional<ApiError> &error, qint64 durationMs);
    void emitLine(const QJsonObject &event, const QString &text);
    void installSignalHandlers();
    void removeSignalHandlers();

    CliSession *m_session;
    ActionRecorder *m_actions;
    Deployment *m_deployment = nullptr;
    QSocketNotifier *m_signalNotifier = nullptr;
    bool m_interrupted = false;
};

} // namespace capstan
