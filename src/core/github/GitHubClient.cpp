#include "GitHubClient.h"

#include "EtagCache.h"
#include "credentials/CredentialStore.h"
#include "net/HttpClient.h"

#include <QPromise>
#include <QRegularExpression>
#include <QTimer>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

const QString serviceName = u"GitHub"_s;

QByteArray nextLink(const QByteArray &link)
{
    static const QRegularExpression pattern(u"<([^>]+)>;\\s*rel=\"([^\"]+)\""_s);
    auto it = pattern.globalMatch(QString::fromUtf8(link));
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.captured(2) == u"next"_s)
            return match.captured(1).toUtf8();
    }
    return {};
}

QString display(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

} // namespace

struct GitHubClient::Listing
{
    QPromise<QJsonArray> promise;
    QString arrayKey;
    int limit = 0;
    int pages = 0;
    int perPage = 30;
    QJsonArray items;
    // Conditional GETs already sent for pages the cache knows are next (keyed by full URL).
    QHash<QString, QFuture<HttpResponse>> prefetched;
};

struct GitHubClient::DispatchPoll
{
    QPromise<qint64> promise;
    QString ref;
    QDateTime since;
    int attempts = 0;
};

GitHubClient::GitHubClient(HttpClient *http, Options options, EtagCache *cache, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_options(std::move(options))
    , m_cache(cache)
{}

QString GitHubClient::repoPath(const QString &rest) const
{
    return u"/repos/"_s + m_options.repo + u'/' + rest;
}

bool GitHubClient::isAnonymous() const
{
    return !m_http->hasAuth();
}

QString GitHubClient::anonymousNote() const
{
    if (!isAnonymous())
        return {};
    const QString why = m_anonymousReason.isEmpty() ? tr("no token is configured") : m_anonymousReason;
    QString note = tr("Reading GitHub anonymously (%1)").arg(why);
    if (m_rateLimit.known()) {
        note += tr(": %1 of %2 requests left, the limit resets at %3")
                    .arg(m_rateLimit.remaining)
                    .arg(m_rateLimit.limit)
                    .arg(m_rateLimit.reset.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s));
    }
    return note + u'.';
}

QString GitHubClient::tokenHint() const
{
    return tr("Run `capstan --cli credentials set github`, or set %1.")
        .arg(CredentialStore::environmentVariable(u"github"_s));
}

QFuture<HttpResponse> GitHubClient::call(const HttpRequest &request)
{
    if (isAnonymous() && request.method != "GET" && request.method != "HEAD") {
        ApiError error(ApiError::Kind::Credentials,
                       m_anonymousReason.isEmpty()
                           ? tr("GitHub needs a token for %1 %2, and none is configured")
                                 .arg(QString::fromLatin1(request.method), request.path)
                           : tr("GitHub needs a token for %1 %2, and none is configured: %3")
                                 .arg(QString::fromLatin1(request.method), request.path, m_anonymousReason),
                       tokenHint());
        error.setUrl(m_http->resolve(request.path, request.query));
        return QtFuture::makeExceptionalFuture<HttpResponse>(error);
    }
    auto promise = std::make_shared<QPromise<HttpResponse>>();
    promise->start();
    QFuture<HttpResponse> future = promise->future();
    attempt(request, promise, false);
    return future;
}

void GitHubClient::attempt(const HttpRequest &request, const std::shared_ptr<QPromise<HttpResponse>> &promise,
                           bool waited)
{
    HttpRequest sent = request;
    sent.acceptAnyStatus = true;
    sent.headers.append({QByteArray("Accept"), QByteArray("application/vnd.github+json")});
    sent.headers.append({QByteArray("X-GitHub-Api-Version"), QByteArray("2022-11-28")});
    const QUrl url = m_http->resolve(request.path, request.query);
    const bool conditional = m_cache && request.method == "GET";
    const QString key =
        conditional ? EtagCache::key(url.toString(QUrl::FullyEncoded), m_http->auth().secret) : QString();
    if (conditional) {
        if (const EtagCache::Entry *entry = m_cache->find(key))
            sent.headers.append({QByteArray("If-None-Match"), entry->etag});
    }

    auto fail = [promise](const ApiError &error) {
        promise->setException(error);
        promise->finish();
    };
    m_http->send(sent)
        .then(this,
              [this, request, promise, waited, key, conditional, fail](HttpResponse response) {
                  noteRateLimit(response);
                  if (response.status == 304 && conditional) {
                      const EtagCache::Entry *entry = m_cache->find(key);
                      if (!entry) {
                          fail(ApiError(ApiError::Kind::Decode,
                                        tr("GitHub answered 304 Not Modified for %1, but nothing is cached "
                                           "for it")
                                            .arg(display(response.url))));
                          return;
                      }
                      ++m_cacheHits;
                      m_cache->confirm(key);
                      m_cacheDirty = true;
                      response.status = 200;
                      response.body = entry->body;
                      if (!entry->link.isEmpty())
                          response.headers.append({QByteArray("Link"), entry->link});
                      promise->addResult(response);
                      promise->finish();
                      return;
                  }
                  if (response.status >= 200 && response.status < 300) {
                      const QByteArray etag = response.header("ETag");
                      if (conditional && response.status == 200 && !etag.isEmpty()) {
                          m_cache->store(key, {etag, response.body, response.header("Link"),
                                               QDateTime::currentDateTimeUtc()});
                          m_cacheDirty = true;
                      }
                      promise->addResult(response);
                      promise->finish();
                      return;
                  }

                  // Rate limits: 403 or 429 with "secondary rate limit", or with remaining 0.
                  if (response.status == 403 || response.status == 429) {
                      const QString message = HttpClient::serverMessageFrom(response.body);
                      const bool secondary = message.contains(u"secondary rate limit"_s, Qt::CaseInsensitive);
                      const bool primary = response.header("X-RateLimit-Remaining") == "0";
                      if (secondary || primary) {
                          qint64 waitSeconds = 60;
                          bool ok = false;
                          const qint64 retryAfter = response.header("Retry-After").trimmed().toLongLong(&ok);
                          if (ok && retryAfter >= 0) {
                              waitSeconds = retryAfter;
                          } else if (primary) {
                              const qint64 reset = response.header("X-RateLimit-Reset").toLongLong(&ok);
                              waitSeconds =
                                  ok ? std::max<qint64>(0, reset - QDateTime::currentSecsSinceEpoch()) + 1
                                     : 60;
                          }
                          const QDateTime until =
                              QDateTime::currentDateTimeUtc().addSecs(waitSeconds).toLocalTime();
                          if (!waited && waitSeconds <= m_options.maxRateLimitWaitSeconds) {
                              QTimer::singleShot(waitSeconds * 1000, this, [this, request, promise] {
                                  attempt(request, promise, true);
                              });
                              return;
                          }
                          const QString what = secondary ? tr("GitHub's secondary rate limit was hit")
                                                         : tr("The GitHub rate limit is exhausted");
                          ApiError error(
                              ApiError::Kind::Failed,
                              waited ? tr("%1 again after waiting; it resets at %2")
                                           .arg(what, until.toString(Qt::ISODate))
                                     : tr("%1; it resets at %2 (in %3 s, longer than the %4 s Capstan waits)")
                                           .arg(what, until.toString(Qt::ISODate))
                                           .arg(waitSeconds)
                                           .arg(m_options.maxRateLimitWaitSeconds),
                              isAnonymous()
                                  ? tr("Capstan reads GitHub anonymously, which GitHub limits to %1 requests "
                                       "an "
                                       "hour per IP address. Configure a token for a far higher limit: %2")
                                        .arg(response.header("X-RateLimit-Limit").isEmpty()
                                                 ? u"60"_s
                                                 : QString::fromLatin1(response.header("X-RateLimit-Limit")),
                                             tokenHint())
                                  : tr("Try again after the reset, or use a token with a higher limit."));
                          error.setUrl(response.url);
                          error.setServerMessage(message);
                          fail(error);
                          return;
                      }
                  }
                  fail(errorFor(response));
              })
        .onFailed(this, [fail](const ApiError &error) { fail(error); })
        .onFailed(this, [fail] {
            fail(ApiError(ApiError::Kind::Failed, tr("The GitHub request failed unexpectedly.")));
        });
}

void GitHubClient::noteRateLimit(const HttpResponse &response)
{
    const QByteArray limit = response.header("X-RateLimit-Limit");
    if (limit.isEmpty())
        return;
    RateLimit rate;
    rate.limit = limit.toInt();
    rate.remaining = response.header("X-RateLimit-Remaining").toInt();
    rate.used = response.header("X-RateLimit-Used").isEmpty() ? rate.limit - rate.remaining
                                                              : response.header("X-RateLimit-Used").toInt();
    rate.reset = QDateTime::fromSecsSinceEpoch(response.header("X-RateLimit-Reset").toLongLong(), Qt::UTC);
    rate.resource = QString::fromUtf8(response.header("X-RateLimit-Resource"));
    m_rateLimit = rate;
    Q_EMIT rateLimitChanged(m_rateLimit);
}

ApiError GitHubClient::errorFor(const HttpResponse &response) const
{
    const int status = response.status;
    const QJsonObject object = QJsonDocument::fromJson(response.body).object();
    const QString message = HttpClient::serverMessageFrom(response.body);
    if (status == 401) {
        return ApiError::http(
            status, response.url, message,
            tr("Set the GitHub token: run `capstan --cli credentials set github`, or set %1.")
                .arg(CredentialStore::environmentVariable(u"github"_s)));
    }
    if (status == 404) {
        // GitHub answers a bare 404 for anything missing or hidden; the path says what was asked for.
        const QString path = response.url.path();
        static const QRegularExpression workflowPath(u"/actions/workflows/([^/]+)/"_s);
        static const QRegularExpression runPath(u"/actions/runs/(\\d+)"_s);
        static const QRegularExpression commitPath(u"/(?:commits|compare)/([^/?]+)"_s);
        QString what = tr("repository %1").arg(m_options.repo);
        QString hint;
        if (const auto match = workflowPath.match(path); match.hasMatch()) {
            what = tr("workflow %1 or repository %2").arg(match.captured(1), m_options.repo);
            hint = tr("Check github.workflow (the file name under .github/workflows, e.g. ci.yml) and "
                      "github.repo in capstan.yaml.");
        } else if (const auto run = runPath.match(path); run.hasMatch()) {
            what = tr("CI run id %1 in repository %2").arg(run.captured(1), m_options.repo);
            hint = tr("`capstan --cli builds` lists the runs.");
        } else if (const auto commit = commitPath.match(path); commit.hasMatch()) {
            what = tr("commit %1 in repository %2").arg(commit.captured(1), m_options.repo);
            hint = tr("`capstan --cli builds` lists the builds and their commits.");
        } else {
            hint = tr("Check github.repo in capstan.yaml and that the token may read the repository.");
        }
        if (isAnonymous())
            hint +=
                u' ' +
                tr("Capstan reads GitHub anonymously (%1), so a private repository looks absent: configure "
                   "a token. %2")
                    .arg(m_anonymousReason.isEmpty() ? tr("no token is configured") : m_anonymousReason,
                         tokenHint());
        const bool bare = message.isEmpty() || message == u"Not Found"_s;
        ApiError error(ApiError::Kind::NotFound,
                       bare ? (isAnonymous() ? tr("GitHub: %1 — %2 not found, or not public")
                                             : tr("GitHub: %1 — %2 not found or token lacks access"))
                                  .arg(display(response.url), what)
                            : tr("GitHub: %1 (%2)").arg(message, display(response.url)),
                       hint);
        error.setUrl(response.url);
        return error;
    }
    if (status == 422) {
        const QJsonArray errors = object.value(u"errors"_s).toArray();
        QStringList details;
        for (const QJsonValue &value : errors) {
            const QJsonObject item = value.toObject();
            if (value.isString()) {
                details << value.toString();
                continue;
            }
            const QString code = item.value(u"code"_s).toString();
            const QString what =
                item.value(u"resource"_s).toString() + u'.' + item.value(u"field"_s).toString();
            if (code == u"already_exists"_s) {
                ApiError error(ApiError::Kind::Conflict, tr("GitHub: %1 already exists").arg(what));
                error.setUrl(response.url);
                error.setServerMessage(message);
                return error;
            }
            details << (item.value(u"message"_s).isString() ? item.value(u"message"_s).toString()
                                                            : what + u' ' + code);
        }
        if (message.startsWith(u"No ref found for"_s)) {
            ApiError error(ApiError::Kind::NotFound, tr("GitHub: %1").arg(message),
                           tr("Use a branch or tag that exists in %1.").arg(m_options.repo));
            error.setUrl(response.url);
            return error;
        }
        return ApiError::http(status, response.url,
                              details.isEmpty() ? message : message + u" ("_s + details.join(u"; "_s) + u')');
    }
    if (status == 403) {
        return ApiError::http(status, response.url,
                              message.isEmpty() ? tr("Request forbidden (is a User-Agent sent?)") : message,
                              tr("The GitHub token was accepted but lacks permission for this operation."));
    }
    return ApiError::http(status, response.url, message,
                          status >= 500 ? tr("GitHub failed on its side; try again later.") : QString());
}

QJsonDocument GitHubClient::parse(const HttpResponse &response) const
{
    try {
        return HttpClient::parseJson(response, serviceName);
    } catch (ApiError &error) {
        error.prependContext(tr("GET %1").arg(display(response.url)));
        throw;
    }
}

QJsonDocument GitHubClient::parsePage(const HttpResponse &response)
{
    if (!m_cache)
        return parse(response);
    const QString url = response.url.toString(QUrl::FullyEncoded);
    const auto known = m_decodedPages.constFind(url);
    if (known != m_decodedPages.constEnd() && known->body.constData() == response.body.constData() &&
        known->body.size() == response.body.size())
        return known->document;
    const QJsonDocument document = parse(response);
    m_decodedPages.insert(url, {response.body, document});
    return document;
}

void GitHubClient::flushCache()
{
    if (!m_cache || !m_cacheDirty)
        return;
    m_cacheDirty = false;
    QString error;
    if (!m_cache->save(&error))
        qWarning("%s", qPrintable(error));
}

QFuture<QJsonDocument> GitHubClient::getJson(const QString &path, const QUrlQuery &query)
{
    HttpRequest request;
    request.path = path;
    request.query = query;
    return call(request).then(this, [this](const HttpResponse &response) {
        flushCache();
        return parse(response);
    });
}

QFuture<QJsonArray> GitHubClient::collect(const QString &path, const QUrlQuery &query,
                                          const QString &arrayKey, int limit)
{
    auto listing = std::make_shared<Listing>();
    listing->arrayKey = arrayKey;
    listing->limit = limit;
    if (const int perPage = query.queryItemValue(u"per_page"_s).toInt(); perPage > 0)
        listing->perPage = perPage;
    listing->promise.start();
    QFuture<QJsonArray> future = listing->promise.future();
    fetchPage(listing, path, query);
    return future;
}

void GitHubClient::prefetchKnownPages(const std::shared_ptr<Listing> &listing, const QUrl &from)
{
    if (!m_cache)
        return;
    // Pages this listing still needs after `from`; the cache knows their URLs from the last Link headers,
    // so their conditional GETs go out together instead of one round trip after another.
    const qsizetype wanted = listing->limit - listing->items.size() - listing->perPage;
    int ahead = int(std::min<qsizetype>((wanted + listing->perPage - 1) / listing->perPage, 100));
    const QUrl base = m_http->baseUrl();
    QString current = from.toString(QUrl::FullyEncoded);
    while (ahead-- > 0) {
        const EtagCache::Entry *entry = m_cache->find(EtagCache::key(current, m_http->auth().secret));
        if (!entry)
            return;
        const QUrl next(QString::fromUtf8(nextLink(entry->link)));
        if (!next.isValid() || next.isEmpty() || next.scheme() != base.scheme() ||
            next.host() != base.host() || next.port() != base.port())
            return;
        current = next.toString(QUrl::FullyEncoded);
        if (!listing->prefetched.contains(current)) {
            HttpRequest request;
            request.path = current;
            listing->prefetched.insert(current, call(request));
        }
    }
}

void GitHubClient::fetchPage(const std::shared_ptr<Listing> &listing, const QString &url,
                             const QUrlQuery &query)
{
    HttpRequest request;
    request.path = url;
    request.query = query;
    const QUrl pageUrl = m_http->resolve(url, query);
    auto fail = [this, listing, pageUrl](ApiError error) {
        if (listing->pages > 0)
            error.prependContext(
                tr("Reading page %1 of the listing (%2)").arg(listing->pages + 1).arg(display(pageUrl)));
        flushCache();
        listing->promise.setException(error);
        listing->promise.finish();
    };
    const QString pageKey = pageUrl.toString(QUrl::FullyEncoded);
    QFuture<HttpResponse> answer =
        listing->prefetched.contains(pageKey) ? listing->prefetched.take(pageKey) : call(request);
    prefetchKnownPages(listing, pageUrl);
    answer
        .then(this,
              [this, listing, fail](const HttpResponse &response) {
                  const QJsonDocument document = parsePage(response);
                  QJsonArray page;
                  const QString where = listing->arrayKey.isEmpty() ? u"the list"_s : listing->arrayKey;
                  if (listing->arrayKey.isEmpty()) {
                      if (!document.isArray())
                          throw ApiError(
                              ApiError::Kind::Decode,
                              tr("GET %1: the answer is not a JSON array").arg(display(response.url)));
                      page = document.array();
                  } else {
                      const QJsonValue value = document.object().value(listing->arrayKey);
                      if (!value.isArray())
                          throw ApiError(
                              ApiError::Kind::Decode,
                              tr("GET %1: %2 is missing or not an array").arg(display(response.url), where));
                      page = value.toArray();
                  }
                  ++listing->pages;
                  for (const QJsonValue &item : std::as_const(page)) {
                      if (listing->items.size() >= listing->limit)
                          break;
                      listing->items.append(item);
                  }
                  const QByteArray next = nextLink(response.header("Link"));
                  if (next.isEmpty() || page.isEmpty() || listing->items.size() >= listing->limit) {
                      flushCache();
                      listing->promise.addResult(listing->items);
                      listing->promise.finish();
                      return;
                  }
                  const QUrl nextUrl(QString::fromUtf8(next));
                  const QUrl base = m_http->baseUrl();
                  if (nextUrl.scheme() != base.scheme() || nextUrl.host() != base.host() ||
                      nextUrl.port(base.scheme() == u"https"_s ? 443 : 80) !=
                          base.port(base.scheme() == u"https"_s ? 443 : 80))
                      throw ApiError(ApiError::Kind::Decode,
                                     tr("GET %1: the next page %2 is on another server; not following it")
                                         .arg(display(response.url), QString::fromUtf8(next)));
                  fetchPage(listing, QString::fromUtf8(next), {});
              })
        .onFailed(this, [fail](const ApiError &error) { fail(error); })
        .onFailed(this,
                  [fail] { fail(ApiError(ApiError::Kind::Failed, tr("Reading a GitHub listing failed."))); });
}

std::pair<QString, QUrlQuery> GitHubClient::runsRequest(int limit, const QString &status) const
{
    QUrlQuery query;
    if (!m_options.branch.isEmpty())
        query.addQueryItem(u"branch"_s, m_options.branch);
    if (!status.isEmpty())
        query.addQueryItem(u"status"_s, status);
    query.addQueryItem(u"exclude_pull_requests"_s, u"true"_s);
    query.addQueryItem(u"per_page"_s, QString::number(std::clamp(limit, 1, 100)));
    const QString path = m_options.workflow.isEmpty()
                             ? repoPath(u"actions/runs"_s)
                             : repoPath(u"actions/workflows/%1/runs"_s.arg(m_options.workflow));
    return {path, query};
}

QList<WorkflowRun> GitHubClient::parseRuns(const QJsonArray &items)
{
    QList<WorkflowRun> runs;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString where = u"workflow_runs[%1]"_s.arg(i);
        if (!items.at(i).isObject())
            throw ApiError(ApiError::Kind::Decode, tr("GitHub answer: %1 is not an object").arg(where));
        runs.append(WorkflowRun::fromJson(items.at(i).toObject(), where));
    }
    return runs;
}

QFuture<QList<WorkflowRun>> GitHubClient::runs(int limit, const QString &status)
{
    const auto [path, query] = runsRequest(limit, status);
    return collect(path, query, u"workflow_runs"_s, limit).then([](const QJsonArray &items) {
        return parseRuns(items);
    });
}

std::optional<GitHubClient::CachedRuns> GitHubClient::cachedRuns(int limit, const QString &status) const
{
    if (!m_cache)
        return std::nullopt;
    CachedRuns cached;
    QJsonArray items;
    const auto [path, query] = runsRequest(limit, status);
    // The key attempt() stores each page under.
    QString url = m_http->resolve(path, query).toString(QUrl::FullyEncoded);
    const QUrl base = m_http->baseUrl();
    for (int page = 0; page < 100 && items.size() < limit; ++page) {
        const EtagCache::Entry *entry = m_cache->find(EtagCache::key(url, m_http->auth().secret));
        if (!entry)
            break;
        const QJsonValue list = QJsonDocument::fromJson(entry->body).object().value(u"workflow_runs"_s);
        if (!list.isArray())
            break;
        for (const QJsonValue &item : list.toArray()) {
            if (items.size() >= limit)
                break;
            items.append(item);
        }
        // The oldest page sets the age of the whole listing.
        if (!cached.fetched.isValid() || (entry->fetched.isValid() && entry->fetched < cached.fetched))
            cached.fetched = entry->fetched;
        const QUrl next(QString::fromUtf8(nextLink(entry->link)));
        if (next.isEmpty() || !next.isValid() || next.scheme() != base.scheme() ||
            next.host() != base.host() || next.port() != base.port())
            break;
        url = next.toString(QUrl::FullyEncoded);
    }
    if (items.isEmpty())
        return std::nullopt;
    try {
        cached.runs = parseRuns(items);
    } catch (const ApiError &) {
        return std::nullopt; // a cached body that no longer parses is no help
    }
    return cached;
}

QFuture<WorkflowRun> GitHubClient::run(qint64 runId)
{
    return getJson(repoPath(u"actions/runs/%1"_s.arg(runId))).then([](const QJsonDocument &document) {
        return WorkflowRun::fromJson(document.object(), u"run"_s);
    });
}

QFuture<QList<WorkflowJob>> GitHubClient::jobs(qint64 runId)
{
    QUrlQuery query;
    query.addQueryItem(u"per_page"_s, u"100"_s);
    return collect(repoPath(u"actions/runs/%1/jobs"_s.arg(runId)), query, u"jobs"_s,
                   std::numeric_limits<int>::max())
        .then([](const QJsonArray &items) {
            QList<WorkflowJob> jobs;
            for (qsizetype i = 0; i < items.size(); ++i)
                jobs.append(WorkflowJob::fromJson(items.at(i).toObject(), u"jobs[%1]"_s.arg(i)));
            return jobs;
        });
}

QFuture<QList<GitHubCommit>> GitHubClient::commits(const QString &sha, int limit)
{
    QUrlQuery query;
    if (!sha.isEmpty())
        query.addQueryItem(u"sha"_s, sha);
    query.addQueryItem(u"per_page"_s, QString::number(std::clamp(limit, 1, 100)));
    return collect(repoPath(u"commits"_s), query, {}, limit).then([](const QJsonArray &items) {
        QList<GitHubCommit> commits;
        for (qsizetype i = 0; i < items.size(); ++i)
            commits.append(GitHubCommit::fromJson(items.at(i).toObject(), u"commits[%1]"_s.arg(i)));
        return commits;
    });
}

QFuture<GitHubComparison> GitHubClient::compare(const QString &base, const QString &head)
{
    return getJson(repoPath(u"compare/%1...%2"_s.arg(base, head))).then([](const QJsonDocument &document) {
        return GitHubComparison::fromJson(document.object());
    });
}

QFuture<QList<GitHubRelease>> GitHubClient::releases(int limit)
{
    QUrlQuery query;
    query.addQueryItem(u"per_page"_s, QString::number(std::clamp(limit, 1, 100)));
    return collect(repoPath(u"releases"_s), query, {}, limit).then([](const QJsonArray &items) {
        QList<GitHubRelease> releases;
        for (qsizetype i = 0; i < items.size(); ++i)
            releases.append(GitHubRelease::fromJson(items.at(i).toObject(), u"releases[%1]"_s.arg(i)));
        return releases;
    });
}

QFuture<GitHubRelease> GitHubClient::createRelease(const QString &tag, const QString &target,
                                                   const QString &name, const QString &body, bool draft)
{
    QJsonObject object;
    object.insert(u"tag_name"_s, tag);
    if (!target.isEmpty())
        object.insert(u"target_commitish"_s, target);
    if (!name.isEmpty())
        object.insert(u"name"_s, name);
    object.insert(u"body"_s, body);
    if (draft)
        object.insert(u"draft"_s, true);
    HttpRequest request;
    request.method = "POST";
    request.path = repoPath(u"releases"_s);
    request.contentType = "application/json; charset=utf-8";
    request.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return call(request)
        .then(this,
              [this](const HttpResponse &response) {
                  return GitHubRelease::fromJson(parse(response).object(), u"release"_s);
              })
        .onFailed(this, [tag](const ApiError &error) -> GitHubRelease {
            if (error.kind() != ApiError::Kind::Conflict)
                throw error;
            ApiError conflict(ApiError::Kind::Conflict, tr("A release with tag %1 already exists").arg(tag),
                              tr("Pick another tag, or edit the existing release on GitHub."));
            conflict.setUrl(error.url());
            conflict.setServerMessage(error.serverMessage());
            throw conflict;
        });
}

QFuture<std::pair<QString, QString>> GitHubClient::generateNotes(const QString &tag, const QString &target,
                                                                 const QString &previousTag)
{
    QJsonObject object;
    object.insert(u"tag_name"_s, tag);
    if (!target.isEmpty())
        object.insert(u"target_commitish"_s, target);
    if (!previousTag.isEmpty())
        object.insert(u"previous_tag_name"_s, previousTag);
    HttpRequest request;
    request.method = "POST";
    request.path = repoPath(u"releases/generate-notes"_s);
    request.contentType = "application/json; charset=utf-8";
    request.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return call(request)
        .then(this,
              [this](const HttpResponse &response) {
                  const QJsonObject notes = parse(response).object();
                  if (!notes.value(u"body"_s).isString())
                      throw ApiError(
                          ApiError::Kind::Decode,
                          tr("GitHub answer: body of the generated notes is missing or not a string"));
                  return std::pair<QString, QString>(notes.value(u"name"_s).toString(),
                                                     notes.value(u"body"_s).toString());
              })
        .onFailed(this, [](const ApiError &error) -> std::pair<QString, QString> {
            if (error.kind() == ApiError::Kind::NotFound)
                return {};
            throw error;
        });
}

QFuture<qint64> GitHubClient::dispatch(const QString &ref, const QMap<QString, QString> &inputs)
{
    QJsonObject inputObject;
    for (auto it = inputs.cbegin(); it != inputs.cend(); ++it)
        inputObject.insert(it.key(), it.value());
    QJsonObject object;
    object.insert(u"ref"_s, ref);
    object.insert(u"inputs"_s, inputObject);
    object.insert(u"return_run_details"_s, true);
    HttpRequest request;
    request.method = "POST";
    request.path = repoPath(u"actions/workflows/%1/dispatches"_s.arg(m_options.workflow));
    request.contentType = "application/json; charset=utf-8";
    request.body = QJsonDocument(object).toJson(QJsonDocument::Compact);

    auto poll = std::make_shared<DispatchPoll>();
    poll->ref = ref;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    poll->since = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    poll->promise.start();
    QFuture<qint64> future = poll->promise.future();
    auto fail = [poll](const ApiError &error) {
        poll->promise.setException(error);
        poll->promise.finish();
    };
    call(request)
        .then(this,
              [this, poll](const HttpResponse &response) {
                  if (response.status == 204 || response.body.trimmed().isEmpty()) {
                      pollForDispatchedRun(poll);
                      return;
                  }
                  const QJsonValue id = parse(response).object().value(u"workflow_run_id"_s);
                  if (!id.isDouble() || id.toInteger(-1) <= 0)
                      throw ApiError(ApiError::Kind::Decode,
                                     tr("GitHub answer: workflow_run_id is missing or not a number (%1)")
                                         .arg(display(response.url)));
                  poll->promise.addResult(id.toInteger());
                  poll->promise.finish();
              })
        .onFailed(this, [fail](const ApiError &error) { fail(error); })
        .onFailed(this,
                  [fail] { fail(ApiError(ApiError::Kind::Failed, tr("Dispatching the workflow failed."))); });
    return future;
}

void GitHubClient::pollForDispatchedRun(const std::shared_ptr<DispatchPoll> &poll)
{
    ++poll->attempts;
    QUrlQuery query;
    query.addQueryItem(u"event"_s, u"workflow_dispatch"_s);
    query.addQueryItem(u"created"_s, u">="_s + poll->since.toString(Qt::ISODate));
    query.addQueryItem(u"exclude_pull_requests"_s, u"true"_s);
    query.addQueryItem(u"per_page"_s, u"10"_s);
    QString branch = poll->ref;
    if (branch.startsWith(u"refs/heads/"_s))
        branch = branch.mid(11);
    auto fail = [poll](const ApiError &error) {
        poll->promise.setException(error);
        poll->promise.finish();
    };
    getJson(repoPath(u"actions/workflows/%1/runs"_s.arg(m_options.workflow)), query)
        .then(this,
              [this, poll, branch](const QJsonDocument &document) {
                  const QJsonArray runs = document.object().value(u"workflow_runs"_s).toArray();
                  // Newest first: the newest run for the ref is the one just dispatched.
                  for (qsizetype i = 0; i < runs.size(); ++i) {
                      const WorkflowRun run =
                          WorkflowRun::fromJson(runs.at(i).toObject(), u"workflow_runs[%1]"_s.arg(i));
                      if (run.headBranch == branch || run.headBranch.isEmpty()) {
                          poll->promise.addResult(run.id);
                          poll->promise.finish();
                          return;
                      }
                  }
                  if (poll->attempts >= m_options.dispatchPollAttempts)
                      throw ApiError(
                          ApiError::Kind::NotFound,
                          tr("The workflow was dispatched for %1, but no run of it appeared after %2 "
                             "checks of the runs list")
                              .arg(poll->ref)
                              .arg(poll->attempts),
                          tr("Look at the Actions page of %1.").arg(m_options.repo));
                  QTimer::singleShot(m_options.dispatchPollIntervalMs, this,
                                     [this, poll] { pollForDispatchedRun(poll); });
              })
        .onFailed(this, [fail](const ApiError &error) { fail(error); })
        .onFailed(this, [fail] {
            fail(ApiError(ApiError::Kind::Failed, tr("Finding the dispatched run failed.")));
        });
}

} // namespace capstan
