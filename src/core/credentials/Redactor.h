#pragma once

#include <QString>
#include <QStringList>

namespace capstan {

// Why: anything that prints text which might hold a secret (logs, errors, child output) passes it
// through here first.
class Redactor
{
public:
    static constexpr QStringView Mask = u"••••••";

    void addSecret(const QString &secret);
    QString redact(QString text) const;
    bool isEmpty() const { return m_secrets.isEmpty(); }

private:
    QStringList m_secrets; // longest first, so a secret containing another is masked whole
};

} // namespace capstan
