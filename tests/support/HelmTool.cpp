#include "HelmTool.h"

#include <QFileInfo>
#include <QProcess>

HelmTool::HelmTool() = default;

QString HelmTool::path()
{
    return QString::fromUtf8(CAPSTAN_HELM);
}

bool HelmTool::available()
{
    return !path().isEmpty() && QFileInfo(path()).isExecutable();
}

QProcessEnvironment HelmTool::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HELM_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("HELM_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("HELM_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    return env;
}

bool HelmTool::run(const QStringList &arguments, const QString &workDir, QByteArray *output,
                   QByteArray *errors) const
{
    QProcess helm;
    helm.setProcessEnvironment(environment());
    helm.setWorkingDirectory(workDir);
    helm.start(path(), arguments);
    if (!helm.waitForFinished(120000)) {
        helm.kill();
        helm.waitForFinished();
        qWarning("helm %s did not finish", qPrintable(arguments.join(u' ')));
        return false;
    }
    const QByteArray out = helm.readAllStandardOutput();
    const QByteArray err = helm.readAllStandardError();
    if (output)
        *output = out;
    if (errors)
        *errors = err;
    if (helm.exitStatus() != QProcess::NormalExit || helm.exitCode() != 0) {
        qWarning("helm %s failed (%d): %s", qPrintable(arguments.join(u' ')), helm.exitCode(),
                 err.constData());
        return false;
    }
    return true;
}
