#pragma once

#include <QStyledItemDelegate>

namespace capstan {

// Why: in the History table the entry running now must stand out (bold, with a "live" marker) and the
// default rollback target must be recognisable, whatever the model's display text says.
class HistoryItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit HistoryItemDelegate(QObject *parent = nullptr);

    static QString liveMarker();

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace capstan
