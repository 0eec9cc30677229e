#pragma once

#include "http/FaultInjector.h"

#include <QDir>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <utility>

namespace capstan {

// Why: a ChartMuseum-compatible server on 127.0.0.1 (routes, JSON shapes, status codes and error bodies of
// the ChartMuseum contract) with filesystem storage and fault injection, for integration tests and the
// sandbox.
class ChartMuseumServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString storageDirectory; // <root>; charts live in <root>/<repo>/
        int depth = 0;            // multitenant depth (--depth)
        QString contextPath;      // "/p" or empty (--context-path)
        QString basicUser;        // basic auth when user and password are both set
        QString basicPassword;
        QString bearerToken; // bearer auth (exact token match) when set; takes precedence
        QString bearerRealm; // --auth-realm for the Bearer challenge; default <url>/oauth/token
        QString bearerService = QStringLiteral("chartmuseum"); // --auth-service
        bool anonymousGet = false;                             // --auth-anonymous-get
        bool allowOverwrite = false;                           // --allow-overwrite
        bool disableForceOverwrite = false;
        bool disableDelete = false;
        bool disableApi = false;
        qint64 maxUploadSize = 20 * 1024 * 1024;
    };

    // One injected fault, matched against the request path (after the context path), consumed `count`
    // times (-1: forever).
    struct Fault
    {
        // DropAnswer: handled as usual (the change applied), then the connection closes without the answer.
        // StatusAfterApply: handled as usual, then answered with `status` (a gateway that gave up too early).
        enum class Kind {
            Status,
            Delay,
            TruncateBody,
            CloseConnection,
            GarbageBody,
            DropAnswer,
            StatusAfterApply
        };
        Kind kind = Kind::Status;
        QString pathPrefix; // e.g. "/api/charts"; empty matches every path
        QByteArray method;  // e.g. "POST"; empty matches every method
        int status = 500;   // for Status and StatusAfterApply
        QByteArray
            body; // for Status, StatusAfterApply and GarbageBody; defaults to {"error":"..."} for Status
        int delayMs = 0; // for Delay: wait this long, then answer normally
        QList<std::pair<QByteArray, QByteArray>>
            headers; // for Status: added to the answer (Retry-After, ...)
        int count = 1;
    };

    explicit ChartMuseumServer(Options options, QObject *parent = nullptr);
    ~ChartMuseumServer() override;

    // Listens on 127.0.0.1 (port 0: ephemeral). Returns false and sets *error on failure.
    bool listen(quint16 port = 0, QString *error = nullptr);
    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:<port><contextPath>

    void addFault(const Fault &fault);
    void clearFaults();

    // Random faults on top of addFault()'s (those are consumed first): see FaultInjector::Profile.
    void setFaultProfile(const FaultInjector::Profile &profile);
    const FaultInjector &faultInjector() const;
    int requestCount() const; // requests served, for tests of retry behaviour
    QByteArray lastAuthorization() const;

    // Re-reads storage (as ChartMuseum does at start or on its cache interval).
    void rescan();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan
