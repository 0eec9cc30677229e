#pragma once

#include "ServerRequest.h"
#include "ServerResponse.h"

#include <QByteArray>
#include <QObject>

#include <functional>
#include <optional>

class QTcpSocket;

namespace capstan {

// Why: the test servers need byte-level control of HTTP/1.1 (Go's framing: chunked above 2048 bytes,
// HEAD without a body, exact headers, broken responses for fault injection) and keep-alive for
// QNetworkAccessManager clients; QHttpServer 6.4 offers neither, so requests are parsed and answered here.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(HttpConnection *connection, const ServerRequest &request)>;

    // Takes ownership of `socket`. Bodies over `maxBodySize` are dropped and flagged, not stored.
    HttpConnection(QTcpSocket *socket, qint64 maxBodySize, Handler handler, QObject *parent = nullptr);
    ~HttpConnection() override;

    // Answers the request being handled; the next pipelined request is parsed afterwards.
    void respond(const ServerRequest &request, const ServerResponse &response);
    // Declares the full Content-Length, sends half the body and closes (fault injection).
    void respondTruncated(const ServerRequest &request, const ServerResponse &response);
    // Closes without answering (fault injection).
    void closeWithoutAnswer();
    // The answer to the request being handled is not sent: the connection closes instead, after the handler
    // did its work (fault injection: the change is applied, the client never hears of it). Not for streams.
    void dropAnswer() { m_dropAnswer = true; }
    // The answer to the request being handled is replaced by `response`, after the handler did its work
    // (fault injection: a gateway that timed out although the change was applied).
    void replaceAnswer(const ServerResponse &response) { m_replacement = response; }

    // Streaming (grpc-gateway's delayed headers): beginStream() writes nothing; the first writeChunk()
    // writes the head of `head` (status, headers, chunked framing) and every call sends one chunk.
    // endStream() terminates the chunked body and carries on with the next request.
    void beginStream(const ServerRequest &request);
    void writeChunk(const ServerResponse &head, const QByteArray &chunk);
    void endStream(const ServerResponse &head);
    bool isStreaming() const { return m_streaming; }
    bool streamStarted() const { return m_streamHeadWritten; }

    static QByteArray httpDate();

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailers };

    void processBuffer();
    bool parseHead(const QByteArray &head);
    void appendBody(const QByteArray &data);
    void finishRequest();
    void failAndClose(int status, const QByteArray &message);
    QByteArray serializeHead(const ServerRequest &request, const ServerResponse &response, bool close,
                             QByteArray framing) const;
    bool takeLine(QByteArray *line);
    void closeAfterWrite();

    QTcpSocket *m_socket;
    qint64 m_maxBodySize;
    Handler m_handler;
    QByteArray m_buffer;
    State m_state = State::Head;
    ServerRequest m_request;
    qint64 m_remaining = 0;
    bool m_busy = false;
    bool m_closing = false;
    bool m_processScheduled = false;
    bool m_streaming = false;
    bool m_streamHeadWritten = false;
    bool m_dropAnswer = false;
    std::optional<ServerResponse> m_replacement;
    ServerRequest m_streamRequest;

    void finishResponse(bool close);
};

} // namespace capstan
