#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

namespace YAML {
class Node;
struct Mark;
} // namespace YAML

namespace capstan {

// Why: one unit of work in the deploy pipeline, as written in capstan.yaml and already validated.
struct Step
{
    enum class Kind {
        Run,
        SetVersion,
        HelmPackage,
        ImagePublish,
        ChartMuseumPush,
        ArgoCdSync,
        Dagger,
        GitHubDispatch
    };

    QString name;
    Kind kind = Kind::Run;
    QString run;
    QString cwd;
    QMap<QString, QString> env;
    qint64 timeoutMs = 0; // 0: no timeout given
    QString only;         // "", "dev" or "prod"
    QStringList needs;
    QString file;                  // set-version
    QString key;                   // set-version, dotted YAML key path
    QString pattern;               // set-version, regex with one capture group
    QStringList tags;              // image-publish
    QString wait;                  // argocd-sync: healthy|synced|none
    bool waitForRun = false;       // github-dispatch: wait
    QStringList secrets;           // dagger
    QString ref;                   // github-dispatch
    QMap<QString, QString> inputs; // github-dispatch
    QString stage;
    int line = 0; // 1-based place of the step in capstan.yaml
    int column = 0;

    static QString kindName(Kind kind);
};

// Why: a named group of steps that run in parallel once every earlier stage is done.
struct Stage
{
    QString name;
    QString only; // "", "dev" or "prod"
    QList<Step> steps;
    int line = 0;
    int column = 0;
};

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

    const Step *findStep(const QString &name) const;

    // Throws through reader.fail() at the first problem.
    static Pipeline parse(const YAML::Node &node, const Reader &reader);
    static qint64 parseDuration(const QString &text); // "1h30m" -> ms; -1 when malformed or not positive
};

} // namespace capstan
