#include "CliRunner.h"
#include "DisplayCheck.h"
#include "GuiOptions.h"
#include "GuiRunner.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QProcessEnvironment>
#include <QTranslator>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

bool wantsCli(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--cli") == 0)
            return true;
    }
    return false;
}

void installTranslators(QCoreApplication &app)
{
    // English plural forms first; the system locale's catalogue, installed later, takes precedence.
    auto *plurals = new QTranslator(&app);
    if (plurals->load(QStringLiteral(":/i18n/capstan_en.qm")))
        QCoreApplication::installTranslator(plurals);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("capstan"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

void describe(QCoreApplication &app)
{
    app.setOrganizationName(QStringLiteral("Capstan"));
    app.setApplicationName(QStringLiteral("capstan"));
    app.setApplicationVersion(QStringLiteral(CAPSTAN_VERSION));
}

// --help, --version, a usage error without a display and a missing display are answered with a
// QCoreApplication: a QApplication aborts without a display. -1 when the desktop app is to start.
int answerWithoutWindow(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString missing =
        capstan::DisplayCheck::missingDisplay(QProcessEnvironment::systemEnvironment(), arguments);
    QStringList probed = arguments; // -platform NAME is Qt's own, taken out by QApplication
    for (const QString &platform : {u"-platform"_s, u"--platform"_s}) {
        if (const qsizetype at = probed.indexOf(platform); at > 0)
            probed.remove(at, std::min<qsizetype>(2, probed.size() - at));
    }
    QCommandLineParser probe;
    capstan::GuiOptions().addTo(&probe);
    const bool parsed = probe.parse(probed);
    const bool informational =
        parsed && (probe.isSet(u"help"_s) || probe.isSet(u"help-all"_s) || probe.isSet(u"version"_s));
    if (!informational && missing.isEmpty())
        return -1;

    QCoreApplication app(argc, argv);
    describe(app);
    installTranslators(app);
    if (informational || !parsed) {
        QCommandLineParser parser;
        capstan::GuiOptions().addTo(&parser);
        parser.process(probed); // prints the help, the version or the usage error and exits
        return 2;
    }
    // Again, now that the message can be translated.
    const QString message =
        capstan::DisplayCheck::missingDisplay(QProcessEnvironment::systemEnvironment(), arguments);
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    // Decided before any application object exists: the CLI must never need a display.
    if (wantsCli(argc, argv)) {
        QCoreApplication app(argc, argv);
        describe(app);
        installTranslators(app);
        return capstan::CliRunner::run(app.arguments());
    }
    if (const int code = answerWithoutWindow(argc, argv); code >= 0)
        return code;
    QApplication app(argc, argv);
    describe(app);
    QApplication::setApplicationDisplayName(QStringLiteral("Capstan"));
    QApplication::setDesktopFileName(QStringLiteral("net.capstan.Capstan"));
    installTranslators(app);
    return capstan::GuiRunner::run(app.arguments());
}
