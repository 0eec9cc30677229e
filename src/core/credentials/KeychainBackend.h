#pragma once

#include "SecretBackend.h"

#include <QObject>

#include <functional>

namespace QKeychain {
class Job;
}

namespace capstan {

// Why: the OS keychain (Secret Service, Keychain, Credential Manager) as a SecretBackend: one entry per
// credential under `service`, no insecure fallback.
class KeychainBackend : public QObject, public SecretBackend
{
    Q_OBJECT
public:
    explicit KeychainBackend(const QString &service, QObject *parent = nullptr);

    QFuture<QString> read(const QString &name) override;
    QFuture<OptionalSecret> readOptional(const QString &name) override;
    QFuture<void> write(const QString &name, const QString &secret) override;
    QFuture<void> remove(const QString &name) override;

private:
    // Starts a keychain job for entry `name` and turns its outcome into a future.
    template <typename T>
    QFuture<T> run(QKeychain::Job *job, const QString &name,
                   const std::function<T(QKeychain::Job *)> &result);

    QString m_service;
};

} // namespace capstan
