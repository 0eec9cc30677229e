#include "ChangesPanel.h"

#include "DiffView.h"
#include "FutureWatch.h"
#include "MessageBanner.h"

#include "chart/ChartArchive.h"
#include "chart/ChartDiffer.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "github/GitHubClient.h"
#include "net/ApiError.h"

#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

struct PanelDiffResult
{
    ChartDiff diff;
    QString error;
};

PanelDiffResult diffPackages(const QByteArray &from, const QByteArray &to, const QString &fromLabel,
                             const QString &toLabel)
{
    PanelDiffResult result;
    QString error;
    const std::optional<ChartArchive> a = ChartArchive::read(from, &error);
    if (!a) {
        result.error = ChangesPanel::tr("Chart %1 cannot be read: %2").arg(fromLabel, error);
        return result;
    }
    const std::optional<ChartArchive> b = ChartArchive::read(to, &error);
    if (!b) {
        result.error = ChangesPanel::tr("Chart %1 cannot be read: %2").arg(toLabel, error);
        return result;
    }
    result.diff = ChartDiffer::diff(*a, *b);
    return result;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    return label;
}

QString authorOf(const GitHubCommit &commit)
{
    if (commit.authorLogin.isEmpty())
        return commit.authorName;
    if (commit.authorName.isEmpty() || commit.authorName == commit.authorLogin)
        return u"@"_s + commit.authorLogin;
    return u"%1 (@%2)"_s.arg(commit.authorName, commit.authorLogin);
}

} // namespace

ChangesPanel::ChangesPanel(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_commitBanner(new MessageBanner(this))
    , m_commitList(new QTreeWidget(this))
    , m_chartSummary(new QLabel(this))
    , m_chartFiles(new QTreeWidget(this))
    , m_fullDiffButton(new QPushButton(tr("Open full diff…"), this))
{
    setObjectName(u"changesPanel"_s);
    m_headline->setObjectName(u"changesHeadline"_s);
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    m_commitList->setObjectName(u"changesCommits"_s);
    m_commitList->setRootIsDecorated(false);
    m_commitList->setUniformRowHeights(true);
    m_commitList->setHeaderLabels({tr("Commit"), tr("Author"), tr("Subject")});
    m_commitList->header()->setStretchLastSection(true);
    m_commitList->header()->setSectionResizeMode(int(CommitColumn::Sha), QHeaderView::ResizeToContents);
    m_commitList->header()->setSectionResizeMode(int(CommitColumn::Author), QHeaderView::ResizeToContents);
    m_commitList->setToolTip(tr("Click a commit to open it on GitHub"));
    connect(m_commitList, &QTreeWidget::itemClicked, this, [](QTreeWidgetItem *item, int column) {
        if (column != int(CommitColumn::Sha))
            return;
        const QUrl url = item->data(int(CommitColumn::Sha), Qt::UserRole).toUrl();
        if (url.isValid())
            QDesktopServices::openUrl(url);
    });

    m_chartSummary->setObjectName(u"chartDiffSummary"_s);
    m_chartSummary->setWordWrap(true);
    m_chartSummary->setTextFormat(Qt::PlainText);
    m_chartFiles->setObjectName(u"chartDiffFiles"_s);
    m_chartFiles->setRootIsDecorated(false);
    m_chartFiles->setUniformRowHeights(true);
    m_chartFiles->setHeaderLabels({tr("File"), tr("Change"), u"+"_s, u"−"_s});
    m_chartFiles->header()->setStretchLastSection(false);
    m_chartFiles->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 4; ++column)
        m_chartFiles->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_fullDiffButton->setObjectName(u"fullDiffButton"_s);
    m_fullDiffButton->setEnabled(false);
    connect(m_fullDiffButton, &QPushButton::clicked, this, &ChangesPanel::openFullDiff);

    auto *chartFooter = new QHBoxLayout;
    chartFooter->addStretch(1);
    chartFooter->addWidget(m_fullDiffButton);

    auto *commitColumn = new QVBoxLayout;
    commitColumn->addWidget(heading(tr("What's changing"), this));
    commitColumn->addWidget(m_headline);
    commitColumn->addWidget(m_commitBanner);
    commitColumn->addWidget(m_commitList, 1);
    auto *chartColumn = new QVBoxLayout;
    chartColumn->addWidget(heading(tr("Chart"), this));
    chartColumn->addWidget(m_chartSummary);
    chartColumn->addWidget(m_chartFiles, 1);
    chartColumn->addLayout(chartFooter);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addLayout(commitColumn, 3);
    layout->addLayout(chartColumn, 2);
    clear(tr("Select a build to see what deploying it would change."));
}

QDialog *ChangesPanel::diffDialog() const
{
    return m_diffDialog;
}

DiffView *ChangesPanel::diffView() const
{
    return m_diffView;
}

void ChangesPanel::setGitHubClient(GitHubClient *client)
{
    m_gitHub = client;
}

void ChangesPanel::setChartMuseumClient(ChartMuseumClient *client)
{
    m_chartMuseum = client;
}

void ChangesPanel::setChartVersions(const QList<ChartVersion> &versions)
{
    m_versions.clear();
    for (const ChartVersion &version : versions)
        m_versions.insert(version.version(), version);
}

void ChangesPanel::setChartCacheDirectory(const QString &directory)
{
    m_cache = ChartCache(directory);
}

void ChangesPanel::clear(const QString &message)
{
    ++m_generation;
    m_selected.reset();
    m_live.reset();
    m_direction = Direction::Unknown;
    m_commitsKnown = false;
    m_commits.clear();
    m_divergedBehind = 0;
    m_chartDiff.reset();
    m_commitList->clear();
    m_chartFiles->clear();
    m_commitBanner->clear();
    m_chartSummary->clear();
    m_fullDiffButton->setEnabled(false);
    updateHeadline(message);
}

void ChangesPanel::updateHeadline(const QString &text)
{
    m_headline->setText(text);
    m_headline->setVisible(!text.isEmpty());
}

void ChangesPanel::showChanges(const Build &selected, const std::optional<Build> &live,
                               const QString &liveUnknownReason)
{
    clear();
    const quint64 generation = m_generation;
    m_selected = selected;
    m_live = live;
    if (!live) {
        m_commitsKnown = true;
        updateHeadline(liveUnknownReason.isEmpty()
                           ? tr("What is live is not known, so there is nothing to compare #%1 with.")
                                 .arg(selected.run.runNumber)
                           : liveUnknownReason);
        m_chartSummary->setText(tr("No chart comparison without a live version."));
        Q_EMIT commitsShown();
        Q_EMIT chartDiffShown();
        return;
    }
    loadCommits(generation);
    loadChartDiff(generation);
}

void ChangesPanel::loadCommits(quint64 generation)
{
    const Build selected = *m_selected;
    const Build live = *m_live;
    if (live.run.headSha == selected.run.headSha) {
        showCommits(generation, Direction::Same, {},
                    selected.run.runNumber == live.run.runNumber
                        ? tr("#%1 (%2) is live now: deploying it again changes no code.")
                              .arg(selected.run.runNumber)
                              .arg(selected.chartVersion)
                        : tr("#%1 built the same commit %2 as live #%3: no code changes.")
                              .arg(selected.run.runNumber)
                              .arg(selected.run.shortSha())
                              .arg(live.run.runNumber));
        return;
    }
    if (!m_gitHub) {
        m_commitsKnown = true;
        m_commitBanner->showMessage(MessageBanner::Type::Warning,
                                    tr("GitHub is not available: the commits cannot be listed."));
        Q_EMIT commitsShown();
        return;
    }
    updateHeadline(tr("Comparing live %1 with %2 …").arg(live.run.shortSha(), selected.run.shortSha()));
    GitHubClient *client = m_gitHub;
    FutureWatch::watch(
        this, client->compare(live.run.headSha, selected.run.headSha),
        [this, generation, client, live, selected](const GitHubComparison &comparison) {
            if (generation != m_generation)
                return;
            if (comparison.status == "identical"_L1) {
                showCommits(generation, Direction::Same, {},
                            tr("#%1 has the same code as live #%2: no commits change.")
                                .arg(selected.run.runNumber)
                                .arg(live.run.runNumber));
                return;
            }
            if (comparison.status == "behind"_L1) {
                // The commits of live that the selected build lacks: what a rollback takes away.
                FutureWatch::watch(
                    this, client->compare(selected.run.headSha, live.run.headSha),
                    [this, generation, live, selected](const GitHubComparison &removed) {
                        showCommits(generation, Direction::Rollback, removed.commits,
                                    tr("Rollback: #%1 is older than live #%2. Deploying it removes %n "
                                       "commit(s):",
                                       nullptr, int(removed.commits.size()))
                                        .arg(selected.run.runNumber)
                                        .arg(live.run.runNumber));
                    },
                    [this, generation](const ApiError &error) { commitsFailed(generation, error); });
                return;
            }
            m_divergedBehind = comparison.status == "diverged"_L1 ? comparison.behindBy : 0;
            QString text =
                tr("Deploying #%1 over live #%2 adds %n commit(s):", nullptr, int(comparison.commits.size()))
                    .arg(selected.run.runNumber)
                    .arg(live.run.runNumber);
            if (m_divergedBehind > 0)
                text += u' ' + tr("The histories diverged: %n commit(s) of live are not in #%1 and would be "
                                  "removed.",
                                  nullptr, m_divergedBehind)
                                   .arg(selected.run.runNumber);
            showCommits(generation, Direction::Forward, comparison.commits, text);
        },
        [this, generation](const ApiError &error) { commitsFailed(generation, error); });
}

void ChangesPanel::showCommits(quint64 generation, Direction direction, const QList<GitHubCommit> &commits,
                               const QString &headline)
{
    if (generation != m_generation)
        return;
    m_direction = direction;
    m_commits = commits;
    m_commitsKnown = true;
    updateHeadline(headline);
    m_commitList->clear();
    QFont linkFont = m_commitList->font();
    linkFont.setUnderline(true);
    linkFont.setFamily(u"monospace"_s);
    // Newest on top, as in the builds list.
    for (auto commit = commits.crbegin(); commit != commits.crend(); ++commit) {
        auto *item =
            new QTreeWidgetItem(m_commitList, {commit->shortSha(), authorOf(*commit), commit->subject()});
        item->setData(int(CommitColumn::Sha), Qt::UserRole, commit->htmlUrl);
        item->setToolTip(int(CommitColumn::Sha), commit->htmlUrl.toDisplayString());
        item->setToolTip(int(CommitColumn::Subject), commit->message);
        item->setFont(int(CommitColumn::Sha), linkFont);
        item->setForeground(int(CommitColumn::Sha), palette().brush(QPalette::Link));
        if (direction == Direction::Rollback)
            item->setForeground(int(CommitColumn::Subject), QColor(0xb0, 0x3a, 0x30));
    }
    Q_EMIT commitsShown();
}

void ChangesPanel::commitsFailed(quint64 generation, const ApiError &error)
{
    if (generation != m_generation)
        return;
    m_commitsKnown = true;
    updateHeadline({});
    m_commitBanner->showMessage(MessageBanner::Type::Error, tr("The commits could not be compared."),
                                error.toString());
    Q_EMIT commitsShown();
}

QString ChangesPanel::commitSummary() const
{
    if (!m_selected)
        return {};
    if (!m_live)
        return tr("Unknown: what is live is not known");
    if (!m_commitsKnown)
        return tr("Comparing with live %1 …").arg(m_live->chartVersion);
    switch (m_direction) {
    case Direction::Forward:
        return tr("%n commit(s) added since live %1", nullptr, int(m_commits.size()))
            .arg(m_live->chartVersion);
    case Direction::Rollback:
        return tr("Rollback from live %1: %n commit(s) removed", nullptr, int(m_commits.size()))
            .arg(m_live->chartVersion);
    case Direction::Same:
        return tr("No code changes against live %1").arg(m_live->chartVersion);
    case Direction::Unknown:
        break;
    }
    return tr("The commits could not be compared with live %1").arg(m_live->chartVersion);
}

void ChangesPanel::loadChartDiff(quint64 generation)
{
    const QString from = m_live->chartVersion;
    const QString to = m_selected->chartVersion;
    if (from == to) {
        chartDiffUnavailable(generation, tr("Same chart version %1 as live.").arg(to));
        return;
    }
    if (!m_chartMuseum) {
        chartDiffUnavailable(generation, tr("ChartMuseum is not available: no chart comparison."));
        return;
    }
    const auto missing = [this](const QString &version) { return !m_versions.contains(version); };
    if (missing(from) || missing(to)) {
        const QStringList absent = missing(from) && missing(to) ? QStringList{from, to}
                                   : missing(from)              ? QStringList{from}
                                                                : QStringList{to};
        chartDiffUnavailable(
            generation,
            tr("No chart comparison: ChartMuseum has no %1.").arg(QLocale().createSeparatedList(absent)));
        return;
    }
    m_chartSummary->setText(tr("Downloading charts %1 and %2 …").arg(from, to));
    const ChartVersion fromEntry = m_versions.value(from);
    const ChartVersion toEntry = m_versions.value(to);
    const auto failed = [this, generation](const ApiError &error) {
        chartDiffUnavailable(generation, tr("The charts could not be compared: %1").arg(error.toString()));
    };
    fetchPackage(
        fromEntry, generation,
        [this, generation, fromEntry, toEntry, failed](const QByteArray &fromBytes) {
            fetchPackage(
                toEntry, generation,
                [this, generation, fromEntry, toEntry, fromBytes, failed](const QByteArray &toBytes) {
                    // Unpacking and diffing is CPU work: keep it off the GUI thread.
                    FutureWatch::watch(
                        this,
                        QtConcurrent::run(diffPackages, fromBytes, toBytes, fromEntry.version(),
                                          toEntry.version()),
                        [this, generation](const PanelDiffResult &result) {
                            if (generation != m_generation)
                                return;
                            if (!result.error.isEmpty()) {
                                chartDiffUnavailable(generation, result.error);
                                return;
                            }
                            m_chartDiff = result.diff;
                            m_chartSummary->setText(chartDiffSummary());
                            m_chartFiles->clear();
                            for (const ChartDiff::File &file : result.diff.files) {
                                QString change;
                                switch (file.status) {
                                case ChartDiff::Status::Added:
                                    change = tr("added");
                                    break;
                                case ChartDiff::Status::Removed:
                                    change = tr("removed");
                                    break;
                                case ChartDiff::Status::Modified:
                                    change = tr("modified");
                                    break;
                                }
                                auto *item = new QTreeWidgetItem(
                                    m_chartFiles,
                                    {file.path, change,
                                     file.binary ? tr("binary") : QString::number(file.additions),
                                     file.binary ? QString() : QString::number(file.deletions)});
                                item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
                                item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
                            }
                            m_fullDiffButton->setEnabled(true);
                            Q_EMIT chartDiffShown();
                        },
                        failed);
                },
                failed);
        },
        failed);
}

void ChangesPanel::chartDiffUnavailable(quint64 generation, const QString &reason)
{
    if (generation != m_generation)
        return;
    m_chartDiff.reset();
    m_chartFiles->clear();
    m_fullDiffButton->setEnabled(false);
    m_chartSummary->setText(reason);
    Q_EMIT chartDiffShown();
}

QString ChangesPanel::chartDiffSummary() const
{
    if (!m_chartDiff || !m_live || !m_selected)
        return {};
    int added = 0;
    int removed = 0;
    int modified = 0;
    for (const ChartDiff::File &file : m_chartDiff->files) {
        switch (file.status) {
        case ChartDiff::Status::Added:
            ++added;
            break;
        case ChartDiff::Status::Removed:
            ++removed;
            break;
        case ChartDiff::Status::Modified:
            ++modified;
            break;
        }
    }
    return tr("Chart %1 → %2: %n file(s) changed (%3 added, %4 removed, %5 modified), +%6 −%7", nullptr,
              int(m_chartDiff->files.size()))
        .arg(m_live->chartVersion, m_selected->chartVersion)
        .arg(added)
        .arg(removed)
        .arg(modified)
        .arg(m_chartDiff->additions())
        .arg(m_chartDiff->deletions());
}

void ChangesPanel::fetchPackage(const ChartVersion &entry, quint64 generation,
                                std::function<void(const QByteArray &)> onBytes,
                                std::function<void(const ApiError &)> onError)
{
    // The cache is read and verified on the thread pool; only a miss goes to the network.
    FutureWatch::watch(
        this, m_cache.lookup(entry.digest.toLower()),
        [this, entry, generation, onBytes, onError](const QByteArray &cached) {
            if (generation != m_generation)
                return;
            if (!cached.isNull()) {
                onBytes(cached);
                return;
            }
            if (!m_chartMuseum) {
                onError(ApiError(ApiError::Kind::Config, tr("ChartMuseum is not available")));
                return;
            }
            FutureWatch::watch(
                this, m_cache.fetch(m_chartMuseum, entry),
                [this, generation, onBytes](const QByteArray &bytes) {
                    if (generation == m_generation)
                        onBytes(bytes);
                },
                onError);
        },
        onError);
}

void ChangesPanel::openFullDiff()
{
    if (!m_chartDiff || !m_live || !m_selected)
        return;
    if (!m_diffDialog) {
        auto *dialog = new QDialog(this);
        dialog->setObjectName(u"buildsDiffDialog"_s);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        auto *view = new DiffView(dialog);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(view, 1);
        layout->addWidget(buttons);
        dialog->resize(1100, 700);
        m_diffDialog = dialog;
        m_diffView = view;
    }
    m_diffDialog->setWindowTitle(tr("Chart %1 → %2").arg(m_live->chartVersion, m_selected->chartVersion));
    m_diffView->setDiff(*m_chartDiff, m_live->chartVersion, m_selected->chartVersion);
    m_diffDialog->show();
    m_diffDialog->raise();
}

} // namespace capstan
