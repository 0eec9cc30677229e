#include "PipelineStepsModel.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

// Stage names of the plan in pipeline order: the running steps give one order, the skipped ones another;
// a stage found only among the skipped goes after the skipped stage before it (or before the one after it).
QStringList planStages(const PipelinePlan &plan, const QStringList &stageOrder)
{
    QStringList stages;
    for (const QString &stage : stageOrder) {
        if (!stages.contains(stage))
            stages.append(stage);
    }
    QStringList running;
    for (const auto &planned : plan.steps) {
        if (!running.contains(planned.step.stage))
            running.append(planned.step.stage);
    }
    QStringList skipped;
    for (const auto &entry : plan.skipped) {
        if (!skipped.contains(entry.stage))
            skipped.append(entry.stage);
    }
    for (const QString &stage : std::as_const(running)) {
        if (!stages.contains(stage))
            stages.append(stage);
    }
    for (int i = 0; i < skipped.size(); ++i) {
        const QString &stage = skipped.at(i);
        if (stages.contains(stage))
            continue;
        qsizetype at = -1;
        for (int before = i - 1; before >= 0 && at < 0; --before) {
            const qsizetype pos = stages.indexOf(skipped.at(before));
            if (pos >= 0)
                at = pos + 1;
        }
        for (int after = i + 1; after < skipped.size() && at < 0; ++after)
            at = stages.indexOf(skipped.at(after));
        stages.insert(at < 0 ? stages.size() : at, stage);
    }
    return stages;
}

} // namespace

PipelineStepsModel::PipelineStepsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PipelineStepsModel::setPlan(const PipelinePlan &plan, const QStringList &stageOrder)
{
    beginResetModel();
    m_plan = plan;
    m_stages = planStages(plan, stageOrder.isEmpty() ? plan.stages : stageOrder);
    m_rows.clear();
    for (const auto &planned : plan.steps) {
        Row row;
        row.name = planned.step.name;
        row.stage = planned.step.stage;
        row.stageIndex = int(m_stages.indexOf(row.stage));
        row.kind = Step::kindName(planned.step.kind);
        row.dependencies = planned.dependencies;
        m_rows.append(row);
    }
    for (const auto &entry : plan.skipped) {
        Row row;
        row.name = entry.step;
        row.stage = entry.stage;
        row.stageIndex = int(m_stages.indexOf(row.stage));
        row.result.status = StepResult::Status::Skipped;
        row.result.message = entry.reason;
        m_rows.append(row);
    }
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &a, const Row &b) { return a.stageIndex < b.stageIndex; });
    endResetModel();
}

void PipelineStepsModel::stepStarted(const QString &step)
{
    const int row = rowOf(step);
    if (row < 0)
        return;
    Row &entry = m_rows[row];
    entry.result.status = StepResult::Status::Running;
    entry.result.started = QDateTime::currentDateTimeUtc();
    entry.result.durationMs = 0;
    entry.result.exitCode = -1;
    entry.result.message.clear();
    entry.running.start();
    emitRowChanged(row);
}

void PipelineStepsModel::appendOutput(const QString &step, const QStringList &lines)
{
    const int row = rowOf(step);
    if (row < 0 || lines.isEmpty())
        return;
    Row &entry = m_rows[row];
    entry.output.append(lines);
    entry.outputLines += lines.size();
    while (entry.outputLines - entry.output.constFirst().size() >= MaxLines) {
        entry.outputLines -= entry.output.constFirst().size();
        entry.output.removeFirst();
    }
    Q_EMIT outputAppended(step, lines);
}

void PipelineStepsModel::stepFinished(const QString &step, const StepResult &result)
{
    const int row = rowOf(step);
    if (row < 0)
        return;
    Row &entry = m_rows[row];
    const QDateTime started = entry.result.started;
    entry.result = result;
    if (!entry.result.started.isValid())
        entry.result.started = started;
    entry.running.invalidate();
    emitRowChanged(row);
}

void PipelineStepsModel::runFinished()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).result.status != StepResult::Status::Pending)
            continue;
        m_rows[row].result.status = StepResult::Status::Cancelled;
        emitRowChanged(row);
    }
}

void PipelineStepsModel::tick()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const Row &entry = m_rows.at(row);
        if (entry.result.status != StepResult::Status::Running || !entry.running.isValid())
            continue;
        const QModelIndex cell = index(row, DurationColumn);
        Q_EMIT dataChanged(cell, cell, {Qt::DisplayRole, DurationRole});
    }
}

int PipelineStepsModel::rowOf(const QString &step) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).name == step)
            return row;
    }
    return -1;
}

QString PipelineStepsModel::stepAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).name : QString();
}

StepResult PipelineStepsModel::resultAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    StepResult result = m_rows.at(row).result;
    if (result.status == StepResult::Status::Running && m_rows.at(row).running.isValid())
        result.durationMs = m_rows.at(row).running.elapsed();
    return result;
}

QStringList PipelineStepsModel::outputOf(const QString &step) const
{
    const int row = rowOf(step);
    return row < 0 ? QStringList() : joinedOutput(m_rows.at(row));
}

QStringList PipelineStepsModel::joinedOutput(const Row &row)
{
    if (row.output.size() == 1 && row.outputLines <= MaxLines)
        return row.output.constFirst();
    QStringList lines;
    lines.reserve(std::min<qsizetype>(row.outputLines, MaxLines));
    qsizetype skip = std::max<qsizetype>(0, row.outputLines - MaxLines);
    for (const QStringList &batch : row.output) {
        if (skip >= batch.size()) {
            skip -= batch.size();
            continue;
        }
        lines.append(batch.mid(skip));
        skip = 0;
    }
    return lines;
}

int PipelineStepsModel::finishedCount() const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return row.result.isFinal(); }));
}

int PipelineStepsModel::countOf(StepResult::Status status) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [status](const Row &row) { return row.result.status == status; }));
}

QStringList PipelineStepsModel::stages() const
{
    return m_stages;
}

QString PipelineStepsModel::formatDuration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60000)
        return tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 seconds = ms / 1000;
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

int PipelineStepsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PipelineStepsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PipelineStepsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const StepResult result = resultAt(index.row());
    const bool timed = result.status != StepResult::Status::Pending &&
                       result.status != StepResult::Status::Skipped && result.started.isValid();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case StageColumn:
            return row.stage;
        case KindColumn:
            return row.kind;
        case StatusColumn:
            return StepResult::statusLabel(result.status);
        case DurationColumn:
            return timed ? formatDuration(result.durationMs) : QString();
        case MessageColumn:
            return result.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        // A failed step's tooltip carries its last lines of output too.
        return index.column() == MessageColumn && !result.summary().isEmpty() ? QVariant(result.summary())
                                                                              : QVariant();
    case StatusRole:
        return int(result.status);
    case StageRole:
        return row.stage;
    case StageIndexRole:
        return row.stageIndex;
    case DependenciesRole:
        return row.dependencies;
    case DurationRole:
        return result.durationMs;
    case ExitCodeRole:
        return result.exitCode;
    case OutputRole:
        return joinedOutput(row);
    default:
        return {};
    }
}

QVariant PipelineStepsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Step");
    case StageColumn:
        return tr("Stage");
    case KindColumn:
        return tr("Kind");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

void PipelineStepsModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace capstan
