#pragma once

#include "Config.h"

#include <QCoreApplication>
#include <QString>

namespace capstan {

// Why: the settings dialog saves server URLs without losing the rest of the file: it replaces only the keys
// it owns and writes atomically, so an interrupted save leaves the old file intact.
class ConfigWriter
{
    Q_DECLARE_TR_FUNCTIONS(ConfigWriter)

public:
    // Updates the keys the settings dialog edits (chartmuseum, argocd, github: url, user, repo...; chart:
    // name, path, manifests, version) in `path` (created if missing), keeping every other key. An empty value
    // removes its key; a section the config lacks is left alone. Nothing is written unless the result
    // loads under ConfigLoader's rules. Returns false and sets *error (naming the key) otherwise.
    static bool saveServers(const QString &path, const Config &config, QString *error);
};

} // namespace capstan
