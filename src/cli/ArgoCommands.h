#pragma once

#include "ActionRecorder.h"
#include "CommandLine.h"
#include "CommandSpec.h"
#include "argocd/ArgoApplication.h"
#include "argocd/OperationWaiter.h"
#include "net/ApiError.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace capstan {

class ArgoCdClient;
class CliSession;

// Why: the Argo CD commands of the CLI — status, history, sync, wait, rollback, auto-sync, terminate — over
// ArgoCdClient, with text and JSON output.
class ArgoCommands : public QObject
{
    Q_OBJECT
public:
    explicit ArgoCommands(CliSession *session, QObject *parent = nullptr);

    static QList<CommandSpec> specs();
    bool handles(const QString &command) const;
    void run(const CommandLine::Invocation &invocation);

private:
    using Done = std::function<void(const OperationWaiter::Result &)>;

    void status();
    qint64 lockStaleAfterMs() const; // argocd.lock-stale-after, or the default without a config
    void history();
    void sync(const CommandLine::Invocation &invocation);
    void wait(const CommandLine::Invocation &invocation);
    void rollback(const CommandLine::Invocation &invocation);
    void autoSync(const CommandLine::Invocation &invocation, bool on);
    void terminate();

    // Follows the application with an OperationWaiter, printing the operation's phase changes.
    void follow(ArgoCdClient *client, const std::optional<ArgoApplication> &current,
                OperationWaiter::Conditions conditions, int timeoutSeconds, const Done &done);
    // The end of `sync --wait` and `rollback --wait`: output, then exit 1 unless the operation succeeded
    // and the application is not Degraded.
    void finishOperation(const OperationWaiter::Result &result, QJsonObject document, int timeoutSeconds);
    static ApiError timedOut(int timeoutSeconds, const QString &application);
    void print(const QString &text) const;    // stdout in text mode, nothing in JSON mode
    void progress(const QString &text) const; // stdout in text mode, stderr in JSON mode
    QString userName();

    CliSession *m_session;
    ActionRecorder *m_actions;
};

} // namespace capstan
