#pragma once

#include "chartmuseum/ChartVersion.h"

#include <QAbstractTableModel>
#include <QList>

namespace capstan {

// Why: the versions of one chart as a table for views; it holds data and no logic.
class ChartVersionsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Version, AppVersion, Created, Digest, ColumnCount };
    enum Role { ChartVersionRole = Qt::UserRole + 1, SortRole };

    explicit ChartVersionsModel(QObject *parent = nullptr);

    void setVersions(const QList<ChartVersion> &versions);
    void clear();
    const QList<ChartVersion> &versions() const { return m_versions; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ChartVersion> m_versions;
};

} // namespace capstan
