#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace capstan {

// Why: a unified diff is read by its line kinds — added, removed, hunk header, file header — and colour
// makes them visible at a glance.
class DiffHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Line { Context, Added, Removed, Hunk, Header };

    explicit DiffHighlighter(QTextDocument *document);

    static Line classify(const QString &text);
    QTextCharFormat formatFor(Line line) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_added;
    QTextCharFormat m_removed;
    QTextCharFormat m_hunk;
    QTextCharFormat m_header;
};

} // namespace capstan
