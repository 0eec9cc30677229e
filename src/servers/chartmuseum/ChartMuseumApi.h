#pragma once

#include "ChartMuseumServer.h"
#include "ChartStore.h"
#include "http/ServerRequest.h"
#include "http/ServerResponse.h"

#include <QString>

#include <optional>

namespace capstan {

// Why: ChartMuseum's behaviour without the sockets: route matching (depth, context path, API vs
// repository routes), auth, and every handler's status, headers and body, per the contract.
class ChartMuseumApi
{
public:
    explicit ChartMuseumApi(const ChartMuseumServer::Options &options);

    ServerResponse handle(const ServerRequest &request);
    ChartStore &store() { return m_store; }
    void setServerUrl(const QString &url) { m_serverUrl = url; }

    static QByteArray welcomePage();

private:
    enum class Action { None, Pull, Push };
    enum class Route {
        Welcome,
        Health,
        Info,
        IndexYaml,
        IndexYamlHead,
        ChartFile,
        ListCharts,
        ChartGet,
        ChartHead,
        VersionGet,
        VersionHead,
        Templates,
        Values,
        Upload,
        UploadProvenance,
        Delete,
    };
    struct Match
    {
        Route route = Route::Health;
        Action action = Action::None;
        QString repo;
        QString name;
        QString version;
        QString file;
    };
    struct Lookup
    {
        const ChartStore::Entry *entry = nullptr;
        QString error;
    };

    std::optional<Match> match(const QByteArray &method, const QString &path) const;
    std::optional<ServerResponse> authorize(const ServerRequest &request, const Match &match) const;
    Lookup lookup(const Match &match);
    bool overwriteAllowed(const ServerRequest &request) const;

    ServerResponse listCharts(const ServerRequest &request, const Match &match);
    ServerResponse chartFile(const Match &match);
    ServerResponse templates(const Match &match);
    ServerResponse values(const Match &match);
    ServerResponse upload(const ServerRequest &request, const Match &match);
    ServerResponse uploadProvenance(const ServerRequest &request, const Match &match);
    ServerResponse uploadMultipart(const ServerRequest &request, const Match &match);
    ServerResponse remove(const Match &match);

    static ServerResponse headMiss();
    static ServerResponse tooLarge();
    static std::optional<QString> provenanceFileName(const QByteArray &content);

    ChartMuseumServer::Options m_options;
    ChartStore m_store;
    QString m_serverUrl;
};

} // namespace capstan
