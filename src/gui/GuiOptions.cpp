#include "GuiOptions.h"

#include "Sandbox.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

QCommandLineOption hidden(QCommandLineOption option)
{
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}

} // namespace

// The strings keep the translation context they had in GuiRunner.
GuiOptions::GuiOptions()
    : cli(u"cli"_s, QCoreApplication::translate("GuiRunner", "Run the command line interface instead of the "
                                                             "desktop app; it needs no display. See "
                                                             "capstan --cli --help."))
    , config(u"config"_s, QCoreApplication::translate("GuiRunner", "Read the configuration from <file>."),
             QCoreApplication::translate("GuiRunner", "file"))
    , sandbox(u"sandbox"_s, QCoreApplication::translate(
                                "GuiRunner", "Run against local test servers with a seeded history; "
                                             "nothing real is touched. Its state is kept in %1 "
                                             "between runs.")
                                .arg(QDir::toNativeSeparators(Sandbox::defaultDirectory())))
    , sandboxDir(
          u"sandbox-dir"_s,
          QCoreApplication::translate(
              "GuiRunner", "Keep the sandbox in <dir> (a new or empty directory, or an earlier sandbox)."),
          QCoreApplication::translate("GuiRunner", "dir"))
    , sandboxReset(
          u"sandbox-reset"_s,
          QCoreApplication::translate(
              "GuiRunner", "Start the sandbox's story afresh, dropping its deploys, locks and journal."))
    , screenshot(
          hidden({u"screenshot"_s,
                  QCoreApplication::translate("GuiRunner", "Save a picture of the main window and quit."),
                  QCoreApplication::translate("GuiRunner", "file")}))
    , settingsShot(
          hidden({u"screenshot-settings"_s,
                  QCoreApplication::translate("GuiRunner", "Save a picture of the settings dialog and quit."),
                  QCoreApplication::translate("GuiRunner", "file")}))
    , filter(hidden({u"filter"_s, QCoreApplication::translate("GuiRunner", "Start with this version filter."),
                     QCoreApplication::translate("GuiRunner", "text")}))
    , tab(hidden({u"screenshot-tab"_s,
                  QCoreApplication::translate("GuiRunner", "Show this tab of the version details."),
                  QCoreApplication::translate("GuiRunner", "index")}))
    , diffShot(hidden({u"screenshot-diff"_s,
                       QCoreApplication::translate(
                           "GuiRunner", "Save a picture of the diff of the newest two versions and quit."),
                       QCoreApplication::translate("GuiRunner", "file")}))
    , buildsShot(
          hidden({u"screenshot-builds"_s,
                  QCoreApplication::translate(
                      "GuiRunner", "Save a picture of the Builds view with a build selected and quit."),
                  QCoreApplication::translate("GuiRunner", "file")}))
    , deployShot(
          hidden({u"screenshot-deploy"_s,
                  QCoreApplication::translate("GuiRunner", "Save a picture of the deploy dialog and quit."),
                  QCoreApplication::translate("GuiRunner", "file")}))
    , historyShot(
          hidden({u"screenshot-history"_s,
                  QCoreApplication::translate("GuiRunner", "Save a picture of the History view and quit."),
                  QCoreApplication::translate("GuiRunner", "file")}))
    , rollbackShot(
          hidden({u"screenshot-rollback"_s,
                  QCoreApplication::translate("GuiRunner", "Save a picture of the rollback dialog and quit."),
                  QCoreApplication::translate("GuiRunner", "file")}))
    , suspendedShot(hidden(
          {u"screenshot-suspended"_s,
           QCoreApplication::translate(
               "GuiRunner", "Roll back with auto-sync suspended, save a picture of the result and quit."),
           QCoreApplication::translate("GuiRunner", "file")}))
    , pipelineShot(
          hidden({u"screenshot-pipeline"_s,
                  QCoreApplication::translate("GuiRunner", "Start a prod deploy of the newest deployable "
                                                           "build, save a picture of it running and quit."),
                  QCoreApplication::translate("GuiRunner", "file")}))
    , journalShot(hidden({u"screenshot-journal"_s,
                          QCoreApplication::translate(
                              "GuiRunner", "Deploy to dev and prod, roll back and restore auto-sync, "
                                           "save a picture of the Journal view and quit."),
                          QCoreApplication::translate("GuiRunner", "file")}))
    , benchFirstPaint(
          hidden({u"bench-first-paint"_s,
                  QCoreApplication::translate("GuiRunner", "Print the monotonic clock at the main "
                                                           "window's first paint and quit.")}))
    , benchVersions(hidden(
          {u"bench-versions"_s,
           QCoreApplication::translate("GuiRunner", "Show the chart with the most versions, print the memory "
                                                    "in use once its newest version is shown and quit.")}))
{}

QList<QCommandLineOption> GuiOptions::all() const
{
    return {cli,          config,       sandbox,         sandboxDir,   sandboxReset,
            screenshot,   settingsShot, filter,          tab,          diffShot,
            buildsShot,   deployShot,   historyShot,     rollbackShot, suspendedShot,
            pipelineShot, journalShot,  benchFirstPaint, benchVersions};
}

void GuiOptions::addTo(QCommandLineParser *parser) const
{
    parser->setApplicationDescription(
        QCoreApplication::translate("GuiRunner",
                                    "Capstan: a release manager for GitHub builds, Helm charts in "
                                    "ChartMuseum and Argo CD deployments.") +
        u"\n\n"_s +
        QCoreApplication::translate("GuiRunner", "The command line interface (no display needed): "
                                                 "capstan --cli --help"));
    parser->addHelpOption();
    parser->addVersionOption();
    parser->addOptions(all());
}

} // namespace capstan
