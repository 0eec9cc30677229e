#pragma once

#include <QList>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace capstan {

// Why: Chart.yaml and values.yaml are easier to read with keys, comments, scalars and Helm template
// expressions told apart; a line-based highlighter is enough for YAML as charts write it.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Token { Key, Comment, String, Number, Keyword, ListMarker, DocumentMarker, Template };

    explicit YamlHighlighter(QTextDocument *document);

    QTextCharFormat formatFor(Token token) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        Token token;
        int group = 0;
    };
    QList<Rule> m_rules;
    QList<QTextCharFormat> m_formats; // indexed by Token
};

} // namespace capstan
