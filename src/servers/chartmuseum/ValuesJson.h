#pragma once

#include "http/GoValue.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace capstan {

// Why: the templates route answers a chart's values as Helm holds them (values.yaml decoded by
// sigs.k8s.io/yaml into map[string]interface{}: YAML 1.1 booleans, numbers as float64, sorted keys).
class ValuesJson
{
public:
    // nullopt and *error set if the YAML does not parse or is not a mapping.
    static std::optional<GoValue> fromYaml(const QByteArray &yaml, QString *error);
};

} // namespace capstan
