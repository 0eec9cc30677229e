#include "ChartListModel.h"

#include "chart/SemVer.h"

namespace capstan {

ChartListModel::ChartListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void ChartListModel::setCharts(const QMap<QString, QList<ChartVersion>> &charts)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(charts.size());
    for (auto it = charts.cbegin(); it != charts.cend(); ++it) {
        Row row;
        row.name = it.key();
        row.versionCount = int(it.value().size());
        for (const ChartVersion &v : it.value()) {
            if (row.latest.isEmpty() || SemVer::compareStrings(v.version(), row.latest) > 0)
                row.latest = v.version();
        }
        m_rows.append(row);
    }
    endResetModel();
}

QString ChartListModel::nameAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).name : QString();
}

int ChartListModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).name == name)
            return int(i);
    }
    return -1;
}

int ChartListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChartListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case Qt::ToolTipRole:
        return tr("%n version(s), newest %1", nullptr, row.versionCount).arg(row.latest);
    case VersionCountRole:
        return row.versionCount;
    case LatestVersionRole:
        return row.latest;
    default:
        return {};
    }
}

} // namespace capstan
