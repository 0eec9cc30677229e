#pragma once

#include "GitHubTypes.h"
#include "net/ApiError.h"
#include "net/HttpRequest.h"
#include "net/HttpResponse.h"

#include <QFuture>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QObject>

#include <memory>
#include <optional>

template <typename T> class QPromise;

namespace capstan {

class EtagCache;
class HttpClient;

// Why: a typed map of GitHub's REST API for one repository and workflow (see the GitHub contract) over the
// shared HTTP layer, with conditional requests so an unchanged refresh costs no rate limit, and rate-limit
// handling that waits as the server says or reports, but never loops.
class GitHubClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString repo;     // owner/name
        QString workflow; // file name (ci.yml) or numeric id
        QString branch = QStringLiteral("main");
        int maxRateLimitWaitSeconds =
            60; // longer waits are reported instead (Kind::Failed with the reset time)
        // When the server answers a dispatch with 204 (no run details), the runs list is polled this often.
        int dispatchPollIntervalMs = 1000;
        int dispatchPollAttempts = 30;
    };

    // `cache` may be null (no conditional requests). Neither is owned.
    GitHubClient(HttpClient *http, Options options, EtagCache *cache, QObject *parent = nullptr);

    HttpClient *http() const { return m_http; }
    // Without a token (the HTTP client has no auth) reads are anonymous, as for a public repository, with
    // GitHub's low anonymous rate limit; writes (dispatch, releases) fail at once with Kind::Credentials.
    // `why` says why there is no token ("no keychain is reachable ..."); errors and notes repeat it.
    bool isAnonymous() const;
    void setAnonymousReason(const QString &why) { m_anonymousReason = why; }
    QString anonymousReason() const { return m_anonymousReason; }
    // For a note when reading anonymously: why, and the quota left as the last answer gave it
    // ("Reading GitHub anonymously (...): 57 of 60 requests left, the limit resets at 14:05 UTC.");
    // empty when a token is used.
    QString anonymousNote() const;
    const Options &options() const { return m_options; }
    RateLimit rateLimit() const { return m_rateLimit; }
    int requestsServedFromCache() const { return m_cacheHits; } // 304s since construction

    // Runs of the configured workflow on the configured branch, newest first, following Link rel="next"
    // until `limit` runs are read (per_page 100). A page failing mid-listing fails the whole call, naming
    // the page.
    QFuture<QList<WorkflowRun>> runs(int limit, const QString &status = {});
    struct CachedRuns
    {
        QList<WorkflowRun> runs;
        QDateTime fetched; // when GitHub last sent or confirmed them; invalid when the cache does not say
    };
    // What the last successful runs(limit, status) left in the ETag cache, read without a request (for a view
    // whose GitHub is down); nullopt without a cache or when it holds no such listing.
    std::optional<CachedRuns> cachedRuns(int limit, const QString &status = {}) const;
    QFuture<WorkflowRun> run(qint64 runId);
    QFuture<QList<WorkflowJob>> jobs(qint64 runId);
    QFuture<QList<GitHubCommit>> commits(const QString &sha, int limit);
    QFuture<GitHubComparison> compare(const QString &base, const QString &head);
    QFuture<QList<GitHubRelease>> releases(int limit);
    // 422 already_exists becomes Kind::Conflict "a release with tag <tag> already exists".
    QFuture<GitHubRelease> createRelease(const QString &tag, const QString &target, const QString &name,
                                         const QString &body, bool draft = false);
    // POST releases/generate-notes: {name, body}; 404 yields an empty pair (not implemented, as gh does).
    QFuture<std::pair<QString, QString>> generateNotes(const QString &tag, const QString &target,
                                                       const QString &previousTag);
    // Dispatches the workflow with return_run_details; the run id it started (422 "No ref found for"
    // becomes Kind::NotFound).
    QFuture<qint64> dispatch(const QString &ref, const QMap<QString, QString> &inputs);

Q_SIGNALS:
    void rateLimitChanged(const capstan::RateLimit &rateLimit);

private:
    struct Listing;
    struct DispatchPoll;

    QString repoPath(const QString &rest) const;
    std::pair<QString, QUrlQuery> runsRequest(int limit, const QString &status) const;
    static QList<WorkflowRun> parseRuns(const QJsonArray &items);
    // GET conditionally (If-None-Match from the cache; a 304 answers with the cached body and Link) and
    // POST; waits once for a rate limit the server names when the wait is short enough; maps errors.
    QFuture<HttpResponse> call(const HttpRequest &request);
    void attempt(const HttpRequest &request, const std::shared_ptr<QPromise<HttpResponse>> &promise,
                 bool waited);
    QFuture<QJsonDocument> getJson(const QString &path, const QUrlQuery &query = {});
    QFuture<QJsonArray> collect(const QString &path, const QUrlQuery &query, const QString &arrayKey,
                                int limit);
    void fetchPage(const std::shared_ptr<Listing> &listing, const QString &url, const QUrlQuery &query);
    void prefetchKnownPages(const std::shared_ptr<Listing> &listing, const QUrl &from);
    void pollForDispatchedRun(const std::shared_ptr<DispatchPoll> &poll);
    ApiError errorFor(const HttpResponse &response) const;
    QString tokenHint() const; // how to configure the GitHub token
    void noteRateLimit(const HttpResponse &response);
    QJsonDocument parse(const HttpResponse &response) const;
    // parse() of a listing page; a page answered 304 brings back the very bytes decoded last time, so
    // their document is kept beside them and a warm refresh decodes nothing again.
    QJsonDocument parsePage(const HttpResponse &response);
    void flushCache();

    HttpClient *m_http;
    Options m_options;
    EtagCache *m_cache;
    RateLimit m_rateLimit;
    int m_cacheHits = 0;
    QString m_anonymousReason;
    bool m_cacheDirty = false;
    struct DecodedPage
    {
        QByteArray body; // shares the cached body's bytes: the same buffer means the same text
        QJsonDocument document;
    };
    QHash<QString, DecodedPage> m_decodedPages; // by page URL
};

} // namespace capstan
