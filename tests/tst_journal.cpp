#include "TestPipeline.h"
#include "models/JournalModel.h"
#include "models/PipelineStepsModel.h"
#include "net/ApiError.h"
#include "pipeline/DeployJournal.h"
#include "pipeline/Pipeline.h"
#include "pipeline/PipelinePlan.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <unistd.h>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

// A plain SQLite connection of the test, to look at or prepare a file behind the journal's back.
class RawDb
{
public:
    explicit RawDb(const QString &file)
        : m_name(u"tst-raw-%1"_s.arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(file);
        m_ok = db.open();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }
    bool exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        query.prepare(sql);
        for (const auto &value : values)
            query.addBindValue(value);
        if (!query.exec()) {
            qWarning() << sql << query.lastError().text();
            return false;
        }
        return true;
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    QStringList column(const QString &sql)
    {
        QStringList out;
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql))
            return out;
        while (query.next())
            out.append(query.value(0).toString());
        return out;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_ok = false;
};

DeployTarget target(const QString &build)
{
    DeployTarget target;
    target.build = build;
    target.version = u"1.0.0-%1"_s.arg(build);
    target.sha = u"abc%1"_s.arg(build);
    target.env = u"prod"_s;
    target.reason = u"reason %1"_s.arg(build);
    target.user = u"ana@desk"_s;
    return target;
}

QDateTime at(int seconds, int ms = 0)
{
    return QDateTime::fromMSecsSinceEpoch(1790000000000LL + seconds * 1000LL + ms, QTimeZone::utc());
}

QByteArray readAll(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

qint64 deadPid()
{
    QProcess process;
    process.start(u"/bin/true"_s, {});
    if (!process.waitForStarted())
        return -1;
    const qint64 pid = process.processId();
    process.waitForFinished();
    return pid;
}

// version (prod) | checks: test, lint, audit (prod) | package: chart | publish (prod): push
Pipeline samplePipeline()
{
    Pipeline pipeline;
    pipeline.stages = {
        TestPipeline::stage(u"version"_s,
                            {TestPipeline::step(u"chart-version"_s, {}, Step::Kind::SetVersion)}, u"prod"_s),
        TestPipeline::stage(u"checks"_s, {TestPipeline::step(u"test"_s), TestPipeline::step(u"lint"_s),
                                          TestPipeline::step(u"audit"_s, {}, Step::Kind::Run, u"prod"_s)}),
        TestPipeline::stage(u"package"_s, {TestPipeline::step(u"chart"_s, {}, Step::Kind::HelmPackage)}),
        TestPipeline::stage(u"publish"_s, {TestPipeline::step(u"push"_s, {}, Step::Kind::ChartMuseumPush)},
                            u"prod"_s),
    };
    return pipeline;
}

const QStringList sampleStages = {u"version"_s, u"checks"_s, u"package"_s, u"publish"_s};

QStringList modelColumn(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, column).data(role).toString());
    return out;
}

QList<int> changedRows(const QSignalSpy &spy)
{
    QList<int> rows;
    for (const auto &args : spy) {
        const auto top = args.at(0).toModelIndex();
        const auto bottom = args.at(1).toModelIndex();
        for (int row = top.row(); row <= bottom.row(); ++row)
            rows.append(row);
    }
    return rows;
}

DeployJournal::Entry journalEntry(qint64 id, const QString &outcome = u"succeeded"_s)
{
    DeployJournal::Entry entry;
    entry.id = id;
    entry.target = target(QString::number(id));
    entry.started = at(int(id) * 100);
    if (!outcome.isEmpty())
        entry.finished = at(int(id) * 100 + 42);
    entry.outcome = outcome;
    return entry;
}

QList<DeployJournal::Entry> journalEntries(const QList<qint64> &ids)
{
    QList<DeployJournal::Entry> entries;
    for (qint64 id : ids)
        entries.append(journalEntry(id));
    return entries;
}

} // namespace

class TestJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void schemaCreated();
    void sourceAndCleanRoundTrip();
    void everyKindHasALabel();
    void roundTrip();
    void recentOrderAndLimit_data();
    void recentOrderAndLimit();
    void twoInstancesShareTheFile();
    void failedWritesThrow();
    void recoverInterrupted_data();
    void recoverInterrupted();
    void badFiles_data();
    void badFiles();
    void actionsRoundTrip();
    void actionsRejectBadInput_data();
    void actionsRejectBadInput();
    void oldSchemaIsMigrated();
    void timelineMergesNewestFirst_data();
    void timelineMergesNewestFirst();
    void outcomeOfError_data();
    void outcomeOfError();

    void stepsModelPlan_data();
    void stepsModelPlan();
    void stepsModelEvents_data();
    void stepsModelEvents();
    void stepsModelTick();
    void stepsModelOutputCap();
    void stepsModelRunFinished();
    void journalModelUpdate_data();
    void journalModelUpdate();
    void journalModelDisplay();
    void journalModelActions();

private:
    void roundTripBody();

    QTemporaryDir m_dir;
};

void TestJournal::schemaCreated()
{
    const QString file = m_dir.filePath(u"schema/nested/journal.sqlite"_s);
    {
        DeployJournal journal(file);
        QCOMPARE(journal.file(), file);
        QVERIFY(journal.recent(10).isEmpty());
    }
    QVERIFY(QFileInfo(file).isFile());
    RawDb raw(file);
    QVERIFY(raw.ok());
    QCOMPARE(raw.scalar(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), 3);
    const QStringList tables =
        raw.column(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                   u"'sqlite_%' ORDER BY name"_s);
    QCOMPARE(tables, QStringList({u"actions"_s, u"deploys"_s, u"steps"_s}));
    QCOMPARE(raw.column(u"SELECT name FROM pragma_table_info('actions')"_s),
             QStringList({u"id"_s, u"kind"_s, u"application"_s, u"user"_s, u"host"_s, u"at"_s, u"reason"_s,
                          u"outcome"_s, u"message"_s, u"deploy_id"_s}));
    const QStringList deployColumns = raw.column(u"SELECT name FROM pragma_table_info('deploys')"_s);
    QCOMPARE(deployColumns,
             QStringList({u"id"_s, u"build"_s, u"version"_s, u"sha"_s, u"env"_s, u"reason"_s, u"user"_s,
                          u"application"_s, u"host"_s, u"pid"_s, u"started"_s, u"finished"_s, u"outcome"_s,
                          u"message"_s, u"source"_s, u"clean"_s}));
    const QStringList stepColumns = raw.column(u"SELECT name FROM pragma_table_info('steps')"_s);
    QCOMPARE(stepColumns, QStringList({u"deploy_id"_s, u"name"_s, u"stage"_s, u"status"_s, u"started"_s,
                                       u"duration_ms"_s, u"exit_code"_s, u"message"_s, u"seq"_s}));

    // Opening again keeps the data and the schema.
    DeployJournal again(file);
    QVERIFY(again.recent(1).isEmpty());
}

void TestJournal::roundTrip()
{
    try {
        roundTripBody();
    } catch (const ApiError &error) {
        QFAIL(qPrintable(error.toString()));
    }
}

void TestJournal::roundTripBody()
{
    const QString file = m_dir.filePath(u"roundtrip.sqlite"_s);
    DeployJournal journal(file);
    const qint64 id = journal.begin(target(u"148"_s), u"homelab"_s, at(0, 123));
    QVERIFY(id > 0);
    journal.stepStarted(id, u"test"_s, u"checks"_s, at(1, 5));
    journal.stepStarted(id, u"lint"_s, u"checks"_s, at(1, 7));

    auto running = journal.entry(id);
    QVERIFY(running);
    QCOMPARE(running->outcome, QString());
    QCOMPARE(running->currentStep(), u"lint"_s);
    QCOMPARE(running->steps.size(), 2);
    QCOMPARE(running->steps.at(0).result.status, StepResult::Status::Running);

    StepResult lint;
    lint.status = StepResult::Status::Failed;
    lint.started = at(1, 7);
    lint.durationMs = 2500;
    lint.exitCode = 3;
    lint.message = u"3 problems"_s;
    journal.stepFinished(id, u"lint"_s, u"checks"_s, lint);
    StepResult test;
    test.status = StepResult::Status::Succeeded;
    test.started = at(1, 5);
    test.durationMs = 4000;
    test.exitCode = 0;
    journal.stepFinished(id, u"test"_s, u"checks"_s, test);
    StepResult skipped;
    skipped.status = StepResult::Status::Skipped;
    skipped.message = u"lint failed"_s;
    journal.stepFinished(id, u"chart"_s, u"package"_s, skipped);
    journal.finish(id, u"failed"_s, u"lint failed"_s, at(9, 999));

    const auto entry = journal.entry(id);
    QVERIFY(entry);
    QCOMPARE(entry->id, id);
    QCOMPARE(entry->target.build, u"148"_s);
    QCOMPARE(entry->target.version, u"1.0.0-148"_s);
    QCOMPARE(entry->target.sha, u"abc148"_s);
    QCOMPARE(entry->target.env, u"prod"_s);
    QCOMPARE(entry->target.reason, u"reason 148"_s);
    QCOMPARE(entry->target.user, u"ana@desk"_s);
    QCOMPARE(entry->application, u"homelab"_s);
    QCOMPARE(entry->host, QSysInfo::machineHostName());
    QCOMPARE(entry->pid, QCoreApplication::applicationPid());
    QCOMPARE(entry->started, at(0, 123));
    QCOMPARE(entry->finished, at(9, 999));
    QCOMPARE(entry->outcome, u"failed"_s);
    QCOMPARE(entry->message, u"lint failed"_s);
    QCOMPARE(entry->currentStep(), QString());
    QCOMPARE(entry->steps.size(), 3);
    QCOMPARE(entry->steps.at(0).name, u"test"_s);
    QCOMPARE(entry->steps.at(0).result.status, StepResult::Status::Succeeded);
    QCOMPARE(entry->steps.at(0).result.started, at(1, 5));
    QCOMPARE(entry->steps.at(0).result.durationMs, 4000);
    QCOMPARE(entry->steps.at(0).result.exitCode, 0);
    QCOMPARE(entry->steps.at(1).name, u"lint"_s);
    QCOMPARE(entry->steps.at(1).stage, u"checks"_s);
    QCOMPARE(entry->steps.at(1).result.status, StepResult::Status::Failed);
    QCOMPARE(entry->steps.at(1).result.exitCode, 3);
    QCOMPARE(entry->steps.at(1).result.message, u"3 problems"_s);
    QCOMPARE(entry->steps.at(2).name, u"chart"_s);
    QCOMPARE(entry->steps.at(2).stage, u"package"_s);
    QCOMPARE(entry->steps.at(2).result.status, StepResult::Status::Skipped);
    QVERIFY(!entry->steps.at(2).result.started.isValid());

    RawDb raw(file);
    QCOMPARE(raw.scalar(u"SELECT started FROM deploys"_s).toString(), u"2026-09-21T14:13:20.123Z"_s);
    QCOMPARE(raw.scalar(u"SELECT finished FROM deploys"_s).toString(), u"2026-09-21T14:13:29.999Z"_s);
    QCOMPARE(raw.column(u"SELECT status FROM steps ORDER BY seq"_s),
             QStringList({u"succeeded"_s, u"failed"_s, u"skipped"_s}));

    QVERIFY(!journal.entry(id + 100));
}

void TestJournal::recentOrderAndLimit_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("builds");
    QTest::newRow("none") << 0 << QStringList();
    QTest::newRow("newest") << 1 << QStringList({u"3"_s});
    QTest::newRow("two") << 2 << QStringList({u"3"_s, u"2"_s});
    QTest::newRow("exact") << 3 << QStringList({u"3"_s, u"2"_s, u"1"_s});
    QTest::newRow("more than there are") << 50 << QStringList({u"3"_s, u"2"_s, u"1"_s});
}

void TestJournal::recentOrderAndLimit()
{
    QFETCH(int, limit);
    QFETCH(QStringList, builds);
    const QString file =
        m_dir.filePath(u"recent-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    DeployJournal journal(file);
    for (int i = 1; i <= 3; ++i) {
        const qint64 id = journal.begin(target(QString::number(i)), {}, at(i));
        journal.stepStarted(id, u"b"_s, u"s"_s, at(i, 2));
        journal.stepStarted(id, u"a"_s, u"s"_s, at(i, 1));
    }
    const auto entries = journal.recent(limit);
    QStringList got;
    for (const auto &entry : entries) {
        got.append(entry.target.build);
        QCOMPARE(entry.steps.size(), 2);
        QCOMPARE(entry.steps.at(0).name, u"b"_s); // start order, not name order
        QCOMPARE(entry.steps.at(1).name, u"a"_s);
    }
    QCOMPARE(got, builds);
}

void TestJournal::twoInstancesShareTheFile()
{
    const QString file = m_dir.filePath(u"shared.sqlite"_s);
    DeployJournal first(file);
    DeployJournal second(file);
    const qint64 a = first.begin(target(u"1"_s), u"app"_s, at(1));
    const qint64 b = second.begin(target(u"2"_s), u"app"_s, at(2));
    QVERIFY(a != b);
    second.stepStarted(a, u"test"_s, u"checks"_s, at(3));
    first.finish(b, u"succeeded"_s, {}, at(4));

    for (const DeployJournal *journal : {&first, &second}) {
        const auto entries = journal->recent(10);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).id, b);
        QCOMPARE(entries.at(0).outcome, u"succeeded"_s);
        QCOMPARE(entries.at(1).id, a);
        QCOMPARE(entries.at(1).currentStep(), u"test"_s);
    }
}

void TestJournal::failedWritesThrow()
{
    const QString file = m_dir.filePath(u"failures.sqlite"_s);
    DeployJournal journal(file);
    try {
        journal.stepStarted(4242, u"test"_s, u"checks"_s, at(1));
        QFAIL("a step of an unknown deploy was written");
    } catch (const ApiError &error) {
        QVERIFY2(error.message().contains(QDir::toNativeSeparators(file)), qPrintable(error.message()));
        QVERIFY2(error.message().contains(u"FOREIGN KEY"_s, Qt::CaseInsensitive),
                 qPrintable(error.message()));
    }
    try {
        journal.finish(4242, u"failed"_s, {}, at(1));
        QFAIL("an unknown deploy was finished");
    } catch (const ApiError &error) {
        QCOMPARE(error.kind(), ApiError::Kind::NotFound);
        QVERIFY2(error.message().contains(u"4242"_s), qPrintable(error.message()));
    }
    QVERIFY(journal.recent(10).isEmpty());
    // The failed writes left nothing half-done: the next one works.
    const qint64 id = journal.begin(target(u"1"_s), {}, at(2));
    journal.stepStarted(id, u"test"_s, u"checks"_s, at(3));
    QCOMPARE(journal.entry(id)->steps.size(), 1);
}

void TestJournal::recoverInterrupted_data()
{
    QTest::addColumn<QString>("pid"); // dead, own
    QTest::addColumn<bool>("otherHost");
    QTest::addColumn<bool>("finished");
    QTest::addColumn<bool>("withStep");
    QTest::addColumn<bool>("recovered");
    QTest::newRow("dead pid in a step") << u"dead"_s << false << false << true << true;
    QTest::newRow("dead pid before the first step") << u"dead"_s << false << false << false << true;
    QTest::newRow("own pid") << u"own"_s << false << false << true << false;
    QTest::newRow("other host") << u"dead"_s << true << false << true << false;
    QTest::newRow("already finished") << u"dead"_s << false << true << true << false;
}

void TestJournal::recoverInterrupted()
{
    QFETCH(QString, pid);
    QFETCH(bool, otherHost);
    QFETCH(bool, finished);
    QFETCH(bool, withStep);
    QFETCH(bool, recovered);

    const QString file =
        m_dir.filePath(u"recover-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    DeployJournal journal(file);
    const qint64 id = journal.begin(target(u"7"_s), u"app"_s, at(1));
    if (withStep) {
        journal.stepStarted(id, u"test"_s, u"checks"_s, at(2));
        StepResult done;
        done.status = StepResult::Status::Succeeded;
        done.started = at(2);
        journal.stepFinished(id, u"test"_s, u"checks"_s, done);
        journal.stepStarted(id, u"chart"_s, u"package"_s, at(3));
        journal.stepStarted(id, u"push"_s, u"publish"_s, at(4));
    }
    if (finished)
        journal.finish(id, u"succeeded"_s, {}, at(5));
    {
        RawDb raw(file);
        const qint64 owner = pid == u"dead"_s ? deadPid() : QCoreApplication::applicationPid();
        QVERIFY(owner > 0);
        QVERIFY(raw.exec(u"UPDATE deploys SET pid = ?, host = ?"_s,
                         {owner, otherHost ? u"elsewhere.invalid"_s : QSysInfo::machineHostName()}));
    }
    const auto before = journal.entry(id);
    QVERIFY(before);

    const auto found = journal.recoverInterrupted();
    const auto after = journal.entry(id);
    QVERIFY(after);
    if (!recovered) {
        QVERIFY(found.isEmpty());
        QCOMPARE(after->outcome, before->outcome);
        QCOMPARE(after->message, before->message);
        QCOMPARE(after->steps.size(), before->steps.size());
        for (int i = 0; i < after->steps.size(); ++i)
            QCOMPARE(after->steps.at(i).result.status, before->steps.at(i).result.status);
        return;
    }

    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).id, id);
    QCOMPARE(found.at(0).outcome, QString()); // as it was found
    QCOMPARE(found.at(0).currentStep(), withStep ? u"push"_s : QString());
    QCOMPARE(after->outcome, u"interrupted"_s);
    QCOMPARE(after->message,
             withStep ? u"interrupted in step push"_s : u"interrupted before the first step"_s);
    QVERIFY(after->finished.isValid());
    QCOMPARE(after->currentStep(), QString());
    if (withStep) {
        QCOMPARE(after->steps.size(), 3);
        QCOMPARE(after->steps.at(0).result.status, StepResult::Status::Succeeded);
        QCOMPARE(after->steps.at(0).result.message, QString());
        for (int i : {1, 2}) {
            QCOMPARE(after->steps.at(i).result.status, StepResult::Status::Cancelled);
            QCOMPARE(after->steps.at(i).result.message, u"interrupted"_s);
        }
    }
    // Reported once only, also through another instance.
    QVERIFY(journal.recoverInterrupted().isEmpty());
    DeployJournal other(file);
    QVERIFY(other.recoverInterrupted().isEmpty());
}

void TestJournal::badFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("garbage bytes") << u"garbage"_s << u"not an SQLite database"_s;
    QTest::newRow("foreign SQLite database")
        << u"foreign"_s << u"not a Capstan deploy journal (tables: notes)"_s;
    QTest::newRow("newer user_version") << u"newer"_s << u"schema version 7"_s;
    QTest::newRow("version 2 without actions") << u"noactions"_s << u"lacks the actions table"_s;
    QTest::newRow("parent is a file") << u"parentfile"_s << u"cannot create the directory"_s;
    QTest::newRow("unwritable directory") << u"readonly"_s << u"cannot open it"_s;
}

void TestJournal::badFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    const QString dir = m_dir.filePath(u"bad-%1"_s.arg(kind));
    QVERIFY(QDir().mkpath(dir));
    QString file = dir + u"/journal.sqlite"_s;
    if (kind == u"garbage"_s) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("this is no database at all\n").repeated(200));
    } else if (kind == u"foreign"_s || kind == u"newer"_s || kind == u"noactions"_s) {
        RawDb raw(file);
        QVERIFY(raw.ok());
        if (kind == u"foreign"_s) {
            QVERIFY(raw.exec(u"CREATE TABLE notes (text TEXT)"_s));
        } else {
            QVERIFY(raw.exec(u"CREATE TABLE deploys (id INTEGER)"_s));
            QVERIFY(raw.exec(u"CREATE TABLE steps (deploy_id INTEGER)"_s));
            QVERIFY(
                raw.exec(kind == u"newer"_s ? u"PRAGMA user_version = 7"_s : u"PRAGMA user_version = 2"_s));
        }
    } else if (kind == u"parentfile"_s) {
        QFile blocker(dir + u"/blocker"_s);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.write("x");
        file = dir + u"/blocker/journal.sqlite"_s;
    } else if (kind == u"readonly"_s) {
        if (::geteuid() == 0)
            file = u"/proc/self/journal.sqlite"_s; // root writes into read-only directories, but not here
        else
            QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner));
    }
    const bool existed = QFileInfo::exists(file);
    const QByteArray bytes = existed ? readAll(file) : QByteArray();

    try {
        DeployJournal journal(file);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFAIL("the bad journal file was accepted");
    } catch (const ApiError &error) {
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(error.kind(), ApiError::Kind::Config);
        QVERIFY2(error.message().contains(QDir::toNativeSeparators(file)), qPrintable(error.message()));
        QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
    }
    QCOMPARE(QFileInfo::exists(file), existed);
    if (existed)
        QCOMPARE(readAll(file), bytes);
}

namespace {

DeployJournal::Action action(const QString &kind, const QString &outcome, int seconds, qint64 deploy = 0)
{
    DeployJournal::Action action;
    action.kind = kind;
    action.application = u"torvalds"_s;
    action.user = u"ana@desk"_s;
    action.at = at(seconds);
    action.reason = u"why %1"_s.arg(kind);
    action.outcome = outcome;
    action.message = u"%1 %2"_s.arg(kind, outcome);
    action.deploy = deploy;
    return action;
}

// The schema of the first Capstan journals (user_version 1), as they exist on disk.
bool writeVersion1Journal(const QString &file)
{
    RawDb raw(file);
    return raw.ok() && raw.exec(u"PRAGMA journal_mode = WAL"_s) &&
           raw.exec(
               u"CREATE TABLE deploys (id INTEGER PRIMARY KEY AUTOINCREMENT, build TEXT NOT NULL DEFAULT "
               u"'', version TEXT NOT NULL DEFAULT '', sha TEXT NOT NULL DEFAULT '', env TEXT NOT NULL "
               u"DEFAULT '', reason TEXT NOT NULL DEFAULT '', user TEXT NOT NULL DEFAULT '', application "
               u"TEXT NOT NULL DEFAULT '', host TEXT NOT NULL DEFAULT '', pid INTEGER NOT NULL DEFAULT 0, "
               u"started TEXT NOT NULL, finished TEXT, outcome TEXT NOT NULL DEFAULT '', message TEXT NOT "
               u"NULL DEFAULT '')"_s) &&
           raw.exec(
               u"CREATE TABLE steps (deploy_id INTEGER NOT NULL REFERENCES deploys(id) ON DELETE "
               u"CASCADE, name TEXT NOT NULL, stage TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, "
               u"started TEXT, duration_ms INTEGER NOT NULL DEFAULT 0, exit_code INTEGER NOT NULL DEFAULT "
               u"-1, message TEXT NOT NULL DEFAULT '', seq INTEGER NOT NULL, PRIMARY KEY (deploy_id, "
               u"name))"_s) &&
           raw.exec(u"CREATE INDEX deploys_open ON deploys(outcome, host)"_s) &&
           raw.exec(u"INSERT INTO deploys (build, version, sha, env, reason, user, application, host, pid, "
                    u"started, finished, outcome, message) VALUES ('146', '1.0.0-146', 'abc146', 'prod', "
                    u"'release', 'ana@desk', 'torvalds', 'desk', 4242, '2026-09-01T10:00:00.000Z', "
                    u"'2026-09-01T10:02:00.000Z', 'succeeded', '')"_s) &&
           raw.exec(u"INSERT INTO steps (deploy_id, name, stage, status, started, duration_ms, exit_code, "
                    u"message, seq) VALUES (1, 'test', 'checks', 'succeeded', '2026-09-01T10:00:01.000Z', "
                    u"4200, 0, '', 1)"_s) &&
           raw.exec(u"INSERT INTO steps (deploy_id, name, stage, status, started, duration_ms, exit_code, "
                    u"message, seq) VALUES (1, 'push', 'publish', 'succeeded', '2026-09-01T10:01:00.000Z', "
                    u"900, 0, '', 2)"_s) &&
           raw.exec(u"PRAGMA user_version = 1"_s);
}

} // namespace

void TestJournal::actionsRoundTrip()
{
    try {
        const QString file = m_dir.filePath(u"actions.sqlite"_s);
        DeployJournal journal(file);
        QVERIFY(journal.actions(10).isEmpty());
        const qint64 deploy = journal.begin(target(u"147"_s), u"torvalds"_s, at(0));

        const qint64 first = journal.record(action(u"auto-sync-off"_s, u"succeeded"_s, 10));
        const qint64 second = journal.record(action(u"rollback"_s, u"failed"_s, 11));
        const qint64 third = journal.record(action(u"lock-take"_s, u"refused"_s, 12, deploy));
        DeployJournal::Action bare; // host and at are filled in
        bare.kind = u"auto-sync-on"_s;
        bare.outcome = u"succeeded"_s;
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const qint64 fourth = journal.record(bare);
        const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);
        QVERIFY(first > 0 && first < second && second < third && third < fourth);

        const QList<DeployJournal::Action> all = journal.actions(10);
        QCOMPARE(all.size(), 4);
        // The filled-in one is stamped now, on this host; the others keep their times, newest first.
        const auto filled = std::find_if(all.cbegin(), all.cend(),
                                         [fourth](const DeployJournal::Action &a) { return a.id == fourth; });
        QVERIFY(filled != all.cend());
        QCOMPARE(filled->host, QSysInfo::machineHostName());
        QVERIFY(filled->at >= before && filled->at <= after);
        QCOMPARE(filled->at.timeSpec(), Qt::UTC);
        QCOMPARE(filled->deploy, 0);
        QCOMPARE(filled->user, QString());
        QList<DeployJournal::Action> actions = all;
        actions.removeIf([fourth](const DeployJournal::Action &a) { return a.id == fourth; });
        const DeployJournal::Action &lock = actions.at(0);
        QCOMPARE(lock.id, third);
        QCOMPARE(lock.kind, u"lock-take"_s);
        QCOMPARE(lock.application, u"torvalds"_s);
        QCOMPARE(lock.user, u"ana@desk"_s);
        QCOMPARE(lock.host, QSysInfo::machineHostName());
        QCOMPARE(lock.at, at(12));
        QCOMPARE(lock.reason, u"why lock-take"_s);
        QCOMPARE(lock.outcome, u"refused"_s);
        QCOMPARE(lock.message, u"lock-take refused"_s);
        QCOMPARE(lock.deploy, deploy);
        QCOMPARE(actions.at(1).kind, u"rollback"_s);
        QCOMPARE(actions.at(1).outcome, u"failed"_s);
        QCOMPARE(actions.at(2).kind, u"auto-sync-off"_s);
        QCOMPARE(journal.actions(2).size(), 2);
        QVERIFY(journal.actions(0).isEmpty());

        // An explicit host is kept; another instance reads what this one wrote.
        DeployJournal::Action elsewhere = action(u"ci-override"_s, u"succeeded"_s, 5);
        elsewhere.host = u"ci-runner-7"_s;
        const qint64 fifth = journal.record(elsewhere);
        DeployJournal other(file);
        const QList<DeployJournal::Action> seen = other.actions(10);
        QCOMPARE(seen.size(), 5);
        QVERIFY(std::any_of(seen.cbegin(), seen.cend(), [fifth](const DeployJournal::Action &a) {
            return a.id == fifth && a.host == u"ci-runner-7"_s && a.at == at(5);
        }));
        // Deploys are untouched by actions.
        QCOMPARE(other.recent(10).size(), 1);
        for (const QString &kind : DeployJournal::actionKinds())
            QVERIFY(other.record(action(kind, u"succeeded"_s, 20)) > 0);
        QCOMPARE(other.actions(100).size(), 5 + int(DeployJournal::actionKinds().size()));
    } catch (const ApiError &error) {
        QFAIL(qPrintable(error.toString()));
    }
}

void TestJournal::actionsRejectBadInput_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<qint64>("deploy");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown kind") << u"deploy"_s << u"succeeded"_s << qint64(0)
                                  << u"unknown action kind \"deploy\""_s;
    QTest::newRow("empty kind") << u""_s << u"succeeded"_s << qint64(0) << u"unknown action kind"_s;
    QTest::newRow("unknown outcome") << u"rollback"_s << u"cancelled"_s << qint64(0)
                                     << u"unknown outcome \"cancelled\" of a rollback action"_s;
    QTest::newRow("empty outcome") << u"lock-take"_s << u""_s << qint64(0) << u"unknown outcome"_s;
    QTest::newRow("missing deploy") << u"lock-take"_s << u"succeeded"_s << qint64(99)
                                    << u"names deploy 99, which is not in the journal"_s;
    QTest::newRow("negative deploy") << u"lock-take"_s << u"succeeded"_s << qint64(-3) << u"deploy -3"_s;
}

void TestJournal::actionsRejectBadInput()
{
    QFETCH(QString, kind);
    QFETCH(QString, outcome);
    QFETCH(qint64, deploy);
    QFETCH(QString, expected);
    const QString file = m_dir.filePath(
        u"bad-action-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    DeployJournal journal(file);
    try {
        journal.record(action(kind, outcome, 1, deploy));
        QFAIL("a bad action was written");
    } catch (const ApiError &error) {
        QCOMPARE(error.kind(), ApiError::Kind::Usage);
        QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QDir::toNativeSeparators(file)), qPrintable(error.message()));
    }
    QVERIFY(journal.actions(10).isEmpty());
    QVERIFY(journal.record(action(u"rollback"_s, u"succeeded"_s, 2)) > 0); // nothing was left half-done
}

void TestJournal::oldSchemaIsMigrated()
{
    const QString file = m_dir.filePath(u"version1/journal.sqlite"_s);
    QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
    QVERIFY(writeVersion1Journal(file));
    try {
        {
            DeployJournal journal(file);
            const QList<DeployJournal::Entry> entries = journal.recent(10);
            QCOMPARE(entries.size(), 1);
            const DeployJournal::Entry &entry = entries.first();
            QCOMPARE(entry.target.version, u"1.0.0-146"_s);
            QCOMPARE(entry.target.reason, u"release"_s);
            QCOMPARE(entry.target.user, u"ana@desk"_s);
            QCOMPARE(entry.application, u"torvalds"_s);
            QCOMPARE(entry.outcome, u"succeeded"_s);
            QCOMPARE(entry.started, QDateTime(QDate(2026, 9, 1), QTime(10, 0), QTimeZone::utc()));
            QCOMPARE(entry.steps.size(), 2);
            QCOMPARE(entry.steps.at(1).name, u"push"_s);
            QCOMPARE(entry.steps.at(1).result.durationMs, 900);
            QVERIFY(journal.actions(10).isEmpty());
            // The upgraded journal takes actions, also ones that belong to the old deploy.
            journal.record(action(u"rollback"_s, u"succeeded"_s, 1, entry.id));
            const qint64 next = journal.begin(target(u"147"_s), u"torvalds"_s, at(2));
            QCOMPARE(next, entry.id + 1);
        }
        RawDb raw(file);
        QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), 3);
        QCOMPARE(raw.column(u"SELECT version FROM deploys ORDER BY id"_s),
                 QStringList({u"1.0.0-146"_s, u"1.0.0-147"_s}));
        QCOMPARE(raw.column(u"SELECT name FROM steps ORDER BY seq"_s), QStringList({u"test"_s, u"push"_s}));
        QCOMPARE(raw.column(u"SELECT kind FROM actions"_s), QStringList({u"rollback"_s}));
        // Opening the upgraded file again changes nothing.
        DeployJournal again(file);
        QCOMPARE(again.recent(10).size(), 2);
        QCOMPARE(again.actions(10).size(), 1);
        QCOMPARE(again.actions(10).first().deploy, 1);
    } catch (const ApiError &error) {
        QFAIL(qPrintable(error.toString()));
    }
}

void TestJournal::timelineMergesNewestFirst_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("kinds");
    const QStringList all = {u"lock-release"_s, u"deploy"_s, u"rollback"_s,
                             u"lock-take"_s,    u"deploy"_s, u"auto-sync-off"_s};
    QTest::newRow("all") << 50 << all;
    QTest::newRow("exact") << 6 << all;
    QTest::newRow("three") << 3 << all.mid(0, 3);
    QTest::newRow("one") << 1 << all.mid(0, 1);
    QTest::newRow("none") << 0 << QStringList();
}

void TestJournal::timelineMergesNewestFirst()
{
    QFETCH(int, limit);
    QFETCH(QStringList, kinds);
    const QString file =
        m_dir.filePath(u"timeline-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    DeployJournal journal(file);
    journal.record(action(u"auto-sync-off"_s, u"succeeded"_s, 1));
    const qint64 first = journal.begin(target(u"1"_s), u"torvalds"_s, at(10));
    journal.record(action(u"lock-take"_s, u"succeeded"_s, 10, first)); // same moment: the action first
    journal.record(action(u"rollback"_s, u"refused"_s, 20));
    const qint64 second = journal.begin(target(u"2"_s), u"torvalds"_s, at(30));
    journal.stepStarted(second, u"test"_s, u"checks"_s, at(31));
    journal.record(action(u"lock-release"_s, u"succeeded"_s, 40, second));

    const QList<DeployJournal::Record> records = journal.timeline(limit);
    QStringList got;
    for (const DeployJournal::Record &record : records) {
        got.append(record.kind);
        QCOMPARE(record.deploy.has_value(), record.kind == u"deploy"_s);
        QCOMPARE(record.action.has_value(), record.kind != u"deploy"_s);
        QCOMPARE(record.at, record.deploy ? record.deploy->started : record.action->at);
    }
    QCOMPARE(got, kinds);
    if (records.size() > 1) {
        QCOMPARE(records.at(1).deploy->id, second);
        QCOMPARE(records.at(1).deploy->steps.size(), 1);
    }
}

void TestJournal::outcomeOfError_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("conflict") << int(ApiError::Kind::Conflict) << u"refused"_s;
    QTest::newRow("usage") << int(ApiError::Kind::Usage) << u"refused"_s;
    QTest::newRow("network") << int(ApiError::Kind::Network) << u"failed"_s;
    QTest::newRow("http") << int(ApiError::Kind::Http) << u"failed"_s;
    QTest::newRow("failed") << int(ApiError::Kind::Failed) << u"failed"_s;
}

void TestJournal::outcomeOfError()
{
    QFETCH(int, kind);
    QFETCH(QString, outcome);
    QCOMPARE(DeployJournal::outcomeOf(ApiError(ApiError::Kind(kind), u"x"_s)), outcome);
    QVERIFY(DeployJournal::actionOutcomes().contains(outcome));
}

void TestJournal::stepsModelPlan_data()
{
    QTest::addColumn<QString>("env");
    QTest::addColumn<bool>("giveStages");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<QStringList>("messages");
    QTest::newRow("dev with stages")
        << u"dev"_s << true
        << QStringList({u"chart-version"_s, u"test"_s, u"lint"_s, u"audit"_s, u"chart"_s, u"push"_s})
        << QStringList({u"skipped"_s, u"pending"_s, u"pending"_s, u"skipped"_s, u"pending"_s, u"skipped"_s})
        << QStringList({u"only: prod"_s, {}, {}, u"only: prod"_s, {}, u"only: prod"_s});
    QTest::newRow("prod") << u"prod"_s << false
                          << QStringList({u"chart-version"_s, u"test"_s, u"lint"_s, u"audit"_s, u"chart"_s,
                                          u"push"_s})
                          << QStringList(6, u"pending"_s) << QStringList(6, QString());
}

void TestJournal::stepsModelPlan()
{
    QFETCH(QString, env);
    QFETCH(bool, giveStages);
    QFETCH(QStringList, names);
    QFETCH(QStringList, statuses);
    QFETCH(QStringList, messages);

    PipelineStepsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const PipelinePlan plan = PipelinePlan::make(samplePipeline(), env);
    model.setPlan(plan, giveStages ? sampleStages : QStringList());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.columnCount(), int(PipelineStepsModel::ColumnCount));
    QCOMPARE(modelColumn(model, PipelineStepsModel::NameColumn), names);
    QStringList gotStatuses;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto status =
            StepResult::Status(model.index(row, 0).data(PipelineStepsModel::StatusRole).toInt());
        gotStatuses.append(StepResult::statusName(status));
        QCOMPARE(model.index(row, PipelineStepsModel::StatusColumn).data().toString(),
                 StepResult::statusLabel(status));
        QCOMPARE(model.stepAt(row), names.at(row));
        QCOMPARE(model.rowOf(names.at(row)), row);
    }
    QCOMPARE(gotStatuses, statuses);
    QCOMPARE(modelColumn(model, PipelineStepsModel::MessageColumn), messages);
    QCOMPARE(model.stages(), sampleStages);
    QCOMPARE(modelColumn(model, 0, PipelineStepsModel::StageIndexRole),
             QStringList({u"0"_s, u"1"_s, u"1"_s, u"1"_s, u"2"_s, u"3"_s}));
    QCOMPARE(model.index(model.rowOf(u"chart"_s), PipelineStepsModel::KindColumn).data().toString(),
             Step::kindName(Step::Kind::HelmPackage));
    const QStringList chartNeeds =
        model.index(model.rowOf(u"chart"_s), 0).data(PipelineStepsModel::DependenciesRole).toStringList();
    QCOMPARE(chartNeeds, env == u"dev"_s
                             ? QStringList({u"test"_s, u"lint"_s})
                             : QStringList({u"chart-version"_s, u"test"_s, u"lint"_s, u"audit"_s}));
    QCOMPARE(model.finishedCount(), int(statuses.count(u"skipped"_s)));
    QCOMPARE(model.rowOf(u"nope"_s), -1);
    QCOMPARE(model.stepAt(99), QString());
}

void TestJournal::stepsModelEvents_data()
{
    QTest::addColumn<QString>("event"); // start, finish
    QTest::addColumn<QString>("step");
    QTest::addColumn<QList<int>>("rows");
    QTest::addColumn<QString>("status");
    QTest::newRow("start test") << u"start"_s << u"test"_s << QList<int>({1}) << u"running"_s;
    QTest::newRow("start chart") << u"start"_s << u"chart"_s << QList<int>({4}) << u"running"_s;
    QTest::newRow("finish lint") << u"finish"_s << u"lint"_s << QList<int>({2}) << u"failed"_s;
    QTest::newRow("unknown start") << u"start"_s << u"nope"_s << QList<int>() << QString();
    QTest::newRow("unknown finish") << u"finish"_s << u"nope"_s << QList<int>() << QString();
    QTest::newRow("unknown output") << u"output"_s << u"nope"_s << QList<int>() << QString();
}

void TestJournal::stepsModelEvents()
{
    QFETCH(QString, event);
    QFETCH(QString, step);
    QFETCH(QList<int>, rows);
    QFETCH(QString, status);

    PipelineStepsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(PipelinePlan::make(samplePipeline(), u"dev"_s), sampleStages);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy output(&model, &PipelineStepsModel::outputAppended);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    StepResult failed;
    failed.status = StepResult::Status::Failed;
    failed.started = at(1);
    failed.durationMs = 1500;
    failed.exitCode = 2;
    failed.message = u"exit status 2"_s;
    if (event == u"start"_s)
        model.stepStarted(step);
    else if (event == u"finish"_s)
        model.stepFinished(step, failed);
    else
        model.appendOutput(step, {u"line"_s});

    QCOMPARE(changedRows(changed), rows);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(output.size(), 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto now = StepResult::Status(model.index(row, 0).data(PipelineStepsModel::StatusRole).toInt());
        if (rows.contains(row)) {
            QCOMPARE(StepResult::statusName(now), status);
            QCOMPARE(model.resultAt(row).status, now);
        } else {
            QVERIFY(now == StepResult::Status::Pending || now == StepResult::Status::Skipped);
        }
    }
    if (event == u"finish"_s && !rows.isEmpty()) {
        const int row = rows.first();
        QCOMPARE(model.index(row, 0).data(PipelineStepsModel::ExitCodeRole), QVariant(2));
        QCOMPARE(model.index(row, PipelineStepsModel::MessageColumn).data().toString(), u"exit status 2"_s);
        QCOMPARE(model.index(row, PipelineStepsModel::DurationColumn).data().toString(),
                 PipelineStepsModel::formatDuration(1500));
        QCOMPARE(model.index(row, 0).data(PipelineStepsModel::DurationRole).toLongLong(), 1500);
        QCOMPARE(model.finishedCount(), 4);
    }
    if (event == u"start"_s && !rows.isEmpty())
        QVERIFY(model.resultAt(rows.first()).started.isValid());
}

void TestJournal::stepsModelTick()
{
    PipelineStepsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(PipelinePlan::make(samplePipeline(), u"dev"_s), sampleStages);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick();
    QCOMPARE(changed.size(), 0); // nothing runs
    model.stepStarted(u"lint"_s);
    StepResult done;
    done.status = StepResult::Status::Succeeded;
    model.stepStarted(u"test"_s);
    model.stepFinished(u"test"_s, done);
    changed.clear();
    model.tick();
    QCOMPARE(changed.size(), 1);
    const auto top = changed.at(0).at(0).toModelIndex();
    const auto bottom = changed.at(0).at(1).toModelIndex();
    QCOMPARE(top.row(), model.rowOf(u"lint"_s));
    QCOMPARE(bottom.row(), top.row());
    QCOMPARE(top.column(), int(PipelineStepsModel::DurationColumn));
    QCOMPARE(bottom.column(), int(PipelineStepsModel::DurationColumn));
    QVERIFY(!model.index(top.row(), PipelineStepsModel::DurationColumn).data().toString().isEmpty());
}

void TestJournal::stepsModelOutputCap()
{
    PipelineStepsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(PipelinePlan::make(samplePipeline(), u"dev"_s), sampleStages);
    QSignalSpy output(&model, &PipelineStepsModel::outputAppended);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.stepStarted(u"test"_s);
    const int total = PipelineStepsModel::MaxLines + 250;
    int calls = 0;
    for (int first = 0; first < total; first += 1000) {
        QStringList lines;
        for (int i = first; i < std::min(first + 1000, total); ++i)
            lines.append(u"line %1"_s.arg(i));
        model.appendOutput(u"test"_s, lines);
        ++calls;
    }
    model.appendOutput(u"lint"_s, {u"lint says hi"_s});
    QCOMPARE(output.size(), calls + 1);
    QCOMPARE(output.at(0).at(0).toString(), u"test"_s);
    QCOMPARE(output.at(0).at(1).toStringList().size(), 1000);
    QCOMPARE(output.last().at(0).toString(), u"lint"_s);
    const QStringList kept = model.outputOf(u"test"_s);
    QCOMPARE(kept.size(), PipelineStepsModel::MaxLines);
    QCOMPARE(kept.first(), u"line 250"_s);
    QCOMPARE(kept.last(), u"line %1"_s.arg(total - 1));
    QCOMPARE(model.outputOf(u"lint"_s), QStringList({u"lint says hi"_s}));
    QCOMPARE(model.index(model.rowOf(u"lint"_s), 0).data(PipelineStepsModel::OutputRole).toStringList(),
             QStringList({u"lint says hi"_s}));
    QVERIFY(model.outputOf(u"chart"_s).isEmpty());
    QCOMPARE(changedRows(changed), QList<int>({model.rowOf(u"test"_s)})); // only the start
}

void TestJournal::stepsModelRunFinished()
{
    PipelineStepsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(PipelinePlan::make(samplePipeline(), u"dev"_s), sampleStages);
    StepResult failed;
    failed.status = StepResult::Status::Failed;
    model.stepStarted(u"test"_s);
    model.stepFinished(u"test"_s, failed);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.runFinished();
    QList<int> rows = changedRows(changed);
    std::sort(rows.begin(), rows.end());
    QCOMPARE(rows, QList<int>({model.rowOf(u"lint"_s), model.rowOf(u"chart"_s)}));
    QCOMPARE(model.resultAt(model.rowOf(u"test"_s)).status, StepResult::Status::Failed);
    QCOMPARE(model.resultAt(model.rowOf(u"lint"_s)).status, StepResult::Status::Cancelled);
    QCOMPARE(model.resultAt(model.rowOf(u"chart"_s)).status, StepResult::Status::Cancelled);
    QCOMPARE(model.resultAt(model.rowOf(u"push"_s)).status, StepResult::Status::Skipped);
    QCOMPARE(model.finishedCount(), model.rowCount());
    changed.clear();
    model.runFinished();
    QCOMPARE(changed.size(), 0);
}

void TestJournal::journalModelUpdate_data()
{
    QTest::addColumn<QList<qint64>>("before");
    QTest::addColumn<QList<qint64>>("after");
    QTest::addColumn<QList<qint64>>("modified"); // ids whose outcome changes
    QTest::addColumn<QList<int>>("changed");     // rows reported by dataChanged
    QTest::addColumn<QList<int>>("inserted");    // first rows of rowsInserted
    QTest::addColumn<QList<int>>("removed");     // first rows of rowsRemoved
    QTest::newRow("same ids, nothing changed")
        << QList<qint64>({3, 2, 1}) << QList<qint64>({3, 2, 1}) << QList<qint64>() << QList<int>()
        << QList<int>() << QList<int>();
    QTest::newRow("same ids, one changed")
        << QList<qint64>({3, 2, 1}) << QList<qint64>({3, 2, 1}) << QList<qint64>({2}) << QList<int>({1})
        << QList<int>() << QList<int>();
    QTest::newRow("new newest") << QList<qint64>({3, 2, 1}) << QList<qint64>({4, 3, 2, 1}) << QList<qint64>()
                                << QList<int>() << QList<int>({0}) << QList<int>();
    QTest::newRow("new newest, oldest gone")
        << QList<qint64>({3, 2, 1}) << QList<qint64>({4, 3, 2}) << QList<qint64>({3}) << QList<int>({1})
        << QList<int>({0}) << QList<int>({2});
    QTest::newRow("middle vanished") << QList<qint64>({3, 2, 1}) << QList<qint64>({3, 1}) << QList<qint64>()
                                     << QList<int>() << QList<int>() << QList<int>({1});
    QTest::newRow("from empty") << QList<qint64>() << QList<qint64>({2, 1}) << QList<qint64>() << QList<int>()
                                << QList<int>({0, 1}) << QList<int>();
    QTest::newRow("to empty") << QList<qint64>({2, 1}) << QList<qint64>() << QList<qint64>() << QList<int>()
                              << QList<int>() << QList<int>({1, 0});
}

void TestJournal::journalModelUpdate()
{
    QFETCH(QList<qint64>, before);
    QFETCH(QList<qint64>, after);
    QFETCH(QList<qint64>, modified);
    QFETCH(QList<int>, changed);
    QFETCH(QList<int>, inserted);
    QFETCH(QList<int>, removed);

    JournalModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(journalEntries(before));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy rowsInserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy rowsRemoved(&model, &QAbstractItemModel::rowsRemoved);

    auto entries = journalEntries(after);
    for (auto &entry : entries) {
        if (modified.contains(entry.id)) {
            entry.outcome = u"interrupted"_s;
            entry.message = u"interrupted in step test"_s;
        }
    }
    model.setEntries(entries);

    QCOMPARE(reset.size(), 0);
    QCOMPARE(changedRows(dataChanged), changed);
    QList<int> gotInserted;
    for (const auto &args : rowsInserted)
        gotInserted.append(args.at(1).toInt());
    QCOMPARE(gotInserted, inserted);
    QList<int> gotRemoved;
    for (const auto &args : rowsRemoved)
        gotRemoved.append(args.at(1).toInt());
    QCOMPARE(gotRemoved, removed);
    QCOMPARE(model.rowCount(), int(after.size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, 0).data(JournalModel::IdRole).toLongLong(), after.at(row));
        QCOMPARE(model.entryAt(row).id, after.at(row));
        QCOMPARE(model.index(row, 0).data(JournalModel::OutcomeRole).toString(),
                 modified.contains(after.at(row)) ? u"interrupted"_s : u"succeeded"_s);
    }
}

void TestJournal::journalModelDisplay()
{
    const QString file = m_dir.filePath(u"display.sqlite"_s);
    DeployJournal journal(file);
    const qint64 done = journal.begin(target(u"1"_s), {}, at(0));
    journal.stepStarted(done, u"test"_s, u"checks"_s, at(1));
    StepResult ok;
    ok.status = StepResult::Status::Succeeded;
    journal.stepFinished(done, u"test"_s, u"checks"_s, ok);
    journal.finish(done, u"succeeded"_s, {}, at(65));
    const qint64 cut = journal.begin(target(u"2"_s), {}, at(100));
    journal.stepStarted(cut, u"chart"_s, u"package"_s, at(101));
    journal.finish(cut, u"interrupted"_s, u"interrupted in step chart"_s, at(102));
    const qint64 running = journal.begin(target(u"3"_s), {}, at(200));

    JournalModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(journal.recent(10));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entryAt(0).id, running);
    QCOMPARE(model.entryAt(2).id, done);
    auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(2, JournalModel::DurationColumn), PipelineStepsModel::formatDuration(65000));
    QCOMPARE(cell(1, JournalModel::DurationColumn), PipelineStepsModel::formatDuration(2000));
    QCOMPARE(cell(0, JournalModel::DurationColumn), QString());
    QCOMPARE(cell(2, JournalModel::StartedColumn), u"2026-09-21 14:13:20"_s);
    QCOMPARE(cell(2, JournalModel::EnvColumn), u"prod"_s);
    QCOMPARE(cell(2, JournalModel::UserColumn), u"ana@desk"_s);
    QCOMPARE(cell(2, JournalModel::ReasonColumn), u"reason 1"_s);
    QVERIFY(cell(2, JournalModel::VersionColumn).contains(u"1.0.0-1"_s));
    const QString interrupted = cell(1, JournalModel::OutcomeColumn);
    QVERIFY2(interrupted.contains(u"interrupted"_s, Qt::CaseInsensitive), qPrintable(interrupted));
    QVERIFY2(interrupted.contains(u"chart"_s), qPrintable(interrupted));
    QVERIFY(interrupted != cell(2, JournalModel::OutcomeColumn));
    QVERIFY(cell(0, JournalModel::OutcomeColumn) != cell(2, JournalModel::OutcomeColumn));
    QCOMPARE(model.index(2, 0).data(JournalModel::StepsRole).toStringList(),
             QStringList({u"test: succeeded"_s}));
    QCOMPARE(model.index(1, 0).data(JournalModel::StepsRole).toStringList(),
             QStringList({u"chart: running"_s}));

    // A refresh after the running deploy finished: one row changes, nothing is reset or inserted.
    journal.finish(running, u"succeeded"_s, {}, at(230));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setEntries(journal.recent(10));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changedRows(changed), QList<int>({0}));
    QCOMPARE(cell(0, JournalModel::DurationColumn), PipelineStepsModel::formatDuration(30000));
    QCOMPARE(model.headerData(JournalModel::OutcomeColumn, Qt::Horizontal).toString(), u"Outcome"_s);
}

void TestJournal::journalModelActions()
{
    const QString file = m_dir.filePath(u"model-actions.sqlite"_s);
    DeployJournal journal(file);
    const qint64 deploy = journal.begin(target(u"1"_s), u"torvalds"_s, at(0));
    journal.finish(deploy, u"succeeded"_s, {}, at(60));
    // The first action has id 1 like the deploy: they are different rows all the same.
    journal.record(action(u"rollback"_s, u"succeeded"_s, 100));
    journal.record(action(u"auto-sync-on"_s, u"refused"_s, 200));

    JournalModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecords(journal.timeline(10));
    QCOMPARE(model.rowCount(), 3);
    auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(model.index(0, 0).data(JournalModel::KindRole).toString(), u"auto-sync-on"_s);
    QCOMPARE(model.index(1, 0).data(JournalModel::KindRole).toString(), u"rollback"_s);
    QCOMPARE(model.index(2, 0).data(JournalModel::KindRole).toString(), u"deploy"_s);
    QCOMPARE(model.index(1, 0).data(JournalModel::IdRole).toLongLong(), 1);
    QCOMPARE(model.index(2, 0).data(JournalModel::IdRole).toLongLong(), deploy);
    QCOMPARE(cell(0, JournalModel::KindColumn), u"Auto-sync on"_s);
    QCOMPARE(cell(1, JournalModel::KindColumn), u"Rollback"_s);
    QCOMPARE(cell(2, JournalModel::KindColumn), u"Deploy"_s);
    QCOMPARE(cell(1, JournalModel::StartedColumn), u"2026-09-21 14:15:00"_s);
    QCOMPARE(cell(1, JournalModel::VersionColumn), u"torvalds: rollback succeeded"_s);
    QCOMPARE(cell(1, JournalModel::UserColumn), u"ana@desk"_s);
    QCOMPARE(cell(1, JournalModel::ReasonColumn), u"why rollback"_s);
    QCOMPARE(cell(0, JournalModel::OutcomeColumn), u"refused"_s);
    QCOMPARE(model.index(0, 0).data(JournalModel::OutcomeRole).toString(), u"refused"_s);
    QCOMPARE(cell(0, JournalModel::DurationColumn), QString());
    QVERIFY(model.index(0, 0).data(JournalModel::StepsRole).toStringList().isEmpty());
    QVERIFY(model.recordAt(0).action && !model.recordAt(0).deploy);
    QCOMPARE(model.entryAt(0).id, 0); // no deploy in an action's row
    QCOMPARE(model.entryAt(2).id, deploy);
    QCOMPARE(model.deployRow(deploy), 2);
    QCOMPARE(model.deployRow(deploy + 1), -1);
    QCOMPARE(model.headerData(JournalModel::KindColumn, Qt::Horizontal).toString(), u"Kind"_s);

    // A new action on top is one inserted row; nothing is reset, nothing else changes.
    journal.record(action(u"lock-take"_s, u"succeeded"_s, 300, deploy));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRecords(journal.timeline(10));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(cell(0, JournalModel::KindColumn), u"Lock taken"_s);
    // Only deploys again: the actions go, the deploy stays.
    model.setEntries(journal.recent(10));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entryAt(0).id, deploy);
}

QTEST_GUILESS_MAIN(TestJournal)
void TestJournal::sourceAndCleanRoundTrip()
{
    DeployJournal journal(m_dir.filePath(u"source.sqlite"_s));
    DeployTarget checkout = target(u"7"_s);
    checkout.source = u"checkout"_s;
    DeployTarget dirty = target(u"8"_s);
    dirty.source = u"worktree"_s;
    dirty.clean = false;
    const qint64 first = journal.begin(checkout, u"torvalds"_s, QDateTime::currentDateTimeUtc());
    const qint64 second = journal.begin(dirty, u"torvalds"_s, QDateTime::currentDateTimeUtc());
    QCOMPARE(journal.entry(first)->target.source, u"checkout"_s);
    QCOMPARE(journal.entry(first)->target.clean, true);
    QCOMPARE(journal.entry(second)->target.source, u"worktree"_s);
    QCOMPARE(journal.entry(second)->target.clean, false);
}

void TestJournal::everyKindHasALabel()
{
    // The Journal view names each kind in words, never as the raw key.
    for (const QString &kind : DeployJournal::actionKinds() + QStringList{u"deploy"_s}) {
        const QString label = JournalModel::kindLabel(kind);
        QVERIFY2(!label.isEmpty() && label != kind, qPrintable(kind));
    }
}

#include "tst_journal.moc"
