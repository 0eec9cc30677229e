#pragma once

#include "http/GoValue.h"

#include <QByteArray>
#include <QString>

namespace capstan {

// Why: Helm and ChartMuseum write index.yaml with sigs.k8s.io/yaml (JSON, then the yaml.v2 emitter):
// sorted keys in yaml.v2 order, indentless sequences, quoting and 80-column folding. Helm clients parse
// whatever we write, but the bytes should look like the real server's.
class YamlV2Writer
{
public:
    // The document for `value` (normally a mapping), ending with a newline.
    static QByteArray write(const GoValue &value);
    // A mapping's members written at `indent`, as they appear inside a larger document. Used to cache
    // one index entry's text.
    static QString writeMapping(const GoValue &mapping, int indent);
    // `key` as yaml.v2 writes a mapping key (plain, or quoted when needed).
    static QString keyScalar(const QString &key);
    // yaml.v2 map key order: letters by code point, non-letters first, digit runs numerically.
    static bool keyLess(const QString &a, const QString &b);
    // True if yaml.v2 would read `text` back as something other than a string (so it gets quoted).
    static bool resolvesToNonString(const QString &text);
};

} // namespace capstan
