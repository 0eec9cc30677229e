#include "GoJsonWriter.h"

namespace capstan {

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

void writeUnicodeEscape(char16_t unit, QByteArray &out)
{
    out.append("\\u");
    out.append(hexDigits[(unit >> 12) & 0xf]);
    out.append(hexDigits[(unit >> 8) & 0xf]);
    out.append(hexDigits[(unit >> 4) & 0xf]);
    out.append(hexDigits[unit & 0xf]);
}

} // namespace

void GoJsonWriter::writeString(QStringView text, QByteArray &out)
{
    out.append('"');
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = text.at(i).unicode();
        switch (c) {
        case u'"':
            out.append("\\\"");
            continue;
        case u'\\':
            out.append("\\\\");
            continue;
        case u'\n':
            out.append("\\n");
            continue;
        case u'\r':
            out.append("\\r");
            continue;
        case u'\t':
            out.append("\\t");
            continue;
        case u'\b':
            out.append("\\b");
            continue;
        case u'\f':
            out.append("\\f");
            continue;
        case u'<':
        case u'>':
        case u'&':
        case 0x2028:
        case 0x2029:
            writeUnicodeEscape(c, out);
            continue;
        default:
            break;
        }
        if (c < 0x20) {
            writeUnicodeEscape(c, out);
        } else if (c < 0x80) {
            out.append(char(c));
        } else if (QChar::isHighSurrogate(c) && i + 1 < size &&
                   QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            out.append(text.mid(i, 2).toUtf8());
            ++i;
        } else if (QChar::isSurrogate(c)) {
            out.append("\\ufffd"); // Go replaces invalid UTF-8 with U+FFFD
        } else {
            out.append(QStringView(&text.data()[i], 1).toUtf8());
        }
    }
    out.append('"');
}

QByteArray GoJsonWriter::string(QStringView text)
{
    QByteArray out;
    writeString(text, out);
    return out;
}

void GoJsonWriter::write(const GoValue &value, QByteArray &out)
{
    switch (value.type()) {
    case GoValue::Type::Null:
        out.append("null");
        break;
    case GoValue::Type::Bool:
        out.append(value.boolValue() ? "true" : "false");
        break;
    case GoValue::Type::Number:
        out.append(value.numberText());
        break;
    case GoValue::Type::String:
        writeString(value.string(), out);
        break;
    case GoValue::Type::Array: {
        out.append('[');
        bool first = true;
        for (const GoValue &item : value.items()) {
            if (!first)
                out.append(',');
            first = false;
            write(item, out);
        }
        out.append(']');
        break;
    }
    case GoValue::Type::Object: {
        out.append('{');
        bool first = true;
        for (const auto &[key, member] : value.members()) {
            if (!first)
                out.append(',');
            first = false;
            writeString(key, out);
            out.append(':');
            write(member, out);
        }
        out.append('}');
        break;
    }
    }
}

QByteArray GoJsonWriter::write(const GoValue &value)
{
    QByteArray out;
    write(value, out);
    return out;
}

QByteArray GoJsonWriter::error(const QString &message)
{
    QByteArray out("{\"error\":");
    writeString(message, out);
    out.append('}');
    return out;
}

} // namespace capstan
