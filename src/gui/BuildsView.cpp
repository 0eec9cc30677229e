#include "BuildsView.h"

#include "BuildStatusDelegate.h"
#include "BuildsFilterModel.h"
#include "ChangesPanel.h"
#include "DeployDialog.h"
#include "FutureWatch.h"
#include "MessageBanner.h"

#include "app/ClientFactory.h"
#include "argocd/ArgoCdClient.h"
#include "argocd/ArgoCdWatcher.h"
#include "argocd/DeployLock.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "config/Config.h"
#include "github/BuildCatalog.h"
#include "github/GitHubClient.h"
#include "models/DataAge.h"
#include "net/ApiError.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

int slot(BuildsModel::Service service)
{
    return int(service);
}

constexpr BuildsModel::Service AllServices[] = {
    BuildsModel::Service::GitHub, BuildsModel::Service::ChartMuseum, BuildsModel::Service::ArgoCd};

} // namespace

BuildsView::BuildsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new BuildsModel(this))
    , m_filter(new BuildsFilterModel(this))
    , m_user(qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")))
    , m_ageTimer(new QTimer(this))
    , m_statusCombo(new QComboBox(this))
    , m_authorCombo(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_refreshButton(new QToolButton(this))
    , m_notices{new MessageBanner(this), new MessageBanner(this), new MessageBanner(this)}
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_table(new QTableView(this))
    , m_buildTitle(new QLabel(this))
    , m_deployButton(new QPushButton(tr("Deploy"), this))
    , m_deployReason(new QLabel(this))
    , m_overrideLink(new QLabel(this))
    , m_breakLockLink(new QLabel(this))
    , m_changes(new ChangesPanel(this))
    , m_footer(new QLabel(this))
{
    setObjectName(u"buildsView"_s);
    m_filter->setSourceModel(m_model);

    m_statusCombo->setObjectName(u"buildsStatusFilter"_s);
    m_statusCombo->addItem(tr("All statuses"), int(BuildsFilterModel::StatusCategory::Any));
    const std::pair<BuildsFilterModel::StatusCategory, QString> statuses[] = {
        {BuildsFilterModel::StatusCategory::Success, tr("Succeeded")},
        {BuildsFilterModel::StatusCategory::Failure, tr("Failed")},
        {BuildsFilterModel::StatusCategory::Running, tr("Running")},
        {BuildsFilterModel::StatusCategory::Queued, tr("Queued")},
    };
    for (const auto &[category, text] : statuses)
        m_statusCombo->addItem(BuildStatusDelegate::statusIcon(category), text, int(category));
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setStatusFilter(BuildsFilterModel::StatusCategory(m_statusCombo->currentData().toInt()));
    });
    m_authorCombo->setObjectName(u"buildsAuthorFilter"_s);
    m_authorCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_authorCombo->addItem(tr("All authors"), QString());
    connect(m_authorCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setAuthorFilter(m_authorCombo->currentData().toString()); });
    m_search->setObjectName(u"buildsSearch"_s);
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Filter by run, commit, message, author or version"));
    connect(m_search, &QLineEdit::textChanged, m_filter, &BuildsFilterModel::setTextFilter);
    m_refreshButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refreshButton->setToolTip(tr("Reload builds, charts and the live state"));
    connect(m_refreshButton, &QToolButton::clicked, this, &BuildsView::refresh);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_statusCombo);
    filters->addSpacing(8);
    filters->addWidget(new QLabel(tr("Author:"), this));
    filters->addWidget(m_authorCombo);
    filters->addSpacing(8);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_refreshButton);

    for (const BuildsModel::Service service : AllServices) {
        MessageBanner *notice = m_notices[slot(service)];
        notice->setObjectName(u"buildsNotice%1"_s.arg(slot(service)));
        notice->setActionText(tr("Retry"));
        connect(notice, &MessageBanner::actionTriggered, this, &BuildsView::refresh);
    }

    m_table->setObjectName(u"buildsTable"_s);
    m_table->setModel(m_filter);
    m_table->setItemDelegate(new BuildStatusDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(BuildsModel::CommitColumn, QHeaderView::Stretch);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                m_selectedRun = current.data(BuildsModel::RunNumberRole).toInt();
                updateDetails();
                Q_EMIT selectionChanged();
            });

    m_buildTitle->setObjectName(u"buildsSelectedTitle"_s);
    m_buildTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_buildTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setWeight(QFont::DemiBold);
    m_buildTitle->setFont(titleFont);
    m_deployButton->setObjectName(u"buildsDeployButton"_s);
    m_deployButton->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    connect(m_deployButton, &QPushButton::clicked, this, &BuildsView::openDeployDialog);
    m_deployReason->setObjectName(u"buildsDeployReason"_s);
    m_deployReason->setTextFormat(Qt::PlainText);
    m_deployReason->setWordWrap(true);
    m_overrideLink->setObjectName(u"buildsOverrideLink"_s);
    m_overrideLink->setTextFormat(Qt::RichText);
    m_overrideLink->setText(u"<a href=\"override\">%1</a>"_s.arg(tr("Override…").toHtmlEscaped()));
    m_overrideLink->setToolTip(tr("Deploy anyway, with a reason that is recorded in the deploy journal"));
    connect(m_overrideLink, &QLabel::linkActivated, this, &BuildsView::openOverrideDialog);
    m_breakLockLink->setObjectName(u"buildsBreakLockLink"_s);
    m_breakLockLink->setTextFormat(Qt::RichText);
    m_breakLockLink->setText(u"<a href=\"break\">%1</a>"_s.arg(tr("Break lock…").toHtmlEscaped()));
    m_breakLockLink->setToolTip(tr("The lock shows no sign of life: remove it, with a reason recorded on the "
                                   "application and in the journal"));
    m_breakLockLink->setVisible(false);
    connect(m_breakLockLink, &QLabel::linkActivated, this, &BuildsView::breakStaleLock);

    auto *deployRow = new QHBoxLayout;
    deployRow->addWidget(m_buildTitle);
    deployRow->addSpacing(16);
    deployRow->addWidget(m_deployButton);
    deployRow->addWidget(m_deployReason, 1);
    deployRow->addWidget(m_overrideLink);
    deployRow->addWidget(m_breakLockLink);

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 6, 0, 0);
    detailsLayout->addLayout(deployRow);
    detailsLayout->addWidget(m_changes, 1);

    m_splitter->setObjectName(u"buildsSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    m_footer->setObjectName(u"buildsFooter"_s);
    m_footer->setTextFormat(Qt::PlainText);
    QPalette footerPalette = m_footer->palette();
    footerPalette.setColor(QPalette::WindowText, footerPalette.color(QPalette::PlaceholderText));
    m_footer->setPalette(footerPalette);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 6);
    layout->addLayout(filters);
    for (MessageBanner *notice : m_notices)
        layout->addWidget(notice);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_footer);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_selectedRun >= 0)
            selectRun(m_selectedRun);
        updateAuthors();
        updateDetails();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateAuthors();
        updateDetails();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &BuildsView::updateDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &BuildsView::updateDetails);
    connect(m_model, &BuildsModel::availabilityChanged, this, &BuildsView::updateDetails);

    // While GitHub fails, the notice keeps saying how old the builds on screen are.
    m_ageTimer->setInterval(30000);
    connect(m_ageTimer, &QTimer::timeout, this, &BuildsView::showStaleBuilds);

    updateDetails();
    updateFooter();
}

BuildsView::~BuildsView() = default;

QString BuildsView::serviceName(BuildsModel::Service service) const
{
    switch (service) {
    case BuildsModel::Service::GitHub:
        return tr("GitHub");
    case BuildsModel::Service::ChartMuseum:
        return tr("ChartMuseum");
    case BuildsModel::Service::ArgoCd:
        return tr("Argo CD");
    }
    return {};
}

MessageBanner *BuildsView::serviceNotice(BuildsModel::Service service) const
{
    return m_notices[slot(service)];
}

DeployDialog *BuildsView::deployDialog() const
{
    return m_deployDialog;
}

GitHubClient *BuildsView::gitHubClient() const
{
    return m_gitHub;
}

ArgoCdClient *BuildsView::argoCdClient() const
{
    return m_argoCd;
}

bool BuildsView::isLoaded(BuildsModel::Service service) const
{
    return m_loaded[slot(service)];
}

void BuildsView::connectServices(ClientFactory *factory, const Config &config)
{
    const quint64 generation = ++m_connectGeneration;
    setGitHubClient(nullptr);
    setChartMuseumClient(nullptr);
    setArgoCdClient(nullptr);
    setChartName(config.chart ? config.chart->name : QString());
    setVersionPattern(config.chart ? config.chart->version : u"1.0.0-{build}"_s);
    setPipeline(config.pipeline);
    m_lockStaleAfterMs = config.argocd ? config.argocd->lockStaleAfterMs : DeployLock::DefaultStaleAfterMs;
    if (!factory)
        return;
    FutureWatch::watch(
        this, factory->gitHub(config),
        [this, generation](GitHubClient *client) {
            if (generation == m_connectGeneration)
                setGitHubClient(client);
        },
        [this, generation](const ApiError &error) {
            if (generation == m_connectGeneration)
                setServiceUnavailable(BuildsModel::Service::GitHub, error);
        });
    FutureWatch::watch(
        this, factory->chartMuseum(config),
        [this, generation](ChartMuseumClient *client) {
            if (generation == m_connectGeneration)
                setChartMuseumClient(client);
        },
        [this, generation](const ApiError &error) {
            if (generation == m_connectGeneration)
                setServiceUnavailable(BuildsModel::Service::ChartMuseum, error);
        });
    FutureWatch::watch(
        this, factory->argoCd(config),
        [this, generation](ArgoCdClient *client) {
            if (generation == m_connectGeneration)
                setArgoCdClient(client);
        },
        [this, generation](const ApiError &error) {
            if (generation == m_connectGeneration)
                setServiceUnavailable(BuildsModel::Service::ArgoCd, error);
        });
}

void BuildsView::setChartName(const QString &name)
{
    m_chartName = name;
}

void BuildsView::setVersionPattern(const QString &pattern)
{
    m_pattern = pattern.isEmpty() ? u"1.0.0-{build}"_s : pattern;
    m_model->setVersionPattern(m_pattern);
}

void BuildsView::setChartCacheDirectory(const QString &directory)
{
    m_changes->setChartCacheDirectory(directory);
}

void BuildsView::setGitHubClient(GitHubClient *client)
{
    if (m_gitHub)
        disconnect(m_gitHub, nullptr, this, nullptr);
    m_gitHub = client;
    m_changes->setGitHubClient(client);
    m_detailsKey.clear();
    if (client) {
        connect(client, &GitHubClient::rateLimitChanged, this, &BuildsView::updateFooter);
        loadGitHub();
    }
    updateFooter();
}

void BuildsView::setChartMuseumClient(ChartMuseumClient *client)
{
    m_chartMuseum = client;
    m_changes->setChartMuseumClient(client);
    m_detailsKey.clear();
    if (client)
        loadChartMuseum();
}

void BuildsView::setArgoCdClient(ArgoCdClient *client, ArgoCdWatcher *watcher)
{
    if (m_watcher)
        disconnect(m_watcher, nullptr, this, nullptr);
    if (m_ownWatcher) {
        m_ownWatcher->stop();
        m_ownWatcher->deleteLater();
    }
    m_argoCd = client;
    m_watcher = nullptr;
    if (!client) {
        updateDeployState();
        return;
    }
    if (!watcher) {
        watcher = client->watch(this);
        m_ownWatcher = watcher;
    }
    m_watcher = watcher;
    // Live updates: a deploy from anywhere (CLI, auto-sync, the Argo CD UI) moves the live marker.
    connect(watcher, &ArgoCdWatcher::applicationChanged, this, [this](const ArgoApplication &application) {
        if (m_argoCd)
            setApplication(application);
    });
    if (watcher->mode() == ArgoCdWatcher::Mode::Stopped)
        watcher->start();
    loadArgoCd();
}

void BuildsView::setServiceUnavailable(BuildsModel::Service service, const ApiError &error)
{
    ++m_generation[slot(service)];
    switch (service) {
    case BuildsModel::Service::GitHub:
        setGitHubClient(nullptr);
        break;
    case BuildsModel::Service::ChartMuseum:
        setChartMuseumClient(nullptr);
        break;
    case BuildsModel::Service::ArgoCd:
        setArgoCdClient(nullptr);
        m_application.reset();
        break;
    }
    QString text = error.toString();
    if (!error.hint().isEmpty())
        text += u'\n' + error.hint();
    showServiceError(service, text);
    markLoaded(service, false);
}

void BuildsView::refresh()
{
    if (m_gitHub)
        loadGitHub();
    if (m_chartMuseum)
        loadChartMuseum();
    if (m_argoCd)
        loadArgoCd();
}

void BuildsView::markLoaded(BuildsModel::Service service, bool ok)
{
    m_loaded[slot(service)] = true;
    updateFooter();
    Q_EMIT serviceLoaded(service, ok);
}

void BuildsView::showServiceError(BuildsModel::Service service, const QString &text)
{
    const QString first = text.section(u'\n', 0, 0);
    const QString rest = text.section(u'\n', 1);
    m_model->setUnavailable(service, first);
    if (service == BuildsModel::Service::GitHub && m_hasRuns) {
        // The builds already on screen stay, marked with their age.
        m_gitHubFailure = text;
        showStaleBuilds();
        m_ageTimer->start();
        return;
    }
    const QString consequence = service == BuildsModel::Service::GitHub ? tr("no builds can be listed")
                                : service == BuildsModel::Service::ChartMuseum
                                    ? tr("whether a chart exists is unknown")
                                    : tr("what is live is unknown and nothing can be deployed");
    serviceNotice(service)->showMessage(MessageBanner::Type::Warning,
                                        tr("%1 is unavailable: %2").arg(serviceName(service), consequence),
                                        rest.isEmpty() ? first : first + u'\n' + rest);
}

void BuildsView::showStaleBuilds()
{
    if (m_gitHubFailure.isEmpty())
        return;
    const QString first = m_gitHubFailure.section(u'\n', 0, 0);
    const QString rest = m_gitHubFailure.section(u'\n', 1);
    const QString age = DataAge::describe(m_runsFetched);
    QString text;
    if (!m_runsCached)
        text = tr("Showing builds from %1: GitHub is unavailable (%2)").arg(age, first);
    else if (!age.isEmpty())
        text = tr("Showing cached builds from %1: GitHub is unavailable (%2)").arg(age, first);
    else
        text = tr("Showing cached builds: GitHub is unavailable (%1)").arg(first);
    MessageBanner *notice = serviceNotice(BuildsModel::Service::GitHub);
    notice->showMessage(MessageBanner::Type::Warning, text, rest);
    notice->setToolTip(m_runsFetched.isValid()
                           ? tr("Builds as GitHub listed them at %1")
                                 .arg(QLocale().toString(m_runsFetched.toLocalTime(), QLocale::LongFormat))
                           : QString());
}

void BuildsView::loadGitHub()
{
    const quint64 generation = ++m_generation[slot(BuildsModel::Service::GitHub)];
    m_loaded[slot(BuildsModel::Service::GitHub)] = false;
    FutureWatch::watch(
        this, m_gitHub->runs(m_runLimit),
        [this, generation](const QList<WorkflowRun> &runs) {
            if (generation != m_generation[slot(BuildsModel::Service::GitHub)])
                return;
            m_ageTimer->stop();
            m_gitHubFailure.clear();
            serviceNotice(BuildsModel::Service::GitHub)->clear();
            serviceNotice(BuildsModel::Service::GitHub)->setToolTip(QString());
            m_hasRuns = true;
            m_runsCached = false;
            m_runsFetched = QDateTime::currentDateTimeUtc();
            m_model->setRuns(runs);
            markLoaded(BuildsModel::Service::GitHub, true);
        },
        [this, generation](const ApiError &error) {
            if (generation != m_generation[slot(BuildsModel::Service::GitHub)])
                return;
            // Nothing on screen yet (a fresh start): what the ETag cache kept from the last listing.
            if (!m_hasRuns && m_gitHub) {
                if (const auto cached = m_gitHub->cachedRuns(m_runLimit)) {
                    m_hasRuns = true;
                    m_runsCached = true;
                    m_runsFetched = cached->fetched;
                    m_model->setRuns(cached->runs);
                }
            }
            showServiceError(BuildsModel::Service::GitHub, error.hint().isEmpty()
                                                               ? error.toString()
                                                               : error.toString() + u'\n' + error.hint());
            markLoaded(BuildsModel::Service::GitHub, false);
        });
}

void BuildsView::loadChartMuseum()
{
    const quint64 generation = ++m_generation[slot(BuildsModel::Service::ChartMuseum)];
    m_loaded[slot(BuildsModel::Service::ChartMuseum)] = false;
    if (m_chartName.isEmpty()) {
        showServiceError(
            BuildsModel::Service::ChartMuseum,
            tr("capstan.yaml has no chart name (chart.name), so no chart version can be looked up"));
        markLoaded(BuildsModel::Service::ChartMuseum, false);
        return;
    }
    const QString chart = m_chartName;
    FutureWatch::watch(
        this, m_chartMuseum->versions(chart),
        [this, generation](const QList<ChartVersion> &versions) {
            if (generation != m_generation[slot(BuildsModel::Service::ChartMuseum)])
                return;
            serviceNotice(BuildsModel::Service::ChartMuseum)->clear();
            m_chartVersions = versions;
            m_chartVersionsKnown = true;
            m_changes->setChartVersions(versions);
            QSet<QString> set;
            for (const ChartVersion &version : versions)
                set.insert(version.version());
            m_detailsKey.clear();
            m_model->setRepositoryVersions(set);
            updateDetails();
            markLoaded(BuildsModel::Service::ChartMuseum, true);
        },
        [this, generation, chart](const ApiError &error) {
            if (generation != m_generation[slot(BuildsModel::Service::ChartMuseum)])
                return;
            if (error.status() == 404) {
                // The server answered: it simply has no version of this chart yet.
                m_chartVersions.clear();
                m_chartVersionsKnown = true;
                m_changes->setChartVersions({});
                m_model->setRepositoryVersions({});
                serviceNotice(BuildsModel::Service::ChartMuseum)
                    ->showMessage(
                        MessageBanner::Type::Information,
                        m_pipeline
                            ? tr("ChartMuseum has no chart %1 yet: the pipeline publishes it with the "
                                 "first deploy.")
                                  .arg(chart)
                            : tr("ChartMuseum has no chart %1 yet: no build can be deployed.").arg(chart));
                markLoaded(BuildsModel::Service::ChartMuseum, true);
                return;
            }
            m_chartVersionsKnown = false;
            showServiceError(BuildsModel::Service::ChartMuseum, error.toString());
            markLoaded(BuildsModel::Service::ChartMuseum, false);
        });
}

void BuildsView::loadArgoCd()
{
    const quint64 generation = ++m_generation[slot(BuildsModel::Service::ArgoCd)];
    m_loaded[slot(BuildsModel::Service::ArgoCd)] = false;
    FutureWatch::watch(
        this, m_argoCd->get(),
        [this, generation](const ArgoApplication &application) {
            if (generation != m_generation[slot(BuildsModel::Service::ArgoCd)])
                return;
            setApplication(application);
            markLoaded(BuildsModel::Service::ArgoCd, true);
        },
        [this, generation](const ApiError &error) {
            if (generation != m_generation[slot(BuildsModel::Service::ArgoCd)])
                return;
            m_application.reset();
            showServiceError(BuildsModel::Service::ArgoCd, error.toString());
            markLoaded(BuildsModel::Service::ArgoCd, false);
        });
}

void BuildsView::setApplication(const ArgoApplication &application)
{
    m_application = application;
    serviceNotice(BuildsModel::Service::ArgoCd)->clear();
    m_model->setApplication(application);
    updateDetails();
}

void BuildsView::updateAuthors()
{
    QStringList authors;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString author = m_model->index(row, 0).data(BuildsModel::AuthorRole).toString();
        if (!author.isEmpty() && !authors.contains(author))
            authors.append(author);
    }
    authors.sort(Qt::CaseInsensitive);
    const QString current = m_authorCombo->currentData().toString();
    QStringList present;
    for (int index = 1; index < m_authorCombo->count(); ++index)
        present.append(m_authorCombo->itemData(index).toString());
    if (present == authors)
        return;
    const QSignalBlocker blocker(m_authorCombo);
    m_authorCombo->clear();
    m_authorCombo->addItem(tr("All authors"), QString());
    for (const QString &author : std::as_const(authors))
        m_authorCombo->addItem(author, author);
    // A filter on an author who no longer appears stays, so the list does not jump under the user.
    if (!current.isEmpty() && !authors.contains(current))
        m_authorCombo->addItem(current, current);
    m_authorCombo->setCurrentIndex(qMax(0, m_authorCombo->findData(current)));
}

std::optional<Build> BuildsView::selectedBuild() const
{
    if (m_selectedRun < 0)
        return std::nullopt;
    return m_model->buildAt(m_model->rowForRun(m_selectedRun));
}

std::optional<Build> BuildsView::liveBuild() const
{
    for (const Build &build : m_model->builds()) {
        if (build.live == Build::Presence::Yes)
            return build;
    }
    return std::nullopt;
}

bool BuildsView::selectRun(int runNumber)
{
    const int row = m_model->rowForRun(runNumber);
    if (row < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_selectedRun = runNumber;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    updateDetails();
    return true;
}

void BuildsView::setPipeline(const std::optional<Pipeline> &pipeline)
{
    m_pipeline = pipeline;
    updateDeployState();
}

QString BuildsView::buildBlocker(const Build &build) const
{
    if (!m_pipeline) {
        const QString own = build.deployBlocker();
        return own.isEmpty() ? tr("Deploying needs a pipeline section in capstan.yaml")
                             : tr("%1 — deploying needs a pipeline section in capstan.yaml").arg(own);
    }
    Build packaged = build;
    if (packaged.inRepository == Build::Presence::No)
        packaged.inRepository = Build::Presence::Unknown; // the pipeline packages and publishes it
    return packaged.deployBlocker();
}

QString BuildsView::deployBlocker() const
{
    const std::optional<Build> build = selectedBuild();
    if (!build)
        return tr("Select a build to deploy");
    if (!m_argoCd || !m_application) {
        const QString message = m_model->unavailableMessage(BuildsModel::Service::ArgoCd);
        return message.isEmpty() ? tr("Waiting for Argo CD") : tr("Argo CD is unavailable: %1").arg(message);
    }
    if (const auto lock = m_application->deployLock())
        return tr("Locked by %1").arg(DeployLock::describe(*lock, m_lockStaleAfterMs));
    return buildBlocker(*build);
}

void BuildsView::breakStaleLock()
{
    if (!m_argoCd || !m_application || !m_application->deployLock())
        return;
    const ArgoApplication::DeployLock lock = *m_application->deployLock();
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Break the deploy lock"),
                              tr("The lock of %1 shows no sign of life:\n%2\n\nWhy is it safe to break it? "
                                 "The reason is recorded on the application and in the journal.")
                                  .arg(m_application->name, DeployLock::describe(lock, m_lockStaleAfterMs)),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || reason.isEmpty())
        return;
    DeployLock::breakLock(m_argoCd, DeployLock::defaultHolder(), reason)
        .then(this,
              [this, reason, lock](const ArgoApplication &application) {
                  Q_EMIT lockBroken(
                      reason, u"succeeded"_s,
                      tr("broke the lock of %1").arg(DeployLock::describe(lock, m_lockStaleAfterMs)));
                  setApplication(application);
              })
        .onFailed(this, [this, reason](const ApiError &error) {
            Q_EMIT lockBroken(reason, u"failed"_s, error.toString());
            m_deployReason->setText(tr("Cannot break the lock: %1").arg(error.toString()));
        });
}

void BuildsView::updateDeployState()
{
    const std::optional<Build> build = selectedBuild();
    const QString blocker = deployBlocker();
    const bool argoReady = m_argoCd && m_application;
    m_deployButton->setEnabled(blocker.isEmpty());
    m_deployButton->setText(build ? tr("Deploy %1").arg(build->chartVersion) : tr("Deploy"));
    m_deployButton->setToolTip(
        blocker.isEmpty() && build ? tr("Deploy %1 through the pipeline").arg(build->chartVersion) : blocker);
    m_deployReason->setText(blocker);
    const std::optional<ArgoApplication::DeployLock> lock =
        m_application ? m_application->deployLock() : std::nullopt;
    // Only a build's own blocker can be overridden; without Argo CD or a pipeline nothing deploys.
    m_overrideLink->setVisible(build && argoReady && m_pipeline && !lock && !blocker.isEmpty());
    m_breakLockLink->setVisible(argoReady && lock &&
                                lock->isStale(QDateTime::currentDateTimeUtc(), m_lockStaleAfterMs));
}

void BuildsView::updateDetails()
{
    const std::optional<Build> build = selectedBuild();
    if (!build) {
        m_buildTitle->setText(tr("No build selected"));
        if (!m_detailsKey.isEmpty() || m_changes->direction() != ChangesPanel::Direction::Unknown)
            m_changes->clear(tr("Select a build to see what deploying it would change."));
        m_detailsKey.clear();
        updateDeployState();
        return;
    }
    m_buildTitle->setText(tr("#%1 · %2").arg(build->run.runNumber).arg(build->chartVersion));
    updateDeployState();

    const std::optional<Build> live = liveBuild();
    QString liveReason;
    if (!live) {
        const QString argoMessage = m_model->unavailableMessage(BuildsModel::Service::ArgoCd);
        if (!argoMessage.isEmpty())
            liveReason = tr("Argo CD is unavailable, so what is live is unknown: nothing to compare with.");
        else if (!m_application)
            liveReason = tr("Waiting for Argo CD to say what is live …");
        else if (m_application->liveRevision().isEmpty())
            liveReason = tr("Nothing is deployed yet: deploying #%1 installs it for the first time.")
                             .arg(build->run.runNumber);
        else if (!BuildCatalog::runNumberFor(m_pattern, m_application->liveRevision()))
            liveReason = tr("Live version %1 was not built by CI (it does not match %2).")
                             .arg(m_application->liveRevision(), m_pattern);
        else
            liveReason = tr("Live version %1 is older than the builds listed here.")
                             .arg(m_application->liveRevision());
    }
    const auto hasChart = [this](const QString &version) {
        for (const ChartVersion &entry : m_chartVersions) {
            if (entry.version() == version)
                return true;
        }
        return false;
    };
    const QStringList key{
        QString::number(build->run.runNumber),
        build->run.headSha,
        live ? QString::number(live->run.runNumber) : liveReason,
        m_gitHub ? u"g"_s : QString(),
        m_chartMuseum && m_chartVersionsKnown ? u"c"_s : QString(),
        hasChart(build->chartVersion) ? u"1"_s : QString(),
        live && hasChart(live->chartVersion) ? u"1"_s : QString(),
    };
    const QString joined = key.join(u'|');
    if (joined == m_detailsKey)
        return;
    m_detailsKey = joined;
    m_changes->showChanges(*build, live, liveReason);
}

void BuildsView::updateFooter()
{
    QStringList parts;
    QStringList tips;
    if (m_gitHub) {
        const RateLimit limit = m_gitHub->rateLimit();
        if (limit.known()) {
            parts.append(tr("GitHub rate limit: %1 of %2 left").arg(limit.remaining).arg(limit.limit));
            if (limit.reset.isValid())
                tips.append(tr("The limit resets at %1.")
                                .arg(QLocale().toString(limit.reset.toLocalTime(), QLocale::ShortFormat)));
        } else {
            parts.append(tr("GitHub rate limit: not reported"));
        }
        const int cached = m_gitHub->requestsServedFromCache();
        parts.append(tr("%n answer(s) from the ETag cache", nullptr, cached));
        tips.append(tr("Unchanged answers (304 Not Modified) do not count against the rate limit."));
    }
    for (const BuildsModel::Service service : AllServices) {
        const QString message = m_model->unavailableMessage(service);
        if (!message.isEmpty())
            tips.append(tr("%1: %2").arg(serviceName(service), message));
    }
    if (m_loaded[slot(BuildsModel::Service::GitHub)])
        parts.append(m_runsCached ? tr("%n cached build(s)", nullptr, m_model->rowCount())
                                  : tr("%n build(s)", nullptr, m_model->rowCount()));
    m_footer->setText(parts.join(u"  ·  "_s));
    m_footer->setToolTip(tips.join(u'\n'));
}

void BuildsView::openDeployDialog()
{
    openDeploy(false);
}

void BuildsView::openOverrideDialog()
{
    openDeploy(true);
}

void BuildsView::openDeploy(bool override)
{
    const std::optional<Build> build = selectedBuild();
    if (!build || !m_argoCd || !m_application || !m_pipeline)
        return;
    const QString blocker = buildBlocker(*build);
    if (!override && !blocker.isEmpty())
        return;
    if (m_deployDialog)
        m_deployDialog->close();
    DeployDialog::Request request;
    request.build = *build;
    request.blocker = blocker;
    request.commitSummary = m_changes->commitSummary();
    request.chartSummary = m_changes->chartDiffSummary();
    request.previousVersion = m_application->liveRevision();
    request.user = m_user;
    request.application = m_argoCd->application();
    request.pipeline = m_pipeline;
    auto *dialog = new DeployDialog(request, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DeployDialog::deployRequested, this, &BuildsView::deployRequested);
    m_deployDialog = dialog;
    dialog->open();
    Q_EMIT deployDialogOpened(dialog);
}

} // namespace capstan
