// Measures how long Capstan takes to report an application as Healthy after the server says so: the
// watch stream versus a fixed-interval poll loop. Prints one latency per line and a median.

#include "argocd/ArgoCdServer.h"
#include "argocd/ArgoCdWatcher.h"
#include "net/HttpClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace capstan;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("mode"), QStringLiteral("stream or poll"), QStringLiteral("mode"),
                      QStringLiteral("stream")});
    parser.addOption(
        {QStringLiteral("iterations"), QStringLiteral("samples"), QStringLiteral("n"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("poll-ms"), QStringLiteral("poll interval"), QStringLiteral("ms"),
                      QStringLiteral("5000")});
    parser.process(app);
    const bool stream = parser.value(QStringLiteral("mode")) == QLatin1StringView("stream");
    const int iterations = parser.value(QStringLiteral("iterations")).toInt();
    const int pollMs = parser.value(QStringLiteral("poll-ms")).toInt();

    ArgoCdServer::Options options;
    ArgoCdServer server(options);
    ArgoCdServer::AppSeed seed;
    seed.name = QStringLiteral("bench");
    seed.repoUrl = QStringLiteral("https://charts.example.net");
    seed.chart = QStringLiteral("bench");
    seed.targetRevision = QStringLiteral("1.0.0");
    server.addApplication(seed);
    QString error;
    if (!server.listen(0, &error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }

    QNetworkAccessManager network;
    HttpClient http(&network, server.url(), {});
    http.setAuth({HttpClient::Auth::Scheme::Bearer, {}, server.issueToken(QStringLiteral("admin"))});
    ArgoCdWatcher watcher(&http, QStringLiteral("bench"));
    watcher.setStreamEnabled(stream);
    watcher.setPollInterval(pollMs);

    QList<double> samples;
    QElapsedTimer clock;
    bool waitingForHealthy = false;
    QString wanted;
    QTextStream out(stdout);

    std::function<void()> next;
    QObject::connect(&server, &ArgoCdServer::healthChanged, &app,
                     [&](const QString &, const QString &health) {
                         if (health == QLatin1StringView("Healthy") && wanted == health) {
                             clock.start();
                             waitingForHealthy = true;
                         }
                     });
    QObject::connect(&watcher, &ArgoCdWatcher::applicationChanged, &app,
                     [&](const ArgoApplication &application) {
                         if (application.health != wanted)
                             return;
                         if (wanted == QLatin1StringView("Degraded")) {
                             // Then flip to Healthy after a random pause, so the poll phase is not always the
                             // same.
                             wanted = QStringLiteral("Healthy");
                             QTimer::singleShot(100 + QRandomGenerator::global()->bounded(pollMs), &app, [&] {
                                 server.setHealth(QStringLiteral("bench"), QStringLiteral("Healthy"));
                             });
                             return;
                         }
                         if (!waitingForHealthy)
                             return;
                         waitingForHealthy = false;
                         const double ms = clock.nsecsElapsed() / 1e6;
                         samples.append(ms);
                         out << ms << Qt::endl;
                         if (samples.size() >= iterations) {
                             app.quit();
                             return;
                         }
                         next();
                     });
    next = [&] {
        wanted = QStringLiteral("Degraded");
        server.setHealth(QStringLiteral("bench"), QStringLiteral("Degraded"), QStringLiteral("bench"));
    };
    QTimer::singleShot(0, &app, [&] {
        watcher.start();
        QTimer::singleShot(300, &app, next);
    });
    app.exec();
    watcher.stop();
    std::sort(samples.begin(), samples.end());
    const double median = samples.isEmpty() ? 0
                          : samples.size() % 2
                              ? samples.at(samples.size() / 2)
                              : (samples.at(samples.size() / 2 - 1) + samples.at(samples.size() / 2)) / 2;
    out << "median_ms " << median << Qt::endl;
    return 0;
}
