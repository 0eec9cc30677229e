#include "SemVer.h"

#include <limits>

namespace capstan {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isIdentChar(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-';
}

bool isNumeric(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (!isDigit(c))
            return false;
    }
    return true;
}

// Go's strconv.ParseUint(s, 10, 64) for an all-digit string.
std::optional<quint64> parseUint64(QStringView digits)
{
    if (!isNumeric(digits))
        return std::nullopt;
    quint64 value = 0;
    for (QChar c : digits) {
        const quint64 d = quint64(c.unicode() - u'0');
        if (value > (std::numeric_limits<quint64>::max() - d) / 10)
            return std::nullopt;
        value = value * 10 + d;
    }
    return value;
}

// Dot-separated identifiers of [0-9A-Za-z-]+; none may be empty.
std::optional<QStringList> splitIdentifiers(QStringView text)
{
    QStringList parts;
    for (QStringView part : text.split(u'.')) {
        if (part.isEmpty())
            return std::nullopt;
        for (QChar c : part) {
            if (!isIdentChar(c))
                return std::nullopt;
        }
        parts.append(part.toString());
    }
    return parts;
}

// Masterminds comparePrePart: numbers (that fit in uint64) sort before strings, strings bytewise.
int comparePrePart(const QString &s, const QString &o)
{
    if (s == o)
        return 0;
    if (s.isEmpty())
        return -1;
    if (o.isEmpty())
        return 1;
    const auto si = parseUint64(s);
    const auto oi = parseUint64(o);
    if (!si && !oi)
        return s.toUtf8() > o.toUtf8() ? 1 : -1;
    if (!oi)
        return -1;
    if (!si)
        return 1;
    return *si > *oi ? 1 : -1;
}

int comparePrerelease(const QStringList &a, const QStringList &b)
{
    const qsizetype n = std::max(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const int d = comparePrePart(i < a.size() ? a.at(i) : QString(), i < b.size() ? b.at(i) : QString());
        if (d != 0)
            return d;
    }
    return 0;
}

} // namespace

std::optional<SemVer> SemVer::parse(QStringView text)
{
    qsizetype pos = 0;
    const qsizetype len = text.size();
    if (pos < len && text.at(pos) == u'v')
        ++pos;

    auto readNumber = [&](quint64 *out) -> bool {
        const qsizetype start = pos;
        while (pos < len && isDigit(text.at(pos)))
            ++pos;
        const auto value = parseUint64(text.mid(start, pos - start));
        if (!value)
            return false;
        *out = *value;
        return true;
    };

    SemVer v;
    if (!readNumber(&v.m_major))
        return std::nullopt;
    if (pos < len && text.at(pos) == u'.') {
        ++pos;
        if (!readNumber(&v.m_minor))
            return std::nullopt;
        if (pos < len && text.at(pos) == u'.') {
            ++pos;
            if (!readNumber(&v.m_patch))
                return std::nullopt;
        }
    }

    const qsizetype plus = text.indexOf(u'+', pos);
    const QStringView beforeMeta = plus < 0 ? text.mid(pos) : text.mid(pos, plus - pos);
    if (!beforeMeta.isEmpty()) {
        if (beforeMeta.at(0) != u'-')
            return std::nullopt;
        const auto pre = splitIdentifiers(beforeMeta.mid(1));
        if (!pre)
            return std::nullopt;
        for (const QString &part : *pre) {
            if (isNumeric(part) && part.size() > 1 && part.at(0) == u'0')
                return std::nullopt;
        }
        v.m_prerelease = *pre;
    }
    if (plus >= 0) {
        const QStringView meta = text.mid(plus + 1);
        if (!splitIdentifiers(meta))
            return std::nullopt;
        v.m_metadata = meta.toString();
    }
    v.m_original = text.toString();
    return v;
}

QString SemVer::toString() const
{
    QString s = QString::number(m_major) + u'.' + QString::number(m_minor) + u'.' + QString::number(m_patch);
    if (!m_prerelease.isEmpty())
        s += u'-' + m_prerelease.join(u'.');
    if (!m_metadata.isEmpty())
        s += u'+' + m_metadata;
    return s;
}

std::strong_ordering SemVer::operator<=>(const SemVer &other) const
{
    if (auto c = m_major <=> other.m_major; c != 0)
        return c;
    if (auto c = m_minor <=> other.m_minor; c != 0)
        return c;
    if (auto c = m_patch <=> other.m_patch; c != 0)
        return c;
    if (m_prerelease.isEmpty() && other.m_prerelease.isEmpty())
        return std::strong_ordering::equal;
    if (m_prerelease.isEmpty())
        return std::strong_ordering::greater;
    if (other.m_prerelease.isEmpty())
        return std::strong_ordering::less;
    return comparePrerelease(m_prerelease, other.m_prerelease) <=> 0;
}

int SemVer::compareStrings(const QString &a, const QString &b)
{
    const auto va = parse(a);
    const auto vb = parse(b);
    if (va && vb) {
        const auto c = *va <=> *vb;
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (va)
        return -1;
    if (vb)
        return 1;
    return a.compare(b);
}

} // namespace capstan
