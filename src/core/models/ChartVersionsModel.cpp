#include "ChartVersionsModel.h"

#include <algorithm>
#include <numeric>

namespace capstan {

namespace {
constexpr int ShortDigestLength = 12;
}

ChartVersionsModel::ChartVersionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ChartVersionsModel::setVersions(const QList<ChartVersion> &versions)
{
    beginResetModel();
    m_versions = versions;
    rankVersions();
    endResetModel();
}

void ChartVersionsModel::rankVersions()
{
    const qsizetype count = m_versions.size();
    m_semVers.clear();
    m_semVers.reserve(count);
    for (const ChartVersion &version : std::as_const(m_versions))
        m_semVers.append(SemVer::parse(version.version()));
    QList<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [this](int a, int b) {
        const std::optional<SemVer> &x = m_semVers.at(a);
        const std::optional<SemVer> &y = m_semVers.at(b);
        if (x.has_value() != y.has_value())
            return x.has_value(); // valid versions first
        if (x && y) {
            if (const auto c = *x <=> *y; c != 0)
                return c < 0;
        }
        const QString &left = m_versions.at(a).metadata.version;
        const QString &right = m_versions.at(b).metadata.version;
        if (left != right)
            return left < right;
        return a < b;
    });
    m_ranks = QList<int>(count);
    for (qsizetype position = 0; position < count; ++position)
        m_ranks[order.at(position)] = int(position);
}

void ChartVersionsModel::clear()
{
    if (m_versions.isEmpty())
        return;
    beginResetModel();
    m_versions.clear();
    m_semVers.clear();
    m_ranks.clear();
    endResetModel();
}

int ChartVersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int ChartVersionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChartVersionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChartVersion &v = m_versions.at(index.row());
    const int column = index.column();

    switch (role) {
    case ChartVersionRole:
        return QVariant::fromValue(v);
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return v.name();
        case Version:
            return v.version();
        case AppVersion:
            return v.appVersion();
        case Created:
            return v.created.isValid() ? v.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                       : QString();
        case Digest:
            return v.digest.left(ShortDigestLength);
        }
        break;
    case Qt::ToolTipRole:
        if (column == Digest)
            return v.digest;
        if (column == Created && v.created.isValid())
            return v.created.toLocalTime().toString(Qt::ISODateWithMs);
        if (column == Name && !v.metadata.description.isEmpty())
            return v.metadata.description;
        break;
    case SortRole:
        switch (column) {
        case Name:
            return v.name();
        case Version:
            return v.version();
        case AppVersion:
            return v.appVersion();
        case Created:
            return v.created;
        case Digest:
            return v.digest;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ChartVersionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Version:
        return tr("Version");
    case AppVersion:
        return tr("App version");
    case Created:
        return tr("Created");
    case Digest:
        return tr("Digest");
    }
    return {};
}

} // namespace capstan
