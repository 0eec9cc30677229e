#pragma once

#include "Build.h"
#include "argocd/ArgoApplication.h"

#include <QSet>
#include <QStringList>

#include <optional>

namespace capstan {

// Why: the one place that joins CI runs, chart versions and Argo CD history into builds, so the Builds view,
// `capstan --cli builds` and `changes live` agree on what "live" and "in repository" mean.
class BuildCatalog
{
public:
    // "1.0.0-{build}" and 42 -> "1.0.0-42"; also expands {run}.
    static QString chartVersionFor(const QString &pattern, int runNumber);
    // The run number a chart version maps back to through the pattern; nullopt when it does not match.
    static std::optional<int> runNumberFor(const QString &pattern, const QString &chartVersion);

    // nullopt for a service means it did not answer: its column stays Unknown.
    static QList<Build> join(const QList<WorkflowRun> &runs, const QString &versionPattern,
                             const std::optional<QSet<QString>> &repositoryVersions,
                             const std::optional<ArgoApplication> &application);
    // The live build's run number, from Argo CD's live revision; nullopt when unknown or not a CI build.
    static std::optional<int> liveRunNumber(const QString &versionPattern,
                                            const std::optional<ArgoApplication> &application);
};

} // namespace capstan
