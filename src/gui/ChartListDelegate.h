#pragma once

#include <QStyledItemDelegate>

namespace capstan {

// Why: the chart list shows each chart's name with its version count and newest version underneath, so the
// list reads at a glance without a table.
class ChartListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString subtitle(const QModelIndex &index);
};

} // namespace capstan
