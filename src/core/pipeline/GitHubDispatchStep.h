#pragma once

#include "StepExecutor.h"

#include <QCoreApplication>

namespace capstan {

// Why: a pipeline can start the CI workflow itself and follow the run to its conclusion.
class GitHubDispatchStep : public StepExecutor
{
    Q_DECLARE_TR_FUNCTIONS(GitHubDispatchStep)

public:
    // Dispatches the configured workflow on ref (default: the configured branch) with inputs (expanded); with
    // wait: true follows the run until it completes and fails unless its conclusion is success.
    StepResult execute(StepContext &context) override;
};

} // namespace capstan
