#include "CredentialStore.h"

#include "EnvironmentOnlyBackend.h"
#include "KeychainBackend.h"
#include "net/ApiError.h"

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
                                 QObject *parent, std::unique_ptr<SecretBackend> backend)
    : QObject(parent)
    , m_environment(environment)
    , m_service(service)
    , m_backend(backend ? std::move(backend) : std::make_unique<KeychainBackend>(service))
{}

CredentialStore::~CredentialStore() = default;

CredentialStore *CredentialStore::environmentOnly(const QProcessEnvironment &environment, QObject *parent)
{
    auto *store = new CredentialStore(environment, QStringLiteral("capstan"), parent,
                                      std::make_unique<EnvironmentOnlyBackend>());
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

QFuture<QString> CredentialStore::read(const QString &name)
{
    const QString fromEnvironment = m_environment.value(environmentVariable(name));
    if (!fromEnvironment.isEmpty())
        return QtFuture::makeReadyFuture(fromEnvironment);
    return m_backend->read(name);
}

QFuture<OptionalSecret> CredentialStore::readOptional(const QString &name)
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
    return m_backend->readOptional(name);
}

QFuture<void> CredentialStore::write(const QString &name, const QString &secret)
{
    if (secret.isEmpty()) {
        return QtFuture::makeExceptionalFuture(
            ApiError(ApiError::Kind::Usage, tr("Refusing to store an empty %1 secret").arg(name)));
    }
    return m_backend->write(name, secret);
}

QFuture<void> CredentialStore::remove(const QString &name)
{
    return m_backend->remove(name);
}

} // namespace capstan
