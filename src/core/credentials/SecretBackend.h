#pragma once

#include <QFuture>
#include <QString>

namespace capstan {

// What a read of a secret Capstan can do without found: the secret, or (empty) why there is none.
struct OptionalSecret
{
    QString secret;
    QString noneWhy; // e.g. "no keychain is reachable (...) and CAPSTAN_GITHUB_TOKEN is not set"
};

// Why: CredentialStore reaches the keychain through this, so a test can stand in a keychain that refuses
// (or keeps entries in memory) without a desktop session.
class SecretBackend
{
public:
    virtual ~SecretBackend() = default;

    // Each fails with ApiError: NotFound (no entry) or Credentials (the keychain refused or is unreachable;
    // the message in words, the keychain's own text as the server message).
    virtual QFuture<QString> read(const QString &name) = 0;
    // No entry, or no keychain at all, is an empty OptionalSecret with the reason; an entry that exists but
    // cannot be read (locked, refused) still fails with ApiError Credentials.
    virtual QFuture<OptionalSecret> readOptional(const QString &name) = 0;
    virtual QFuture<void> write(const QString &name, const QString &secret) = 0;
    virtual QFuture<void> remove(const QString &name) = 0;
};

} // namespace capstan
