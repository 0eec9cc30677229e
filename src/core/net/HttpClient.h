#pragma once

#include "ApiError.h"
#include "HttpRequest.h"
#include "HttpResponse.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonDocument>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace capstan {

// Why: one HTTP layer for every service: base URL, auth, timeouts, retries with jittered backoff for
// idempotent requests (bounded in attempts and in time, honouring Retry-After), JSON decoding and one error
// type.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    struct Auth
    {
        enum class Scheme { None, Basic, Bearer };
        Scheme scheme = Scheme::None;
        QString user;
        QString secret;
    };

    struct Options
    {
        int timeoutMs = 30000; // no bytes for this long aborts the attempt
        // Idempotent requests (HttpRequest::isIdempotent) are retried after a connection error, a timeout,
        // a cut-short answer, 429, 500, 502, 503 or 504; others never are.
        // A server that accepted the connection and then sent nothing for timeoutMs rarely answers the next
        // try either: an attempt that timed out is retried at most this many times, so a stalled server
        // costs at most (1 + timeoutRetries) timeouts plus one backoff, within maxRetryMs.
        int timeoutRetries = 1;
        int maxAttempts = 6;     // first try plus retries
        int backoffMs = 200;     // delay before the first retry, doubled for each further one; jittered
        int maxBackoffMs = 5000; // cap of one backoff delay
        int maxRetryMs = 20000;  // no retry starts later than this after the first try; Retry-After (seconds
                                 // or HTTP date) is honoured up to what is left of it
        QString serviceName;     // "ChartMuseum": used in messages
        QString credentialName;  // "chartmuseum": used in the hint on 401/403
        QString timeoutKey;      // "chartmuseum.timeout": the setting a timeout's hint names
    };

    HttpClient(QNetworkAccessManager *network, const QUrl &baseUrl, Options options,
               QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    const Options &options() const { return m_options; }
    void setAuth(const Auth &auth) { m_auth = auth; }
    bool hasAuth() const { return m_auth.scheme != Auth::Scheme::None; }
    const Auth &auth() const { return m_auth; }

    // baseUrl's path joined with `path` (which starts with '/'); an absolute URL is returned as is.
    QUrl resolve(const QString &path, const QUrlQuery &query = {}) const;

    // Completes with the response on success (2xx, or request.expectedStatus), otherwise fails with
    // ApiError. Progress is reported in bytes sent for a request with a body, otherwise in bytes received.
    QFuture<HttpResponse> send(const HttpRequest &request);
    QFuture<QJsonDocument> getJson(const QString &path, const QUrlQuery &query = {});
    // A GET for reading a long-lived response as it arrives (watch streams): base URL, auth and
    // request.headers applied, no timeout and no retry. The caller owns the reply.
    QNetworkReply *openStream(const HttpRequest &request);

    // Parses a JSON body; a non-JSON body fails with ApiError::Kind::Decode naming the URL.
    static QJsonDocument parseJson(const HttpResponse &response, const QString &serviceName);
    // The server's own words from an error body: {"error": ...}, {"message": ...} or short plain text.
    static QString serverMessageFrom(const QByteArray &body);
    // A Retry-After value in milliseconds from `now`: delta-seconds or an HTTP date (a past date is 0);
    // nullopt when absent or unreadable.
    static std::optional<qint64> retryAfterMs(QByteArrayView value, const QDateTime &now);

private:
    struct Call;
    void start(const std::shared_ptr<Call> &call);
    void finish(const std::shared_ptr<Call> &call, QNetworkReply *reply, bool timedOut);
    // Schedules the next attempt when attempts and time are left; false when the call must fail now.
    bool retryLater(const std::shared_ptr<Call> &call, std::optional<qint64> retryAfterMs);
    void noteAttempts(ApiError &error, const Call &call) const;
    ApiError errorFor(const HttpRequest &request, const QUrl &url, int status, const QByteArray &body) const;

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    Options m_options;
    Auth m_auth;
};

} // namespace capstan
