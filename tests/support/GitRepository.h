#pragma once

#include <QString>
#include <QStringList>

namespace capstan {

// Why: tests that deploy a build's commit need a real git repository with real commits; this drives the
// `git` command over one directory with a fixed identity and clock, so shas are stable within a test.
class GitRepository
{
public:
    explicit GitRepository(QString directory);

    QString directory() const { return m_directory; }
    // git init on branch main; false (with a warning) when git fails.
    bool init();
    // Stages everything and commits; the new HEAD sha, or "" when git fails.
    QString commitAll(const QString &message);
    // Runs git with `arguments` in the directory; its trimmed stdout (empty, not null, when it printed
    // nothing), or a null string when it fails.
    QString git(const QStringList &arguments) const;

private:
    QString m_directory;
};

} // namespace capstan
