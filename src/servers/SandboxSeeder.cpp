#include "SandboxSeeder.h"

#include "DemoChart.h"
#include "HomelabHistory.h"

#include "chart/ChartArchiveWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

bool writeChart(const QString &directory, const QString &name, const QString &version, const QByteArray &tgz,
                const QDateTime &created, QString *error)
{
    if (tgz.isEmpty()) {
        *error = QCoreApplication::translate("SandboxSeeder", "Could not build the chart archive %1-%2.")
                     .arg(name, version);
        return false;
    }
    const QString path = directory + u'/' + name + u'-' + version + u".tgz"_s;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(tgz) != tgz.size() ||
        !file.flush() || !file.setFileTime(created, QFileDevice::FileModificationTime)) {
        *error = QCoreApplication::translate("SandboxSeeder", "Could not write %1: %2")
                     .arg(path, file.errorString());
        file.remove();
        return false;
    }
    return true;
}

QList<ChartArchiveWriter::Entry> smallChart(const QString &name, const QString &version,
                                            const QString &description, const QString &appVersion)
{
    QList<ChartArchiveWriter::Entry> entries;
    entries.append(
        {u"Chart.yaml"_s, u"apiVersion: v2\nname: %1\ndescription: \"%2\"\ntype: application\nversion: %3\n"
                          "appVersion: \"%4\"\nmaintainers:\n  - name: Homelab Ops\n"_s
                              .arg(name, description, version, appVersion)
                              .toUtf8()});
    entries.append({u"values.yaml"_s, u"image:\n  tag: \"%1\"\nreplicas: 1\n"_s.arg(appVersion).toUtf8()});
    entries.append(
        {u"templates/configmap.yaml"_s,
         u"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %1-config\ndata:\n  version: \"%2\"\n"_s
             .arg(name, version)
             .toUtf8()});
    return entries;
}

} // namespace

SandboxSeeder::Result SandboxSeeder::seedHomelab(const QString &directory)
{
    Result result;
    if (!QDir().mkpath(directory)) {
        result.error =
            QCoreApplication::translate("SandboxSeeder", "Could not create the directory %1.").arg(directory);
        return result;
    }
    const HomelabHistory history;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const HomelabHistory::Run &run : history.runs()) {
        if (!run.hasChart)
            continue;
        const QString version = history.chartVersion(run.number);
        const QDateTime created = history.chartCreated(run.number);
        QString packageError;
        const QByteArray tgz =
            DemoChart::package(run.number, version, created.toSecsSinceEpoch(), &packageError);
        if (tgz.isEmpty()) {
            result.error = QCoreApplication::translate("SandboxSeeder", "Could not package torvalds %1: %2")
                               .arg(version, packageError);
            return result;
        }
        if (!writeChart(directory, u"torvalds"_s, version, tgz, created, &result.error))
            return result;
        ++result.chartFiles;
    }

    struct Small
    {
        QString name;
        QString version;
        QString appVersion;
        int hoursAgo;
    };
    const QList<Small> others = {
        {u"ha-addons"_s, u"0.1.0"_s, u"1.2.0"_s, 20 * 24},
        {u"ha-addons"_s, u"0.2.0"_s, u"1.3.0"_s, 14 * 24},
        {u"ha-addons"_s, u"0.2.1"_s, u"1.3.1"_s, 9 * 24},
        {u"ha-addons"_s, u"0.3.0-rc.1"_s, u"1.4.0"_s, 2 * 24},
        {u"monitoring"_s, u"1.0.0-1"_s, u"2.53.0"_s, 18 * 24},
        {u"monitoring"_s, u"1.0.0-2"_s, u"2.53.1"_s, 16 * 24},
        {u"monitoring"_s, u"1.0.0-3"_s, u"2.53.1"_s, 12 * 24},
        {u"monitoring"_s, u"1.0.0"_s, u"2.54.0"_s, 11 * 24},
        {u"monitoring"_s, u"1.1.0-1"_s, u"2.55.0"_s, 3 * 24},
        {u"cloudflared"_s, u"2024.11.0"_s, u"2024.11.0"_s, 6 * 24},
    };
    for (const Small &chart : others) {
        const QString description =
            chart.name == u"ha-addons"_s    ? u"Home Assistant add-ons: Zigbee2MQTT and Mosquitto"_s
            : chart.name == u"monitoring"_s ? u"Prometheus, Grafana and node exporters for the homelab"_s
                                            : u"Cloudflare tunnel for the homelab"_s;
        const QDateTime created =
            now.addSecs(-qint64(chart.hoursAgo) * 3600 - 1800).addMSecs(-(chart.hoursAgo * 13) % 1000);
        if (!writeChart(directory, chart.name, chart.version,
                        ChartArchiveWriter::write(
                            chart.name, smallChart(chart.name, chart.version, description, chart.appVersion),
                            created.toSecsSinceEpoch()),
                        created, &result.error))
            return result;
        ++result.chartFiles;
    }
    return result;
}

SandboxSeeder::Result SandboxSeeder::seedMany(const QString &directory, const QString &name, int count)
{
    Result result;
    if (!QDir().mkpath(directory)) {
        result.error =
            QCoreApplication::translate("SandboxSeeder", "Could not create the directory %1.").arg(directory);
        return result;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int build = 1; build <= count; ++build) {
        const QString version = u"1.0.0-%1"_s.arg(build);
        const QDateTime created = now.addSecs(-qint64(count - build) * 60);
        if (!writeChart(directory, name, version,
                        ChartArchiveWriter::write(name,
                                                  smallChart(name, version, u"Load-test chart"_s, u"1.0.0"_s),
                                                  created.toSecsSinceEpoch()),
                        created, &result.error))
            return result;
        ++result.chartFiles;
    }
    return result;
}

} // namespace capstan
