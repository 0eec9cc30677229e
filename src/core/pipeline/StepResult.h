#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace capstan {

// Why: what one step did; the runner, the journal, the CLI and the Pipeline view all report this record.
struct StepResult
{
    Q_DECLARE_TR_FUNCTIONS(StepResult)

public:
    enum class Status { Pending, Running, Succeeded, Failed, Skipped, Cancelled };

    Status status = Status::Pending;
    QDateTime started; // UTC; invalid until the step starts (and for skipped steps)
    qint64 durationMs = 0;
    int exitCode = -1; // of the step's command; -1 when there is none
    QString message;   // one line: why it failed or was skipped, or what it produced
    // A failed step's last lines of output (at most OutputTailLines), redacted as all step output is: the
    // reason a command gave ("bun: not found") next to the bare exit code.
    QStringList outputTail;
    static constexpr int OutputTailLines = 5;

    bool isFinal() const { return status != Status::Pending && status != Status::Running; }
    // The message, then each line of outputTail on a line of its own, indented: what a summary shows.
    QString summary() const;

    static QString statusName(Status status); // "pending", "running", "succeeded", ... (stable, for JSON)
    static std::optional<Status> statusFromName(const QString &name);
    static QString statusLabel(Status status); // translated, for people
};

} // namespace capstan
