#pragma once

#include "chart/ChartMetadata.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

namespace capstan {

// Why: one entry of a ChartMuseum repository (Helm repo.ChartVersion): metadata plus where and when.
struct ChartVersion
{
    ChartMetadata metadata;
    QStringList urls;
    QDateTime created;
    QString digest; // hex sha256 of the .tgz

    QString name() const { return metadata.name; }
    QString version() const { return metadata.version; }
    QString appVersion() const { return metadata.appVersion; }

    QJsonObject
    toJson() const; // same field names and omission rules as the server (ChartVersionReader reads it)
};

} // namespace capstan

// Every member is an implicitly shared Qt value (or a bool), so lists of thousands grow by moving bytes.
Q_DECLARE_TYPEINFO(capstan::ChartVersion, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(capstan::ChartVersion)
