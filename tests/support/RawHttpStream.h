#pragma once

#include <QByteArray>
#include <QTcpSocket>

// Why: watch streams never end on their own and delay their headers, so tests need a raw connection they can
// read from incrementally (until some bytes arrive or the server closes) instead of reading to the end.
class RawHttpStream
{
public:
    // Connects to 127.0.0.1:`port` and sends `request` as is.
    bool open(quint16 port, const QByteArray &request, int timeoutMs = 5000);
    // Reads until `needle` occurs in everything received so far (true) or `timeoutMs` passes (false).
    bool waitFor(const QByteArray &needle, int timeoutMs = 5000);
    // Reads for `ms` and returns whether anything arrived (for "nothing is sent" checks).
    bool receivesWithin(int ms);
    // Reads until the server closes the connection.
    bool waitForClose(int timeoutMs = 5000);
    QByteArray received() const { return m_received; }
    // The body after the head, with chunked framing removed (complete chunks only).
    QByteArray dechunkedBody() const;
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

private:
    bool pump(int ms);
    QTcpSocket m_socket;
    QByteArray m_received;
};
