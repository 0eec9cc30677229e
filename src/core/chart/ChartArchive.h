#pragma once

#include "ChartMetadata.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace capstan {

// Why: what a chart .tgz holds, read with the same limits and path rules Helm's loader enforces.
class ChartArchive
{
public:
    static constexpr qint64 MaxFileSize = 5 * 1024 * 1024;          // Helm MaxDecompressedFileSize
    static constexpr qint64 MaxTotalSize = 100 * 1024 * 1024;       // Helm MaxDecompressedChartSize

    struct File
    {
        QString path; // relative to the chart's top directory, '/'-separated, e.g. "templates/app.yaml"
        qint64 size = 0;
        QByteArray data;
    };

    // Reads a gzip'd tar. On failure returns nullopt and sets *error to the loader's message (the same
    // words Helm uses, e.g. "chart illegally references parent directory").
    static std::optional<ChartArchive> read(const QByteArray &tgz, QString *error);

    QString topDirectory() const { return m_topDirectory; }
    const ChartMetadata &metadata() const { return m_metadata; }
    QByteArray chartYaml() const { return fileData(QStringLiteral("Chart.yaml")); }
    QByteArray valuesYaml() const { return fileData(QStringLiteral("values.yaml")); }
    const QList<File> &files() const { return m_files; }
    QByteArray fileData(const QString &path) const;
    qint64 totalSize() const;

private:
    QString m_topDirectory;
    ChartMetadata m_metadata;
    QList<File> m_files;
};

} // namespace capstan
