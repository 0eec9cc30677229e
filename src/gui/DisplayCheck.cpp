#include "DisplayCheck.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

QString shellQuoted(const QString &word)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_@%+=:,./-]+$"_s);
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + quoted + u"'"_s;
}

QString commandLine(const QStringList &words)
{
    QStringList quoted;
    for (const QString &word : words)
        quoted << shellQuoted(word);
    return quoted.join(u' ');
}

// The platform plugin asked for with -platform NAME (or --platform), as QGuiApplication reads it.
QString platformArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"-platform"_s || argument == u"--platform"_s)
            return i + 1 < arguments.size() ? arguments.at(i + 1) : QString();
    }
    return {};
}

} // namespace

QString DisplayCheck::missingDisplay(const QProcessEnvironment &environment, const QStringList &arguments)
{
    const bool x11 = !environment.value(u"DISPLAY"_s).isEmpty();
    const bool wayland = !environment.value(u"WAYLAND_DISPLAY"_s).isEmpty();
    QString platform = platformArgument(arguments);
    if (platform.isEmpty())
        platform = environment.value(u"QT_QPA_PLATFORM"_s);

    QString problem;
    if (platform.isEmpty()) {
        if (x11 || wayland)
            return {};
        problem = tr("neither DISPLAY nor WAYLAND_DISPLAY is set, so there is no display to show it on.");
    } else {
        // QT_QPA_PLATFORM may list fallbacks ("wayland;xcb"), each with options after a colon.
        QStringList needed;
        for (const QString &entry : platform.split(u';', Qt::SkipEmptyParts)) {
            const QString name = entry.section(u':', 0, 0).trimmed();
            if (name == u"xcb"_s) {
                if (x11)
                    return {};
                needed << u"DISPLAY"_s;
            } else if (name.startsWith(u"wayland"_s)) {
                if (wayland)
                    return {};
                needed << u"WAYLAND_DISPLAY"_s;
            } else {
                return {}; // offscreen, minimal, vnc, eglfs, linuxfb ... need no display server
            }
        }
        needed.removeDuplicates();
        problem = tr("the platform \"%1\" needs a display, but %2 is not set.")
                      .arg(platform, needed.join(tr(" or ")));
    }

    const QString program = arguments.value(0, u"capstan"_s);
    const QStringList rest = arguments.mid(1);
    return tr("Capstan cannot open its window: %1\n"
              "Run the desktop app on a virtual display:\n"
              "  %2\n"
              "or use the command line interface, which needs no display:\n"
              "  %3")
        .arg(problem, commandLine(QStringList{u"xvfb-run"_s, u"-a"_s, program} + rest),
             commandLine({program, u"--cli"_s, u"--help"_s}));
}

} // namespace capstan
