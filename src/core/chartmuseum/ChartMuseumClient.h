#pragma once

#include "ChartVersion.h"

#include <QFuture>
#include <QMap>
#include <QObject>

namespace capstan {

class HttpClient;

// Why: a typed map of ChartMuseum's API (see the ChartMuseum contract), over the shared HTTP layer.
class ChartMuseumClient : public QObject
{
    Q_OBJECT
public:
    // `repo` is the multitenant path ("org/team"), empty at depth 0. A context path belongs in the
    // HTTP client's base URL.
    ChartMuseumClient(HttpClient *http, const QString &repo = {}, QObject *parent = nullptr);

    HttpClient *http() const { return m_http; }
    QString repo() const { return m_repo; }

    QFuture<QMap<QString, QList<ChartVersion>>> charts();
    // Newest first (SemVer precedence). Fails with ApiError (404 "chart not found") for an unknown chart.
    QFuture<QList<ChartVersion>> versions(const QString &chart);
    // `version` may be exact, "latest" or a range, as the server resolves it.
    QFuture<ChartVersion> version(const QString &chart, const QString &version);
    // Downloads the .tgz the entry lists and checks its sha256 against entry.digest. Progress in bytes.
    QFuture<QByteArray> download(const ChartVersion &entry);
    QFuture<bool> health();

    QString apiPath(const QString &rest) const;  // "/api[/repo]" + rest
    QString repoPath(const QString &rest) const; // "[/repo]" + rest

private:
    HttpClient *m_http;
    QString m_repo;
};

} // namespace capstan
