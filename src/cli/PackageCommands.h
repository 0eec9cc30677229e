#pragma once

#include "CommandLine.h"
#include "CommandSpec.h"

#include <QObject>

namespace capstan {

class CliSession;

// Why: `package` builds a chart's .tgz natively (ChartPackager), with the configured chart directory and
// manifests as defaults, and writes it atomically so CI and people get the same bytes helm would.
class PackageCommands : public QObject
{
    Q_OBJECT
public:
    explicit PackageCommands(CliSession *session, QObject *parent = nullptr);

    static QList<CommandSpec> specs();
    bool handles(const QString &command) const;
    void run(const CommandLine::Invocation &invocation);

private:
    void package(const CommandLine::Invocation &invocation);

    CliSession *m_session;
};

} // namespace capstan
