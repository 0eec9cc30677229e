#include "CapstanProcess.h"

#include <QDir>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <pty.h>
#include <unistd.h>

QString CapstanProcess::Result::describe() const
{
    return QStringLiteral("exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out).left(2000), QString::fromUtf8(err).left(2000));
}

QProcessEnvironment CapstanProcess::environment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name :
         {QStringLiteral("CAPSTAN_CHARTMUSEUM_PASSWORD"), QStringLiteral("CAPSTAN_ARGOCD_TOKEN"),
          QStringLiteral("CAPSTAN_GITHUB_TOKEN")})
        env.remove(name);
    const QString config = QDir(home).filePath(QStringLiteral("config"));
    const QString cache = QDir(home).filePath(QStringLiteral("cache"));
    QDir().mkpath(config);
    QDir().mkpath(cache);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("XDG_CACHE_HOME"), cache);
    env.insert(QStringLiteral("XDG_STATE_HOME"), QDir(home).filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

CapstanProcess::Result CapstanProcess::run(const QStringList &arguments,
                                           const QProcessEnvironment &environment,
                                           const QString &workingDirectory, int timeoutMs)
{
    return runWithInput(arguments, environment, workingDirectory, timeoutMs, {}, {});
}

CapstanProcess::Result CapstanProcess::runOnTerminal(const QStringList &arguments,
                                                     const QProcessEnvironment &environment,
                                                     const QByteArray &typed, const QString &workingDirectory,
                                                     int timeoutMs)
{
    int master = -1;
    int slave = -1;
    char name[256] = {};
    if (::openpty(&master, &slave, name, nullptr, nullptr) != 0)
        return {};
    const Result result = runWithInput(arguments, environment, workingDirectory, timeoutMs,
                                       QString::fromLocal8Bit(name), [master, typed] {
                                           if (::write(master, typed.constData(), size_t(typed.size())) < 0)
                                               qWarning("cannot type on the pseudo-terminal");
                                       });
    ::close(slave);
    ::close(master);
    return result;
}

CapstanProcess::Result CapstanProcess::runWithInput(const QStringList &arguments,
                                                    const QProcessEnvironment &environment,
                                                    const QString &workingDirectory, int timeoutMs,
                                                    const QString &inputFile,
                                                    const std::function<void()> &started)
{
    Result result;
    QProcess process;
    process.setProgram(QStringLiteral(CAPSTAN_BINARY));
    process.setArguments(QStringList{QStringLiteral("--cli")} + arguments);
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    if (!inputFile.isEmpty())
        process.setStandardInputFile(inputFile);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    process.start();
    if (!process.waitForStarted(10000))
        return result;
    if (inputFile.isEmpty())
        process.closeWriteChannel();
    if (started)
        started();
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = result.finished ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
