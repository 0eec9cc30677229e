#include "ChartCache.h"

#include "ChartDigest.h"

#include "chartmuseum/ChartMuseumClient.h"
#include "chartmuseum/ChartVersion.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace capstan {

namespace {

QString sha256(const QByteArray &bytes)
{
    return ChartDigest::of(bytes); // OpenSSL with SHA instructions: every cache read hashes a whole package
}

} // namespace

ChartCache::ChartCache(const QString &directory)
    : m_directory(directory)
{}

QString ChartCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/charts");
}

bool ChartCache::isDigest(const QString &digest)
{
    if (digest.size() != 64)
        return false;
    for (const QChar c : digest) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

QString ChartCache::pathFor(const QString &digest) const
{
    return m_directory + u'/' + digest + QStringLiteral(".tgz");
}

std::optional<QByteArray> ChartCache::find(const QString &digest) const
{
    if (!isDigest(digest))
        return std::nullopt;
    QFile file(pathFor(digest));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray bytes = file.readAll();
    file.close();
    if (sha256(bytes) != digest) {
        QFile::remove(file.fileName());
        return std::nullopt;
    }
    return bytes;
}

bool ChartCache::store(const QString &digest, const QByteArray &bytes, QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!isDigest(digest))
        return fail(QCoreApplication::translate("ChartCache", "\"%1\" is not a sha256 digest").arg(digest));
    if (sha256(bytes) != digest) {
        return fail(
            QCoreApplication::translate("ChartCache", "the bytes do not match the digest %1").arg(digest));
    }
    return write(digest, bytes, error);
}

bool ChartCache::write(const QString &digest, const QByteArray &bytes, QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!QDir().mkpath(m_directory)) {
        return fail(QCoreApplication::translate("ChartCache", "cannot create the cache directory %1")
                        .arg(m_directory));
    }
    QSaveFile file(pathFor(digest));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return fail(QCoreApplication::translate("ChartCache", "cannot write %1: %2")
                        .arg(file.fileName(), file.errorString()));
    }
    return true;
}

QFuture<QByteArray> ChartCache::lookup(const QString &digest) const
{
    const ChartCache cache = *this;
    return QtConcurrent::run([cache, digest] { return cache.find(digest).value_or(QByteArray()); });
}

QFuture<QByteArray> ChartCache::fetch(ChartMuseumClient *client, const ChartVersion &entry) const
{
    const QString digest = entry.digest.toLower();
    if (std::optional<QByteArray> cached = find(digest))
        return QtFuture::makeReadyFuture(std::move(*cached));
    const ChartCache cache = *this;
    // The client has checked the download against the digest: it is written without hashing it again.
    return client->download(entry).then(QtFuture::Launch::Async, [cache, digest](const QByteArray &bytes) {
        if (isDigest(digest))
            cache.write(digest, bytes);
        return bytes;
    });
}

} // namespace capstan
