#include "ChartsView.h"
#include "ui_chartsview.h"

#include "ArchiveFilesModel.h"
#include "ChartListDelegate.h"
#include "DiffView.h"
#include "FutureWatch.h"
#include "MessageBanner.h"
#include "YamlHighlighter.h"

#include "chart/ChartArchive.h"
#include "chart/ChartDiffer.h"
#include "chart/ChartPackager.h"
#include "chart/SemVer.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "models/ChartListModel.h"
#include "models/ChartVersionsModel.h"
#include "models/ChartVersionsProxyModel.h"
#include "models/DataAge.h"
#include "net/HttpClient.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

struct ArchiveReadResult
{
    std::optional<ChartArchive> archive;
    QString error;
};

ArchiveReadResult readArchive(const QByteArray &bytes)
{
    ArchiveReadResult result;
    result.archive = ChartArchive::read(bytes, &result.error);
    return result;
}

struct DiffResult
{
    ChartDiff diff;
    QString error;
};

DiffResult diffArchives(const QByteArray &from, const QByteArray &to, const QString &fromLabel,
                        const QString &toLabel)
{
    DiffResult result;
    QString error;
    const std::optional<ChartArchive> a = ChartArchive::read(from, &error);
    if (!a) {
        result.error = ChartsView::tr("%1 cannot be read: %2").arg(fromLabel, error);
        return result;
    }
    const std::optional<ChartArchive> b = ChartArchive::read(to, &error);
    if (!b) {
        result.error = ChartsView::tr("%1 cannot be read: %2").arg(toLabel, error);
        return result;
    }
    result.diff = ChartDiffer::diff(*a, *b);
    return result;
}

bool sameEntry(const ChartVersion &a, const ChartVersion &b)
{
    return a.name() == b.name() && a.version() == b.version() && a.digest == b.digest;
}

void makeHeading(QLabel *label)
{
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
}

constexpr auto SplitterKey = "charts/splitter"_L1;
constexpr auto VersionHeaderKey = "charts/versionHeader"_L1;

} // namespace

ChartsView::ChartsView(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ChartsView>())
    , m_chartModel(new ChartListModel(this))
    , m_versionsModel(new ChartVersionsModel(this))
    , m_proxy(new ChartVersionsProxyModel(this))
    , m_filesModel(new ArchiveFilesModel(this))
    , m_downloadWatcher(new QFutureWatcher<QByteArray>(this))
{
    ui->setupUi(this);
    for (QLabel *heading : {ui->chartsHeading, ui->versionsHeading, ui->detailsHeading})
        makeHeading(heading);
    QFont titleFont = ui->stateTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setWeight(QFont::DemiBold);
    ui->stateTitle->setFont(titleFont);
    ui->stateText->setTextFormat(Qt::PlainText);
    ui->stateProgress->setMinimumWidth(220);
    ui->stateLayout->setAlignment(ui->stateProgress, Qt::AlignHCenter);
    ui->stateLayout->setContentsMargins(96, 24, 96, 24);

    ui->chartList->setModel(m_chartModel);
    ui->chartList->setItemDelegate(new ChartListDelegate(ui->chartList));
    ui->chartList->setSelectionMode(QAbstractItemView::SingleSelection);
    ui->chartList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    ui->chartList->setTextElideMode(Qt::ElideRight);

    m_proxy->setSourceModel(m_versionsModel);
    ui->versionTable->setModel(m_proxy);
    // The chart name is the heading and the digest is in the details: the table keeps what tells versions
    // apart.
    ui->versionTable->setColumnHidden(ChartVersionsModel::Name, true);
    ui->versionTable->setColumnHidden(ChartVersionsModel::Digest, true);
    ui->versionTable->sortByColumn(ChartVersionsModel::Version, Qt::DescendingOrder);
    ui->versionTable->verticalHeader()->setDefaultSectionSize(ui->versionTable->fontMetrics().height() + 8);
    ui->versionTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    ui->versionTable->horizontalHeader()->setMinimumSectionSize(60);
    // The digest column is hidden, so "last section" would stretch nothing visible.
    ui->versionTable->horizontalHeader()->setStretchLastSection(false);
    ui->versionTable->horizontalHeader()->setSectionResizeMode(ChartVersionsModel::Created,
                                                               QHeaderView::Stretch);
    ui->versionTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    auto *filesProxy = new QSortFilterProxyModel(this);
    filesProxy->setSourceModel(m_filesModel);
    filesProxy->setSortRole(ArchiveFilesModel::SortRole);
    ui->filesTable->setModel(filesProxy);
    ui->filesTable->sortByColumn(ArchiveFilesModel::Path, Qt::AscendingOrder);
    ui->filesTable->horizontalHeader()->setSectionResizeMode(ArchiveFilesModel::Path, QHeaderView::Stretch);
    ui->filesTable->horizontalHeader()->setSectionResizeMode(ArchiveFilesModel::Size,
                                                             QHeaderView::ResizeToContents);
    ui->filesTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    ui->filesTable->verticalHeader()->setDefaultSectionSize(ui->filesTable->fontMetrics().height() + 8);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : {ui->chartYamlEdit, ui->valuesYamlEdit}) {
        edit->setFont(mono);
        edit->setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(u' ') * 2);
        new YamlHighlighter(edit->document());
    }
    for (QLabel *value : {ui->nameValue, ui->versionValue, ui->appVersionValue, ui->createdValue,
                          ui->digestValue, ui->descriptionValue}) {
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    ui->digestValue->setFont(mono);
    ui->digestValue->setWordWrap(true);
    for (QLabel *label : {ui->nameLabel, ui->versionLabel, ui->appVersionLabel, ui->createdLabel,
                          ui->digestLabel, ui->descriptionLabel}) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
        label->setPalette(palette);
    }
    ui->detailsPlaceholderLabel->setEnabled(false);
    ui->downloadProgress->hide();

    ui->mainSplitter->setStretchFactor(0, 0);
    ui->mainSplitter->setStretchFactor(1, 2);
    ui->mainSplitter->setStretchFactor(2, 3);

    connect(ui->banner, &MessageBanner::actionTriggered, this, &ChartsView::retry);
    connect(ui->stateRetryButton, &QPushButton::clicked, this, &ChartsView::retry);
    connect(ui->stateSettingsButton, &QPushButton::clicked, this, &ChartsView::settingsRequested);
    connect(ui->detailsBanner, &MessageBanner::actionTriggered, this, [this] {
        if (m_shownVersion)
            loadDetails(*m_shownVersion, true);
    });
    connect(ui->chartList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showChart(m_chartModel->nameAt(current.row()));
            });
    connect(ui->versionTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ChartsView::onVersionSelectionChanged);
    connect(ui->filterEdit, &QLineEdit::textChanged, this, &ChartsView::setFilterText);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ChartsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ChartsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ChartsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ChartsView::updateCount);
    connect(m_downloadWatcher, &QFutureWatcherBase::progressValueChanged, this, &ChartsView::updateProgress);
    setupActions();

    showNotConfigured(tr("No chartmuseum section in capstan.yaml — open Settings to add the server."));
}

ChartsView::~ChartsView()
{
    m_download.cancel();
}

MessageBanner *ChartsView::banner() const
{
    return ui->banner;
}

MessageBanner *ChartsView::detailsBanner() const
{
    return ui->detailsBanner;
}

void ChartsView::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ChartsView::showStatePage(const QString &title, const QString &text, bool busy, bool retry,
                               bool settings)
{
    ui->stateTitle->setText(title);
    ui->stateText->setText(text);
    ui->stateText->setVisible(!text.isEmpty());
    ui->stateProgress->setVisible(busy);
    ui->stateRetryButton->setVisible(retry);
    ui->stateSettingsButton->setVisible(settings);
    ui->pages->setCurrentWidget(ui->statePage);
}

void ChartsView::showNotConfigured(const QString &reason, const QString &title)
{
    ++m_loadGeneration;
    m_client = nullptr;
    ui->banner->clear();
    showStatePage(title.isEmpty() ? tr("ChartMuseum is not configured") : title, reason, false, false, true);
    setState(State::NotConfigured);
}

void ChartsView::showConnecting(const QUrl &url)
{
    ui->banner->clear();
    showStatePage(tr("Connecting to ChartMuseum"), url.toDisplayString(), true, false, false);
    setState(State::Connecting);
}

void ChartsView::showUnavailable(const ApiError &error)
{
    ++m_loadGeneration;
    m_client = nullptr;
    ui->banner->clear();
    QString text = error.toString();
    if (!error.hint().isEmpty())
        text += u"\n\n"_s + error.hint();
    showStatePage(tr("ChartMuseum cannot be used"), text, false, true, true);
    setState(State::Unavailable);
}

void ChartsView::setClient(ChartMuseumClient *client)
{
    m_client = client;
    m_deleteRefused.clear();
    m_charts.clear();
    m_chartModel->setCharts({});
    m_versionsModel->clear();
    m_shownChart.clear();
    clearDetails();
    if (!client) {
        showNotConfigured(tr("No chartmuseum section in capstan.yaml — open Settings to add the server."));
        return;
    }
    refresh();
}

void ChartsView::retry()
{
    if (m_client)
        refresh();
    else
        Q_EMIT reconnectRequested();
}

void ChartsView::refresh()
{
    if (!m_client)
        return;
    const quint64 generation = ++m_loadGeneration;
    if (m_charts.isEmpty()) {
        showStatePage(tr("Loading charts"),
                      tr("Reading the repository at %1 …").arg(m_client->http()->baseUrl().toDisplayString()),
                      true, false, false);
        setState(State::Loading);
    }
    FutureWatch::watch(
        this, m_client->charts(),
        [this, generation](const QMap<QString, QList<ChartVersion>> &charts) {
            if (generation == m_loadGeneration)
                applyCharts(charts);
        },
        [this, generation](const ApiError &error) {
            if (generation == m_loadGeneration)
                showLoadError(error);
        });
}

void ChartsView::applyCharts(const QMap<QString, QList<ChartVersion>> &charts)
{
    const QString previousChart = currentChart();
    ui->banner->clear();
    m_charts = charts;
    m_chartsLoadedAt = QDateTime::currentDateTimeUtc();
    m_chartModel->setCharts(charts);
    if (charts.isEmpty()) {
        m_versionsModel->clear();
        m_shownChart.clear();
        clearDetails();
        showStatePage(tr("The repository is empty"),
                      tr("%1 holds no charts yet. Publish one (for example with helm cm-push), then refresh "
                         "with F5.")
                          .arg(m_client ? m_client->http()->baseUrl().toDisplayString() : QString()),
                      false, true, false);
        ui->stateRetryButton->setText(tr("Refresh"));
        setState(State::Empty);
        Q_EMIT chartsLoaded(0);
        return;
    }
    ui->stateRetryButton->setText(tr("Retry"));
    ui->pages->setCurrentWidget(ui->contentPage);
    placeSplitter();
    setState(State::Ready);

    int row = m_chartModel->rowOf(previousChart);
    if (row < 0)
        row = 0;
    m_shownChart.clear(); // the versions of the chart may have changed: show them again
    const QModelIndex index = m_chartModel->index(row, 0);
    if (ui->chartList->currentIndex() == index)
        showChart(m_chartModel->nameAt(row));
    else
        ui->chartList->setCurrentIndex(index);
    Q_EMIT chartsLoaded(int(charts.size()));
}

void ChartsView::showLoadError(const ApiError &error)
{
    const bool offline = error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Timeout;
    // A network error already says which server could not be reached.
    QString text = offline ? error.toString() : tr("Could not load the charts: %1").arg(error.toString());
    // The charts already on screen stay, marked with their age.
    if (!m_charts.isEmpty() && m_chartsLoadedAt.isValid())
        text = tr("Showing charts from %1: %2").arg(DataAge::describe(m_chartsLoadedAt), text);
    ui->banner->showMessage(MessageBanner::Type::Error, text, error.hint());
    ui->banner->setActionText(tr("Retry"));
    if (m_charts.isEmpty()) {
        showStatePage(offline ? tr("Server offline") : tr("No charts loaded"),
                      tr("Retry when the server is back, or check the server URL in Settings."), false, false,
                      true);
    }
    setState(State::Failed);
    Q_EMIT loadFailed(text);
}

QString ChartsView::currentChart() const
{
    const QModelIndex current = ui->chartList->currentIndex();
    return current.isValid() ? m_chartModel->nameAt(current.row()) : QString();
}

bool ChartsView::selectChart(const QString &name)
{
    const int row = m_chartModel->rowOf(name);
    if (row < 0)
        return false;
    ui->chartList->setCurrentIndex(m_chartModel->index(row, 0));
    return true;
}

bool ChartsView::selectVersion(const QString &version)
{
    // Straight through the model's list: no copy of each of 10,000 versions through a QVariant.
    const QList<ChartVersion> &versions = m_versionsModel->versions();
    for (int source = 0; source < versions.size(); ++source) {
        if (versions.at(source).metadata.version != version)
            continue;
        const QModelIndex index =
            m_proxy->mapFromSource(m_versionsModel->index(source, ChartVersionsModel::Version));
        if (!index.isValid())
            continue; // filtered away
        ui->versionTable->selectRow(index.row());
        ui->versionTable->scrollTo(index);
        return true;
    }
    return false;
}

void ChartsView::setFilterText(const QString &text)
{
    if (ui->filterEdit->text() != text)
        ui->filterEdit->setText(text); // comes back here through textChanged
    if (m_proxy->filterText() == text)
        return;
    m_proxy->setFilterText(text);
    updateCount();
}

void ChartsView::updateCount()
{
    const int total = m_versionsModel->rowCount();
    const int shown = m_proxy->rowCount();
    QString text;
    if (m_proxy->filterText().isEmpty())
        text = tr("%n version(s)", nullptr, total);
    else if (m_proxy->isRangeFilter())
        text = tr("%1 of %2 in range").arg(shown).arg(total);
    else
        text = tr("%1 of %2 match").arg(shown).arg(total);
    ui->versionCountLabel->setText(text);
}

void ChartsView::showChart(const QString &name)
{
    if (name == m_shownChart)
        return;
    const std::optional<ChartVersion> previous = m_shownVersion;
    m_shownChart = name;
    ui->versionsHeading->setText(tr("Versions of %1").arg(name));
    m_versionsModel->setVersions(m_charts.value(name));
    updateCount();
    if (!m_columnsSized && m_versionsModel->rowCount() > 0) {
        QHeaderView *header = ui->versionTable->horizontalHeader();
        for (const int column : {int(ChartVersionsModel::Version), int(ChartVersionsModel::AppVersion)}) {
            ui->versionTable->resizeColumnToContents(column);
            header->resizeSection(column, header->sectionSize(column) + 12);
        }
        m_columnsSized = true;
    }
    // Keep the version that was shown when it is still there (a refresh), else show the newest.
    if (previous && previous->name() == name && selectVersion(previous->version()))
        return;
    if (m_proxy->rowCount() > 0)
        ui->versionTable->selectRow(0);
    else
        clearDetails();
}

void ChartsView::onVersionSelectionChanged()
{
    const QModelIndexList rows =
        ui->versionTable->selectionModel()->selectedRows(ChartVersionsModel::Version);
    if (rows.isEmpty())
        return; // filtered away: keep what is shown
    const QVariant value = rows.first().data(ChartVersionsModel::ChartVersionRole);
    if (!value.canConvert<ChartVersion>())
        return;
    loadDetails(value.value<ChartVersion>(), false);
}

void ChartsView::clearDetails()
{
    ++m_detailsGeneration;
    m_download.cancel();
    m_shownVersion.reset();
    ui->chartYamlEdit->clear();
    ui->valuesYamlEdit->clear();
    m_filesModel->clear();
    ui->detailsBanner->clear();
    ui->downloadProgress->hide();
    ui->detailsHeading->setText(tr("Details"));
    ui->detailsStack->setCurrentWidget(ui->detailsPlaceholder);
    updateActions();
}

void ChartsView::loadDetails(const ChartVersion &version, bool force)
{
    if (!force && m_shownVersion && sameEntry(*m_shownVersion, version))
        return;
    if (!m_client)
        return;
    const quint64 generation = ++m_detailsGeneration;
    m_download.cancel();
    m_shownVersion = version;

    ui->detailsHeading->setText(tr("%1 %2").arg(version.name(), version.version()));
    ui->nameValue->setText(version.name());
    ui->versionValue->setText(version.version());
    ui->appVersionValue->setText(version.appVersion().isEmpty() ? tr("(none)") : version.appVersion());
    ui->createdValue->setText(version.created.isValid()
                                  ? QLocale().toString(version.created.toLocalTime(), QLocale::LongFormat)
                                  : tr("(unknown)"));
    ui->digestValue->setText(version.digest.isEmpty() ? tr("(none)") : u"sha256:"_s + version.digest);
    ui->descriptionValue->setText(version.metadata.description.isEmpty() ? tr("(no description)")
                                                                         : version.metadata.description);
    ui->chartYamlEdit->clear();
    ui->valuesYamlEdit->clear();
    m_filesModel->clear();
    ui->detailsBanner->clear();
    ui->downloadProgress->setRange(0, 0);
    ui->downloadProgress->show();
    ui->detailsStack->setCurrentWidget(ui->detailsContent);

    updateActions();
    m_download = m_client->download(version);
    m_downloadWatcher->setFuture(m_download);
    const QString label = u"%1 %2"_s.arg(version.name(), version.version());
    FutureWatch::watch(
        this, m_download,
        [this, generation](const QByteArray &bytes) {
            if (generation != m_detailsGeneration)
                return;
            // Unpacking and checking the archive is CPU work: keep it off the GUI thread.
            FutureWatch::watch(
                this, QtConcurrent::run(readArchive, bytes),
                [this, generation](const ArchiveReadResult &result) {
                    if (generation != m_detailsGeneration || !m_shownVersion)
                        return;
                    if (!result.archive) {
                        showDetailsError(
                            tr("The archive of %1 %2 cannot be read: %3")
                                .arg(m_shownVersion->name(), m_shownVersion->version(), result.error),
                            tr("The chart in the repository is damaged; publish it again."));
                        return;
                    }
                    showArchive(*result.archive);
                },
                [this, generation](const ApiError &error) {
                    if (generation == m_detailsGeneration)
                        showDetailsError(error.toString(), error.hint());
                });
        },
        [this, generation, label](const ApiError &error) {
            if (generation == m_detailsGeneration)
                showDetailsError(tr("Downloading %1 failed: %2").arg(label, error.toString()), error.hint());
        });
}

void ChartsView::updateProgress(int value)
{
    if (ui->downloadProgress->isVisible() && value > 0)
        ui->downloadProgress->setToolTip(tr("%1 received").arg(QLocale().formattedDataSize(value)));
}

void ChartsView::showArchive(const ChartArchive &archive)
{
    ui->downloadProgress->hide();
    ui->chartYamlEdit->setPlainText(QString::fromUtf8(archive.chartYaml()));
    const QByteArray values = archive.valuesYaml();
    ui->valuesYamlEdit->setPlainText(values.isNull() ? tr("# This chart has no values.yaml")
                                                     : QString::fromUtf8(values));
    m_filesModel->setFiles(archive.files());
    ui->filesTable->resizeColumnToContents(ArchiveFilesModel::Size);
    if (m_shownVersion)
        Q_EMIT detailsLoaded(m_shownVersion->name(), m_shownVersion->version());
}

void ChartsView::showDetailsError(const QString &text, const QString &hint)
{
    ui->downloadProgress->hide();
    ui->detailsBanner->showMessage(MessageBanner::Type::Error, text, hint);
    ui->detailsBanner->setActionText(tr("Retry"));
    Q_EMIT detailsFailed(text);
}

void ChartsView::placeSplitter()
{
    if (m_splitterPlaced)
        return;
    m_splitterPlaced = true;
    // The page stack is laid out even while the content page was hidden; the splitter may not be yet.
    const int width = qMax(ui->pages->width(), 900);
    ui->mainSplitter->setSizes({width * 18 / 100, width * 37 / 100, width * 45 / 100});
}

void ChartsView::saveSettings(QSettings &settings) const
{
    settings.setValue(SplitterKey, ui->mainSplitter->saveState());
    settings.setValue(VersionHeaderKey, ui->versionTable->horizontalHeader()->saveState());
}

void ChartsView::restoreSettings(const QSettings &settings)
{
    if (ui->mainSplitter->restoreState(settings.value(SplitterKey).toByteArray()))
        m_splitterPlaced = true;
    if (ui->versionTable->horizontalHeader()->restoreState(settings.value(VersionHeaderKey).toByteArray()))
        m_columnsSized = true;
    ui->versionTable->setColumnHidden(ChartVersionsModel::Name, true);
    ui->versionTable->setColumnHidden(ChartVersionsModel::Digest, true);
}

QDialog *ChartsView::diffDialog() const
{
    return m_diffDialog;
}

DiffView *ChartsView::diffView() const
{
    return m_diffView;
}

void ChartsView::setupActions()
{
    m_confirm = [this](const QString &title, const QString &text, const QString &acceptText) {
        QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, this);
        QPushButton *accept = box.addButton(acceptText, QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == accept;
    };

    m_compareAction = new QAction(tr("Compare with…"), this);
    m_compareAction->setObjectName(u"compareAction"_s);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_compareAction->setToolTip(tr("Compare the selected version with another one (Ctrl+D)"));
    m_uploadAction = new QAction(tr("Upload chart…"), this);
    m_uploadAction->setObjectName(u"uploadAction"_s);
    m_uploadAction->setToolTip(tr("Upload a chart package (.tgz) to ChartMuseum"));
    m_uploadDirectoryAction = new QAction(tr("Upload chart directory…"), this);
    m_uploadDirectoryAction->setObjectName(u"uploadDirectoryAction"_s);
    m_uploadDirectoryAction->setToolTip(tr("Package a chart directory and upload it to ChartMuseum"));
    m_deleteAction = new QAction(tr("Delete version"), this);
    m_deleteAction->setObjectName(u"deleteAction"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_compareAction, &QAction::triggered, this, &ChartsView::compareSelected);
    connect(m_uploadAction, &QAction::triggered, this, &ChartsView::uploadChart);
    connect(m_uploadDirectoryAction, &QAction::triggered, this, &ChartsView::uploadChartDirectory);
    connect(m_deleteAction, &QAction::triggered, this, &ChartsView::deleteSelectedVersion);

    ui->versionTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    ui->versionTable->addAction(m_compareAction);
    ui->versionTable->addAction(m_deleteAction);

    auto *row = new QHBoxLayout;
    row->setSpacing(6);
    auto *compareButton = new QToolButton(this);
    compareButton->setObjectName(u"compareButton"_s);
    compareButton->setDefaultAction(m_compareAction);
    auto *uploadButton = new QToolButton(this);
    uploadButton->setObjectName(u"uploadButton"_s);
    uploadButton->setDefaultAction(m_uploadAction);
    uploadButton->addAction(m_uploadDirectoryAction);
    uploadButton->setPopupMode(QToolButton::MenuButtonPopup);
    auto *deleteButton = new QToolButton(this);
    deleteButton->setObjectName(u"deleteButton"_s);
    deleteButton->setDefaultAction(m_deleteAction);
    m_uploadProgress = new QProgressBar(this);
    m_uploadProgress->setObjectName(u"uploadProgress"_s);
    m_uploadProgress->setMaximumWidth(160);
    m_uploadProgress->setTextVisible(false);
    m_uploadProgress->hide();
    row->addWidget(compareButton);
    row->addWidget(uploadButton);
    row->addWidget(m_uploadProgress);
    row->addStretch(1);
    row->addWidget(deleteButton);
    ui->versionsLayout->addLayout(row);
    updateActions();
}

void ChartsView::updateActions()
{
    const bool version = m_client && m_shownVersion;
    m_compareAction->setEnabled(version && m_versionsModel->rowCount() > 1);
    m_uploadAction->setEnabled(m_client && !m_uploading);
    m_uploadDirectoryAction->setEnabled(m_client && !m_uploading);
    m_deleteAction->setEnabled(version && m_deleteRefused.isEmpty());
    if (!m_deleteRefused.isEmpty())
        m_deleteAction->setToolTip(m_deleteRefused);
    else if (m_shownVersion)
        m_deleteAction->setToolTip(
            tr("Delete %1 %2 from ChartMuseum").arg(m_shownVersion->name(), m_shownVersion->version()));
    else
        m_deleteAction->setToolTip(tr("Delete the selected version from ChartMuseum"));
}

void ChartsView::compareSelected()
{
    if (!m_shownVersion)
        return;
    // The default partner is the previous version (the next older one), or the next newer for the oldest.
    const QList<ChartVersion> versions = m_charts.value(m_shownVersion->name());
    QString other;
    for (const ChartVersion &candidate : versions) {
        if (SemVer::compareStrings(candidate.version(), m_shownVersion->version()) < 0 &&
            (other.isEmpty() || SemVer::compareStrings(candidate.version(), other) > 0))
            other = candidate.version();
    }
    if (other.isEmpty()) {
        for (const ChartVersion &candidate : versions) {
            if (candidate.version() != m_shownVersion->version()) {
                other = candidate.version();
                break;
            }
        }
    }
    if (!other.isEmpty())
        compareWith(other);
}

void ChartsView::compareWith(const QString &otherVersion)
{
    if (!m_shownVersion || !m_client)
        return;
    const ChartVersion base = *m_shownVersion;
    if (!m_diffDialog || !m_diffBase || !sameEntry(*m_diffBase, base)) {
        if (m_diffDialog)
            m_diffDialog->deleteLater();
        auto *dialog = new QDialog(this, Qt::Window);
        dialog->setObjectName(u"diffDialog"_s);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Compare %1 %2").arg(base.name(), base.version()));
        dialog->resize(1100, 720);
        auto *layout = new QVBoxLayout(dialog);
        auto *pick = new QHBoxLayout;
        auto *label = new QLabel(tr("Compare %1 %2 with:").arg(base.name(), base.version()), dialog);
        auto *combo = new QComboBox(dialog);
        combo->setObjectName(u"diffOtherVersion"_s);
        for (const ChartVersion &candidate : m_charts.value(base.name())) {
            if (candidate.version() != base.version())
                combo->addItem(candidate.version());
        }
        label->setBuddy(combo);
        pick->addWidget(label);
        pick->addWidget(combo);
        pick->addStretch(1);
        layout->addLayout(pick);
        auto *view = new DiffView(dialog);
        view->setObjectName(u"diffView"_s);
        layout->addWidget(view, 1);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        layout->addWidget(buttons);
        m_diffDialog = dialog;
        m_diffView = view;
        m_diffOther = combo;
        m_diffBase = base;
        connect(combo, &QComboBox::currentTextChanged, this, [this, base](const QString &text) {
            if (!text.isEmpty())
                runDiff(base, text);
        });
    }
    const QSignalBlocker blocker(m_diffOther.data());
    m_diffOther->setCurrentText(otherVersion);
    runDiff(base, otherVersion);
    m_diffDialog->show();
    m_diffDialog->raise();
}

void ChartsView::fetchPackage(const ChartVersion &entry, quint64 generation,
                              std::function<void(const QByteArray &)> onBytes,
                              std::function<void(const ApiError &)> onError)
{
    // The cache is read and verified on the thread pool; only a miss goes to the network.
    FutureWatch::watch(
        this, m_cache.lookup(entry.digest.toLower()),
        [this, entry, generation, onBytes, onError](const QByteArray &cached) {
            if (generation != m_diffGeneration || !m_client)
                return;
            if (!cached.isNull()) {
                onBytes(cached);
                return;
            }
            FutureWatch::watch(
                this, m_cache.fetch(m_client, entry),
                [this, generation, onBytes](const QByteArray &bytes) {
                    if (generation == m_diffGeneration)
                        onBytes(bytes);
                },
                onError);
        },
        onError);
}

void ChartsView::runDiff(const ChartVersion &base, const QString &otherVersion)
{
    if (!m_client || !m_diffView)
        return;
    std::optional<ChartVersion> other;
    for (const ChartVersion &candidate : m_charts.value(base.name())) {
        if (candidate.version() == otherVersion)
            other = candidate;
    }
    if (!other) {
        m_diffView->showError(tr("%1 has no version %2").arg(base.name(), otherVersion));
        return;
    }
    // Older on the left, as in a changelog.
    const bool baseIsNewer = SemVer::compareStrings(base.version(), other->version()) > 0;
    const ChartVersion from = baseIsNewer ? *other : base;
    const ChartVersion to = baseIsNewer ? base : *other;
    const quint64 generation = ++m_diffGeneration;
    m_diffView->showBusy(tr("Downloading %1 %2 and %3 …").arg(base.name(), from.version(), to.version()));
    const auto failed = [this, generation](const ApiError &error) {
        if (generation == m_diffGeneration && m_diffView)
            m_diffView->showError(error.toString());
    };
    ChartMuseumClient *client = m_client;
    fetchPackage(
        from, generation,
        [this, generation, client, from, to, failed](const QByteArray &fromBytes) {
            if (client != m_client)
                return;
            fetchPackage(
                to, generation,
                [this, generation, from, to, fromBytes, failed](const QByteArray &toBytes) {
                    if (generation != m_diffGeneration)
                        return;
                    const QString fromLabel = from.version();
                    const QString toLabel = to.version();
                    if (m_diffView)
                        m_diffView->showBusy(tr("Comparing %1 and %2 …").arg(fromLabel, toLabel));
                    // Unpacking and diffing is CPU work: keep it off the GUI thread.
                    FutureWatch::watch(
                        this, QtConcurrent::run(diffArchives, fromBytes, toBytes, fromLabel, toLabel),
                        [this, generation, fromLabel, toLabel](const DiffResult &result) {
                            if (generation != m_diffGeneration || !m_diffView)
                                return;
                            if (!result.error.isEmpty()) {
                                m_diffView->showError(result.error);
                                return;
                            }
                            m_diffView->setDiff(result.diff, fromLabel, toLabel);
                            Q_EMIT diffShown(fromLabel, toLabel);
                        },
                        failed);
                },
                failed);
        },
        failed);
}

void ChartsView::uploadChart()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Upload chart package"), QString(),
                                                      tr("Chart packages (*.tgz);;All files (*)"));
    if (!path.isEmpty())
        uploadPath(path);
}

void ChartsView::uploadChartDirectory()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Upload chart directory"));
    if (!path.isEmpty())
        uploadPath(path);
}

void ChartsView::uploadPath(const QString &path, bool force)
{
    if (!m_client || m_uploading)
        return;
    const QFileInfo info(path);
    if (info.isDir()) {
        m_uploading = true;
        updateActions();
        struct Packaged
        {
            QByteArray bytes;
            QString error;
        };
        FutureWatch::watch(
            this, QtConcurrent::run([path] {
                Packaged packaged;
                if (std::optional<ChartPackager::Result> result =
                        ChartPackager::package(path, ChartPackager::Options(), &packaged.error))
                    packaged.bytes = result->archive;
                return packaged;
            }),
            [this, path, force](const Packaged &packaged) {
                m_uploading = false;
                if (packaged.bytes.isEmpty()) {
                    const ApiError error(ApiError::Kind::Archive,
                                         tr("Cannot package %1: %2").arg(path, packaged.error));
                    finishUpload(&error, nullptr, {}, path);
                    return;
                }
                uploadBytes(packaged.bytes, path, force);
            },
            [this, path](const ApiError &error) {
                m_uploading = false;
                finishUpload(&error, nullptr, {}, path);
            });
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const ApiError error(ApiError::Kind::NotFound,
                             tr("Cannot read %1: %2").arg(path, file.errorString()));
        finishUpload(&error, nullptr, {}, path);
        return;
    }
    uploadBytes(file.readAll(), path, force);
}

void ChartsView::uploadBytes(const QByteArray &bytes, const QString &label, bool force)
{
    m_uploading = true;
    updateActions();
    m_uploadProgress->setRange(0, 0);
    m_uploadProgress->setValue(0);
    m_uploadProgress->setToolTip(tr("Uploading %1").arg(label));
    m_uploadProgress->show();
    QFutureWatcher<ChartVersion> *watcher = FutureWatch::watch(
        this, m_client->upload(bytes, force),
        [this, bytes, label](const ChartVersion &entry) { finishUpload(nullptr, &entry, bytes, label); },
        [this, bytes, label](const ApiError &error) { finishUpload(&error, nullptr, bytes, label); });
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, m_uploadProgress, &QProgressBar::setRange);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_uploadProgress, &QProgressBar::setValue);
}

void ChartsView::finishUpload(const ApiError *error, const ChartVersion *entry, const QByteArray &bytes,
                              const QString &label)
{
    m_uploading = false;
    m_uploadProgress->hide();
    updateActions();
    if (entry) {
        ui->banner->showMessage(MessageBanner::Type::Information,
                                tr("Uploaded %1 %2").arg(entry->name(), entry->version()));
        Q_EMIT uploaded(entry->name(), entry->version());
        refresh();
        return;
    }
    if (error->kind() == ApiError::Kind::Conflict && !bytes.isEmpty() &&
        m_confirm(tr("Version exists"),
                  tr("%1\n\nOverwrite the version on the server with %2?").arg(error->toString(), label),
                  tr("Overwrite"))) {
        uploadBytes(bytes, label, true);
        return;
    }
    const QString text = tr("Upload of %1 failed: %2").arg(label, error->toString());
    ui->banner->showMessage(MessageBanner::Type::Error, text, error->hint());
    Q_EMIT uploadFailed(text);
}

void ChartsView::deleteSelectedVersion()
{
    if (!m_client || !m_shownVersion || !m_deleteRefused.isEmpty())
        return;
    const QString chart = m_shownVersion->name();
    const QString version = m_shownVersion->version();
    if (!m_confirm(tr("Delete version"),
                   tr("Delete %1 %2 from %3?\n\nDeployments that use this version can no longer be synced. "
                      "This cannot be undone.")
                       .arg(chart, version, m_client->http()->baseUrl().toDisplayString()),
                   tr("Delete %1 %2").arg(chart, version)))
        return;
    FutureWatch::watch(
        this, m_client->remove(chart, version),
        [this, chart, version]() {
            ui->banner->showMessage(MessageBanner::Type::Information,
                                    tr("Deleted %1 %2").arg(chart, version));
            Q_EMIT versionDeleted(chart, version);
            refresh();
        },
        [this, chart, version](const ApiError &error) {
            const QString reason = error.toString() + u' ' + error.hint();
            if (reason.contains(u"--disable-delete"_s) ||
                (m_client && m_client->knownDeletesAllowed() == std::optional<bool>(false))) {
                m_deleteRefused = error.hint().isEmpty() ? error.toString() : error.hint();
                updateActions();
            }
            const QString text = tr("Deleting %1 %2 failed: %3").arg(chart, version, error.toString());
            ui->banner->showMessage(MessageBanner::Type::Error, text, error.hint());
            Q_EMIT deleteFailed(text);
        });
}

} // namespace capstan
