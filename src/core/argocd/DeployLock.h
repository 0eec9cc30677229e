#pragma once

#include "ArgoApplication.h"

#include <QCoreApplication>
#include <QFuture>
#include <QString>

#include <functional>
#include <optional>

namespace capstan {

class ArgoCdClient;

// Why: one deploy per application at a time, across every Capstan user; the lock lives on the Argo CD
// application as annotations (holder, reason, since, heartbeat, deploy) so everyone sees the same one.
class DeployLock
{
    Q_DECLARE_TR_FUNCTIONS(DeployLock)

public:
    static constexpr qint64 DefaultStaleAfterMs = 10 * 60 * 1000;

    struct Request
    {
        QString holder; // "<user>@<host>"
        QString reason;
        QString deploy; // "<journal id>@<pid>" of the deploy taking it; empty for a lock taken by hand
        // The chart version the deploy will set. Used only when Argo CD cannot render the application's
        // current source: the lock and this target then go in one unvalidated update.
        QString target;
        // True for the holder's own earlier lock whose deploy has ended (the journal knows): replaced.
        std::function<bool(const ArgoApplication::DeployLock &)> abandoned;
        // Annotations written with the lock that stay after it is released (e.g. a CI override's record).
        QList<std::pair<QString, QString>> keep;
        qint64 staleAfterMs = DefaultStaleAfterMs; // how a refusal describes the lock in the way
    };

    struct Taken
    {
        ArgoApplication application;
        std::optional<ArgoApplication::DeployLock> replaced; // the abandoned lock it took over
        bool unvalidated = false; // taken by a PUT with validate=false (the current source cannot render)
    };

    // Takes the lock. Fails with ApiError Conflict (exit 6) naming holder, reason, since and whether it is
    // stale when someone holds it (the same holder included, unless `abandoned` says its deploy ended), or
    // when Argo CD runs an operation on the application.
    // Atomic: a JSON patch that tests the resourceVersion it read, so two takers cannot both win. When Argo
    // CD refuses every patch (InvalidSpecError), reads, checks, PUTs with validate=false and reads back to
    // confirm the lock is ours.
    static QFuture<Taken> acquire(ArgoCdClient *client, const Request &request);
    // A lock taken by hand (no deploy, no heartbeat): acquire() with just a holder and a reason.
    static QFuture<ArgoApplication> acquire(ArgoCdClient *client, const QString &holder, const QString &reason);
    // Renews the heartbeat of holder's lock for `deploy`; Conflict when the lock is gone or someone else's.
    static QFuture<ArgoApplication> heartbeat(ArgoCdClient *client, const QString &holder,
                                              const QString &deploy);
    // Releases holder's own lock; succeeds when there is none (also when a lost answer hid that this call
    // removed it). Conflict when someone else holds it.
    static QFuture<ArgoApplication> release(ArgoCdClient *client, const QString &holder);
    // Removes anybody's lock; reason is required (Usage error when empty) and recorded as the
    // capstan.net/deploy-lock-broken-by|-reason|-at annotations. No lock: succeeds and changes nothing.
    static QFuture<ArgoApplication> breakLock(ArgoCdClient *client, const QString &by, const QString &reason);

    // "alice@host since … (reason)", with ", stale: no heartbeat for 14 min" when it is.
    static QString describe(const ArgoApplication::DeployLock &lock,
                            qint64 staleAfterMs = DefaultStaleAfterMs);
    static QString defaultHolder();                        // "<user>@<host>"
    static QString deployId(qint64 journalId, qint64 pid); // "<journal id>@<pid>"
    // The journal id and pid of a deployId(); nullopt when it is not one.
    static std::optional<std::pair<qint64, qint64>> parseDeployId(const QString &deploy);
};

} // namespace capstan
