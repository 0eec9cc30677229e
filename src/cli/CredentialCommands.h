#pragma once

#include "CommandLine.h"
#include "CommandSpec.h"

#include <QObject>

namespace capstan {

class CliSession;

// Why: `credentials set|check|delete NAME` manage the secrets Capstan uses in the OS keychain; the secret
// comes from stdin only (never argv) and is never printed.
class CredentialCommands : public QObject
{
    Q_OBJECT
public:
    explicit CredentialCommands(CliSession *session, QObject *parent = nullptr);

    static QList<CommandSpec> specs();
    bool handles(const QString &command) const;
    void run(const CommandLine::Invocation &invocation);

private:
    void set(const QString &name);
    void check(const QString &name);
    void remove(const QString &name);
    void reportCheck(const QString &name, const QString &source);

    CliSession *m_session;
};

} // namespace capstan
