#include "CapstanProcess.h"
#include "argocd/ArgoCdServer.h"
#include "argocd/OperationWaiter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <memory>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int ChildTimeoutMs = 120000;        // a bound against hangs, not a timing assertion
constexpr int OperationNeverEndsMs = 3600000; // keeps an operation Running for the whole test

const QString App = u"torvalds"_s;
const QString Repo = u"https://charts.example.test/stable"_s;
const QString User = u"release-bot"_s;

using Run = CapstanProcess::Result;

QDateTime utc(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODate);
}

QJsonObject jsonObject(const Run &run)
{
    return QJsonDocument::fromJson(run.out).object();
}

// The {"error": ...} document on stderr, after any progress lines.
QJsonObject errorJson(const Run &run)
{
    const qsizetype start = run.err.startsWith('{') ? 0 : run.err.indexOf("\n{") + 1;
    if (start < 0 || (start == 0 && !run.err.startsWith('{')))
        return {};
    return QJsonDocument::fromJson(run.err.mid(start)).object().value(u"error"_s).toObject();
}

} // namespace

// The Argo CD commands of `capstan --cli`, run as a child process against the in-repo Argo CD server.
class TstArgocli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void waiterEvaluate_data();
    void waiterEvaluate();
    void help_data();
    void help();
    void usageErrors_data();
    void usageErrors();
    void exitCodes_data();
    void exitCodes();
    void statusText();
    void statusJson();
    void statusShowsSuspension();
    void historyOutput_data();
    void historyOutput();
    void historyEmpty();
    void syncWaitSucceeds_data();
    void syncWaitSucceeds();
    void syncOneOffSaysSo();
    void syncWaitMissingVersionFails_data();
    void syncWaitMissingVersionFails();
    void syncWhileOperationRunningConflicts();
    void waitTimesOut();
    void waitDegradedFails_data();
    void waitDegradedFails();
    void waitAlreadyReady_data();
    void waitAlreadyReady();
    void terminate();
    void terminateWithoutOperation();
    void rollbackDefaultTarget_data();
    void rollbackDefaultTarget();
    void rollbackToId();
    void rollbackErrors_data();
    void rollbackErrors();
    void rollbackWithAutoSync();
    void declinedPrompt_data();
    void declinedPrompt();
    void autoSyncOffAndOn();
    void autoSyncOffErrors_data();
    void autoSyncOffErrors();
    void autoSyncOnWithoutYesIsRefused_data();
    void autoSyncOnWithoutYesIsRefused();
    void autoSyncOnNamesTheRolledBackVersion();
    void journalRecordsRollbackAndAutoSync();
    void journalRecordsLocks();

private:
    ArgoCdServer *server(int operationMs = 150);
    ArgoCdServer::AppSeed seed(const QString &name = App) const;
    QString writeConfig(const QString &app = App);
    Run capstan(const QStringList &arguments, const QString &token = {},
                const QHash<QString, QString> &extraEnvironment = {});
    QJsonObject app(const QString &name = App) const;
    QJsonArray historyOf(const QString &name = App) const;
    QJsonArray journalActions(); // the actions of `journal -o json`, newest first

    std::unique_ptr<QTemporaryDir> m_work;
    std::unique_ptr<ArgoCdServer> m_server;
    QString m_token;
    QString m_config;
    bool m_leaked = false;
    std::optional<QByteArray> m_typed; // typed on a terminal on standard input when set
};

void TstArgocli::init()
{
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_work->isValid());
    m_server.reset();
    m_token.clear();
    m_config.clear();
}

void TstArgocli::cleanup()
{
    const bool leaked = m_leaked;
    m_leaked = false;
    m_server.reset();
    m_work.reset();
    QVERIFY2(!leaked, "a token appeared in the output or errors of capstan");
}

ArgoCdServer *TstArgocli::server(int operationMs)
{
    ArgoCdServer::Options options;
    options.operationMs = operationMs;
    options.progressMs = 150;
    options.reconcileMs = 30;
    options.chartVersions = [](const QString &, const QString &) {
        return QStringList{u"1.0.0-40"_s, u"1.0.0-41"_s, u"1.0.0-42"_s, u"1.0.0-43"_s};
    };
    m_server = std::make_unique<ArgoCdServer>(options);
    QString error;
    if (!m_server->listen(0, &error))
        qWarning("ArgoCdServer did not listen: %s", qPrintable(error));
    m_token = m_server->issueToken(u"admin"_s);
    m_config = writeConfig();
    return m_server.get();
}

ArgoCdServer::AppSeed TstArgocli::seed(const QString &name) const
{
    ArgoCdServer::AppSeed seed;
    seed.name = name;
    seed.repoUrl = Repo;
    seed.chart = u"torvalds"_s;
    seed.targetRevision = u"1.0.0-42"_s;
    seed.destinationNamespace = u"torvalds"_s;
    seed.history = {{u"1.0.0-40"_s, utc(u"2026-05-01T10:00:00Z"_s)},
                    {u"1.0.0-41"_s, utc(u"2026-05-02T11:30:00Z"_s)},
                    {u"1.0.0-42"_s, utc(u"2026-05-03T23:15:00Z"_s)}};
    seed.initiatedBy = u"alice"_s;
    return seed;
}

QString TstArgocli::writeConfig(const QString &app)
{
    const QString path = m_work->filePath(u"capstan-%1.yaml"_s.arg(app));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(u"argocd:\n  url: %1\n  app: %2\n"_s.arg(m_server->url().toString(), app).toUtf8());
    return path;
}

Run TstArgocli::capstan(const QStringList &arguments, const QString &token,
                        const QHash<QString, QString> &extraEnvironment)
{
    QProcessEnvironment environment = CapstanProcess::environment(m_work->path());
    const QString secret = token.isNull() ? m_token : token;
    if (!secret.isEmpty())
        environment.insert(u"CAPSTAN_ARGOCD_TOKEN"_s, secret);
    environment.insert(u"USER"_s, User);
    environment.insert(u"TZ"_s, u"UTC"_s);
    environment.insert(u"CAPSTAN_JOURNAL"_s, m_work->filePath(u"journal.sqlite"_s));
    for (auto it = extraEnvironment.cbegin(); it != extraEnvironment.cend(); ++it)
        environment.insert(it.key(), it.value());
    QStringList full = arguments;
    if (!m_config.isEmpty() && !arguments.contains(u"--config"_s))
        full << u"--config"_s << m_config;
    const Run run =
        m_typed ? CapstanProcess::runOnTerminal(full, environment, *m_typed, m_work->path(), ChildTimeoutMs)
                : CapstanProcess::run(full, environment, m_work->path(), ChildTimeoutMs);
    if (!secret.isEmpty() && run.all().contains(secret)) {
        qWarning("the token leaked into the output of %s", qPrintable(arguments.join(u' ')));
        m_leaked = true;
    }
    return run;
}

QJsonObject TstArgocli::app(const QString &name) const
{
    return m_server->application(name);
}

QJsonArray TstArgocli::historyOf(const QString &name) const
{
    return app(name).value(u"status"_s).toObject().value(u"history"_s).toArray();
}

QJsonArray TstArgocli::journalActions()
{
    const Run run = capstan({u"journal"_s, u"--limit"_s, u"100"_s, u"-o"_s, u"json"_s});
    if (!run.finished || run.exitCode != 0) {
        qWarning("journal failed: %s", qPrintable(run.describe()));
        return {};
    }
    QJsonArray actions;
    for (const QJsonValue &value : QJsonDocument::fromJson(run.out).array()) {
        if (value[u"kind"_s].toString() != u"deploy"_s)
            actions.append(value);
    }
    return actions;
}

#define QVERIFY_NO_TOKEN(run) QVERIFY2(!(run).all().contains(m_token), "the token appears in the output")

void TstArgocli::waiterEvaluate_data()
{
    QTest::addColumn<int>("conditions");
    QTest::addColumn<bool>("operationRequested");
    QTest::addColumn<QString>("phase");   // "" = no operation state
    QTest::addColumn<bool>("reconciled"); // reconciledAt after finishedAt
    QTest::addColumn<QString>("sync");
    QTest::addColumn<QString>("health");
    QTest::addColumn<int>("expected"); // -1 = keep waiting, else OperationWaiter::Outcome

    using C = OperationWaiter::Condition;
    const int all = int(OperationWaiter::all());
    const int reached = int(OperationWaiter::Outcome::Reached);
    const int degraded = int(OperationWaiter::Outcome::Degraded);
    QTest::newRow("all, nothing ever ran")
        << all << false << u""_s << false << u"Synced"_s << u"Healthy"_s << reached;
    QTest::newRow("all, operation requested")
        << all << true << u""_s << false << u"Synced"_s << u"Healthy"_s << -1;
    QTest::newRow("all, running") << all << false << u"Running"_s << false << u"Synced"_s << u"Healthy"_s
                                  << -1;
    QTest::newRow("all, finished but not re-compared")
        << all << false << u"Succeeded"_s << false << u"Synced"_s << u"Healthy"_s << -1;
    QTest::newRow("all, finished and re-compared")
        << all << false << u"Succeeded"_s << true << u"Synced"_s << u"Healthy"_s << reached;
    QTest::newRow("all, Degraded while running (stale)")
        << all << false << u"Running"_s << false << u"Synced"_s << u"Degraded"_s << -1;
    QTest::newRow("all, Degraded after the operation")
        << all << false << u"Succeeded"_s << true << u"Synced"_s << u"Degraded"_s << degraded;
    QTest::newRow("all, Progressing")
        << all << false << u"Succeeded"_s << true << u"Synced"_s << u"Progressing"_s << -1;
    QTest::newRow("all, OutOfSync") << all << false << u"Succeeded"_s << true << u"OutOfSync"_s
                                    << u"Healthy"_s << -1;
    QTest::newRow("operation, OutOfSync and Degraded")
        << int(C::Operation) << false << u"Error"_s << true << u"OutOfSync"_s << u"Degraded"_s << reached;
    QTest::newRow("health, Degraded")
        << int(C::Health) << false << u""_s << false << u"Synced"_s << u"Degraded"_s << degraded;
    QTest::newRow("health, running ignored")
        << int(C::Health) << true << u"Running"_s << false << u"OutOfSync"_s << u"Healthy"_s << reached;
    QTest::newRow("sync, Unknown") << int(C::Sync) << false << u""_s << false << u"Unknown"_s << u"Healthy"_s
                                   << -1;
}

void TstArgocli::waiterEvaluate()
{
    QFETCH(int, conditions);
    QFETCH(bool, operationRequested);
    QFETCH(QString, phase);
    QFETCH(bool, reconciled);
    QFETCH(QString, sync);
    QFETCH(QString, health);
    QFETCH(int, expected);

    ArgoApplication application;
    application.name = App;
    application.syncStatus = sync;
    application.health = health;
    application.operationRequested = operationRequested;
    const QDateTime finished = utc(u"2026-05-01T10:00:00Z"_s);
    if (!phase.isEmpty()) {
        ArgoApplication::OperationState state;
        state.phase = phase;
        state.startedAt = finished.addSecs(-30);
        if (phase != u"Running"_s)
            state.finishedAt = finished;
        application.operationState = state;
    }
    application.reconciledAt = reconciled ? finished.addSecs(1) : finished.addSecs(-60);
    const std::optional<OperationWaiter::Outcome> outcome =
        OperationWaiter::evaluate(application, OperationWaiter::Conditions(conditions));
    QCOMPARE(outcome ? int(*outcome) : -1, expected);
}

void TstArgocli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::newRow("status") << QStringList{u"status"_s, u"--help"_s} << u"live chart version"_s;
    QTest::newRow("history") << QStringList{u"history"_s, u"--help"_s} << u"CHART VERSION"_s;
    QTest::newRow("sync") << QStringList{u"sync"_s, u"--help"_s} << u"--revision"_s;
    QTest::newRow("wait") << QStringList{u"wait"_s, u"--help"_s} << u"--operation"_s;
    QTest::newRow("rollback") << QStringList{u"rollback"_s, u"--help"_s} << u"--suspend-auto-sync"_s;
    QTest::newRow("auto-sync off") << QStringList{u"auto-sync"_s, u"off"_s, u"--help"_s} << u"--reason"_s;
    QTest::newRow("auto-sync on") << QStringList{u"auto-sync"_s, u"on"_s, u"--help"_s} << u"Restores"_s;
    QTest::newRow("terminate") << QStringList{u"terminate"_s, u"--help"_s} << u"terminate-op"_s;
    QTest::newRow("overview") << QStringList{u"--help"_s} << u"rollback"_s;
}

void TstArgocli::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Run run = capstan(arguments);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(QString::fromUtf8(run.out).contains(expected), qPrintable(run.describe()));
}

void TstArgocli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("timeout without wait")
        << QStringList{u"sync"_s, u"--timeout"_s, u"5"_s} << u"--timeout only applies together with --wait"_s;
    QTest::newRow("timeout not a number")
        << QStringList{u"sync"_s, u"--wait"_s, u"--timeout"_s, u"soon"_s} << u"not \"soon\""_s;
    QTest::newRow("timeout zero") << QStringList{u"wait"_s, u"--timeout"_s, u"0"_s}
                                  << u"--timeout needs a positive whole number of seconds"_s;
    QTest::newRow("empty revision") << QStringList{u"sync"_s, u"--revision"_s, u""_s}
                                    << u"--revision needs a chart version"_s;
    QTest::newRow("rollback id not a number")
        << QStringList{u"rollback"_s, u"latest"_s, u"--yes"_s} << u"takes a history id"_s;
    QTest::newRow("rollback negative id") << QStringList{u"rollback"_s, u"-1"_s, u"--yes"_s} << u"-1"_s;
    QTest::newRow("suspend without reason")
        << QStringList{u"rollback"_s, u"--yes"_s, u"--suspend-auto-sync"_s}
        << u"--suspend-auto-sync needs --reason"_s;
    QTest::newRow("reason without suspend") << QStringList{u"rollback"_s, u"--yes"_s, u"--reason"_s, u"x"_s}
                                            << u"--reason only applies together with --suspend-auto-sync"_s;
    QTest::newRow("rollback two ids")
        << QStringList{u"rollback"_s, u"1"_s, u"2"_s} << u"unexpected argument"_s;
    QTest::newRow("auto-sync off without reason")
        << QStringList{u"auto-sync"_s, u"off"_s} << u"auto-sync off needs --reason"_s;
    QTest::newRow("auto-sync off blank reason")
        << QStringList{u"auto-sync"_s, u"off"_s, u"--reason"_s, u"  "_s} << u"auto-sync off needs --reason"_s;
    QTest::newRow("auto-sync on with reason")
        << QStringList{u"auto-sync"_s, u"on"_s, u"--reason"_s, u"x"_s} << u"unknown option --reason"_s;
    QTest::newRow("auto-sync alone") << QStringList{u"auto-sync"_s} << u"auto-sync needs a command"_s;
    QTest::newRow("auto-sync maybe") << QStringList{u"auto-sync"_s, u"maybe"_s} << u"maybe"_s;
    QTest::newRow("status extra") << QStringList{u"status"_s, u"torvalds"_s} << u"unexpected argument"_s;
    QTest::newRow("wait unknown flag") << QStringList{u"wait"_s, u"--degraded"_s} << u"unknown option"_s;
    QTest::newRow("rollback without --yes, no terminal")
        << QStringList{u"rollback"_s} << u"needs --yes when standard input is not a terminal"_s;
}

void TstArgocli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    server()->addApplication(seed());
    const int before = historyOf().size();
    const Run run = capstan(arguments);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty() || !QString::fromUtf8(run.out).contains(u"requested"_s));
    QCOMPARE(historyOf().size(), before);
    QVERIFY(!app().contains(u"operation"_s));
    QVERIFY_NO_TOKEN(run);
}

void TstArgocli::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("token"); // "expired", "none" or "" (valid)
    QTest::addColumn<QString>("appName");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("status ok") << QStringList{u"status"_s} << u""_s << App << 0 << QString();
    QTest::newRow("status expired token")
        << QStringList{u"status"_s} << u"expired"_s << App << 3 << u"token is expired"_s;
    QTest::newRow("history expired token")
        << QStringList{u"history"_s} << u"expired"_s << App << 3 << u"token is expired"_s;
    QTest::newRow("sync expired token")
        << QStringList{u"sync"_s, u"--wait"_s} << u"expired"_s << App << 3 << u"token is expired"_s;
    QTest::newRow("terminate expired token")
        << QStringList{u"terminate"_s} << u"expired"_s << App << 3 << u"token is expired"_s;
    QTest::newRow("rollback unknown id")
        << QStringList{u"rollback"_s, u"17"_s, u"--yes"_s} << u""_s << App << 5
        << u"application 'torvalds' does not have deployment id '17' in history"_s;
    QTest::newRow("unknown application") << QStringList{u"status"_s} << u""_s << u"nope"_s << 3 << u"nope"_s;
    QTest::newRow("terminate nothing running")
        << QStringList{u"terminate"_s} << u""_s << App << 5 << u"No operation is running on torvalds"_s;
}

void TstArgocli::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, token);
    QFETCH(QString, appName);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    server()->addApplication(seed());
    if (appName != App)
        m_config = writeConfig(appName);
    QString secret;
    if (token == u"expired"_s)
        secret = m_server->issueToken(u"admin"_s, true);
    const Run run = capstan(arguments, secret);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    if (!message.isEmpty())
        QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(run.describe()));
    QVERIFY_NO_TOKEN(run);
    if (!secret.isEmpty())
        QVERIFY(!run.all().contains(secret));
}

void TstArgocli::statusText()
{
    server()->addApplication(seed());
    const Run run = capstan({u"status"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(u"Application:"_s) && out.contains(App), qPrintable(out));
    QVERIFY2(out.contains(u"1.0.0-42 (history id 2, deployed 2026-05-03 23:15:00)"_s), qPrintable(out));
    QVERIFY2(out.contains(u"Target revision:"_s), qPrintable(out));
    QVERIFY2(out.contains(u"off (manual sync)"_s), qPrintable(out));
    QVERIFY2(out.contains(u"none in progress"_s), qPrintable(out));
    QVERIFY2(!out.contains(u"SUSPENDED"_s), qPrintable(out));
    QVERIFY(run.err.isEmpty());
}

void TstArgocli::statusJson()
{
    server()->addApplication(seed());
    const QJsonObject served = app();
    const Run run = capstan({u"status"_s, u"-o"_s, u"json"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject status = jsonObject(run);
    QCOMPARE(status.value(u"app"_s).toString(), App);
    QCOMPARE(status.value(u"revision"_s).toString(), u"1.0.0-42"_s);
    QCOMPARE(status.value(u"targetRevision"_s).toString(), u"1.0.0-42"_s);
    const QJsonObject servedStatus = served.value(u"status"_s).toObject();
    QCOMPARE(status.value(u"sync"_s).toString(),
             servedStatus.value(u"sync"_s).toObject().value(u"status"_s).toString());
    QCOMPARE(status.value(u"health"_s).toString(),
             servedStatus.value(u"health"_s).toObject().value(u"status"_s).toString());
    QVERIFY(status.contains(u"operation"_s));
    QVERIFY(status.value(u"operation"_s).isNull());
    QCOMPARE(status.value(u"autoSync"_s).toBool(), false);
    QVERIFY(status.value(u"suspension"_s).isNull());
}

void TstArgocli::statusShowsSuspension()
{
    ArgoCdServer::AppSeed s = seed();
    s.autoSync = true;
    server()->addApplication(s);
    Run run = capstan({u"auto-sync"_s, u"off"_s, u"--reason"_s, u"release 42 eats memory"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));

    run = capstan({u"status"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.startsWith(u"!! Auto-sync is suspended by release-bot since "_s), qPrintable(out));
    QVERIFY2(out.contains(u"release 42 eats memory"_s), qPrintable(out));

    run = capstan({u"status"_s, u"-o"_s, u"json"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject suspension = jsonObject(run).value(u"suspension"_s).toObject();
    QCOMPARE(suspension.value(u"by"_s).toString(), User);
    QCOMPARE(suspension.value(u"reason"_s).toString(), u"release 42 eats memory"_s);
    QVERIFY(QDateTime::fromString(suspension.value(u"since"_s).toString(), Qt::ISODate).isValid());
    QCOMPARE(jsonObject(run).value(u"autoSync"_s).toBool(), false);
}

void TstArgocli::historyOutput_data()
{
    QTest::addColumn<QString>("timeZone");
    QTest::addColumn<QString>("firstLocal");

    QTest::newRow("UTC") << u"UTC"_s << u"2026-05-01 10:00:00"_s;
    QTest::newRow("Tokyo") << u"Asia/Tokyo"_s << u"2026-05-01 19:00:00"_s;
}

void TstArgocli::historyOutput()
{
    QFETCH(QString, timeZone);
    QFETCH(QString, firstLocal);
    ArgoCdServer::AppSeed s = seed();
    s.targetRevision = u"*"_s; // the table shows deployed chart versions, never the target
    server()->addApplication(s);

    const QHash<QString, QString> env{{u"TZ"_s, timeZone}};
    Run run = capstan({u"history"_s}, {}, env);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(0).startsWith(u"ID  CHART VERSION  DEPLOYED AT"_s), qPrintable(lines.at(0)));
    QVERIFY(lines.at(0).contains(u"INITIATED BY"_s));
    QVERIFY2(lines.at(1).startsWith(u"0   1.0.0-40       %1"_s.arg(firstLocal)), qPrintable(lines.at(1)));
    QVERIFY(lines.at(1).contains(u"alice"_s));
    QVERIFY(!lines.at(1).contains(u"live"_s));
    QVERIFY(!lines.at(2).contains(u"live"_s));
    QVERIFY2(lines.at(3).startsWith(u"2   1.0.0-42"_s) && lines.at(3).endsWith(u"<- live"_s),
             qPrintable(lines.at(3)));
    QVERIFY(!run.out.contains("*"));

    run = capstan({u"history"_s, u"-o"_s, u"json"_s}, {}, env);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QJsonArray entries = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(entries.size(), 3);
    const QJsonObject first = entries.at(0).toObject();
    QCOMPARE(first.value(u"id"_s).toInteger(), 0);
    QCOMPARE(first.value(u"revision"_s).toString(), u"1.0.0-40"_s);
    // Every command writes JSON times the same way: UTC, milliseconds, "Z".
    QCOMPARE(first.value(u"deployedAt"_s).toString(), u"2026-05-01T10:00:00.000Z"_s);
    QCOMPARE(first.value(u"initiatedBy"_s).toString(), u"alice"_s);
    QCOMPARE(first.value(u"live"_s).toBool(), false);
    QCOMPARE(entries.at(2).toObject().value(u"live"_s).toBool(), true);
    QCOMPARE(entries.at(2).toObject().value(u"id"_s).toInteger(), 2);
}

void TstArgocli::historyEmpty()
{
    ArgoCdServer::AppSeed s = seed();
    s.history.clear();
    server()->addApplication(s);
    Run run = capstan({u"history"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("no deployments"), qPrintable(run.describe()));
    run = capstan({u"history"_s, u"-o"_s, u"json"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(QJsonDocument::fromJson(run.out).isArray());
    QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 0);
}

void TstArgocli::syncWaitSucceeds_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("text") << false;
    QTest::newRow("json") << true;
}

void TstArgocli::syncWaitSucceeds()
{
    QFETCH(bool, json);
    ArgoCdServer::AppSeed s = seed();
    s.targetRevision = u"1.0.0-43"_s;
    server()->addApplication(s);
    QStringList arguments{u"sync"_s, u"--wait"_s, u"--timeout"_s, u"60"_s};
    if (json)
        arguments << u"-o"_s << u"json"_s;
    const Run run = capstan(arguments);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QJsonArray history = historyOf();
    QCOMPARE(history.size(), 4);
    QCOMPARE(history.last().toObject().value(u"revision"_s).toString(), u"1.0.0-43"_s);
    if (json) {
        const QJsonObject result = jsonObject(run);
        QCOMPARE(result.value(u"app"_s).toString(), App);
        QCOMPARE(result.value(u"phase"_s).toString(), u"Succeeded"_s);
        QCOMPARE(result.value(u"revision"_s).toString(), u"1.0.0-43"_s);
        QCOMPARE(result.value(u"liveRevision"_s).toString(), u"1.0.0-43"_s);
        QCOMPARE(result.value(u"health"_s).toString(), u"Healthy"_s);
        QCOMPARE(result.value(u"oneOff"_s).toBool(), false);
        QVERIFY2(run.err.contains("Operation phase: Succeeded"), qPrintable(run.describe()));
    } else {
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(u"Sync of torvalds to 1.0.0-43 requested"_s), qPrintable(out));
        QVERIFY2(out.contains(u"Operation phase: Succeeded"_s), qPrintable(out));
        QVERIFY2(out.contains(u"live chart version 1.0.0-43"_s), qPrintable(out));
    }
    QVERIFY_NO_TOKEN(run);
}

void TstArgocli::syncOneOffSaysSo()
{
    server()->addApplication(seed());
    const Run run =
        capstan({u"sync"_s, u"--revision"_s, u"1.0.0-41"_s, u"--wait"_s, u"--timeout"_s, u"60"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(u"one-off"_s) && out.contains(u"OutOfSync"_s), qPrintable(out));
    QCOMPARE(historyOf().last().toObject().value(u"revision"_s).toString(), u"1.0.0-41"_s);
    QCOMPARE(
        app().value(u"spec"_s).toObject().value(u"source"_s).toObject().value(u"targetRevision"_s).toString(),
        u"1.0.0-42"_s);
}

void TstArgocli::syncWaitMissingVersionFails_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("text") << false;
    QTest::newRow("json") << true;
}

void TstArgocli::syncWaitMissingVersionFails()
{
    QFETCH(bool, json);
    server()->addApplication(seed());
    QStringList arguments{u"sync"_s, u"--revision"_s, u"9.9.9"_s, u"--wait"_s, u"--timeout"_s, u"60"_s};
    if (json)
        arguments << u"-o"_s << u"json"_s;
    const Run run = capstan(arguments);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("Operation has completed with phase: Error"), qPrintable(run.describe()));
    QCOMPARE(historyOf().size(), 3);
    if (json) {
        const QJsonObject result = jsonObject(run);
        QCOMPARE(result.value(u"phase"_s).toString(), u"Error"_s);
        QVERIFY(result.value(u"message"_s).toString().contains(u"9.9.9"_s));
        const QJsonObject error = errorJson(run);
        QCOMPARE(error.value(u"exitCode"_s).toInt(), 1);
        QVERIFY(
            error.value(u"message"_s).toString().contains(u"Operation has completed with phase: Error"_s));
    }
}

void TstArgocli::syncWhileOperationRunningConflicts()
{
    server(OperationNeverEndsMs)->addApplication(seed());
    Run run = capstan({u"sync"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("requested"), qPrintable(run.describe()));
    QVERIFY(app().contains(u"operation"_s));
    run = capstan({u"sync"_s, u"--wait"_s});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 6, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("another operation is already in progress"), qPrintable(run.describe()));
}

void TstArgocli::waitTimesOut()
{
    server(OperationNeverEndsMs)->addApplication(seed());
    Run run = capstan({u"sync"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    run = capstan({u"wait"_s, u"--operation"_s, u"--timeout"_s, u"1"_s});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("timed out (1s) waiting for app \"torvalds\" match desired state"),
             qPrintable(run.describe()));
}

void TstArgocli::waitDegradedFails_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<int>("exitCode");

    QTest::newRow("--health") << QStringList{u"--health"_s} << 1;
    QTest::newRow("all (no flags)") << QStringList{} << 1;
    QTest::newRow("--sync ignores health") << QStringList{u"--sync"_s} << 0;
}

void TstArgocli::waitDegradedFails()
{
    QFETCH(QStringList, flags);
    QFETCH(int, exitCode);
    server()->addApplication(seed());
    m_server->setHealth(App, u"Degraded"_s, u"Deployment \"torvalds\" exceeded its progress deadline"_s);
    const Run run = capstan(QStringList{u"wait"_s, u"--timeout"_s, u"30"_s} + flags);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    if (exitCode == 1) {
        QVERIFY2(run.err.contains("application 'torvalds' health state is Degraded"),
                 qPrintable(run.describe()));
        QVERIFY2(run.err.contains("exceeded its progress deadline"), qPrintable(run.describe()));
    }
}

void TstArgocli::waitAlreadyReady_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::newRow("no flags") << QStringList{};
    QTest::newRow("--operation") << QStringList{u"--operation"_s};
    QTest::newRow("-o json") << QStringList{u"-o"_s, u"json"_s};
}

void TstArgocli::waitAlreadyReady()
{
    QFETCH(QStringList, flags);
    server()->addApplication(seed());
    const Run run = capstan(QStringList{u"wait"_s, u"--timeout"_s, u"30"_s} + flags);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    // Nothing was requested: the seeded application has never run an operation.
    QVERIFY2(!run.err.contains("Operation requested") && !run.out.contains("Operation requested"),
             qPrintable(run.describe()));
    if (flags.contains(u"json"_s)) {
        const QJsonObject status = jsonObject(run);
        QCOMPARE(status.value(u"app"_s).toString(), App);
        QCOMPARE(status.value(u"sync"_s).toString(), u"Synced"_s);
        QCOMPARE(status.value(u"health"_s).toString(), u"Healthy"_s);
    } else {
        QVERIFY2(run.out.contains("Application torvalds:"), qPrintable(run.describe()));
    }
}

void TstArgocli::terminate()
{
    server(OperationNeverEndsMs)->addApplication(seed());
    Run run = capstan({u"sync"_s, u"--revision"_s, u"1.0.0-43"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    run = capstan({u"terminate"_s});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(QString::fromUtf8(run.out), u"Application 'torvalds' operation terminating\n"_s);
    run = capstan({u"wait"_s, u"--operation"_s, u"--timeout"_s, u"60"_s, u"-o"_s, u"json"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject last = jsonObject(run).value(u"lastOperation"_s).toObject();
    QCOMPARE(last.value(u"phase"_s).toString(), u"Failed"_s);
    QCOMPARE(last.value(u"message"_s).toString(), u"Operation terminated"_s);
}

void TstArgocli::terminateWithoutOperation()
{
    server()->addApplication(seed());
    const Run run = capstan({u"terminate"_s, u"-o"_s, u"json"_s});
    QVERIFY2(run.finished && run.exitCode == 5, qPrintable(run.describe()));
    const QJsonObject error = errorJson(run);
    QVERIFY2(error.value(u"message"_s).toString().startsWith(u"No operation is running on torvalds"_s),
             qPrintable(run.describe()));
    QVERIFY2(error.value(u"message"_s)
                 .toString()
                 .contains(u"Unable to terminate operation. No operation is in progress"_s),
             qPrintable(run.describe()));
    QVERIFY2(error.value(u"hint"_s).toString().contains(u"capstan --cli status"_s),
             qPrintable(run.describe()));
    QCOMPARE(error.value(u"exitCode"_s).toInt(), 5);
    QVERIFY(run.out.isEmpty());
}

void TstArgocli::rollbackDefaultTarget_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("text") << false;
    QTest::newRow("json") << true;
}

void TstArgocli::rollbackDefaultTarget()
{
    QFETCH(bool, json);
    server()->addApplication(seed());
    QStringList arguments{u"rollback"_s, u"--yes"_s, u"--wait"_s, u"--timeout"_s, u"60"_s};
    if (json)
        arguments << u"-o"_s << u"json"_s;
    const Run run = capstan(arguments);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QJsonArray history = historyOf();
    QCOMPARE(history.size(), 4);
    QCOMPARE(history.last().toObject().value(u"revision"_s).toString(), u"1.0.0-41"_s);
    const QString fromTo = QString::fromUtf8(json ? run.err : run.out);
    QVERIFY2(fromTo.contains(u"from: history id 2, chart 1.0.0-42, deployed 2026-05-03 23:15:00"_s),
             qPrintable(run.describe()));
    QVERIFY2(fromTo.contains(u"to:   history id 1, chart 1.0.0-41, deployed 2026-05-02 11:30:00"_s),
             qPrintable(run.describe()));
    if (json) {
        const QJsonObject result = jsonObject(run);
        QCOMPARE(result.value(u"from"_s).toObject().value(u"id"_s).toInteger(), 2);
        QCOMPARE(result.value(u"to"_s).toObject().value(u"id"_s).toInteger(), 1);
        QCOMPARE(result.value(u"to"_s).toObject().value(u"revision"_s).toString(), u"1.0.0-41"_s);
        QCOMPARE(result.value(u"phase"_s).toString(), u"Succeeded"_s);
        QCOMPARE(result.value(u"autoSyncSuspended"_s).toBool(), false);
    } else {
        QVERIFY2(run.out.contains("OutOfSync"), qPrintable(run.describe()));
    }
}

void TstArgocli::rollbackToId()
{
    server()->addApplication(seed());
    const Run run = capstan({u"rollback"_s, u"0"_s, u"--yes"_s, u"--wait"_s, u"--timeout"_s, u"60"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(historyOf().last().toObject().value(u"revision"_s).toString(), u"1.0.0-40"_s);
    QVERIFY2(run.out.contains("to:   history id 0, chart 1.0.0-40"), qPrintable(run.describe()));
}

void TstArgocli::rollbackErrors_data()
{
    QTest::addColumn<int>("historySize");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("one deployment")
        << 1 << QStringList{u"rollback"_s, u"--yes"_s} << 1
        << u"application 'torvalds' should have at least two successful deployments"_s;
    QTest::newRow("no deployment") << 0 << QStringList{u"rollback"_s, u"--yes"_s} << 1
                                   << u"should have at least two successful deployments"_s;
    QTest::newRow("unknown id") << 3 << QStringList{u"rollback"_s, u"3"_s, u"--yes"_s} << 5
                                << u"application 'torvalds' does not have deployment id '3' in history"_s;
    QTest::newRow("unknown id, json")
        << 3 << QStringList{u"rollback"_s, u"99"_s, u"--yes"_s, u"-o"_s, u"json"_s} << 5
        << u"does not have deployment id '99' in history"_s;
}

void TstArgocli::rollbackErrors()
{
    QFETCH(int, historySize);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    ArgoCdServer::AppSeed s = seed();
    s.history = s.history.mid(0, historySize);
    server()->addApplication(s);
    const Run run = capstan(arguments);
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(run.describe()));
    QCOMPARE(historyOf().size(), historySize);
    QVERIFY(!app().contains(u"operation"_s));
}

void TstArgocli::declinedPrompt_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("autoSyncSuspended");
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("declined");

    QTest::newRow("rollback") << QStringList{u"rollback"_s} << false
                              << u"Roll back torvalds to chart 1.0.0-41?"_s
                              << u"Rollback cancelled; nothing was changed."_s;
    QTest::newRow("rollback -o json") << QStringList{u"rollback"_s, u"-o"_s, u"json"_s} << false
                                      << u"Roll back torvalds"_s << u"Rollback cancelled"_s;
    QTest::newRow("auto-sync on") << QStringList{u"auto-sync"_s, u"on"_s} << true
                                  << u"Restore auto-sync of torvalds?"_s
                                  << u"Auto-sync stays off; nothing was changed."_s;
}

// Answering "n" is the user's choice, not an error: exit 0, no "error:", nothing changed, the journal says
// refused.
void TstArgocli::declinedPrompt()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, autoSyncSuspended);
    QFETCH(QString, question);
    QFETCH(QString, declined);
    ArgoCdServer::AppSeed s = seed();
    s.autoSync = autoSyncSuspended;
    server()->addApplication(s);
    if (autoSyncSuspended) {
        const Run off = capstan({u"auto-sync"_s, u"off"_s, u"--reason"_s, u"testing the prompt"_s});
        QVERIFY2(off.finished && off.exitCode == 0, qPrintable(off.describe()));
    }
    const QJsonObject before = app();

    m_typed = QByteArray("n\n");
    const Run run = capstan(arguments);
    m_typed.reset();
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(question + u' ') && err.contains(u"[y/N]"_s), qPrintable(run.describe()));
    QVERIFY2(err.contains(declined), qPrintable(run.describe()));
    QVERIFY2(!err.contains(u"error"_s), qPrintable(run.describe()));
    if (arguments.contains(u"json"_s))
        QCOMPARE(jsonObject(run).value(u"declined"_s).toBool(), true);
    QCOMPARE(historyOf().size(), 3);
    QCOMPARE(app().value(u"spec"_s).toObject(), before.value(u"spec"_s).toObject());
    const QJsonArray actions = journalActions();
    QVERIFY(!actions.isEmpty());
    QCOMPARE(actions.first().toObject().value(u"outcome"_s).toString(), u"refused"_s);
    QVERIFY2(actions.first().toObject().value(u"message"_s).toString().contains(u"declined at the prompt"_s),
             qPrintable(QString::fromUtf8(QJsonDocument(actions).toJson())));
}

void TstArgocli::rollbackWithAutoSync()
{
    ArgoCdServer::AppSeed s = seed();
    s.autoSync = true;
    server()->addApplication(s);

    Run run = capstan({u"rollback"_s, u"--yes"_s});
    QVERIFY2(run.finished && run.exitCode == 6, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("Argo CD refuses rollbacks of 'torvalds' while auto-sync is on"),
             qPrintable(run.describe()));
    QVERIFY2(run.err.contains("--suspend-auto-sync --reason"), qPrintable(run.describe()));
    QCOMPARE(historyOf().size(), 3);
    QVERIFY(app().value(u"spec"_s).toObject().value(u"syncPolicy"_s).toObject().contains(u"automated"_s));

    run = capstan({u"rollback"_s, u"--yes"_s, u"--suspend-auto-sync"_s, u"--reason"_s, u"42 leaks memory"_s,
                   u"--wait"_s, u"--timeout"_s, u"60"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("stays suspended until `capstan --cli auto-sync on`"),
             qPrintable(run.describe()));
    QCOMPARE(historyOf().last().toObject().value(u"revision"_s).toString(), u"1.0.0-41"_s);
    const QJsonObject served = app();
    const QJsonObject annotations = served.value(u"metadata"_s).toObject().value(u"annotations"_s).toObject();
    QCOMPARE(annotations.value(u"capstan.net/auto-sync-suspended-by"_s).toString(), User);
    QCOMPARE(annotations.value(u"capstan.net/auto-sync-suspended-reason"_s).toString(), u"42 leaks memory"_s);
    QVERIFY(QDateTime::fromString(annotations.value(u"capstan.net/auto-sync-suspended-at"_s).toString(),
                                  Qt::ISODate)
                .isValid());
    const QJsonObject policy = served.value(u"spec"_s).toObject().value(u"syncPolicy"_s).toObject();
    const bool stillOn = policy.contains(u"automated"_s) &&
                         policy.value(u"automated"_s).toObject().value(u"enabled"_s).toBool(true);
    QVERIFY2(!stillOn, qPrintable(QString::fromUtf8(QJsonDocument(policy).toJson())));

    run = capstan({u"auto-sync"_s, u"on"_s, u"--yes"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("Auto-sync of torvalds: on"), qPrintable(run.describe()));
    const QJsonObject after = app();
    QVERIFY(after.value(u"spec"_s).toObject().value(u"syncPolicy"_s).toObject().contains(u"automated"_s));
    const QJsonObject afterAnnotations =
        after.value(u"metadata"_s).toObject().value(u"annotations"_s).toObject();
    QVERIFY(!afterAnnotations.contains(u"capstan.net/auto-sync-suspended-by"_s));
    QVERIFY(!afterAnnotations.contains(u"capstan.net/auto-sync-suspended-reason"_s));
}

void TstArgocli::autoSyncOffAndOn()
{
    ArgoCdServer::AppSeed s = seed();
    s.autoSync = true;
    server()->addApplication(s);

    Run run = capstan({u"auto-sync"_s, u"off"_s, u"--reason"_s, u"freeze"_s, u"-o"_s, u"json"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QJsonObject result = jsonObject(run);
    QCOMPARE(result.value(u"app"_s).toString(), App);
    QCOMPARE(result.value(u"autoSync"_s).toBool(), false);
    QCOMPARE(result.value(u"suspension"_s).toObject().value(u"reason"_s).toString(), u"freeze"_s);
    QCOMPARE(result.value(u"suspension"_s).toObject().value(u"by"_s).toString(), User);

    run = capstan({u"auto-sync"_s, u"on"_s, u"--yes"_s, u"-o"_s, u"json"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    result = jsonObject(run);
    QCOMPARE(result.value(u"autoSync"_s).toBool(), true);
    QVERIFY(result.value(u"suspension"_s).isNull());
    QCOMPARE(result.value(u"targetRevision"_s).toString(), u"1.0.0-42"_s);
    QCOMPARE(result.value(u"revision"_s).toString(), u"1.0.0-42"_s);
    QVERIFY(result.value(u"rolledBackFrom"_s).isNull()); // 1.0.0-42 runs: nothing was rolled back

    // Already on: nothing to confirm, nothing changes.
    run = capstan({u"auto-sync"_s, u"on"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("Auto-sync of torvalds is already on"), qPrintable(run.describe()));
    QVERIFY2(run.out.contains("Auto-sync of torvalds: on"), qPrintable(run.describe()));
}

void TstArgocli::autoSyncOffErrors_data()
{
    QTest::addColumn<bool>("autoSync");
    QTest::addColumn<bool>("suspendFirst");
    QTest::addColumn<QString>("message");

    QTest::newRow("manual app") << false << false << u"already off (manual sync policy)"_s;
    QTest::newRow("already suspended") << true << true << u"already suspended by release-bot"_s;
}

void TstArgocli::autoSyncOffErrors()
{
    QFETCH(bool, autoSync);
    QFETCH(bool, suspendFirst);
    QFETCH(QString, message);
    ArgoCdServer::AppSeed s = seed();
    s.autoSync = autoSync;
    server()->addApplication(s);
    if (suspendFirst) {
        const Run first = capstan({u"auto-sync"_s, u"off"_s, u"--reason"_s, u"first"_s});
        QVERIFY2(first.finished && first.exitCode == 0, qPrintable(first.describe()));
    }
    const Run run = capstan({u"auto-sync"_s, u"off"_s, u"--reason"_s, u"second"_s});
    QVERIFY2(run.finished && run.exitCode == 6, qPrintable(run.describe()));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(run.describe()));
}

void TstArgocli::autoSyncOnWithoutYesIsRefused_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("text") << false;
    QTest::newRow("json") << true;
}

void TstArgocli::autoSyncOnWithoutYesIsRefused()
{
    QFETCH(bool, json);
    ArgoCdServer::AppSeed s = seed();
    s.autoSync = true;
    server()->addApplication(s);
    Run run = capstan({u"auto-sync"_s, u"off"_s, u"--reason"_s, u"freeze"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));

    QStringList arguments{u"auto-sync"_s, u"on"_s};
    if (json)
        arguments << u"-o"_s << u"json"_s;
    run = capstan(arguments); // standard input is no terminal here
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"auto-sync on needs --yes when standard input is not a terminal"_s),
             qPrintable(run.describe()));
    // It said what auto-sync would deploy before refusing.
    QVERIFY2(run.all().contains(u"Auto-sync of torvalds will keep 1.0.0-42 (the target revision)"_s),
             qPrintable(run.describe()));
    if (json) {
        QCOMPARE(errorJson(run).value(u"exitCode"_s).toInt(), 2);
        QVERIFY(run.out.isEmpty());
    }
    // Nothing changed: auto-sync stays suspended with its record.
    const QJsonObject served = app();
    QVERIFY(
        served[u"metadata"_s][u"annotations"_s].toObject().contains(ArgoApplication::SuspendedByAnnotation));
    const QJsonObject policy = served[u"spec"_s][u"syncPolicy"_s].toObject();
    QVERIFY(!policy.contains(u"automated"_s) || !policy[u"automated"_s][u"enabled"_s].toBool(true));
    // The journal has the refusal.
    const QJsonArray actions = journalActions();
    QVERIFY(actions.size() >= 2);
    QCOMPARE(actions.at(0)[u"kind"_s].toString(), u"auto-sync-on"_s);
    QCOMPARE(actions.at(0)[u"outcome"_s].toString(), u"refused"_s);
    QVERIFY(actions.at(0)[u"message"_s].toString().contains(u"needs --yes"_s));
}

void TstArgocli::autoSyncOnNamesTheRolledBackVersion()
{
    ArgoCdServer::AppSeed s = seed();
    s.autoSync = true;
    server()->addApplication(s);
    Run run = capstan({u"rollback"_s, u"--yes"_s, u"--suspend-auto-sync"_s, u"--reason"_s, u"42 leaks"_s,
                       u"--wait"_s, u"--timeout"_s, u"60"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(historyOf().last()[u"revision"_s].toString(), u"1.0.0-41"_s);

    // Without --yes: refused, but it names what auto-sync would deploy, and that it is the rolled-back one.
    run = capstan({u"auto-sync"_s, u"on"_s});
    QVERIFY2(run.finished && run.exitCode == 2, qPrintable(run.describe()));
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(u"Auto-sync of torvalds will deploy 1.0.0-42 (the target revision), replacing "
                          u"1.0.0-41 that runs now."_s),
             qPrintable(run.describe()));
    QVERIFY2(out.contains(u"WARNING: 1.0.0-42 is the version that was rolled back from (history #2, deployed "
                          u"2026-05-03 23:15 UTC)"_s),
             qPrintable(run.describe()));
    QCOMPARE(historyOf().size(), 4);

    run = capstan({u"auto-sync"_s, u"on"_s, u"--yes"_s, u"-o"_s, u"json"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject result = jsonObject(run);
    QCOMPARE(result[u"autoSync"_s].toBool(), true);
    QCOMPARE(result[u"revision"_s].toString(), u"1.0.0-42"_s);
    QCOMPARE(result[u"rolledBackFrom"_s][u"id"_s].toInteger(), 2);
    QCOMPARE(result[u"rolledBackFrom"_s][u"revision"_s].toString(), u"1.0.0-42"_s);
    QVERIFY2(run.err.contains("WARNING: 1.0.0-42 is the version that was rolled back from"),
             qPrintable(run.describe()));
}

void TstArgocli::journalRecordsRollbackAndAutoSync()
{
    ArgoCdServer::AppSeed s = seed();
    s.autoSync = true;
    server()->addApplication(s);
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);
    const QString who = User + u'@' + QSysInfo::machineHostName();

    // Refused: auto-sync is on and nothing suspends it.
    Run run = capstan({u"rollback"_s, u"--yes"_s});
    QVERIFY2(run.finished && run.exitCode == 6, qPrintable(run.describe()));
    // Failed: Argo CD answers the rollback with an error (after auto-sync was suspended).
    ArgoCdServer::Fault fault;
    fault.pathPrefix = u"/api/v1/applications/torvalds/rollback"_s;
    fault.method = "POST";
    fault.status = 500;
    fault.count = -1;
    m_server->addFault(fault);
    run = capstan({u"rollback"_s, u"--yes"_s, u"--suspend-auto-sync"_s, u"--reason"_s, u"42 leaks"_s});
    QVERIFY2(run.finished && run.exitCode != 0, qPrintable(run.describe()));
    m_server->clearFaults();
    // Succeeded, then auto-sync comes back.
    run = capstan({u"rollback"_s, u"--yes"_s, u"--wait"_s, u"--timeout"_s, u"60"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    run = capstan({u"auto-sync"_s, u"on"_s, u"--yes"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));

    struct Expected
    {
        QString kind;
        QString outcome;
        QString reason; // "" = null
        QString message;
    };
    const QList<Expected> expected = {
        {u"auto-sync-on"_s,
         u"succeeded"_s,
         {},
         u"1.0.0-41 → 1.0.0-42 (the target revision), the version rolled back from"_s},
        {u"rollback"_s, u"succeeded"_s, {}, u"1.0.0-42 → 1.0.0-41 (history #1), operation succeeded"_s},
        {u"rollback"_s, u"failed"_s, u"42 leaks"_s, u"500"_s},
        {u"auto-sync-off"_s, u"succeeded"_s, u"42 leaks"_s, u"suspended before the rollback to 1.0.0-41"_s},
        {u"rollback"_s, u"refused"_s, {}, u"refuses rollbacks of 'torvalds' while auto-sync is on"_s},
    };
    const QJsonArray actions = journalActions();
    QCOMPARE(actions.size(), expected.size());
    for (int i = 0; i < actions.size(); ++i) {
        const QJsonObject action = actions.at(i).toObject();
        const Expected &want = expected.at(i);
        const QString context = QString::fromUtf8(QJsonDocument(action).toJson(QJsonDocument::Compact));
        QVERIFY2(action[u"kind"_s].toString() == want.kind, qPrintable(context));
        QVERIFY2(action[u"outcome"_s].toString() == want.outcome, qPrintable(context));
        QVERIFY2(action[u"who"_s].toString() == who, qPrintable(context));
        QVERIFY2(action[u"application"_s].toString() == App, qPrintable(context));
        QVERIFY2(want.reason.isEmpty() ? action[u"reason"_s].isNull() : action[u"reason"_s] == want.reason,
                 qPrintable(context));
        QVERIFY2(action[u"message"_s].toString().contains(want.message), qPrintable(context));
        QVERIFY2(action[u"deploy"_s].isNull(), qPrintable(context));
        const QDateTime when = QDateTime::fromString(action[u"when"_s].toString(), Qt::ISODateWithMs);
        QVERIFY2(when.isValid() && when >= start, qPrintable(context));
        QVERIFY(action[u"id"_s].toInteger() > 0);
    }

    // The text listing has them too, with their kinds and who.
    run = capstan({u"journal"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QString out = QString::fromUtf8(run.out);
    for (const QString &column : {u"KIND"_s, u"WHO"_s, u"OUTCOME"_s, u"auto-sync-on"_s, u"auto-sync-off"_s,
                                  u"refused"_s, u"(reason: 42 leaks)"_s, who})
        QVERIFY2(out.contains(column), qPrintable(out));
}

void TstArgocli::journalRecordsLocks()
{
    server()->addApplication(seed());
    const QString me = User + u'@' + QSysInfo::machineHostName();
    Run run = capstan({u"lock"_s, u"--reason"_s, u"database migration"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    // Someone else cannot take it: refused.
    run = capstan({u"lock"_s, u"--reason"_s, u"me too"_s}, {}, {{u"USER"_s, u"dave"_s}});
    QVERIFY2(run.finished && run.exitCode == 6, qPrintable(run.describe()));
    run = capstan({u"unlock"_s}, {}, {{u"USER"_s, u"dave"_s}});
    QVERIFY2(run.finished && run.exitCode == 6, qPrintable(run.describe()));
    run = capstan({u"unlock"_s, u"--force"_s, u"--reason"_s, u"migration done"_s}, {},
                  {{u"USER"_s, u"dave"_s}});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    run = capstan({u"lock"_s, u"--reason"_s, u"second"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    run = capstan({u"unlock"_s});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    run = capstan({u"unlock"_s}); // nothing held: nothing recorded
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));

    const QString dave = u"dave@"_s + QSysInfo::machineHostName();
    const QList<QStringList> expected = {
        {u"lock-release"_s, u"succeeded"_s, me, u""_s},
        {u"lock-take"_s, u"succeeded"_s, me, u"second"_s},
        {u"lock-break"_s, u"succeeded"_s, dave, u"migration done"_s},
        {u"lock-release"_s, u"refused"_s, dave, u""_s},
        {u"lock-take"_s, u"refused"_s, dave, u"me too"_s},
        {u"lock-take"_s, u"succeeded"_s, me, u"database migration"_s},
    };
    const QJsonArray actions = journalActions();
    QCOMPARE(actions.size(), expected.size());
    for (int i = 0; i < actions.size(); ++i) {
        const QJsonObject action = actions.at(i).toObject();
        const QString context = QString::fromUtf8(QJsonDocument(action).toJson(QJsonDocument::Compact));
        QVERIFY2(action[u"kind"_s].toString() == expected.at(i).at(0), qPrintable(context));
        QVERIFY2(action[u"outcome"_s].toString() == expected.at(i).at(1), qPrintable(context));
        QVERIFY2(action[u"who"_s].toString() == expected.at(i).at(2), qPrintable(context));
        QVERIFY2(action[u"reason"_s].toString() == expected.at(i).at(3), qPrintable(context));
    }
    QVERIFY(actions.at(2)[u"message"_s].toString().contains(me)); // whose lock was broken
    QVERIFY(actions.at(4)[u"message"_s].toString().contains(me)); // who held it
}

QTEST_GUILESS_MAIN(TstArgocli)
#include "tst_argocli.moc"
