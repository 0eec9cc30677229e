#include "ChartVersionsModel.h"

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
    endResetModel();
}

void ChartVersionsModel::clear()
{
    if (m_versions.isEmpty())
        return;
    beginResetModel();
    m_versions.clear();
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
