#pragma once

#include <QString>
#include <QStringList>

#include <compare>
#include <optional>

namespace capstan {

// Why: chart versions such as 1.0.0-42 must be ordered by SemVer precedence, as Helm and ChartMuseum do
// (Masterminds semver: coercing parse, build metadata ignored when comparing).
class SemVer
{
public:
    // Accepts what Masterminds' NewVersion accepts: "1", "1.0", "v1.2.3", "1.2.3-rc.1+b.7".
    // Rejects "1.2.3.4", "1.2.3-", "1.2.3-01", "1.2.3-rc_1", "1.2.3+b+c", "1.2.3-x..y", "latest".
    static std::optional<SemVer> parse(QStringView text);

    quint64 major() const { return m_major; }
    quint64 minor() const { return m_minor; }
    quint64 patch() const { return m_patch; }
    QStringList prerelease() const { return m_prerelease; }
    QString metadata() const { return m_metadata; }
    bool isPrerelease() const { return !m_prerelease.isEmpty(); }
    QString original() const { return m_original; }
    QString toString() const; // canonical "1.2.3-rc.1+b"

    // SemVer 2 precedence; build metadata ignored.
    std::strong_ordering operator<=>(const SemVer &other) const;
    bool operator==(const SemVer &other) const { return (*this <=> other) == 0; }

    // Orders version strings: valid versions by precedence, invalid ones after all valid ones, by text.
    static int compareStrings(const QString &a, const QString &b);

private:
    quint64 m_major = 0;
    quint64 m_minor = 0;
    quint64 m_patch = 0;
    QStringList m_prerelease;
    QString m_metadata;
    QString m_original;
};

} // namespace capstan
