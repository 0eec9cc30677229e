#pragma once

#include "chart/ChartCache.h"
#include "chart/ChartDiff.h"
#include "chartmuseum/ChartVersion.h"
#include "github/Build.h"

#include <QMap>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QDialog;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace capstan {

class ApiError;
class ChartMuseumClient;
class DiffView;
class GitHubClient;
class MessageBanner;

// Why: before a deploy the release manager must see what it changes: the commits between the live build
// and the selected one (or, for a rollback, the commits it removes) and what differs in the chart.
class ChangesPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Direction { Unknown, Forward, Rollback, Same };
    Q_ENUM(Direction)

    enum class CommitColumn { Sha, Author, Subject };

    explicit ChangesPanel(QWidget *parent = nullptr);

    void setGitHubClient(GitHubClient *client);
    void setChartMuseumClient(ChartMuseumClient *client);
    // The versions of the configured chart as ChartMuseum lists them.
    void setChartVersions(const QList<ChartVersion> &versions);
    // Where downloaded packages are kept (tests use a temporary directory).
    void setChartCacheDirectory(const QString &directory);

    // What deploying `selected` changes over `live`. Without a live build, `liveUnknownReason` says why.
    void showChanges(const Build &selected, const std::optional<Build> &live,
                     const QString &liveUnknownReason = {});
    void clear(const QString &message = {});

    Direction direction() const { return m_direction; }
    bool commitsKnown() const { return m_commitsKnown; }
    // Forward: the commits a deploy adds (oldest first); Rollback: the commits it removes.
    const QList<GitHubCommit> &commits() const { return m_commits; }
    std::optional<ChartDiff> chartDiff() const { return m_chartDiff; }
    QString commitSummary() const;    // one line for the deploy dialog
    QString chartDiffSummary() const; // one line; empty while unknown
    QString liveVersion() const { return m_live ? m_live->chartVersion : QString(); }

    QLabel *headline() const { return m_headline; }
    QTreeWidget *commitList() const { return m_commitList; }
    QTreeWidget *chartFileList() const { return m_chartFiles; }
    QLabel *chartSummaryLabel() const { return m_chartSummary; }
    QPushButton *fullDiffButton() const { return m_fullDiffButton; }
    MessageBanner *commitBanner() const { return m_commitBanner; }
    QDialog *diffDialog() const;
    DiffView *diffView() const;

public Q_SLOTS:
    void openFullDiff();

Q_SIGNALS:
    // The commit list is final for the current selection (filled in, or an error is shown).
    void commitsShown();
    // The chart part is final for the current selection (a diff, or why there is none).
    void chartDiffShown();

private:
    void loadCommits(quint64 generation);
    void showCommits(quint64 generation, Direction direction, const QList<GitHubCommit> &commits,
                     const QString &headline);
    void commitsFailed(quint64 generation, const ApiError &error);
    void loadChartDiff(quint64 generation);
    void chartDiffUnavailable(quint64 generation, const QString &reason);
    void fetchPackage(const ChartVersion &entry, quint64 generation,
                      std::function<void(const QByteArray &)> onBytes,
                      std::function<void(const ApiError &)> onError);
    void updateHeadline(const QString &text);

    QPointer<GitHubClient> m_gitHub;
    QPointer<ChartMuseumClient> m_chartMuseum;
    QMap<QString, ChartVersion> m_versions;
    ChartCache m_cache;

    quint64 m_generation = 0;
    std::optional<Build> m_selected;
    std::optional<Build> m_live;
    Direction m_direction = Direction::Unknown;
    bool m_commitsKnown = false;
    QList<GitHubCommit> m_commits;
    int m_divergedBehind = 0;
    std::optional<ChartDiff> m_chartDiff;

    QLabel *m_headline;
    MessageBanner *m_commitBanner;
    QTreeWidget *m_commitList;
    QLabel *m_chartSummary;
    QTreeWidget *m_chartFiles;
    QPushButton *m_fullDiffButton;
    QPointer<QDialog> m_diffDialog;
    QPointer<DiffView> m_diffView;
};

} // namespace capstan
