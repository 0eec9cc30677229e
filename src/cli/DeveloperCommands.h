#pragma once

#include "CommandLine.h"
#include "CommandSpec.h"

#include <QObject>

#include <memory>

class QTemporaryDir;

namespace capstan {

class ChartMuseumServer;
class CliSession;
class Sandbox;

// Why: hidden developer commands for benchmarks and demos: `sandbox-serve` runs a seeded local
// ChartMuseum (or, with --all, the whole sandbox) until interrupted, so capstan and helm can be timed against
// the same server and many deploys can run against one sandbox (bench/soak.sh).
class DeveloperCommands : public QObject
{
    Q_OBJECT
public:
    explicit DeveloperCommands(CliSession *session, QObject *parent = nullptr);
    ~DeveloperCommands() override;

    static QList<CommandSpec> specs();
    bool handles(const QString &command) const;
    void run(const CommandLine::Invocation &invocation);

private:
    void serve(const CommandLine::Invocation &invocation);
    void serveAll(const CommandLine::Invocation &invocation);
    void stopOnSignals();

    CliSession *m_session;
    std::unique_ptr<QTemporaryDir> m_temporary;
    ChartMuseumServer *m_server = nullptr;
    Sandbox *m_sandbox = nullptr;
};

} // namespace capstan
