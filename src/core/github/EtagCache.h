#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace capstan {

// Why: GitHub answers an unchanged conditional GET with 304, which costs no rate limit; the cache keeps
// each URL's ETag and body, keyed with a digest of the credential so tokens never share entries, and
// survives restarts in one file written atomically.
class EtagCache
{
public:
    struct Entry
    {
        QByteArray etag;
        QByteArray body;
        QByteArray link;   // the Link header, so a cached page still knows its next page
        QDateTime fetched; // UTC; when the server last sent or confirmed (304) the body; invalid: not known
    };

    // `file` empty: memory only.
    explicit EtagCache(const QString &file = {});

    // A corrupt or unreadable file is discarded (the cache starts empty) and reported in *warning.
    void load(QString *warning = nullptr);
    bool save(QString *error = nullptr) const;

    const Entry *find(const QString &key) const;
    // An entry without a fetched time gets the current one.
    void store(const QString &key, const Entry &entry);
    // The server answered 304 for `key`: its body is current as of `when`.
    void confirm(const QString &key, const QDateTime &when = QDateTime::currentDateTimeUtc());
    void clear();
    int size() const { return int(m_entries.size()); }

    // Key for a URL as seen with a given credential (the credential is hashed, never stored).
    static QString key(const QString &url, const QString &credential);
    // <user cache dir>/capstan/github-etags.json
    static QString defaultFile();

private:
    QString m_file;
    QHash<QString, Entry> m_entries;
    int m_maxEntries = 5000;
};

} // namespace capstan
