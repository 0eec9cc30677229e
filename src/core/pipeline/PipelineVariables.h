#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace capstan {

// Why: step commands name {build}, {version}, {sha} and {env}; a typo must be an error, never a literal.
class PipelineVariables
{
    Q_DECLARE_TR_FUNCTIONS(PipelineVariables)

public:
    PipelineVariables(const QString &build, const QString &version, const QString &sha, const QString &env);

    static QStringList names(); // build, version, sha, env
    // The first {name} in text that is not one of names(), or an empty string. "{{" and "}}" are literal
    // braces.
    static QString unknownVariable(const QString &text);

    // text with every variable replaced; nullopt (and *error set) when it names an unknown variable.
    std::optional<QString> expand(const QString &text, QString *error = nullptr) const;

private:
    QMap<QString, QString> m_values;
};

} // namespace capstan
