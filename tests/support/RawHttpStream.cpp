#include "RawHttpStream.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>

bool RawHttpStream::open(quint16 port, const QByteArray &request, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    if (!m_socket.waitForConnected(timeoutMs))
        return false;
    m_socket.write(request);
    m_socket.flush();
    return true;
}

bool RawHttpStream::pump(int ms)
{
    // The server runs in this thread: let its event loop work while we wait.
    QEventLoop loop;
    QObject::connect(&m_socket, &QTcpSocket::readyRead, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    if (m_socket.bytesAvailable() == 0 && m_socket.state() == QAbstractSocket::ConnectedState)
        loop.exec();
    const QByteArray data = m_socket.readAll();
    m_received += data;
    return !data.isEmpty();
}

bool RawHttpStream::waitFor(const QByteArray &needle, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_received.contains(needle)) {
        if (deadline.hasExpired())
            return false;
        if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
            return false;
        pump(int(qMax<qint64>(1, qMin<qint64>(100, deadline.remainingTime()))));
    }
    return true;
}

bool RawHttpStream::receivesWithin(int ms)
{
    const qsizetype before = m_received.size();
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired() && m_socket.state() == QAbstractSocket::ConnectedState)
        pump(int(qMax<qint64>(1, deadline.remainingTime())));
    m_received += m_socket.readAll();
    return m_received.size() > before;
}

bool RawHttpStream::waitForClose(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState) {
        if (deadline.hasExpired())
            return false;
        pump(100);
    }
    m_received += m_socket.readAll();
    return true;
}

QByteArray RawHttpStream::dechunkedBody() const
{
    const qsizetype end = m_received.indexOf("\r\n\r\n");
    if (end < 0)
        return {};
    QByteArray rest = m_received.mid(end + 4);
    QByteArray body;
    while (true) {
        const qsizetype lineEnd = rest.indexOf("\r\n");
        if (lineEnd < 0)
            break;
        bool ok = false;
        const qsizetype size = rest.left(lineEnd).toLongLong(&ok, 16);
        if (!ok || size == 0 || rest.size() < lineEnd + 2 + size + 2)
            break;
        body += rest.mid(lineEnd + 2, size);
        rest = rest.mid(lineEnd + 2 + size + 2);
    }
    return body;
}
