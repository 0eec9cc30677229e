#pragma once

#include "chart/ChartArchiveWriter.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace capstan {

// Why: the sandbox's repository, the charts its ChartMuseum holds and what a sandbox deploy packages must be
// one chart at one point of its history, so the homelab app's source at each CI run is written down here.
class DemoChart
{
public:
    using File = ChartArchiveWriter::Entry;

    // The files of the repository that run `run` built, paths relative to its root: chart/ (Chart.yaml,
    // values.yaml, README.md, .helmignore), deploy/ (the generated manifests, with __VERSION__ where the
    // build's version goes) and app/package.json.
    static QList<File> sourceFiles(int run);
    // The directories sourceFiles() owns entirely: a commit replaces them.
    static QStringList ownedDirectories();
    // What scripts/build-manifests.sh writes into dist/ for `version`.
    static QByteArray renderManifest(const QByteArray &manifest, const QString &version);
    static QString appVersion(int run);
    // The chart CI packages from run `run` as `version`: what the sample pipeline's manifests and package
    // steps make of sourceFiles(run). Empty with `error` set when packaging fails.
    static QByteArray package(int run, const QString &version, qint64 mtimeSecs, QString *error);
};

} // namespace capstan
