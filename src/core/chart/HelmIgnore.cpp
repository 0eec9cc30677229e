#include "HelmIgnore.h"

#include <string>
#include <string_view>

namespace capstan {

namespace {

using U32View = std::u32string_view;

struct Chunk
{
    bool star = false;
    U32View chunk;
    U32View rest;
};

Chunk scanChunk(U32View pattern)
{
    Chunk out;
    while (!pattern.empty() && pattern.front() == U'*') {
        pattern.remove_prefix(1);
        out.star = true;
    }
    bool inRange = false;
    size_t i = 0;
    for (; i < pattern.size(); ++i) {
        const char32_t c = pattern[i];
        if (c == U'\\') {
            if (i + 1 < pattern.size())
                ++i;
        } else if (c == U'[') {
            inRange = true;
        } else if (c == U']') {
            inRange = false;
        } else if (c == U'*' && !inRange) {
            break;
        }
    }
    out.chunk = pattern.substr(0, i);
    out.rest = pattern.substr(i);
    return out;
}

// Go's getEsc: one (possibly escaped) character of a class.
bool getEscaped(U32View &chunk, char32_t *r)
{
    if (chunk.empty() || chunk.front() == U'-' || chunk.front() == U']')
        return false;
    if (chunk.front() == U'\\') {
        chunk.remove_prefix(1);
        if (chunk.empty())
            return false;
    }
    *r = chunk.front();
    chunk.remove_prefix(1);
    return !chunk.empty();
}

// Go's matchChunk: returns false with *bad set on a malformed chunk.
bool matchChunk(U32View chunk, U32View s, U32View *rest, bool *bad)
{
    bool failed = false;
    while (!chunk.empty()) {
        if (!failed && s.empty())
            failed = true;
        switch (chunk.front()) {
        case U'[': {
            char32_t r = 0;
            if (!failed) {
                r = s.front();
                s.remove_prefix(1);
            }
            chunk.remove_prefix(1);
            bool negated = false;
            if (!chunk.empty() && chunk.front() == U'^') {
                negated = true;
                chunk.remove_prefix(1);
            }
            bool matched = false;
            int ranges = 0;
            for (;;) {
                if (!chunk.empty() && chunk.front() == U']' && ranges > 0) {
                    chunk.remove_prefix(1);
                    break;
                }
                char32_t lo = 0;
                if (!getEscaped(chunk, &lo)) {
                    *bad = true;
                    return false;
                }
                char32_t hi = lo;
                if (chunk.front() == U'-') {
                    chunk.remove_prefix(1);
                    if (!getEscaped(chunk, &hi)) {
                        *bad = true;
                        return false;
                    }
                }
                if (lo <= r && r <= hi)
                    matched = true;
                ++ranges;
            }
            if (matched == negated)
                failed = true;
            break;
        }
        case U'?':
            if (!failed) {
                if (s.front() == U'/')
                    failed = true;
                s.remove_prefix(1);
            }
            chunk.remove_prefix(1);
            break;
        case U'\\':
            chunk.remove_prefix(1);
            if (chunk.empty()) {
                *bad = true;
                return false;
            }
            [[fallthrough]];
        default:
            if (!failed) {
                if (chunk.front() != s.front())
                    failed = true;
                s.remove_prefix(1);
            }
            chunk.remove_prefix(1);
            break;
        }
    }
    if (failed)
        return false;
    *rest = s;
    return true;
}

bool goMatch(U32View pattern, U32View name, bool *bad)
{
    while (!pattern.empty()) {
        const Chunk c = scanChunk(pattern);
        pattern = c.rest;
        if (c.star && c.chunk.empty())
            return name.find(U'/') == U32View::npos;
        U32View t;
        const bool ok = matchChunk(c.chunk, name, &t, bad);
        if (*bad)
            return false;
        if (ok && (t.empty() || !pattern.empty())) {
            name = t;
            continue;
        }
        bool advanced = false;
        if (c.star) {
            for (size_t i = 0; i < name.size() && name[i] != U'/'; ++i) {
                U32View t2;
                if (matchChunk(c.chunk, name.substr(i + 1), &t2, bad)) {
                    if (pattern.empty() && !t2.empty())
                        continue;
                    name = t2;
                    advanced = true;
                    break;
                }
                if (*bad)
                    return false;
            }
        }
        if (advanced)
            continue;
        while (!pattern.empty()) {
            const Chunk next = scanChunk(pattern);
            pattern = next.rest;
            U32View ignored;
            matchChunk(next.chunk, U32View(), &ignored, bad);
            if (*bad)
                return false;
        }
        return false;
    }
    return name.empty();
}

std::u32string toU32(QStringView s)
{
    const QList<uint> ucs4 = s.toUcs4();
    return std::u32string(ucs4.cbegin(), ucs4.cend());
}

} // namespace

bool HelmIgnore::match(QStringView pattern, QStringView name, bool *badPattern)
{
    const std::u32string p = toU32(pattern);
    const std::u32string n = toU32(name);
    bool bad = false;
    const bool matched = goMatch(p, n, &bad);
    if (badPattern)
        *badPattern = bad;
    return matched && !bad;
}

std::optional<HelmIgnore> HelmIgnore::parse(const QByteArray &text, QString *error, int *errorLine)
{
    HelmIgnore rules;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString problem = rules.addRule(QString::fromUtf8(lines.at(i)));
        if (!problem.isEmpty()) {
            if (error)
                *error = problem;
            if (errorLine)
                *errorLine = int(i + 1);
            return std::nullopt;
        }
    }
    return rules;
}

QString HelmIgnore::addRule(const QString &line)
{
    QString rule = line.trimmed();
    if (rule.isEmpty() || rule.startsWith(u'#'))
        return {};
    if (rule.contains(QLatin1StringView("**")))
        return tr("double-star (**) syntax is not supported: \"%1\"").arg(rule);
    bool bad = false;
    match(rule, u"abc", &bad);
    if (bad)
        return tr("syntax error in pattern \"%1\"").arg(rule);

    Rule r;
    if (rule.startsWith(u'!')) {
        r.negate = true;
        rule.remove(0, 1);
    }
    if (rule.endsWith(u'/')) {
        r.directoryOnly = true;
        rule.chop(1);
    }
    if (rule.startsWith(u'/'))
        rule.remove(0, 1);
    else if (!rule.contains(u'/'))
        r.baseName = true;
    r.pattern = rule;
    m_rules.append(r);
    return {};
}

void HelmIgnore::addDefaults()
{
    addRule(DefaultRule);
}

bool HelmIgnore::ignores(const QString &path, bool isDirectory) const
{
    if (path.isEmpty() || path == u"." || path == u"./")
        return false;
    const QStringView base = QStringView(path).mid(path.lastIndexOf(u'/') + 1);
    for (const Rule &rule : m_rules) {
        const QStringView subject = rule.baseName ? base : QStringView(path);
        if (rule.negate) {
            // Helm's rule: a path that reaches a negated rule is ignored unless it matches it.
            if (rule.directoryOnly && !isDirectory)
                return true;
            if (!match(rule.pattern, subject))
                return true;
            continue;
        }
        if (rule.directoryOnly && !isDirectory)
            continue;
        if (match(rule.pattern, subject))
            return true;
    }
    return false;
}

} // namespace capstan
