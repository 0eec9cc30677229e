#include "StepContext.h"

#include "RunContext.h"
#include "net/ApiError.h"

#include <QDir>

namespace capstan {

StepContext::StepContext(const Step &step, RunContext &run, std::function<void(const QString &)> output)
    : m_step(step)
    , m_run(run)
    , m_output(std::move(output))
{}

StepContext::StepContext(const Step &step, RunContext &run, std::function<void(const QStringList &)> output)
    : m_step(step)
    , m_run(run)
    , m_outputLines(std::move(output))
{}

QString StepContext::expand(const QString &text) const
{
    QString error;
    const std::optional<QString> expanded = m_run.variables().expand(text, &error);
    if (!expanded)
        throw ApiError(ApiError::Kind::Config, tr("step %1: %2").arg(m_step.name, error));
    return *expanded;
}

QString StepContext::directory() const
{
    if (m_step.cwd.isEmpty())
        return m_run.workDirectory();
    return QDir::cleanPath(QDir(m_run.workDirectory()).filePath(expand(m_step.cwd)));
}

QProcessEnvironment StepContext::environment() const
{
    QProcessEnvironment environment = m_run.environment();
    for (auto it = m_step.env.cbegin(); it != m_step.env.cend(); ++it)
        environment.insert(it.key(), expand(it.value()));
    return environment;
}

QString StepContext::resolve(const QString &path) const
{
    return QDir::cleanPath(QDir(m_run.workDirectory()).filePath(expand(path)));
}

void StepContext::output(const QString &line) const
{
    if (m_output)
        m_output(m_run.redact(line));
    else if (m_outputLines)
        m_outputLines({m_run.redact(line)});
}

void StepContext::output(const QStringList &lines) const
{
    if (lines.isEmpty())
        return;
    if (m_outputLines) {
        QStringList redacted;
        redacted.reserve(lines.size());
        for (const QString &line : lines)
            redacted.append(m_run.redact(line));
        m_outputLines(redacted);
        return;
    }
    for (const QString &line : lines)
        output(line);
}

} // namespace capstan
