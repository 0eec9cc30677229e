#pragma once

#include "Pipeline.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace capstan {

// Why: the same pipeline runs differently for dev and prod; the plan says which steps run, after what, and
// why the others are skipped.
class PipelinePlan
{
    Q_DECLARE_TR_FUNCTIONS(PipelinePlan)

public:
    struct Planned
    {
        Step step;
        QStringList dependencies; // every running step of earlier stages, then its explicit needs that run
    };
    struct Skipped
    {
        QString step;
        QString stage;
        QString reason; // e.g. "only: prod"
    };

    // env is "dev" or "prod".
    static PipelinePlan make(const Pipeline &pipeline, const QString &env);

    QString env;
    int parallel = 1;
    QList<Planned> steps; // in stage order
    QList<Skipped> skipped;
    QStringList stages; // every stage of the pipeline in order, skipped ones included

    // The plan of a deploy of a chart that is already published: its Argo CD sync steps only, the others
    // skipped with `reason`.
    PipelinePlan syncOnly(const QString &reason) const;
    bool runs(Step::Kind kind) const;

    QStringList stepNames() const;
    QStringList skippedNames() const;
};

} // namespace capstan
