#include "AutoSyncRestore.h"

#include "chart/SemVer.h"

using namespace Qt::Literals::StringLiterals;

namespace capstan {

AutoSyncRestore AutoSyncRestore::of(const ArgoApplication &application)
{
    AutoSyncRestore restore;
    restore.application = application.name;
    restore.targetRevision = application.targetRevision;
    restore.liveRevision = application.liveRevision();
    if (SemVer::parse(application.targetRevision)) {
        restore.revision = application.targetRevision;
        restore.resolved = true;
    } else if (!application.syncRevision.isEmpty()) {
        restore.revision = application.syncRevision;
        restore.resolved = true;
    } else {
        restore.revision = application.targetRevision;
    }
    if (!restore.resolved || restore.revision == restore.liveRevision)
        return restore;
    const QList<ArgoApplication::HistoryEntry> &history = application.history; // oldest first
    for (qsizetype i = history.size() - 2; i >= 0; --i) {
        if (history.at(i).revision != restore.revision)
            continue;
        if (SemVer::compareStrings(history.at(i + 1).revision, restore.revision) < 0)
            restore.rolledBackFrom = history.at(i);
        break;
    }
    return restore;
}

QString AutoSyncRestore::summary() const
{
    const QString target =
        revision == targetRevision ? tr("the target revision") : tr("target revision %1").arg(targetRevision);
    const QString live = liveRevision.isEmpty() ? tr("nothing") : liveRevision;
    if (!resolved)
        return tr("Auto-sync of %1 will deploy what target revision %2 resolves to (Argo CD has not resolved "
                  "it yet); %3 runs now.")
            .arg(application, targetRevision, live);
    if (!changesLive())
        return tr("Auto-sync of %1 will keep %2 (%3), the version that runs now.")
            .arg(application, revision, target);
    return tr("Auto-sync of %1 will deploy %2 (%3), replacing %4 that runs now.")
        .arg(application, revision, target, live);
}

QString AutoSyncRestore::brief() const
{
    const QString target =
        revision == targetRevision ? tr("the target revision") : tr("target revision %1").arg(targetRevision);
    if (!resolved)
        return tr("target revision %1, not resolved yet").arg(targetRevision);
    if (!changesLive())
        return tr("keeps %1 (%2)").arg(revision, target);
    QString text =
        tr("%1 → %2 (%3)").arg(liveRevision.isEmpty() ? tr("nothing") : liveRevision, revision, target);
    if (rolledBackFrom)
        text += tr(", the version rolled back from");
    return text;
}

QString AutoSyncRestore::warning() const
{
    if (!rolledBackFrom)
        return {};
    const QString deployed = rolledBackFrom->deployedAt.isValid()
                                 ? rolledBackFrom->deployedAt.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s)
                                 : tr("at an unknown time");
    return tr("%1 is the version that was rolled back from (history #%2, deployed %3): restoring auto-sync "
              "deploys it again.")
        .arg(revision)
        .arg(rolledBackFrom->id)
        .arg(deployed);
}

} // namespace capstan
