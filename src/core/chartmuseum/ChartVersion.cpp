#include "ChartVersion.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace capstan {

namespace {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QCoreApplication::translate("ChartVersion", "null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("ChartVersion", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("ChartVersion", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("ChartVersion", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("ChartVersion", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("ChartVersion", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("ChartVersion", "missing");
}

// Reads typed fields of one JSON object and remembers the first type error.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString where)
        : m_object(object)
        , m_where(std::move(where))
    {}

    QString string(const QString &key, bool required = false)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(key, QCoreApplication::translate("ChartVersion", "a string"), value);
            return {};
        }
        if (!value.isString()) {
            fail(key, QCoreApplication::translate("ChartVersion", "a string"), value);
            return {};
        }
        return value.toString();
    }

    bool boolean(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return false;
        if (!value.isBool())
            fail(key, QCoreApplication::translate("ChartVersion", "a boolean"), value);
        return value.toBool();
    }

    QStringList strings(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray()) {
            fail(key, QCoreApplication::translate("ChartVersion", "an array of strings"), value);
            return {};
        }
        QStringList result;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString()) {
                fail(QStringLiteral("%1[%2]").arg(key).arg(i), QCoreApplication::translate("ChartVersion", "a string"), array.at(i));
                return {};
            }
            result.append(array.at(i).toString());
        }
        return result;
    }

    QJsonArray objects(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray()) {
            fail(key, QCoreApplication::translate("ChartVersion", "an array of objects"), value);
            return {};
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject()) {
                fail(QStringLiteral("%1[%2]").arg(key).arg(i), QCoreApplication::translate("ChartVersion", "an object"), array.at(i));
                return {};
            }
        }
        return array;
    }

    QMap<QString, QString> stringMap(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isObject()) {
            fail(key, QCoreApplication::translate("ChartVersion", "an object of strings"), value);
            return {};
        }
        QMap<QString, QString> result;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString()) {
                fail(QStringLiteral("%1.%2").arg(key, it.key()), QCoreApplication::translate("ChartVersion", "a string"), it.value());
                return {};
            }
            result.insert(it.key(), it.value().toString());
        }
        return result;
    }

    void fail(const QString &key, const QString &expected, const QJsonValue &got)
    {
        if (!m_error.isEmpty())
            return;
        m_error = QCoreApplication::translate("ChartVersion", "%1: field \"%2\" is %3, expected %4")
                      .arg(m_where, key, typeName(got), expected);
    }
    void failWith(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: %2").arg(m_where, message);
    }

    QString error() const { return m_error; }

private:
    QJsonObject m_object;
    QString m_where;
    QString m_error;
};

QDateTime parseRfc3339(const QString &text)
{
    // Go writes nanoseconds; Qt reads at most milliseconds.
    static const QRegularExpression fraction(QStringLiteral("\\.(\\d{3})\\d+"));
    QString trimmed = text;
    trimmed.replace(fraction, QStringLiteral(".\\1"));
    QDateTime parsed = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    return parsed;
}

} // namespace

std::optional<ChartVersion> ChartVersion::fromJson(const QJsonObject &object, QString *error)
{
    const QString where = object.value(QStringLiteral("name")).isString()
                              ? QStringLiteral("chart version %1 %2")
                                    .arg(object.value(QStringLiteral("name")).toString(),
                                         object.value(QStringLiteral("version")).toString())
                              : QStringLiteral("chart version");
    FieldReader read(object, where);
    ChartVersion entry;
    ChartMetadata &m = entry.metadata;
    m.name = read.string(QStringLiteral("name"), true);
    m.home = read.string(QStringLiteral("home"));
    m.sources = read.strings(QStringLiteral("sources"));
    m.version = read.string(QStringLiteral("version"), true);
    m.description = read.string(QStringLiteral("description"));
    m.keywords = read.strings(QStringLiteral("keywords"));
    const QJsonArray maintainers = read.objects(QStringLiteral("maintainers"));
    for (const QJsonValue &value : maintainers) {
        FieldReader sub(value.toObject(), where + QStringLiteral(" maintainer"));
        m.maintainers.append({sub.string(QStringLiteral("name")), sub.string(QStringLiteral("email")),
                              sub.string(QStringLiteral("url"))});
        if (!sub.error().isEmpty())
            read.failWith(sub.error());
    }
    m.icon = read.string(QStringLiteral("icon"));
    m.apiVersion = read.string(QStringLiteral("apiVersion"));
    m.appVersion = read.string(QStringLiteral("appVersion"));
    m.deprecated = read.boolean(QStringLiteral("deprecated"));
    m.annotations = read.stringMap(QStringLiteral("annotations"));
    m.kubeVersion = read.string(QStringLiteral("kubeVersion"));
    const QJsonArray dependencies = read.objects(QStringLiteral("dependencies"));
    for (const QJsonValue &value : dependencies) {
        FieldReader sub(value.toObject(), where + QStringLiteral(" dependency"));
        m.dependencies.append({sub.string(QStringLiteral("name")), sub.string(QStringLiteral("version")),
                               sub.string(QStringLiteral("repository")),
                               sub.string(QStringLiteral("condition")), sub.string(QStringLiteral("alias"))});
        if (!sub.error().isEmpty())
            read.failWith(sub.error());
    }
    m.type = read.string(QStringLiteral("type"));
    entry.urls = read.strings(QStringLiteral("urls"));
    const QString created = read.string(QStringLiteral("created"));
    if (!created.isEmpty()) {
        entry.created = parseRfc3339(created);
        if (!entry.created.isValid())
            read.failWith(QCoreApplication::translate(
                              "ChartVersion", "field \"created\" is \"%1\", expected an RFC 3339 time")
                              .arg(created));
    }
    entry.digest = read.string(QStringLiteral("digest"));
    if (read.error().isEmpty() && m.name.isEmpty())
        read.failWith(QCoreApplication::translate("ChartVersion", "field \"name\" is empty"));
    if (read.error().isEmpty() && m.version.isEmpty())
        read.failWith(QCoreApplication::translate("ChartVersion", "field \"version\" is empty"));
    if (!read.error().isEmpty()) {
        if (error)
            *error = read.error();
        return std::nullopt;
    }
    return entry;
}

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
    o.insert(QStringLiteral("created"), created.toUTC().toString(Qt::ISODateWithMs));
    put(QStringLiteral("digest"), digest);
    return o;
}

} // namespace capstan
