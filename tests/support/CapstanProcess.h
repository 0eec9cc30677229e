#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

// Why: CLI tests drive the real capstan binary; one runner waits for it on an event loop (so servers living
// in the test process keep answering), bounds it in time, and captures exit code and output.
class CapstanProcess
{
public:
    struct Result
    {
        bool finished = false; // exited normally within the time limit
        int exitCode = -1;
        QByteArray out;
        QByteArray err;

        QString all() const { return QString::fromUtf8(out + err); }
        QString describe() const;
    };

    // The system environment with XDG_CONFIG_HOME and XDG_CACHE_HOME under `home`, LC_ALL=C.UTF-8, and no
    // CAPSTAN_* secrets inherited from the caller.
    static QProcessEnvironment environment(const QString &home);

    // Runs `capstan --cli <arguments>`.
    static Result run(const QStringList &arguments, const QProcessEnvironment &environment,
                      const QString &workingDirectory = {}, int timeoutMs = 120000);
    // Runs it with a terminal (a pseudo-terminal) on standard input on which `typed` is typed, as a person
    // answering a prompt; stdout and stderr are captured as by run().
    static Result runOnTerminal(const QStringList &arguments, const QProcessEnvironment &environment,
                                const QByteArray &typed, const QString &workingDirectory = {},
                                int timeoutMs = 120000);

private:
    static Result runWithInput(const QStringList &arguments, const QProcessEnvironment &environment,
                               const QString &workingDirectory, int timeoutMs, const QString &inputFile,
                               const std::function<void()> &started);
};
