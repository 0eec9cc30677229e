#include "ArgoApplication.h"

#include "net/ApiError.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace capstan {

namespace {

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QCoreApplication::translate("ArgoApplication", "null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("ArgoApplication", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("ArgoApplication", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("ArgoApplication", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("ArgoApplication", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("ArgoApplication", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("ArgoApplication", "missing");
}

// Reads one JSON object whose place in the document is `path`; every type error throws naming the field.
class Reader
{
public:
    Reader(QJsonObject object, QString path)
        : m_object(std::move(object))
        , m_path(std::move(path))
    {}

    QString at(const QString &key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }

    [[noreturn]] static void fail(const QString &path, const QString &expected, const QJsonValue &value)
    {
        throw ApiError(ApiError::Kind::Decode,
                       QCoreApplication::translate("ArgoApplication",
                                                   "Argo CD application JSON: %1 is not %2 (found %3)")
                           .arg(path, expected, describe(value)),
                       QCoreApplication::translate(
                           "ArgoApplication",
                           "The server does not follow the Argo CD API; check argocd.url in capstan.yaml."));
    }

    bool has(const QString &key) const
    {
        const QJsonValue value = m_object.value(key);
        return !value.isUndefined() && !value.isNull();
    }

    QString string(const QString &key, bool required = false) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(at(key), QCoreApplication::translate("ArgoApplication", "a string"), value);
            return {};
        }
        if (!value.isString())
            fail(at(key), QCoreApplication::translate("ArgoApplication", "a string"), value);
        return value.toString();
    }

    bool boolean(const QString &key) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return false;
        if (!value.isBool())
            fail(at(key), QCoreApplication::translate("ArgoApplication", "a boolean"), value);
        return value.toBool();
    }

    qint64 integer(const QString &key, qint64 fallback, bool required = false) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(at(key), QCoreApplication::translate("ArgoApplication", "a number"), value);
            return fallback;
        }
        if (!value.isDouble())
            fail(at(key), QCoreApplication::translate("ArgoApplication", "a number"), value);
        const double number = value.toDouble();
        if (number != double(qint64(number)))
            fail(at(key), QCoreApplication::translate("ArgoApplication", "an integer"), value);
        return qint64(number);
    }

    QDateTime time(const QString &key) const
    {
        const QString text = string(key);
        if (text.isEmpty())
            return {};
        QDateTime result = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!result.isValid())
            fail(at(key), QCoreApplication::translate("ArgoApplication", "an RFC 3339 time"),
                 m_object.value(key));
        return result.toUTC();
    }

    Reader object(const QString &key, bool required = false) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(at(key), QCoreApplication::translate("ArgoApplication", "an object"), value);
            return Reader({}, at(key));
        }
        if (!value.isObject())
            fail(at(key), QCoreApplication::translate("ArgoApplication", "an object"), value);
        return Reader(value.toObject(), at(key));
    }

    QList<Reader> objects(const QString &key) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray())
            fail(at(key), QCoreApplication::translate("ArgoApplication", "an array"), value);
        const QJsonArray array = value.toArray();
        QList<Reader> result;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = QStringLiteral("%1[%2]").arg(at(key)).arg(i);
            if (!array.at(i).isObject())
                fail(path, QCoreApplication::translate("ArgoApplication", "an object"), array.at(i));
            result.append(Reader(array.at(i).toObject(), path));
        }
        return result;
    }

    QMap<QString, QString> stringMap(const QString &key) const
    {
        const Reader map = object(key);
        QMap<QString, QString> result;
        for (auto it = map.m_object.begin(); it != map.m_object.end(); ++it)
            result.insert(it.key(), map.string(it.key(), true));
        return result;
    }

    const QJsonObject &json() const { return m_object; }

private:
    QJsonObject m_object;
    QString m_path;
};

ArgoApplication::HistoryEntry readHistoryEntry(const Reader &entry)
{
    ArgoApplication::HistoryEntry result;
    result.id = entry.integer(QStringLiteral("id"), 0, true);
    result.revision = entry.string(QStringLiteral("revision"));
    result.deployedAt = entry.time(QStringLiteral("deployedAt"));
    result.deployStartedAt = entry.time(QStringLiteral("deployStartedAt"));
    const Reader initiatedBy = entry.object(QStringLiteral("initiatedBy"));
    result.initiatedBy = initiatedBy.string(QStringLiteral("username"));
    result.automated = initiatedBy.boolean(QStringLiteral("automated"));
    const Reader source = entry.object(QStringLiteral("source"));
    result.sourceRepoUrl = source.string(QStringLiteral("repoURL"));
    result.sourceChart = source.string(QStringLiteral("chart"));
    result.sourceTargetRevision = source.string(QStringLiteral("targetRevision"));
    return result;
}

ArgoApplication::OperationState readOperationState(const Reader &state)
{
    ArgoApplication::OperationState result;
    result.phase = state.string(QStringLiteral("phase"), true);
    result.message = state.string(QStringLiteral("message"));
    const Reader operation = state.object(QStringLiteral("operation"));
    const Reader sync = operation.object(QStringLiteral("sync"));
    const Reader initiatedBy = operation.object(QStringLiteral("initiatedBy"));
    result.dryRun = sync.boolean(QStringLiteral("dryRun"));
    result.initiatedBy = initiatedBy.string(QStringLiteral("username"));
    result.automated = initiatedBy.boolean(QStringLiteral("automated"));
    const QString resolved = state.object(QStringLiteral("syncResult")).string(QStringLiteral("revision"));
    result.revision = resolved.isEmpty() ? sync.string(QStringLiteral("revision")) : resolved;
    result.startedAt = state.time(QStringLiteral("startedAt"));
    result.finishedAt = state.time(QStringLiteral("finishedAt"));
    result.retryCount = int(state.integer(QStringLiteral("retryCount"), 0));
    return result;
}

} // namespace

bool ArgoApplication::OperationState::isCompleted() const
{
    return phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed") ||
           phase == QLatin1String("Error");
}

ArgoApplication ArgoApplication::fromJson(const QJsonObject &object)
{
    const Reader root(object, {});
    ArgoApplication app;
    app.json = object;

    const Reader metadata = root.object(QStringLiteral("metadata"), true);
    app.name = metadata.string(QStringLiteral("name"), true);
    app.appNamespace = metadata.string(QStringLiteral("namespace"));
    app.resourceVersion = metadata.string(QStringLiteral("resourceVersion"));
    app.annotations = metadata.stringMap(QStringLiteral("annotations"));

    const Reader spec = root.object(QStringLiteral("spec"), true);
    app.project = spec.string(QStringLiteral("project"));
    const Reader source = spec.object(QStringLiteral("source"));
    app.repoUrl = source.string(QStringLiteral("repoURL"));
    app.chart = source.string(QStringLiteral("chart"));
    app.targetRevision = source.string(QStringLiteral("targetRevision"));
    const Reader syncPolicy = spec.object(QStringLiteral("syncPolicy"));
    if (syncPolicy.has(QStringLiteral("automated"))) {
        const Reader automated = syncPolicy.object(QStringLiteral("automated"));
        app.automated = automated.json();
        // Contract §2: on when present and "enabled" is absent or true.
        const QJsonValue enabled = app.automated.value(QLatin1String("enabled"));
        app.autoSyncEnabled =
            enabled.isUndefined() || enabled.isNull() || automated.boolean(QStringLiteral("enabled"));
    }
    app.revisionHistoryLimit = int(spec.integer(QStringLiteral("revisionHistoryLimit"), 10));

    const Reader status = root.object(QStringLiteral("status"));
    const Reader sync = status.object(QStringLiteral("sync"));
    app.syncStatus = sync.string(QStringLiteral("status"));
    app.syncRevision = sync.string(QStringLiteral("revision"));
    const Reader health = status.object(QStringLiteral("health"));
    app.health = health.string(QStringLiteral("status"));
    app.healthMessage = health.string(QStringLiteral("message"));
    const QList<Reader> history = status.objects(QStringLiteral("history"));
    for (const Reader &entry : history)
        app.history.append(readHistoryEntry(entry));
    const QList<Reader> conditions = status.objects(QStringLiteral("conditions"));
    for (const Reader &condition : conditions)
        app.conditions.append(
            {condition.string(QStringLiteral("type")), condition.string(QStringLiteral("message"))});
    app.reconciledAt = status.time(QStringLiteral("reconciledAt"));
    if (status.has(QStringLiteral("operationState")))
        app.operationState = readOperationState(status.object(QStringLiteral("operationState")));

    if (root.has(QStringLiteral("operation"))) {
        root.object(QStringLiteral("operation")); // type check
        app.operationRequested = true;
    }
    return app;
}

QString ArgoApplication::requestedRevision() const
{
    return json.value(QLatin1String("operation"))
        .toObject()
        .value(QLatin1String("sync"))
        .toObject()
        .value(QLatin1String("revision"))
        .toString();
}

bool ArgoApplication::operationInProgress() const
{
    if (operationRequested)
        return true;
    if (!operationState)
        return false;
    if (!operationState->finishedAt.isValid())
        return true;
    return !operationState->dryRun && (!reconciledAt.isValid() || reconciledAt < operationState->finishedAt);
}

QString ArgoApplication::liveRevision() const
{
    return history.isEmpty() ? QString() : history.last().revision;
}

std::optional<qint64> ArgoApplication::liveHistoryId() const
{
    if (history.isEmpty())
        return std::nullopt;
    return history.last().id;
}

std::optional<ArgoApplication::HistoryEntry> ArgoApplication::historyEntry(qint64 id) const
{
    for (const HistoryEntry &entry : history) {
        if (entry.id == id)
            return entry;
    }
    return std::nullopt;
}

std::optional<ArgoApplication::HistoryEntry> ArgoApplication::defaultRollbackTarget() const
{
    if (history.size() < 2)
        return std::nullopt;
    return history.at(history.size() - 2);
}

QStringList ArgoApplication::rollbackChangesSince(const ArgoApplication &seen, qint64 targetId) const
{
    QStringList changes;
    const QString nothing = QCoreApplication::translate("ArgoApplication", "nothing");
    if (liveHistoryId() != seen.liveHistoryId() || liveRevision() != seen.liveRevision()) {
        changes.append(QCoreApplication::translate("ArgoApplication", "%1 runs now (history #%2), not %3")
                           .arg(liveRevision().isEmpty() ? nothing : liveRevision(),
                                liveHistoryId() ? QString::number(*liveHistoryId()) : QStringLiteral("-"),
                                seen.liveRevision().isEmpty() ? nothing : seen.liveRevision()));
    }
    const std::optional<HistoryEntry> target = historyEntry(targetId);
    const std::optional<HistoryEntry> seenTarget = seen.historyEntry(targetId);
    if (!target) {
        changes.append(
            QCoreApplication::translate("ArgoApplication", "history #%1 is no longer in the history")
                .arg(targetId));
    } else if (seenTarget && target->revision != seenTarget->revision) {
        changes.append(QCoreApplication::translate("ArgoApplication", "history #%1 is now %2, not %3")
                           .arg(targetId)
                           .arg(target->revision, seenTarget->revision));
    } else if (liveHistoryId() == targetId) {
        changes.append(
            QCoreApplication::translate("ArgoApplication", "history #%1 is the version running now")
                .arg(targetId));
    }
    if (changes.isEmpty()) {
        const auto same = [](const HistoryEntry &a, const HistoryEntry &b) {
            return a.id == b.id && a.revision == b.revision && a.deployedAt == b.deployedAt;
        };
        if (!std::equal(history.cbegin(), history.cend(), seen.history.cbegin(), seen.history.cend(), same))
            changes.append(QCoreApplication::translate(
                               "ArgoApplication", "the history has other deployments (%1 now, %2 before)")
                               .arg(history.size())
                               .arg(seen.history.size()));
    }
    if (targetRevision != seen.targetRevision)
        changes.append(QCoreApplication::translate("ArgoApplication", "the target revision is %1 now, not %2")
                           .arg(targetRevision, seen.targetRevision));
    if (autoSyncEnabled != seen.autoSyncEnabled)
        changes.append(autoSyncEnabled
                           ? QCoreApplication::translate("ArgoApplication", "auto-sync was switched on")
                           : QCoreApplication::translate("ArgoApplication", "auto-sync was switched off"));
    return changes;
}

std::optional<ArgoApplication::AutoSyncSuspension> ArgoApplication::autoSyncSuspension() const
{
    if (!annotations.contains(SuspendedByAnnotation) && !annotations.contains(SuspendedAtAnnotation))
        return std::nullopt;
    AutoSyncSuspension suspension;
    suspension.by = annotations.value(SuspendedByAnnotation);
    suspension.at =
        QDateTime::fromString(annotations.value(SuspendedAtAnnotation), Qt::ISODateWithMs).toUTC();
    suspension.reason = annotations.value(SuspendedReasonAnnotation);
    suspension.previousAutomated =
        QJsonDocument::fromJson(annotations.value(SuspendedPolicyAnnotation).toUtf8()).object();
    return suspension;
}

bool ArgoApplication::DeployLock::isStale(const QDateTime &now, qint64 limitMs) const
{
    const QDateTime last = lastSign();
    return !last.isValid() || last.msecsTo(now) > limitMs;
}

std::optional<ArgoApplication::DeployLock> ArgoApplication::deployLock() const
{
    if (!annotations.contains(LockHolderAnnotation))
        return std::nullopt;
    DeployLock lock;
    lock.holder = annotations.value(LockHolderAnnotation);
    lock.reason = annotations.value(LockReasonAnnotation);
    lock.since = QDateTime::fromString(annotations.value(LockSinceAnnotation), Qt::ISODateWithMs).toUTC();
    lock.heartbeat =
        QDateTime::fromString(annotations.value(LockHeartbeatAnnotation), Qt::ISODateWithMs).toUTC();
    lock.deploy = annotations.value(LockDeployAnnotation);
    return lock;
}

} // namespace capstan
