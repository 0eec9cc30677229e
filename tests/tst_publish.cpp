#include "CapstanProcess.h"
#include "ServerFixture.h"
#include "TestChartFactory.h"
#include "chart/ChartArchive.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "chartmuseum/ChartMuseumServer.h"
#include "net/HttpClient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int ChildTimeoutMs = 120000; // a bound against hangs, not a timing assertion

const QString User = u"ci-robot"_s;
const QString Password = u"Hv7-publish-never-printed-3e9a"_s;

template <typename T> struct Outcome
{
    std::optional<T> value;
    std::optional<ApiError> error;
};

struct Done
{};

template <typename T> auto await(QFuture<T> future)
{
    using Value = std::conditional_t<std::is_void_v<T>, Done, T>;
    Outcome<Value> outcome;
    QFutureWatcher<T> watcher;
    watcher.setFuture(future);
    if (!QTest::qWaitFor([&] { return watcher.isFinished(); }, 60000)) {
        outcome.error = ApiError(ApiError::Kind::Failed, u"test timed out"_s);
        return outcome;
    }
    try {
        future.waitForFinished();
        if constexpr (std::is_void_v<T>)
            outcome.value = Done{};
        else
            outcome.value = future.result();
    } catch (const ApiError &error) {
        outcome.error = error;
    }
    return outcome;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

using Run = CapstanProcess::Result;

} // namespace

// Publishing and deleting through ChartMuseumClient and the CLI, against the in-repo ChartMuseum server.
class TstPublish : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void overwriteRules_data();
    void overwriteRules();
    void refusedLocally_data();
    void refusedLocally();
    void httpErrorsOnUpload_data();
    void httpErrorsOnUpload();
    void tooLargeForServer();
    void multitenantUpload();
    void readBackWaitsForIndex();
    void readBackGivesUp_data();
    void readBackGivesUp();
    void reportsUploadProgress();
    void remove_data();
    void remove();
    void deletesAllowedProbe_data();
    void deletesAllowedProbe();
    void cliPublish_data();
    void cliPublish();
    void cliDelete_data();
    void cliDelete();

private:
    ServerFixture *fixture(ChartMuseumServer::Options options = {});
    ChartMuseumClient *client(const QUrl &url, const QString &repo = {}, const QString &password = {});
    Run capstan(const QStringList &arguments, const QString &password);
    QString writeConfig(const QUrl &url);

    std::vector<std::unique_ptr<ServerFixture>> m_fixtures;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::vector<std::unique_ptr<QObject>> m_owned;
    std::unique_ptr<QTemporaryDir> m_work;
};

void TstPublish::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_work->isValid());
}

void TstPublish::cleanup()
{
    m_owned.clear();
    m_fixtures.clear();
    m_network.reset();
    m_work.reset();
}

ServerFixture *TstPublish::fixture(ChartMuseumServer::Options options)
{
    m_fixtures.push_back(std::make_unique<ServerFixture>(options));
    return m_fixtures.back().get();
}

ChartMuseumClient *TstPublish::client(const QUrl &url, const QString &repo, const QString &password)
{
    HttpClient::Options options;
    options.timeoutMs = 10000;
    options.backoffMs = 10;
    options.serviceName = u"ChartMuseum"_s;
    options.credentialName = u"chartmuseum"_s;
    auto http = std::make_unique<HttpClient>(m_network.get(), url, options);
    if (!password.isEmpty())
        http->setAuth({HttpClient::Auth::Scheme::Basic, User, password});
    auto cm = std::make_unique<ChartMuseumClient>(http.get(), repo);
    ChartMuseumClient *raw = cm.get();
    m_owned.push_back(std::move(cm));
    m_owned.push_back(std::move(http));
    return raw;
}

QString TstPublish::writeConfig(const QUrl &url)
{
    const QString path = m_work->filePath(u"capstan-%1.yaml"_s.arg(url.port()));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(
        u"chartmuseum:\n  url: %1\n  username: %2\n  timeout: 10\n"_s.arg(url.toString(), User).toUtf8());
    return path;
}

Run TstPublish::capstan(const QStringList &arguments, const QString &password)
{
    QProcessEnvironment environment = CapstanProcess::environment(m_work->path());
    if (!password.isEmpty())
        environment.insert(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s, password);
    return CapstanProcess::run(arguments, environment, m_work->path(), ChildTimeoutMs);
}

void TstPublish::overwriteRules_data()
{
    QTest::addColumn<bool>("allowOverwrite");
    QTest::addColumn<bool>("disableForceOverwrite");
    QTest::addColumn<bool>("exists");
    QTest::addColumn<bool>("force");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("new version") << false << false << false << false << true;
    QTest::newRow("new version, --force") << false << false << false << true << true;
    QTest::newRow("exists: 409") << false << false << true << false << false;
    QTest::newRow("exists, ?force: 201") << false << false << true << true << true;
    QTest::newRow("exists, ?force, --disable-force-overwrite: 409") << false << true << true << true << false;
    QTest::newRow("exists, --disable-force-overwrite, no force: 409")
        << false << true << true << false << false;
    QTest::newRow("exists, --allow-overwrite") << true << false << true << false << true;
    QTest::newRow("exists, --allow-overwrite, --disable-force-overwrite")
        << true << true << true << true << true;
}

void TstPublish::overwriteRules()
{
    QFETCH(bool, allowOverwrite);
    QFETCH(bool, disableForceOverwrite);
    QFETCH(bool, exists);
    QFETCH(bool, force);
    QFETCH(bool, accepted);

    ChartMuseumServer::Options options;
    options.allowOverwrite = allowOverwrite;
    options.disableForceOverwrite = disableForceOverwrite;
    ServerFixture *server = fixture(options);
    const QString stored = server->repoDirectory() + u"/torvalds-1.2.3.tgz"_s;
    const QByteArray old = TestChartFactory::chart(u"torvalds"_s, u"1.2.3"_s, u"old"_s);
    if (exists)
        QVERIFY(server->putFile(u"torvalds-1.2.3.tgz"_s, old));
    QString error;
    QVERIFY2(server->start(&error), qPrintable(error));

    const QByteArray package = TestChartFactory::chart(u"torvalds"_s, u"1.2.3"_s, u"new"_s);
    QVERIFY(sha256(package) != sha256(old));
    const auto outcome = await(client(server->url())->upload(package, force));
    if (accepted) {
        QVERIFY2(outcome.value, outcome.error ? qPrintable(outcome.error->toString()) : "no value");
        QCOMPARE(outcome.value->name(), u"torvalds"_s);
        QCOMPARE(outcome.value->version(), u"1.2.3"_s);
        QCOMPARE(outcome.value->digest, sha256(package));
        QCOMPARE(readFile(stored), package);
    } else {
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), ApiError::Kind::Conflict);
        QCOMPARE(outcome.error->exitCode(), ExitCode::Conflict);
        QVERIFY2(outcome.error->toString().contains(u"torvalds 1.2.3 already exists"_s),
                 qPrintable(outcome.error->toString()));
        QCOMPARE(outcome.error->serverMessage(), u"file already exists"_s);
        QVERIFY(outcome.error->hint().contains(u"--disable-force-overwrite"_s));
        if (!force)
            QVERIFY(outcome.error->hint().contains(u"--force overwrites it"_s));
        QCOMPARE(readFile(stored), old);
    }
}

void TstPublish::refusedLocally_data()
{
    QTest::addColumn<QByteArray>("package");
    QTest::addColumn<QString>("expected"); // in the message

    QTest::newRow("not gzip") << TestChartFactory::notGzip() << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("parent reference")
        << TestChartFactory::withParentReference() << u"chart illegally references parent directory"_s;
    QTest::newRow("invalid version") << TestChartFactory::withChartYaml(
                                            "apiVersion: v2\nname: x\nversion: 1.2.3.4\n")
                                     << u"1.2.3.4"_s;
    QTest::newRow("over 20 MiB") << QByteArray(20 * 1024 * 1024 + 1, 'x') << u"20971521 bytes"_s;
}

void TstPublish::refusedLocally()
{
    QFETCH(QByteArray, package);
    QFETCH(QString, expected);
    ServerFixture *server = fixture();
    QString error;
    QVERIFY2(server->start(&error), qPrintable(error));
    const int before = server->server()->requestCount();

    const auto outcome = await(client(server->url())->upload(package, false));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind(), ApiError::Kind::Archive);
    QCOMPARE(server->server()->requestCount(), before);
    if (package.size() <= ChartMuseumClient::MaxUploadSize) {
        QString loaderError;
        QVERIFY(!ChartArchive::read(package, &loaderError));
        QVERIFY(!loaderError.isEmpty());
        QVERIFY2(outcome.error->message().contains(loaderError), qPrintable(outcome.error->message()));
    }
    if (!expected.isEmpty())
        QVERIFY2(outcome.error->message().contains(expected), qPrintable(outcome.error->message()));
}

void TstPublish::httpErrorsOnUpload_data()
{
    QTest::addColumn<QString>("password"); // client's; the server wants Password
    QTest::addColumn<int>("faultStatus");  // 0: none
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("uploads"); // POSTs sent; each but the first after a look-up found nothing

    const int sends = ChartMuseumClient::MaxUploadSends;
    QTest::newRow("no credentials: 401") << QString() << 0 << 401 << int(ExitCode::Auth) << 1;
    QTest::newRow("wrong password: 401") << u"wrong"_s << 0 << 401 << int(ExitCode::Auth) << 1;
    QTest::newRow("403") << Password << 403 << 403 << int(ExitCode::Auth) << 1;
    QTest::newRow("500: looked up, sent again")
        << Password << 500 << 500 << int(ExitCode::Unreachable) << sends;
    QTest::newRow("503: looked up, sent again")
        << Password << 503 << 503 << int(ExitCode::Unreachable) << sends;
    QTest::newRow("507 storage limit") << Password << 507 << 507 << int(ExitCode::Unreachable) << 1;
}

void TstPublish::httpErrorsOnUpload()
{
    QFETCH(QString, password);
    QFETCH(int, faultStatus);
    QFETCH(int, status);
    QFETCH(int, exitCode);
    QFETCH(int, uploads);

    ChartMuseumServer::Options options;
    options.basicUser = User;
    options.basicPassword = Password;
    ServerFixture *server = fixture(options);
    QString error;
    QVERIFY2(server->start(&error), qPrintable(error));
    if (faultStatus != 0) {
        ChartMuseumServer::Fault fault;
        fault.status = faultStatus;
        fault.pathPrefix = u"/api/charts"_s;
        fault.method = "POST";
        fault.count = -1;
        server->server()->addFault(fault);
    }
    const int before = server->server()->requestCount();
    const auto outcome = await(
        client(server->url(), {}, password)->upload(TestChartFactory::chart(u"a"_s, u"1.0.0"_s), false));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->status(), status);
    QCOMPARE(int(outcome.error->exitCode()), exitCode);
    QVERIFY2(outcome.error->message().contains(u"Uploading a 1.0.0"_s), qPrintable(outcome.error->message()));
    // A POST is never repeated blindly: after a lost answer the version is looked up first.
    QCOMPARE(server->server()->requestCount(), before + (uploads == 1 ? 1 : 2 * uploads));
    if (uploads > 1)
        QVERIFY2(outcome.error->hint().contains(u"Tried %1 time"_s.arg(uploads)),
                 qPrintable(outcome.error->hint()));
    QVERIFY(!QFileInfo::exists(server->repoDirectory() + u"/a-1.0.0.tgz"_s));
}

void TstPublish::tooLargeForServer()
{
    ChartMuseumServer::Options options;
    options.maxUploadSize = 200;
    ServerFixture *server = fixture(options);
    QString error;
    QVERIFY2(server->start(&error), qPrintable(error));
    const QByteArray package = TestChartFactory::chart(u"big"_s, u"1.0.0"_s);
    QVERIFY(package.size() > 200);
    const auto outcome = await(client(server->url())->upload(package, false));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->status(), 413);
    QCOMPARE(outcome.error->serverMessage(), u"request too large"_s);
    QVERIFY2(outcome.error->toString().contains(u"request too large"_s),
             qPrintable(outcome.error->toString()));
    QVERIFY(outcome.error->hint().contains(QString::number(package.size())));
}

void TstPublish::multitenantUpload()
{
    ChartMuseumServer::Options options;
    options.depth = 2;
    ServerFixture *server = fixture(options);
    QString error;
    QVERIFY2(server->start(&error), qPrintable(error));
    const QByteArray package = TestChartFactory::chart(u"tenant"_s, u"0.1.0"_s);
    const auto outcome = await(client(server->url(), u"org/team"_s)->upload(package, false));
    QVERIFY2(outcome.value, outcome.error ? qPrintable(outcome.error->toString()) : "");
    QCOMPARE(outcome.value->digest, sha256(package));
    QCOMPARE(readFile(server->repoDirectory(u"org/team"_s) + u"/tenant-0.1.0.tgz"_s), package);

    // Without the repo the depth-2 server has no such route.
    const auto wrong = await(client(server->url())->upload(package, false));
    QVERIFY(wrong.error);
    QCOMPARE(wrong.error->status(), 404);
}

void TstPublish::readBackWaitsForIndex()
{
    ServerFixture *server = fixture();
    QString error;
    QVERIFY2(server->start(&error), qPrintable(error));
    ChartMuseumServer::Fault lag;
    lag.status = 404;
    lag.body = R"({"error":"no chart version found for lag-1.0.0"})";
    lag.pathPrefix = u"/api/charts/lag/1.0.0"_s;
    lag.count = 3;
    server->server()->addFault(lag);
    const int before = server->server()->requestCount();
    const QByteArray package = TestChartFactory::chart(u"lag"_s, u"1.0.0"_s);
    const auto outcome = await(client(server->url())->upload(package, false));
    QVERIFY2(outcome.value, outcome.error ? qPrintable(outcome.error->toString()) : "");
    QCOMPARE(outcome.value->digest, sha256(package));
    QCOMPARE(server->server()->requestCount(), before + 1 + 4); // POST, three misses, the hit
}

void TstPublish::readBackGivesUp_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");

    QTest::newRow("never listed") << 404 << QByteArray(R"({"error":"no chart version found"})")
                                  << int(ApiError::Kind::Http) << u"reading it back failed"_s;
    QTest::newRow("other digest")
        << 200
        << QByteArray(
               R"({"name":"gone","version":"1.0.0","urls":["charts/gone-1.0.0.tgz"],)"
               R"("created":"2026-01-01T00:00:00Z","digest":"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"})")
        << int(ApiError::Kind::Integrity) << u"sha256 001122334455"_s;
}

void TstPublish::readBackGivesUp()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, expected);
    ServerFixture *server = fixture();
    QString error;
    QVERIFY2(server->start(&error), qPrintable(error));
    ChartMuseumServer::Fault fault;
    fault.status = status;
    fault.body = body;
    fault.pathPrefix = u"/api/charts/gone/1.0.0"_s;
    fault.count = -1;
    server->server()->addFault(fault);
    const int before = server->server()->requestCount();
    const auto outcome =
        await(client(server->url())->upload(TestChartFactory::chart(u"gone"_s, u"1.0.0"_s), false));
    QVERIFY(outcome.error);
    QCOMPARE(int(outcome.error->kind()), kind);
    QVERIFY2(outcome.error->toString().contains(expected), qPrintable(outcome.error->toString()));
    QVERIFY(outcome.error->toString().contains(u"gone 1.0.0 was uploaded"_s));
    QCOMPARE(server->server()->requestCount(), before + 1 + 10);
}

void TstPublish::reportsUploadProgress()
{
    ServerFixture *server = fixture();
    QString error;
    QVERIFY2(server->start(&error), qPrintable(error));
    const QByteArray package = TestChartFactory::chart(u"progress"_s, u"1.0.0"_s);
    QFuture<ChartVersion> future = client(server->url())->upload(package, false);
    const auto outcome = await(future);
    QVERIFY2(outcome.value, outcome.error ? qPrintable(outcome.error->toString()) : "");
    QCOMPARE(future.progressMaximum(), int(package.size()));
    QCOMPARE(future.progressValue(), int(package.size()));
}

void TstPublish::remove_data()
{
    QTest::addColumn<bool>("disableDelete");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("removed");
    QTest::addColumn<int>("exitCode");     // Ok when removed
    QTest::addColumn<QString>("expected"); // in the error text

    QTest::newRow("existing") << false << u"1.0.0"_s << true << int(ExitCode::Ok) << QString();
    QTest::newRow("missing version") << false << u"9.9.9"_s << false << int(ExitCode::NotFound)
                                     << u"torvalds 9.9.9 does not exist"_s;
    QTest::newRow("range is not a version")
        << false << u"1.0"_s << false << int(ExitCode::NotFound) << u"no such file or directory"_s;
    QTest::newRow("--disable-delete") << true << u"1.0.0"_s << false << int(ExitCode::Failed)
                                      << u"does not allow deletes (started with --disable-delete)"_s;
    QTest::newRow("--disable-delete, missing version")
        << true << u"9.9.9"_s << false << int(ExitCode::NotFound) << u"torvalds 9.9.9 does not exist"_s;
}

void TstPublish::remove()
{
    QFETCH(bool, disableDelete);
    QFETCH(QString, version);
    QFETCH(bool, removed);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);

    ChartMuseumServer::Options options;
    options.disableDelete = disableDelete;
    ServerFixture *server = fixture(options);
    QVERIFY(server->putChart(u"torvalds"_s, u"1.0.0"_s));
    QVERIFY(server->putChart(u"torvalds"_s, u"1.0.1"_s));
    QString error;
    QVERIFY2(server->start(&error), qPrintable(error));
    const QString stored = server->repoDirectory() + u"/torvalds-1.0.0.tgz"_s;

    ChartMuseumClient *cm = client(server->url());
    QVERIFY(!cm->knownDeletesAllowed());
    const auto outcome = await(cm->remove(u"torvalds"_s, version));
    if (removed) {
        QVERIFY2(outcome.value, outcome.error ? qPrintable(outcome.error->toString()) : "");
        QVERIFY(!QFileInfo::exists(stored));
        QCOMPARE(cm->knownDeletesAllowed(), std::optional<bool>(true));
        const auto gone = await(cm->version(u"torvalds"_s, u"1.0.0"_s));
        QVERIFY(gone.error);
        QCOMPARE(gone.error->status(), 404);
    } else {
        QVERIFY(outcome.error);
        QCOMPARE(int(outcome.error->exitCode()), exitCode);
        QVERIFY2(outcome.error->toString().contains(expected), qPrintable(outcome.error->toString()));
        QVERIFY(QFileInfo::exists(stored));
        if (exitCode == int(ExitCode::Failed))
            QCOMPARE(cm->knownDeletesAllowed(), std::optional<bool>(false));
    }
    QVERIFY(QFileInfo::exists(server->repoDirectory() + u"/torvalds-1.0.1.tgz"_s));
}

void TstPublish::deletesAllowedProbe_data()
{
    QTest::addColumn<bool>("disableDelete");
    QTest::newRow("deletes allowed") << false;
    QTest::newRow("--disable-delete") << true;
}

void TstPublish::deletesAllowedProbe()
{
    QFETCH(bool, disableDelete);
    ChartMuseumServer::Options options;
    options.disableDelete = disableDelete;
    ServerFixture *server = fixture(options);
    QVERIFY(server->putChart(u"torvalds"_s, u"1.0.0"_s));
    QString error;
    QVERIFY2(server->start(&error), qPrintable(error));
    const QStringList before = QDir(server->repoDirectory()).entryList(QDir::Files);
    ChartMuseumClient *cm = client(server->url());
    const auto outcome = await(cm->deletesAllowed());
    QVERIFY2(outcome.value, outcome.error ? qPrintable(outcome.error->toString()) : "");
    QCOMPARE(*outcome.value, !disableDelete);
    QCOMPARE(cm->knownDeletesAllowed(), std::optional<bool>(!disableDelete));
    QCOMPARE(QDir(server->repoDirectory()).entryList(QDir::Files), before);
}

void TstPublish::cliPublish_data()
{
    QTest::addColumn<QString>("what");      // "chart", "existing", "directory", "not-a-chart", "missing"
    QTest::addColumn<QStringList>("extra"); // options
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("faultStatus");
    QTest::addColumn<bool>("json");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // in stdout on success, in stderr otherwise

    QTest::newRow("text") << u"chart"_s << QStringList() << Password << 0 << false << 0
                          << u"Published cli 1.0.0"_s;
    QTest::newRow("json") << u"chart"_s << QStringList() << Password << 0 << true << 0 << u"cli"_s;
    QTest::newRow("conflict") << u"existing"_s << QStringList() << Password << 0 << false << 6
                              << u"--force overwrites it"_s;
    QTest::newRow("conflict json") << u"existing"_s << QStringList() << Password << 0 << true << 6
                                   << u"already exists"_s;
    QTest::newRow("--force") << u"existing"_s << QStringList{u"--force"_s} << Password << 0 << true << 0
                             << u"old"_s;
    QTest::newRow("directory") << u"directory"_s << QStringList() << Password << 0 << true << 0 << u"dir"_s;
    QTest::newRow("not a chart") << u"not-a-chart"_s << QStringList() << Password << 0 << false << 1
                                 << u"Not a chart package"_s;
    QTest::newRow("missing file") << u"missing"_s << QStringList() << Password << 0 << false << 5
                                  << u"does not exist"_s;
    QTest::newRow("wrong password") << u"chart"_s << QStringList() << u"wrong-pw"_s << 0 << false << 3
                                    << u"401"_s;
    QTest::newRow("500") << u"chart"_s << QStringList() << Password << 500 << false << 4 << u"500"_s;
    QTest::newRow("500 json") << u"chart"_s << QStringList() << Password << 500 << true << 4 << u"500"_s;
}

void TstPublish::cliPublish()
{
    QFETCH(QString, what);
    QFETCH(QStringList, extra);
    QFETCH(QString, password);
    QFETCH(int, faultStatus);
    QFETCH(bool, json);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);

    ChartMuseumServer::Options options;
    options.basicUser = User;
    options.basicPassword = Password;
    ServerFixture *server = fixture(options);
    QVERIFY(server->putFile(u"old-2.0.0.tgz"_s, TestChartFactory::chart(u"old"_s, u"2.0.0"_s, u"1"_s)));
    QString error;
    QVERIFY2(server->start(&error), qPrintable(error));
    if (faultStatus != 0) {
        ChartMuseumServer::Fault fault;
        fault.status = faultStatus;
        fault.pathPrefix = u"/api/charts"_s;
        fault.count = -1;
        server->server()->addFault(fault);
    }

    QByteArray package;
    QString path = m_work->filePath(u"upload.tgz"_s);
    if (what == u"chart"_s)
        package = TestChartFactory::chart(u"cli"_s, u"1.0.0"_s);
    else if (what == u"existing"_s)
        package = TestChartFactory::chart(u"old"_s, u"2.0.0"_s, u"2"_s);
    else if (what == u"not-a-chart"_s)
        package = TestChartFactory::notGzip();
    if (what == u"directory"_s) {
        path = m_work->filePath(u"dir"_s);
        QVERIFY(QDir().mkpath(path + u"/templates"_s));
        QFile chartYaml(path + u"/Chart.yaml"_s);
        QVERIFY(chartYaml.open(QIODevice::WriteOnly));
        chartYaml.write("apiVersion: v2\nname: dir\nversion: 0.3.0\n");
        chartYaml.close();
        QFile manifest(path + u"/templates/cm.yaml"_s);
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
    } else if (what == u"missing"_s) {
        path = m_work->filePath(u"missing.tgz"_s);
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(package);
    }

    QStringList arguments{u"--config"_s, writeConfig(server->url()), u"publish"_s, path};
    arguments += extra;
    if (json)
        arguments += {u"-o"_s, u"json"_s};
    const Run run = capstan(arguments, password);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(!run.all().contains(Password), "the password appeared in the output");
    QVERIFY2(!run.all().contains(password), "the password appeared in the output");
    if (exitCode == 0) {
        QVERIFY2(run.err.isEmpty() || !json, qPrintable(run.describe()));
        if (json) {
            const QJsonObject object = QJsonDocument::fromJson(run.out).object();
            QVERIFY2(!object.isEmpty(), qPrintable(run.describe()));
            QCOMPARE(object.value(u"name"_s).toString(), expected);
            QVERIFY(!object.value(u"version"_s).toString().isEmpty());
            QVERIFY(object.value(u"created"_s).isString());
            const QString file =
                object.value(u"name"_s).toString() + u'-' + object.value(u"version"_s).toString() + u".tgz"_s;
            QCOMPARE(object.value(u"digest"_s).toString(),
                     sha256(readFile(server->repoDirectory() + u'/' + file)));
            if (!package.isEmpty())
                QCOMPARE(object.value(u"digest"_s).toString(), sha256(package));
        } else {
            QVERIFY2(run.out.contains(expected.toUtf8()), qPrintable(run.describe()));
            QVERIFY2(run.out.contains(sha256(package).toLatin1()), qPrintable(run.describe()));
        }
    } else {
        QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
        QVERIFY2(run.err.contains(expected.toUtf8()), qPrintable(run.describe()));
        if (json) {
            const QJsonObject object = QJsonDocument::fromJson(run.err).object();
            QVERIFY2(object.contains(u"error"_s), qPrintable(run.describe()));
        }
    }
    if (what == u"existing"_s && exitCode != 0) // the old package is untouched
        QCOMPARE(readFile(server->repoDirectory() + u"/old-2.0.0.tgz"_s),
                 TestChartFactory::chart(u"old"_s, u"2.0.0"_s, u"1"_s));
}

void TstPublish::cliDelete_data()
{
    QTest::addColumn<bool>("disableDelete");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("json");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // in stdout on success, in stderr otherwise

    QTest::newRow("text") << false << QStringList{u"torvalds"_s, u"1.0.0"_s, u"--yes"_s} << false << 0
                          << u"Deleted torvalds 1.0.0"_s;
    QTest::newRow("json") << false << QStringList{u"torvalds"_s, u"1.0.0"_s, u"--yes"_s} << true << 0
                          << QString();
    QTest::newRow("without --yes") << false << QStringList{u"torvalds"_s, u"1.0.0"_s} << false << 2
                                   << u"permanent and needs --yes"_s;
    QTest::newRow("without --yes, json")
        << false << QStringList{u"torvalds"_s, u"1.0.0"_s} << true << 2 << u"--yes"_s;
    QTest::newRow("missing version") << false << QStringList{u"torvalds"_s, u"7.7.7"_s, u"--yes"_s} << false
                                     << 5 << u"torvalds 7.7.7 does not exist"_s;
    QTest::newRow("missing chart") << false << QStringList{u"nope"_s, u"1.0.0"_s, u"--yes"_s} << true << 5
                                   << u"nope 1.0.0 does not exist"_s;
    QTest::newRow("--disable-delete")
        << true << QStringList{u"torvalds"_s, u"1.0.0"_s, u"--yes"_s} << false << 1 << u"--disable-delete"_s;
    QTest::newRow("missing argument")
        << false << QStringList{u"torvalds"_s, u"--yes"_s} << false << 2 << u"VERSION"_s;
}

void TstPublish::cliDelete()
{
    QFETCH(bool, disableDelete);
    QFETCH(QStringList, arguments);
    QFETCH(bool, json);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);

    ChartMuseumServer::Options options;
    options.basicUser = User;
    options.basicPassword = Password;
    options.disableDelete = disableDelete;
    ServerFixture *server = fixture(options);
    QVERIFY(server->putChart(u"torvalds"_s, u"1.0.0"_s));
    QString error;
    QVERIFY2(server->start(&error), qPrintable(error));
    const QString stored = server->repoDirectory() + u"/torvalds-1.0.0.tgz"_s;

    QStringList all{u"--config"_s, writeConfig(server->url()), u"delete"_s};
    all += arguments;
    if (json)
        all += {u"-o"_s, u"json"_s};
    const int before = server->server()->requestCount();
    const Run run = capstan(all, Password);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(!run.all().contains(Password), "the password appeared in the output");
    if (exitCode == 0) {
        QVERIFY(!QFileInfo::exists(stored));
        if (json) {
            const QJsonObject object = QJsonDocument::fromJson(run.out).object();
            QCOMPARE(object.value(u"name"_s).toString(), u"torvalds"_s);
            QCOMPARE(object.value(u"version"_s).toString(), u"1.0.0"_s);
            QCOMPARE(object.value(u"deleted"_s), QJsonValue(true));
        } else {
            QVERIFY2(run.out.contains(expected.toUtf8()), qPrintable(run.describe()));
        }
    } else {
        QVERIFY(QFileInfo::exists(stored));
        QVERIFY2(run.err.contains(expected.toUtf8()), qPrintable(run.describe()));
        if (exitCode == 2) // refused before any request
            QCOMPARE(server->server()->requestCount(), before);
    }
}

QTEST_MAIN(TstPublish)
#include "tst_publish.moc"
