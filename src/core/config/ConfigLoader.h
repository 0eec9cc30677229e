#pragma once

#include "Config.h"
#include "ConfigError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace capstan {

// Why: turns capstan.yaml into a Config, rejecting unknown keys and wrong types with file:line:column.
class ConfigLoader
{
    Q_DECLARE_TR_FUNCTIONS(ConfigLoader)

public:
    static std::optional<Config> loadFile(const QString &path, ConfigError *error);
    static std::optional<Config> parse(const QByteArray &yaml, const QString &fileName, ConfigError *error);

    // --config FILE if given, else ./capstan.yaml, else <user config dir>/capstan/capstan.yaml.
    // Returns the first candidate that exists, or an empty string.
    static QString locate(const QString &explicitPath, const QString &workingDirectory,
                          const QString &userConfigDirectory);
    static QString userConfigDirectory();   // ~/.config/capstan
    static QString defaultUserConfigPath(); // ~/.config/capstan/capstan.yaml // where the settings dialog
                                            // writes when nothing exists yet
};

} // namespace capstan
