#pragma once

#include "StepExecutor.h"

#include <QCoreApplication>

namespace capstan {

// Why: the package step turns the configured chart (plus the generated manifests) into the versioned .tgz
// that later steps publish.
class HelmPackageStep : public StepExecutor
{
    Q_DECLARE_TR_FUNCTIONS(HelmPackageStep)

public:
    // Packages config().chart (path, manifests) with version = target().version into outputDirectory();
    // leaves artifacts "chart.package" (path), "chart.name", "chart.version" and "chart.digest".
    StepResult execute(StepContext &context) override;
};

} // namespace capstan
