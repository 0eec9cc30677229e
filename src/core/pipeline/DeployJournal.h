#pragma once

#include "DeployTarget.h"
#include "StepResult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace capstan {

// Why: every deploy and every step is written down before it starts and after it ends (SQLite, WAL), so a
// crash or a kill leaves a record that the next start reports.
class DeployJournal
{
    Q_DECLARE_TR_FUNCTIONS(DeployJournal)

public:
    struct StepRecord
    {
        QString name;
        QString stage;
        StepResult result; // Running while it runs (and after an interruption)
    };
    struct Entry
    {
        qint64 id = 0;
        DeployTarget target;
        QString application; // argocd.app, may be empty
        QString host;
        qint64 pid = 0;
        QDateTime started; // UTC
        QDateTime finished;
        QString outcome;             // "" while running; "succeeded", "failed", "cancelled", "interrupted"
        QString message;             // why it failed, or where it was interrupted
        QList<StepRecord> steps;     // in the order they started
        QString currentStep() const; // the last step still Running, or ""
    };

    static QString defaultFile(); // <AppDataLocation>/journal.sqlite
    // Opens (and creates) the database with WAL and a busy timeout. Throws ApiError naming the file when it
    // cannot be opened or is not a Capstan journal. Use it on the thread that created it.
    explicit DeployJournal(const QString &file);
    ~DeployJournal();
    DeployJournal(const DeployJournal &) = delete;
    DeployJournal &operator=(const DeployJournal &) = delete;

    QString file() const { return m_file; }

    // Each write is one committed transaction; a failing write throws ApiError.
    qint64 begin(const DeployTarget &target, const QString &application, const QDateTime &at);
    void stepStarted(qint64 deploy, const QString &step, const QString &stage, const QDateTime &at);
    void stepFinished(qint64 deploy, const QString &step, const QString &stage, const StepResult &result);
    void finish(qint64 deploy, const QString &outcome, const QString &message, const QDateTime &at);

    QList<Entry> recent(int limit) const; // newest first, with their steps
    std::optional<Entry> entry(qint64 id) const;
    // Deploys without an outcome whose process (same host) is gone: marked "interrupted" with the step they
    // stopped in, and returned so the caller reports them once.
    QList<Entry> recoverInterrupted();

private:
    QString m_file;
    QString m_connection;
};

} // namespace capstan
