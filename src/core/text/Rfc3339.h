#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QStringView>

namespace capstan {

// Why: every timestamp Capstan reads from a server or writes as JSON is RFC 3339; one reader and one
// writer keep the commands consistent, and both are fast enough for lists of thousands.
class Rfc3339
{
public:
    enum class Precision { Seconds, Milliseconds };

    // "2026-11-25T21:28:47.337123456Z" or "…+02:00"; fractions beyond milliseconds are dropped.
    // Anything else (including an impossible date or time) gives an invalid QDateTime.
    static QDateTime parse(QStringView text);
    // UTC with a "Z": "2026-11-25T21:28:47.337Z" (Milliseconds) or "2026-11-25T21:28:47Z" (Seconds);
    // empty for an invalid time.
    static QString format(const QDateTime &time, Precision precision = Precision::Milliseconds);
    // For JSON output: the millisecond form, or null for an invalid time.
    static QJsonValue json(const QDateTime &time);
};

} // namespace capstan
