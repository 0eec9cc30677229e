#pragma once

#include "CommandLine.h"
#include "CommandSpec.h"

#include <QObject>

namespace capstan {

class CliSession;

// Why: the GitHub commands of the CLI — builds, changes, release create, ci run — joining GitHub, ChartMuseum
// and Argo CD, with text and JSON output.
class GitHubCommands : public QObject
{
    Q_OBJECT
public:
    explicit GitHubCommands(CliSession *session, QObject *parent = nullptr);

    static QList<CommandSpec> specs();
    bool handles(const QString &command) const;
    void run(const CommandLine::Invocation &invocation);

private:
    CliSession *m_session;
};

} // namespace capstan
