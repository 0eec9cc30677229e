#pragma once

#include <QJsonValue>
#include <QString>

namespace capstan {

// Why: Argo CD's PATCH endpoint applies RFC 6902 JSON patches and RFC 7386 merge patches to the whole
// Application JSON; the test server must do the same to know what a client's patch persists.
class JsonPatch
{
public:
    // RFC 7386. `patch` is the parsed merge patch.
    static QJsonValue merge(const QJsonValue &target, const QJsonValue &patch);
    // RFC 6902. Returns false with `error` set (Go evanphx/json-patch style text) when an operation fails.
    static bool apply(QJsonValue &target, const QJsonValue &patch, QString *error);
};

} // namespace capstan
