#pragma once

#include "CommandLine.h"
#include "CommandSpec.h"
#include "chartmuseum/ChartVersion.h"

#include <QObject>

#include <functional>

namespace capstan {

class ChartMuseumClient;
class CliSession;

// Why: the chart commands of the CLI — charts, versions, show, pull — over ChartMuseumClient, with text
// and JSON output.
class ChartCommands : public QObject
{
    Q_OBJECT
public:
    explicit ChartCommands(CliSession *session, QObject *parent = nullptr);

    static QList<CommandSpec> specs();
    bool handles(const QString &command) const;
    void run(const CommandLine::Invocation &invocation);

private:
    void charts();
    void versions(const CommandLine::Invocation &invocation);
    void show(const CommandLine::Invocation &invocation);
    void pull(const CommandLine::Invocation &invocation);

    // "latest" means the newest version by SemVer precedence, prereleases included (as `charts` shows it);
    // anything else is resolved by the server (exact version or range).
    void resolve(ChartMuseumClient *client, const QString &chart, const QString &version,
                 std::function<void(const ChartVersion &)> next);
    void writePulled(const ChartVersion &entry, const QByteArray &bytes, const QString &directory,
                     bool force);

    CliSession *m_session;
};

} // namespace capstan
