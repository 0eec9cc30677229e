#pragma once

#include "chart/SemVerConstraint.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace capstan {

class ChartVersionsModel;

// Why: sorts chart versions by SemVer precedence (newest first by default) and filters them by text or
// by a version range such as ">=1.0.0-40" or "~1.0.0-0".
class ChartVersionsProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ChartVersionsProxyModel(QObject *parent = nullptr);

    // Text that parses as a range (it starts with an operator, or holds x/* wildcards) filters by range;
    // anything else is a case-insensitive substring of version, appVersion or digest.
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    bool isRangeFilter() const { return m_constraint.has_value(); }

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const ChartVersionsModel *m_versions = nullptr; // the source model when it is one
    QString m_text;
    QString m_needle; // m_text trimmed
    std::optional<SemVerConstraint> m_constraint;
};

} // namespace capstan
