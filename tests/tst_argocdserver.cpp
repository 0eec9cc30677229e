#include "RawHttpStream.h"
#include "TestHttp.h"
#include "argocd/ArgoCdServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;
using Headers = QList<std::pair<QByteArray, QByteArray>>;
using Fault = ArgoCdServer::Fault;

Q_DECLARE_METATYPE(Headers)
Q_DECLARE_METATYPE(ArgoCdServer::Fault::Kind)

namespace {

const QString repo = u"https://charts.example.com"_s;

ArgoCdServer::Options testOptions()
{
    ArgoCdServer::Options options;
    options.password = u"s3cret"_s;
    options.operationMs = 60;
    options.progressMs = 60;
    options.reconcileMs = 10;
    options.loginDelayMs = 1;
    options.sseKeepaliveMs = 100;
    options.chartVersions = [](const QString &repoUrl, const QString &chart) -> QStringList {
        if (repoUrl == repo && chart == u"torvalds")
            return {u"1.0.0"_s, u"1.1.0"_s, u"1.2.0"_s, u"2.0.0-rc.1"_s};
        return {};
    };
    return options;
}

ArgoCdServer::AppSeed seed(const QString &name, const QString &target = u"1.1.0"_s, bool autoSync = false)
{
    ArgoCdServer::AppSeed s;
    s.name = name;
    s.repoUrl = repo;
    s.chart = u"torvalds"_s;
    s.targetRevision = target;
    s.autoSync = autoSync;
    s.destinationNamespace = u"prod"_s;
    const QDateTime base = QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC);
    s.history = {{u"1.0.0"_s, base}, {u"1.1.0"_s, base.addDays(1)}};
    return s;
}

struct Env
{
    explicit Env(ArgoCdServer::Options options = testOptions())
        : server(std::move(options))
    {
        QVERIFY(server.listen());
        token = server.issueToken(u"admin"_s);
    }
    QUrl url(const QString &pathAndQuery) const
    {
        return QUrl::fromEncoded("http://127.0.0.1:" + QByteArray::number(server.port()) +
                                 pathAndQuery.toUtf8());
    }
    Headers auth(const Headers &extra = {}) const
    {
        return Headers{{"Authorization", "Bearer " + token.toLatin1()}} + extra;
    }
    Headers authJson() const { return auth({{"Content-Type", "application/json"}}); }
    TestHttp::Reply get(const QString &path) { return http.send("GET", url(path), auth()); }
    TestHttp::Reply post(const QString &path, const QByteArray &body)
    {
        return http.send("POST", url(path), authJson(), body);
    }
    QJsonObject app(const QString &name) { return server.application(name); }

    ArgoCdServer server;
    QNetworkAccessManager manager;
    TestHttp http{&manager};
    QString token;
};

QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray errorBody(int code, const QString &message)
{
    const QByteArray m = QJsonDocument(QJsonArray{message}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    return "{\"error\":" + m + ",\"code\":" + QByteArray::number(code) + ",\"message\":" + m + "}";
}

bool operationDone(const QJsonObject &app)
{
    const QJsonObject status = app.value(u"status"_s).toObject();
    const QJsonObject state = status.value(u"operationState"_s).toObject();
    if (app.contains(u"operation"_s) || !state.contains(u"finishedAt"_s))
        return false;
    return state.value(u"operation"_s).toObject().value(u"sync"_s).toObject().value(u"dryRun"_s).toBool() ||
           status.value(u"reconciledAt"_s).toString() >= state.value(u"finishedAt"_s).toString();
}

QString syncStatus(const QJsonObject &app)
{
    return app[u"status"_s].toObject()[u"sync"_s].toObject()[u"status"_s].toString();
}

QByteArray rawGet(quint16 port, const QByteArray &path, const QByteArray &extra)
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n" + extra +
           "\r\n";
}

} // namespace

// Why: proves the Argo CD test server speaks the Argo CD contract (transport, auth, Application JSON,
// endpoints, controller, watch stream) over real HTTP.
class TstArgocdserver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routing_data();
    void routing();
    void errorBodyAndHeaders();
    void compression_data();
    void compression();
    void compressedBodyDecodes();
    void goEncoding();
    void login_data();
    void login();
    void sessionToken_data();
    void sessionToken();
    void unauthenticatedEndpoints();
    void list();
    void getMissing_data();
    void getMissing();
    void applicationShape();
    void syncLifecycle();
    void stateSurvivesARestart();
    void syncMissingVersion();
    void syncConstraint();
    void syncValidation_data();
    void syncValidation();
    void dryRunWritesNoHistory();
    void historyLimit();
    void rollback_data();
    void rollback();
    void rollbackRuns();
    void terminate();
    void patch_data();
    void patch();
    void patchPersistsOnlySpecAndMetadata();
    void refreshBlocks();
    void autoSync();
    void autoSyncDoesNotRetryFailedRevision();
    void loginLockout();
    void dropStreamFault();
    void streamNdjson();
    void streamUnknownAppDelaysHeaders();
    void streamSse();
    void streamAuthError();
    void streamGzipThroughQt();
    void dropStreams();
    void faults_data();
    void faults();
};

void TstArgocdserver::routing_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("unknown path") << QByteArray("GET") << u"/api/v1/nothing"_s << QByteArray() << 404
                                  << QByteArray("Not Found\n");
    QTest::newRow("too deep") << QByteArray("GET") << u"/api/v1/applications/a/b/c"_s << QByteArray() << 404
                              << QByteArray("Not Found\n");
    QTest::newRow("wrong method") << QByteArray("GET") << u"/api/v1/applications/torvalds/sync"_s
                                  << QByteArray() << 405 << QByteArray("Method Not Allowed\n");
    QTest::newRow("wrong method list")
        << QByteArray("DELETE") << u"/api/v1/applications"_s << QByteArray("application/json") << 405
        << QByteArray("Method Not Allowed\n");
    QTest::newRow("no content type") << QByteArray("POST") << u"/api/v1/applications/torvalds/sync"_s
                                     << QByteArray() << 415 << QByteArray("Invalid content type\n");
    QTest::newRow("charset parameter")
        << QByteArray("POST") << u"/api/v1/applications/torvalds/sync"_s
        << QByteArray("application/json; charset=utf-8") << 415 << QByteArray("Invalid content type\n");
    QTest::newRow("delete needs it too")
        << QByteArray("DELETE") << u"/api/v1/applications/torvalds/operation"_s << QByteArray() << 415
        << QByteArray("Invalid content type\n");
    QTest::newRow("case-insensitive, then auth")
        << QByteArray("POST") << u"/api/v1/applications/torvalds/sync"_s << QByteArray("Application/JSON")
        << 401 << errorBody(16, u"no session information"_s);
}

void TstArgocdserver::routing()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    Headers headers;
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    const TestHttp::Reply reply =
        env.http.send(method, env.url(path), headers, method == "GET" ? QByteArray() : "{}");
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.body, body);
    if (status != 401)
        QVERIFY(reply.header("Content-Type").startsWith("text/plain"));
}

void TstArgocdserver::errorBodyAndHeaders()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    const QByteArray response = TestHttp::raw(
        env.server.port(), rawGet(env.server.port(), "/api/v1/applications", "Connection: close\r\n"));
    const TestHttp::Reply reply = TestHttp::parseRaw(response);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.body, errorBody(16, u"no session information"_s));
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(reply.header("Vary"), QByteArray("Accept-Encoding"));
    QVERIFY(!reply.hasHeader("Grpc-Metadata-Content-Type"));

    const TestHttp::Reply ok = TestHttp::parseRaw(
        TestHttp::raw(env.server.port(),
                      rawGet(env.server.port(), "/api/v1/applications/torvalds",
                             "Connection: close\r\nAuthorization: Bearer " + env.token.toLatin1() + "\r\n")));
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.header("Grpc-Metadata-Content-Type"), QByteArray("application/grpc"));
    QCOMPARE(ok.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(!ok.hasHeader("Content-Encoding"));
}

void TstArgocdserver::compression_data()
{
    QTest::addColumn<QByteArray>("acceptEncoding");
    QTest::addColumn<QByteArray>("encoding");
    QTest::newRow("qt default") << QByteArray("gzip, deflate") << QByteArray("gzip");
    QTest::newRow("deflate first") << QByteArray("deflate, gzip") << QByteArray("deflate");
    QTest::newRow("q value does not match") << QByteArray("gzip;q=1") << QByteArray();
    QTest::newRow("br only") << QByteArray("br") << QByteArray();
}

void TstArgocdserver::compression()
{
    QFETCH(QByteArray, acceptEncoding);
    QFETCH(QByteArray, encoding);
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    const TestHttp::Reply reply = TestHttp::parseRaw(TestHttp::raw(
        env.server.port(), rawGet(env.server.port(), "/api/v1/applications/torvalds",
                                  "Connection: close\r\nAccept-Encoding: " + acceptEncoding +
                                      "\r\nAuthorization: Bearer " + env.token.toLatin1() + "\r\n")));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Vary"), QByteArray("Accept-Encoding"));
    QCOMPARE(reply.header("Content-Encoding"), encoding);
    if (encoding == "gzip")
        QVERIFY(reply.body.startsWith("\x1f\x8b") || reply.header("Transfer-Encoding") == "chunked");
    if (encoding.isEmpty())
        QVERIFY(reply.body.contains("\"metadata\""));
}

void TstArgocdserver::compressedBodyDecodes()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    // QNAM sends "gzip, deflate" and decompresses transparently.
    const TestHttp::Reply reply = env.get(u"/api/v1/applications/torvalds"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(json(reply.body).value(u"metadata"_s).toObject().value(u"name"_s).toString(), u"torvalds"_s);
    const TestHttp::Reply missing = env.http.send("GET", env.url(u"/api/v1/applications/nope"_s), env.auth());
    QCOMPARE(missing.status, 403);
    QCOMPARE(missing.body, errorBody(7, u"permission denied"_s));
}

void TstArgocdserver::goEncoding()
{
    Env env;
    ArgoCdServer::AppSeed s = seed(u"escape"_s);
    s.repoUrl = u"https://charts.example.com/?a=<b>&c"_s;
    env.server.addApplication(s);
    const TestHttp::Reply reply = env.get(u"/api/v1/applications/escape"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.body.contains("\"repoURL\":\"https://charts.example.com/?a=\\u003cb\\u003e\\u0026c\""),
             reply.body.constData());
    // int64 as numbers, timestamps at second precision in UTC
    QVERIFY(reply.body.contains("\"id\":0,"));
    QVERIFY(reply.body.contains("\"deployedAt\":\"2026-05-01T10:00:00Z\""));
    QVERIFY(reply.body.contains("\"generation\":1,"));
}

void TstArgocdserver::login_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("ok") << QByteArray(R"({"username":"admin","password":"s3cret"})") << 200 << QString();
    QTest::newRow("empty password") << QByteArray(R"({"username":"admin","password":""})") << 401
                                    << u"no credentials supplied"_s;
    QTest::newRow("empty body") << QByteArray() << 401 << u"no credentials supplied"_s;
    QTest::newRow("wrong password") << QByteArray(R"({"username":"admin","password":"nope"})") << 401
                                    << u"Invalid username or password"_s;
    QTest::newRow("wrong user") << QByteArray(R"({"username":"root","password":"s3cret"})") << 401
                                << u"Invalid username or password"_s;
    QTest::newRow("token field")
        << QByteArray(R"({"token":"abc"})") << 401
        << u"token-based session creation no longer supported. please upgrade argocd cli to v0.7+"_s;
    QTest::newRow("type mismatch")
        << QByteArray(R"({"username":1})") << 400
        << u"json: cannot unmarshal number into Go struct field SessionCreateRequest.username of type string"_s;
}

void TstArgocdserver::login()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    Env env;
    const TestHttp::Reply reply =
        env.http.send("POST", env.url(u"/api/v1/session"_s), {{"Content-Type", "application/json"}}, body);
    QCOMPARE(reply.status, status);
    if (status != 200) {
        QCOMPARE(reply.body, errorBody(status == 400 ? 3 : 16, message));
        return;
    }
    const QString token = json(reply.body).value(u"token"_s).toString();
    const QList<QString> parts = token.split(u'.');
    QCOMPARE(parts.size(), 3);
    QVERIFY(reply.header("Set-Cookie")
                .startsWith("argocd.token=" + token.toLatin1() + "; path=/; SameSite=lax; httpOnly"));
    const QJsonObject header =
        json(QByteArray::fromBase64(parts.at(0).toLatin1(), QByteArray::Base64UrlEncoding));
    QCOMPARE(header.value(u"alg"_s).toString(), u"HS256"_s);
    const QByteArray claimsText =
        QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding);
    QVERIFY2(claimsText.startsWith("{\"iss\":\"argocd\",\"sub\":\"admin:login\",\"exp\":"),
             claimsText.constData());
    const QJsonObject claims = json(claimsText);
    QCOMPARE(qint64(claims.value(u"exp"_s).toDouble()) - qint64(claims.value(u"iat"_s).toDouble()), 86400);
    QCOMPARE(claims.value(u"nbf"_s), claims.value(u"iat"_s));
    QVERIFY(!claims.value(u"jti"_s).toString().isEmpty());
    // The token works.
    const TestHttp::Reply list = env.http.send("GET", env.url(u"/api/v1/applications"_s),
                                               {{"Authorization", "Bearer " + token.toLatin1()}});
    QCOMPARE(list.status, 200);
}

void TstArgocdserver::sessionToken_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("none") << u"none"_s << 401 << u"no session information"_s;
    QTest::newRow("not a jwt is ignored") << u"opaque"_s << 401 << u"no session information"_s;
    QTest::newRow("bad signature") << u"tampered"_s << 401
                                   << u"invalid session: token signature is invalid: signature is invalid"_s;
    QTest::newRow("other server") << u"foreign"_s << 401
                                  << u"invalid session: token signature is invalid: signature is invalid"_s;
    QTest::newRow("expired") << u"expired"_s << 401
                             << u"invalid session: token has invalid claims: token is expired"_s;
    QTest::newRow("bearer") << u"bearer"_s << 200 << QString();
    QTest::newRow("cookie") << u"cookie"_s << 200 << QString();
    QTest::newRow("extra token") << u"extra"_s << 200 << QString();
}

void TstArgocdserver::sessionToken()
{
    QFETCH(QString, kind);
    QFETCH(int, status);
    QFETCH(QString, message);
    ArgoCdServer::Options options = testOptions();
    const QString extra = u"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaTpsb2dpbiJ9.c2lnbmF0dXJl"_s;
    options.tokens = {extra};
    Env env(options);
    ArgoCdServer other(testOptions());
    QString token = env.token;
    Headers headers;
    if (kind == u"opaque")
        headers = {{"Authorization", "Bearer not-a-jwt"}};
    else if (kind == u"tampered")
        headers = {{"Authorization", "Bearer " + token.chopped(3).toLatin1() + "abc"}};
    else if (kind == u"foreign")
        headers = {{"Authorization", "Bearer " + other.issueToken(u"admin"_s).toLatin1()}};
    else if (kind == u"expired")
        headers = {{"Authorization", "Bearer " + env.server.issueToken(u"admin"_s, true).toLatin1()}};
    else if (kind == u"bearer")
        headers = {{"Authorization", "Bearer " + token.toLatin1()}};
    else if (kind == u"cookie")
        headers = {{"Cookie", "other=1; argocd.token=" + token.toLatin1()}};
    else if (kind == u"extra")
        headers = {{"Authorization", "Bearer " + extra.toLatin1()}};
    const TestHttp::Reply reply = env.http.send("GET", env.url(u"/api/v1/applications"_s), headers);
    QCOMPARE(reply.status, status);
    if (status != 200)
        QCOMPARE(reply.body, errorBody(16, message));
}

void TstArgocdserver::unauthenticatedEndpoints()
{
    Env env;
    TestHttp::Reply reply = env.http.send("GET", env.url(u"/api/v1/session/userinfo"_s));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("{}"));
    reply = env.get(u"/api/v1/session/userinfo"_s);
    QCOMPARE(reply.body, QByteArray(R"({"loggedIn":true,"username":"admin","iss":"argocd"})"));
    reply = env.http.send("GET", env.url(u"/api/version"_s));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray(R"({"Version":"v3.5.1+3f4b2a1"})"));
    reply = env.get(u"/api/version"_s);
    QVERIFY(json(reply.body).contains(u"GoVersion"_s));
}

void TstArgocdserver::list()
{
    Env env;
    TestHttp::Reply reply = env.get(u"/api/v1/applications"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY2(QRegularExpression(u"^\\{\"metadata\":\\{\"resourceVersion\":\"\\d+\"\\},\"items\":\\[\\]\\}$"_s)
                 .match(QString::fromUtf8(reply.body))
                 .hasMatch(),
             reply.body.constData());
    ArgoCdServer::AppSeed other = seed(u"alpha"_s);
    other.project = u"team"_s;
    env.server.addApplication(seed(u"zeta"_s));
    env.server.addApplication(other);
    env.server.addApplication(seed(u"mid"_s));
    const auto names = [](const QByteArray &body) {
        QStringList result;
        const QJsonArray items = json(body).value(u"items"_s).toArray();
        for (const QJsonValue &item : items)
            result.append(item.toObject().value(u"metadata"_s).toObject().value(u"name"_s).toString());
        return result;
    };
    QCOMPARE(names(env.get(u"/api/v1/applications"_s).body), (QStringList{u"alpha"_s, u"mid"_s, u"zeta"_s}));
    QCOMPARE(names(env.get(u"/api/v1/applications?projects=default"_s).body),
             (QStringList{u"mid"_s, u"zeta"_s}));
    QCOMPARE(names(env.get(u"/api/v1/applications?projects=default&projects=team"_s).body),
             (QStringList{u"alpha"_s, u"mid"_s, u"zeta"_s}));
    QCOMPARE(names(env.get(u"/api/v1/applications?projects=default,team"_s).body), QStringList());
    QCOMPARE(names(env.get(u"/api/v1/applications?name=mid"_s).body), QStringList{u"mid"_s});
    // Large lists are chunked, as Go does above 2048 bytes.
    const TestHttp::Reply raw = TestHttp::parseRaw(
        TestHttp::raw(env.server.port(),
                      rawGet(env.server.port(), "/api/v1/applications",
                             "Connection: close\r\nAuthorization: Bearer " + env.token.toLatin1() + "\r\n")));
    QCOMPARE(raw.header("Transfer-Encoding"), QByteArray("chunked"));
}

void TstArgocdserver::getMissing_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no project") << u"/api/v1/applications/ghost"_s << 403
                                << errorBody(7, u"permission denied"_s);
    QTest::newRow("with project") << u"/api/v1/applications/ghost?project=default"_s << 404
                                  << errorBody(5, u"applications.argoproj.io \"ghost\" not found"_s);
    QTest::newRow("other project") << u"/api/v1/applications/torvalds?project=team"_s << 404
                                   << errorBody(5, u"applications.argoproj.io \"torvalds\" not found"_s);
    QTest::newRow("two projects")
        << u"/api/v1/applications/torvalds?project=a&projects=b"_s << 400
        << errorBody(3,
                     u"multiple projects specified - the get endpoint accepts either zero or one project"_s);
    QTest::newRow("right project") << u"/api/v1/applications/torvalds?project=default"_s << 200
                                   << QByteArray();
}

void TstArgocdserver::getMissing()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    const TestHttp::Reply reply = env.get(path);
    QCOMPARE(reply.status, status);
    if (!body.isEmpty())
        QCOMPARE(reply.body, body);
}

void TstArgocdserver::applicationShape()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    const TestHttp::Reply reply = env.get(u"/api/v1/applications/torvalds"_s);
    const QByteArray &b = reply.body;
    QVERIFY(b.startsWith("{\"metadata\":{\"name\":\"torvalds\",\"namespace\":\"argocd\",\"uid\":"));
    QVERIFY(b.indexOf("\"spec\":") < b.indexOf("\"status\":"));
    QVERIFY(b.contains(
        "\"spec\":{\"source\":{\"repoURL\":\"https://charts.example.com\",\"targetRevision\":\"1.1.0\","
        "\"chart\":\"torvalds\"},\"destination\":{\"server\":\"https://kubernetes.default.svc\","
        "\"namespace\":\"prod\"},\"project\":\"default\"}"));
    QVERIFY(b.contains("\"sync\":{\"status\":\"Synced\",\"comparedTo\":{\"source\":{\"repoURL\":"));
    QVERIFY(b.contains("\"revision\":\"1.1.0\""));
    QVERIFY(b.contains("\"health\":{\"status\":\"Healthy\""));
    QVERIFY(b.contains("\"initiatedBy\":{\"username\":\"admin\"}"));
    QVERIFY(b.contains("\"summary\":{\"images\":["));
    QVERIFY(b.contains("\"sourceHydrator\":{}}"));
    QVERIFY(!b.contains("\"operation\":{\"sync\""));
    const QJsonObject app = json(b);
    const QJsonArray history = app.value(u"status"_s).toObject().value(u"history"_s).toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(1).toObject().value(u"id"_s).toInt(), 1);
    QCOMPARE(history.at(1).toObject().value(u"revision"_s).toString(), u"1.1.0"_s);
    QCOMPARE(env.server.application(u"torvalds"_s), app);
    QVERIFY(env.server.application(u"ghost"_s).isEmpty());
}

void TstArgocdserver::syncLifecycle()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s, u"1.2.0"_s));
    QSignalSpy health(&env.server, &ArgoCdServer::healthChanged);
    QCOMPARE(env.app(u"torvalds"_s)[u"status"_s].toObject()[u"sync"_s].toObject()[u"status"_s].toString(),
             u"OutOfSync"_s);
    const TestHttp::Reply reply =
        env.post(u"/api/v1/applications/torvalds/sync"_s, R"({"prune":true,"strategy":{"hook":{}}})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Grpc-Metadata-Content-Type"), QByteArray("application/grpc"));
    const QJsonObject queued = json(reply.body);
    QVERIFY(!queued[u"status"_s].toObject().contains(u"operationState"_s));
    QVERIFY(reply.body.contains(
        "\"operation\":{\"sync\":{\"revision\":\"1.2.0\",\"prune\":true,\"syncStrategy\":{\"hook\":{}},"
        "\"source\":{\"repoURL\":\"https://charts.example.com\",\"targetRevision\":\"1.2.0\","
        "\"chart\":\"torvalds\"}},\"initiatedBy\":{\"username\":\"admin\"},\"retry\":{}}"));
    QTRY_COMPARE_WITH_TIMEOUT(
        env.app(u"torvalds"_s)[u"status"_s].toObject()[u"operationState"_s].toObject()[u"phase"_s].toString(),
        u"Running"_s, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(operationDone(env.app(u"torvalds"_s)), 5000);
    QJsonObject app = env.app(u"torvalds"_s);
    QJsonObject status = app[u"status"_s].toObject();
    const QJsonObject state = status[u"operationState"_s].toObject();
    QCOMPARE(state[u"phase"_s].toString(), u"Succeeded"_s);
    QCOMPARE(state[u"message"_s].toString(), u"successfully synced (all tasks run)"_s);
    QCOMPARE(state[u"syncResult"_s].toObject()[u"revision"_s].toString(), u"1.2.0"_s);
    const QJsonArray history = status[u"history"_s].toArray();
    QCOMPARE(history.size(), 3);
    const QJsonObject last = history.last().toObject();
    QCOMPARE(last[u"id"_s].toInt(), 2);
    QCOMPARE(last[u"revision"_s].toString(), u"1.2.0"_s);
    QCOMPARE(last[u"deployStartedAt"_s].toString(), state[u"startedAt"_s].toString());
    QCOMPARE(last[u"source"_s].toObject()[u"targetRevision"_s].toString(), u"1.2.0"_s);
    QCOMPARE(last[u"initiatedBy"_s].toObject()[u"username"_s].toString(), u"admin"_s);
    // reconciledAt has second precision: the post-sync reconcile may still be pending.
    QTRY_COMPARE_WITH_TIMEOUT(syncStatus(env.app(u"torvalds"_s)), u"Synced"_s, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(health.size(), 2, 5000);
    QCOMPARE(env.app(u"torvalds"_s)[u"status"_s].toObject()[u"health"_s].toObject()[u"status"_s].toString(),
             u"Healthy"_s);
    QCOMPARE(health.at(0).at(1).toString(), u"Progressing"_s);
    QCOMPARE(health.at(1).at(1).toString(), u"Healthy"_s);

    // Syncing another revision than the target leaves the app OutOfSync.
    QCOMPARE(env.post(u"/api/v1/applications/torvalds/sync"_s, R"({"revision":"1.0.0"})").status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(operationDone(env.app(u"torvalds"_s)), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(syncStatus(env.app(u"torvalds"_s)), u"OutOfSync"_s, 5000);
    status = env.app(u"torvalds"_s)[u"status"_s].toObject();
    QCOMPARE(status[u"sync"_s].toObject()[u"revision"_s].toString(), u"1.2.0"_s);
    QCOMPARE(status[u"history"_s].toArray().last().toObject()[u"revision"_s].toString(), u"1.0.0"_s);
    QCOMPARE(status[u"history"_s]
                 .toArray()
                 .last()
                 .toObject()[u"source"_s]
                 .toObject()[u"targetRevision"_s]
                 .toString(),
             u"1.2.0"_s);
}

void TstArgocdserver::stateSurvivesARestart()
{
    // What one server saves, the next one (another port, another process's lifetime) goes on with.
    QJsonObject saved;
    QJsonObject before;
    {
        Env env;
        env.server.addApplication(seed(u"torvalds"_s, u"1.2.0"_s));
        QSignalSpy changed(&env.server, &ArgoCdServer::stateChanged);
        QCOMPARE(env.post(u"/api/v1/applications/torvalds/sync"_s, "{}").status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(operationDone(env.app(u"torvalds"_s)), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(syncStatus(env.app(u"torvalds"_s)), u"Synced"_s, 5000);
        QVERIFY(!changed.isEmpty());
        const QByteArray patch = R"({"metadata":{"annotations":{"capstan.net/deploy-lock":"held"}}})";
        const QByteArray body =
            QJsonDocument(QJsonObject{{u"patchType"_s, u"merge"_s}, {u"patch"_s, QString::fromUtf8(patch)}})
                .toJson(QJsonDocument::Compact);
        QCOMPARE(
            env.http.send("PATCH", env.url(u"/api/v1/applications/torvalds"_s), env.authJson(), body).status,
            200);
        // A sync still running when the server stops.
        QCOMPARE(env.post(u"/api/v1/applications/torvalds/sync"_s, R"({"revision":"1.0.0"})").status, 200);
        before = env.app(u"torvalds"_s);
        saved = env.server.saveState();
    }
    Env env;
    QString error;
    QVERIFY2(env.server.restoreState(saved, &error), qPrintable(error));
    const QJsonObject after = env.app(u"torvalds"_s);
    QCOMPARE(after[u"metadata"_s].toObject()[u"annotations"_s],
             before[u"metadata"_s].toObject()[u"annotations"_s]);
    QCOMPARE(after[u"metadata"_s].toObject()[u"uid"_s], before[u"metadata"_s].toObject()[u"uid"_s]);
    QCOMPARE(after[u"spec"_s], before[u"spec"_s]);
    QCOMPARE(after[u"status"_s].toObject()[u"history"_s], before[u"status"_s].toObject()[u"history"_s]);
    QVERIFY(after[u"metadata"_s].toObject()[u"resourceVersion"_s].toString().toLongLong() >
            before[u"metadata"_s].toObject()[u"resourceVersion"_s].toString().toLongLong());
    // The restarted controller finishes the operation that was in flight.
    QTRY_VERIFY_WITH_TIMEOUT(operationDone(env.app(u"torvalds"_s)), 5000);
    const QJsonArray history = env.app(u"torvalds"_s)[u"status"_s].toObject()[u"history"_s].toArray();
    QCOMPARE(history.last().toObject()[u"revision"_s].toString(), u"1.0.0"_s);

    QVERIFY(!env.server.restoreState(QJsonObject{{u"format"_s, 99}}, &error));
    QVERIFY2(error.contains(u"format"_s), qPrintable(error));
    QVERIFY(!env.app(u"torvalds"_s).isEmpty()); // a refused state changes nothing
}

void TstArgocdserver::syncMissingVersion()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    QCOMPARE(env.post(u"/api/v1/applications/torvalds/sync"_s, R"({"revision":"9.9.9"})").status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(operationDone(env.app(u"torvalds"_s)), 5000);
    const QJsonObject status = env.app(u"torvalds"_s)[u"status"_s].toObject();
    const QJsonObject state = status[u"operationState"_s].toObject();
    QCOMPARE(state[u"phase"_s].toString(), u"Error"_s);
    const QRegularExpression expected(
        u"^ComparisonError: Failed to load target state: failed to generate manifest for source 1 of 1: rpc "
        u"error: "
        u"code = Unknown desc = error fetching chart: failed to fetch chart: failed running helm: `helm pull "
        u"--destination /tmp/[0-9a-f-]{36} --version 9\\.9\\.9 --repo https://charts\\.example\\.com "
        u"torvalds` failed "
        u"exit status 1: Error: chart \"torvalds\" version \"9\\.9\\.9\" not found in "
        u"https://charts\\.example\\.com "
        u"repository$"_s);
    QVERIFY2(expected.match(state[u"message"_s].toString()).hasMatch(),
             qPrintable(state[u"message"_s].toString()));
    QCOMPARE(status[u"history"_s].toArray().size(), 2);
    QVERIFY(!state[u"syncResult"_s].toObject().contains(u"resources"_s));
    QCOMPARE(status[u"sync"_s].toObject()[u"status"_s].toString(), u"Synced"_s);
}

void TstArgocdserver::syncConstraint()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s, u"^1.0"_s));
    const TestHttp::Reply reply = env.post(u"/api/v1/applications/torvalds/sync"_s, {});
    QCOMPARE(reply.status, 200);
    QCOMPARE(json(reply.body)[u"operation"_s].toObject()[u"sync"_s].toObject()[u"revision"_s].toString(),
             u"1.2.0"_s);
    QTRY_VERIFY_WITH_TIMEOUT(operationDone(env.app(u"torvalds"_s)), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(syncStatus(env.app(u"torvalds"_s)), u"Synced"_s, 5000);
    const QJsonObject status = env.app(u"torvalds"_s)[u"status"_s].toObject();
    const QJsonObject last = status[u"history"_s].toArray().last().toObject();
    QCOMPARE(last[u"revision"_s].toString(), u"1.2.0"_s);
    QCOMPARE(last[u"source"_s].toObject()[u"targetRevision"_s].toString(), u"^1.0"_s);
}

void TstArgocdserver::syncValidation_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("autoSync");
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("twice");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected");

    const QString t = u"torvalds"_s;
    QTest::newRow("auto-sync pins the revision")
        << u"1.1.0"_s << true << t << QByteArray(R"({"revision":"1.2.0"})") << false << 400
        << errorBody(9, u"Cannot sync to 1.2.0: auto-sync currently set to 1.1.0"_s);
    QTest::newRow("auto-sync dry run is fine")
        << u"1.1.0"_s << true << t << QByteArray(R"({"revision":"1.2.0","dryRun":true})") << false << 200
        << QByteArray();
    QTest::newRow("no matching version")
        << u"^3.0"_s << false << t << QByteArray() << false << 400
        << errorBody(
               9,
               u"error resolving repo revision: rpc error: code = Unknown desc = invalid revision: version matching constraint not found in 4 tags"_s);
    QTest::newRow("chart not in index")
        << u"^1.0"_s << false << u"ghost"_s << QByteArray() << false << 400
        << errorBody(
               9,
               u"error resolving repo revision: rpc error: code = Unknown desc = chart 'ghost' not found in index"_s);
    QTest::newRow("improper constraint")
        << u"1.0.0"_s << false << t << QByteArray(R"({"revision":"abc!"})") << false << 400
        << errorBody(
               9,
               u"error resolving repo revision: rpc error: code = Unknown desc = invalid revision: failed to determine semver constraint: improper constraint: abc!"_s);
    QTest::newRow("operation in progress") << u"1.1.0"_s << false << t << QByteArray() << true << 400
                                           << errorBody(9, u"another operation is already in progress"_s);
    QTest::newRow("type mismatch")
        << u"1.1.0"_s << false << t << QByteArray(R"({"revision":5})") << false << 400
        << errorBody(
               3,
               u"json: cannot unmarshal number into Go struct field ApplicationSyncRequest.revision of type string"_s);
    QTest::newRow("bad json") << u"1.1.0"_s << false << t << QByteArray(R"(x)") << false << 400
                              << errorBody(3, u"invalid character 'x' looking for beginning of value"_s);
    QTest::newRow("missing app in project")
        << u"1.1.0"_s << false << t << QByteArray(R"({"project":"team"})") << false << 404
        << errorBody(5, u"applications.argoproj.io \"torvalds\" not found"_s);
}

void TstArgocdserver::syncValidation()
{
    QFETCH(QString, target);
    QFETCH(bool, autoSync);
    QFETCH(QString, chart);
    QFETCH(QByteArray, body);
    QFETCH(bool, twice);
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    Env env;
    ArgoCdServer::AppSeed s = seed(u"torvalds"_s, target, autoSync);
    s.chart = chart;
    s.history = {{u"1.1.0"_s, QDateTime::currentDateTimeUtc()}};
    env.server.addApplication(s);
    if (twice)
        QCOMPARE(env.post(u"/api/v1/applications/torvalds/sync"_s, body).status, 200);
    const TestHttp::Reply reply = env.post(u"/api/v1/applications/torvalds/sync"_s, body);
    QCOMPARE(reply.status, status);
    if (!expected.isEmpty())
        QCOMPARE(reply.body, expected);
}

void TstArgocdserver::dryRunWritesNoHistory()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    QCOMPARE(
        env.post(u"/api/v1/applications/torvalds/sync"_s, R"({"revision":"1.2.0","dryRun":true})").status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(operationDone(env.app(u"torvalds"_s)), 5000);
    const QJsonObject status = env.app(u"torvalds"_s)[u"status"_s].toObject();
    QCOMPARE(status[u"operationState"_s].toObject()[u"phase"_s].toString(), u"Succeeded"_s);
    QCOMPARE(status[u"history"_s].toArray().size(), 2);
    QCOMPARE(status[u"summary"_s].toObject()[u"images"_s].toArray().at(0).toString(),
             u"registry.example.com/torvalds:1.1.0"_s);
}

void TstArgocdserver::historyLimit()
{
    Env env;
    ArgoCdServer::AppSeed s = seed(u"torvalds"_s, u"1.2.0"_s);
    s.revisionHistoryLimit = 2;
    env.server.addApplication(s);
    QCOMPARE(env.post(u"/api/v1/applications/torvalds/sync"_s, {}).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(operationDone(env.app(u"torvalds"_s)), 5000);
    const QJsonArray history = env.app(u"torvalds"_s)[u"status"_s].toObject()[u"history"_s].toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).toObject()[u"id"_s].toInt(), 1);
    QCOMPARE(history.at(1).toObject()[u"id"_s].toInt(), 2);
}

void TstArgocdserver::rollback_data()
{
    QTest::addColumn<bool>("autoSync");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("missing id")
        << false << QByteArray(R"({"prune":true})") << 500
        << errorBody(13, u"grpc: error unmarshalling request: proto: required field \"id\" not set"_s);
    QTest::newRow("null id")
        << false << QByteArray(R"({"id":null})") << 500
        << errorBody(13, u"grpc: error unmarshalling request: proto: required field \"id\" not set"_s);
    QTest::newRow("string id")
        << false << QByteArray(R"({"id":"1"})") << 400
        << errorBody(
               3,
               u"json: cannot unmarshal string into Go struct field ApplicationRollbackRequest.id of type int64"_s);
    QTest::newRow("fraction id")
        << false << QByteArray(R"({"id":1.5})") << 400
        << errorBody(
               3,
               u"json: cannot unmarshal number 1.5 into Go struct field ApplicationRollbackRequest.id of type int64"_s);
    QTest::newRow("unknown id") << false << QByteArray(R"({"id":42})") << 400
                                << errorBody(
                                       3,
                                       u"application argocd/torvalds does not have deployment with id 42"_s);
    QTest::newRow("auto-sync") << true << QByteArray(R"({"id":0})") << 400
                               << errorBody(9, u"rollback cannot be initiated when auto-sync is enabled"_s);
    QTest::newRow("id 0") << false << QByteArray(R"({"id":0})") << 200 << QByteArray();
}

void TstArgocdserver::rollback()
{
    QFETCH(bool, autoSync);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    Env env;
    env.server.addApplication(seed(u"torvalds"_s, u"1.1.0"_s, autoSync));
    const TestHttp::Reply reply = env.post(u"/api/v1/applications/torvalds/rollback"_s, body);
    QCOMPARE(reply.status, status);
    if (!expected.isEmpty())
        QCOMPARE(reply.body, expected);
}

void TstArgocdserver::rollbackRuns()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    const TestHttp::Reply reply = env.post(u"/api/v1/applications/torvalds/rollback"_s, R"({"id":0})");
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.body.contains(
        "\"operation\":{\"sync\":{\"revision\":\"1.0.0\",\"syncStrategy\":{\"apply\":{}},\"source\":"));
    QCOMPARE(env.post(u"/api/v1/applications/torvalds/rollback"_s, R"({"id":0})").body,
             errorBody(9, u"another operation is already in progress"_s));
    QTRY_VERIFY_WITH_TIMEOUT(operationDone(env.app(u"torvalds"_s)), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(syncStatus(env.app(u"torvalds"_s)), u"OutOfSync"_s, 5000);
    const QJsonObject status = env.app(u"torvalds"_s)[u"status"_s].toObject();
    QCOMPARE(status[u"history"_s].toArray().last().toObject()[u"revision"_s].toString(), u"1.0.0"_s);
    QCOMPARE(status[u"history"_s].toArray().last().toObject()[u"id"_s].toInt(), 2);
    QCOMPARE(status[u"sync"_s].toObject()[u"status"_s].toString(), u"OutOfSync"_s);
    QCOMPARE(
        env.app(u"torvalds"_s)[u"spec"_s].toObject()[u"source"_s].toObject()[u"targetRevision"_s].toString(),
        u"1.1.0"_s);
}

void TstArgocdserver::terminate()
{
    ArgoCdServer::Options options = testOptions();
    options.operationMs = 5000;
    Env env(options);
    env.server.addApplication(seed(u"torvalds"_s));
    const QString path = u"/api/v1/applications/torvalds/operation"_s;
    TestHttp::Reply reply = env.http.send("DELETE", env.url(path), env.authJson());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.body, errorBody(3, u"Unable to terminate operation. No operation is in progress"_s));
    QCOMPARE(env.http.send("DELETE", env.url(path), env.auth()).status, 415);
    QCOMPARE(env.post(u"/api/v1/applications/torvalds/sync"_s, R"({"revision":"1.2.0"})").status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(
        env.app(u"torvalds"_s)[u"status"_s].toObject()[u"operationState"_s].toObject()[u"phase"_s].toString(),
        u"Running"_s, 5000);
    reply = env.http.send("DELETE", env.url(path), env.authJson());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("{}"));
    QCOMPARE(
        env.app(u"torvalds"_s)[u"status"_s].toObject()[u"operationState"_s].toObject()[u"phase"_s].toString(),
        u"Terminating"_s);
    QTRY_VERIFY_WITH_TIMEOUT(operationDone(env.app(u"torvalds"_s)), 5000);
    const QJsonObject state = env.app(u"torvalds"_s)[u"status"_s].toObject()[u"operationState"_s].toObject();
    QCOMPARE(state[u"phase"_s].toString(), u"Failed"_s);
    QCOMPARE(state[u"message"_s].toString(), u"Operation terminated"_s);
    QCOMPARE(env.app(u"torvalds"_s)[u"status"_s].toObject()[u"history"_s].toArray().size(), 2);
}

void TstArgocdserver::patch_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("targetRevision");
    QTest::newRow("merge")
        << QByteArray(
               R"({"patchType":"merge","patch":"{\"spec\":{\"source\":{\"targetRevision\":\"1.2.0\"}}}"})")
        << 200 << QString() << u"1.2.0"_s;
    QTest::newRow("json default")
        << QByteArray(
               R"({"patch":"[{\"op\":\"replace\",\"path\":\"/spec/source/targetRevision\",\"value\":\"1.0.0\"}]"})")
        << 200 << QString() << u"1.0.0"_s;
    QTest::newRow("constraint")
        << QByteArray(R"({"patchType":"merge","patch":"{\"spec\":{\"source\":{\"targetRevision\":\"*\"}}}"})")
        << 200 << QString() << u"*"_s;
    QTest::newRow("missing version")
        << QByteArray(
               R"({"patchType":"merge","patch":"{\"spec\":{\"source\":{\"targetRevision\":\"9.9.9\"}}}"})")
        << 400
        << u"^application spec for torvalds is invalid: InvalidSpecError: Unable to generate manifests in : "
           u"rpc error: code = "
           u"Unknown desc = error fetching chart: failed to fetch chart: failed running helm: `helm pull "
           u"--destination /tmp/[0-9a-f-]+ "
           u"--version 9\\.9\\.9 --repo https://charts\\.example\\.com torvalds` failed exit status 1: "
           u"Error: chart \"torvalds\" version "
           u"\"9\\.9\\.9\" not found in https://charts\\.example\\.com repository$"_s
        << u"1.1.0"_s;
    QTest::newRow("strategic") << QByteArray(R"({"patchType":"strategic","patch":"{}"})") << 400
                               << u"^Patch type 'strategic' is not supported$"_s << u"1.1.0"_s;
    QTest::newRow("patch not a string")
        << QByteArray(R"({"patchType":"merge","patch":{}})") << 400
        << u"^json: cannot unmarshal object into Go struct field ApplicationPatchRequest\\.patch of type string$"_s
        << u"1.1.0"_s;
    QTest::newRow("undecodable json patch")
        << QByteArray(R"({"patch":"{"})") << 500 << u"^error decoding json patch: "_s << u"1.1.0"_s;
}

void TstArgocdserver::patch()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(QString, targetRevision);
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    const TestHttp::Reply reply =
        env.http.send("PATCH", env.url(u"/api/v1/applications/torvalds"_s), env.authJson(), body);
    QCOMPARE(reply.status, status);
    if (!message.isEmpty()) {
        const QString actual = json(reply.body)[u"message"_s].toString();
        QVERIFY2(QRegularExpression(message).match(actual).hasMatch(), qPrintable(actual));
        QCOMPARE(json(reply.body)[u"error"_s].toString(), actual);
    } else {
        QCOMPARE(
            json(reply.body)[u"spec"_s].toObject()[u"source"_s].toObject()[u"targetRevision"_s].toString(),
            targetRevision);
    }
    QCOMPARE(
        env.app(u"torvalds"_s)[u"spec"_s].toObject()[u"source"_s].toObject()[u"targetRevision"_s].toString(),
        targetRevision);
}

void TstArgocdserver::patchPersistsOnlySpecAndMetadata()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    const QByteArray patch =
        QJsonDocument(
            QJsonObject{{u"metadata"_s,
                         QJsonObject{{u"annotations"_s,
                                      QJsonObject{{u"capstan.io/deploy-lock"_s, u"{\"holder\":\"ci\"}"_s}}},
                                     {u"labels"_s, QJsonObject{{u"team"_s, u"core"_s}}},
                                     {u"name"_s, u"renamed"_s}}},
                        {u"status"_s, QJsonObject{{u"sync"_s, QJsonObject{{u"status"_s, u"Unknown"_s}}}}},
                        {u"spec"_s,
                         QJsonObject{{u"syncPolicy"_s,
                                      QJsonObject{{u"automated"_s, QJsonObject{{u"enabled"_s, false}}}}}}}})
            .toJson(QJsonDocument::Compact);
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"patchType"_s, u"merge"_s}, {u"patch"_s, QString::fromUtf8(patch)}})
            .toJson(QJsonDocument::Compact);
    const TestHttp::Reply reply =
        env.http.send("PATCH", env.url(u"/api/v1/applications/torvalds"_s), env.authJson(), body);
    QCOMPARE(reply.status, 200);
    const QJsonObject app = env.app(u"torvalds"_s);
    const QJsonObject metadata = app[u"metadata"_s].toObject();
    QCOMPARE(metadata[u"name"_s].toString(), u"torvalds"_s);
    QCOMPARE(metadata[u"annotations"_s].toObject()[u"capstan.io/deploy-lock"_s].toString(),
             u"{\"holder\":\"ci\"}"_s);
    QCOMPARE(metadata[u"labels"_s].toObject()[u"team"_s].toString(), u"core"_s);
    QCOMPARE(metadata[u"generation"_s].toInt(), 2);
    QCOMPARE(app[u"status"_s].toObject()[u"sync"_s].toObject()[u"status"_s].toString(), u"Synced"_s);
    QVERIFY(reply.body.contains("\"syncPolicy\":{\"automated\":{\"enabled\":false}}"));
    // auto-sync disabled: a different revision may be synced
    QCOMPARE(env.post(u"/api/v1/applications/torvalds/sync"_s, R"({"revision":"1.2.0"})").status, 200);

    // Removing the annotation with a JSON patch round-trips too.
    const QByteArray remove =
        R"({"patch":"[{\"op\":\"remove\",\"path\":\"/metadata/annotations/capstan.io~1deploy-lock\"}]"})";
    QCOMPARE(
        env.http.send("PATCH", env.url(u"/api/v1/applications/torvalds"_s), env.authJson(), remove).status,
        200);
    QVERIFY(!env.app(u"torvalds"_s)[u"metadata"_s].toObject().contains(u"annotations"_s));
}

void TstArgocdserver::refreshBlocks()
{
    ArgoCdServer::Options options = testOptions();
    options.reconcileMs = 200;
    Env env(options);
    env.server.addApplication(seed(u"torvalds"_s));
    const QString before = env.app(u"torvalds"_s)[u"metadata"_s].toObject()[u"resourceVersion"_s].toString();
    const QString reconciledBefore =
        env.app(u"torvalds"_s)[u"status"_s].toObject()[u"reconciledAt"_s].toString();
    QTest::qWait(1100); // a later second for reconciledAt
    const TestHttp::Reply reply = env.get(u"/api/v1/applications/torvalds?refresh=normal"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject app = json(reply.body);
    QVERIFY(app[u"metadata"_s].toObject()[u"resourceVersion"_s].toString().toLongLong() >
            before.toLongLong() + 1);
    QVERIFY(!app[u"metadata"_s].toObject()[u"annotations"_s].toObject().contains(
        u"argocd.argoproj.io/refresh"_s));
    QVERIFY(app[u"status"_s].toObject()[u"reconciledAt"_s].toString() > reconciledBefore);
}

void TstArgocdserver::autoSync()
{
    Env env;
    ArgoCdServer::AppSeed s = seed(u"torvalds"_s, u"1.2.0"_s, true);
    env.server.addApplication(s);
    QTRY_VERIFY_WITH_TIMEOUT(env.app(u"torvalds"_s)[u"status"_s].toObject()[u"history"_s].toArray().size() ==
                                     3 &&
                                 operationDone(env.app(u"torvalds"_s)),
                             5000);
    const QJsonObject status = env.app(u"torvalds"_s)[u"status"_s].toObject();
    const QJsonObject last = status[u"history"_s].toArray().last().toObject();
    QCOMPARE(last[u"revision"_s].toString(), u"1.2.0"_s);
    QCOMPARE(last[u"initiatedBy"_s].toObject(), (QJsonObject{{u"automated"_s, true}}));
    QCOMPARE(status[u"operationState"_s]
                 .toObject()[u"operation"_s]
                 .toObject()[u"retry"_s]
                 .toObject()[u"limit"_s]
                 .toInt(),
             5);
    QTRY_COMPARE_WITH_TIMEOUT(syncStatus(env.app(u"torvalds"_s)), u"Synced"_s, 5000);

    // Disabled with enabled=false: no automatic operation.
    Env off;
    off.server.addApplication(seed(u"torvalds"_s, u"1.2.0"_s, false));
    const QByteArray body =
        R"({"patchType":"merge","patch":"{\"spec\":{\"syncPolicy\":{\"automated\":{\"enabled\":false}}}}"})";
    QCOMPARE(off.http.send("PATCH", off.url(u"/api/v1/applications/torvalds"_s), off.authJson(), body).status,
             200);
    QTest::qWait(200);
    QVERIFY(!off.app(u"torvalds"_s).contains(u"operation"_s));
    QCOMPARE(off.app(u"torvalds"_s)[u"status"_s].toObject()[u"history"_s].toArray().size(), 2);
}

void TstArgocdserver::autoSyncDoesNotRetryFailedRevision()
{
    auto versions = std::make_shared<QStringList>(QStringList{u"1.1.0"_s, u"1.2.0"_s});
    ArgoCdServer::Options options = testOptions();
    options.operationMs = 300;
    options.chartVersions = [versions](const QString &, const QString &) { return *versions; };
    Env env(options);
    env.server.addApplication(seed(u"torvalds"_s, u"1.2.0"_s, true));
    QTRY_COMPARE_WITH_TIMEOUT(
        env.app(u"torvalds"_s)[u"status"_s].toObject()[u"operationState"_s].toObject()[u"phase"_s].toString(),
        u"Running"_s, 5000);
    versions->removeAll(u"1.2.0"_s); // the chart vanishes while the automated sync runs
    QTRY_VERIFY_WITH_TIMEOUT(operationDone(env.app(u"torvalds"_s)), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(syncStatus(env.app(u"torvalds"_s)), u"Unknown"_s, 5000);
    QJsonObject status = env.app(u"torvalds"_s)[u"status"_s].toObject();
    QCOMPARE(status[u"operationState"_s].toObject()[u"phase"_s].toString(), u"Error"_s);
    QCOMPARE(status[u"conditions"_s].toArray().at(0).toObject()[u"type"_s].toString(), u"ComparisonError"_s);
    versions->append(u"1.2.0"_s);
    const TestHttp::Reply reply = env.get(u"/api/v1/applications/torvalds?refresh=normal"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject app = json(reply.body);
    status = app[u"status"_s].toObject();
    QCOMPARE(status[u"sync"_s].toObject()[u"status"_s].toString(), u"OutOfSync"_s);
    QVERIFY(!app.contains(u"operation"_s));
    const QJsonArray conditions = status[u"conditions"_s].toArray();
    QCOMPARE(conditions.size(), 1);
    QCOMPARE(conditions.at(0).toObject()[u"type"_s].toString(), u"SyncError"_s);
    QVERIFY(conditions.at(0).toObject()[u"message"_s].toString().startsWith(
        u"Failed last sync attempt to [1.2.0]: ComparisonError: "_s));
    QCOMPARE(status[u"history"_s].toArray().size(), 2);
}

void TstArgocdserver::loginLockout()
{
    Env env;
    const Headers headers{{"Content-Type", "application/json"}};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(env.http
                     .send("POST", env.url(u"/api/v1/session"_s), headers,
                           R"({"username":"admin","password":"x"})")
                     .status,
                 401);
    }
    const TestHttp::Reply reply = env.http.send("POST", env.url(u"/api/v1/session"_s), headers,
                                                R"({"username":"admin","password":"s3cret"})");
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.body, errorBody(16, u"Invalid username or password"_s));
}

void TstArgocdserver::dropStreamFault()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    Fault fault;
    fault.kind = Fault::Kind::DropStream;
    fault.pathPrefix = u"/api/v1/stream/applications"_s;
    fault.delayMs = 50;
    env.server.addFault(fault);
    RawHttpStream stream;
    QVERIFY(stream.open(env.server.port(), rawGet(env.server.port(), "/api/v1/stream/applications",
                                                  "Authorization: Bearer " + env.token.toLatin1() + "\r\n")));
    QVERIFY(stream.waitForClose());
    QVERIFY(stream.dechunkedBody().contains("\"type\":\"ADDED\""));
    QVERIFY(!stream.received().endsWith("0\r\n\r\n"));
    QCOMPARE(env.server.openStreams(), 0);
    // The next watch is normal.
    RawHttpStream next;
    QVERIFY(next.open(env.server.port(), rawGet(env.server.port(), "/api/v1/stream/applications",
                                                "Authorization: Bearer " + env.token.toLatin1() + "\r\n")));
    QVERIFY(next.waitFor("ADDED"));
    QVERIFY(!next.receivesWithin(150));
    QVERIFY(next.isOpen());
}

void TstArgocdserver::streamNdjson()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    env.server.addApplication(seed(u"other"_s));
    RawHttpStream stream;
    QVERIFY(
        stream.open(env.server.port(), rawGet(env.server.port(), "/api/v1/stream/applications?name=torvalds",
                                              "Authorization: Bearer " + env.token.toLatin1() + "\r\n")));
    QVERIFY(stream.waitFor("\n\r\n"));
    const TestHttp::Reply head = TestHttp::parseRaw(stream.received());
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Transfer-Encoding"), QByteArray("chunked"));
    QCOMPARE(head.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(head.header("Grpc-Metadata-Content-Type"), QByteArray("application/grpc"));
    QVERIFY(stream.dechunkedBody().startsWith(
        "{\"result\":{\"type\":\"ADDED\",\"application\":{\"metadata\":{\"name\":\"torvalds\""));
    QCOMPARE(env.server.openStreams(), 1);
    env.server.setHealth(u"other"_s, u"Degraded"_s);
    env.server.setHealth(u"torvalds"_s, u"Degraded"_s,
                         u"Deployment \"torvalds\" exceeded its progress deadline"_s);
    QVERIFY(stream.waitFor("MODIFIED"));
    QVERIFY(stream.waitFor("exceeded its progress deadline\"}"));
    const QList<QByteArray> lines = stream.dechunkedBody().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(2).isEmpty());
    QCOMPARE(json(lines.at(1))[u"result"_s].toObject()[u"type"_s].toString(), u"MODIFIED"_s);
    QCOMPARE(json(lines.at(1))[u"result"_s]
                 .toObject()[u"application"_s]
                 .toObject()[u"status"_s]
                 .toObject()[u"health"_s]
                 .toObject()[u"status"_s]
                 .toString(),
             u"Degraded"_s);
    QVERIFY(!stream.dechunkedBody().contains("\"name\":\"other\""));
}

void TstArgocdserver::streamUnknownAppDelaysHeaders()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    RawHttpStream stream;
    QVERIFY(stream.open(env.server.port(), rawGet(env.server.port(), "/api/v1/stream/applications?name=later",
                                                  "Authorization: Bearer " + env.token.toLatin1() + "\r\n")));
    QVERIFY(!stream.receivesWithin(300));
    QTRY_COMPARE(env.server.openStreams(), 1);
    env.server.addApplication(seed(u"later"_s));
    QVERIFY(stream.waitFor("\"name\":\"later\""));
    QVERIFY(stream.received().startsWith("HTTP/1.1 200 OK\r\n"));
}

void TstArgocdserver::streamSse()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    RawHttpStream known;
    QVERIFY(known.open(env.server.port(),
                       rawGet(env.server.port(), "/api/v1/stream/applications?name=torvalds",
                              "Accept: text/event-stream\r\nAccept-Encoding: gzip\r\nAuthorization: Bearer " +
                                  env.token.toLatin1() + "\r\n")));
    QVERIFY(known.waitFor("}} \n\n\n"));
    const TestHttp::Reply head = TestHttp::parseRaw(known.received());
    QCOMPARE(head.header("Content-Type"), QByteArray("text/event-stream"));
    QVERIFY(!head.hasHeader("Content-Encoding"));
    QVERIFY(!head.hasHeader("Vary"));
    QVERIFY(known.dechunkedBody().startsWith("data: {\"result\":{\"type\":\"ADDED\""));
    QVERIFY(known.waitFor("\r\n:\n\r\n"));

    RawHttpStream unknown;
    QVERIFY(unknown.open(
        env.server.port(),
        rawGet(env.server.port(), "/api/v1/stream/applications?name=ghost",
               "Accept: text/event-stream\r\nAuthorization: Bearer " + env.token.toLatin1() + "\r\n")));
    QVERIFY(unknown.waitFor("\r\n\r\n"));
    QVERIFY(unknown.waitFor(":\n"));
    QCOMPARE(unknown.dechunkedBody().left(2), QByteArray(":\n"));
}

void TstArgocdserver::streamAuthError()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    RawHttpStream stream;
    QVERIFY(stream.open(env.server.port(), rawGet(env.server.port(), "/api/v1/stream/applications", {})));
    QVERIFY(stream.waitFor("0\r\n\r\n"));
    const TestHttp::Reply reply = TestHttp::parseRaw(stream.received());
    QCOMPARE(reply.status, 401);
    QCOMPARE(
        stream.dechunkedBody(),
        QByteArray(
            R"({"error":{"grpc_code":16,"http_code":401,"message":"no session information","http_status":"Unauthorized"}})"
            "\n"));
    QCOMPARE(env.server.openStreams(), 0);
}

void TstArgocdserver::streamGzipThroughQt()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    QNetworkRequest request(env.url(u"/api/v1/stream/applications?name=torvalds"_s));
    request.setRawHeader("Authorization", "Bearer " + env.token.toLatin1());
    QNetworkReply *reply = env.manager.get(request);
    QByteArray received;
    connect(reply, &QIODevice::readyRead, this, [&] { received += reply->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(received.count('\n') >= 1, 5000);
    QCOMPARE(reply->rawHeader("Content-Encoding"), QByteArray("gzip"));
    env.server.setHealth(u"torvalds"_s, u"Degraded"_s);
    QTRY_VERIFY_WITH_TIMEOUT(received.count('\n') >= 2, 5000);
    const QList<QByteArray> lines = received.split('\n');
    QCOMPARE(json(lines.at(0))[u"result"_s].toObject()[u"type"_s].toString(), u"ADDED"_s);
    QCOMPARE(json(lines.at(1))[u"result"_s].toObject()[u"type"_s].toString(), u"MODIFIED"_s);
    reply->abort();
    reply->deleteLater();
    QTRY_COMPARE(env.server.openStreams(), 0);
}

void TstArgocdserver::dropStreams()
{
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    RawHttpStream stream;
    QVERIFY(stream.open(env.server.port(), rawGet(env.server.port(), "/api/v1/stream/applications",
                                                  "Authorization: Bearer " + env.token.toLatin1() + "\r\n")));
    QVERIFY(stream.waitFor("ADDED"));
    QCOMPARE(env.server.openStreams(), 1);
    env.server.dropStreams();
    QCOMPARE(env.server.openStreams(), 0);
    QVERIFY(stream.waitForClose());
    QVERIFY(!stream.received().contains("\r\n0\r\n\r\n"));
}

void TstArgocdserver::faults_data()
{
    QTest::addColumn<ArgoCdServer::Fault::Kind>("kind");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("status") << Fault::Kind::Status << u"/api/v1/applications"_s << 503
                            << errorBody(14, u"Service Unavailable"_s) << QByteArray();
    QTest::newRow("other path untouched")
        << Fault::Kind::Status << u"/api/version"_s << 200 << QByteArray() << QByteArray();
    QTest::newRow("other method untouched")
        << Fault::Kind::Status << QString() << 200 << QByteArray() << QByteArray("POST");
    QTest::newRow("same method") << Fault::Kind::Status << QString() << 503
                                 << errorBody(14, u"Service Unavailable"_s) << QByteArray("GET");
    QTest::newRow("delay") << Fault::Kind::Delay << QString() << 200 << QByteArray() << QByteArray();
    QTest::newRow("close") << Fault::Kind::CloseConnection << QString() << 0 << QByteArray() << QByteArray();
    QTest::newRow("garbage") << Fault::Kind::GarbageBody << QString() << 200 << QByteArray("{\"metadata\":")
                             << QByteArray();
}

void TstArgocdserver::faults()
{
    QFETCH(ArgoCdServer::Fault::Kind, kind);
    QFETCH(QString, prefix);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, method);
    Env env;
    env.server.addApplication(seed(u"torvalds"_s));
    Fault fault;
    fault.kind = kind;
    fault.pathPrefix = prefix;
    fault.method = method;
    fault.status = 503;
    fault.delayMs = 50;
    env.server.addFault(fault);
    const int before = env.server.requestCount();
    if (kind == Fault::Kind::CloseConnection) {
        // QNAM retries a GET on a closed keep-alive connection, so look at the wire.
        QCOMPARE(TestHttp::raw(env.server.port(), rawGet(env.server.port(), "/api/v1/applications", {})),
                 QByteArray());
        QCOMPARE(env.server.requestCount(), before + 1);
        QCOMPARE(env.get(u"/api/v1/applications"_s).status, 200);
        return;
    }
    TestHttp::Reply reply = env.get(u"/api/v1/applications"_s);
    QCOMPARE(reply.status, status);
    if (!body.isEmpty())
        QCOMPARE(reply.body, body);
    QVERIFY(env.server.requestCount() > before);
    // count 1: the next request is normal
    reply = env.get(u"/api/v1/applications"_s);
    if (!method.isEmpty() && method != "GET")
        return; // the fault is still armed for its method
    QCOMPARE(reply.status, 200);
    QVERIFY(json(reply.body).contains(u"items"_s));
}

QTEST_GUILESS_MAIN(TstArgocdserver)
#include "tst_argocdserver.moc"
