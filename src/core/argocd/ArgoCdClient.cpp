#include "ArgoCdClient.h"

#include "ArgoCdWatcher.h"
#include "chart/SemVer.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QTimer>

#include <memory>

namespace capstan {

namespace {

constexpr QByteArrayView JsonType = "application/json";

HttpRequest jsonRequest(const QByteArray &method, const QString &path, const QJsonObject &body = {})
{
    HttpRequest request;
    request.method = method;
    request.path = path;
    // Contract §0: every non-GET carries exactly this Content-Type (no charset), DELETE included.
    request.contentType = JsonType.toByteArray();
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

// Runs `request` and turns the answer into T with `parse`; failures go through `map`.
// The continuations run where HttpClient finishes the request and capture nothing that may die first
// (Qt 6.4 asserts when a continuation's context object is gone).
template <typename T, typename Parse, typename Map>
QFuture<T> call(HttpClient *http, const HttpRequest &request, Parse parse, Map map)
{
    return http->send(request)
        .then([parse](const HttpResponse &response) -> T { return parse(response); })
        .onFailed([map](const ApiError &error) -> T { throw map(error); });
}

const QLatin1StringView OperationInProgress("another operation is already in progress");
const QLatin1StringView PatchTestFailed("testing value");

bool operationInProgressError(const ApiError &error)
{
    return error.kind() == ApiError::Kind::Http && error.status() == 400 &&
           error.serverMessage().contains(OperationInProgress);
}

// Whether `after` shows an operation for `revision` (empty: any) that `before` did not: newly requested,
// picked up or finished since, or a new history entry.
bool operationStartedSince(const ArgoApplication &before, const ArgoApplication &after,
                           const QString &revision)
{
    const auto matches = [&revision](const QString &candidate) {
        return revision.isEmpty() || candidate == revision;
    };
    if (after.operationRequested && !before.operationRequested)
        return matches(after.requestedRevision());
    if (after.operationState) {
        const ArgoApplication::OperationState &now = *after.operationState;
        const bool known = before.operationState && before.operationState->startedAt == now.startedAt &&
                           before.operationState->finishedAt == now.finishedAt;
        if (!known && matches(now.revision))
            return true;
    }
    const qint64 lastBefore = before.history.isEmpty() ? -1 : before.history.constLast().id;
    return !after.history.isEmpty() && after.history.constLast().id > lastBefore &&
           matches(after.history.constLast().revision);
}

QFuture<void> delay(QObject *context, int ms)
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QTimer::singleShot(ms, context, [promise] { promise->finish(); });
    return promise->future();
}

} // namespace

ArgoCdClient::ArgoCdClient(HttpClient *http, const QString &application, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_application(application)
{}

QString ArgoCdClient::appPath(const QString &rest) const
{
    return QStringLiteral("/api/v1/applications/") +
           QString::fromUtf8(QUrl::toPercentEncoding(m_application)) + rest;
}

QString ArgoCdClient::loginHint()
{
    return tr(
        "The Argo CD session token was rejected or has expired. Log in again: store a fresh token with "
        "`capstan --cli credentials set argocd` (or set CAPSTAN_ARGOCD_TOKEN), or set argocd.username in "
        "capstan.yaml, store the password with `capstan --cli credentials set argocd-password` and "
        "delete the stale token (`capstan --cli credentials delete argocd`) so Capstan logs in by itself.");
}

ApiError ArgoCdClient::mapError(const ApiError &error, const QString &application, const QString &action)
{
    if (error.kind() != ApiError::Kind::Http)
        return error;
    const QString server = error.serverMessage();
    auto translated = [&](ApiError::Kind kind, const QString &message, const QString &hint) {
        ApiError result(kind, message, hint);
        result.setServerMessage(server);
        result.setUrl(error.url());
        return result;
    };
    switch (error.status()) {
    case 401: {
        ApiError result = error;
        result.setHint(loginHint());
        return result;
    }
    case 403: {
        // Contract §1: without a project, a missing and a forbidden application both give 403.
        ApiError result = error;
        result.prependContext(tr("Application \"%1\" does not exist or you are not permitted to %2 it")
                                  .arg(application, action));
        result.setHint(tr("Check argocd.app in capstan.yaml and the Argo CD RBAC of the account."));
        return result;
    }
    case 400: {
        const QString cannot = tr("Cannot %1 application \"%2\"").arg(action, application);
        if (server.contains(QLatin1StringView("another operation is already in progress")))
            return translated(ApiError::Kind::Conflict, cannot,
                              tr("Wait for the running operation to finish, or terminate it."));
        if (server.contains(QLatin1StringView("rollback cannot be initiated when auto-sync is enabled")))
            return translated(ApiError::Kind::Conflict, cannot,
                              tr("Suspend auto-sync first, then roll back."));
        if (server.contains(QLatin1StringView("auto-sync currently set to")))
            return translated(ApiError::Kind::Conflict, cannot,
                              tr("Suspend auto-sync or change the target revision instead."));
        if (server.contains(QLatin1StringView("does not have deployment with id")))
            return translated(ApiError::Kind::NotFound, cannot,
                              tr("Pick an id from the application's deployment history."));
        if (server.contains(QLatin1StringView("No operation is in progress")))
            return translated(ApiError::Kind::NotFound, tr("No operation is running on %1").arg(application),
                              tr("`capstan --cli status` shows the application's state and its last "
                                 "operation."));
        break;
    }
    default:
        break;
    }
    return error;
}

QJsonDocument ArgoCdClient::parseJson(const HttpResponse &response)
{
    try {
        return HttpClient::parseJson(response, QStringLiteral("Argo CD"));
    } catch (ApiError &error) {
        error.prependContext(response.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
        throw;
    }
}

ArgoApplication ArgoCdClient::parseApplication(const HttpResponse &response)
{
    const QJsonDocument document = parseJson(response);
    const QString where = response.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    if (!document.isObject())
        throw ApiError(ApiError::Kind::Decode, tr("Argo CD sent no application object from %1").arg(where));
    try {
        return ArgoApplication::fromJson(document.object());
    } catch (ApiError &error) {
        error.setUrl(response.url);
        error.prependContext(where);
        throw;
    }
}

QFuture<QString> ArgoCdClient::login(HttpClient *http, const QString &username, const QString &password)
{
    QJsonObject body{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    HttpRequest request = jsonRequest("POST", QStringLiteral("/api/v1/session"), body);
    return call<QString>(
        http, request,
        [](const HttpResponse &response) {
            const QJsonDocument document = parseJson(response);
            const QJsonValue token = document.object().value(QLatin1StringView("token"));
            if (!token.isString() || token.toString().isEmpty()) {
                ApiError error(ApiError::Kind::Decode,
                               tr("Argo CD answered the login without a \"token\" (%1)")
                                   .arg(response.url.toDisplayString(QUrl::RemoveUserInfo)));
                error.setUrl(response.url);
                throw error;
            }
            return token.toString();
        },
        [username](const ApiError &error) {
            ApiError result = error;
            result.prependContext(tr("Argo CD login as \"%1\" failed").arg(username));
            if (error.status() == 401)
                result.setHint(
                    tr("Check argocd.username in capstan.yaml and the password stored with `capstan "
                       "--cli credentials set argocd-password` (or CAPSTAN_ARGOCD_PASSWORD)."));
            return result;
        });
}

QFuture<ArgoApplication> ArgoCdClient::get(Refresh refresh)
{
    HttpRequest request;
    request.path = appPath();
    if (refresh != Refresh::None)
        request.query.addQueryItem(QStringLiteral("refresh"), refresh == Refresh::Hard
                                                                  ? QStringLiteral("hard")
                                                                  : QStringLiteral("normal"));
    return call<ArgoApplication>(
        m_http, request, &ArgoCdClient::parseApplication,
        [app = m_application](const ApiError &e) { return mapError(e, app, tr("read")); });
}

QFuture<QList<ArgoApplication>> ArgoCdClient::list()
{
    HttpRequest request;
    request.path = QStringLiteral("/api/v1/applications");
    return call<QList<ArgoApplication>>(
        m_http, request,
        [](const HttpResponse &response) {
            const QJsonDocument document = parseJson(response);
            const QString where = response.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
            const QJsonValue items = document.object().value(QLatin1StringView("items"));
            if (!document.isObject() || !(items.isArray() || items.isNull() || items.isUndefined()))
                throw ApiError(ApiError::Kind::Decode,
                               tr("%1: items is not an array of applications").arg(where));
            QList<ArgoApplication> result;
            const QJsonArray array = items.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (!array.at(i).isObject())
                    throw ApiError(ApiError::Kind::Decode,
                                   tr("%1: items[%2] is not an object").arg(where).arg(i));
                try {
                    result.append(ArgoApplication::fromJson(array.at(i).toObject()));
                } catch (ApiError &error) {
                    error.prependContext(tr("%1: items[%2]").arg(where).arg(i));
                    throw;
                }
            }
            return result;
        },
        [](const ApiError &e) { return e; });
}

QFuture<ArgoApplication> ArgoCdClient::sync(const SyncOptions &options)
{
    QJsonObject body;
    if (!options.revision.isEmpty())
        body.insert(QStringLiteral("revision"), options.revision);
    body.insert(QStringLiteral("prune"), options.prune);
    body.insert(QStringLiteral("dryRun"), options.dryRun);
    // The argocd CLI's default strategy (contract §6).
    QJsonObject hook;
    if (options.force)
        hook.insert(QStringLiteral("force"), true);
    body.insert(QStringLiteral("strategy"), QJsonObject{{QStringLiteral("hook"), hook}});
    const HttpRequest request = jsonRequest("POST", appPath(QStringLiteral("/sync")), body);
    const QString revision = options.revision;
    return get()
        .then(this,
              [this, request, revision](const ArgoApplication &before) {
                  // Without a revision the sync deploys the target; an exact version names what to look for.
                  QString expected = revision;
                  if (expected.isEmpty() && SemVer::parse(before.targetRevision))
                      expected = before.targetRevision;
                  return startOperation(request, tr("sync"), before, expected, 1);
              })
        .unwrap();
}

QFuture<ArgoApplication> ArgoCdClient::rollback(qint64 historyId, bool prune, bool dryRun)
{
    // `id` is a required int64 sent as a JSON number; 0 is a valid id (contract §3.4).
    QJsonObject body{{QStringLiteral("id"), double(historyId)},
                     {QStringLiteral("prune"), prune},
                     {QStringLiteral("dryRun"), dryRun}};
    const HttpRequest request = jsonRequest("POST", appPath(QStringLiteral("/rollback")), body);
    return get()
        .then(this,
              [this, request, historyId](const ArgoApplication &before) {
                  const std::optional<ArgoApplication::HistoryEntry> entry = before.historyEntry(historyId);
                  if (!entry) {
                      // Argo CD refuses it (contract §3.4); nothing can start, so nothing is resent.
                      return call<ArgoApplication>(m_http, request, &ArgoCdClient::parseApplication,
                                                   [app = m_application](const ApiError &e) {
                                                       return mapError(e, app, tr("roll back"));
                                                   });
                  }
                  return startOperation(request, tr("roll back"), before, entry->revision, 1);
              })
        .unwrap();
}

QFuture<ArgoApplication> ArgoCdClient::startOperation(const HttpRequest &request, const QString &action,
                                                      const ArgoApplication &before, const QString &revision,
                                                      int sent)
{
    const QString application = m_application;
    return m_http->send(request)
        .then(this,
              [this, request, action, before, revision, sent,
               application](QFuture<HttpResponse> done) -> QFuture<ArgoApplication> {
                  std::optional<ApiError> failure;
                  try {
                      return QtFuture::makeReadyFuture(parseApplication(done.result()));
                  } catch (const ApiError &error) {
                      failure = error;
                  }
                  const ApiError error = *failure;
                  const bool busy = operationInProgressError(error);
                  if (!busy && !error.answerMayBeLost())
                      throw mapError(error, application, action);
                  // Did the request start the operation before its answer went missing, or did another
                  // request (auto-sync, a resend by the transport) start the same one?
                  return get()
                      .then(this,
                            [this, request, action, before, revision, sent, application, error,
                             busy](QFuture<ArgoApplication> read) -> QFuture<ArgoApplication> {
                                ApiError failed = mapError(error, application, action);
                                if (sent > 1)
                                    failed.setHint(failed.hint() + u' ' +
                                                   tr("Tried %n time(s).", nullptr, sent));
                                std::optional<ArgoApplication> after;
                                try {
                                    after = read.result();
                                } catch (const ApiError &) {
                                    failed.setHint(failed.hint() + u' ' +
                                                   tr("Check the application: the request may have started "
                                                      "an operation."));
                                    throw failed;
                                }
                                if (operationStartedSince(before, *after, revision))
                                    return QtFuture::makeReadyFuture(*after);
                                if (busy || sent >= MaxOperationSends)
                                    throw failed;
                                const int wait = m_http->options().backoffMs << std::min(sent - 1, 6);
                                return delay(this, wait)
                                    .then(this,
                                          [this, request, action, before, revision, sent] {
                                              return startOperation(request, action, before, revision,
                                                                    sent + 1);
                                          })
                                    .unwrap();
                            })
                      .unwrap();
              })
        .unwrap();
}

QFuture<void> ArgoCdClient::terminateOperation()
{
    HttpRequest request = jsonRequest("DELETE", appPath(QStringLiteral("/operation")));
    request.body.clear();
    return call<void>(
        m_http, request, [](const HttpResponse &) {},
        [app = m_application](const ApiError &e) {
            return mapError(e, app, tr("terminate the operation of"));
        });
}

QFuture<ArgoApplication> ArgoCdClient::mergePatch(const QJsonObject &patch)
{
    QJsonObject body{
        {QStringLiteral("patch"), QString::fromUtf8(QJsonDocument(patch).toJson(QJsonDocument::Compact))},
        {QStringLiteral("patchType"), QStringLiteral("merge")}};
    HttpRequest request = jsonRequest("PATCH", appPath(), body);
    request.idempotent = true;
    return call<ArgoApplication>(
        m_http, request, &ArgoCdClient::parseApplication,
        [app = m_application](const ApiError &e) { return mapError(e, app, tr("update")); });
}

QFuture<ArgoApplication> ArgoCdClient::jsonPatch(const QJsonArray &operations)
{
    QJsonObject body{{QStringLiteral("patch"),
                      QString::fromUtf8(QJsonDocument(operations).toJson(QJsonDocument::Compact))},
                     {QStringLiteral("patchType"), QStringLiteral("json")}};
    HttpRequest request = jsonRequest("PATCH", appPath(), body);
    const QJsonObject first = operations.isEmpty() ? QJsonObject() : operations.first().toObject();
    if (first.value(QLatin1StringView("op")).toString() == QLatin1StringView("test") &&
        first.value(QLatin1StringView("path")).toString() == QLatin1StringView("/metadata/resourceVersion"))
        request.idempotent = true;
    request.isFinal = [](int status, const QByteArray &answer) {
        return status == 500 && HttpClient::serverMessageFrom(answer).contains(PatchTestFailed);
    };
    return call<ArgoApplication>(
        m_http, request, &ArgoCdClient::parseApplication, [app = m_application](const ApiError &e) {
            if (e.kind() == ApiError::Kind::Http && e.status() == 500 &&
                e.serverMessage().contains(PatchTestFailed)) {
                ApiError conflict(ApiError::Kind::Conflict,
                                  tr("Application \"%1\" changed while it was being updated").arg(app),
                                  tr("Read it again and retry."));
                conflict.setServerMessage(e.serverMessage());
                conflict.setUrl(e.url());
                return conflict;
            }
            return mapError(e, app, tr("update"));
        });
}

QFuture<ArgoApplication> ArgoCdClient::update(const QJsonObject &application, bool validate)
{
    HttpRequest request = jsonRequest("PUT", appPath(), application);
    if (!validate)
        request.query.addQueryItem(QStringLiteral("validate"), QStringLiteral("false"));
    return call<ArgoApplication>(
        m_http, request, &ArgoCdClient::parseApplication,
        [app = m_application](const ApiError &e) { return mapError(e, app, tr("update")); });
}

bool ArgoCdClient::isInvalidSpec(const ApiError &error)
{
    return error.kind() == ApiError::Kind::Http && error.status() == 400 &&
           error.serverMessage().contains(QLatin1StringView("InvalidSpecError"));
}

QFuture<ArgoApplication> ArgoCdClient::suspendAutoSync(const QString &by, const QString &reason)
{
    return get()
        .then(this,
              [this, by, reason](const ArgoApplication &app) {
                  if (!app.autoSyncEnabled)
                      throw ApiError(ApiError::Kind::Usage,
                                     tr("Auto-sync of application \"%1\" is already off").arg(m_application));
                  const QJsonObject annotations{
                      {ArgoApplication::SuspendedByAnnotation, by},
                      {ArgoApplication::SuspendedAtAnnotation,
                       QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                      {ArgoApplication::SuspendedReasonAnnotation, reason},
                      {ArgoApplication::SuspendedPolicyAnnotation,
                       QString::fromUtf8(QJsonDocument(app.automated).toJson(QJsonDocument::Compact))}};
                  const QJsonObject patch{
                      {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("annotations"), annotations}}},
                      {QStringLiteral("spec"),
                       QJsonObject{{QStringLiteral("syncPolicy"),
                                    QJsonObject{{QStringLiteral("automated"), QJsonValue::Null}}}}}};
                  return mergePatch(patch);
              })
        .unwrap();
}

QFuture<ArgoApplication> ArgoCdClient::resumeAutoSync()
{
    return get()
        .then(this,
              [this](const ArgoApplication &app) {
                  const auto suspension = app.autoSyncSuspension();
                  const QJsonObject policy = suspension ? suspension->previousAutomated : QJsonObject();
                  QJsonObject annotations;
                  for (const QString &key :
                       {ArgoApplication::SuspendedByAnnotation, ArgoApplication::SuspendedAtAnnotation,
                        ArgoApplication::SuspendedReasonAnnotation,
                        ArgoApplication::SuspendedPolicyAnnotation})
                      annotations.insert(key, QJsonValue::Null);
                  const QJsonObject patch{
                      {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("annotations"), annotations}}},
                      {QStringLiteral("spec"),
                       QJsonObject{{QStringLiteral("syncPolicy"),
                                    QJsonObject{{QStringLiteral("automated"), policy}}}}}};
                  return mergePatch(patch);
              })
        .unwrap();
}

QFuture<ArgoApplication> ArgoCdClient::setTargetRevision(const QString &revision)
{
    if (revision.trimmed().isEmpty())
        return QtFuture::makeExceptionalFuture<ArgoApplication>(
            ApiError(ApiError::Kind::Usage, tr("The target revision must not be empty")));
    const QJsonObject patch{
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("source"), QJsonObject{{QStringLiteral("targetRevision"), revision}}}}}};
    return mergePatch(patch);
}

ArgoCdWatcher *ArgoCdClient::watch(QObject *parent)
{
    return new ArgoCdWatcher(m_http, m_application, parent);
}

} // namespace capstan
