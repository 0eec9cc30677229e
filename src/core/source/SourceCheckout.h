#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

namespace capstan {

// Why: a deploy builds the commit CI built, never whatever is in the user's working tree: a cached clone per
// source repository (fetched only when the commit is missing) and a clean checkout of one sha in a fresh
// directory, through libgit2. Blocking: callers run it through QtConcurrent::run. It holds no handles between
// calls (each opens its own), so several calls may run at once, for the same source too.
class SourceCheckout
{
    Q_DECLARE_TR_FUNCTIONS(SourceCheckout)

public:
    struct Result
    {
        QString directory;    // the checkout: exactly the commit's tree, HEAD detached at `sha`
        QString sha;          // the full sha
        bool fetched = false; // the cached clone fetched from the source first (the commit was missing)
    };

    struct TreeState
    {
        QString root;          // the working tree's top directory
        QString headSha;       // empty on a branch without commits
        QStringList staged;    // paths changed in the index
        QStringList modified;  // tracked paths changed (or deleted) in the working tree, not staged
        QStringList untracked; // new paths that are not ignored
        bool isDirty() const { return !staged.isEmpty() || !modified.isEmpty() || !untracked.isEmpty(); }
    };

    // `cacheRoot` holds one cached clone per source, <cacheRoot>/<hash of the source>; empty:
    // defaultCacheRoot(). `cancelled`, when set, is polled (from the calling thread) during fetch and
    // checkout.
    explicit SourceCheckout(QString cacheRoot = {}, std::function<bool()> cancelled = {});

    // QStandardPaths::CacheLocation + "/sources".
    static QString defaultCacheRoot();
    QString cacheRoot() const { return m_cacheRoot; }
    // Where the cached clone of `source` lives: a local path is keyed by its canonical path, a URL without
    // its user info (so a new token reuses the clone).
    QString cacheDirectoryFor(const QString &source) const;

    // A clean checkout of `sha` (7 to 40 hex digits) from `source` (a local repository's path or a git URL)
    // into `destination`, which must not exist or be empty; empty: a new directory under
    // <cacheRoot>/checkouts. The source's own working tree is only read. The caller removes the checkout.
    // Throws ApiError: Usage for a malformed sha or a non-empty destination, NotFound when the source does
    // not exist or lacks the commit even after a fetch, Network when it cannot be reached, Failed when
    // cancelled (nothing is left in the destination then).
    Result checkout(const QString &source, const QString &sha, const QString &destination = {}) const;

    // The repository holding `path` (a file or directory; walks up): whether its working tree differs from
    // HEAD. Ignored files do not count. Throws ApiError NotFound when `path` is in no repository.
    static TreeState inspect(const QString &path);
    // The top directory of the working tree that holds `path` (e.g. capstan.yaml), walking up; empty when
    // there is none or the repository is bare.
    static QString findRepository(const QString &path);

private:
    QString m_cacheRoot;
    std::function<bool()> m_cancelled;
};

} // namespace capstan
