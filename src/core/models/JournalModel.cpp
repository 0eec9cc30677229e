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

bool sameAction(const DeployJournal::Action &a, const DeployJournal::Action &b)
{
    return a.id == b.id && a.kind == b.kind && a.application == b.application && a.user == b.user &&
           a.host == b.host && a.at == b.at && a.reason == b.reason && a.outcome == b.outcome &&
           a.message == b.message && a.deploy == b.deploy;
}

// Deploys and actions are numbered apart: a row is a deploy id or an action id (negated).
qint64 rowKey(const DeployJournal::Record &record)
{
    return record.action ? -record.action->id : record.deploy->id;
}

bool sameRecord(const DeployJournal::Record &a, const DeployJournal::Record &b)
{
    if (a.action || b.action)
        return a.action && b.action && sameAction(*a.action, *b.action);
    return a.deploy && b.deploy && sameEntry(*a.deploy, *b.deploy);
}

} // namespace

JournalModel::JournalModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void JournalModel::setEntries(const QList<DeployJournal::Entry> &entries)
{
    QList<DeployJournal::Record> records;
    for (const DeployJournal::Entry &entry : entries)
        records.append({u"deploy"_s, entry.started, entry, std::nullopt});
    setRecords(records);
}

void JournalModel::setRecords(const QList<DeployJournal::Record> &incoming)
{
    QList<DeployJournal::Record> records;
    for (const DeployJournal::Record &record : incoming) {
        if (record.deploy || record.action)
            records.append(record);
    }
    QSet<qint64> wanted;
    for (const auto &record : std::as_const(records))
        wanted.insert(rowKey(record));
    for (int row = int(m_records.size()) - 1; row >= 0; --row) {
        if (wanted.contains(rowKey(m_records.at(row))))
            continue;
        beginRemoveRows({}, row, row);
        m_records.removeAt(row);
        endRemoveRows();
    }
    for (int row = 0; row < int(records.size()); ++row) {
        const auto &record = records.at(row);
        if (row < int(m_records.size()) && rowKey(m_records.at(row)) == rowKey(record)) {
            if (!sameRecord(m_records.at(row), record)) {
                m_records[row] = record;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_records.insert(row, record);
        endInsertRows();
    }
    if (m_records.size() > records.size()) {
        beginRemoveRows({}, int(records.size()), int(m_records.size()) - 1);
        m_records.resize(records.size());
        endRemoveRows();
    }
}

DeployJournal::Record JournalModel::recordAt(int row) const
{
    return row >= 0 && row < m_records.size() ? m_records.at(row) : DeployJournal::Record();
}

DeployJournal::Entry JournalModel::entryAt(int row) const
{
    const DeployJournal::Record record = recordAt(row);
    return record.deploy.value_or(DeployJournal::Entry());
}

int JournalModel::deployRow(qint64 id) const
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).deploy && m_records.at(row).deploy->id == id)
            return row;
    }
    return -1;
}

int JournalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
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

QString JournalModel::outcomeLabel(const DeployJournal::Action &action)
{
    if (action.outcome == u"succeeded"_s)
        return tr("succeeded");
    if (action.outcome == u"failed"_s)
        return tr("failed");
    if (action.outcome == u"refused"_s)
        return tr("refused");
    return action.outcome;
}

QString JournalModel::kindLabel(const QString &kind)
{
    if (kind == u"deploy"_s)
        return tr("Deploy");
    if (kind == u"rollback"_s)
        return tr("Rollback");
    if (kind == u"auto-sync-off"_s)
        return tr("Auto-sync off");
    if (kind == u"auto-sync-on"_s)
        return tr("Auto-sync on");
    if (kind == u"lock-take"_s)
        return tr("Lock taken");
    if (kind == u"lock-release"_s)
        return tr("Lock released");
    if (kind == u"lock-break"_s)
        return tr("Lock broken");
    if (kind == u"ci-override"_s)
        return tr("CI override");
    if (kind == u"deploy-refused"_s)
        return tr("Deploy refused");
    if (kind == u"dirty-tree"_s)
        return tr("Dirty working tree");
    return kind;
}

QVariant JournalModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeployJournal::Record &record = m_records.at(index.row());
    if (const std::optional<DeployJournal::Action> &action = record.action) {
        switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
            case StartedColumn:
                return action->at.isValid() ? action->at.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s)
                                            : QString();
            case KindColumn:
                return kindLabel(action->kind);
            case VersionColumn:
                if (action->message.isEmpty())
                    return action->application;
                return action->application.isEmpty() ? action->message
                                                     : tr("%1: %2").arg(action->application, action->message);
            case UserColumn:
                return action->user;
            case OutcomeColumn:
                return outcomeLabel(*action);
            case ReasonColumn:
                return action->reason;
            default:
                return QString();
            }
        case Qt::ToolTipRole:
            if (index.column() == VersionColumn || index.column() == OutcomeColumn)
                return action->message.isEmpty() ? QVariant() : QVariant(action->message);
            return {};
        case IdRole:
            return action->id;
        case OutcomeRole:
            return action->outcome;
        case StepsRole:
            return QStringList();
        case KindRole:
            return action->kind;
        default:
            return {};
        }
    }
    const DeployJournal::Entry &entry = *record.deploy;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StartedColumn:
            return entry.started.isValid() ? entry.started.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s)
                                           : QString();
        case KindColumn:
            return kindLabel(u"deploy"_s);
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
    case KindRole:
        return u"deploy"_s;
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
        return tr("When (UTC)");
    case KindColumn:
        return tr("Kind");
    case VersionColumn:
        return tr("What");
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
