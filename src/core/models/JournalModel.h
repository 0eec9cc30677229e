#pragma once

#include "pipeline/DeployJournal.h"

#include <QAbstractTableModel>

namespace capstan {

// Why: the Journal view lists past and interrupted deploys, newest first, from the deploy journal.
class JournalModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StartedColumn,
        VersionColumn,
        EnvColumn,
        UserColumn,
        OutcomeColumn,
        DurationColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        OutcomeRole /* stable name */,
        StepsRole /* QStringList "name: status" */
    };

    explicit JournalModel(QObject *parent = nullptr);

    // Rows updated in place (no reset when the ids are unchanged).
    void setEntries(const QList<DeployJournal::Entry> &entries);
    DeployJournal::Entry entryAt(int row) const;
    static QString outcomeLabel(const DeployJournal::Entry &entry); // translated; interrupted stands out

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DeployJournal::Entry> m_entries;
};

} // namespace capstan
