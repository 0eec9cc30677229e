#include "ChartYaml.h"

#include "SemVer.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

namespace {

// A type mismatch while decoding, reported the way Go's encoding/json words it, plus the line.
struct TypeError
{
    QString message;
};

QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

int lineOf(const YAML::Node &node)
{
    return node.Mark().line + 1;
}

// How go.yaml.in/yaml/v2 resolves an untagged plain scalar, as far as Chart.yaml decoding cares.
struct Scalar
{
    enum class Kind { Null, Bool, Int, Float, String };
    Kind kind = Kind::String;
    QString text;
    bool boolean = false;
    double number = 0;
};

std::optional<quint64> parseDigits(QStringView digits, int base)
{
    if (digits.isEmpty())
        return std::nullopt;
    quint64 value = 0;
    for (QChar c : digits) {
        int d = -1;
        if (c >= u'0' && c <= u'9')
            d = c.unicode() - u'0';
        else if (c >= u'a' && c <= u'f')
            d = c.unicode() - u'a' + 10;
        else if (c >= u'A' && c <= u'F')
            d = c.unicode() - u'A' + 10;
        if (d < 0 || d >= base)
            return std::nullopt;
        if (value > (std::numeric_limits<quint64>::max() - quint64(d)) / quint64(base))
            return std::nullopt;
        value = value * quint64(base) + quint64(d);
    }
    return value;
}

// strconv.ParseInt(s, 0, 64) / ParseUint(s, 0, 64): sign, then 0x/0o/0b/leading-0 octal prefixes.
std::optional<QString> goParseInteger(QStringView s)
{
    bool negative = false;
    if (!s.isEmpty() && (s.at(0) == u'+' || s.at(0) == u'-')) {
        negative = s.at(0) == u'-';
        s = s.mid(1);
    }
    int base = 10;
    if (s.size() > 1 && s.at(0) == u'0') {
        const QChar p = s.at(1).toLower();
        if (p == u'x' || p == u'o' || p == u'b') {
            base = p == u'x' ? 16 : (p == u'o' ? 8 : 2);
            s = s.mid(2);
        } else {
            base = 8;
            s = s.mid(1);
        }
    }
    const auto magnitude = parseDigits(s, base);
    if (!magnitude)
        return std::nullopt;
    if (negative) {
        if (*magnitude > quint64(std::numeric_limits<qint64>::max()) + 1)
            return std::nullopt;
        return *magnitude == 0 ? QStringLiteral("0") : u'-' + QString::number(*magnitude);
    }
    return QString::number(*magnitude);
}

// strconv.FormatFloat(f, 'g', -1, 32): shortest float32 digits, exponent form below 1e-4 or from 1e6.
QString goFloat32(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    const float f = float(value);
    if (std::isinf(f))
        return f > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    if (f == 0)
        return std::signbit(f) ? QStringLiteral("-0") : QStringLiteral("0");

    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, f, std::chars_format::scientific);
    const QString sci = QString::fromLatin1(buffer, result.ptr - buffer); // e.g. "-3.1415927e+00"
    const qsizetype e = sci.indexOf(u'e');
    QString mantissa = sci.left(e);
    const int exponent = sci.mid(e + 1).toInt();
    const bool negative = mantissa.startsWith(u'-');
    if (negative)
        mantissa.remove(0, 1);
    const QString digits = mantissa.remove(u'.');
    const int nd = int(digits.size());
    const int dp = exponent + 1;

    QString out = negative ? QStringLiteral("-") : QString();
    if (exponent < -4 || exponent >= 6) {
        out += digits.at(0);
        if (nd > 1)
            out += u'.' + digits.mid(1);
        out += u'e';
        out += exponent < 0 ? u'-' : u'+';
        out += QStringLiteral("%1").arg(std::abs(exponent), 2, 10, QLatin1Char('0'));
        return out;
    }
    if (dp > 0) {
        for (int i = 0; i < dp; ++i)
            out += i < nd ? digits.at(i) : u'0';
    } else {
        out += u'0';
    }
    if (nd > dp) {
        out += u'.';
        for (int i = dp; i < nd; ++i)
            out += i < 0 ? u'0' : digits.at(i);
    }
    return out;
}

Scalar resolvePlain(const QString &in)
{
    static const QStringList trueWords = {u"y"_s,    u"Y"_s,    u"yes"_s, u"Yes"_s, u"YES"_s, u"true"_s,
                                          u"True"_s, u"TRUE"_s, u"on"_s,  u"On"_s,  u"ON"_s};
    static const QStringList falseWords = {u"n"_s,     u"N"_s,     u"no"_s,  u"No"_s,  u"NO"_s, u"false"_s,
                                           u"False"_s, u"FALSE"_s, u"off"_s, u"Off"_s, u"OFF"_s};
    static const QStringList nullWords = {QString(), u"~"_s, u"null"_s, u"Null"_s, u"NULL"_s};
    static const QRegularExpression yamlStyleFloat(
        QStringLiteral(R"(^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$)"));

    Scalar s;
    s.text = in;
    if (trueWords.contains(in) || falseWords.contains(in)) {
        s.kind = Scalar::Kind::Bool;
        s.boolean = trueWords.contains(in);
        return s;
    }
    if (nullWords.contains(in)) {
        s.kind = Scalar::Kind::Null;
        return s;
    }
    for (const auto &[word, value] :
         {std::pair{u".nan", NAN}, std::pair{u".NaN", NAN}, std::pair{u".NAN", NAN},
          std::pair{u".inf", INFINITY}, std::pair{u".Inf", INFINITY}, std::pair{u".INF", INFINITY},
          std::pair{u"+.inf", INFINITY}, std::pair{u"+.Inf", INFINITY}, std::pair{u"+.INF", INFINITY},
          std::pair{u"-.inf", -INFINITY}, std::pair{u"-.Inf", -INFINITY}, std::pair{u"-.INF", -INFINITY}}) {
        if (in == QStringView(word)) {
            s.kind = Scalar::Kind::Float;
            s.number = double(value);
            return s;
        }
    }
    const QChar first = in.at(0);
    if (!(first.isDigit() || first == u'+' || first == u'-' || first == u'.'))
        return s;
    const QString plain = QString(in).remove(u'_');
    if (const auto integer = goParseInteger(plain)) {
        s.kind = Scalar::Kind::Int;
        s.text = *integer;
        return s;
    }
    if (yamlStyleFloat.match(plain).hasMatch()) {
        bool ok = false;
        const double d = plain.toDouble(&ok);
        if (ok || std::isinf(d)) {
            s.kind = Scalar::Kind::Float;
            s.number = d;
            s.text = goFloat32(d);
        }
    }
    return s;
}

Scalar resolve(const YAML::Node &node)
{
    if (!node.IsDefined() || node.IsNull())
        return {Scalar::Kind::Null, {}, false, 0};
    const QString value = fromStd(node.Scalar());
    if (node.Tag() == "?")
        return resolvePlain(value);
    if (node.Tag() == "tag:yaml.org,2002:null")
        return {Scalar::Kind::Null, {}, false, 0};
    if (node.Tag() == "tag:yaml.org,2002:bool" || node.Tag() == "tag:yaml.org,2002:int" ||
        node.Tag() == "tag:yaml.org,2002:float") {
        Scalar s = resolvePlain(value);
        if (s.kind != Scalar::Kind::String && s.kind != Scalar::Kind::Null)
            return s;
    }
    return {Scalar::Kind::String, value, false, 0};
}

// The JSON kind Go names in "cannot unmarshal <kind> into ...".
QString jsonKind(const YAML::Node &node)
{
    if (node.IsMap())
        return QStringLiteral("object");
    if (node.IsSequence())
        return QStringLiteral("array");
    switch (resolve(node).kind) {
    case Scalar::Kind::Bool:
        return QStringLiteral("bool");
    case Scalar::Kind::Int:
    case Scalar::Kind::Float:
        return QStringLiteral("number");
    case Scalar::Kind::Null:
        return QStringLiteral("null");
    case Scalar::Kind::String:
        break;
    }
    return QStringLiteral("string");
}

[[noreturn]] void typeError(const YAML::Node &node, const QString &field, const QString &goType)
{
    throw TypeError{QCoreApplication::translate("ChartYaml",
                                                "cannot load Chart.yaml: line %1: cannot unmarshal %2 "
                                                "into Go struct field %3 of type %4")
                        .arg(lineOf(node))
                        .arg(jsonKind(node), field, goType)};
}

bool isNull(const YAML::Node &node)
{
    return !node.IsDefined() || node.IsNull();
}

// A string field: numbers and booleans are coerced as sigs.k8s.io/yaml does; null leaves it empty.
QString toStringField(const YAML::Node &node, const QString &field)
{
    if (isNull(node))
        return {};
    if (!node.IsScalar())
        typeError(node, field, QStringLiteral("string"));
    const Scalar s = resolve(node);
    switch (s.kind) {
    case Scalar::Kind::Null:
        return {};
    case Scalar::Kind::Bool:
        return s.boolean ? QStringLiteral("true") : QStringLiteral("false");
    case Scalar::Kind::Float:
        return goFloat32(s.number);
    case Scalar::Kind::Int:
    case Scalar::Kind::String:
        break;
    }
    return s.text;
}

QStringList toStringList(const YAML::Node &node, const QString &field)
{
    if (isNull(node))
        return {};
    if (!node.IsSequence())
        typeError(node, field, QStringLiteral("[]string"));
    QStringList list;
    for (const YAML::Node &item : node)
        list.append(toStringField(item, field));
    return list;
}

bool toBoolField(const YAML::Node &node, const QString &field)
{
    if (isNull(node))
        return false;
    const Scalar s = node.IsScalar() ? resolve(node) : Scalar{};
    if (!node.IsScalar() || s.kind != Scalar::Kind::Bool)
        typeError(node, field, QStringLiteral("bool"));
    return s.boolean;
}

// The mapping's entries as (key, value); Go's JSON decoder sees the keys sorted bytewise and lets the last
// assignment to a field win, so sort stably and let later entries overwrite earlier ones. (YAML::Node's
// assignment rebinds the node it refers to, so nodes are only ever copy-constructed here.)
std::vector<std::pair<QString, YAML::Node>> entries(const YAML::Node &map)
{
    std::vector<YAML::Node> values;
    std::vector<std::pair<QByteArray, size_t>> keys;
    for (const auto &kv : map) {
        if (!kv.first.IsScalar())
            continue;
        keys.emplace_back(toStringField(kv.first, QString()).toUtf8(), values.size());
        values.push_back(kv.second);
    }
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<std::pair<QString, YAML::Node>> list;
    list.reserve(keys.size());
    for (const auto &[key, index] : keys)
        list.emplace_back(QString::fromUtf8(key), values[index]);
    return list;
}

bool fieldIs(const QString &key, QLatin1StringView name)
{
    return key.compare(name, Qt::CaseInsensitive) == 0;
}

ChartMetadata::Maintainer toMaintainer(const YAML::Node &node)
{
    const QString path = QStringLiteral("Metadata.maintainers");
    if (!node.IsMap())
        typeError(node, path, QStringLiteral("Maintainer"));
    ChartMetadata::Maintainer m;
    for (const auto &[key, value] : entries(node)) {
        if (fieldIs(key, "name"_L1))
            m.name = toStringField(value, path + QStringLiteral(".name"));
        else if (fieldIs(key, "email"_L1))
            m.email = toStringField(value, path + QStringLiteral(".email"));
        else if (fieldIs(key, "url"_L1))
            m.url = toStringField(value, path + QStringLiteral(".url"));
    }
    return m;
}

ChartMetadata::Dependency toDependency(const YAML::Node &node)
{
    const QString path = QStringLiteral("Metadata.dependencies");
    if (!node.IsMap())
        typeError(node, path, QStringLiteral("Dependency"));
    ChartMetadata::Dependency d;
    for (const auto &[key, value] : entries(node)) {
        const QString field = path + u'.' + key;
        if (fieldIs(key, "name"_L1))
            d.name = toStringField(value, field);
        else if (fieldIs(key, "version"_L1))
            d.version = toStringField(value, field);
        else if (fieldIs(key, "repository"_L1))
            d.repository = toStringField(value, field);
        else if (fieldIs(key, "condition"_L1))
            d.condition = toStringField(value, field);
        else if (fieldIs(key, "alias"_L1))
            d.alias = toStringField(value, field);
        else if (fieldIs(key, "tags"_L1))
            toStringList(value, field);
        else if (fieldIs(key, "enabled"_L1))
            toBoolField(value, field);
        else if (fieldIs(key, "import-values"_L1) && !isNull(value) && !value.IsSequence())
            typeError(value, field, QStringLiteral("[]interface {}"));
    }
    return d;
}

// Metadata as decoded, before validation: list entries may be null nodes, which Helm rejects later.
struct Decoded
{
    ChartMetadata metadata;
    bool nullMaintainer = false;
    QList<std::optional<ChartMetadata::Dependency>> dependencies;
};

Decoded decode(const YAML::Node &root)
{
    Decoded out;
    ChartMetadata &md = out.metadata;
    if (isNull(root))
        return out;
    if (!root.IsMap()) {
        throw TypeError{QCoreApplication::translate(
                            "ChartYaml",
                            "cannot load Chart.yaml: line %1: cannot unmarshal %2 into Go value of type "
                            "Metadata")
                            .arg(lineOf(root))
                            .arg(jsonKind(root))};
    }
    for (const auto &[key, value] : entries(root)) {
        const QString field = QStringLiteral("Metadata.") + key;
        if (fieldIs(key, "name"_L1))
            md.name = toStringField(value, field);
        else if (fieldIs(key, "version"_L1))
            md.version = toStringField(value, field);
        else if (fieldIs(key, "apiVersion"_L1))
            md.apiVersion = toStringField(value, field);
        else if (fieldIs(key, "appVersion"_L1))
            md.appVersion = toStringField(value, field);
        else if (fieldIs(key, "description"_L1))
            md.description = toStringField(value, field);
        else if (fieldIs(key, "type"_L1))
            md.type = toStringField(value, field);
        else if (fieldIs(key, "home"_L1))
            md.home = toStringField(value, field);
        else if (fieldIs(key, "icon"_L1))
            md.icon = toStringField(value, field);
        else if (fieldIs(key, "kubeVersion"_L1))
            md.kubeVersion = toStringField(value, field);
        else if (fieldIs(key, "condition"_L1) || fieldIs(key, "tags"_L1))
            toStringField(value, field);
        else if (fieldIs(key, "sources"_L1))
            md.sources = toStringList(value, field);
        else if (fieldIs(key, "keywords"_L1))
            md.keywords = toStringList(value, field);
        else if (fieldIs(key, "deprecated"_L1))
            md.deprecated = toBoolField(value, field);
        else if (fieldIs(key, "annotations"_L1)) {
            md.annotations.clear();
            if (isNull(value))
                continue;
            if (!value.IsMap())
                typeError(value, field, QStringLiteral("map[string]string"));
            for (const auto &[k, v] : entries(value))
                md.annotations.insert(k, toStringField(v, field));
        } else if (fieldIs(key, "maintainers"_L1)) {
            md.maintainers.clear();
            out.nullMaintainer = false;
            if (isNull(value))
                continue;
            if (!value.IsSequence())
                typeError(value, field, QStringLiteral("[]*Maintainer"));
            for (const YAML::Node &item : value) {
                if (isNull(item))
                    out.nullMaintainer = true;
                else
                    md.maintainers.append(toMaintainer(item));
            }
        } else if (fieldIs(key, "dependencies"_L1)) {
            out.dependencies.clear();
            if (isNull(value))
                continue;
            if (!value.IsSequence())
                typeError(value, field, QStringLiteral("[]*Dependency"));
            for (const YAML::Node &item : value) {
                if (isNull(item))
                    out.dependencies.append(std::nullopt);
                else
                    out.dependencies.append(toDependency(item));
            }
        }
    }
    return out;
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
bool isGoPrint(char32_t c)
{
    if (c == U' ')
        return true;
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
        return true;
    default:
        return false;
    }
}

// Helm's sanitizeString: whitespace becomes a space, other non-printable characters are dropped.
QString sanitize(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (char32_t c : s.toUcs4()) {
        if (QChar::isSpace(c))
            out += u' ';
        else if (isGoPrint(c))
            out += QStringView(QChar::fromUcs4(c));
    }
    return out;
}

void sanitize(ChartMetadata &md)
{
    for (QString *s : {&md.name, &md.description, &md.home, &md.icon, &md.appVersion, &md.kubeVersion})
        *s = sanitize(*s);
    for (QString &s : md.sources)
        s = sanitize(s);
    for (QString &s : md.keywords)
        s = sanitize(s);
    for (auto &m : md.maintainers) {
        m.name = sanitize(m.name);
        m.email = sanitize(m.email);
        m.url = sanitize(m.url);
    }
}

void sanitize(ChartMetadata::Dependency &d)
{
    d.name = sanitize(d.name);
    d.version = sanitize(d.version);
    d.repository = sanitize(d.repository);
    d.condition = sanitize(d.condition);
}

// Go's %q for the strings Helm quotes in its messages.
QString goQuote(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (char32_t c : s.toUcs4()) {
        switch (c) {
        case U'"':
            out += QStringLiteral("\\\"");
            continue;
        case U'\\':
            out += QStringLiteral("\\\\");
            continue;
        case U'\n':
            out += QStringLiteral("\\n");
            continue;
        case U'\r':
            out += QStringLiteral("\\r");
            continue;
        case U'\t':
            out += QStringLiteral("\\t");
            continue;
        default:
            break;
        }
        if (isGoPrint(c))
            out += QStringView(QChar::fromUcs4(c));
        else if (c < 0x80)
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        else if (c < 0x10000)
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\U%1").arg(uint(c), 8, 16, QLatin1Char('0'));
    }
    return out + u'"';
}

QString validation(const QString &message)
{
    return QStringLiteral("validation: ") + message;
}

// Metadata.Validate in Helm's order; metadata must already be sanitized.
QString validateDecoded(const Decoded &decoded)
{
    const ChartMetadata &md = decoded.metadata;
    if (md.apiVersion.isEmpty())
        return validation(QCoreApplication::translate("ChartYaml", "chart.metadata.apiVersion is required"));
    if (md.name.isEmpty())
        return validation(QCoreApplication::translate("ChartYaml", "chart.metadata.name is required"));
    if (md.name == u"." || md.name == u"..")
        return validation(QCoreApplication::translate("ChartYaml", "chart.metadata.name %1 is not allowed")
                              .arg(goQuote(md.name)));
    if (md.name.contains(u'/'))
        return validation(QCoreApplication::translate("ChartYaml", "chart.metadata.name %1 is invalid")
                              .arg(goQuote(md.name)));
    if (md.version.isEmpty())
        return validation(QCoreApplication::translate("ChartYaml", "chart.metadata.version is required"));
    if (!SemVer::parse(md.version))
        return validation(QCoreApplication::translate("ChartYaml", "chart.metadata.version %1 is invalid")
                              .arg(goQuote(md.version)));
    if (!md.type.isEmpty() && md.type != u"application" && md.type != u"library")
        return validation(
            QCoreApplication::translate("ChartYaml", "chart.metadata.type must be application or library"));
    if (decoded.nullMaintainer)
        return validation(
            QCoreApplication::translate("ChartYaml", "maintainers must not contain empty or null nodes"));

    static const QRegularExpression aliasFormat(QStringLiteral("^[a-zA-Z0-9_-]+$"));
    QSet<QString> seen;
    for (const auto &dependency : decoded.dependencies) {
        if (!dependency)
            return validation(QCoreApplication::translate(
                "ChartYaml", "dependencies must not contain empty or null nodes"));
        if (!dependency->alias.isEmpty() && !aliasFormat.match(dependency->alias).hasMatch())
            return validation(QCoreApplication::translate(
                                  "ChartYaml", "dependency %1 has disallowed characters in the alias")
                                  .arg(goQuote(dependency->name)));
        const QString key = dependency->alias.isEmpty() ? dependency->name : dependency->alias;
        if (seen.contains(key))
            return validation(
                QCoreApplication::translate("ChartYaml", "more than one dependency with name or alias %1")
                    .arg(goQuote(key)));
        seen.insert(key);
    }
    return {};
}

} // namespace

std::optional<ChartMetadata> ChartYaml::parse(const QByteArray &yaml, QString *error)
{
    QString dummy;
    QString *err = error ? error : &dummy;
    Decoded decoded;
    try {
        const YAML::Node root = YAML::Load(std::string(yaml.constData(), size_t(yaml.size())));
        decoded = decode(root);
    } catch (const TypeError &e) {
        *err = e.message;
        return std::nullopt;
    } catch (const YAML::DeepRecursion &e) {
        *err =
            QCoreApplication::translate("ChartYaml", "cannot load Chart.yaml: line %1: nesting is too deep")
                .arg(e.mark.line + 1);
        return std::nullopt;
    } catch (const YAML::Exception &e) {
        *err = QCoreApplication::translate(
                   "ChartYaml", "cannot load Chart.yaml: error converting YAML to JSON: yaml: line %1: %2")
                   .arg(e.mark.line + 1)
                   .arg(fromStd(e.msg));
        return std::nullopt;
    }

    if (decoded.metadata.apiVersion.isEmpty())
        decoded.metadata.apiVersion = QStringLiteral("v1");
    sanitize(decoded.metadata);
    for (auto &dependency : decoded.dependencies) {
        if (dependency)
            sanitize(*dependency);
    }
    const QString problem = validateDecoded(decoded);
    if (!problem.isEmpty()) {
        *err = problem;
        return std::nullopt;
    }
    for (const auto &dependency : std::as_const(decoded.dependencies))
        decoded.metadata.dependencies.append(*dependency);
    err->clear();
    return decoded.metadata;
}

QString ChartYaml::validate(const ChartMetadata &metadata)
{
    Decoded decoded;
    decoded.metadata = metadata;
    sanitize(decoded.metadata);
    for (auto dependency : metadata.dependencies) {
        sanitize(dependency);
        decoded.dependencies.append(dependency);
    }
    return validateDecoded(decoded);
}

} // namespace capstan
