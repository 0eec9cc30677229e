#include "GitHubServer.h"

#include "http/HttpConnection.h"
#include "http/HttpListener.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

constexpr qint64 firstGeneratedRunId = 30000000000LL; // above 2^32, as real run ids are
const QString docsUrl = u"https://docs.github.com/rest"_s;

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QByteArray quoted(const QString &text)
{
    // A JSON string literal, escaped the way QJsonDocument does.
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray errorBody(const QString &message, int status, const QString &documentation = docsUrl)
{
    return "{\"message\":" + quoted(message) + ",\"documentation_url\":" + quoted(documentation) +
           ",\"status\":\"" + QByteArray::number(status) + "\"}";
}

QString fakeSha(const QString &seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha1).toHex());
}

} // namespace

class GitHubServer::Private
{
public:
    struct Commit
    {
        CommitSeed seed;
        QString parent;
    };
    struct Run
    {
        RunSeed seed;
        QDateTime updatedAt;
        QDateTime dispatchedAt; // valid: progresses over dispatchRunMs
    };
    struct Release
    {
        qint64 id = 0;
        QString tag;
        QString target;
        QString name;
        QString body;
        bool draft = false;
        bool prerelease = false;
        QDateTime createdAt;
    };
    struct Route
    {
        QString rest;          // path after /repos/{owner}/{repo}/
        QString numericPrefix; // <url>/repositories/<id>/
    };

    explicit Private(Options options)
        : options(std::move(options))
    {
        authenticated.reset(this->options.rateLimit);
        anonymous.reset(this->options.anonymousRateLimit);
    }

    void handle(HttpConnection *connection, const ServerRequest &request);
    void answer(HttpConnection *connection, const ServerRequest &request);
    void answer(HttpConnection *connection, const ServerRequest &request, FaultInjector::Action action);
    std::optional<Fault> takeFault(const QString &path, const QByteArray &query);
    ServerResponse route(const ServerRequest &request, const QString &path);
    ServerResponse repoRoute(const ServerRequest &request, const QString &rest);

    ServerResponse listRuns(const ServerRequest &request, const QString &rest);
    ServerResponse runJobs(const ServerRequest &request, const QString &rest, const Run &run);
    ServerResponse dispatch(const ServerRequest &request);
    ServerResponse listCommits(const ServerRequest &request, const QString &rest);
    ServerResponse compare(const QString &basehead);
    ServerResponse listReleases(const ServerRequest &request, const QString &rest);
    ServerResponse createRelease(const ServerRequest &request);
    ServerResponse generateNotes(const ServerRequest &request);

    // One page of `total` items; only the items on the page are built (itemAt(i), i in [0, total)).
    ServerResponse paged(const ServerRequest &request, const QString &rest, int total,
                         const std::function<QJsonValue(int)> &itemAt, const QString &envelope);
    ServerResponse paged(const ServerRequest &request, const QString &rest, const QJsonArray &all,
                         const QString &envelope)
    {
        return paged(
            request, rest, int(all.size()), [&all](int i) { return all.at(i); }, envelope);
    }
    ServerResponse notFound(const QString &message = u"Not Found"_s) const
    {
        return ServerResponse::json(404, errorBody(message, 404));
    }
    ServerResponse unprocessable(const QString &message, const QString &documentation) const
    {
        return ServerResponse::json(422, errorBody(message, 422, documentation));
    }

    QJsonObject runJson(const Run &run) const;
    QJsonObject commitJson(const Commit &commit) const;
    QJsonObject releaseJson(const Release &release) const;
    QJsonObject userJson(const QString &login) const;

    void refreshRuns();
    // A primary rate-limit window: authenticated requests count against one, anonymous ones (per IP on
    // GitHub) against another with a far lower limit.
    struct Bucket
    {
        int limit = 0;
        int remaining = 0;
        int used = 0;
        qint64 resetEpoch = 0;
        void reset(int newLimit);
    };
    Bucket &bucketFor(const ServerRequest &request);
    void addRateHeaders(ServerResponse &response, const Bucket &bucket) const;
    int commitIndex(const QString &ref) const; // -1: unknown
    QString branchHead(const QString &branch) const;
    QString owner() const { return options.repo.section(u'/', 0, 0); }
    QString repoName() const { return options.repo.section(u'/', 1); }
    QString apiBase() const { return u"http://127.0.0.1:%1%2"_s.arg(port()).arg(options.apiPrefix); }
    QString repoApi() const { return apiBase() + u"/repos/"_s + options.repo; }
    QString htmlBase() const { return u"http://127.0.0.1:%1/"_s.arg(port()) + options.repo; }
    quint16 port() const { return server ? server->port() : 0; }

    Options options;
    HttpListener *server = nullptr;
    QList<Commit> commits; // oldest first, all on main
    QList<Run> runs;
    QList<Release> releases;
    QMap<QString, QString> tags;
    QList<Fault> faults;
    FaultInjector injector;
    int requestCount = 0;
    int notModified = 0;
    Bucket authenticated;
    Bucket anonymous;
    qint64 nextRunId = firstGeneratedRunId + 17;
    qint64 nextReleaseId = 180000001;
};

void GitHubServer::Private::Bucket::reset(int newLimit)
{
    limit = newLimit;
    remaining = newLimit;
    used = 0;
    resetEpoch = QDateTime::currentSecsSinceEpoch() + 3600;
}

GitHubServer::Private::Bucket &GitHubServer::Private::bucketFor(const ServerRequest &request)
{
    const bool anonymousRequest = request.header("Authorization").isEmpty();
    Bucket &bucket = anonymousRequest ? anonymous : authenticated;
    if (QDateTime::currentSecsSinceEpoch() >= bucket.resetEpoch)
        bucket.reset(anonymousRequest ? options.anonymousRateLimit : options.rateLimit);
    return bucket;
}

void GitHubServer::Private::addRateHeaders(ServerResponse &response, const Bucket &bucket) const
{
    response.setHeader("X-RateLimit-Limit", QByteArray::number(bucket.limit));
    response.setHeader("X-RateLimit-Remaining", QByteArray::number(bucket.remaining));
    response.setHeader("X-RateLimit-Reset", QByteArray::number(bucket.resetEpoch));
    response.setHeader("X-RateLimit-Used", QByteArray::number(bucket.used));
    response.setHeader("X-RateLimit-Resource", "core");
}

std::optional<GitHubServer::Fault> GitHubServer::Private::takeFault(const QString &path,
                                                                    const QByteArray &query)
{
    for (qsizetype i = 0; i < faults.size(); ++i) {
        Fault &fault = faults[i];
        if (!fault.pathPrefix.isEmpty() && !path.startsWith(fault.pathPrefix))
            continue;
        if (!fault.query.isEmpty() && !QString::fromUtf8(query).contains(fault.query))
            continue;
        const Fault taken = fault;
        if (fault.count > 0 && --fault.count == 0)
            faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

void GitHubServer::Private::handle(HttpConnection *connection, const ServerRequest &request)
{
    ++requestCount;
    QString path = request.path();
    if (!options.apiPrefix.isEmpty() && path.startsWith(options.apiPrefix))
        path = path.mid(options.apiPrefix.size());
    const std::optional<Fault> fault = takeFault(path, request.rawQuery());
    if (!fault) {
        injector.dispatch(connection, false,
                          [this, request](HttpConnection *live, FaultInjector::Action action) {
                              answer(live, request, action);
                          });
        return;
    }
    ServerResponse response;
    const Bucket &bucket = bucketFor(request);
    switch (fault->kind) {
    case Fault::Kind::Status:
        response = ServerResponse::json(
            fault->status,
            fault->body.isEmpty()
                ? errorBody(QString::fromLatin1(ServerResponse::reasonPhrase(fault->status)), fault->status)
                : fault->body);
        addRateHeaders(response, bucketFor(request));
        connection->respond(request, response);
        return;
    case Fault::Kind::Delay: {
        QPointer<HttpConnection> guard(connection);
        QTimer::singleShot(fault->delayMs, connection, [this, guard, request] {
            if (guard)
                answer(guard, request);
        });
        return;
    }
    case Fault::Kind::CloseConnection:
        connection->closeWithoutAnswer();
        return;
    case Fault::Kind::GarbageBody:
        response = ServerResponse::json(200, fault->body.isEmpty() ? QByteArray("{\"workflow_runs\": [")
                                                                   : fault->body);
        addRateHeaders(response, bucketFor(request));
        connection->respond(request, response);
        return;
    case Fault::Kind::RateLimitExhausted: {
        response = ServerResponse::json(
            403, errorBody(u"API rate limit exceeded for user ID 1234."_s, 403,
                           u"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"_s));
        addRateHeaders(response, bucketFor(request));
        response.setHeader("X-RateLimit-Remaining", "0");
        response.setHeader("X-RateLimit-Used", QByteArray::number(bucket.limit));
        const int seconds = fault->retryAfterSeconds > 0 ? fault->retryAfterSeconds : 3600;
        response.setHeader("X-RateLimit-Reset",
                           QByteArray::number(QDateTime::currentSecsSinceEpoch() + seconds));
        connection->respond(request, response);
        return;
    }
    case Fault::Kind::SecondaryRateLimit:
        response = ServerResponse::json(
            403,
            errorBody(u"You have exceeded a secondary rate limit. Please wait a few minutes before you try "
                      u"again. If you reach out to GitHub Support for help, please include the request ID "
                      u"%1 and timestamp %2."_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces),
                                                    isoTime(QDateTime::currentDateTimeUtc())),
                      403,
                      u"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"
                      u"#about-secondary-rate-limits"_s));
        addRateHeaders(response, bucketFor(request));
        if (fault->retryAfterSeconds > 0)
            response.setHeader("Retry-After", QByteArray::number(fault->retryAfterSeconds));
        connection->respond(request, response);
        return;
    case Fault::Kind::DropAnswer:
        answer(connection, request, FaultInjector::Action::Drop);
        return;
    }
}

void GitHubServer::Private::answer(HttpConnection *connection, const ServerRequest &request,
                                   FaultInjector::Action action)
{
    switch (action) {
    case FaultInjector::Action::Fail: {
        ServerResponse response = ServerResponse::json(500, errorBody(u"Server Error"_s, 500));
        addRateHeaders(response, bucketFor(request));
        connection->respond(request, response);
        return;
    }
    case FaultInjector::Action::Drop:
        connection->dropAnswer();
        break;
    case FaultInjector::Action::Pass:
        break;
    }
    answer(connection, request);
}

void GitHubServer::Private::answer(HttpConnection *connection, const ServerRequest &request)
{
    QString path = request.path();
    if (!options.apiPrefix.isEmpty()) {
        if (!path.startsWith(options.apiPrefix + u'/')) {
            ServerResponse response = notFound();
            connection->respond(request, response);
            return;
        }
        path = path.mid(options.apiPrefix.size());
    }
    if (request.header("User-Agent").isEmpty()) {
        ServerResponse response;
        response.status = 403;
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        response.body =
            "Request forbidden by administrative rules. Please make sure your request has a "
            "User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api"
            "#user-agent-required). Check https://developer.github.com for other possible causes.\n";
        connection->respond(request, response);
        return;
    }
    const QByteArray authorization = request.header("Authorization");
    bool authenticated = false;
    if (!authorization.isEmpty()) {
        QByteArray token;
        if (authorization.startsWith("Bearer "))
            token = authorization.mid(7).trimmed();
        else if (authorization.startsWith("token "))
            token = authorization.mid(6).trimmed();
        if (token.isEmpty() || (!options.token.isEmpty() && token != options.token.toUtf8())) {
            ServerResponse response = ServerResponse::json(401, errorBody(u"Bad credentials"_s, 401));
            connection->respond(request, response);
            return;
        }
        authenticated = true;
    }

    Bucket &bucket = bucketFor(request);
    if (bucket.remaining <= 0) {
        ServerResponse response = ServerResponse::json(
            403,
            errorBody(authenticated ? u"API rate limit exceeded for user ID 1234."_s
                                    : u"API rate limit exceeded for 127.0.0.1. (But here's the good news: "
                                      u"Authenticated requests get a higher rate limit. Check out the "
                                      u"documentation for more details.)"_s,
                      403, u"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"_s));
        addRateHeaders(response, bucketFor(request));
        connection->respond(request, response);
        return;
    }

    ServerResponse response;
    const bool writes = request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS";
    if (!options.token.isEmpty() && !authenticated)
        response = notFound(); // a private repository looks absent without a token
    else if (writes && !authenticated)
        response = ServerResponse::json(401, errorBody(u"Requires authentication"_s, 401)); // writes need one
    else
        response = route(request, path);

    const QByteArray etag =
        '"' + QCryptographicHash::hash(response.body, QCryptographicHash::Sha256).toHex() + '"';
    if (!response.body.isEmpty())
        response.setHeader("ETag", etag);
    if (response.status == 200 && (request.method == "GET" || request.method == "HEAD")) {
        response.setHeader("Cache-Control", "private, max-age=60, s-maxage=60");
        response.setHeader("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
        const QByteArray ifNoneMatch = request.header("If-None-Match");
        bool matches = false;
        for (QByteArray candidate : ifNoneMatch.split(',')) {
            candidate = candidate.trimmed();
            if (candidate.startsWith("W/"))
                candidate = candidate.mid(2);
            if (candidate == etag || candidate == "*")
                matches = true;
        }
        if (matches) {
            ++notModified;
            ServerResponse unchanged;
            unchanged.status = 304;
            unchanged.setHeader("ETag", etag);
            unchanged.setHeader("Cache-Control", "private, max-age=60, s-maxage=60");
            addRateHeaders(unchanged, bucket);
            connection->respond(request, unchanged);
            return;
        }
    }
    --bucket.remaining;
    ++bucket.used;
    response.setHeader("X-GitHub-Media-Type", "github.v3; format=json");
    response.setHeader("X-GitHub-Request-Id",
                       QUuid::createUuid().toByteArray(QUuid::WithoutBraces).toUpper());
    addRateHeaders(response, bucketFor(request));
    connection->respond(request, response);
}

ServerResponse GitHubServer::Private::route(const ServerRequest &request, const QString &path)
{
    const QString numeric = u"/repositories/%1/"_s.arg(options.repositoryId);
    if (path.startsWith(numeric))
        return repoRoute(request, path.mid(numeric.size()));
    const QString repos = u"/repos/"_s;
    if (!path.startsWith(repos))
        return notFound();
    const QStringList parts = path.mid(repos.size()).split(u'/');
    if (parts.size() < 3 ||
        (parts.at(0) + u'/' + parts.at(1)).compare(options.repo, Qt::CaseInsensitive) != 0)
        return notFound();
    return repoRoute(request, parts.mid(2).join(u'/'));
}

ServerResponse GitHubServer::Private::repoRoute(const ServerRequest &request, const QString &rest)
{
    refreshRuns();
    const QStringList parts = rest.split(u'/');
    const QByteArray method = request.method == "HEAD" ? QByteArray("GET") : request.method;
    const auto workflowMatches = [this](const QString &id) {
        return id == options.workflowFile || id == QString::number(options.workflowId);
    };

    if (parts.value(0) == u"actions"_s) {
        if (method == "GET" && parts.size() == 2 && parts.at(1) == u"runs"_s)
            return listRuns(request, rest);
        if (parts.size() == 4 && parts.at(1) == u"workflows"_s && workflowMatches(parts.at(2))) {
            if (method == "GET" && parts.at(3) == u"runs"_s)
                return listRuns(request, rest);
            if (method == "POST" && parts.at(3) == u"dispatches"_s)
                return dispatch(request);
        }
        if (method == "GET" && parts.size() >= 3 && parts.size() <= 4 && parts.at(1) == u"runs"_s) {
            bool ok = false;
            const qint64 id = parts.at(2).toLongLong(&ok);
            for (const Run &run : std::as_const(runs)) {
                if (!ok || run.seed.id != id)
                    continue;
                if (parts.size() == 3)
                    return ServerResponse::json(200,
                                                QJsonDocument(runJson(run)).toJson(QJsonDocument::Compact));
                if (parts.at(3) == u"jobs"_s)
                    return runJobs(request, rest, run);
            }
        }
        return notFound();
    }
    if (parts.value(0) == u"commits"_s && parts.size() == 1 && method == "GET")
        return listCommits(request, rest);
    if (parts.value(0) == u"compare"_s && parts.size() >= 2 && method == "GET")
        return compare(parts.mid(1).join(u'/'));
    if (parts.value(0) == u"releases"_s) {
        if (parts.size() == 1 && method == "GET")
            return listReleases(request, rest);
        if (parts.size() == 1 && method == "POST")
            return createRelease(request);
        if (parts.size() == 2 && parts.at(1) == u"generate-notes"_s && method == "POST")
            return generateNotes(request);
        if (parts.size() >= 3 && parts.at(1) == u"tags"_s && method == "GET") {
            const QString tag = parts.mid(2).join(u'/');
            for (const Release &release : std::as_const(releases)) {
                if (release.tag == tag && !release.draft)
                    return ServerResponse::json(
                        200, QJsonDocument(releaseJson(release)).toJson(QJsonDocument::Compact));
            }
        }
    }
    return notFound();
}

ServerResponse GitHubServer::Private::paged(const ServerRequest &request, const QString &rest, int total,
                                            const std::function<QJsonValue(int)> &itemAt,
                                            const QString &envelope)
{
    int perPage = request.queryValue(u"per_page"_s).value_or(u"30"_s).toInt();
    if (perPage <= 0)
        perPage = 30;
    perPage = std::min(perPage, 100);
    int page = request.queryValue(u"page"_s).value_or(u"1"_s).toInt();
    if (page <= 0)
        page = 1;
    const int lastPage = std::max(1, (total + perPage - 1) / perPage);

    QJsonArray items;
    for (int i = (page - 1) * perPage; i < std::min(total, page * perPage); ++i)
        items.append(itemAt(i));

    ServerResponse response;
    if (envelope.isEmpty()) {
        response = ServerResponse::json(200, QJsonDocument(items).toJson(QJsonDocument::Compact));
    } else {
        QJsonObject object;
        object.insert(u"total_count"_s, total);
        object.insert(envelope, items);
        response = ServerResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    if (lastPage > 1) {
        QUrlQuery kept(QString::fromUtf8(request.rawQuery()));
        kept.removeAllQueryItems(u"page"_s);
        kept.removeAllQueryItems(u"per_page"_s);
        const QString keptQuery = kept.toString(QUrl::FullyEncoded);
        const QString base = apiBase() + u"/repositories/%1/"_s.arg(options.repositoryId) + rest;
        auto link = [&](int target, const char *rel) {
            QString query = keptQuery.isEmpty() ? QString() : keptQuery + u'&';
            query += u"per_page=%1&page=%2"_s.arg(perPage).arg(target);
            return u"<%1?%2>; rel=\"%3\""_s.arg(base, query, QString::fromLatin1(rel));
        };
        QStringList links;
        if (page > 1)
            links << link(std::min(page - 1, lastPage), "prev");
        if (page < lastPage) {
            links << link(page + 1, "next");
            links << link(lastPage, "last");
        }
        if (page > 1)
            links << link(1, "first");
        response.setHeader("Link", links.join(u", "_s).toUtf8());
    }
    return response;
}

void GitHubServer::Private::refreshRuns()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (Run &run : runs) {
        if (!run.dispatchedAt.isValid() || run.seed.status == u"completed"_s)
            continue;
        const qint64 elapsed = run.dispatchedAt.msecsTo(now);
        QString status = u"queued"_s;
        if (elapsed >= options.dispatchRunMs)
            status = u"completed"_s;
        else if (elapsed >= options.dispatchRunMs / 3)
            status = u"in_progress"_s;
        if (status != run.seed.status) {
            run.seed.status = status;
            run.seed.conclusion = status == u"completed"_s ? options.dispatchConclusion : QString();
            run.updatedAt = now;
        }
    }
}

QJsonObject GitHubServer::Private::userJson(const QString &login) const
{
    QJsonObject user;
    user.insert(u"login"_s, login);
    user.insert(u"id"_s, qint64(qHash(login) % 100000000));
    user.insert(u"type"_s, u"User"_s);
    user.insert(u"avatar_url"_s, u"https://avatars.githubusercontent.com/u/1?v=4"_s);
    user.insert(u"html_url"_s, u"https://github.com/"_s + login);
    return user;
}

QJsonObject GitHubServer::Private::runJson(const Run &run) const
{
    const RunSeed &seed = run.seed;
    const QString url = repoApi() + u"/actions/runs/"_s + QString::number(seed.id);
    QJsonObject object;
    object.insert(u"id"_s, seed.id);
    object.insert(u"name"_s, u"CI"_s);
    object.insert(u"node_id"_s, u"WFR_kwLO"_s + QString::number(seed.id, 36));
    object.insert(u"head_branch"_s, seed.branch);
    object.insert(u"head_sha"_s, seed.headSha);
    object.insert(u"path"_s, u".github/workflows/"_s + options.workflowFile);
    object.insert(u"run_number"_s, seed.runNumber);
    object.insert(u"run_attempt"_s, 1);
    object.insert(u"event"_s, seed.event);
    object.insert(u"status"_s, seed.status.isEmpty() ? QJsonValue() : QJsonValue(seed.status));
    object.insert(u"conclusion"_s, seed.conclusion.isEmpty() ? QJsonValue() : QJsonValue(seed.conclusion));
    object.insert(u"workflow_id"_s, options.workflowId);
    object.insert(u"check_suite_id"_s, seed.id / 3);
    object.insert(u"url"_s, url);
    object.insert(u"html_url"_s, htmlBase() + u"/actions/runs/"_s + QString::number(seed.id));
    object.insert(u"pull_requests"_s, QJsonArray());
    object.insert(u"created_at"_s, isoTime(seed.createdAt));
    object.insert(u"updated_at"_s, isoTime(run.updatedAt));
    object.insert(u"run_started_at"_s, isoTime(seed.createdAt));
    object.insert(u"jobs_url"_s, url + u"/jobs"_s);
    object.insert(u"logs_url"_s, url + u"/logs"_s);
    object.insert(u"check_suite_url"_s, repoApi() + u"/check-suites/"_s + QString::number(seed.id / 3));
    object.insert(u"artifacts_url"_s, url + u"/artifacts"_s);
    object.insert(u"cancel_url"_s, url + u"/cancel"_s);
    object.insert(u"rerun_url"_s, url + u"/rerun"_s);
    object.insert(u"previous_attempt_url"_s, QJsonValue());
    object.insert(u"workflow_url"_s,
                  repoApi() + u"/actions/workflows/"_s + QString::number(options.workflowId));
    object.insert(u"display_title"_s, u"CI"_s);
    QJsonObject headCommit;
    const int index = commitIndex(seed.headSha);
    const QString login = index >= 0 ? commits.at(index).seed.authorLogin : owner();
    if (index >= 0) {
        const CommitSeed &commit = commits.at(index).seed;
        headCommit.insert(u"id"_s, commit.sha);
        headCommit.insert(u"tree_id"_s, fakeSha(u"tree"_s + commit.sha));
        headCommit.insert(u"message"_s, commit.message);
        headCommit.insert(u"timestamp"_s, isoTime(commit.time));
        QJsonObject person;
        person.insert(u"name"_s, commit.authorName);
        person.insert(u"email"_s, commit.authorEmail);
        headCommit.insert(u"author"_s, person);
        headCommit.insert(u"committer"_s, person);
        object.insert(u"display_title"_s, commit.message.section(u'\n', 0, 0));
    }
    object.insert(u"head_commit"_s, headCommit.isEmpty() ? QJsonValue() : QJsonValue(headCommit));
    object.insert(u"actor"_s, userJson(login.isEmpty() ? owner() : login));
    object.insert(u"triggering_actor"_s, userJson(login.isEmpty() ? owner() : login));
    QJsonObject repository;
    repository.insert(u"id"_s, options.repositoryId);
    repository.insert(u"name"_s, repoName());
    repository.insert(u"full_name"_s, options.repo);
    repository.insert(u"private"_s, !options.token.isEmpty());
    repository.insert(u"owner"_s, userJson(owner()));
    repository.insert(u"url"_s, repoApi());
    object.insert(u"repository"_s, repository);
    object.insert(u"head_repository"_s, repository);
    return object;
}

QJsonObject GitHubServer::Private::commitJson(const Commit &commit) const
{
    const CommitSeed &seed = commit.seed;
    QJsonObject person;
    person.insert(u"name"_s, seed.authorName);
    person.insert(u"email"_s, seed.authorEmail);
    person.insert(u"date"_s, isoTime(seed.time));
    QJsonObject inner;
    inner.insert(u"author"_s, person);
    inner.insert(u"committer"_s, person);
    inner.insert(u"message"_s, seed.message);
    QJsonObject tree;
    tree.insert(u"sha"_s, fakeSha(u"tree"_s + seed.sha));
    tree.insert(u"url"_s, repoApi() + u"/git/trees/"_s + fakeSha(u"tree"_s + seed.sha));
    inner.insert(u"tree"_s, tree);
    inner.insert(u"url"_s, repoApi() + u"/git/commits/"_s + seed.sha);
    inner.insert(u"comment_count"_s, 0);
    QJsonObject verification;
    verification.insert(u"verified"_s, false);
    verification.insert(u"reason"_s, u"unsigned"_s);
    verification.insert(u"signature"_s, QJsonValue());
    verification.insert(u"payload"_s, QJsonValue());
    verification.insert(u"verified_at"_s, QJsonValue());
    inner.insert(u"verification"_s, verification);

    QJsonObject object;
    object.insert(u"sha"_s, seed.sha);
    object.insert(u"node_id"_s, u"C_kwDO"_s + seed.sha.left(12));
    object.insert(u"commit"_s, inner);
    object.insert(u"url"_s, repoApi() + u"/commits/"_s + seed.sha);
    object.insert(u"html_url"_s, htmlBase() + u"/commit/"_s + seed.sha);
    object.insert(u"comments_url"_s, repoApi() + u"/commits/"_s + seed.sha + u"/comments"_s);
    const QJsonValue user =
        seed.authorLogin.isEmpty() ? QJsonValue() : QJsonValue(userJson(seed.authorLogin));
    object.insert(u"author"_s, user);
    object.insert(u"committer"_s, user);
    QJsonArray parents;
    if (!commit.parent.isEmpty()) {
        QJsonObject parent;
        parent.insert(u"sha"_s, commit.parent);
        parent.insert(u"url"_s, repoApi() + u"/commits/"_s + commit.parent);
        parent.insert(u"html_url"_s, htmlBase() + u"/commit/"_s + commit.parent);
        parents.append(parent);
    }
    object.insert(u"parents"_s, parents);
    return object;
}

QJsonObject GitHubServer::Private::releaseJson(const Release &release) const
{
    const QString url = repoApi() + u"/releases/"_s + QString::number(release.id);
    QJsonObject object;
    object.insert(u"url"_s, url);
    object.insert(u"assets_url"_s, url + u"/assets"_s);
    object.insert(u"upload_url"_s,
                  u"https://uploads.github.com/repos/%1/releases/%2/assets{?name,label}"_s.arg(options.repo)
                      .arg(release.id));
    object.insert(u"html_url"_s, htmlBase() + u"/releases/tag/"_s + release.tag);
    object.insert(u"id"_s, release.id);
    object.insert(u"author"_s, userJson(owner()));
    object.insert(u"node_id"_s, u"RE_kwDO"_s + QString::number(release.id, 36));
    object.insert(u"tag_name"_s, release.tag);
    object.insert(u"target_commitish"_s, release.target);
    object.insert(u"name"_s, release.name);
    object.insert(u"draft"_s, release.draft);
    object.insert(u"prerelease"_s, release.prerelease);
    object.insert(u"created_at"_s, isoTime(release.createdAt));
    object.insert(u"published_at"_s, release.draft ? QJsonValue() : QJsonValue(isoTime(release.createdAt)));
    object.insert(u"assets"_s, QJsonArray());
    object.insert(u"tarball_url"_s, repoApi() + u"/tarball/"_s + release.tag);
    object.insert(u"zipball_url"_s, repoApi() + u"/zipball/"_s + release.tag);
    object.insert(u"body"_s, release.body);
    return object;
}

int GitHubServer::Private::commitIndex(const QString &ref) const
{
    if (ref.isEmpty())
        return -1;
    if (ref == u"main"_s || ref == u"HEAD"_s)
        return int(commits.size()) - 1;
    QString sha = ref;
    if (tags.contains(ref))
        sha = tags.value(ref);
    if (sha.size() < 7)
        return -1;
    for (qsizetype i = 0; i < commits.size(); ++i) {
        if (commits.at(i).seed.sha.startsWith(sha, Qt::CaseInsensitive))
            return int(i);
    }
    return -1;
}

ServerResponse GitHubServer::Private::listRuns(const ServerRequest &request, const QString &rest)
{
    const std::optional<QString> branch = request.queryValue(u"branch"_s);
    const std::optional<QString> status = request.queryValue(u"status"_s);
    const std::optional<QString> event = request.queryValue(u"event"_s);
    const std::optional<QString> created = request.queryValue(u"created"_s);
    const std::optional<QString> headSha = request.queryValue(u"head_sha"_s);

    QDateTime after, before;
    bool afterInclusive = true;
    if (created && !created->isEmpty()) {
        const QString value = *created;
        auto parse = [](const QString &text) {
            QDateTime time = QDateTime::fromString(text, Qt::ISODate);
            if (!time.isValid())
                time = QDate::fromString(text, Qt::ISODate).startOfDay(Qt::UTC);
            return time;
        };
        if (value.startsWith(u">="_s)) {
            after = parse(value.mid(2));
        } else if (value.startsWith(u'>')) {
            after = parse(value.mid(1));
            afterInclusive = false;
        } else if (value.startsWith(u"<="_s)) {
            before = parse(value.mid(2));
        } else if (value.contains(u".."_s)) {
            after = parse(value.section(u".."_s, 0, 0));
            before = parse(value.section(u".."_s, 1));
        } else {
            after = parse(value);
            before = after.addDays(1);
        }
    }

    QList<const Run *> selected;
    for (const Run &run : std::as_const(runs)) {
        if (branch && run.seed.branch != *branch)
            continue;
        if (status && run.seed.status != *status && run.seed.conclusion != *status)
            continue;
        if (event && run.seed.event != *event)
            continue;
        if (headSha && run.seed.headSha != *headSha)
            continue;
        const QDateTime createdAt = run.seed.createdAt.toUTC();
        const QDateTime createdSecond = QDateTime::fromSecsSinceEpoch(createdAt.toSecsSinceEpoch(), Qt::UTC);
        if (after.isValid() && (afterInclusive ? createdSecond < after : createdSecond <= after))
            continue;
        if (before.isValid() && createdSecond > before)
            continue;
        selected.append(&run);
    }
    std::stable_sort(selected.begin(), selected.end(), [](const Run *a, const Run *b) {
        if (a->seed.createdAt != b->seed.createdAt)
            return a->seed.createdAt > b->seed.createdAt;
        return a->seed.id > b->seed.id;
    });
    return paged(
        request, rest, int(selected.size()), [&](int i) { return QJsonValue(runJson(*selected.at(i))); },
        u"workflow_runs"_s);
}

ServerResponse GitHubServer::Private::runJobs(const ServerRequest &request, const QString &rest,
                                              const Run &run)
{
    QJsonArray jobs;
    const QStringList names = {u"checks"_s, u"package"_s};
    for (qsizetype i = 0; i < names.size(); ++i) {
        const qint64 id = run.seed.id * 10 + i + 1;
        QJsonObject job;
        job.insert(u"id"_s, id);
        job.insert(u"run_id"_s, run.seed.id);
        job.insert(u"run_url"_s, repoApi() + u"/actions/runs/"_s + QString::number(run.seed.id));
        job.insert(u"run_attempt"_s, 1);
        job.insert(u"node_id"_s, u"CR_kwDO"_s + QString::number(id, 36));
        job.insert(u"head_sha"_s, run.seed.headSha);
        job.insert(u"head_branch"_s, run.seed.branch);
        job.insert(u"url"_s, repoApi() + u"/actions/jobs/"_s + QString::number(id));
        job.insert(u"html_url"_s, htmlBase() + u"/actions/runs/%1/job/%2"_s.arg(run.seed.id).arg(id));
        job.insert(u"status"_s, run.seed.status);
        job.insert(u"conclusion"_s,
                   run.seed.conclusion.isEmpty() ? QJsonValue() : QJsonValue(run.seed.conclusion));
        job.insert(u"created_at"_s, isoTime(run.seed.createdAt));
        job.insert(u"started_at"_s, isoTime(run.seed.createdAt));
        job.insert(u"completed_at"_s,
                   run.seed.status == u"completed"_s ? QJsonValue(isoTime(run.updatedAt)) : QJsonValue());
        job.insert(u"name"_s, names.at(i));
        job.insert(u"steps"_s, QJsonArray());
        job.insert(u"check_run_url"_s, repoApi() + u"/check-runs/"_s + QString::number(id));
        job.insert(u"labels"_s, QJsonArray{u"ubuntu-latest"_s});
        job.insert(u"runner_id"_s, QJsonValue());
        job.insert(u"runner_name"_s, QJsonValue());
        job.insert(u"runner_group_id"_s, QJsonValue());
        job.insert(u"runner_group_name"_s, QJsonValue());
        job.insert(u"workflow_name"_s, u"CI"_s);
        jobs.append(job);
    }
    return paged(request, rest, jobs, u"jobs"_s);
}

ServerResponse GitHubServer::Private::dispatch(const ServerRequest &request)
{
    const QString documentation =
        u"https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event"_s;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return ServerResponse::json(400, errorBody(u"Problems parsing JSON"_s, 400, documentation));
    const QJsonObject object = document.object();
    if (!object.value(u"ref"_s).isString())
        return unprocessable(u"Invalid request.\n\n\"ref\" wasn't supplied."_s, documentation);
    const QString ref = object.value(u"ref"_s).toString();
    QString branch = ref;
    if (branch.startsWith(u"refs/heads/"_s))
        branch = branch.mid(11);
    QString sha;
    if (branch == u"main"_s && !commits.isEmpty())
        sha = commits.constLast().seed.sha;
    else if (tags.contains(branch))
        sha = tags.value(branch);
    if (sha.isEmpty())
        return unprocessable(u"No ref found for: "_s + ref, documentation);

    Run run;
    run.seed.id = nextRunId;
    nextRunId += 1 + QRandomGenerator::global()->bounded(5);
    int number = 0;
    for (const Run &existing : std::as_const(runs))
        number = std::max(number, existing.seed.runNumber);
    run.seed.runNumber = number + 1;
    run.seed.headSha = sha;
    run.seed.status = u"queued"_s;
    run.seed.conclusion.clear();
    run.seed.event = u"workflow_dispatch"_s;
    run.seed.branch = branch;
    run.seed.createdAt = QDateTime::currentDateTimeUtc();
    run.updatedAt = run.seed.createdAt;
    run.dispatchedAt = run.seed.createdAt;
    runs.append(run);

    if (options.returnsRunDetails && object.value(u"return_run_details"_s).toBool()) {
        QJsonObject details;
        details.insert(u"workflow_run_id"_s, run.seed.id);
        details.insert(u"run_url"_s, repoApi() + u"/actions/runs/"_s + QString::number(run.seed.id));
        details.insert(u"html_url"_s, htmlBase() + u"/actions/runs/"_s + QString::number(run.seed.id));
        return ServerResponse::json(200, QJsonDocument(details).toJson(QJsonDocument::Compact));
    }
    ServerResponse response;
    response.status = 204;
    return response;
}

ServerResponse GitHubServer::Private::listCommits(const ServerRequest &request, const QString &rest)
{
    const QString sha = request.queryValue(u"sha"_s).value_or(u"main"_s);
    const int head = commitIndex(sha.isEmpty() ? u"main"_s : sha);
    if (head < 0) {
        if (commits.isEmpty() && (sha.isEmpty() || sha == u"main"_s))
            return ServerResponse::json(409, errorBody(u"Git Repository is empty."_s, 409));
        return notFound(u"No commit found for SHA: "_s + sha);
    }
    QJsonArray all;
    for (int i = head; i >= 0; --i)
        all.append(commitJson(commits.at(i)));
    return paged(request, rest, all, {});
}

ServerResponse GitHubServer::Private::compare(const QString &basehead)
{
    const qsizetype dots = basehead.indexOf(u"..."_s);
    if (dots < 0)
        return notFound();
    const int base = commitIndex(basehead.left(dots));
    const int head = commitIndex(basehead.mid(dots + 3));
    if (base < 0 || head < 0)
        return notFound();
    QJsonObject object;
    object.insert(u"url"_s, repoApi() + u"/compare/"_s + basehead);
    object.insert(u"html_url"_s, htmlBase() + u"/compare/"_s + basehead);
    object.insert(u"permalink_url"_s, htmlBase() + u"/compare/"_s + commits.at(base).seed.sha + u"..."_s +
                                          commits.at(head).seed.sha);
    object.insert(u"diff_url"_s, htmlBase() + u"/compare/"_s + basehead + u".diff"_s);
    object.insert(u"patch_url"_s, htmlBase() + u"/compare/"_s + basehead + u".patch"_s);
    object.insert(u"base_commit"_s, commitJson(commits.at(base)));
    object.insert(u"merge_base_commit"_s, commitJson(commits.at(std::min(base, head))));
    const QString status = base == head ? u"identical"_s : head > base ? u"ahead"_s : u"behind"_s;
    object.insert(u"status"_s, status);
    object.insert(u"ahead_by"_s, std::max(0, head - base));
    object.insert(u"behind_by"_s, std::max(0, base - head));
    object.insert(u"total_commits"_s, std::max(0, head - base));
    QJsonArray list;
    for (int i = base + 1; i <= head; ++i)
        list.append(commitJson(commits.at(i)));
    object.insert(u"commits"_s, list);
    object.insert(u"files"_s, QJsonArray());
    return ServerResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

ServerResponse GitHubServer::Private::listReleases(const ServerRequest &request, const QString &rest)
{
    QJsonArray all;
    for (qsizetype i = releases.size() - 1; i >= 0; --i)
        all.append(releaseJson(releases.at(i)));
    return paged(request, rest, all, {});
}

ServerResponse GitHubServer::Private::createRelease(const ServerRequest &request)
{
    const QString documentation = u"https://docs.github.com/rest/releases/releases#create-a-release"_s;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return ServerResponse::json(400, errorBody(u"Problems parsing JSON"_s, 400, documentation));
    const QJsonObject object = document.object();
    const QString tag = object.value(u"tag_name"_s).toString();
    if (tag.isEmpty())
        return unprocessable(u"Invalid request.\n\n\"tag_name\" wasn't supplied."_s, documentation);
    for (const Release &release : std::as_const(releases)) {
        if (release.tag == tag)
            return ServerResponse::json(
                422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Release\",\"code\":"
                     "\"already_exists\",\"field\":\"tag_name\"}],\"documentation_url\":\"https://"
                     "docs.github.com/rest/releases/releases#create-a-release\",\"status\":\"422\"}");
    }
    QString target = object.value(u"target_commitish"_s).toString();
    if (target.isEmpty())
        target = u"main"_s;
    if (!tags.contains(tag)) {
        const int index = commitIndex(target);
        if (index < 0)
            return ServerResponse::json(
                422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Release\",\"code\":"
                     "\"invalid\",\"field\":\"target_commitish\"}],\"documentation_url\":" +
                         quoted(documentation) + ",\"status\":\"422\"}");
        tags.insert(tag, commits.at(index).seed.sha);
    }
    Release release;
    release.id = nextReleaseId++;
    release.tag = tag;
    release.target = target;
    release.name = object.value(u"name"_s).toString();
    release.body = object.value(u"body"_s).toString();
    release.draft = object.value(u"draft"_s).toBool();
    release.prerelease = object.value(u"prerelease"_s).toBool();
    release.createdAt = QDateTime::currentDateTimeUtc();
    releases.append(release);
    ServerResponse response =
        ServerResponse::json(201, QJsonDocument(releaseJson(release)).toJson(QJsonDocument::Compact));
    response.setHeader("Location", (repoApi() + u"/releases/"_s + QString::number(release.id)).toUtf8());
    return response;
}

ServerResponse GitHubServer::Private::generateNotes(const ServerRequest &request)
{
    const QString documentation =
        u"https://docs.github.com/rest/releases/releases#generate-release-notes-content-for-a-release"_s;
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return ServerResponse::json(400, errorBody(u"Problems parsing JSON"_s, 400, documentation));
    const QJsonObject object = document.object();
    const QString tag = object.value(u"tag_name"_s).toString();
    if (tag.isEmpty())
        return unprocessable(u"Invalid request.\n\n\"tag_name\" wasn't supplied."_s, documentation);
    int head = tags.contains(tag) ? commitIndex(tag) : -1;
    if (head < 0) {
        const QString target = object.value(u"target_commitish"_s).toString();
        head = commitIndex(target.isEmpty() ? u"main"_s : target);
    }
    if (head < 0)
        return notFound();
    int base = -1;
    const QString previous = object.value(u"previous_tag_name"_s).toString();
    if (!previous.isEmpty()) {
        base = commitIndex(previous);
        if (base < 0 || !tags.contains(previous))
            return notFound();
    } else {
        for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
            const int index = commitIndex(it.value());
            if (it.key() != tag && index < head && index > base)
                base = index;
        }
    }
    QString body = u"## What's Changed\n"_s;
    for (int i = head; i > base; --i) {
        const CommitSeed &seed = commits.at(i).seed;
        body += u"* %1 by @%2 in %3\n"_s.arg(seed.message.section(u'\n', 0, 0),
                                             seed.authorLogin.isEmpty() ? owner() : seed.authorLogin,
                                             seed.sha.left(7));
    }
    if (base >= 0) {
        QString previousTag = previous;
        for (auto it = tags.cbegin(); previousTag.isEmpty() && it != tags.cend(); ++it) {
            if (commitIndex(it.value()) == base)
                previousTag = it.key();
        }
        body += u"\n\n**Full Changelog**: %1/compare/%2...%3"_s.arg(htmlBase(), previousTag, tag);
    }
    QJsonObject notes;
    notes.insert(u"name"_s, tag);
    notes.insert(u"body"_s, body);
    return ServerResponse::json(200, QJsonDocument(notes).toJson(QJsonDocument::Compact));
}

GitHubServer::GitHubServer(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(std::move(options)))
{}

GitHubServer::~GitHubServer()
{
    delete d->server;
    d->server = nullptr;
}

bool GitHubServer::listen(quint16 port, QString *error)
{
    if (d->server) {
        if (error)
            *error = tr("The GitHub server is already listening on port %1.").arg(this->port());
        return false;
    }
    auto listener = std::make_unique<HttpListener>(
        1024 * 1024,
        [this](HttpConnection *connection, const ServerRequest &request) { d->handle(connection, request); },
        this);
    if (!listener->listen(port, error))
        return false;
    d->server = listener.release();
    return true;
}

quint16 GitHubServer::port() const
{
    return d->port();
}

QUrl GitHubServer::url() const
{
    return QUrl(d->apiBase());
}

QStringList GitHubServer::addCommits(const QList<CommitSeed> &commits)
{
    QStringList shas;
    for (CommitSeed seed : commits) {
        if (seed.sha.isEmpty())
            seed.sha = fakeSha(u"%1:%2:%3"_s.arg(d->commits.size()).arg(seed.message, d->options.repo));
        if (!seed.time.isValid())
            seed.time = QDateTime::currentDateTimeUtc().addSecs(-3600 + d->commits.size());
        if (seed.authorName.isEmpty())
            seed.authorName = d->owner();
        if (seed.authorEmail.isEmpty())
            seed.authorEmail = seed.authorName.toLower().remove(u' ') + u"@example.net"_s;
        Private::Commit commit;
        commit.seed = seed;
        commit.parent = d->commits.isEmpty() ? QString() : d->commits.constLast().seed.sha;
        d->commits.append(commit);
        shas.append(seed.sha);
    }
    return shas;
}

void GitHubServer::addRun(const RunSeed &run)
{
    Private::Run entry;
    entry.seed = run;
    if (entry.seed.id == 0) {
        entry.seed.id = d->nextRunId;
        d->nextRunId += 1 + QRandomGenerator::global()->bounded(5);
    }
    if (entry.seed.runNumber == 0) {
        int number = 0;
        for (const Private::Run &existing : std::as_const(d->runs))
            number = std::max(number, existing.seed.runNumber);
        entry.seed.runNumber = number + 1;
    }
    if (entry.seed.headSha.isEmpty() && !d->commits.isEmpty())
        entry.seed.headSha = d->commits.constLast().seed.sha;
    if (!entry.seed.createdAt.isValid())
        entry.seed.createdAt = QDateTime::currentDateTimeUtc().addSecs(-600 + entry.seed.runNumber);
    if (entry.seed.status != u"completed"_s)
        entry.seed.conclusion.clear();
    entry.updatedAt = entry.seed.createdAt.addSecs(90);
    d->runs.append(entry);
}

void GitHubServer::addTag(const QString &tag, const QString &sha)
{
    d->tags.insert(tag, sha);
}

void GitHubServer::addFault(const Fault &fault)
{
    if (fault.count == 0)
        return;
    d->faults.append(fault);
}

void GitHubServer::clearFaults()
{
    d->faults.clear();
}

void GitHubServer::setFaultProfile(const FaultInjector::Profile &profile)
{
    d->injector.setProfile(profile);
}

const FaultInjector &GitHubServer::faultInjector() const
{
    return d->injector;
}

int GitHubServer::requestCount() const
{
    return d->requestCount;
}

int GitHubServer::rateLimitRemaining() const
{
    return d->authenticated.remaining;
}

int GitHubServer::anonymousRateLimitRemaining() const
{
    return d->anonymous.remaining;
}

int GitHubServer::notModifiedCount() const
{
    return d->notModified;
}

} // namespace capstan
