#pragma once

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QString>

#include <functional>
#include <optional>

namespace capstan {

class HttpConnection;

// Why: the fault tests and the soak need every in-repo server to misbehave the same way (a share of requests
// answered 500 with the service's own error body, added latency, answers lost after the change was
// applied), from code or from the environment, and repeatably for a seed.
class FaultInjector
{
    Q_DECLARE_TR_FUNCTIONS(FaultInjector)

public:
    struct Profile
    {
        double errorRate = 0; // share of requests answered 500 without being handled
        double dropRate = 0;  // share of requests handled, then the connection closed without the answer
        int minLatencyMs = 0; // added before every answer, uniformly in [min, max]
        int maxLatencyMs = 0;
        quint32 seed = 0; // 0: a random seed

        bool isActive() const { return errorRate > 0 || dropRate > 0 || maxLatencyMs > 0; }
        // "error=0.2,drop=0.02,latency=10-80,seed=7" (latency=N is N-N); empty text is no faults. nullopt
        // with *error saying which part is wrong.
        static std::optional<Profile> parse(const QString &text, QString *error);
        QString toString() const;
    };

    // The variable `capstan --sandbox` and `sandbox-serve` read a profile from.
    static constexpr QLatin1StringView EnvironmentVariable{"CAPSTAN_SANDBOX_FAULTS"};

    enum class Action { Pass, Fail, Drop };
    struct Decision
    {
        Action action = Action::Pass;
        int delayMs = 0;
    };

    FaultInjector() = default;

    void setProfile(const Profile &profile);
    const Profile &profile() const { return m_profile; }
    // The fate of the next request. Every request draws the same number of values, so a seed gives the same
    // sequence of decisions for the same sequence of requests.
    Decision next();
    // Draws the next decision and calls `answer` with its action, at once or after its latency (not at all
    // when the connection is gone by then). latencyOnly: the request can only be slowed (a watch stream).
    void dispatch(HttpConnection *connection, bool latencyOnly,
                  const std::function<void(HttpConnection *connection, Action action)> &answer);

    int failed() const { return m_failed; }
    int dropped() const { return m_dropped; }

private:
    Profile m_profile;
    QRandomGenerator m_random;
    int m_failed = 0;
    int m_dropped = 0;
};

} // namespace capstan
