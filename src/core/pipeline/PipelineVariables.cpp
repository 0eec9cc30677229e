#include "PipelineVariables.h"

namespace capstan {

namespace {

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9') || c == u'-';
}

// Walks text, handing each {name} to `variable` and everything else to `literal`. Stops when variable returns
// false.
template <typename Literal, typename Variable>
bool walk(const QString &text, Literal literal, Variable variable)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if ((c == u'{' || c == u'}') && i + 1 < text.size() && text.at(i + 1) == c) {
            literal(c);
            i += 2;
            continue;
        }
        if (c == u'{' && i + 1 < text.size() && isNameStart(text.at(i + 1))) {
            qsizetype end = i + 1;
            while (end < text.size() && isNameChar(text.at(end)))
                ++end;
            if (end < text.size() && text.at(end) == u'}') {
                if (!variable(text.mid(i + 1, end - i - 1)))
                    return false;
                i = end + 1;
                continue;
            }
        }
        literal(c);
        ++i;
    }
    return true;
}

} // namespace

PipelineVariables::PipelineVariables(const QString &build, const QString &version, const QString &sha,
                                     const QString &env)
{
    m_values.insert(QStringLiteral("build"), build);
    m_values.insert(QStringLiteral("version"), version);
    m_values.insert(QStringLiteral("sha"), sha);
    m_values.insert(QStringLiteral("env"), env);
}

QStringList PipelineVariables::names()
{
    return {QStringLiteral("build"), QStringLiteral("version"), QStringLiteral("sha"), QStringLiteral("env")};
}

QString PipelineVariables::unknownVariable(const QString &text)
{
    const QStringList known = names();
    QString unknown;
    walk(
        text, [](QChar) {},
        [&](const QString &name) {
            if (known.contains(name))
                return true;
            unknown = name;
            return false;
        });
    return unknown;
}

std::optional<QString> PipelineVariables::expand(const QString &text, QString *error) const
{
    QString out;
    QString unknown;
    const bool ok = walk(
        text, [&](QChar c) { out.append(c); },
        [&](const QString &name) {
            const auto it = m_values.constFind(name);
            if (it == m_values.constEnd()) {
                unknown = name;
                return false;
            }
            out.append(*it);
            return true;
        });
    if (ok)
        return out;
    if (error)
        *error =
            tr("unknown variable {%1} (expected one of: {build}, {version}, {sha}, {env}; write {{ for a "
               "literal brace)")
                .arg(unknown);
    return std::nullopt;
}

} // namespace capstan
