#include "CliRunner.h"

#include "ArgoCommands.h"
#include "ChartCommands.h"
#include "CliSession.h"
#include "CommandLine.h"
#include "CredentialCommands.h"
#include "DeployCommands.h"
#include "DeveloperCommands.h"
#include "DiffCommands.h"
#include "GitHubCommands.h"
#include "OutputWriter.h"
#include "PackageCommands.h"
#include "PublishCommands.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace capstan {

int CliRunner::run(const QStringList &arguments)
{
    QList<CommandSpec> specs = ChartCommands::specs();
    specs += CredentialCommands::specs();
    specs += DeveloperCommands::specs();
    specs += PackageCommands::specs();
    specs += DiffCommands::specs();
    specs += PublishCommands::specs();
    specs += ArgoCommands::specs();
    specs += GitHubCommands::specs();
    specs += DeployCommands::specs();

    const CommandLine::Result parsed = CommandLine::parse(arguments, specs);
    const CommandLine::Invocation &invocation = parsed.invocation;
    OutputWriter output(invocation.output);
    if (!parsed.ok()) {
        output.error(ApiError(ApiError::Kind::Usage, parsed.error, parsed.hint));
        return int(ExitCode::Usage);
    }
    if (invocation.help) {
        if (invocation.spec)
            output.text(CommandLine::help(*invocation.spec));
        else if (!invocation.group.isEmpty())
            output.text(CommandLine::groupHelp(invocation.group, specs));
        else
            output.text(CommandLine::overview(specs));
        return int(ExitCode::Ok);
    }
    if (invocation.version) {
        const QString version = QCoreApplication::applicationVersion().isEmpty()
                                    ? QStringLiteral(CAPSTAN_VERSION)
                                    : QCoreApplication::applicationVersion();
        if (output.isJson()) {
            output.json(QJsonObject{{QStringLiteral("name"), QStringLiteral("capstan")},
                                    {QStringLiteral("version"), version}});
        } else {
            output.text(QStringLiteral("capstan %1\n").arg(version));
        }
        return int(ExitCode::Ok);
    }

    CliSession session(invocation, &output);
    ChartCommands charts(&session);
    CredentialCommands credentials(&session);
    DeveloperCommands developer(&session);
    PackageCommands packaging(&session);
    DiffCommands diffs(&session);
    PublishCommands publishing(&session);
    ArgoCommands argo(&session);
    GitHubCommands gitHub(&session);
    DeployCommands deploying(&session);
    return session.exec([&] {
        const QString command = invocation.command();
        if (charts.handles(command))
            charts.run(invocation);
        else if (credentials.handles(command))
            credentials.run(invocation);
        else if (developer.handles(command))
            developer.run(invocation);
        else if (packaging.handles(command))
            packaging.run(invocation);
        else if (diffs.handles(command))
            diffs.run(invocation);
        else if (publishing.handles(command))
            publishing.run(invocation);
        else if (argo.handles(command))
            argo.run(invocation);
        else if (gitHub.handles(command))
            gitHub.run(invocation);
        else if (deploying.handles(command))
            deploying.run(invocation);
        else
            session.fail(
                ApiError(ApiError::Kind::Usage,
                         QCoreApplication::translate("CliRunner", "unknown command \"%1\"").arg(command)));
    });
}

} // namespace capstan
