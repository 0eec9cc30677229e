#pragma once

#include "github/GitHubTypes.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace capstan {

// Why: the one rule that decides whether a build may be deployed, asked alike by the Deploy dialog, the
// Builds view and `capstan --cli deploy`, so no front end can let through what another refuses.
class DeployGate
{
    Q_DECLARE_TR_FUNCTIONS(DeployGate)

public:
    enum class Reason { None, Failed, InProgress, UnknownBuild, ChartMissing, NoCi };

    struct Facts
    {
        QString build;                         // CI run number; empty for a deploy of a published version
        QString version;                       // the chart version it ships
        QString branch;                        // where the build must have run ("main")
        bool ciConfigured = false;             // a github section exists
        std::optional<WorkflowRun> run;        // the build's run on the branch; nullopt: not found
        std::optional<bool> chartInRepository; // nullopt: unknown (no repository, or it did not answer)
        bool pipelineBuildsChart = false;      // the plan packages (and in prod publishes) the chart itself
        // The deploy runs inside CI run `build` itself (its own checks are the pipeline's first stages).
        bool insideOwnRun = false;
    };

    struct Verdict
    {
        Reason reason = Reason::None;
        QString message; // translated; empty when allowed
        QString hint;
        bool allowed() const { return reason == Reason::None; }
    };

    static Verdict judge(const Facts &facts);
    // "failed", "in-progress", "unknown-build", "chart-missing", "no-ci"; "" for None (JSON and journal).
    static QString reasonName(Reason reason);
    // GITHUB_ACTIONS=true and GITHUB_RUN_NUMBER == build in `environment`.
    static bool runsInside(const QString &build, const QString &actions, const QString &runNumber);
};

} // namespace capstan
