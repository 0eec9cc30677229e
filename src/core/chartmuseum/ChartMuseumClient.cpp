#include "ChartMuseumClient.h"
#include "ChartVersionReader.h"
#include "chart/ChartDigest.h"

#include "chart/ChartArchive.h"
#include "chart/SemVer.h"
#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QPromise>
#include <QTimer>

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

// Reads a ChartMuseum answer with ChartVersionReader; malformed JSON and a wrong shape become ApiErrors.
template <typename Result>
Result readVersions(const HttpResponse &response,
                    const std::function<std::optional<Result>(ChartVersionReader &)> &read)
{
    ChartVersionReader reader(response.body);
    std::optional<Result> result = read(reader);
    if (result)
        return std::move(*result);
    if (reader.failure() == ChartVersionReader::Failure::Syntax)
        throw HttpClient::notJsonError(response, QStringLiteral("ChartMuseum"), reader.error());
    throw shapeError(response.url, reader.error());
}

QString segment(const QString &text)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(text));
}

constexpr int ReadBackAttempts = 10; // the index is updated asynchronously after a write (contract §1.6)
constexpr int ReadBackDelayMs = 100;

// What the server answers when a route does not exist, e.g. DELETE under --disable-delete.
const QLatin1StringView RouteNotFound("not found");
// A version that is not SemVer: no chart can be stored under it, so deleting it never deletes anything.
const QLatin1StringView ProbeChart("capstan-delete-probe");
const QLatin1StringView ProbeVersion("not-a-version");

// Calls `handler(future, error)` on the context's thread once `future` finishes; `error` is set when it
// failed. Nothing runs when the context dies first (QFuture::then(context) asserts in Qt 6.4 then).
template <typename T, typename F>
QFutureWatcher<T> *whenFinished(QObject *context, const QFuture<T> &future, F handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, context, [watcher, handler = std::move(handler)]() mutable {
            watcher->deleteLater();
            QFuture<T> done = watcher->future();
            std::optional<ApiError> error;
            try {
                done.waitForFinished(); // rethrows the stored exception
            } catch (const ApiError &e) {
                error = e;
            } catch (const std::exception &e) {
                error = ApiError(ApiError::Kind::Failed, QString::fromLocal8Bit(e.what()));
            } catch (...) {
                error = ApiError(ApiError::Kind::Failed,
                                 ChartMuseumClient::tr("The request failed unexpectedly."));
            }
            if (!error && done.isCanceled()) {
                error = ApiError(ApiError::Kind::Failed, ChartMuseumClient::tr("The request was cancelled."));
            }
            handler(done, error);
        });
    watcher->setFuture(future);
    return watcher;
}

// A 404 from a chart or version look-up in the user's words: which chart or version the repository at
// `repository` lacks (before the HTTP status and the server's words, which stay), and as the hint the
// command that lists what it has. Any other error passes unchanged.
ApiError lookupError(const ApiError &error, const QString &repository, const QString &chart,
                     const QString &version = {})
{
    if (error.kind() != ApiError::Kind::Http || error.status() != 404)
        return error;
    ApiError mapped = error;
    if (error.serverMessage() == RouteNotFound) {
        mapped.prependContext(ChartMuseumClient::tr("%1 has no chart API (no such route)").arg(repository));
        mapped.setHint(ChartMuseumClient::tr("Check chartmuseum.url and chartmuseum.repo in capstan.yaml; a "
                                             "server started with --disable-api has none."));
    } else if (version.isEmpty() ||
               error.serverMessage().startsWith(QLatin1StringView("no chart name found")) ||
               error.serverMessage() == QLatin1StringView("chart not found")) {
        mapped.prependContext(ChartMuseumClient::tr("There is no chart %1 in %2").arg(chart, repository));
        mapped.setHint(ChartMuseumClient::tr("`capstan --cli charts` lists the charts there."));
    } else {
        mapped.prependContext(
            ChartMuseumClient::tr("Chart %1 has no version %2 in %3").arg(chart, version, repository));
        mapped.setHint(ChartMuseumClient::tr("`capstan --cli versions %1` lists them.").arg(chart));
    }
    return mapped;
}

QString sha256Hex(const QByteArray &bytes)
{
    return ChartDigest::of(bytes);
}

} // namespace

struct ChartMuseumClient::Upload
{
    QPromise<ChartVersion> promise;
    QString name;
    QString version;
    QString digest;
    QByteArray tgz;
    bool force = false;
    int sends = 0;          // POSTs sent
    int lookups = 0;        // version look-ups after a lost answer or a 409 that followed one
    bool uncertain = false; // an earlier POST's answer was lost: it may have stored the package
    int attempt = 0;        // read-backs after 201

    ApiError conflict(const ApiError &cause) const
    {
        ApiError failure(
            ApiError::Kind::Conflict,
            ChartMuseumClient::tr("%1 %2 already exists in the repository").arg(name, version),
            force ? ChartMuseumClient::tr("The server refused to overwrite it although --force was given: it "
                                          "was started with --disable-force-overwrite. Publish a new version "
                                          "instead.")
                  : ChartMuseumClient::tr("--force overwrites it where the server allows (it refuses when "
                                          "started with --disable-force-overwrite)"));
        failure.setServerMessage(cause.serverMessage());
        failure.setUrl(cause.url());
        return failure;
    }
};

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
    HttpRequest request;
    request.path = apiPath(QStringLiteral("/charts"));
    return m_http->send(request).then(QtFuture::Launch::Async, [](const HttpResponse &response) {
        using Charts = QMap<QString, QList<ChartVersion>>;
        Charts charts =
            readVersions<Charts>(response, [](ChartVersionReader &reader) { return reader.charts(); });
        for (auto it = charts.begin(); it != charts.end(); ++it)
            it.value() = sortedNewestFirst(std::move(it.value()));
        return charts;
    });
}

QFuture<QList<ChartVersion>> ChartMuseumClient::versions(const QString &chart)
{
    HttpRequest request;
    request.path = apiPath(QStringLiteral("/charts/") + segment(chart));
    const QString repository =
        m_http->resolve(repoPath(QStringLiteral("/"))).toDisplayString(QUrl::RemoveUserInfo);
    return m_http->send(request)
        .onFailed([repository, chart](const ApiError &error) -> HttpResponse {
            throw lookupError(error, repository, chart);
        })
        // Decoded on the thread pool: thousands of versions must not hold up a window.
        .then(QtFuture::Launch::Async, [chart](const HttpResponse &response) {
            const QString what = tr("the versions of \"%1\"").arg(chart);
            return sortedNewestFirst(readVersions<QList<ChartVersion>>(
                response, [&what](ChartVersionReader &reader) { return reader.list(what); }));
        });
}

QFuture<ChartVersion> ChartMuseumClient::version(const QString &chart, const QString &version)
{
    HttpRequest request;
    request.path = apiPath(QStringLiteral("/charts/%1/%2").arg(segment(chart), segment(version)));
    const QString repository =
        m_http->resolve(repoPath(QStringLiteral("/"))).toDisplayString(QUrl::RemoveUserInfo);
    return m_http->send(request)
        .onFailed([repository, chart, version](const ApiError &error) -> HttpResponse {
            throw lookupError(error, repository, chart, version);
        })
        .then([](const HttpResponse &response) {
            return readVersions<ChartVersion>(response,
                                              [](ChartVersionReader &reader) { return reader.one(); });
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
        const QString actual = ChartDigest::of(response.body);
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

QFuture<ChartVersion> ChartMuseumClient::upload(const QByteArray &tgz, bool force)
{
    if (tgz.size() > MaxUploadSize) {
        return QtFuture::makeExceptionalFuture<ChartVersion>(ApiError(
            ApiError::Kind::Archive,
            tr("The package is %1 bytes; ChartMuseum accepts at most %2 bytes (20 MiB) per upload")
                .arg(tgz.size())
                .arg(MaxUploadSize),
            tr("Nothing was sent. Keep large files out of the chart (.helmignore) and package it again.")));
    }
    QString loaderError;
    const std::optional<ChartArchive> archive = ChartArchive::read(tgz, &loaderError);
    if (!archive) {
        return QtFuture::makeExceptionalFuture<ChartVersion>(ApiError(
            ApiError::Kind::Archive, tr("Not a chart package: %1").arg(loaderError),
            tr("Nothing was sent. Publish a .tgz made by `capstan --cli package` or `helm package`.")));
    }

    auto upload = std::make_shared<Upload>();
    upload->name = archive->metadata().name;
    upload->version = archive->metadata().version;
    upload->digest = sha256Hex(tgz);
    upload->tgz = tgz;
    upload->force = force;
    upload->promise.start();
    upload->promise.setProgressRange(0, int(tgz.size()));
    QFuture<ChartVersion> result = upload->promise.future();
    send(upload);
    return result;
}

void ChartMuseumClient::send(const std::shared_ptr<Upload> &upload)
{
    ++upload->sends;
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = apiPath(QStringLiteral("/charts"));
    request.body = upload->tgz;
    request.contentType = QByteArrayLiteral("application/gzip");
    request.expectedStatus = 201;
    if (upload->force)
        request.query.setQuery(QStringLiteral("force"));

    QFuture<HttpResponse> sent = m_http->send(request);
    QFutureWatcher<HttpResponse> *watcher = whenFinished(
        this, sent, [this, upload](const QFuture<HttpResponse> &, const std::optional<ApiError> &error) {
            if (upload->promise.isCanceled()) {
                upload->promise.finish();
                return;
            }
            if (!error) {
                readBack(upload);
                return;
            }
            if (error->kind() == ApiError::Kind::Http && error->status() == 409) {
                if (upload->uncertain)
                    checkStored(upload, upload->conflict(*error), true);
                else
                    fail(upload, upload->conflict(*error));
                return;
            }
            ApiError failure = *error;
            if (failure.kind() == ApiError::Kind::Http && failure.status() == 413) {
                failure.setHint(tr("The server's --max-upload-size is smaller than this package (%1 bytes).")
                                    .arg(upload->tgz.size()));
            }
            failure.prependContext(tr("Uploading %1 %2").arg(upload->name, upload->version));
            if (error->answerMayBeLost()) {
                upload->uncertain = true;
                checkStored(upload, failure, false);
                return;
            }
            fail(upload, failure);
        });
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [upload, sent](int value) mutable {
        if (upload->promise.isCanceled())
            sent.cancel();
        else
            upload->promise.setProgressValue(value);
    });
}

void ChartMuseumClient::checkStored(const std::shared_ptr<Upload> &upload, const ApiError &failure,
                                    bool stored)
{
    ++upload->lookups;
    whenFinished(
        this, version(upload->name, upload->version),
        [this, upload, failure, stored](const QFuture<ChartVersion> &done,
                                        const std::optional<ApiError> &error) {
            if (upload->promise.isCanceled()) {
                upload->promise.finish();
                return;
            }
            if (!error && done.result().version() == upload->version) {
                const ChartVersion entry = done.result();
                if (entry.digest.toLower() == upload->digest) {
                    upload->promise.addResult(entry); // the lost attempt published it
                    upload->promise.finish();
                    return;
                }
                if (!upload->force || upload->sends >= MaxUploadSends) {
                    ApiError conflict = upload->conflict(failure);
                    conflict.prependContext(tr("%1 %2 is there with sha256 %3, not %4")
                                                .arg(upload->name, upload->version, entry.digest.left(12),
                                                     upload->digest.left(12)));
                    fail(upload, conflict);
                    return;
                }
            } else if (error && error->status() != 404) {
                ApiError unknown = failure;
                unknown.setHint(tr("Whether the server stored it is unknown (%1); check with `capstan --cli "
                                   "versions %2`.")
                                    .arg(error->toString(), upload->name));
                fail(upload, unknown);
                return;
            } else if (stored && upload->lookups < ReadBackAttempts) {
                // The server said it has the file; its index lags behind the write (contract §1.6).
                QTimer::singleShot(ReadBackDelayMs, this,
                                   [this, upload, failure] { checkStored(upload, failure, true); });
                return;
            }
            if (upload->sends >= MaxUploadSends) {
                ApiError last = failure;
                last.setHint(last.hint() + u' ' + tr("Tried %n time(s).", nullptr, upload->sends));
                fail(upload, last);
                return;
            }
            const int wait = m_http->options().backoffMs << std::min(upload->sends - 1, 6);
            QTimer::singleShot(wait, this, [this, upload] { send(upload); });
        });
}

void ChartMuseumClient::fail(const std::shared_ptr<Upload> &upload, const ApiError &error)
{
    upload->promise.setException(error);
    upload->promise.finish();
}

void ChartMuseumClient::readBack(const std::shared_ptr<Upload> &upload)
{
    ++upload->attempt;
    whenFinished(this, version(upload->name, upload->version),
                 [this, upload](const QFuture<ChartVersion> &done, const std::optional<ApiError> &error) {
                     if (upload->promise.isCanceled()) {
                         upload->promise.finish();
                         return;
                     }
                     const bool again = upload->attempt < ReadBackAttempts;
                     auto retry = [this, upload] {
                         QTimer::singleShot(ReadBackDelayMs, this, [this, upload] { readBack(upload); });
                     };
                     const QString label = upload->name + u' ' + upload->version;
                     if (error) {
                         if (error->status() == 404 && again)
                             return retry();
                         ApiError failure = *error;
                         failure.prependContext(tr("%1 was uploaded, but reading it back failed").arg(label));
                         upload->promise.setException(failure);
                         upload->promise.finish();
                         return;
                     }
                     const ChartVersion entry = done.result();
                     const bool sameVersion = entry.version() == upload->version;
                     if (sameVersion && entry.digest.toLower() == upload->digest) {
                         upload->promise.addResult(entry);
                         upload->promise.finish();
                         return;
                     }
                     if (again)
                         return retry();
                     ApiError failure =
                         sameVersion
                             ? ApiError(
                                   ApiError::Kind::Integrity,
                                   tr("%1 was uploaded, but the server lists it with sha256 %2 instead of "
                                      "%3")
                                       .arg(label, entry.digest.left(12), upload->digest.left(12)),
                                   tr("Another upload may have replaced it at the same moment, or the "
                                      "server stored something else; check it with `capstan --cli show`."))
                             : ApiError(ApiError::Kind::Integrity,
                                        tr("%1 was uploaded, but the server does not list it after %n "
                                           "look-up(s)",
                                           nullptr, upload->attempt)
                                            .arg(label),
                                        tr("The server's index may be stale; check it with `capstan --cli "
                                           "versions %1`.")
                                            .arg(upload->name));
                     upload->promise.setException(failure);
                     upload->promise.finish();
                 });
}

QFuture<void> ChartMuseumClient::remove(const QString &chart, const QString &version)
{
    if (chart.isEmpty() || version.isEmpty()) {
        return QtFuture::makeExceptionalFuture<void>(
            ApiError(ApiError::Kind::Usage, tr("Deleting needs a chart name and an exact version")));
    }
    HttpRequest request;
    request.method = QByteArrayLiteral("DELETE");
    request.path = apiPath(QStringLiteral("/charts/%1/%2").arg(segment(chart), segment(version)));
    request.expectedStatus = 200;

    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QFuture<void> result = promise->future();
    const QString label = chart + u' ' + version;
    auto missing = [chart, label](const QString &serverMessage) {
        ApiError error(ApiError::Kind::NotFound, tr("%1 does not exist in the repository").arg(label),
                       tr("List the versions with `capstan --cli versions %1`.").arg(chart));
        error.setServerMessage(serverMessage);
        return error;
    };
    auto fail = [promise](const ApiError &error) {
        promise->setException(error);
        promise->finish();
    };
    whenFinished(this, m_http->send(request),
                 [=, this](const QFuture<HttpResponse> &, const std::optional<ApiError> &error) {
                     if (!error) {
                         m_deletesAllowed = true;
                         promise->finish();
                         return;
                     }
                     if (error->status() != 404) {
                         ApiError failure = *error;
                         fail(failure.prependContext(tr("Deleting %1").arg(label)));
                         return;
                     }
                     if (error->serverMessage() != RouteNotFound) {
                         m_deletesAllowed = true;
                         fail(missing(error->serverMessage()));
                         return;
                     }
                     // "not found" is the answer of a missing route: deletes may be disabled. They are if
                     // the version exists.
                     whenFinished(
                         this, this->version(chart, version),
                         [=, this](const QFuture<ChartVersion> &done, const std::optional<ApiError> &lookup) {
                             if (lookup || done.result().version() != version) {
                                 fail(missing(error->serverMessage()));
                                 return;
                             }
                             m_deletesAllowed = false;
                             ApiError refused(
                                 ApiError::Kind::Failed,
                                 tr("The server does not allow deletes (started with --disable-delete); "
                                    "%1 is still there")
                                     .arg(label),
                                 tr("Ask the server's administrator to restart ChartMuseum without "
                                    "--disable-delete."));
                             refused.setServerMessage(error->serverMessage());
                             refused.setUrl(error->url());
                             fail(refused);
                         });
                 });
    return result;
}

QFuture<bool> ChartMuseumClient::deletesAllowed()
{
    HttpRequest request;
    request.method = QByteArrayLiteral("DELETE");
    request.path = apiPath(QStringLiteral("/charts/%1/%2").arg(ProbeChart, ProbeVersion));
    auto promise = std::make_shared<QPromise<bool>>();
    promise->start();
    QFuture<bool> result = promise->future();
    whenFinished(this, m_http->send(request),
                 [this, promise](const QFuture<HttpResponse> &, const std::optional<ApiError> &error) {
                     if (error && error->status() != 404) {
                         ApiError failure = *error;
                         promise->setException(
                             failure.prependContext(tr("Checking whether the server allows deletes")));
                         promise->finish();
                         return;
                     }
                     m_deletesAllowed = !error || error->serverMessage() != RouteNotFound;
                     promise->addResult(*m_deletesAllowed);
                     promise->finish();
                 });
    return result;
}

} // namespace capstan
