#pragma once

#include <QString>
#include <QStringList>

namespace capstan {

// Why: text that comes from outside Capstan (a step's output, a server's message) may repeat a secret; it
// passes through here before it is shown, logged or stored. Only whole tokens are masked, so a secret never
// eats into the words around it; Capstan's own messages are not passed through here.
class Redactor
{
public:
    static constexpr QStringView Mask = u"••••••";
    // A shorter secret is not masked: it matches ordinary words too often to be hidden reliably (and masking
    // it would garble them). addSecret() reports it so the caller can warn.
    static constexpr qsizetype MinimumLength = 8;

    // Masks `secret` from now on; `name` says which secret it is in warnings. Returns false when the secret
    // is too short to be masked: its name is then listed by tooShort(). An empty secret is ignored (true).
    bool addSecret(const QString &secret, const QString &name = {});
    // The names of the secrets added but not masked because they are shorter than MinimumLength.
    QStringList tooShort() const { return m_tooShort; }

    // `text` with each secret masked where it stands as a whole token: not glued to a letter, digit, '_' or
    // '-' on a side where the secret itself begins or ends with one. Punctuation such as . / = + : @ & ? and
    // quotes separates tokens, so `key=SECRET`, `user:SECRET@host`, `?token=SECRET&`, `/SECRET/` and a
    // sentence ending in `SECRET.` are masked; so is a secret's percent-encoded form, and the base64 of an
    // `Authorization: Basic` credential whose password is a secret.
    QString redact(QString text) const;
    bool isEmpty() const { return m_patterns.isEmpty(); }

    // Letters, digits, '_' and '-': the characters that make a longer word of a secret they touch.
    static bool isWordCharacter(QChar c);

private:
    QString maskBasicCredentials(QString text) const;
    bool isSecretWithin(const QString &text) const;

    QStringList m_secrets;  // as added, for the Basic credential check
    QStringList m_patterns; // the secrets and their percent-encoded forms, longest first
    QStringList m_tooShort;
    QStringList m_tooShortValues;
};

} // namespace capstan
