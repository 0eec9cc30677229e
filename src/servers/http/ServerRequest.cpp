#include "ServerRequest.h"

namespace capstan {

QByteArray ServerRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool ServerRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString ServerRequest::path() const
{
    const qsizetype question = target.indexOf('?');
    const QByteArray rawPath = question < 0 ? target : target.left(question);
    return QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
}

QByteArray ServerRequest::rawQuery() const
{
    const qsizetype question = target.indexOf('?');
    return question < 0 ? QByteArray() : target.mid(question + 1);
}

std::optional<QString> ServerRequest::queryValue(const QString &key) const
{
    const QByteArray query = rawQuery();
    if (query.isEmpty())
        return std::nullopt;
    const auto decode = [](QByteArray text) {
        text.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(text));
    };
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QString name = decode(equals < 0 ? pair : pair.left(equals));
        if (name == key)
            return equals < 0 ? QString() : decode(pair.mid(equals + 1));
    }
    return std::nullopt;
}

QByteArray ServerRequest::mediaType() const
{
    const QByteArray contentType = header("Content-Type");
    qsizetype end = contentType.size();
    for (qsizetype i = 0; i < contentType.size(); ++i) {
        if (contentType.at(i) == ';' || contentType.at(i) == ' ') {
            end = i;
            break;
        }
    }
    return contentType.left(end);
}

} // namespace capstan
