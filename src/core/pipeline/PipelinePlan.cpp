#include "PipelinePlan.h"

#include <algorithm>

namespace capstan {

PipelinePlan PipelinePlan::make(const Pipeline &pipeline, const QString &env)
{
    PipelinePlan plan;
    plan.env = env;
    plan.parallel = pipeline.parallel;
    QStringList earlier; // running steps of the stages before the current one
    for (const Stage &stage : pipeline.stages) {
        plan.stages.append(stage.name);
        QStringList running;
        for (const Step &step : stage.steps) {
            const QString only = !stage.only.isEmpty() && stage.only != env ? stage.only : step.only;
            if (!only.isEmpty() && only != env) {
                plan.skipped.append({step.name, stage.name, QStringLiteral("only: %1").arg(only)});
                continue;
            }
            Planned planned{step, earlier};
            for (const QString &need : step.needs) {
                if (!planned.dependencies.contains(need))
                    planned.dependencies.append(need);
            }
            plan.steps.append(planned);
            running.append(step.name);
        }
        earlier += running;
    }
    // Explicit needs on skipped steps are dropped: they are not in the plan.
    const QStringList names = plan.stepNames();
    for (Planned &planned : plan.steps) {
        planned.dependencies.removeIf([&](const QString &name) { return !names.contains(name); });
    }
    return plan;
}

PipelinePlan PipelinePlan::syncOnly(const QString &reason) const
{
    PipelinePlan plan = *this;
    plan.steps.clear();
    for (const Planned &planned : steps) {
        if (planned.step.kind == Step::Kind::ArgoCdSync)
            plan.steps.append(planned);
        else
            plan.skipped.append({planned.step.name, planned.step.stage, reason});
    }
    const QStringList names = plan.stepNames();
    for (Planned &planned : plan.steps)
        planned.dependencies.removeIf([&](const QString &name) { return !names.contains(name); });
    return plan;
}

bool PipelinePlan::runs(Step::Kind kind) const
{
    return std::any_of(steps.cbegin(), steps.cend(),
                       [kind](const Planned &planned) { return planned.step.kind == kind; });
}

QStringList PipelinePlan::stepNames() const
{
    QStringList names;
    for (const Planned &planned : steps)
        names.append(planned.step.name);
    return names;
}

QStringList PipelinePlan::skippedNames() const
{
    QStringList names;
    for (const Skipped &entry : skipped)
        names.append(entry.step);
    return names;
}

} // namespace capstan
