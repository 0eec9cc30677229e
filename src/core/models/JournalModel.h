#pragma once

#include "pipeline/DeployJournal.h"

#include <QAbstractTableModel>

namespace capstan {

// Why: the Journal view lists past and interrupted deploys and the other actions on the application
// (rollbacks, auto-sync, locks, ...), newest first, from the deploy journal.
class JournalModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StartedColumn, // when: a deploy's start, an action's time
        KindColumn,
        VersionColumn, // what: a deploy's version, an action's application and message
        EnvColumn,
        UserColumn,
        OutcomeColumn,
        DurationColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // the deploy's or the action's journal id (each kind has its own ids)
        OutcomeRole /* stable name */,
        StepsRole /* QStringList "name: status" */,
        KindRole /* "deploy" or the action's kind */
    };

    explicit JournalModel(QObject *parent = nullptr);

    // Rows updated in place (no reset when the rows are the same deploys and actions).
    void setRecords(const QList<DeployJournal::Record> &records);
    void setEntries(const QList<DeployJournal::Entry> &entries); // deploys only
    DeployJournal::Record recordAt(int row) const;
    DeployJournal::Entry entryAt(int row) const;                    // an empty entry for an action's row
    int deployRow(qint64 id) const;                                 // -1 when that deploy is not listed
    static QString outcomeLabel(const DeployJournal::Entry &entry); // translated; interrupted stands out
    static QString outcomeLabel(const DeployJournal::Action &action);
    static QString kindLabel(const QString &kind); // translated: "Deploy", "Rollback", "Auto-sync off", ...

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DeployJournal::Record> m_records;
};

} // namespace capstan
