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

CredentialStore *CredentialStore::environmentOnly(const QProcessEnvironment &environment, QObject *parent)
{
    auto *store = new CredentialStore(environment, QStringLiteral("capstan"), parent);
    store->m_keychain = false;
    return store;
}

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
    if (!m_keychain)
        return QtFuture::makeExceptionalFuture<QString>(ApiError(
            ApiError::Kind::NotFound, tr("No %1 secret: this run takes its secrets from %2 only, not "
                                         "from the keychain")
                                          .arg(name, environmentVariable(name))));
    return run<QString>(new QKeychain::ReadPasswordJob(m_service, this), name, [](QKeychain::Job *job) {
        return static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    });
}

QFuture<void> CredentialStore::write(const QString &name, const QString &secret)
{
    if (secret.isEmpty()) {
        return QtFuture::makeExceptionalFuture(
            ApiError(ApiError::Kind::Usage, tr("Refusing to store an empty %1 secret").arg(name)));
    }
    if (!m_keychain)
        return QtFuture::makeExceptionalFuture(
            ApiError(ApiError::Kind::Usage, tr("Not stored: this run never writes to the keychain")));
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setTextData(secret);
    return run<void>(job, name, [](QKeychain::Job *) {});
}

QFuture<void> CredentialStore::remove(const QString &name)
{
    if (!m_keychain)
        return QtFuture::makeExceptionalFuture(
            ApiError(ApiError::Kind::Usage, tr("Not removed: this run never changes the keychain")));
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
