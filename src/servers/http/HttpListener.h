#pragma once

#include "HttpConnection.h"

#include <QObject>

class QTcpServer;

namespace capstan {

// Why: every in-repo server listens on 127.0.0.1 the same way and hands each connection to HttpConnection;
// the connections are children of the listener, so deleting it closes them before the server's state goes.
class HttpListener : public QObject
{
    Q_OBJECT
public:
    HttpListener(qint64 maxBodySize, HttpConnection::Handler handler, QObject *parent = nullptr);
    ~HttpListener() override;

    // Listens on 127.0.0.1 (port 0: ephemeral). Returns false and sets *error on failure.
    bool listen(quint16 port, QString *error);
    quint16 port() const;

private:
    QTcpServer *m_server;
    qint64 m_maxBodySize;
    HttpConnection::Handler m_handler;
};

} // namespace capstan
