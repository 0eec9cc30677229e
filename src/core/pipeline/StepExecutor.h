#pragma once

#include "StepResult.h"

namespace capstan {

class StepContext;

// Why: each step kind knows how to do its work while the runner only schedules, so adding a kind touches one
// class.
class StepExecutor
{
public:
    virtual ~StepExecutor() = default;

    // Runs on a pool thread and blocks until the step is done. Returns a result with status Succeeded, Failed
    // or Cancelled, an exit code where a command ran, and a one-line message. May throw ApiError, which the
    // runner records as Failed with the error's text. started/durationMs are filled in by the runner.
    virtual StepResult execute(StepContext &context) = 0;
};

} // namespace capstan
