#include "JournalModel.h"

#include "models/PipelineStepsModel.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

bool sameStep(const DeployJournal::StepRecord &a, const DeployJournal::StepRecord &b)
{
    return a.name == b.name && a.stage == b.stage && a.result.status == b.result.status &&
           a.result.started == b.result.started && a.result.durationMs == b.result.durationMs &&
           a.result.exitCode == b.result.exitCode && a.result.message == b.result.message;
}

bool sameEntry(const DeployJournal::Entry &a, const DeployJournal::Entry &b)
{
    if (a.id != b.id || a.target.build != b.target.build || a.target.version != b.target.version ||
        a.target.sha != b.target.sha || a.target.env != b.target.env || a.target.reason != b.target.reason ||
        a.target.user != b.target.user || a.application != b.application || a.host != b.host ||
        a.pid != b.pid || a.started != b.started || a.finished != b.finished || a.outcome != b.outcome ||
        a.message != b.message || a.steps.size() != b.steps.size())
        return false;
    for (int i = 0; i < a.steps.size(); ++i) {
        if (!sameStep(a.steps.at(i), b.steps.at(i)))
            return false;
    }
    return true;
}

} // namespace

JournalModel::JournalModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void JournalModel::setEntries(const QList<DeployJournal::Entry> &entries)
{
    QSet<qint64> wanted;
    for (const auto &entry : entries)
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
            if (!sameEntry(m_entries.at(row), entry)) {
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
}

DeployJournal::Entry JournalModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row) : DeployJournal::Entry();
}

int JournalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int JournalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JournalModel::outcomeLabel(const DeployJournal::Entry &entry)
{
    if (entry.outcome.isEmpty())
        return entry.currentStep().isEmpty() ? tr("running") : tr("running: %1").arg(entry.currentStep());
    if (entry.outcome == u"succeeded"_s)
        return tr("succeeded");
    if (entry.outcome == u"failed"_s)
        return tr("failed");
    if (entry.outcome == u"cancelled"_s)
        return tr("cancelled");
    if (entry.outcome == u"interrupted"_s)
        return entry.message.isEmpty() ? tr("INTERRUPTED") : tr("INTERRUPTED (%1)").arg(entry.message);
    return entry.outcome;
}

QVariant JournalModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StartedColumn:
            return entry.started.isValid() ? entry.started.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s)
                                           : QString();
        case VersionColumn:
            return entry.target.build.isEmpty()
                       ? entry.target.version
                       : tr("%1 (build %2)").arg(entry.target.version, entry.target.build);
        case EnvColumn:
            return entry.target.env;
        case UserColumn:
            return entry.target.user;
        case OutcomeColumn:
            return outcomeLabel(entry);
        case DurationColumn:
            return entry.started.isValid() && entry.finished.isValid()
                       ? PipelineStepsModel::formatDuration(entry.started.msecsTo(entry.finished))
                       : QString();
        case ReasonColumn:
            return entry.target.reason;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == OutcomeColumn && !entry.message.isEmpty())
            return entry.message;
        return {};
    case IdRole:
        return entry.id;
    case OutcomeRole:
        return entry.outcome;
    case StepsRole: {
        QStringList steps;
        for (const auto &step : entry.steps)
            steps.append(u"%1: %2"_s.arg(step.name, StepResult::statusName(step.result.status)));
        return steps;
    }
    default:
        return {};
    }
}

QVariant JournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StartedColumn:
        return tr("Started (UTC)");
    case VersionColumn:
        return tr("Version");
    case EnvColumn:
        return tr("Environment");
    case UserColumn:
        return tr("By");
    case OutcomeColumn:
        return tr("Outcome");
    case DurationColumn:
        return tr("Duration");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace capstan
