#include "TestChartFactory.h"

using capstan::ChartArchiveWriter;

QList<ChartArchiveWriter::Entry> TestChartFactory::entries(const QString &name, const QString &version,
                                                           const QString &appVersion)
{
    QList<ChartArchiveWriter::Entry> list;
    list.append({QStringLiteral("Chart.yaml"),
                 QStringLiteral("apiVersion: v2\nname: %1\ndescription: A test chart\ntype: application\n"
                                "version: %2\nappVersion: \"%3\"\n")
                     .arg(name, version, appVersion)
                     .toUtf8()});
    list.append({QStringLiteral("values.yaml"),
                 QByteArrayLiteral("replicas: 2\nimage:\n  repository: ghcr.io/test/app\n  tag: latest\n")});
    list.append(
        {QStringLiteral("templates/configmap.yaml"),
         QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %1\ndata:\n  version: \"%2\"\n")
             .arg(name, version)
             .toUtf8()});
    return list;
}

QByteArray TestChartFactory::fromEntries(const QString &topDirectory,
                                         const QList<ChartArchiveWriter::Entry> &entries)
{
    return ChartArchiveWriter::write(topDirectory, entries, 1700000000);
}

QByteArray TestChartFactory::chart(const QString &name, const QString &version, const QString &appVersion,
                                   const QList<ChartArchiveWriter::Entry> &extra)
{
    QList<ChartArchiveWriter::Entry> list = entries(name, version, appVersion);
    list.append(extra);
    return fromEntries(name, list);
}

QByteArray TestChartFactory::withChartYaml(const QByteArray &chartYaml)
{
    return fromEntries(QStringLiteral("chart"), {{QStringLiteral("Chart.yaml"), chartYaml}});
}

QByteArray TestChartFactory::withParentReference()
{
    return fromEntries(
        QStringLiteral("chart"),
        {{QStringLiteral("Chart.yaml"), QByteArrayLiteral("apiVersion: v2\nname: chart\nversion: 1.0.0\n")},
         {QStringLiteral("../../evil.yaml"), QByteArrayLiteral("x: 1\n")}});
}

QByteArray TestChartFactory::provenance(const QString &name, const QString &version)
{
    return QStringLiteral(
               "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\napiVersion: v2\nname: %1\n"
               "version: %2\n\n...\nfiles:\n  %1-%2.tgz: sha256:0000\n-----BEGIN PGP SIGNATURE-----\n\n"
               "wsBcBAEBCgAQBQJjAAAACRAAAAAAAAAAAAAA\n-----END PGP SIGNATURE-----\n")
        .arg(name, version)
        .toUtf8();
}
