#include "TestPipeline.h"

namespace capstan {

Step TestPipeline::step(const QString &name, const QString &run, Step::Kind kind, const QString &only)
{
    Step step;
    step.name = name;
    step.run = run;
    step.kind = kind;
    step.only = only;
    return step;
}

Stage TestPipeline::stage(const QString &name, const QList<Step> &steps, const QString &only)
{
    Stage stage;
    stage.name = name;
    stage.only = only;
    stage.steps = steps;
    for (Step &step : stage.steps)
        step.stage = name;
    return stage;
}

} // namespace capstan
