#pragma once

#include "CommandLine.h"
#include "ExitCode.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <optional>

namespace capstan {

class ApiError;

// Why: every command prints through one place: text tables for people, exactly one JSON document for
// scripts, and errors (text or JSON) on stderr only, so stdout stays parseable.
class OutputWriter
{
    Q_DECLARE_TR_FUNCTIONS(OutputWriter)
public:
    explicit OutputWriter(CommandLine::Output format, FILE *out = stdout, FILE *err = stderr);

    CommandLine::Output format() const { return m_format; }
    bool isJson() const { return m_format == CommandLine::Output::Json; }

    void json(const QJsonValue &document); // stdout
    void text(const QString &text);        // stdout, as is
    void note(const QString &text);        // stderr, one informational line (both formats)
    // stderr: text or {"error": {...}}; `code` overrides error.exitCode() in the JSON form.
    void error(const ApiError &error, std::optional<ExitCode> code = std::nullopt);

    // Columns separated by two spaces, each padded to its widest cell; the last column is not padded.
    static QString table(const QStringList &headers, const QList<QStringList> &rows);

private:
    static void write(FILE *stream, const QByteArray &bytes);

    CommandLine::Output m_format;
    FILE *m_out;
    FILE *m_err;
};

} // namespace capstan
