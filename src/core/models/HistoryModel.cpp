#include "HistoryModel.h"

#include <QSet>

namespace capstan {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void HistoryModel::setApplication(const ArgoApplication &application)
{
    QList<ArgoApplication::HistoryEntry> entries = application.history;
    std::reverse(entries.begin(), entries.end());
    const std::optional<qint64> oldLive = m_liveId;
    const std::optional<qint64> oldTarget = m_rollbackTargetId;

    QSet<qint64> wanted;
    for (const auto &entry : std::as_const(entries))
        wanted.insert(entry.id);
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_entries.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_entries.removeAt(row);
        endRemoveRows();
    }
    for (int row = 0; row < int(entries.size()); ++row) {
        const auto &entry = entries.at(row);
        if (row < int(m_entries.size()) && m_entries.at(row).id == entry.id) {
            const auto &old = m_entries.at(row);
            const bool same = old.revision == entry.revision && old.deployedAt == entry.deployedAt &&
                              old.deployStartedAt == entry.deployStartedAt &&
                              old.initiatedBy == entry.initiatedBy && old.automated == entry.automated &&
                              old.sourceRepoUrl == entry.sourceRepoUrl &&
                              old.sourceChart == entry.sourceChart &&
                              old.sourceTargetRevision == entry.sourceTargetRevision;
            if (!same) {
                m_entries[row] = entry;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_entries.insert(row, entry);
        endInsertRows();
    }
    if (m_entries.size() > entries.size()) {
        beginRemoveRows({}, int(entries.size()), int(m_entries.size()) - 1);
        m_entries.resize(entries.size());
        endRemoveRows();
    }

    m_liveId = application.liveHistoryId();
    const auto target = application.defaultRollbackTarget();
    m_rollbackTargetId = target ? std::optional<qint64>(target->id) : std::nullopt;
    if (oldLive == m_liveId && oldTarget == m_rollbackTargetId)
        return;
    for (const auto &id : {oldLive, oldTarget, m_liveId, m_rollbackTargetId}) {
        const int row = id ? rowForId(*id) : -1;
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (oldTarget != m_rollbackTargetId)
        Q_EMIT rollbackTargetChanged(m_rollbackTargetId.value_or(-1));
}

void HistoryModel::clear()
{
    if (m_entries.isEmpty()) {
        m_liveId.reset();
        m_rollbackTargetId.reset();
        return;
    }
    const bool hadTarget = m_rollbackTargetId.has_value();
    beginResetModel();
    m_entries.clear();
    m_liveId.reset();
    m_rollbackTargetId.reset();
    endResetModel();
    if (hadTarget)
        Q_EMIT rollbackTargetChanged(-1);
}

std::optional<ArgoApplication::HistoryEntry> HistoryModel::entryAt(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return std::nullopt;
    return m_entries.at(row);
}

int HistoryModel::rowForId(qint64 id) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == id)
            return row;
    }
    return -1;
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &entry = m_entries.at(index.row());
    const bool live = m_liveId && *m_liveId == entry.id;
    const bool target = m_rollbackTargetId && *m_rollbackTargetId == entry.id;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return entry.id;
        case VersionColumn:
            return live ? tr("%1 (live)").arg(entry.revision) : entry.revision;
        case DeployedAtColumn:
            return entry.deployedAt.isValid() ? entry.deployedAt.toString(Qt::ISODate) : QString();
        case InitiatedByColumn:
            return entry.automated ? tr("auto-sync") : entry.initiatedBy;
        case SourceColumn:
            return entry.sourceChart.isEmpty()
                       ? entry.sourceTargetRevision
                       : tr("%1 %2").arg(entry.sourceChart, entry.sourceTargetRevision);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (live)
            return tr("Running now");
        if (target)
            return tr("Default rollback target");
        return {};
    case HistoryIdRole:
        return entry.id;
    case RevisionRole:
        return entry.revision;
    case DeployedAtRole:
        return entry.deployedAt;
    case IsLiveRole:
        return live;
    case IsRollbackTargetRole:
        return target;
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("ID");
    case VersionColumn:
        return tr("Version");
    case DeployedAtColumn:
        return tr("Deployed (UTC)");
    case InitiatedByColumn:
        return tr("By");
    case SourceColumn:
        return tr("Target at the time");
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(HistoryIdRole, QByteArrayLiteral("historyId"));
    names.insert(RevisionRole, QByteArrayLiteral("revision"));
    names.insert(DeployedAtRole, QByteArrayLiteral("deployedAt"));
    names.insert(IsLiveRole, QByteArrayLiteral("isLive"));
    names.insert(IsRollbackTargetRole, QByteArrayLiteral("isRollbackTarget"));
    return names;
}

} // namespace capstan
