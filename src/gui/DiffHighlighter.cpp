#include "DiffHighlighter.h"

#include <QFont>

namespace capstan {

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_added.setForeground(QColor(0x1a, 0x7f, 0x37));
    m_added.setBackground(QColor(0xe6, 0xff, 0xec));
    m_removed.setForeground(QColor(0xb3, 0x1d, 0x28));
    m_removed.setBackground(QColor(0xff, 0xeb, 0xe9));
    m_hunk.setForeground(QColor(0x05, 0x50, 0xae));
    m_hunk.setBackground(QColor(0xdd, 0xf4, 0xff));
    m_header.setForeground(QColor(0x57, 0x60, 0x6a));
    m_header.setFontWeight(QFont::Bold);
}

DiffHighlighter::Line DiffHighlighter::classify(const QString &text)
{
    if (text.startsWith(QLatin1StringView("+++ ")) || text.startsWith(QLatin1StringView("--- ")) ||
        text.startsWith(QLatin1StringView("diff ")) || text.startsWith(QLatin1StringView("index ")) ||
        text.startsWith(QLatin1StringView("new file")) ||
        text.startsWith(QLatin1StringView("deleted file")) ||
        text.startsWith(QLatin1StringView("Binary files")))
        return Line::Header;
    if (text.startsWith(QLatin1StringView("@@")))
        return Line::Hunk;
    if (text.startsWith(u'+'))
        return Line::Added;
    if (text.startsWith(u'-'))
        return Line::Removed;
    return Line::Context;
}

QTextCharFormat DiffHighlighter::formatFor(Line line) const
{
    switch (line) {
    case Line::Added:
        return m_added;
    case Line::Removed:
        return m_removed;
    case Line::Hunk:
        return m_hunk;
    case Line::Header:
        return m_header;
    case Line::Context:
        break;
    }
    return QTextCharFormat();
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    const Line line = classify(text);
    if (line != Line::Context)
        setFormat(0, int(text.size()), formatFor(line));
}

} // namespace capstan
