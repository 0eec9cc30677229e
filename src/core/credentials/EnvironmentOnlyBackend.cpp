#include "EnvironmentOnlyBackend.h"

#include "CredentialStore.h"
#include "net/ApiError.h"

namespace capstan {

QFuture<QString> EnvironmentOnlyBackend::read(const QString &name)
{
    return QtFuture::makeExceptionalFuture<QString>(ApiError(
        ApiError::Kind::NotFound, tr("No %1 secret: this run takes its secrets from %2 only, not from "
                                     "the keychain")
                                      .arg(name, CredentialStore::environmentVariable(name))));
}

QFuture<OptionalSecret> EnvironmentOnlyBackend::readOptional(const QString &name)
{
    return QtFuture::makeReadyFuture(OptionalSecret{{},
                                                    tr("%1 is not set, and this run never asks the keychain")
                                                        .arg(CredentialStore::environmentVariable(name))});
}

QFuture<void> EnvironmentOnlyBackend::write(const QString &, const QString &)
{
    return QtFuture::makeExceptionalFuture(
        ApiError(ApiError::Kind::Usage, tr("Not stored: this run never writes to the keychain")));
}

QFuture<void> EnvironmentOnlyBackend::remove(const QString &)
{
    return QtFuture::makeExceptionalFuture(
        ApiError(ApiError::Kind::Usage, tr("Not removed: this run never changes the keychain")));
}

} // namespace capstan
