#pragma once

#include "Step.h"

#include <memory>

namespace capstan {

class StepExecutor;

// Why: maps each step kind to the executor that carries it out, in one place.
class StepExecutors
{
public:
    static std::unique_ptr<StepExecutor> create(const Step &step);
};

} // namespace capstan
