#pragma once

#include "ChartMetadata.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace capstan {

// Why: Chart.yaml parsing and Helm's metadata validation live in one place for archives and packaging.
class ChartYaml
{
public:
    // Parses and validates (Helm's Metadata.Validate order and messages, prefixed "validation: ").
    // Errors name the line for YAML syntax and type problems.
    static std::optional<ChartMetadata> parse(const QByteArray &yaml, QString *error);
    static QString validate(const ChartMetadata &metadata); // empty when valid
};

} // namespace capstan
