#include "ClientFactory.h"

#include "argocd/ArgoCdClient.h"
#include "chart/ChartCache.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "credentials/CredentialStore.h"
#include "github/EtagCache.h"
#include "source/SourceCheckout.h"

#include "github/GitHubClient.h"
#include "net/HttpClient.h"
#include <QDir>

#include <QPromise>
#include <QRegularExpression>

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
    options.timeoutKey = QStringLiteral("chartmuseum.timeout");
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
    if (!config.argocd) {
        const QString file = config.file.isEmpty() ? tr("capstan.yaml") : config.file;
        return QtFuture::makeExceptionalFuture<ArgoCdClient *>(
            ApiError(ApiError::Kind::Config, tr("%1 has no \"argocd\" section").arg(file),
                     tr("Add one, e.g.\n  argocd: { url: https://argocd.example.net, app: my-app, username: "
                        "admin }")));
    }
    const Config::ArgoCd settings = *config.argocd;
    HttpClient::Options options;
    options.timeoutMs = settings.timeoutSeconds * 1000;
    options.serviceName = QStringLiteral("Argo CD");
    options.credentialName = QStringLiteral("argocd");
    options.timeoutKey = QStringLiteral("argocd.timeout");
    auto *http = new HttpClient(m_network, settings.url, options, this);
    auto *client = new ArgoCdClient(http, settings.app, this);
    auto promise = std::make_shared<QPromise<ArgoCdClient *>>();
    promise->start();
    CredentialStore *credentials = m_credentials;
    auto fail = [promise, http, client](const ApiError &error) {
        http->deleteLater();
        client->deleteLater();
        promise->setException(error);
        promise->finish();
    };
    auto succeed = [promise, http, client](const QString &token) {
        http->setAuth({HttpClient::Auth::Scheme::Bearer, {}, token});
        promise->addResult(client);
        promise->finish();
    };
    auto loginWithPassword = [this, credentials, http, settings, fail, succeed] {
        const QString tokenVariable = CredentialStore::environmentVariable(QStringLiteral("argocd"));
        const QString passwordVariable =
            CredentialStore::environmentVariable(QStringLiteral("argocd-password"));
        credentials->read(QStringLiteral("argocd-password"))
            .then(this,
                  [this, credentials, http, settings, fail, succeed](const QString &password) {
                      ArgoCdClient::login(http, settings.username, password)
                          .then(this,
                                [this, credentials, fail, succeed](const QString &token) {
                                    if (credentials->overriddenByEnvironment(QStringLiteral("argocd"))) {
                                        succeed(token);
                                        return;
                                    }
                                    // Keep the session for the next run; a keychain failure is not fatal.
                                    credentials->write(QStringLiteral("argocd"), token)
                                        .then(this, [succeed, token] { succeed(token); })
                                        .onFailed(this, [succeed, token] { succeed(token); });
                                })
                          .onFailed(this, [fail](const ApiError &error) { fail(error); })
                          .onFailed(this, [fail] {
                              fail(ApiError(ApiError::Kind::Failed, tr("Argo CD login failed")));
                          });
                  })
            .onFailed(this, [fail, tokenVariable, passwordVariable](const ApiError &error) {
                ApiError wrapped(
                    ApiError::Kind::Credentials,
                    tr("No Argo CD token and no password for argocd.username: %1").arg(error.message()),
                    tr("Run `capstan --cli credentials set argocd-password`, or set %1 (password) "
                       "or %2 (token).")
                        .arg(passwordVariable, tokenVariable));
                fail(wrapped);
            });
    };
    m_credentials->read(QStringLiteral("argocd"))
        .then(this,
              [succeed, loginWithPassword](const QString &token) {
                  if (token.isEmpty()) {
                      loginWithPassword();
                      return;
                  }
                  succeed(token);
              })
        .onFailed(this,
                  [settings, fail, loginWithPassword](const ApiError &error) {
                      if (!settings.username.isEmpty()) {
                          loginWithPassword();
                          return;
                      }
                      ApiError wrapped(
                          ApiError::Kind::Credentials, error.message(),
                          tr("Run `capstan --cli credentials set argocd` with an Argo CD token, set %1, or "
                             "set argocd.username in capstan.yaml to log in with a password.")
                              .arg(CredentialStore::environmentVariable(QStringLiteral("argocd"))));
                      wrapped.prependContext(tr("No Argo CD token"));
                      fail(wrapped);
                  })
        .onFailed(this, [fail] {
            fail(ApiError(ApiError::Kind::Credentials, tr("Cannot read the Argo CD token")));
        });
    return promise->future();
}

QFuture<GitHubClient *> ClientFactory::gitHub(const Config &config)
{
    const QString file = config.file.isEmpty() ? tr("capstan.yaml") : config.file;
    auto configError = [](const QString &message, const QString &hint) {
        return QtFuture::makeExceptionalFuture<GitHubClient *>(
            ApiError(ApiError::Kind::Config, message, hint));
    };
    if (!config.github)
        return configError(
            tr("%1 has no \"github\" section").arg(file),
            tr("Add one, e.g.\n  github: { repo: owner/name, workflow: ci.yml, branch: main }"));
    const Config::GitHub settings = *config.github;
    static const QRegularExpression repoPattern(
        QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+$"));
    if (settings.repo.isEmpty())
        return configError(tr("%1: github.repo is missing").arg(file),
                           tr("Set it to the repository as owner/name, e.g. homelab/torvalds."));
    if (!repoPattern.match(settings.repo).hasMatch())
        return configError(
            tr("%1: github.repo \"%2\" is not of the form owner/name").arg(file, settings.repo),
            tr("Set it to the repository as owner/name, e.g. homelab/torvalds."));
    if (!settings.url.isValid() ||
        (settings.url.scheme() != QStringLiteral("https") &&
         settings.url.scheme() != QStringLiteral("http")) ||
        settings.url.host().isEmpty())
        return configError(
            tr("%1: github.url \"%2\" is not an http(s) URL").arg(file, settings.url.toString()),
            tr("Use https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server."));

    if (!m_etagCache) {
        // The default cache lives as long as the factory: a child object deletes it.
        auto *cache = new EtagCache(etagCacheFile());
        QString warning;
        cache->load(&warning);
        if (!warning.isEmpty())
            qWarning("%s", qPrintable(warning));
        auto *keeper = new QObject(this);
        connect(keeper, &QObject::destroyed, keeper, [cache] { delete cache; });
        m_etagCache = cache;
    }

    HttpClient::Options options;
    options.timeoutMs = settings.timeoutSeconds * 1000;
    options.serviceName = QStringLiteral("GitHub");
    options.credentialName = QStringLiteral("github");
    options.timeoutKey = QStringLiteral("github.timeout");
    auto *http = new HttpClient(m_network, settings.url, options, this);
    GitHubClient::Options clientOptions;
    clientOptions.repo = settings.repo;
    clientOptions.workflow = settings.workflow;
    clientOptions.branch = settings.branch;
    auto *client = new GitHubClient(http, clientOptions, m_etagCache, this);

    // No token configured anywhere: anonymous reads, as for a public repository (CredentialStore::
    // readOptional says what counts as "none"); writes then fail naming why there is no token.
    return m_credentials->readOptional(QStringLiteral("github"))
        .then(this,
              [http, client](const CredentialStore::OptionalSecret &token) {
                  if (token.secret.isEmpty())
                      client->setAnonymousReason(token.noneWhy);
                  else
                      http->setAuth({HttpClient::Auth::Scheme::Bearer, {}, token.secret});
                  return client;
              })
        .onFailed(this, [http, client](const ApiError &error) -> GitHubClient * {
            http->deleteLater();
            client->deleteLater();
            ApiError wrapped = error;
            wrapped.prependContext(tr("Cannot read the GitHub token"));
            throw wrapped;
        });
}

QString ClientFactory::etagCacheFile() const
{
    return m_cacheDirectory.isEmpty() ? EtagCache::defaultFile()
                                      : QDir(m_cacheDirectory).filePath(QStringLiteral("github-etags.json"));
}

QString ClientFactory::chartCacheDirectory() const
{
    return m_cacheDirectory.isEmpty() ? ChartCache::defaultDirectory()
                                      : QDir(m_cacheDirectory).filePath(QStringLiteral("charts"));
}

QString ClientFactory::sourceCacheDirectory() const
{
    return m_cacheDirectory.isEmpty() ? SourceCheckout::defaultCacheRoot()
                                      : QDir(m_cacheDirectory).filePath(QStringLiteral("sources"));
}

} // namespace capstan
