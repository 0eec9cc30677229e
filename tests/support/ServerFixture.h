#pragma once

#include "chartmuseum/ChartMuseumServer.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// Why: most integration tests need a ChartMuseum-compatible server on 127.0.0.1 over a fresh storage
// directory, optionally with charts already in it.
class ServerFixture
{
public:
    // `options.storageDirectory` is replaced by a temporary directory.
    explicit ServerFixture(capstan::ChartMuseumServer::Options options = {});
    ~ServerFixture();

    bool start(QString *error = nullptr);
    capstan::ChartMuseumServer *server() const { return m_server.get(); }
    QUrl url() const;
    QString storageDirectory() const { return m_directory.path(); }
    QString repoDirectory(const QString &repo = {}) const;
    // Writes a package into storage as `fileName` (default <name>-<version>.tgz is the caller's business)
    // and makes the server re-read storage.
    bool putFile(const QString &fileName, const QByteArray &data, const QString &repo = {});
    bool putChart(const QString &name, const QString &version, const QString &repo = {});

private:
    capstan::ChartMuseumServer::Options m_options;
    QTemporaryDir m_directory;
    std::unique_ptr<capstan::ChartMuseumServer> m_server;
};
