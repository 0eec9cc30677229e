#include "MultipartParser.h"

namespace capstan {

std::optional<QByteArray> MultipartParser::parameter(const QByteArray &headerValue, const QByteArray &name)
{
    qsizetype position = headerValue.indexOf(';');
    while (position >= 0 && position < headerValue.size()) {
        ++position;
        while (position < headerValue.size() &&
               (headerValue.at(position) == ' ' || headerValue.at(position) == '\t'))
            ++position;
        const qsizetype equals = headerValue.indexOf('=', position);
        if (equals < 0)
            return std::nullopt;
        const QByteArray key = headerValue.mid(position, equals - position).trimmed().toLower();
        position = equals + 1;
        QByteArray value;
        if (position < headerValue.size() && headerValue.at(position) == '"') {
            ++position;
            while (position < headerValue.size() && headerValue.at(position) != '"') {
                if (headerValue.at(position) == '\\' && position + 1 < headerValue.size())
                    ++position;
                value.append(headerValue.at(position));
                ++position;
            }
            ++position; // closing quote
            const qsizetype next = headerValue.indexOf(';', position);
            position = next;
        } else {
            const qsizetype next = headerValue.indexOf(';', position);
            value =
                (next < 0 ? headerValue.mid(position) : headerValue.mid(position, next - position)).trimmed();
            position = next;
        }
        if (key == name.toLower())
            return value;
    }
    return std::nullopt;
}

std::optional<QList<MultipartParser::Part>> MultipartParser::parse(const QByteArray &body,
                                                                   const QByteArray &boundary)
{
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray dashBoundary = "--" + boundary;
    // The first boundary line: at the start or after a preamble line.
    qsizetype position = -1;
    if (body.startsWith(dashBoundary)) {
        position = 0;
    } else {
        const qsizetype found = body.indexOf("\n" + dashBoundary);
        if (found < 0)
            return std::nullopt;
        position = found + 1;
    }
    QList<Part> parts;
    while (true) {
        position += dashBoundary.size();
        if (body.mid(position, 2) == "--")
            return parts; // final boundary
        // Rest of the boundary line: optional whitespace, then a line break.
        while (position < body.size() && (body.at(position) == ' ' || body.at(position) == '\t'))
            ++position;
        if (body.mid(position, 2) == "\r\n")
            position += 2;
        else if (body.mid(position, 1) == "\n")
            position += 1;
        else
            return std::nullopt;

        // Part headers up to an empty line.
        Part part;
        bool formData = false;
        while (true) {
            const qsizetype lineEnd = body.indexOf('\n', position);
            if (lineEnd < 0)
                return std::nullopt;
            QByteArray line = body.mid(position, lineEnd - position);
            position = lineEnd + 1;
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.isEmpty())
                break;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return std::nullopt;
            if (line.left(colon).trimmed().compare("Content-Disposition", Qt::CaseInsensitive) != 0)
                continue;
            const QByteArray value = line.mid(colon + 1).trimmed();
            const qsizetype semicolon = value.indexOf(';');
            formData = (semicolon < 0 ? value : value.left(semicolon))
                           .trimmed()
                           .compare("form-data", Qt::CaseInsensitive) == 0;
            part.name = parameter(value, "name").value_or(QByteArray());
            QByteArray fileName = parameter(value, "filename").value_or(QByteArray());
            const qsizetype slash = qMax(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
            if (slash >= 0 && !fileName.isEmpty())
                fileName = fileName.mid(slash + 1);
            part.fileName = fileName;
        }

        // Data up to the next delimiter line.
        qsizetype next = body.indexOf("\r\n" + dashBoundary, position);
        qsizetype delimiterLength = 2;
        const qsizetype nextLf = body.indexOf("\n" + dashBoundary, position);
        if (next < 0 || (nextLf >= 0 && nextLf < next && body.at(nextLf - 1) != '\r')) {
            next = nextLf;
            delimiterLength = 1;
        }
        if (next < 0)
            return std::nullopt;
        part.data = body.mid(position, next - position);
        if (formData && !part.name.isEmpty())
            parts.append(part);
        position = next + delimiterLength;
    }
}

} // namespace capstan
