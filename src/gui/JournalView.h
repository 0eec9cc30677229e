#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace capstan {

class DeployJournal;
class JournalModel;
class MessageBanner;

// Why: who deployed, rolled back, paused auto-sync or took a lock, when, why and how it ended (and which
// deploys were interrupted) — the journal as a table, newest first, with the steps of the selected deploy
// (or what the selected action did) below.
class JournalView : public QWidget
{
    Q_OBJECT
public:
    enum StepColumn {
        StepNameColumn,
        StepStageColumn,
        StepStatusColumn,
        StepDurationColumn,
        StepMessageColumn
    };

    // `journal` may be null (it could not be opened); not owned.
    explicit JournalView(DeployJournal *journal, QWidget *parent = nullptr);
    ~JournalView() override;

    JournalModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QTreeWidget *stepTree() const { return m_steps; }
    QPushButton *refreshButton() const { return m_refresh; }
    MessageBanner *banner() const { return m_banner; }
    qint64 selectedId() const; // the selected deploy's id; 0 when none (or an action) is selected
    bool selectId(qint64 id);  // selects a deploy
    bool selectRow(int row);

    // Colour of an outcome as the table shows it ("succeeded", "failed", "cancelled", "interrupted",
    // "refused", "").
    static QColor outcomeColor(const QString &outcome);

public Q_SLOTS:
    void refresh();

private:
    void showSteps();

    DeployJournal *m_journal;
    JournalModel *m_model;
    MessageBanner *m_banner;
    QPushButton *m_refresh;
    QLabel *m_summary;
    QTableView *m_table;
    QLabel *m_stepsTitle;
    QTreeWidget *m_steps;
};

} // namespace capstan
