#pragma once

#include "SecretBackend.h"

#include <QCoreApplication>

namespace capstan {

// Why: a run that brings all its secrets in its environment (the sandbox) must never ask, fill or empty the
// user's keychain, so its store has this backend instead: nothing is found, nothing is written.
class EnvironmentOnlyBackend : public SecretBackend
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentOnlyBackend)
public:
    QFuture<QString> read(const QString &name) override;
    QFuture<OptionalSecret> readOptional(const QString &name) override;
    QFuture<void> write(const QString &name, const QString &secret) override;
    QFuture<void> remove(const QString &name) override;
};

} // namespace capstan
