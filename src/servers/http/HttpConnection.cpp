#include "HttpConnection.h"

#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace capstan {

namespace {

constexpr qsizetype maxHeadSize = 1024 * 1024; // Go's DefaultMaxHeaderBytes
constexpr qsizetype chunkingThreshold = 2048;  // Go's bufferBeforeChunkingSize

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, qint64 maxBodySize, Handler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_maxBodySize(maxBodySize)
    , m_handler(std::move(handler))
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        m_buffer.append(m_socket->readAll());
        processBuffer();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    if (m_socket->bytesAvailable() > 0) {
        QTimer::singleShot(0, this, [this] {
            m_buffer.append(m_socket->readAll());
            processBuffer();
        });
    }
}

HttpConnection::~HttpConnection() = default;

QByteArray HttpConnection::httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

bool HttpConnection::takeLine(QByteArray *line)
{
    const qsizetype newline = m_buffer.indexOf('\n');
    if (newline < 0)
        return false;
    *line = m_buffer.left(newline);
    if (line->endsWith('\r'))
        line->chop(1);
    m_buffer.remove(0, newline + 1);
    return true;
}

void HttpConnection::processBuffer()
{
    m_processScheduled = false;
    while (!m_busy && !m_closing) {
        switch (m_state) {
        case State::Head: {
            while (m_buffer.startsWith("\r\n") || m_buffer.startsWith("\n"))
                m_buffer.remove(0, m_buffer.startsWith("\r\n") ? 2 : 1);
            qsizetype end = -1;
            qsizetype separator = 0;
            const qsizetype crlf = m_buffer.indexOf("\r\n\r\n");
            const qsizetype lf = m_buffer.indexOf("\n\n");
            if (crlf >= 0 && (lf < 0 || crlf < lf)) {
                end = crlf;
                separator = 4;
            } else if (lf >= 0) {
                end = lf;
                separator = 2;
            }
            if (end < 0) {
                if (m_buffer.size() > maxHeadSize)
                    failAndClose(431, "431 Request Header Fields Too Large");
                return;
            }
            const QByteArray head = m_buffer.left(end);
            m_buffer.remove(0, end + separator);
            if (!parseHead(head))
                return;
            break;
        }
        case State::Body: {
            if (m_buffer.isEmpty())
                return;
            const qsizetype take = qsizetype(qMin<qint64>(m_remaining, m_buffer.size()));
            appendBody(m_buffer.left(take));
            m_buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining == 0)
                finishRequest();
            break;
        }
        case State::ChunkSize: {
            QByteArray line;
            if (!takeLine(&line))
                return;
            const qsizetype semicolon = line.indexOf(';');
            bool ok = false;
            const qint64 size = (semicolon < 0 ? line : line.left(semicolon)).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                failAndClose(400, "400 Bad Request");
                return;
            }
            if (size == 0) {
                m_state = State::Trailers;
            } else {
                m_remaining = size;
                m_state = State::ChunkData;
            }
            break;
        }
        case State::ChunkData: {
            if (m_buffer.isEmpty())
                return;
            const qsizetype take = qsizetype(qMin<qint64>(m_remaining, m_buffer.size()));
            appendBody(m_buffer.left(take));
            m_buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining == 0)
                m_state = State::ChunkEnd;
            break;
        }
        case State::ChunkEnd: {
            QByteArray line;
            if (!takeLine(&line))
                return;
            if (!line.isEmpty()) {
                failAndClose(400, "400 Bad Request");
                return;
            }
            m_state = State::ChunkSize;
            break;
        }
        case State::Trailers: {
            QByteArray line;
            if (!takeLine(&line))
                return;
            if (line.isEmpty())
                finishRequest();
            break;
        }
        }
    }
}

bool HttpConnection::parseHead(const QByteArray &head)
{
    m_request = ServerRequest();
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QList<QByteArray> requestLine = lines.takeFirst().split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty() || !requestLine.at(1).startsWith('/') ||
        !requestLine.at(2).startsWith("HTTP/1.")) {
        failAndClose(400, "400 Bad Request");
        return false;
    }
    m_request.method = requestLine.at(0);
    m_request.target = requestLine.at(1);
    m_request.httpVersion = requestLine.at(2);
    for (const QByteArray &line : std::as_const(lines)) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            failAndClose(400, "400 Bad Request: malformed MIME header line");
            return false;
        }
        m_request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    if (m_request.header("Transfer-Encoding").toLower().contains("chunked")) {
        m_state = State::ChunkSize;
    } else if (m_request.hasHeader("Content-Length")) {
        bool ok = false;
        const qint64 length = m_request.header("Content-Length").toLongLong(&ok);
        if (!ok || length < 0) {
            failAndClose(400, "400 Bad Request: bad Content-Length");
            return false;
        }
        m_remaining = length;
        m_state = length > 0 ? State::Body : State::Head;
        if (length == 0) {
            finishRequest();
            return true;
        }
    } else {
        finishRequest();
        return true;
    }
    if (m_request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return true;
}

void HttpConnection::appendBody(const QByteArray &data)
{
    if (m_request.bodyTooLarge)
        return;
    if (m_request.body.size() + data.size() > m_maxBodySize) {
        m_request.bodyTooLarge = true;
        m_request.body.clear();
        return;
    }
    m_request.body.append(data);
}

void HttpConnection::finishRequest()
{
    m_state = State::Head;
    m_busy = true;
    const ServerRequest request = m_request;
    m_request = ServerRequest();
    m_handler(this, request);
}

void HttpConnection::failAndClose(int status, const QByteArray &message)
{
    QByteArray data = "HTTP/1.1 " + QByteArray::number(status) + ' ' + ServerResponse::reasonPhrase(status) +
                      "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n" + message;
    m_socket->write(data);
    closeAfterWrite();
}

void HttpConnection::closeAfterWrite()
{
    m_closing = true;
    m_socket->disconnectFromHost();
}

QByteArray HttpConnection::serializeHead(const ServerRequest &request, const ServerResponse &response,
                                         bool close, QByteArray framing) const
{
    Q_UNUSED(request)
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     ServerResponse::reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "Date: " + httpDate() + "\r\n";
    out += framing;
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

void HttpConnection::respond(const ServerRequest &request, const ServerResponse &given)
{
    if (m_closing)
        return;
    if (m_dropAnswer) {
        closeWithoutAnswer();
        return;
    }
    const ServerResponse response = m_replacement.value_or(given);
    m_replacement.reset();
    const bool clientWantsClose =
        request.header("Connection").toLower().contains("close") ||
        (request.httpVersion == "HTTP/1.0" && !request.header("Connection").toLower().contains("keep-alive"));
    const bool close = response.closeConnection || clientWantsClose;
    const bool head = request.method == "HEAD";
    const bool bodyAllowed = !(response.status < 200 || response.status == 204 || response.status == 304);

    QByteArray framing;
    QByteArray payload;
    if (head) {
        if (!response.body.isEmpty())
            framing = "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    } else if (!bodyAllowed) {
    } else if (response.body.size() > chunkingThreshold) {
        framing = "Transfer-Encoding: chunked\r\n";
        constexpr qsizetype chunkSize = 32 * 1024;
        for (qsizetype offset = 0; offset < response.body.size(); offset += chunkSize) {
            const qsizetype size = qMin(chunkSize, response.body.size() - offset);
            payload += QByteArray::number(size, 16) + "\r\n";
            payload += QByteArrayView(response.body).sliced(offset, size);
            payload += "\r\n";
        }
        payload += "0\r\n\r\n";
    } else {
        framing = "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        payload = response.body;
    }
    m_socket->write(serializeHead(request, response, close, framing) + payload);
    finishResponse(close);
}

void HttpConnection::finishResponse(bool close)
{
    if (close) {
        closeAfterWrite();
        return;
    }
    m_busy = false;
    if (!m_processScheduled) {
        m_processScheduled = true;
        QTimer::singleShot(0, this, &HttpConnection::processBuffer);
    }
}

void HttpConnection::beginStream(const ServerRequest &request)
{
    m_dropAnswer = false;
    m_replacement.reset();
    m_streaming = true;
    m_streamHeadWritten = false;
    m_streamRequest = request;
}

void HttpConnection::writeChunk(const ServerResponse &head, const QByteArray &chunk)
{
    if (m_closing || !m_streaming)
        return;
    QByteArray out;
    if (!m_streamHeadWritten) {
        m_streamHeadWritten = true;
        out = serializeHead(m_streamRequest, head, false, "Transfer-Encoding: chunked\r\n");
    }
    if (!chunk.isEmpty())
        out += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    m_socket->write(out);
}

void HttpConnection::endStream(const ServerResponse &head)
{
    if (m_closing || !m_streaming)
        return;
    writeChunk(head, {});
    m_socket->write("0\r\n\r\n");
    m_streaming = false;
    m_streamHeadWritten = false;
    const bool close = head.closeConnection ||
                       m_streamRequest.header("Connection").toLower().contains("close") ||
                       m_streamRequest.httpVersion == "HTTP/1.0";
    m_streamRequest = ServerRequest();
    finishResponse(close);
}

void HttpConnection::respondTruncated(const ServerRequest &request, const ServerResponse &response)
{
    if (m_closing)
        return;
    if (m_dropAnswer) {
        closeWithoutAnswer();
        return;
    }
    const QByteArray framing = "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    m_socket->write(serializeHead(request, response, false, framing) +
                    response.body.left(response.body.size() / 2));
    closeAfterWrite();
}

void HttpConnection::closeWithoutAnswer()
{
    if (m_closing)
        return;
    closeAfterWrite();
}

} // namespace capstan
