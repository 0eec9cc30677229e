#pragma once

#include "models/PipelineStepsModel.h"
#include "pipeline/StepResult.h"

#include <QColor>
#include <QList>
#include <QPointer>
#include <QRectF>
#include <QStringList>
#include <QWidget>

class QTimer;

namespace capstan {

// Why: a deploy is easier to follow as a picture: stages as columns, steps as boxes coloured by their
// state, arrows for what waits on what. Painted from the steps model, repainted only when a step changes.
class PipelineGraph : public QWidget
{
    Q_OBJECT
public:
    explicit PipelineGraph(QWidget *parent = nullptr);
    ~PipelineGraph() override;

    // Not owned; the layout follows the model's plan (reset) and its states (dataChanged).
    void setModel(PipelineStepsModel *model);
    PipelineStepsModel *model() const { return m_model; }

    // The model row of the step under `point` (widget coordinates), or -1.
    int rowAt(const QPoint &point) const;
    QString stepAt(const QPoint &point) const;
    QRectF boxRect(int row) const; // empty when the row has no box
    QRectF stageHeaderRect(int stage) const;
    int stageCount() const { return int(m_columns.size()); }
    QStringList stepsOfStage(int stage) const;
    // The stage column a row is drawn in, or -1.
    int columnOf(int row) const;

    // What the box of `row` is filled with (it follows the row's state).
    QColor fillColor(int row) const;
    static QColor statusColor(StepResult::Status status);
    // The tooltip text of a row: name, stage, state, duration, and the reason of a skip or failure.
    QString toolTipFor(int row) const; // the full step name first
    // The box is too narrow for the whole name (only for names wider than the widest box).
    bool isNameElided(int row) const;
    // Explicit `needs` across stages drawn as extra arrows: pairs (from row, to row).
    QList<QPair<int, int>> needArrows() const { return m_needs; }

    QString selectedStep() const;
    int selectedRow() const { return m_selected; }
    void setSelectedStep(const QString &step);
    bool isAnimating() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void selectedStepChanged(const QString &step);
    void stepActivated(const QString &step); // double click or Enter

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Column
    {
        QString stage;
        QList<int> rows;
    };

    void relayout();
    void updateAnimation();
    void select(int row);
    QPointF origin() const; // offset that centres the drawing
    QSizeF contentSize() const;
    QFont nameFont() const;
    qreal nameBoxWidth() const;
    QSizeF contentSize(qreal boxWidth, qreal gap) const;
    void fitToWidth();
    StepResult::Status statusOf(int row) const;

    QPointer<PipelineStepsModel> m_model;
    QList<Column> m_columns;
    QList<int> m_columnOfRow;
    QList<int> m_indexInColumn;
    QList<QPair<int, int>> m_needs;
    int m_selected = -1;
    QTimer *m_animation;
    int m_phase = 0;
    qreal m_boxWidth = 184;
    qreal m_preferredBoxWidth = 184;
    qreal m_nameBoxWidth = 124;
    qreal m_columnGap = 60;
};

} // namespace capstan
