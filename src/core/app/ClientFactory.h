#pragma once

#include "config/Config.h"

#include <QFuture>
#include <QObject>

class QNetworkAccessManager;

namespace capstan {

class ChartMuseumClient;
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

private:
    QNetworkAccessManager *m_network;
    CredentialStore *m_credentials;
};

} // namespace capstan
