#include "ChartMuseumApi.h"

#include "MultipartParser.h"
#include "ValuesJson.h"
#include "chart/ChartArchive.h"
#include "chart/SemVerConstraint.h"
#include "http/GoJsonWriter.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

const QByteArray savedBody = "{\"saved\":true}";

bool isPlainFileName(const QString &fileName)
{
    return !fileName.contains(u'/') && fileName != u"."_s && fileName != u".."_s;
}

// Go's strconv.Atoi: optional sign, decimal digits, fits in an int64.
std::optional<qint64> atoi(const QString &text)
{
    static const QRegularExpression pattern(u"^[-+]?[0-9]+$"_s);
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

} // namespace

ChartMuseumApi::ChartMuseumApi(const ChartMuseumServer::Options &options)
    : m_options(options)
    , m_store(options.storageDirectory)
{}

QByteArray ChartMuseumApi::welcomePage()
{
    return "<!DOCTYPE html>\n"
           "<html>\n"
           "<head>\n"
           "<title>Welcome to ChartMuseum!</title>\n"
           "<style>\n"
           "    body {\n"
           "        width: 35em;\n"
           "        margin: 0 auto;\n"
           "        font-family: Tahoma, Verdana, Arial, sans-serif;\n"
           "    }\n"
           "</style>\n"
           "</head>\n"
           "<body>\n"
           "<h1>Welcome to ChartMuseum!</h1>\n"
           "<p>If you see this page, the ChartMuseum web server is successfully installed and\n"
           "working.</p>\n"
           "\n"
           "<p>For online documentation and support please refer to the\n"
           "<a href=\"https://github.com/helm/chartmuseum\">GitHub project</a>.<br/>\n"
           "\n"
           "<p><em>Thank you for using ChartMuseum.</em></p>\n"
           "</body>\n"
           "</html>\n";
}

std::optional<ChartMuseumApi::Match> ChartMuseumApi::match(const QByteArray &method,
                                                           const QString &path) const
{
    const bool get = method == "GET";
    const bool head = method == "HEAD";
    Match result;
    if (path == u"/health"_s || path == u"/info"_s || path == u"/"_s) {
        if (!get)
            return std::nullopt;
        result.route = path == u"/health"_s ? Route::Health
                       : path == u"/info"_s ? Route::Info
                                            : Route::Welcome;
        result.action = result.route == Route::Welcome ? Action::Pull : Action::None;
        return result;
    }
    if (!path.startsWith(u'/'))
        return std::nullopt;
    QStringList segments = path.mid(1).split(u'/');
    for (const QString &segment : std::as_const(segments)) {
        if (segment.isEmpty())
            return std::nullopt;
    }
    const int depth = qMax(0, m_options.depth);
    const bool api = path.startsWith(u"/api/"_s) && !path.endsWith(u".yaml"_s) && !path.endsWith(u".tgz"_s) &&
                     !path.endsWith(u".prov"_s);
    if (api) {
        if (m_options.disableApi)
            return std::nullopt;
        segments.removeFirst();
    }
    if (segments.size() < depth)
        return std::nullopt;
    for (int i = 0; i < depth; ++i) {
        // A repo is a directory under the storage root, never a way out of it.
        if (segments.at(i) == u"."_s || segments.at(i) == u".."_s)
            return std::nullopt;
    }
    result.repo = segments.mid(0, depth).join(u'/');
    const QStringList rest = segments.mid(depth);
    result.action = (get || head) ? Action::Pull : Action::Push;

    if (!api) {
        if (rest == QStringList{u"index.yaml"_s} && (get || head)) {
            result.route = get ? Route::IndexYaml : Route::IndexYamlHead;
            return result;
        }
        if (rest.size() == 2 && rest.at(0) == u"charts"_s && get) {
            result.route = Route::ChartFile;
            result.file = rest.at(1);
            return result;
        }
        return std::nullopt;
    }
    if (rest == QStringList{u"charts"_s}) {
        if (get)
            result.route = Route::ListCharts;
        else if (method == "POST")
            result.route = Route::Upload;
        else
            return std::nullopt;
        return result;
    }
    if (rest == QStringList{u"prov"_s} && method == "POST") {
        result.route = Route::UploadProvenance;
        return result;
    }
    if (rest.isEmpty() || rest.at(0) != u"charts"_s || rest.size() > 4)
        return std::nullopt;
    result.name = rest.at(1);
    if (rest.size() == 2) {
        if (!get && !head)
            return std::nullopt;
        result.route = get ? Route::ChartGet : Route::ChartHead;
        return result;
    }
    result.version = rest.at(2);
    if (rest.size() == 3) {
        if (get || head)
            result.route = get ? Route::VersionGet : Route::VersionHead;
        else if (method == "DELETE" && !m_options.disableDelete)
            result.route = Route::Delete;
        else
            return std::nullopt;
        return result;
    }
    if (!get)
        return std::nullopt;
    if (rest.at(3) == u"templates"_s)
        result.route = Route::Templates;
    else if (rest.at(3) == u"values"_s)
        result.route = Route::Values;
    else
        return std::nullopt;
    return result;
}

std::optional<ServerResponse> ChartMuseumApi::authorize(const ServerRequest &request,
                                                        const Match &match) const
{
    if (match.action == Action::None)
        return std::nullopt;
    const bool bearer = !m_options.bearerToken.isEmpty();
    const bool basic = !m_options.basicUser.isEmpty() && !m_options.basicPassword.isEmpty();
    if (!bearer && !basic)
        return std::nullopt;
    if (m_options.anonymousGet && match.action == Action::Pull)
        return std::nullopt;
    const QByteArray authorization = request.header("Authorization");
    ServerResponse denied = ServerResponse::error(401, u"unauthorized"_s);
    if (bearer) {
        static const QRegularExpression pattern(u"bearer (.*)"_s, QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch found = pattern.match(QString::fromUtf8(authorization));
        if (found.hasMatch() && found.captured(1) == m_options.bearerToken)
            return std::nullopt;
        const QString realm =
            m_options.bearerRealm.isEmpty() ? m_serverUrl + u"/oauth/token"_s : m_options.bearerRealm;
        const QString repo = match.repo.isEmpty() ? u"repo"_s : match.repo;
        const QString action = match.action == Action::Pull ? u"pull"_s : u"push"_s;
        denied.setHeader("Www-Authenticate",
                         u"Bearer realm=\"%1\",service=\"%2\",scope=\"artifact-repository:%3:%4\""_s
                             .arg(realm, m_options.bearerService, repo, action)
                             .toUtf8());
        return denied;
    }
    const QByteArray expected =
        "Basic " + (m_options.basicUser + u':' + m_options.basicPassword).toUtf8().toBase64();
    if (authorization == expected)
        return std::nullopt;
    denied.setHeader("Www-Authenticate", "Basic realm=\"ChartMuseum\"");
    return denied;
}

ServerResponse ChartMuseumApi::headMiss()
{
    // Gin's serveError body for a handler that only set 404; HEAD sends the headers alone.
    ServerResponse response;
    response.status = 404;
    response.setHeader("Content-Type", "text/plain");
    response.body = "404 page not found";
    return response;
}

ServerResponse ChartMuseumApi::tooLarge()
{
    ServerResponse response;
    response.status = 413;
    response.setHeader("Content-Type", "text/plain; charset=utf-8");
    response.body = "request too large";
    response.closeConnection = true;
    return response;
}

bool ChartMuseumApi::overwriteAllowed(const ServerRequest &request) const
{
    return m_options.allowOverwrite ||
           (!m_options.disableForceOverwrite && request.queryValue(u"force"_s).has_value());
}

ServerResponse ChartMuseumApi::handle(const ServerRequest &request)
{
    QString path = request.path();
    if (!m_options.contextPath.isEmpty()) {
        if (!path.startsWith(m_options.contextPath))
            return ServerResponse::error(404, u"not found"_s);
        path = path.mid(m_options.contextPath.size());
    }
    const std::optional<Match> matched = match(request.method, path);
    if (!matched)
        return ServerResponse::error(404, u"not found"_s);
    if (std::optional<ServerResponse> denied = authorize(request, *matched))
        return *denied;

    const Match &m = *matched;
    switch (m.route) {
    case Route::Welcome: {
        ServerResponse response;
        response.setHeader("Content-Type", "text/html");
        response.body = welcomePage();
        return response;
    }
    case Route::Health:
        return ServerResponse::json(200, "{\"healthy\":true}");
    case Route::Info:
        return ServerResponse::json(200, "{\"version\":\"v0.16.5\"}");
    case Route::IndexYaml: {
        ServerResponse response;
        response.setHeader("Content-Type", "application/x-yaml");
        response.body = m_store.indexYaml(m.repo, m_options.contextPath);
        return response;
    }
    case Route::IndexYamlHead:
        return ServerResponse();
    case Route::ChartFile:
        return chartFile(m);
    case Route::ListCharts:
        return listCharts(request, m);
    case Route::ChartGet: {
        const std::vector<ChartStore::Entry> *versions = m_store.versions(m.repo, m.name);
        if (!versions)
            return ServerResponse::error(404, u"chart not found"_s);
        QByteArray body = "[";
        for (const ChartStore::Entry &entry : *versions) {
            if (body.size() > 1)
                body += ',';
            body += entry.json;
        }
        body += ']';
        return ServerResponse::json(200, body);
    }
    case Route::ChartHead:
        return m_store.versions(m.repo, m.name) ? ServerResponse() : headMiss();
    case Route::VersionGet: {
        const Lookup found = lookup(m);
        if (!found.entry)
            return ServerResponse::error(404, found.error);
        return ServerResponse::json(200, found.entry->json);
    }
    case Route::VersionHead:
        return lookup(m).entry ? ServerResponse() : headMiss();
    case Route::Templates:
        return templates(m);
    case Route::Values:
        return values(m);
    case Route::Upload:
        return upload(request, m);
    case Route::UploadProvenance:
        return uploadProvenance(request, m);
    case Route::Delete:
        return remove(m);
    }
    return ServerResponse::error(404, u"not found"_s);
}

ChartMuseumApi::Lookup ChartMuseumApi::lookup(const Match &match)
{
    Lookup result;
    const std::vector<ChartStore::Entry> *versions = m_store.versions(match.repo, match.name);
    if (!versions) {
        result.error = u"no chart name found"_s;
        return result;
    }
    const QString version = match.version == u"latest"_s ? QString() : match.version;
    const std::optional<SemVerConstraint> constraint =
        SemVerConstraint::parse(version.isEmpty() ? u"*"_s : version);
    if (!constraint) {
        result.error = u"improper constraint: %1"_s.arg(version);
        return result;
    }
    if (!version.isEmpty()) {
        for (const ChartStore::Entry &entry : *versions) {
            if (entry.metadata.version == version) {
                result.entry = &entry;
                return result;
            }
        }
    }
    for (const ChartStore::Entry &entry : *versions) {
        if (entry.semver && constraint->matches(*entry.semver)) {
            result.entry = &entry;
            return result;
        }
    }
    result.error = u"no chart version found for %1-%2"_s.arg(match.name, version);
    return result;
}

ServerResponse ChartMuseumApi::listCharts(const ServerRequest &request, const Match &match)
{
    qint64 offset = 0;
    if (const std::optional<QString> text = request.queryValue(u"offset"_s)) {
        const std::optional<qint64> value = atoi(*text);
        if (!value || *value < 0)
            return ServerResponse::error(400, u"offset is not a valid non-negative integer"_s);
        offset = *value;
    }
    qint64 limit = -1;
    if (const std::optional<QString> text = request.queryValue(u"limit"_s)) {
        const std::optional<qint64> value = atoi(*text);
        if (!value || *value <= 0)
            return ServerResponse::error(400, u"limit is not a valid positive integer"_s);
        limit = *value;
    }
    const ChartStore::Charts &charts = m_store.charts(match.repo);
    const qint64 count = qint64(charts.size());
    qint64 begin = 0;
    qint64 end = count;
    if (offset != 0 || limit != -1) {
        begin = offset;
        end = limit == -1 ? offset - 1 : qMin(count, offset + limit);
    }
    QByteArray body = "{";
    qint64 index = 0;
    for (const auto &[name, versions] : charts) {
        if (index >= begin && index < end) {
            if (body.size() > 1)
                body += ',';
            GoJsonWriter::writeString(QString::fromUtf8(name), body);
            body += ":[";
            bool first = true;
            for (const ChartStore::Entry &entry : versions) {
                if (!first)
                    body += ',';
                first = false;
                body += entry.json;
            }
            body += ']';
        }
        ++index;
    }
    body += '}';
    return ServerResponse::json(200, body);
}

ServerResponse ChartMuseumApi::chartFile(const Match &match)
{
    const bool provenance = match.file.endsWith(u"tgz.prov"_s);
    if (!match.file.endsWith(u"tgz"_s) && !provenance)
        return ServerResponse::error(500, u"unsupported file extension"_s);
    const std::optional<QByteArray> data = m_store.readObject(match.repo, match.file);
    if (!data)
        return ServerResponse::error(404, u"object not found"_s);
    ServerResponse response;
    response.setHeader("Content-Type", provenance ? "application/pgp-signature" : "application/x-tar");
    response.body = *data;
    return response;
}

ServerResponse ChartMuseumApi::templates(const Match &match)
{
    const Lookup found = lookup(match);
    if (!found.entry)
        return ServerResponse::error(404, found.error);
    const std::optional<QByteArray> data = m_store.readObject(match.repo, found.entry->fileName);
    if (!data)
        return ServerResponse::error(500, u"object not found"_s);
    QString error;
    const std::optional<ChartArchive> archive = ChartArchive::read(*data, &error);
    if (!archive)
        return ServerResponse::error(500, error);
    GoValue templates;
    GoValue values;
    for (const ChartArchive::File &file : archive->files()) {
        if (file.path.startsWith(u"templates/"_s)) {
            if (templates.type() == GoValue::Type::Null)
                templates = GoValue::array();
            templates.append(
                GoValue::object({{u"name"_s, GoValue(file.path)},
                                 {u"data"_s, GoValue(QString::fromLatin1(file.data.toBase64()))}}));
        } else if (file.path == u"values.yaml"_s) {
            const std::optional<GoValue> parsed = ValuesJson::fromYaml(file.data, &error);
            if (!parsed)
                return ServerResponse::error(500, u"cannot load values.yaml: %1"_s.arg(error));
            values = *parsed;
        }
    }
    return ServerResponse::json(200,
                                GoJsonWriter::write(GoValue::object({{u"templates"_s, std::move(templates)},
                                                                     {u"values"_s, std::move(values)}})));
}

ServerResponse ChartMuseumApi::values(const Match &match)
{
    const Lookup found = lookup(match);
    if (!found.entry)
        return ServerResponse::error(404, found.error);
    const std::optional<QByteArray> data = m_store.readObject(match.repo, found.entry->fileName);
    if (!data)
        return ServerResponse::error(500, u"object not found"_s);
    QString error;
    const std::optional<ChartArchive> archive = ChartArchive::read(*data, &error);
    if (!archive)
        return ServerResponse::error(500, error);
    for (const ChartArchive::File &file : archive->files()) {
        if (file.path == u"values.yaml"_s) {
            ServerResponse response;
            response.setHeader("Content-Type", "application/yaml");
            response.body = file.data;
            return response;
        }
    }
    return ServerResponse::error(404, u"values.yaml not found"_s);
}

std::optional<QString> ChartMuseumApi::provenanceFileName(const QByteArray &content)
{
    static const QRegularExpression name(u"\nname:[ *](.+)"_s);
    static const QRegularExpression version(u"\nversion:[ *](.+)"_s);
    const QString text = QString::fromUtf8(content);
    const QRegularExpressionMatch nameMatch = name.match(text);
    const QRegularExpressionMatch versionMatch = version.match(text);
    if (!text.startsWith(u"-----BEGIN PGP SIGNED MESSAGE-----"_s) || !nameMatch.hasMatch() ||
        !versionMatch.hasMatch())
        return std::nullopt;
    return nameMatch.captured(1) + u'-' + versionMatch.captured(1) + u".tgz.prov"_s;
}

ServerResponse ChartMuseumApi::upload(const ServerRequest &request, const Match &match)
{
    if (request.bodyTooLarge)
        return tooLarge();
    if (request.mediaType() == "multipart/form-data")
        return uploadMultipart(request, match);
    QString error;
    const std::optional<ChartArchive> archive = ChartArchive::read(request.body, &error);
    if (!archive)
        return ServerResponse::error(400, error);
    const QString fileName = archive->metadata().name + u'-' + archive->metadata().version + u".tgz"_s;
    if (!isPlainFileName(fileName))
        return ServerResponse::error(400, u"%1 is improperly formatted"_s.arg(fileName));
    if (!overwriteAllowed(request) && m_store.exists(match.repo, fileName))
        return ServerResponse::error(409, u"file already exists"_s);
    error = m_store.writeObject(match.repo, fileName, request.body);
    if (!error.isEmpty())
        return ServerResponse::error(500, error);
    m_store.addChart(match.repo, *archive, fileName, request.body);
    return ServerResponse::json(201, savedBody);
}

ServerResponse ChartMuseumApi::uploadProvenance(const ServerRequest &request, const Match &match)
{
    if (request.bodyTooLarge)
        return tooLarge();
    if (request.mediaType() == "multipart/form-data")
        return uploadMultipart(request, match);
    const std::optional<QString> fileName = provenanceFileName(request.body);
    if (!fileName)
        return ServerResponse::error(500, u"invalid provenance file"_s);
    if (!isPlainFileName(*fileName))
        return ServerResponse::error(400, u"%1 is improperly formatted"_s.arg(*fileName));
    if (!overwriteAllowed(request) && m_store.exists(match.repo, *fileName))
        return ServerResponse::error(409, u"file already exists"_s);
    const QString error = m_store.writeObject(match.repo, *fileName, request.body);
    if (!error.isEmpty())
        return ServerResponse::error(500, error);
    return ServerResponse::json(201, savedBody);
}

ServerResponse ChartMuseumApi::uploadMultipart(const ServerRequest &request, const Match &match)
{
    const QString noFields = u"no package or provenance file found in form fields chart and prov"_s;
    const std::optional<QByteArray> boundary =
        MultipartParser::parameter(request.header("Content-Type"), "boundary");
    const std::optional<QList<MultipartParser::Part>> parts =
        boundary ? MultipartParser::parse(request.body, *boundary) : std::nullopt;
    if (!parts)
        return ServerResponse::error(400, noFields);
    const auto fileField = [&parts](const QByteArray &name) -> const MultipartParser::Part * {
        for (const MultipartParser::Part &part : *parts) {
            if (part.name == name && !part.fileName.isEmpty())
                return &part;
        }
        return nullptr;
    };

    struct Upload
    {
        QString fileName;
        QByteArray data;
        std::optional<ChartArchive> archive;
    };
    QList<Upload> uploads;
    if (const MultipartParser::Part *chart = fileField("chart")) {
        QString error;
        std::optional<ChartArchive> archive = ChartArchive::read(chart->data, &error);
        if (!archive)
            return ServerResponse::error(400, error);
        const QString fileName = archive->metadata().name + u'-' + archive->metadata().version + u".tgz"_s;
        if (!isPlainFileName(fileName))
            return ServerResponse::error(400, u"%1 is improperly formatted"_s.arg(fileName));
        uploads.append({fileName, chart->data, std::move(archive)});
    }
    if (const MultipartParser::Part *prov = fileField("prov")) {
        const std::optional<QString> fileName = provenanceFileName(prov->data);
        if (!fileName)
            return ServerResponse::error(400, u"invalid provenance file"_s);
        if (!isPlainFileName(*fileName))
            return ServerResponse::error(400, u"%1 is improperly formatted"_s.arg(*fileName));
        uploads.append({*fileName, prov->data, std::nullopt});
    }
    if (uploads.isEmpty())
        return ServerResponse::error(400, noFields);
    if (!overwriteAllowed(request)) {
        for (const Upload &upload : std::as_const(uploads)) {
            if (m_store.exists(match.repo, upload.fileName))
                return ServerResponse::error(409, u"chart already exists"_s);
        }
    }
    for (const Upload &upload : std::as_const(uploads)) {
        const QString error = m_store.writeObject(match.repo, upload.fileName, upload.data);
        if (!error.isEmpty())
            return ServerResponse::error(500, error);
        if (upload.archive)
            m_store.addChart(match.repo, *upload.archive, upload.fileName, upload.data);
    }
    return ServerResponse::json(201, savedBody);
}

ServerResponse ChartMuseumApi::remove(const Match &match)
{
    const QString error = m_store.removeChart(match.repo, match.name, match.version);
    if (!error.isEmpty())
        return ServerResponse::error(404, error);
    return ServerResponse::json(200, "{\"deleted\":true}");
}

} // namespace capstan
