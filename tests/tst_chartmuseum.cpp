#include "ServerFixture.h"
#include "TestChartFactory.h"
#include "chart/ChartArchive.h"
#include "chart/ChartArchiveWriter.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "chartmuseum/ChartMuseumServer.h"
#include "net/HttpClient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;

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
    void connectionRefused();
    void timeout();
    void basicAuth();
    void multitenantAndContextPath();
    void health();

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
                         << int(ExitCode::NotFound) << QStringLiteral("chart not found");
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

QTEST_GUILESS_MAIN(TstChartMuseum)
#include "tst_chartmuseum.moc"
