#include "GitRepository.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <utility>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

GitRepository::GitRepository(QString directory)
    : m_directory(std::move(directory))
{}

bool GitRepository::init()
{
    return !git({u"init"_s, u"-q"_s, u"-b"_s, u"main"_s}).isNull();
}

QString GitRepository::commitAll(const QString &message)
{
    if (git({u"add"_s, u"-A"_s}).isNull() || git({u"commit"_s, u"-q"_s, u"-m"_s, message}).isNull())
        return {};
    return git({u"rev-parse"_s, u"HEAD"_s});
}

QString GitRepository::git(const QStringList &arguments) const
{
    QProcess process;
    process.setWorkingDirectory(m_directory);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key : {u"GIT_AUTHOR_NAME"_s, u"GIT_COMMITTER_NAME"_s})
        environment.insert(key, u"Capstan Test"_s);
    for (const QString &key : {u"GIT_AUTHOR_EMAIL"_s, u"GIT_COMMITTER_EMAIL"_s})
        environment.insert(key, u"test@capstan.invalid"_s);
    for (const QString &key : {u"GIT_AUTHOR_DATE"_s, u"GIT_COMMITTER_DATE"_s})
        environment.insert(key, u"2026-01-01T12:00:00Z"_s);
    environment.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    environment.insert(u"HOME"_s, m_directory); // no user configuration
    process.setProcessEnvironment(environment);
    process.start(u"git"_s, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning("git %s: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
        return {};
    }
    const QString out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    return out.isNull() ? u""_s : out; // success, even when git printed nothing
}

} // namespace capstan
