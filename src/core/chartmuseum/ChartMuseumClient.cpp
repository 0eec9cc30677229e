#include "ChartMuseumClient.h"

#include "chart/SemVer.h"
#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace capstan {

namespace {

ApiError shapeError(const QUrl &url, const QString &what)
{
    ApiError error(ApiError::Kind::Decode,
                   ChartMuseumClient::tr("ChartMuseum sent an answer of the wrong shape: %1").arg(what),
                   ChartMuseumClient::tr("Check that the URL points at a ChartMuseum server."));
    error.setUrl(url);
    return error;
}

// The server already sends SemVer-descending lists; parse each version once and sort only when needed.
QList<ChartVersion> sortedNewestFirst(QList<ChartVersion> versions)
{
    struct Key
    {
        std::optional<SemVer> version;
        qsizetype index;
    };
    QList<Key> keys;
    keys.reserve(versions.size());
    for (qsizetype i = 0; i < versions.size(); ++i)
        keys.append({SemVer::parse(versions.at(i).version()), i});
    auto newerFirst = [&versions](const Key &a, const Key &b) {
        if (a.version && b.version)
            return *a.version > *b.version;
        if (a.version != b.version)
            return a.version.has_value();
        return versions.at(a.index).version() < versions.at(b.index).version();
    };
    if (std::is_sorted(keys.begin(), keys.end(), newerFirst))
        return versions;
    std::stable_sort(keys.begin(), keys.end(), newerFirst);
    QList<ChartVersion> sorted;
    sorted.reserve(versions.size());
    for (const Key &key : keys)
        sorted.append(std::move(versions[key.index]));
    return sorted;
}

QList<ChartVersion> parseVersionList(const QJsonValue &value, const QUrl &url, const QString &where)
{
    if (!value.isArray())
        throw shapeError(url, ChartMuseumClient::tr("%1 is not an array of chart versions").arg(where));
    const QJsonArray array = value.toArray();
    QList<ChartVersion> versions;
    versions.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            throw shapeError(url, ChartMuseumClient::tr("entry %1 of %2 is not an object").arg(i).arg(where));
        QString error;
        std::optional<ChartVersion> entry = ChartVersion::fromJson(array.at(i).toObject(), &error);
        if (!entry)
            throw shapeError(url, ChartMuseumClient::tr("entry %1 of %2: %3").arg(i).arg(where, error));
        versions.append(std::move(*entry));
    }
    return sortedNewestFirst(std::move(versions));
}

QString segment(const QString &text)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(text));
}

} // namespace

ChartMuseumClient::ChartMuseumClient(HttpClient *http, const QString &repo, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_repo(repo)
{
    while (m_repo.startsWith(u'/'))
        m_repo.remove(0, 1);
    while (m_repo.endsWith(u'/'))
        m_repo.chop(1);
}

QString ChartMuseumClient::apiPath(const QString &rest) const
{
    return m_repo.isEmpty() ? QStringLiteral("/api") + rest : QStringLiteral("/api/") + m_repo + rest;
}

QString ChartMuseumClient::repoPath(const QString &rest) const
{
    return m_repo.isEmpty() ? rest : u'/' + m_repo + rest;
}

QFuture<QMap<QString, QList<ChartVersion>>> ChartMuseumClient::charts()
{
    const QUrl url = m_http->resolve(apiPath(QStringLiteral("/charts")));
    return m_http->getJson(apiPath(QStringLiteral("/charts"))).then([url](const QJsonDocument &document) {
        if (!document.isObject())
            throw shapeError(url, tr("the chart listing is not a JSON object"));
        QMap<QString, QList<ChartVersion>> charts;
        const QJsonObject object = document.object();
        for (auto it = object.begin(); it != object.end(); ++it)
            charts.insert(it.key(), parseVersionList(it.value(), url, tr("chart \"%1\"").arg(it.key())));
        return charts;
    });
}

QFuture<QList<ChartVersion>> ChartMuseumClient::versions(const QString &chart)
{
    const QString path = apiPath(QStringLiteral("/charts/") + segment(chart));
    const QUrl url = m_http->resolve(path);
    return m_http->getJson(path).then([url, chart](const QJsonDocument &document) {
        if (!document.isArray())
            throw shapeError(url, tr("the versions of \"%1\" are not a JSON array").arg(chart));
        return parseVersionList(QJsonValue(document.array()), url, tr("the versions of \"%1\"").arg(chart));
    });
}

QFuture<ChartVersion> ChartMuseumClient::version(const QString &chart, const QString &version)
{
    const QString path = apiPath(QStringLiteral("/charts/%1/%2").arg(segment(chart), segment(version)));
    const QUrl url = m_http->resolve(path);
    return m_http->getJson(path).then([url](const QJsonDocument &document) {
        if (!document.isObject())
            throw shapeError(url, tr("the chart version is not a JSON object"));
        QString error;
        std::optional<ChartVersion> entry = ChartVersion::fromJson(document.object(), &error);
        if (!entry)
            throw shapeError(url, error);
        return *entry;
    });
}

QFuture<QByteArray> ChartMuseumClient::download(const ChartVersion &entry)
{
    if (entry.urls.isEmpty()) {
        return QtFuture::makeExceptionalFuture<QByteArray>(
            ApiError(ApiError::Kind::Decode,
                     tr("ChartMuseum lists no download URL for %1 %2").arg(entry.name(), entry.version())));
    }
    // Relative chart URLs resolve against the repository URL taken as a directory (Helm's rule).
    QUrl repository = m_http->resolve(repoPath(QStringLiteral("/")));
    const QUrl target = repository.resolved(QUrl(entry.urls.first()));
    HttpRequest request;
    request.path = target.toString();
    request.headers.append(
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/gzip,application/octet-stream")});
    const QString expected = entry.digest.toLower();
    const QString label = entry.name() + u' ' + entry.version();
    return m_http->send(request).then([expected, label, target](const HttpResponse &response) {
        const QString actual =
            QString::fromLatin1(QCryptographicHash::hash(response.body, QCryptographicHash::Sha256).toHex());
        if (expected.isEmpty()) {
            ApiError error(
                ApiError::Kind::Integrity,
                tr("ChartMuseum lists no digest for %1; refusing an unverified download").arg(label));
            error.setUrl(target);
            throw error;
        }
        if (actual != expected) {
            ApiError error(
                ApiError::Kind::Integrity,
                tr("The download of %1 does not match its digest (expected sha256 %2, got %3 for %4 bytes)")
                    .arg(label, expected.left(12), actual.left(12))
                    .arg(response.body.size()),
                tr("The file was cut short or changed on the server; try again, and check the "
                   "repository if it persists."));
            error.setUrl(target);
            throw error;
        }
        return response.body;
    });
}

QFuture<bool> ChartMuseumClient::health()
{
    const QUrl url = m_http->resolve(QStringLiteral("/health"));
    return m_http->getJson(QStringLiteral("/health")).then([url](const QJsonDocument &document) {
        const QJsonValue healthy = document.object().value(QStringLiteral("healthy"));
        if (!healthy.isBool())
            throw shapeError(url, tr("/health has no boolean \"healthy\" field"));
        return healthy.toBool();
    });
}

} // namespace capstan
