#pragma once

#include "StepExecutor.h"

#include <QCoreApplication>

namespace capstan {

// Why: the version stamp writes the release version into source files (a YAML key or a regex capture) without
// disturbing anything else in them.
class SetVersionStep : public StepExecutor
{
    Q_DECLARE_TR_FUNCTIONS(SetVersionStep)

public:
    // Replaces the value of the dotted key (YAML, layout and comments kept) or the first capture group of
    // pattern in the file with the version; writes atomically. Fails naming file and key/pattern when absent.
    StepResult execute(StepContext &context) override;
};

} // namespace capstan
