#pragma once

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>

namespace capstan {

// Why: GUI and CLI find the deploy journal the same way, and a CAPSTAN_JOURNAL that points into a
// directory that does not exist is a mistake to report, not a directory to create silently.
class JournalLocation
{
    Q_DECLARE_TR_FUNCTIONS(JournalLocation)

public:
    static constexpr const char *Variable = "CAPSTAN_JOURNAL";

    // CAPSTAN_JOURNAL when set (its directory must exist: throws ApiError Config naming the variable and
    // the path otherwise), else DeployJournal::defaultFile(), whose directory may be created.
    static QString file(const QProcessEnvironment &environment);
};

} // namespace capstan
