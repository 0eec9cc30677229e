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
    // Updates chartmuseum/argocd/github url and username keys in `path` (created if missing), keeping
    // every other key. Returns false and sets *error when the file cannot be parsed or written.
    static bool saveServers(const QString &path, const Config &config, QString *error);
};

} // namespace capstan
