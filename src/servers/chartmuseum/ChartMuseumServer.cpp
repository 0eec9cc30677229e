#include "ChartMuseumServer.h"

#include "ChartMuseumApi.h"
#include "http/GoJsonWriter.h"
#include "http/HttpConnection.h"
#include "http/HttpListener.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

class ChartMuseumServer::Private
{
public:
    Private(ChartMuseumServer *q, Options options)
        : q(q)
        , options(std::move(options))
        , api(this->options)
    {}

    void handle(HttpConnection *connection, const ServerRequest &request);
    void answer(HttpConnection *connection, const ServerRequest &request, FaultInjector::Action action);
    std::optional<Fault> takeFault(const ServerRequest &request);
    ServerResponse withRequestId(const ServerRequest &request, ServerResponse response) const;

    ChartMuseumServer *q;
    Options options;
    ChartMuseumApi api;
    HttpListener *server = nullptr;
    QList<Fault> faults;
    FaultInjector injector;
    int requestCount = 0;
    QByteArray lastAuthorization;
};

ServerResponse ChartMuseumServer::Private::withRequestId(const ServerRequest &request,
                                                         ServerResponse response) const
{
    QByteArray id = request.header("X-Request-Id");
    if (id.isEmpty())
        id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    response.setHeader("X-Request-Id", id);
    return response;
}

std::optional<ChartMuseumServer::Fault> ChartMuseumServer::Private::takeFault(const ServerRequest &request)
{
    QString path = request.path();
    if (!options.contextPath.isEmpty() && path.startsWith(options.contextPath))
        path = path.mid(options.contextPath.size());
    for (qsizetype i = 0; i < faults.size(); ++i) {
        Fault &fault = faults[i];
        if (!fault.pathPrefix.isEmpty() && !path.startsWith(fault.pathPrefix))
            continue;
        if (!fault.method.isEmpty() && fault.method != request.method)
            continue;
        const Fault taken = fault;
        if (fault.count > 0 && --fault.count == 0)
            faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

void ChartMuseumServer::Private::handle(HttpConnection *connection, const ServerRequest &request)
{
    ++requestCount;
    lastAuthorization = request.header("Authorization");
    const std::optional<Fault> fault = takeFault(request);
    if (!fault) {
        injector.dispatch(connection, false,
                          [this, request](HttpConnection *live, FaultInjector::Action action) {
                              answer(live, request, action);
                          });
        return;
    }
    switch (fault->kind) {
    case Fault::Kind::Status: {
        ServerResponse response = ServerResponse::json(fault->status, fault->body);
        if (fault->body.isEmpty())
            response.body =
                GoJsonWriter::error(QString::fromLatin1(ServerResponse::reasonPhrase(fault->status)));
        for (const auto &[name, value] : fault->headers)
            response.setHeader(name, value);
        connection->respond(request, withRequestId(request, response));
        return;
    }
    case Fault::Kind::Delay: {
        QPointer<HttpConnection> guard(connection);
        QTimer::singleShot(fault->delayMs, connection, [this, guard, request] {
            if (guard)
                guard->respond(request, withRequestId(request, api.handle(request)));
        });
        return;
    }
    case Fault::Kind::TruncateBody:
        connection->respondTruncated(request, withRequestId(request, api.handle(request)));
        return;
    case Fault::Kind::CloseConnection:
        connection->closeWithoutAnswer();
        return;
    case Fault::Kind::GarbageBody:
        connection->respond(request, withRequestId(request, ServerResponse::json(200, fault->body)));
        return;
    case Fault::Kind::DropAnswer:
        answer(connection, request, FaultInjector::Action::Drop);
        return;
    case Fault::Kind::StatusAfterApply: {
        ServerResponse response = ServerResponse::json(
            fault->status,
            fault->body.isEmpty()
                ? GoJsonWriter::error(QString::fromLatin1(ServerResponse::reasonPhrase(fault->status)))
                : fault->body);
        connection->replaceAnswer(withRequestId(request, response));
        answer(connection, request, FaultInjector::Action::Pass);
        return;
    }
    }
}

void ChartMuseumServer::Private::answer(HttpConnection *connection, const ServerRequest &request,
                                        FaultInjector::Action action)
{
    switch (action) {
    case FaultInjector::Action::Fail:
        // What ChartMuseum answers when its storage or auth backend fails (contract §1.2).
        connection->respond(request,
                            withRequestId(request, ServerResponse::error(500, u"internal server error"_s)));
        return;
    case FaultInjector::Action::Drop:
        connection->dropAnswer();
        break;
    case FaultInjector::Action::Pass:
        break;
    }
    connection->respond(request, withRequestId(request, api.handle(request)));
}

ChartMuseumServer::ChartMuseumServer(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(options)))
{}

ChartMuseumServer::~ChartMuseumServer()
{
    // Connections call into d: close them before d goes.
    delete d->server;
    d->server = nullptr;
}

bool ChartMuseumServer::listen(quint16 port, QString *error)
{
    if (d->server) {
        if (error)
            *error = tr("The ChartMuseum server is already listening on port %1.").arg(this->port());
        return false;
    }
    auto listener = std::make_unique<HttpListener>(
        d->options.maxUploadSize,
        [this](HttpConnection *connection, const ServerRequest &request) { d->handle(connection, request); },
        this);
    if (!listener->listen(port, error))
        return false;
    d->server = listener.release();
    d->api.setServerUrl(u"http://127.0.0.1:%1"_s.arg(d->server->port()));
    return true;
}

quint16 ChartMuseumServer::port() const
{
    return d->server ? d->server->port() : 0;
}

QUrl ChartMuseumServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(port()).arg(d->options.contextPath));
}

void ChartMuseumServer::addFault(const Fault &fault)
{
    if (fault.count == 0)
        return;
    d->faults.append(fault);
}

void ChartMuseumServer::clearFaults()
{
    d->faults.clear();
}

void ChartMuseumServer::setFaultProfile(const FaultInjector::Profile &profile)
{
    d->injector.setProfile(profile);
}

const FaultInjector &ChartMuseumServer::faultInjector() const
{
    return d->injector;
}

int ChartMuseumServer::requestCount() const
{
    return d->requestCount;
}

QByteArray ChartMuseumServer::lastAuthorization() const
{
    return d->lastAuthorization;
}

void ChartMuseumServer::rescan()
{
    d->api.store().invalidate();
}

} // namespace capstan
