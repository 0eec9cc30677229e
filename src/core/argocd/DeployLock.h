#pragma once

#include "ArgoApplication.h"

#include <QCoreApplication>
#include <QFuture>
#include <QString>

namespace capstan {

class ArgoCdClient;

// Why: one deploy per application at a time, across every Capstan user; the lock lives on the Argo CD
// application as annotations (holder, reason, since) so everyone sees the same one.
class DeployLock
{
    Q_DECLARE_TR_FUNCTIONS(DeployLock)

public:
    // Takes the lock for holder. Fails with ApiError Conflict (exit 6) naming holder, reason and since when
    // someone holds it (the same holder included), or when Argo CD runs an operation on the application.
    // Atomic: a JSON patch that tests the resourceVersion it read, so two takers cannot both win. The patch
    // is retried when its answer is lost; a lock with this call's own holder, reason and since (written to
    // the millisecond) found afterwards is the one it took.
    static QFuture<ArgoApplication> acquire(ArgoCdClient *client, const QString &holder,
                                            const QString &reason);
    // Releases holder's own lock; succeeds when there is none (also when a lost answer hid that this call
    // removed it). Conflict when someone else holds it.
    static QFuture<ArgoApplication> release(ArgoCdClient *client, const QString &holder);
    // Removes anybody's lock; reason is required (Usage error when empty) and recorded as the
    // capstan.net/deploy-lock-broken-by|-reason|-at annotations. No lock: succeeds and changes nothing.
    static QFuture<ArgoApplication> breakLock(ArgoCdClient *client, const QString &by, const QString &reason);

    static QString describe(const ArgoApplication::DeployLock &lock); // "alice@host since … (reason)"
    static QString defaultHolder();                                   // "<user>@<host>"
};

} // namespace capstan
