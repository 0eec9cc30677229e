#include "ServerFixture.h"
#include "TestChartFactory.h"
#include "chart/ChartArchive.h"
#include "chart/ChartArchiveWriter.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "chartmuseum/ChartMuseumServer.h"
#include "chartmuseum/ChartVersionReader.h"
#include "net/HttpClient.h"
#include "text/Rfc3339.h"
#include "json/JsonReader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

template <typename T> struct Outcome
{
    std::optional<T> value;
    std::optional<ApiError> error;
};

// Runs the event loop until the future finishes, then splits it into value or ApiError.
template <typename T> Outcome<T> await(QFuture<T> future, int timeoutMs = 30000)
{
    QFutureWatcher<T> watcher;
    watcher.setFuture(future);
    if (!QTest::qWaitFor([&] { return watcher.isFinished(); }, timeoutMs))
        return {std::nullopt, ApiError(ApiError::Kind::Failed, QStringLiteral("test timed out"))};
    try {
        return {future.result(), std::nullopt};
    } catch (const ApiError &error) {
        return {std::nullopt, error};
    }
}

} // namespace

// The ChartMuseum client over the shared HTTP layer, against the in-repo ChartMuseum-compatible server.
class TstChartMuseum : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listsVersionsNewestFirst();
    void chartsListing();
    void versionLookup_data();
    void versionLookup();
    void downloadChecksDigest();
    void downloadDetectsChangedFile();
    void truncatedDownloadFails();
    void errors_data();
    void errors();
    void retriesIdempotentOnly();
    void recoversAfterTransient503();
    void retryPolicy_data();
    void retryPolicy();
    void retryAfterValues_data();
    void retryAfterValues();
    void connectionRefused();
    void timeout();
    void basicAuth();
    void multitenantAndContextPath();
    void health();
    void jsonSyntax_data();
    void jsonSyntax();
    void jsonValues();
    void readerMatchesServerJson();
    void readerSharesRepeatedStrings();
    void readerShapeErrors_data();
    void readerShapeErrors();
    void rfc3339_data();
    void rfc3339();

private:
    ChartMuseumClient *client(const QUrl &url, const QString &repo = {}, int timeoutMs = 5000);

    std::unique_ptr<ServerFixture> m_fixture;
    ChartMuseumServer *m_server = nullptr;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::vector<std::unique_ptr<QObject>> m_owned;
};

ChartMuseumClient *TstChartMuseum::client(const QUrl &url, const QString &repo, int timeoutMs)
{
    HttpClient::Options options;
    options.timeoutMs = timeoutMs;
    options.backoffMs = 10;
    options.serviceName = QStringLiteral("ChartMuseum");
    options.credentialName = QStringLiteral("chartmuseum");
    auto http = std::make_unique<HttpClient>(m_network.get(), url, options);
    auto cm = std::make_unique<ChartMuseumClient>(http.get(), repo);
    ChartMuseumClient *raw = cm.get();
    m_owned.push_back(std::move(cm));
    m_owned.push_back(std::move(http));
    return raw;
}

void TstChartMuseum::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    for (int build : {7, 10, 9, 100})
        m_fixture->putFile(QStringLiteral("torvalds-1.0.0-%1.tgz").arg(build),
                           TestChartFactory::chart(QStringLiteral("torvalds"),
                                                   QStringLiteral("1.0.0-%1").arg(build),
                                                   QStringLiteral("1.0")));
    m_fixture->putChart(QStringLiteral("torvalds"), QStringLiteral("0.9.0"));
    m_fixture->putChart(QStringLiteral("monitoring"), QStringLiteral("2.1.0"));
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
    m_server = m_fixture->server();
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TstChartMuseum::cleanup()
{
    m_owned.clear();
    m_server = nullptr;
    m_fixture.reset();
    m_network.reset();
}

void TstChartMuseum::listsVersionsNewestFirst()
{
    auto result = await(client(m_server->url())->versions(QStringLiteral("torvalds")));
    QVERIFY2(result.value, result.error ? qPrintable(result.error->toString()) : "");
    QStringList versions;
    for (const ChartVersion &v : *result.value)
        versions.append(v.version());
    // SemVer precedence: numeric prerelease identifiers compare as numbers, a release beats its prereleases.
    QCOMPARE(versions,
             (QStringList{QStringLiteral("1.0.0-100"), QStringLiteral("1.0.0-10"), QStringLiteral("1.0.0-9"),
                          QStringLiteral("1.0.0-7"), QStringLiteral("0.9.0")}));
    const ChartVersion &newest = result.value->first();
    QCOMPARE(newest.name(), QStringLiteral("torvalds"));
    QCOMPARE(newest.appVersion(), QStringLiteral("1.0"));
    QCOMPARE(newest.metadata.apiVersion, QStringLiteral("v2"));
    QVERIFY(newest.created.isValid());
    QCOMPARE(newest.digest.size(), 64);
    QCOMPARE(newest.urls, QStringList{QStringLiteral("charts/torvalds-1.0.0-100.tgz")});
}

void TstChartMuseum::chartsListing()
{
    auto result = await(client(m_server->url())->charts());
    QVERIFY2(result.value, result.error ? qPrintable(result.error->toString()) : "");
    QCOMPARE(result.value->keys(), (QStringList{QStringLiteral("monitoring"), QStringLiteral("torvalds")}));
    QCOMPARE(result.value->value(QStringLiteral("torvalds")).size(), 5);
}

void TstChartMuseum::versionLookup_data()
{
    QTest::addColumn<QString>("asked");
    QTest::addColumn<QString>("expected"); // empty: 404
    QTest::newRow("exact") << QStringLiteral("1.0.0-9") << QStringLiteral("1.0.0-9");
    QTest::newRow("latest skips prereleases") << QStringLiteral("latest") << QStringLiteral("0.9.0");
    QTest::newRow("range naming a prerelease") << QStringLiteral(">=1.0.0-0") << QStringLiteral("1.0.0-100");
    QTest::newRow("missing") << QStringLiteral("2.0.0") << QString();
}

void TstChartMuseum::versionLookup()
{
    QFETCH(QString, asked);
    QFETCH(QString, expected);
    auto result = await(client(m_server->url())->version(QStringLiteral("torvalds"), asked));
    if (expected.isEmpty()) {
        QVERIFY(result.error);
        QCOMPARE(result.error->status(), 404);
        QCOMPARE(result.error->exitCode(), ExitCode::NotFound);
        QVERIFY2(result.error->serverMessage().contains(QStringLiteral("no chart version found")),
                 qPrintable(result.error->serverMessage()));
        return;
    }
    QVERIFY2(result.value, result.error ? qPrintable(result.error->toString()) : "");
    QCOMPARE(result.value->version(), expected);
}

void TstChartMuseum::downloadChecksDigest()
{
    ChartMuseumClient *cm = client(m_server->url());
    auto entry = await(cm->version(QStringLiteral("torvalds"), QStringLiteral("1.0.0-10")));
    QVERIFY(entry.value);
    auto bytes = await(cm->download(*entry.value));
    QVERIFY2(bytes.value, bytes.error ? qPrintable(bytes.error->toString()) : "");
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(*bytes.value, QCryptographicHash::Sha256).toHex()),
             entry.value->digest);
    QString error;
    const auto archive = ChartArchive::read(*bytes.value, &error);
    QVERIFY2(archive, qPrintable(error));
    QCOMPARE(archive->metadata().version, QStringLiteral("1.0.0-10"));
}

void TstChartMuseum::downloadDetectsChangedFile()
{
    ChartMuseumClient *cm = client(m_server->url());
    auto entry = await(cm->version(QStringLiteral("torvalds"), QStringLiteral("1.0.0-7")));
    QVERIFY(entry.value);
    // The file changes on disk after the index listed its digest: the bytes no longer match.
    QFile changed(QDir(m_fixture->storageDirectory()).filePath(QStringLiteral("torvalds-1.0.0-7.tgz")));
    QVERIFY(changed.open(QIODevice::WriteOnly));
    changed.write(TestChartFactory::chart(QStringLiteral("torvalds"), QStringLiteral("1.0.0-7"),
                                          QStringLiteral("2.0")));
    changed.close();
    auto bytes = await(cm->download(*entry.value));
    QVERIFY(bytes.error);
    QCOMPARE(bytes.error->kind(), ApiError::Kind::Integrity);
    QCOMPARE(bytes.error->exitCode(), ExitCode::Failed);
    QVERIFY2(bytes.error->message().contains(QStringLiteral("does not match its digest")),
             qPrintable(bytes.error->message()));

    ChartVersion unlisted = *entry.value;
    unlisted.digest.clear();
    auto refused = await(cm->download(unlisted));
    QVERIFY(refused.error);
    QCOMPARE(refused.error->kind(), ApiError::Kind::Integrity);
}

void TstChartMuseum::truncatedDownloadFails()
{
    ChartMuseumClient *cm = client(m_server->url());
    auto entry = await(cm->version(QStringLiteral("torvalds"), QStringLiteral("1.0.0-9")));
    QVERIFY(entry.value);
    ChartMuseumServer::Fault fault;
    fault.kind = ChartMuseumServer::Fault::Kind::TruncateBody;
    fault.pathPrefix = QStringLiteral("/charts/");
    fault.count = -1;
    m_server->addFault(fault);
    auto bytes = await(cm->download(*entry.value));
    QVERIFY(bytes.error);
    QVERIFY2(bytes.error->kind() == ApiError::Kind::Integrity ||
                 bytes.error->kind() == ApiError::Kind::Network,
             qPrintable(bytes.error->toString()));
    QCOMPARE(bytes.error->exitCode() == ExitCode::Ok, false);
}

void TstChartMuseum::errors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("inMessage");
    using K = ApiError::Kind;
    QTest::newRow("401") << 401 << QByteArray(R"({"error":"unauthorized"})") << int(K::Http)
                         << int(ExitCode::Auth) << QStringLiteral("unauthorized");
    QTest::newRow("403") << 403 << QByteArray(R"({"error":"forbidden"})") << int(K::Http)
                         << int(ExitCode::Auth) << QStringLiteral("forbidden");
    QTest::newRow("404") << 404 << QByteArray(R"({"error":"chart not found"})") << int(K::Http)
                         << int(ExitCode::NotFound)
                         << QStringLiteral("There is no chart torvalds in http://");
    QTest::newRow("404 no route") << 404 << QByteArray(R"({"error":"not found"})") << int(K::Http)
                                  << int(ExitCode::NotFound) << QStringLiteral("has no chart API");
    QTest::newRow("500") << 500 << QByteArray(R"({"error":"disk on fire"})") << int(K::Http)
                         << int(ExitCode::Unreachable) << QStringLiteral("disk on fire");
    QTest::newRow("plain-text 413") << 413 << QByteArray("request too large") << int(K::Http)
                                    << int(ExitCode::Failed) << QStringLiteral("request too large");
    QTest::newRow("not JSON") << 200 << QByteArray("<html>login page</html>") << int(K::Decode)
                              << int(ExitCode::Failed) << QStringLiteral("not JSON");
    QTest::newRow("wrong shape: object") << 200 << QByteArray(R"({"versions":[]})") << int(K::Decode)
                                         << int(ExitCode::Failed) << QStringLiteral("not a JSON array");
    QTest::newRow("wrong shape: field type")
        << 200
        << QByteArray(R"([{"name":"torvalds","version":1,"urls":[],"created":"2026-01-01T00:00:00Z"}])")
        << int(K::Decode) << int(ExitCode::Failed) << QStringLiteral("field \"version\" is a number");
    QTest::newRow("wrong shape: bad time")
        << 200 << QByteArray(R"([{"name":"t","version":"1.0.0","urls":[],"created":"yesterday"}])")
        << int(K::Decode) << int(ExitCode::Failed) << QStringLiteral("RFC 3339");
}

void TstChartMuseum::errors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(int, exitCode);
    QFETCH(QString, inMessage);
    ChartMuseumServer::Fault fault;
    fault.kind = ChartMuseumServer::Fault::Kind::Status;
    fault.pathPrefix = QStringLiteral("/api/charts");
    fault.status = status;
    fault.body = body;
    fault.count = -1;
    m_server->addFault(fault);
    auto result = await(client(m_server->url())->versions(QStringLiteral("torvalds")));
    QVERIFY(result.error);
    QCOMPARE(int(result.error->kind()), kind);
    QCOMPARE(int(result.error->exitCode()), exitCode);
    QVERIFY2(result.error->toString().contains(inMessage), qPrintable(result.error->toString()));
    if (status == 401)
        QVERIFY(result.error->hint().contains(QStringLiteral("CAPSTAN_CHARTMUSEUM_PASSWORD")));
}

void TstChartMuseum::retriesIdempotentOnly()
{
    ChartMuseumServer::Fault fault;
    fault.kind = ChartMuseumServer::Fault::Kind::Status;
    fault.status = 503;
    fault.count = -1;
    m_server->addFault(fault);

    ChartMuseumClient *cm = client(m_server->url());
    const int before = m_server->requestCount();
    auto get = await(cm->versions(QStringLiteral("torvalds")));
    QVERIFY(get.error);
    QCOMPARE(get.error->status(), 503);
    QCOMPARE(get.error->exitCode(), ExitCode::Unreachable);
    QCOMPARE(m_server->requestCount() - before, cm->http()->options().maxAttempts);
    QVERIFY(get.error->hint().contains(QStringLiteral("Tried")));

    HttpRequest post;
    post.method = "POST";
    post.path = QStringLiteral("/api/charts");
    post.body = TestChartFactory::chart(QStringLiteral("x"), QStringLiteral("1.0.0"));
    const int beforePost = m_server->requestCount();
    auto posted = await(cm->http()->send(post));
    QVERIFY(posted.error);
    QCOMPARE(m_server->requestCount() - beforePost, 1);
}

void TstChartMuseum::recoversAfterTransient503()
{
    ChartMuseumServer::Fault fault;
    fault.kind = ChartMuseumServer::Fault::Kind::Status;
    fault.status = 503;
    fault.count = 2;
    m_server->addFault(fault);
    ChartMuseumClient *cm = client(m_server->url());
    const int before = m_server->requestCount();
    auto result = await(cm->versions(QStringLiteral("torvalds")));
    QVERIFY2(result.value, result.error ? qPrintable(result.error->toString()) : "");
    QCOMPARE(m_server->requestCount() - before, 3);

    ChartMuseumServer::Fault drop;
    drop.kind = ChartMuseumServer::Fault::Kind::CloseConnection;
    drop.count = 1;
    m_server->addFault(drop);
    auto again = await(cm->charts());
    QVERIFY2(again.value, again.error ? qPrintable(again.error->toString()) : "");
}

namespace {

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

} // namespace

// The HTTP layer's retry policy, seen from the server: which requests come again, how often, and what the
// error says when they stop.
void TstChartMuseum::retryPolicy_data()
{
    using Kind = ChartMuseumServer::Fault::Kind;
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("faultKind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("count"); // -1: every request
    QTest::addColumn<int>("maxRetryMs");
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<int>("requests"); // 0: not counted (the transport may resend on its own); -N: at most N
    QTest::addColumn<QString>("hint");

    const int status = int(Kind::Status);
    const QByteArray get = "GET";
    QTest::newRow("500 then success")
        << get << status << 500 << QByteArray() << 1 << 20000 << true << 2 << QString();
    QTest::newRow("502, 503 and 504 are retried too")
        << get << status << 502 << QByteArray() << 1 << 20000 << true << 2 << QString();
    QTest::newRow("429 with Retry-After seconds")
        << get << status << 429 << QByteArray("0") << 1 << 20000 << true << 2 << QString();
    QTest::newRow("429 with Retry-After date")
        << get << status << 429 << httpDate(QDateTime::currentDateTimeUtc()) << 1 << 20000 << true << 2
        << QString();
    // Honoured, but capped by what is left of the budget: one wait of 1.5 s, one more try, then the error.
    QTest::newRow("Retry-After seconds beyond the budget")
        << get << status << 503 << QByteArray("3600") << -1 << 1500 << false << 2 << u"Stopped retrying"_s;
    QTest::newRow("Retry-After date beyond the budget")
        << get << status << 429 << httpDate(QDateTime::currentDateTimeUtc().addSecs(3600)) << -1 << 1500
        << false << 2 << u"Stopped retrying"_s;
    QTest::newRow("connection closed")
        << get << int(Kind::CloseConnection) << 0 << QByteArray() << 1 << 20000 << true << 0 << QString();
    QTest::newRow("connection closed every time")
        << get << int(Kind::CloseConnection) << 0 << QByteArray() << -1 << 20000 << false << 0 << u"Tried"_s;
    QTest::newRow("attempts exhausted")
        << get << status << 500 << QByteArray() << -1 << 20000 << false << 6 << u"Tried 6 time"_s;
    QTest::newRow("budget exhausted")
        << get << status << 500 << QByteArray() << -1 << 0 << false << 1 << u"Stopped retrying"_s;
    QTest::newRow("404 is not retried")
        << get << status << 404 << QByteArray() << -1 << 20000 << false << 1 << QString();
    QTest::newRow("POST is not retried after 500")
        << QByteArray("POST") << status << 500 << QByteArray() << -1 << 20000 << false << 1 << QString();
    QTest::newRow("POST is not retried after 429")
        << QByteArray("POST") << status << 429 << QByteArray("0") << -1 << 20000 << false << 1 << QString();
    // Qt's transport resends a request once by itself when the connection closes before the answer (any
    // method, in Qt 6.4); Capstan's layer adds no retry of its own.
    QTest::newRow("POST is not retried after a closed connection")
        << QByteArray("POST") << int(Kind::CloseConnection) << 0 << QByteArray() << -1 << 20000 << false << -2
        << QString();
}

void TstChartMuseum::retryPolicy()
{
    QFETCH(QByteArray, method);
    QFETCH(int, faultKind);
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, count);
    QFETCH(int, maxRetryMs);
    QFETCH(bool, succeeds);
    QFETCH(int, requests);
    QFETCH(QString, hint);

    ChartMuseumServer::Fault fault;
    fault.kind = ChartMuseumServer::Fault::Kind(faultKind);
    fault.pathPrefix = QStringLiteral("/api/charts");
    fault.status = status;
    if (!retryAfter.isEmpty())
        fault.headers = {{QByteArrayLiteral("Retry-After"), retryAfter}};
    fault.count = count;
    m_server->addFault(fault);

    HttpClient::Options options;
    options.timeoutMs = 5000;
    options.backoffMs = 10;
    options.maxRetryMs = maxRetryMs;
    options.serviceName = QStringLiteral("ChartMuseum");
    HttpClient http(m_network.get(), m_server->url(), options);
    HttpRequest request;
    request.method = method;
    request.path = QStringLiteral("/api/charts");
    if (method == "POST") {
        request.body = TestChartFactory::chart(QStringLiteral("retried"), QStringLiteral("1.0.0"));
        request.contentType = QByteArrayLiteral("application/gzip");
    }
    const int before = m_server->requestCount();
    const auto result = await(http.send(request));
    QVERIFY2(bool(result.value) == succeeds,
             result.error ? qPrintable(result.error->toString() + u' ' + result.error->hint()) : "succeeded");
    if (requests > 0)
        QCOMPARE(m_server->requestCount() - before, requests);
    else if (requests < 0)
        QVERIFY(m_server->requestCount() - before <= -requests);
    else if (succeeds)
        QVERIFY(m_server->requestCount() - before >= 2);
    if (!hint.isEmpty()) {
        QVERIFY(result.error);
        QVERIFY2(result.error->hint().contains(hint), qPrintable(result.error->hint()));
    }
    if (result.error && result.error->status() >= 500 && requests > 1)
        QVERIFY2(result.error->hint().contains(u"Tried %1 time"_s.arg(requests)),
                 qPrintable(result.error->hint()));
}

void TstChartMuseum::retryAfterValues_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs"); // -1: unreadable
    QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
    QTest::newRow("zero") << QByteArray(" 0 ") << qint64(0);
    QTest::newRow("date ahead") << QByteArray("Sun, 06 Nov 1994 08:51:07 GMT") << qint64(90000);
    QTest::newRow("date past") << QByteArray("Sun, 06 Nov 1994 08:00:00 GMT") << qint64(0);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("words") << QByteArray("soon") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("date without GMT") << QByteArray("Sun, 06 Nov 1994 08:51:07") << qint64(-1);
}

void TstChartMuseum::retryAfterValues()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    const std::optional<qint64> parsed = HttpClient::retryAfterMs(value, now);
    QCOMPARE(parsed.value_or(-1), expectedMs);
}

void TstChartMuseum::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QUrl url(QStringLiteral("http://127.0.0.1"));
    url.setPort(port);
    auto result = await(client(url)->versions(QStringLiteral("torvalds")));
    QVERIFY(result.error);
    QCOMPARE(result.error->kind(), ApiError::Kind::Network);
    QCOMPARE(result.error->exitCode(), ExitCode::Unreachable);
    QVERIFY2(result.error->message().contains(QStringLiteral("Cannot reach ChartMuseum")),
             qPrintable(result.error->message()));
    QVERIFY(!result.error->hint().isEmpty());
}

void TstChartMuseum::timeout()
{
    ChartMuseumServer::Fault fault;
    fault.kind = ChartMuseumServer::Fault::Kind::Delay;
    fault.delayMs = 3000;
    fault.count = -1;
    m_server->addFault(fault);
    ChartMuseumClient *cm = client(m_server->url(), {}, 300);
    auto result = await(cm->versions(QStringLiteral("torvalds")));
    QVERIFY(result.error);
    QCOMPARE(result.error->kind(), ApiError::Kind::Timeout);
    QCOMPARE(result.error->exitCode(), ExitCode::Unreachable);
}

void TstChartMuseum::basicAuth()
{
    ChartMuseumServer::Options options;
    options.basicUser = QStringLiteral("admin");
    options.basicPassword = QStringLiteral("pa:ss w0rd");
    ServerFixture fixture(options);
    fixture.putChart(QStringLiteral("torvalds"), QStringLiteral("1.0.0-1"));
    QVERIFY(fixture.start());
    ChartMuseumServer &secured = *fixture.server();

    ChartMuseumClient *anonymous = client(secured.url());
    auto denied = await(anonymous->versions(QStringLiteral("torvalds")));
    QVERIFY(denied.error);
    QCOMPARE(denied.error->status(), 401);
    QCOMPARE(denied.error->exitCode(), ExitCode::Auth);
    QVERIFY(!denied.error->toString().contains(QStringLiteral("pa:ss w0rd")));

    ChartMuseumClient *wrong = client(secured.url());
    wrong->http()->setAuth(
        {HttpClient::Auth::Scheme::Basic, QStringLiteral("admin"), QStringLiteral("nope")});
    auto wrongResult = await(wrong->versions(QStringLiteral("torvalds")));
    QVERIFY(wrongResult.error);
    QVERIFY(!wrongResult.error->toString().contains(QStringLiteral("nope")));
    QVERIFY(!wrongResult.error->hint().contains(QStringLiteral("nope")));

    ChartMuseumClient *right = client(secured.url());
    right->http()->setAuth(
        {HttpClient::Auth::Scheme::Basic, QStringLiteral("admin"), QStringLiteral("pa:ss w0rd")});
    auto ok = await(right->versions(QStringLiteral("torvalds")));
    QVERIFY2(ok.value, ok.error ? qPrintable(ok.error->toString()) : "");
    QCOMPARE(secured.lastAuthorization(), QByteArray("Basic ") + QByteArray("admin:pa:ss w0rd").toBase64());
}

void TstChartMuseum::multitenantAndContextPath()
{
    ChartMuseumServer::Options options;
    options.depth = 1;
    options.contextPath = QStringLiteral("/cm");
    ServerFixture fixture(options);
    fixture.putChart(QStringLiteral("torvalds"), QStringLiteral("1.0.0-5"), QStringLiteral("team"));
    QVERIFY(fixture.start());
    ChartMuseumServer &tenant = *fixture.server();
    QVERIFY(tenant.url().path().endsWith(QStringLiteral("/cm")));

    ChartMuseumClient *cm = client(tenant.url(), QStringLiteral("team"));
    QCOMPARE(cm->apiPath(QStringLiteral("/charts")), QStringLiteral("/api/team/charts"));
    auto versions = await(cm->versions(QStringLiteral("torvalds")));
    QVERIFY2(versions.value, versions.error ? qPrintable(versions.error->toString()) : "");
    QCOMPARE(versions.value->size(), 1);
    auto bytes = await(cm->download(versions.value->first()));
    QVERIFY2(bytes.value, bytes.error ? qPrintable(bytes.error->toString()) : "");

    ChartMuseumClient *wrongDepth = client(tenant.url());
    auto missing = await(wrongDepth->versions(QStringLiteral("torvalds")));
    QVERIFY(missing.error);
    QCOMPARE(missing.error->status(), 404);
}

void TstChartMuseum::health()
{
    auto result = await(client(m_server->url())->health());
    QVERIFY2(result.value, result.error ? qPrintable(result.error->toString()) : "");
    QVERIFY(*result.value);
}

void TstChartMuseum::jsonSyntax_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::newRow("valid, every kind")
        << QByteArray(R"( {"a": [1, -2.5e3, 0, true, false, null, "x\"\u00e9\ud83d\ude00"], "b": {}} )")
        << QString();
    QTest::newRow("valid UTF-8") << QByteArray("[\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"]") << QString();
    QTest::newRow("empty text") << QByteArray("  ")
                                << u"line 1, column 3: the text ends where a value should be"_s;
    QTest::newRow("html") << QByteArray("<html>") << u"line 1, column 1: unexpected character '<'"_s;
    QTest::newRow("trailing comma in array")
        << QByteArray("[1,\n 2,]") << u"line 2, column 4: a comma before ']'"_s;
    QTest::newRow("trailing comma in object") << QByteArray(R"({"a":1,})") << u"a comma before '}'"_s;
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << u"line 1, column 6: expected ':'"_s;
    QTest::newRow("missing comma") << QByteArray(R"([1 2])") << u"expected ',' or ']'"_s;
    QTest::newRow("unquoted key") << QByteArray(R"({a:1})") << u"expected a member name in double quotes"_s;
    QTest::newRow("unterminated string")
        << QByteArray("[\"abc") << u"line 1, column 2: a string that never ends"_s;
    QTest::newRow("control character")
        << QByteArray("[\"a\tb\"]") << u"a control character inside a string"_s;
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])") << u"invalid escape \\x"_s;
    QTest::newRow("short unicode escape") << QByteArray(R"(["\u12"])") << u"four hex digits"_s;
    QTest::newRow("overlong UTF-8") << QByteArray("[\"\xc0\xaf\"]") << u"invalid UTF-8"_s;
    QTest::newRow("UTF-8 surrogate") << QByteArray("[\"\xed\xa0\x80\"]") << u"invalid UTF-8"_s;
    QTest::newRow("cut UTF-8") << QByteArray("[\"\xe2\x82\"]") << u"invalid UTF-8"_s;
    QTest::newRow("leading zero") << QByteArray("[01]") << u"expected ',' or ']'"_s;
    QTest::newRow("bare minus") << QByteArray("[-]") << u"a malformed number"_s;
    QTest::newRow("dot without digits") << QByteArray("[1.]") << u"a malformed number"_s;
    QTest::newRow("exponent without digits") << QByteArray("[1e+]") << u"a malformed number"_s;
    QTest::newRow("number too large") << QByteArray("[1e999]") << u"a number out of range"_s;
    QTest::newRow("misspelt literal") << QByteArray("[nul]") << u"unexpected text where a value should be"_s;
    QTest::newRow("text after the value")
        << QByteArray("[] []") << u"line 1, column 4: more text after the end"_s;
    QTest::newRow("unclosed array") << QByteArray("[1, 2") << u"the text ends inside an array"_s;
    QTest::newRow("too deep") << QByteArray(600, '[') << u"nested more than 512 levels deep"_s;
}

void TstChartMuseum::jsonSyntax()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    JsonReader reader(text);
    reader.skip();
    reader.finish();
    QCOMPARE(reader.failed(), !error.isEmpty());
    if (!error.isEmpty())
        QVERIFY2(reader.error().contains(error), qPrintable(reader.error()));
}

void TstChartMuseum::jsonValues()
{
    const QByteArray text =
        R"({"s": "a\"b\\c\/\n\u00e9\ud83d\ude00", "n": -12.5e1, "t": true, "f": false, "z": null, "l": [1]})";
    JsonReader reader(text);
    QVERIFY(reader.enterObject());
    QByteArrayView key;
    QVERIFY(reader.nextMember(key));
    QCOMPARE(key, QByteArrayView("s"));
    QCOMPARE(reader.string(), u"a\"b\\c/\n\u00e9\U0001F600"_s);
    QVERIFY(reader.nextMember(key));
    QCOMPARE(reader.number(), -125.0);
    QVERIFY(reader.nextMember(key));
    QCOMPARE(reader.boolean(), true);
    QVERIFY(reader.nextMember(key));
    QCOMPARE(reader.boolean(), false);
    QVERIFY(reader.nextMember(key));
    QCOMPARE(reader.peek(), JsonReader::Kind::Null);
    reader.null();
    QVERIFY(reader.nextMember(key));
    QCOMPARE(reader.peek(), JsonReader::Kind::Array);
    QCOMPARE(reader.string(), QString()); // the wrong kind is an error, and nothing is consumed
    QVERIFY(reader.failed());
    QVERIFY2(reader.error().contains(u"expected a string, found an array"_s), qPrintable(reader.error()));
    QVERIFY(!reader.nextMember(key));
}

// Every field the server writes, escapes and non-ASCII included, reads back as it was written.
void TstChartMuseum::readerMatchesServerJson()
{
    QList<ChartVersion> written;
    for (int i = 0; i < 40; ++i) {
        ChartVersion v;
        ChartMetadata &m = v.metadata;
        m.name = u"torvalds"_s;
        m.version = u"1.0.0-%1"_s.arg(i);
        m.apiVersion = u"v2"_s;
        m.appVersion = i % 3 ? u"0.17.%1"_s.arg(i) : QString();
        m.description = u"Linus\u2019 \"chart\"\n\ttab \\ slash / \U0001F680"_s;
        m.type = u"application"_s;
        m.home = u"https://example.org/torvalds"_s;
        m.icon = i % 2 ? u"https://example.org/icon.png"_s : QString();
        m.kubeVersion = u">=1.27.0-0"_s;
        m.sources = {u"https://example.org/src"_s, u"https://example.org/mirror"_s};
        m.keywords = i % 4 ? QStringList{u"git"_s, u"caldav"_s} : QStringList{};
        m.maintainers = {{u"Ada"_s, u"ada@example.org"_s, QString()},
                         {u"J\u00fcrgen"_s, QString(), u"https://x"_s}};
        if (i % 5 == 0)
            m.dependencies = {
                {u"redis"_s, u"18.x"_s, u"oci://example.org/charts"_s, u"redis.enabled"_s, u"cache"_s}};
        m.annotations = {{u"capstan.net/commit"_s, u"%1"_s.arg(i * 7919, 40, 16, QLatin1Char('0'))},
                         {u"category"_s, u"Git"_s}};
        m.deprecated = i == 7;
        v.urls = {u"charts/torvalds-%1.tgz"_s.arg(m.version)};
        v.created = QDateTime(QDate(2026, 12, 1), QTime(10, 0, i, i * 13), Qt::UTC);
        v.digest = QString::number(i).repeated(64).left(64);
        written.append(v);
    }
    QJsonArray array;
    for (const ChartVersion &v : written)
        array.append(v.toJson());
    for (const auto format : {QJsonDocument::Compact, QJsonDocument::Indented}) {
        const QByteArray json = QJsonDocument(array).toJson(format);
        ChartVersionReader reader(json);
        const std::optional<QList<ChartVersion>> read = reader.list(u"the versions"_s);
        QVERIFY2(read, qPrintable(reader.error()));
        QCOMPARE(read->size(), written.size());
        for (qsizetype i = 0; i < written.size(); ++i) {
            QCOMPARE(read->at(i).metadata, written.at(i).metadata);
            QCOMPARE(read->at(i).urls, written.at(i).urls);
            QCOMPARE(read->at(i).created, written.at(i).created);
            QCOMPARE(read->at(i).digest, written.at(i).digest);
        }
    }
    const QByteArray json = QJsonDocument(written.first().toJson()).toJson();
    ChartVersionReader one(json);
    const std::optional<ChartVersion> single = one.one();
    QVERIFY2(single, qPrintable(one.error()));
    QCOMPARE(single->metadata, written.first().metadata);
}

// 10,000 entries of one chart hold one copy of each string that is the same in all of them.
void TstChartMuseum::readerSharesRepeatedStrings()
{
    const QByteArray json =
        R"([{"name":"torvalds","version":"1.0.0-2","description":"d","urls":["a"],"annotations":{"k":"v"}},
                                {"name":"torvalds","version":"1.0.0-1","description":"d","urls":["b"],"annotations":{"k":"v"}}])";
    ChartVersionReader reader(json);
    const std::optional<QList<ChartVersion>> read = reader.list(u"the versions"_s);
    QVERIFY2(read, qPrintable(reader.error()));
    QCOMPARE(read->at(0).name().constData(), read->at(1).name().constData());
    QCOMPARE(read->at(0).metadata.description.constData(), read->at(1).metadata.description.constData());
    QVERIFY(read->at(0).version().constData() != read->at(1).version().constData());
    QCOMPARE(read->at(1).urls, QStringList{u"b"_s});
    QVERIFY(read->at(0).metadata.annotations.isSharedWith(read->at(1).metadata.annotations));
}

void TstChartMuseum::readerShapeErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray good =
        R"({"name":"t","version":"1.0.0","urls":["u"],"created":"2026-01-01T00:00:00Z"},)";
    QTest::newRow("an object, not an array")
        << QByteArray(R"({"versions":[]})") << u"the versions: not a JSON array but an object"_s;
    QTest::newRow("entry not an object")
        << QByteArray("[" + good + "3]") << u"entry 1 of the versions is a number, not an object"_s;
    QTest::newRow("version a number")
        << QByteArray(R"([{"name":"t","version":1}])")
        << u"entry 0 of the versions: chart version t: field \"version\" is a number, expected a string"_s;
    QTest::newRow("name missing") << QByteArray(R"([{"version":"1.0.0"}])")
                                  << u"chart version: field \"name\" is missing, expected a string"_s;
    QTest::newRow("name null") << QByteArray(R"([{"name":null,"version":"1.0.0"}])")
                               << u"field \"name\" is null, expected a string"_s;
    QTest::newRow("name empty") << QByteArray(R"([{"name":"","version":"1.0.0"}])")
                                << u"field \"name\" is empty"_s;
    QTest::newRow("url not a string")
        << QByteArray("[" + good + R"({"name":"t","version":"2.0.0","urls":["a",7]}])")
        << u"entry 1 of the versions: chart version t 2.0.0: field \"urls[1]\" is a number, expected a string"_s;
    QTest::newRow("urls an object") << QByteArray(R"([{"name":"t","version":"1","urls":{}}])")
                                    << u"field \"urls\" is an object, expected an array of strings"_s;
    QTest::newRow("maintainer email a number")
        << QByteArray(R"([{"name":"t","version":"1","maintainers":[{"name":"a","email":5}]}])")
        << u"field \"maintainers[0].email\" is a number, expected a string"_s;
    QTest::newRow("maintainer not an object")
        << QByteArray(R"([{"name":"t","version":"1","maintainers":["a"]}])")
        << u"field \"maintainers[0]\" is a string, expected an object"_s;
    QTest::newRow("annotation a boolean")
        << QByteArray(R"([{"name":"t","version":"1","annotations":{"k":true}}])")
        << u"field \"annotations.k\" is a boolean, expected a string"_s;
    QTest::newRow("deprecated a string") << QByteArray(R"([{"name":"t","version":"1","deprecated":"yes"}])")
                                         << u"field \"deprecated\" is a string, expected a boolean"_s;
    QTest::newRow("bad time") << QByteArray(R"([{"name":"t","version":"1","created":"yesterday"}])")
                              << u"field \"created\" is \"yesterday\", expected an RFC 3339 time"_s;
    QTest::newRow("impossible date")
        << QByteArray(R"([{"name":"t","version":"1","created":"2026-02-30T00:00:00Z"}])")
        << u"expected an RFC 3339 time"_s;
}

void TstChartMuseum::readerShapeErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    ChartVersionReader reader(json);
    QVERIFY(!reader.list(u"the versions"_s));
    QCOMPARE(reader.failure(), ChartVersionReader::Failure::Shape);
    QVERIFY2(reader.error().contains(error), qPrintable(reader.error()));
}

void TstChartMuseum::rfc3339_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: rejected
    const QDate day(2026, 11, 25);
    QTest::newRow("Z") << u"2026-11-25T21:28:47Z"_s << QDateTime(day, QTime(21, 28, 47), Qt::UTC);
    QTest::newRow("lower case") << u"2026-11-25t21:28:47z"_s << QDateTime(day, QTime(21, 28, 47), Qt::UTC);
    QTest::newRow("nanoseconds") << u"2026-11-25T21:28:47.337123456Z"_s
                                 << QDateTime(day, QTime(21, 28, 47, 337), Qt::UTC);
    QTest::newRow("tenths") << u"2026-11-25T21:28:47.5Z"_s << QDateTime(day, QTime(21, 28, 47, 500), Qt::UTC);
    QTest::newRow("offset") << u"2026-11-25T23:28:47+02:00"_s << QDateTime(day, QTime(21, 28, 47), Qt::UTC);
    QTest::newRow("negative offset") << u"2026-11-25T16:58:47.1-04:30"_s
                                     << QDateTime(day, QTime(21, 28, 47, 100), Qt::UTC);
    QTest::newRow("no zone") << u"2026-11-25T21:28:47"_s << QDateTime();
    QTest::newRow("empty fraction") << u"2026-11-25T21:28:47.Z"_s << QDateTime();
    QTest::newRow("February 30") << u"2026-02-30T21:28:47Z"_s << QDateTime();
    QTest::newRow("hour 24") << u"2026-11-25T24:00:00Z"_s << QDateTime();
    QTest::newRow("text after") << u"2026-11-25T21:28:47Zx"_s << QDateTime();
    QTest::newRow("words") << u"yesterday"_s << QDateTime();
}

void TstChartMuseum::rfc3339()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = Rfc3339::parse(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (!expected.isValid())
        return;
    QCOMPARE(parsed.toUTC(), expected);
    QCOMPARE(Rfc3339::parse(Rfc3339::format(parsed)), expected);
    QCOMPARE(Rfc3339::format(expected, Rfc3339::Precision::Seconds).size(), 20);
}

QTEST_GUILESS_MAIN(TstChartMuseum)
#include "tst_chartmuseum.moc"
