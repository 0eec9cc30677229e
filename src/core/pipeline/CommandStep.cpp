#include "CommandStep.h"

#include "RunContext.h"
#include "StepContext.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStringDecoder>

#include <atomic>
#include <csignal>
#include <memory>
#include <sys/types.h>
#include <unistd.h>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int PollMs = 50;
constexpr qint64 KillGraceMs = 5000;
constexpr qsizetype MaxLineLength = 16 * 1024;

QString durationText(qint64 ms)
{
    if (ms % 1000 != 0)
        return QString::number(ms) + u"ms"_s;
    qint64 seconds = ms / 1000;
    QString text;
    if (seconds >= 3600) {
        text += QString::number(seconds / 3600) + u'h';
        seconds %= 3600;
    }
    if (seconds >= 60) {
        text += QString::number(seconds / 60) + u'm';
        seconds %= 60;
    }
    if (seconds > 0 || text.isEmpty())
        text += QString::number(seconds) + u's';
    return text;
}

// Splits decoded output into lines; a line longer than MaxLineLength goes out in pieces.
class LineSplitter
{
public:
    explicit LineSplitter(const StepContext &context)
        : m_context(context)
    {}

    void add(const QByteArray &bytes)
    {
        m_pending += m_decoder.decode(bytes);
        qsizetype from = 0;
        for (;;) {
            const qsizetype newline = m_pending.indexOf(u'\n', from);
            if (newline < 0)
                break;
            emitLine(QStringView(m_pending).mid(from, newline - from));
            from = newline + 1;
        }
        m_pending.remove(0, from);
        while (m_pending.size() > MaxLineLength) {
            qsizetype cut = MaxLineLength;
            if (m_pending.at(cut - 1).isHighSurrogate())
                --cut;
            m_batch.append(m_pending.left(cut));
            m_pending.remove(0, cut);
        }
        flush();
    }

    void finish()
    {
        m_pending += m_decoder.decode(QByteArray());
        if (!m_pending.isEmpty())
            emitLine(m_pending);
        m_pending.clear();
        flush();
    }

private:
    void emitLine(QStringView line)
    {
        if (line.endsWith(u'\r'))
            line.chop(1);
        while (line.size() > MaxLineLength) {
            qsizetype cut = MaxLineLength;
            if (line.at(cut - 1).isHighSurrogate())
                --cut;
            m_batch.append(line.left(cut).toString());
            line = line.mid(cut);
        }
        m_batch.append(line.toString());
    }

    // The lines of one read go out together.
    void flush()
    {
        if (m_batch.isEmpty())
            return;
        m_context.output(m_batch);
        m_batch.clear();
    }

    const StepContext &m_context;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
    QString m_pending;
    QStringList m_batch;
};

// True while a process of the group is alive; zombies (waiting for a reaper) do not count.
bool groupAlive(pid_t group)
{
    if (::kill(-group, 0) != 0)
        return false;
    QDir proc(u"/proc"_s);
    if (!proc.exists())
        return true;
    const QStringList entries = proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool number = false;
        entry.toInt(&number);
        if (!number)
            continue;
        QFile stat(proc.filePath(entry + u"/stat"_s));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // pid (comm) state ppid pgrp ...; comm may hold spaces, so read after the last ')'.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 2 && fields.at(2).toLongLong() == group && fields.at(0) != "Z")
            return true;
    }
    return false;
}

StepResult failed(const QString &message, int exitCode = -1)
{
    StepResult result;
    result.status = StepResult::Status::Failed;
    result.message = message;
    result.exitCode = exitCode;
    return result;
}

} // namespace

StepResult CommandStep::execute(StepContext &context)
{
    const Step &step = context.step();
    RunContext &run = context.run();
    if (run.isCancelled()) {
        StepResult result;
        result.status = StepResult::Status::Cancelled;
        result.message = tr("deploy cancelled");
        return result;
    }

    const QString directory = context.directory();
    if (!QFileInfo::exists(directory))
        return failed(tr("step %1: the working directory %2 does not exist").arg(step.name, directory));

    QProcessEnvironment environment = context.environment();
    if (step.kind == Step::Kind::ImagePublish) {
        QStringList tags;
        for (const QString &tag : step.tags)
            tags.append(context.expand(tag));
        const QString joined = tags.join(u' ');
        environment.insert(u"CAPSTAN_IMAGE_TAGS"_s, joined);
        context.output(tr("image tags: %1").arg(joined));
    }
    if (step.kind == Step::Kind::Dagger) {
        for (const QString &secret : step.secrets) {
            if (!environment.contains(secret))
                return failed(
                    tr("step %1: the secret %2 is not in the environment (give it to the deploy as a "
                       "secret named %2)")
                        .arg(step.name, secret));
        }
    }
    const QString command = context.expand(step.run);
    if (command.trimmed().isEmpty())
        return failed(tr("step %1: no command to run").arg(step.name));

    QProcess process;
    process.setProgram(u"/bin/sh"_s);
    process.setArguments({u"-c"_s, command});
    process.setWorkingDirectory(directory);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.start();
    if (!process.waitForStarted(-1))
        return failed(tr("step %1: cannot start the command in %2: %3")
                          .arg(step.name, directory, process.errorString()));

    const pid_t group = static_cast<pid_t>(process.processId());
    // The handler can still be running on another thread after removal; the flag keeps it off a finished
    // group.
    auto running = std::make_shared<std::atomic<bool>>(true);
    const int handler = run.addCancelHandler([group, running] {
        if (running->load())
            ::kill(-group, SIGTERM);
    });

    LineSplitter lines(context);
    QElapsedTimer clock;
    clock.start();
    QElapsedTimer terminating;
    bool timedOut = false;
    bool cancelled = false;
    bool killed = false;
    for (;;) {
        QElapsedTimer waited;
        waited.start();
        if (!process.waitForReadyRead(PollMs) && process.state() != QProcess::NotRunning &&
            waited.elapsed() < PollMs / 2)
            process.waitForFinished(PollMs); // output closed early: wait without spinning
        const QByteArray bytes = process.readAll();
        if (!bytes.isEmpty())
            lines.add(bytes);
        if (process.state() == QProcess::NotRunning)
            break;
        if (!terminating.isValid()) {
            if (run.isCancelled())
                cancelled = true;
            else if (step.timeoutMs > 0 && clock.elapsed() >= step.timeoutMs)
                timedOut = true;
            if (cancelled || timedOut) {
                ::kill(-group, SIGTERM);
                terminating.start();
            }
        } else if (!killed && terminating.elapsed() >= KillGraceMs) {
            ::kill(-group, SIGKILL);
            killed = true;
        }
    }
    const QByteArray rest = process.readAll();
    if (!rest.isEmpty())
        lines.add(rest);
    lines.finish();
    running->store(false);
    run.removeCancelHandler(handler);
    // The cancel handler may have stopped the command before this loop saw the request.
    if (!cancelled && !timedOut && run.isCancelled() &&
        (process.exitStatus() == QProcess::CrashExit || process.exitCode() != 0)) {
        cancelled = true;
        terminating.start();
    }

    if (cancelled || timedOut) {
        // The shell is gone; children that ignored SIGTERM get the rest of the grace period, then SIGKILL.
        while (groupAlive(group) && terminating.elapsed() < KillGraceMs)
            ::usleep(20 * 1000);
        if (groupAlive(group))
            ::kill(-group, SIGKILL);
    }

    StepResult result;
    if (cancelled) {
        result.status = StepResult::Status::Cancelled;
        result.message = tr("cancelled");
        return result;
    }
    if (timedOut)
        return failed(tr("timed out after %1").arg(durationText(step.timeoutMs)));
    if (process.exitStatus() == QProcess::CrashExit)
        return failed(tr("killed by signal %1").arg(process.exitCode()));
    if (process.exitCode() != 0)
        return failed(tr("exit code %1").arg(process.exitCode()), process.exitCode());
    result.status = StepResult::Status::Succeeded;
    result.exitCode = 0;
    return result;
}

} // namespace capstan
