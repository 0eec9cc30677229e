#pragma once

#include "CommandLine.h"
#include "CommandSpec.h"
#include "chart/ChartDiff.h"
#include "chartmuseum/ChartVersion.h"

#include <QObject>

#include <functional>

namespace capstan {

class ChartMuseumClient;
class CliSession;

// Why: `diff CHART V1 V2` — what changed between two published chart versions, with exit codes like
// diff(1), over the digest-keyed chart cache.
class DiffCommands : public QObject
{
    Q_OBJECT
public:
    explicit DiffCommands(CliSession *session, QObject *parent = nullptr);

    static QList<CommandSpec> specs();
    bool handles(const QString &command) const;
    void run(const CommandLine::Invocation &invocation);

private:
    void resolve(ChartMuseumClient *client, const QString &chart, const QString &version,
                 std::function<void(const ChartVersion &)> next);
    void fetch(ChartMuseumClient *client, const ChartVersion &entry, const QByteArray &cached,
               std::function<void(const QByteArray &)> next);
    void compare(const QString &chart, const ChartVersion &from, const ChartVersion &to,
                 const QByteArray &fromBytes, const QByteArray &toBytes, bool stat);
    void print(const QString &chart, const ChartVersion &from, const ChartVersion &to, const ChartDiff &diff,
               bool stat);

    CliSession *m_session;
};

} // namespace capstan
