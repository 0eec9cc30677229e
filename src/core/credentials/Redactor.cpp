#include "Redactor.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

// Whether a terminal escape sequence (ESC [ … final letter, e.g. a colour) ends just before `at`: its final
// letter is not part of the word that follows.
bool followsEscapeSequence(const QString &text, qsizetype at)
{
    qsizetype i = at - 1;
    if (i < 0 || text.at(i).unicode() < 0x40 || text.at(i).unicode() > 0x7e)
        return false;
    --i;
    while (i >= 0 && (text.at(i).isDigit() || text.at(i) == u';' || text.at(i) == u'?'))
        --i;
    return i >= 1 && text.at(i) == u'[' && text.at(i - 1) == QChar(0x1b);
}

// Whether `secret` stands at [start, start + secret.size()) in `text` as a whole token.
bool isWholeToken(const QString &text, qsizetype start, const QString &secret)
{
    const qsizetype end = start + secret.size();
    if (start > 0 && Redactor::isWordCharacter(secret.front()) &&
        Redactor::isWordCharacter(text.at(start - 1)) && !followsEscapeSequence(text, start))
        return false;
    if (end < text.size() && Redactor::isWordCharacter(secret.back()) &&
        Redactor::isWordCharacter(text.at(end)))
        return false;
    return true;
}

} // namespace

bool Redactor::isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-';
}

bool Redactor::addSecret(const QString &secret, const QString &name)
{
    if (secret.isEmpty())
        return true;
    if (secret.size() < MinimumLength) {
        // One warning per secret, however many names it arrives under.
        if (!m_tooShortValues.contains(secret)) {
            m_tooShortValues.append(secret);
            m_tooShort.append(name);
        }
        return false;
    }
    if (m_secrets.contains(secret))
        return true;
    m_secrets.append(secret);
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    for (const QString &pattern : {secret, encoded}) {
        if (!m_patterns.contains(pattern))
            m_patterns.append(pattern);
    }
    // Longest first, so a secret containing another is masked whole.
    std::stable_sort(m_patterns.begin(), m_patterns.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return true;
}

bool Redactor::isSecretWithin(const QString &text) const
{
    for (const QString &secret : m_secrets) {
        for (qsizetype at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
            if (isWholeToken(text, at, secret))
                return true;
        }
    }
    return false;
}

QString Redactor::maskBasicCredentials(QString text) const
{
    static const QRegularExpression basic(u"\\bBasic\\s+([A-Za-z0-9+/]{4,}={0,2})"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    qsizetype from = 0;
    for (;;) {
        const QRegularExpressionMatch match = basic.match(text, from);
        if (!match.hasMatch())
            return text;
        from = match.capturedEnd(1);
        const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
            match.captured(1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            continue;
        const QString credential = QString::fromUtf8(*decoded);
        const qsizetype colon = credential.indexOf(u':');
        if (colon < 0 || !isSecretWithin(credential.mid(colon + 1)))
            continue;
        text.replace(match.capturedStart(1), match.capturedLength(1), Mask.toString());
        from = match.capturedStart(1) + Mask.size();
    }
}

QString Redactor::redact(QString text) const
{
    if (m_patterns.isEmpty() || text.isEmpty())
        return text;
    text = maskBasicCredentials(std::move(text));
    for (const QString &secret : m_patterns) {
        qsizetype at = text.indexOf(secret);
        while (at >= 0) {
            if (isWholeToken(text, at, secret)) {
                text.replace(at, secret.size(), Mask.toString());
                at = text.indexOf(secret, at + Mask.size());
            } else {
                at = text.indexOf(secret, at + 1);
            }
        }
    }
    return text;
}

} // namespace capstan
