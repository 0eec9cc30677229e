#pragma once

#include "ChartMetadata.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace capstan {

// Why: turns a chart directory into the .tgz `helm package` would make (same files, order and checks),
// without a helm binary, reproducibly: the same input gives the same bytes, so the digest names the content.
class ChartPackager
{
    Q_DECLARE_TR_FUNCTIONS(ChartPackager)
public:
    struct Options
    {
        QString version;            // replaces Chart.yaml's version in the package when not empty
        QString appVersion;         // replaces Chart.yaml's appVersion in the package when not empty
        QString manifestsDirectory; // its files are added under templates/ when not empty
        qint64 mtimeSecs = 0;       // the time stamp of every entry
    };

    struct Result
    {
        QByteArray archive;
        ChartMetadata metadata; // of the packaged Chart.yaml
        QString fileName;       // "<name>-<version>.tgz"
        QStringList files;      // entry paths below the top directory, in archive order
        QString digest;         // sha256 of the archive, hex
    };

    // On failure returns nullopt and sets *error to a message naming the file (and line) at fault, in
    // Helm's words where Helm has them.
    static std::optional<Result> package(const QString &chartDirectory, const Options &options,
                                         QString *error);

    // Chart.yaml with version and/or appVersion replaced textually (comments and layout kept); empty values
    // leave the field alone. Returns nullopt and sets *error when the field cannot be rewritten safely.
    static std::optional<QByteArray> rewriteChartYaml(const QByteArray &yaml, const QString &version,
                                                      const QString &appVersion, QString *error);
};

} // namespace capstan
