#pragma once

#include "config/Config.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

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
    explicit Sandbox(QObject *parent = nullptr);
    ~Sandbox() override;

    bool start(QString *error);
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
