#pragma once

#include "StepExecutor.h"

#include <QCoreApplication>

namespace capstan {

// Why: run, image-publish and dagger steps start a command in its own process group, so output streams live,
// a timeout or cancel stops the whole tree, and secrets reach it only through the environment.
class CommandStep : public StepExecutor
{
    Q_DECLARE_TR_FUNCTIONS(CommandStep)

public:
    // The command runs through /bin/sh -c in the step's directory and environment. image-publish exports
    // CAPSTAN_IMAGE_TAGS (its tags, expanded, space-separated); dagger exports each listed secret as an
    // environment variable that `dagger call` reads with env:NAME. Exit code 0 = Succeeded. On timeout or
    // cancel the group gets SIGTERM, then SIGKILL after 5 s.
    StepResult execute(StepContext &context) override;
};

} // namespace capstan
