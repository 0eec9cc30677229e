#pragma once

#include "StepExecutor.h"

#include <QCoreApplication>

namespace capstan {

// Why: the last step deploys the version on Argo CD and follows it until the application runs it, or says why
// not.
class ArgoCdSyncStep : public StepExecutor
{
    Q_DECLARE_TR_FUNCTIONS(ArgoCdSyncStep)

public:
    // Where the application pins targetRevision, sets it to target().version, then syncs; where it tracks a
    // range (e.g. "*"), syncs and checks that the range resolved to the version. Done = operation Succeeded
    // and Synced and Healthy at that version (wait: healthy; wait: synced skips health; wait: none returns
    // after the request). Cancel terminates the running operation. timeout from the step (default 10 min).
    StepResult execute(StepContext &context) override;
};

} // namespace capstan
