#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace capstan {

// Why: a service client describes a call as data; the HTTP layer decides how to send and retry it.
struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path; // relative to the client's base URL, e.g. "/api/charts"; or an absolute URL
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType;
    int expectedStatus = 0; // 0: any 2xx is success
    // Every HTTP status completes with the response (the caller judges it, e.g. 304 or a rate-limit 403);
    // transport failures still fail and 502/503/504 are still retried.
    bool acceptAnyStatus = false;

    bool isIdempotent() const
    {
        return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" ||
               method == "OPTIONS";
    }
};

} // namespace capstan
