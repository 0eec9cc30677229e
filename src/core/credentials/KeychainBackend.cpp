#include "KeychainBackend.h"

#include "CredentialStore.h"
#include "net/ApiError.h"

#include <QPointer>
#include <QPromise>

#include <qt6keychain/keychain.h>

#include <memory>

namespace capstan {

namespace {

// The words say what happened; the keychain's own text (often a raw D-Bus error) is kept as the detail.
ApiError keychainError(const QKeychain::Job *job, const QString &name, const QString &service)
{
    const QString variable = CredentialStore::environmentVariable(name);
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        return ApiError(
            ApiError::Kind::NotFound,
            CredentialStore::tr("No %1 secret in the keychain (service \"%2\")").arg(name, service),
            CredentialStore::tr("Run `capstan --cli credentials set %1`, or set %2.").arg(name, variable));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return ApiError(ApiError::Kind::Credentials,
                        CredentialStore::tr("The keychain refused access to the %1 secret").arg(name),
                        CredentialStore::tr("Unlock the keychain, or set %1.").arg(variable))
            .setServerMessage(job->errorString());
    default:
        return ApiError(ApiError::Kind::Credentials, CredentialStore::tr("No keychain is reachable"),
                        CredentialStore::tr("Start a desktop session with a Secret Service (for example "
                                            "gnome-keyring), or set %1 to pass the secret through the "
                                            "environment.")
                            .arg(variable))
            .setServerMessage(job->errorString());
    }
}

} // namespace

KeychainBackend::KeychainBackend(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

QFuture<QString> KeychainBackend::read(const QString &name)
{
    return run<QString>(new QKeychain::ReadPasswordJob(m_service, this), name, [](QKeychain::Job *job) {
        return static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    });
}

QFuture<OptionalSecret> KeychainBackend::readOptional(const QString &name)
{
    auto promise = std::make_shared<QPromise<OptionalSecret>>();
    promise->start();
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    const QString service = m_service;
    const QString variable = CredentialStore::environmentVariable(name);
    connect(job, &QKeychain::Job::finished, this,
            [promise, name, service, variable](QKeychain::Job *finished) {
                switch (finished->error()) {
                case QKeychain::NoError:
                    promise->addResult(
                        OptionalSecret{static_cast<QKeychain::ReadPasswordJob *>(finished)->textData(), {}});
                    break;
                case QKeychain::EntryNotFound:
                    promise->addResult(
                        OptionalSecret{{},
                                       CredentialStore::tr("no %1 secret in the keychain and %2 is not set")
                                           .arg(name, variable)});
                    break;
                case QKeychain::AccessDenied:
                case QKeychain::AccessDeniedByUser:
                    promise->setException(keychainError(finished, name, service));
                    break;
                default:
                    promise->addResult(
                        OptionalSecret{{},
                                       CredentialStore::tr("no keychain is reachable (%1) and %2 is not set")
                                           .arg(finished->errorString(), variable)});
                    break;
                }
                promise->finish();
            });
    job->start();
    return promise->future();
}

QFuture<void> KeychainBackend::write(const QString &name, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setTextData(secret);
    return run<void>(job, name, [](QKeychain::Job *) {});
}

QFuture<void> KeychainBackend::remove(const QString &name)
{
    // Secret Service deletes a missing entry without complaint; look first so "not found" is reported.
    QPointer<KeychainBackend> self(this);
    return run<QString>(new QKeychain::ReadPasswordJob(m_service, this), name,
                        [](QKeychain::Job *) { return QString(); })
        .then(this,
              [self, name](const QString &) {
                  if (!self)
                      return QtFuture::makeReadyFuture();
                  return self->run<void>(new QKeychain::DeletePasswordJob(self->m_service, self.data()), name,
                                         [](QKeychain::Job *) {});
              })
        .unwrap();
}

template <typename T>
QFuture<T> KeychainBackend::run(QKeychain::Job *job, const QString &name,
                                const std::function<T(QKeychain::Job *)> &result)
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    const QString service = m_service;
    connect(job, &QKeychain::Job::finished, this, [promise, name, service, result](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError) {
            promise->setException(keychainError(finished, name, service));
        } else if constexpr (std::is_void_v<T>) {
            result(finished);
        } else {
            promise->addResult(result(finished));
        }
        promise->finish();
    });
    job->start();
    return promise->future();
}

} // namespace capstan
