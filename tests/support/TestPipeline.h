#pragma once

#include "pipeline/Stage.h"
#include "pipeline/Step.h"

#include <QList>
#include <QString>

namespace capstan {

// Why: many tests build pipelines in memory; this makes their steps and stages in one way, with each
// step's stage name set as the config loader sets it.
class TestPipeline
{
public:
    static Step step(const QString &name, const QString &run = {}, Step::Kind kind = Step::Kind::Run,
                     const QString &only = {});
    static Stage stage(const QString &name, const QList<Step> &steps, const QString &only = {});
};

} // namespace capstan
