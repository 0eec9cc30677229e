#include "Sandbox.h"
#include "SandboxSeeder.h"
#include "ServerFixture.h"
#include "TestChartFactory.h"
#include "TestHttp.h"
#include "argocd/ArgoCdServer.h"
#include "chart/ChartArchive.h"
#include "chartmuseum/ChartMuseumServer.h"
#include "github/GitHubServer.h"
#include "http/FaultInjector.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;
using Headers = QList<std::pair<QByteArray, QByteArray>>;
using Fault = ChartMuseumServer::Fault;

Q_DECLARE_METATYPE(Headers)
Q_DECLARE_METATYPE(ChartMuseumServer::Fault::Kind)

namespace {

// One client per test: a fresh QNetworkAccessManager (its own keep-alive connections).
struct Client
{
    QNetworkAccessManager manager;
    TestHttp http{&manager};
};

QUrl urlFor(const ServerFixture &fixture, const QByteArray &pathAndQuery)
{
    return QUrl::fromEncoded("http://127.0.0.1:" + QByteArray::number(fixture.server()->port()) +
                             pathAndQuery);
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QStringList versionsOf(const QByteArray &jsonArray)
{
    QStringList versions;
    const QJsonArray array = QJsonDocument::fromJson(jsonArray).array();
    for (const QJsonValue &value : array)
        versions.append(value.toObject().value(u"version"_s).toString());
    return versions;
}

// Checks a body against an expectation: exact, "^prefix" or "*contained".
bool bodyMatches(const QByteArray &body, const QByteArray &expected)
{
    if (expected.startsWith('^'))
        return body.startsWith(expected.mid(1));
    if (expected.startsWith('*'))
        return body.contains(expected.mid(1));
    return body == expected;
}

QByteArray multipartBody(const QByteArray &boundary,
                         const QList<std::pair<QByteArray, QByteArray>> &dispositionsAndData)
{
    QByteArray body;
    for (const auto &[disposition, data] : dispositionsAndData) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; " + disposition +
                "\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return body;
}

bool setMtime(const QString &path, const QDateTime &time)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.setFileTime(time, QFileDevice::FileModificationTime);
}

QString helmBinary()
{
    return QString::fromUtf8(CAPSTAN_HELM);
}

} // namespace

// Why: the ChartMuseum-compatible server is what every integration test and the sandbox talk to; these tests
// hold it to the contract in /work/shared/api/chartmuseum.md with raw HTTP, not through Capstan's client.
class TestChartMuseumServer : public QObject
{
    Q_OBJECT

private:
    static bool startRoutesFixture(ServerFixture &fixture)
    {
        return fixture.putChart(u"alpha"_s, u"0.9.0"_s) && fixture.putChart(u"alpha"_s, u"1.0.0"_s) &&
               fixture.putChart(u"alpha"_s, u"1.0.0-1"_s) && fixture.putChart(u"alpha"_s, u"1.1.0-rc.1"_s) &&
               fixture.putChart(u"beta"_s, u"2.0.0"_s) && fixture.putChart(u"pre"_s, u"1.0.0-1"_s) &&
               fixture.putChart(u"pre"_s, u"1.0.0-2"_s) && fixture.start();
    }

    bool runHelm(const QStringList &arguments, const QProcessEnvironment &environment, QByteArray *output,
                 const QByteArray &input = {})
    {
        QProcess helm;
        helm.setProcessEnvironment(environment);
        helm.start(helmBinary(), arguments);
        if (!helm.waitForStarted(10000))
            return false;
        if (!input.isEmpty())
            helm.write(input);
        helm.closeWriteChannel();
        // The server lives in this thread: wait with the event loop running, never block it.
        QSignalSpy finished(&helm, &QProcess::finished);
        if (!finished.wait(120000))
            return false;
        *output = helm.readAllStandardOutput() + helm.readAllStandardError();
        return helm.exitStatus() == QProcess::NormalExit && helm.exitCode() == 0;
    }

    QProcessEnvironment helmEnvironment(const QTemporaryDir &home)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HELM_CACHE_HOME"_s, home.filePath(u"cache"_s));
        environment.insert(u"HELM_CONFIG_HOME"_s, home.filePath(u"config"_s));
        environment.insert(u"HELM_DATA_HOME"_s, home.filePath(u"data"_s));
        environment.insert(u"HOME"_s, home.path());
        return environment;
    }

    bool skipWithoutHelm()
    {
        if (!helmBinary().isEmpty() && QFileInfo(helmBinary()).isExecutable())
            return false;
        return true;
    }

private Q_SLOTS:
    void routes_data();
    void routes();
    void chartVersionJsonIsGoEncoded();
    void versionsAreSortedBySemVerPrecedence();
    void indexYamlIsHelmStyle();
    void depthAndContextPath_data();
    void depthAndContextPath();
    void dotSegmentsAreNoRepos();
    void basicAuth_data();
    void basicAuth();
    void bearerAuth_data();
    void bearerAuth();
    void uploadOverwriteRules_data();
    void uploadOverwriteRules();
    void uploadRejectsBadPackages_data();
    void uploadRejectsBadPackages();
    void multipartUpload_data();
    void multipartUpload();
    void provenanceUpload();
    void deleteChart();
    void disabledRoutes();
    void bigBodiesAreChunked();
    void headResponsesHaveNoBody();
    void requestIdIsEchoedOrGenerated();
    void tooLargeUploadIsPlainText();
    void keepAliveServesPipelinedRequests();
    void chunkedUploadIsAccepted();
    void faults_data();
    void faults();
    void faultsAreConsumedAndScopedByPath();
    void delayDoesNotBlockOtherRequests();
    void truncateAndCloseBreakTheResponse();
    void rescanPicksUpFilesOnDisk();
    void seedHomelabWritesAValidHistory();
    void seedManyWritesManyVersionsQuickly();
    void sandboxServesSeededChartsWithPassword();
    void faultProfiles_data();
    void faultProfiles();
    void randomFaults_data();
    void randomFaults();
    void randomDropAppliesTheChange();
    void sandboxTakesFaultsFromTheEnvironment();
    void helmSearchListsAllVersions();
    void helmPullMatchesIndexDigest();
};

void TestChartMuseumServer::routes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType"); // "-": must be absent; empty: not checked
    QTest::addColumn<QByteArray>("body");        // exact, "^prefix" or "*contained"; empty: must be empty
    QTest::addColumn<QString>("version");        // "version" of the ChartVersion answered, if any

    const QByteArray json = "application/json; charset=utf-8";
    const QByteArray notFound = "{\"error\":\"not found\"}";
    const QByteArray templateData = TestChartFactory::entries(u"alpha"_s, u"1.0.0"_s).at(2).data.toBase64();

    QTest::newRow("welcome") << QByteArray("GET") << QByteArray("/") << 200 << QByteArray("text/html")
                             << QByteArray("*<h1>Welcome to ChartMuseum!</h1>") << QString();
    QTest::newRow("health") << QByteArray("GET") << QByteArray("/health") << 200 << json
                            << QByteArray("{\"healthy\":true}") << QString();
    QTest::newRow("info") << QByteArray("GET") << QByteArray("/info") << 200 << json
                          << QByteArray("{\"version\":\"v0.16.5\"}") << QString();
    QTest::newRow("index.yaml") << QByteArray("GET") << QByteArray("/index.yaml") << 200
                                << QByteArray("application/x-yaml")
                                << QByteArray("^apiVersion: v1\nentries:\n  alpha:\n  - apiVersion: v2\n")
                                << QString();
    QTest::newRow("index.yaml HEAD") << QByteArray("HEAD") << QByteArray("/index.yaml") << 200
                                     << QByteArray("-") << QByteArray() << QString();
    QTest::newRow("download") << QByteArray("GET") << QByteArray("/charts/alpha-1.0.0.tgz") << 200
                              << QByteArray("application/x-tar") << QByteArray("^\x1f\x8b") << QString();
    QTest::newRow("download missing") << QByteArray("GET") << QByteArray("/charts/alpha-7.0.0.tgz") << 404
                                      << json << QByteArray("{\"error\":\"object not found\"}") << QString();
    QTest::newRow("download bad extension")
        << QByteArray("GET") << QByteArray("/charts/alpha-1.0.0.zip") << 500 << json
        << QByteArray("{\"error\":\"unsupported file extension\"}") << QString();
    QTest::newRow("download HEAD is no route") << QByteArray("HEAD") << QByteArray("/charts/alpha-1.0.0.tgz")
                                               << 404 << json << QByteArray() << QString();
    QTest::newRow("list")
        << QByteArray("GET") << QByteArray("/api/charts") << 200 << json
        << QByteArray("^{\"alpha\":[{\"name\":\"alpha\",\"version\":\"1.1.0-rc.1\",\"description\":"
                      "\"A test chart\",\"apiVersion\":\"v2\",\"appVersion\":\"1.0.0\",\"type\":"
                      "\"application\",\"urls\":[\"charts/alpha-1.1.0-rc.1.tgz\"],\"created\":\"")
        << QString();
    QTest::newRow("list page") << QByteArray("GET") << QByteArray("/api/charts?offset=1&limit=1") << 200
                               << json << QByteArray("^{\"beta\":[{\"name\":\"beta\",\"version\":\"2.0.0\"")
                               << QString();
    QTest::newRow("list offset without limit") << QByteArray("GET") << QByteArray("/api/charts?offset=1")
                                               << 200 << json << QByteArray("{}") << QString();
    QTest::newRow("list offset past end") << QByteArray("GET") << QByteArray("/api/charts?offset=5&limit=2")
                                          << 200 << json << QByteArray("{}") << QString();
    QTest::newRow("list negative offset")
        << QByteArray("GET") << QByteArray("/api/charts?offset=-1") << 400 << json
        << QByteArray("{\"error\":\"offset is not a valid non-negative integer\"}") << QString();
    QTest::newRow("list text offset")
        << QByteArray("GET") << QByteArray("/api/charts?offset=abc&limit=1") << 400 << json
        << QByteArray("{\"error\":\"offset is not a valid non-negative integer\"}") << QString();
    QTest::newRow("list zero limit") << QByteArray("GET") << QByteArray("/api/charts?limit=0") << 400 << json
                                     << QByteArray("{\"error\":\"limit is not a valid positive integer\"}")
                                     << QString();
    QTest::newRow("chart") << QByteArray("GET") << QByteArray("/api/charts/alpha") << 200 << json
                           << QByteArray("^[{\"name\":\"alpha\",\"version\":\"1.1.0-rc.1\"") << QString();
    QTest::newRow("chart missing") << QByteArray("GET") << QByteArray("/api/charts/gamma") << 404 << json
                                   << QByteArray("{\"error\":\"chart not found\"}") << QString();
    QTest::newRow("chart HEAD") << QByteArray("HEAD") << QByteArray("/api/charts/alpha") << 200
                                << QByteArray("-") << QByteArray() << QString();
    QTest::newRow("chart HEAD missing") << QByteArray("HEAD") << QByteArray("/api/charts/gamma") << 404
                                        << QByteArray("text/plain") << QByteArray() << QString();
    QTest::newRow("version exact prerelease")
        << QByteArray("GET") << QByteArray("/api/charts/alpha/1.0.0-1") << 200 << json
        << QByteArray("^{\"name\":\"alpha\",") << u"1.0.0-1"_s;
    QTest::newRow("latest is highest stable") << QByteArray("GET") << QByteArray("/api/charts/alpha/latest")
                                              << 200 << json << QByteArray("^{") << u"1.0.0"_s;
    QTest::newRow("tilde range") << QByteArray("GET") << QByteArray("/api/charts/alpha/~0.9") << 200 << json
                                 << QByteArray("^{") << u"0.9.0"_s;
    QTest::newRow("range naming a prerelease")
        << QByteArray("GET") << QByteArray("/api/charts/alpha/%3E%3D1.0.0-0") << 200 << json
        << QByteArray("^{") << u"1.1.0-rc.1"_s;
    QTest::newRow("range with two comparisons")
        << QByteArray("GET") << QByteArray("/api/charts/alpha/%3E%3D0.1.0%20%3C1.0.0") << 200 << json
        << QByteArray("^{") << u"0.9.0"_s;
    QTest::newRow("version missing") << QByteArray("GET") << QByteArray("/api/charts/alpha/3.0.0") << 404
                                     << json
                                     << QByteArray("{\"error\":\"no chart version found for alpha-3.0.0\"}")
                                     << QString();
    QTest::newRow("latest with only prereleases")
        << QByteArray("GET") << QByteArray("/api/charts/pre/latest") << 404 << json
        << QByteArray("{\"error\":\"no chart version found for pre-\"}") << QString();
    QTest::newRow("version of missing chart")
        << QByteArray("GET") << QByteArray("/api/charts/gamma/1.0.0") << 404 << json
        << QByteArray("{\"error\":\"no chart name found\"}") << QString();
    QTest::newRow("improper constraint")
        << QByteArray("GET") << QByteArray("/api/charts/alpha/%21%21") << 404 << json
        << QByteArray("{\"error\":\"improper constraint: !!\"}") << QString();
    QTest::newRow("version HEAD") << QByteArray("HEAD") << QByteArray("/api/charts/alpha/1.0.0") << 200
                                  << QByteArray("-") << QByteArray() << QString();
    QTest::newRow("version HEAD missing") << QByteArray("HEAD") << QByteArray("/api/charts/alpha/3.0.0")
                                          << 404 << QByteArray("text/plain") << QByteArray() << QString();
    QTest::newRow("values") << QByteArray("GET") << QByteArray("/api/charts/alpha/1.0.0/values") << 200
                            << QByteArray("application/yaml")
                            << QByteArray(
                                   "replicas: 2\nimage:\n  repository: ghcr.io/test/app\n  tag: latest\n")
                            << QString();
    QTest::newRow("templates") << QByteArray("GET") << QByteArray("/api/charts/alpha/1.0.0/templates") << 200
                               << json
                               << "{\"templates\":[{\"name\":\"templates/configmap.yaml\",\"data\":\"" +
                                      templateData +
                                      "\"}],\"values\":{\"image\":{\"repository\":\"ghcr.io/test/"
                                      "app\",\"tag\":\"latest\"},\"replicas\":2}}"
                               << QString();
    QTest::newRow("templates of missing version")
        << QByteArray("GET") << QByteArray("/api/charts/alpha/3.0.0/templates") << 404 << json
        << QByteArray("{\"error\":\"no chart version found for alpha-3.0.0\"}") << QString();
    QTest::newRow("unknown path") << QByteArray("GET") << QByteArray("/nope") << 404 << json << notFound
                                  << QString();
    QTest::newRow("trailing slash") << QByteArray("GET") << QByteArray("/api/charts/") << 404 << json
                                    << notFound << QString();
    QTest::newRow("wrong method PUT")
        << QByteArray("PUT") << QByteArray("/api/charts") << 404 << json << notFound << QString();
    QTest::newRow("wrong method DELETE index")
        << QByteArray("DELETE") << QByteArray("/index.yaml") << 404 << json << notFound << QString();
    QTest::newRow("wrong method POST health")
        << QByteArray("POST") << QByteArray("/health") << 404 << json << notFound << QString();
    QTest::newRow("HEAD of GET-only route")
        << QByteArray("HEAD") << QByteArray("/api/charts") << 404 << json << QByteArray() << QString();
    QTest::newRow("GET prov route") << QByteArray("GET") << QByteArray("/api/prov") << 404 << json << notFound
                                    << QString();
    QTest::newRow("too many segments") << QByteArray("GET") << QByteArray("/api/charts/alpha/1.0.0/values/x")
                                       << 404 << json << notFound << QString();
}

void TestChartMuseumServer::routes()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, version);

    ServerFixture fixture;
    QVERIFY(startRoutesFixture(fixture));
    Client client;
    const TestHttp::Reply reply = client.http.send(method, urlFor(fixture, path));
    QVERIFY2(reply.status != 0, qPrintable(reply.error));
    QCOMPARE(reply.status, status);
    if (contentType == "-")
        QVERIFY2(!reply.hasHeader("Content-Type"), reply.header("Content-Type").constData());
    else if (!contentType.isEmpty())
        QCOMPARE(reply.header("Content-Type"), contentType);
    QVERIFY2(bodyMatches(reply.body, body), reply.body.left(400).constData());
    if (!version.isEmpty())
        QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(u"version"_s).toString(), version);
    QVERIFY(!reply.header("X-Request-Id").isEmpty());
}

void TestChartMuseumServer::chartVersionJsonIsGoEncoded()
{
    ServerFixture fixture;
    const QByteArray chartYaml =
        "apiVersion: v2\nname: full\nhome: https://example.com/home\nsources:\n"
        "  - https://example.com/src\nversion: 1.2.3\ndescription: Tags <b> & \"quotes\"\n"
        "keywords:\n  - a\n  - b\nmaintainers:\n  - name: Ann\n    email: ann@example.com\n"
        "    url: https://ann.example.com\nicon: https://example.com/icon.png\n"
        "appVersion: \"2.0\"\ndeprecated: true\nannotations:\n  zeta: last\n  alpha: first\n"
        "kubeVersion: \">=1.28.0\"\ntype: application\n";
    const QByteArray tgz = TestChartFactory::fromEntries(u"full"_s, {{u"Chart.yaml"_s, chartYaml}});
    QVERIFY(fixture.putFile(u"full-1.2.3.tgz"_s, tgz));
    QVERIFY(setMtime(fixture.storageDirectory() + u"/full-1.2.3.tgz"_s,
                     QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 678), Qt::UTC)));
    QVERIFY(fixture.start());

    Client client;
    const TestHttp::Reply reply = client.http.send("GET", urlFor(fixture, "/api/charts/full/1.2.3"));
    QCOMPARE(reply.status, 200);
    const QByteArray expected =
        "{\"name\":\"full\",\"home\":\"https://example.com/home\",\"sources\":[\"https://example.com/src\"],"
        "\"version\":\"1.2.3\",\"description\":\"Tags \\u003cb\\u003e \\u0026 "
        "\\\"quotes\\\"\",\"keywords\":[\"a\","
        "\"b\"],\"maintainers\":[{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"url\":\"https://"
        "ann.example.com\"}],"
        "\"icon\":\"https://example.com/"
        "icon.png\",\"apiVersion\":\"v2\",\"appVersion\":\"2.0\",\"deprecated\":true,"
        "\"annotations\":{\"alpha\":\"first\",\"zeta\":\"last\"},\"kubeVersion\":\"\\u003e=1.28.0\",\"type\":"
        "\"application\",\"urls\":[\"charts/"
        "full-1.2.3.tgz\"],\"created\":\"2024-01-02T03:04:05.678Z\",\"digest\":\"" +
        sha256Hex(tgz) + "\"}";
    QCOMPARE(reply.body, expected);

    // The same object inside the list answers.
    const TestHttp::Reply list = client.http.send("GET", urlFor(fixture, "/api/charts/full"));
    QCOMPARE(list.body, "[" + expected + "]");
    const TestHttp::Reply all = client.http.send("GET", urlFor(fixture, "/api/charts"));
    QCOMPARE(all.body, "{\"full\":[" + expected + "]}");
}

void TestChartMuseumServer::versionsAreSortedBySemVerPrecedence()
{
    ServerFixture fixture;
    const QStringList uploadOrder = {u"0.9.1"_s,         u"1.0.0-beta.2"_s, u"1.0.0"_s,     u"0.10.0"_s,
                                     u"1.0.0-beta.11"_s, u"1.0.0-alpha"_s,  u"1.0.0-rc.1"_s};
    QVERIFY(fixture.start());
    Client client;
    for (const QString &version : uploadOrder) {
        const TestHttp::Reply reply = client.http.send("POST", urlFor(fixture, "/api/charts"), {},
                                                       TestChartFactory::chart(u"sorted"_s, version));
        QCOMPARE(reply.status, 201);
    }
    const QStringList expected = {u"1.0.0"_s,       u"1.0.0-rc.1"_s, u"1.0.0-beta.11"_s, u"1.0.0-beta.2"_s,
                                  u"1.0.0-alpha"_s, u"0.10.0"_s,     u"0.9.1"_s};
    QCOMPARE(versionsOf(client.http.send("GET", urlFor(fixture, "/api/charts/sorted")).body), expected);

    // After a restart (read from disk) the order is the same, and index.yaml lists the same order.
    fixture.server()->rescan();
    QCOMPARE(versionsOf(client.http.send("GET", urlFor(fixture, "/api/charts/sorted")).body), expected);
    const QByteArray index = client.http.send("GET", urlFor(fixture, "/index.yaml")).body;
    QStringList indexOrder;
    static const QRegularExpression versionLine(u"^    version: (.+)$"_s,
                                                QRegularExpression::MultilineOption);
    for (auto it = versionLine.globalMatch(QString::fromUtf8(index)); it.hasNext();)
        indexOrder.append(it.next().captured(1));
    QCOMPARE(indexOrder, expected);
}

void TestChartMuseumServer::indexYamlIsHelmStyle()
{
    ServerFixture fixture;
    const QDateTime created(QDate(2024, 5, 6), QTime(7, 8, 9, 10), Qt::UTC);
    const QByteArray chart9 = TestChartFactory::chart(u"chart9"_s, u"0.1.0"_s);
    const QByteArray chart10 = TestChartFactory::chart(u"chart10"_s, u"0.1.0"_s);
    const QByteArray longDescription = "Deploys the torvalds homelab application together with Home "
                                       "Assistant and a Cloudflare tunnel for remote access";
    const QByteArray demo = TestChartFactory::fromEntries(
        u"demo"_s, {{u"Chart.yaml"_s,
                     "apiVersion: v2\nname: demo\nversion: \"1.0\"\nappVersion: \"yes\"\ndescription: " +
                         longDescription + "\nannotations:\n  note: 'a: b'\n"}});
    QVERIFY(fixture.putFile(u"chart9-0.1.0.tgz"_s, chart9));
    QVERIFY(fixture.putFile(u"chart10-0.1.0.tgz"_s, chart10));
    QVERIFY(fixture.putFile(u"demo-1.0.tgz"_s, demo));
    for (const QString &file : {u"chart9-0.1.0.tgz"_s, u"chart10-0.1.0.tgz"_s, u"demo-1.0.tgz"_s})
        QVERIFY(setMtime(fixture.storageDirectory() + u'/' + file, created));
    QVERIFY(fixture.start());

    Client client;
    const TestHttp::Reply reply = client.http.send("GET", urlFor(fixture, "/index.yaml"));
    QCOMPARE(reply.status, 200);
    const auto entry = [](const QByteArray &name, const QByteArray &tgz) {
        return "  " + name +
               ":\n  - apiVersion: v2\n    appVersion: 1.0.0\n    created: \"2024-05-06T07:08:09.01Z\"\n"
               "    description: A test chart\n    digest: " +
               sha256Hex(tgz) + "\n    name: " + name + "\n    type: application\n    urls:\n    - charts/" +
               name + "-0.1.0.tgz\n    version: 0.1.0\n";
    };
    const QByteArray expectedEntries =
        "apiVersion: v1\nentries:\n" + entry("chart9", chart9) + entry("chart10", chart10) +
        "  demo:\n  - annotations:\n      note: 'a: b'\n    apiVersion: v2\n    appVersion: \"yes\"\n"
        "    created: \"2024-05-06T07:08:09.01Z\"\n"
        "    description: Deploys the torvalds homelab application together with Home Assistant\n"
        "      and a Cloudflare tunnel for remote access\n    digest: " +
        sha256Hex(demo) + "\n    name: demo\n    urls:\n    - charts/demo-1.0.tgz\n    version: \"1.0\"\n";
    QVERIFY2(reply.body.startsWith(expectedEntries), reply.body.constData());
    static const QRegularExpression tail(
        u"^generated: \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"\nserverInfo: \\{\\}\n$"_s);
    const QString rest = QString::fromUtf8(reply.body.mid(expectedEntries.size()));
    QVERIFY2(tail.match(rest).hasMatch(), qPrintable(rest));

    // An empty repository.
    ServerFixture empty;
    QVERIFY(empty.start());
    const QByteArray emptyIndex = client.http.send("GET", urlFor(empty, "/index.yaml")).body;
    QVERIFY2(emptyIndex.startsWith("apiVersion: v1\nentries: {}\ngenerated: \""), emptyIndex.constData());
}

void TestChartMuseumServer::depthAndContextPath_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<QString>("contextPath");
    QTest::addColumn<QString>("repo"); // where the chart alpha-1.0.0 is stored
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body"); // as in routes()

    const QByteArray notFound = "{\"error\":\"not found\"}";
    QTest::newRow("depth 1 index") << 1 << QString() << u"org"_s << QByteArray("GET")
                                   << QByteArray("/org/index.yaml") << 200
                                   << QByteArray("*    - charts/alpha-1.0.0.tgz\n");
    QTest::newRow("depth 1 list") << 1 << QString() << u"org"_s << QByteArray("GET")
                                  << QByteArray("/api/org/charts") << 200 << QByteArray("^{\"alpha\":[");
    QTest::newRow("depth 1 version") << 1 << QString() << u"org"_s << QByteArray("GET")
                                     << QByteArray("/api/org/charts/alpha/1.0.0") << 200
                                     << QByteArray("*\"urls\":[\"charts/alpha-1.0.0.tgz\"]");
    QTest::newRow("depth 1 download")
        << 1 << QString() << u"org"_s << QByteArray("GET") << QByteArray("/org/charts/alpha-1.0.0.tgz") << 200
        << QByteArray("^\x1f\x8b");
    QTest::newRow("depth 1 other repo is empty")
        << 1 << QString() << u"org"_s << QByteArray("GET") << QByteArray("/api/other/charts") << 200
        << QByteArray("{}");
    QTest::newRow("depth 1 without repo")
        << 1 << QString() << u"org"_s << QByteArray("GET") << QByteArray("/api/charts") << 404 << notFound;
    QTest::newRow("depth 1 root index")
        << 1 << QString() << u"org"_s << QByteArray("GET") << QByteArray("/index.yaml") << 404 << notFound;
    QTest::newRow("depth 1 api index is a repo route")
        << 1 << QString() << u"org"_s << QByteArray("GET") << QByteArray("/api/index.yaml") << 200
        << QByteArray("^apiVersion: v1\nentries: {}\n");
    QTest::newRow("depth 1 health") << 1 << QString() << u"org"_s << QByteArray("GET")
                                    << QByteArray("/health") << 200 << QByteArray("{\"healthy\":true}");
    QTest::newRow("depth 2 list") << 2 << QString() << u"org/team"_s << QByteArray("GET")
                                  << QByteArray("/api/org/team/charts/alpha") << 200
                                  << QByteArray("^[{\"name\":\"alpha\"");
    QTest::newRow("depth 2 one segment") << 2 << QString() << u"org/team"_s << QByteArray("GET")
                                         << QByteArray("/api/org/charts") << 404 << notFound;
    QTest::newRow("context index") << 0 << u"/p"_s << QString() << QByteArray("GET")
                                   << QByteArray("/p/index.yaml") << 200
                                   << QByteArray("*serverInfo:\n  contextPath: /p\n");
    QTest::newRow("context list") << 0 << u"/p"_s << QString() << QByteArray("GET")
                                  << QByteArray("/p/api/charts") << 200 << QByteArray("^{\"alpha\":[");
    QTest::newRow("context health") << 0 << u"/p"_s << QString() << QByteArray("GET")
                                    << QByteArray("/p/health") << 200 << QByteArray("{\"healthy\":true}");
    QTest::newRow("context missing") << 0 << u"/p"_s << QString() << QByteArray("GET")
                                     << QByteArray("/index.yaml") << 404 << notFound;
    QTest::newRow("context and depth")
        << 1 << u"/p"_s << u"org"_s << QByteArray("GET") << QByteArray("/p/api/org/charts/alpha/latest")
        << 200 << QByteArray("^{\"name\":\"alpha\"");
}

void TestChartMuseumServer::depthAndContextPath()
{
    QFETCH(int, depth);
    QFETCH(QString, contextPath);
    QFETCH(QString, repo);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);

    ChartMuseumServer::Options options;
    options.depth = depth;
    options.contextPath = contextPath;
    ServerFixture fixture(options);
    QVERIFY(fixture.putChart(u"alpha"_s, u"1.0.0"_s, repo));
    QVERIFY(fixture.start());
    QCOMPARE(fixture.url().path(), contextPath);
    Client client;
    const TestHttp::Reply reply = client.http.send(method, urlFor(fixture, path));
    QCOMPARE(reply.status, status);
    QVERIFY2(bodyMatches(reply.body, body), reply.body.left(400).constData());
}

void TestChartMuseumServer::dotSegmentsAreNoRepos()
{
    QTemporaryDir outer;
    ChartMuseumServer::Options options;
    options.depth = 1;
    options.storageDirectory = outer.filePath(u"storage"_s);
    QVERIFY(QDir().mkpath(options.storageDirectory));
    ChartMuseumServer server(options);
    QVERIFY(server.listen());
    const QByteArray chart = TestChartFactory::chart(u"escape"_s, u"1.0.0"_s);
    for (const QByteArray &repo : {QByteArray(".."), QByteArray(".")}) {
        const TestHttp::Reply reply = TestHttp::parseRaw(TestHttp::raw(
            server.port(), "POST /api/" + repo +
                               "/charts HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " +
                               QByteArray::number(chart.size()) + "\r\n\r\n" + chart));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.body, QByteArray("{\"error\":\"not found\"}"));
    }
    QVERIFY(!QFileInfo::exists(outer.filePath(u"escape-1.0.0.tgz"_s)));
    QVERIFY(QDir(options.storageDirectory).isEmpty());
}

void TestChartMuseumServer::basicAuth_data()
{
    QTest::addColumn<bool>("anonymousGet");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("authorization"); // empty: none sent
    QTest::addColumn<int>("status");

    const QByteArray good = TestHttp::basic(u"admin"_s, u"s3cret"_s);
    QTest::newRow("no credentials") << false << QByteArray("GET") << QByteArray("/api/charts") << QByteArray()
                                    << 401;
    QTest::newRow("right credentials")
        << false << QByteArray("GET") << QByteArray("/api/charts") << good << 200;
    QTest::newRow("wrong password") << false << QByteArray("GET") << QByteArray("/api/charts")
                                    << TestHttp::basic(u"admin"_s, u"wrong"_s) << 401;
    QTest::newRow("lower-case scheme") << false << QByteArray("GET") << QByteArray("/index.yaml")
                                       << QByteArray("basic " + good.mid(6)) << 401;
    QTest::newRow("extra space") << false << QByteArray("GET") << QByteArray("/index.yaml")
                                 << QByteArray("Basic  " + good.mid(6)) << 401;
    QTest::newRow("welcome needs pull")
        << false << QByteArray("GET") << QByteArray("/") << QByteArray() << 401;
    QTest::newRow("health is open") << false << QByteArray("GET") << QByteArray("/health") << QByteArray()
                                    << 200;
    QTest::newRow("info is open") << false << QByteArray("GET") << QByteArray("/info") << QByteArray() << 200;
    QTest::newRow("unknown route is 404 before auth")
        << false << QByteArray("GET") << QByteArray("/nope") << QByteArray() << 404;
    QTest::newRow("upload without credentials")
        << false << QByteArray("POST") << QByteArray("/api/charts") << QByteArray() << 401;
    QTest::newRow("anonymous GET") << true << QByteArray("GET") << QByteArray("/api/charts") << QByteArray()
                                   << 200;
    QTest::newRow("anonymous GET, bad credentials")
        << true << QByteArray("GET") << QByteArray("/index.yaml") << TestHttp::basic(u"x"_s, u"y"_s) << 200;
    QTest::newRow("anonymous GET does not allow push")
        << true << QByteArray("DELETE") << QByteArray("/api/charts/a/1.0.0") << QByteArray() << 401;
}

void TestChartMuseumServer::basicAuth()
{
    QFETCH(bool, anonymousGet);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);

    ChartMuseumServer::Options options;
    options.basicUser = u"admin"_s;
    options.basicPassword = u"s3cret"_s;
    options.anonymousGet = anonymousGet;
    ServerFixture fixture(options);
    QVERIFY(fixture.start());
    Client client;
    Headers headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    const QByteArray body = method == "POST" ? TestChartFactory::chart(u"a"_s, u"1.0.0"_s) : QByteArray();
    const TestHttp::Reply reply = client.http.send(method, urlFor(fixture, path), headers, body);
    QCOMPARE(reply.status, status);
    if (status == 401) {
        QCOMPARE(reply.body, QByteArray("{\"error\":\"unauthorized\"}"));
        QCOMPARE(reply.header("www-authenticate"), QByteArray("Basic realm=\"ChartMuseum\""));
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    }
    QCOMPARE(fixture.server()->lastAuthorization(), authorization);
    // Nothing was stored by a refused upload.
    QVERIFY(QDir(fixture.storageDirectory()).entryList({u"*.tgz"_s}).isEmpty());
}

void TestChartMuseumServer::bearerAuth_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("challenge");

    const QByteArray pull = "Bearer realm=\"https://auth.example.com/token\",service=\"cm\","
                            "scope=\"artifact-repository:repo:pull\"";
    const QByteArray push = "Bearer realm=\"https://auth.example.com/token\",service=\"cm\","
                            "scope=\"artifact-repository:repo:push\"";
    QTest::newRow("right token") << QByteArray("GET") << QByteArray("/api/charts")
                                 << QByteArray("Bearer t0ken") << 200 << QByteArray();
    QTest::newRow("scheme is case-insensitive") << QByteArray("GET") << QByteArray("/index.yaml")
                                                << QByteArray("BEARER t0ken") << 200 << QByteArray();
    QTest::newRow("wrong token") << QByteArray("GET") << QByteArray("/api/charts")
                                 << QByteArray("Bearer nope") << 401 << pull;
    QTest::newRow("no token") << QByteArray("GET") << QByteArray("/index.yaml") << QByteArray() << 401
                              << pull;
    QTest::newRow("basic is not accepted") << QByteArray("GET") << QByteArray("/index.yaml")
                                           << TestHttp::basic(u"admin"_s, u"s3cret"_s) << 401 << pull;
    QTest::newRow("push scope") << QByteArray("DELETE") << QByteArray("/api/charts/a/1.0.0") << QByteArray()
                                << 401 << push;
}

void TestChartMuseumServer::bearerAuth()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(QByteArray, challenge);

    ChartMuseumServer::Options options;
    options.bearerToken = u"t0ken"_s;
    options.bearerRealm = u"https://auth.example.com/token"_s;
    options.bearerService = u"cm"_s;
    options.basicUser = u"admin"_s; // bearer takes precedence
    options.basicPassword = u"s3cret"_s;
    ServerFixture fixture(options);
    QVERIFY(fixture.start());
    Client client;
    Headers headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    const TestHttp::Reply reply = client.http.send(method, urlFor(fixture, path), headers);
    QCOMPARE(reply.status, status);
    if (status == 401) {
        QCOMPARE(reply.header("WWW-Authenticate"), challenge);
        QCOMPARE(reply.body, QByteArray("{\"error\":\"unauthorized\"}"));
    }
}

void TestChartMuseumServer::uploadOverwriteRules_data()
{
    QTest::addColumn<bool>("allowOverwrite");
    QTest::addColumn<bool>("disableForceOverwrite");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    const QByteArray saved = "{\"saved\":true}";
    const QByteArray conflict = "{\"error\":\"file already exists\"}";
    QTest::newRow("conflict") << false << false << QByteArray() << 409 << conflict;
    QTest::newRow("force") << false << false << QByteArray("?force") << 201 << saved;
    QTest::newRow("force=false still forces") << false << false << QByteArray("?force=false") << 201 << saved;
    QTest::newRow("force disabled") << false << true << QByteArray("?force") << 409 << conflict;
    QTest::newRow("overwrite allowed") << true << false << QByteArray() << 201 << saved;
    QTest::newRow("overwrite allowed, force disabled") << true << true << QByteArray() << 201 << saved;
}

void TestChartMuseumServer::uploadOverwriteRules()
{
    QFETCH(bool, allowOverwrite);
    QFETCH(bool, disableForceOverwrite);
    QFETCH(QByteArray, query);
    QFETCH(int, status);
    QFETCH(QByteArray, body);

    ChartMuseumServer::Options options;
    options.allowOverwrite = allowOverwrite;
    options.disableForceOverwrite = disableForceOverwrite;
    ServerFixture fixture(options);
    QVERIFY(fixture.start());
    Client client;
    const QByteArray first = TestChartFactory::chart(u"app"_s, u"1.0.0-7"_s, u"1.0"_s);
    const QByteArray second = TestChartFactory::chart(u"app"_s, u"1.0.0-7"_s, u"2.0"_s);
    QVERIFY(first != second);

    // No Content-Type at all, as a raw upload: stored under the Chart.yaml name, not the request's.
    const TestHttp::Reply created = client.http.send("POST", urlFor(fixture, "/api/charts"), {}, first);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.body, QByteArray("{\"saved\":true}"));
    QCOMPARE(created.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    const QString stored = fixture.storageDirectory() + u"/app-1.0.0-7.tgz"_s;
    QVERIFY(QFileInfo::exists(stored));

    const TestHttp::Reply again = client.http.send("POST", urlFor(fixture, "/api/charts" + query),
                                                   {{"Content-Type", "application/gzip"}}, second);
    QCOMPARE(again.status, status);
    QCOMPARE(again.body, body);
    QFile file(stored);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), status == 201 ? second : first);

    // The API shows what is stored, immediately.
    const TestHttp::Reply version = client.http.send("GET", urlFor(fixture, "/api/charts/app/1.0.0-7"));
    QCOMPARE(QJsonDocument::fromJson(version.body).object().value(u"digest"_s).toString().toLatin1(),
             sha256Hex(status == 201 ? second : first));
}

void TestChartMuseumServer::uploadRejectsBadPackages_data()
{
    QTest::addColumn<QByteArray>("package");
    QTest::addColumn<QString>("contractMessage"); // the Helm loader's words from the contract, if fixed there

    QTest::newRow("empty body") << QByteArray() << u"EOF"_s;
    QTest::newRow("not gzip") << TestChartFactory::notGzip() << u"gzip: invalid header"_s;
    const QByteArray valid = TestChartFactory::chart(u"cut"_s, u"1.0.0"_s);
    QTest::newRow("truncated") << valid.left(valid.size() / 2) << u"unexpected EOF"_s;
    QTest::newRow("invalid version") << TestChartFactory::withChartYaml(
                                            "apiVersion: v2\nname: bad\nversion: 1.2.3.4\n")
                                     << u"validation: chart.metadata.version \"1.2.3.4\" is invalid"_s;
    QTest::newRow("parent directory")
        << TestChartFactory::withParentReference() << u"chart illegally references parent directory"_s;
}

void TestChartMuseumServer::uploadRejectsBadPackages()
{
    QFETCH(QByteArray, package);
    QFETCH(QString, contractMessage);

    ServerFixture fixture;
    QVERIFY(fixture.start());
    Client client;
    const TestHttp::Reply reply = client.http.send("POST", urlFor(fixture, "/api/charts"), {}, package);
    QCOMPARE(reply.status, 400);
    const QString message = QJsonDocument::fromJson(reply.body).object().value(u"error"_s).toString();
    // The server passes the loader's message through unchanged.
    QString loaderError;
    QVERIFY(!ChartArchive::read(package, &loaderError));
    QCOMPARE(message, loaderError);
    QCOMPARE(message, contractMessage);
    QVERIFY(QDir(fixture.storageDirectory()).entryList(QDir::Files).isEmpty());
}

void TestChartMuseumServer::multipartUpload_data()
{
    QTest::addColumn<QByteArray>("parts");     // a multipart body with boundary "XyZ"
    QTest::addColumn<QStringList>("existing"); // files already in storage
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("stored"); // files that must exist afterwards

    const QByteArray chart = TestChartFactory::chart(u"mp"_s, u"0.1.0"_s);
    const QByteArray prov = TestChartFactory::provenance(u"mp"_s, u"0.1.0"_s);
    const QByteArray noFields =
        "{\"error\":\"no package or provenance file found in form fields chart and prov\"}";
    const QByteArray saved = "{\"saved\":true}";

    QTest::newRow("chart with filename")
        << multipartBody("XyZ", {{"name=\"chart\"; filename=\"/tmp/x/whatever.tgz\"", chart}})
        << QStringList() << QByteArray() << 201 << saved << QStringList{u"mp-0.1.0.tgz"_s};
    QTest::newRow("chart without filename is a form value")
        << multipartBody("XyZ", {{"name=\"chart\"", chart}}) << QStringList() << QByteArray() << 400
        << noFields << QStringList();
    QTest::newRow("wrong field name") << multipartBody("XyZ", {{"name=\"file\"; filename=\"mp.tgz\"", chart}})
                                      << QStringList() << QByteArray() << 400 << noFields << QStringList();
    QTest::newRow("malformed: no closing boundary")
        << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"chart\"; filename=\"a.tgz\"\r\n\r\n" +
                      chart)
        << QStringList() << QByteArray() << 400 << noFields << QStringList();
    QTest::newRow("chart and prov") << multipartBody("XyZ",
                                                     {{"name=\"chart\"; filename=\"mp.tgz\"", chart},
                                                      {"name=\"prov\"; filename=\"mp.tgz.prov\"", prov}})
                                    << QStringList() << QByteArray() << 201 << saved
                                    << QStringList{u"mp-0.1.0.tgz"_s, u"mp-0.1.0.tgz.prov"_s};
    QTest::newRow("existing chart") << multipartBody("XyZ", {{"name=\"chart\"; filename=\"mp.tgz\"", chart}})
                                    << QStringList{u"mp-0.1.0.tgz"_s} << QByteArray() << 409
                                    << QByteArray("{\"error\":\"chart already exists\"}")
                                    << QStringList{u"mp-0.1.0.tgz"_s};
    QTest::newRow("only the prov exists")
        << multipartBody("XyZ", {{"name=\"chart\"; filename=\"mp.tgz\"", chart},
                                 {"name=\"prov\"; filename=\"p.prov\"", prov}})
        << QStringList{u"mp-0.1.0.tgz.prov"_s} << QByteArray() << 409
        << QByteArray("{\"error\":\"chart already exists\"}") << QStringList();
    QTest::newRow("existing chart with force")
        << multipartBody("XyZ", {{"name=\"chart\"; filename=\"mp.tgz\"", chart}})
        << QStringList{u"mp-0.1.0.tgz"_s} << QByteArray("?force") << 201 << saved
        << QStringList{u"mp-0.1.0.tgz"_s};
    QTest::newRow("invalid prov part")
        << multipartBody("XyZ", {{"name=\"prov\"; filename=\"p.prov\"", "nonsense"}}) << QStringList()
        << QByteArray() << 400 << QByteArray("{\"error\":\"invalid provenance file\"}") << QStringList();
    QTest::newRow("invalid chart part")
        << multipartBody("XyZ", {{"name=\"chart\"; filename=\"x.tgz\"", TestChartFactory::notGzip()}})
        << QStringList() << QByteArray() << 400 << QByteArray("{\"error\":\"gzip: invalid header\"}")
        << QStringList();
}

void TestChartMuseumServer::multipartUpload()
{
    QFETCH(QByteArray, parts);
    QFETCH(QStringList, existing);
    QFETCH(QByteArray, query);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, stored);

    ServerFixture fixture;
    for (const QString &file : std::as_const(existing))
        QVERIFY(fixture.putFile(file, file.endsWith(u".prov"_s)
                                          ? TestChartFactory::provenance(u"mp"_s, u"0.1.0"_s)
                                          : TestChartFactory::chart(u"mp"_s, u"0.1.0"_s)));
    QVERIFY(fixture.start());
    Client client;
    const TestHttp::Reply reply =
        client.http.send("POST", urlFor(fixture, "/api/charts" + query),
                         {{"Content-Type", "multipart/form-data; boundary=XyZ"}}, parts);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.body, body);
    QStringList files = QDir(fixture.storageDirectory()).entryList(QDir::Files, QDir::Name);
    if (stored.isEmpty())
        stored = existing;
    stored.sort();
    QCOMPARE(files, stored);
}

void TestChartMuseumServer::provenanceUpload()
{
    ServerFixture fixture;
    QVERIFY(fixture.start());
    Client client;
    const QByteArray prov = TestChartFactory::provenance(u"signed"_s, u"1.0.0"_s);

    const TestHttp::Reply invalid =
        client.http.send("POST", urlFor(fixture, "/api/prov"), {}, "not a prov file");
    QCOMPARE(invalid.status, 500);
    QCOMPARE(invalid.body, QByteArray("{\"error\":\"invalid provenance file\"}"));

    const TestHttp::Reply saved = client.http.send("POST", urlFor(fixture, "/api/prov"), {}, prov);
    QCOMPARE(saved.status, 201);
    QCOMPARE(saved.body, QByteArray("{\"saved\":true}"));
    QVERIFY(QFileInfo::exists(fixture.storageDirectory() + u"/signed-1.0.0.tgz.prov"_s));

    const TestHttp::Reply conflict = client.http.send("POST", urlFor(fixture, "/api/prov"), {}, prov);
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.body, QByteArray("{\"error\":\"file already exists\"}"));

    const TestHttp::Reply download =
        client.http.send("GET", urlFor(fixture, "/charts/signed-1.0.0.tgz.prov"));
    QCOMPARE(download.status, 200);
    QCOMPARE(download.header("Content-Type"), QByteArray("application/pgp-signature"));
    QCOMPARE(download.body, prov);
}

void TestChartMuseumServer::deleteChart()
{
    ServerFixture fixture;
    QVERIFY(fixture.putChart(u"gone"_s, u"1.0.0"_s));
    QVERIFY(fixture.putChart(u"gone"_s, u"1.1.0"_s));
    QVERIFY(fixture.putFile(u"gone-1.0.0.tgz.prov"_s, TestChartFactory::provenance(u"gone"_s, u"1.0.0"_s)));
    QVERIFY(fixture.start());
    Client client;

    const TestHttp::Reply deleted = client.http.send("DELETE", urlFor(fixture, "/api/charts/gone/1.0.0"));
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.body, QByteArray("{\"deleted\":true}"));
    QCOMPARE(QDir(fixture.storageDirectory()).entryList(QDir::Files), QStringList{u"gone-1.1.0.tgz"_s});
    QCOMPARE(versionsOf(client.http.send("GET", urlFor(fixture, "/api/charts/gone")).body),
             QStringList{u"1.1.0"_s});

    const TestHttp::Reply missing = client.http.send("DELETE", urlFor(fixture, "/api/charts/gone/1.0.0"));
    QCOMPARE(missing.status, 404);
    const QString path = QDir(fixture.storageDirectory()).absolutePath() + u"/gone-1.0.0.tgz"_s;
    QCOMPARE(QJsonDocument::fromJson(missing.body).object().value(u"error"_s).toString(),
             u"remove %1: no such file or directory"_s.arg(path));

    // The last version gone: the chart is gone from the API.
    QCOMPARE(client.http.send("DELETE", urlFor(fixture, "/api/charts/gone/1.1.0")).status, 200);
    const TestHttp::Reply chart = client.http.send("GET", urlFor(fixture, "/api/charts/gone"));
    QCOMPARE(chart.status, 404);
    QCOMPARE(client.http.send("GET", urlFor(fixture, "/api/charts")).body, QByteArray("{}"));
}

void TestChartMuseumServer::disabledRoutes()
{
    ChartMuseumServer::Options options;
    options.disableDelete = true;
    ServerFixture noDelete(options);
    QVERIFY(noDelete.putChart(u"kept"_s, u"1.0.0"_s));
    QVERIFY(noDelete.start());
    Client client;
    const TestHttp::Reply refused = client.http.send("DELETE", urlFor(noDelete, "/api/charts/kept/1.0.0"));
    QCOMPARE(refused.status, 404);
    QCOMPARE(refused.body, QByteArray("{\"error\":\"not found\"}"));
    QVERIFY(QFileInfo::exists(noDelete.storageDirectory() + u"/kept-1.0.0.tgz"_s));

    ChartMuseumServer::Options noApiOptions;
    noApiOptions.disableApi = true;
    ServerFixture noApi(noApiOptions);
    QVERIFY(noApi.putChart(u"kept"_s, u"1.0.0"_s));
    QVERIFY(noApi.start());
    QCOMPARE(client.http.send("GET", urlFor(noApi, "/api/charts")).status, 404);
    QCOMPARE(client.http.send("GET", urlFor(noApi, "/index.yaml")).status, 200);
    QCOMPARE(client.http.send("GET", urlFor(noApi, "/charts/kept-1.0.0.tgz")).status, 200);
    QCOMPARE(client.http.send("GET", urlFor(noApi, "/health")).status, 200);
}

void TestChartMuseumServer::bigBodiesAreChunked()
{
    ServerFixture fixture;
    for (int i = 1; i <= 12; ++i)
        QVERIFY(fixture.putChart(u"big"_s, u"1.0.0-%1"_s.arg(i)));
    QVERIFY(fixture.start());
    const quint16 port = fixture.server()->port();

    const TestHttp::Reply index = TestHttp::parseRaw(
        TestHttp::raw(port, "GET /index.yaml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    QCOMPARE(index.status, 200);
    QCOMPARE(index.header("Transfer-Encoding"), QByteArray("chunked"));
    QVERIFY(!index.hasHeader("Content-Length"));
    QVERIFY(index.body.endsWith("\r\n0\r\n\r\n"));

    const TestHttp::Reply small = TestHttp::parseRaw(
        TestHttp::raw(port, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    QCOMPARE(small.header("Content-Length"), QByteArray("16"));
    QVERIFY(!small.hasHeader("Transfer-Encoding"));
    QCOMPARE(small.body, QByteArray("{\"healthy\":true}"));
    QVERIFY(!small.header("Date").isEmpty());

    // A client sees the whole, de-chunked body.
    Client client;
    const TestHttp::Reply decoded = client.http.send("GET", urlFor(fixture, "/index.yaml"));
    QVERIFY(decoded.body.size() > 2048);
    QCOMPARE(decoded.body.count("    - charts/big-1.0.0-"), 12);
    QVERIFY(decoded.body.endsWith("serverInfo: {}\n"));
    const TestHttp::Reply list = client.http.send("GET", urlFor(fixture, "/api/charts/big"));
    QCOMPARE(versionsOf(list.body).size(), 12);
}

void TestChartMuseumServer::headResponsesHaveNoBody()
{
    ServerFixture fixture;
    QVERIFY(fixture.putChart(u"h"_s, u"1.0.0"_s));
    QVERIFY(fixture.start());
    const quint16 port = fixture.server()->port();

    const QByteArray miss =
        TestHttp::raw(port, "HEAD /api/charts/none HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const TestHttp::Reply missReply = TestHttp::parseRaw(miss);
    QCOMPARE(missReply.status, 404);
    QCOMPARE(missReply.header("Content-Type"), QByteArray("text/plain"));
    QCOMPARE(missReply.header("Content-Length"), QByteArray("18"));
    QCOMPARE(missReply.body, QByteArray());

    const TestHttp::Reply hit = TestHttp::parseRaw(
        TestHttp::raw(port, "HEAD /api/charts/h/1.0.0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    QCOMPARE(hit.status, 200);
    QVERIFY(!hit.hasHeader("Content-Type"));
    QVERIFY(!hit.hasHeader("Content-Length"));
    QCOMPARE(hit.body, QByteArray());

    const TestHttp::Reply noRoute = TestHttp::parseRaw(
        TestHttp::raw(port, "HEAD /charts/h-1.0.0.tgz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    QCOMPARE(noRoute.status, 404);
    QCOMPARE(noRoute.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(noRoute.header("Content-Length"),
             QByteArray::number(qsizetype(sizeof("{\"error\":\"not found\"}") - 1)));
    QCOMPARE(noRoute.body, QByteArray());
}

void TestChartMuseumServer::requestIdIsEchoedOrGenerated()
{
    ServerFixture fixture;
    QVERIFY(fixture.start());
    Client client;
    const TestHttp::Reply echoed =
        client.http.send("GET", urlFor(fixture, "/health"), {{"X-Request-Id", "capstan-42"}});
    QCOMPARE(echoed.header("X-Request-Id"), QByteArray("capstan-42"));
    const TestHttp::Reply first = client.http.send("GET", urlFor(fixture, "/nope"));
    const TestHttp::Reply second = client.http.send("GET", urlFor(fixture, "/health"));
    const QUuid id = QUuid::fromString(QString::fromLatin1(first.header("X-Request-Id")));
    QVERIFY(!id.isNull());
    QCOMPARE(id.version(), QUuid::Random);
    QVERIFY(first.header("X-Request-Id") != second.header("X-Request-Id"));
}

void TestChartMuseumServer::tooLargeUploadIsPlainText()
{
    ChartMuseumServer::Options options;
    options.maxUploadSize = 1024;
    ServerFixture fixture(options);
    QVERIFY(fixture.start());
    const QByteArray body(4096, 'x');
    const TestHttp::Reply reply = TestHttp::parseRaw(
        TestHttp::raw(fixture.server()->port(),
                      "POST /api/charts HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n" + body));
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.body, QByteArray("request too large"));
    QCOMPARE(reply.header("Content-Type"), QByteArray("text/plain; charset=utf-8"));
    QCOMPARE(reply.header("Connection"), QByteArray("close"));

    // Through a client too, and a small upload still works on a new connection.
    Client client;
    QCOMPARE(client.http.send("POST", urlFor(fixture, "/api/charts"), {}, body).status, 413);
    const QByteArray chart = TestChartFactory::chart(u"s"_s, u"1.0.0"_s);
    QVERIFY(chart.size() < 1024);
    QCOMPARE(client.http.send("POST", urlFor(fixture, "/api/charts"), {}, chart).status, 201);
}

void TestChartMuseumServer::keepAliveServesPipelinedRequests()
{
    ServerFixture fixture;
    QVERIFY(fixture.start());
    const QByteArray responses =
        TestHttp::raw(fixture.server()->port(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
                                                "GET /info HTTP/1.1\r\nHost: x\r\n\r\n"
                                                "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QCOMPARE(responses.count("HTTP/1.1 "), 3);
    QVERIFY(responses.indexOf("{\"healthy\":true}") < responses.indexOf("{\"version\":\"v0.16.5\"}"));
    QVERIFY(responses.endsWith("{\"error\":\"not found\"}"));

    // Many requests through one client.
    Client client;
    for (int i = 0; i < 25; ++i)
        QCOMPARE(client.http.send("GET", urlFor(fixture, "/health")).status, 200);
    QCOMPARE(fixture.server()->requestCount(), 3 + 25);
}

void TestChartMuseumServer::chunkedUploadIsAccepted()
{
    // helm cm-push sends its multipart body chunked, without Content-Length.
    ServerFixture fixture;
    QVERIFY(fixture.start());
    const QByteArray body = multipartBody("b0undary", {{"name=\"chart\"; filename=\"/tmp/c.tgz\"",
                                                        TestChartFactory::chart(u"chunky"_s, u"0.0.1"_s)}});
    QByteArray chunked;
    for (qsizetype offset = 0; offset < body.size(); offset += 100) {
        const QByteArray piece = body.mid(offset, 100);
        chunked += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    }
    chunked += "0\r\n\r\n";
    const TestHttp::Reply reply = TestHttp::parseRaw(
        TestHttp::raw(fixture.server()->port(),
                      "POST /api/charts HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                      "Content-Type: multipart/form-data; boundary=b0undary\r\nConnection: close\r\n\r\n" +
                          chunked));
    QCOMPARE(reply.status, 201);
    QVERIFY(QFileInfo::exists(fixture.storageDirectory() + u"/chunky-0.0.1.tgz"_s));
}

void TestChartMuseumServer::faults_data()
{
    QTest::addColumn<Fault::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("faultBody");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QByteArray>("expectedBody");

    QTest::newRow("status, default body") << Fault::Kind::Status << 503 << QByteArray() << 503
                                          << QByteArray("{\"error\":\"Service Unavailable\"}");
    QTest::newRow("status, own body") << Fault::Kind::Status << 500 << QByteArray("{\"error\":\"disk full\"}")
                                      << 500 << QByteArray("{\"error\":\"disk full\"}");
    QTest::newRow("garbage") << Fault::Kind::GarbageBody << 0 << QByteArray("<html>proxy error</html>") << 200
                             << QByteArray("<html>proxy error</html>");
    QTest::newRow("delay answers normally")
        << Fault::Kind::Delay << 0 << QByteArray() << 200 << QByteArray("{\"healthy\":true}");
}

void TestChartMuseumServer::faults()
{
    QFETCH(Fault::Kind, kind);
    QFETCH(int, status);
    QFETCH(QByteArray, faultBody);
    QFETCH(int, expectedStatus);
    QFETCH(QByteArray, expectedBody);

    ServerFixture fixture;
    QVERIFY(fixture.start());
    Fault fault;
    fault.kind = kind;
    fault.status = status;
    fault.body = faultBody;
    fault.delayMs = 50;
    fixture.server()->addFault(fault);
    Client client;
    const TestHttp::Reply reply = client.http.send("GET", urlFor(fixture, "/health"));
    QCOMPARE(reply.status, expectedStatus);
    QCOMPARE(reply.body, expectedBody);
    QCOMPARE(fixture.server()->requestCount(), 1);
    // Consumed: the next request is normal.
    const TestHttp::Reply next = client.http.send("GET", urlFor(fixture, "/health"));
    QCOMPARE(next.status, 200);
    QCOMPARE(next.body, QByteArray("{\"healthy\":true}"));
}

void TestChartMuseumServer::faultsAreConsumedAndScopedByPath()
{
    ChartMuseumServer::Options options;
    options.contextPath = u"/cm"_s;
    ServerFixture fixture(options);
    QVERIFY(fixture.start());
    Fault fault;
    fault.kind = Fault::Kind::Status;
    fault.status = 502;
    fault.pathPrefix = u"/api/charts"_s;
    fault.count = 2;
    fixture.server()->addFault(fault);
    Client client;
    QCOMPARE(client.http.send("GET", urlFor(fixture, "/cm/health")).status, 200);
    QCOMPARE(client.http.send("GET", urlFor(fixture, "/cm/api/charts")).status, 502);
    QCOMPARE(client.http.send("GET", urlFor(fixture, "/cm/api/charts/x")).status, 502);
    QCOMPARE(client.http.send("GET", urlFor(fixture, "/cm/api/charts")).status, 200);

    fault.count = -1;
    fixture.server()->addFault(fault);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(client.http.send("GET", urlFor(fixture, "/cm/api/charts")).status, 502);
    fixture.server()->clearFaults();
    QCOMPARE(client.http.send("GET", urlFor(fixture, "/cm/api/charts")).status, 200);
    QCOMPARE(fixture.server()->requestCount(), 8);
}

void TestChartMuseumServer::delayDoesNotBlockOtherRequests()
{
    ServerFixture fixture;
    QVERIFY(fixture.start());
    Fault fault;
    fault.kind = Fault::Kind::Delay;
    fault.pathPrefix = u"/index.yaml"_s;
    fault.delayMs = 60000;
    fixture.server()->addFault(fault);

    QNetworkAccessManager slowManager;
    QNetworkReply *slow = slowManager.get(QNetworkRequest(urlFor(fixture, "/index.yaml")));
    QSignalSpy slowFinished(slow, &QNetworkReply::finished);
    QTRY_COMPARE_WITH_TIMEOUT(fixture.server()->requestCount(), 1, 30000);
    // While the delayed answer is pending, another connection is served.
    Client client;
    const TestHttp::Reply health = client.http.send("GET", urlFor(fixture, "/health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(slowFinished.count(), 0);
    QCOMPARE(fixture.server()->requestCount(), 2);
    slow->abort();
    delete slow;
}

void TestChartMuseumServer::truncateAndCloseBreakTheResponse()
{
    ServerFixture fixture;
    for (int i = 1; i <= 8; ++i)
        QVERIFY(fixture.putChart(u"t"_s, u"1.0.0-%1"_s.arg(i)));
    QVERIFY(fixture.start());
    const quint16 port = fixture.server()->port();
    Client client;
    const QByteArray full = client.http.send("GET", urlFor(fixture, "/index.yaml")).body;
    QVERIFY(full.size() > 2048);

    Fault truncate;
    truncate.kind = Fault::Kind::TruncateBody;
    fixture.server()->addFault(truncate);
    const TestHttp::Reply cut =
        TestHttp::parseRaw(TestHttp::raw(port, "GET /index.yaml HTTP/1.1\r\nHost: x\r\n\r\n"));
    QCOMPARE(cut.status, 200);
    QCOMPARE(cut.header("Content-Length"), QByteArray::number(full.size()));
    QCOMPARE(cut.body.size(), full.size() / 2);
    QVERIFY(full.startsWith(cut.body));

    Fault close;
    close.kind = Fault::Kind::CloseConnection;
    fixture.server()->addFault(close);
    QCOMPARE(TestHttp::raw(port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"), QByteArray());

    // A client sees errors, not answers.
    close.count = -1;
    fixture.server()->addFault(close);
    const TestHttp::Reply closed = client.http.send("GET", urlFor(fixture, "/health"));
    QCOMPARE(closed.status, 0);
    QVERIFY(!closed.error.isEmpty());
}

void TestChartMuseumServer::rescanPicksUpFilesOnDisk()
{
    ServerFixture fixture;
    QVERIFY(fixture.putChart(u"disk"_s, u"1.0.0"_s));
    QVERIFY(fixture.putFile(u"broken-1.0.0.tgz"_s, TestChartFactory::notGzip()));
    QVERIFY(fixture.putFile(u"README.txt"_s, "not a chart"));
    QVERIFY(fixture.start());
    Client client;
    QCOMPARE(client.http.send("GET", urlFor(fixture, "/api/charts")).body.count("\"name\":"), 1);

    // Written behind the server's back: invisible until a rescan, as with ChartMuseum's cache.
    QFile extra(fixture.storageDirectory() + u"/disk-2.0.0.tgz"_s);
    QVERIFY(extra.open(QIODevice::WriteOnly));
    extra.write(TestChartFactory::chart(u"disk"_s, u"2.0.0"_s));
    extra.close();
    QCOMPARE(versionsOf(client.http.send("GET", urlFor(fixture, "/api/charts/disk")).body),
             QStringList{u"1.0.0"_s});
    fixture.server()->rescan();
    QCOMPARE(versionsOf(client.http.send("GET", urlFor(fixture, "/api/charts/disk")).body),
             (QStringList{u"2.0.0"_s, u"1.0.0"_s}));
}

void TestChartMuseumServer::seedHomelabWritesAValidHistory()
{
    QTemporaryDir directory;
    const SandboxSeeder::Result result = SandboxSeeder::seedHomelab(directory.path());
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    const QFileInfoList files = QDir(directory.path()).entryInfoList({u"*.tgz"_s}, QDir::Files, QDir::Time);
    QCOMPARE(files.size(), result.chartFiles);

    QStringList torvaldsVersions;
    QSet<QString> appVersions;
    QSet<QByteArray> deployments;
    for (const QFileInfo &info : files) {
        QFile file(info.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const std::optional<ChartArchive> archive = ChartArchive::read(file.readAll(), &error);
        QVERIFY2(archive, qPrintable(info.fileName() + u": "_s + error));
        const ChartMetadata &metadata = archive->metadata();
        QCOMPARE(info.fileName(), metadata.name + u'-' + metadata.version + u".tgz"_s);
        QCOMPARE(metadata.apiVersion, u"v2"_s);
        QVERIFY(!metadata.description.isEmpty());
        if (metadata.name == u"torvalds"_s) {
            torvaldsVersions.append(metadata.version);
            appVersions.insert(metadata.appVersion);
            deployments.insert(archive->fileData(u"templates/deployment.yaml"_s));
            QVERIFY(!metadata.maintainers.isEmpty());
            QVERIFY(!metadata.annotations.isEmpty());
            QVERIFY(archive->fileData(u"templates/deployment.yaml"_s)
                        .contains("image: ghcr.io/homelab/torvalds:" + metadata.version.toUtf8()));
            QVERIFY(!archive->fileData(u"templates/service.yaml"_s).isEmpty());
            QVERIFY(!archive->fileData(u"README.md"_s).isEmpty());
            QVERIFY(!archive->fileData(u".helmignore"_s).isEmpty());
        }
    }
    // A CI history with gaps where runs failed, app versions that change every few builds, and templates that
    // differ from build to build (at least the image tag).
    QVERIFY(torvaldsVersions.size() >= 30);
    QVERIFY(torvaldsVersions.contains(u"1.0.0-101"_s));
    QVERIFY(torvaldsVersions.contains(u"1.0.0-148"_s));
    QVERIFY(torvaldsVersions.size() < 48);
    QVERIFY(appVersions.size() >= 4);
    QCOMPARE(deployments.size(), torvaldsVersions.size());

    // Timestamps spread over the past weeks, ending now; the newest file is the newest build.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(files.first().fileName(), u"torvalds-1.0.0-148.tgz"_s);
    QVERIFY(files.first().lastModified().secsTo(now) < 24 * 3600);
    QVERIFY(files.last().lastModified().secsTo(now) > 7 * 24 * 3600);

    // And it serves: a stable version exists, so latest means something.
    ChartMuseumServer::Options options;
    options.storageDirectory = directory.path();
    ChartMuseumServer server(options);
    QVERIFY(server.listen());
    Client client;
    const QUrl latest(server.url().toString() + u"/api/charts/monitoring/latest"_s);
    QCOMPARE(
        QJsonDocument::fromJson(client.http.send("GET", latest).body).object().value(u"version"_s).toString(),
        u"1.0.0"_s);
}

void TestChartMuseumServer::seedManyWritesManyVersionsQuickly()
{
    QTemporaryDir directory;
    const int count = 10000;
    const SandboxSeeder::Result result = SandboxSeeder::seedMany(directory.path(), u"bench"_s, count);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.chartFiles, count);
    QCOMPARE(QDir(directory.path()).entryList({u"*.tgz"_s}, QDir::Files).size(), count);

    ChartMuseumServer::Options options;
    options.storageDirectory = directory.path();
    ChartMuseumServer server(options);
    QVERIFY(server.listen());
    Client client;
    const TestHttp::Reply list =
        client.http.send("GET", QUrl(server.url().toString() + u"/api/charts/bench"_s), {}, {}, 120000);
    QCOMPARE(list.status, 200);
    const QStringList versions = versionsOf(list.body);
    QCOMPARE(versions.size(), count);
    QCOMPARE(versions.first(), u"1.0.0-10000"_s);
    QCOMPARE(versions.at(1), u"1.0.0-9999"_s);
    QCOMPARE(versions.last(), u"1.0.0-1"_s);
    const TestHttp::Reply latest =
        client.http.send("GET", QUrl(server.url().toString() + u"/api/charts/bench/latest"_s));
    QCOMPARE(latest.body, QByteArray("{\"error\":\"no chart version found for bench-\"}"));
}

void TestChartMuseumServer::sandboxServesSeededChartsWithPassword()
{
    Sandbox sandbox;
    QString error;
    QVERIFY2(sandbox.start(&error), qPrintable(error));
    const Config config = sandbox.config();
    QVERIFY(config.chartmuseum.has_value());
    QCOMPARE(config.chartmuseum->username, u"admin"_s);
    QCOMPARE(config.chartmuseum->url, sandbox.chartMuseum()->url());
    const QString password = sandbox.environment().value(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s);
    QVERIFY(password.size() >= 16);
    QVERIFY(sandbox.environment().contains(u"PATH"_s));

    Client client;
    const QUrl charts(config.chartmuseum->url.toString() + u"/api/charts"_s);
    QCOMPARE(client.http.send("GET", charts).status, 401);
    const TestHttp::Reply reply =
        client.http.send("GET", charts, {{"Authorization", TestHttp::basic(u"admin"_s, password)}});
    QCOMPARE(reply.status, 200);
    const QJsonObject all = QJsonDocument::fromJson(reply.body).object();
    QVERIFY(all.contains(u"torvalds"_s));
    QCOMPARE(all.value(u"torvalds"_s).toArray().first().toObject().value(u"version"_s).toString(),
             u"1.0.0-148"_s);

    // A second sandbox gets another password.
    Sandbox other;
    QVERIFY(other.start(&error));
    QVERIFY(other.environment().value(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s) != password);
}

void TestChartMuseumServer::faultProfiles_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // toString() of the parsed profile, or part of the error
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QString() << u"error=0,drop=0,latency=0-0"_s << true;
    QTest::newRow("all") << u"error=0.2, drop=0.02 ,latency=10-80,seed=7"_s
                         << u"error=0.2,drop=0.02,latency=10-80,seed=7"_s << true;
    QTest::newRow("fixed latency") << u"latency=25"_s << u"error=0,drop=0,latency=25-25"_s << true;
    QTest::newRow("rate above 1") << u"error=1.5"_s << u"error: \"1.5\""_s << false;
    QTest::newRow("rate not a number") << u"drop=often"_s << u"drop: \"often\""_s << false;
    QTest::newRow("rates above 1 together") << u"error=0.6,drop=0.6"_s << u"exceed 1"_s << false;
    QTest::newRow("latency reversed") << u"latency=80-10"_s << u"latency: \"80-10\""_s << false;
    QTest::newRow("negative seed") << u"seed=-1"_s << u"seed: \"-1\""_s << false;
    QTest::newRow("unknown key") << u"errors=0.2"_s << u"unknown fault setting \"errors=0.2\""_s << false;
}

void TestChartMuseumServer::faultProfiles()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(bool, valid);
    QString error;
    const std::optional<FaultInjector::Profile> profile = FaultInjector::Profile::parse(text, &error);
    QCOMPARE(profile.has_value(), valid);
    if (valid)
        QCOMPARE(profile->toString(), expected);
    else
        QVERIFY2(error.contains(expected), qPrintable(error));
}

// Each server answers the injected 500s with its own error body, and a seed repeats the sequence.
void TestChartMuseumServer::randomFaults_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("errorField"); // the JSON field that carries the message
    QTest::newRow("ChartMuseum") << u"chartmuseum"_s << QByteArray("/health") << u"error"_s;
    QTest::newRow("Argo CD") << u"argocd"_s << QByteArray("/api/version") << u"message"_s;
    QTest::newRow("GitHub") << u"github"_s << QByteArray("/repos/homelab/torvalds/actions/runs")
                            << u"message"_s;
}

void TestChartMuseumServer::randomFaults()
{
    QFETCH(QString, service);
    QFETCH(QByteArray, path);
    QFETCH(QString, errorField);
    FaultInjector::Profile profile;
    profile.errorRate = 0.3;
    profile.seed = 11;

    // Two servers with the same profile; each request on a fresh connection, so nothing is resent.
    QList<int> sequences[2];
    for (QList<int> &statuses : sequences) {
        QTemporaryDir storage;
        std::unique_ptr<QObject> server;
        quint16 port = 0;
        const FaultInjector *injector = nullptr;
        if (service == u"chartmuseum") {
            ChartMuseumServer::Options options;
            options.storageDirectory = storage.path();
            auto chartMuseum = std::make_unique<ChartMuseumServer>(options);
            QVERIFY(chartMuseum->listen());
            chartMuseum->setFaultProfile(profile);
            port = chartMuseum->port();
            injector = &chartMuseum->faultInjector();
            server = std::move(chartMuseum);
        } else if (service == u"argocd") {
            auto argo = std::make_unique<ArgoCdServer>(ArgoCdServer::Options());
            QVERIFY(argo->listen());
            argo->setFaultProfile(profile);
            port = argo->port();
            injector = &argo->faultInjector();
            server = std::move(argo);
        } else {
            auto gitHub = std::make_unique<GitHubServer>(GitHubServer::Options());
            QVERIFY(gitHub->listen());
            gitHub->setFaultProfile(profile);
            port = gitHub->port();
            injector = &gitHub->faultInjector();
            server = std::move(gitHub);
        }
        for (int i = 0; i < 40; ++i) {
            const TestHttp::Reply reply = TestHttp::parseRaw(TestHttp::raw(
                port, "GET " + path + " HTTP/1.1\r\nHost: x\r\nUser-Agent: t\r\nConnection: close\r\n\r\n"));
            statuses.append(reply.status);
            if (reply.status != 500)
                continue;
            QVERIFY2(reply.header("Content-Type").startsWith("application/json"),
                     reply.header("Content-Type").constData());
            const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
            QVERIFY2(!body.value(errorField).toString().isEmpty(), reply.body.constData());
            if (service == u"argocd")
                QCOMPARE(body.value(u"code"_s).toInt(), 2);
            if (service == u"github")
                QVERIFY(body.contains(u"documentation_url"_s));
        }
        QCOMPARE(int(statuses.count(500)), injector->failed());
        QVERIFY2(injector->failed() > 0 && injector->failed() < 40,
                 qPrintable(QString::number(injector->failed())));
        QCOMPARE(int(statuses.count(500) + statuses.count(200)), 40);
    }
    QCOMPARE(sequences[0], sequences[1]);
}

// "Drop" applies the request, then closes the connection without the answer.
void TestChartMuseumServer::randomDropAppliesTheChange()
{
    ServerFixture fixture;
    QVERIFY(fixture.start());
    FaultInjector::Profile profile;
    profile.dropRate = 1;
    fixture.server()->setFaultProfile(profile);
    const QByteArray package = TestChartFactory::chart(u"dropped"_s, u"1.0.0"_s);
    const QByteArray answer = TestHttp::raw(fixture.server()->port(),
                                            "POST /api/charts HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                                                QByteArray::number(package.size()) + "\r\n\r\n" + package);
    QCOMPARE(answer, QByteArray());
    QCOMPARE(fixture.server()->faultInjector().dropped(), 1);
    QVERIFY(QFileInfo::exists(fixture.repoDirectory() + u"/dropped-1.0.0.tgz"_s));
}

void TestChartMuseumServer::sandboxTakesFaultsFromTheEnvironment()
{
    const char *variable = FaultInjector::EnvironmentVariable.data();
    qputenv(variable, "error=1,seed=3");
    Sandbox faulty;
    QString error;
    const bool started = faulty.start(&error);
    qunsetenv(variable);
    QVERIFY2(started, qPrintable(error));
    const QByteArray answer = TestHttp::raw(faulty.chartMuseum()->port(),
                                            "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QCOMPARE(TestHttp::parseRaw(answer).status, 500);

    qputenv(variable, "error=2");
    Sandbox refused;
    const bool refusedStarted = refused.start(&error);
    qunsetenv(variable);
    QVERIFY(!refusedStarted);
    QVERIFY2(error.contains(QString::fromLatin1(variable)), qPrintable(error));
}

void TestChartMuseumServer::helmSearchListsAllVersions()
{
    if (skipWithoutHelm()) {
        if (qEnvironmentVariableIntValue("CAPSTAN_REQUIRE_HELM") == 1)
            QFAIL("CAPSTAN_REQUIRE_HELM=1 but no helm binary (CAPSTAN_HELM) is available");
        QSKIP("no helm binary (CAPSTAN_HELM)");
    }
    ChartMuseumServer::Options options;
    options.basicUser = u"admin"_s;
    options.basicPassword = u"pa55"_s;
    ServerFixture fixture(options);
    const SandboxSeeder::Result seeded = SandboxSeeder::seedHomelab(fixture.storageDirectory());
    QVERIFY2(seeded.error.isEmpty(), qPrintable(seeded.error));
    QVERIFY(fixture.start());
    const int torvaldsFiles = QDir(fixture.storageDirectory()).entryList({u"torvalds-*.tgz"_s}).size();

    QTemporaryDir home;
    const QProcessEnvironment environment = helmEnvironment(home);
    QByteArray output;
    QVERIFY2(runHelm({u"repo"_s, u"add"_s, u"cm"_s, fixture.url().toString(), u"--username"_s, u"admin"_s,
                      u"--password-stdin"_s},
                     environment, &output, "pa55\n"),
             output.constData());
    QVERIFY2(
        runHelm({u"search"_s, u"repo"_s, u"cm/torvalds"_s, u"--devel"_s, u"--versions"_s, u"-o"_s, u"json"_s},
                environment, &output),
        output.constData());
    const QJsonArray results = QJsonDocument::fromJson(output).array();
    QCOMPARE(results.size(), torvaldsFiles);
    QCOMPARE(results.first().toObject().value(u"version"_s).toString(), u"1.0.0-148"_s);
    QCOMPARE(results.first().toObject().value(u"name"_s).toString(), u"cm/torvalds"_s);

    // Without --devel, helm shows the newest stable versions only: the monitoring 1.0.0 release.
    QVERIFY2(runHelm({u"search"_s, u"repo"_s, u"cm/monitoring"_s, u"-o"_s, u"json"_s}, environment, &output),
             output.constData());
    const QJsonArray stable = QJsonDocument::fromJson(output).array();
    QCOMPARE(stable.size(), 1);
    QCOMPARE(stable.first().toObject().value(u"version"_s).toString(), u"1.0.0"_s);

    // Wrong credentials are refused by the server, as helm reports.
    QTemporaryDir otherHome;
    QVERIFY(!runHelm({u"repo"_s, u"add"_s, u"bad"_s, fixture.url().toString(), u"--username"_s, u"admin"_s,
                      u"--password-stdin"_s},
                     helmEnvironment(otherHome), &output, "wrong\n"));
    QVERIFY2(output.contains("401"), output.constData());
}

void TestChartMuseumServer::helmPullMatchesIndexDigest()
{
    if (skipWithoutHelm()) {
        if (qEnvironmentVariableIntValue("CAPSTAN_REQUIRE_HELM") == 1)
            QFAIL("CAPSTAN_REQUIRE_HELM=1 but no helm binary (CAPSTAN_HELM) is available");
        QSKIP("no helm binary (CAPSTAN_HELM)");
    }
    ChartMuseumServer::Options options;
    options.contextPath = u"/museum"_s;
    ServerFixture fixture(options);
    QVERIFY(SandboxSeeder::seedHomelab(fixture.storageDirectory()).error.isEmpty());
    QVERIFY(fixture.start());

    QTemporaryDir home;
    const QProcessEnvironment environment = helmEnvironment(home);
    QByteArray output;
    QVERIFY2(runHelm({u"repo"_s, u"add"_s, u"cm"_s, fixture.url().toString()}, environment, &output),
             output.constData());
    const QString destination = home.filePath(u"pulled"_s);
    QVERIFY(QDir().mkpath(destination));
    QVERIFY2(runHelm({u"pull"_s, u"cm/torvalds"_s, u"--version"_s, u"1.0.0-130"_s, u"--destination"_s,
                      destination},
                     environment, &output),
             output.constData());
    QFile pulled(destination + u"/torvalds-1.0.0-130.tgz"_s);
    QVERIFY(pulled.open(QIODevice::ReadOnly));
    const QByteArray bytes = pulled.readAll();

    Client client;
    const TestHttp::Reply version =
        client.http.send("GET", urlFor(fixture, "/museum/api/charts/torvalds/1.0.0-130"));
    QCOMPARE(version.status, 200);
    QCOMPARE(QJsonDocument::fromJson(version.body).object().value(u"digest"_s).toString().toLatin1(),
             sha256Hex(bytes));
    const QByteArray index = client.http.send("GET", urlFor(fixture, "/museum/index.yaml")).body;
    QVERIFY(index.contains("digest: " + sha256Hex(bytes)));

    // helm template renders the pulled chart: it is a real chart.
    QVERIFY2(runHelm({u"template"_s, u"t"_s, pulled.fileName()}, environment, &output), output.constData());
    QVERIFY2(output.contains("image: ghcr.io/homelab/torvalds:1.0.0-130"), output.constData());
}

QTEST_GUILESS_MAIN(TestChartMuseumServer)
#include "tst_chartmuseumserver.moc"
