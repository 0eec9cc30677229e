#pragma once

#include "GitHubTypes.h"

#include <optional>

namespace capstan {

// Why: one release candidate as Capstan shows it: a CI run on the main branch joined with the chart
// version it maps to, whether ChartMuseum has it and whether Argo CD runs (or ran) it.
struct Build
{
    enum class Presence { Unknown, Yes, No }; // Unknown: that service did not answer

    WorkflowRun run;
    QString chartVersion; // chart.version pattern with {build} = run number
    Presence inRepository = Presence::Unknown;
    Presence live = Presence::Unknown;
    std::optional<qint64> historyId; // newest Argo CD history entry that deployed this version
    bool newerThanLive = false;      // run number above the live build's

    // Why Deploy is not allowed, translated; empty when it is.
    QString deployBlocker() const;
};

} // namespace capstan
