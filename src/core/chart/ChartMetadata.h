#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace capstan {

// Why: the fields of a chart's Chart.yaml, shared by archives, the ChartMuseum API and the views.
struct ChartMetadata
{
    struct Maintainer
    {
        QString name;
        QString email;
        QString url;
        bool operator==(const Maintainer &) const = default;
    };
    struct Dependency
    {
        QString name;
        QString version;
        QString repository;
        QString condition;
        QString alias;
        bool operator==(const Dependency &) const = default;
    };

    QString apiVersion;
    QString name;
    QString version;
    QString appVersion;
    QString description;
    QString type;
    QString home;
    QString icon;
    QString kubeVersion;
    QStringList sources;
    QStringList keywords;
    QList<Maintainer> maintainers;
    QList<Dependency> dependencies;
    QMap<QString, QString> annotations;
    bool deprecated = false;

    bool operator==(const ChartMetadata &) const = default;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::ChartMetadata)
