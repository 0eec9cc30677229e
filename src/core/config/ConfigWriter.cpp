#include "ConfigWriter.h"

#include "ConfigLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

namespace capstan {

namespace {

void set(YAML::Node section, const char *key, const QString &value)
{
    if (value.isEmpty())
        section.remove(key);
    else
        section[key] = value.toStdString();
}

} // namespace

bool ConfigWriter::saveServers(const QString &path, const Config &config, QString *error)
{
    YAML::Node root;
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("cannot read %1: %2").arg(path, existing.errorString());
            return false;
        }
        try {
            root = YAML::Load(existing.readAll().toStdString());
        } catch (const YAML::Exception &e) {
            if (error)
                *error = tr("%1:%2:%3: not valid YAML, nothing was changed: %4")
                             .arg(path)
                             .arg(e.mark.line + 1)
                             .arg(e.mark.column + 1)
                             .arg(QString::fromStdString(e.msg));
            return false;
        }
        if (root && !root.IsNull() && !root.IsMap()) {
            if (error)
                *error = tr("%1: the top level is not a mapping, nothing was changed").arg(path);
            return false;
        }
    }
    if (!root || root.IsNull())
        root = YAML::Node(YAML::NodeType::Map);

    auto section = [&root](const char *name) {
        YAML::Node node = root[name];
        if (!node.IsMap())
            root[name] = YAML::Node(YAML::NodeType::Map);
        return root[name];
    };
    if (config.chartmuseum) {
        YAML::Node s = section("chartmuseum");
        set(s, "url", config.chartmuseum->url.toString());
        set(s, "username", config.chartmuseum->username);
        set(s, "repo", config.chartmuseum->repo);
    }
    if (config.argocd) {
        YAML::Node s = section("argocd");
        set(s, "url", config.argocd->url.toString());
        set(s, "app", config.argocd->app);
        set(s, "username", config.argocd->username);
    }
    if (config.github) {
        YAML::Node s = section("github");
        set(s, "url", config.github->url.toString());
        set(s, "repo", config.github->repo);
        set(s, "workflow", config.github->workflow);
        set(s, "branch", config.github->branch);
    }
    if (config.chart) {
        YAML::Node s = section("chart");
        set(s, "name", config.chart->name.trimmed());
        set(s, "path", config.chart->path.trimmed());
        set(s, "manifests", config.chart->manifests.trimmed());
        set(s, "version", config.chart->version.trimmed());
    }

    YAML::Emitter out;
    out << root;
    if (!out.good()) {
        if (error)
            *error = tr("cannot write the configuration: %1").arg(QString::fromStdString(out.GetLastError()));
        return false;
    }
    // The file is written only when it loads as it will be read: ConfigLoader's rules, no second copy.
    const QByteArray text = QByteArray(out.c_str()) + '\n';
    ConfigError problem;
    if (!ConfigLoader::parse(text, path, &problem)) {
        if (error)
            *error = tr("%1, nothing was changed").arg(problem.message);
        return false;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(text);
    if (!file.commit()) {
        if (error)
            *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace capstan
