// Measures the Builds view's refresh over 1,000 CI runs: a cold load (empty ETag cache) against warm
// refreshes (every page answered 304), each until the table has been painted. Prints the rate-limit cost
// of each, the medians and their ratio.

#include "BenchOutput.h"
#include "github/EtagCache.h"
#include "github/GitHubClient.h"
#include "github/GitHubServer.h"
#include "models/BuildsModel.h"
#include "net/HttpClient.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QNetworkAccessManager>
#include <QTableView>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <ctime>

using namespace capstan;
using capstan::bench::median;

namespace {

// CPU time of the calling thread: the GUI thread's own work, whatever else runs on the machine.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("CI runs to list"), QStringLiteral("n"),
                      QStringLiteral("1000")});
    parser.addOption({QStringLiteral("iterations"), QStringLiteral("samples of each"), QStringLiteral("n"),
                      QStringLiteral("7")});
    parser.process(app);
    const int runCount = parser.value(QStringLiteral("runs")).toInt();
    const int iterations = parser.value(QStringLiteral("iterations")).toInt();
    QTextStream out(stdout);

    GitHubServer::Options options;
    options.token = QStringLiteral("ghp_benchmarktoken");
    options.rateLimit = 5000;
    // The server stands for github.com: it runs on a thread of its own, so its work is not counted as
    // Capstan's. It is left to the end of the process.
    auto *serverObject = new GitHubServer(options);
    GitHubServer &server = *serverObject;
    QString error;
    if (!server.listen(0, &error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-runCount);
    QList<GitHubServer::CommitSeed> commits;
    for (int i = 0; i < runCount; ++i) {
        GitHubServer::CommitSeed commit;
        commit.message = QStringLiteral("Change number %1\n\nWith a body.").arg(i + 1);
        commit.authorName = QStringLiteral("Author %1").arg(i % 7);
        commit.authorLogin = QStringLiteral("author%1").arg(i % 7);
        commit.time = start.addSecs(qint64(i) * 3600);
        commits.append(commit);
    }
    const QStringList shas = server.addCommits(commits);
    for (int i = 0; i < runCount; ++i) {
        GitHubServer::RunSeed run;
        run.runNumber = i + 1;
        run.headSha = shas.at(i);
        run.conclusion = i % 9 == 4 ? QStringLiteral("failure") : QStringLiteral("success");
        run.createdAt = start.addSecs(qint64(i) * 3600 + 60);
        server.addRun(run);
    }

    QThread serverThread;
    server.moveToThread(&serverThread);
    serverThread.start();
    const auto remaining = [&server] {
        int value = 0;
        QMetaObject::invokeMethod(
            &server, [&] { value = server.rateLimitRemaining(); }, Qt::BlockingQueuedConnection);
        return value;
    };

    QNetworkAccessManager network;
    HttpClient http(&network, server.url(), {});
    http.setAuth({HttpClient::Auth::Scheme::Bearer, {}, options.token});
    EtagCache cache;
    GitHubClient::Options clientOptions;
    clientOptions.repo = options.repo;
    clientOptions.workflow = options.workflowFile;
    GitHubClient client(&http, clientOptions, &cache);

    BuildsModel model;
    QTableView view;
    view.setModel(&model);
    view.horizontalHeader()->setStretchLastSection(true);
    view.resize(1300, 800);
    view.show();

    QList<double> listedMs;
    double lastCpuMs = 0;
    // One refresh: list the runs, hand them to the model, paint the table.
    const auto refresh = [&]() -> double {
        QElapsedTimer clock;
        clock.start();
        const double cpuBefore = threadCpuMs();
        QEventLoop loop;
        bool ok = false;
        client.runs(runCount)
            .then(&loop,
                  [&](const QList<WorkflowRun> &runs) {
                      listedMs.append(double(clock.nsecsElapsed()) / 1e6);
                      model.setRuns(runs);
                      view.grab();
                      ok = runs.size() == runCount;
                      loop.quit();
                  })
            .onFailed(&loop, [&](const ApiError &failure) {
                QTextStream(stderr) << failure.toString() << '\n';
                loop.quit();
            });
        loop.exec();
        lastCpuMs = threadCpuMs() - cpuBefore;
        return ok ? double(clock.nsecsElapsed()) / 1e6 : -1;
    };

    QList<double> cold;
    QList<double> warm;
    QList<double> warmCpu;
    int coldCost = 0;
    int warmCost = 0;
    for (int i = 0; i < iterations; ++i) {
        cache.clear();
        model.setRuns({});
        const int before = remaining();
        const double coldMs = refresh();
        coldCost += before - remaining();
        const int beforeWarm = remaining();
        const double warmMs = refresh();
        warmCpu.append(lastCpuMs);
        warmCost += beforeWarm - remaining();
        if (coldMs < 0 || warmMs < 0)
            return 1;
        cold.append(coldMs);
        warm.append(warmMs);
        out << "cold_ms " << coldMs << " warm_ms " << warmMs << " (listed after "
            << listedMs.value(listedMs.size() - 2) << " / " << listedMs.value(listedMs.size() - 1) << ")\n";
    }
    out << "runs " << runCount << '\n';
    out << "cold_rate_limit_per_refresh " << coldCost / iterations << '\n';
    out << "warm_rate_limit_per_refresh " << warmCost / iterations << '\n';
    int notModified = 0;
    QMetaObject::invokeMethod(
        &server, [&] { notModified = server.notModifiedCount(); }, Qt::BlockingQueuedConnection);
    out << "not_modified_total " << notModified << '\n';
    out << "cold_median_ms " << median(cold) << '\n';
    out << "warm_median_ms " << median(warm) << '\n';
    out << "cold/warm " << median(cold) / median(warm) << '\n';
    out << "warm_gui_thread_cpu_median_ms " << median(warmCpu) << '\n';
    serverThread.quit();
    serverThread.wait();
    return 0;
}
