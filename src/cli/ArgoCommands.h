#pragma once

#include "CommandLine.h"
#include "CommandSpec.h"

#include <QObject>

namespace capstan {

class CliSession;

// Why: the Argo CD commands of the CLI — status, history, sync, wait, rollback, auto-sync, terminate — over
// ArgoCdClient, with text and JSON output.
class ArgoCommands : public QObject
{
    Q_OBJECT
public:
    explicit ArgoCommands(CliSession *session, QObject *parent = nullptr);

    static QList<CommandSpec> specs();
    bool handles(const QString &command) const;
    void run(const CommandLine::Invocation &invocation);

private:
    CliSession *m_session;
};

} // namespace capstan
