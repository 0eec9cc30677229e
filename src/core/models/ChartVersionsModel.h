#pragma once

#include "chart/SemVer.h"
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
    // Position of a row's version in ascending SemVer order (valid versions by precedence, then the
    // invalid ones by text; equal precedence by text), worked out once per setVersions() so that sorting
    // and range filters never parse a version again.
    int versionRank(int row) const { return m_ranks.at(row); }
    const std::optional<SemVer> &semVer(int row) const { return m_semVers.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rankVersions();

    QList<ChartVersion> m_versions;
    QList<std::optional<SemVer>> m_semVers;
    QList<int> m_ranks;
};

} // namespace capstan
