#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace capstan {

// Why: `.helmignore` must select exactly the files `helm package` selects, including Helm's quirks (base-name
// matching, directory-only and anchored patterns, the inverted negation and the `templates/.?*` default).
class HelmIgnore
{
    Q_DECLARE_TR_FUNCTIONS(HelmIgnore)
public:
    static constexpr QLatin1StringView DefaultRule{"templates/.?*"};

    // Parses the file's text. On failure returns nullopt, sets *error to the problem and *errorLine to its
    // 1-based line.
    static std::optional<HelmIgnore> parse(const QByteArray &text, QString *error, int *errorLine = nullptr);
    // Adds one rule (a line of the file); returns the problem, or an empty string.
    QString addRule(const QString &line);
    void addDefaults();

    // `path` is relative to the chart root, '/'-separated, without a trailing '/'.
    bool ignores(const QString &path, bool isDirectory) const;

    // Go's filepath.Match on '/'-separated names. *badPattern is set when the pattern is malformed.
    static bool match(QStringView pattern, QStringView name, bool *badPattern = nullptr);

private:
    struct Rule
    {
        QString pattern; // without '!', leading '/' and trailing '/'
        bool negate = false;
        bool directoryOnly = false;
        bool baseName = false; // no '/' in the pattern: matched against the last path component
    };
    QList<Rule> m_rules;
};

} // namespace capstan
