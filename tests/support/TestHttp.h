#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

#include <utility>

// Why: server conformance tests look at status, headers and bytes exactly as a client receives them, through
// QNetworkAccessManager (keep-alive, as Capstan's client does) or a raw socket (framing such as chunked).
class TestHttp
{
public:
    struct Reply
    {
        int status = 0;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QString error; // transport error, empty when an HTTP answer arrived
        QByteArray header(QByteArrayView name) const;
        bool hasHeader(QByteArrayView name) const;
    };

    explicit TestHttp(QNetworkAccessManager *manager)
        : m_manager(manager)
    {}

    Reply send(const QByteArray &method, const QUrl &url,
               const QList<std::pair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {},
               int timeoutMs = 15000);

    // Sends `request` as is on a fresh connection and returns everything until the server closes it.
    static QByteArray raw(quint16 port, const QByteArray &request, int timeoutMs = 15000);
    // Splits a raw response into status, headers and the (still framed) body.
    static Reply parseRaw(const QByteArray &response);
    static QByteArray basic(const QString &user, const QString &password);

private:
    QNetworkAccessManager *m_manager;
};
