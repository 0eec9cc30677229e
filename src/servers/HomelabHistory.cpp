#include "HomelabHistory.h"

#include <QCryptographicHash>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

struct Author
{
    QString name;
    QString login;
};

const QList<Author> &authors()
{
    static const QList<Author> list = {{u"Ada Brandt"_s, u"abrandt"_s},
                                       {u"Kofi Mensah"_s, u"kmensah"_s},
                                       {u"Lena Vogel"_s, u"lvogel"_s},
                                       {u"Ravi Iyer"_s, u"riyer"_s}};
    return list;
}

const QStringList &subjects()
{
    static const QStringList list = {
        u"Raise the Home Assistant memory limit to 1 GiB"_s,
        u"Pin mosquitto to 2.0.18"_s,
        u"Add a readiness probe to zigbee2mqtt"_s,
        u"Move Grafana dashboards into a ConfigMap"_s,
        u"Bump cdk8s-plus to 2.7"_s,
        u"Run the Home Assistant backup at 03:30"_s,
        u"Expose ESPHome on the LAN ingress"_s,
        u"Lint: forbid latest image tags"_s,
        u"Split the media stack into its own namespace"_s,
        u"Update the Jellyfin image"_s,
        u"Add resource requests to every Deployment"_s,
        u"Fix the Node-RED PVC size"_s,
        u"Rotate the Cloudflare tunnel credentials secret name"_s,
    };
    return list;
}

} // namespace

HomelabHistory::HomelabHistory(const QDateTime &now)
{
    // These runs failed their checks and never packaged a chart.
    const QList<int> failed = {104, 109, 117, 118, 126, 133, 141, 145};
    for (int number = FirstRun; number <= LastRun; ++number) {
        Run run;
        run.number = number;
        // Roughly every seven hours; sub-second parts as real timestamps have.
        run.created = now.addSecs(-qint64(148 - number) * 7 * 3600 - 600 - (number % 5) * 600)
                          .addMSecs(-(number * 37) % 1000);
        if (number == LastRun) {
            run.created = now.addSecs(-180);
            run.status = u"in_progress"_s;
        } else if (number == UnpublishedRun) {
            run.created = now.addSecs(-25 * 60).addMSecs(-412); // after 148 (40 min ago), before 150
            run.status = u"completed"_s;
            run.conclusion = u"success"_s;
            run.hasChart = false;
            run.message = u"Sync the family calendar over CalDAV"_s;
        } else {
            run.status = u"completed"_s;
            run.conclusion = failed.contains(number) ? u"failure"_s : u"success"_s;
            run.hasChart = !failed.contains(number);
        }
        const Author &author = authors().at(number % authors().size());
        run.authorName = author.name;
        run.authorLogin = author.login;
        if (run.message.isEmpty())
            run.message = subjects().at((number * 7) % subjects().size());
        m_runs.append(run);
    }
    const QList<int> deployed = {128, 130, 131, 135, 137, 139, 140, 142, 143, 146};
    for (int number : deployed) {
        const Author &author = authors().at((number / 3) % authors().size());
        m_deployments.append({number, chartCreated(number).addSecs(20 * 60).toUTC(), author.login});
    }
}

QString HomelabHistory::commitSha(int run)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(u"torvalds-commit-%1"_s.arg(run).toUtf8(), QCryptographicHash::Sha1)
            .toHex());
}

QString HomelabHistory::chartVersion(int run) const
{
    return u"1.0.0-%1"_s.arg(run);
}

QDateTime HomelabHistory::chartCreated(int run) const
{
    for (const Run &candidate : m_runs) {
        if (candidate.number == run)
            return candidate.created.addSecs(360);
    }
    return {};
}

} // namespace capstan
