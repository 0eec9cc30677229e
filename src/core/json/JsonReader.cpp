#include "JsonReader.h"

#include <QCoreApplication>
#include <QLatin1StringView>

#include <charconv>
#include <cmath>
#include <cstring>

namespace capstan {

namespace {

constexpr std::size_t maxDepth = 512;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Length of the valid UTF-8 sequence starting at data[0] (a byte >= 0x80), or 0 when it is invalid
// (overlong, a surrogate, above U+10FFFF, or cut short).
qsizetype utf8SequenceLength(const unsigned char *data, qsizetype available)
{
    const unsigned char lead = data[0];
    qsizetype length = 0;
    char32_t min = 0;
    char32_t code = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        min = 0x80;
        code = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        min = 0x800;
        code = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        min = 0x10000;
        code = lead & 0x07;
    } else {
        return 0;
    }
    if (available < length)
        return 0;
    for (qsizetype i = 1; i < length; ++i) {
        if ((data[i] & 0xC0) != 0x80)
            return 0;
        code = (code << 6) | (data[i] & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return 0;
    return length;
}

char16_t hexValue(const char *digits)
{
    char16_t value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = digits[i];
        value = char16_t(value << 4);
        if (isDigit(c))
            value |= char16_t(c - '0');
        else if (c >= 'a' && c <= 'f')
            value |= char16_t(c - 'a' + 10);
        else
            value |= char16_t(c - 'A' + 10);
    }
    return value;
}

} // namespace

JsonReader::JsonReader(QByteArrayView text)
    : m_data(text.data())
    , m_size(text.size())
{}

QString JsonReader::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Null:
        return QCoreApplication::translate("JsonReader", "null");
    case Kind::Bool:
        return QCoreApplication::translate("JsonReader", "a boolean");
    case Kind::Number:
        return QCoreApplication::translate("JsonReader", "a number");
    case Kind::String:
        return QCoreApplication::translate("JsonReader", "a string");
    case Kind::Array:
        return QCoreApplication::translate("JsonReader", "an array");
    case Kind::Object:
        return QCoreApplication::translate("JsonReader", "an object");
    case Kind::None:
        break;
    }
    return QCoreApplication::translate("JsonReader", "missing");
}

void JsonReader::fail(const QString &message)
{
    failAt(m_position, message);
}

void JsonReader::failAt(qsizetype position, const QString &message)
{
    if (failed())
        return;
    qsizetype line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < position && i < m_size; ++i) {
        if (m_data[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    m_position = position;
    m_error = QCoreApplication::translate("JsonReader", "line %1, column %2: %3")
                  .arg(line)
                  .arg(position - lineStart + 1)
                  .arg(message);
}

bool JsonReader::skipSpace()
{
    while (m_position < m_size) {
        const char c = m_data[m_position];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return true;
        ++m_position;
    }
    return false;
}

JsonReader::Kind JsonReader::peek()
{
    if (failed())
        return Kind::None;
    if (!skipSpace()) {
        fail(QCoreApplication::translate("JsonReader", "the text ends where a value should be"));
        return Kind::None;
    }
    const char c = m_data[m_position];
    switch (c) {
    case '{':
        return Kind::Object;
    case '[':
        return Kind::Array;
    case '"':
        return Kind::String;
    case 't':
    case 'f':
        return Kind::Bool;
    case 'n':
        return Kind::Null;
    case '-':
        return Kind::Number;
    default:
        if (isDigit(c))
            return Kind::Number;
    }
    fail(QCoreApplication::translate("JsonReader", "unexpected character '%1' where a value should be")
             .arg(QLatin1Char(c)));
    return Kind::None;
}

bool JsonReader::expect(char c, const char *what)
{
    if (skipSpace() && m_data[m_position] == c) {
        ++m_position;
        return true;
    }
    fail(m_position < m_size
             ? QCoreApplication::translate("JsonReader", "expected %1").arg(QLatin1StringView(what))
             : QCoreApplication::translate("JsonReader", "the text ends where %1 should be")
                   .arg(QLatin1StringView(what)));
    return false;
}

bool JsonReader::enterObject()
{
    if (peek() != Kind::Object) {
        if (!failed())
            fail(QCoreApplication::translate("JsonReader", "expected an object"));
        return false;
    }
    if (m_stack.size() >= maxDepth) {
        fail(QCoreApplication::translate("JsonReader", "nested more than %1 levels deep").arg(maxDepth));
        return false;
    }
    ++m_position;
    m_stack.push_back(Container::Object);
    m_first = true;
    return true;
}

bool JsonReader::enterArray()
{
    if (peek() != Kind::Array) {
        if (!failed())
            fail(QCoreApplication::translate("JsonReader", "expected an array"));
        return false;
    }
    if (m_stack.size() >= maxDepth) {
        fail(QCoreApplication::translate("JsonReader", "nested more than %1 levels deep").arg(maxDepth));
        return false;
    }
    ++m_position;
    m_stack.push_back(Container::Array);
    m_first = true;
    return true;
}

// Before a member or element: true when one follows, false after the closing bracket (or an error).
bool JsonReader::separator(char close)
{
    if (failed())
        return false;
    if (!skipSpace()) {
        fail(QCoreApplication::translate("JsonReader", "the text ends inside %1")
                 .arg(close == '}' ? QCoreApplication::translate("JsonReader", "an object")
                                   : QCoreApplication::translate("JsonReader", "an array")));
        return false;
    }
    const char c = m_data[m_position];
    if (c == close) {
        ++m_position;
        m_stack.pop_back();
        m_first = false;
        return false;
    }
    if (m_first) {
        m_first = false;
        return true;
    }
    if (c != ',') {
        fail(close == '}' ? QCoreApplication::translate("JsonReader", "expected ',' or '}'")
                          : QCoreApplication::translate("JsonReader", "expected ',' or ']'"));
        return false;
    }
    ++m_position;
    if (skipSpace() && m_data[m_position] == close) {
        fail(QCoreApplication::translate("JsonReader", "a comma before '%1'").arg(QLatin1Char(close)));
        return false;
    }
    return true;
}

bool JsonReader::nextMember(QByteArrayView &key)
{
    if (!separator('}'))
        return false;
    if (!skipSpace() || m_data[m_position] != '"') {
        fail(QCoreApplication::translate("JsonReader", "expected a member name in double quotes"));
        return false;
    }
    QByteArrayView raw;
    bool escaped = false;
    bool ascii = true;
    if (!scanString(raw, escaped, ascii))
        return false;
    if (escaped) {
        m_keyBuffer = decode(raw, escaped, ascii).toUtf8();
        key = m_keyBuffer;
    } else {
        key = raw;
    }
    return expect(':', "':'");
}

bool JsonReader::nextElement()
{
    return separator(']');
}

bool JsonReader::scanString(QByteArrayView &raw, bool &escaped, bool &ascii)
{
    const qsizetype start = ++m_position;
    const auto *bytes = reinterpret_cast<const unsigned char *>(m_data);
    while (m_position < m_size) {
        const unsigned char c = bytes[m_position];
        if (c == '"') {
            raw = QByteArrayView(m_data + start, m_position - start);
            ++m_position;
            return true;
        }
        if (c == '\\') {
            escaped = true;
            if (m_position + 1 >= m_size)
                break;
            const char e = m_data[m_position + 1];
            if (e == 'u') {
                if (m_position + 5 >= m_size || !isHex(m_data[m_position + 2]) ||
                    !isHex(m_data[m_position + 3]) || !isHex(m_data[m_position + 4]) ||
                    !isHex(m_data[m_position + 5])) {
                    fail(
                        QCoreApplication::translate("JsonReader", "\\u must be followed by four hex digits"));
                    return false;
                }
                m_position += 6;
                continue;
            }
            if (!std::strchr("\"\\/bfnrt", e) || e == '\0') {
                fail(QCoreApplication::translate("JsonReader", "invalid escape \\%1 in a string")
                         .arg(QLatin1Char(e)));
                return false;
            }
            m_position += 2;
            continue;
        }
        if (c < 0x20) {
            fail(
                QCoreApplication::translate("JsonReader", "a control character inside a string (escape it)"));
            return false;
        }
        if (c >= 0x80) {
            const qsizetype length = utf8SequenceLength(bytes + m_position, m_size - m_position);
            if (length == 0) {
                fail(QCoreApplication::translate("JsonReader", "invalid UTF-8 in a string"));
                return false;
            }
            ascii = false;
            m_position += length;
            continue;
        }
        ++m_position;
    }
    failAt(start - 1, QCoreApplication::translate("JsonReader", "a string that never ends"));
    return false;
}

QString JsonReader::decode(QByteArrayView raw, bool escaped, bool ascii)
{
    if (!escaped)
        return ascii ? QString::fromLatin1(raw) : QString::fromUtf8(raw);
    QString result;
    result.reserve(raw.size());
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\')
            continue;
        result.append(QString::fromUtf8(raw.sliced(runStart, i - runStart)));
        const char e = raw[i + 1];
        switch (e) {
        case 'b':
            result.append(u'\b');
            break;
        case 'f':
            result.append(u'\f');
            break;
        case 'n':
            result.append(u'\n');
            break;
        case 'r':
            result.append(u'\r');
            break;
        case 't':
            result.append(u'\t');
            break;
        case 'u':
            result.append(QChar(hexValue(raw.data() + i + 2)));
            i += 4;
            break;
        default:
            result.append(QLatin1Char(e));
        }
        ++i;
        runStart = i + 1;
    }
    result.append(QString::fromUtf8(raw.sliced(runStart)));
    return result;
}

QString JsonReader::string(const QString &likely)
{
    const Kind kind = peek();
    if (kind != Kind::String) {
        if (!failed())
            fail(
                QCoreApplication::translate("JsonReader", "expected a string, found %1").arg(kindName(kind)));
        return {};
    }
    QByteArrayView raw;
    bool escaped = false;
    bool ascii = true;
    if (!scanString(raw, escaped, ascii))
        return {};
    if (!escaped && ascii && raw.size() == likely.size() && QLatin1StringView(raw) == likely)
        return likely;
    return decode(raw, escaped, ascii);
}

bool JsonReader::scanLiteral(const char *word)
{
    const qsizetype length = qsizetype(std::strlen(word));
    if (m_size - m_position >= length && std::memcmp(m_data + m_position, word, size_t(length)) == 0) {
        m_position += length;
        return true;
    }
    fail(QCoreApplication::translate("JsonReader", "unexpected text where a value should be"));
    return false;
}

bool JsonReader::boolean()
{
    const Kind kind = peek();
    if (kind != Kind::Bool) {
        if (!failed())
            fail(QCoreApplication::translate("JsonReader", "expected a boolean, found %1")
                     .arg(kindName(kind)));
        return false;
    }
    if (m_data[m_position] == 't')
        return scanLiteral("true");
    scanLiteral("false");
    return false;
}

void JsonReader::null()
{
    const Kind kind = peek();
    if (kind != Kind::Null) {
        if (!failed())
            fail(QCoreApplication::translate("JsonReader", "expected null, found %1").arg(kindName(kind)));
        return;
    }
    scanLiteral("null");
}

bool JsonReader::scanNumber(QByteArrayView &raw)
{
    const qsizetype start = m_position;
    qsizetype i = m_position;
    auto digits = [&] {
        const qsizetype from = i;
        while (i < m_size && isDigit(m_data[i]))
            ++i;
        return i > from;
    };
    if (i < m_size && m_data[i] == '-')
        ++i;
    if (i < m_size && m_data[i] == '0') {
        ++i;
    } else if (!digits()) {
        failAt(start, QCoreApplication::translate("JsonReader", "a malformed number"));
        return false;
    }
    if (i < m_size && m_data[i] == '.') {
        ++i;
        if (!digits()) {
            failAt(start, QCoreApplication::translate("JsonReader", "a malformed number"));
            return false;
        }
    }
    if (i < m_size && (m_data[i] == 'e' || m_data[i] == 'E')) {
        ++i;
        if (i < m_size && (m_data[i] == '+' || m_data[i] == '-'))
            ++i;
        if (!digits()) {
            failAt(start, QCoreApplication::translate("JsonReader", "a malformed number"));
            return false;
        }
    }
    raw = QByteArrayView(m_data + start, i - start);
    m_position = i;
    return true;
}

double JsonReader::number()
{
    const Kind kind = peek();
    if (kind != Kind::Number) {
        if (!failed())
            fail(
                QCoreApplication::translate("JsonReader", "expected a number, found %1").arg(kindName(kind)));
        return 0;
    }
    QByteArrayView raw;
    if (!scanNumber(raw))
        return 0;
    double value = 0;
    const auto [end, code] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
    if (code == std::errc::result_out_of_range || std::isinf(value)) {
        failAt(m_position - raw.size(), QCoreApplication::translate("JsonReader", "a number out of range"));
        return 0;
    }
    return value;
}

void JsonReader::skip()
{
    switch (peek()) {
    case Kind::Object: {
        if (!enterObject())
            return;
        QByteArrayView key;
        while (nextMember(key))
            skip();
        return;
    }
    case Kind::Array:
        if (!enterArray())
            return;
        while (nextElement())
            skip();
        return;
    case Kind::String: {
        QByteArrayView raw;
        bool escaped = false;
        bool ascii = true;
        scanString(raw, escaped, ascii);
        return;
    }
    case Kind::Number:
        number();
        return;
    case Kind::Bool:
        boolean();
        return;
    case Kind::Null:
        null();
        return;
    case Kind::None:
        return;
    }
}

bool JsonReader::finish()
{
    if (failed())
        return false;
    if (skipSpace()) {
        fail(QCoreApplication::translate("JsonReader", "more text after the end of the JSON value"));
        return false;
    }
    return true;
}

} // namespace capstan
