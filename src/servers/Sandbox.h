#pragma once

#include "config/Config.h"
#include "http/FaultInjector.h"

#include <QJsonObject>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <memory>
#include <optional>

namespace capstan {

class ArgoCdServer;
class ChartMuseumServer;
class GitHubServer;

// Why: `capstan --sandbox` runs the whole flow on one machine: in-process servers on 127.0.0.1 seeded with
// a realistic history, and a config and credentials pointing at them. It never touches the keychain.
class Sandbox : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString directory; // storage, sample repository and journal; empty: a temporary one, removed after
        // Keep the story between starts: a directory that already holds a sandbox is reused as it was left
        // (charts, sample repository, Argo CD's applications, journal), and Argo CD's state is saved there as
        // it changes. Off: every start writes a fresh story into `directory`.
        bool keepState = false;
        bool reset = false; // with keepState: start a fresh story in `directory` (it must hold a sandbox)
        // Credentials the servers accept; empty: random ones, handed out only through environment().
        QString chartMuseumPassword;
        QString argoCdToken; // JWT-shaped: three dot-separated parts
        QString gitHubToken;
        // Unset: read from CAPSTAN_SANDBOX_FAULTS (FaultInjector::Profile::parse), else none. The same
        // profile goes to all three servers, each with its own sequence.
        std::optional<FaultInjector::Profile> faults;
        int extraRuns = 0;  // successful CI runs after the story's last one (151, 152, ...), ready to deploy
        bool quick = false; // Argo CD operations and health settle in a fraction of a second (soak, tests)
    };

    explicit Sandbox(QObject *parent = nullptr);
    explicit Sandbox(Options options, QObject *parent = nullptr);
    ~Sandbox() override;

    bool start(QString *error);
    // Where `capstan --sandbox` keeps its state: $XDG_STATE_HOME/capstan/sandbox (~/.local/state/...).
    static QString defaultDirectory();
    QString directory() const;
    // The directory of the caches a sandbox run uses instead of the user's (ETags, charts, sources).
    QString cacheDirectory() const;
    bool resumed() const; // start() found the story of an earlier start and went on with it
    // Another process owns the directory and runs its servers; this sandbox talks to them (config(),
    // environment()) and runs none: chartMuseum(), argoCd() and gitHub() are null.
    bool attached() const;
    QString sampleRepository() const; // the repository a deploy runs on, with its capstan.yaml
    Config config() const;
    // The system environment plus the sandbox's own secrets (CAPSTAN_CHARTMUSEUM_PASSWORD, …).
    QProcessEnvironment environment() const;
    ChartMuseumServer *chartMuseum() const;
    ArgoCdServer *argoCd() const;
    GitHubServer *gitHub() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan
