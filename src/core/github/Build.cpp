#include "Build.h"

#include "pipeline/DeployGate.h"

#include <QCoreApplication>

namespace capstan {

QString Build::deployBlocker() const
{
    DeployGate::Facts facts;
    facts.build = QString::number(run.runNumber);
    facts.version = chartVersion;
    facts.branch = run.headBranch;
    facts.ciConfigured = true;
    facts.run = run;
    // Unknown presence is not a refusal here: the pipeline may build it, and the deploy asks again.
    facts.chartInRepository = inRepository != Presence::No;
    const DeployGate::Verdict verdict = DeployGate::judge(facts);
    if (!verdict.allowed())
        return verdict.message;
    if (live == Presence::Yes)
        return QCoreApplication::translate("Build", "Chart version %1 is already live").arg(chartVersion);
    return {};
}

} // namespace capstan
