#pragma once

#include "SemVer.h"

#include <QList>
#include <QString>

#include <optional>

namespace capstan {

// Why: users filter chart versions with the same ranges ChartMuseum and Helm accept ("~1.2", ">=1.0.0 <2",
// "1.0.0-0 - 1.0.0-999", "*"), and prereleases match only when the range names one, as there.
class SemVerConstraint
{
public:
    // Masterminds v3 syntax: "||" separates alternatives; within one, comparisons are separated by
    // commas or spaces. Operators = != > < >= <= ~ ~> ^, hyphen ranges "a - b", wildcards x X *.
    static std::optional<SemVerConstraint> parse(QStringView text, QString *error = nullptr);

    bool matches(const SemVer &version) const;
    QString toString() const { return m_text; }

    struct Comparison
    {
        enum class Op { Eq, Ne, Gt, Lt, Ge, Le, Tilde, Caret };
        Op op = Op::Eq;
        SemVer version;
        int wildcardFrom = 3; // 0: major is a wildcard, 1: minor, 2: patch, 3: no wildcard
        bool namesPrerelease = false;
    };

private:
    QString m_text;
    QList<QList<Comparison>> m_alternatives;
};

} // namespace capstan
