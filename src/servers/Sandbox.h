#pragma once

#include "config/Config.h"
#include "http/FaultInjector.h"

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
    QString directory() const;
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
