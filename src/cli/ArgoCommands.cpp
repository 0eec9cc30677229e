#include "ArgoCommands.h"

#include "CliSession.h"

namespace capstan {

ArgoCommands::ArgoCommands(CliSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

QList<CommandSpec> ArgoCommands::specs()
{
    return {};
}

bool ArgoCommands::handles(const QString &command) const
{
    for (const CommandSpec &spec : specs()) {
        if (spec.name == command)
            return true;
    }
    return false;
}

void ArgoCommands::run(const CommandLine::Invocation &invocation)
{
    Q_UNUSED(invocation)
}

} // namespace capstan
