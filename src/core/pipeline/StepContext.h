#pragma once

#include "Step.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

namespace capstan {

class RunContext;

// Why: one running step's view of its run: the step, its fields with variables expanded, its environment, and
// the sink its output lines go to (redacted) while the step runs.
class StepContext
{
    Q_DECLARE_TR_FUNCTIONS(StepContext)

public:
    StepContext(const Step &step, RunContext &run, std::function<void(const QString &line)> output);
    // A sink that takes lines in batches (all the lines of one read of a process's output), so a chatty
    // step hands them over in one go instead of one at a time.
    StepContext(const Step &step, RunContext &run, std::function<void(const QStringList &lines)> output);

    const Step &step() const { return m_step; }
    RunContext &run() const { return m_run; }

    // text with {build}, {version}, {sha} and {env} replaced; throws ApiError (Config) naming the step when
    // it names an unknown variable (the loader already rejects those, so this guards in-memory pipelines).
    QString expand(const QString &text) const;
    // The step's working directory: the run's work directory joined with the expanded cwd.
    QString directory() const;
    // The run's environment plus the step's env (values expanded).
    QProcessEnvironment environment() const;
    // A path the step names (e.g. set-version's file), relative to the work directory.
    QString resolve(const QString &path) const;

    // One line of output, redacted, reported live. Callable from any thread.
    void output(const QString &line) const;
    // Lines of output, in order, redacted, reported live together. Callable from any thread.
    void output(const QStringList &lines) const;

private:
    Step m_step;
    RunContext &m_run;
    std::function<void(const QString &)> m_output;
    std::function<void(const QStringList &)> m_outputLines;
};

} // namespace capstan
