#include "ArgoCdWatcher.h"

#include "ArgoCdClient.h"
#include "net/HttpClient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace capstan {

class ArgoCdWatcher::Private
{
public:
    Private(ArgoCdWatcher *owner, HttpClient *http, const QString &application)
        : q(owner)
        , http(http)
        , client(http, application)
        , application(application)
    {
        reconnectTimer.setSingleShot(true);
        connectTimer.setSingleShot(true);
        inactivityTimer.setSingleShot(true);
        QObject::connect(&reconnectTimer, &QTimer::timeout, q, [this] { openStream(); });
        QObject::connect(&pollTimer, &QTimer::timeout, q, [this] { poll(false); });
        QObject::connect(&connectTimer, &QTimer::timeout, q, [this] { streamFailed(false); });
        QObject::connect(&inactivityTimer, &QTimer::timeout, q, [this] { poll(true); });
    }

    void openStream();
    void closeStream();
    void onReadyRead();
    void onFinished();
    void handleLine(QByteArray line);
    void handleStreamError(const QJsonObject &error);
    // The stream is gone (or never came): poll meanwhile; reconnect unless `permanent`.
    void streamFailed(bool permanent);
    void startPolling();
    void poll(bool checkingStream);
    void fatal(const ApiError &error);

    ArgoCdWatcher *q;
    HttpClient *http;
    ArgoCdClient client;
    QString application;
    int pollInterval = 5000;
    int firstReconnectDelay = 1000;
    int reconnectDelay = 1000;
    int connectTimeout = 10000;
    int inactivityTimeout = 60000;
    bool streamEnabled = true;
    bool streamUnavailable = false;
    bool running = false;
    bool pollBusy = false;
    bool gotEvent = false;
    QPointer<QNetworkReply> reply;
    QByteArray buffer;
    QTimer reconnectTimer;
    QTimer pollTimer;
    QTimer connectTimer;
    QTimer inactivityTimer;
};

void ArgoCdWatcher::Private::openStream()
{
    closeStream();
    if (!running)
        return;
    HttpRequest request;
    request.path = QStringLiteral("/api/v1/stream/applications");
    request.query.addQueryItem(QStringLiteral("name"), application);
    // Plain NDJSON, uncompressed, so every message can be read as soon as it arrives.
    request.headers.append({QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("identity")});
    gotEvent = false;
    buffer.clear();
    reply = http->openStream(request);
    QObject::connect(reply, &QNetworkReply::readyRead, q, [this] { onReadyRead(); });
    QObject::connect(reply, &QNetworkReply::finished, q, [this] { onFinished(); });
    // Headers arrive only with the first message (contract §3.5): the first event means connected.
    connectTimer.start(connectTimeout);
}

void ArgoCdWatcher::Private::closeStream()
{
    connectTimer.stop();
    inactivityTimer.stop();
    if (!reply)
        return;
    QNetworkReply *old = reply;
    reply = nullptr;
    QObject::disconnect(old, nullptr, q, nullptr);
    old->abort();
    old->deleteLater();
}

void ArgoCdWatcher::Private::onReadyRead()
{
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    buffer += reply->readAll();
    if (status == 404 || status == 501)
        return; // the endpoint is not there; decided in onFinished
    if (gotEvent)
        inactivityTimer.start(inactivityTimeout);
    qsizetype newline;
    while (reply && (newline = buffer.indexOf('\n')) >= 0) {
        const QByteArray line = buffer.left(newline);
        buffer.remove(0, newline + 1);
        handleLine(line);
    }
}

void ArgoCdWatcher::Private::onFinished()
{
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 404 && status != 501) {
        buffer += reply->readAll();
        const QList<QByteArray> lines = buffer.split('\n');
        buffer.clear();
        for (const QByteArray &line : lines) {
            if (!reply)
                return; // a fatal error closed the stream
            handleLine(line);
        }
    }
    if (!reply)
        return;
    // 404/405/501: this server has no watch stream; poll for good.
    streamFailed(status == 404 || status == 405 || status == 501);
}

void ArgoCdWatcher::Private::handleLine(QByteArray line)
{
    line = line.trimmed();
    // Tolerate SSE framing: "data: {...}", ":" keepalives, "event:"/"id:" fields, blank separators.
    if (line.isEmpty() || line.startsWith(':') || line.startsWith("event:") || line.startsWith("id:") ||
        line.startsWith("retry:"))
        return;
    if (line.startsWith("data:"))
        line = line.mid(5).trimmed();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    const QString where = http->resolve(QStringLiteral("/api/v1/stream/applications"))
                              .toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    if (!document.isObject()) {
        ApiError error(
            ApiError::Kind::Decode,
            ArgoCdWatcher::tr("Argo CD watch stream %1 sent a message that is not a JSON object: %2")
                .arg(where, QString::fromUtf8(line.left(60))));
        Q_EMIT q->errorOccurred(error);
        return;
    }
    const QJsonObject object = document.object();
    if (object.value(QLatin1StringView("error")).isObject()) {
        handleStreamError(object.value(QLatin1StringView("error")).toObject());
        return;
    }
    const QJsonObject result = object.value(QLatin1StringView("result")).toObject();
    const QString type = result.value(QLatin1StringView("type")).toString();
    if (type == QLatin1StringView("DELETED")) {
        Q_EMIT q->errorOccurred(ApiError(
            ApiError::Kind::NotFound, ArgoCdWatcher::tr("Application \"%1\" was deleted").arg(application)));
        return;
    }
    if (type != QLatin1StringView("ADDED") && type != QLatin1StringView("MODIFIED")) {
        Q_EMIT q->errorOccurred(ApiError(
            ApiError::Kind::Decode,
            ArgoCdWatcher::tr(
                "Argo CD watch stream %1 sent an event without result.type ADDED, MODIFIED or DELETED")
                .arg(where)));
        return;
    }
    ArgoApplication app;
    try {
        app = ArgoApplication::fromJson(result.value(QLatin1StringView("application")).toObject());
    } catch (ApiError &error) {
        error.prependContext(where);
        Q_EMIT q->errorOccurred(error);
        return;
    }
    if (app.name != application)
        return;
    if (!gotEvent) {
        gotEvent = true;
        connectTimer.stop();
        pollTimer.stop();
        reconnectDelay = firstReconnectDelay;
        q->setMode(Mode::Streaming);
    }
    inactivityTimer.start(inactivityTimeout);
    q->publish(app);
}

void ArgoCdWatcher::Private::handleStreamError(const QJsonObject &error)
{
    const int status = error.value(QLatin1StringView("http_code")).toInt();
    const QString message = error.value(QLatin1StringView("message")).toString();
    ApiError apiError = ApiError::http(status, http->resolve(QStringLiteral("/api/v1/stream/applications")),
                                       message, status == 401 ? ArgoCdClient::loginHint() : QString());
    apiError.prependContext(ArgoCdWatcher::tr("Watching application \"%1\"").arg(application));
    if (status == 401) {
        fatal(apiError);
        return;
    }
    Q_EMIT q->errorOccurred(apiError);
}

void ArgoCdWatcher::Private::fatal(const ApiError &error)
{
    running = false;
    closeStream();
    reconnectTimer.stop();
    pollTimer.stop();
    q->setMode(Mode::Stopped);
    Q_EMIT q->errorOccurred(error);
}

void ArgoCdWatcher::Private::streamFailed(bool permanent)
{
    closeStream();
    if (!running)
        return;
    if (permanent)
        streamUnavailable = true;
    startPolling();
    if (!streamUnavailable) {
        reconnectTimer.start(reconnectDelay);
        reconnectDelay = std::min(reconnectDelay * 2, 30000);
    }
}

void ArgoCdWatcher::Private::startPolling()
{
    q->setMode(Mode::Polling);
    if (!pollTimer.isActive()) {
        pollTimer.start(pollInterval);
        poll(false);
    }
}

void ArgoCdWatcher::Private::poll(bool checkingStream)
{
    if (!running || pollBusy)
        return;
    pollBusy = true;
    // No context object: Qt 6.4 asserts if one is gone when the request ends; the guard checks instead.
    QPointer<ArgoCdWatcher> guard(q);
    client.get()
        .then([this, guard, checkingStream](const ArgoApplication &app) {
            if (!guard)
                return;
            pollBusy = false;
            if (!running)
                return;
            const bool changed = !q->m_last || q->m_last->json != app.json;
            q->publish(app);
            if (checkingStream && reply) {
                if (changed)
                    streamFailed(false); // the stream missed a change: it is stuck
                else
                    inactivityTimer.start(inactivityTimeout);
            }
        })
        .onFailed([this, guard](const ApiError &error) {
            if (!guard)
                return;
            pollBusy = false;
            if (!running)
                return;
            if (error.kind() == ApiError::Kind::Http && error.status() == 401) {
                fatal(error);
                return;
            }
            if (error.kind() == ApiError::Kind::Http || error.kind() == ApiError::Kind::Decode)
                Q_EMIT q->errorOccurred(error);
        })
        .onFailed([this, guard] {
            if (guard)
                pollBusy = false;
        });
}

ArgoCdWatcher::ArgoCdWatcher(HttpClient *http, const QString &application, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, http, application))
{}

ArgoCdWatcher::~ArgoCdWatcher()
{
    d->running = false;
    d->closeStream();
}

void ArgoCdWatcher::setPollInterval(int ms)
{
    d->pollInterval = std::max(ms, 10);
    if (d->pollTimer.isActive())
        d->pollTimer.start(d->pollInterval);
}

void ArgoCdWatcher::setReconnectDelay(int ms)
{
    d->firstReconnectDelay = d->reconnectDelay = std::clamp(ms, 1, 30000);
}

void ArgoCdWatcher::setStreamEnabled(bool on)
{
    d->streamEnabled = on;
}

void ArgoCdWatcher::setConnectTimeout(int ms)
{
    d->connectTimeout = std::max(ms, 1);
}

void ArgoCdWatcher::setInactivityTimeout(int ms)
{
    d->inactivityTimeout = std::max(ms, 1);
}

void ArgoCdWatcher::start()
{
    if (d->running)
        return;
    d->running = true;
    d->streamUnavailable = false;
    d->reconnectDelay = d->firstReconnectDelay;
    if (!d->streamEnabled) {
        d->startPolling();
        return;
    }
    setMode(Mode::Connecting);
    d->openStream();
}

void ArgoCdWatcher::stop()
{
    d->running = false;
    d->closeStream();
    d->reconnectTimer.stop();
    d->pollTimer.stop();
    setMode(Mode::Stopped);
}

void ArgoCdWatcher::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    Q_EMIT modeChanged(mode);
}

void ArgoCdWatcher::publish(const ArgoApplication &application)
{
    if (m_last && m_last->json == application.json)
        return;
    m_last = application;
    Q_EMIT applicationChanged(application);
}

} // namespace capstan
