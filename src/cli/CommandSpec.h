#pragma once

#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

namespace capstan {

// Why: each command describes its arguments, options and examples as data, so parsing, validation and
// --help come from one place and cannot drift apart.
struct CommandSpec
{
    struct Option
    {
        QString longName;    // "range" for --range
        QChar shortName;     // 'd' for -d; null when there is none
        QString valueName;   // "RANGE"; empty for a flag
        QString description; // translated
        bool takesValue() const { return !valueName.isEmpty(); }
    };

    QString name;            // "versions", or "credentials set" for a subcommand
    QString summary;         // one translated line for the overview
    QStringList positionals; // "CHART", "VERSION"
    QList<Option> options;
    QString description;    // translated paragraph(s) for --help
    QStringList examples;   // command lines without the leading "capstan --cli "
    bool hidden = false;    // developer commands: not listed in the overview
    bool sensitive = false; // a stray argument may be a secret: errors never echo arguments

    const Option *findLong(const QString &longName) const
    {
        for (const Option &option : options) {
            if (option.longName == longName)
                return &option;
        }
        return nullptr;
    }
    const Option *findShort(QChar shortName) const
    {
        for (const Option &option : options) {
            if (!option.shortName.isNull() && option.shortName == shortName)
                return &option;
        }
        return nullptr;
    }
};

} // namespace capstan
