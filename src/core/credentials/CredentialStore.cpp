#include "CredentialStore.h"

#include "net/ApiError.h"

#include <QPointer>
#include <QPromise>

#include <qt6keychain/keychain.h>

#include <memory>

namespace capstan {

namespace {

struct Kind
{
    const char *name;
    const char *variable;
};

constexpr Kind Kinds[] = {
    {"chartmuseum", "CAPSTAN_CHARTMUSEUM_PASSWORD"},
    {"argocd", "CAPSTAN_ARGOCD_TOKEN"},
    {"argocd-password", "CAPSTAN_ARGOCD_PASSWORD"},
    {"github", "CAPSTAN_GITHUB_TOKEN"},
};

} // namespace

CredentialStore::CredentialStore(const QProcessEnvironment &environment, const QString &service,
                                 QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_service(service)
{}

QStringList CredentialStore::knownNames()
{
    QStringList names;
    for (const Kind &kind : Kinds)
        names.append(QString::fromLatin1(kind.name));
    return names;
}

bool CredentialStore::isKnownName(const QString &name)
{
    return knownNames().contains(name);
}

QString CredentialStore::environmentVariable(const QString &name)
{
    for (const Kind &kind : Kinds) {
        if (name == QLatin1StringView(kind.name))
            return QString::fromLatin1(kind.variable);
    }
    return QStringLiteral("CAPSTAN_%1_SECRET").arg(name.toUpper());
}

bool CredentialStore::overriddenByEnvironment(const QString &name) const
{
    return !m_environment.value(environmentVariable(name)).isEmpty();
}

namespace {

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
                        CredentialStore::tr("The keychain refused access to the %1 secret: %2")
                            .arg(name, job->errorString()),
                        CredentialStore::tr("Unlock the keychain, or set %1.").arg(variable));
    default:
        return ApiError(ApiError::Kind::Credentials,
                        CredentialStore::tr("No keychain is reachable (%1)").arg(job->errorString()),
                        CredentialStore::tr("Start a desktop session with a Secret Service (for example "
                                            "gnome-keyring), or set %1 to pass the secret through the "
                                            "environment.")
                            .arg(variable));
    }
}

} // namespace

QFuture<QString> CredentialStore::read(const QString &name)
{
    const QString fromEnvironment = m_environment.value(environmentVariable(name));
    if (!fromEnvironment.isEmpty())
        return QtFuture::makeReadyFuture(fromEnvironment);
    return run<QString>(new QKeychain::ReadPasswordJob(m_service, this), name, [](QKeychain::Job *job) {
        return static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    });
}

QFuture<CredentialStore::OptionalSecret> CredentialStore::readOptional(const QString &name)
{
    const QString variable = environmentVariable(name);
    if (m_environment.contains(variable)) {
        const QString value = m_environment.value(variable);
        if (value.isEmpty())
            return QtFuture::makeExceptionalFuture<OptionalSecret>(
                ApiError(ApiError::Kind::Credentials, tr("%1 is set but empty").arg(variable),
                         tr("Set it to the %1 secret, or unset it to go without one.").arg(name)));
        return QtFuture::makeReadyFuture(OptionalSecret{value, {}});
    }
    auto promise = std::make_shared<QPromise<OptionalSecret>>();
    promise->start();
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    const QString service = m_service;
    connect(job, &QKeychain::Job::finished, this,
            [promise, name, service, variable](QKeychain::Job *finished) {
                switch (finished->error()) {
                case QKeychain::NoError:
                    promise->addResult(
                        OptionalSecret{static_cast<QKeychain::ReadPasswordJob *>(finished)->textData(), {}});
                    break;
                case QKeychain::EntryNotFound:
                    promise->addResult(OptionalSecret{
                        {}, tr("no %1 secret in the keychain and %2 is not set").arg(name, variable)});
                    break;
                case QKeychain::AccessDenied:
                case QKeychain::AccessDeniedByUser:
                    promise->setException(keychainError(finished, name, service));
                    break;
                default:
                    promise->addResult(OptionalSecret{{},
                                                      tr("no keychain is reachable (%1) and %2 is not set")
                                                          .arg(finished->errorString(), variable)});
                    break;
                }
                promise->finish();
            });
    job->start();
    return promise->future();
}

QFuture<void> CredentialStore::write(const QString &name, const QString &secret)
{
    if (secret.isEmpty()) {
        return QtFuture::makeExceptionalFuture(
            ApiError(ApiError::Kind::Usage, tr("Refusing to store an empty %1 secret").arg(name)));
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setTextData(secret);
    return run<void>(job, name, [](QKeychain::Job *) {});
}

QFuture<void> CredentialStore::remove(const QString &name)
{
    // Secret Service deletes a missing entry without complaint; look first so "not found" is reported.
    QPointer<CredentialStore> self(this);
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
QFuture<T> CredentialStore::run(QKeychain::Job *job, const QString &name,
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
