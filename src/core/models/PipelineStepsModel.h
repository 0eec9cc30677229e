#pragma once

#include "pipeline/PipelinePlan.h"
#include "pipeline/StepResult.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QStringList>

namespace capstan {

// Why: the Pipeline view and its graph show one row per step of the plan (running and skipped) with live
// state, duration and output; the model holds that state, changed only on the GUI thread.
class PipelineStepsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StageColumn,
        KindColumn,
        StatusColumn,
        DurationColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        StatusRole = Qt::UserRole + 1, // int(StepResult::Status)
        StageRole,                     // QString
        StageIndexRole,                // int, position of the stage in the pipeline
        DependenciesRole,              // QStringList
        DurationRole,                  // qint64 ms; grows while running
        ExitCodeRole,
        OutputRole, // QStringList of the step's lines (capped at MaxLines, oldest dropped)
    };

    static constexpr int MaxLines = 20000;

    explicit PipelineStepsModel(QObject *parent = nullptr);

    // Resets to the plan: running steps Pending, skipped steps Skipped with their reason. Rows are ordered by
    // stage: stageOrder (the pipeline's stage names) when given, else the order found in the plan.
    void setPlan(const PipelinePlan &plan, const QStringList &stageOrder = {});
    const PipelinePlan &plan() const { return m_plan; }

    // Connected to PipelineRunner / Deployment signals.
    void stepStarted(const QString &step);
    void appendOutput(const QString &step, const QStringList &lines);
    void stepFinished(const QString &step, const StepResult &result);
    // Pending steps left when the run ends become Cancelled.
    void runFinished();
    // Refreshes running durations (call from a timer).
    void tick();

    int rowOf(const QString &step) const; // -1 when absent
    QString stepAt(int row) const;
    StepResult resultAt(int row) const;
    QStringList outputOf(const QString &step) const;
    int finishedCount() const; // steps in a final state, skipped included
    int countOf(StepResult::Status status) const;
    QStringList stages() const; // in order

    static QString formatDuration(qint64 ms); // translated, "850 ms", "12.3 s", "2 min 05 s"

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void outputAppended(const QString &step, const QStringList &lines);

private:
    struct Row
    {
        QString name;
        QString stage;
        int stageIndex = 0;
        QString kind;
        QStringList dependencies;
        StepResult result;
        QElapsedTimer running;
        // The lines as they came, in the runner's batches (shared, not copied line by line); whole batches
        // are dropped from the front while the rest still holds MaxLines.
        QList<QStringList> output;
        qsizetype outputLines = 0;
    };

    void emitRowChanged(int row);
    // The row's last MaxLines lines as one list.
    static QStringList joinedOutput(const Row &row);

    PipelinePlan m_plan;
    QStringList m_stages;
    QList<Row> m_rows;
};

} // namespace capstan
