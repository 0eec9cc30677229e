#include "DiffView.h"

#include "DiffHighlighter.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextEdit>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

enum FileColumn { PathColumn, AddedColumn, RemovedColumn };

QColor statusColour(ChartDiff::Status status)
{
    switch (status) {
    case ChartDiff::Status::Added:
        return QColor(0x1a, 0x7f, 0x37);
    case ChartDiff::Status::Removed:
        return QColor(0xcf, 0x22, 0x2e);
    case ChartDiff::Status::Modified:
        break;
    }
    return QColor(0x9a, 0x67, 0x00);
}

QIcon statusIcon(ChartDiff::Status status)
{
    const QString letter = status == ChartDiff::Status::Added     ? u"A"_s
                           : status == ChartDiff::Status::Removed ? u"D"_s
                                                                  : u"M"_s;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(statusColour(status));
    painter.drawRoundedRect(QRectF(2, 2, 28, 28), 6, 6);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(20);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRect(0, 0, 32, 32), Qt::AlignCenter, letter);
    return QIcon(pixmap);
}

QString statusText(ChartDiff::Status status)
{
    switch (status) {
    case ChartDiff::Status::Added:
        return DiffView::tr("added");
    case ChartDiff::Status::Removed:
        return DiffView::tr("removed");
    case ChartDiff::Status::Modified:
        break;
    }
    return DiffView::tr("modified");
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_metadata(new QTreeWidget(this))
    , m_files(new QTreeWidget(this))
    , m_patch(new QPlainTextEdit(this))
    , m_highlighter(new DiffHighlighter(m_patch->document()))
    , m_next(new QAction(tr("Next change"), this))
    , m_previous(new QAction(tr("Previous change"), this))
    , m_nextButton(new QToolButton(this))
    , m_previousButton(new QToolButton(this))
{
    QFont titleFont = m_title->font();
    titleFont.setWeight(QFont::DemiBold);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);

    m_next->setObjectName(u"nextChangeAction"_s);
    m_next->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Down), QKeySequence(Qt::Key_F7)});
    m_next->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_next->setToolTip(tr("Next change (Alt+Down, F7)"));
    m_previous->setObjectName(u"previousChangeAction"_s);
    m_previous->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Up), QKeySequence(Qt::SHIFT | Qt::Key_F7)});
    m_previous->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_previous->setToolTip(tr("Previous change (Alt+Up, Shift+F7)"));
    addAction(m_next);
    addAction(m_previous);
    connect(m_next, &QAction::triggered, this, &DiffView::nextChange);
    connect(m_previous, &QAction::triggered, this, &DiffView::previousChange);
    m_previousButton->setDefaultAction(m_previous);
    m_previousButton->setArrowType(Qt::UpArrow);
    m_previousButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_nextButton->setDefaultAction(m_next);
    m_nextButton->setArrowType(Qt::DownArrow);
    m_nextButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_previousButton);
    header->addWidget(m_nextButton);

    m_metadata->setObjectName(u"diffMetadata"_s);
    m_metadata->setRootIsDecorated(false);
    m_metadata->setHeaderLabels({tr("Field"), tr("From"), tr("To")});
    m_metadata->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_files->setObjectName(u"diffFiles"_s);
    m_files->setRootIsDecorated(false);
    m_files->setHeaderLabels({tr("File"), u"+"_s, u"−"_s});
    m_files->header()->setStretchLastSection(false);
    m_files->header()->setSectionResizeMode(PathColumn, QHeaderView::Stretch);
    m_files->header()->setSectionResizeMode(AddedColumn, QHeaderView::ResizeToContents);
    m_files->header()->setSectionResizeMode(RemovedColumn, QHeaderView::ResizeToContents);
    m_files->setIconSize(QSize(16, 16));
    m_files->setMinimumWidth(240);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_patch->setObjectName(u"diffPatch"_s);
    m_patch->setReadOnly(true);
    m_patch->setFont(mono);
    m_patch->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_patch->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_files);
    splitter->addWidget(m_patch);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_metadata);
    contentLayout->addWidget(splitter, 1);

    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_stack->addWidget(m_message);
    m_stack->addWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    connect(m_files, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        showFile(current ? m_files->indexOfTopLevelItem(current) : -1);
    });
    showBusy(tr("Nothing to compare yet."));
}

void DiffView::showBusy(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    m_next->setEnabled(false);
    m_previous->setEnabled(false);
}

void DiffView::showError(const QString &text)
{
    m_title->setText(tr("Comparison failed"));
    showBusy(text);
}

void DiffView::setDiff(const ChartDiff &diff, const QString &fromLabel, const QString &toLabel)
{
    m_diff = diff;
    m_title->setText(
        tr("%1 → %2: %n file(s) changed", nullptr, int(diff.files.size())).arg(fromLabel, toLabel));
    m_metadata->clear();
    for (const ChartDiff::MetadataChange &change : diff.metadata) {
        auto *item = new QTreeWidgetItem(m_metadata, {change.field, change.from, change.to});
        item->setForeground(1, statusColour(ChartDiff::Status::Removed));
        item->setForeground(2, statusColour(ChartDiff::Status::Added));
    }
    m_metadata->setVisible(!diff.metadata.isEmpty());
    // As tall as its rows, up to about eight of them.
    const int rowHeight = m_metadata->sizeHintForRow(0) > 0 ? m_metadata->sizeHintForRow(0)
                                                            : m_metadata->fontMetrics().height() + 4;
    m_metadata->setFixedHeight(m_metadata->header()->sizeHint().height() +
                               rowHeight * int(qMin<qsizetype>(diff.metadata.size(), 8)) +
                               2 * m_metadata->frameWidth() + 4);

    m_files->clear();
    for (const ChartDiff::File &file : diff.files) {
        auto *item = new QTreeWidgetItem(m_files);
        item->setText(PathColumn, file.path);
        item->setIcon(PathColumn, statusIcon(file.status));
        item->setToolTip(PathColumn, u"%1 (%2)"_s.arg(file.path, statusText(file.status)));
        if (file.binary) {
            item->setText(AddedColumn, tr("bin"));
        } else {
            item->setText(AddedColumn, u"+%1"_s.arg(file.additions));
            item->setText(RemovedColumn, u"−%1"_s.arg(file.deletions));
        }
        item->setForeground(AddedColumn, statusColour(ChartDiff::Status::Added));
        item->setForeground(RemovedColumn, statusColour(ChartDiff::Status::Removed));
        item->setTextAlignment(AddedColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(RemovedColumn, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (diff.isEmpty()) {
        showBusy(tr("%1 and %2 are identical.").arg(fromLabel, toLabel));
        return;
    }
    m_stack->setCurrentIndex(1);
    const bool changes = !diff.files.isEmpty();
    m_next->setEnabled(changes);
    m_previous->setEnabled(changes);
    if (changes)
        m_files->setCurrentItem(m_files->topLevelItem(0));
    else
        m_patch->setPlainText(tr("Only the metadata differs."));
}

QStringList DiffView::filePaths() const
{
    QStringList paths;
    for (const ChartDiff::File &file : m_diff.files)
        paths.append(file.path);
    return paths;
}

QString DiffView::currentPath() const
{
    const QTreeWidgetItem *item = m_files->currentItem();
    return item ? item->text(PathColumn) : QString();
}

int DiffView::currentLine() const
{
    return m_patch->textCursor().blockNumber();
}

bool DiffView::selectFile(const QString &path)
{
    const qsizetype row = filePaths().indexOf(path);
    if (row < 0)
        return false;
    m_files->setCurrentItem(m_files->topLevelItem(int(row)));
    return true;
}

void DiffView::showFile(int row)
{
    if (row < 0 || row >= m_diff.files.size()) {
        m_patch->clear();
        return;
    }
    const ChartDiff::File &file = m_diff.files.at(row);
    m_patch->setPlainText(file.patch.isEmpty() ? tr("(no textual changes)") : file.patch);
    // The highlighter colours the text; added and removed lines also get a full-width band.
    QList<QTextEdit::ExtraSelection> bands;
    for (QTextBlock block = m_patch->document()->firstBlock(); block.isValid(); block = block.next()) {
        const DiffHighlighter::Line line = DiffHighlighter::classify(block.text());
        if (line != DiffHighlighter::Line::Added && line != DiffHighlighter::Line::Removed &&
            line != DiffHighlighter::Line::Hunk)
            continue;
        QTextEdit::ExtraSelection band;
        band.format.setBackground(m_highlighter->formatFor(line).background());
        band.format.setProperty(QTextFormat::FullWidthSelection, true);
        band.cursor = QTextCursor(block);
        bands.append(band);
    }
    m_patch->setExtraSelections(bands);
    const QList<int> hunks = hunkLines();
    if (!hunks.isEmpty())
        moveToHunk(hunks.first());
    Q_EMIT currentFileChanged(file.path);
}

QList<int> DiffView::hunkLines() const
{
    QList<int> lines;
    for (QTextBlock block = m_patch->document()->firstBlock(); block.isValid(); block = block.next()) {
        if (DiffHighlighter::classify(block.text()) == DiffHighlighter::Line::Hunk)
            lines.append(block.blockNumber());
    }
    return lines;
}

bool DiffView::moveToHunk(int line)
{
    const QTextBlock block = m_patch->document()->findBlockByNumber(line);
    if (!block.isValid())
        return false;
    QTextCursor cursor(block);
    m_patch->setTextCursor(cursor);
    m_patch->centerCursor();
    return true;
}

void DiffView::nextChange()
{
    const int line = currentLine();
    for (const int hunk : hunkLines()) {
        if (hunk > line) {
            moveToHunk(hunk);
            return;
        }
    }
    const int row = m_files->indexOfTopLevelItem(m_files->currentItem());
    if (row + 1 < m_files->topLevelItemCount())
        m_files->setCurrentItem(m_files->topLevelItem(row + 1)); // moves to its first hunk
}

void DiffView::previousChange()
{
    const int line = currentLine();
    const QList<int> hunks = hunkLines();
    for (auto it = hunks.crbegin(); it != hunks.crend(); ++it) {
        if (*it < line) {
            moveToHunk(*it);
            return;
        }
    }
    const int row = m_files->indexOfTopLevelItem(m_files->currentItem());
    if (row > 0) {
        m_files->setCurrentItem(m_files->topLevelItem(row - 1));
        const QList<int> previous = hunkLines();
        if (!previous.isEmpty())
            moveToHunk(previous.last());
    }
}

} // namespace capstan
