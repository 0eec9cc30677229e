#include "ChartVersionsProxyModel.h"

#include "ChartVersionsModel.h"
#include "chart/SemVer.h"

#include <QDateTime>

namespace capstan {

namespace {

// Text is a range only when it looks like one: an operator first, an x/* wildcard part, "||" or " - ".
bool looksLikeRange(const QString &text)
{
    static const QString operators = QStringLiteral("=!<>~^");
    if (operators.contains(text.at(0)) || text.contains(QStringLiteral("||")) ||
        text.contains(QStringLiteral(" - ")))
        return true;
    const QStringList parts = text.split(u'.');
    return std::any_of(parts.cbegin(), parts.cend(), [](const QString &p) {
        const QString part = p.startsWith(u'v') ? p.mid(1) : p;
        return part == u"x" || part == u"X" || part == u"*";
    });
}

} // namespace

ChartVersionsProxyModel::ChartVersionsProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ChartVersionsModel::SortRole);
    setDynamicSortFilter(true);
    sort(ChartVersionsModel::Version, Qt::DescendingOrder);
}

void ChartVersionsProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_versions = qobject_cast<const ChartVersionsModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ChartVersionsProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_needle = text.trimmed();
    m_constraint.reset();
    if (!m_needle.isEmpty() && looksLikeRange(m_needle))
        m_constraint = SemVerConstraint::parse(m_needle);
    // One layout change instead of invalidateFilter()'s removal and insertion signals for every run of
    // rows: a filter that keeps scattered rows of 10,000 would otherwise send thousands of them, and each
    // makes the view adjust its header.
    invalidate();
}

bool ChartVersionsProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_needle.isEmpty())
        return true;
    // Straight from the source model's list: no QVariant and no copy of the version per row.
    if (const ChartVersionsModel *model = m_versions) {
        if (m_constraint) {
            const std::optional<SemVer> &semver = model->semVer(sourceRow);
            return semver && m_constraint->matches(*semver);
        }
        const ChartVersion &version = model->versions().at(sourceRow);
        return version.metadata.version.contains(m_needle, Qt::CaseInsensitive) ||
               version.metadata.appVersion.contains(m_needle, Qt::CaseInsensitive) ||
               version.digest.contains(m_needle, Qt::CaseInsensitive);
    }
    const QModelIndex index = sourceModel()->index(sourceRow, ChartVersionsModel::Version, sourceParent);
    const auto version = index.data(ChartVersionsModel::ChartVersionRole).value<ChartVersion>();
    if (m_constraint) {
        const auto semver = SemVer::parse(version.version());
        return semver && m_constraint->matches(*semver);
    }
    return version.version().contains(m_needle, Qt::CaseInsensitive) ||
           version.appVersion().contains(m_needle, Qt::CaseInsensitive) ||
           version.digest.contains(m_needle, Qt::CaseInsensitive);
}

bool ChartVersionsProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == ChartVersionsModel::Version && sortRole() == ChartVersionsModel::SortRole) {
        // The rank the model worked out once: sorting 10,000 rows parses no version.
        if (m_versions)
            return m_versions->versionRank(left.row()) < m_versions->versionRank(right.row());
    }
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (left.column() == ChartVersionsModel::Version) {
        const QString a = l.toString();
        const QString b = r.toString();
        if (const int c = SemVer::compareStrings(a, b); c != 0)
            return c < 0;
        return a < b; // equal precedence (build metadata, "1.0" vs "1.0.0"): keep a stable, readable order
    }
    if (l.userType() == QMetaType::QDateTime && r.userType() == QMetaType::QDateTime)
        return l.toDateTime() < r.toDateTime();
    return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
}

} // namespace capstan
