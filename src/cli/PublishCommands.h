#pragma once

#include "CommandLine.h"
#include "CommandSpec.h"

#include <QObject>

namespace capstan {

class CliSession;

// Why: the write commands of the CLI — publish a package (or a chart directory, packaged natively) and
// delete a version — over ChartMuseumClient, with text and JSON output.
class PublishCommands : public QObject
{
    Q_OBJECT
public:
    explicit PublishCommands(CliSession *session, QObject *parent = nullptr);

    static QList<CommandSpec> specs();
    bool handles(const QString &command) const;
    void run(const CommandLine::Invocation &invocation);

private:
    void publish(const CommandLine::Invocation &invocation);
    void remove(const CommandLine::Invocation &invocation);

    CliSession *m_session;
};

} // namespace capstan
