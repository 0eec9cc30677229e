#pragma once

#include "CommandLine.h"
#include "ExitCode.h"
#include "config/Config.h"
#include "net/ApiError.h"

#include <QFuture>
#include <QObject>
#include <QProcessEnvironment>

#include <exception>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace capstan {

class ArgoCdClient;
class ChartMuseumClient;
class ClientFactory;
class CredentialStore;
class DeployJournal;
class GitHubClient;
class OutputWriter;
class Sandbox;

// Why: what every command needs for one run — the parsed command line, output, configuration (or the
// sandbox), credentials and service clients — plus the event loop that runs the command and turns its
// outcome into the process exit code.
class CliSession : public QObject
{
    Q_OBJECT
public:
    CliSession(const CommandLine::Invocation &invocation, OutputWriter *output, QObject *parent = nullptr);
    ~CliSession() override;

    const CommandLine::Invocation &invocation() const { return m_invocation; }
    OutputWriter *output() const { return m_output; }

    // The sandbox's environment with --sandbox, the process environment otherwise.
    QProcessEnvironment environment();
    CredentialStore *credentials();
    // Throws ApiError (Config) when no file is found or it does not load; starts the sandbox with --sandbox.
    Config config();
    QFuture<ChartMuseumClient *> chartMuseum();
    QFuture<ArgoCdClient *> argoCd();
    QFuture<GitHubClient *> gitHub();
    ClientFactory *factory();
    // The deploy journal, opened on first use: CAPSTAN_JOURNAL from environment() (the sandbox sets one in
    // its directory), else DeployJournal::defaultFile(). Throws ApiError (Config) naming the file.
    DeployJournal *journal();
    static QString journalFile(const QProcessEnvironment &environment);

    // The confirmation of a command that changes something. True at once when `confirmed` (--yes).
    // Otherwise: without a terminal on standard input throws ApiError Usage (exit 2) with
    // `withoutTerminal` and the hint "Nothing was changed. Run it again with --yes to confirm."; on a
    // terminal asks `question` followed by " [y/N] " on stderr and, unless the answer is y or yes, prints
    // `declined` as a note (no "error:": the user chose), finishes the run with exit 0 and returns false;
    // the caller then stops without changing anything.
    bool confirm(bool confirmed, const QString &question, const QString &withoutTerminal,
                 const QString &declined, const QString &hint = {});

    // Runs `onValue` on this thread when `future` succeeds; a failure (or an ApiError thrown by onValue)
    // ends the run through fail().
    template <typename T, typename F> void await(QFuture<T> future, F onValue)
    {
        future.then(this, std::move(onValue))
            .onFailed(this, [this](const ApiError &error) { fail(error); })
            .onFailed(this, [this] { failUnexpected(std::current_exception()); });
    }

    void finish(ExitCode code);
    void fail(const ApiError &error, std::optional<ExitCode> code = std::nullopt);
    void failUnexpected(std::exception_ptr exception);
    bool isFinished() const { return m_finished; }

    // Calls `start` once the event loop runs and returns the exit code once a command has finished.
    int exec(const std::function<void()> &start);

Q_SIGNALS:
    // The run is failing with `error` (emitted before it is printed); then finishing follows.
    void failing(const capstan::ApiError &error);
    // The run ends with `code` (emitted once, before the event loop is told to quit).
    void finishing(capstan::ExitCode code);

private:
    Sandbox *sandbox();
    template <typename Client>
    QFuture<Client *> client(QFuture<Client *> (ClientFactory::*make)(const Config &));

    CommandLine::Invocation m_invocation;
    OutputWriter *m_output;
    QNetworkAccessManager *m_network = nullptr;
    CredentialStore *m_credentials = nullptr;
    ClientFactory *m_factory = nullptr;
    Sandbox *m_sandbox = nullptr;
    std::unique_ptr<DeployJournal> m_journal;
    std::optional<Config> m_config;
    bool m_finished = false;
    ExitCode m_exitCode = ExitCode::Failed;
};

} // namespace capstan
