#include "ArchiveFilesModel.h"

#include <QLocale>

namespace capstan {

ArchiveFilesModel::ArchiveFilesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ArchiveFilesModel::setFiles(const QList<ChartArchive::File> &files)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(files.size());
    for (const ChartArchive::File &file : files)
        m_rows.append({file.path, file.size});
    endResetModel();
}

void ArchiveFilesModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ArchiveFilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArchiveFilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArchiveFilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Path)
            return row.path;
        return QLocale().formattedDataSize(row.size, row.size < 1024 ? 0 : 1);
    case Qt::ToolTipRole:
        if (index.column() == Size)
            return tr("%n byte(s)", nullptr, int(qMin<qint64>(row.size, std::numeric_limits<int>::max())));
        return row.path;
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
        if (index.column() == Size)
            return row.size;
        return row.path;
    default:
        return {};
    }
}

QVariant ArchiveFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return section == Path ? tr("Path") : tr("Size");
    if (role == Qt::TextAlignmentRole && section == Size)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace capstan
