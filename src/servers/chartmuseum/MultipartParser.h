#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace capstan {

// Why: ChartMuseum reads uploads with Go's multipart reader (Request.FormFile); the server must accept and
// reject the same bodies, e.g. a part without filename= is a form value, not a file.
class MultipartParser
{
public:
    struct Part
    {
        QByteArray name;     // Content-Disposition name
        QByteArray fileName; // Content-Disposition filename, base name only; empty for a form value
        QByteArray data;
    };

    // The parts of a multipart body, or nullopt if it is malformed (Go's ReadForm then fails as a whole).
    static std::optional<QList<Part>> parse(const QByteArray &body, const QByteArray &boundary);
    // A parameter of a header value such as `multipart/form-data; boundary="x"`; nullopt if absent.
    static std::optional<QByteArray> parameter(const QByteArray &headerValue, const QByteArray &name);
};

} // namespace capstan
