#pragma once

#include "ArgoApplication.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace capstan {

// Why: restoring auto-sync makes Argo CD deploy the target revision again, possibly the very version a
// rollback took away; the GUI and the CLI say the same thing about it before they ask.
struct AutoSyncRestore
{
    Q_DECLARE_TR_FUNCTIONS(AutoSyncRestore)

public:
    QString application;
    QString targetRevision; // spec.source.targetRevision ("1.0.0-147", "*", "^1.0")
    // What Argo CD syncs to: the target revision when it is an exact version, else what it resolved it to
    // (status.sync.revision); the target revision itself when Argo CD has not resolved it yet.
    QString revision;
    bool resolved = false; // revision is an exact version
    QString liveRevision;  // what runs now; empty when nothing was deployed
    // The earlier deployment of `revision` that the next deployment replaced with a lower version (a
    // rollback from it); nullopt when restoring auto-sync deploys nothing that was rolled back from.
    std::optional<ArgoApplication::HistoryEntry> rolledBackFrom;

    static AutoSyncRestore of(const ArgoApplication &application);

    bool changesLive() const { return !resolved || revision != liveRevision; }
    // "Auto-sync of torvalds will deploy 1.0.0-147 (the target revision), replacing 1.0.0-146 that runs now."
    QString summary() const;
    // Empty unless rolledBackFrom: then says that auto-sync deploys the rolled-back version again.
    QString warning() const;
    // The change in a few words, for the journal: "1.0.0-146 → 1.0.0-149 (the target revision), the
    // version rolled back from".
    QString brief() const;
};

} // namespace capstan
