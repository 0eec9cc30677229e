#include "DeployJournal.h"

#include "net/ApiError.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QVariant>

#include <cerrno>
#include <signal.h>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

// 1: deploys and steps. 2: actions.
constexpr int SchemaVersion = 3;

QAtomicInteger<quint64> connectionCounter;

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QVariant &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.toUTC();
}

bool processGone(qint64 pid)
{
    if (pid <= 0)
        return true;
    if (pid == QCoreApplication::applicationPid())
        return false;
    return ::kill(pid_t(pid), 0) == -1 && errno == ESRCH;
}

const char *const CreateDeploys = "CREATE TABLE deploys ("
                                  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " build TEXT NOT NULL DEFAULT '',"
                                  " version TEXT NOT NULL DEFAULT '',"
                                  " sha TEXT NOT NULL DEFAULT '',"
                                  " env TEXT NOT NULL DEFAULT '',"
                                  " reason TEXT NOT NULL DEFAULT '',"
                                  " user TEXT NOT NULL DEFAULT '',"
                                  " application TEXT NOT NULL DEFAULT '',"
                                  " host TEXT NOT NULL DEFAULT '',"
                                  " pid INTEGER NOT NULL DEFAULT 0,"
                                  " started TEXT NOT NULL,"
                                  " finished TEXT,"
                                  " outcome TEXT NOT NULL DEFAULT '',"
                                  " message TEXT NOT NULL DEFAULT '',"
                                  " source TEXT NOT NULL DEFAULT '',"
                                  " clean INTEGER NOT NULL DEFAULT 1)";
// Schema 3: where the pipeline ran (a clean checkout of the build's commit, or the working tree).
const char *const AddSource = "ALTER TABLE deploys ADD COLUMN source TEXT NOT NULL DEFAULT ''";
const char *const AddClean = "ALTER TABLE deploys ADD COLUMN clean INTEGER NOT NULL DEFAULT 1";
const char *const CreateSteps = "CREATE TABLE steps ("
                                " deploy_id INTEGER NOT NULL REFERENCES deploys(id) ON DELETE CASCADE,"
                                " name TEXT NOT NULL,"
                                " stage TEXT NOT NULL DEFAULT '',"
                                " status TEXT NOT NULL,"
                                " started TEXT,"
                                " duration_ms INTEGER NOT NULL DEFAULT 0,"
                                " exit_code INTEGER NOT NULL DEFAULT -1,"
                                " message TEXT NOT NULL DEFAULT '',"
                                " seq INTEGER NOT NULL,"
                                " PRIMARY KEY (deploy_id, name))";
const char *const CreateOpenIndex = "CREATE INDEX deploys_open ON deploys(outcome, host)";
const char *const CreateActions = "CREATE TABLE actions ("
                                  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " kind TEXT NOT NULL,"
                                  " application TEXT NOT NULL DEFAULT '',"
                                  " user TEXT NOT NULL DEFAULT '',"
                                  " host TEXT NOT NULL DEFAULT '',"
                                  " at TEXT NOT NULL,"
                                  " reason TEXT NOT NULL DEFAULT '',"
                                  " outcome TEXT NOT NULL,"
                                  " message TEXT NOT NULL DEFAULT '',"
                                  " deploy_id INTEGER REFERENCES deploys(id) ON DELETE SET NULL)";
const char *const CreateActionsIndex = "CREATE INDEX actions_at ON actions(at)";

// Keeps the SQL plumbing (prepare, bind, exec, errors naming the file) in one place.
class Sql
{
public:
    Sql(const QString &connection, const QString &file)
        : m_db(QSqlDatabase::database(connection, false))
        , m_file(file)
    {}

    [[noreturn]] void fail(const QString &what, const QSqlError &error) const
    {
        throw ApiError(ApiError::Kind::Failed,
                       QCoreApplication::translate("DeployJournal", "Deploy journal %1: %2: %3")
                           .arg(QDir::toNativeSeparators(m_file), what, error.text()));
    }

    QSqlQuery run(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            fail(QCoreApplication::translate("DeployJournal", "cannot prepare \"%1\"").arg(sql),
                 query.lastError());
        for (const QVariant &value : values) {
            // A null QString binds as NULL; the text columns hold "" instead.
            const bool nullText =
                value.metaType() == QMetaType::fromType<QString>() && value.toString().isNull();
            query.addBindValue(nullText ? QVariant(u""_s) : value);
        }
        if (!query.exec())
            fail(QCoreApplication::translate("DeployJournal", "\"%1\" failed").arg(sql), query.lastError());
        return query;
    }

    QVariant scalar(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query = run(sql, values);
        return query.next() ? query.value(0) : QVariant();
    }

    // Runs body inside BEGIN IMMEDIATE ... COMMIT; rolls back and rethrows on failure.
    template <typename Body> auto transaction(Body body) const
    {
        run(u"BEGIN IMMEDIATE"_s);
        try {
            if constexpr (std::is_void_v<decltype(body())>) {
                body();
                run(u"COMMIT"_s);
            } else {
                auto result = body();
                run(u"COMMIT"_s);
                return result;
            }
        } catch (...) {
            QSqlQuery rollback(m_db);
            rollback.exec(u"ROLLBACK"_s);
            throw;
        }
    }

    QSqlDatabase m_db;
    QString m_file;
};

void closeConnection(const QString &connection)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

ApiError configError(const QString &file, const QString &what)
{
    return ApiError(ApiError::Kind::Config,
                    QCoreApplication::translate("DeployJournal", "Deploy journal %1: %2")
                        .arg(QDir::toNativeSeparators(file), what));
}

QList<DeployJournal::Entry> loadEntries(const Sql &sql, const QString &where, const QVariantList &values,
                                        int limit)
{
    QString text = u"SELECT id, build, version, sha, env, reason, user, application, host, pid, started, "
                   u"finished, outcome, message, source, clean FROM deploys"_s;
    if (!where.isEmpty())
        text += u" WHERE "_s + where;
    text += u" ORDER BY id DESC"_s;
    QVariantList binds = values;
    if (limit >= 0) {
        text += u" LIMIT ?"_s;
        binds.append(limit);
    }
    QList<DeployJournal::Entry> entries;
    {
        QSqlQuery query = sql.run(text, binds);
        while (query.next()) {
            DeployJournal::Entry entry;
            entry.id = query.value(0).toLongLong();
            entry.target.build = query.value(1).toString();
            entry.target.version = query.value(2).toString();
            entry.target.sha = query.value(3).toString();
            entry.target.env = query.value(4).toString();
            entry.target.reason = query.value(5).toString();
            entry.target.user = query.value(6).toString();
            entry.application = query.value(7).toString();
            entry.host = query.value(8).toString();
            entry.pid = query.value(9).toLongLong();
            entry.started = timeFrom(query.value(10));
            entry.finished = timeFrom(query.value(11));
            entry.outcome = query.value(12).toString();
            entry.message = query.value(13).toString();
            entry.target.source = query.value(14).toString();
            entry.target.clean = query.value(15).toInt() != 0;
            entries.append(entry);
        }
    }
    for (auto &entry : entries) {
        QSqlQuery query = sql.run(u"SELECT name, stage, status, started, duration_ms, exit_code, message "
                                  u"FROM steps WHERE deploy_id = ? ORDER BY seq"_s,
                                  {entry.id});
        while (query.next()) {
            DeployJournal::StepRecord step;
            step.name = query.value(0).toString();
            step.stage = query.value(1).toString();
            const QString status = query.value(2).toString();
            const auto parsed = StepResult::statusFromName(status);
            if (!parsed)
                throw ApiError(ApiError::Kind::Decode,
                               QCoreApplication::translate("DeployJournal",
                                                           "Deploy journal %1: step %2 of deploy %3 has an "
                                                           "unknown status \"%4\"")
                                   .arg(QDir::toNativeSeparators(sql.m_file), step.name)
                                   .arg(entry.id)
                                   .arg(status));
            step.result.status = *parsed;
            step.result.started = timeFrom(query.value(3));
            step.result.durationMs = query.value(4).toLongLong();
            step.result.exitCode = query.value(5).toInt();
            step.result.message = query.value(6).toString();
            entry.steps.append(step);
        }
    }
    return entries;
}

QList<DeployJournal::Action> loadActions(const Sql &sql, int limit)
{
    QList<DeployJournal::Action> actions;
    QSqlQuery query = sql.run(u"SELECT id, kind, application, user, host, at, reason, outcome, message, "
                              u"deploy_id FROM actions ORDER BY at DESC, id DESC LIMIT ?"_s,
                              {limit});
    while (query.next()) {
        DeployJournal::Action action;
        action.id = query.value(0).toLongLong();
        action.kind = query.value(1).toString();
        action.application = query.value(2).toString();
        action.user = query.value(3).toString();
        action.host = query.value(4).toString();
        action.at = timeFrom(query.value(5));
        action.reason = query.value(6).toString();
        action.outcome = query.value(7).toString();
        action.message = query.value(8).toString();
        action.deploy = query.value(9).isNull() ? 0 : query.value(9).toLongLong();
        actions.append(action);
    }
    return actions;
}

} // namespace

QString DeployJournal::Entry::currentStep() const
{
    for (auto it = steps.crbegin(); it != steps.crend(); ++it) {
        if (it->result.status == StepResult::Status::Running)
            return it->name;
    }
    return {};
}

const QStringList &DeployJournal::actionKinds()
{
    static const QStringList kinds = {u"rollback"_s,    u"auto-sync-off"_s,  u"auto-sync-on"_s,
                                      u"lock-take"_s,   u"lock-release"_s,   u"lock-break"_s,
                                      u"ci-override"_s, u"deploy-refused"_s, u"dirty-tree"_s};
    return kinds;
}

const QStringList &DeployJournal::actionOutcomes()
{
    static const QStringList outcomes = {u"succeeded"_s, u"failed"_s, u"refused"_s};
    return outcomes;
}

QString DeployJournal::outcomeOf(const ApiError &error)
{
    return error.kind() == ApiError::Kind::Conflict || error.kind() == ApiError::Kind::Usage ? u"refused"_s
                                                                                             : u"failed"_s;
}

QString DeployJournal::defaultFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/journal.sqlite"_s;
}

DeployJournal::DeployJournal(const QString &file)
    : m_file(QFileInfo(file).absoluteFilePath())
    , m_connection(u"capstan-journal-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1)))
{
    const QFileInfo info(m_file);
    if (info.exists() && !info.isFile())
        throw configError(m_file, tr("it is not a regular file"));
    if (!QDir().mkpath(info.absolutePath()))
        throw configError(
            m_file, tr("cannot create the directory %1").arg(QDir::toNativeSeparators(info.absolutePath())));
    if (info.exists() && info.size() > 0) {
        QFile probe(m_file);
        if (!probe.open(QIODevice::ReadOnly))
            throw configError(m_file, tr("cannot read it: %1").arg(probe.errorString()));
        if (probe.read(16) != QByteArray("SQLite format 3\0", 16))
            throw configError(m_file, tr("it is not an SQLite database"));
    }

    try {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(m_file);
        if (!db.open())
            throw configError(m_file, tr("cannot open it: %1").arg(db.lastError().text()));
        const Sql sql(m_connection, m_file);
        sql.run(u"PRAGMA busy_timeout = 5000"_s);
        sql.run(u"PRAGMA foreign_keys = ON"_s);

        // The version the file has (0: empty), after checking it is a Capstan journal this build can read.
        auto checkSchema = [&]() -> int {
            const int version = sql.scalar(u"PRAGMA user_version"_s).toInt();
            QStringList tables;
            {
                QSqlQuery query = sql.run(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                          u"LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"_s);
                while (query.next())
                    tables.append(query.value(0).toString());
            }
            if (version > SchemaVersion)
                throw configError(m_file, tr("it has schema version %1, newer than this Capstan understands "
                                             "(%2); use a newer Capstan or another file")
                                              .arg(version)
                                              .arg(SchemaVersion));
            if (version == 0) {
                if (!tables.isEmpty())
                    throw configError(m_file, tr("it is an SQLite database but not a Capstan deploy journal "
                                                 "(tables: %1)")
                                                  .arg(tables.join(u", "_s)));
                return 0;
            }
            if (!tables.contains(u"deploys"_s) || !tables.contains(u"steps"_s))
                throw configError(
                    m_file,
                    tr("it has schema version %1 but lacks the deploys and steps tables").arg(version));
            if (version >= 2 && !tables.contains(u"actions"_s))
                throw configError(m_file,
                                  tr("it has schema version %1 but lacks the actions table").arg(version));
            return version;
        };

        // Creates what is missing, in one transaction: an older journal keeps every row it has.
        const int found = checkSchema();
        if (found < SchemaVersion) {
            try {
                sql.transaction([&] {
                    const int version = checkSchema(); // another instance may have done it meanwhile
                    if (version == 0) {
                        sql.run(QString::fromLatin1(CreateDeploys));
                        sql.run(QString::fromLatin1(CreateSteps));
                        sql.run(QString::fromLatin1(CreateOpenIndex));
                    }
                    if (version < 2) {
                        sql.run(QString::fromLatin1(CreateActions));
                        sql.run(QString::fromLatin1(CreateActionsIndex));
                    }
                    if (version > 0 && version < 3) {
                        sql.run(QString::fromLatin1(AddSource));
                        sql.run(QString::fromLatin1(AddClean));
                    }
                    if (version < SchemaVersion)
                        sql.run(u"PRAGMA user_version = %1"_s.arg(SchemaVersion));
                });
            } catch (const ApiError &error) {
                if (found == 0 || error.kind() == ApiError::Kind::Config)
                    throw;
                throw configError(m_file, tr("cannot upgrade it from schema version %1 to %2 (nothing was "
                                             "changed): %3")
                                              .arg(found)
                                              .arg(SchemaVersion)
                                              .arg(error.message()));
            }
        }
        const QString mode = sql.scalar(u"PRAGMA journal_mode = WAL"_s).toString();
        if (mode.compare(u"wal"_s, Qt::CaseInsensitive) != 0)
            throw configError(m_file, tr("cannot switch it to WAL mode (journal mode is \"%1\")").arg(mode));
    } catch (const ApiError &error) {
        closeConnection(m_connection);
        if (error.kind() == ApiError::Kind::Config)
            throw;
        throw ApiError(ApiError::Kind::Config, error.message(), error.hint());
    } catch (...) {
        closeConnection(m_connection);
        throw;
    }
}

DeployJournal::~DeployJournal()
{
    closeConnection(m_connection);
}

qint64 DeployJournal::begin(const DeployTarget &target, const QString &application, const QDateTime &at)
{
    const Sql sql(m_connection, m_file);
    return sql.transaction([&] {
        const QSqlQuery query = sql.run(
            u"INSERT INTO deploys (build, version, sha, env, reason, user, application, host, pid, "
            u"started, outcome, message, source, clean) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?)"_s,
            {target.build, target.version, target.sha, target.env, target.reason, target.user, application,
             QSysInfo::machineHostName(), QCoreApplication::applicationPid(),
             timeText(at.isValid() ? at : QDateTime::currentDateTimeUtc()), target.source,
             target.clean ? 1 : 0});
        return query.lastInsertId().toLongLong();
    });
}

void DeployJournal::stepStarted(qint64 deploy, const QString &step, const QString &stage, const QDateTime &at)
{
    const Sql sql(m_connection, m_file);
    sql.transaction([&] {
        sql.run(
            u"INSERT INTO steps (deploy_id, name, stage, status, started, duration_ms, exit_code, message, "
            u"seq) VALUES (?, ?, ?, ?, ?, 0, -1, '', "
            u"(SELECT COALESCE(MAX(seq), 0) + 1 FROM steps WHERE deploy_id = ?)) "
            u"ON CONFLICT (deploy_id, name) DO UPDATE SET stage = excluded.stage, status = excluded.status, "
            u"started = excluded.started, duration_ms = 0, exit_code = -1, message = ''"_s,
            {deploy, step, stage, StepResult::statusName(StepResult::Status::Running),
             timeText(at.isValid() ? at : QDateTime::currentDateTimeUtc()), deploy});
    });
}

void DeployJournal::stepFinished(qint64 deploy, const QString &step, const QString &stage,
                                 const StepResult &result)
{
    const Sql sql(m_connection, m_file);
    sql.transaction([&] {
        sql.run(
            u"INSERT INTO steps (deploy_id, name, stage, status, started, duration_ms, exit_code, message, "
            u"seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
            u"(SELECT COALESCE(MAX(seq), 0) + 1 FROM steps WHERE deploy_id = ?)) "
            u"ON CONFLICT (deploy_id, name) DO UPDATE SET stage = excluded.stage, status = excluded.status, "
            u"started = COALESCE(excluded.started, started), duration_ms = excluded.duration_ms, "
            u"exit_code = excluded.exit_code, message = excluded.message"_s,
            {deploy, step, stage, StepResult::statusName(result.status),
             result.started.isValid() ? QVariant(timeText(result.started)) : QVariant(), result.durationMs,
             result.exitCode, result.message, deploy});
    });
}

void DeployJournal::finish(qint64 deploy, const QString &outcome, const QString &message, const QDateTime &at)
{
    const Sql sql(m_connection, m_file);
    sql.transaction([&] {
        const QSqlQuery query = sql.run(
            u"UPDATE deploys SET outcome = ?, message = ?, finished = ? WHERE id = ?"_s,
            {outcome, message, timeText(at.isValid() ? at : QDateTime::currentDateTimeUtc()), deploy});
        if (query.numRowsAffected() != 1)
            throw ApiError(ApiError::Kind::NotFound, tr("Deploy journal %1: no deploy with id %2")
                                                         .arg(QDir::toNativeSeparators(m_file))
                                                         .arg(deploy));
    });
}

void DeployJournal::updateSource(qint64 deploy, const DeployTarget &target)
{
    const Sql sql(m_connection, m_file);
    sql.transaction([&] {
        const QSqlQuery query = sql.run(u"UPDATE deploys SET sha = ?, source = ?, clean = ? WHERE id = ?"_s,
                                        {target.sha, target.source, target.clean ? 1 : 0, deploy});
        if (query.numRowsAffected() != 1)
            throw ApiError(ApiError::Kind::NotFound, tr("Deploy journal %1: no deploy with id %2")
                                                         .arg(QDir::toNativeSeparators(m_file))
                                                         .arg(deploy));
    });
}

qint64 DeployJournal::record(const Action &action)
{
    if (!actionKinds().contains(action.kind))
        throw ApiError(ApiError::Kind::Usage,
                       tr("Deploy journal %1: unknown action kind \"%2\"")
                           .arg(QDir::toNativeSeparators(m_file), action.kind),
                       tr("The kinds are: %1.").arg(actionKinds().join(u", "_s)));
    if (!actionOutcomes().contains(action.outcome))
        throw ApiError(ApiError::Kind::Usage,
                       tr("Deploy journal %1: unknown outcome \"%2\" of a %3 action")
                           .arg(QDir::toNativeSeparators(m_file), action.outcome, action.kind),
                       tr("The outcomes are: %1.").arg(actionOutcomes().join(u", "_s)));
    if (action.deploy < 0)
        throw ApiError(ApiError::Kind::Usage, tr("Deploy journal %1: a %2 action names deploy %3; ids are "
                                                 "positive, 0 for none")
                                                  .arg(QDir::toNativeSeparators(m_file), action.kind)
                                                  .arg(action.deploy));
    const Sql sql(m_connection, m_file);
    return sql.transaction([&] {
        if (action.deploy > 0 &&
            !sql.scalar(u"SELECT 1 FROM deploys WHERE id = ?"_s, {action.deploy}).isValid())
            throw ApiError(ApiError::Kind::Usage, tr("Deploy journal %1: a %2 action names deploy %3, which "
                                                     "is not in the journal")
                                                      .arg(QDir::toNativeSeparators(m_file), action.kind)
                                                      .arg(action.deploy));
        const QSqlQuery query = sql.run(
            u"INSERT INTO actions (kind, application, user, host, at, reason, outcome, message, deploy_id) "
            u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {action.kind, action.application, action.user,
             action.host.isEmpty() ? QSysInfo::machineHostName() : action.host,
             timeText(action.at.isValid() ? action.at : QDateTime::currentDateTimeUtc()), action.reason,
             action.outcome, action.message, action.deploy > 0 ? QVariant(action.deploy) : QVariant()});
        return query.lastInsertId().toLongLong();
    });
}

QList<DeployJournal::Action> DeployJournal::actions(int limit) const
{
    const Sql sql(m_connection, m_file);
    return loadActions(sql, std::max(0, limit));
}

QList<DeployJournal::Record> DeployJournal::timeline(int limit) const
{
    limit = std::max(0, limit);
    QList<Record> records;
    for (const Entry &entry : recent(limit))
        records.append({u"deploy"_s, entry.started, entry, std::nullopt});
    for (const Action &action : actions(limit))
        records.append({action.kind, action.at, std::nullopt, action});
    // Newest first; at the same moment the action first (it happened within or after the deploy's start),
    // then the higher id.
    std::stable_sort(records.begin(), records.end(), [](const Record &a, const Record &b) {
        if (a.at != b.at)
            return a.at > b.at;
        if (a.action.has_value() != b.action.has_value())
            return a.action.has_value();
        return (a.action ? a.action->id : a.deploy->id) > (b.action ? b.action->id : b.deploy->id);
    });
    if (records.size() > limit)
        records.resize(limit);
    return records;
}

QList<DeployJournal::Entry> DeployJournal::recent(int limit) const
{
    const Sql sql(m_connection, m_file);
    return loadEntries(sql, {}, {}, std::max(0, limit));
}

std::optional<DeployJournal::Entry> DeployJournal::entry(qint64 id) const
{
    const Sql sql(m_connection, m_file);
    const auto entries = loadEntries(sql, u"id = ?"_s, {id}, -1);
    if (entries.isEmpty())
        return std::nullopt;
    return entries.first();
}

QList<DeployJournal::Entry> DeployJournal::recoverInterrupted()
{
    const Sql sql(m_connection, m_file);
    return sql.transaction([&] {
        QList<Entry> found;
        const auto open = loadEntries(sql, u"outcome = '' AND host = ?"_s, {QSysInfo::machineHostName()}, -1);
        const QString at = timeText(QDateTime::currentDateTimeUtc());
        for (const Entry &entry : open) {
            if (!processGone(entry.pid))
                continue;
            const QString step = entry.currentStep();
            const QString message = step.isEmpty() ? u"interrupted before the first step"_s
                                                   : u"interrupted in step %1"_s.arg(step);
            sql.run(
                u"UPDATE steps SET status = ?, message = 'interrupted' WHERE deploy_id = ? AND status = ?"_s,
                {StepResult::statusName(StepResult::Status::Cancelled), entry.id,
                 StepResult::statusName(StepResult::Status::Running)});
            sql.run(u"UPDATE deploys SET outcome = 'interrupted', message = ?, finished = ? WHERE id = ? AND "
                    u"outcome = ''"_s,
                    {message, at, entry.id});
            found.append(entry);
        }
        return found;
    });
}

} // namespace capstan
