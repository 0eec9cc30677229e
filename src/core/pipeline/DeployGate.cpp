#include "DeployGate.h"

namespace capstan {

DeployGate::Verdict DeployGate::judge(const Facts &facts)
{
    const QString overrideHint = tr("Deploy anyway with --override-ci REASON (recorded in the journal and on "
                                    "the application), or the Override dialog.");
    if (!facts.build.isEmpty()) {
        if (!facts.ciConfigured) {
            return {
                Reason::NoCi,
                tr("Build %1 cannot be checked: capstan.yaml has no github section").arg(facts.build),
                tr("Add the github section so Capstan can see the CI run, or pass --override-ci REASON.")};
        }
        if (!facts.run) {
            return {Reason::UnknownBuild,
                    tr("Build %1 is unknown: the workflow has no run #%1 on branch %2")
                        .arg(facts.build, facts.branch),
                    tr("List the builds with `capstan --cli builds`; a build is a CI run number. %1")
                        .arg(overrideHint)};
        }
        const WorkflowRun &run = *facts.run;
        if (!run.isCompleted() && !facts.insideOwnRun) {
            return {Reason::InProgress,
                    tr("Build %1 is still running (CI status: %2)")
                        .arg(facts.build, run.status.isEmpty() ? tr("none") : run.status),
                    tr("Wait for the CI run to finish: %1. %2").arg(run.htmlUrl.toString(), overrideHint)};
        }
        if (run.isCompleted() && !run.isSuccess()) {
            return {Reason::Failed,
                    tr("Build %1 failed: its CI run completed with conclusion %2")
                        .arg(facts.build, run.conclusion.isEmpty() ? tr("none") : run.conclusion),
                    tr("See %1. %2").arg(run.htmlUrl.toString(), overrideHint)};
        }
    }
    if (!facts.pipelineBuildsChart && facts.chartInRepository != std::optional<bool>(true)) {
        return {Reason::ChartMissing,
                facts.chartInRepository
                    ? tr("Chart version %1 is not in the chart repository, and this deploy does not build it")
                          .arg(facts.version)
                    : tr("Chart version %1 cannot be checked in the chart repository, and this deploy does "
                         "not build it")
                          .arg(facts.version),
                tr("Deploy the build with --build N so the pipeline packages and publishes it, or pick a "
                   "version from `capstan --cli versions`.")};
    }
    return {};
}

QString DeployGate::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::None:
        return {};
    case Reason::Failed:
        return QStringLiteral("failed");
    case Reason::InProgress:
        return QStringLiteral("in-progress");
    case Reason::UnknownBuild:
        return QStringLiteral("unknown-build");
    case Reason::ChartMissing:
        return QStringLiteral("chart-missing");
    case Reason::NoCi:
        return QStringLiteral("no-ci");
    }
    return {};
}

bool DeployGate::runsInside(const QString &build, const QString &actions, const QString &runNumber)
{
    return !build.isEmpty() && actions == QLatin1StringView("true") && runNumber == build;
}

} // namespace capstan
