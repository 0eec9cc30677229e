#pragma once

#include <QByteArray>
#include <QFuture>
#include <QString>

#include <optional>

namespace capstan {

class ChartMuseumClient;
struct ChartVersion;

// Why: diffs and views download the same chart packages again and again; a local cache keyed by the
// sha256 digest the server lists makes that free, and verifying the digest on every read means a
// damaged file is never used.
class ChartCache
{
public:
    // `directory` defaults to <QStandardPaths::CacheLocation>/charts; tests pass a temporary one.
    explicit ChartCache(const QString &directory = defaultDirectory());

    static QString defaultDirectory();
    static bool isDigest(const QString &digest); // 64 lower-case hex characters
    QString directory() const { return m_directory; }
    QString pathFor(const QString &digest) const; // <directory>/<digest>.tgz

    // The cached bytes when present and their sha256 matches `digest`. A file that does not match is
    // removed (and nullopt returned) so the caller downloads it again.
    std::optional<QByteArray> find(const QString &digest) const;
    // Writes atomically (QSaveFile). Refuses bytes whose sha256 is not `digest`. Thread-safe: two writers
    // of the same digest write the same bytes.
    bool store(const QString &digest, const QByteArray &bytes, QString *error = nullptr) const;

    // find() on the thread pool, for callers that must not block (the GUI thread): a null QByteArray
    // when the digest is not cached (or its file was damaged and removed).
    QFuture<QByteArray> lookup(const QString &digest) const;
    // From the cache when possible, otherwise downloaded (the client checks the digest) and stored on the
    // thread pool. An entry without a digest is downloaded and not cached. A failure to store is not an
    // error. Call it on the client's thread; the cache check itself is synchronous (see lookup()).
    QFuture<QByteArray> fetch(ChartMuseumClient *client, const ChartVersion &entry) const;

private:
    bool write(const QString &digest, const QByteArray &bytes, QString *error = nullptr) const;

    QString m_directory;
};

} // namespace capstan
