#pragma once

#include "BuildsFilterModel.h"

#include <QIcon>
#include <QStyledItemDelegate>

namespace capstan {

// Why: the Builds table must be readable at a glance: a coloured icon per CI status, a "LIVE" pill on the
// build that runs now, and a tint on builds newer than live (the candidates for the next deploy).
class BuildStatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit BuildStatusDelegate(QObject *parent = nullptr);

    // Drawn, so it looks the same in every style and platform theme.
    static QIcon statusIcon(BuildsFilterModel::StatusCategory category);
    // "Succeeded", "Failed (timed_out)", "Running", … for a CI status string.
    static QString statusText(const QString &status);
    static QColor newerThanLiveColor();

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace capstan
