#pragma once

#include "GoValue.h"

#include <QByteArray>
#include <QStringView>

namespace capstan {

// Why: ChartMuseum answers with Go's encoding/json bytes (compact, <>& escaped as \u003c, struct field
// order); clients and tests compare against exactly that.
class GoJsonWriter
{
public:
    static QByteArray write(const GoValue &value);
    static void write(const GoValue &value, QByteArray &out);
    static void writeString(QStringView text, QByteArray &out);
    static QByteArray string(QStringView text);
    // {"error":"<message>"}
    static QByteArray error(const QString &message);
};

} // namespace capstan
