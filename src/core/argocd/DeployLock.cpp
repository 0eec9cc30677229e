#include "DeployLock.h"

#include "ArgoCdClient.h"
#include "net/ApiError.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSysInfo>

#include <functional>

#include <pwd.h>
#include <unistd.h>

namespace capstan {

namespace {

using Patch = std::function<QJsonArray(const ArgoApplication &app)>; // throws ApiError to refuse

const QString BrokenByAnnotation = QStringLiteral("capstan.net/deploy-lock-broken-by");
const QString BrokenReasonAnnotation = QStringLiteral("capstan.net/deploy-lock-broken-reason");
const QString BrokenAtAnnotation = QStringLiteral("capstan.net/deploy-lock-broken-at");

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

// The test that makes the patch atomic: it applies only to the version that was read.
QJsonArray guarded(const ArgoApplication &app)
{
    return QJsonArray{
        operation(QStringLiteral("test"), QStringLiteral("/metadata/resourceVersion"), app.resourceVersion)};
}

bool hasAnnotationsObject(const ArgoApplication &app)
{
    return app.json.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("annotations"))
        .isObject();
}

void addAnnotations(QJsonArray &operations, const ArgoApplication &app,
                    const QList<std::pair<QString, QString>> &values)
{
    if (!hasAnnotationsObject(app))
        operations.append(
            operation(QStringLiteral("add"), QStringLiteral("/metadata/annotations"), QJsonObject()));
    for (const auto &[key, value] : values)
        operations.append(operation(QStringLiteral("add"), pointer(key), value));
}

void removeLockAnnotations(QJsonArray &operations, const ArgoApplication &app)
{
    for (const QString &key : {ArgoApplication::LockHolderAnnotation, ArgoApplication::LockReasonAnnotation,
                               ArgoApplication::LockSinceAnnotation}) {
        if (app.annotations.contains(key))
            operations.append(operation(QStringLiteral("remove"), pointer(key)));
    }
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

// Reads the application, builds the patch from what it read and sends it guarded by the read
// resourceVersion. When someone changed the application in between, reads again and rebuilds (the builder
// refuses if the change was a lock), `attempts` times in all. The guarded patch is retried by the HTTP layer
// when its answer is lost; if the lost attempt did apply, the retry fails its test and the next read shows
// the change already made, for which the builder returns no operations: done.
QFuture<ArgoApplication> patchGuarded(ArgoCdClient *client, const Patch &build, int attempts)
{
    return client->get()
        .then(client,
              [client, build, attempts](const ArgoApplication &app) -> QFuture<ArgoApplication> {
                  const QJsonArray operations = build(app);
                  if (operations.isEmpty())
                      return QtFuture::makeReadyFuture(app);
                  QJsonArray patch = guarded(app);
                  for (const QJsonValue &op : operations)
                      patch.append(op);
                  return client->jsonPatch(patch)
                      .then(client,
                            [client, build,
                             attempts](QFuture<ArgoApplication> done) -> QFuture<ArgoApplication> {
                                try {
                                    return QtFuture::makeReadyFuture(done.result());
                                } catch (const ApiError &error) {
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
                                    return patchGuarded(client, build, attempts - 1);
                                }
                            })
                      .unwrap();
              })
        .unwrap();
}

ApiError lockedBy(const ArgoApplication &app, const ArgoApplication::DeployLock &lock)
{
    return ApiError(
        ApiError::Kind::Conflict,
        DeployLock::tr("Application \"%1\" is locked by %2").arg(app.name, DeployLock::describe(lock)),
        DeployLock::tr("Wait for that deploy to finish; a stale lock can be broken with a reason."));
}

} // namespace

QFuture<ArgoApplication> DeployLock::acquire(ArgoCdClient *client, const QString &holder,
                                             const QString &reason)
{
    if (holder.trimmed().isEmpty())
        return QtFuture::makeExceptionalFuture<ArgoApplication>(
            ApiError(ApiError::Kind::Usage, tr("The deploy lock needs a holder")));
    // Written once: a lock with exactly these values is the one this call took, even when the answer that
    // said so was lost.
    const QString since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const Patch build = [holder, reason, since](const ArgoApplication &app) {
        if (const auto lock = app.deployLock()) {
            if (app.annotations.value(ArgoApplication::LockHolderAnnotation) == holder &&
                app.annotations.value(ArgoApplication::LockReasonAnnotation) == reason &&
                app.annotations.value(ArgoApplication::LockSinceAnnotation) == since)
                return QJsonArray();
            throw lockedBy(app, *lock);
        }
        const QString phase = app.operationState ? app.operationState->phase : QString();
        if (app.operationRequested || phase == QLatin1StringView("Running") ||
            phase == QLatin1StringView("Terminating")) {
            throw ApiError(ApiError::Kind::Conflict,
                           tr("Application \"%1\" has an Argo CD operation in progress (%2)")
                               .arg(app.name, phase.isEmpty() ? tr("requested") : phase),
                           tr("Wait for the operation to finish, or terminate it."));
        }
        QJsonArray operations;
        addAnnotations(operations, app,
                       {{ArgoApplication::LockHolderAnnotation, holder},
                        {ArgoApplication::LockReasonAnnotation, reason},
                        {ArgoApplication::LockSinceAnnotation, since}});
        return operations;
    };
    // A change between read and write that was not a lock (e.g. a reconcile) is retried; one that was a lock
    // is refused by the next read.
    return patchGuarded(client, build, 3);
}

QFuture<ArgoApplication> DeployLock::release(ArgoCdClient *client, const QString &holder)
{
    const Patch build = [holder](const ArgoApplication &app) {
        const auto lock = app.deployLock();
        if (!lock)
            return QJsonArray();
        if (lock->holder != holder) {
            throw ApiError(
                ApiError::Kind::Conflict,
                tr("Application \"%1\" is locked by %2, not by %3").arg(app.name, describe(*lock), holder),
                tr("Only the holder can release the lock; a stale lock can be broken with a reason."));
        }
        QJsonArray operations;
        removeLockAnnotations(operations, app);
        return operations;
    };
    // A lock left behind blocks everyone: keep trying while the application changes under the release
    // (status updates of the deploy that just ended).
    return patchGuarded(client, build, 5);
}

QFuture<ArgoApplication> DeployLock::breakLock(ArgoCdClient *client, const QString &by, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return QtFuture::makeExceptionalFuture<ArgoApplication>(
            ApiError(ApiError::Kind::Usage, tr("Breaking a deploy lock needs a reason"),
                     tr("Say why the lock is stale, e.g. --reason \"deploy crashed\".")));
    const Patch build = [by, reason](const ArgoApplication &app) {
        if (!app.deployLock())
            return QJsonArray();
        QJsonArray operations;
        removeLockAnnotations(operations, app);
        addAnnotations(operations, app,
                       {{BrokenByAnnotation, by},
                        {BrokenReasonAnnotation, reason},
                        {BrokenAtAnnotation, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
        return operations;
    };
    return patchGuarded(client, build, 3);
}

QString DeployLock::describe(const ArgoApplication::DeployLock &lock)
{
    const QString since =
        lock.since.isValid() ? lock.since.toUTC().toString(Qt::ISODate) : tr("an unknown time");
    if (lock.reason.isEmpty())
        return tr("%1 since %2").arg(lock.holder, since);
    return tr("%1 since %2 (%3)").arg(lock.holder, since, lock.reason);
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

} // namespace capstan
