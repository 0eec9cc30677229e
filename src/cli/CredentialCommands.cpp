#include "CredentialCommands.h"

#include "CliSession.h"
#include "OutputWriter.h"
#include "credentials/CredentialStore.h"

#include <QFile>
#include <QJsonObject>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace capstan {

namespace {

constexpr qint64 MaxSecretBytes = 64 * 1024;

// Reads the whole of stdin (or one line, without echo, from a terminal) and drops one trailing newline.
QByteArray readSecret(OutputWriter *out, const QString &prompt)
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray bytes;
#ifdef Q_OS_UNIX
    if (::isatty(STDIN_FILENO)) {
        out->note(prompt);
        termios saved{};
        const bool canHide = ::tcgetattr(STDIN_FILENO, &saved) == 0;
        if (canHide) {
            termios hidden = saved;
            hidden.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
        }
        bytes = input.readLine(MaxSecretBytes + 1);
        if (canHide)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        out->note(QString());
    } else
#endif
    {
        Q_UNUSED(prompt);
        while (bytes.size() <= MaxSecretBytes) {
            const QByteArray chunk = input.read(MaxSecretBytes + 1 - bytes.size());
            if (chunk.isEmpty())
                break;
            bytes += chunk;
        }
    }
    if (bytes.endsWith('\n')) {
        bytes.chop(1);
        if (bytes.endsWith('\r'))
            bytes.chop(1);
    }
    return bytes;
}

} // namespace

CredentialCommands::CredentialCommands(CliSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

QList<CommandSpec> CredentialCommands::specs()
{
    const QString names = CredentialStore::knownNames().join(QStringLiteral(", "));
    QList<CommandSpec> list;

    CommandSpec set;
    set.name = QStringLiteral("credentials set");
    set.summary = tr("Store a secret in the OS keychain, read from standard input");
    set.positionals = {QStringLiteral("NAME")};
    set.sensitive = true;
    set.description =
        tr("NAME is one of %1. The secret is read from standard input, never from the command line (which\n"
           "other users can see); one trailing newline is dropped, and an empty secret is refused. From a\n"
           "terminal it is read without echo. The secret is stored under service \"capstan\" and never "
           "printed.\n"
           "An environment variable (e.g. CAPSTAN_CHARTMUSEUM_PASSWORD) takes precedence over the keychain.")
            .arg(names);
    set.examples = {QStringLiteral("credentials set chartmuseum"),
                    QStringLiteral("credentials set argocd < token.txt"),
                    QStringLiteral("credentials set github <<< \"$GITHUB_TOKEN\"")};
    list.append(set);

    CommandSpec check;
    check.name = QStringLiteral("credentials check");
    check.summary = tr("Say whether a secret is available and where from (never prints it)");
    check.positionals = {QStringLiteral("NAME")};
    check.sensitive = true;
    check.description =
        tr("NAME is one of %1. Reports \"environment\" when its environment variable is set (it wins), else\n"
           "\"keychain\" when the OS keychain holds it. Exit 0 when found, 5 when not.\n"
           "JSON: {name, found, source (\"environment\", \"keychain\" or null), variable, service}.")
            .arg(names);
    check.examples = {QStringLiteral("credentials check chartmuseum"),
                      QStringLiteral("credentials check argocd -o json")};
    list.append(check);

    CommandSpec remove;
    remove.name = QStringLiteral("credentials delete");
    remove.summary = tr("Delete a secret from the OS keychain");
    remove.positionals = {QStringLiteral("NAME")};
    remove.sensitive = true;
    remove.description =
        tr("NAME is one of %1. Exit 5 when the keychain holds no such secret. An environment variable that\n"
           "provides the same secret is not affected.")
            .arg(names);
    remove.examples = {QStringLiteral("credentials delete chartmuseum")};
    list.append(remove);

    return list;
}

bool CredentialCommands::handles(const QString &command) const
{
    return command.startsWith(QLatin1StringView("credentials "));
}

void CredentialCommands::run(const CommandLine::Invocation &invocation)
{
    const QString name = invocation.positionals.at(0);
    if (!CredentialStore::isKnownName(name)) {
        throw ApiError(ApiError::Kind::Usage,
                       // The argument is not repeated: a secret typed in its place must not be echoed.
                       tr("unknown credential name: expected one of %1")
                           .arg(CredentialStore::knownNames().join(QStringLiteral(", "))),
                       CommandLine::helpHint(invocation.command()));
    }
    if (invocation.sandbox) {
        throw ApiError(ApiError::Kind::Usage,
                       tr("credentials commands manage the OS keychain, which the sandbox never uses"),
                       tr("Drop --sandbox."));
    }
    const QString command = invocation.command();
    if (command == QLatin1StringView("credentials set"))
        set(name);
    else if (command == QLatin1StringView("credentials check"))
        check(name);
    else if (command == QLatin1StringView("credentials delete"))
        remove(name);
}

void CredentialCommands::set(const QString &name)
{
    OutputWriter *out = m_session->output();
    const QByteArray bytes = readSecret(out, tr("Secret for %1 (input hidden):").arg(name));
    if (bytes.isEmpty()) {
        throw ApiError(
            ApiError::Kind::Usage, tr("no secret for %1 on standard input").arg(name),
            tr("Pipe the secret in, e.g. `capstan --cli credentials set %1 < secret.txt`.").arg(name));
    }
    if (bytes.size() > MaxSecretBytes) {
        throw ApiError(
            ApiError::Kind::Usage,
            tr("the secret for %1 on standard input is longer than %2 bytes").arg(name).arg(MaxSecretBytes));
    }
    if (bytes.contains('\n') || bytes.contains('\0')) {
        throw ApiError(
            ApiError::Kind::Usage,
            tr("the secret for %1 on standard input spans several lines or holds a NUL byte").arg(name),
            tr("Only one trailing newline is dropped; pass the secret alone."));
    }
    const QString secret = QString::fromUtf8(bytes);
    CredentialStore *store = m_session->credentials();
    m_session->await(store->write(name, secret), [this, name, store] {
        OutputWriter *out = m_session->output();
        if (store->overriddenByEnvironment(name)) {
            out->note(tr("note: %1 is set in the environment and takes precedence over the keychain")
                          .arg(CredentialStore::environmentVariable(name)));
        }
        if (out->isJson()) {
            out->json(QJsonObject{{QStringLiteral("name"), name},
                                  {QStringLiteral("stored"), true},
                                  {QStringLiteral("location"), QStringLiteral("keychain")},
                                  {QStringLiteral("service"), store->service()}});
        } else {
            out->text(
                tr("Stored the %1 secret in the keychain (service \"%2\").").arg(name, store->service()) +
                u'\n');
        }
        m_session->finish(ExitCode::Ok);
    });
}

void CredentialCommands::reportCheck(const QString &name, const QString &source)
{
    OutputWriter *out = m_session->output();
    CredentialStore *store = m_session->credentials();
    const QString variable = CredentialStore::environmentVariable(name);
    if (out->isJson()) {
        out->json(
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("found"), !source.isEmpty()},
                        {QStringLiteral("source"), source.isEmpty() ? QJsonValue() : QJsonValue(source)},
                        {QStringLiteral("variable"), variable},
                        {QStringLiteral("service"), store->service()}});
    } else if (source == QLatin1StringView("environment")) {
        out->text(tr("%1: found in the environment variable %2").arg(name, variable) + u'\n');
    } else if (source == QLatin1StringView("keychain")) {
        out->text(tr("%1: found in the keychain (service \"%2\")").arg(name, store->service()) + u'\n');
    } else {
        out->text(tr("%1: not found (neither %2 nor a keychain entry in service \"%3\")")
                      .arg(name, variable, store->service()) +
                  u'\n');
    }
    m_session->finish(source.isEmpty() ? ExitCode::NotFound : ExitCode::Ok);
}

void CredentialCommands::check(const QString &name)
{
    CredentialStore *store = m_session->credentials();
    if (store->overriddenByEnvironment(name)) {
        reportCheck(name, QStringLiteral("environment"));
        return;
    }
    store->read(name)
        .then(this,
              [this, name](QString secret) {
                  secret.fill(u'\0');
                  reportCheck(name, QStringLiteral("keychain"));
              })
        .onFailed(this,
                  [this, name](const ApiError &error) {
                      if (error.kind() == ApiError::Kind::NotFound)
                          reportCheck(name, QString());
                      else
                          m_session->fail(error);
                  })
        .onFailed(this, [this] { m_session->failUnexpected(std::current_exception()); });
}

void CredentialCommands::remove(const QString &name)
{
    CredentialStore *store = m_session->credentials();
    m_session->await(store->remove(name), [this, name, store] {
        OutputWriter *out = m_session->output();
        if (store->overriddenByEnvironment(name)) {
            out->note(tr("note: %1 is still set in the environment and still provides this secret")
                          .arg(CredentialStore::environmentVariable(name)));
        }
        if (out->isJson()) {
            out->json(QJsonObject{{QStringLiteral("name"), name},
                                  {QStringLiteral("deleted"), true},
                                  {QStringLiteral("service"), store->service()}});
        } else {
            out->text(
                tr("Deleted the %1 secret from the keychain (service \"%2\").").arg(name, store->service()) +
                u'\n');
        }
        m_session->finish(ExitCode::Ok);
    });
}

} // namespace capstan
