#pragma once

#include "Step.h"

#include <QList>
#include <QString>

namespace capstan {

// Why: a named group of steps that run in parallel once every earlier stage is done.
struct Stage
{
    QString name;
    QString only; // "", "dev" or "prod"
    QList<Step> steps;
    int line = 0;
    int column = 0;
};

} // namespace capstan
