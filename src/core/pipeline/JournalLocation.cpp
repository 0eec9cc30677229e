#include "JournalLocation.h"

#include "DeployJournal.h"
#include "net/ApiError.h"

#include <QDir>
#include <QFileInfo>

namespace capstan {

QString JournalLocation::file(const QProcessEnvironment &environment)
{
    const QString variable = QString::fromLatin1(Variable);
    const QString configured = environment.value(variable);
    if (configured.isEmpty())
        return DeployJournal::defaultFile();
    const QFileInfo info(configured);
    const QFileInfo directory(info.absolutePath());
    if (!directory.isDir()) {
        throw ApiError(ApiError::Kind::Config,
                       directory.exists() ? tr("%1 is %2, but %3 is not a directory")
                                                .arg(variable, QDir::toNativeSeparators(configured),
                                                     QDir::toNativeSeparators(directory.filePath()))
                                          : tr("%1 is %2, but its directory %3 does not exist")
                                                .arg(variable, QDir::toNativeSeparators(configured),
                                                     QDir::toNativeSeparators(directory.filePath())),
                       tr("Create the directory, point %1 at a file in an existing one, or unset it to use "
                          "%2.")
                           .arg(variable, QDir::toNativeSeparators(DeployJournal::defaultFile())));
    }
    return configured;
}

} // namespace capstan
