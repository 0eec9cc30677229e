#include "Build.h"

#include <QCoreApplication>

namespace capstan {

QString Build::deployBlocker() const
{
    if (!run.isCompleted()) {
        return QCoreApplication::translate("Build", "CI run #%1 has not completed yet (%2)")
            .arg(run.runNumber)
            .arg(run.status.isEmpty() ? QCoreApplication::translate("Build", "no status") : run.status);
    }
    if (!run.isSuccess()) {
        return QCoreApplication::translate("Build", "CI run #%1 did not succeed (conclusion: %2)")
            .arg(run.runNumber)
            .arg(run.conclusion.isEmpty() ? QCoreApplication::translate("Build", "none") : run.conclusion);
    }
    if (inRepository == Presence::No) {
        return QCoreApplication::translate("Build", "Chart version %1 is not in ChartMuseum")
            .arg(chartVersion);
    }
    if (live == Presence::Yes)
        return QCoreApplication::translate("Build", "Chart version %1 is already live").arg(chartVersion);
    return {};
}

} // namespace capstan
