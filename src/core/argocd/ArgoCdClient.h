#pragma once

#include "ArgoApplication.h"
#include "net/ApiError.h"
#include "net/HttpRequest.h"
#include "net/HttpResponse.h"

#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

namespace capstan {

class ArgoCdWatcher;
class HttpClient;

// Why: a typed map of Argo CD's application API (see the Argo CD contract) over the shared HTTP layer,
// for one configured application.
class ArgoCdClient : public QObject
{
    Q_OBJECT
public:
    enum class Refresh { None, Normal, Hard };

    struct SyncOptions
    {
        QString revision; // empty: spec.source.targetRevision
        bool prune = false;
        bool dryRun = false;
        bool force =
            false; // strategy hook.force: re-apply even unchanged resources (argocd app sync --force)
    };

    ArgoCdClient(HttpClient *http, const QString &application, QObject *parent = nullptr);

    HttpClient *http() const { return m_http; }
    QString application() const { return m_application; }

    // POST /api/v1/session: the session token for `username`. 401 becomes Kind::Http with the server's
    // words ("Invalid username or password"); the password never appears in an error.
    static QFuture<QString> login(HttpClient *http, const QString &username, const QString &password);

    // A 403 for the app is reported as "Application \"<name>\" does not exist or you are not permitted to
    // read it" (contract §1); a 401 carries loginHint().
    QFuture<ArgoApplication> get(Refresh refresh = Refresh::None);
    QFuture<QList<ArgoApplication>> list();
    // Sync and rollback start an operation, so they are not simply resent. Both read the application first;
    // when the answer to the request is lost (connection dropped, timeout, 5xx) or Argo CD says an operation
    // is in progress, they read it again: an operation for the same revision that started since the first
    // read is followed (its state returned); otherwise a lost request is sent again, MaxOperationSends times
    // in all.
    static constexpr int MaxOperationSends = 5;

    // 400 "another operation is already in progress" becomes Kind::Conflict (unless that operation is one
    // for this sync's revision that started since the sync began).
    QFuture<ArgoApplication> sync(const SyncOptions &options);
    // 400/9 "rollback cannot be initiated when auto-sync is enabled" and "another operation ..." become
    // Kind::Conflict; 400/3 "does not have deployment with id" becomes Kind::NotFound.
    QFuture<ArgoApplication> rollback(qint64 historyId, bool prune = false, bool dryRun = false);
    // 400 "No operation is in progress" becomes Kind::Usage.
    QFuture<void> terminateOperation();
    // PATCH with patchType "merge" (RFC 7386); `patch` is sent as a JSON string as the contract requires.
    // A merge patch sets values, so applying it twice equals applying it once: it is retried like a GET.
    QFuture<ArgoApplication> mergePatch(const QJsonObject &patch);
    // PATCH with patchType "json" (RFC 6902), `operations` sent as a JSON string. A failed "test" operation
    // (500 "error applying patch: testing value ... failed") becomes Kind::Conflict and is not retried. A
    // patch whose first operation tests /metadata/resourceVersion applies at most once, so it is retried
    // like a GET; a retry of one that did apply fails its test (the caller reads again and sees its change).
    QFuture<ArgoApplication> jsonPatch(const QJsonArray &operations);

    // PUT of the whole application (contract N7): last writer wins and the body's resourceVersion is
    // ignored, so read right before and read back after. validate=false skips only manifest generation.
    QFuture<ArgoApplication> update(const QJsonObject &application, bool validate);
    // Argo CD refused a change because it cannot render the application's source (InvalidSpecError).
    static bool isInvalidSpec(const ApiError &error);

    // Turns automated sync off, recording who, when and why in annotations (and the policy to restore).
    QFuture<ArgoApplication> suspendAutoSync(const QString &by, const QString &reason);
    // Restores the recorded policy (or {} = enabled) and removes the suspension annotations.
    QFuture<ArgoApplication> resumeAutoSync();
    // Points spec.source.targetRevision at `revision` (validated by the server: a missing chart version
    // is a 400).
    QFuture<ArgoApplication> setTargetRevision(const QString &revision);

    // Watches this application: stream with reconnect, polling when the stream is unavailable.
    ArgoCdWatcher *watch(QObject *parent = nullptr);

    // The hint given with every 401: how to log in again.
    static QString loginHint();

private:
    // Sends a sync or rollback request; see MaxOperationSends. `revision` empty: an operation for any
    // revision counts.
    QFuture<ArgoApplication> startOperation(const HttpRequest &request, const QString &action,
                                            const ArgoApplication &before, const QString &revision, int sent);
    QString appPath(const QString &rest = {}) const;
    static ApiError mapError(const ApiError &error, const QString &application, const QString &action);
    static ArgoApplication parseApplication(const HttpResponse &response);
    static QJsonDocument parseJson(const HttpResponse &response);

    HttpClient *m_http;
    QString m_application;
};

} // namespace capstan
