#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

namespace capstan {

// Why: the part of an HTTP answer a service client needs, detached from QNetworkReply's lifetime.
struct HttpResponse
{
    int status = 0;
    QUrl url;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    // Header names compare case-insensitively, as HTTP says.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

} // namespace capstan
