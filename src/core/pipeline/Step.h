#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace capstan {

// Why: one unit of work in the deploy pipeline, as written in capstan.yaml and already validated.
struct Step
{
    enum class Kind {
        Run,
        SetVersion,
        HelmPackage,
        ImagePublish,
        ChartMuseumPush,
        ArgoCdSync,
        Dagger,
        GitHubDispatch
    };

    QString name;
    Kind kind = Kind::Run;
    QString run;
    QString cwd;
    QMap<QString, QString> env;
    qint64 timeoutMs = 0; // 0: no timeout given
    QString only;         // "", "dev" or "prod"
    QStringList needs;
    QString file;                  // set-version
    QString key;                   // set-version, dotted YAML key path
    QString pattern;               // set-version, regex with one capture group
    QStringList tags;              // image-publish
    QString wait;                  // argocd-sync: healthy|synced|none
    bool waitForRun = false;       // github-dispatch: wait
    QStringList secrets;           // dagger
    QString ref;                   // github-dispatch
    QMap<QString, QString> inputs; // github-dispatch
    QString stage;
    int line = 0; // 1-based place of the step in capstan.yaml
    int column = 0;

    static QString kindName(Kind kind);
};

} // namespace capstan
