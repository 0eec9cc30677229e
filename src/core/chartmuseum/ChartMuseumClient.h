#pragma once

#include "ChartVersion.h"
#include "net/ApiError.h"

#include <QFuture>
#include <QMap>
#include <QObject>

#include <memory>
#include <optional>

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

    // Publishes a package (raw POST). The bytes are first read with Helm's loader rules and the 20 MiB
    // upload limit, so a non-chart never reaches the network. `force` sends ?force (the server may still
    // refuse: 409 becomes ApiError::Kind::Conflict). After 201 the version is read back (retrying briefly,
    // the server's index lags) and its digest must equal the sha256 of `tgz`. Progress: bytes sent.
    // A POST is not simply resent: when its answer is lost (connection dropped, timeout, 5xx) the version is
    // looked up first. There with the same digest: published (by the lost attempt). Missing: sent again, at
    // most MaxUploadSends times in all. There with another digest: Conflict, as a 409 (without `force`).
    QFuture<ChartVersion> upload(const QByteArray &tgz, bool force);
    // Deletes one exact version. A missing version fails with Kind::NotFound; a server started with
    // --disable-delete with Kind::Failed saying so (and knownDeletesAllowed() becomes false).
    QFuture<void> remove(const QString &chart, const QString &version);
    // Whether the server accepts deletes, found by deleting a name that cannot exist (its version is not
    // SemVer, so no chart can be stored under it): a server with --disable-delete answers 404 "not found",
    // one that allows deletes names the missing file. Needs push credentials like a real delete.
    QFuture<bool> deletesAllowed();
    // The last answer from deletesAllowed() or remove(); nullopt until one arrived.
    std::optional<bool> knownDeletesAllowed() const { return m_deletesAllowed; }

    static constexpr qint64 MaxUploadSize = 20 * 1024 * 1024; // ChartMuseum's default --max-upload-size
    static constexpr int MaxUploadSends = 5;

    QString apiPath(const QString &rest) const;  // "/api[/repo]" + rest
    QString repoPath(const QString &rest) const; // "[/repo]" + rest

private:
    struct Upload;
    void send(const std::shared_ptr<Upload> &upload);
    // After a lost answer (`stored` false) or a 409 that followed one (`stored` true): is the version there,
    // and is it ours? `failure` is the error to report when nothing else can be said.
    void checkStored(const std::shared_ptr<Upload> &upload, const ApiError &failure, bool stored);
    void fail(const std::shared_ptr<Upload> &upload, const ApiError &error);
    void readBack(const std::shared_ptr<Upload> &upload);

    HttpClient *m_http;
    QString m_repo;
    std::optional<bool> m_deletesAllowed;
};

} // namespace capstan
