#pragma once

#include "CommandLine.h"
#include "CommandSpec.h"
#include "chart/ChartArchive.h"
#include "chart/ChartDiff.h"
#include "chartmuseum/ChartVersion.h"

#include <QFuture>
#include <QObject>

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
    QFuture<ChartVersion> resolve(ChartMuseumClient *client, const QString &chart, const QString &version);
    // The package of `entry`, from the cache or downloaded, unpacked on the thread pool.
    QFuture<ChartArchive> open(ChartMuseumClient *client, const QString &chart, const ChartVersion &entry);
    void compare(const QString &chart, const ChartVersion &from, const ChartVersion &to,
                 const ChartArchive &a, const ChartArchive &b, bool stat);
    void print(const QString &chart, const ChartVersion &from, const ChartVersion &to, const ChartDiff &diff,
               bool stat);

    CliSession *m_session;
};

} // namespace capstan
