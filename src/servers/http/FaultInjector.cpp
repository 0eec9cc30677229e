#include "FaultInjector.h"

#include "HttpConnection.h"

#include <QPointer>
#include <QTimer>

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

std::optional<FaultInjector::Profile> FaultInjector::Profile::parse(const QString &text, QString *error)
{
    Profile profile;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        const qsizetype equals = part.indexOf(u'=');
        const QString key = part.left(equals).trimmed();
        const QString value = equals < 0 ? QString() : part.mid(equals + 1).trimmed();
        bool ok = false;
        if (key == u"error" || key == u"drop") {
            const double rate = value.toDouble(&ok);
            if (!ok || rate < 0 || rate > 1) {
                *error = tr("%1: \"%2\" is not a share between 0 and 1").arg(key, value);
                return std::nullopt;
            }
            (key == u"error" ? profile.errorRate : profile.dropRate) = rate;
        } else if (key == u"latency") {
            const QStringList bounds = value.split(u'-');
            bool minOk = false;
            bool maxOk = bounds.size() == 1;
            const int low = bounds.value(0).toInt(&minOk);
            const int high = bounds.size() == 2 ? bounds.value(1).toInt(&maxOk) : low;
            if (bounds.size() > 2 || !minOk || !maxOk || low < 0 || high < low || high > 600000) {
                *error = tr("latency: \"%1\" is not MS or MIN-MAX in milliseconds").arg(value);
                return std::nullopt;
            }
            profile.minLatencyMs = low;
            profile.maxLatencyMs = high;
        } else if (key == u"seed") {
            profile.seed = value.toUInt(&ok);
            if (!ok) {
                *error = tr("seed: \"%1\" is not a non-negative whole number").arg(value);
                return std::nullopt;
            }
        } else {
            *error = tr("unknown fault setting \"%1\" (known: error, drop, latency, seed)").arg(part);
            return std::nullopt;
        }
    }
    if (profile.errorRate + profile.dropRate > 1) {
        *error = tr("error and drop together exceed 1");
        return std::nullopt;
    }
    return profile;
}

QString FaultInjector::Profile::toString() const
{
    QStringList parts;
    parts.append(u"error=%1"_s.arg(errorRate));
    parts.append(u"drop=%1"_s.arg(dropRate));
    parts.append(u"latency=%1-%2"_s.arg(minLatencyMs).arg(maxLatencyMs));
    if (seed != 0)
        parts.append(u"seed=%1"_s.arg(seed));
    return parts.join(u',');
}

void FaultInjector::setProfile(const Profile &profile)
{
    m_profile = profile;
    m_random.seed(profile.seed != 0 ? profile.seed : QRandomGenerator::system()->generate());
}

FaultInjector::Decision FaultInjector::next()
{
    Decision decision;
    if (!m_profile.isActive())
        return decision;
    const double roll = m_random.generateDouble();
    const int spread = m_profile.maxLatencyMs - m_profile.minLatencyMs;
    const int jitter = int(m_random.bounded(spread + 1));
    decision.delayMs = m_profile.minLatencyMs + jitter;
    if (roll < m_profile.errorRate) {
        decision.action = Action::Fail;
        ++m_failed;
    } else if (roll < m_profile.errorRate + m_profile.dropRate) {
        decision.action = Action::Drop;
        ++m_dropped;
    }
    return decision;
}

void FaultInjector::dispatch(HttpConnection *connection, bool latencyOnly,
                             const std::function<void(HttpConnection *connection, Action action)> &answer)
{
    Decision decision = next();
    if (latencyOnly)
        decision.action = Action::Pass;
    if (decision.delayMs <= 0) {
        answer(connection, decision.action);
        return;
    }
    QPointer<HttpConnection> guard(connection);
    QTimer::singleShot(decision.delayMs, connection, [guard, answer, action = decision.action] {
        if (guard)
            answer(guard, action);
    });
}

} // namespace capstan
