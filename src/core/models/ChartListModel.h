#pragma once

#include "chartmuseum/ChartVersion.h"

#include <QAbstractListModel>
#include <QList>
#include <QMap>

namespace capstan {

// Why: the charts of a repository for the chart list: name, number of versions and the newest version.
class ChartListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { NameRole = Qt::UserRole + 1, VersionCountRole, LatestVersionRole };

    explicit ChartListModel(QObject *parent = nullptr);

    void setCharts(const QMap<QString, QList<ChartVersion>> &charts);
    QString nameAt(int row) const;
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString name;
        int versionCount = 0;
        QString latest;
    };
    QList<Row> m_rows;
};

} // namespace capstan
