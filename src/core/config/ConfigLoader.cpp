#include "ConfigLoader.h"

#include "pipeline/Pipeline.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <functional>

namespace capstan {

namespace {

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1), current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

struct Failure
{
    ConfigError error;
};

// Walks one YAML document and throws Failure at the first problem, with its place.
class Reader : public Pipeline::Reader
{
public:
    explicit Reader(QString file)
        : m_file(std::move(file))
    {}

    [[noreturn]] void fail(const YAML::Mark &mark, const QString &message) const override
    {
        ConfigError error;
        error.file = m_file;
        error.line = mark.line >= 0 ? mark.line + 1 : 0;
        error.column = mark.column >= 0 ? mark.column + 1 : 0;
        error.message = message;
        throw Failure{error};
    }

    // Calls `handle(key, value)` for each entry of a mapping, rejecting duplicates and unknown keys.
    void forEachKey(const YAML::Node &map, const QString &where, const QStringList &known,
                    const std::function<void(const QString &, const YAML::Node &)> &handle) const override
    {
        if (!map.IsMap())
            fail(map.Mark(), ConfigLoader::tr("%1 must be a mapping of keys to values").arg(where));
        QStringList seen;
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it->first.IsScalar())
                fail(it->first.Mark(), ConfigLoader::tr("a key in %1 must be a plain name").arg(where));
            const QString key = str(it->first.Scalar());
            if (seen.contains(key))
                fail(it->first.Mark(), ConfigLoader::tr("key \"%1\" appears twice in %2").arg(key, where));
            seen.append(key);
            if (!known.contains(key)) {
                if (key == QLatin1StringView("password") || key == QLatin1StringView("token"))
                    fail(it->first.Mark(),
                         ConfigLoader::tr(
                             "\"%1\" does not belong in capstan.yaml: secrets live in the keychain "
                             "(capstan --cli credentials set NAME) or in CAPSTAN_* environment variables")
                             .arg(key));
                QString message = ConfigLoader::tr("unknown key \"%1\" in %2 (expected one of: %3)")
                                      .arg(key, where, known.join(QStringLiteral(", ")));
                for (const QString &candidate : known) {
                    if (editDistance(key, candidate) <= 2) {
                        message += ConfigLoader::tr("; did you mean \"%1\"?").arg(candidate);
                        break;
                    }
                }
                fail(it->first.Mark(), message);
            }
            handle(key, it->second);
        }
    }

    QString scalar(const YAML::Node &node, const QString &where) const override
    {
        if (!node.IsScalar())
            fail(node.Mark(),
                 ConfigLoader::tr("%1 must be a single value, not a list or mapping").arg(where));
        return str(node.Scalar());
    }

    QString nonEmpty(const YAML::Node &node, const QString &where) const override
    {
        const QString value = scalar(node, where).trimmed();
        if (value.isEmpty())
            fail(node.Mark(), ConfigLoader::tr("%1 must not be empty").arg(where));
        return value;
    }

    QUrl url(const YAML::Node &node, const QString &where) const
    {
        const QString text = nonEmpty(node, where);
        const QUrl parsed(text, QUrl::StrictMode);
        if (!parsed.isValid() ||
            (parsed.scheme() != QLatin1StringView("http") && parsed.scheme() != QLatin1StringView("https")) ||
            parsed.host().isEmpty())
            fail(node.Mark(),
                 ConfigLoader::tr("%1 is \"%2\", expected an http:// or https:// URL with a host, "
                                  "e.g. https://charts.example.net")
                     .arg(where, text));
        if (!parsed.userInfo().isEmpty())
            fail(node.Mark(),
                 ConfigLoader::tr("%1 must not carry a user name or password; use the username key and the "
                                  "keychain")
                     .arg(where));
        if (parsed.hasQuery() || parsed.hasFragment())
            fail(node.Mark(), ConfigLoader::tr("%1 must not have a query or fragment").arg(where));
        return parsed;
    }

    // A service section's `timeout`: whole seconds without data, 1 to Config::MaxTimeoutSeconds.
    int timeoutSeconds(const YAML::Node &node, const QString &where) const
    {
        const QString text = nonEmpty(node, where);
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok || value <= 0 || value > Config::MaxTimeoutSeconds)
            fail(node.Mark(),
                 ConfigLoader::tr("%1 is \"%2\", expected whole seconds from 1 to %3 (the time a "
                                  "server may send nothing before a request gives up), e.g. %1: 60")
                     .arg(where, text)
                     .arg(Config::MaxTimeoutSeconds));
        return value;
    }

    void require(const YAML::Node &section, const QString &name, const QStringList &keys) const
    {
        if (!section.IsMap())
            fail(section.Mark(),
                 ConfigLoader::tr("section \"%1\" must be a mapping of keys to values").arg(name));
        for (const QString &key : keys) {
            if (!section[key.toStdString()])
                fail(section.Mark(), ConfigLoader::tr("section \"%1\" needs the key \"%2\"").arg(name, key));
        }
    }

private:
    QString m_file;
};

Config read(const YAML::Node &root, const QString &fileName)
{
    Reader r(fileName);
    Config config;
    config.file = fileName;
    if (!root || root.IsNull())
        return config;
    if (!root.IsMap())
        r.fail(root.Mark(), ConfigLoader::tr("the top level must be a mapping of sections (github, "
                                             "chartmuseum, chart, argocd, pipeline)"));

    const QStringList sections{QStringLiteral("github"), QStringLiteral("chartmuseum"),
                               QStringLiteral("chart"), QStringLiteral("argocd"), QStringLiteral("pipeline")};
    r.forEachKey(
        root, ConfigLoader::tr("the top level"), sections,
        [&](const QString &section, const YAML::Node &node) {
            const QString where = ConfigLoader::tr("section \"%1\"").arg(section);
            if (section == QLatin1StringView("github")) {
                Config::GitHub g;
                r.require(node, section, {QStringLiteral("repo")});
                r.forEachKey(
                    node, where,
                    {QStringLiteral("url"), QStringLiteral("repo"), QStringLiteral("workflow"),
                     QStringLiteral("branch"), QStringLiteral("timeout")},
                    [&](const QString &key, const YAML::Node &value) {
                        const QString at = section + u'.' + key;
                        if (key == QLatin1StringView("url"))
                            g.url = r.url(value, at);
                        else if (key == QLatin1StringView("repo")) {
                            g.repo = r.nonEmpty(value, at);
                            static const QRegularExpression shape(QStringLiteral("^[\\w.-]+/[\\w.-]+$"));
                            if (!shape.match(g.repo).hasMatch())
                                r.fail(value.Mark(),
                                       ConfigLoader::tr("%1 is \"%2\", expected owner/name").arg(at, g.repo));
                        } else if (key == QLatin1StringView("workflow"))
                            g.workflow = r.nonEmpty(value, at);
                        else if (key == QLatin1StringView("timeout"))
                            g.timeoutSeconds = r.timeoutSeconds(value, at);
                        else
                            g.branch = r.nonEmpty(value, at);
                    });
                config.github = g;
            } else if (section == QLatin1StringView("chartmuseum")) {
                Config::ChartMuseum c;
                r.require(node, section, {QStringLiteral("url")});
                r.forEachKey(
                    node, where,
                    {QStringLiteral("url"), QStringLiteral("username"), QStringLiteral("repo"),
                     QStringLiteral("timeout")},
                    [&](const QString &key, const YAML::Node &value) {
                        const QString at = section + u'.' + key;
                        if (key == QLatin1StringView("url"))
                            c.url = r.url(value, at);
                        else if (key == QLatin1StringView("username"))
                            c.username = r.scalar(value, at).trimmed();
                        else if (key == QLatin1StringView("repo")) {
                            c.repo = r.scalar(value, at).trimmed();
                            static const QRegularExpression shape(QStringLiteral("^[\\w.-]+(/[\\w.-]+)*$"));
                            if (!c.repo.isEmpty() && !shape.match(c.repo).hasMatch())
                                r.fail(value.Mark(),
                                       ConfigLoader::tr("%1 is \"%2\", expected path segments such as "
                                                        "org/team")
                                           .arg(at, c.repo));
                        } else
                            c.timeoutSeconds = r.timeoutSeconds(value, at);
                    });
                config.chartmuseum = c;
            } else if (section == QLatin1StringView("chart")) {
                Config::Chart c;
                r.require(node, section, {QStringLiteral("name")});
                r.forEachKey(node, where,
                             {QStringLiteral("name"), QStringLiteral("path"), QStringLiteral("manifests"),
                              QStringLiteral("version")},
                             [&](const QString &key, const YAML::Node &value) {
                                 const QString at = section + u'.' + key;
                                 if (key == QLatin1StringView("name"))
                                     c.name = r.nonEmpty(value, at);
                                 else if (key == QLatin1StringView("path"))
                                     c.path = r.nonEmpty(value, at);
                                 else if (key == QLatin1StringView("manifests"))
                                     c.manifests = r.nonEmpty(value, at);
                                 else
                                     c.version = r.nonEmpty(value, at);
                             });
                config.chart = c;
            } else if (section == QLatin1StringView("pipeline")) {
                config.pipeline = Pipeline::parse(node, r);
            } else {
                Config::ArgoCd a;
                r.require(node, section, {QStringLiteral("url"), QStringLiteral("app")});
                r.forEachKey(node, where,
                             {QStringLiteral("url"), QStringLiteral("app"), QStringLiteral("username"),
                              QStringLiteral("lock-stale-after"), QStringLiteral("timeout")},
                             [&](const QString &key, const YAML::Node &value) {
                                 const QString at = section + u'.' + key;
                                 if (key == QLatin1StringView("url")) {
                                     a.url = r.url(value, at);
                                 } else if (key == QLatin1StringView("app")) {
                                     a.app = r.nonEmpty(value, at);
                                 } else if (key == QLatin1StringView("lock-stale-after")) {
                                     const QString text = r.nonEmpty(value, at);
                                     a.lockStaleAfterMs = Pipeline::parseDuration(text);
                                     if (a.lockStaleAfterMs <= 0)
                                         r.fail(value.Mark(),
                                                ConfigLoader::tr("%1 is \"%2\", expected a duration such as "
                                                                 "10m or 1h30m")
                                                    .arg(at, text));
                                 } else if (key == QLatin1StringView("timeout")) {
                                     a.timeoutSeconds = r.timeoutSeconds(value, at);
                                 } else {
                                     a.username = r.scalar(value, at).trimmed();
                                 }
                             });
                config.argocd = a;
            }
        });
    return config;
}

} // namespace

std::optional<Config> ConfigLoader::parse(const QByteArray &yaml, const QString &fileName, ConfigError *error)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        return read(root, fileName);
    } catch (const Failure &failure) {
        if (error)
            *error = failure.error;
    } catch (const YAML::Exception &e) {
        if (error) {
            error->file = fileName;
            error->line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
            error->column = e.mark.column >= 0 ? e.mark.column + 1 : 0;
            error->message = tr("not valid YAML: %1").arg(str(e.msg));
        }
    }
    return std::nullopt;
}

std::optional<Config> ConfigLoader::loadFile(const QString &path, ConfigError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = {};
            error->file = path;
            error->message = tr("cannot read the configuration: %1").arg(file.errorString());
        }
        return std::nullopt;
    }
    return parse(file.readAll(), path, error);
}

QString ConfigLoader::locate(const QString &explicitPath, const QString &workingDirectory,
                             const QString &userConfigDirectory)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString local = QDir(workingDirectory).filePath(QStringLiteral("capstan.yaml"));
    if (QFileInfo::exists(local))
        return local;
    const QString user = QDir(userConfigDirectory).filePath(QStringLiteral("capstan.yaml"));
    if (!userConfigDirectory.isEmpty() && QFileInfo::exists(user))
        return user;
    return {};
}

QString ConfigLoader::userConfigDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("capstan"));
}

QString ConfigLoader::defaultUserConfigPath()
{
    return QDir(userConfigDirectory()).filePath(QStringLiteral("capstan.yaml"));
}

} // namespace capstan
