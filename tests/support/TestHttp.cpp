#include "TestHttp.h"

#include <QAuthenticator>
#include <QBuffer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>

QByteArray TestHttp::Reply::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool TestHttp::Reply::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

TestHttp::Reply TestHttp::send(const QByteArray &method, const QUrl &url,
                               const QList<std::pair<QByteArray, QByteArray>> &headers,
                               const QByteArray &body, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QBuffer *buffer = nullptr;
    if (!body.isEmpty() || method == "POST" || method == "PUT") {
        buffer = new QBuffer;
        buffer->setData(body);
        buffer->open(QIODevice::ReadOnly);
    }
    QNetworkReply *reply = nullptr;
    if (method == "HEAD")
        reply = m_manager->head(request);
    else if (method == "GET" && !buffer)
        reply = m_manager->get(request);
    else if (method == "DELETE" && !buffer)
        reply = m_manager->deleteResource(request);
    else
        reply = m_manager->sendCustomRequest(request, method, buffer);
    if (buffer)
        buffer->setParent(reply);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // Suppress QNAM's own handling of 401 challenges: no credentials are offered.
    QObject::connect(m_manager, &QNetworkAccessManager::authenticationRequired, reply,
                     [](QNetworkReply *, QAuthenticator *) {});
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply result;
    if (!reply->isFinished()) {
        reply->abort();
        result.error = QStringLiteral("timeout");
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.headers = reply->rawHeaderPairs();
    result.body = reply->readAll();
    if (result.status == 0)
        result.error = reply->errorString();
    reply->deleteLater();
    return result;
}

QByteArray TestHttp::raw(quint16 port, const QByteArray &request, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(request);
    QByteArray response;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        // The server runs in this thread: let its event loop work while we wait.
        QEventLoop loop;
        QObject::connect(&socket, &QTcpSocket::readyRead, &loop, &QEventLoop::quit);
        QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
        QTimer::singleShot(200, &loop, &QEventLoop::quit);
        loop.exec();
        response += socket.readAll();
    }
    response += socket.readAll();
    return response;
}

TestHttp::Reply TestHttp::parseRaw(const QByteArray &response)
{
    Reply reply;
    const qsizetype end = response.indexOf("\r\n\r\n");
    if (end < 0) {
        reply.error = QStringLiteral("no complete response head");
        return reply;
    }
    const QList<QByteArray> lines = response.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    reply.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            reply.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    reply.body = response.mid(end + 4);
    return reply;
}

QByteArray TestHttp::basic(const QString &user, const QString &password)
{
    return "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}
