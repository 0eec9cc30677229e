#include "ArgoCdServer.h"

#include "JsonPatch.h"
#include "chart/SemVer.h"
#include "chart/SemVerConstraint.h"
#include "http/GoJsonWriter.h"
#include "http/GoValue.h"
#include "http/HttpCompression.h"
#include "http/HttpConnection.h"
#include "http/HttpListener.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <map>
#include <optional>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

const QString refreshAnnotation = u"argocd.argoproj.io/refresh"_s;

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s);
}

bool isEmptyJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return true;
    case QJsonValue::Bool:
        return !value.toBool();
    case QJsonValue::Double:
        return value.toDouble() == 0;
    case QJsonValue::String:
        return value.toString().isEmpty();
    case QJsonValue::Array:
        return value.toArray().isEmpty();
    case QJsonValue::Object:
        return false; // pointers to structs: present means shown, even as {}
    }
    return true;
}

GoValue toGo(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return GoValue(value.toBool());
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)))
            return GoValue::number(qint64(number));
        return GoValue::number(number);
    }
    case QJsonValue::String:
        return GoValue(value.toString());
    case QJsonValue::Array: {
        GoValue array = GoValue::array();
        const QJsonArray items = value.toArray();
        for (const QJsonValue &item : items)
            array.append(toGo(item));
        return array;
    }
    case QJsonValue::Object: {
        std::vector<GoValue::Member> members;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isNull())
                members.emplace_back(it.key(), toGo(it.value()));
        }
        return GoValue::map(std::move(members));
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

// A Go struct: `order` first (omitempty), then any other keys sorted.
GoValue ordered(const QJsonObject &object, const QStringList &order, const QStringList &always = {})
{
    GoValue result = GoValue::object();
    for (const QString &key : order) {
        const QJsonValue value = object.value(key);
        if (always.contains(key))
            result.insert(key, value.isUndefined() || value.isNull() ? GoValue(QString()) : toGo(value));
        else if (!isEmptyJson(value))
            result.insert(key, toGo(value));
    }
    std::vector<GoValue::Member> rest;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!order.contains(it.key()) && !isEmptyJson(it.value()))
            rest.emplace_back(it.key(), toGo(it.value()));
    }
    const GoValue sorted = GoValue::map(std::move(rest));
    for (const auto &member : sorted.members())
        result.insert(member.first, member.second);
    return result;
}

GoValue sourceValue(const QJsonObject &source)
{
    return ordered(source,
                   {u"repoURL"_s, u"path"_s, u"targetRevision"_s, u"helm"_s, u"kustomize"_s, u"directory"_s,
                    u"plugin"_s, u"chart"_s, u"ref"_s, u"name"_s},
                   {u"repoURL"_s});
}

GoValue destinationValue(const QJsonObject &destination)
{
    return ordered(destination, {u"server"_s, u"namespace"_s, u"name"_s});
}

GoValue retryValue(const QJsonObject &retry)
{
    GoValue result = GoValue::object();
    if (!isEmptyJson(retry.value(u"limit"_s)))
        result.insert(u"limit"_s, toGo(retry.value(u"limit"_s)));
    if (retry.value(u"backoff"_s).isObject())
        result.insert(u"backoff"_s, ordered(retry.value(u"backoff"_s).toObject(),
                                            {u"duration"_s, u"factor"_s, u"maxDuration"_s}));
    if (!isEmptyJson(retry.value(u"refresh"_s)))
        result.insert(u"refresh"_s, toGo(retry.value(u"refresh"_s)));
    return result;
}

GoValue syncPolicyValue(const QJsonObject &policy)
{
    GoValue result = GoValue::object();
    if (policy.value(u"automated"_s).isObject()) {
        const QJsonObject automated = policy.value(u"automated"_s).toObject();
        QJsonObject flags = automated;
        flags.remove(u"enabled"_s);
        GoValue value = ordered(flags, {u"prune"_s, u"selfHeal"_s, u"allowEmpty"_s});
        if (automated.value(u"enabled"_s).isBool()) // *bool: false is shown
            value.insert(u"enabled"_s, GoValue(automated.value(u"enabled"_s).toBool()));
        result.insert(u"automated"_s, value);
    }
    if (!isEmptyJson(policy.value(u"syncOptions"_s)))
        result.insert(u"syncOptions"_s, toGo(policy.value(u"syncOptions"_s)));
    if (policy.value(u"retry"_s).isObject())
        result.insert(u"retry"_s, retryValue(policy.value(u"retry"_s).toObject()));
    if (policy.value(u"managedNamespaceMetadata"_s).isObject())
        result.insert(u"managedNamespaceMetadata"_s, toGo(policy.value(u"managedNamespaceMetadata"_s)));
    return result;
}

GoValue specValue(const QJsonObject &spec)
{
    GoValue result = GoValue::object();
    if (spec.value(u"source"_s).isObject())
        result.insert(u"source"_s, sourceValue(spec.value(u"source"_s).toObject()));
    result.insert(u"destination"_s, destinationValue(spec.value(u"destination"_s).toObject()));
    result.insert(u"project"_s, GoValue(spec.value(u"project"_s).toString()));
    if (spec.value(u"syncPolicy"_s).isObject())
        result.insert(u"syncPolicy"_s, syncPolicyValue(spec.value(u"syncPolicy"_s).toObject()));
    for (const QString &key : {u"ignoreDifferences"_s, u"info"_s, u"revisionHistoryLimit"_s, u"sources"_s}) {
        if (!isEmptyJson(spec.value(key)))
            result.insert(key, toGo(spec.value(key)));
    }
    if (spec.value(u"sourceHydrator"_s).isObject())
        result.insert(u"sourceHydrator"_s, toGo(spec.value(u"sourceHydrator"_s)));
    return result;
}

GoValue stringMap(const QMap<QString, QString> &map)
{
    std::vector<GoValue::Member> members;
    for (auto it = map.begin(); it != map.end(); ++it)
        members.emplace_back(it.key(), GoValue(it.value()));
    return GoValue::map(std::move(members));
}

int httpStatusFor(int grpcCode)
{
    switch (grpcCode) {
    case 0:
        return 200;
    case 1:
        return 499;
    case 3:
    case 9:
    case 11:
        return 400;
    case 4:
        return 504;
    case 5:
        return 404;
    case 6:
    case 10:
        return 409;
    case 7:
        return 403;
    case 8:
        return 429;
    case 12:
        return 501;
    case 14:
        return 503;
    case 16:
        return 401;
    default:
        return 500;
    }
}

int grpcCodeFor(int httpStatus)
{
    switch (httpStatus) {
    case 400:
        return 3;
    case 401:
        return 16;
    case 403:
        return 7;
    case 404:
        return 5;
    case 409:
        return 10;
    case 429:
        return 8;
    case 501:
        return 12;
    case 503:
        return 14;
    case 504:
        return 4;
    default:
        return 2;
    }
}

ServerResponse grpcError(int code, const QString &message)
{
    GoValue body = GoValue::object();
    body.insert(u"error"_s, GoValue(message));
    body.insert(u"code"_s, GoValue::number(qint64(code)));
    body.insert(u"message"_s, GoValue(message));
    ServerResponse response;
    response.status = httpStatusFor(code);
    response.setHeader("Content-Type", "application/json");
    response.body = GoJsonWriter::write(body);
    return response;
}

ServerResponse gatewayOk(const QByteArray &body)
{
    ServerResponse response;
    response.setHeader("Content-Type", "application/json");
    response.setHeader("Grpc-Metadata-Content-Type", "application/grpc");
    response.body = body;
    return response;
}

// Go's http.Error.
ServerResponse plainError(int status, const QByteArray &text)
{
    ServerResponse response;
    response.status = status;
    response.setHeader("Content-Type", "text/plain; charset=utf-8");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.body = text + '\n';
    return response;
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// One top-level field of a gRPC request message as encoding/json decodes it.
struct Field
{
    QString name;
    enum class Kind { String, Bool, Int64, Object, Array } kind;
    QString goType;
};

QString jsonKindName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return u"bool"_s;
    case QJsonValue::Double:
        return u"number"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    default:
        return u"null"_s;
    }
}

// grpc-gateway's body decoding: empty is fine, unknown fields are ignored, a type mismatch is 400/3.
std::optional<ServerResponse> decodeBody(const QByteArray &body, const QString &message,
                                         const QList<Field> &fields, QJsonObject *out)
{
    *out = {};
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const char first = trimmed.at(0);
        if (!QByteArrayView("{[\"-0123456789tfn").contains(first))
            return grpcError(
                3, u"invalid character '%1' looking for beginning of value"_s.arg(QChar::fromLatin1(first)));
        return grpcError(3, u"unexpected EOF"_s);
    }
    if (!document.isObject()) {
        const QString kind = document.isArray() ? u"array"_s : u"value"_s;
        return grpcError(
            3, u"json: cannot unmarshal %1 into Go value of type application.%2"_s.arg(kind, message));
    }
    const QJsonObject object = document.object();
    for (const Field &field : fields) {
        const QJsonValue value = object.value(field.name);
        if (value.isUndefined() || value.isNull())
            continue;
        bool ok = true;
        QString got = jsonKindName(value);
        switch (field.kind) {
        case Field::Kind::String:
            ok = value.isString();
            break;
        case Field::Kind::Bool:
            ok = value.isBool();
            break;
        case Field::Kind::Int64:
            ok = value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
            if (value.isDouble() && !ok)
                got = u"number %1"_s.arg(value.toDouble());
            break;
        case Field::Kind::Object:
            ok = value.isObject();
            break;
        case Field::Kind::Array:
            ok = value.isArray();
            break;
        }
        if (!ok)
            return grpcError(3, u"json: cannot unmarshal %1 into Go struct field %2.%3 of type %4"_s.arg(
                                    got, message, field.name, field.goType));
    }
    *out = object;
    return std::nullopt;
}

QString helmPullError(const QString &repo, const QString &chart, const QString &version)
{
    return u"error fetching chart: failed to fetch chart: failed running helm: `helm pull --destination "
           u"/tmp/%1 "
           u"--version %2 --repo %3 %4` failed exit status 1: Error: chart \"%4\" version \"%2\" not found "
           u"in %3 "
           u"repository"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces), version, repo, chart);
}

bool autoSyncEnabled(const QJsonObject &spec)
{
    const QJsonValue automated = spec.value(u"syncPolicy"_s).toObject().value(u"automated"_s);
    if (!automated.isObject())
        return false;
    const QJsonValue enabled = automated.toObject().value(u"enabled"_s);
    return !enabled.isBool() || enabled.toBool();
}

} // namespace

class ArgoCdServer::Private
{
public:
    struct Operation
    {
        QJsonObject sync; // revision, prune, dryRun, syncStrategy, resources, source, syncOptions
        QString username;
        bool automated = false;
        QJsonArray info;
        QJsonObject retry;
    };

    struct OperationState
    {
        Operation operation;
        QString phase;
        QString message;
        bool hasResult = false;
        QString resultRevision;
        QJsonObject resultSource;
        bool resultResources = false;
        QDateTime startedAt;
        QDateTime finishedAt;
        bool completed() const { return phase == u"Succeeded" || phase == u"Failed" || phase == u"Error"; }
    };

    struct History
    {
        qint64 id = 0;
        QString revision;
        QDateTime deployedAt;
        QDateTime deployStartedAt;
        QJsonObject source;
        QString username;
        bool automated = false;
    };

    struct Condition
    {
        QString type;
        QString message;
        QDateTime at;
    };

    struct App
    {
        QString name;
        QString uid;
        qint64 resourceVersion = 0;
        qint64 generation = 1;
        QDateTime created;
        QJsonObject spec;
        QMap<QString, QString> labels;
        QMap<QString, QString> annotations;
        QStringList finalizers;
        QString syncStatus;
        QString syncRevision;
        bool compared = false;
        QJsonObject comparedSource;
        QJsonObject comparedDestination;
        QString health;
        QString healthMessage;
        QDateTime healthAt;
        QList<History> history;
        QList<Condition> conditions;
        QDateTime reconciledAt;
        std::optional<Operation> operation;
        std::optional<OperationState> operationState;
        QString deployed;
        QString failedAutoRevision;
        bool progressPending = false;
        int healthGeneration = 0;
        int operationGeneration = 0;
        QList<std::function<void()>> refreshWaiters;

        QString project() const { return spec.value(u"project"_s).toString(); }
        QJsonObject source() const { return spec.value(u"source"_s).toObject(); }
    };

    struct Stream
    {
        QPointer<HttpConnection> connection;
        QString name;
        QStringList projects;
        bool sse = false;
        HttpCompression compression;
        ServerResponse head;
        QHash<QString, QByteArray> last;
    };

    struct Resolution
    {
        QString version;
        QString error;
    };

    Private(ArgoCdServer *q, Options options)
        : q(q)
        , options(std::move(options))
        , secret(QUuid::createUuid().toRfc4122() + QUuid::createUuid().toRfc4122())
    {}

    void handle(HttpConnection *connection, const ServerRequest &request);
    void answer(HttpConnection *connection, const ServerRequest &request, FaultInjector::Action action);
    void process(HttpConnection *connection, const ServerRequest &request, int dropStreamAfterMs);
    void send(HttpConnection *connection, const ServerRequest &request, ServerResponse response) const;
    std::optional<Fault> takeFault(const ServerRequest &request);

    std::optional<QString> authenticate(const ServerRequest &request, QString *user) const;
    QString validateToken(const QByteArray &token, QString *user) const;
    void login(HttpConnection *connection, const ServerRequest &request);

    ServerResponse list(const ServerRequest &request) const;
    void get(HttpConnection *connection, const ServerRequest &request, const QString &name);
    ServerResponse sync(const QString &name, const QJsonObject &body, const QString &user);
    ServerResponse rollback(const QString &name, const QJsonObject &body, const QString &user);
    ServerResponse terminate(const QString &name, const ServerRequest &request);
    ServerResponse patch(const QString &name, const QJsonObject &body);
    // PUT (contract N7): last writer wins, the body's resourceVersion is ignored; validate=false skips only
    // the manifest-generation check.
    ServerResponse update(const QString &name, const QJsonObject &body, const QString &project,
                          bool validate);
    // Validates and stores spec, labels, annotations and finalizers of `patched` (PATCH and PUT share it).
    ServerResponse store(App *app, const QString &name, const QJsonObject &patched, bool validate);
    ServerResponse resourceTree(const ServerRequest &request, const QString &name) const;
    void watch(HttpConnection *connection, const ServerRequest &request, int dropStreamAfterMs);

    // Looks an app up the way getAppEnforceRBAC does: 403 without a project, 404 with one.
    App *lookup(const QString &name, const QString &project, ServerResponse *error);
    QList<QString> queryValues(const ServerRequest &request, const QString &key) const;

    GoValue appValue(const App &app) const;
    QByteArray appJson(const App &app) const { return GoJsonWriter::write(appValue(app)); }
    GoValue operationValue(const Operation &operation) const;
    GoValue resourceValue(const App &app) const;

    Resolution resolve(const QJsonObject &source, const QString &revision) const;
    bool versionExists(const QJsonObject &source, const QString &version) const;

    void changed(App &app, const QByteArray &type = "MODIFIED");
    void startOperation(App &app, Operation operation);
    void pickUp(const QString &name);
    void finishOperation(const QString &name, int generation);
    void scheduleReconcile(const QString &name);
    void reconcile(const QString &name);
    void setHealth(App &app, const QString &health, const QString &message);
    void streamMessage(Stream &stream, const QString &appName, const QByteArray &json);
    void removeStream(Stream *stream);
    bool streamMatches(const Stream &stream, const App &app) const;

    ArgoCdServer *q;
    Options options;
    QByteArray secret;
    HttpListener *server = nullptr;
    std::map<QString, App> apps;
    std::vector<std::unique_ptr<Stream>> streams;
    QList<Fault> faults;
    FaultInjector injector;
    int requestCount = 0;
    qint64 resourceVersion = 1000;
    int loginFailures = 0;
    QDateTime lastLoginFailure;
};

// ---------------------------------------------------------------------------------------------------------
// Transport

std::optional<ArgoCdServer::Fault> ArgoCdServer::Private::takeFault(const ServerRequest &request)
{
    const QString path = request.path();
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

void ArgoCdServer::Private::handle(HttpConnection *connection, const ServerRequest &request)
{
    ++requestCount;
    const std::optional<Fault> fault = takeFault(request);
    if (!fault) {
        // A watch stream has no single answer to fail or drop; it only gets the latency.
        const bool stream = request.path().startsWith(u"/api/v1/stream/"_s);
        injector.dispatch(connection, stream,
                          [this, request](HttpConnection *live, FaultInjector::Action action) {
                              answer(live, request, action);
                          });
        return;
    }
    switch (fault->kind) {
    case Fault::Kind::Status: {
        ServerResponse response = grpcError(grpcCodeFor(fault->status),
                                            QString::fromLatin1(ServerResponse::reasonPhrase(fault->status)));
        response.status = fault->status;
        if (!fault->body.isEmpty())
            response.body = fault->body;
        for (const auto &[name, value] : fault->headers)
            response.setHeader(name, value);
        send(connection, request, response);
        return;
    }
    case Fault::Kind::Delay: {
        QPointer<HttpConnection> guard(connection);
        QTimer::singleShot(fault->delayMs, q, [this, guard, request] {
            if (guard)
                process(guard, request, -1);
        });
        return;
    }
    case Fault::Kind::CloseConnection:
        connection->closeWithoutAnswer();
        return;
    case Fault::Kind::GarbageBody: {
        ServerResponse response =
            gatewayOk(fault->body.isEmpty() ? QByteArray("{\"metadata\":") : fault->body);
        send(connection, request, response);
        return;
    }
    case Fault::Kind::DropStream:
        process(connection, request, qMax(0, fault->delayMs));
        return;
    case Fault::Kind::DropAnswer:
        answer(connection, request, FaultInjector::Action::Drop);
        return;
    case Fault::Kind::StatusAfterApply: {
        ServerResponse response = grpcError(grpcCodeFor(fault->status),
                                            QString::fromLatin1(ServerResponse::reasonPhrase(fault->status)));
        response.status = fault->status;
        if (!fault->body.isEmpty())
            response.body = fault->body;
        connection->replaceAnswer(response);
        process(connection, request, -1);
        return;
    }
    }
}

void ArgoCdServer::Private::answer(HttpConnection *connection, const ServerRequest &request,
                                   FaultInjector::Action action)
{
    switch (action) {
    case FaultInjector::Action::Fail: {
        // A plain Go error reaches the client as code 2 (Unknown), HTTP 500 (contract §0).
        ServerResponse response =
            grpcError(grpcCodeFor(500), QString::fromLatin1(ServerResponse::reasonPhrase(500)));
        send(connection, request, response);
        return;
    }
    case FaultInjector::Action::Drop:
        connection->dropAnswer();
        break;
    case FaultInjector::Action::Pass:
        break;
    }
    process(connection, request, -1);
}

void ArgoCdServer::Private::send(HttpConnection *connection, const ServerRequest &request,
                                 ServerResponse response) const
{
    // gorilla/handlers wraps /api/ (after the content-type check) and compresses whatever it is given.
    // Accept: text/event-stream bypasses the compressor entirely.
    if (request.path().startsWith(u"/api/"_s) && response.status != 415 &&
        !request.header("Accept").contains("text/event-stream")) {
        response.headers.append(std::pair<QByteArray, QByteArray>("Vary", "Accept-Encoding"));
        const HttpCompression::Encoding encoding =
            HttpCompression::negotiate(request.header("Accept-Encoding"));
        if (encoding != HttpCompression::Encoding::Identity) {
            response.setHeader("Content-Encoding", HttpCompression::name(encoding));
            response.body = HttpCompression::compress(response.body, encoding);
        }
    }
    connection->respond(request, response);
}

QList<QString> ArgoCdServer::Private::queryValues(const ServerRequest &request, const QString &key) const
{
    const QUrlQuery query(QString::fromUtf8(request.rawQuery()));
    QList<QString> values;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (name == key)
            values.append(value);
    }
    return values;
}

void ArgoCdServer::Private::process(HttpConnection *connection, const ServerRequest &request,
                                    int dropStreamAfterMs)
{
    if (request.method != "GET" && request.header("Content-Type").toLower() != "application/json") {
        connection->respond(request, plainError(415, "Invalid content type"));
        return;
    }

    enum class Route {
        None,
        Session,
        UserInfo,
        Version,
        List,
        App,
        Sync,
        Rollback,
        Operation,
        ResourceTree,
        Stream
    };
    const QString path = request.path();
    const QStringList parts = path.split(u'/');
    Route route = Route::None;
    QString name;
    QList<QByteArray> methods;
    if (path == u"/api/v1/session") {
        route = Route::Session;
        methods = {"POST", "DELETE"};
    } else if (path == u"/api/v1/session/userinfo") {
        route = Route::UserInfo;
        methods = {"GET"};
    } else if (path == u"/api/version") {
        route = Route::Version;
        methods = {"GET"};
    } else if (path == u"/api/v1/applications") {
        route = Route::List;
        methods = {"GET"};
    } else if (path == u"/api/v1/stream/applications") {
        route = Route::Stream;
        methods = {"GET"};
    } else if (parts.size() >= 5 && parts.at(0).isEmpty() && parts.at(1) == u"api" && parts.at(2) == u"v1" &&
               parts.at(3) == u"applications" && !parts.at(4).isEmpty()) {
        name = parts.at(4);
        if (parts.size() == 5) {
            route = Route::App;
            methods = {"GET", "PATCH", "PUT"};
        } else if (parts.size() == 6 && parts.at(5) == u"sync") {
            route = Route::Sync;
            methods = {"POST"};
        } else if (parts.size() == 6 && parts.at(5) == u"rollback") {
            route = Route::Rollback;
            methods = {"POST"};
        } else if (parts.size() == 6 && parts.at(5) == u"operation") {
            route = Route::Operation;
            methods = {"DELETE"};
        } else if (parts.size() == 6 && parts.at(5) == u"resource-tree") {
            route = Route::ResourceTree;
            methods = {"GET"};
        }
    }
    if (route == Route::None) {
        send(connection, request, plainError(404, "Not Found"));
        return;
    }
    if (!methods.contains(request.method)) {
        send(connection, request, plainError(405, "Method Not Allowed"));
        return;
    }

    QJsonObject body;
    std::optional<ServerResponse> bodyError;
    if (route == Route::Sync) {
        bodyError =
            decodeBody(request.body, u"ApplicationSyncRequest"_s,
                       {{u"name"_s, Field::Kind::String, u"string"_s},
                        {u"revision"_s, Field::Kind::String, u"string"_s},
                        {u"dryRun"_s, Field::Kind::Bool, u"bool"_s},
                        {u"prune"_s, Field::Kind::Bool, u"bool"_s},
                        {u"strategy"_s, Field::Kind::Object, u"v1alpha1.SyncStrategy"_s},
                        {u"resources"_s, Field::Kind::Array, u"[]*application.SyncOperationResource"_s},
                        {u"manifests"_s, Field::Kind::Array, u"[]string"_s},
                        {u"infos"_s, Field::Kind::Array, u"[]*v1alpha1.Info"_s},
                        {u"retryStrategy"_s, Field::Kind::Object, u"v1alpha1.RetryStrategy"_s},
                        {u"syncOptions"_s, Field::Kind::Object, u"application.SyncOptions"_s},
                        {u"appNamespace"_s, Field::Kind::String, u"string"_s},
                        {u"project"_s, Field::Kind::String, u"string"_s},
                        {u"sourcePositions"_s, Field::Kind::Array, u"[]int64"_s},
                        {u"revisions"_s, Field::Kind::Array, u"[]string"_s}},
                       &body);
    } else if (route == Route::Rollback) {
        bodyError = decodeBody(request.body, u"ApplicationRollbackRequest"_s,
                               {{u"name"_s, Field::Kind::String, u"string"_s},
                                {u"id"_s, Field::Kind::Int64, u"int64"_s},
                                {u"dryRun"_s, Field::Kind::Bool, u"bool"_s},
                                {u"prune"_s, Field::Kind::Bool, u"bool"_s},
                                {u"appNamespace"_s, Field::Kind::String, u"string"_s},
                                {u"project"_s, Field::Kind::String, u"string"_s},
                                {u"sourcePosition"_s, Field::Kind::Int64, u"int64"_s}},
                               &body);
        if (!bodyError && (!body.contains(u"id"_s) || body.value(u"id"_s).isNull()))
            bodyError =
                grpcError(13, u"grpc: error unmarshalling request: proto: required field \"id\" not set"_s);
    } else if (route == Route::App && request.method == "PATCH") {
        bodyError = decodeBody(request.body, u"ApplicationPatchRequest"_s,
                               {{u"name"_s, Field::Kind::String, u"string"_s},
                                {u"patch"_s, Field::Kind::String, u"string"_s},
                                {u"patchType"_s, Field::Kind::String, u"string"_s},
                                {u"appNamespace"_s, Field::Kind::String, u"string"_s},
                                {u"project"_s, Field::Kind::String, u"string"_s}},
                               &body);
    } else if (route == Route::App && request.method == "PUT") {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            bodyError = grpcError(3, u"json: cannot unmarshal into Go value of type v1alpha1.Application"_s);
        else
            body = document.object();
    } else if (route == Route::Session && request.method == "POST") {
        bodyError = decodeBody(request.body, u"SessionCreateRequest"_s,
                               {{u"username"_s, Field::Kind::String, u"string"_s},
                                {u"password"_s, Field::Kind::String, u"string"_s},
                                {u"token"_s, Field::Kind::String, u"string"_s}},
                               &body);
    }
    if (bodyError) {
        send(connection, request, *bodyError);
        return;
    }

    if (route == Route::Session) {
        if (request.method == "POST") {
            login(connection, request);
        } else {
            ServerResponse response = gatewayOk("{}");
            response.setHeader("Set-Cookie", "argocd.token=; path=/; SameSite=lax; httpOnly");
            send(connection, request, response);
        }
        return;
    }

    QString user;
    const std::optional<QString> authError = authenticate(request, &user);
    if (route == Route::UserInfo) {
        GoValue info = GoValue::object();
        if (!authError) {
            info.insert(u"loggedIn"_s, GoValue(true));
            info.insert(u"username"_s, GoValue(user));
            info.insert(u"iss"_s, GoValue(u"argocd"_s));
        }
        send(connection, request, gatewayOk(GoJsonWriter::write(info)));
        return;
    }
    if (route == Route::Version) {
        GoValue version = GoValue::object();
        version.insert(u"Version"_s, GoValue(options.version));
        if (!authError) {
            version.insert(u"BuildDate"_s, GoValue(u"2026-08-22T10:00:00Z"_s));
            version.insert(u"GitCommit"_s, GoValue(u"3f4b2a1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a"_s));
            version.insert(u"GitTreeState"_s, GoValue(u"clean"_s));
            version.insert(u"GoVersion"_s, GoValue(u"go1.24.6"_s));
            version.insert(u"Compiler"_s, GoValue(u"gc"_s));
            version.insert(u"Platform"_s, GoValue(u"linux/amd64"_s));
        }
        send(connection, request, gatewayOk(GoJsonWriter::write(version)));
        return;
    }
    if (route == Route::Stream) {
        if (authError) {
            const bool sse = request.header("Accept").contains("text/event-stream");
            GoValue inner = GoValue::object();
            inner.insert(u"grpc_code"_s, GoValue::number(qint64(16)));
            inner.insert(u"http_code"_s, GoValue::number(qint64(401)));
            inner.insert(u"message"_s, GoValue(*authError));
            inner.insert(u"http_status"_s, GoValue(u"Unauthorized"_s));
            GoValue outer = GoValue::object();
            outer.insert(u"error"_s, inner);
            QByteArray json = GoJsonWriter::write(outer);
            if (sse)
                json = "data: " + json + " \n\n";
            json += '\n';
            ServerResponse head;
            head.status = 401;
            head.setHeader("Content-Type", sse ? "text/event-stream" : "application/json");
            HttpCompression compression(sse ? HttpCompression::Encoding::Identity
                                            : HttpCompression::negotiate(request.header("Accept-Encoding")));
            if (!sse) {
                head.headers.append(std::pair<QByteArray, QByteArray>("Vary", "Accept-Encoding"));
                if (const QByteArray encoding =
                        HttpCompression::name(HttpCompression::negotiate(request.header("Accept-Encoding")));
                    !encoding.isEmpty())
                    head.setHeader("Content-Encoding", encoding);
            }
            connection->beginStream(request);
            connection->writeChunk(head, compression.next(json) + compression.finish());
            connection->endStream(head);
            return;
        }
        watch(connection, request, dropStreamAfterMs);
        return;
    }
    if (authError) {
        send(connection, request, grpcError(16, *authError));
        return;
    }

    switch (route) {
    case Route::List:
        send(connection, request, list(request));
        return;
    case Route::App:
        if (request.method == "GET")
            get(connection, request, name);
        else if (request.method == "PUT")
            send(connection, request,
                 update(name, body, request.queryValue(u"project"_s).value_or(QString()),
                        request.queryValue(u"validate"_s).value_or(u"true"_s) != u"false"));
        else
            send(connection, request, patch(name, body));
        return;
    case Route::Sync:
        send(connection, request, sync(name, body, user));
        return;
    case Route::Rollback:
        send(connection, request, rollback(name, body, user));
        return;
    case Route::Operation:
        send(connection, request, terminate(name, request));
        return;
    case Route::ResourceTree:
        send(connection, request, resourceTree(request, name));
        return;
    default:
        break;
    }
    send(connection, request, plainError(404, "Not Found"));
}

// ---------------------------------------------------------------------------------------------------------
// Authentication

QString ArgoCdServer::Private::validateToken(const QByteArray &token, QString *user) const
{
    const QList<QByteArray> parts = token.split('.');
    QJsonParseError error;
    const QJsonDocument header = QJsonDocument::fromJson(
        QByteArray::fromBase64(parts.value(0), QByteArray::Base64UrlEncoding), &error);
    if (error.error != QJsonParseError::NoError || !header.isObject())
        return u"invalid session: token is malformed: could not JSON decode header"_s;
    const QJsonDocument claims = QJsonDocument::fromJson(
        QByteArray::fromBase64(parts.value(1), QByteArray::Base64UrlEncoding), &error);
    if (error.error != QJsonParseError::NoError || !claims.isObject())
        return u"invalid session: token is malformed: could not JSON decode claim"_s;
    const QByteArray expected = base64Url(QMessageAuthenticationCode::hash(
        parts.value(0) + '.' + parts.value(1), secret, QCryptographicHash::Sha256));
    if (header.object().value(u"alg"_s).toString() != u"HS256" || expected != parts.value(2))
        return u"invalid session: token signature is invalid: signature is invalid"_s;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject object = claims.object();
    if (object.contains(u"exp"_s) && qint64(object.value(u"exp"_s).toDouble()) <= now)
        return u"invalid session: token has invalid claims: token is expired"_s;
    if (object.contains(u"nbf"_s) && qint64(object.value(u"nbf"_s).toDouble()) > now)
        return u"invalid session: token has invalid claims: token is not valid yet"_s;
    *user = object.value(u"sub"_s).toString().section(u':', 0, 0);
    return {};
}

std::optional<QString> ArgoCdServer::Private::authenticate(const ServerRequest &request, QString *user) const
{
    QByteArray token;
    const QByteArray authorization = request.header("Authorization");
    if (authorization.startsWith("Bearer ")) {
        const QByteArray value = authorization.mid(7).trimmed();
        if (value.count('.') == 2)
            token = value;
    }
    if (token.isEmpty()) {
        const QList<QByteArray> cookies = request.header("Cookie").split(';');
        for (const QByteArray &cookie : cookies) {
            const QByteArray trimmed = cookie.trimmed();
            if (trimmed.startsWith("argocd.token="))
                token = trimmed.mid(13);
        }
    }
    if (token.isEmpty())
        return u"no session information"_s;
    if (options.tokens.contains(QString::fromLatin1(token))) {
        QString subject;
        if (validateToken(token, &subject).isEmpty() && !subject.isEmpty()) {
            *user = subject;
        } else {
            const QJsonObject claims =
                QJsonDocument::fromJson(
                    QByteArray::fromBase64(token.split('.').value(1), QByteArray::Base64UrlEncoding))
                    .object();
            const QString sub = claims.value(u"sub"_s).toString().section(u':', 0, 0);
            *user = sub.isEmpty() ? options.username : sub;
        }
        return std::nullopt;
    }
    const QString error = validateToken(token, user);
    if (!error.isEmpty())
        return error;
    return std::nullopt;
}

void ArgoCdServer::Private::login(HttpConnection *connection, const ServerRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (!body.value(u"token"_s).toString().isEmpty()) {
        send(connection, request,
             grpcError(16, u"token-based session creation no longer supported. please upgrade argocd cli to "
                           u"v0.7+"_s));
        return;
    }
    const QString username = body.value(u"username"_s).toString();
    const QString password = body.value(u"password"_s).toString();
    if (username.isEmpty() || password.isEmpty()) {
        send(connection, request, grpcError(16, u"no credentials supplied"_s));
        return;
    }
    const int delay =
        options.loginDelayMs +
        (options.loginDelayMs > 0 ? QRandomGenerator::global()->bounded(options.loginDelayMs + 1) : 0);
    QPointer<HttpConnection> guard(connection);
    QTimer::singleShot(delay, q, [this, guard, request, username, password] {
        if (!guard)
            return;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const bool lockedOut = loginFailures >= 5 && lastLoginFailure.secsTo(now) < 300;
        if (lockedOut || options.password.isEmpty() || username != options.username ||
            password != options.password) {
            ++loginFailures;
            lastLoginFailure = now;
            send(guard, request, grpcError(16, u"Invalid username or password"_s));
            return;
        }
        loginFailures = 0;
        const QString token = q->issueToken(username);
        GoValue body = GoValue::object();
        body.insert(u"token"_s, GoValue(token));
        ServerResponse response = gatewayOk(GoJsonWriter::write(body));
        response.setHeader("Set-Cookie",
                           "argocd.token=" + token.toLatin1() + "; path=/; SameSite=lax; httpOnly");
        send(guard, request, response);
    });
}

// ---------------------------------------------------------------------------------------------------------
// Application JSON

GoValue ArgoCdServer::Private::operationValue(const Operation &operation) const
{
    GoValue sync = GoValue::object();
    const QJsonObject &s = operation.sync;
    for (const QString &key : {u"revision"_s, u"prune"_s, u"dryRun"_s}) {
        if (!isEmptyJson(s.value(key)))
            sync.insert(key, toGo(s.value(key)));
    }
    if (s.value(u"syncStrategy"_s).isObject())
        sync.insert(u"syncStrategy"_s, toGo(s.value(u"syncStrategy"_s)));
    if (!isEmptyJson(s.value(u"resources"_s)))
        sync.insert(u"resources"_s, toGo(s.value(u"resources"_s)));
    if (s.value(u"source"_s).isObject())
        sync.insert(u"source"_s, sourceValue(s.value(u"source"_s).toObject()));
    for (const QString &key : {u"manifests"_s, u"syncOptions"_s}) {
        if (!isEmptyJson(s.value(key)))
            sync.insert(key, toGo(s.value(key)));
    }
    GoValue initiatedBy = GoValue::object();
    if (!operation.username.isEmpty())
        initiatedBy.insert(u"username"_s, GoValue(operation.username));
    if (operation.automated)
        initiatedBy.insert(u"automated"_s, GoValue(true));
    GoValue result = GoValue::object();
    result.insert(u"sync"_s, sync);
    result.insert(u"initiatedBy"_s, initiatedBy);
    if (!operation.info.isEmpty())
        result.insert(u"info"_s, toGo(operation.info));
    result.insert(u"retry"_s, retryValue(operation.retry));
    return result;
}

GoValue ArgoCdServer::Private::resourceValue(const App &app) const
{
    GoValue resource = GoValue::object();
    resource.insert(u"group"_s, GoValue(u"apps"_s));
    resource.insert(u"version"_s, GoValue(u"v1"_s));
    resource.insert(u"kind"_s, GoValue(u"Deployment"_s));
    const QString ns = app.spec.value(u"destination"_s).toObject().value(u"namespace"_s).toString();
    if (!ns.isEmpty())
        resource.insert(u"namespace"_s, GoValue(ns));
    resource.insert(u"name"_s, GoValue(app.name));
    return resource;
}

GoValue ArgoCdServer::Private::appValue(const App &app) const
{
    GoValue metadata = GoValue::object();
    metadata.insert(u"name"_s, GoValue(app.name));
    metadata.insert(u"namespace"_s, GoValue(options.controlNamespace));
    metadata.insert(u"uid"_s, GoValue(app.uid));
    metadata.insert(u"resourceVersion"_s, GoValue(QString::number(app.resourceVersion)));
    metadata.insert(u"generation"_s, GoValue::number(app.generation));
    metadata.insert(u"creationTimestamp"_s, GoValue(timestamp(app.created)));
    if (!app.labels.isEmpty())
        metadata.insert(u"labels"_s, stringMap(app.labels));
    if (!app.annotations.isEmpty())
        metadata.insert(u"annotations"_s, stringMap(app.annotations));
    if (!app.finalizers.isEmpty()) {
        GoValue finalizers = GoValue::array();
        for (const QString &finalizer : app.finalizers)
            finalizers.append(GoValue(finalizer));
        metadata.insert(u"finalizers"_s, finalizers);
    }

    GoValue status = GoValue::object();
    if (!app.deployed.isEmpty()) {
        GoValue resource = resourceValue(app);
        resource.insert(u"status"_s, GoValue(app.syncStatus == u"Synced" ? u"Synced"_s : u"OutOfSync"_s));
        if (!app.health.isEmpty()) {
            GoValue health = GoValue::object();
            health.insert(u"status"_s, GoValue(app.health));
            if (!app.healthMessage.isEmpty())
                health.insert(u"message"_s, GoValue(app.healthMessage));
            resource.insert(u"health"_s, health);
        }
        GoValue resources = GoValue::array();
        resources.append(resource);
        status.insert(u"resources"_s, resources);
    }
    GoValue sync = GoValue::object();
    sync.insert(u"status"_s, GoValue(app.syncStatus));
    GoValue comparedTo = GoValue::object();
    comparedTo.insert(u"source"_s, sourceValue(app.comparedSource));
    comparedTo.insert(u"destination"_s, destinationValue(app.comparedDestination));
    sync.insert(u"comparedTo"_s, comparedTo);
    if (!app.syncRevision.isEmpty())
        sync.insert(u"revision"_s, GoValue(app.syncRevision));
    status.insert(u"sync"_s, sync);
    GoValue health = GoValue::object();
    if (!app.health.isEmpty())
        health.insert(u"status"_s, GoValue(app.health));
    if (!app.healthMessage.isEmpty())
        health.insert(u"message"_s, GoValue(app.healthMessage));
    if (app.healthAt.isValid())
        health.insert(u"lastTransitionTime"_s, GoValue(timestamp(app.healthAt)));
    status.insert(u"health"_s, health);
    if (!app.history.isEmpty()) {
        GoValue history = GoValue::array();
        for (const History &entry : app.history) {
            GoValue item = GoValue::object();
            if (!entry.revision.isEmpty())
                item.insert(u"revision"_s, GoValue(entry.revision));
            item.insert(u"deployedAt"_s, GoValue(timestamp(entry.deployedAt)));
            item.insert(u"id"_s, GoValue::number(entry.id));
            item.insert(u"source"_s, sourceValue(entry.source));
            if (entry.deployStartedAt.isValid())
                item.insert(u"deployStartedAt"_s, GoValue(timestamp(entry.deployStartedAt)));
            GoValue initiatedBy = GoValue::object();
            if (!entry.username.isEmpty())
                initiatedBy.insert(u"username"_s, GoValue(entry.username));
            if (entry.automated)
                initiatedBy.insert(u"automated"_s, GoValue(true));
            item.insert(u"initiatedBy"_s, initiatedBy);
            history.append(item);
        }
        status.insert(u"history"_s, history);
    }
    if (!app.conditions.isEmpty()) {
        GoValue conditions = GoValue::array();
        for (const Condition &condition : app.conditions) {
            GoValue item = GoValue::object();
            item.insert(u"type"_s, GoValue(condition.type));
            item.insert(u"message"_s, GoValue(condition.message));
            if (condition.at.isValid())
                item.insert(u"lastTransitionTime"_s, GoValue(timestamp(condition.at)));
            conditions.append(item);
        }
        status.insert(u"conditions"_s, conditions);
    }
    if (app.reconciledAt.isValid())
        status.insert(u"reconciledAt"_s, GoValue(timestamp(app.reconciledAt)));
    if (app.operationState) {
        const OperationState &state = *app.operationState;
        GoValue value = GoValue::object();
        value.insert(u"operation"_s, operationValue(state.operation));
        value.insert(u"phase"_s, GoValue(state.phase));
        if (!state.message.isEmpty())
            value.insert(u"message"_s, GoValue(state.message));
        if (state.hasResult) {
            GoValue result = GoValue::object();
            if (state.resultResources) {
                GoValue resource = resourceValue(app);
                resource.insert(u"status"_s, GoValue(u"Synced"_s));
                resource.insert(u"message"_s, GoValue(u"deployment.apps/%1 configured"_s.arg(app.name)));
                resource.insert(u"hookPhase"_s, GoValue(u"Running"_s));
                resource.insert(u"syncPhase"_s, GoValue(u"Sync"_s));
                GoValue resources = GoValue::array();
                resources.append(resource);
                result.insert(u"resources"_s, resources);
            }
            result.insert(u"revision"_s, GoValue(state.resultRevision));
            result.insert(u"source"_s, sourceValue(state.resultSource));
            value.insert(u"syncResult"_s, result);
        }
        value.insert(u"startedAt"_s, GoValue(timestamp(state.startedAt)));
        if (state.finishedAt.isValid())
            value.insert(u"finishedAt"_s, GoValue(timestamp(state.finishedAt)));
        status.insert(u"operationState"_s, value);
    }
    status.insert(u"sourceType"_s, GoValue(u"Helm"_s));
    GoValue summary = GoValue::object();
    if (!app.deployed.isEmpty()) {
        GoValue images = GoValue::array();
        images.append(GoValue(
            u"registry.example.com/%1:%2"_s.arg(app.source().value(u"chart"_s).toString(), app.deployed)));
        summary.insert(u"images"_s, images);
    }
    status.insert(u"summary"_s, summary);
    status.insert(u"resourceHealthSource"_s, GoValue(u"appTree"_s));
    status.insert(u"controllerNamespace"_s, GoValue(options.controlNamespace));
    status.insert(u"sourceHydrator"_s, GoValue::object());

    GoValue result = GoValue::object();
    result.insert(u"metadata"_s, metadata);
    result.insert(u"spec"_s, specValue(app.spec));
    result.insert(u"status"_s, status);
    if (app.operation)
        result.insert(u"operation"_s, operationValue(*app.operation));
    return result;
}

// ---------------------------------------------------------------------------------------------------------
// Endpoints

ArgoCdServer::Private::App *ArgoCdServer::Private::lookup(const QString &name, const QString &project,
                                                          ServerResponse *error)
{
    const auto it = apps.find(name);
    if (it != apps.end() && (project.isEmpty() || it->second.project() == project))
        return &it->second;
    if (project.isEmpty())
        *error = grpcError(7, u"permission denied"_s);
    else
        *error = grpcError(5, u"applications.argoproj.io \"%1\" not found"_s.arg(name));
    return nullptr;
}

ServerResponse ArgoCdServer::Private::list(const ServerRequest &request) const
{
    const QString name = request.queryValue(u"name"_s).value_or(QString());
    const QStringList projects = queryValues(request, u"projects"_s) + queryValues(request, u"project"_s);
    const QString repo = request.queryValue(u"repo"_s).value_or(QString());
    GoValue items = GoValue::array();
    for (const auto &[key, app] : apps) {
        if (!name.isEmpty() && key != name)
            continue;
        if (!projects.isEmpty() && !projects.contains(app.project()))
            continue;
        if (!repo.isEmpty() && app.source().value(u"repoURL"_s).toString() != repo)
            continue;
        items.append(appValue(app));
    }
    GoValue metadata = GoValue::object();
    metadata.insert(u"resourceVersion"_s, GoValue(QString::number(resourceVersion)));
    GoValue result = GoValue::object();
    result.insert(u"metadata"_s, metadata);
    result.insert(u"items"_s, items);
    return gatewayOk(GoJsonWriter::write(result));
}

void ArgoCdServer::Private::get(HttpConnection *connection, const ServerRequest &request, const QString &name)
{
    const QStringList projects = queryValues(request, u"project"_s) + queryValues(request, u"projects"_s);
    if (projects.size() > 1) {
        send(connection, request,
             grpcError(
                 3, u"multiple projects specified - the get endpoint accepts either zero or one project"_s));
        return;
    }
    ServerResponse error;
    App *app = lookup(name, projects.value(0), &error);
    if (!app) {
        send(connection, request, error);
        return;
    }
    const std::optional<QString> refresh = request.queryValue(u"refresh"_s);
    if (!refresh || refresh->isEmpty()) {
        send(connection, request, gatewayOk(appJson(*app)));
        return;
    }
    app->annotations.insert(refreshAnnotation, *refresh == u"hard" ? u"hard"_s : u"normal"_s);
    changed(*app);
    QPointer<HttpConnection> guard(connection);
    app->refreshWaiters.append([this, guard, request, name] {
        const auto it = apps.find(name);
        if (guard && it != apps.end())
            send(guard, request, gatewayOk(appJson(it->second)));
    });
    scheduleReconcile(name);
}

ArgoCdServer::Private::Resolution ArgoCdServer::Private::resolve(const QJsonObject &source,
                                                                 const QString &revision) const
{
    if (const std::optional<SemVer> version = SemVer::parse(revision); version && !revision.isEmpty())
        return {revision, {}};
    const QString chart = source.value(u"chart"_s).toString();
    const QStringList versions = options.chartVersions
                                     ? options.chartVersions(source.value(u"repoURL"_s).toString(), chart)
                                     : QStringList();
    if (options.chartVersions && versions.isEmpty())
        return {{}, u"chart '%1' not found in index"_s.arg(chart)};
    QString parseError;
    const std::optional<SemVerConstraint> constraint = SemVerConstraint::parse(revision, &parseError);
    if (!constraint)
        return {{},
                u"invalid revision: failed to determine semver constraint: improper constraint: %1"_s.arg(
                    revision)};
    std::optional<SemVer> best;
    for (const QString &candidate : versions) {
        const std::optional<SemVer> parsed = SemVer::parse(candidate);
        if (parsed && constraint->matches(*parsed) && (!best || *best < *parsed))
            best = parsed;
    }
    if (!best)
        return {{},
                u"invalid revision: version matching constraint not found in %1 tags"_s.arg(versions.size())};
    return {best->original(), {}};
}

bool ArgoCdServer::Private::versionExists(const QJsonObject &source, const QString &version) const
{
    if (!options.chartVersions)
        return true;
    return options.chartVersions(source.value(u"repoURL"_s).toString(), source.value(u"chart"_s).toString())
        .contains(version);
}

ServerResponse ArgoCdServer::Private::sync(const QString &name, const QJsonObject &body, const QString &user)
{
    ServerResponse error;
    App *app = lookup(name, body.value(u"project"_s).toString(), &error);
    if (!app)
        return error;
    const bool dryRun = body.value(u"dryRun"_s).toBool();
    const bool automated = autoSyncEnabled(app->spec);
    if (!body.value(u"manifests"_s).toArray().isEmpty() && automated && !dryRun)
        return grpcError(9,
                         u"cannot use local sync when Automatic Sync Policy is enabled unless for dry run"_s);
    const QJsonObject source = app->source();
    const QString target = source.value(u"targetRevision"_s).toString();
    const QString revision = body.value(u"revision"_s).toString();
    if (!revision.isEmpty() && revision != target && automated && !dryRun)
        return grpcError(9, u"Cannot sync to %1: auto-sync currently set to %2"_s.arg(revision, target));
    const Resolution resolution = resolve(source, revision.isEmpty() ? target : revision);
    if (!resolution.error.isEmpty())
        return grpcError(
            9, u"error resolving repo revision: rpc error: code = Unknown desc = %1"_s.arg(resolution.error));
    if (app->operation)
        return grpcError(9, u"another operation is already in progress"_s);

    Operation operation;
    operation.sync.insert(u"revision"_s, resolution.version);
    operation.sync.insert(u"prune"_s, body.value(u"prune"_s).toBool());
    operation.sync.insert(u"dryRun"_s, dryRun);
    if (body.value(u"strategy"_s).isObject())
        operation.sync.insert(u"syncStrategy"_s, body.value(u"strategy"_s));
    operation.sync.insert(u"resources"_s, body.value(u"resources"_s).toArray());
    operation.sync.insert(u"source"_s, source);
    operation.sync.insert(u"manifests"_s, body.value(u"manifests"_s).toArray());
    const QJsonArray syncOptions =
        body.value(u"syncOptions"_s).isObject()
            ? body.value(u"syncOptions"_s).toObject().value(u"items"_s).toArray()
            : app->spec.value(u"syncPolicy"_s).toObject().value(u"syncOptions"_s).toArray();
    operation.sync.insert(u"syncOptions"_s, syncOptions);
    operation.username = user;
    operation.info = body.value(u"infos"_s).toArray();
    operation.retry = body.value(u"retryStrategy"_s).isObject()
                          ? body.value(u"retryStrategy"_s).toObject()
                          : app->spec.value(u"syncPolicy"_s).toObject().value(u"retry"_s).toObject();
    startOperation(*app, operation);
    return gatewayOk(appJson(*app));
}

ServerResponse ArgoCdServer::Private::rollback(const QString &name, const QJsonObject &body,
                                               const QString &user)
{
    ServerResponse error;
    App *app = lookup(name, body.value(u"project"_s).toString(), &error);
    if (!app)
        return error;
    if (autoSyncEnabled(app->spec))
        return grpcError(9, u"rollback cannot be initiated when auto-sync is enabled"_s);
    const qint64 id = qint64(body.value(u"id"_s).toDouble());
    const History *entry = nullptr;
    for (const History &history : std::as_const(app->history)) {
        if (history.id == id)
            entry = &history;
    }
    if (!entry)
        return grpcError(
            3, u"application %1/%2 does not have deployment with id %3"_s.arg(options.controlNamespace, name)
                   .arg(id));
    if (entry->source.isEmpty())
        return grpcError(
            9, u"cannot rollback to revision deployed with Argo CD v0.11 or lower. sync to revision "
               u"instead."_s);
    if (app->operation)
        return grpcError(9, u"another operation is already in progress"_s);
    Operation operation;
    operation.sync.insert(u"revision"_s, entry->revision);
    operation.sync.insert(u"prune"_s, body.value(u"prune"_s).toBool());
    operation.sync.insert(u"dryRun"_s, body.value(u"dryRun"_s).toBool());
    operation.sync.insert(u"syncStrategy"_s, QJsonObject{{u"apply"_s, QJsonObject()}});
    operation.sync.insert(u"source"_s, entry->source);
    operation.sync.insert(u"syncOptions"_s,
                          app->spec.value(u"syncPolicy"_s).toObject().value(u"syncOptions"_s).toArray());
    operation.username = user;
    startOperation(*app, operation);
    return gatewayOk(appJson(*app));
}

ServerResponse ArgoCdServer::Private::terminate(const QString &name, const ServerRequest &request)
{
    ServerResponse error;
    App *app = lookup(name, request.queryValue(u"project"_s).value_or(QString()), &error);
    if (!app)
        return error;
    if (!app->operation || !app->operationState)
        return grpcError(3, u"Unable to terminate operation. No operation is in progress"_s);
    app->operationState->phase = u"Terminating"_s;
    changed(*app);
    const int generation = ++app->operationGeneration;
    QTimer::singleShot(qMin(options.reconcileMs, options.operationMs), q, [this, name, generation] {
        const auto it = apps.find(name);
        if (it == apps.end() || it->second.operationGeneration != generation || !it->second.operationState)
            return;
        App &app = it->second;
        app.operationState->phase = u"Failed"_s;
        app.operationState->message = u"Operation terminated"_s;
        app.operationState->finishedAt = QDateTime::currentDateTimeUtc();
        app.operation.reset();
        changed(app);
        scheduleReconcile(name);
    });
    return gatewayOk("{}");
}

ServerResponse ArgoCdServer::Private::patch(const QString &name, const QJsonObject &body)
{
    ServerResponse error;
    App *app = lookup(name, body.value(u"project"_s).toString(), &error);
    if (!app)
        return error;
    const QString type = body.value(u"patchType"_s).toString();
    if (!type.isEmpty() && type != u"json" && type != u"merge")
        return grpcError(3, u"Patch type '%1' is not supported"_s.arg(type));
    QJsonValue document = QJsonDocument::fromJson(appJson(*app)).object();
    QJsonParseError parseError;
    const QByteArray patchText = body.value(u"patch"_s).toString().toUtf8();
    const QJsonDocument patchDocument = QJsonDocument::fromJson(patchText, &parseError);
    if (type == u"merge") {
        if (parseError.error != QJsonParseError::NoError)
            return grpcError(2, u"error calculating merge patch: invalid JSON Patch"_s);
        document = JsonPatch::merge(document, patchDocument.isObject() ? QJsonValue(patchDocument.object())
                                                                       : QJsonValue(patchDocument.array()));
    } else {
        if (parseError.error != QJsonParseError::NoError || !patchDocument.isArray())
            return grpcError(
                2, u"error decoding json patch: %1"_s.arg(
                       parseError.error != QJsonParseError::NoError
                           ? parseError.errorString()
                           : u"json: cannot unmarshal object into Go value of type jsonpatch.Patch"_s));
        QString applyError;
        if (!JsonPatch::apply(document, patchDocument.array(), &applyError))
            return grpcError(2, u"error applying patch: %1"_s.arg(applyError));
    }
    return store(app, name, document.toObject(), true);
}

ServerResponse ArgoCdServer::Private::update(const QString &name, const QJsonObject &body,
                                             const QString &project, bool validate)
{
    ServerResponse error;
    App *app = lookup(name, project, &error);
    if (!app)
        return error;
    if (!body.value(u"spec"_s).isObject())
        return grpcError(3, u"application spec for %1 is invalid: spec is required"_s.arg(name));
    return store(app, name, body, validate);
}

ServerResponse ArgoCdServer::Private::store(App *app, const QString &name, const QJsonObject &patched,
                                            bool validate)
{
    const QJsonObject spec = patched.value(u"spec"_s).toObject();
    const QJsonObject metadata = patched.value(u"metadata"_s).toObject();
    const QJsonObject source = spec.value(u"source"_s).toObject();
    const QString target = source.value(u"targetRevision"_s).toString();
    if (validate && SemVer::parse(target) && !versionExists(source, target))
        return grpcError(
            3, u"application spec for %1 is invalid: InvalidSpecError: Unable to generate manifests in : "
               u"rpc error: code = Unknown desc = %2"_s.arg(
                   name, helmPullError(source.value(u"repoURL"_s).toString(),
                                       source.value(u"chart"_s).toString(), target)));
    if (spec != app->spec) {
        app->spec = spec;
        ++app->generation;
    }
    const auto toMap = [](const QJsonObject &object) {
        QMap<QString, QString> map;
        for (auto it = object.begin(); it != object.end(); ++it)
            map.insert(it.key(), it.value().toString());
        return map;
    };
    app->labels = toMap(metadata.value(u"labels"_s).toObject());
    app->annotations = toMap(metadata.value(u"annotations"_s).toObject());
    app->finalizers.clear();
    const QJsonArray finalizers = metadata.value(u"finalizers"_s).toArray();
    for (const QJsonValue &finalizer : finalizers)
        app->finalizers.append(finalizer.toString());
    changed(*app);
    scheduleReconcile(name);
    return gatewayOk(appJson(*app));
}

ServerResponse ArgoCdServer::Private::resourceTree(const ServerRequest &request, const QString &name) const
{
    const auto it = apps.find(name);
    const QString project = request.queryValue(u"project"_s).value_or(QString());
    if (it == apps.end() || (!project.isEmpty() && it->second.project() != project))
        return project.isEmpty() ? grpcError(7, u"permission denied"_s)
                                 : grpcError(5, u"applications.argoproj.io \"%1\" not found"_s.arg(name));
    const App &app = it->second;
    GoValue nodes = GoValue::array();
    if (!app.deployed.isEmpty()) {
        GoValue node = resourceValue(app);
        node.insert(u"uid"_s, GoValue(QUuid::createUuidV5(QUuid(), app.uid).toString(QUuid::WithoutBraces)));
        GoValue health = GoValue::object();
        if (!app.health.isEmpty())
            health.insert(u"status"_s, GoValue(app.health));
        if (!app.healthMessage.isEmpty())
            health.insert(u"message"_s, GoValue(app.healthMessage));
        node.insert(u"health"_s, health);
        nodes.append(node);
    }
    GoValue tree = GoValue::object();
    tree.insert(u"nodes"_s, nodes);
    return gatewayOk(GoJsonWriter::write(tree));
}

// ---------------------------------------------------------------------------------------------------------
// Watch stream

bool ArgoCdServer::Private::streamMatches(const Stream &stream, const App &app) const
{
    return (stream.name.isEmpty() || stream.name == app.name) &&
           (stream.projects.isEmpty() || stream.projects.contains(app.project()));
}

void ArgoCdServer::Private::streamMessage(Stream &stream, const QString &appName, const QByteArray &json)
{
    if (!stream.connection)
        return;
    if (stream.last.value(appName) == json)
        return;
    stream.last.insert(appName, json);
    const QByteArray framed = stream.sse ? "data: " + json + " \n\n\n" : json + '\n';
    stream.connection->writeChunk(stream.head, stream.compression.next(framed));
}

void ArgoCdServer::Private::removeStream(Stream *stream)
{
    for (auto it = streams.begin(); it != streams.end(); ++it) {
        if (it->get() == stream) {
            streams.erase(it);
            return;
        }
    }
}

void ArgoCdServer::Private::watch(HttpConnection *connection, const ServerRequest &request,
                                  int dropStreamAfterMs)
{
    auto stream = std::make_unique<Stream>();
    Stream *raw = stream.get();
    stream->connection = connection;
    stream->name = request.queryValue(u"name"_s).value_or(QString());
    stream->projects = queryValues(request, u"projects"_s) + queryValues(request, u"project"_s);
    stream->sse = request.header("Accept").contains("text/event-stream");
    stream->head.setHeader("Content-Type", stream->sse ? "text/event-stream" : "application/json");
    stream->head.setHeader("Grpc-Metadata-Content-Type", "application/grpc");
    if (!stream->sse) {
        stream->head.headers.append(std::pair<QByteArray, QByteArray>("Vary", "Accept-Encoding"));
        const HttpCompression::Encoding encoding =
            HttpCompression::negotiate(request.header("Accept-Encoding"));
        if (encoding != HttpCompression::Encoding::Identity) {
            stream->head.setHeader("Content-Encoding", HttpCompression::name(encoding));
            stream->compression = HttpCompression(encoding);
        }
    }
    connection->beginStream(request);
    QObject::connect(connection, &QObject::destroyed, q, [this, raw] { removeStream(raw); });
    streams.push_back(std::move(stream));

    const bool initial =
        request.queryValue(u"resourceVersion"_s).value_or(QString()).isEmpty() || !raw->name.isEmpty();
    if (initial) {
        for (auto &[key, app] : apps) {
            if (!streamMatches(*raw, app))
                continue;
            GoValue result = GoValue::object();
            result.insert(u"type"_s, GoValue(u"ADDED"_s));
            result.insert(u"application"_s, appValue(app));
            GoValue envelope = GoValue::object();
            envelope.insert(u"result"_s, result);
            streamMessage(*raw, key, GoJsonWriter::write(envelope));
        }
    }
    if (raw->sse && options.sseKeepaliveMs > 0) {
        auto *keepalive = new QTimer(connection);
        keepalive->setInterval(options.sseKeepaliveMs);
        QObject::connect(keepalive, &QTimer::timeout, connection,
                         [head = raw->head, connection] { connection->writeChunk(head, ":\n"); });
        keepalive->start();
    }
    if (dropStreamAfterMs >= 0) {
        QPointer<HttpConnection> guard(connection);
        QTimer::singleShot(dropStreamAfterMs, q, [this, guard, raw] {
            if (!guard)
                return;
            removeStream(raw);
            guard->closeWithoutAnswer();
        });
    }
}

// ---------------------------------------------------------------------------------------------------------
// Controller

void ArgoCdServer::Private::changed(App &app, const QByteArray &type)
{
    app.resourceVersion = ++resourceVersion;
    Q_EMIT q->stateChanged();
    QByteArray json;
    for (const auto &stream : streams) {
        if (!streamMatches(*stream, app))
            continue;
        if (json.isEmpty()) {
            GoValue result = GoValue::object();
            result.insert(u"type"_s, GoValue(QString::fromLatin1(type)));
            result.insert(u"application"_s, appValue(app));
            GoValue envelope = GoValue::object();
            envelope.insert(u"result"_s, result);
            json = GoJsonWriter::write(envelope);
        }
        streamMessage(*stream, app.name, json);
    }
}

void ArgoCdServer::Private::startOperation(App &app, Operation operation)
{
    app.operation = std::move(operation);
    app.operationState.reset();
    changed(app);
    const QString name = app.name;
    QTimer::singleShot(0, q, [this, name] { pickUp(name); });
}

void ArgoCdServer::Private::pickUp(const QString &name)
{
    const auto it = apps.find(name);
    if (it == apps.end())
        return;
    App &app = it->second;
    if (!app.operation || (app.operationState && !app.operationState->completed()))
        return;
    OperationState state;
    state.operation = *app.operation;
    state.phase = u"Running"_s;
    state.startedAt = QDateTime::currentDateTimeUtc();
    app.operationState = state;
    changed(app);
    const int generation = ++app.operationGeneration;
    QTimer::singleShot(options.operationMs, q,
                       [this, name, generation] { finishOperation(name, generation); });
}

void ArgoCdServer::Private::finishOperation(const QString &name, int generation)
{
    const auto it = apps.find(name);
    if (it == apps.end())
        return;
    App &app = it->second;
    if (app.operationGeneration != generation || !app.operationState ||
        app.operationState->phase != u"Running")
        return;
    OperationState &state = *app.operationState;
    const QJsonObject &sync = state.operation.sync;
    const QString revision = sync.value(u"revision"_s).toString();
    const QJsonObject source = sync.value(u"source"_s).toObject();
    const bool dryRun = sync.value(u"dryRun"_s).toBool();
    const bool partial = !sync.value(u"resources"_s).toArray().isEmpty();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    state.hasResult = true;
    state.resultRevision = revision;
    state.resultSource = source;
    if (!versionExists(source, revision)) {
        state.phase = u"Error"_s;
        state.message =
            u"ComparisonError: Failed to load target state: failed to generate manifest for source 1 of "
            u"1: rpc error: code = Unknown desc = "_s +
            helmPullError(source.value(u"repoURL"_s).toString(), source.value(u"chart"_s).toString(),
                          revision);
        state.resultResources = false;
        if (state.operation.automated)
            app.failedAutoRevision = revision;
    } else {
        state.phase = u"Succeeded"_s;
        state.message = u"successfully synced (all tasks run)"_s;
        state.resultResources = true;
        if (!dryRun) {
            app.deployed = revision;
            app.progressPending = true;
            app.failedAutoRevision.clear();
            app.conditions.removeIf([](const Condition &c) { return c.type == u"SyncError"; });
            if (!partial) {
                History entry;
                entry.id = app.history.isEmpty() ? 0 : app.history.last().id + 1;
                entry.revision = revision;
                entry.deployedAt = now;
                entry.deployStartedAt = state.startedAt;
                entry.source = source;
                entry.username = state.operation.username;
                entry.automated = state.operation.automated;
                app.history.append(entry);
                const QJsonValue limitValue = app.spec.value(u"revisionHistoryLimit"_s);
                const qsizetype limit = limitValue.isDouble() ? qsizetype(limitValue.toDouble()) : 10;
                while (app.history.size() > qMax<qsizetype>(0, limit))
                    app.history.removeFirst();
            }
        }
    }
    state.finishedAt = now;
    app.operation.reset();
    changed(app);
    scheduleReconcile(name);
}

void ArgoCdServer::Private::scheduleReconcile(const QString &name)
{
    QTimer::singleShot(options.reconcileMs, q, [this, name] { reconcile(name); });
}

void ArgoCdServer::Private::reconcile(const QString &name)
{
    const auto it = apps.find(name);
    if (it == apps.end())
        return;
    App &app = it->second;
    const QJsonObject source = app.source();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Resolution resolution = resolve(source, source.value(u"targetRevision"_s).toString());
    app.conditions.removeIf([](const Condition &c) { return c.type == u"ComparisonError"; });
    QString comparisonError;
    if (!resolution.error.isEmpty())
        comparisonError =
            u"Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: "
            u"code = Unknown desc = "_s +
            resolution.error;
    else if (!versionExists(source, resolution.version))
        comparisonError =
            u"Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: "
            u"code = Unknown desc = "_s +
            helmPullError(source.value(u"repoURL"_s).toString(), source.value(u"chart"_s).toString(),
                          resolution.version);
    if (!comparisonError.isEmpty()) {
        app.syncStatus = u"Unknown"_s;
        app.conditions.append({u"ComparisonError"_s, comparisonError, now});
    } else {
        app.syncRevision = resolution.version;
        app.syncStatus = app.deployed == resolution.version ? u"Synced"_s : u"OutOfSync"_s;
    }
    app.compared = true;
    app.comparedSource = source;
    app.comparedDestination = app.spec.value(u"destination"_s).toObject();
    app.reconciledAt = now;
    app.annotations.remove(refreshAnnotation);
    app.annotations.remove(u"argocd.argoproj.io/refresh-timestamp"_s);
    if (app.progressPending) {
        app.progressPending = false;
        app.health = u"Progressing"_s;
        app.healthMessage.clear();
        app.healthAt = now;
        const int generation = ++app.healthGeneration;
        QTimer::singleShot(options.progressMs, q, [this, name, generation] {
            const auto found = apps.find(name);
            if (found == apps.end() || found->second.healthGeneration != generation)
                return;
            setHealth(found->second, u"Healthy"_s, {});
        });
        Q_EMIT q->healthChanged(name, app.health);
    }

    const bool autoSync = autoSyncEnabled(app.spec) && !app.operation && app.syncStatus == u"OutOfSync";
    if (autoSync && app.syncRevision == app.failedAutoRevision) {
        const QString message = u"Failed last sync attempt to [%1]: %2"_s.arg(
            app.syncRevision, app.operationState ? app.operationState->message : QString());
        const bool present = std::any_of(app.conditions.begin(), app.conditions.end(),
                                         [](const Condition &c) { return c.type == u"SyncError"; });
        if (!present)
            app.conditions.append({u"SyncError"_s, message, now});
    }
    changed(app);
    const QList<std::function<void()>> waiters = std::exchange(app.refreshWaiters, {});
    for (const auto &waiter : waiters)
        waiter();

    const auto found = apps.find(name);
    if (found == apps.end())
        return;
    App &current = found->second;
    if (autoSyncEnabled(current.spec) && !current.operation && current.syncStatus == u"OutOfSync" &&
        current.syncRevision != current.failedAutoRevision) {
        Operation operation;
        const QJsonObject policy = current.spec.value(u"syncPolicy"_s).toObject();
        operation.sync.insert(u"revision"_s, current.syncRevision);
        operation.sync.insert(u"prune"_s, policy.value(u"automated"_s).toObject().value(u"prune"_s).toBool());
        operation.sync.insert(u"source"_s, current.source());
        operation.sync.insert(u"syncOptions"_s, policy.value(u"syncOptions"_s).toArray());
        operation.automated = true;
        operation.retry = policy.value(u"retry"_s).isObject() ? policy.value(u"retry"_s).toObject()
                                                              : QJsonObject{{u"limit"_s, 5}};
        startOperation(current, operation);
    }
}

void ArgoCdServer::Private::setHealth(App &app, const QString &health, const QString &message)
{
    const bool different = app.health != health;
    app.health = health;
    app.healthMessage = message;
    if (different)
        app.healthAt = QDateTime::currentDateTimeUtc();
    changed(app);
    if (different)
        Q_EMIT q->healthChanged(app.name, health);
}

// ---------------------------------------------------------------------------------------------------------
// Public API

ArgoCdServer::ArgoCdServer(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(options)))
{}

ArgoCdServer::~ArgoCdServer()
{
    // Connections call into d: close them before d goes.
    d->streams.clear();
    delete d->server;
    d->server = nullptr;
}

bool ArgoCdServer::listen(quint16 port, QString *error)
{
    if (d->server) {
        if (error)
            *error = tr("The Argo CD server is already listening on port %1.").arg(this->port());
        return false;
    }
    auto listener = std::make_unique<HttpListener>(
        16 * 1024 * 1024,
        [this](HttpConnection *connection, const ServerRequest &request) { d->handle(connection, request); },
        this);
    if (!listener->listen(port, error))
        return false;
    d->server = listener.release();
    return true;
}

quint16 ArgoCdServer::port() const
{
    return d->server ? d->server->port() : 0;
}

QUrl ArgoCdServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(port()));
}

void ArgoCdServer::addApplication(const AppSeed &seed)
{
    Private::App app;
    app.name = seed.name;
    app.uid = QUuid::createUuidV5(QUuid(), seed.name).toString(QUuid::WithoutBraces);
    app.created = QDateTime::currentDateTimeUtc().addDays(-30);
    QJsonObject source{
        {u"repoURL"_s, seed.repoUrl}, {u"targetRevision"_s, seed.targetRevision}, {u"chart"_s, seed.chart}};
    QJsonObject destination{{u"server"_s, u"https://kubernetes.default.svc"_s}};
    if (!seed.destinationNamespace.isEmpty())
        destination.insert(u"namespace"_s, seed.destinationNamespace);
    QJsonObject spec{{u"source"_s, source}, {u"destination"_s, destination}, {u"project"_s, seed.project}};
    if (seed.autoSync)
        spec.insert(u"syncPolicy"_s, QJsonObject{{u"automated"_s, QJsonObject{{u"prune"_s, true}}}});
    if (seed.revisionHistoryLimit != 10)
        spec.insert(u"revisionHistoryLimit"_s, seed.revisionHistoryLimit);
    app.spec = spec;
    qint64 id = 0;
    for (const auto &[version, at] : seed.history) {
        Private::History entry;
        entry.id = id++;
        entry.revision = version;
        entry.deployedAt = at.toUTC();
        entry.deployStartedAt = at.toUTC().addSecs(-5);
        entry.source = source;
        // An app pinned to an exact version was pinned to each version it deployed at the time.
        if (SemVer::parse(seed.targetRevision))
            entry.source.insert(u"targetRevision"_s, version);
        entry.username = seed.initiatedBy;
        app.history.append(entry);
    }
    while (app.history.size() > qMax(0, seed.revisionHistoryLimit))
        app.history.removeFirst();
    if (!seed.history.isEmpty()) {
        app.deployed = seed.history.last().first;
        app.health = u"Healthy"_s;
        app.healthAt = seed.history.last().second.toUTC();
    } else {
        app.health = u"Missing"_s;
    }
    const QString name = seed.name;
    d->apps.insert_or_assign(name, std::move(app));
    d->changed(d->apps.at(name), "ADDED");
    d->reconcile(name);
}

namespace {

QJsonObject stringMapJson(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QMap<QString, QString> stringMapFromJson(const QJsonObject &object)
{
    QMap<QString, QString> map;
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

QString timeJson(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFromJson(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace

QJsonObject ArgoCdServer::saveState() const
{
    QJsonArray apps;
    for (const auto &[name, app] : d->apps) {
        QJsonArray history;
        for (const Private::History &entry : app.history)
            history.append(QJsonObject{{u"id"_s, entry.id},
                                       {u"revision"_s, entry.revision},
                                       {u"deployedAt"_s, timeJson(entry.deployedAt)},
                                       {u"deployStartedAt"_s, timeJson(entry.deployStartedAt)},
                                       {u"source"_s, entry.source},
                                       {u"username"_s, entry.username},
                                       {u"automated"_s, entry.automated}});
        QJsonObject object{{u"name"_s, app.name},
                           {u"uid"_s, app.uid},
                           {u"generation"_s, app.generation},
                           {u"created"_s, timeJson(app.created)},
                           {u"spec"_s, app.spec},
                           {u"labels"_s, stringMapJson(app.labels)},
                           {u"annotations"_s, stringMapJson(app.annotations)},
                           {u"finalizers"_s, QJsonArray::fromStringList(app.finalizers)},
                           {u"deployed"_s, app.deployed},
                           {u"health"_s, app.health},
                           {u"healthMessage"_s, app.healthMessage},
                           {u"healthAt"_s, timeJson(app.healthAt)},
                           {u"failedAutoRevision"_s, app.failedAutoRevision},
                           {u"history"_s, history}};
        const auto operationJson = [](const Private::Operation &operation) {
            return QJsonObject{{u"sync"_s, operation.sync},
                               {u"username"_s, operation.username},
                               {u"automated"_s, operation.automated},
                               {u"info"_s, operation.info},
                               {u"retry"_s, operation.retry}};
        };
        if (app.operation)
            object.insert(u"operation"_s, operationJson(*app.operation));
        if (app.operationState) {
            const Private::OperationState &state = *app.operationState;
            object.insert(u"operationState"_s, QJsonObject{{u"operation"_s, operationJson(state.operation)},
                                                           {u"phase"_s, state.phase},
                                                           {u"message"_s, state.message},
                                                           {u"hasResult"_s, state.hasResult},
                                                           {u"resultRevision"_s, state.resultRevision},
                                                           {u"resultSource"_s, state.resultSource},
                                                           {u"resultResources"_s, state.resultResources},
                                                           {u"startedAt"_s, timeJson(state.startedAt)},
                                                           {u"finishedAt"_s, timeJson(state.finishedAt)}});
        }
        apps.append(object);
    }
    return {{u"format"_s, 1}, {u"resourceVersion"_s, d->resourceVersion}, {u"applications"_s, apps}};
}

bool ArgoCdServer::restoreState(const QJsonObject &state, QString *error)
{
    if (state.value(u"format"_s).toInt() != 1 || !state.value(u"applications"_s).isArray()) {
        if (error)
            *error = tr("the saved Argo CD state has an unknown format");
        return false;
    }
    const auto operationFromJson = [](const QJsonObject &object) {
        Private::Operation operation;
        operation.sync = object.value(u"sync"_s).toObject();
        operation.username = object.value(u"username"_s).toString();
        operation.automated = object.value(u"automated"_s).toBool();
        operation.info = object.value(u"info"_s).toArray();
        operation.retry = object.value(u"retry"_s).toObject();
        return operation;
    };
    std::map<QString, Private::App> apps;
    const QJsonArray saved = state.value(u"applications"_s).toArray();
    for (const QJsonValue &value : saved) {
        const QJsonObject object = value.toObject();
        Private::App app;
        app.name = object.value(u"name"_s).toString();
        if (app.name.isEmpty() || !object.value(u"spec"_s).isObject()) {
            if (error)
                *error = tr("a saved Argo CD application has no name or spec");
            return false;
        }
        app.uid = object.value(u"uid"_s).toString();
        app.generation = object.value(u"generation"_s).toInteger(1);
        app.created = timeFromJson(object.value(u"created"_s));
        app.spec = object.value(u"spec"_s).toObject();
        app.labels = stringMapFromJson(object.value(u"labels"_s).toObject());
        app.annotations = stringMapFromJson(object.value(u"annotations"_s).toObject());
        for (const QJsonValue &finalizer : object.value(u"finalizers"_s).toArray())
            app.finalizers.append(finalizer.toString());
        app.deployed = object.value(u"deployed"_s).toString();
        app.health = object.value(u"health"_s).toString();
        app.healthMessage = object.value(u"healthMessage"_s).toString();
        app.healthAt = timeFromJson(object.value(u"healthAt"_s));
        app.failedAutoRevision = object.value(u"failedAutoRevision"_s).toString();
        // A rollout the stopped controller was watching goes on: Progressing, then Healthy.
        app.progressPending = app.health == u"Progressing"_s;
        for (const QJsonValue &entryValue : object.value(u"history"_s).toArray()) {
            const QJsonObject entry = entryValue.toObject();
            Private::History history;
            history.id = entry.value(u"id"_s).toInteger();
            history.revision = entry.value(u"revision"_s).toString();
            history.deployedAt = timeFromJson(entry.value(u"deployedAt"_s));
            history.deployStartedAt = timeFromJson(entry.value(u"deployStartedAt"_s));
            history.source = entry.value(u"source"_s).toObject();
            history.username = entry.value(u"username"_s).toString();
            history.automated = entry.value(u"automated"_s).toBool();
            app.history.append(history);
        }
        if (object.value(u"operation"_s).isObject())
            app.operation = operationFromJson(object.value(u"operation"_s).toObject());
        if (object.value(u"operationState"_s).isObject()) {
            const QJsonObject stateObject = object.value(u"operationState"_s).toObject();
            Private::OperationState operationState;
            operationState.operation = operationFromJson(stateObject.value(u"operation"_s).toObject());
            operationState.phase = stateObject.value(u"phase"_s).toString();
            operationState.message = stateObject.value(u"message"_s).toString();
            operationState.hasResult = stateObject.value(u"hasResult"_s).toBool();
            operationState.resultRevision = stateObject.value(u"resultRevision"_s).toString();
            operationState.resultSource = stateObject.value(u"resultSource"_s).toObject();
            operationState.resultResources = stateObject.value(u"resultResources"_s).toBool();
            operationState.startedAt = timeFromJson(stateObject.value(u"startedAt"_s));
            operationState.finishedAt = timeFromJson(stateObject.value(u"finishedAt"_s));
            if (operationState.completed())
                app.operationState = operationState;
        }
        const QString name = app.name;
        apps.insert_or_assign(name, std::move(app));
    }
    d->apps = std::move(apps);
    d->resourceVersion = qMax(d->resourceVersion, state.value(u"resourceVersion"_s).toInteger());
    for (auto &[name, app] : d->apps) {
        if (app.operation) {
            Private::Operation operation = *app.operation;
            d->startOperation(app, std::move(operation));
        } else {
            d->changed(app, "ADDED");
        }
        d->reconcile(name);
    }
    return true;
}

QJsonObject ArgoCdServer::application(const QString &name) const
{
    const auto it = d->apps.find(name);
    if (it == d->apps.end())
        return {};
    return QJsonDocument::fromJson(d->appJson(it->second)).object();
}

void ArgoCdServer::setHealth(const QString &name, const QString &health, const QString &message)
{
    const auto it = d->apps.find(name);
    if (it == d->apps.end())
        return;
    ++it->second.healthGeneration;
    d->setHealth(it->second, health, message);
}

QString ArgoCdServer::issueToken(const QString &username, bool expired) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 issued = expired ? now - 25 * 3600 : now;
    GoValue claims = GoValue::object();
    claims.insert(u"iss"_s, GoValue(u"argocd"_s));
    claims.insert(u"sub"_s, GoValue(username + u":login"_s));
    claims.insert(u"exp"_s, GoValue::number(issued + 24 * 3600));
    claims.insert(u"nbf"_s, GoValue::number(issued));
    claims.insert(u"iat"_s, GoValue::number(issued));
    claims.insert(u"jti"_s, GoValue(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    const QByteArray signingInput =
        base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + '.' + base64Url(GoJsonWriter::write(claims));
    const QByteArray signature =
        QMessageAuthenticationCode::hash(signingInput, d->secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(signingInput + '.' + base64Url(signature));
}

void ArgoCdServer::addFault(const Fault &fault)
{
    if (fault.count == 0)
        return;
    d->faults.append(fault);
}

void ArgoCdServer::clearFaults()
{
    d->faults.clear();
}

void ArgoCdServer::setFaultProfile(const FaultInjector::Profile &profile)
{
    d->injector.setProfile(profile);
}

const FaultInjector &ArgoCdServer::faultInjector() const
{
    return d->injector;
}

int ArgoCdServer::requestCount() const
{
    return d->requestCount;
}

int ArgoCdServer::openStreams() const
{
    return int(std::count_if(d->streams.begin(), d->streams.end(),
                             [](const auto &stream) { return !stream->connection.isNull(); }));
}

void ArgoCdServer::dropStreams()
{
    std::vector<std::unique_ptr<Private::Stream>> streams = std::exchange(d->streams, {});
    for (const auto &stream : streams) {
        if (stream->connection)
            stream->connection->closeWithoutAnswer();
    }
}

} // namespace capstan
