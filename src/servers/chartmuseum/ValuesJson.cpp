#include "ValuesJson.h"

#include <QRegularExpression>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

GoValue resolvePlain(const QString &text)
{
    static const QStringList nulls = {u""_s, u"~"_s, u"null"_s, u"Null"_s, u"NULL"_s};
    static const QStringList trues = {u"y"_s,    u"Y"_s,    u"yes"_s, u"Yes"_s, u"YES"_s, u"true"_s,
                                      u"True"_s, u"TRUE"_s, u"on"_s,  u"On"_s,  u"ON"_s};
    static const QStringList falses = {u"n"_s,     u"N"_s,     u"no"_s,  u"No"_s,  u"NO"_s, u"false"_s,
                                       u"False"_s, u"FALSE"_s, u"off"_s, u"Off"_s, u"OFF"_s};
    if (nulls.contains(text))
        return GoValue();
    if (trues.contains(text))
        return GoValue(true);
    if (falses.contains(text))
        return GoValue(false);
    static const QRegularExpression infinity(u"^([-+]?)\\.(inf|Inf|INF)$"_s);
    static const QRegularExpression nan(u"^\\.(nan|NaN|NAN)$"_s);
    if (infinity.match(text).hasMatch() || nan.match(text).hasMatch())
        return GoValue(text); // JSON cannot hold them; Helm fails on such values anyway
    QString plain = text;
    plain.remove(u'_');
    static const QRegularExpression integer(
        u"^([-+]?)(0b[01]+|0o[0-7]+|0x[0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$"_s);
    const QRegularExpressionMatch intMatch = integer.match(plain);
    if (intMatch.hasMatch()) {
        const QString digits = intMatch.captured(2);
        bool ok = false;
        double value = 0;
        if (digits.startsWith(u"0b"_s))
            value = double(digits.mid(2).toULongLong(&ok, 2));
        else if (digits.startsWith(u"0o"_s))
            value = double(digits.mid(2).toULongLong(&ok, 8));
        else if (digits.startsWith(u"0x"_s))
            value = double(digits.mid(2).toULongLong(&ok, 16));
        else if (digits.size() > 1 && digits.startsWith(u'0'))
            value = double(digits.toULongLong(&ok, 8));
        else
            value = digits.toDouble(&ok);
        if (ok)
            return GoValue::number(intMatch.captured(1) == u"-"_s ? -value : value);
    }
    static const QRegularExpression floating(u"^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$"_s);
    if (floating.match(plain).hasMatch()) {
        bool ok = false;
        const double value = plain.toDouble(&ok);
        if (ok && std::isfinite(value))
            return GoValue::number(value);
    }
    return GoValue(text);
}

GoValue convert(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        std::vector<GoValue::Member> members;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = it->first.IsScalar() ? QString::fromStdString(it->first.Scalar()) : u"null"_s;
            members.emplace_back(key, convert(it->second));
        }
        return GoValue::map(std::move(members));
    }
    case YAML::NodeType::Sequence: {
        std::vector<GoValue> items;
        for (auto it = node.begin(); it != node.end(); ++it)
            items.push_back(convert(*it));
        return GoValue::array(std::move(items));
    }
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(node.Scalar());
        if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str")
            return GoValue(text);
        return resolvePlain(text);
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return GoValue();
    }
    return GoValue();
}

} // namespace

std::optional<GoValue> ValuesJson::fromYaml(const QByteArray &yaml, QString *error)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsDefined() || root.IsNull())
            return GoValue::map({});
        if (!root.IsMap()) {
            if (error)
                *error = u"values.yaml is not a mapping"_s;
            return std::nullopt;
        }
        return convert(root);
    } catch (const YAML::Exception &exception) {
        if (error)
            *error = QString::fromStdString(exception.what());
        return std::nullopt;
    }
}

} // namespace capstan
