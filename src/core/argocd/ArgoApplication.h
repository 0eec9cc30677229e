#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace capstan {

// Why: the parts of Argo CD's Application JSON (see the Argo CD contract, §2) that Capstan acts on, read
// once and checked, so no caller walks raw JSON or trusts a field the contract says may be absent.
struct ArgoApplication
{
    struct HistoryEntry
    {
        qint64 id = 0;
        QString revision; // the concrete chart version deployed (Helm source)
        QDateTime deployedAt;
        QDateTime deployStartedAt;
        QString initiatedBy; // username; empty when unknown
        bool automated = false;
        QString sourceRepoUrl;
        QString sourceChart;
        QString sourceTargetRevision; // spec.source.targetRevision at that moment ("*", "1.0.0-42", ...)
    };

    struct OperationState
    {
        QString phase; // Running, Terminating, Failed, Error, Succeeded
        QString message;
        QString revision; // operation.sync.revision (requested) or syncResult.revision (resolved)
        bool dryRun = false;
        QString initiatedBy;
        bool automated = false;
        QDateTime startedAt;
        QDateTime finishedAt; // invalid while running
        int retryCount = 0;

        bool isCompleted() const; // Failed, Error or Succeeded
        bool isSucceeded() const { return phase == QLatin1String("Succeeded"); }
    };

    struct Condition
    {
        QString type;
        QString message;
    };

    // Capstan's record, kept in metadata.annotations, that auto-sync was switched off on purpose.
    struct AutoSyncSuspension
    {
        QString by;
        QDateTime at;
        QString reason;
        QJsonObject previousAutomated; // spec.syncPolicy.automated as it was, restored on resume
    };

    // Capstan's deploy lock, kept in metadata.annotations (one deploy per application at a time).
    struct DeployLock
    {
        QString holder;
        QString reason;
        QDateTime since;
        QDateTime heartbeat; // renewed while the deploy runs; invalid for a lock taken by hand
        QString deploy;      // "<journal id>@<pid>" of the deploy holding it; empty for a lock taken by hand

        // When the lock was last known alive: the heartbeat, else since.
        QDateTime lastSign() const { return heartbeat.isValid() ? heartbeat : since; }
        bool isStale(const QDateTime &now, qint64 limitMs) const;
    };

    QString name;
    QString appNamespace;
    QString project;
    QString resourceVersion;
    QMap<QString, QString> annotations;

    QString repoUrl;        // spec.source.repoURL
    QString chart;          // spec.source.chart
    QString targetRevision; // spec.source.targetRevision
    bool autoSyncEnabled = false;
    QJsonObject automated; // spec.syncPolicy.automated; empty when absent
    int revisionHistoryLimit = 10;

    QString syncStatus;   // Synced, OutOfSync, Unknown, or "" before the first reconcile
    QString syncRevision; // status.sync.revision: what targetRevision resolves to, not what is deployed
    QString health;       // Healthy, Progressing, Degraded, Suspended, Missing, Unknown, or ""
    QString healthMessage;
    QList<HistoryEntry> history; // oldest first
    QList<Condition> conditions;
    QDateTime reconciledAt;

    bool operationRequested = false; // top-level "operation" present
    std::optional<OperationState> operationState;

    QJsonObject json; // the whole object as received

    // Reads an Application object. Throws ApiError (Kind::Decode) naming the field that breaks the
    // contract, e.g. "status.history[2].id is not a number".
    static ArgoApplication fromJson(const QJsonObject &object);

    // The argocd CLI's test (contract §4): an operation is requested, or has no finishedAt, or (not a dry
    // run) the controller has not re-compared since it finished.
    bool operationInProgress() const;
    // operation.sync.revision of the requested operation; empty when none is requested.
    QString requestedRevision() const;
    // The chart version running now: the newest history entry's revision; empty when nothing was deployed.
    QString liveRevision() const;
    std::optional<qint64> liveHistoryId() const;
    std::optional<HistoryEntry> historyEntry(qint64 id) const;
    // The entry `argocd app rollback` picks without an id: history[len-2]; nullopt with fewer than two.
    // The one rule for the default target: the CLI's `rollback` without an id and the History view use it.
    std::optional<HistoryEntry> defaultRollbackTarget() const;
    // What moved since `seen`, the state a rollback to history entry `targetId` was confirmed against: the
    // history (a deployment added, removed or changed), the live revision, the target entry, the target
    // revision, auto-sync. One sentence per change; empty when the confirmation still holds.
    QStringList rollbackChangesSince(const ArgoApplication &seen, qint64 targetId) const;

    std::optional<AutoSyncSuspension> autoSyncSuspension() const;
    std::optional<DeployLock> deployLock() const;

    static inline const QString SuspendedByAnnotation = QStringLiteral("capstan.net/auto-sync-suspended-by");
    static inline const QString SuspendedAtAnnotation = QStringLiteral("capstan.net/auto-sync-suspended-at");
    static inline const QString SuspendedReasonAnnotation =
        QStringLiteral("capstan.net/auto-sync-suspended-reason");
    static inline const QString SuspendedPolicyAnnotation =
        QStringLiteral("capstan.net/auto-sync-suspended-policy"); // JSON of the automated object
    static inline const QString LockHolderAnnotation = QStringLiteral("capstan.net/deploy-lock-holder");
    static inline const QString LockReasonAnnotation = QStringLiteral("capstan.net/deploy-lock-reason");
    static inline const QString LockSinceAnnotation = QStringLiteral("capstan.net/deploy-lock-since");
    static inline const QString LockHeartbeatAnnotation = QStringLiteral("capstan.net/deploy-lock-heartbeat");
    static inline const QString LockDeployAnnotation = QStringLiteral("capstan.net/deploy-lock-deploy");
};

} // namespace capstan
