#pragma once

#include "config/Config.h"

#include <QFuture>
#include <QObject>

class QNetworkAccessManager;

namespace capstan {

class ArgoCdClient;
class ChartMuseumClient;
class EtagCache;
class GitHubClient;
class CredentialStore;

// Why: GUI and CLI build service clients the same way: from the config section, with the secret from the
// credential store. Clients are owned by the factory.
class ClientFactory : public QObject
{
    Q_OBJECT
public:
    ClientFactory(QNetworkAccessManager *network, CredentialStore *credentials, QObject *parent = nullptr);

    // Fails with ApiError::Kind::Config when capstan.yaml has no chartmuseum section or a bad URL, and
    // with Credentials when a username is set but no password can be found.
    QFuture<ChartMuseumClient *> chartMuseum(const Config &config);
    // Token from CAPSTAN_ARGOCD_TOKEN or the keychain ("argocd"); otherwise, with argocd.username set, a
    // session login with the password from CAPSTAN_ARGOCD_PASSWORD or the keychain ("argocd-password"),
    // whose token is then kept in the keychain. Config when the section is missing, Credentials when
    // nothing can authenticate.
    QFuture<ArgoCdClient *> argoCd(const Config &config);
    // Token from CAPSTAN_GITHUB_TOKEN or the keychain ("github"); anonymous when none is configured
    // (CredentialStore::readOptional: unset variable and no entry or no keychain at all). Uses the
    // factory's ETag cache (loaded from EtagCache::defaultFile() on first use unless set).
    QFuture<GitHubClient *> gitHub(const Config &config);
    void setEtagCache(EtagCache *cache) { m_etagCache = cache; }
    // Where the caches of this run live: the user's cache directory unless set (the sandbox keeps its own).
    void setCacheDirectory(const QString &directory) { m_cacheDirectory = directory; }
    QString etagCacheFile() const;
    QString chartCacheDirectory() const;
    QString sourceCacheDirectory() const;
    // Where the clients' secrets come from (a deploy also masks them in step output).
    CredentialStore *credentials() const { return m_credentials; }

private:
    QNetworkAccessManager *m_network;
    CredentialStore *m_credentials;
    EtagCache *m_etagCache = nullptr;
    QString m_cacheDirectory;
};

} // namespace capstan
