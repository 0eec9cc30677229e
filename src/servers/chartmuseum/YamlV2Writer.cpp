#include "YamlV2Writer.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

constexpr int bestWidth = 80;
constexpr int bestIndent = 2;

bool isBreak(char32_t c)
{
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool isBlank(char32_t c)
{
    return c == ' ' || c == '\t';
}

bool isPrintable(char32_t c)
{
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
}

enum class Style { Plain, SingleQuoted, DoubleQuoted, Literal };

struct Analysis
{
    bool multiline = false;
    bool blockPlainAllowed = true;
    bool singleQuotedAllowed = true;
    bool blockAllowed = true;
};

Analysis analyze(const std::u32string &value)
{
    Analysis result;
    if (value.empty()) {
        result.blockAllowed = false;
        return result;
    }
    bool blockIndicators = false;
    bool lineBreaks = false;
    bool specialCharacters = false;
    bool leadingSpace = false;
    bool leadingBreak = false;
    bool trailingSpace = false;
    bool trailingBreak = false;
    bool breakSpace = false;
    bool spaceBreak = false;
    bool previousSpace = false;
    bool previousBreak = false;
    bool precededByWhitespace = true;
    if (value.size() >= 3 && ((value[0] == '-' && value[1] == '-' && value[2] == '-') ||
                              (value[0] == '.' && value[1] == '.' && value[2] == '.')))
        blockIndicators = true;
    const size_t size = value.size();
    for (size_t i = 0; i < size; ++i) {
        const char32_t c = value[i];
        const bool followedByWhitespace = i + 1 >= size || isBlank(value[i + 1]);
        if (i == 0) {
            switch (c) {
            case '#':
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '&':
            case '*':
            case '!':
            case '|':
            case '>':
            case '\'':
            case '"':
            case '%':
            case '@':
            case '`':
                blockIndicators = true;
                break;
            case '?':
            case ':':
            case '-':
                if (followedByWhitespace)
                    blockIndicators = true;
                break;
            default:
                break;
            }
        } else {
            if (c == ':' && followedByWhitespace)
                blockIndicators = true;
            if (c == '#' && precededByWhitespace)
                blockIndicators = true;
        }
        if (!isPrintable(c))
            specialCharacters = true;
        if (c == ' ') {
            if (i == 0)
                leadingSpace = true;
            if (i + 1 == size)
                trailingSpace = true;
            if (previousBreak)
                breakSpace = true;
            previousSpace = true;
            previousBreak = false;
        } else if (isBreak(c)) {
            lineBreaks = true;
            if (i == 0)
                leadingBreak = true;
            if (i + 1 == size)
                trailingBreak = true;
            if (previousSpace)
                spaceBreak = true;
            previousSpace = false;
            previousBreak = true;
        } else {
            previousSpace = false;
            previousBreak = false;
        }
        precededByWhitespace = isBlank(c) || isBreak(c) || c == 0;
    }
    result.multiline = lineBreaks;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        result.blockPlainAllowed = false;
    if (trailingSpace)
        result.blockAllowed = false;
    if (breakSpace) {
        result.blockPlainAllowed = false;
        result.singleQuotedAllowed = false;
    }
    if (spaceBreak || specialCharacters) {
        result.blockPlainAllowed = false;
        result.singleQuotedAllowed = false;
        result.blockAllowed = false;
    }
    if (lineBreaks)
        result.blockPlainAllowed = false;
    if (blockIndicators)
        result.blockPlainAllowed = false;
    return result;
}

std::u32string toUcs4(const QString &text)
{
    const QList<uint> ucs4 = text.toUcs4();
    return std::u32string(ucs4.cbegin(), ucs4.cend());
}

// Writes scalars and structure while tracking the column, as the yaml.v2 emitter does for folding.
class Emitter
{
public:
    QString out;
    int column = 0;

    void put(char32_t c)
    {
        if (c == '\n') {
            out.append(u'\n');
            column = 0;
            return;
        }
        if (c < 0x10000)
            out.append(QChar(char16_t(c)));
        else
            out.append(QString::fromUcs4(&c, 1));
        ++column;
    }
    void put(QStringView text)
    {
        for (const QChar c : text)
            put(char32_t(c.unicode()));
    }
    void putLatin1(const char *text)
    {
        for (; *text; ++text)
            put(char32_t(uchar(*text)));
    }
    void indentTo(int indent)
    {
        if (column > indent)
            put('\n');
        while (column < indent)
            put(' ');
    }
    void newlineIndent(int indent)
    {
        put('\n');
        while (column < indent)
            put(' ');
    }

    void scalar(const QString &text, int indent, bool simpleKey)
    {
        const std::u32string value = toUcs4(text);
        const Analysis analysis = analyze(value);
        Style style = Style::Plain;
        if (text.contains(u'\n'))
            style = Style::Literal;
        else if (YamlV2Writer::resolvesToNonString(text))
            style = Style::DoubleQuoted;
        if (simpleKey && analysis.multiline)
            style = Style::DoubleQuoted;
        if (style == Style::Plain) {
            if (!analysis.blockPlainAllowed)
                style = Style::SingleQuoted;
            if (value.empty() && simpleKey)
                style = Style::SingleQuoted;
        }
        if (style == Style::SingleQuoted && !analysis.singleQuotedAllowed)
            style = Style::DoubleQuoted;
        if (style == Style::Literal && (!analysis.blockAllowed || simpleKey))
            style = Style::DoubleQuoted;

        const bool allowBreaks = !simpleKey;
        switch (style) {
        case Style::Plain:
            writePlain(value, indent, allowBreaks);
            break;
        case Style::SingleQuoted:
            writeSingleQuoted(value, indent, allowBreaks);
            break;
        case Style::DoubleQuoted:
            writeDoubleQuoted(value, indent, allowBreaks);
            break;
        case Style::Literal:
            writeLiteral(value, indent);
            break;
        }
    }

    void writePlain(const std::u32string &value, int indent, bool allowBreaks)
    {
        bool spaces = false;
        for (size_t i = 0; i < value.size(); ++i) {
            const char32_t c = value[i];
            if (c == ' ') {
                if (allowBreaks && !spaces && column > bestWidth &&
                    !(i + 1 < value.size() && value[i + 1] == ' '))
                    newlineIndent(indent);
                else
                    put(c);
                spaces = true;
            } else {
                put(c);
                spaces = false;
            }
        }
    }

    void writeSingleQuoted(const std::u32string &value, int indent, bool allowBreaks)
    {
        put('\'');
        bool spaces = false;
        for (size_t i = 0; i < value.size(); ++i) {
            const char32_t c = value[i];
            if (c == ' ') {
                if (allowBreaks && !spaces && column > bestWidth && i != 0 && i != value.size() - 1 &&
                    !(i + 1 < value.size() && value[i + 1] == ' '))
                    newlineIndent(indent);
                else
                    put(c);
                spaces = true;
            } else {
                if (c == '\'')
                    put('\'');
                put(c);
                spaces = false;
            }
        }
        put('\'');
    }

    void writeDoubleQuoted(const std::u32string &value, int indent, bool allowBreaks)
    {
        static constexpr char hex[] = "0123456789ABCDEF";
        put('"');
        bool spaces = false;
        for (size_t i = 0; i < value.size(); ++i) {
            const char32_t c = value[i];
            if (!isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\') {
                put('\\');
                switch (c) {
                case 0x00:
                    put('0');
                    break;
                case 0x07:
                    put('a');
                    break;
                case 0x08:
                    put('b');
                    break;
                case 0x09:
                    put('t');
                    break;
                case 0x0A:
                    put('n');
                    break;
                case 0x0B:
                    put('v');
                    break;
                case 0x0C:
                    put('f');
                    break;
                case 0x0D:
                    put('r');
                    break;
                case 0x1B:
                    put('e');
                    break;
                case 0x22:
                    put('"');
                    break;
                case 0x5C:
                    put('\\');
                    break;
                case 0x85:
                    put('N');
                    break;
                case 0xA0:
                    put('_');
                    break;
                case 0x2028:
                    put('L');
                    break;
                case 0x2029:
                    put('P');
                    break;
                default: {
                    int digits = 0;
                    if (c <= 0xFF) {
                        put('x');
                        digits = 2;
                    } else if (c <= 0xFFFF) {
                        put('u');
                        digits = 4;
                    } else {
                        put('U');
                        digits = 8;
                    }
                    for (int k = (digits - 1) * 4; k >= 0; k -= 4)
                        put(char32_t(hex[(c >> k) & 0x0F]));
                    break;
                }
                }
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && column > bestWidth && i > 0 && i < value.size() - 1) {
                    newlineIndent(indent);
                    if (value[i + 1] == ' ')
                        put('\\');
                } else {
                    put(c);
                }
                spaces = true;
            } else {
                put(c);
                spaces = false;
            }
        }
        put('"');
    }

    void writeLiteral(const std::u32string &value, int indent)
    {
        put('|');
        if (!value.empty() && (value[0] == ' ' || isBreak(value[0])))
            put(char32_t('0' + bestIndent));
        if (value.empty() || !isBreak(value.back()))
            put('-');
        else if (value.size() == 1 || isBreak(value[value.size() - 2]))
            put('+');
        put('\n');
        bool breaks = true;
        for (const char32_t c : value) {
            if (isBreak(c)) {
                put('\n');
                breaks = true;
            } else {
                if (breaks) {
                    while (column < indent)
                        put(' ');
                    breaks = false;
                }
                put(c);
            }
        }
        if (!breaks)
            put('\n');
    }

    static bool isScalar(const GoValue &value)
    {
        switch (value.type()) {
        case GoValue::Type::Array:
            return value.items().empty();
        case GoValue::Type::Object:
            return value.members().empty();
        default:
            return true;
        }
    }

    // Writes a scalar (or {} / []) value after "key:" or "- ", then ends the line.
    void inlineValue(const GoValue &value, int indent)
    {
        switch (value.type()) {
        case GoValue::Type::Null:
            putLatin1("null");
            break;
        case GoValue::Type::Bool:
            putLatin1(value.boolValue() ? "true" : "false");
            break;
        case GoValue::Type::Number:
            put(QString::fromLatin1(value.numberText()));
            break;
        case GoValue::Type::String:
            scalar(value.string(), indent, false);
            break;
        case GoValue::Type::Array:
            putLatin1("[]");
            break;
        case GoValue::Type::Object:
            putLatin1("{}");
            break;
        }
        if (column != 0)
            put('\n');
    }

    // `indent`: column of the keys. The first key may already be positioned (after "- ").
    void mapping(const GoValue &value, int indent)
    {
        std::vector<const GoValue::Member *> members;
        members.reserve(value.members().size());
        for (const GoValue::Member &member : value.members())
            members.push_back(&member);
        std::stable_sort(members.begin(), members.end(),
                         [](const GoValue::Member *a, const GoValue::Member *b) {
                             return YamlV2Writer::keyLess(a->first, b->first);
                         });
        for (const GoValue::Member *member : members) {
            indentTo(indent);
            scalar(member->first, indent, true);
            put(':');
            const GoValue &child = member->second;
            if (isScalar(child)) {
                put(' ');
                inlineValue(child, indent + bestIndent);
            } else if (child.type() == GoValue::Type::Object) {
                put('\n');
                mapping(child, indent + bestIndent);
            } else {
                put('\n');
                sequence(child, indent);
            }
        }
    }

    void sequence(const GoValue &value, int indent)
    {
        for (const GoValue &item : value.items()) {
            indentTo(indent);
            putLatin1("- ");
            if (isScalar(item))
                inlineValue(item, indent + bestIndent);
            else if (item.type() == GoValue::Type::Object)
                mapping(item, indent + bestIndent);
            else
                sequence(item, indent + bestIndent);
        }
    }
};

} // namespace

QByteArray YamlV2Writer::write(const GoValue &value)
{
    Emitter emitter;
    if (value.type() == GoValue::Type::Object && !value.members().empty())
        emitter.mapping(value, 0);
    else if (value.type() == GoValue::Type::Array && !value.items().empty())
        emitter.sequence(value, 0);
    else
        emitter.inlineValue(value, 0);
    return emitter.out.toUtf8();
}

QString YamlV2Writer::writeMapping(const GoValue &mapping, int indent)
{
    Emitter emitter;
    for (int i = 0; i < indent; ++i)
        emitter.put(' ');
    emitter.mapping(mapping, indent);
    return emitter.out;
}

QString YamlV2Writer::keyScalar(const QString &key)
{
    Emitter emitter;
    emitter.scalar(key, 0, true);
    return emitter.out;
}

bool YamlV2Writer::keyLess(const QString &a, const QString &b)
{
    const std::u32string ar = toUcs4(a);
    const std::u32string br = toUcs4(b);
    const auto isDigit = [](char32_t c) { return QChar::isDigit(c); };
    for (size_t i = 0; i < ar.size() && i < br.size(); ++i) {
        if (ar[i] == br[i])
            continue;
        const bool al = QChar::isLetter(ar[i]);
        const bool bl = QChar::isLetter(br[i]);
        if (al && bl)
            return ar[i] < br[i];
        if (al || bl)
            return bl;
        qint64 an = 0;
        qint64 bn = 0;
        if (ar[i] == '0' || br[i] == '0') {
            for (size_t j = i; j-- > 0 && isDigit(ar[j]);) {
                if (ar[j] != '0') {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        size_t ai = i;
        for (; ai < ar.size() && isDigit(ar[ai]); ++ai)
            an = an * 10 + qint64(QChar::digitValue(ar[ai]));
        size_t bi = i;
        for (; bi < br.size() && isDigit(br[bi]); ++bi)
            bn = bn * 10 + qint64(QChar::digitValue(br[bi]));
        if (an != bn)
            return an < bn;
        if (ai != bi)
            return ai < bi;
        return ar[i] < br[i];
    }
    return ar.size() < br.size();
}

bool YamlV2Writer::resolvesToNonString(const QString &text)
{
    static const QStringList special = {
        u""_s,     u"~"_s,     u"null"_s,  u"Null"_s,  u"NULL"_s,  u"y"_s,     u"Y"_s,     u"yes"_s,
        u"Yes"_s,  u"YES"_s,   u"n"_s,     u"N"_s,     u"no"_s,    u"No"_s,    u"NO"_s,    u"true"_s,
        u"True"_s, u"TRUE"_s,  u"false"_s, u"False"_s, u"FALSE"_s, u"on"_s,    u"On"_s,    u"ON"_s,
        u"off"_s,  u"Off"_s,   u"OFF"_s,   u".nan"_s,  u".NaN"_s,  u".NAN"_s,  u".inf"_s,  u".Inf"_s,
        u".INF"_s, u"+.inf"_s, u"+.Inf"_s, u"+.INF"_s, u"-.inf"_s, u"-.Inf"_s, u"-.INF"_s, u"<<"_s,
    };
    if (special.contains(text))
        return true;
    const QChar first = text.at(0);
    if (!(first.isDigit() || first == u'+' || first == u'-' || first == u'.'))
        return false;
    static const QRegularExpression integer(u"^[-+]?(0b[01]+|0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+)$"_s);
    static const QRegularExpression floating(u"^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$"_s);
    static const QRegularExpression infNan(u"^[-+](inf|infinity|nan)$"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression base60(u"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$"_s);
    static const QRegularExpression timestamp(
        u"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
        "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$"_s);
    QString plain = text;
    plain.remove(u'_');
    return integer.match(plain).hasMatch() || floating.match(plain).hasMatch() ||
           infNan.match(text).hasMatch() || base60.match(text).hasMatch() || timestamp.match(text).hasMatch();
}

} // namespace capstan
