#pragma once

#include "StepExecutor.h"

#include <QCoreApplication>

namespace capstan {

// Why: publishing puts the packaged chart into ChartMuseum; an identical chart already there counts as
// published, a different one is a conflict.
class ChartMuseumPushStep : public StepExecutor
{
    Q_DECLARE_TR_FUNCTIONS(ChartMuseumPushStep)

public:
    // Uploads artifact "chart.package" through services()->chartMuseum(). When the version exists: same
    // digest = Succeeded ("already published"), different digest = Failed (conflict), never overwritten.
    StepResult execute(StepContext &context) override;
};

} // namespace capstan
