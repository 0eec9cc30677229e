#include "CommandLine.h"

#include "Sandbox.h"
#include "net/ApiError.h"

#include "config/ConfigLoader.h"

#include <QDir>

#include <algorithm>

namespace capstan {

namespace {

QString optionLabel(const CommandSpec::Option &option)
{
    QString label =
        option.shortName.isNull() ? QStringLiteral("    ") : QStringLiteral("-%1, ").arg(option.shortName);
    label += QStringLiteral("--") + option.longName;
    if (option.takesValue())
        label += u' ' + option.valueName;
    return label;
}

constexpr qsizetype HelpWidth = 100;

// Word-wraps `text` to HelpWidth, continuation lines indented by `indent` spaces.
QString wrapped(const QString &text, qsizetype indent)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    QString result;
    qsizetype column = indent;
    for (const QString &word : words) {
        if (column > indent && column + 1 + word.size() > HelpWidth) {
            result += u'\n' + QString(indent, u' ');
            column = indent;
        } else if (column > indent) {
            result += u' ';
            ++column;
        }
        result += word;
        column += word.size();
    }
    return result;
}

QString optionsBlock(const QList<CommandSpec::Option> &options)
{
    qsizetype width = 0;
    for (const CommandSpec::Option &option : options)
        width = std::max(width, optionLabel(option).size());
    QString text;
    for (const CommandSpec::Option &option : options) {
        text += QStringLiteral("  %1  %2\n")
                    .arg(optionLabel(option), -int(width))
                    .arg(wrapped(option.description, width + 4));
    }
    return text;
}

QString usageLine(const CommandSpec &spec)
{
    QString line = QStringLiteral("capstan --cli ") + spec.name;
    for (const QString &positional : spec.positionals)
        line += u' ' + positional;
    if (!spec.options.isEmpty())
        line += QStringLiteral(" [OPTIONS]");
    return line;
}

bool isGroup(const QString &word, const QList<CommandSpec> &specs)
{
    const QString prefix = word + u' ';
    return std::any_of(specs.cbegin(), specs.cend(),
                       [&prefix](const CommandSpec &spec) { return spec.name.startsWith(prefix); });
}

const CommandSpec *findSpec(const QString &name, const QList<CommandSpec> &specs)
{
    for (const CommandSpec &spec : specs) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

QStringList subcommandsOf(const QString &group, const QList<CommandSpec> &specs)
{
    QStringList names;
    const QString prefix = group + u' ';
    for (const CommandSpec &spec : specs) {
        if (spec.name.startsWith(prefix) && !spec.hidden)
            names.append(spec.name.mid(prefix.size()));
    }
    return names;
}

} // namespace

QList<CommandSpec::Option> CommandLine::globalOptions()
{
    return {
        {QStringLiteral("config"), QChar(), QStringLiteral("FILE"),
         tr("Read this capstan.yaml instead of ./capstan.yaml or %1")
             .arg(QDir::toNativeSeparators(ConfigLoader::defaultUserConfigPath()))},
        {QStringLiteral("output"), u'o', QStringLiteral("FORMAT"),
         tr("text (default) or json: one JSON document on stdout, errors as JSON on stderr")},
        {QStringLiteral("sandbox"), QChar(), QString(),
         tr("Run against in-process sandbox servers seeded with a sample history (no config needed); its "
            "state is kept in %1 between runs")
             .arg(QDir::toNativeSeparators(Sandbox::defaultDirectory()))},
        {QStringLiteral("sandbox-dir"), QChar(), QStringLiteral("DIR"),
         tr("Keep the sandbox in DIR (a new or empty directory, or an earlier sandbox); implies --sandbox")},
        {QStringLiteral("sandbox-reset"), QChar(), QString(),
         tr("Start the sandbox's story afresh, dropping its deploys, locks and journal; implies --sandbox")},
        {QStringLiteral("help"), u'h', QString(), tr("Show help (also after a command)")},
        {QStringLiteral("version"), QChar(), QString(), tr("Show the version")},
    };
}

CommandLine::Result CommandLine::parse(const QStringList &arguments, const QList<CommandSpec> &specs)
{
    Result result;
    Invocation &inv = result.invocation;
    auto fail = [&result](const QString &error, const QString &hint) {
        if (result.error.isEmpty()) {
            result.error = error;
            result.hint = hint;
        }
    };
    auto setOutput = [&](const QString &value) {
        if (value == QLatin1StringView("text")) {
            inv.output = Output::Text;
        } else if (value == QLatin1StringView("json")) {
            inv.output = Output::Json;
        } else {
            fail(tr("invalid output format \"%1\" for -o/--output: expected text or json").arg(value),
                 tr("Use -o text or -o json."));
        }
    };

    QStringList tokens = arguments.mid(1);
    tokens.removeAll(QStringLiteral("--cli"));
    bool endOfOptions = false;

    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString token = tokens.at(i);
        const QString where = inv.spec ? inv.spec->name : QString();
        if (!endOfOptions && token == QLatin1StringView("--")) {
            endOfOptions = true;
            continue;
        }
        const bool isLong = !endOfOptions && token.startsWith(QLatin1StringView("--"));
        const bool isShort = !endOfOptions && !isLong && token.size() > 1 && token.startsWith(u'-');
        if (isLong || isShort) {
            QString name;
            QString inlineValue;
            bool hasInlineValue = false;
            const CommandSpec::Option *option = nullptr;
            if (isLong) {
                name = token.mid(2);
                const qsizetype equals = name.indexOf(u'=');
                if (equals >= 0) {
                    inlineValue = name.mid(equals + 1);
                    name.truncate(equals);
                    hasInlineValue = true;
                }
            } else {
                const QChar letter = token.at(1);
                if (token.size() > 2) {
                    inlineValue = token.mid(2);
                    hasInlineValue = true;
                }
                const QList<CommandSpec::Option> globals = globalOptions();
                for (const CommandSpec::Option &global : globals) {
                    if (global.shortName == letter)
                        name = global.longName;
                }
                if (name.isEmpty() && inv.spec) {
                    if (const CommandSpec::Option *own = inv.spec->findShort(letter))
                        name = own->longName;
                }
                if (name.isEmpty()) {
                    // Only the option itself: an attached value might be a secret.
                    const QString shown = token.left(2);
                    fail(where.isEmpty() ? tr("unknown option %1").arg(shown)
                                         : tr("unknown option %1 for %2").arg(shown, where),
                         helpHint(where));
                    continue;
                }
            }

            const QList<CommandSpec::Option> globals = globalOptions();
            const auto global =
                std::find_if(globals.cbegin(), globals.cend(),
                             [&name](const CommandSpec::Option &o) { return o.longName == name; });
            const CommandSpec::Option *own = inv.spec ? inv.spec->findLong(name) : nullptr;
            // A command's own option wins over a global one of the same name (`package --version V`).
            const CommandSpec::Option *globalOption = !own && global != globals.cend() ? &*global : nullptr;
            option = globalOption ? globalOption : own;
            if (!option) {
                const QString shown = isLong ? QStringLiteral("--") + name : token.left(2);
                fail(where.isEmpty() ? tr("unknown option %1").arg(shown)
                                     : tr("unknown option %1 for %2").arg(shown, where),
                     helpHint(where));
                continue;
            }
            const QString display = isLong ? QStringLiteral("--") + name : token.left(2);
            QString value;
            if (option->takesValue()) {
                if (hasInlineValue) {
                    value = inlineValue;
                } else if (i + 1 < tokens.size()) {
                    value = tokens.at(++i);
                } else {
                    fail(tr("option %1 needs a value (%2)").arg(display, option->valueName), helpHint(where));
                    continue;
                }
            } else if (hasInlineValue) {
                fail(tr("option %1 takes no value").arg(display), helpHint(where));
                continue;
            }

            if (globalOption) {
                if (name == QLatin1StringView("config"))
                    inv.configPath = value;
                else if (name == QLatin1StringView("output"))
                    setOutput(value);
                else if (name == QLatin1StringView("sandbox"))
                    inv.sandbox = true;
                else if (name == QLatin1StringView("sandbox-dir")) {
                    inv.sandbox = true;
                    inv.sandboxDirectory = value;
                } else if (name == QLatin1StringView("sandbox-reset")) {
                    inv.sandbox = true;
                    inv.sandboxReset = true;
                } else if (name == QLatin1StringView("help"))
                    inv.help = true;
                else if (name == QLatin1StringView("version"))
                    inv.version = true;
            } else {
                inv.values.insert(name, value);
                inv.allValues[name].append(value);
            }
            continue;
        }

        // A word: the command, a subcommand, or a positional argument.
        if (!inv.spec && inv.group.isEmpty()) {
            if (const CommandSpec *spec = findSpec(token, specs)) {
                inv.spec = spec;
            } else if (isGroup(token, specs)) {
                inv.group = token;
            } else {
                fail(tr("unknown command \"%1\"").arg(token),
                     tr("Run `capstan --cli --help` for the list of commands."));
                inv.group = token; // everything after it belongs to the unknown command
            }
        } else if (!inv.spec) {
            if (const CommandSpec *spec = findSpec(inv.group + u' ' + token, specs)) {
                inv.spec = spec;
                inv.group.clear();
            } else {
                fail(tr("unknown %1 command \"%2\": expected one of %3")
                         .arg(inv.group, token, subcommandsOf(inv.group, specs).join(QStringLiteral(", "))),
                     helpHint(inv.group));
            }
        } else {
            inv.positionals.append(token);
        }
    }

    if (!result.ok())
        return result;
    if (inv.sandbox && !inv.configPath.isEmpty()) {
        fail(tr("--sandbox (or --sandbox-dir, --sandbox-reset) and --config cannot be combined: the sandbox "
                "brings its own configuration"),
             tr("Drop one of them."));
        return result;
    }
    if (inv.help || (inv.version && !inv.spec && inv.group.isEmpty()))
        return result;
    if (!inv.spec) {
        if (!inv.group.isEmpty()) {
            fail(tr("%1 needs a command: one of %2")
                     .arg(inv.group, subcommandsOf(inv.group, specs).join(QStringLiteral(", "))),
                 helpHint(inv.group));
        } else {
            fail(tr("no command given"), tr("Run `capstan --cli --help` for the list of commands."));
        }
        return result;
    }
    if (inv.version) {
        fail(tr("--version cannot be combined with a command"), helpHint(inv.spec->name));
        return result;
    }
    const QStringList &wanted = inv.spec->positionals;
    // "[DIR]" names an optional positional; optional ones come last.
    const qsizetype required =
        std::count_if(wanted.cbegin(), wanted.cend(), [](const QString &p) { return !p.startsWith(u'['); });
    if (inv.positionals.size() < required) {
        fail(tr("missing argument %1 for %2 (usage: %3)")
                 .arg(wanted.at(inv.positionals.size()), inv.spec->name, usageLine(*inv.spec)),
             helpHint(inv.spec->name));
    } else if (inv.positionals.size() > wanted.size() && inv.spec->sensitive) {
        fail(tr("too many arguments for %1 (usage: %2); a secret is read from standard input, never from "
                "the command line")
                 .arg(inv.spec->name, usageLine(*inv.spec)),
             helpHint(inv.spec->name));
    } else if (inv.positionals.size() > wanted.size()) {
        fail(tr("unexpected argument \"%1\" for %2 (usage: %3)")
                 .arg(inv.positionals.at(wanted.size()), inv.spec->name, usageLine(*inv.spec)),
             helpHint(inv.spec->name));
    }
    return result;
}

QString CommandLine::helpHint(const QString &command)
{
    if (command.isEmpty())
        return tr("Run `capstan --cli --help` for usage.");
    return tr("Run `capstan --cli %1 --help` for usage and examples.").arg(command);
}

int CommandLine::Invocation::positiveNumber(const QString &longName, int fallback, int maximum) const
{
    if (!has(longName))
        return fallback;
    const QString text = value(longName);
    bool ok = false;
    const int number = text.toInt(&ok);
    if (ok && number >= 1 && number <= maximum && text == QString::number(number))
        return number;
    const QString message =
        maximum == std::numeric_limits<int>::max()
            ? tr("--%1 needs a positive whole number, not \"%2\"").arg(longName, text)
            : tr("--%1 needs a whole number from 1 to %2, not \"%3\"").arg(longName).arg(maximum).arg(text);
    throw ApiError(ApiError::Kind::Usage, message, helpHint(command()));
}

QString CommandLine::exitCodesText()
{
    return tr("Exit codes:\n"
              "  0  success; also \"n\" at a confirmation prompt (nothing was changed)\n"
              "  1  the operation failed (e.g. a corrupt download or archive, a bad server answer)\n"
              "  2  usage or configuration error (unknown command or option, missing argument, bad config)\n"
              "  3  authentication or permission (401/403, no credential available)\n"
              "  4  server unreachable, timed out, or failing (5xx) after retries\n"
              "  5  not found (chart, version, build, credential; also no operation to "
              "terminate)\n"
              "  6  conflict (e.g. a different file already exists, the deploy lock is held, an operation "
              "is running)\n"
              "  130  interrupted by SIGINT or SIGTERM (a deploy is cancelled cleanly first)\n");
}

QString CommandLine::overview(const QList<CommandSpec> &specs)
{
    qsizetype width = 0;
    QList<QPair<QString, QString>> rows;
    for (const CommandSpec &spec : specs) {
        if (spec.hidden)
            continue;
        QString left = spec.name;
        for (const QString &positional : spec.positionals)
            left += u' ' + positional;
        width = std::max(width, left.size());
        rows.append({left, spec.summary});
    }
    QString commands;
    for (const auto &[left, summary] : rows)
        commands += QStringLiteral("  %1  %2\n").arg(left, -int(width)).arg(summary);

    return tr("Usage: capstan --cli [GLOBAL OPTIONS] COMMAND [ARGUMENTS] [OPTIONS]\n\n"
              "Capstan's command line for scripts and CI: builds, chart versions, packaging and publishing,\n"
              "Argo CD status, sync and rollback, and the credentials Capstan uses. It needs no display.\n\n"
              "Commands:\n%1\n"
              "Global options (anywhere on the line):\n%2\n"
              "%3\n"
              "Run `capstan --cli COMMAND --help` for a command's options and examples.\n")
        .arg(commands, optionsBlock(globalOptions()), exitCodesText());
}

QString CommandLine::help(const CommandSpec &spec)
{
    QString text = tr("Usage: %1\n\n%2\n").arg(usageLine(spec), spec.summary);
    if (!spec.description.isEmpty())
        text += u'\n' + spec.description + u'\n';
    if (!spec.options.isEmpty())
        text += u'\n' + tr("Options:") + u'\n' + optionsBlock(spec.options);
    text += u'\n' + tr("Global options:") + u'\n' + optionsBlock(globalOptions());
    if (!spec.examples.isEmpty()) {
        text += u'\n' + tr("Examples:") + u'\n';
        for (const QString &example : spec.examples)
            text += QStringLiteral("  capstan --cli ") + example + u'\n';
    }
    text += u'\n' + exitCodesText();
    return text;
}

QString CommandLine::groupHelp(const QString &group, const QList<CommandSpec> &specs)
{
    QString text = tr("Usage: capstan --cli %1 COMMAND [ARGUMENTS] [OPTIONS]\n\nCommands:\n").arg(group);
    const QString prefix = group + u' ';
    qsizetype width = 0;
    for (const CommandSpec &spec : specs) {
        if (spec.name.startsWith(prefix) && !spec.hidden)
            width = std::max(width, usageLine(spec).size());
    }
    for (const CommandSpec &spec : specs) {
        if (spec.name.startsWith(prefix) && !spec.hidden)
            text += QStringLiteral("  %1  %2\n").arg(usageLine(spec), -int(width)).arg(spec.summary);
    }
    text += u'\n' + tr("Run `capstan --cli %1 COMMAND --help` for details and examples.").arg(group) + u'\n';
    return text;
}

} // namespace capstan
