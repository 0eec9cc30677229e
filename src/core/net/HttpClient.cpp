#include "HttpClient.h"

#include "chart/HugePageBuffer.h"

#include "credentials/CredentialStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QPromise>
#include <QRandomGenerator>
#include <QTimer>

namespace capstan {

struct HttpClient::Call
{
    HttpRequest request;
    QUrl url;
    QPromise<HttpResponse> promise;
    int attempt = 0;
    QElapsedTimer clock;    // since the first attempt: the retry budget
    bool outOfTime = false; // the last retry was refused for lack of time
    QPointer<QNetworkReply> reply;
    QTimer *watchdog = nullptr;
    bool timedOut = false;
    int timeouts = 0; // attempts that timed out
    QByteArray body;  // of the current attempt, taken from the reply as it arrives

    // Moves what the reply holds into `body`: the reply's own buffer stays small, and a body whose
    // length the server announced is written into one allocation of that size.
    void drain(QNetworkReply *from)
    {
        const qint64 available = from->bytesAvailable();
        if (available <= 0)
            return;
        if (body.isEmpty()) {
            const qint64 announced = from->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            body.reserve(qsizetype(std::clamp<qint64>(announced, available, qint64(1) << 30)));
            HugePageBuffer::advise(body.data(), body.capacity());
        }
        const qsizetype old = body.size();
        if (body.capacity() < old + available)
            body.reserve(std::max<qsizetype>(old + available, body.capacity() * 2));
        body.resize(old + available);
        const qint64 read = from->read(body.data() + old, available);
        body.resize(old + std::max<qint64>(read, 0));
    }

    // A call dropped unfinished (its reply deleted with the network manager) must still fail: in Qt 6.4 an
    // onFailed() continuation on a future cancelled without an exception reads a missing result and crashes.
    ~Call()
    {
        if (promise.future().isFinished())
            return;
        promise.setException(
            ApiError(ApiError::Kind::Network,
                     QCoreApplication::translate("HttpClient", "The request to %1 was abandoned")
                         .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery))));
        promise.finish();
    }
};

HttpClient::HttpClient(QNetworkAccessManager *network, const QUrl &baseUrl, Options options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(baseUrl)
    , m_options(std::move(options))
{
    if (m_options.serviceName.isEmpty())
        m_options.serviceName = baseUrl.host();
}

QUrl HttpClient::resolve(const QString &path, const QUrlQuery &query) const
{
    QUrl url;
    if (path.startsWith(QLatin1StringView("http://")) || path.startsWith(QLatin1StringView("https://"))) {
        url = QUrl(path);
    } else {
        url = m_baseUrl;
        QString base = url.path();
        while (base.endsWith(u'/'))
            base.chop(1);
        url.setPath(base + (path.startsWith(u'/') ? path : u'/' + path), QUrl::TolerantMode);
    }
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QFuture<HttpResponse> HttpClient::send(const HttpRequest &request)
{
    auto call = std::make_shared<Call>();
    call->request = request;
    call->url = resolve(request.path, request.query);
    call->clock.start();
    call->promise.start();
    QFuture<HttpResponse> future = call->promise.future();
    start(call);
    return future;
}

QFuture<QJsonDocument> HttpClient::getJson(const QString &path, const QUrlQuery &query)
{
    HttpRequest request;
    request.path = path;
    request.query = query;
    const QString service = m_options.serviceName;
    return send(request).then(
        [service](const HttpResponse &response) { return parseJson(response, service); });
}

void HttpClient::start(const std::shared_ptr<Call> &call)
{
    if (call->promise.isCanceled()) {
        call->promise.finish();
        return;
    }
    ++call->attempt;
    call->timedOut = false;

    QNetworkRequest request(call->url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("capstan/") + QByteArrayLiteral(CAPSTAN_VERSION));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json, */*;q=0.5"));
    for (const auto &[name, value] : call->request.headers)
        request.setRawHeader(name, value);
    if (!call->request.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, call->request.contentType);
    switch (m_auth.scheme) {
    case Auth::Scheme::None:
        break;
    case Auth::Scheme::Basic:
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Basic ") +
                                 (m_auth.user + u':' + m_auth.secret).toUtf8().toBase64());
        break;
    case Auth::Scheme::Bearer:
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + m_auth.secret.toUtf8());
        break;
    }

    QNetworkReply *reply =
        call->request.method == "GET"
            ? m_network->get(request)
            : m_network->sendCustomRequest(request, call->request.method, call->request.body);
    call->reply = reply;
    call->body.clear();
    connect(reply, &QIODevice::readyRead, reply, [call, reply] { call->drain(reply); });

    auto *watchdog = new QTimer(reply);
    watchdog->setSingleShot(true);
    watchdog->setInterval(m_options.timeoutMs);
    call->watchdog = watchdog;
    connect(watchdog, &QTimer::timeout, reply, [call] {
        call->timedOut = true;
        if (call->reply)
            call->reply->abort();
    });
    watchdog->start();

    auto keepAlive = [call] {
        if (call->promise.isCanceled()) {
            if (call->reply)
                call->reply->abort();
            return;
        }
        call->watchdog->start();
    };
    // A request with a body reports the bytes sent as its progress; any other the bytes received.
    const bool reportsUpload = !call->request.body.isEmpty();
    connect(reply, &QNetworkReply::uploadProgress, reply,
            [call, keepAlive, reportsUpload](qint64 sent, qint64 total) {
                keepAlive();
                if (!reportsUpload)
                    return;
                const int cap = std::numeric_limits<int>::max();
                call->promise.setProgressRange(0, total > 0 ? int(std::min<qint64>(total, cap)) : 0);
                call->promise.setProgressValue(int(std::min<qint64>(sent, cap)));
            });
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [call, keepAlive, reportsUpload](qint64 received, qint64 total) {
                keepAlive();
                if (reportsUpload)
                    return;
                const int cap = std::numeric_limits<int>::max();
                call->promise.setProgressRange(0, total > 0 ? int(std::min<qint64>(total, cap)) : 0);
                call->promise.setProgressValue(int(std::min<qint64>(received, cap)));
            });
    connect(reply, &QNetworkReply::finished, this,
            [this, call, reply] { finish(call, reply, call->timedOut); });
}

bool HttpClient::retryLater(const std::shared_ptr<Call> &call, std::optional<qint64> retryAfterMs)
{
    if (call->attempt >= m_options.maxAttempts)
        return false;
    const qint64 remaining = qint64(m_options.maxRetryMs) - call->clock.elapsed();
    if (remaining <= 0) {
        call->outOfTime = true;
        return false;
    }
    qint64 delay = 0;
    if (retryAfterMs) {
        delay = *retryAfterMs;
    } else {
        // Exponential, with "equal jitter": half the delay fixed, half random, so clients that failed
        // together do not come back together.
        const qint64 base = std::min<qint64>(qint64(m_options.maxBackoffMs),
                                             qint64(m_options.backoffMs) << std::min(call->attempt - 1, 20));
        const qint64 half = std::max<qint64>(0, base / 2);
        delay = half + QRandomGenerator::global()->bounded(half + 1);
    }
    delay = std::clamp<qint64>(delay, 0, remaining);
    QTimer::singleShot(std::chrono::milliseconds(delay), this, [this, call] { start(call); });
    return true;
}

void HttpClient::noteAttempts(ApiError &error, const Call &call) const
{
    if (call.attempt <= 1 && !call.outOfTime)
        return;
    QString note = tr("Tried %n time(s).", nullptr, call.attempt);
    if (call.outOfTime)
        note += u' ' + tr("Stopped retrying after %1 s.").arg(call.clock.elapsed() / 1000.0, 0, 'f', 1);
    error.setHint(error.hint().isEmpty() ? note : error.hint() + u' ' + note);
}

void HttpClient::finish(const std::shared_ptr<Call> &call, QNetworkReply *reply, bool timedOut)
{
    reply->deleteLater();
    if (call->promise.isCanceled()) {
        call->promise.finish();
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    const bool idempotent = call->request.isIdempotent();
    const QString target = call->url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);

    // Transport failure: no status, or the body was cut short.
    const bool transportFailed =
        timedOut || (networkError != QNetworkReply::NoError &&
                     (status == 0 || networkError < QNetworkReply::ContentAccessDenied));
    if (transportFailed) {
        if (timedOut)
            ++call->timeouts;
        const bool mayRetry = !timedOut || call->timeouts <= m_options.timeoutRetries;
        if (idempotent && mayRetry && retryLater(call, std::nullopt))
            return;
        ApiError error;
        if (timedOut) {
            error = ApiError(ApiError::Kind::Timeout,
                             tr("%1 sent nothing for %2 s: %3")
                                 .arg(m_options.serviceName)
                                 .arg(m_options.timeoutMs / 1000.0)
                                 .arg(target),
                             m_options.timeoutKey.isEmpty()
                                 ? tr("Check that the server is up.")
                                 : tr("Check that the server is up, or raise %1 in capstan.yaml (seconds).")
                                       .arg(m_options.timeoutKey));
        } else if (status != 0) {
            error = ApiError(ApiError::Kind::Integrity,
                             tr("The answer from %1 was cut short (%2)").arg(target, reply->errorString()),
                             tr("The connection dropped mid-transfer; try again."));
        } else {
            error = ApiError(
                ApiError::Kind::Network,
                tr("Cannot reach %1 at %2: %3").arg(m_options.serviceName, target, reply->errorString()),
                tr("Check the server URL in capstan.yaml and that the server is running."));
        }
        noteAttempts(error, *call);
        error.setUrl(call->url);
        call->promise.setException(error);
        call->promise.finish();
        return;
    }

    call->drain(reply);
    const QByteArray body = std::exchange(call->body, QByteArray());
    // 429 means "not now"; with acceptAnyStatus the caller reads the rate-limit headers itself.
    const bool retryableStatus = status == 500 || status == 502 || status == 503 || status == 504 ||
                                 (status == 429 && !call->request.acceptAnyStatus);
    if (retryableStatus && idempotent && !(call->request.isFinal && call->request.isFinal(status, body))) {
        const std::optional<qint64> retryAfter =
            retryAfterMs(reply->rawHeader(QByteArrayLiteral("Retry-After")), QDateTime::currentDateTimeUtc());
        if (retryLater(call, retryAfter))
            return;
    }

    const bool success = call->request.acceptAnyStatus ||
                         (call->request.expectedStatus != 0 ? status == call->request.expectedStatus
                                                            : (status >= 200 && status < 300));
    if (!success) {
        ApiError error = errorFor(call->request, call->url, status, body);
        if (retryableStatus)
            noteAttempts(error, *call);
        call->promise.setException(error);
        call->promise.finish();
        return;
    }

    HttpResponse response;
    response.status = status;
    response.url = call->url;
    response.body = body;
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &pair : pairs)
        response.headers.append({pair.first, pair.second});
    call->promise.addResult(std::move(response));
    call->promise.finish();
}

ApiError HttpClient::errorFor(const HttpRequest &, const QUrl &url, int status, const QByteArray &body) const
{
    QString hint;
    if (status == 401) {
        hint = m_options.credentialName.isEmpty()
                   ? tr("Check the credentials.")
                   : tr("Check the %1 credentials: run `capstan --cli credentials set %2`, or set %3.")
                         .arg(m_options.serviceName, m_options.credentialName,
                              CredentialStore::environmentVariable(m_options.credentialName));
    } else if (status == 403) {
        hint = tr("The credentials were accepted but lack permission for this operation.");
    } else if (status == 429) {
        hint = tr("%1 is limiting the request rate; try again in a moment.").arg(m_options.serviceName);
    } else if (status >= 500) {
        hint = tr("%1 failed on its side.").arg(m_options.serviceName);
    }
    ApiError error = ApiError::http(status, url, serverMessageFrom(body), hint);
    return error;
}

QJsonDocument HttpClient::parseJson(const HttpResponse &response, const QString &serviceName)
{
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw notJsonError(response, serviceName,
                           QCoreApplication::translate("HttpClient", "%1 at byte %2")
                               .arg(parseError.errorString())
                               .arg(parseError.offset));
    return document;
}

ApiError HttpClient::notJsonError(const HttpResponse &response, const QString &serviceName,
                                  const QString &where)
{
    const QString excerpt = QString::fromUtf8(response.body.left(60)).simplified();
    ApiError error(
        ApiError::Kind::Decode,
        QCoreApplication::translate("HttpClient", "%1 sent an answer that is not JSON (%2): \"%3\"")
            .arg(serviceName, where, excerpt),
        QCoreApplication::translate("HttpClient",
                                    "Check that the URL points at the %1 API and not at a web page "
                                    "or proxy.")
            .arg(serviceName));
    error.setUrl(response.url);
    return error;
}

QString HttpClient::serverMessageFrom(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonObject object = document.object();
        for (const auto key : {QLatin1StringView("error"), QLatin1StringView("message")}) {
            const QJsonValue value = object.value(key);
            if (value.isString())
                return value.toString();
        }
        return {};
    }
    const QString text = QString::fromUtf8(body).trimmed();
    if (text.isEmpty() || text.startsWith(u'<'))
        return {};
    return text.size() > 200 ? text.left(200) + QStringLiteral("…") : text;
}

std::optional<qint64> HttpClient::retryAfterMs(QByteArrayView value, const QDateTime &now)
{
    const QString text = QString::fromLatin1(value.trimmed());
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional<qint64>(seconds * 1000) : std::nullopt;
    // RFC 9110 §5.6.7: IMF-fixdate, always in GMT, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    const QDateTime parsed = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!parsed.isValid())
        return std::nullopt;
    const QDateTime at(parsed.date(), parsed.time(), Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(at));
}

QNetworkReply *HttpClient::openStream(const HttpRequest &request)
{
    QNetworkRequest networkRequest(resolve(request.path, request.query));
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::NoLessSafeRedirectPolicy);
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader,
                             QByteArrayLiteral("capstan/") + QByteArrayLiteral(CAPSTAN_VERSION));
    networkRequest.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    if (m_auth.scheme == Auth::Scheme::Basic)
        networkRequest.setRawHeader(QByteArrayLiteral("Authorization"),
                                    QByteArrayLiteral("Basic ") +
                                        (m_auth.user + u':' + m_auth.secret).toUtf8().toBase64());
    else if (m_auth.scheme == Auth::Scheme::Bearer)
        networkRequest.setRawHeader(QByteArrayLiteral("Authorization"),
                                    QByteArrayLiteral("Bearer ") + m_auth.secret.toUtf8());
    return m_network->get(networkRequest);
}

} // namespace capstan
