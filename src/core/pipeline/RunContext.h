#pragma once

#include "DeployTarget.h"
#include "PipelineVariables.h"
#include "config/Config.h"
#include "credentials/Redactor.h"
#include "net/ApiError.h"

#include <QFuture>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

namespace capstan {

class DeployServices;

// Why: what every step of one deploy shares (target, config, directories, environment and secrets, services,
// artifacts passed between steps, and the cancel request), guarded for use from many pool threads at once.
class RunContext
{
public:
    // workDirectory is the repository root; steps' cwd and files are relative to it.
    RunContext(Config config, DeployTarget target, QString workDirectory);

    const Config &config() const { return m_config; }
    const DeployTarget &target() const { return m_target; }
    QString workDirectory() const { return m_workDirectory; }
    PipelineVariables variables() const;

    // Where built packages go; <workDirectory>/.capstan/out unless set.
    QString outputDirectory() const;
    void setOutputDirectory(const QString &directory);

    // The environment child processes start from: the given one (default: this process's) without Capstan's
    // own credential variables (CAPSTAN_*_TOKEN, CAPSTAN_*_PASSWORD), plus every exported secret.
    void setBaseEnvironment(const QProcessEnvironment &environment);
    QProcessEnvironment environment() const;
    // CAPSTAN_*_TOKEN and CAPSTAN_*_PASSWORD: Capstan's own credentials, never passed to a step.
    static bool isCapstanCredential(const QString &variable);

    // A secret is masked in every line of step output and every server message (see Redactor: one shorter
    // than Redactor::MinimumLength is not). With a non-empty variable it is also exported to child processes
    // as that environment variable (never on their command line). `name` (default: the variable) names it in
    // warnings.
    void addSecret(const QString &value, const QString &variable = {}, const QString &name = {});
    // Step output or a server's words with the secrets masked; never for Capstan's own text.
    QString redact(const QString &text) const;
    // A copy of `error` whose server message is redacted; its message and hint are Capstan's and stay.
    ApiError redact(const ApiError &error) const;
    // The names of the secrets too short to be masked: the deploy warns about each before it starts.
    QStringList unredactedSecrets() const;

    void setServices(DeployServices *services) { m_services = services; }
    DeployServices *services() const { return m_services; }

    // Values one step leaves for later ones, e.g. "chart.package" (path of the .tgz) and "chart.digest".
    void setArtifact(const QString &key, const QString &value);
    QString artifact(const QString &key) const;

    bool isCancelled() const;
    // Marks the run cancelled and calls every registered handler once (on the calling thread).
    void requestCancel();
    // `handler` is called once when cancel is requested, at once if it already was. Returns an id for
    // removeCancelHandler().
    int addCancelHandler(std::function<void()> handler);
    void removeCancelHandler(int id);

    // Blocks the calling pool thread until `future` finishes or the run is cancelled. Returns the result;
    // nullopt when cancelled first. A failed future rethrows its exception (ApiError).
    template <typename T> std::optional<T> await(QFuture<T> future)
    {
        if (!waitFor(QFuture<void>(future)))
            return std::nullopt;
        future.waitForFinished();
        return future.result();
    }
    bool awaitVoid(QFuture<void> future); // false when cancelled first

private:
    bool waitFor(QFuture<void> future);

    Config m_config;
    DeployTarget m_target;
    QString m_workDirectory;
    QString m_outputDirectory;
    QProcessEnvironment m_baseEnvironment;
    QMap<QString, QString> m_exportedSecrets;
    Redactor m_redactor;
    DeployServices *m_services = nullptr;
    QMap<QString, QString> m_artifacts;
    bool m_cancelled = false;
    int m_nextHandler = 1;
    QMap<int, std::function<void()>> m_cancelHandlers;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
};

} // namespace capstan
