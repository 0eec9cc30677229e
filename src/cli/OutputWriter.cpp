#include "OutputWriter.h"

#include "net/ApiError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace capstan {

OutputWriter::OutputWriter(CommandLine::Output format, FILE *out, FILE *err)
    : m_format(format)
    , m_out(out)
    , m_err(err)
{}

void OutputWriter::write(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

void OutputWriter::json(const QJsonValue &document)
{
    QJsonDocument doc;
    if (document.isArray())
        doc.setArray(document.toArray());
    else
        doc.setObject(document.toObject());
    write(m_out, doc.toJson(QJsonDocument::Indented));
}

void OutputWriter::text(const QString &text)
{
    write(m_out, text.toUtf8());
}

void OutputWriter::note(const QString &text)
{
    write(m_err, (text + u'\n').toUtf8());
}

void OutputWriter::error(const ApiError &error, std::optional<ExitCode> exitCode)
{
    const int code = int(exitCode.value_or(error.exitCode()));
    if (isJson()) {
        QJsonObject inner{
            {QStringLiteral("message"), error.toString()},
            {QStringLiteral("hint"), error.hint().isEmpty() ? QJsonValue() : QJsonValue(error.hint())},
            {QStringLiteral("status"), error.status() > 0 ? QJsonValue(error.status()) : QJsonValue()},
            {QStringLiteral("exitCode"), code},
        };
        QJsonDocument doc(QJsonObject{{QStringLiteral("error"), inner}});
        write(m_err, doc.toJson(QJsonDocument::Indented));
        return;
    }
    QString text = tr("capstan: error: %1").arg(error.toString()) + u'\n';
    if (!error.hint().isEmpty())
        text += tr("hint: %1").arg(error.hint()) + u'\n';
    write(m_err, text.toUtf8());
}

QString OutputWriter::table(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    widths.reserve(headers.size());
    for (const QString &header : headers)
        widths.append(header.size());
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size() && column < widths.size(); ++column)
            widths[column] = std::max(widths.at(column), row.at(column).size());
    }
    qsizetype lineWidth = 1;
    for (qsizetype width : widths)
        lineWidth += width + 2;

    QString text;
    text.reserve(lineWidth * (rows.size() + 1));
    auto appendRow = [&](const QStringList &cells) {
        for (qsizetype column = 0; column < cells.size(); ++column) {
            const QString &cell = cells.at(column);
            text += cell;
            if (column + 1 < cells.size()) {
                const qsizetype width = column < widths.size() ? widths.at(column) : cell.size();
                text += QString(width - cell.size() + 2, u' ');
            }
        }
        text += u'\n';
    };
    appendRow(headers);
    for (const QStringList &row : rows)
        appendRow(row);
    return text;
}

} // namespace capstan
