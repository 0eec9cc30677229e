#include "HistoryItemDelegate.h"

#include "models/HistoryModel.h"

using namespace Qt::Literals::StringLiterals;

namespace capstan {

HistoryItemDelegate::HistoryItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QString HistoryItemDelegate::liveMarker()
{
    return tr("● live");
}

void HistoryItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool live = index.data(HistoryModel::IsLiveRole).toBool();
    if (live)
        option->font.setBold(true);
    if (index.column() != HistoryModel::VersionColumn)
        return;
    // The version itself plus one marker, whatever decoration the model's display text carries.
    const QString revision = index.data(HistoryModel::RevisionRole).toString();
    if (live)
        option->text = revision + u"   "_s + liveMarker();
    else if (index.data(HistoryModel::IsRollbackTargetRole).toBool())
        option->text = revision + u"   "_s + tr("(previous)");
}

} // namespace capstan
