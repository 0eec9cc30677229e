#include "DeployLock.h"

#include "ArgoCdClient.h"
#include "chart/SemVer.h"
#include "net/ApiError.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSysInfo>

#include <functional>
#include <memory>

#include <pwd.h>
#include <unistd.h>

namespace capstan {

namespace {

const QString BrokenByAnnotation = QStringLiteral("capstan.net/deploy-lock-broken-by");
const QString BrokenReasonAnnotation = QStringLiteral("capstan.net/deploy-lock-broken-reason");
const QString BrokenAtAnnotation = QStringLiteral("capstan.net/deploy-lock-broken-at");

const QStringList &lockAnnotations()
{
    static const QStringList keys{ArgoApplication::LockHolderAnnotation,
                                  ArgoApplication::LockReasonAnnotation, ArgoApplication::LockSinceAnnotation,
                                  ArgoApplication::LockHeartbeatAnnotation,
                                  ArgoApplication::LockDeployAnnotation};
    return keys;
}

// What a lock operation changes on the application, so it can be sent as a guarded JSON patch or, when Argo
// CD refuses every patch, as a whole unvalidated update.
struct Change
{
    QList<std::pair<QString, QString>> set;
    QStringList remove;
    QString target; // spec.source.targetRevision, set only by an unvalidated update

    bool isEmpty() const { return set.isEmpty() && remove.isEmpty(); }
};

using Plan = std::function<Change(const ArgoApplication &app)>;  // throws ApiError to refuse
using Confirm = std::function<bool(const ArgoApplication &app)>; // the change is there, made by us

struct Written
{
    ArgoApplication application;
    bool unvalidated = false;
};

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString pointer(const QString &annotation)
{
    QString escaped = annotation;
    escaped.replace(QLatin1Char('~'), QStringLiteral("~0"));
    escaped.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return QStringLiteral("/metadata/annotations/") + escaped;
}

QJsonObject operation(const QString &op, const QString &path, const QJsonValue &value = QJsonValue::Undefined)
{
    QJsonObject object{{QStringLiteral("op"), op}, {QStringLiteral("path"), path}};
    if (!value.isUndefined())
        object.insert(QStringLiteral("value"), value);
    return object;
}

// The guarded JSON patch: the test of the resourceVersion that was read comes first, so it applies only to
// that version.
QJsonArray operations(const ArgoApplication &app, const Change &change)
{
    QJsonArray patch{
        operation(QStringLiteral("test"), QStringLiteral("/metadata/resourceVersion"), app.resourceVersion)};
    for (const QString &key : change.remove) {
        if (app.annotations.contains(key))
            patch.append(operation(QStringLiteral("remove"), pointer(key)));
    }
    const bool hasAnnotations =
        app.json.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("annotations")).isObject();
    if (!change.set.isEmpty() && !hasAnnotations)
        patch.append(
            operation(QStringLiteral("add"), QStringLiteral("/metadata/annotations"), QJsonObject()));
    for (const auto &[key, value] : change.set)
        patch.append(operation(QStringLiteral("add"), pointer(key), value));
    return patch;
}

// The whole application with the change applied, for PUT.
QJsonObject updated(const ArgoApplication &app, const Change &change)
{
    QJsonObject json = app.json;
    QJsonObject metadata = json.value(QStringLiteral("metadata")).toObject();
    QJsonObject annotations = metadata.value(QStringLiteral("annotations")).toObject();
    for (const QString &key : change.remove)
        annotations.remove(key);
    for (const auto &[key, value] : change.set)
        annotations.insert(key, value);
    metadata.insert(QStringLiteral("annotations"), annotations);
    json.insert(QStringLiteral("metadata"), metadata);
    if (!change.target.isEmpty()) {
        QJsonObject spec = json.value(QStringLiteral("spec")).toObject();
        QJsonObject source = spec.value(QStringLiteral("source")).toObject();
        source.insert(QStringLiteral("targetRevision"), change.target);
        spec.insert(QStringLiteral("source"), source);
        json.insert(QStringLiteral("spec"), spec);
    }
    return json;
}

// The guarding test failed (contract: 500 "error applying patch: testing value ... failed"), or Kubernetes
// refused a stale update (409).
bool isStaleWrite(const ApiError &error)
{
    if (error.kind() == ApiError::Kind::Http && error.status() == 409)
        return true;
    return error.kind() == ApiError::Kind::Conflict &&
           error.serverMessage().contains(QLatin1StringView("testing value"));
}

ApiError raced(const ArgoCdClient *client)
{
    return ApiError(ApiError::Kind::Conflict,
                    DeployLock::tr("Application \"%1\" was changed by someone else while the deploy lock was "
                                   "being written")
                        .arg(client->application()),
                    DeployLock::tr("Look at the lock with `capstan --cli status` and try again."));
}

// Argo CD refuses every patch while it cannot render the current source: read, plan on that read (which
// refuses when someone else holds the lock), PUT without validation, then read back, because PUT is
// last-writer-wins.
QFuture<Written> writeUnvalidated(ArgoCdClient *client, const Plan &plan, const Confirm &confirm)
{
    return client->get()
        .then(client,
              [client, plan, confirm](const ArgoApplication &app) -> QFuture<Written> {
                  const Change change = plan(app);
                  if (change.isEmpty())
                      return QtFuture::makeReadyFuture(Written{app, false});
                  return client->update(updated(app, change), false)
                      .then(client, [client](const ArgoApplication &) { return client->get(); })
                      .unwrap()
                      .then(client, [client, confirm](const ArgoApplication &after) {
                          if (!confirm(after))
                              throw raced(client);
                          return Written{after, true};
                      });
              })
        .unwrap();
}

// Reads the application, plans the change from what it read and sends it guarded by the read
// resourceVersion. When someone changed the application in between, reads again and plans again (the plan
// refuses if the change was a lock), `attempts` times in all. The guarded patch is retried by the HTTP layer
// when its answer is lost; if the lost attempt did apply, the retry fails its test and the next read shows
// the change already made, for which the plan returns no change: done.
QFuture<Written> patchGuarded(ArgoCdClient *client, const Plan &plan, const Confirm &confirm, int attempts)
{
    return client->get()
        .then(client,
              [client, plan, confirm, attempts](const ArgoApplication &app) -> QFuture<Written> {
                  const Change change = plan(app);
                  if (change.isEmpty())
                      return QtFuture::makeReadyFuture(Written{app, false});
                  return client->jsonPatch(operations(app, change))
                      .then(client,
                            [client, plan, confirm,
                             attempts](QFuture<ArgoApplication> done) -> QFuture<Written> {
                                try {
                                    return QtFuture::makeReadyFuture(Written{done.result(), false});
                                } catch (const ApiError &error) {
                                    if (ArgoCdClient::isInvalidSpec(error))
                                        return writeUnvalidated(client, plan, confirm);
                                    if (!isStaleWrite(error))
                                        throw;
                                    if (attempts <= 1) {
                                        ApiError busy(ApiError::Kind::Conflict,
                                                      DeployLock::tr("Application \"%1\" kept changing while "
                                                                     "the deploy lock was being updated")
                                                          .arg(client->application()),
                                                      DeployLock::tr("Try again in a moment."));
                                        busy.setServerMessage(error.serverMessage());
                                        throw busy;
                                    }
                                    return patchGuarded(client, plan, confirm, attempts - 1);
                                }
                            })
                      .unwrap();
              })
        .unwrap();
}

ApiError lockedBy(const ArgoApplication &app, const ArgoApplication::DeployLock &lock, qint64 staleAfterMs)
{
    const bool stale = lock.isStale(QDateTime::currentDateTimeUtc(), staleAfterMs);
    return ApiError(
        ApiError::Kind::Conflict,
        DeployLock::tr("Application \"%1\" is locked by %2")
            .arg(app.name, DeployLock::describe(lock, staleAfterMs)),
        stale
            ? DeployLock::tr("The lock looks abandoned. Break it with a reason: capstan --cli unlock --force "
                             "--reason TEXT")
            : DeployLock::tr("Wait for that deploy to finish; a stale lock can be broken with a reason."));
}

QFuture<ArgoApplication> applicationOf(QFuture<Written> written, ArgoCdClient *client)
{
    return written.then(client, [](const Written &done) { return done.application; });
}

} // namespace

QFuture<DeployLock::Taken> DeployLock::acquire(ArgoCdClient *client, const Request &request)
{
    if (request.holder.trimmed().isEmpty())
        return QtFuture::makeExceptionalFuture<Taken>(
            ApiError(ApiError::Kind::Usage, tr("The deploy lock needs a holder")));
    auto replaced = std::make_shared<std::optional<ArgoApplication::DeployLock>>();
    const QString since = now();
    const Plan plan = [request, since, replaced](const ArgoApplication &app) {
        replaced->reset();
        if (const auto lock = app.deployLock()) {
            // This call's own lock (since is written to the millisecond): an earlier attempt applied, its
            // answer was lost.
            if (lock->holder == request.holder && lock->deploy == request.deploy &&
                lock->reason == request.reason &&
                app.annotations.value(ArgoApplication::LockSinceAnnotation) == since)
                return Change();
            if (lock->holder != request.holder || !request.abandoned || !request.abandoned(*lock))
                throw lockedBy(app, *lock, request.staleAfterMs);
            *replaced = lock;
        }
        const QString phase = app.operationState ? app.operationState->phase : QString();
        if (app.operationRequested || phase == QLatin1StringView("Running") ||
            phase == QLatin1StringView("Terminating")) {
            throw ApiError(ApiError::Kind::Conflict,
                           tr("Application \"%1\" has an Argo CD operation in progress (%2)")
                               .arg(app.name, phase.isEmpty() ? tr("requested") : phase),
                           tr("Wait for the operation to finish, or terminate it."));
        }
        Change change;
        change.remove = lockAnnotations();
        change.set = {{ArgoApplication::LockHolderAnnotation, request.holder},
                      {ArgoApplication::LockReasonAnnotation, request.reason},
                      {ArgoApplication::LockSinceAnnotation, since}};
        change.set += request.keep;
        if (!request.deploy.isEmpty()) {
            change.set.append({ArgoApplication::LockHeartbeatAnnotation, since});
            change.set.append({ArgoApplication::LockDeployAnnotation, request.deploy});
        }
        // Only a pinned target can be what breaks rendering; a range keeps choosing what exists.
        if (!request.target.isEmpty() && SemVer::parse(app.targetRevision))
            change.target = request.target;
        return change;
    };
    const Confirm confirm = [request, since](const ArgoApplication &app) {
        const auto lock = app.deployLock();
        return lock && lock->holder == request.holder && lock->deploy == request.deploy &&
               app.annotations.value(ArgoApplication::LockSinceAnnotation) == since;
    };
    // A change between read and write that was not a lock (e.g. a reconcile) is retried; one that was a lock
    // is refused by the next read.
    return patchGuarded(client, plan, confirm, 3).then(client, [replaced](const Written &written) {
        return Taken{written.application, *replaced, written.unvalidated};
    });
}

QFuture<ArgoApplication> DeployLock::acquire(ArgoCdClient *client, const QString &holder, const QString &reason)
{
    Request request;
    request.holder = holder;
    request.reason = reason;
    return acquire(client, request).then(client, [](const Taken &taken) { return taken.application; });
}

QFuture<ArgoApplication> DeployLock::heartbeat(ArgoCdClient *client, const QString &holder,
                                               const QString &deploy)
{
    const QString beat = now();
    const Plan plan = [holder, deploy, beat](const ArgoApplication &app) {
        const auto lock = app.deployLock();
        if (!lock || lock->holder != holder || lock->deploy != deploy) {
            throw ApiError(
                ApiError::Kind::Conflict,
                lock ? tr("The deploy lock of \"%1\" is now held by %2").arg(app.name, describe(*lock))
                     : tr("The deploy lock of \"%1\" was removed").arg(app.name),
                tr("Someone broke the lock; the deploy goes on without it."));
        }
        Change change;
        change.set = {{ArgoApplication::LockHeartbeatAnnotation, beat}};
        return change;
    };
    const Confirm confirm = [beat](const ArgoApplication &app) {
        return app.annotations.value(ArgoApplication::LockHeartbeatAnnotation) == beat;
    };
    return applicationOf(patchGuarded(client, plan, confirm, 3), client);
}

QFuture<ArgoApplication> DeployLock::release(ArgoCdClient *client, const QString &holder)
{
    const Plan plan = [holder](const ArgoApplication &app) {
        const auto lock = app.deployLock();
        if (!lock)
            return Change();
        if (lock->holder != holder) {
            throw ApiError(
                ApiError::Kind::Conflict,
                tr("Application \"%1\" is locked by %2, not by %3").arg(app.name, describe(*lock), holder),
                tr("Only the holder can release the lock; a stale lock can be broken with a reason."));
        }
        Change change;
        change.remove = lockAnnotations();
        return change;
    };
    const Confirm confirm = [holder](const ArgoApplication &app) {
        const auto lock = app.deployLock();
        return !lock || lock->holder != holder;
    };
    // A lock left behind blocks everyone: keep trying while the application changes under the release
    // (status updates of the deploy that just ended).
    return applicationOf(patchGuarded(client, plan, confirm, 5), client);
}

QFuture<ArgoApplication> DeployLock::breakLock(ArgoCdClient *client, const QString &by, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return QtFuture::makeExceptionalFuture<ArgoApplication>(
            ApiError(ApiError::Kind::Usage, tr("Breaking a deploy lock needs a reason"),
                     tr("Say why the lock is stale, e.g. --reason \"deploy crashed\".")));
    const QString at = now();
    const Plan plan = [by, reason, at](const ArgoApplication &app) {
        if (!app.deployLock())
            return Change();
        Change change;
        change.remove = lockAnnotations();
        change.set = {{BrokenByAnnotation, by}, {BrokenReasonAnnotation, reason}, {BrokenAtAnnotation, at}};
        return change;
    };
    const Confirm confirm = [at](const ArgoApplication &app) {
        return !app.deployLock() && app.annotations.value(BrokenAtAnnotation) == at;
    };
    return applicationOf(patchGuarded(client, plan, confirm, 3), client);
}

QString DeployLock::describe(const ArgoApplication::DeployLock &lock, qint64 staleAfterMs)
{
    const QString since =
        lock.since.isValid() ? lock.since.toUTC().toString(Qt::ISODate) : tr("an unknown time");
    QString text = lock.reason.isEmpty() ? tr("%1 since %2").arg(lock.holder, since)
                                         : tr("%1 since %2 (%3)").arg(lock.holder, since, lock.reason);
    const QDateTime current = QDateTime::currentDateTimeUtc();
    if (lock.isStale(current, staleAfterMs)) {
        const QDateTime last = lock.lastSign();
        text += last.isValid()
                    ? tr(", stale: no sign of life for %n min", nullptr, int(last.secsTo(current) / 60))
                    : tr(", stale: no time recorded");
    }
    return text;
}

QString DeployLock::defaultHolder()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    if (user.isEmpty()) {
        if (const passwd *entry = ::getpwuid(::getuid()))
            user = QString::fromLocal8Bit(entry->pw_name);
    }
    if (user.isEmpty())
        user = QStringLiteral("uid%1").arg(::getuid());
    return user + QLatin1Char('@') + QSysInfo::machineHostName();
}

QString DeployLock::deployId(qint64 journalId, qint64 pid)
{
    return QStringLiteral("%1@%2").arg(journalId).arg(pid);
}

std::optional<std::pair<qint64, qint64>> DeployLock::parseDeployId(const QString &deploy)
{
    const qsizetype at = deploy.indexOf(QLatin1Char('@'));
    if (at <= 0)
        return std::nullopt;
    bool idOk = false;
    bool pidOk = false;
    const qint64 id = deploy.left(at).toLongLong(&idOk);
    const qint64 pid = deploy.mid(at + 1).toLongLong(&pidOk);
    if (!idOk || !pidOk || id <= 0 || pid <= 0)
        return std::nullopt;
    return std::make_pair(id, pid);
}

} // namespace capstan
