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

// Every member is an implicitly shared Qt value (or a bool), so lists of thousands grow by moving bytes.
Q_DECLARE_TYPEINFO(capstan::ChartMetadata, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(capstan::ChartMetadata)
