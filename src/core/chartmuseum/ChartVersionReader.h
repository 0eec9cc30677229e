#pragma once

#include "ChartVersion.h"
#include "json/JsonReader.h"

#include <QList>
#include <QMap>

#include <optional>

namespace capstan {

// Why: a listing of 10,000 versions must not cost a JSON document plus a copy of every field; this reads
// the ChartMuseum answer's bytes once, strictly, and builds the ChartVersions directly, sharing the strings
// that repeat from one entry to the next.
class ChartVersionReader
{
public:
    enum class Failure { None, Syntax, Shape };

    explicit ChartVersionReader(QByteArrayView json); // the bytes must outlive the reader
    explicit ChartVersionReader(QByteArray &&) = delete;

    // A JSON array of versions (GET /api/charts/NAME); `what` names it in errors ("the versions of x").
    std::optional<QList<ChartVersion>> list(const QString &what);
    // An object of chart name -> array of versions (GET /api/charts).
    std::optional<QMap<QString, QList<ChartVersion>>> charts();
    // One version object (GET /api/charts/NAME/VERSION).
    std::optional<ChartVersion> one();

    Failure failure() const { return m_failure; }
    // Syntax: where the text is not JSON ("line 1, column 9: …"). Shape: which entry and field is wrong.
    QString error() const { return m_error; }

private:
    std::optional<QList<ChartVersion>> versions(const QString &what, qsizetype expected);
    std::optional<ChartVersion> entry(QString *where, QString *problem);
    bool syntaxFailed();

    QByteArrayView m_text;
    JsonReader m_json;
    ChartVersion m_previous;
    Failure m_failure = Failure::None;
    QString m_error;
};

} // namespace capstan
