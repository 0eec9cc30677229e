#pragma once

#include "argocd/ArgoApplication.h"
#include "github/Build.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <optional>

namespace capstan {

// Why: the Builds view (Capstan's home screen) lists one row per CI run; the rows fill in as GitHub,
// ChartMuseum and Argo CD answer, and a service that is down shows as unavailable instead of failing all.
class BuildsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RunColumn,
        CommitColumn,
        AuthorColumn,
        TimeColumn,
        StatusColumn,
        VersionColumn,
        RepositoryColumn,
        LiveColumn,
        ColumnCount
    };
    enum Role {
        BuildRole = Qt::UserRole + 1, // QVariant::fromValue(Build)
        RunNumberRole,
        StatusRole, // CI status, or conclusion once completed
        AuthorRole,
        IsLiveRole,
        NewerThanLiveRole,
        SearchTextRole, // run number, sha, subject, author: for the text filter
    };
    enum class Service { GitHub, ChartMuseum, ArgoCd };

    explicit BuildsModel(QObject *parent = nullptr);

    void setVersionPattern(const QString &pattern);
    void setRuns(const QList<WorkflowRun> &runs);
    void setRepositoryVersions(const QSet<QString> &versions);
    void setApplication(const ArgoApplication &application);
    // Marks a service unavailable (its columns show the message); cleared by the next set…() for it.
    void setUnavailable(Service service, const QString &message);
    QString unavailableMessage(Service service) const; // empty when available or not asked yet

    const QList<Build> &builds() const { return m_builds; }
    std::optional<Build> buildAt(int row) const;
    int rowForRun(int runNumber) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void availabilityChanged();

private:
    // Joins again and tells views only what changed: removed and inserted rows, changed cells.
    void rejoin(const QHash<int, QString> &unavailableBefore);
    QVariant cellData(const Build &build, int column, int role, const QHash<int, QString> &unavailable) const;
    QVariantList snapshot(const Build &build, int column, const QHash<int, QString> &unavailable) const;

    QString m_pattern = QStringLiteral("1.0.0-{build}");
    QList<WorkflowRun> m_runs;
    std::optional<QSet<QString>> m_versions;
    std::optional<ArgoApplication> m_application;
    QHash<int, QString> m_unavailable;
    QList<Build> m_builds;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::Build)
