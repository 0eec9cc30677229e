#include "EtagCache.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EtagCache", text);
}

} // namespace

EtagCache::EtagCache(const QString &file)
    : m_file(file)
{}

void EtagCache::load(QString *warning)
{
    m_entries.clear();
    if (m_file.isEmpty() || !QFileInfo::exists(m_file))
        return;
    auto discard = [this, warning](const QString &why) {
        m_entries.clear();
        if (warning)
            *warning = tr("The GitHub cache %1 was discarded (%2); it starts empty.").arg(m_file, why);
    };
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return discard(file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return discard(tr("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject() || document.object().value(u"version"_s).toInt() != 1 ||
        !document.object().value(u"entries"_s).isObject())
        return discard(tr("unknown format"));
    const QJsonObject entries = document.object().value(u"entries"_s).toObject();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        const QJsonObject object = it.value().toObject();
        const QJsonValue etag = object.value(u"etag"_s);
        const QJsonValue body = object.value(u"body"_s);
        if (!etag.isString() || !body.isString())
            return discard(tr("entry \"%1\" lacks etag or body").arg(it.key()));
        Entry entry;
        entry.etag = etag.toString().toUtf8();
        entry.body = QByteArray::fromBase64(body.toString().toLatin1());
        entry.link = object.value(u"link"_s).toString().toUtf8();
        entry.fetched = QDateTime::fromString(object.value(u"fetched"_s).toString(), Qt::ISODateWithMs);
        m_entries.insert(it.key(), entry);
    }
    while (m_entries.size() > m_maxEntries)
        m_entries.erase(m_entries.begin());
}

bool EtagCache::save(QString *error) const
{
    if (m_file.isEmpty())
        return true;
    QJsonObject entries;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        QJsonObject object;
        object.insert(u"etag"_s, QString::fromUtf8(it->etag));
        object.insert(u"body"_s, QString::fromLatin1(it->body.toBase64()));
        if (!it->link.isEmpty())
            object.insert(u"link"_s, QString::fromUtf8(it->link));
        if (it->fetched.isValid())
            object.insert(u"fetched"_s, it->fetched.toUTC().toString(Qt::ISODateWithMs));
        entries.insert(it.key(), object);
    }
    QJsonObject root;
    root.insert(u"version"_s, 1);
    root.insert(u"entries"_s, entries);

    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile file(m_file);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write the GitHub cache %1: %2").arg(m_file, file.errorString());
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write the GitHub cache %1: %2").arg(m_file, file.errorString());
        return false;
    }
    return true;
}

const EtagCache::Entry *EtagCache::find(const QString &key) const
{
    const auto it = m_entries.constFind(key);
    return it == m_entries.cend() ? nullptr : &it.value();
}

void EtagCache::store(const QString &key, const Entry &entry)
{
    if (!m_entries.contains(key) && m_entries.size() >= m_maxEntries)
        m_entries.erase(m_entries.begin()); // an arbitrary entry: the cache is only an optimisation
    Entry stored = entry;
    if (!stored.fetched.isValid())
        stored.fetched = QDateTime::currentDateTimeUtc();
    m_entries.insert(key, stored);
}

void EtagCache::confirm(const QString &key, const QDateTime &when)
{
    const auto it = m_entries.find(key);
    if (it != m_entries.end())
        it->fetched = when.toUTC();
}

void EtagCache::clear()
{
    m_entries.clear();
}

QString EtagCache::key(const QString &url, const QString &credential)
{
    const QByteArray digest =
        QCryptographicHash::hash(credential.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QString::fromLatin1(digest) + u' ' + url;
}

QString EtagCache::defaultFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           u"/capstan/github-etags.json"_s;
}

} // namespace capstan
