#include "ChartListDelegate.h"

#include "models/ChartListModel.h"

#include <QApplication>
#include <QPainter>

namespace capstan {

namespace {
constexpr int HorizontalPadding = 10;
constexpr int VerticalPadding = 6;
constexpr int LineSpacing = 2;
} // namespace

QString ChartListDelegate::subtitle(const QModelIndex &index)
{
    const int count = index.data(ChartListModel::VersionCountRole).toInt();
    const QString latest = index.data(ChartListModel::LatestVersionRole).toString();
    const QString versions = QCoreApplication::translate("ChartListDelegate", "%n version(s)", nullptr, count);
    if (latest.isEmpty())
        return versions;
    return QCoreApplication::translate("ChartListDelegate", "%1 · latest %2").arg(versions, latest);
}

void ChartListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = index.data(ChartListModel::NameRole).toString();
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    QColor titleColor = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor subColor = titleColor;
    subColor.setAlphaF(selected ? 0.85f : 0.6f);

    QFont titleFont = opt.font;
    titleFont.setWeight(QFont::DemiBold);
    QFont subFont = opt.font;
    subFont.setPointSizeF(subFont.pointSizeF() * 0.9);

    const QRect area =
        opt.rect.adjusted(HorizontalPadding, VerticalPadding, -HorizontalPadding, -VerticalPadding);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics subMetrics(subFont);

    painter->save();
    painter->setFont(titleFont);
    painter->setPen(titleColor);
    QRect titleRect(area.left(), area.top(), area.width(), titleMetrics.height());
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(title, Qt::ElideRight, area.width()));
    painter->setFont(subFont);
    painter->setPen(subColor);
    QRect subRect(area.left(), titleRect.bottom() + 1 + LineSpacing, area.width(), subMetrics.height());
    painter->drawText(subRect, Qt::AlignLeft | Qt::AlignVCenter,
                      subMetrics.elidedText(subtitle(index), Qt::ElideRight, area.width()));
    painter->restore();
}

QSize ChartListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    QFont subFont = option.font;
    subFont.setPointSizeF(subFont.pointSizeF() * 0.9);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics subMetrics(subFont);
    const int width = qMax(titleMetrics.horizontalAdvance(index.data(ChartListModel::NameRole).toString()),
                           subMetrics.horizontalAdvance(subtitle(index)));
    return {width + 2 * HorizontalPadding,
            titleMetrics.height() + LineSpacing + subMetrics.height() + 2 * VerticalPadding};
}

} // namespace capstan
