#include "BuildStatusDelegate.h"

#include "models/BuildsModel.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

QPixmap drawStatus(BuildsFilterModel::StatusCategory category, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QRectF circle(s * 0.06, s * 0.06, s * 0.88, s * 0.88);
    QPen mark(Qt::white, s * 0.13, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (category) {
    case BuildsFilterModel::StatusCategory::Success: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x2e, 0x9d, 0x4a));
        painter.drawEllipse(circle);
        painter.setPen(mark);
        QPainterPath check;
        check.moveTo(s * 0.28, s * 0.52);
        check.lineTo(s * 0.44, s * 0.67);
        check.lineTo(s * 0.72, s * 0.35);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(check);
        break;
    }
    case BuildsFilterModel::StatusCategory::Failure:
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xd0, 0x46, 0x3b));
        painter.drawEllipse(circle);
        painter.setPen(mark);
        painter.drawLine(QPointF(s * 0.34, s * 0.34), QPointF(s * 0.66, s * 0.66));
        painter.drawLine(QPointF(s * 0.66, s * 0.34), QPointF(s * 0.34, s * 0.66));
        break;
    case BuildsFilterModel::StatusCategory::Running: {
        painter.setPen(QPen(QColor(0xd4, 0x9a, 0x1f, 90), s * 0.14));
        painter.setBrush(Qt::NoBrush);
        const QRectF ring = circle.adjusted(s * 0.08, s * 0.08, -s * 0.08, -s * 0.08);
        painter.drawEllipse(ring);
        painter.setPen(QPen(QColor(0xd4, 0x9a, 0x1f), s * 0.14, Qt::SolidLine, Qt::RoundCap));
        painter.drawArc(ring, 90 * 16, -250 * 16);
        break;
    }
    case BuildsFilterModel::StatusCategory::Queued:
        painter.setPen(QPen(QColor(0x8a, 0x8a, 0x8a), s * 0.12));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(circle.adjusted(s * 0.08, s * 0.08, -s * 0.08, -s * 0.08));
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x8a, 0x8a, 0x8a));
        painter.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.1, s * 0.1);
        break;
    case BuildsFilterModel::StatusCategory::Any:
        break;
    }
    return pixmap;
}

constexpr int PillPadding = 7;

} // namespace

BuildStatusDelegate::BuildStatusDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QIcon BuildStatusDelegate::statusIcon(BuildsFilterModel::StatusCategory category)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48})
        icon.addPixmap(drawStatus(category, size));
    return icon;
}

QString BuildStatusDelegate::statusText(const QString &status)
{
    switch (BuildsFilterModel::categoryOf(status)) {
    case BuildsFilterModel::StatusCategory::Success:
        return tr("Succeeded");
    case BuildsFilterModel::StatusCategory::Running:
        return tr("Running");
    case BuildsFilterModel::StatusCategory::Queued:
        return status == "queued"_L1 ? tr("Queued") : tr("Queued (%1)").arg(status);
    case BuildsFilterModel::StatusCategory::Failure:
        return status == "failure"_L1 ? tr("Failed") : tr("Failed (%1)").arg(status);
    case BuildsFilterModel::StatusCategory::Any:
        break;
    }
    return tr("Unknown");
}

QColor BuildStatusDelegate::newerThanLiveColor()
{
    return QColor(0x3d, 0x8e, 0xd8, 38);
}

void BuildStatusDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(BuildsModel::NewerThanLiveRole).toBool())
        option->backgroundBrush = newerThanLiveColor();
    if (index.column() == BuildsModel::StatusColumn) {
        const QString status = index.data(BuildsModel::StatusRole).toString();
        option->icon = statusIcon(BuildsFilterModel::categoryOf(status));
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(16, 16);
        option->text = statusText(status);
    } else if (index.column() == BuildsModel::TimeColumn) {
        const QDateTime time = index.data(Qt::DisplayRole).toDateTime();
        if (time.isValid())
            option->text = QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
    } else if (index.column() == BuildsModel::LiveColumn && index.data(BuildsModel::IsLiveRole).toBool()) {
        option->text.clear();
    }
    if (index.data(BuildsModel::IsLiveRole).toBool())
        option->font.setWeight(QFont::DemiBold);
}

void BuildStatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    if (index.column() != BuildsModel::LiveColumn || !index.data(BuildsModel::IsLiveRole).toBool())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setWeight(QFont::Bold);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.8);
    painter->setFont(font);
    const QString text = tr("LIVE");
    const QFontMetrics metrics(font);
    const int width = metrics.horizontalAdvance(text) + 2 * PillPadding;
    const int height = metrics.height() + 4;
    const QRect pill(option.rect.left() + 6, option.rect.center().y() - height / 2 + 1, width, height);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0x2e, 0x9d, 0x4a));
    painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

QSize BuildStatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == BuildsModel::LiveColumn) {
        const QFontMetrics metrics(option.font);
        size.setWidth(qMax(size.width(), metrics.horizontalAdvance(tr("LIVE")) + 2 * PillPadding + 16));
    }
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 10));
    return size;
}

} // namespace capstan
