#include "SemVerConstraint.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace capstan {

namespace {

using Op = SemVerConstraint::Comparison::Op;

// The expressions of Masterminds semver v3 (constraints.go); group numbers below follow them.
const QString &cvPattern()
{
    static const QString p = QStringLiteral(R"(v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?)"
                                            R"((-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)"
                                            R"((\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)");
    return p;
}

const QString &opsPattern()
{
    static const QString p = QStringLiteral(R"(=||!=|>|<|>=|=>|<=|=<|~|~>|\^)");
    return p;
}

const QRegularExpression &constraintRegex()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(%1)\s*(%2)\s*$)").arg(opsPattern(), cvPattern()));
    return re;
}

const QRegularExpression &rangeRegex()
{
    static const QRegularExpression re(QStringLiteral(R"(\s*(%1)\s+-\s+(%1)\s*)").arg(cvPattern()));
    return re;
}

const QRegularExpression &findRegex()
{
    static const QRegularExpression re(QStringLiteral(R"((%1)\s*(%2))").arg(opsPattern(), cvPattern()));
    return re;
}

const QRegularExpression &validRegex()
{
    static const QRegularExpression re(QStringLiteral(R"(^(\s*(%1)\s*(%2)\s*)((?:\s+|,\s*)(%1)\s*(%2)\s*)*$)")
                                           .arg(opsPattern(), cvPattern()));
    return re;
}

bool isX(QStringView s)
{
    return s == u"x" || s == u"X" || s == u"*";
}

QString improper(QStringView segment)
{
    return QCoreApplication::translate("SemVerConstraint", "improper constraint: %1").arg(segment);
}

// "a - b" becomes ">= a, <= b", as Masterminds rewriteRange does before anything else.
QString rewriteRanges(const QString &input)
{
    QString out = input;
    auto it = rangeRegex().globalMatch(input);
    while (it.hasNext()) {
        const auto m = it.next();
        const qsizetype at = out.indexOf(m.captured(0));
        if (at >= 0)
            out.replace(at, m.capturedLength(0),
                        QStringLiteral(">= %1, <= %2 ").arg(m.captured(1), m.captured(11)));
    }
    return out;
}

Op opFromText(QStringView op)
{
    if (op == u"!=")
        return Op::Ne;
    if (op == u">")
        return Op::Gt;
    if (op == u"<")
        return Op::Lt;
    if (op == u">=" || op == u"=>")
        return Op::Ge;
    if (op == u"<=" || op == u"=<")
        return Op::Le;
    if (op == u"~" || op == u"~>")
        return Op::Tilde;
    if (op == u"^")
        return Op::Caret;
    return Op::Eq;
}

std::optional<SemVerConstraint::Comparison> parseComparison(const QString &text, QString *error)
{
    const auto m = constraintRegex().match(text);
    if (!m.hasMatch()) {
        *error = improper(text);
        return std::nullopt;
    }
    const QString major = m.captured(3);
    const QString minorDot = m.captured(4);
    const QString patchDot = m.captured(5);
    const QString pre = m.captured(6);

    SemVerConstraint::Comparison c;
    c.op = opFromText(m.captured(1));
    QString ver = m.captured(2);
    if (isX(major)) {
        ver = QStringLiteral("0.0.0") + pre;
        c.wildcardFrom = 0;
    } else if (minorDot.isEmpty() || isX(QStringView(minorDot).mid(1))) {
        ver = major + QStringLiteral(".0.0") + pre;
        c.wildcardFrom = 1;
    } else if (patchDot.isEmpty() || isX(QStringView(patchDot).mid(1))) {
        ver = major + minorDot + QStringLiteral(".0") + pre;
        c.wildcardFrom = 2;
    }
    const auto version = SemVer::parse(ver);
    if (!version) {
        *error = improper(text.trimmed());
        return std::nullopt;
    }
    c.version = *version;
    c.namesPrerelease = version->isPrerelease();
    return c;
}

bool tilde(const SemVer &v, const SemVerConstraint::Comparison &c)
{
    const SemVer &con = c.version;
    if (v < con)
        return false;
    const bool minorDirty = c.wildcardFrom == 1;
    const bool patchDirty = c.wildcardFrom == 2;
    if (con.major() == 0 && con.minor() == 0 && con.patch() == 0 && !minorDirty && !patchDirty)
        return true;
    if (v.major() != con.major())
        return false;
    if (v.minor() != con.minor() && !minorDirty)
        return false;
    return true;
}

bool caret(const SemVer &v, const SemVerConstraint::Comparison &c)
{
    const SemVer &con = c.version;
    if (v < con)
        return false;
    if (con.major() > 0 || c.wildcardFrom == 1)
        return v.major() == con.major();
    if (v.major() > 0)
        return false;
    if (con.minor() > 0 || c.wildcardFrom == 2)
        return v.minor() == con.minor();
    if (v.minor() > 0)
        return false;
    return v.patch() == con.patch();
}

bool notEqual(const SemVer &v, const SemVerConstraint::Comparison &c)
{
    const SemVer &con = c.version;
    if (c.wildcardFrom < 3) {
        if (con.major() != v.major())
            return true;
        if (c.wildcardFrom == 1)
            return false;
        if (con.minor() != v.minor() && c.wildcardFrom != 1)
            return true;
        if (c.wildcardFrom == 2) {
            if (v.isPrerelease() || con.isPrerelease())
                return v.prerelease() != con.prerelease();
            return false;
        }
    }
    return v != con;
}

bool greaterThan(const SemVer &v, const SemVerConstraint::Comparison &c)
{
    const SemVer &con = c.version;
    if (c.wildcardFrom == 3)
        return v > con;
    if (v.major() > con.major())
        return true;
    if (v.major() < con.major())
        return false;
    if (c.wildcardFrom == 1)
        return false;
    if (c.wildcardFrom == 2)
        return v.minor() > con.minor();
    return v > con;
}

bool lessOrEqual(const SemVer &v, const SemVerConstraint::Comparison &c)
{
    const SemVer &con = c.version;
    if (c.wildcardFrom == 3)
        return v <= con;
    if (v.major() > con.major())
        return false;
    if (v.major() == con.major() && v.minor() > con.minor() && c.wildcardFrom != 1)
        return false;
    return true;
}

bool check(const SemVer &v, const SemVerConstraint::Comparison &c)
{
    switch (c.op) {
    case Op::Eq:
        return c.wildcardFrom < 3 ? tilde(v, c) : v == c.version;
    case Op::Ne:
        return notEqual(v, c);
    case Op::Gt:
        return greaterThan(v, c);
    case Op::Lt:
        return v < c.version;
    case Op::Ge:
        return v >= c.version;
    case Op::Le:
        return lessOrEqual(v, c);
    case Op::Tilde:
        return tilde(v, c);
    case Op::Caret:
        return caret(v, c);
    }
    return false;
}

} // namespace

std::optional<SemVerConstraint> SemVerConstraint::parse(QStringView text, QString *error)
{
    QString dummy;
    QString *err = error ? error : &dummy;
    SemVerConstraint result;
    result.m_text = text.toString();

    const QString rewritten = rewriteRanges(result.m_text);
    const QStringList alternatives = rewritten.split(QStringLiteral("||"));
    for (const QString &alternative : alternatives) {
        if (!validRegex().match(alternative).hasMatch()) {
            *err = improper(alternative);
            return std::nullopt;
        }
        QList<Comparison> group;
        auto it = findRegex().globalMatch(alternative);
        while (it.hasNext()) {
            const auto comparison = parseComparison(it.next().captured(0), err);
            if (!comparison)
                return std::nullopt;
            group.append(*comparison);
        }
        if (group.isEmpty()) {
            *err = improper(alternative);
            return std::nullopt;
        }
        result.m_alternatives.append(group);
    }
    return result;
}

bool SemVerConstraint::matches(const SemVer &version) const
{
    for (const QList<Comparison> &group : m_alternatives) {
        const bool includePrerelease =
            std::any_of(group.cbegin(), group.cend(), [](const Comparison &c) { return c.namesPrerelease; });
        if (version.isPrerelease() && !includePrerelease)
            continue;
        if (std::all_of(group.cbegin(), group.cend(), [&](const Comparison &c) { return check(version, c); }))
            return true;
    }
    return false;
}

} // namespace capstan
