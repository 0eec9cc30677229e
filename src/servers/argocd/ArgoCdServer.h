#pragma once

#include "http/FaultInjector.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <utility>

namespace capstan {

// Why: an Argo CD-compatible API server on 127.0.0.1 (routes, Application JSON, error bodies, the
// operation state machine and the watch stream of the Argo CD contract) with a simulated controller and
// fault injection, for integration tests and the sandbox.
class ArgoCdServer : public QObject
{
    Q_OBJECT
public:
    // The versions of chart `chart` in the Helm repository `repoUrl` (its index.yaml); empty when the chart
    // is not in the index. Used to check exact versions and to resolve constraints ("*", "^1.0").
    using ChartVersions = std::function<QStringList(const QString &repoUrl, const QString &chart)>;

    struct Options
    {
        QString username = QStringLiteral("admin");
        QString password;   // session login; empty disables login
        QStringList tokens; // extra accepted bearer tokens (must be JWT-shaped: three dot parts)
        QString controlNamespace = QStringLiteral("argocd");
        // Controller timing: Running lasts operationMs, health stays Progressing for progressMs after a
        // sync, reconcile follows finish after reconcileMs.
        int operationMs = 300;
        int progressMs = 300;
        int reconcileMs = 50;
        ChartVersions chartVersions; // unset: every exact version exists, constraints fail
        // Argo CD adds a random 0.5-1 s to every password check; here loginDelayMs to 2 * loginDelayMs.
        int loginDelayMs = 5;
        int sseKeepaliveMs = 15000; // ":\n" on text/event-stream watches
        QString version = QStringLiteral("v3.5.1+3f4b2a1");
    };

    struct AppSeed
    {
        QString name;
        QString project = QStringLiteral("default");
        QString repoUrl;
        QString chart;
        QString targetRevision;
        bool autoSync = false;
        QString destinationNamespace;
        int revisionHistoryLimit = 10;
        // History, oldest first: chart version and when it finished (ids from 0).
        QList<std::pair<QString, QDateTime>> history;
        QString initiatedBy = QStringLiteral("admin");
    };

    struct Fault
    {
        // DropAnswer: handled as usual (the change applied), then the connection closes without the answer.
        // StatusAfterApply: handled as usual, then answered with `status` (a gateway that gave up too early).
        enum class Kind {
            Status,
            Delay,
            CloseConnection,
            GarbageBody,
            DropStream,
            DropAnswer,
            StatusAfterApply
        };
        Kind kind = Kind::Status;
        QString pathPrefix; // e.g. "/api/v1/applications/torvalds/sync"; empty matches every path
        QByteArray method;  // empty matches every method
        int status = 500;
        QByteArray body; // Status: defaults to the gRPC error body for `status`; GarbageBody: the bytes sent
        int delayMs = 0; // Delay: before answering; DropStream: a watch sends its ADDED events, then closes
                         // after delayMs
        QList<std::pair<QByteArray, QByteArray>> headers; // Status: added to the answer (Retry-After, ...)
        int count = 1;                                    // -1: forever
    };

    explicit ArgoCdServer(Options options, QObject *parent = nullptr);
    ~ArgoCdServer() override;

    bool listen(quint16 port = 0, QString *error = nullptr);
    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:<port>

    void addApplication(const AppSeed &seed);
    // The application JSON exactly as GET would return it; empty if unknown.
    QJsonObject application(const QString &name) const;
    // Everything the server would lose when it stops: the applications (spec, metadata, history, health and
    // the operation in progress) and the resourceVersion counter. restoreState() replaces the applications;
    // an operation that was running starts again, as a restarted controller picks it up.
    QJsonObject saveState() const;
    bool restoreState(const QJsonObject &state, QString *error);
    // Test hooks that act like the cluster: change health ("Degraded" ...) and emit a MODIFIED event.
    void setHealth(const QString &name, const QString &health, const QString &message = {});
    // A session token valid for `username`; `expired` gives one whose exp lies in the past.
    QString issueToken(const QString &username, bool expired = false) const;

    void addFault(const Fault &fault);
    void clearFaults();

    // Random faults on top of addFault()'s (those are consumed first): see FaultInjector::Profile.
    void setFaultProfile(const FaultInjector::Profile &profile);
    const FaultInjector &faultInjector() const;
    int requestCount() const;
    int openStreams() const;
    // Closes every open watch stream (the stream dropping mid-operation).
    void dropStreams();

Q_SIGNALS:
    // Emitted when an application's health changes, with the time it changed (for the benchmark).
    void healthChanged(const QString &name, const QString &health);
    // Some application changed (saveState() would differ).
    void stateChanged();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan
