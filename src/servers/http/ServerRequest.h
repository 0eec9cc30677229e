#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace capstan {

// Why: one parsed HTTP/1.1 request as the test servers see it (raw target, headers in order, full body),
// independent of the socket it came from so routing can be tested and delayed.
struct ServerRequest
{
    QByteArray method;
    QByteArray target; // as sent: path and query, still percent-encoded
    QByteArray httpVersion;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool bodyTooLarge = false; // the body exceeded the limit and was dropped

    QByteArray header(QByteArrayView name) const; // first value, case-insensitive name; empty if absent
    bool hasHeader(QByteArrayView name) const;
    QString path() const; // decoded path, without the query
    QByteArray rawQuery() const;
    // Go's URL.Query().Get semantics: the first value; nullopt if the key is absent ("force" alone is "").
    std::optional<QString> queryValue(const QString &key) const;
    // The media type of Content-Type: the part before ';' or a space (gin's filterFlags).
    QByteArray mediaType() const;
};

} // namespace capstan
