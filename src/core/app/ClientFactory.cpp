#include "ClientFactory.h"

#include "chartmuseum/ChartMuseumClient.h"
#include "credentials/CredentialStore.h"
#include "net/HttpClient.h"

namespace capstan {

ClientFactory::ClientFactory(QNetworkAccessManager *network, CredentialStore *credentials, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_credentials(credentials)
{}

QFuture<ChartMuseumClient *> ClientFactory::chartMuseum(const Config &config)
{
    if (!config.chartmuseum) {
        const QString file = config.file.isEmpty() ? tr("capstan.yaml") : config.file;
        return QtFuture::makeExceptionalFuture<ChartMuseumClient *>(ApiError(
            ApiError::Kind::Config, tr("%1 has no \"chartmuseum\" section").arg(file),
            tr("Add one, e.g.\n  chartmuseum: { url: https://charts.example.net, username: admin }")));
    }
    const Config::ChartMuseum settings = *config.chartmuseum;
    HttpClient::Options options;
    options.timeoutMs = settings.timeoutSeconds * 1000;
    options.serviceName = QStringLiteral("ChartMuseum");
    options.credentialName = QStringLiteral("chartmuseum");
    auto *http = new HttpClient(m_network, settings.url, options, this);
    auto *client = new ChartMuseumClient(http, settings.repo, this);
    if (settings.username.isEmpty())
        return QtFuture::makeReadyFuture(client);

    return m_credentials->read(QStringLiteral("chartmuseum"))
        .then(this,
              [http, client, user = settings.username](const QString &password) {
                  http->setAuth({HttpClient::Auth::Scheme::Basic, user, password});
                  return client;
              })
        .onFailed(this, [http, client](const ApiError &error) -> ChartMuseumClient * {
            http->deleteLater();
            client->deleteLater();
            ApiError wrapped = error.kind() == ApiError::Kind::NotFound
                                   ? ApiError(ApiError::Kind::Credentials, error.message(), error.hint())
                                   : error;
            wrapped.prependContext(tr("ChartMuseum user is set but its password is missing"));
            throw wrapped;
        });
}

} // namespace capstan

namespace capstan {

QFuture<ArgoCdClient *> ClientFactory::argoCd(const Config &config)
{
    Q_UNUSED(config)
    return QtFuture::makeExceptionalFuture<ArgoCdClient *>(
        ApiError(ApiError::Kind::Config, tr("Argo CD is not available yet")));
}

QFuture<GitHubClient *> ClientFactory::gitHub(const Config &config)
{
    Q_UNUSED(config)
    return QtFuture::makeExceptionalFuture<GitHubClient *>(
        ApiError(ApiError::Kind::Config, tr("GitHub is not available yet")));
}

} // namespace capstan
