#include "BuildsFilterModel.h"

#include "models/BuildsModel.h"

using namespace Qt::Literals::StringLiterals;

namespace capstan {

BuildsFilterModel::BuildsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

BuildsFilterModel::StatusCategory BuildsFilterModel::categoryOf(const QString &status)
{
    if (status == "success"_L1)
        return StatusCategory::Success;
    if (status == "in_progress"_L1)
        return StatusCategory::Running;
    if (status == "queued"_L1 || status == "requested"_L1 || status == "waiting"_L1 || status == "pending"_L1)
        return StatusCategory::Queued;
    if (status.isEmpty())
        return StatusCategory::Any;
    // failure, cancelled, timed_out, startup_failure, action_required, neutral, skipped, stale and any
    // conclusion GitHub adds later: not a success, so not deployable.
    return StatusCategory::Failure;
}

void BuildsFilterModel::setStatusFilter(StatusCategory category)
{
    if (category == m_status)
        return;
    m_status = category;
    invalidateRowsFilter();
}

void BuildsFilterModel::setAuthorFilter(const QString &author)
{
    if (author == m_author)
        return;
    m_author = author;
    invalidateRowsFilter();
}

void BuildsFilterModel::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

bool BuildsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status != StatusCategory::Any &&
        categoryOf(index.data(BuildsModel::StatusRole).toString()) != m_status)
        return false;
    if (!m_author.isEmpty() && index.data(BuildsModel::AuthorRole).toString() != m_author)
        return false;
    if (!m_text.isEmpty() &&
        !index.data(BuildsModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace capstan
