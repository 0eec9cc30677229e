#include "HttpListener.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace capstan {

HttpListener::HttpListener(qint64 maxBodySize, HttpConnection::Handler handler, QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_maxBodySize(maxBodySize)
    , m_handler(std::move(handler))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            new HttpConnection(socket, m_maxBodySize, m_handler, m_server);
    });
}

HttpListener::~HttpListener()
{
    delete m_server; // closes the connections (its children) first
}

bool HttpListener::listen(quint16 port, QString *error)
{
    if (m_server->isListening()) {
        if (error)
            *error = tr("Already listening on 127.0.0.1:%1.").arg(m_server->serverPort());
        return false;
    }
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = tr("Cannot listen on 127.0.0.1:%1: %2").arg(port).arg(m_server->errorString());
        return false;
    }
    return true;
}

quint16 HttpListener::port() const
{
    return m_server->isListening() ? m_server->serverPort() : 0;
}

} // namespace capstan
