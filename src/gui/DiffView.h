#pragma once

#include "chart/ChartDiff.h"

#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;
class QTreeWidget;

namespace capstan {

class DiffHighlighter;

// Why: shows what changed between two chart versions — metadata on top, changed files with +/- counts
// on the left, the selected file's unified diff on the right — and steps from change to change.
class DiffView : public QWidget
{
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);

    void showBusy(const QString &text);
    void showError(const QString &text);
    void setDiff(const ChartDiff &diff, const QString &fromLabel, const QString &toLabel);

    const ChartDiff &diff() const { return m_diff; }
    QStringList filePaths() const;
    QString currentPath() const;
    int currentLine() const; // block number of the text cursor in the diff pane
    bool selectFile(const QString &path);
    QTreeWidget *fileList() const { return m_files; }
    QTreeWidget *metadataList() const { return m_metadata; }
    QPlainTextEdit *patchView() const { return m_patch; }
    QAction *nextAction() const { return m_next; }
    QAction *previousAction() const { return m_previous; }

public Q_SLOTS:
    void nextChange();
    void previousChange();

Q_SIGNALS:
    void currentFileChanged(const QString &path);

private:
    void showFile(int row);
    QList<int> hunkLines() const;
    bool moveToHunk(int line);

    ChartDiff m_diff;
    QLabel *m_title;
    QStackedWidget *m_stack;
    QLabel *m_message;
    QTreeWidget *m_metadata;
    QTreeWidget *m_files;
    QPlainTextEdit *m_patch;
    DiffHighlighter *m_highlighter;
    QAction *m_next;
    QAction *m_previous;
    QToolButton *m_nextButton;
    QToolButton *m_previousButton;
};

} // namespace capstan
