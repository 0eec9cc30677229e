#pragma once

#include "CommandLine.h"
#include "CommandSpec.h"
#include "argocd/ArgoApplication.h"
#include "github/GitHubTypes.h"
#include "net/ApiError.h"

#include <QFuture>
#include <QObject>

#include <functional>

namespace capstan {

class ChartMuseumClient;
class CliSession;
class GitHubClient;
struct ChartDiff;
struct ChartVersion;

// Why: the GitHub commands of the CLI — builds, changes, release create, ci run — joining GitHub, ChartMuseum
// and Argo CD, with text and JSON output.
class GitHubCommands : public QObject
{
    Q_OBJECT
public:
    explicit GitHubCommands(CliSession *session, QObject *parent = nullptr);

    static QList<CommandSpec> specs();
    bool handles(const QString &command) const;
    void run(const CommandLine::Invocation &invocation);

private:
    struct Endpoint
    {
        int runNumber = 0;
        WorkflowRun run;
        QString chartVersion;
    };

    void builds(const CommandLine::Invocation &invocation);
    void changes(const CommandLine::Invocation &invocation);
    void createRelease(const CommandLine::Invocation &invocation);
    void runWorkflow(const CommandLine::Invocation &invocation);

    // Calls onValue, or onError with the failure (also for a thrown ApiError), on this thread.
    template <typename T>
    void attempt(QFuture<T> future, std::function<void(const T &)> onValue,
                 std::function<void(const ApiError &)> onError);
    void attemptApplication(std::function<void(const ArgoApplication &)> onValue,
                            std::function<void(const ApiError &)> onError);
    // The run with that number among the newest runs of the workflow; fails with NotFound.
    void findRun(GitHubClient *client, int runNumber, std::function<void(const WorkflowRun &)> next);
    // Argo CD's live chart version mapped back to a run number; fails when it is not a CI build.
    void liveRunNumber(std::function<void(int runNumber, const QString &version)> next);
    void chartDiff(const QString &chart, const QString &fromVersion, const QString &toVersion,
                   std::function<void(const std::optional<ChartDiff> &, const QString &why)> next);
    void printChanges(const Endpoint &from, const Endpoint &to, const GitHubComparison &comparison,
                      const std::optional<ChartDiff> &diff, const QString &why);
    void watch(GitHubClient *client, qint64 runId, const QString &lastState, int intervalMs);
    void printRun(const WorkflowRun &run, bool final);

    QString versionPattern();
    QString chartName();

    CliSession *m_session;
};

} // namespace capstan
