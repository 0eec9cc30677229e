#include "PipelineGraph.h"

#include "models/PipelineStepsModel.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

constexpr qreal BoxWidth = 184; // at least; wider for long step names, narrower down to MinBoxWidth when
                                // the view is narrow
constexpr qreal MaxBoxWidth = 360;
constexpr qreal MinBoxWidth = 124;
constexpr qreal NameInset = 8 + 16 + 6 + 6; // icon margin, icon, gap before the name, right margin
constexpr qreal BoxHeight = 58;
constexpr qreal ColumnGap = 60;
constexpr qreal TightColumnGap = 28;
constexpr qreal MinColumnGap = 22; // room for the arrows
constexpr qreal RowGap = 14;
constexpr qreal Margin = 16;
constexpr qreal HeaderHeight = 28;
constexpr qreal Radius = 7;
constexpr int AnimationMs = 90;

QColor fillFor(StepResult::Status status)
{
    switch (status) {
    case StepResult::Status::Pending:
        return QColor(0xe6, 0xe8, 0xeb);
    case StepResult::Status::Running:
        return QColor(0xd8, 0xe7, 0xfc);
    case StepResult::Status::Succeeded:
        return QColor(0xd9, 0xf1, 0xde);
    case StepResult::Status::Failed:
        return QColor(0xfa, 0xdb, 0xd8);
    case StepResult::Status::Skipped:
        return QColor(0xf1, 0xf1, 0xf1);
    case StepResult::Status::Cancelled:
        return QColor(0xfc, 0xeb, 0xc9);
    }
    return QColor(0xe6, 0xe8, 0xeb);
}

} // namespace

namespace {

void drawArrowHead(QPainter &painter, const QPointF &tip, qreal angle)
{
    const qreal size = 6;
    QPolygonF head;
    head << tip << tip - QPointF(size * std::cos(angle - 0.45), size * std::sin(angle - 0.45))
         << tip - QPointF(size * std::cos(angle + 0.45), size * std::sin(angle + 0.45));
    painter.save();
    painter.setBrush(painter.pen().color());
    painter.setPen(Qt::NoPen);
    painter.drawPolygon(head);
    painter.restore();
}

} // namespace

PipelineGraph::PipelineGraph(QWidget *parent)
    : QWidget(parent)
    , m_animation(new QTimer(this))
{
    setObjectName(u"pipelineGraph"_s);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_animation->setInterval(AnimationMs);
    connect(m_animation, &QTimer::timeout, this, [this] {
        m_phase = (m_phase + 1) % 360;
        if (!m_model)
            return;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (statusOf(row) == StepResult::Status::Running)
                update(boxRect(row).toAlignedRect().adjusted(-2, -2, 2, 2));
        }
    });
}

PipelineGraph::~PipelineGraph() = default;

void PipelineGraph::setModel(PipelineStepsModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &PipelineGraph::relayout);
        connect(model, &QAbstractItemModel::rowsInserted, this, &PipelineGraph::relayout);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &PipelineGraph::relayout);
        connect(model, &QAbstractItemModel::layoutChanged, this, &PipelineGraph::relayout);
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    // New output lines change nothing that is drawn.
                    if (roles.size() == 1 && roles.first() == PipelineStepsModel::OutputRole)
                        return;
                    updateAnimation();
                    update();
                });
    }
    relayout();
}

void PipelineGraph::relayout()
{
    const QString selected = selectedStep();
    m_columns.clear();
    m_columnOfRow.clear();
    m_indexInColumn.clear();
    m_needs.clear();
    m_selected = -1;
    if (m_model) {
        const QStringList stages = m_model->stages();
        for (const QString &stage : stages)
            m_columns.append(Column{stage, {}});
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QString stage = m_model->index(row, 0).data(PipelineStepsModel::StageRole).toString();
            qsizetype column = stages.indexOf(stage);
            if (column < 0) {
                m_columns.append(Column{stage, {}});
                column = m_columns.size() - 1;
            }
            m_columnOfRow.append(int(column));
            m_indexInColumn.append(int(m_columns[column].rows.size()));
            m_columns[column].rows.append(row);
        }
        m_columns.removeIf([](const Column &column) { return column.rows.isEmpty(); });
        // Columns were compacted: recompute the column of every row.
        for (int column = 0; column < m_columns.size(); ++column) {
            for (int row : std::as_const(m_columns.at(column).rows))
                m_columnOfRow[row] = column;
        }
        for (const PipelinePlan::Planned &planned : m_model->plan().steps) {
            const int to = m_model->rowOf(planned.step.name);
            for (const QString &need : planned.step.needs) {
                const int from = m_model->rowOf(need);
                if (from >= 0 && to >= 0 && m_columnOfRow.at(from) != m_columnOfRow.at(to))
                    m_needs.append({from, to});
            }
        }
        m_selected = m_model->rowOf(selected);
    }
    fitToWidth();
    updateGeometry();
    updateAnimation();
    update();
}

StepResult::Status PipelineGraph::statusOf(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return StepResult::Status::Pending;
    return StepResult::Status(m_model->index(row, 0).data(PipelineStepsModel::StatusRole).toInt());
}

void PipelineGraph::updateAnimation()
{
    bool running = false;
    if (m_model) {
        for (int row = 0; row < m_model->rowCount() && !running; ++row)
            running = statusOf(row) == StepResult::Status::Running;
    }
    if (running && !m_animation->isActive())
        m_animation->start();
    else if (!running)
        m_animation->stop();
}

bool PipelineGraph::isAnimating() const
{
    return m_animation->isActive();
}

QSizeF PipelineGraph::contentSize(qreal boxWidth, qreal gap) const
{
    qsizetype rows = 1;
    for (const Column &column : m_columns)
        rows = std::max(rows, column.rows.size());
    const qsizetype columns = std::max<qsizetype>(1, m_columns.size());
    return {2 * Margin + columns * boxWidth + (columns - 1) * gap,
            2 * Margin + HeaderHeight + rows * BoxHeight + (rows - 1) * RowGap};
}

QSizeF PipelineGraph::contentSize() const
{
    return contentSize(m_boxWidth, m_columnGap);
}

QFont PipelineGraph::nameFont() const
{
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);
    return bold;
}

// The box width the longest step name needs in the name font (up to MaxBoxWidth, past which names are
// elided).
qreal PipelineGraph::nameBoxWidth() const
{
    qreal widest = 0;
    if (m_model) {
        const QFontMetricsF metrics(nameFont());
        for (int row = 0; row < m_model->rowCount(); ++row)
            widest = std::max(widest, metrics.horizontalAdvance(m_model->stepAt(row)));
    }
    return std::clamp(std::ceil(widest + NameInset), MinBoxWidth, MaxBoxWidth);
}

// A narrow view narrows the boxes, then the gaps, but never below what the names need: the scroll area
// scrolls instead of cutting names.
void PipelineGraph::fitToWidth()
{
    m_nameBoxWidth = nameBoxWidth();
    m_preferredBoxWidth = std::max(BoxWidth, m_nameBoxWidth);
    m_boxWidth = m_preferredBoxWidth;
    m_columnGap = ColumnGap;
    const qsizetype columns = std::max<qsizetype>(1, m_columns.size());
    if (contentSize().width() <= width())
        return;
    m_columnGap = TightColumnGap;
    m_boxWidth = std::clamp((width() - 2 * Margin - (columns - 1) * m_columnGap) / columns, m_nameBoxWidth,
                            m_preferredBoxWidth);
    if (columns > 1 && contentSize().width() > width())
        m_columnGap = std::clamp((width() - 2 * Margin - columns * m_boxWidth) / (columns - 1), MinColumnGap,
                                 TightColumnGap);
}

bool PipelineGraph::isNameElided(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return false;
    return QFontMetricsF(nameFont()).horizontalAdvance(m_model->stepAt(row)) > m_boxWidth - NameInset;
}

QPointF PipelineGraph::origin() const
{
    const QSizeF content = contentSize();
    return {std::max<qreal>(0, (width() - content.width()) / 2), 0};
}

QSize PipelineGraph::sizeHint() const
{
    return contentSize(m_preferredBoxWidth, ColumnGap).toSize();
}

QSize PipelineGraph::minimumSizeHint() const
{
    return contentSize(m_nameBoxWidth, MinColumnGap).toSize();
}

QRectF PipelineGraph::boxRect(int row) const
{
    if (row < 0 || row >= m_columnOfRow.size())
        return {};
    const QPointF o = origin();
    return QRectF(o.x() + Margin + m_columnOfRow.at(row) * (m_boxWidth + m_columnGap),
                  o.y() + Margin + HeaderHeight + m_indexInColumn.at(row) * (BoxHeight + RowGap), m_boxWidth,
                  BoxHeight);
}

QRectF PipelineGraph::stageHeaderRect(int stage) const
{
    if (stage < 0 || stage >= m_columns.size())
        return {};
    const QPointF o = origin();
    return QRectF(o.x() + Margin + stage * (m_boxWidth + m_columnGap), o.y() + Margin, m_boxWidth,
                  HeaderHeight - 6);
}

QStringList PipelineGraph::stepsOfStage(int stage) const
{
    QStringList names;
    if (!m_model || stage < 0 || stage >= m_columns.size())
        return names;
    for (int row : m_columns.at(stage).rows)
        names.append(m_model->stepAt(row));
    return names;
}

int PipelineGraph::columnOf(int row) const
{
    return row >= 0 && row < m_columnOfRow.size() ? m_columnOfRow.at(row) : -1;
}

int PipelineGraph::rowAt(const QPoint &point) const
{
    for (int row = 0; row < m_columnOfRow.size(); ++row) {
        if (boxRect(row).contains(point))
            return row;
    }
    return -1;
}

QString PipelineGraph::stepAt(const QPoint &point) const
{
    const int row = rowAt(point);
    return row >= 0 && m_model ? m_model->stepAt(row) : QString();
}

QColor PipelineGraph::statusColor(StepResult::Status status)
{
    switch (status) {
    case StepResult::Status::Pending:
        return QColor(0x8a, 0x8f, 0x98);
    case StepResult::Status::Running:
        return QColor(0x2f, 0x7d, 0xe1);
    case StepResult::Status::Succeeded:
        return QColor(0x2e, 0x9d, 0x4a);
    case StepResult::Status::Failed:
        return QColor(0xd0, 0x46, 0x3b);
    case StepResult::Status::Skipped:
        return QColor(0xa8, 0xa8, 0xa8);
    case StepResult::Status::Cancelled:
        return QColor(0xd9, 0x8e, 0x12);
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QColor PipelineGraph::fillColor(int row) const
{
    return fillFor(statusOf(row));
}

QString PipelineGraph::toolTipFor(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return {};
    const QModelIndex index = m_model->index(row, 0);
    const StepResult result = m_model->resultAt(row);
    QStringList lines;
    lines.append(tr("<b>%1</b> (stage %2)")
                     .arg(m_model->stepAt(row).toHtmlEscaped(),
                          index.data(PipelineStepsModel::StageRole).toString().toHtmlEscaped()));
    QString state = StepResult::statusLabel(result.status);
    if (result.status != StepResult::Status::Pending && result.status != StepResult::Status::Skipped)
        state = tr("%1 after %2")
                    .arg(state, PipelineStepsModel::formatDuration(
                                    index.data(PipelineStepsModel::DurationRole).toLongLong()));
    lines.append(state.toHtmlEscaped());
    if (result.status == StepResult::Status::Skipped)
        lines.append(tr("Skipped: %1").arg(result.message).toHtmlEscaped());
    else if (!result.message.isEmpty())
        lines.append(result.message.toHtmlEscaped());
    if (result.exitCode >= 0 && result.isFinal())
        lines.append(tr("Exit code %1").arg(result.exitCode).toHtmlEscaped());
    return lines.join(u"<br>"_s);
}

QString PipelineGraph::selectedStep() const
{
    return m_model && m_selected >= 0 ? m_model->stepAt(m_selected) : QString();
}

void PipelineGraph::setSelectedStep(const QString &step)
{
    select(m_model ? m_model->rowOf(step) : -1);
}

void PipelineGraph::select(int row)
{
    if (row == m_selected)
        return;
    m_selected = row;
    update();
    Q_EMIT selectedStepChanged(selectedStep());
}

void PipelineGraph::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (!m_model)
        return;
    painter.setRenderHint(QPainter::Antialiasing);

    // Stage headers.
    QFont headerFont = font();
    headerFont.setWeight(QFont::DemiBold);
    headerFont.setCapitalization(QFont::AllUppercase);
    headerFont.setLetterSpacing(QFont::PercentageSpacing, 106);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 0.85);
    painter.setFont(headerFont);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    for (int stage = 0; stage < m_columns.size(); ++stage) {
        const QRectF header = stageHeaderRect(stage);
        painter.drawText(
            header, Qt::AlignLeft | Qt::AlignBottom,
            QFontMetricsF(headerFont).elidedText(m_columns.at(stage).stage, Qt::ElideRight, header.width()));
    }

    // Stage to stage connectors: every box of a stage into a bus, the bus into every box of the next.
    QPen linePen(palette().color(QPalette::Mid), 1.5);
    linePen.setCapStyle(Qt::RoundCap);
    painter.setPen(linePen);
    for (int stage = 0; stage + 1 < m_columns.size(); ++stage) {
        const QList<int> &from = m_columns.at(stage).rows;
        const QList<int> &to = m_columns.at(stage + 1).rows;
        const qreal right = boxRect(from.first()).right();
        const qreal left = boxRect(to.first()).left();
        const qreal bus = (right + left) / 2;
        qreal top = boxRect(from.first()).center().y();
        qreal bottom = top;
        for (int row : from) {
            const qreal y = boxRect(row).center().y();
            top = std::min(top, y);
            bottom = std::max(bottom, y);
            painter.drawLine(QPointF(right, y), QPointF(bus, y));
        }
        for (int row : to) {
            const qreal y = boxRect(row).center().y();
            top = std::min(top, y);
            bottom = std::max(bottom, y);
            painter.drawLine(QPointF(bus, y), QPointF(left - 1, y));
            drawArrowHead(painter, QPointF(left - 1, y), 0);
        }
        painter.drawLine(QPointF(bus, top), QPointF(bus, bottom));
    }

    // Explicit needs across stages: dashed curves.
    QPen needPen(palette().color(QPalette::Dark), 1.3, Qt::DashLine);
    painter.setPen(needPen);
    painter.setBrush(Qt::NoBrush);
    for (const auto &[fromRow, toRow] : std::as_const(m_needs)) {
        const QRectF from = boxRect(fromRow);
        const QRectF to = boxRect(toRow);
        const bool forward = to.left() > from.right();
        const QPointF start = forward ? QPointF(from.right(), from.center().y() + 8)
                                      : QPointF(from.left(), from.center().y() + 8);
        const QPointF end = forward ? QPointF(to.left() - 1, to.center().y() + 8)
                                    : QPointF(to.right() + 1, to.center().y() + 8);
        const qreal bend = std::max<qreal>(30, std::abs(end.x() - start.x()) / 3);
        QPainterPath path(start);
        path.cubicTo(start + QPointF(forward ? bend : -bend, 26), end - QPointF(forward ? bend : -bend, -26),
                     end);
        painter.drawPath(path);
        painter.setPen(QPen(needPen.color(), 1.3));
        drawArrowHead(painter, end, forward ? 0 : std::numbers::pi);
        painter.setPen(needPen);
    }

    // Boxes.
    const QFont nameFont = this->nameFont();
    QFont detailFont = font();
    detailFont.setPointSizeF(detailFont.pointSizeF() * 0.9);
    const QColor text(0x22, 0x25, 0x2a);
    const QColor quietText(0x55, 0x5a, 0x62);
    for (int row = 0; row < m_columnOfRow.size(); ++row) {
        const QRectF box = boxRect(row);
        const StepResult::Status status = statusOf(row);
        const QColor accent = statusColor(status);
        const QModelIndex index = m_model->index(row, 0);

        if (row == m_selected) {
            QPen ring(palette().color(QPalette::Highlight), 2.5);
            painter.setPen(ring);
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(box.adjusted(-3.5, -3.5, 3.5, 3.5), Radius + 3, Radius + 3);
        }

        QPen border(accent, status == StepResult::Status::Running ? 2 : 1.2);
        if (status == StepResult::Status::Skipped)
            border.setStyle(Qt::DashLine);
        painter.setPen(border);
        painter.setBrush(fillFor(status));
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);
        if (status == StepResult::Status::Skipped) {
            QBrush stripes(QColor(0xd2, 0xd2, 0xd2), Qt::BDiagPattern);
            painter.setPen(Qt::NoPen);
            painter.setBrush(stripes);
            painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), Radius, Radius);
        }

        // Status icon.
        const QRectF icon(box.left() + 8, box.top() + 10, 16, 16);
        painter.save();
        painter.setPen(Qt::NoPen);
        painter.setBrush(accent);
        switch (status) {
        case StepResult::Status::Running: {
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(accent.lighter(160), 2.2));
            painter.drawEllipse(icon.adjusted(1, 1, -1, -1));
            painter.setPen(QPen(accent, 2.2, Qt::SolidLine, Qt::RoundCap));
            painter.drawArc(icon.adjusted(1, 1, -1, -1), -((m_phase * 30) % 360) * 16, 100 * 16);
            break;
        }
        case StepResult::Status::Pending:
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(accent, 1.8));
            painter.drawEllipse(icon.adjusted(2, 2, -2, -2));
            break;
        default:
            painter.drawEllipse(icon);
            painter.setPen(QPen(Qt::white, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(Qt::NoBrush);
            const QPointF c = icon.center();
            if (status == StepResult::Status::Succeeded) {
                painter.drawPolyline(QPolygonF{c + QPointF(-4, 0), c + QPointF(-1, 3), c + QPointF(4, -3)});
            } else if (status == StepResult::Status::Failed) {
                painter.drawLine(c + QPointF(-3, -3), c + QPointF(3, 3));
                painter.drawLine(c + QPointF(-3, 3), c + QPointF(3, -3));
            } else if (status == StepResult::Status::Skipped) {
                painter.drawLine(c + QPointF(-4, 0), c + QPointF(4, 0));
            } else if (status == StepResult::Status::Cancelled) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(Qt::white);
                painter.drawRect(QRectF(c - QPointF(3, 3), QSizeF(6, 6)));
            }
            break;
        }
        painter.restore();

        // Texts.
        const QRectF nameRect(icon.right() + 6, box.top() + 7, box.right() - icon.right() - 12, 22);
        painter.setFont(nameFont);
        painter.setPen(status == StepResult::Status::Skipped ? quietText : text);
        painter.drawText(
            nameRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(nameFont).elidedText(m_model->stepAt(row), Qt::ElideRight, nameRect.width()));
        QString detail = StepResult::statusLabel(status);
        if (status != StepResult::Status::Pending && status != StepResult::Status::Skipped)
            detail =
                tr("%1 · %2").arg(detail, PipelineStepsModel::formatDuration(
                                              index.data(PipelineStepsModel::DurationRole).toLongLong()));
        else if (status == StepResult::Status::Skipped)
            detail = tr("%1 · %2").arg(detail, m_model->resultAt(row).message);
        const QRectF detailRect(box.left() + 8, box.top() + 31, box.width() - 16, 20);
        painter.setFont(detailFont);
        painter.setPen(quietText);
        painter.drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(detailFont).elidedText(detail, Qt::ElideRight, detailRect.width()));
    }

    if (hasFocus() && m_selected < 0 && !m_columnOfRow.isEmpty()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect().adjusted(1, 1, -2, -2));
    }
}

void PipelineGraph::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const int row = rowAt(event->position().toPoint());
        if (row >= 0)
            select(row);
    }
    QWidget::mousePressEvent(event);
}

void PipelineGraph::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QString step = stepAt(event->position().toPoint());
    if (!step.isEmpty())
        Q_EMIT stepActivated(step);
}

void PipelineGraph::keyPressEvent(QKeyEvent *event)
{
    if (m_columnOfRow.isEmpty()) {
        QWidget::keyPressEvent(event);
        return;
    }
    if (m_selected < 0) {
        switch (event->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Home:
            select(m_columns.first().rows.first());
            return;
        case Qt::Key_End:
            select(m_columns.last().rows.last());
            return;
        default:
            QWidget::keyPressEvent(event);
            return;
        }
    }
    const int column = m_columnOfRow.at(m_selected);
    const int position = m_indexInColumn.at(m_selected);
    const auto inColumn = [this](int c, int p) {
        const QList<int> &rows = m_columns.at(c).rows;
        return rows.at(std::clamp<qsizetype>(p, 0, rows.size() - 1));
    };
    switch (event->key()) {
    case Qt::Key_Left:
        if (column > 0)
            select(inColumn(column - 1, position));
        break;
    case Qt::Key_Right:
        if (column + 1 < m_columns.size())
            select(inColumn(column + 1, position));
        break;
    case Qt::Key_Up:
        if (position > 0)
            select(inColumn(column, position - 1));
        break;
    case Qt::Key_Down:
        select(inColumn(column, position + 1));
        break;
    case Qt::Key_Home:
        select(m_columns.first().rows.first());
        break;
    case Qt::Key_End:
        select(m_columns.last().rows.last());
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        Q_EMIT stepActivated(selectedStep());
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
}

bool PipelineGraph::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QToolTip::showText(help->globalPos(), toolTipFor(row), this, boxRect(row).toAlignedRect());
        return true;
    }
    return QWidget::event(event);
}

void PipelineGraph::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitToWidth();
    update();
}

} // namespace capstan
