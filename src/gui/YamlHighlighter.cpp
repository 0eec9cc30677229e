#include "YamlHighlighter.h"

#include <QColor>
#include <QFont>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

QTextCharFormat makeFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setForeground(color);
    if (bold)
        format.setFontWeight(QFont::DemiBold);
    format.setFontItalic(italic);
    return format;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    // Same order as Token.
    m_formats = {
        makeFormat(QColor(0x1f, 0x5f, 0xa8), true),        // Key
        makeFormat(QColor(0x6a, 0x73, 0x7d), false, true), // Comment
        makeFormat(QColor(0x22, 0x86, 0x3a)),              // String
        makeFormat(QColor(0xb3, 0x5e, 0x00)),              // Number
        makeFormat(QColor(0x8a, 0x3f, 0xb8)),              // Keyword
        makeFormat(QColor(0x6a, 0x73, 0x7d), true),        // ListMarker
        makeFormat(QColor(0x6a, 0x73, 0x7d), true),        // DocumentMarker
        makeFormat(QColor(0xc2, 0x3b, 0x6e)),              // Template
    };

    const auto add = [this](const QString &pattern, Token token, int group = 0) {
        m_rules.append({QRegularExpression(pattern), token, group});
    };
    add(u"^\\s*(-)(?=\\s|$)"_s, Token::ListMarker, 1);
    add(u"^\\s*(?:-\\s+)?([^\\s#'\"][^:#]*?|\"[^\"]*\"|'[^']*')\\s*:(?=\\s|$)"_s, Token::Key, 1);
    add(u":\\s+(-?(?:0x[0-9a-fA-F]+|\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?))\\s*(?=#|$)"_s, Token::Number, 1);
    add(u"(?::|^\\s*-)\\s+(true|false|yes|no|on|off|null|~|True|False|TRUE|FALSE|Null|NULL)\\s*(?=#|$)"_s,
        Token::Keyword, 1);
    add(u"\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'"_s, Token::String);
    add(u"\\{\\{.*?\\}\\}"_s, Token::Template);
    add(u"^(?:---|\\.\\.\\.)\\s*$"_s, Token::DocumentMarker);
}

QTextCharFormat YamlHighlighter::formatFor(Token token) const
{
    return m_formats.value(static_cast<int>(token));
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    // A comment starts at a '#' that begins the line or follows whitespace, outside quotes.
    qsizetype commentStart = -1;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'#' && (i == 0 || text.at(i - 1).isSpace())) {
            commentStart = i;
            break;
        }
    }
    const QStringView code = commentStart < 0 ? QStringView(text) : QStringView(text).left(commentStart);

    for (const Rule &rule : std::as_const(m_rules)) {
        auto matches = rule.pattern.globalMatch(code);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            if (match.capturedLength(rule.group) > 0)
                setFormat(int(match.capturedStart(rule.group)), int(match.capturedLength(rule.group)),
                          formatFor(rule.token));
        }
    }
    if (commentStart >= 0)
        setFormat(int(commentStart), int(text.size() - commentStart), formatFor(Token::Comment));
}

} // namespace capstan
