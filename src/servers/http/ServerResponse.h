#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace capstan {

// Why: what a handler answers (status, headers, whole body); framing (Content-Length or chunked, HEAD)
// is decided when it is written, the way Go's net/http does.
struct ServerResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closeConnection = false;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;

    // application/json; charset=utf-8
    static ServerResponse json(int status, const QByteArray &body);
    // {"error":"<message>"}
    static ServerResponse error(int status, const QString &message);
    static QByteArray reasonPhrase(int status);
};

} // namespace capstan
