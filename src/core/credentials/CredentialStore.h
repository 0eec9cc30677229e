#pragma once

#include "SecretBackend.h"

#include <QFuture>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

namespace capstan {

// Why: server secrets live in the OS keychain (service "capstan", one entry per credential); CI overrides
// them with environment variables. There is no insecure fallback.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
        const QString &service = QStringLiteral("capstan"), QObject *parent = nullptr,
        std::unique_ptr<SecretBackend> backend = {}); // null: the OS keychain
    ~CredentialStore() override;
    // Secrets from `environment` only; the keychain is never asked (the sandbox brings its own secrets).
    static CredentialStore *environmentOnly(const QProcessEnvironment &environment,
                                            QObject *parent = nullptr);

    // "chartmuseum", "argocd", "argocd-password", "github".
    static QStringList knownNames();
    static bool isKnownName(const QString &name);
    // "chartmuseum" -> "CAPSTAN_CHARTMUSEUM_PASSWORD"; "argocd" -> "CAPSTAN_ARGOCD_TOKEN";
    // "github" -> "CAPSTAN_GITHUB_TOKEN"; "argocd-password" -> "CAPSTAN_ARGOCD_PASSWORD" (session login).
    static QString environmentVariable(const QString &name);

    QString service() const { return m_service; }
    bool overriddenByEnvironment(const QString &name) const;
    bool usesKeychain() const { return m_keychain; }

    // Environment first, then the keychain. Fails with ApiError: Credentials (keychain unreachable, naming
    // the variable to set) or NotFound (no entry).
    QFuture<QString> read(const QString &name);

    // A secret Capstan can also do without (the GitHub token: public repositories are read anonymously).
    using OptionalSecret = capstan::OptionalSecret;
    // "None configured" is: the variable unset, and the keychain has no entry or cannot be reached at all
    // (no Secret Service, as in CI or a headless session). Still failing with ApiError Credentials, as
    // something says a secret should exist: the variable set but empty, or a keychain entry that exists but
    // cannot be read (keychain locked, access refused).
    QFuture<OptionalSecret> readOptional(const QString &name);
    QFuture<void> write(const QString &name, const QString &secret);
    QFuture<void> remove(const QString &name);

private:
    QProcessEnvironment m_environment;
    QString m_service;
    std::unique_ptr<SecretBackend> m_backend;
    bool m_keychain = true;
};

} // namespace capstan
