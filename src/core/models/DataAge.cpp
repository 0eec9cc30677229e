#include "DataAge.h"

namespace capstan {

QString DataAge::describe(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return {};
    const qint64 seconds = std::max<qint64>(0, then.secsTo(now));
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n min ago", nullptr, int(seconds / 60));
    if (seconds < 48 * 3600)
        return tr("%n h ago", nullptr, int(seconds / 3600));
    return tr("%n day(s) ago", nullptr, int(seconds / 86400));
}

} // namespace capstan
