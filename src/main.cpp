#include "CliRunner.h"
#include "GuiRunner.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstring>
#include <memory>

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
    QApplication app(argc, argv);
    describe(app);
    QApplication::setApplicationDisplayName(QStringLiteral("Capstan"));
    QApplication::setDesktopFileName(QStringLiteral("net.capstan.Capstan"));
    installTranslators(app);
    return capstan::GuiRunner::run(app.arguments());
}
