#include "ChartVersion.h"

#include "text/Rfc3339.h"

#include <QJsonArray>

namespace capstan {

QJsonObject ChartVersion::toJson() const
{
    QJsonObject o;
    const ChartMetadata &m = metadata;
    auto put = [&o](const QString &key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    auto putList = [&o](const QString &key, const QStringList &value) {
        if (!value.isEmpty())
            o.insert(key, QJsonArray::fromStringList(value));
    };
    put(QStringLiteral("name"), m.name);
    put(QStringLiteral("home"), m.home);
    putList(QStringLiteral("sources"), m.sources);
    put(QStringLiteral("version"), m.version);
    put(QStringLiteral("description"), m.description);
    putList(QStringLiteral("keywords"), m.keywords);
    if (!m.maintainers.isEmpty()) {
        QJsonArray array;
        for (const auto &maintainer : m.maintainers) {
            QJsonObject item;
            if (!maintainer.name.isEmpty())
                item.insert(QStringLiteral("name"), maintainer.name);
            if (!maintainer.email.isEmpty())
                item.insert(QStringLiteral("email"), maintainer.email);
            if (!maintainer.url.isEmpty())
                item.insert(QStringLiteral("url"), maintainer.url);
            array.append(item);
        }
        o.insert(QStringLiteral("maintainers"), array);
    }
    put(QStringLiteral("icon"), m.icon);
    put(QStringLiteral("apiVersion"), m.apiVersion.isEmpty() ? QStringLiteral("v1") : m.apiVersion);
    put(QStringLiteral("appVersion"), m.appVersion);
    if (m.deprecated)
        o.insert(QStringLiteral("deprecated"), true);
    if (!m.annotations.isEmpty()) {
        QJsonObject annotations;
        for (auto it = m.annotations.begin(); it != m.annotations.end(); ++it)
            annotations.insert(it.key(), it.value());
        o.insert(QStringLiteral("annotations"), annotations);
    }
    put(QStringLiteral("kubeVersion"), m.kubeVersion);
    if (!m.dependencies.isEmpty()) {
        QJsonArray array;
        for (const auto &dependency : m.dependencies) {
            QJsonObject item;
            item.insert(QStringLiteral("name"), dependency.name);
            if (!dependency.version.isEmpty())
                item.insert(QStringLiteral("version"), dependency.version);
            item.insert(QStringLiteral("repository"), dependency.repository);
            if (!dependency.condition.isEmpty())
                item.insert(QStringLiteral("condition"), dependency.condition);
            if (!dependency.alias.isEmpty())
                item.insert(QStringLiteral("alias"), dependency.alias);
            array.append(item);
        }
        o.insert(QStringLiteral("dependencies"), array);
    }
    put(QStringLiteral("type"), m.type);
    o.insert(QStringLiteral("urls"), QJsonArray::fromStringList(urls));
    o.insert(QStringLiteral("created"), Rfc3339::format(created));
    put(QStringLiteral("digest"), digest);
    return o;
}

} // namespace capstan
