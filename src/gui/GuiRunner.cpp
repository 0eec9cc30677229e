#include "GuiRunner.h"

#include "BuildsView.h"
#include "ChangesPanel.h"
#include "ChartsView.h"
#include "DeployDialog.h"
#include "DesktopNotifier.h"
#include "DiffView.h"
#include "FirstPaintProbe.h"
#include "GuiOptions.h"
#include "HistoryView.h"
#include "JournalView.h"
#include "MainWindow.h"
#include "PipelineView.h"
#include "RollbackDialog.h"
#include "SettingsDialog.h"

#include "Sandbox.h"
#include "app/ClientFactory.h"
#include "config/ConfigLoader.h"
#include "credentials/CredentialStore.h"
#include "models/ChartListModel.h"
#include "models/ChartVersionsModel.h"
#include "models/JournalModel.h"
#include "models/PipelineStepsModel.h"
#include "pipeline/DeployJournal.h"
#include "pipeline/JournalLocation.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <ctime>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

// The chart with the longest history shows the most.
void selectLongestChart(ChartsView *charts)
{
    const ChartListModel *model = charts->chartListModel();
    int best = 0;
    for (int row = 1; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ChartListModel::VersionCountRole).toInt() >
            model->index(best, 0).data(ChartListModel::VersionCountRole).toInt())
            best = row;
    }
    if (model->rowCount() > 0)
        charts->selectChart(model->nameAt(best));
}

// For bench/gui.sh: the monotonic clock (the benchmark started the process on the same clock) and the CPU
// time of all threads at the main window's first paint, then quit.
void arrangeFirstPaintReport(MainWindow *window)
{
    new FirstPaintProbe(window, [] {
        const auto now = std::chrono::steady_clock::now().time_since_epoch();
        timespec cpu{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
        std::printf("first_paint_monotonic_ns %lld\nfirst_paint_cpu_ms %.1f\n",
                    static_cast<long long>(std::chrono::nanoseconds(now).count()),
                    double(cpu.tv_sec) * 1e3 + double(cpu.tv_nsec) / 1e6);
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
}

// VmRSS and VmHWM of this process in kB, from /proc.
std::pair<qint64, qint64> residentMemoryKb()
{
    QFile status(u"/proc/self/status"_s);
    qint64 rss = 0;
    qint64 peak = 0;
    if (!status.open(QIODevice::ReadOnly))
        return {rss, peak};
    for (const QByteArray &line : status.readAll().split('\n')) {
        const QList<QByteArray> words = line.simplified().split(' ');
        if (words.size() >= 2 && words.at(0) == "VmRSS:")
            rss = words.at(1).toLongLong();
        else if (words.size() >= 2 && words.at(0) == "VmHWM:")
            peak = words.at(1).toLongLong();
    }
    return {rss, peak};
}

// For bench/gui.sh: the Charts view with the longest chart's versions and its newest version's details
// shown; prints the number of versions and the memory in use, then quits.
void arrangeVersionsReport(MainWindow *window)
{
    ChartsView *charts = window->chartsView();
    window->showView(charts);
    QObject::connect(
        charts, &ChartsView::chartsLoaded, window, [charts] { selectLongestChart(charts); },
        Qt::SingleShotConnection);
    auto done = std::make_shared<bool>(false);
    const auto report = [window, charts, done] {
        if (*done)
            return;
        *done = true;
        // The table and the details are painted first.
        QTimer::singleShot(300, window, [charts] {
            const auto [rss, peak] = residentMemoryKb();
            std::printf("versions_shown %d\nrss_kb %lld\nhwm_kb %lld\n", charts->versionsModel()->rowCount(),
                        static_cast<long long>(rss), static_cast<long long>(peak));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    };
    QObject::connect(charts, &ChartsView::detailsLoaded, window, report);
    QObject::connect(charts, &ChartsView::detailsFailed, window, report);
    QObject::connect(charts, &ChartsView::loadFailed, window, [] { QCoreApplication::exit(1); });
    QTimer::singleShot(60000, window, [] { QCoreApplication::exit(1); });
}

// For the README and the docs: grab the window once the newest version's details are shown, then quit.
void arrangeScreenshots(MainWindow *window, const QString &windowFile, const QString &settingsFile,
                        const QString &filter)
{
    ChartsView *charts = window->chartsView();
    window->showView(charts); // the Builds view is the home screen; these pictures are of Charts
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
            selectLongestChart(charts);
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
        charts, &ChartsView::chartsLoaded, window, [charts] { selectLongestChart(charts); },
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

// The home screen with the newest deployable build newer than live selected and its changes shown;
// `deployFile` also pictures the deploy dialog for that build.
void arrangeBuildsScreenshots(MainWindow *window, const QString &windowFile, const QString &deployFile)
{
    BuildsView *builds = window->buildsView();
    auto selected = std::make_shared<bool>(false);
    auto commitsShown = std::make_shared<bool>(false);
    auto chartShown = std::make_shared<bool>(false);
    auto done = std::make_shared<bool>(false);
    const auto grabAndQuit = [window, builds, windowFile, deployFile, done] {
        if (*done)
            return;
        *done = true;
        QTimer::singleShot(500, window, [window, builds, windowFile, deployFile] {
            if (!windowFile.isEmpty() && !window->grab().save(windowFile))
                qWarning("Could not write the screenshot %s", qPrintable(windowFile));
            if (deployFile.isEmpty()) {
                QCoreApplication::exit(0);
                return;
            }
            builds->openDeployDialog();
            QTimer::singleShot(800, window, [builds, deployFile] {
                DeployDialog *dialog = builds->deployDialog();
                if (!dialog || !dialog->grab().save(deployFile))
                    qWarning("Could not write the screenshot %s", qPrintable(deployFile));
                QCoreApplication::exit(0);
            });
        });
    };
    QObject::connect(builds, &BuildsView::serviceLoaded, window, [builds, selected] {
        using Service = BuildsModel::Service;
        if (*selected || !builds->isLoaded(Service::GitHub) || !builds->isLoaded(Service::ChartMuseum) ||
            !builds->isLoaded(Service::ArgoCd))
            return;
        *selected = true;
        const QList<Build> &all = builds->buildsModel()->builds();
        const auto pick = std::find_if(all.cbegin(), all.cend(), [builds](const Build &build) {
            return build.newerThanLive && builds->buildBlocker(build).isEmpty();
        });
        if (pick != all.cend())
            builds->selectRun(pick->run.runNumber);
        else if (!all.isEmpty())
            builds->selectRun(all.first().run.runNumber);
    });
    const auto shown = [selected, commitsShown, chartShown, grabAndQuit](bool commits) {
        if (!*selected)
            return;
        *(commits ? commitsShown : chartShown) = true;
        if (*commitsShown && *chartShown)
            grabAndQuit();
    };
    QObject::connect(builds->changesPanel(), &ChangesPanel::commitsShown, window, [shown] { shown(true); });
    QObject::connect(builds->changesPanel(), &ChangesPanel::chartDiffShown, window,
                     [shown] { shown(false); });
    // Never hang a build step on a server that does not answer.
    QTimer::singleShot(30000, window, grabAndQuit);
}

// The History view of the sandbox application once it is idle; `rollbackFile` also pictures the rollback
// dialog for the default target (the previous entry) with the auto-sync suspension filled in.
// `suspendedFile`: then carries the rollback out and pictures the History view once it is done.
void arrangeHistoryScreenshots(MainWindow *window, const QString &historyFile, const QString &rollbackFile,
                               const QString &suspendedFile)
{
    HistoryView *history = window->historyView();
    window->showView(history);
    auto done = std::make_shared<bool>(false);
    QObject::connect(
        history, &HistoryView::applicationLoaded, window,
        [window, history, historyFile, rollbackFile, suspendedFile,
         done](const ArgoApplication &application) {
            if (*done || application.operationInProgress())
                return;
            *done = true;
            QTimer::singleShot(500, window, [window, history, historyFile, rollbackFile, suspendedFile] {
                if (!historyFile.isEmpty() && !window->grab().save(historyFile))
                    qWarning("Could not write the screenshot %s", qPrintable(historyFile));
                if (rollbackFile.isEmpty()) {
                    QCoreApplication::exit(0);
                    return;
                }
                history->rollbackSelected();
                QTimer::singleShot(800, window, [window, history, rollbackFile, suspendedFile] {
                    RollbackDialog *dialog = history->rollbackDialog();
                    if (dialog) {
                        if (auto *check = dialog->findChild<QCheckBox *>(u"suspendAutoSyncCheck"_s))
                            check->setChecked(true);
                        if (auto *reason = dialog->findChild<QLineEdit *>(u"suspendReasonEdit"_s))
                            reason->setText(QCoreApplication::translate(
                                "GuiRunner", "the new login page rejects every session"));
                    }
                    if (!dialog || !dialog->grab().save(rollbackFile))
                        qWarning("Could not write the screenshot %s", qPrintable(rollbackFile));
                    if (suspendedFile.isEmpty() || !dialog) {
                        QCoreApplication::exit(0);
                        return;
                    }
                    QObject::connect(
                        history, &HistoryView::operationFinished, window, [window, suspendedFile] {
                            QTimer::singleShot(1500, window, [window, suspendedFile] {
                                if (!window->grab().save(suspendedFile))
                                    qWarning("Could not write the screenshot %s", qPrintable(suspendedFile));
                                QCoreApplication::exit(0);
                            });
                        });
                    dialog->start();
                });
            });
        });
    QTimer::singleShot(30000, window, [] { QCoreApplication::exit(1); });
}

// The newest build the Builds view would let deploy, once every service answered; calls `then` with its
// run number (or -1 when there is none).
void whenDeployableBuild(MainWindow *window, std::function<void(int)> then)
{
    BuildsView *builds = window->buildsView();
    auto done = std::make_shared<bool>(false);
    QObject::connect(builds, &BuildsView::serviceLoaded, window, [builds, done, then] {
        using Service = BuildsModel::Service;
        if (*done || !builds->isLoaded(Service::GitHub) || !builds->isLoaded(Service::ChartMuseum) ||
            !builds->isLoaded(Service::ArgoCd))
            return;
        *done = true;
        const QList<Build> &all = builds->buildsModel()->builds();
        // Best a build the pipeline still has to publish, so the run goes all the way to the sync.
        auto pick = std::find_if(all.cbegin(), all.cend(), [builds](const Build &build) {
            return build.newerThanLive && build.inRepository == Build::Presence::No &&
                   builds->buildBlocker(build).isEmpty();
        });
        if (pick == all.cend())
            pick = std::find_if(all.cbegin(), all.cend(), [builds](const Build &build) {
                return build.newerThanLive && builds->buildBlocker(build).isEmpty();
            });
        const auto any = std::find_if(all.cbegin(), all.cend(), [builds](const Build &build) {
            return builds->buildBlocker(build).isEmpty();
        });
        then(pick != all.cend() ? pick->run.runNumber : any != all.cend() ? any->run.runNumber : -1);
    });
}

void grabTo(QWidget *widget, const QString &file)
{
    if (!widget->grab().save(file))
        qWarning("Could not write the screenshot %s", qPrintable(file));
}

// A prod deploy of the newest deployable build, pictured once a few steps finished and one runs.
void arrangePipelineScreenshot(MainWindow *window, const QString &file)
{
    PipelineView *view = window->pipelineView();
    auto done = std::make_shared<bool>(false);
    const auto grabAndQuit = [window, file, done](int delayMs) {
        if (*done)
            return;
        *done = true;
        QTimer::singleShot(delayMs, window, [window, file] {
            grabTo(window, file);
            if (PipelineView *pipeline = window->pipelineView(); pipeline->isRunning())
                pipeline->cancelNow();
            QTimer::singleShot(300, window, [] { QCoreApplication::exit(0); });
        });
    };
    PipelineStepsModel *model = view->model();
    QObject::connect(model, &QAbstractItemModel::dataChanged, window, [model, grabAndQuit] {
        bool running = false;
        int succeeded = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const StepResult::Status status = model->resultAt(row).status;
            running = running || status == StepResult::Status::Running;
            succeeded += status == StepResult::Status::Succeeded ? 1 : 0;
        }
        if (running && succeeded >= 3)
            grabAndQuit(600);
    });
    QObject::connect(view, &PipelineView::finished, window, [grabAndQuit] { grabAndQuit(300); });
    whenDeployableBuild(window, [window, grabAndQuit](int run) {
        if (run < 0) {
            qWarning("No deployable build in the sandbox");
            grabAndQuit(0);
            return;
        }
        window->buildsView()->selectRun(run);
        Deployment::Request request;
        request.build = QString::number(run);
        request.env = u"prod"_s;
        request.reason = QCoreApplication::translate("GuiRunner", "weekly release");
        if (!window->startDeployment(request))
            grabAndQuit(300);
    });
    QTimer::singleShot(90000, window, [grabAndQuit] { grabAndQuit(0); });
}

// Rolls the application back to the previous deployment from the History view (suspending auto-sync on
// the record when it is on), then restores auto-sync, accepting both confirmations; calls `then` at the
// end, or when a step cannot be taken.
void rollBackAndRestore(MainWindow *window, const std::function<void()> &then)
{
    HistoryView *history = window->historyView();
    window->showView(history);
    auto done = std::make_shared<bool>(false);
    const auto finish = [done, then] {
        if (*done)
            return;
        *done = true;
        then();
    };
    auto *poll = new QTimer(window);
    poll->setInterval(300);
    QObject::connect(poll, &QTimer::timeout, window, [window, history, poll, finish] {
        const std::optional<ArgoApplication> application = history->application();
        if (!application || application->operationInProgress())
            return;
        poll->deleteLater();
        history->rollbackSelected();
        RollbackDialog *dialog = history->rollbackDialog();
        if (!dialog) {
            finish();
            return;
        }
        if (dialog->requiresSuspension()) {
            if (auto *check = dialog->findChild<QCheckBox *>(u"suspendAutoSyncCheck"_s))
                check->setChecked(true);
            if (auto *reason = dialog->findChild<QLineEdit *>(u"suspendReasonEdit"_s))
                reason->setText(QCoreApplication::translate("GuiRunner", "checkout is broken"));
        }
        QObject::connect(history, &HistoryView::operationFinished, window, [window, history, finish] {
            QObject::connect(history, &HistoryView::autoSyncRestored, window, finish);
            QTimer::singleShot(500, window, [history, finish] {
                history->restoreAutoSync();
                QMessageBox *box = history->confirmationBox();
                QAbstractButton *yes = nullptr;
                for (QAbstractButton *button : box ? box->buttons() : QList<QAbstractButton *>()) {
                    if (box->buttonRole(button) == QMessageBox::AcceptRole)
                        yes = button;
                }
                if (yes)
                    yes->click();
                else
                    finish();
            });
        });
        dialog->start();
    });
    poll->start();
}

// The Journal view after a dev and a prod deploy of the newest deployable build, a rollback with auto-sync
// suspended and auto-sync restored.
void arrangeJournalScreenshot(MainWindow *window, const QString &file)
{
    auto done = std::make_shared<bool>(false);
    const auto grabAndQuit = [window, file, done] {
        if (*done)
            return;
        *done = true;
        JournalView *journal = window->journalView();
        journal->refresh();
        for (int row = 0; row < journal->model()->rowCount(); ++row) { // the newest deploy with its steps
            if (journal->model()->index(row, 0).data(JournalModel::KindRole).toString() == u"deploy"_s) {
                journal->selectRow(row);
                break;
            }
        }
        window->showView(journal);
        QTimer::singleShot(500, window, [window, file] {
            grabTo(window, file);
            QCoreApplication::exit(0);
        });
    };
    whenDeployableBuild(window, [window, grabAndQuit](int run) {
        if (run < 0) {
            grabAndQuit();
            return;
        }
        auto remaining = std::make_shared<QStringList>(QStringList{u"dev"_s, u"prod"_s});
        auto next = std::make_shared<std::function<void()>>();
        *next = [window, run, remaining, grabAndQuit, next] {
            if (remaining->isEmpty()) {
                rollBackAndRestore(window, grabAndQuit);
                return;
            }
            Deployment::Request request;
            request.build = QString::number(run);
            request.env = remaining->takeFirst();
            request.reason = request.env == u"prod"_s
                                 ? QCoreApplication::translate("GuiRunner", "weekly release")
                                 : QString();
            if (!window->startDeployment(request))
                grabAndQuit();
        };
        QObject::connect(window->pipelineView(), &PipelineView::finished, window,
                         [window, next] { QTimer::singleShot(200, window, [next] { (*next)(); }); });
        (*next)();
    });
    QTimer::singleShot(180000, window, [grabAndQuit] { grabAndQuit(); });
}

} // namespace

int GuiRunner::run(const QStringList &arguments)
{
    const GuiOptions options;
    QCommandLineParser parser;
    options.addTo(&parser);
    parser.process(arguments);

    QNetworkAccessManager network;
    std::unique_ptr<Sandbox> sandbox;
    MainWindow::Setup setup;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();

    const bool screenshotRun =
        std::any_of(parser.optionNames().cbegin(), parser.optionNames().cend(),
                    [](const QString &name) { return name.startsWith(u"screenshot"_s); });
    if (parser.isSet(options.sandbox) || parser.isSet(options.sandboxDir) ||
        parser.isSet(options.sandboxReset)) {
        Sandbox::Options sandboxOptions;
        // A screenshot run tells the story from its start in a directory of its own, gone afterwards.
        if (!screenshotRun || parser.isSet(options.sandboxDir)) {
            sandboxOptions.directory = parser.isSet(options.sandboxDir) ? parser.value(options.sandboxDir)
                                                                        : Sandbox::defaultDirectory();
            sandboxOptions.keepState = true;
            sandboxOptions.reset = parser.isSet(options.sandboxReset);
        }
        sandbox = std::make_unique<Sandbox>(sandboxOptions);
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
        const QString explicitPath = parser.value(options.config);
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

    // The sandbox brings its secrets in its environment and never asks the user's keychain.
    const std::unique_ptr<CredentialStore> credentialStore(
        sandbox ? CredentialStore::environmentOnly(environment) : new CredentialStore(environment));
    CredentialStore &credentials = *credentialStore;
    ClientFactory factory(&network, &credentials);
    if (sandbox)
        factory.setCacheDirectory(sandbox->cacheDirectory());
    QSettings settings;
    setup.factory = &factory;
    setup.credentials = &credentials;
    setup.settings = &settings;
    setup.environment = environment;

    // The sandbox names its own journal in its environment, so a sandbox deploy never lands in the real one.
    std::unique_ptr<DeployJournal> journal;
    try {
        journal = std::make_unique<DeployJournal>(JournalLocation::file(environment));
    } catch (const ApiError &error) {
        setup.journalError = error.toString();
    }
    setup.journal = journal.get();
    DesktopNotifier notifier;
    setup.notifier = &notifier;
    setup.connectAfterFirstPaint = true;

    MainWindow window(setup);
    const QString screenshot = parser.value(options.screenshot);
    const QString settingsShot = parser.value(options.settingsShot);
    const bool screenshots = !screenshot.isEmpty() || !settingsShot.isEmpty();
    if (screenshots) {
        window.resize(1360, 820);
        arrangeScreenshots(&window, screenshot, settingsShot, parser.value(options.filter));
        if (auto *tabs = window.findChild<QTabWidget *>(u"detailsTabs"_s))
            tabs->setCurrentIndex(parser.value(options.tab).toInt());
    } else if (parser.isSet(options.diffShot)) {
        window.resize(1360, 820);
        arrangeDiffScreenshot(&window, parser.value(options.diffShot));
    } else if (parser.isSet(options.buildsShot) || parser.isSet(options.deployShot)) {
        window.resize(1360, 820);
        arrangeBuildsScreenshots(&window, parser.value(options.buildsShot), parser.value(options.deployShot));
    } else if (parser.isSet(options.historyShot) || parser.isSet(options.rollbackShot)) {
        window.resize(1360, 820);
        arrangeHistoryScreenshots(&window, parser.value(options.historyShot),
                                  parser.value(options.rollbackShot), parser.value(options.suspendedShot));
    } else if (parser.isSet(options.pipelineShot)) {
        window.resize(1360, 820);
        arrangePipelineScreenshot(&window, parser.value(options.pipelineShot));
    } else if (parser.isSet(options.journalShot)) {
        window.resize(1360, 820);
        arrangeJournalScreenshot(&window, parser.value(options.journalShot));
    } else if (parser.isSet(options.filter)) {
        window.chartsView()->setFilterText(parser.value(options.filter));
    }
    if (parser.isSet(options.benchFirstPaint))
        arrangeFirstPaintReport(&window);
    else if (parser.isSet(options.benchVersions))
        arrangeVersionsReport(&window);
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
