#include "PackageCommands.h"

#include "CliSession.h"
#include "OutputWriter.h"
#include "chart/ChartPackager.h"
#include "chart/SemVer.h"
#include "config/ConfigLoader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>

namespace capstan {

namespace {

// A relative path from the configuration is relative to the configuration file's directory.
QString fromConfig(const Config &config, const QString &path)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || config.file.isEmpty())
        return path;
    return QDir(QFileInfo(config.file).absolutePath()).filePath(path);
}

} // namespace

PackageCommands::PackageCommands(CliSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

QList<CommandSpec> PackageCommands::specs()
{
    CommandSpec package;
    package.name = QStringLiteral("package");
    package.summary = tr("Package a chart directory into the .tgz helm package would make (no helm needed)");
    package.positionals = {QStringLiteral("[DIR]")};
    package.options = {
        {QStringLiteral("version"), QChar(), QStringLiteral("V"),
         tr("Version written into the packaged Chart.yaml (SemVer 2, e.g. 1.0.0-42)")},
        {QStringLiteral("build"), QChar(), QStringLiteral("N"),
         tr("Version from chart.version in the configuration with {build} set to the CI run number N "
            "(default pattern 1.0.0-{build})")},
        {QStringLiteral("app-version"), QChar(), QStringLiteral("V"),
         tr("appVersion written into the packaged Chart.yaml")},
        {QStringLiteral("manifests"), QChar(), QStringLiteral("DIR"),
         tr("Add the files of DIR (generated Kubernetes YAML) under templates/ of the package")},
        {QStringLiteral("destination"), u'd', QStringLiteral("OUT"),
         tr("Write into OUT (created if needed) instead of the current directory")},
    };
    package.description = tr(
        "DIR defaults to chart.path from the configuration, else the current directory; chart.manifests\n"
        "is used when DIR is not given (or is chart.path) and --manifests is not. The chart is read the\n"
        "way helm package reads it: .helmignore applied, symlinks followed (never out of the chart),\n"
        "regular files only, at most 5 MiB per file and 100 MiB in all, Chart.yaml validated, every\n"
        "dependency present in charts/. --version and --app-version change only the packaged Chart.yaml\n"
        "(the value is replaced in place, comments kept); the file on disk is not touched. --build N takes\n"
        "the version from the chart.version pattern (e.g. 1.0.0-{build} gives 1.0.0-N).\n"
        "The output is reproducible: the same input gives the same bytes (fixed time stamps, owner and\n"
        "mode), so the sha256 digest identifies the content. OUT/<name>-<version>.tgz is written\n"
        "atomically. JSON: {file, name, version, appVersion, digest, size, files}.");
    package.examples = {QStringLiteral("package"), QStringLiteral("package charts/torvalds -d dist"),
                        QStringLiteral("package --version 1.0.0-42 --app-version 1a2b3c4"),
                        QStringLiteral("package --build 42"),
                        QStringLiteral("package charts/torvalds --manifests dist/k8s -d out -o json")};
    return {package};
}

bool PackageCommands::handles(const QString &command) const
{
    return command == QLatin1StringView("package");
}

void PackageCommands::run(const CommandLine::Invocation &invocation)
{
    package(invocation);
}

void PackageCommands::package(const CommandLine::Invocation &invocation)
{
    const QString hint = CommandLine::helpHint(QStringLiteral("package"));
    ChartPackager::Options options;
    options.version = invocation.value(QStringLiteral("version"));
    if (invocation.has(QStringLiteral("build"))) {
        if (invocation.has(QStringLiteral("version")))
            throw ApiError(ApiError::Kind::Usage, tr("give either --version or --build, not both"), hint);
        bool ok = false;
        const QString build = invocation.value(QStringLiteral("build"));
        if (build.toULongLong(&ok) == 0 || !ok)
            throw ApiError(ApiError::Kind::Usage,
                           tr("invalid --build \"%1\": expected a CI run number such as 42").arg(build),
                           hint);
        const bool haveConfig =
            !invocation.configPath.isEmpty() ||
            !ConfigLoader::locate(QString(), QDir::currentPath(), ConfigLoader::userConfigDirectory())
                 .isEmpty();
        const Config config = haveConfig ? m_session->config() : Config();
        QString pattern = config.chart ? config.chart->version : Config::Chart().version;
        if (!pattern.contains(QLatin1StringView("{build}")))
            throw ApiError(ApiError::Kind::Config,
                           tr("chart.version \"%1\" has no {build} placeholder for --build").arg(pattern),
                           tr("Use a pattern such as 1.0.0-{build}, or pass --version."));
        options.version = pattern.replace(QLatin1StringView("{build}"), build);
        if (!SemVer::parse(options.version))
            throw ApiError(
                ApiError::Kind::Config,
                tr("chart.version \"%1\" gives \"%2\" for build %3, which is not a SemVer 2 version")
                    .arg(config.chart ? config.chart->version : QString(), options.version, build),
                tr("Versions look like 1.2.3, 1.0.0-42 or 1.2.3-rc.1+build.7."));
    }
    options.appVersion = invocation.value(QStringLiteral("app-version"));
    if (invocation.has(QStringLiteral("version"))) {
        if (options.version.contains(QLatin1StringView("{build}"))) {
            throw ApiError(
                ApiError::Kind::Usage,
                tr("invalid --version \"%1\": {build} is not expanded by package").arg(options.version),
                tr("Pass the real version, e.g. --version 1.0.0-42."));
        }
        if (!SemVer::parse(options.version)) {
            throw ApiError(ApiError::Kind::Usage,
                           tr("invalid --version \"%1\": not a SemVer 2 version").arg(options.version),
                           tr("Versions look like 1.2.3, 1.0.0-42 or 1.2.3-rc.1+build.7."));
        }
    }
    if (invocation.has(QStringLiteral("app-version")) && options.appVersion.trimmed().isEmpty())
        throw ApiError(ApiError::Kind::Usage, tr("--app-version needs a value, not an empty string"), hint);
    for (const QString &option : {QStringLiteral("manifests"), QStringLiteral("destination")}) {
        if (invocation.has(option) && invocation.value(option).isEmpty())
            throw ApiError(ApiError::Kind::Usage,
                           tr("--%1 needs a directory, not an empty string").arg(option), hint);
    }

    QString directory = invocation.positionals.value(0);
    options.manifestsDirectory = invocation.value(QStringLiteral("manifests"));
    const bool haveConfig =
        !invocation.configPath.isEmpty() ||
        !ConfigLoader::locate(QString(), QDir::currentPath(), ConfigLoader::userConfigDirectory()).isEmpty();
    if (haveConfig && (directory.isEmpty() || options.manifestsDirectory.isEmpty())) {
        const Config config = m_session->config();
        if (config.chart) {
            const QString configured = fromConfig(config, config.chart->path);
            const bool sameChart = directory.isEmpty() ||
                                   (!configured.isEmpty() && QFileInfo(directory).canonicalFilePath() ==
                                                                 QFileInfo(configured).canonicalFilePath());
            if (directory.isEmpty())
                directory = configured;
            if (sameChart && options.manifestsDirectory.isEmpty())
                options.manifestsDirectory = fromConfig(config, config.chart->manifests);
        }
    }
    if (directory.isEmpty())
        directory = QStringLiteral(".");
    if (!QFileInfo(directory).isDir()) {
        throw ApiError(QFileInfo::exists(directory) ? ApiError::Kind::Usage : ApiError::Kind::NotFound,
                       QFileInfo::exists(directory) ? tr("%1 is not a directory").arg(directory)
                                                    : tr("chart directory %1 does not exist").arg(directory),
                       tr("Give the chart's directory, the one that holds Chart.yaml."));
    }

    QString error;
    const std::optional<ChartPackager::Result> result = ChartPackager::package(directory, options, &error);
    if (!result) {
        throw ApiError(ApiError::Kind::Archive, tr("Cannot package %1: %2").arg(directory, error),
                       tr("Fix the chart; nothing was written."));
    }

    const QString outDirectory = invocation.has(QStringLiteral("destination"))
                                     ? invocation.value(QStringLiteral("destination"))
                                     : QStringLiteral(".");
    const QFileInfo outInfo(outDirectory);
    if (outInfo.exists() && !outInfo.isDir()) {
        throw ApiError(ApiError::Kind::Usage, tr("%1 is not a directory").arg(outDirectory),
                       tr("-d/--destination names the directory to write the package into."));
    }
    if (!outInfo.exists() && !QDir().mkpath(outDirectory)) {
        throw ApiError(ApiError::Kind::Failed, tr("Cannot create the directory %1").arg(outDirectory),
                       tr("Check the path and its permissions."));
    }
    const QString path = QFileInfo(QDir(outDirectory).filePath(result->fileName)).absoluteFilePath();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(result->archive) != result->archive.size() ||
        !file.commit()) {
        throw ApiError(ApiError::Kind::Failed, tr("Cannot write %1: %2").arg(path, file.errorString()),
                       tr("Check free space and permissions; nothing was changed."));
    }

    OutputWriter *out = m_session->output();
    const ChartMetadata &md = result->metadata;
    if (out->isJson()) {
        out->json(QJsonObject{
            {QStringLiteral("file"), path},
            {QStringLiteral("name"), md.name},
            {QStringLiteral("version"), md.version},
            {QStringLiteral("appVersion"), md.appVersion},
            {QStringLiteral("digest"), result->digest},
            {QStringLiteral("size"), double(result->archive.size())},
            {QStringLiteral("files"), int(result->files.size())},
        });
    } else {
        out->text(tr("Packaged %1 %2 into %3").arg(md.name, md.version, path) + u'\n' +
                  OutputWriter::table({tr("Digest:"), QStringLiteral("sha256:") + result->digest},
                                      {{tr("Size:"), tr("%n byte(s)", nullptr, int(result->archive.size()))},
                                       {tr("Files:"), QString::number(result->files.size())}}));
    }
    m_session->finish(ExitCode::Ok);
}

} // namespace capstan
