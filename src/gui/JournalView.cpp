#include "JournalView.h"
#include "models/PipelineStepsModel.h"

#include "MessageBanner.h"
#include "PipelineGraph.h"

#include "models/JournalModel.h"
#include "net/ApiError.h"
#include "pipeline/DeployJournal.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

constexpr int RecentLimit = 500;

QIcon dotIcon(const QColor &color)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(6, 6, 20, 20));
    painter.end();
    return QIcon(pixmap);
}

// The outcome column in its colour with a dot, whatever the model says about colours.
class OutcomeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != JournalModel::OutcomeColumn)
            return;
        const QColor color = JournalView::outcomeColor(index.data(JournalModel::OutcomeRole).toString());
        option->palette.setColor(QPalette::Text, color);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->icon = dotIcon(color);
        option->decorationSize = QSize(14, 14);
        option->font.setWeight(QFont::DemiBold);
    }
};

} // namespace

JournalView::JournalView(DeployJournal *journal, QWidget *parent)
    : QWidget(parent)
    , m_journal(journal)
    , m_model(new JournalModel(this))
    , m_banner(new MessageBanner(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_stepsTitle(new QLabel(this))
    , m_steps(new QTreeWidget(this))
{
    setObjectName(u"journalView"_s);
    m_refresh->setObjectName(u"journalRefresh"_s);
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    connect(m_refresh, &QPushButton::clicked, this, &JournalView::refresh);
    m_summary->setObjectName(u"journalSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->clear();

    m_table->setObjectName(u"journalTable"_s);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new OutcomeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JournalView::showSteps);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JournalView::showSteps);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JournalView::showSteps);

    m_stepsTitle->setObjectName(u"journalStepsTitle"_s);
    m_stepsTitle->setTextFormat(Qt::PlainText);
    m_stepsTitle->setWordWrap(true);
    m_steps->setObjectName(u"journalSteps"_s);
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setHeaderLabels({tr("Step"), tr("Stage"), tr("Status"), tr("Duration"), tr("Message")});
    m_steps->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_steps->header()->setStretchLastSection(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_refresh);

    auto *stepsPane = new QWidget(this);
    auto *stepsLayout = new QVBoxLayout(stepsPane);
    stepsLayout->setContentsMargins(0, 6, 0, 0);
    stepsLayout->addWidget(m_stepsTitle);
    stepsLayout->addWidget(m_steps, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(stepsPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 6);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    if (!m_journal) {
        m_banner->showMessage(MessageBanner::Type::Warning, tr("The deploy journal is not available."),
                              tr("Deploys are not recorded; see the message at start for why."));
        m_refresh->setEnabled(false);
    }
    refresh();
}

JournalView::~JournalView() = default;

QColor JournalView::outcomeColor(const QString &outcome)
{
    if (outcome == u"succeeded"_s)
        return PipelineGraph::statusColor(StepResult::Status::Succeeded);
    if (outcome == u"failed"_s)
        return PipelineGraph::statusColor(StepResult::Status::Failed);
    if (outcome == u"cancelled"_s || outcome == u"interrupted"_s || outcome == u"refused"_s)
        return PipelineGraph::statusColor(StepResult::Status::Cancelled);
    return PipelineGraph::statusColor(StepResult::Status::Running);
}

qint64 JournalView::selectedId() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_model->recordAt(current.row()).deploy)
        return 0;
    return current.siblingAtColumn(0).data(JournalModel::IdRole).toLongLong();
}

bool JournalView::selectId(qint64 id)
{
    return selectRow(m_model->deployRow(id));
}

bool JournalView::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void JournalView::refresh()
{
    if (!m_journal) {
        m_summary->setText(tr("No journal"));
        return;
    }
    try {
        m_model->setRecords(m_journal->timeline(RecentLimit));
        m_banner->clear();
    } catch (const ApiError &error) {
        m_banner->showMessage(MessageBanner::Type::Error, tr("The deploy journal could not be read."),
                              error.toString());
    }
    int deploys = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        deploys += m_model->recordAt(row).deploy ? 1 : 0;
    m_summary->setText(
        tr("%n deploy(s)", nullptr, deploys) + u", "_s +
        tr("%n other action(s) in %1", nullptr, m_model->rowCount() - deploys).arg(m_journal->file()));
    // The selection is kept by the model (rows are updated in place); the newest is selected at first.
    if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
        selectRow(0);
    showSteps();
}

void JournalView::showSteps()
{
    m_steps->clear();
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_stepsTitle->setText(m_model->rowCount() ? tr("Select a deploy to see its steps.")
                                                  : tr("No deploy or action has been recorded yet."));
        return;
    }
    const DeployJournal::Record record = m_model->recordAt(current.row());
    if (const std::optional<DeployJournal::Action> &action = record.action) {
        QString title = tr("%1 of %2 by %3: %4")
                            .arg(JournalModel::kindLabel(action->kind), action->application, action->user,
                                 JournalModel::outcomeLabel(*action));
        if (!action->message.isEmpty())
            title += u" — "_s + action->message;
        if (!action->reason.isEmpty())
            title += u"\n"_s + tr("Reason: %1").arg(action->reason);
        if (action->deploy > 0)
            title += u"\n"_s + tr("Part of deploy #%1").arg(action->deploy);
        m_stepsTitle->setText(title);
        return;
    }
    const DeployJournal::Entry entry = m_model->entryAt(current.row());
    QString title =
        tr("Deploy of %1 to %2 by %3").arg(entry.target.version, entry.target.env, entry.target.user);
    if (!entry.message.isEmpty())
        title += u" — "_s + entry.message;
    m_stepsTitle->setText(title);
    for (const DeployJournal::StepRecord &step : entry.steps) {
        auto *item = new QTreeWidgetItem(m_steps);
        item->setText(StepNameColumn, step.name);
        item->setText(StepStageColumn, step.stage);
        item->setText(StepStatusColumn, StepResult::statusLabel(step.result.status));
        item->setForeground(StepStatusColumn, PipelineGraph::statusColor(step.result.status));
        item->setIcon(StepStatusColumn, dotIcon(PipelineGraph::statusColor(step.result.status)));
        item->setText(StepDurationColumn, step.result.status == StepResult::Status::Skipped
                                              ? QString()
                                              : PipelineStepsModel::formatDuration(step.result.durationMs));
        item->setText(StepMessageColumn, step.result.message);
        item->setToolTip(StepMessageColumn, step.result.message);
        item->setData(StepNameColumn, Qt::UserRole, int(step.result.status));
    }
}

} // namespace capstan
