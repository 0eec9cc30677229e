#pragma once

#include <limits>

#include "CommandSpec.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace capstan {

// Why: turns `capstan --cli [global options] COMMAND [args]` into a checked invocation, with one clear usage
// error for anything unknown, missing or extra, and renders --help from the same command specs.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    enum class Output { Text, Json };

    struct Invocation
    {
        const CommandSpec *spec = nullptr; // points into the specs given to parse(); null: no command
        QString group;                     // "credentials" when only the command group was named
        QStringList positionals;
        QHash<QString, QString> values;        // option long name -> last value ("" for a flag)
        QHash<QString, QStringList> allValues; // option long name -> every value, in order (repeated options)
        QString configPath;
        bool sandbox = false;
        QString sandboxDirectory; // --sandbox-dir; empty: Sandbox::defaultDirectory()
        bool sandboxReset = false;
        Output output = Output::Text;
        bool help = false;
        bool version = false;

        QString command() const { return spec ? spec->name : group; }
        bool has(const QString &longName) const { return values.contains(longName); }
        QString value(const QString &longName) const { return values.value(longName); }
        QStringList valueList(const QString &longName) const { return allValues.value(longName); }
        // The option's value as a whole number from 1 to maximum, fallback when the option is absent;
        // throws ApiError (Usage) naming the option and the value otherwise.
        int positiveNumber(const QString &longName, int fallback,
                           int maximum = std::numeric_limits<int>::max()) const;
    };

    struct Result
    {
        Invocation invocation;
        QString error; // empty when the command line is valid
        QString hint;
        bool ok() const { return error.isEmpty(); }
    };

    // `arguments` is the full argv: program name first; "--cli" may appear anywhere and is ignored.
    static Result parse(const QStringList &arguments, const QList<CommandSpec> &specs);

    static QList<CommandSpec::Option> globalOptions();
    static QString overview(const QList<CommandSpec> &specs);
    static QString help(const CommandSpec &spec);
    static QString groupHelp(const QString &group, const QList<CommandSpec> &specs);
    static QString exitCodesText();
    static QString helpHint(const QString &command); // "run `capstan --cli COMMAND --help`"
};

} // namespace capstan
