#include "BuildsModel.h"

#include "github/BuildCatalog.h"

namespace capstan {

namespace {

constexpr int CellRoles[] = {Qt::DisplayRole, Qt::ToolTipRole};

bool sameBuild(const Build &a, const Build &b)
{
    const WorkflowRun &x = a.run;
    const WorkflowRun &y = b.run;
    return x.id == y.id && x.runAttempt == y.runAttempt && x.status == y.status &&
           x.conclusion == y.conclusion && x.updatedAt == y.updatedAt && x.headSha == y.headSha &&
           x.commitMessage == y.commitMessage && x.commitAuthor == y.commitAuthor && x.actor == y.actor &&
           x.createdAt == y.createdAt && x.htmlUrl == y.htmlUrl && x.displayTitle == y.displayTitle &&
           a.chartVersion == b.chartVersion && a.inRepository == b.inRepository && a.live == b.live &&
           a.historyId == b.historyId && a.newerThanLive == b.newerThanLive;
}

// Every field a cell, a tooltip or a row role can show (the deploy blocker reads the branch and the event).
bool identical(const Build &a, const Build &b)
{
    const WorkflowRun &x = a.run;
    const WorkflowRun &y = b.run;
    return sameBuild(a, b) && x.runNumber == y.runNumber && x.name == y.name && x.event == y.event &&
           x.headBranch == y.headBranch && x.commitTime == y.commitTime;
}

QString ciStatus(const WorkflowRun &run)
{
    return run.isCompleted() && !run.conclusion.isEmpty() ? run.conclusion : run.status;
}

} // namespace

BuildsModel::BuildsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void BuildsModel::setVersionPattern(const QString &pattern)
{
    if (pattern == m_pattern)
        return;
    m_pattern = pattern;
    rejoin(m_unavailable);
}

void BuildsModel::setRuns(const QList<WorkflowRun> &runs)
{
    const QHash<int, QString> before = m_unavailable;
    m_runs = runs;
    m_unavailable.remove(int(Service::GitHub));
    rejoin(before);
}

void BuildsModel::setRepositoryVersions(const QSet<QString> &versions)
{
    const QHash<int, QString> before = m_unavailable;
    m_versions = versions;
    m_unavailable.remove(int(Service::ChartMuseum));
    rejoin(before);
}

void BuildsModel::setApplication(const ArgoApplication &application)
{
    const QHash<int, QString> before = m_unavailable;
    m_application = application;
    m_unavailable.remove(int(Service::ArgoCd));
    rejoin(before);
}

void BuildsModel::setUnavailable(Service service, const QString &message)
{
    const QHash<int, QString> before = m_unavailable;
    m_unavailable.insert(int(service), message);
    // GitHub's rows stay as last read; the other services' columns become unknown.
    if (service == Service::ChartMuseum)
        m_versions.reset();
    else if (service == Service::ArgoCd)
        m_application.reset();
    rejoin(before);
}

QString BuildsModel::unavailableMessage(Service service) const
{
    return m_unavailable.value(int(service));
}

std::optional<Build> BuildsModel::buildAt(int row) const
{
    if (row < 0 || row >= m_builds.size())
        return std::nullopt;
    return m_builds.at(row);
}

int BuildsModel::rowForRun(int runNumber) const
{
    for (int row = 0; row < m_builds.size(); ++row) {
        if (m_builds.at(row).run.runNumber == runNumber)
            return row;
    }
    return -1;
}

int BuildsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_builds.size());
}

int BuildsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BuildsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cellData(m_builds.at(index.row()), index.column(), role, m_unavailable);
}

QVariant BuildsModel::cellData(const Build &build, int column, int role,
                               const QHash<int, QString> &unavailable) const
{
    const WorkflowRun &run = build.run;
    switch (role) {
    case BuildRole:
        return QVariant::fromValue(build);
    case RunNumberRole:
        return run.runNumber;
    case StatusRole:
        return ciStatus(run);
    case AuthorRole:
        return run.commitAuthor.isEmpty() ? run.actor : run.commitAuthor;
    case IsLiveRole:
        return build.live == Build::Presence::Yes;
    case NewerThanLiveRole:
        return build.newerThanLive;
    case SearchTextRole:
        return QStringList{QString::number(run.runNumber),
                           run.headSha,
                           run.subject(),
                           run.commitAuthor,
                           run.actor,
                           build.chartVersion}
            .join(u' ');
    case Qt::TextAlignmentRole:
        if (column == RunColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }

    const bool tip = role == Qt::ToolTipRole;
    const auto presence = [&](Build::Presence value, Service service, const QString &yes, const QString &no,
                              const QString &yesTip, const QString &noTip) -> QVariant {
        const QString message = unavailable.value(int(service));
        switch (value) {
        case Build::Presence::Yes:
            return tip ? yesTip : yes;
        case Build::Presence::No:
            return tip ? noTip : no;
        case Build::Presence::Unknown:
            break;
        }
        if (!message.isEmpty())
            return tip ? message : QStringLiteral("?");
        return tip ? tr("Not known yet") : QStringLiteral("—");
    };

    switch (Column(column)) {
    case RunColumn:
        return tip ? QVariant(run.htmlUrl.toDisplayString()) : QVariant(run.runNumber);
    case CommitColumn:
        if (tip)
            return run.headSha + u'\n' + run.commitMessage;
        return run.shortSha() + u' ' + run.subject();
    case AuthorColumn:
        if (tip)
            return run.actor.isEmpty() ? QVariant() : QVariant(tr("Started by %1").arg(run.actor));
        return run.commitAuthor.isEmpty() ? run.actor : run.commitAuthor;
    case TimeColumn:
        if (tip)
            return run.createdAt.toUTC().toString(Qt::ISODate);
        return run.createdAt;
    case StatusColumn:
        if (tip) {
            return run.isCompleted() ? tr("Completed: %1").arg(run.conclusion)
                                     : tr("Not completed: %1").arg(run.status);
        }
        return ciStatus(run);
    case VersionColumn:
        return tip ? QVariant(build.deployBlocker()) : QVariant(build.chartVersion);
    case RepositoryColumn:
        return presence(build.inRepository, Service::ChartMuseum, tr("yes"), tr("missing"),
                        tr("ChartMuseum has %1").arg(build.chartVersion),
                        tr("ChartMuseum has no version %1").arg(build.chartVersion));
    case LiveColumn: {
        const QString historic =
            build.historyId ? tr("deployed before (history %1)").arg(*build.historyId) : QString();
        return presence(build.live, Service::ArgoCd, tr("live"),
                        historic.isEmpty() ? QString() : tr("earlier"),
                        tr("%1 is running now").arg(build.chartVersion),
                        historic.isEmpty() ? tr("Never deployed (in the kept history)") : historic);
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BuildsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RunColumn:
        return tr("Run");
    case CommitColumn:
        return tr("Commit");
    case AuthorColumn:
        return tr("Author");
    case TimeColumn:
        return tr("Time");
    case StatusColumn:
        return tr("CI");
    case VersionColumn:
        return tr("Chart version");
    case RepositoryColumn:
        return tr("In repository");
    case LiveColumn:
        return tr("Live");
    case ColumnCount:
        break;
    }
    return {};
}

QVariantList BuildsModel::snapshot(const Build &build, int column,
                                   const QHash<int, QString> &unavailable) const
{
    QVariantList values;
    for (const int role : CellRoles)
        values.append(cellData(build, column, role, unavailable));
    return values;
}

void BuildsModel::rejoin(const QHash<int, QString> &unavailableBefore)
{
    const QList<Build> next = BuildCatalog::join(m_runs, m_pattern, m_versions, m_application);

    QSet<int> nextRuns;
    for (const Build &build : next)
        nextRuns.insert(build.run.runNumber);

    // Old rows whose run is gone, bottom up.
    for (int row = int(m_builds.size()) - 1; row >= 0; --row) {
        if (!nextRuns.contains(m_builds.at(row).run.runNumber)) {
            beginRemoveRows({}, row, row);
            m_builds.removeAt(row);
            endRemoveRows();
        }
    }

    // The kept rows must keep their order; GitHub lists newest first, so anything else is a re-sort.
    QSet<int> kept;
    for (const Build &build : std::as_const(m_builds))
        kept.insert(build.run.runNumber);
    QList<int> keptOrderNext;
    for (const Build &build : next) {
        if (kept.contains(build.run.runNumber))
            keptOrderNext.append(build.run.runNumber);
    }
    QList<int> keptOrderNow;
    for (const Build &build : std::as_const(m_builds))
        keptOrderNow.append(build.run.runNumber);
    if (keptOrderNext != keptOrderNow || kept.size() != m_builds.size()) {
        beginResetModel();
        m_builds = next;
        endResetModel();
        if (unavailableBefore != m_unavailable)
            Q_EMIT availabilityChanged();
        return;
    }

    const bool sameAvailability = unavailableBefore == m_unavailable;
    for (int row = 0; row < next.size(); ++row) {
        const Build &build = next.at(row);
        if (row < m_builds.size() && m_builds.at(row).run.runNumber == build.run.runNumber) {
            // The usual refresh: nothing changed, so no cell can read differently.
            if (sameAvailability && identical(m_builds.at(row), build))
                continue;
            int first = -1;
            int last = -1;
            for (int column = 0; column < ColumnCount; ++column) {
                if (snapshot(m_builds.at(row), column, unavailableBefore) !=
                    snapshot(build, column, m_unavailable)) {
                    if (first < 0)
                        first = column;
                    last = column;
                }
            }
            const bool buildChanged = !sameBuild(m_builds.at(row), build);
            m_builds[row] = build;
            if (first >= 0)
                Q_EMIT dataChanged(index(row, first), index(row, last), {Qt::DisplayRole, Qt::ToolTipRole});
            // The roles that describe the whole row (filters and sorting read them).
            if (buildChanged) {
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                                   {BuildRole, RunNumberRole, StatusRole, AuthorRole, IsLiveRole,
                                    NewerThanLiveRole, SearchTextRole});
            }
        } else {
            beginInsertRows({}, row, row);
            m_builds.insert(row, build);
            endInsertRows();
        }
    }

    if (unavailableBefore != m_unavailable)
        Q_EMIT availabilityChanged();
}

} // namespace capstan
