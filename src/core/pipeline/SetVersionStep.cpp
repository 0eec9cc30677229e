#include "SetVersionStep.h"

#include "RunContext.h"
#include "StepContext.h"

#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

namespace {

struct Span
{
    qsizetype start = 0;
    qsizetype end = 0;
    char quote = 0;
};

StepResult failed(const QString &message)
{
    StepResult result;
    result.status = StepResult::Status::Failed;
    result.message = message;
    return result;
}

// The bytes a scalar occupies in the file, starting at its mark; quotes included. nullopt for block scalars.
std::optional<Span> scalarSpan(const QByteArray &bytes, qsizetype start, bool flow)
{
    if (start < 0 || start >= bytes.size())
        return std::nullopt;
    const char first = bytes.at(start);
    if (first == '|' || first == '>')
        return std::nullopt;
    if (first == '"' || first == '\'') {
        qsizetype i = start + 1;
        while (i < bytes.size()) {
            const char c = bytes.at(i);
            if (first == '"' && c == '\\') {
                i += 2;
                continue;
            }
            if (c == first) {
                if (first == '\'' && i + 1 < bytes.size() && bytes.at(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return Span{start, i + 1, first};
            }
            ++i;
        }
        return std::nullopt;
    }
    qsizetype end = start;
    while (end < bytes.size()) {
        const char c = bytes.at(end);
        if (c == '\n' || c == '\r')
            break;
        if (c == '#' && end > start && (bytes.at(end - 1) == ' ' || bytes.at(end - 1) == '\t'))
            break;
        if (flow && (c == ',' || c == ']' || c == '}'))
            break;
        if (c == ':' && (end + 1 == bytes.size() || bytes.at(end + 1) == ' ' || bytes.at(end + 1) == '\n'))
            break;
        ++end;
    }
    while (end > start && (bytes.at(end - 1) == ' ' || bytes.at(end - 1) == '\t'))
        --end;
    return Span{start, end, 0};
}

} // namespace

StepResult SetVersionStep::execute(StepContext &context)
{
    const Step &step = context.step();
    const QString file = context.expand(step.file);
    const QString path = context.resolve(step.file);
    const QString version = context.run().target().version;
    if (version.isEmpty())
        return failed(tr("%1: there is no version to set").arg(file));

    QFile input(path);
    if (!input.exists())
        return failed(tr("%1: the file does not exist (%2)").arg(file, path));
    if (!input.open(QIODevice::ReadOnly))
        return failed(tr("%1: cannot read: %2").arg(file, input.errorString()));
    QByteArray bytes = input.readAll();
    input.close();

    QString before;
    if (!step.key.isEmpty()) {
        YAML::Node node;
        try {
            node = YAML::Load(bytes.toStdString());
        } catch (const YAML::Exception &e) {
            return failed(tr("%1:%2:%3: not valid YAML: %4")
                              .arg(file)
                              .arg(e.mark.line + 1)
                              .arg(e.mark.column + 1)
                              .arg(QString::fromStdString(e.msg)));
        }
        bool flow = false;
        const QStringList parts = step.key.split(u'.');
        for (const QString &part : parts) {
            // Nodes are looked up and rebound with reset(): assigning one YAML::Node to another writes into
            // the tree.
            const YAML::Node &current = node;
            std::optional<YAML::Node> next;
            if (current.IsMap()) {
                const YAML::Node child = current[part.toStdString()];
                if (child.IsDefined())
                    next.emplace(child);
            } else if (current.IsSequence()) {
                bool ok = false;
                const int index = part.toInt(&ok);
                if (ok && index >= 0 && std::size_t(index) < current.size())
                    next.emplace(current[std::size_t(index)]);
            }
            if (!next)
                return failed(tr("%1: the key %2 does not exist").arg(file, step.key));
            flow = flow || next->Style() == YAML::EmitterStyle::Flow ||
                   current.Style() == YAML::EmitterStyle::Flow;
            node.reset(*next);
        }
        if (!node.IsScalar())
            return failed(tr("%1: the key %2 is not a plain value").arg(file, step.key));
        const std::optional<Span> span = scalarSpan(bytes, qsizetype(node.Mark().pos), flow);
        if (!span)
            return failed(tr("%1: the key %2 holds a block or unterminated value that cannot be replaced")
                              .arg(file, step.key));
        before = QString::fromStdString(node.Scalar());
        QByteArray replacement = version.toUtf8();
        if (span->quote)
            replacement = span->quote + replacement + span->quote;
        bytes.replace(span->start, span->end - span->start, replacement);
    } else {
        const QRegularExpression pattern(step.pattern);
        if (!pattern.isValid())
            return failed(tr("%1: the pattern %2 is invalid: %3 at offset %4")
                              .arg(file, step.pattern, pattern.errorString())
                              .arg(pattern.patternErrorOffset()));
        if (pattern.captureCount() < 1)
            return failed(
                tr("%1: the pattern %2 has no capture group ( ) around the version").arg(file, step.pattern));
        QString text = QString::fromUtf8(bytes);
        const QRegularExpressionMatch match = pattern.match(text);
        if (!match.hasMatch() || match.capturedStart(1) < 0)
            return failed(tr("%1: the pattern %2 matches nothing").arg(file, step.pattern));
        before = match.captured(1);
        text.replace(match.capturedStart(1), match.capturedLength(1), version);
        bytes = text.toUtf8();
    }

    QSaveFile output(path);
    if (!output.open(QIODevice::WriteOnly) || output.write(bytes) != bytes.size() || !output.commit())
        return failed(tr("%1: cannot write: %2").arg(file, output.errorString()));

    StepResult result;
    result.status = StepResult::Status::Succeeded;
    result.message = step.key.isEmpty() ? tr("%1: %2 → %3").arg(file, before, version)
                                        : tr("%1: %2 %3 → %4").arg(file, step.key, before, version);
    return result;
}

} // namespace capstan
