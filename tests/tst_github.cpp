#include "TestHttp.h"
#include "app/ClientFactory.h"
#include "config/Config.h"
#include "credentials/CredentialStore.h"
#include "github/EtagCache.h"
#include "github/GitHubClient.h"
#include "github/GitHubServer.h"
#include "net/HttpClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

template <typename T> struct Outcome
{
    std::optional<T> value;
    std::optional<ApiError> error;
};

template <typename T> Outcome<T> await(QFuture<T> future, int timeoutMs = 30000)
{
    Outcome<T> outcome;
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!future.isFinished()) {
        outcome.error = ApiError(ApiError::Kind::Timeout, u"test: future did not finish"_s);
        return outcome;
    }
    try {
        outcome.value = future.result();
    } catch (const ApiError &error) {
        outcome.error = error;
    }
    return outcome;
}

constexpr qint64 beyond32Bits = (qint64(1) << 40) + 5;

} // namespace

// Why: the GitHub client and the in-repo GitHub server against the GitHub contract: paging, ETags, rate
// limits, errors, dispatch and releases.
class TstGithub : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GitHubServer> m_server;
    QStringList m_shas;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<GitHubClient> m_client;

    void startServer(GitHubServer::Options options = {}, int runCount = 5, int commitCount = 6)
    {
        m_client.reset();
        m_http.reset();
        if (options.token.isEmpty())
            options.token = u"good-token"_s;
        m_server = std::make_unique<GitHubServer>(options);
        QString error;
        QVERIFY2(m_server->listen(0, &error), qPrintable(error));
        QList<GitHubServer::CommitSeed> commits;
        for (int i = 0; i < commitCount; ++i) {
            GitHubServer::CommitSeed seed;
            seed.message = u"Change %1\n\nDetails of change %1"_s.arg(i);
            seed.authorLogin = u"dev%1"_s.arg(i % 2);
            seed.authorName = u"Dev %1"_s.arg(i % 2);
            seed.time = QDateTime(QDate(2026, 1, 1), QTime(10, i), Qt::UTC);
            commits.append(seed);
        }
        m_shas = m_server->addCommits(commits);
        for (int i = 0; i < runCount; ++i) {
            GitHubServer::RunSeed run;
            run.runNumber = i + 1;
            run.id = beyond32Bits + i * 7;
            run.headSha = m_shas.at(i % m_shas.size());
            run.createdAt = QDateTime(QDate(2026, 1, 2), QTime(0, 0), Qt::UTC).addSecs(i * 60);
            run.conclusion = i % 3 == 2 ? u"failure"_s : u"success"_s;
            m_server->addRun(run);
        }
    }

    GitHubClient *makeClient(EtagCache *cache = nullptr, const QString &token = u"good-token"_s,
                             const QString &repo = u"homelab/torvalds"_s, int timeoutMs = 10000,
                             int maxRateLimitWaitSeconds = 60)
    {
        m_client.reset();
        HttpClient::Options options;
        options.serviceName = u"GitHub"_s;
        options.credentialName = u"github"_s;
        options.backoffMs = 10;
        options.timeoutMs = timeoutMs;
        m_http = std::make_unique<HttpClient>(&m_network, m_server->url(), options);
        if (!token.isEmpty())
            m_http->setAuth({HttpClient::Auth::Scheme::Bearer, {}, token});
        GitHubClient::Options clientOptions;
        clientOptions.repo = repo;
        clientOptions.workflow = u"ci.yml"_s;
        clientOptions.maxRateLimitWaitSeconds = maxRateLimitWaitSeconds;
        clientOptions.dispatchPollIntervalMs = 100;
        m_client = std::make_unique<GitHubClient>(m_http.get(), clientOptions, cache);
        return m_client.get();
    }

private Q_SLOTS:
    void typesFromJson_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");

        const QByteArray run = "{\"id\":1099511627781,\"run_number\":7,\"status\":\"completed\","
                               "\"conclusion\":\"success\",\n            "
                               "\"head_sha\":\"abc1234def\",\"head_branch\":\"main\",\"event\":\"push\","
                               "\"head_commit\":{\"message\":\"Fix it\\n\\nmore\",\n            "
                               "\"timestamp\":\"2026-01-01T10:00:00Z\",\"author\":{\"name\":\"Dev\"}},"
                               "\"actor\":{\"login\":\"dev\"},\n            "
                               "\"created_at\":\"2026-01-02T00:00:00Z\",\"updated_at\":\"2026-01-02T00:01:"
                               "30Z\",\"html_url\":\"https://x/y\"}";
        QTest::newRow("run good") << u"run"_s << run << QString();
        QByteArray idString = run;
        idString.replace("1099511627781", "\"1099511627781\"");
        QTest::newRow("run id string") << u"run"_s << idString << u"workflow_runs[3].id is not a number"_s;
        QByteArray noSha = run;
        noSha.replace("\"head_sha\"", "\"head_shx\"");
        QTest::newRow("run without head_sha")
            << u"run"_s << noSha << u"workflow_runs[3].head_sha is missing"_s;
        QByteArray badTime = run;
        badTime.replace("2026-01-02T00:00:00Z", "yesterday");
        QTest::newRow("run bad created_at") << u"run"_s << badTime << u"workflow_runs[3].created_at"_s;
        QByteArray badAuthor = run;
        badAuthor.replace("{\"name\":\"Dev\"}", "42");
        QTest::newRow("run author not object")
            << u"run"_s << badAuthor << u"workflow_runs[3].head_commit.author is not an object"_s;
        QTest::newRow("run null status ok")
            << u"run"_s << QByteArray("{\"id\":5,\"status\":null,\"conclusion\":null,\"head_sha\":\"a\"}")
            << QString();
        QTest::newRow("job good")
            << u"job"_s
            << QByteArray("{\"id\":1,\"name\":\"build\",\"status\":\"completed\",\"conclusion\":null}")
            << QString();
        QTest::newRow("job without name")
            << u"job"_s << QByteArray("{\"id\":1,\"status\":\"queued\",\"conclusion\":null}")
            << u"workflow_runs[3].name is missing"_s;
        QTest::newRow("commit good")
            << u"commit"_s
            << QByteArray("{\"sha\":\"abc\",\"commit\":{\"message\":\"m\",\"author\":{\"name\":\"n\","
                          "\"date\":\"2026-01-01T00:00:00Z\"}},\"author\":null}")
            << QString();
        QTest::newRow("commit without commit")
            << u"commit"_s << QByteArray("{\"sha\":\"abc\"}") << u"workflow_runs[3].commit is missing"_s;
        QTest::newRow("release good")
            << u"release"_s
            << QByteArray("{\"id\":9,\"tag_name\":\"v1\",\"draft\":false,\"prerelease\":true}") << QString();
        QTest::newRow("release draft not bool")
            << u"release"_s << QByteArray("{\"id\":9,\"tag_name\":\"v1\",\"draft\":\"no\"}")
            << u"workflow_runs[3].draft is not true or false"_s;
        QTest::newRow("release negative id") << u"release"_s << QByteArray("{\"id\":-3,\"tag_name\":\"v1\"}")
                                             << u"workflow_runs[3].id is not a non-negative integer"_s;
        QTest::newRow("comparison good")
            << u"comparison"_s
            << QByteArray("{\"status\":\"ahead\",\"ahead_by\":1,\"total_commits\":1,\"commits\":[]}")
            << QString();
        QTest::newRow("comparison bad status")
            << u"comparison"_s << QByteArray("{\"status\":\"sideways\",\"commits\":[]}")
            << u"status is \"sideways\""_s;
        QTest::newRow("comparison bad commit")
            << u"comparison"_s << QByteArray("{\"status\":\"ahead\",\"commits\":[{\"sha\":\"a\"}]}")
            << u"commits[0].commit is missing"_s;
    }

    void typesFromJson()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        QVERIFY(!object.isEmpty());
        const QString where = u"workflow_runs[3]"_s;
        try {
            if (type == u"run"_s) {
                const WorkflowRun run = WorkflowRun::fromJson(object, where);
                if (run.status == u"completed"_s) {
                    QCOMPARE(run.id, beyond32Bits);
                    QCOMPARE(run.subject(), u"Fix it"_s);
                    QCOMPARE(run.commitAuthor, u"Dev"_s);
                    QCOMPARE(run.actor, u"dev"_s);
                    QVERIFY(run.isSuccess());
                } else {
                    QVERIFY(run.status.isEmpty());
                    QVERIFY(run.conclusion.isEmpty());
                }
            } else if (type == u"job"_s) {
                QCOMPARE(WorkflowJob::fromJson(object, where).name, u"build"_s);
            } else if (type == u"commit"_s) {
                const GitHubCommit commit = GitHubCommit::fromJson(object, where);
                QCOMPARE(commit.authorName, u"n"_s);
                QVERIFY(commit.authorLogin.isEmpty());
            } else if (type == u"release"_s) {
                QVERIFY(GitHubRelease::fromJson(object, where).prerelease);
            } else {
                QCOMPARE(GitHubComparison::fromJson(object).aheadBy, 1);
            }
            QVERIFY2(error.isEmpty(), "expected an error");
        } catch (const ApiError &e) {
            QVERIFY2(!error.isEmpty(), qPrintable(e.toString()));
            QCOMPARE(e.kind(), ApiError::Kind::Decode);
            QVERIFY2(e.toString().contains(error), qPrintable(e.toString()));
        }
    }

    void pagingFollowsLinkAcrossThreePages()
    {
        startServer({}, 250);
        GitHubClient *client = makeClient();
        const int before = m_server->requestCount();
        const auto outcome = await(client->runs(250));
        QVERIFY2(outcome.value, qPrintable(outcome.error->toString()));
        const QList<WorkflowRun> runs = *outcome.value;
        QCOMPARE(runs.size(), 250);
        QCOMPARE(m_server->requestCount() - before, 3);
        // Newest first, ids 64-bit and distinct.
        QCOMPARE(runs.first().runNumber, 250);
        QCOMPARE(runs.last().runNumber, 1);
        QCOMPARE(runs.last().id, beyond32Bits);
        QVERIFY(runs.first().id > (qint64(1) << 32));
        for (qsizetype i = 1; i < runs.size(); ++i)
            QVERIFY(runs.at(i - 1).createdAt >= runs.at(i).createdAt);

        // The Link header uses the numeric /repositories/{id} form, which the server serves as well.
        TestHttp http(&m_network);
        const TestHttp::Reply reply = http.send(
            "GET", QUrl(m_server->url().toString() + u"/repos/homelab/torvalds/actions/runs?per_page=100"_s),
            {{"Authorization", "token good-token"}, {"User-Agent", "test"}});
        QCOMPARE(reply.status, 200);
        const QByteArray link = reply.header("Link");
        QVERIFY2(link.contains("/repositories/123456789/actions/runs?per_page=100&page=2>; rel=\"next\""),
                 link.constData());
        QVERIFY2(link.contains("page=3>; rel=\"last\""), link.constData());
        QVERIFY(!link.contains("rel=\"prev\""));
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QVERIFY(reply.header("ETag").startsWith('"'));

        const TestHttp::Reply middle = http.send(
            "GET",
            QUrl(m_server->url().toString() + u"/repositories/123456789/actions/runs?per_page=100&page=2"_s),
            {{"Authorization", "token good-token"}, {"User-Agent", "test"}});
        QCOMPARE(middle.status, 200);
        const QByteArray middleLink = middle.header("Link");
        for (const char *rel : {"rel=\"prev\"", "rel=\"next\"", "rel=\"last\"", "rel=\"first\""})
            QVERIFY2(middleLink.contains(rel), middleLink.constData());
        QCOMPARE(QJsonDocument::fromJson(middle.body).object().value(u"total_count"_s).toInt(), 250);
        QCOMPARE(QJsonDocument::fromJson(middle.body).object().value(u"workflow_runs"_s).toArray().size(),
                 100);

        // A limit below the total stops early.
        const auto few = await(client->runs(30));
        QVERIFY(few.value);
        QCOMPARE(few.value->size(), 30);
    }

    void runAndJobsKeep64BitIds()
    {
        startServer({}, 3);
        GitHubClient *client = makeClient();
        const auto run = await(client->run(beyond32Bits + 14));
        QVERIFY2(run.value, qPrintable(run.error->toString()));
        QCOMPARE(run.value->id, beyond32Bits + 14);
        QCOMPARE(run.value->runNumber, 3);
        QCOMPARE(run.value->conclusion, u"failure"_s);
        QCOMPARE(run.value->headSha, m_shas.at(2));
        const auto jobs = await(client->jobs(beyond32Bits + 14));
        QVERIFY(jobs.value);
        QCOMPARE(jobs.value->size(), 2);
        QVERIFY(jobs.value->first().id > (qint64(1) << 32));
    }

    void etagWarmRefreshCostsNoRateLimit()
    {
        GitHubServer::Options options;
        options.rateLimit = 5000;
        startServer(options, 1000);
        QTemporaryDir dir;
        const QString file = dir.filePath(u"cache/github-etags.json"_s);
        EtagCache cache(file);
        GitHubClient *client = makeClient(&cache);
        QSignalSpy rateSpy(client, &GitHubClient::rateLimitChanged);

        const auto cold = await(client->runs(1000));
        QVERIFY2(cold.value, qPrintable(cold.error->toString()));
        QCOMPARE(cold.value->size(), 1000);
        QCOMPARE(client->requestsServedFromCache(), 0);
        QCOMPARE(m_server->rateLimitRemaining(), 5000 - 10);
        QCOMPARE(client->rateLimit().remaining, 5000 - 10);
        QCOMPARE(client->rateLimit().limit, 5000);
        QCOMPARE(rateSpy.count(), 10);

        const int remaining = m_server->rateLimitRemaining();
        const auto warm = await(client->runs(1000));
        QVERIFY2(warm.value, qPrintable(warm.error->toString()));
        QCOMPARE(warm.value->size(), 1000);
        QCOMPARE(warm.value->last().id, cold.value->last().id);
        QCOMPARE(client->requestsServedFromCache(), 10);
        QCOMPARE(m_server->notModifiedCount(), 10);
        QCOMPARE(m_server->rateLimitRemaining(), remaining);

        // The cache was written to its file; a fresh cache read from it serves a new client as well.
        QVERIFY(QFile::exists(file));
        EtagCache reloaded(file);
        QString warning;
        reloaded.load(&warning);
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QCOMPARE(reloaded.size(), 10);
        GitHubClient *second = makeClient(&reloaded);
        const auto fromFile = await(second->runs(1000));
        QVERIFY(fromFile.value);
        QCOMPARE(fromFile.value->size(), 1000);
        QCOMPARE(second->requestsServedFromCache(), 10);
        QCOMPARE(m_server->rateLimitRemaining(), remaining);

        // Another credential does not share entries.
        GitHubClient *other = makeClient(&reloaded, u"other"_s);
        Q_UNUSED(other)
        QVERIFY(reloaded.find(EtagCache::key(u"x"_s, u"good-token"_s)) == nullptr);
        QVERIFY(EtagCache::key(u"x"_s, u"a"_s) != EtagCache::key(u"x"_s, u"b"_s));
        QVERIFY(!EtagCache::key(u"x"_s, u"good-token"_s).contains(u"good-token"_s));
    }

    // A warm refresh sends the conditional GETs of every page the cache knows at once; when a new run
    // shifts every page, the answers still make one correct list with no run twice or missing.
    void warmRefreshAfterANewRunIsStillComplete()
    {
        startServer({}, 250);
        EtagCache cache;
        GitHubClient *client = makeClient(&cache);
        const auto cold = await(client->runs(250));
        QVERIFY2(cold.value, qPrintable(cold.error->toString()));
        QCOMPARE(cold.value->size(), 250);

        GitHubServer::RunSeed newest;
        newest.runNumber = 251;
        newest.headSha = m_shas.first();
        newest.createdAt = QDateTime(QDate(2026, 1, 3), QTime(0, 0), Qt::UTC);
        m_server->addRun(newest);

        const auto warm = await(client->runs(251));
        QVERIFY2(warm.value, qPrintable(warm.error->toString()));
        QCOMPARE(warm.value->size(), 251);
        QCOMPARE(warm.value->first().runNumber, 251);
        QSet<int> numbers;
        for (const WorkflowRun &run : *warm.value)
            numbers.insert(run.runNumber);
        QCOMPARE(numbers.size(), 251);
        QVERIFY(numbers.contains(1));

        const auto again = await(client->runs(251));
        QVERIFY(again.value);
        QCOMPARE(again.value->size(), 251);
        QCOMPARE(again.value->first().runNumber, 251);
    }

    void etagCacheCorruptFileStartsEmpty_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not json") << QByteArray("{\"version\":1, \"entries\": {");
        QTest::newRow("wrong version") << QByteArray("{\"version\":7,\"entries\":{}}");
        QTest::newRow("entry without etag")
            << QByteArray("{\"version\":1,\"entries\":{\"k\":{\"body\":\"eA==\"}}}");
    }

    void etagCacheCorruptFileStartsEmpty()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"etags.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        EtagCache cache(path);
        cache.store(u"old"_s, {"\"1\"", "x", {}, {}});
        QString warning;
        cache.load(&warning);
        QCOMPARE(cache.size(), 0);
        QVERIFY2(warning.contains(path), qPrintable(warning));
        cache.store(u"k"_s, {"\"e\"", "body", "<l>; rel=\"next\"", {}});
        QString error;
        QVERIFY2(cache.save(&error), qPrintable(error));
        EtagCache again(path);
        again.load(&warning);
        QVERIFY(again.find(u"k"_s));
        QCOMPARE(again.find(u"k"_s)->body, QByteArray("body"));
        QCOMPARE(again.find(u"k"_s)->link, QByteArray("<l>; rel=\"next\""));
        QVERIFY(again.find(u"k"_s)->fetched.isValid()); // stored now, kept across a restart
    }

    void badTokenIsAuthError()
    {
        startServer();
        GitHubClient *client = makeClient(nullptr, u"wrong"_s);
        const auto outcome = await(client->runs(10));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), ApiError::Kind::Http);
        QCOMPARE(outcome.error->status(), 401);
        QCOMPARE(outcome.error->exitCode(), ExitCode::Auth);
        QCOMPARE(outcome.error->serverMessage(), u"Bad credentials"_s);
        QVERIFY2(outcome.error->hint().contains(u"CAPSTAN_GITHUB_TOKEN"_s),
                 qPrintable(outcome.error->hint()));

        TestHttp http(&m_network);
        const TestHttp::Reply reply =
            http.send("GET", QUrl(m_server->url().toString() + u"/repos/homelab/torvalds/commits"_s),
                      {{"Authorization", "Bearer wrong"}, {"User-Agent", "test"}});
        QCOMPARE(reply.status, 401);
        QCOMPARE(
            reply.body,
            QByteArray(
                "{\"message\":\"Bad "
                "credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}"));
    }

    void missingUserAgentIsForbiddenHtml()
    {
        startServer();
        const QByteArray response = TestHttp::raw(
            m_server->port(),
            "GET /repos/homelab/torvalds/commits HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        const TestHttp::Reply reply = TestHttp::parseRaw(response);
        QCOMPARE(reply.status, 403);
        QVERIFY(reply.header("Content-Type").startsWith("text/html"));
        QVERIFY(reply.body.contains("User-Agent"));
    }

    void repositoryNotFound()
    {
        startServer();
        GitHubClient *client = makeClient(nullptr, u"good-token"_s, u"homelab/nope"_s);
        const auto outcome = await(client->runs(10));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), ApiError::Kind::NotFound);
        QCOMPARE(outcome.error->exitCode(), ExitCode::NotFound);
        QVERIFY2(
            outcome.error->toString().contains(u"repository homelab/nope not found or token lacks access"_s),
            qPrintable(outcome.error->toString()));
    }

    // GitHub's bare 404 becomes what was asked for, and where to look.
    void notFoundNamesWhat_data()
    {
        QTest::addColumn<QString>("workflow");
        QTest::addColumn<qint64>("runId");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");
        QTest::newRow("unknown workflow")
            << u"nope.yml"_s << qint64(0) << u"workflow nope.yml or repository homelab/torvalds not found"_s
            << u"Check github.workflow"_s;
        QTest::newRow("unknown run") << u"ci.yml"_s << qint64(4242)
                                     << u"CI run id 4242 in repository homelab/torvalds not found"_s
                                     << u"`capstan --cli builds` lists the runs."_s;
    }

    void notFoundNamesWhat()
    {
        QFETCH(QString, workflow);
        QFETCH(qint64, runId);
        QFETCH(QString, message);
        QFETCH(QString, hint);
        startServer();
        makeClient();
        GitHubClient::Options options;
        options.repo = u"homelab/torvalds"_s;
        options.workflow = workflow;
        GitHubClient client(m_http.get(), options, nullptr);
        const auto outcome = runId ? await(client.run(runId)).error : await(client.runs(10)).error;
        QVERIFY(outcome);
        QCOMPARE(outcome->exitCode(), ExitCode::NotFound);
        QVERIFY2(outcome->message().contains(message), qPrintable(outcome->message()));
        QVERIFY2(outcome->hint().contains(hint), qPrintable(outcome->hint()));
    }

    // The contract's anonymous access: public reads allowed against their own (far lower) limit with the
    // rate-limit headers; writes need a token (the client stops them before sending; the server says 401).
    void anonymousReadsPublicRepository()
    {
        m_client.reset();
        m_http.reset();
        GitHubServer::Options options; // no token: a public repository
        options.anonymousRateLimit = 60;
        m_server = std::make_unique<GitHubServer>(options);
        QString error;
        QVERIFY2(m_server->listen(0, &error), qPrintable(error));
        GitHubServer::CommitSeed commit;
        commit.message = u"Initial"_s;
        commit.authorLogin = u"ada"_s;
        commit.time = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
        m_shas = m_server->addCommits({commit});
        GitHubServer::RunSeed run;
        run.runNumber = 1;
        run.headSha = m_shas.first();
        run.createdAt = QDateTime(QDate(2026, 1, 2), QTime(0, 0), Qt::UTC);
        m_server->addRun(run);

        GitHubClient *client = makeClient(nullptr, QString());
        QVERIFY(client->isAnonymous());
        client->setAnonymousReason(u"no keychain is reachable (test)"_s);
        const auto runs = await(client->runs(10));
        QVERIFY2(runs.value, qPrintable(runs.error->toString()));
        QCOMPARE(runs.value->size(), 1);
        QCOMPARE(client->rateLimit().limit, 60);
        QCOMPARE(client->rateLimit().remaining, 59);
        QCOMPARE(m_server->anonymousRateLimitRemaining(), 59);
        QCOMPARE(m_server->rateLimitRemaining(), 5000); // requests with a token count elsewhere
        QVERIFY2(client->anonymousNote().contains(u"no keychain is reachable (test)"_s) &&
                     client->anonymousNote().contains(u"59 of 60 requests left"_s),
                 qPrintable(client->anonymousNote()));

        const int before = m_server->requestCount();
        const auto dispatched = await(client->dispatch(u"main"_s, {}));
        QVERIFY(dispatched.error);
        QCOMPARE(dispatched.error->kind(), ApiError::Kind::Credentials);
        QCOMPARE(dispatched.error->exitCode(), ExitCode::Auth);
        QVERIFY2(dispatched.error->message().contains(u"needs a token"_s) &&
                     dispatched.error->message().contains(u"no keychain is reachable (test)"_s),
                 qPrintable(dispatched.error->message()));
        QVERIFY2(dispatched.error->hint().contains(u"CAPSTAN_GITHUB_TOKEN"_s),
                 qPrintable(dispatched.error->hint()));
        QCOMPARE(m_server->requestCount(), before);

        TestHttp http(&m_network);
        const TestHttp::Reply reply =
            http.send("POST",
                      QUrl(m_server->url().toString() +
                           u"/repos/homelab/torvalds/actions/workflows/ci.yml/dispatches"_s),
                      {{"User-Agent", "test"}, {"Content-Type", "application/json"}}, "{\"ref\":\"main\"}");
        QCOMPARE(reply.status, 401);
        QVERIFY2(reply.body.contains("Requires authentication"), reply.body.constData());

        // Exhausted: 403 with remaining 0; the error names the reset and the way to a token.
        GitHubServer::Fault fault;
        fault.kind = GitHubServer::Fault::Kind::RateLimitExhausted;
        fault.retryAfterSeconds = 3600;
        m_server->addFault(fault);
        const auto limited = await(client->run(runs.value->first().id));
        QVERIFY(limited.error);
        QVERIFY2(limited.error->message().contains(u"resets at"_s), qPrintable(limited.error->message()));
        QVERIFY2(limited.error->hint().contains(u"anonymously"_s) &&
                     limited.error->hint().contains(u"credentials set github"_s),
                 qPrintable(limited.error->hint()));
    }

    void primaryRateLimitExhaustedFailsClearly()
    {
        GitHubServer::Options options;
        options.rateLimit = 2;
        startServer(options);
        GitHubClient *client = makeClient();
        QVERIFY(await(client->run(beyond32Bits)).value);
        QVERIFY(await(client->run(beyond32Bits + 7)).value);
        QCOMPARE(m_server->rateLimitRemaining(), 0);
        const int before = m_server->requestCount();
        const auto outcome = await(client->run(beyond32Bits + 14));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), ApiError::Kind::Failed);
        QVERIFY2(outcome.error->toString().contains(u"rate limit"_s), qPrintable(outcome.error->toString()));
        QVERIFY2(outcome.error->toString().contains(u"resets at"_s), qPrintable(outcome.error->toString()));
        QVERIFY2(outcome.error->serverMessage().contains(u"API rate limit exceeded"_s),
                 qPrintable(outcome.error->serverMessage()));
        QCOMPARE(m_server->requestCount() - before, 1);
        QCOMPARE(client->rateLimit().remaining, 0);
    }

    void primaryRateLimitShortResetWaitsOnce()
    {
        startServer();
        GitHubClient *client = makeClient();
        GitHubServer::Fault fault;
        fault.kind = GitHubServer::Fault::Kind::RateLimitExhausted;
        fault.retryAfterSeconds = 1; // resets in a second
        fault.count = 2;
        m_server->addFault(fault);
        const int before = m_server->requestCount();
        const auto outcome = await(client->runs(10));
        QVERIFY(outcome.error); // limited again after the one wait: no loop
        QVERIFY2(outcome.error->toString().contains(u"again after waiting"_s),
                 qPrintable(outcome.error->toString()));
        QCOMPARE(m_server->requestCount() - before, 2);
    }

    void secondaryRateLimitWaitsRetryAfter()
    {
        startServer();
        GitHubClient *client = makeClient();
        GitHubServer::Fault fault;
        fault.kind = GitHubServer::Fault::Kind::SecondaryRateLimit;
        fault.retryAfterSeconds = 1;
        m_server->addFault(fault);
        const int before = m_server->requestCount();
        const auto outcome = await(client->runs(10));
        QVERIFY2(outcome.value, qPrintable(outcome.error->toString()));
        QCOMPARE(outcome.value->size(), 5);
        QCOMPARE(m_server->requestCount() - before, 2);
    }

    void secondaryRateLimitTooLongFails()
    {
        startServer();
        GitHubClient *client = makeClient(nullptr, u"good-token"_s, u"homelab/torvalds"_s, 10000, 5);
        GitHubServer::Fault fault;
        fault.kind = GitHubServer::Fault::Kind::SecondaryRateLimit; // no retry-after: 60 s
        m_server->addFault(fault);
        const auto outcome = await(client->runs(10));
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->toString().contains(u"secondary rate limit"_s),
                 qPrintable(outcome.error->toString()));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void transientFaults_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<int>("expectedKind"); // -1: success
        QTest::newRow("503 then success")
            << int(GitHubServer::Fault::Kind::Status) << 503 << 0 << 10000 << -1;
        QTest::newRow("502 then success")
            << int(GitHubServer::Fault::Kind::Status) << 502 << 0 << 10000 << -1;
        QTest::newRow("500 then success")
            << int(GitHubServer::Fault::Kind::Status) << 500 << 0 << 10000 << -1;
        QTest::newRow("short delay") << int(GitHubServer::Fault::Kind::Delay) << 0 << 300 << 10000 << -1;
        QTest::newRow("closed then success")
            << int(GitHubServer::Fault::Kind::CloseConnection) << 0 << 0 << 10000 << -1;
    }

    void transientFaults()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(int, delayMs);
        QFETCH(int, timeoutMs);
        QFETCH(int, expectedKind);
        startServer();
        GitHubClient *client = makeClient(nullptr, u"good-token"_s, u"homelab/torvalds"_s, timeoutMs);
        GitHubServer::Fault fault;
        fault.kind = GitHubServer::Fault::Kind(kind);
        fault.status = status;
        fault.delayMs = delayMs;
        fault.pathPrefix = u"/repos/homelab/torvalds/actions"_s;
        m_server->addFault(fault);
        const auto outcome = await(client->runs(10));
        if (expectedKind < 0) {
            QVERIFY2(outcome.value, qPrintable(outcome.error->toString()));
            QCOMPARE(outcome.value->size(), 5);
        } else {
            QVERIFY(outcome.error);
            QCOMPARE(int(outcome.error->kind()), expectedKind);
            QCOMPARE(outcome.error->status(), status);
        }
    }

    void delayBeyondTimeoutFails()
    {
        startServer();
        GitHubClient *client = makeClient(nullptr, u"good-token"_s, u"homelab/torvalds"_s, 300);
        GitHubServer::Fault fault;
        fault.kind = GitHubServer::Fault::Kind::Delay;
        fault.delayMs = 3000;
        fault.count = -1;
        m_server->addFault(fault);
        const auto outcome = await(client->run(beyond32Bits));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), ApiError::Kind::Timeout);
    }

    void pageTwoFailingFailsTheListing()
    {
        startServer({}, 250);
        GitHubClient *client = makeClient();
        GitHubServer::Fault fault;
        fault.kind = GitHubServer::Fault::Kind::Status;
        fault.status = 500;
        fault.pathPrefix = u"/repositories/"_s;
        fault.query = u"page=2"_s;
        fault.count = -1; // a single 500 is retried
        m_server->addFault(fault);
        const auto outcome = await(client->runs(250));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->status(), 500);
        QVERIFY2(outcome.error->toString().contains(u"page=2"_s), qPrintable(outcome.error->toString()));
        QVERIFY2(outcome.error->toString().contains(u"page 2"_s), qPrintable(outcome.error->toString()));
    }

    void malformedJsonNamesTheUrl()
    {
        startServer();
        GitHubClient *client = makeClient();
        GitHubServer::Fault fault;
        fault.kind = GitHubServer::Fault::Kind::GarbageBody;
        fault.body = "<html>proxy login</html>";
        m_server->addFault(fault);
        const auto outcome = await(client->runs(10));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), ApiError::Kind::Decode);
        QVERIFY2(
            outcome.error->toString().contains(u"/repos/homelab/torvalds/actions/workflows/ci.yml/runs"_s),
            qPrintable(outcome.error->toString()));
    }

    void dispatchErrors_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown ref") << u"nope"_s << int(ApiError::Kind::NotFound)
                                     << u"No ref found for: nope"_s;
        QTest::newRow("bare sha") << u"0123456789abcdef"_s << int(ApiError::Kind::NotFound)
                                  << u"No ref found for: 0123456789abcdef"_s;
    }

    void dispatchErrors()
    {
        QFETCH(QString, ref);
        QFETCH(int, kind);
        QFETCH(QString, message);
        startServer();
        GitHubClient *client = makeClient();
        const auto outcome = await(client->dispatch(ref, {}));
        QVERIFY(outcome.error);
        QCOMPARE(int(outcome.error->kind()), kind);
        QVERIFY2(outcome.error->toString().contains(message), qPrintable(outcome.error->toString()));
    }

    void dispatchMissingRefBody()
    {
        startServer();
        TestHttp http(&m_network);
        const TestHttp::Reply reply =
            http.send("POST",
                      QUrl(m_server->url().toString() +
                           u"/repos/homelab/torvalds/actions/workflows/ci.yml/dispatches"_s),
                      {{"Authorization", "token good-token"},
                       {"User-Agent", "test"},
                       {"Content-Type", "application/json"}},
                      "{}");
        QCOMPARE(reply.status, 422);
        QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(u"message"_s).toString(),
                 u"Invalid request.\n\n\"ref\" wasn't supplied."_s);
        const TestHttp::Reply plain =
            http.send("POST",
                      QUrl(m_server->url().toString() +
                           u"/repos/homelab/torvalds/actions/workflows/ci.yml/dispatches"_s),
                      {{"Authorization", "token good-token"},
                       {"User-Agent", "test"},
                       {"Content-Type", "application/json"}},
                      "{\"ref\":\"main\"}");
        QCOMPARE(plain.status, 204);
        QVERIFY(plain.body.isEmpty());
    }

    void dispatchAndFollowRunToCompletion()
    {
        GitHubServer::Options options;
        options.dispatchRunMs = 900;
        options.dispatchConclusion = u"failure"_s;
        startServer(options);
        GitHubClient *client = makeClient();
        const auto dispatched = await(client->dispatch(u"main"_s, {{u"version"_s, u"1.0.0"_s}}));
        QVERIFY2(dispatched.value, qPrintable(dispatched.error->toString()));
        const qint64 id = *dispatched.value;
        QVERIFY(id > (qint64(1) << 32));

        QStringList statuses;
        WorkflowRun run;
        for (int i = 0; i < 200 && !run.isCompleted(); ++i) {
            const auto fetched = await(client->run(id));
            QVERIFY2(fetched.value, qPrintable(fetched.error->toString()));
            run = *fetched.value;
            if (statuses.isEmpty() || statuses.constLast() != run.status)
                statuses << run.status;
            if (!run.isCompleted())
                QTest::qWait(50);
        }
        QVERIFY(run.isCompleted());
        QCOMPARE(run.conclusion, u"failure"_s);
        QCOMPARE(run.event, u"workflow_dispatch"_s);
        QCOMPARE(run.headSha, m_shas.constLast());
        QCOMPARE(run.runNumber, 6);
        QCOMPARE(statuses.constLast(), u"completed"_s);
        QVERIFY(statuses.first() == u"queued"_s || statuses.first() == u"in_progress"_s);

        // The run shows up first in the workflow's runs list.
        const auto runs = await(client->runs(5));
        QVERIFY(runs.value);
        QCOMPARE(runs.value->first().id, id);
    }

    void dispatchWithoutRunDetailsFindsTheRun()
    {
        GitHubServer::Options options;
        options.returnsRunDetails = false;
        options.dispatchRunMs = 60000;
        startServer(options);
        GitHubClient *client = makeClient();
        const auto dispatched = await(client->dispatch(u"main"_s, {}));
        QVERIFY2(dispatched.value, qPrintable(dispatched.error->toString()));
        const auto runs = await(client->runs(10));
        QVERIFY(runs.value);
        QCOMPARE(runs.value->first().event, u"workflow_dispatch"_s);
        QCOMPARE(*dispatched.value, runs.value->first().id);
        QVERIFY(*dispatched.value != runs.value->at(1).id);
    }

    void releases()
    {
        startServer();
        GitHubClient *client = makeClient();
        const auto created = await(client->createRelease(u"v1.0.0"_s, m_shas.at(2), u"One"_s, u"notes"_s));
        QVERIFY2(created.value, qPrintable(created.error->toString()));
        QCOMPARE(created.value->tagName, u"v1.0.0"_s);
        QVERIFY(created.value->id > 0);

        const auto duplicate = await(client->createRelease(u"v1.0.0"_s, {}, {}, {}));
        QVERIFY(duplicate.error);
        QCOMPARE(duplicate.error->kind(), ApiError::Kind::Conflict);
        QCOMPARE(duplicate.error->exitCode(), ExitCode::Conflict);
        QVERIFY2(duplicate.error->toString().contains(u"v1.0.0 already exists"_s),
                 qPrintable(duplicate.error->toString()));

        TestHttp http(&m_network);
        const TestHttp::Reply reply = http.send(
            "POST", QUrl(m_server->url().toString() + u"/repos/homelab/torvalds/releases"_s),
            {{"Authorization", "token good-token"}, {"User-Agent", "test"}}, "{\"tag_name\":\"v1.0.0\"}");
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.body,
                 QByteArray("{\"message\":\"Validation "
                            "Failed\",\"errors\":[{\"resource\":\"Release\",\"code\":\"already_exists\","
                            "\"field\":\"tag_name\"}],\"documentation_url\":\"https://docs.github.com/rest/"
                            "releases/releases#create-a-release\",\"status\":\"422\"}"));

        QVERIFY(await(client->createRelease(u"v1.1.0"_s, {}, u"Two"_s, {})).value);
        const auto list = await(client->releases(10));
        QVERIFY(list.value);
        QCOMPARE(list.value->size(), 2);
        QCOMPARE(list.value->first().tagName, u"v1.1.0"_s);

        const auto notes = await(client->generateNotes(u"v1.1.0"_s, {}, u"v1.0.0"_s));
        QVERIFY2(notes.value, qPrintable(notes.error->toString()));
        QCOMPARE(notes.value->first, u"v1.1.0"_s);
        QVERIFY2(notes.value->second.contains(u"Change 5 by @dev1"_s), qPrintable(notes.value->second));
        QVERIFY(!notes.value->second.contains(u"Change 2 "_s));
    }

    void compare_data()
    {
        QTest::addColumn<int>("base");
        QTest::addColumn<int>("head");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("ahead");
        QTest::addColumn<int>("behind");
        QTest::newRow("ahead") << 1 << 4 << u"ahead"_s << 3 << 0;
        QTest::newRow("identical") << 3 << 3 << u"identical"_s << 0 << 0;
        QTest::newRow("behind") << 5 << 2 << u"behind"_s << 0 << 3;
    }

    void compare()
    {
        QFETCH(int, base);
        QFETCH(int, head);
        QFETCH(QString, status);
        QFETCH(int, ahead);
        QFETCH(int, behind);
        startServer();
        GitHubClient *client = makeClient();
        const auto outcome = await(client->compare(m_shas.at(base), m_shas.at(head)));
        QVERIFY2(outcome.value, qPrintable(outcome.error->toString()));
        QCOMPARE(outcome.value->status, status);
        QCOMPARE(outcome.value->aheadBy, ahead);
        QCOMPARE(outcome.value->behindBy, behind);
        QCOMPARE(outcome.value->totalCommits, ahead);
        QCOMPARE(outcome.value->commits.size(), ahead);
        for (int i = 0; i < ahead; ++i) // oldest first
            QCOMPARE(outcome.value->commits.at(i).sha, m_shas.at(base + 1 + i));

        const auto unknown = await(client->compare(m_shas.at(base), u"nope"_s));
        QVERIFY(unknown.error);
        QCOMPARE(unknown.error->kind(), ApiError::Kind::NotFound);
    }

    void commitsBySha()
    {
        startServer({}, 0, 40);
        GitHubClient *client = makeClient();
        const auto outcome = await(client->commits(m_shas.at(35), 100));
        QVERIFY2(outcome.value, qPrintable(outcome.error->toString()));
        QCOMPARE(outcome.value->size(), 36);
        QCOMPARE(outcome.value->first().sha, m_shas.at(35));
        QCOMPARE(outcome.value->first().subject(), u"Change 35"_s);
        QCOMPARE(outcome.value->last().sha, m_shas.first());
        const auto unknown = await(client->commits(u"deadbeefdeadbeef"_s, 10));
        QVERIFY(unknown.error);
        QVERIFY2(unknown.error->toString().contains(u"No commit found for SHA: deadbeefdeadbeef"_s),
                 qPrintable(unknown.error->toString()));
    }

    void gitHubEnterprisePrefix()
    {
        GitHubServer::Options options;
        options.apiPrefix = u"/api/v3"_s;
        startServer(options, 120);
        QVERIFY(m_server->url().path() == u"/api/v3"_s);
        GitHubClient *client = makeClient();
        const auto outcome = await(client->runs(120));
        QVERIFY2(outcome.value, qPrintable(outcome.error->toString()));
        QCOMPARE(outcome.value->size(), 120);
    }

    void factory_data()
    {
        QTest::addColumn<bool>("section");
        QTest::addColumn<QString>("repo");
        QTest::addColumn<QString>("error");
        QTest::newRow("no section") << false << QString() << u"no \"github\" section"_s;
        QTest::newRow("no repo") << true << QString() << u"github.repo is missing"_s;
        QTest::newRow("bad repo") << true << u"just-a-name"_s << u"not of the form owner/name"_s;
        QTest::newRow("good") << true << u"homelab/torvalds"_s << QString();
    }

    void factory()
    {
        QFETCH(bool, section);
        QFETCH(QString, repo);
        QFETCH(QString, error);
        startServer();
        QProcessEnvironment environment;
        environment.insert(u"CAPSTAN_GITHUB_TOKEN"_s, u"good-token"_s);
        CredentialStore credentials(environment, u"capstan-test-github"_s);
        ClientFactory factory(&m_network, &credentials);
        EtagCache cache;
        factory.setEtagCache(&cache);
        Config config;
        config.file = u"capstan.yaml"_s;
        if (section) {
            config.github.emplace();
            config.github->url = m_server->url();
            config.github->repo = repo;
            config.github->workflow = u"ci.yml"_s;
        }
        const auto outcome = await(factory.gitHub(config));
        if (!error.isEmpty()) {
            QVERIFY(outcome.error);
            QCOMPARE(outcome.error->kind(), ApiError::Kind::Config);
            QVERIFY2(outcome.error->toString().contains(error), qPrintable(outcome.error->toString()));
            return;
        }
        QVERIFY2(outcome.value, qPrintable(outcome.error->toString()));
        GitHubClient *client = *outcome.value;
        QVERIFY(client->http()->hasAuth());
        const auto runs = await(client->runs(10));
        QVERIFY2(runs.value, qPrintable(runs.error->toString()));
        QCOMPARE(runs.value->size(), 5);
        QVERIFY(cache.size() > 0);
    }

    // Which token the factory uses: a set variable wins (empty is an error: it says a token should exist);
    // with none configured (no variable, no keychain entry or no keychain) the client reads anonymously and
    // says why. github.timeout reaches the HTTP layer and its hint.
    void factoryTokenPolicy_data()
    {
        QTest::addColumn<bool>("variableSet");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("error");
        QTest::newRow("token") << true << u"good-token"_s << QString();
        QTest::newRow("empty variable") << true << QString() << u"CAPSTAN_GITHUB_TOKEN is set but empty"_s;
        QTest::newRow("none configured") << false << QString() << QString();
    }

    void factoryTokenPolicy()
    {
        QFETCH(bool, variableSet);
        QFETCH(QString, token);
        QFETCH(QString, error);
        startServer();
        QProcessEnvironment environment;
        if (variableSet)
            environment.insert(u"CAPSTAN_GITHUB_TOKEN"_s, token);
        // A service name no keychain holds: "none configured" whether a keychain is reachable or not.
        CredentialStore credentials(environment, u"capstan-test-github-none"_s);
        ClientFactory factory(&m_network, &credentials);
        EtagCache cache;
        factory.setEtagCache(&cache);
        Config config;
        config.github.emplace();
        config.github->url = m_server->url();
        config.github->repo = u"homelab/torvalds"_s;
        config.github->workflow = u"ci.yml"_s;
        config.github->timeoutSeconds = 7;
        const auto outcome = await(factory.gitHub(config));
        if (!error.isEmpty()) {
            QVERIFY(outcome.error);
            QCOMPARE(outcome.error->exitCode(), ExitCode::Auth);
            QVERIFY2(outcome.error->toString().contains(error), qPrintable(outcome.error->toString()));
            return;
        }
        QVERIFY2(outcome.value, qPrintable(outcome.error->toString()));
        GitHubClient *client = *outcome.value;
        QCOMPARE(client->http()->options().timeoutMs, 7000);
        QCOMPARE(client->http()->options().timeoutKey, u"github.timeout"_s);
        QCOMPARE(client->isAnonymous(), token.isEmpty());
        if (token.isEmpty())
            QVERIFY2(client->anonymousReason().contains(u"CAPSTAN_GITHUB_TOKEN is not set"_s),
                     qPrintable(client->anonymousReason()));
    }
};

QTEST_GUILESS_MAIN(TstGithub)
#include "tst_github.moc"
