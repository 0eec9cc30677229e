#pragma once

#include <QString>

namespace capstan {

// Why: a configuration problem always says which file, line and column, and what was expected there.
struct ConfigError
{
    QString file;
    int line = 0;   // 1-based; 0 when the problem is not tied to a place
    int column = 0; // 1-based
    QString message;

    QString toString() const
    {
        if (line <= 0)
            return file.isEmpty() ? message : QStringLiteral("%1: %2").arg(file, message);
        return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(message);
    }
};

} // namespace capstan
