#pragma once

#include "chart/ChartArchiveWriter.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Why: tests need chart packages, valid and broken in specific ways, as bytes, without touching helm.
class TestChartFactory
{
public:
    // A valid chart: Chart.yaml (apiVersion v2), values.yaml and one template, plus `extra` entries.
    static QByteArray chart(const QString &name, const QString &version,
                            const QString &appVersion = QStringLiteral("1.0.0"),
                            const QList<capstan::ChartArchiveWriter::Entry> &extra = {});
    // The entries chart() packs, for tests that change one of them.
    static QList<capstan::ChartArchiveWriter::Entry>
    entries(const QString &name, const QString &version, const QString &appVersion = QStringLiteral("1.0.0"));
    static QByteArray fromEntries(const QString &topDirectory,
                                  const QList<capstan::ChartArchiveWriter::Entry> &entries);
    // A chart whose Chart.yaml is the given text.
    static QByteArray withChartYaml(const QByteArray &chartYaml);
    // A valid gzip'd tar with an entry outside the top directory ("x/../../evil").
    static QByteArray withParentReference();
    static QByteArray notGzip() { return QByteArrayLiteral("this is not a chart"); }
    // A provenance file as ChartMuseum accepts it (the signature is not checked).
    static QByteArray provenance(const QString &name, const QString &version);
};
