#pragma once

#include "Stage.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace YAML {
class Node;
struct Mark;
} // namespace YAML

namespace capstan {

// Why: the `pipeline:` section of capstan.yaml, parsed and checked as a whole (names, needs, cycles).
struct Pipeline
{
    Q_DECLARE_TR_FUNCTIONS(Pipeline)

public:
    // The YAML helpers of ConfigLoader, so the pipeline reports errors exactly like the rest of the file.
    class Reader
    {
    public:
        virtual ~Reader() = default;
        [[noreturn]] virtual void fail(const YAML::Mark &mark, const QString &message) const = 0;
        virtual void
        forEachKey(const YAML::Node &map, const QString &where, const QStringList &known,
                   const std::function<void(const QString &, const YAML::Node &)> &handle) const = 0;
        virtual QString scalar(const YAML::Node &node, const QString &where) const = 0;
        virtual QString nonEmpty(const YAML::Node &node, const QString &where) const = 0;
    };

    QList<Stage> stages;
    int parallel = 1;
    // The git repository a deploy checks the build's commit out of (a URL or a path); empty: the repository
    // that holds capstan.yaml.
    QString source;

    const Step *findStep(const QString &name) const;

    // Throws through reader.fail() at the first problem.
    static Pipeline parse(const YAML::Node &node, const Reader &reader);
    static qint64 parseDuration(const QString &text); // "1h30m" -> ms; -1 when malformed or not positive
};

} // namespace capstan
