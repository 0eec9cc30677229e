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

void ChartVersionsProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    const QString trimmed = text.trimmed();
    m_constraint.reset();
    if (!trimmed.isEmpty() && looksLikeRange(trimmed))
        m_constraint = SemVerConstraint::parse(trimmed);
    invalidateFilter();
}

bool ChartVersionsProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QString needle = m_text.trimmed();
    if (needle.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, ChartVersionsModel::Version, sourceParent);
    const auto version = index.data(ChartVersionsModel::ChartVersionRole).value<ChartVersion>();
    if (m_constraint) {
        const auto semver = SemVer::parse(version.version());
        return semver && m_constraint->matches(*semver);
    }
    return version.version().contains(needle, Qt::CaseInsensitive) ||
           version.appVersion().contains(needle, Qt::CaseInsensitive) ||
           version.digest.contains(needle, Qt::CaseInsensitive);
}

bool ChartVersionsProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
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
