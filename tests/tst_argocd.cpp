#include "app/ClientFactory.h"
#include "argocd/ArgoApplication.h"
#include "argocd/ArgoCdClient.h"
#include "argocd/ArgoCdServer.h"
#include "argocd/ArgoCdWatcher.h"
#include "credentials/CredentialStore.h"
#include "models/HistoryModel.h"
#include "net/HttpClient.h"

#include <QAbstractItemModelTester>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// A complete Application as the contract describes it (§2), with two history entries.
QByteArray fullApplication()
{
    return R"({"metadata":{"name":"torvalds","namespace":"argocd","resourceVersion":"42",)"
           R"("annotations":{"capstan.net/deploy-lock-holder":"alice","capstan.net/deploy-lock-reason":"release",)"
           R"("capstan.net/deploy-lock-since":"2026-05-01T10:00:00Z"},)"
           R"("creationTimestamp":"2026-01-01T00:00:00Z"},)"
           R"("spec":{"destination":{"namespace":"prod"},"project":"default",)"
           R"("source":{"repoURL":"https://charts.example.net","chart":"torvalds","targetRevision":"1.2.*"},)"
           R"("syncPolicy":{"automated":{"prune":true}},"revisionHistoryLimit":5},)"
           R"("status":{"sync":{"status":"Synced","comparedTo":{"source":{"repoURL":""},"destination":{}},"revision":"1.2.3"},)"
           R"("health":{"status":"Healthy"},)"
           R"("history":[{"revision":"1.2.2","deployedAt":"2026-05-01T09:00:00Z","id":0,"source":{"repoURL":"https://charts.example.net","chart":"torvalds","targetRevision":"1.2.*"},"initiatedBy":{"automated":true}},)"
           R"({"revision":"1.2.3","deployedAt":"2026-05-01T10:00:00Z","id":1,"source":{"repoURL":"https://charts.example.net","chart":"torvalds","targetRevision":"1.2.*"},"deployStartedAt":"2026-05-01T09:59:50Z","initiatedBy":{"username":"admin"}}],)"
           R"("conditions":[{"type":"SyncError","message":"boom"}],)"
           R"("reconciledAt":"2026-05-01T10:00:05Z",)"
           R"("operationState":{"operation":{"sync":{"revision":"1.2.3"},"initiatedBy":{"username":"admin"},"retry":{}},)"
           R"("phase":"Succeeded","message":"successfully synced: all tasks run",)"
           R"("syncResult":{"revision":"1.2.3","source":{"repoURL":"https://charts.example.net"}},)"
           R"("startedAt":"2026-05-01T09:59:50Z","finishedAt":"2026-05-01T10:00:00Z"},)"
           R"("summary":{},"sourceHydrator":{}}})";
}

template <typename T> bool waitFor(const QFuture<T> &future, int ms = 15000)
{
    QDeadlineTimer deadline(ms);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(5);
    return future.isFinished();
}

template <typename T> std::optional<ApiError> errorOf(QFuture<T> future)
{
    if (!waitFor(future))
        return ApiError(ApiError::Kind::Timeout, QStringLiteral("test: future did not finish"));
    try {
        future.waitForFinished();
        if constexpr (!std::is_void_v<T>)
            future.result();
    } catch (const ApiError &error) {
        return error;
    }
    return std::nullopt;
}

template <typename T> T valueOf(QFuture<T> future)
{
    if (!waitFor(future)) {
        QTest::qFail("future did not finish", __FILE__, __LINE__);
        return T{};
    }
    try {
        return future.result();
    } catch (const ApiError &error) {
        QTest::qFail(qPrintable(QStringLiteral("unexpected error: ") + error.toString()), __FILE__, __LINE__);
    }
    return T{};
}

} // namespace

// Why: proves the Argo CD client side (application decoding, client calls and error mapping, watcher,
// history model, login through the factory) against the contract and the in-repo Argo CD server.
class TstArgocd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void fromJsonReadsEverything();
    void fromJsonTolerates_data();
    void fromJsonTolerates();
    void fromJsonRejects_data();
    void fromJsonRejects();
    void operationInProgress_data();
    void operationInProgress();
    void autoSyncSuspension();

    void historyModel();

    void getAndList();
    void syncCompletesAndWatcherSeesIt();
    void rollbackWithAutoSyncIsConflict();
    void rollbackToMissingIdIsNotFound();
    void rollbackToIdZero();
    void syncSendsTheStrategy_data();
    void syncSendsTheStrategy();
    void syncDuringRunningOperationIsConflict();
    void terminateOperation();
    void expiredTokenIs401();
    void unknownAppIs403();
    void malformedJsonNamesUrl();
    void serverErrorThenSuccessIsRetried();
    void operationAnswerLost_data();
    void operationAnswerLost();
    void patchRetries_data();
    void patchRetries();
    void suspendAndResumeAutoSync();
    void streamDroppedMidOperation();
    void pollFallbackWhenStreamFaulted();
    void streamError401StopsWatcher();
    void factoryNeedsArgoSection();
    void factoryLogsInAndStoresToken();
    void factoryLoginFailureHidesPassword();

private:
    void startServer(bool autoSync = false, int historyEntries = 2);
    HttpClient *httpWith(const QString &token);

    std::unique_ptr<ArgoCdServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QString m_service;
    static inline const QString Password = QStringLiteral("s3cr3t-Pa55word");
};

void TstArgocd::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_service = QStringLiteral("capstan-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void TstArgocd::cleanup()
{
    m_server.reset();
    m_network.reset();
}

void TstArgocd::startServer(bool autoSync, int historyEntries)
{
    ArgoCdServer::Options options;
    options.password = Password;
    options.operationMs = 200;
    options.progressMs = 100;
    m_server = std::make_unique<ArgoCdServer>(options);
    ArgoCdServer::AppSeed seed;
    seed.name = QStringLiteral("torvalds");
    seed.repoUrl = QStringLiteral("https://charts.example.net");
    seed.chart = QStringLiteral("torvalds");
    seed.targetRevision = QStringLiteral("1.2.0");
    seed.autoSync = autoSync;
    seed.destinationNamespace = QStringLiteral("prod");
    for (int i = 0; i < historyEntries; ++i)
        seed.history.append(
            {QStringLiteral("1.%1.0").arg(i), QDateTime::currentDateTimeUtc().addDays(i - 10)});
    m_server->addApplication(seed);
    QString error;
    QVERIFY2(m_server->listen(0, &error), qPrintable(error));
}

HttpClient *TstArgocd::httpWith(const QString &token)
{
    HttpClient::Options options;
    options.serviceName = QStringLiteral("Argo CD");
    options.credentialName = QStringLiteral("argocd");
    options.backoffMs = 10;
    auto *http = new HttpClient(m_network.get(), m_server->url(), options, m_network.get());
    http->setAuth({HttpClient::Auth::Scheme::Bearer, {}, token});
    return http;
}

void TstArgocd::fromJsonReadsEverything()
{
    const ArgoApplication app = ArgoApplication::fromJson(parse(fullApplication()));
    QCOMPARE(app.name, QStringLiteral("torvalds"));
    QCOMPARE(app.appNamespace, QStringLiteral("argocd"));
    QCOMPARE(app.project, QStringLiteral("default"));
    QCOMPARE(app.resourceVersion, QStringLiteral("42"));
    QCOMPARE(app.repoUrl, QStringLiteral("https://charts.example.net"));
    QCOMPARE(app.chart, QStringLiteral("torvalds"));
    QCOMPARE(app.targetRevision, QStringLiteral("1.2.*"));
    QVERIFY(app.autoSyncEnabled);
    QCOMPARE(app.automated.value(QLatin1StringView("prune")).toBool(), true);
    QCOMPARE(app.revisionHistoryLimit, 5);
    QCOMPARE(app.syncStatus, QStringLiteral("Synced"));
    QCOMPARE(app.syncRevision, QStringLiteral("1.2.3"));
    QCOMPARE(app.health, QStringLiteral("Healthy"));
    QCOMPARE(app.history.size(), 2);
    QCOMPARE(app.history.at(0).id, 0);
    QVERIFY(app.history.at(0).automated);
    QCOMPARE(app.history.at(1).initiatedBy, QStringLiteral("admin"));
    QCOMPARE(app.history.at(1).deployedAt, QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(app.history.at(1).deployStartedAt, QDateTime(QDate(2026, 5, 1), QTime(9, 59, 50), Qt::UTC));
    QCOMPARE(app.history.at(1).sourceTargetRevision, QStringLiteral("1.2.*"));
    QCOMPARE(app.liveRevision(), QStringLiteral("1.2.3"));
    QCOMPARE(app.liveHistoryId(), std::optional<qint64>(1));
    QCOMPARE(app.defaultRollbackTarget()->id, 0);
    QVERIFY(app.historyEntry(1));
    QVERIFY(!app.historyEntry(7));
    QCOMPARE(app.conditions.size(), 1);
    QCOMPARE(app.conditions.at(0).type, QStringLiteral("SyncError"));
    QVERIFY(app.operationState);
    QCOMPARE(app.operationState->phase, QStringLiteral("Succeeded"));
    QVERIFY(app.operationState->isCompleted());
    QCOMPARE(app.operationState->revision, QStringLiteral("1.2.3"));
    QCOMPARE(app.operationState->initiatedBy, QStringLiteral("admin"));
    QVERIFY(!app.operationRequested);
    QVERIFY(!app.operationInProgress());
    const auto lock = app.deployLock();
    QVERIFY(lock);
    QCOMPARE(lock->holder, QStringLiteral("alice"));
    QCOMPARE(lock->since, QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC));
    QVERIFY(!app.autoSyncSuspension());
}

void TstArgocd::fromJsonTolerates_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("autoSync");
    QTest::addColumn<int>("historySize");
    QTest::addColumn<QString>("health");

    QTest::newRow("minimal, health {}, no history, no operationState")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{"destination":{},"project":"default"},)"
                      R"("status":{"sync":{"status":""},"health":{}}})")
        << false << 0 << QString();
    QTest::newRow("no status at all")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{}})") << false << 0 << QString();
    QTest::newRow("automated {} means enabled")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{"syncPolicy":{"automated":{}}}})") << true << 0
        << QString();
    QTest::newRow("automated.enabled true")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{"syncPolicy":{"automated":{"enabled":true}}}})")
        << true << 0 << QString();
    QTest::newRow("automated.enabled false")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{"syncPolicy":{"automated":{"enabled":false}}}})")
        << false << 0 << QString();
    QTest::newRow("syncPolicy without automated")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{"syncPolicy":{"syncOptions":["x"]}}})") << false
        << 0 << QString();
    QTest::newRow("null times and null operationState")
        << QByteArray(R"({"metadata":{"name":"a","creationTimestamp":null},"spec":{},)"
                      R"("status":{"reconciledAt":null,"operationState":null,"health":{"status":"Degraded"},)"
                      R"("history":[{"id":3,"deployedAt":null,"source":{},"initiatedBy":{}}]}})")
        << false << 1 << QStringLiteral("Degraded");
}

void TstArgocd::fromJsonTolerates()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, autoSync);
    QFETCH(int, historySize);
    QFETCH(QString, health);
    const QJsonObject object = parse(json);
    QVERIFY(!object.isEmpty());
    const ArgoApplication app = ArgoApplication::fromJson(object);
    QCOMPARE(app.name, QStringLiteral("a"));
    QCOMPARE(app.autoSyncEnabled, autoSync);
    QCOMPARE(app.history.size(), historySize);
    QCOMPARE(app.health, health);
    QCOMPARE(app.revisionHistoryLimit, 10);
    QVERIFY(!app.operationInProgress());
}

void TstArgocd::fromJsonRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");

    QTest::newRow("no metadata") << QByteArray(R"({"spec":{}})")
                                 << QStringLiteral("metadata is not an object");
    QTest::newRow("name is a number") << QByteArray(R"({"metadata":{"name":5},"spec":{}})")
                                      << QStringLiteral("metadata.name is not a string");
    QTest::newRow("no spec") << QByteArray(R"({"metadata":{"name":"a"}})") << QStringLiteral("spec is not");
    QTest::newRow("annotation value")
        << QByteArray(R"({"metadata":{"name":"a","annotations":{"x":1}},"spec":{}})")
        << QStringLiteral("metadata.annotations.x is not a string");
    QTest::newRow("automated is an array")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{"syncPolicy":{"automated":[]}}})")
        << QStringLiteral("spec.syncPolicy.automated is not an object");
    QTest::newRow("enabled is a string")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{"syncPolicy":{"automated":{"enabled":"yes"}}}})")
        << QStringLiteral("spec.syncPolicy.automated.enabled is not a boolean");
    QTest::newRow("history id is a string")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{},"status":{"history":[{"id":0},{"id":"1"}]}})")
        << QStringLiteral("status.history[1].id is not a number");
    QTest::newRow("history id missing")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{},"status":{"history":[{"revision":"1"}]}})")
        << QStringLiteral("status.history[0].id is not a number");
    QTest::newRow("history not an array")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{},"status":{"history":{}}})")
        << QStringLiteral("status.history is not an array");
    QTest::newRow("bad deployedAt")
        << QByteArray(
               R"({"metadata":{"name":"a"},"spec":{},"status":{"history":[{"id":0,"deployedAt":"yesterday"}]}})")
        << QStringLiteral("status.history[0].deployedAt is not an RFC 3339 time");
    QTest::newRow("health status number")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{},"status":{"health":{"status":1}}})")
        << QStringLiteral("status.health.status is not a string");
    QTest::newRow("phase missing")
        << QByteArray(
               R"({"metadata":{"name":"a"},"spec":{},"status":{"operationState":{"startedAt":"2026-05-01T10:00:00Z"}}})")
        << QStringLiteral("status.operationState.phase is not a string");
    QTest::newRow("finishedAt number")
        << QByteArray(
               R"({"metadata":{"name":"a"},"spec":{},"status":{"operationState":{"phase":"Running","finishedAt":3}}})")
        << QStringLiteral("status.operationState.finishedAt is not a string");
    QTest::newRow("revisionHistoryLimit fraction")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{"revisionHistoryLimit":1.5}})")
        << QStringLiteral("spec.revisionHistoryLimit is not an integer");
    QTest::newRow("operation is a string")
        << QByteArray(R"({"metadata":{"name":"a"},"spec":{},"operation":"x"})")
        << QStringLiteral("operation is not an object");
}

void TstArgocd::fromJsonRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    const QJsonObject object = parse(json);
    QVERIFY(!object.isEmpty());
    try {
        ArgoApplication::fromJson(object);
        QFAIL("fromJson accepted a malformed application");
    } catch (const ApiError &error) {
        QCOMPARE(error.kind(), ApiError::Kind::Decode);
        QVERIFY2(error.toString().contains(path), qPrintable(error.toString()));
    }
}

void TstArgocd::operationInProgress_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<bool>("operation");
    QTest::addColumn<bool>("inProgress");

    const QByteArray finished =
        R"("operationState":{"phase":"Succeeded","startedAt":"2026-05-01T10:00:00Z","finishedAt":"2026-05-01T10:00:10Z")";
    QTest::newRow("nothing ever ran") << QByteArray("{}") << false << false;
    QTest::newRow("operation requested") << QByteArray("{}") << true << true;
    QTest::newRow("running, no finishedAt")
        << QByteArray(
               R"({"operationState":{"phase":"Running","startedAt":"2026-05-01T10:00:00Z"},"reconciledAt":"2026-05-01T11:00:00Z"})")
        << false << true;
    QTest::newRow("finished, not reconciled") << QByteArray("{" + finished + "}}") << false << true;
    QTest::newRow("finished, reconciled before")
        << QByteArray("{" + finished + R"(},"reconciledAt":"2026-05-01T10:00:09Z"})") << false << true;
    QTest::newRow("finished, reconciled after")
        << QByteArray("{" + finished + R"(},"reconciledAt":"2026-05-01T10:00:10Z"})") << false << false;
    QTest::newRow("finished dry run, not reconciled")
        << QByteArray(
               R"({"operationState":{"operation":{"sync":{"dryRun":true}},"phase":"Succeeded","startedAt":"2026-05-01T10:00:00Z","finishedAt":"2026-05-01T10:00:10Z"}})")
        << false << false;
}

void TstArgocd::operationInProgress()
{
    QFETCH(QByteArray, status);
    QFETCH(bool, operation);
    QFETCH(bool, inProgress);
    QJsonObject object = parse(R"({"metadata":{"name":"a"},"spec":{}})");
    object.insert(QStringLiteral("status"), parse(status));
    QVERIFY(!object.value(QLatin1StringView("status")).toObject().isEmpty() || status == "{}");
    if (operation)
        object.insert(QStringLiteral("operation"), QJsonObject{{QStringLiteral("sync"), QJsonObject()}});
    QCOMPARE(ArgoApplication::fromJson(object).operationInProgress(), inProgress);
}

void TstArgocd::autoSyncSuspension()
{
    QJsonObject object = parse(
        R"({"metadata":{"name":"a","annotations":{)"
        R"("capstan.net/auto-sync-suspended-by":"bob","capstan.net/auto-sync-suspended-at":"2026-05-01T10:00:00Z",)"
        R"("capstan.net/auto-sync-suspended-reason":"hotfix",)"
        R"("capstan.net/auto-sync-suspended-policy":"{\"prune\":true,\"selfHeal\":true}"}},"spec":{}})");
    const ArgoApplication app = ArgoApplication::fromJson(object);
    QVERIFY(!app.autoSyncEnabled);
    const auto suspension = app.autoSyncSuspension();
    QVERIFY(suspension);
    QCOMPARE(suspension->by, QStringLiteral("bob"));
    QCOMPARE(suspension->reason, QStringLiteral("hotfix"));
    QCOMPARE(suspension->at, QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(suspension->previousAutomated.value(QLatin1StringView("selfHeal")).toBool(), true);
    QVERIFY(!app.deployLock());
}

void TstArgocd::historyModel()
{
    auto makeApp = [](QList<qint64> ids) {
        QJsonArray history;
        for (qint64 id : ids)
            history.append(
                QJsonObject{{QStringLiteral("id"), double(id)},
                            {QStringLiteral("revision"), QStringLiteral("1.0.%1").arg(id)},
                            {QStringLiteral("deployedAt"), QStringLiteral("2026-05-01T10:00:00Z")},
                            {QStringLiteral("initiatedBy"),
                             QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")}}},
                            {QStringLiteral("source"),
                             QJsonObject{{QStringLiteral("targetRevision"), QStringLiteral("*")}}}});
        QJsonObject object = parse(R"({"metadata":{"name":"a"},"spec":{}})");
        object.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("history"), history}});
        return ArgoApplication::fromJson(object);
    };

    HistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);

    model.setApplication(makeApp({0, 1, 2}));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(HistoryModel::ColumnCount));
    // Newest first; live = newest id; rollback target = history[len-2].
    QCOMPARE(model.index(0, 0).data(HistoryModel::HistoryIdRole).toLongLong(), 2);
    QCOMPARE(model.index(2, 0).data(HistoryModel::HistoryIdRole).toLongLong(), 0);
    QVERIFY(model.index(0, 0).data(HistoryModel::IsLiveRole).toBool());
    QVERIFY(!model.index(1, 0).data(HistoryModel::IsLiveRole).toBool());
    QVERIFY(model.index(1, 0).data(HistoryModel::IsRollbackTargetRole).toBool());
    QCOMPARE(model.index(1, HistoryModel::VersionColumn).data(HistoryModel::RevisionRole).toString(),
             QStringLiteral("1.0.1"));
    QVERIFY(
        model.index(0, HistoryModel::VersionColumn).data().toString().startsWith(QStringLiteral("1.0.2")));
    QCOMPARE(model.rowForId(0), 2);
    QCOMPARE(model.rowForId(9), -1);
    QCOMPARE(model.entryAt(1)->revision, QStringLiteral("1.0.1"));
    QVERIFY(!model.entryAt(3));
    QVERIFY(!model.headerData(HistoryModel::IdColumn, Qt::Horizontal).toString().isEmpty());

    // One appended entry: one inserted row at the top, no reset.
    inserts.clear();
    model.setApplication(makeApp({0, 1, 2, 3}));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserts.size(), 1);
    QCOMPARE(inserts.at(0).at(1).toInt(), 0);
    QCOMPARE(inserts.at(0).at(2).toInt(), 0);
    QVERIFY(model.index(0, 0).data(HistoryModel::IsLiveRole).toBool());
    QVERIFY(model.index(1, 0).data(HistoryModel::IsRollbackTargetRole).toBool());
    QVERIFY(!model.index(2, 0).data(HistoryModel::IsRollbackTargetRole).toBool());

    // Truncation (revisionHistoryLimit) drops the oldest at the bottom.
    inserts.clear();
    model.setApplication(makeApp({2, 3, 4}));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, 0).data(HistoryModel::HistoryIdRole).toLongLong(), 2);
    QCOMPARE(model.index(0, 0).data(HistoryModel::HistoryIdRole).toLongLong(), 4);
    QCOMPARE(inserts.size(), 1);
    QCOMPARE(removes.size(), 2);

    // The same history again changes nothing.
    inserts.clear();
    removes.clear();
    model.setApplication(makeApp({2, 3, 4}));
    QCOMPARE(inserts.size() + removes.size(), 0);

    model.setApplication(makeApp({}));
    QCOMPARE(model.rowCount(), 0);
    model.setApplication(makeApp({5}));
    QVERIFY(model.index(0, 0).data(HistoryModel::IsLiveRole).toBool());
    QVERIFY(!model.index(0, 0).data(HistoryModel::IsRollbackTargetRole).toBool());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TstArgocd::getAndList()
{
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    const ArgoApplication app = valueOf(client.get(ArgoCdClient::Refresh::Normal));
    QCOMPARE(app.name, QStringLiteral("torvalds"));
    QCOMPARE(app.targetRevision, QStringLiteral("1.2.0"));
    QCOMPARE(app.history.size(), 2);
    QCOMPARE(app.liveRevision(), QStringLiteral("1.1.0"));
    QVERIFY(!app.autoSyncEnabled);
    const QList<ArgoApplication> apps = valueOf(client.list());
    QCOMPARE(apps.size(), 1);
    QCOMPARE(apps.at(0).name, QStringLiteral("torvalds"));
}

void TstArgocd::syncCompletesAndWatcherSeesIt()
{
    startServer();
    HttpClient *http = httpWith(m_server->issueToken(QStringLiteral("admin")));
    ArgoCdClient client(http, QStringLiteral("torvalds"));
    std::unique_ptr<ArgoCdWatcher> watcher(client.watch());
    QStringList phases;
    connect(watcher.get(), &ArgoCdWatcher::applicationChanged, this, [&](const ArgoApplication &app) {
        if (app.operationState && (phases.isEmpty() || phases.last() != app.operationState->phase))
            phases.append(app.operationState->phase);
    });
    watcher->start();
    QTRY_COMPARE(watcher->mode(), ArgoCdWatcher::Mode::Streaming);
    const ArgoApplication queued = valueOf(client.sync({}));
    QVERIFY(queued.operationRequested);
    QVERIFY(queued.operationInProgress());
    QTRY_VERIFY_WITH_TIMEOUT(
        watcher->last() && !watcher->last()->operationInProgress() && watcher->last()->operationState, 15000);
    QCOMPARE(watcher->last()->operationState->phase, QStringLiteral("Succeeded"));
    QVERIFY2(phases.contains(QStringLiteral("Running")), qPrintable(phases.join(u',')));
    QCOMPARE(phases.last(), QStringLiteral("Succeeded"));
    QCOMPARE(watcher->last()->history.size(), 3);
    QCOMPARE(watcher->last()->liveRevision(), QStringLiteral("1.2.0"));
    QCOMPARE(watcher->mode(), ArgoCdWatcher::Mode::Streaming);
}

void TstArgocd::rollbackWithAutoSyncIsConflict()
{
    startServer(true);
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    const auto error = errorOf(client.rollback(0));
    QVERIFY(error);
    QCOMPARE(error->kind(), ApiError::Kind::Conflict);
    QCOMPARE(int(error->exitCode()), 6);
    QVERIFY2(error->serverMessage().contains(QStringLiteral("auto-sync is enabled")),
             qPrintable(error->toString()));
}

void TstArgocd::rollbackToMissingIdIsNotFound()
{
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    const auto error = errorOf(client.rollback(42));
    QVERIFY(error);
    QCOMPARE(error->kind(), ApiError::Kind::NotFound);
    QCOMPARE(int(error->exitCode()), 5);
    QVERIFY2(error->serverMessage().contains(QStringLiteral("does not have deployment with id 42")),
             qPrintable(error->toString()));
}

void TstArgocd::rollbackToIdZero()
{
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    const ArgoApplication app = valueOf(client.rollback(0));
    QVERIFY(app.operationRequested);
    const QJsonObject operation = app.json.value(QLatin1StringView("operation")).toObject();
    QCOMPARE(
        operation.value(QLatin1StringView("sync")).toObject().value(QLatin1StringView("revision")).toString(),
        QStringLiteral("1.0.0"));
}

void TstArgocd::syncSendsTheStrategy_data()
{
    QTest::addColumn<bool>("force");
    QTest::newRow("plain") << false;
    QTest::newRow("force") << true;
}

void TstArgocd::syncSendsTheStrategy()
{
    QFETCH(bool, force);
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    ArgoCdClient::SyncOptions options;
    options.force = force;
    const ArgoApplication app = valueOf(client.sync(options));
    const QJsonObject hook = app.json.value(QLatin1StringView("operation"))
                                 .toObject()
                                 .value(QLatin1StringView("sync"))
                                 .toObject()
                                 .value(QLatin1StringView("syncStrategy"))
                                 .toObject()
                                 .value(QLatin1StringView("hook"))
                                 .toObject();
    QCOMPARE(hook.value(QLatin1StringView("force")).toBool(), force);
}

void TstArgocd::syncDuringRunningOperationIsConflict()
{
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    valueOf(client.sync({}));
    const auto error = errorOf(client.sync({}));
    QVERIFY(error);
    QCOMPARE(error->kind(), ApiError::Kind::Conflict);
    QCOMPARE(int(error->exitCode()), 6);
    QVERIFY(error->serverMessage().contains(QStringLiteral("another operation is already in progress")));
}

void TstArgocd::terminateOperation()
{
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    // Nothing running: the server's 400 becomes "no operation is running" (not found, exit 5) with a hint.
    const auto idle = errorOf(client.terminateOperation());
    QVERIFY(idle);
    QCOMPARE(idle->kind(), ApiError::Kind::NotFound);
    QCOMPARE(idle->exitCode(), ExitCode::NotFound);
    QCOMPARE(idle->message(), QStringLiteral("No operation is running on torvalds"));
    QVERIFY2(idle->hint().contains(QStringLiteral("capstan --cli status")), qPrintable(idle->hint()));
    valueOf(client.sync({}));
    QTRY_VERIFY(valueOf(client.get()).operationState.has_value());
    // DELETE carries Content-Type: application/json, otherwise the server answers 415.
    const auto error = errorOf(client.terminateOperation());
    QVERIFY2(!error, error ? qPrintable(error->toString()) : "");
    QTRY_VERIFY_WITH_TIMEOUT(!valueOf(client.get()).operationInProgress(), 15000);
    const ArgoApplication app = valueOf(client.get());
    QCOMPARE(app.operationState->phase, QStringLiteral("Failed"));
    QCOMPARE(app.history.size(), 2);
}

void TstArgocd::expiredTokenIs401()
{
    startServer();
    const QString token = m_server->issueToken(QStringLiteral("admin"), true);
    ArgoCdClient client(httpWith(token), QStringLiteral("torvalds"));
    const auto error = errorOf(client.get());
    QVERIFY(error && !(error->toString() + error->hint()).contains(token));
    QVERIFY(error);
    QCOMPARE(error->kind(), ApiError::Kind::Http);
    QCOMPARE(error->status(), 401);
    QCOMPARE(int(error->exitCode()), 3);
    QVERIFY2(error->serverMessage().contains(QStringLiteral("expired")), qPrintable(error->toString()));
    QVERIFY(error->hint().contains(QStringLiteral("capstan --cli credentials set argocd")));
    QVERIFY(error->hint().contains(QStringLiteral("argocd-password")));
}

void TstArgocd::unknownAppIs403()
{
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("nosuchapp"));
    const auto error = errorOf(client.get());
    QVERIFY(error);
    QCOMPARE(error->status(), 403);
    QVERIFY2(
        error->toString().contains(QStringLiteral("\"nosuchapp\" does not exist or you are not permitted")),
        qPrintable(error->toString()));
}

void TstArgocd::malformedJsonNamesUrl()
{
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    ArgoCdServer::Fault fault;
    fault.kind = ArgoCdServer::Fault::Kind::GarbageBody;
    fault.pathPrefix = QStringLiteral("/api/v1/applications/torvalds");
    fault.body = QByteArrayLiteral("{\"metadata\":");
    m_server->addFault(fault);
    auto error = errorOf(client.get());
    QVERIFY(error);
    QCOMPARE(error->kind(), ApiError::Kind::Decode);
    QVERIFY2(error->toString().contains(m_server->url().toString() +
                                        QStringLiteral("/api/v1/applications/torvalds")),
             qPrintable(error->toString()));

    // Valid JSON of the wrong shape names the URL and the field.
    fault.body =
        QByteArrayLiteral(R"({"metadata":{"name":"torvalds"},"spec":{},"status":{"history":[{"id":"x"}]}})");
    m_server->addFault(fault);
    error = errorOf(client.get());
    QVERIFY(error);
    QCOMPARE(error->kind(), ApiError::Kind::Decode);
    QVERIFY2(error->toString().contains(QStringLiteral("/api/v1/applications/torvalds")),
             qPrintable(error->toString()));
    QVERIFY2(error->toString().contains(QStringLiteral("status.history[0].id")),
             qPrintable(error->toString()));
}

void TstArgocd::serverErrorThenSuccessIsRetried()
{
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    ArgoCdServer::Fault fault;
    fault.pathPrefix = QStringLiteral("/api/v1/applications/torvalds");
    fault.method = "GET";
    fault.status = 503;
    fault.count = 2;
    m_server->addFault(fault);
    const int before = m_server->requestCount();
    QCOMPARE(valueOf(client.get()).name, QStringLiteral("torvalds"));
    QCOMPARE(m_server->requestCount() - before, 3);

    // A login is a POST and not retried: it fails with the server's status after one request.
    fault.method = "POST";
    fault.pathPrefix = QStringLiteral("/api/v1/session");
    fault.count = 1;
    m_server->addFault(fault);
    const int beforeLogin = m_server->requestCount();
    const auto error = errorOf(ArgoCdClient::login(client.http(), QStringLiteral("admin"), Password));
    QVERIFY(error);
    QCOMPARE(error->status(), 503);
    QCOMPARE(m_server->requestCount() - beforeLogin, 1);
}

// A sync or rollback whose answer goes missing, before or after Argo CD started the operation: exactly one
// operation runs, or the error says how often it was tried.
void TstArgocd::operationAnswerLost_data()
{
    using Kind = ArgoCdServer::Fault::Kind;
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("faultKind");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("succeeds");

    for (const QString &operation : {QStringLiteral("sync"), QStringLiteral("rollback")}) {
        const QByteArray name = operation.toUtf8();
        QTest::newRow((name + ": answer dropped after the operation started").constData())
            << operation << int(Kind::DropAnswer) << 1 << true;
        QTest::newRow((name + ": 504 after the operation started").constData())
            << operation << int(Kind::StatusAfterApply) << 1 << true;
        QTest::newRow((name + ": 500 before it started").constData())
            << operation << int(Kind::Status) << 1 << true;
        QTest::newRow((name + ": connection closed before it started").constData())
            << operation << int(Kind::CloseConnection) << 1 << true;
        QTest::newRow((name + ": 500 twice").constData()) << operation << int(Kind::Status) << 2 << true;
        QTest::newRow((name + ": 500 every time").constData())
            << operation << int(Kind::Status) << -1 << false;
    }
}

void TstArgocd::operationAnswerLost()
{
    QFETCH(QString, operation);
    QFETCH(int, faultKind);
    QFETCH(int, count);
    QFETCH(bool, succeeds);
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    const ArgoApplication before = valueOf(client.get());
    ArgoCdServer::Fault fault;
    fault.kind = ArgoCdServer::Fault::Kind(faultKind);
    fault.method = "POST";
    fault.pathPrefix = QStringLiteral("/api/v1/applications/torvalds/") + operation;
    fault.status = faultKind == int(ArgoCdServer::Fault::Kind::StatusAfterApply) ? 504 : 500;
    fault.count = count;
    m_server->addFault(fault);

    const bool sync = operation == QStringLiteral("sync");
    // Sync deploys the target 1.2.0; rollback to id 0 re-deploys 1.0.0.
    const QString revision = sync ? QStringLiteral("1.2.0") : QStringLiteral("1.0.0");
    const QFuture<ArgoApplication> started = sync ? client.sync({}) : client.rollback(0);
    const std::optional<ApiError> error = errorOf(started);
    m_server->clearFaults();
    if (!succeeds) {
        QVERIFY(error);
        QCOMPARE(error->status(), 500);
        QVERIFY2(error->hint().contains(QStringLiteral("Tried %1 time").arg(ArgoCdClient::MaxOperationSends)),
                 qPrintable(error->hint()));
        const ArgoApplication after = valueOf(client.get());
        QVERIFY(!after.operationRequested);
        QCOMPARE(after.history.size(), before.history.size());
        return;
    }
    QVERIFY2(!error, error ? qPrintable(error->toString()) : "");
    QTRY_VERIFY_WITH_TIMEOUT(!valueOf(client.get()).operationInProgress(), 15000);
    const ArgoApplication after = valueOf(client.get());
    QVERIFY(after.operationState);
    QCOMPARE(after.operationState->phase, QStringLiteral("Succeeded"));
    // One operation ran: one new history entry, for the revision asked for.
    QCOMPARE(after.history.size(), before.history.size() + 1);
    QCOMPARE(after.history.constLast().revision, revision);
}

// Patches the HTTP layer may send twice: merge patches, and JSON patches guarded by a resourceVersion test.
void TstArgocd::patchRetries_data()
{
    using Kind = ArgoCdServer::Fault::Kind;
    QTest::addColumn<QString>("patch"); // merge, guarded, unguarded
    QTest::addColumn<int>("faultKind");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<int>("errorKind");
    QTest::addColumn<int>("requests"); // PATCH requests seen

    QTest::newRow("merge patch: 500 then success")
        << u"merge"_s << int(Kind::Status) << 500 << true << int(ApiError::Kind::Failed) << 2;
    QTest::newRow("merge patch: answer dropped, applied twice alike")
        << u"merge"_s << int(Kind::DropAnswer) << 0 << true << int(ApiError::Kind::Failed) << 2;
    QTest::newRow("guarded patch: 503 then success")
        << u"guarded"_s << int(Kind::Status) << 503 << true << int(ApiError::Kind::Failed) << 2;
    QTest::newRow("guarded patch: 504 after it applied")
        << u"guarded"_s << int(Kind::StatusAfterApply) << 504 << false << int(ApiError::Kind::Conflict) << 2;
    // Applied, then the retry fails its test: the caller reads again and finds its change (DeployLock).
    QTest::newRow("guarded patch: answer dropped after it applied")
        << u"guarded"_s << int(Kind::DropAnswer) << 0 << false << int(ApiError::Kind::Conflict) << 2;
    QTest::newRow("unguarded JSON patch is not retried")
        << u"unguarded"_s << int(Kind::Status) << 500 << false << int(ApiError::Kind::Http) << 1;
}

void TstArgocd::patchRetries()
{
    QFETCH(QString, patch);
    QFETCH(int, faultKind);
    QFETCH(int, status);
    QFETCH(bool, succeeds);
    QFETCH(int, errorKind);
    QFETCH(int, requests);
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    const ArgoApplication before = valueOf(client.get());
    ArgoCdServer::Fault fault;
    fault.kind = ArgoCdServer::Fault::Kind(faultKind);
    fault.method = "PATCH";
    fault.pathPrefix = QStringLiteral("/api/v1/applications/torvalds");
    fault.status = status;
    m_server->addFault(fault);
    const int sent = m_server->requestCount();
    QFuture<ArgoApplication> done;
    if (patch == u"merge"_s) {
        done = client.mergePatch(
            QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, QJsonObject{{u"tier"_s, u"gold"_s}}}}}});
    } else {
        QJsonArray operations;
        if (patch == u"guarded"_s)
            operations.append(QJsonObject{{u"op"_s, u"test"_s},
                                          {u"path"_s, u"/metadata/resourceVersion"_s},
                                          {u"value"_s, before.resourceVersion}});
        operations.append(QJsonObject{{u"op"_s, u"add"_s},
                                      {u"path"_s, u"/metadata/labels"_s},
                                      {u"value"_s, QJsonObject{{u"tier"_s, u"gold"_s}}}});
        done = client.jsonPatch(operations);
    }
    const std::optional<ApiError> error = errorOf(done);
    QCOMPARE(m_server->requestCount() - sent, requests);
    if (succeeds) {
        QVERIFY2(!error, error ? qPrintable(error->toString()) : "");
    } else {
        QVERIFY(error);
        QCOMPARE(int(error->kind()), errorKind);
    }
    const QJsonObject labels = m_server->application(QStringLiteral("torvalds"))
                                   .value(u"metadata"_s)
                                   .toObject()
                                   .value(u"labels"_s)
                                   .toObject();
    // Applied exactly when the server got to handle it.
    QCOMPARE(labels.value(u"tier"_s).toString(), patch == u"unguarded"_s ? QString() : u"gold"_s);
}

void TstArgocd::suspendAndResumeAutoSync()
{
    startServer(true);
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    const ArgoApplication suspended =
        valueOf(client.suspendAutoSync(QStringLiteral("alice"), QStringLiteral("hotfix")));
    QVERIFY(!suspended.autoSyncEnabled);
    const auto record = suspended.autoSyncSuspension();
    QVERIFY(record);
    QCOMPARE(record->by, QStringLiteral("alice"));
    QCOMPARE(record->reason, QStringLiteral("hotfix"));
    QVERIFY(record->at.isValid());
    // Now a rollback is allowed, once the sync auto-sync started (the app was OutOfSync) is done.
    QTRY_VERIFY_WITH_TIMEOUT(!valueOf(client.get()).operationInProgress(), 15000);
    QVERIFY(valueOf(client.rollback(0)).operationRequested);
    const auto again = errorOf(client.suspendAutoSync(QStringLiteral("alice"), QStringLiteral("x")));
    QVERIFY(again);
    QCOMPARE(again->kind(), ApiError::Kind::Usage);

    const ArgoApplication resumed = valueOf(client.resumeAutoSync());
    QVERIFY(resumed.autoSyncEnabled);
    QVERIFY(!resumed.autoSyncSuspension());
    QCOMPARE(resumed.automated, suspended.autoSyncSuspension()->previousAutomated);

    const ArgoApplication retargeted = valueOf(client.setTargetRevision(QStringLiteral("1.3.0")));
    QCOMPARE(retargeted.targetRevision, QStringLiteral("1.3.0"));
    QCOMPARE(errorOf(client.setTargetRevision(QString()))->kind(), ApiError::Kind::Usage);
}

void TstArgocd::streamDroppedMidOperation()
{
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    ArgoCdWatcher watcher(client.http(), QStringLiteral("torvalds"));
    watcher.setReconnectDelay(20);
    watcher.setPollInterval(60000);
    QSignalSpy modes(&watcher, &ArgoCdWatcher::modeChanged);
    bool dropped = false;
    connect(&watcher, &ArgoCdWatcher::applicationChanged, this, [&](const ArgoApplication &app) {
        if (!dropped && app.operationState && app.operationState->phase == QLatin1StringView("Running")) {
            dropped = true;
            QTimer::singleShot(0, m_server.get(), [this] { m_server->dropStreams(); });
        }
    });
    watcher.start();
    QTRY_COMPARE(watcher.mode(), ArgoCdWatcher::Mode::Streaming);
    valueOf(client.sync({}));
    QTRY_VERIFY_WITH_TIMEOUT(dropped, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(watcher.last() && watcher.last()->operationState &&
                                 watcher.last()->operationState->isSucceeded() &&
                                 !watcher.last()->operationInProgress(),
                             15000);
    QTRY_COMPARE(watcher.mode(), ArgoCdWatcher::Mode::Streaming);
    bool sawPolling = false;
    for (const auto &args : std::as_const(modes))
        sawPolling |= args.at(0).value<ArgoCdWatcher::Mode>() == ArgoCdWatcher::Mode::Polling;
    QVERIFY(sawPolling);
    QCOMPARE(watcher.last()->history.size(), 3);
}

void TstArgocd::pollFallbackWhenStreamFaulted()
{
    startServer();
    ArgoCdClient client(httpWith(m_server->issueToken(QStringLiteral("admin"))), QStringLiteral("torvalds"));
    ArgoCdServer::Fault fault;
    fault.pathPrefix = QStringLiteral("/api/v1/stream/applications");
    fault.status = 404;
    fault.body = QByteArrayLiteral("Not Found");
    fault.count = -1;
    m_server->addFault(fault);
    ArgoCdWatcher watcher(client.http(), QStringLiteral("torvalds"));
    watcher.setPollInterval(50);
    watcher.setReconnectDelay(20);
    watcher.start();
    QTRY_COMPARE(watcher.mode(), ArgoCdWatcher::Mode::Polling);
    QTRY_VERIFY(watcher.last().has_value());
    valueOf(client.sync({}));
    QTRY_VERIFY_WITH_TIMEOUT(watcher.last()->operationState &&
                                 watcher.last()->operationState->isSucceeded() &&
                                 !watcher.last()->operationInProgress(),
                             15000);
    QCOMPARE(watcher.mode(), ArgoCdWatcher::Mode::Polling);
    watcher.stop();
    QCOMPARE(watcher.mode(), ArgoCdWatcher::Mode::Stopped);
}

void TstArgocd::streamError401StopsWatcher()
{
    startServer();
    HttpClient *http = httpWith(m_server->issueToken(QStringLiteral("admin"), true));
    ArgoCdWatcher watcher(http, QStringLiteral("torvalds"));
    watcher.setReconnectDelay(20);
    QSignalSpy errors(&watcher, &ArgoCdWatcher::errorOccurred);
    watcher.start();
    QTRY_VERIFY(!errors.isEmpty());
    const auto error = errors.last().at(0).value<ApiError>();
    QCOMPARE(error.status(), 401);
    QCOMPARE(int(error.exitCode()), 3);
    QTRY_COMPARE(watcher.mode(), ArgoCdWatcher::Mode::Stopped);
    QCOMPARE(m_server->openStreams(), 0);
}

void TstArgocd::factoryNeedsArgoSection()
{
    CredentialStore credentials(QProcessEnvironment(), m_service);
    ClientFactory factory(m_network.get(), &credentials);
    Config config;
    const auto error = errorOf(factory.argoCd(config));
    QVERIFY(error);
    QCOMPARE(error->kind(), ApiError::Kind::Config);
    QVERIFY(error->toString().contains(QStringLiteral("argocd")));
}

void TstArgocd::factoryLogsInAndStoresToken()
{
    startServer();
    CredentialStore credentials(QProcessEnvironment(), m_service);
    QVERIFY(!errorOf(credentials.write(QStringLiteral("argocd-password"), Password)));
    ClientFactory factory(m_network.get(), &credentials);
    Config config;
    config.argocd = Config::ArgoCd{m_server->url(), QStringLiteral("torvalds"), QStringLiteral("admin")};
    ArgoCdClient *client = valueOf(factory.argoCd(config));
    QVERIFY(client);
    QCOMPARE(valueOf(client->get()).name, QStringLiteral("torvalds"));
    const QString token = valueOf(credentials.read(QStringLiteral("argocd")));
    QCOMPARE(token.count(u'.'), 2);

    // Next run: the stored token is used without a login.
    ClientFactory second(m_network.get(), &credentials);
    QVERIFY(!errorOf(credentials.remove(QStringLiteral("argocd-password"))));
    ArgoCdClient *again = valueOf(second.argoCd(config));
    QCOMPARE(valueOf(again->get()).name, QStringLiteral("torvalds"));
    QVERIFY(!errorOf(credentials.remove(QStringLiteral("argocd"))));

    // Nothing at all: a Credentials error naming the way out.
    const auto missing = errorOf(second.argoCd(config));
    QVERIFY(missing);
    QCOMPARE(missing->kind(), ApiError::Kind::Credentials);
    QVERIFY(missing->hint().contains(QStringLiteral("argocd-password")));
}

void TstArgocd::factoryLoginFailureHidesPassword()
{
    startServer();
    const QString wrong = QStringLiteral("wr0ng-pa55-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("CAPSTAN_ARGOCD_PASSWORD"), wrong);
    CredentialStore credentials(environment, m_service);
    ClientFactory factory(m_network.get(), &credentials);
    Config config;
    config.argocd = Config::ArgoCd{m_server->url(), QStringLiteral("torvalds"), QStringLiteral("admin")};
    const auto error = errorOf(factory.argoCd(config));
    QVERIFY(error);
    QCOMPARE(error->status(), 401);
    QCOMPARE(int(error->exitCode()), 3);
    QVERIFY2(error->serverMessage().contains(QStringLiteral("Invalid username or password")),
             qPrintable(error->toString()));
    const QString all = error->toString() + error->hint() + error->url().toString();
    QVERIFY(!all.contains(wrong));
    QVERIFY(!all.contains(Password));
    // Nothing was stored.
    CredentialStore keychainOnly(QProcessEnvironment(), m_service);
    QCOMPARE(errorOf(keychainOnly.read(QStringLiteral("argocd")))->kind(), ApiError::Kind::NotFound);
}

QTEST_GUILESS_MAIN(TstArgocd)
#include "tst_argocd.moc"
