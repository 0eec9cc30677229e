#include "HelmPackageStep.h"

#include "RunContext.h"
#include "StepContext.h"
#include "chart/ChartPackager.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace capstan {

namespace {

// Every entry gets this time stamp (SOURCE_DATE_EPOCH when the run sets it), so the same chart and version
// always give the same bytes and the digest names the content.
qint64 fixedMtime(const QProcessEnvironment &environment)
{
    bool ok = false;
    const qint64 epoch = environment.value(QStringLiteral("SOURCE_DATE_EPOCH")).toLongLong(&ok);
    return ok && epoch >= 0 ? epoch : 0;
}

StepResult failed(const QString &message)
{
    StepResult result;
    result.status = StepResult::Status::Failed;
    result.message = message;
    return result;
}

} // namespace

StepResult HelmPackageStep::execute(StepContext &context)
{
    RunContext &run = context.run();
    const Config &config = run.config();
    if (!config.chart || config.chart->path.isEmpty())
        return failed(
            tr("step %1: capstan.yaml has no chart section (chart.path), so there is nothing to package")
                .arg(context.step().name));
    const QString version = run.target().version;
    if (version.isEmpty())
        return failed(tr("step %1: the deploy has no version to package").arg(context.step().name));

    const QString chartDirectory = context.resolve(config.chart->path);
    if (!QFileInfo(chartDirectory).isDir())
        return failed(tr("step %1: chart directory %2 (chart.path) does not exist")
                          .arg(context.step().name, QDir::toNativeSeparators(chartDirectory)));
    ChartPackager::Options options;
    options.version = version;
    options.mtimeSecs = fixedMtime(context.environment());
    if (!config.chart->manifests.isEmpty()) {
        options.manifestsDirectory = context.resolve(config.chart->manifests);
        if (!QFileInfo(options.manifestsDirectory).isDir())
            return failed(
                tr("step %1: manifests directory %2 (chart.manifests) does not exist; did the "
                   "manifests step run?")
                    .arg(context.step().name, QDir::toNativeSeparators(options.manifestsDirectory)));
    }
    context.output(tr("Packaging %1 as version %2").arg(QDir::toNativeSeparators(chartDirectory), version));

    QString error;
    const std::optional<ChartPackager::Result> package =
        ChartPackager::package(chartDirectory, options, &error);
    if (!package)
        return failed(tr("step %1: %2").arg(context.step().name, error));
    if (run.isCancelled()) {
        StepResult result;
        result.status = StepResult::Status::Cancelled;
        result.message = tr("cancelled before the package was written");
        return result;
    }

    const QString outputDirectory = run.outputDirectory();
    if (!QDir().mkpath(outputDirectory))
        return failed(tr("step %1: cannot create the output directory %2")
                          .arg(context.step().name, QDir::toNativeSeparators(outputDirectory)));
    const QString path = QDir(outputDirectory).filePath(package->fileName);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(package->archive) != package->archive.size() ||
        !file.commit())
        return failed(tr("step %1: cannot write %2: %3")
                          .arg(context.step().name, QDir::toNativeSeparators(path), file.errorString()));

    context.output(tr("%n file(s) packaged into %1", nullptr, int(package->files.size()))
                       .arg(QDir::toNativeSeparators(path)));
    context.output(tr("sha256 %1").arg(package->digest));
    run.setArtifact(QStringLiteral("chart.package"), path);
    run.setArtifact(QStringLiteral("chart.name"), package->metadata.name);
    run.setArtifact(QStringLiteral("chart.version"), package->metadata.version);
    run.setArtifact(QStringLiteral("chart.digest"), package->digest);

    StepResult result;
    result.status = StepResult::Status::Succeeded;
    result.message = tr("%1 (%2 files)").arg(package->fileName).arg(package->files.size());
    return result;
}

} // namespace capstan
