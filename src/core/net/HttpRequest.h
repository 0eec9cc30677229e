#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <optional>

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
    // transport failures still fail and 500/502/503/504 are still retried (429 is left to the caller).
    bool acceptAnyStatus = false;
    // Whether sending the request twice has the effect of sending it once, so a lost or failed answer may
    // be retried. Unset: decided by the method (GET, HEAD, PUT, DELETE, OPTIONS). A client sets true for a
    // request that is safe by its content, e.g. a JSON patch guarded by a resourceVersion test.
    std::optional<bool> idempotent;
    // An error answer that a retry cannot change although its status is retryable (e.g. Argo CD's 500 for
    // a failed JSON patch test). Unset: judged by the status alone.
    std::function<bool(int status, const QByteArray &body)> isFinal;

    bool isIdempotent() const
    {
        if (idempotent)
            return *idempotent;
        return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" ||
               method == "OPTIONS";
    }
};

} // namespace capstan
