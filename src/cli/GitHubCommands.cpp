#include "GitHubCommands.h"

#include "CliSession.h"

namespace capstan {

GitHubCommands::GitHubCommands(CliSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

QList<CommandSpec> GitHubCommands::specs()
{
    return {};
}

bool GitHubCommands::handles(const QString &command) const
{
    for (const CommandSpec &spec : specs()) {
        if (spec.name == command)
            return true;
    }
    return false;
}

void GitHubCommands::run(const CommandLine::Invocation &invocation)
{
    Q_UNUSED(invocation)
}

} // namespace capstan
