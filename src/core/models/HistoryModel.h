#pragma once

#include "argocd/ArgoApplication.h"

#include <QAbstractTableModel>

namespace capstan {

// Why: the History view and its Rollback action read Argo CD's deployment history as a table, newest
// first, with the live entry marked.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, VersionColumn, DeployedAtColumn, InitiatedByColumn, SourceColumn, ColumnCount };
    enum Role {
        HistoryIdRole = Qt::UserRole + 1, // qint64
        RevisionRole,                     // chart version
        DeployedAtRole,                   // QDateTime (UTC)
        IsLiveRole,                       // bool: the entry running now
        IsRollbackTargetRole,             // bool: the default rollback target (previous entry)
    };

    explicit HistoryModel(QObject *parent = nullptr);

    // Replaces the rows; keeps rows that did not change (only inserts/removes/dataChanged as needed).
    void setApplication(const ArgoApplication &application);
    void clear();
    std::optional<ArgoApplication::HistoryEntry> entryAt(int row) const;
    int rowForId(qint64 id) const; // -1 when absent
    // The default rollback target of the history shown (ArgoApplication::defaultRollbackTarget()).
    std::optional<qint64> rollbackTargetId() const { return m_rollbackTargetId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // The default rollback target moved (a deploy, a rollback, a trimmed history); -1: there is none.
    void rollbackTargetChanged(qint64 id);

private:
    QList<ArgoApplication::HistoryEntry> m_entries; // newest first
    std::optional<qint64> m_liveId;
    std::optional<qint64> m_rollbackTargetId;
};

} // namespace capstan
