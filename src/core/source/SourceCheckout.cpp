#include "SourceCheckout.h"

#include "Libgit2.h"
#include "credentials/Redactor.h"
#include "net/ApiError.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

#include <git2.h>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

template <typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *handle) const { Free(handle); }
};
using Repository = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using Remote = std::unique_ptr<git_remote, Deleter<git_remote, git_remote_free>>;
using Commit = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using StatusList = std::unique_ptr<git_status_list, Deleter<git_status_list, git_status_list_free>>;

constexpr int LockPollMs = 100;

bool looksLikeUrl(const QString &source)
{
    // scheme://… or the scp-like user@host:path form
    static const QRegularExpression scpLike(u"^[^/@:\\s]+@[^/:\\s]+:"_s);
    return source.contains(u"://"_s) || scpLike.match(source).hasMatch();
}

// What the source is called in messages: a URL never with its user info (it may hold a token).
QString displaySource(const QString &source)
{
    if (!looksLikeUrl(source))
        return QDir::toNativeSeparators(QFileInfo(source).absoluteFilePath());
    const QUrl url(source);
    return url.isValid() && !url.scheme().isEmpty() ? url.toDisplayString(QUrl::RemoveUserInfo) : source;
}

// libgit2 may quote the URL it was given: keep a password in it out of the message.
QString scrub(QString message, const QString &source)
{
    const QUrl url(source);
    for (const QString &secret : {url.password(QUrl::FullyDecoded), url.password(QUrl::FullyEncoded)}) {
        if (!secret.isEmpty())
            message.replace(secret, Redactor::Mask.toString());
    }
    return message;
}

QString oidText(const git_oid &oid)
{
    char buffer[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buffer, sizeof buffer, &oid);
    return QString::fromLatin1(buffer);
}

QString withoutTrailingSlash(QString path)
{
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    return path;
}

// Polled by libgit2's callbacks; a non-zero answer aborts the operation with GIT_EUSER.
struct CancelPoll
{
    const std::function<bool()> *cancelled = nullptr;
    bool hit = false;
    int check()
    {
        if (cancelled && *cancelled && (*cancelled)()) {
            hit = true;
            return GIT_EUSER;
        }
        return 0;
    }
};

int transferProgress(const git_indexer_progress *, void *payload)
{
    return static_cast<CancelPoll *>(payload)->check();
}

int checkoutNotify(git_checkout_notify_t, const char *, const git_diff_file *, const git_diff_file *,
                   const git_diff_file *, void *payload)
{
    return static_cast<CancelPoll *>(payload)->check();
}

ApiError cancelledError(const QString &sha)
{
    return ApiError(ApiError::Kind::Failed, SourceCheckout::tr("The checkout of %1 was cancelled").arg(sha));
}

Repository openDiscovered(const QString &path, QString *root)
{
    Libgit2::ensureInitialised();
    const QFileInfo info(path);
    const QString start = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    git_buf found = GIT_BUF_INIT;
    if (git_repository_discover(&found, QFile::encodeName(start).constData(), 0, nullptr) != 0) {
        git_buf_dispose(&found);
        return {};
    }
    git_repository *raw = nullptr;
    const int rc = git_repository_open(&raw, found.ptr);
    git_buf_dispose(&found);
    Repository repository(raw);
    if (rc != 0 || git_repository_is_bare(raw))
        return {};
    if (root)
        *root = withoutTrailingSlash(QFile::decodeName(git_repository_workdir(raw)));
    return repository;
}

// The commit `sha` names in `repository`, or nullptr when it is not there.
Commit lookupCommit(git_repository *repository, const QString &sha)
{
    const QByteArray hex = sha.toLatin1();
    git_oid oid;
    if (git_oid_fromstrn(&oid, hex.constData(), size_t(hex.size())) != 0)
        return {};
    git_commit *raw = nullptr;
    const int rc = git_commit_lookup_prefix(&raw, repository, &oid, size_t(hex.size()));
    if (rc == GIT_EAMBIGUOUS)
        throw ApiError(ApiError::Kind::Usage,
                       SourceCheckout::tr("The abbreviated sha %1 names more than one object").arg(sha),
                       SourceCheckout::tr("Give more digits, or the full 40-digit sha."));
    return Commit(rc == 0 ? raw : nullptr);
}

} // namespace

SourceCheckout::SourceCheckout(QString cacheRoot, std::function<bool()> cancelled)
    : m_cacheRoot(cacheRoot.isEmpty() ? defaultCacheRoot() : std::move(cacheRoot))
    , m_cancelled(std::move(cancelled))
{}

QString SourceCheckout::defaultCacheRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/sources"_s;
}

QString SourceCheckout::cacheDirectoryFor(const QString &source) const
{
    QString key;
    if (looksLikeUrl(source)) {
        const QUrl url(source);
        key =
            url.isValid() && !url.scheme().isEmpty() ? url.adjusted(QUrl::RemoveUserInfo).toString() : source;
    } else {
        const QFileInfo info(source);
        key = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    }
    const QByteArray digest =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QDir(m_cacheRoot).filePath(QString::fromLatin1(digest));
}

SourceCheckout::Result SourceCheckout::checkout(const QString &source, const QString &sha,
                                                const QString &destination) const
{
    static const QRegularExpression shaPattern(u"^[0-9a-fA-F]{7,40}$"_s);
    if (!shaPattern.match(sha).hasMatch())
        throw ApiError(ApiError::Kind::Usage, tr("\"%1\" is not a commit sha").arg(sha),
                       tr("Give 7 to 40 hexadecimal digits."));
    const bool url = looksLikeUrl(source);
    const QString shown = displaySource(source);
    if (source.isEmpty() || (!url && !QFileInfo(source).isDir()))
        throw ApiError(ApiError::Kind::NotFound, tr("The source repository %1 does not exist").arg(shown),
                       tr("Give the path of a git repository or a git URL."));
    const QString remoteUrl = url ? source : QFileInfo(source).canonicalFilePath();

    Libgit2::ensureInitialised();
    CancelPoll poll{&m_cancelled};
    if (poll.check() != 0)
        throw cancelledError(sha);

    // The destination: fresh, or empty; on any failure it is left as it was.
    QString target = destination;
    bool created = false;
    if (target.isEmpty()) {
        const QString parent = QDir(m_cacheRoot).filePath(u"checkouts"_s);
        if (!QDir().mkpath(parent))
            throw ApiError(ApiError::Kind::Failed, tr("Cannot create the directory %1").arg(parent));
        QTemporaryDir fresh(QDir(parent).filePath(sha.left(12).toLower() + u"-XXXXXX"_s));
        if (!fresh.isValid())
            throw ApiError(
                ApiError::Kind::Failed,
                tr("Cannot create a checkout directory in %1: %2").arg(parent, fresh.errorString()));
        fresh.setAutoRemove(false);
        target = fresh.path();
        created = true;
    } else {
        const QDir dir(target);
        if (dir.exists() &&
            !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
            throw ApiError(ApiError::Kind::Usage,
                           tr("The checkout directory %1 is not empty").arg(QDir::toNativeSeparators(target)),
                           tr("Give a new or empty directory; a checkout never writes over files."));
        created = !dir.exists();
        target = QFileInfo(target).absoluteFilePath();
    }
    auto undo = [&] {
        QDir(target).removeRecursively();
        if (!created)
            QDir().mkpath(target);
    };

    Result result;
    try {
        // One caller at a time per cached clone, across threads and processes.
        const QString cacheDir = cacheDirectoryFor(source);
        if (!QDir().mkpath(QFileInfo(cacheDir).absolutePath()))
            throw ApiError(ApiError::Kind::Failed,
                           tr("Cannot create the directory %1").arg(QFileInfo(cacheDir).absolutePath()));
        QLockFile lock(cacheDir + u".lock"_s);
        lock.setStaleLockTime(0); // a long fetch is not stale; a crashed holder is detected by its pid
        while (!lock.tryLock(LockPollMs)) {
            if (lock.error() != QLockFile::LockFailedError)
                throw ApiError(ApiError::Kind::Failed, tr("Cannot lock the source cache %1").arg(cacheDir));
            if (poll.check() != 0)
                throw cancelledError(sha);
        }

        const QByteArray cachePath = QFile::encodeName(cacheDir);
        git_repository *rawCache = nullptr;
        if (git_repository_open_bare(&rawCache, cachePath.constData()) != 0) {
            // Missing, or left broken by a crash: start it again.
            QDir(cacheDir).removeRecursively();
            if (const int rc = git_repository_init(&rawCache, cachePath.constData(), 1); rc != 0)
                throw ApiError(
                    ApiError::Kind::Failed,
                    tr("Cannot create the source cache %1: %2").arg(cacheDir, Libgit2::lastError(rc)));
        }
        Repository cache(rawCache);

        Commit commit = lookupCommit(cache.get(), sha);
        if (!commit) {
            git_remote *rawRemote = nullptr;
            const QByteArray remoteUtf8 = remoteUrl.toUtf8();
            if (const int rc = git_remote_create_anonymous(&rawRemote, cache.get(), remoteUtf8.constData());
                rc != 0)
                throw ApiError(
                    ApiError::Kind::Usage,
                    tr("%1 is not a git URL: %2").arg(shown, scrub(Libgit2::lastError(rc), source)));
            Remote remote(rawRemote);
            // Every branch and tag, and the source's HEAD (a commit on no branch yet). An anonymous remote
            // keeps the URL (and any token in it) out of the cache's config.
            char heads[] = "+refs/heads/*:refs/heads/*";
            char tags[] = "+refs/tags/*:refs/tags/*";
            char head[] = "+HEAD:refs/capstan/source-head";
            char *specs[] = {heads, tags, head};
            const git_strarray refspecs = {specs, 3};
            git_fetch_options options;
            git_fetch_options_init(&options, GIT_FETCH_OPTIONS_VERSION);
            options.callbacks.transfer_progress = transferProgress;
            options.callbacks.payload = &poll;
            const int rc = git_remote_fetch(remote.get(), &refspecs, &options, nullptr);
            if (poll.hit)
                throw cancelledError(sha);
            if (rc != 0) {
                const int klass = Libgit2::lastErrorClass();
                const bool network = klass == GIT_ERROR_NET || klass == GIT_ERROR_HTTP ||
                                     klass == GIT_ERROR_SSL || klass == GIT_ERROR_SSH;
                const QString why = scrub(Libgit2::lastError(rc), source);
                if (rc == GIT_EAUTH)
                    throw ApiError(ApiError::Kind::Credentials,
                                   tr("Cannot fetch from %1: %2").arg(shown, why),
                                   tr("The source needs credentials; give a URL Capstan may read."));
                throw ApiError(network ? ApiError::Kind::Network : ApiError::Kind::Failed,
                               tr("Cannot fetch from %1: %2").arg(shown, why));
            }
            result.fetched = true;
            commit = lookupCommit(cache.get(), sha);
            if (!commit)
                throw ApiError(ApiError::Kind::NotFound,
                               tr("The commit %1 is not in %2, even after fetching it").arg(sha, shown),
                               tr("Check the sha, and that it was pushed to a branch or tag of the source."));
        }
        const git_oid oid = *git_commit_id(commit.get());
        result.sha = oidText(oid);
        if (const int rc = git_repository_set_head_detached(cache.get(), &oid); rc != 0)
            throw ApiError(ApiError::Kind::Failed,
                           tr("Cannot use the source cache %1: %2").arg(cacheDir, Libgit2::lastError(rc)));

        // A local clone of the cache copies (hard links) its whole object store, so the commit is there
        // whatever refs point at it; its HEAD is detached at the commit, then the tree is written.
        git_clone_options cloneOptions;
        git_clone_options_init(&cloneOptions, GIT_CLONE_OPTIONS_VERSION);
        cloneOptions.checkout_opts.checkout_strategy = GIT_CHECKOUT_NONE;
        cloneOptions.local = GIT_CLONE_LOCAL;
        cloneOptions.fetch_opts.callbacks.transfer_progress = transferProgress;
        cloneOptions.fetch_opts.callbacks.payload = &poll;
        git_repository *rawClone = nullptr;
        const QByteArray targetPath = QFile::encodeName(target);
        const int cloneRc =
            git_clone(&rawClone, cachePath.constData(), targetPath.constData(), &cloneOptions);
        Repository clone(rawClone);
        lock.unlock();
        if (poll.hit)
            throw cancelledError(sha);
        if (cloneRc != 0)
            throw ApiError(ApiError::Kind::Failed,
                           tr("Cannot check out %1 into %2: %3")
                               .arg(sha, QDir::toNativeSeparators(target), Libgit2::lastError(cloneRc)));
        git_commit *rawTarget = nullptr;
        if (const int rc = git_commit_lookup(&rawTarget, clone.get(), &oid); rc != 0)
            throw ApiError(ApiError::Kind::Failed,
                           tr("Cannot check out %1: %2").arg(result.sha, Libgit2::lastError(rc)));
        Commit targetCommit(rawTarget);
        git_checkout_options checkoutOptions;
        git_checkout_options_init(&checkoutOptions, GIT_CHECKOUT_OPTIONS_VERSION);
        checkoutOptions.checkout_strategy = GIT_CHECKOUT_FORCE;
        checkoutOptions.notify_flags = GIT_CHECKOUT_NOTIFY_UPDATED;
        checkoutOptions.notify_cb = checkoutNotify;
        checkoutOptions.notify_payload = &poll;
        int rc = git_checkout_tree(clone.get(), reinterpret_cast<const git_object *>(targetCommit.get()),
                                   &checkoutOptions);
        if (rc == 0)
            rc = git_repository_set_head_detached(clone.get(), &oid);
        if (poll.hit)
            throw cancelledError(sha);
        if (rc != 0)
            throw ApiError(ApiError::Kind::Failed,
                           tr("Cannot check out %1: %2").arg(result.sha, Libgit2::lastError(rc)));
        result.directory = withoutTrailingSlash(QFileInfo(target).absoluteFilePath());
    } catch (...) {
        undo();
        throw;
    }
    return result;
}

SourceCheckout::TreeState SourceCheckout::inspect(const QString &path)
{
    TreeState state;
    Repository repository = openDiscovered(path, &state.root);
    if (!repository)
        throw ApiError(ApiError::Kind::NotFound,
                       tr("%1 is not inside a git working tree").arg(QDir::toNativeSeparators(path)));
    git_oid head;
    if (git_reference_name_to_id(&head, repository.get(), "HEAD") == 0)
        state.headSha = oidText(head);

    git_status_options options;
    git_status_options_init(&options, GIT_STATUS_OPTIONS_VERSION);
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
    git_status_list *raw = nullptr;
    if (const int rc = git_status_list_new(&raw, repository.get(), &options); rc != 0)
        throw ApiError(ApiError::Kind::Failed,
                       tr("Cannot read the status of %1: %2").arg(state.root, Libgit2::lastError(rc)));
    StatusList list(raw);
    const size_t count = git_status_list_entrycount(list.get());
    for (size_t i = 0; i < count; ++i) {
        const git_status_entry *entry = git_status_byindex(list.get(), i);
        const auto pathOf = [](const git_diff_delta *delta) {
            if (!delta)
                return QString();
            const char *name = delta->new_file.path ? delta->new_file.path : delta->old_file.path;
            return QString::fromUtf8(name);
        };
        const unsigned flags = entry->status;
        if (flags & (GIT_STATUS_INDEX_NEW | GIT_STATUS_INDEX_MODIFIED | GIT_STATUS_INDEX_DELETED |
                     GIT_STATUS_INDEX_RENAMED | GIT_STATUS_INDEX_TYPECHANGE))
            state.staged.append(pathOf(entry->head_to_index));
        if (flags & GIT_STATUS_WT_NEW)
            state.untracked.append(pathOf(entry->index_to_workdir));
        if (flags & (GIT_STATUS_WT_MODIFIED | GIT_STATUS_WT_DELETED | GIT_STATUS_WT_TYPECHANGE |
                     GIT_STATUS_WT_RENAMED | GIT_STATUS_CONFLICTED))
            state.modified.append(
                pathOf(entry->index_to_workdir ? entry->index_to_workdir : entry->head_to_index));
    }
    return state;
}

QString SourceCheckout::findRepository(const QString &path)
{
    QString root;
    return openDiscovered(path, &root) ? root : QString();
}

} // namespace capstan
