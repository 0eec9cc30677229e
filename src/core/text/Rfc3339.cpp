#include "Rfc3339.h"

#include <cstdio>

namespace capstan {

namespace {

// Reads `count` digits at text[position]; -1 when one of them is not a digit.
int digits(QStringView text, qsizetype position, int count)
{
    if (position + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text[position + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

bool at(QStringView text, qsizetype position, char16_t c)
{
    return position < text.size() && text[position].unicode() == c;
}

} // namespace

QDateTime Rfc3339::parse(QStringView text)
{
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || !at(text, 4, u'-') ||
        !at(text, 7, u'-') || !(at(text, 10, u'T') || at(text, 10, u't') || at(text, 10, u' ')) ||
        !at(text, 13, u':') || !at(text, 16, u':'))
        return {};
    qsizetype position = 19;
    int msec = 0;
    if (at(text, position, u'.')) {
        ++position;
        int scale = 100;
        const qsizetype first = position;
        while (position < text.size() && text[position] >= u'0' && text[position] <= u'9') {
            msec += (text[position].unicode() - u'0') * scale;
            scale /= 10;
            ++position;
        }
        if (position == first)
            return {};
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return {};
    if (position + 1 == text.size() && (at(text, position, u'Z') || at(text, position, u'z')))
        return QDateTime(date, time, Qt::UTC);
    if (position + 6 != text.size() || !(at(text, position, u'+') || at(text, position, u'-')) ||
        !at(text, position + 3, u':'))
        return {};
    const int offsetHours = digits(text, position + 1, 2);
    const int offsetMinutes = digits(text, position + 4, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59)
        return {};
    const int sign = at(text, position, u'-') ? -1 : 1;
    return QDateTime(date, time, Qt::OffsetFromUTC, sign * (offsetHours * 3600 + offsetMinutes * 60));
}

QString Rfc3339::format(const QDateTime &time, Precision precision)
{
    if (!time.isValid())
        return {};
    const bool milliseconds = precision == Precision::Milliseconds;
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    if (date.year() < 0 || date.year() > 9999)
        return utc.toString(milliseconds ? Qt::ISODateWithMs : Qt::ISODate);
    char buffer[40];
    const int length =
        milliseconds ? std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                                     date.year(), date.month(), date.day(), clock.hour(), clock.minute(),
                                     clock.second(), clock.msec())
                     : std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year(),
                                     date.month(), date.day(), clock.hour(), clock.minute(), clock.second());
    return QString::fromLatin1(buffer, length);
}

QJsonValue Rfc3339::json(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(format(time)) : QJsonValue();
}

} // namespace capstan
