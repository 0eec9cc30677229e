#include "ChartVersionReader.h"

#include "text/Rfc3339.h"

#include <QByteArrayMatcher>
#include <QCoreApplication>

#include <initializer_list>
#include <string_view>
#include <utility>

namespace capstan {

namespace {

using Kind = JsonReader::Kind;

// Notes the first problem of an entry; later ones are not reported.
void typeProblem(QString *problem, QAnyStringView field, const QString &expected, Kind got)
{
    if (problem->isEmpty())
        *problem = QCoreApplication::translate("ChartVersionReader", "field \"%1\" is %2, expected %3")
                       .arg(field.toString(), JsonReader::kindName(got), expected);
}

QString optionalString(JsonReader &json, const QString &likely, QAnyStringView field, QString *problem)
{
    const Kind kind = json.peek();
    if (kind == Kind::String)
        return json.string(likely);
    if (kind == Kind::Null) {
        json.null();
        return {};
    }
    typeProblem(problem, field, QCoreApplication::translate("ChartVersionReader", "a string"), kind);
    json.skip();
    return {};
}

QString requiredString(JsonReader &json, const QString &likely, const QString &field, QString *problem)
{
    const Kind kind = json.peek();
    if (kind == Kind::String)
        return json.string(likely);
    typeProblem(problem, field, QCoreApplication::translate("ChartVersionReader", "a string"), kind);
    json.skip();
    return {};
}

QStringList strings(JsonReader &json, const QStringList &likely, const QString &field, QString *problem)
{
    const Kind kind = json.peek();
    if (kind == Kind::Null) {
        json.null();
        return {};
    }
    if (kind != Kind::Array) {
        typeProblem(problem, field, QCoreApplication::translate("ChartVersionReader", "an array of strings"),
                    kind);
        json.skip();
        return {};
    }
    QStringList result;
    json.enterArray();
    while (json.nextElement()) {
        const qsizetype i = result.size();
        const Kind item = json.peek();
        if (item != Kind::String) {
            typeProblem(problem, QStringLiteral("%1[%2]").arg(field).arg(i),
                        QCoreApplication::translate("ChartVersionReader", "a string"), item);
            json.skip();
            result.append(QString());
            continue;
        }
        result.append(json.string(i < likely.size() ? likely.at(i) : QString()));
    }
    return result == likely ? likely : result;
}

QMap<QString, QString> stringMap(JsonReader &json, const QMap<QString, QString> &likely, const QString &field,
                                 QString *problem)
{
    const Kind kind = json.peek();
    if (kind == Kind::Null) {
        json.null();
        return {};
    }
    if (kind != Kind::Object) {
        typeProblem(problem, field, QCoreApplication::translate("ChartVersionReader", "an object of strings"),
                    kind);
        json.skip();
        return {};
    }
    QMap<QString, QString> result;
    json.enterObject();
    QByteArrayView key;
    while (json.nextMember(key)) {
        const QString name = QString::fromUtf8(key);
        const Kind item = json.peek();
        if (item != Kind::String) {
            typeProblem(problem, QStringLiteral("%1.%2").arg(field, name),
                        QCoreApplication::translate("ChartVersionReader", "a string"), item);
            json.skip();
            continue;
        }
        result.insert(name, json.string(likely.value(name)));
    }
    return result == likely ? likely : result;
}

// An object whose members are all optional strings; `fields` says where each known member goes.
void stringFields(JsonReader &json, const QString &prefix,
                  std::initializer_list<std::pair<QByteArrayView, QString *>> fields, QString *problem)
{
    json.enterObject();
    QByteArrayView key;
    while (json.nextMember(key)) {
        QString *target = nullptr;
        for (const auto &[name, destination] : fields) {
            if (name == key)
                target = destination;
        }
        if (target)
            *target = optionalString(json, QString(), prefix + u'.' + QString::fromUtf8(key), problem);
        else
            json.skip();
    }
}

// An array of objects: `member(prefix)` reads each object ("maintainers[0]").
template <typename Member>
void objects(JsonReader &json, const QString &field, QString *problem, Member member)
{
    const Kind kind = json.peek();
    if (kind == Kind::Null) {
        json.null();
        return;
    }
    if (kind != Kind::Array) {
        typeProblem(problem, field, QCoreApplication::translate("ChartVersionReader", "an array of objects"),
                    kind);
        json.skip();
        return;
    }
    json.enterArray();
    for (int i = 0; json.nextElement(); ++i) {
        const QString prefix = QStringLiteral("%1[%2]").arg(field).arg(i);
        const Kind item = json.peek();
        if (item != Kind::Object) {
            typeProblem(problem, prefix, QCoreApplication::translate("ChartVersionReader", "an object"),
                        item);
            json.skip();
            continue;
        }
        member(prefix);
    }
}

// Every entry has one "version" member, so this bounds the number of entries from above (dependencies
// have a "version" too): the list is allocated once, and pages never written cost nothing.
qsizetype countVersionKeys(QByteArrayView text)
{
    static const QByteArrayMatcher key(QByteArrayLiteral("\"version\""));
    qsizetype count = 0;
    for (qsizetype at = key.indexIn(text); at >= 0; at = key.indexIn(text, at + 9))
        ++count;
    return count;
}

// The metadata fields that are plain optional strings, by their JSON name.
QString ChartMetadata::*optionalStringField(QByteArrayView key)
{
    static constexpr std::pair<std::string_view, QString ChartMetadata::*> fields[] = {
        {"apiVersion", &ChartMetadata::apiVersion},
        {"appVersion", &ChartMetadata::appVersion},
        {"description", &ChartMetadata::description},
        {"type", &ChartMetadata::type},
        {"home", &ChartMetadata::home},
        {"icon", &ChartMetadata::icon},
        {"kubeVersion", &ChartMetadata::kubeVersion}};
    for (const auto &[name, field] : fields) {
        if (key == QByteArrayView(name.data(), qsizetype(name.size())))
            return field;
    }
    return nullptr;
}

} // namespace

ChartVersionReader::ChartVersionReader(QByteArrayView json)
    : m_text(json)
    , m_json(json)
{}

bool ChartVersionReader::syntaxFailed()
{
    if (!m_json.failed())
        return false;
    m_failure = Failure::Syntax;
    m_error = m_json.error();
    return true;
}

std::optional<ChartVersion> ChartVersionReader::entry(QString *where, QString *problem)
{
    ChartVersion entry;
    ChartMetadata &m = entry.metadata;
    const ChartMetadata &p = m_previous.metadata;
    bool sawName = false;
    bool sawVersion = false;
    bool nameIsString = false;
    QString created;
    m_json.enterObject();
    QByteArrayView key;
    while (m_json.nextMember(key)) {
        if (key == "name") {
            sawName = true;
            nameIsString = m_json.peek() == Kind::String;
            m.name = requiredString(m_json, p.name, QStringLiteral("name"), problem);
        } else if (key == "version") {
            sawVersion = true;
            m.version = requiredString(m_json, QString(), QStringLiteral("version"), problem);
        } else if (key == "urls") {
            entry.urls = strings(m_json, m_previous.urls, QStringLiteral("urls"), problem);
        } else if (key == "created") {
            created = optionalString(m_json, QString(), QStringLiteral("created"), problem);
        } else if (QString ChartMetadata::*field = optionalStringField(key)) {
            m.*field = optionalString(m_json, p.*field, QUtf8StringView(key.data(), key.size()), problem);
        } else if (key == "digest") {
            entry.digest = optionalString(m_json, QString(), QStringLiteral("digest"), problem);
        } else if (key == "sources") {
            m.sources = strings(m_json, p.sources, QStringLiteral("sources"), problem);
        } else if (key == "keywords") {
            m.keywords = strings(m_json, p.keywords, QStringLiteral("keywords"), problem);
        } else if (key == "annotations") {
            m.annotations = stringMap(m_json, p.annotations, QStringLiteral("annotations"), problem);
        } else if (key == "deprecated") {
            const Kind kind = m_json.peek();
            if (kind == Kind::Bool) {
                m.deprecated = m_json.boolean();
            } else {
                if (kind != Kind::Null)
                    typeProblem(problem, QStringLiteral("deprecated"),
                                QCoreApplication::translate("ChartVersionReader", "a boolean"), kind);
                m_json.skip();
            }
        } else if (key == "maintainers") {
            m.maintainers.clear();
            objects(m_json, QStringLiteral("maintainers"), problem, [&](const QString &prefix) {
                ChartMetadata::Maintainer maintainer;
                stringFields(
                    m_json, prefix,
                    {{"name", &maintainer.name}, {"email", &maintainer.email}, {"url", &maintainer.url}},
                    problem);
                m.maintainers.append(maintainer);
            });
            if (m.maintainers == p.maintainers)
                m.maintainers = p.maintainers;
        } else if (key == "dependencies") {
            m.dependencies.clear();
            objects(m_json, QStringLiteral("dependencies"), problem, [&](const QString &prefix) {
                ChartMetadata::Dependency dependency;
                stringFields(m_json, prefix,
                             {{"name", &dependency.name},
                              {"version", &dependency.version},
                              {"repository", &dependency.repository},
                              {"condition", &dependency.condition},
                              {"alias", &dependency.alias}},
                             problem);
                m.dependencies.append(dependency);
            });
            if (m.dependencies == p.dependencies)
                m.dependencies = p.dependencies;
        } else {
            m_json.skip();
        }
    }
    if (m_json.failed())
        return std::nullopt;
    if (!sawName)
        typeProblem(problem, QStringLiteral("name"),
                    QCoreApplication::translate("ChartVersionReader", "a string"), Kind::None);
    if (!sawVersion)
        typeProblem(problem, QStringLiteral("version"),
                    QCoreApplication::translate("ChartVersionReader", "a string"), Kind::None);
    if (problem->isEmpty() && !created.isEmpty()) {
        entry.created = Rfc3339::parse(created);
        if (!entry.created.isValid())
            *problem = QCoreApplication::translate("ChartVersionReader",
                                                   "field \"created\" is \"%1\", expected an RFC 3339 time")
                           .arg(created);
    }
    if (problem->isEmpty() && m.name.isEmpty())
        *problem = QCoreApplication::translate("ChartVersionReader", "field \"name\" is empty");
    if (problem->isEmpty() && m.version.isEmpty())
        *problem = QCoreApplication::translate("ChartVersionReader", "field \"version\" is empty");
    if (!problem->isEmpty()) {
        *where = !nameIsString ? QCoreApplication::translate("ChartVersionReader", "chart version")
                 : m.version.isEmpty()
                     ? QCoreApplication::translate("ChartVersionReader", "chart version %1").arg(m.name)
                     : QCoreApplication::translate("ChartVersionReader", "chart version %1 %2")
                           .arg(m.name, m.version);
        return std::nullopt;
    }
    m_previous = entry;
    return entry;
}

std::optional<QList<ChartVersion>> ChartVersionReader::versions(const QString &what, qsizetype expected)
{
    const Kind kind = m_json.peek();
    if (syntaxFailed())
        return std::nullopt;
    if (kind != Kind::Array) {
        m_failure = Failure::Shape;
        m_error = QCoreApplication::translate("ChartVersionReader", "%1: not a JSON array but %2")
                      .arg(what, JsonReader::kindName(kind));
        return std::nullopt;
    }
    QList<ChartVersion> result;
    result.reserve(expected);
    m_json.enterArray();
    for (qsizetype i = 0; m_json.nextElement(); ++i) {
        const Kind item = m_json.peek();
        if (syntaxFailed())
            return std::nullopt;
        if (item != Kind::Object) {
            m_failure = Failure::Shape;
            m_error = QCoreApplication::translate("ChartVersionReader", "entry %1 of %2 is %3, not an object")
                          .arg(i)
                          .arg(what, JsonReader::kindName(item));
            return std::nullopt;
        }
        QString where;
        QString problem;
        std::optional<ChartVersion> version = entry(&where, &problem);
        if (syntaxFailed())
            return std::nullopt;
        if (!version) {
            m_failure = Failure::Shape;
            m_error = QCoreApplication::translate("ChartVersionReader", "entry %1 of %2: %3: %4")
                          .arg(i)
                          .arg(what, where, problem);
            return std::nullopt;
        }
        result.append(std::move(*version));
    }
    if (syntaxFailed())
        return std::nullopt;
    return result;
}

std::optional<QList<ChartVersion>> ChartVersionReader::list(const QString &what)
{
    std::optional<QList<ChartVersion>> result = versions(what, countVersionKeys(m_text));
    if (!result || !m_json.finish()) {
        syntaxFailed();
        return std::nullopt;
    }
    return result;
}

std::optional<QMap<QString, QList<ChartVersion>>> ChartVersionReader::charts()
{
    const Kind kind = m_json.peek();
    if (syntaxFailed())
        return std::nullopt;
    if (kind != Kind::Object) {
        m_failure = Failure::Shape;
        m_error =
            QCoreApplication::translate("ChartVersionReader", "the chart listing is %1, not a JSON object")
                .arg(JsonReader::kindName(kind));
        return std::nullopt;
    }
    QMap<QString, QList<ChartVersion>> result;
    m_json.enterObject();
    QByteArrayView key;
    while (m_json.nextMember(key)) {
        const QString chart = QString::fromUtf8(key);
        std::optional<QList<ChartVersion>> list =
            versions(QCoreApplication::translate("ChartVersionReader", "chart \"%1\"").arg(chart), 0);
        if (!list)
            return std::nullopt;
        result.insert(chart, std::move(*list));
    }
    if (syntaxFailed() || !m_json.finish()) {
        syntaxFailed();
        return std::nullopt;
    }
    return result;
}

std::optional<ChartVersion> ChartVersionReader::one()
{
    const Kind kind = m_json.peek();
    if (syntaxFailed())
        return std::nullopt;
    if (kind != Kind::Object) {
        m_failure = Failure::Shape;
        m_error =
            QCoreApplication::translate("ChartVersionReader", "the chart version is %1, not a JSON object")
                .arg(JsonReader::kindName(kind));
        return std::nullopt;
    }
    QString where;
    QString problem;
    std::optional<ChartVersion> version = entry(&where, &problem);
    if (syntaxFailed())
        return std::nullopt;
    if (!version) {
        m_failure = Failure::Shape;
        m_error = QStringLiteral("%1: %2").arg(where, problem);
        return std::nullopt;
    }
    if (!m_json.finish()) {
        syntaxFailed();
        return std::nullopt;
    }
    return version;
}

} // namespace capstan
