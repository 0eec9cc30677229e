#include "RunContext.h"

#include <QDir>

#include <chrono>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

RunContext::RunContext(Config config, DeployTarget target, QString workDirectory)
    : m_config(std::move(config))
    , m_target(std::move(target))
    , m_workDirectory(std::move(workDirectory))
    , m_baseEnvironment(QProcessEnvironment::systemEnvironment())
{}

PipelineVariables RunContext::variables() const
{
    return PipelineVariables(m_target.build, m_target.version, m_target.sha, m_target.env);
}

QString RunContext::outputDirectory() const
{
    std::lock_guard lock(m_mutex);
    if (!m_outputDirectory.isEmpty())
        return m_outputDirectory;
    return QDir(m_workDirectory).filePath(u".capstan/out"_s);
}

void RunContext::setOutputDirectory(const QString &directory)
{
    std::lock_guard lock(m_mutex);
    m_outputDirectory = directory;
}

void RunContext::setBaseEnvironment(const QProcessEnvironment &environment)
{
    std::lock_guard lock(m_mutex);
    m_baseEnvironment = environment;
}

QProcessEnvironment RunContext::environment() const
{
    std::lock_guard lock(m_mutex);
    QProcessEnvironment environment = m_baseEnvironment;
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        if (isCapstanCredential(key))
            environment.remove(key);
    }
    for (auto it = m_exportedSecrets.cbegin(); it != m_exportedSecrets.cend(); ++it)
        environment.insert(it.key(), it.value());
    return environment;
}

bool RunContext::isCapstanCredential(const QString &variable)
{
    return variable.startsWith(u"CAPSTAN_"_s) &&
           (variable.endsWith(u"_TOKEN"_s) || variable.endsWith(u"_PASSWORD"_s));
}

void RunContext::addSecret(const QString &value, const QString &variable, const QString &name)
{
    std::lock_guard lock(m_mutex);
    m_redactor.addSecret(value, name.isEmpty() ? variable : name);
    if (!variable.isEmpty())
        m_exportedSecrets.insert(variable, value);
}

QString RunContext::redact(const QString &text) const
{
    std::lock_guard lock(m_mutex);
    return m_redactor.redact(text);
}

ApiError RunContext::redact(const ApiError &error) const
{
    ApiError redacted = error;
    std::lock_guard lock(m_mutex);
    redacted.setServerMessage(m_redactor.redact(error.serverMessage()));
    return redacted;
}

QStringList RunContext::unredactedSecrets() const
{
    std::lock_guard lock(m_mutex);
    return m_redactor.tooShort();
}

void RunContext::setArtifact(const QString &key, const QString &value)
{
    std::lock_guard lock(m_mutex);
    m_artifacts.insert(key, value);
}

QString RunContext::artifact(const QString &key) const
{
    std::lock_guard lock(m_mutex);
    return m_artifacts.value(key);
}

bool RunContext::isCancelled() const
{
    std::lock_guard lock(m_mutex);
    return m_cancelled;
}

void RunContext::requestCancel()
{
    QList<std::function<void()>> handlers;
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled)
            return;
        m_cancelled = true;
        handlers = m_cancelHandlers.values();
        m_cancelHandlers.clear();
    }
    m_wake.notify_all();
    for (const auto &handler : handlers)
        handler();
}

int RunContext::addCancelHandler(std::function<void()> handler)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_cancelled) {
            const int id = m_nextHandler++;
            m_cancelHandlers.insert(id, std::move(handler));
            return id;
        }
    }
    handler();
    return 0;
}

void RunContext::removeCancelHandler(int id)
{
    std::lock_guard lock(m_mutex);
    m_cancelHandlers.remove(id);
}

bool RunContext::awaitVoid(QFuture<void> future)
{
    if (!waitFor(future))
        return false;
    future.waitForFinished();
    return true;
}

bool RunContext::waitFor(QFuture<void> future)
{
    // Polled: a continuation could outlive this context or displace the caller's own; cancel wakes at once.
    std::unique_lock lock(m_mutex);
    while (!future.isFinished()) {
        if (m_cancelled)
            return false;
        m_wake.wait_for(lock, std::chrono::milliseconds(5));
    }
    return true;
}

} // namespace capstan
