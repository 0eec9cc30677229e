#include "GuiRunner.h"

#include "ChartsView.h"
#include "DiffView.h"
#include "MainWindow.h"
#include "SettingsDialog.h"

#include "Sandbox.h"
#include "app/ClientFactory.h"
#include "config/ConfigLoader.h"
#include "credentials/CredentialStore.h"
#include "models/ChartListModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

// For the README and the docs: grab the window once the newest version's details are shown, then quit.
void arrangeScreenshots(MainWindow *window, const QString &windowFile, const QString &settingsFile,
                        const QString &filter)
{
    ChartsView *charts = window->chartsView();
    auto done = std::make_shared<bool>(false);
    const auto grabAndQuit = [window, windowFile, settingsFile, done] {
        if (*done)
            return;
        *done = true;
        // Give the highlighter and the layouts one more turn of the event loop.
        QTimer::singleShot(300, window, [window, windowFile, settingsFile] {
            if (!windowFile.isEmpty() && !window->grab().save(windowFile))
                qWarning("Could not write the screenshot %s", qPrintable(windowFile));
            if (!settingsFile.isEmpty()) {
                window->openSettings();
                QTimer::singleShot(800, window, [window, settingsFile] {
                    if (auto *dialog = window->findChild<SettingsDialog *>()) {
                        if (!dialog->grab().save(settingsFile))
                            qWarning("Could not write the screenshot %s", qPrintable(settingsFile));
                    }
                    QCoreApplication::exit(0);
                });
                return;
            }
            QCoreApplication::exit(0);
        });
    };
    // The chart with the longest history shows the most.
    QObject::connect(
        charts, &ChartsView::chartsLoaded, window,
        [charts, filter] {
            const ChartListModel *model = charts->chartListModel();
            int best = 0;
            for (int row = 1; row < model->rowCount(); ++row) {
                if (model->index(row, 0).data(ChartListModel::VersionCountRole).toInt() >
                    model->index(best, 0).data(ChartListModel::VersionCountRole).toInt())
                    best = row;
            }
            if (model->rowCount() > 0)
                charts->selectChart(model->nameAt(best));
            if (!filter.isEmpty())
                charts->setFilterText(filter);
        },
        Qt::SingleShotConnection);
    QObject::connect(charts, &ChartsView::detailsLoaded, window, grabAndQuit);
    QObject::connect(charts, &ChartsView::stateChanged, window, [grabAndQuit](ChartsView::State state) {
        if (state == ChartsView::State::NotConfigured || state == ChartsView::State::Unavailable ||
            state == ChartsView::State::Empty || state == ChartsView::State::Failed)
            grabAndQuit();
    });
    // Never hang a build step on a server that does not answer.
    QTimer::singleShot(30000, window, grabAndQuit);
}

// The diff dialog of the newest version of the longest-history chart against the one before it.
void arrangeDiffScreenshot(MainWindow *window, const QString &file)
{
    ChartsView *charts = window->chartsView();
    QObject::connect(
        charts, &ChartsView::chartsLoaded, window,
        [charts] {
            const ChartListModel *model = charts->chartListModel();
            int best = 0;
            for (int row = 1; row < model->rowCount(); ++row) {
                if (model->index(row, 0).data(ChartListModel::VersionCountRole).toInt() >
                    model->index(best, 0).data(ChartListModel::VersionCountRole).toInt())
                    best = row;
            }
            if (model->rowCount() > 0)
                charts->selectChart(model->nameAt(best));
        },
        Qt::SingleShotConnection);
    QObject::connect(
        charts, &ChartsView::detailsLoaded, window, [charts] { charts->compareSelected(); },
        Qt::SingleShotConnection);
    QObject::connect(
        charts, &ChartsView::diffShown, window,
        [charts, file] {
            QTimer::singleShot(400, charts, [charts, file] {
                QDialog *dialog = charts->diffDialog();
                if (dialog && charts->diffView()) {
                    charts->diffView()->selectFile(u"templates/deployment.yaml"_s);
                    if (!dialog->grab().save(file))
                        qWarning("Could not write the screenshot %s", qPrintable(file));
                }
                QCoreApplication::exit(0);
            });
        },
        Qt::SingleShotConnection);
    QTimer::singleShot(30000, window, [] { QCoreApplication::exit(1); });
}

} // namespace

int GuiRunner::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Capstan: a release manager for GitHub builds, Helm charts in "
                                        "ChartMuseum and Argo CD deployments."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(u"config"_s, tr("Read the configuration from <file>."), tr("file"));
    const QCommandLineOption sandboxOption(
        u"sandbox"_s, tr("Run against local test servers with a seeded history; nothing real is touched."));
    QCommandLineOption screenshotOption(u"screenshot"_s, tr("Save a picture of the main window and quit."),
                                        tr("file"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption settingsShotOption(u"screenshot-settings"_s,
                                          tr("Save a picture of the settings dialog and quit."), tr("file"));
    settingsShotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption filterOption(u"filter"_s, tr("Start with this version filter."), tr("text"));
    filterOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption tabOption(u"screenshot-tab"_s, tr("Show this tab of the version details."),
                                 tr("index"));
    tabOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption diffShotOption(u"screenshot-diff"_s,
                                      tr("Save a picture of the diff of the newest two versions and quit."),
                                      tr("file"));
    diffShotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(diffShotOption);
    parser.addOptions(
        {configOption, sandboxOption, screenshotOption, settingsShotOption, filterOption, tabOption});
    parser.process(arguments);

    QNetworkAccessManager network;
    std::unique_ptr<Sandbox> sandbox;
    MainWindow::Setup setup;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();

    if (parser.isSet(sandboxOption)) {
        sandbox = std::make_unique<Sandbox>();
        QString error;
        if (!sandbox->start(&error)) {
            QMessageBox::critical(nullptr, tr("Capstan sandbox"),
                                  tr("The sandbox servers could not be started:\n%1").arg(error));
            return 1;
        }
        setup.config = sandbox->config();
        setup.configPath = setup.config.file;
        setup.sandbox = true;
        environment = sandbox->environment();
    } else {
        const QString explicitPath = parser.value(configOption);
        const QString userDirectory = ConfigLoader::userConfigDirectory();
        const QString path = ConfigLoader::locate(explicitPath, QDir::currentPath(), userDirectory);
        if (!explicitPath.isEmpty() && (path.isEmpty() || !QFileInfo::exists(path))) {
            setup.configPath = QFileInfo(explicitPath).absoluteFilePath();
            setup.configError = tr("%1: the file does not exist").arg(explicitPath);
        } else if (!path.isEmpty()) {
            setup.configPath = path;
            ConfigError error;
            if (const std::optional<Config> config = ConfigLoader::loadFile(path, &error))
                setup.config = *config;
            else
                setup.configError = error.toString();
        }
    }

    CredentialStore credentials(environment);
    ClientFactory factory(&network, &credentials);
    QSettings settings;
    setup.factory = &factory;
    setup.credentials = &credentials;
    setup.settings = &settings;

    MainWindow window(setup);
    const QString screenshot = parser.value(screenshotOption);
    const QString settingsShot = parser.value(settingsShotOption);
    const bool screenshots = !screenshot.isEmpty() || !settingsShot.isEmpty();
    if (screenshots) {
        window.resize(1360, 820);
        arrangeScreenshots(&window, screenshot, settingsShot, parser.value(filterOption));
        if (auto *tabs = window.findChild<QTabWidget *>(u"detailsTabs"_s))
            tabs->setCurrentIndex(parser.value(tabOption).toInt());
    } else if (parser.isSet(diffShotOption)) {
        window.resize(1360, 820);
        arrangeDiffScreenshot(&window, parser.value(diffShotOption));
    } else if (parser.isSet(filterOption)) {
        window.chartsView()->setFilterText(parser.value(filterOption));
    }
    window.show();

    if (!setup.configError.isEmpty() && !screenshots) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Configuration error"),
                                    tr("The configuration could not be read."), QMessageBox::Ok, &window);
        box->setInformativeText(setup.configError);
        box->setDetailedText(tr("Capstan opens without servers. Fix the file, or use File → Settings… to "
                                "write the server settings again."));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QTimer::singleShot(0, box, [box] { box->open(); });
    }
    return QApplication::exec();
}

} // namespace capstan
