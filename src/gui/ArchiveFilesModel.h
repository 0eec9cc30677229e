#pragma once

#include "chart/ChartArchive.h"

#include <QAbstractTableModel>
#include <QList>

namespace capstan {

// Why: the "Files" tab lists what a chart archive holds, with sizes readable by a person and sortable by
// their byte count.
class ArchiveFilesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Path, Size, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ArchiveFilesModel(QObject *parent = nullptr);

    void setFiles(const QList<ChartArchive::File> &files);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString path;
        qint64 size = 0;
    };
    QList<Row> m_rows;
};

} // namespace capstan
