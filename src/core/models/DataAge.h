#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace capstan {

// Why: a view whose service fails keeps showing what it last had; every view says how old that is in the
// same words.
class DataAge
{
    Q_DECLARE_TR_FUNCTIONS(DataAge)

public:
    // "just now", "3 min ago", "2 h ago", "4 days ago"; empty for an invalid time.
    static QString describe(const QDateTime &then, const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace capstan
