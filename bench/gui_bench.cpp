// The desktop app against a chart with 10,000 versions, in three measurements:
//   startup  the real capstan binary, started again and again: from the fork to the main window's first
//            paint (`capstan --bench-first-paint`), against the smallest Qt Widgets window (gui_hello),
//            started the same way in the same run;
//   rss      the real capstan binary showing the 10,000 versions (`capstan --bench-versions`): resident
//            memory once the versions and the newest version's details are shown;
//   scroll   the Charts view in this process (ChartsView with its ChartVersionsModel and proxy, a real
//            ChartMuseumClient): the longest gap of a 5 ms timer on the GUI thread while the versions table
//            is scrolled a page at a time from top to bottom, and while a filter is typed into it.
// Prints every sample and the medians.

#include "BenchOutput.h"
#include "ChartsView.h"

#include "chartmuseum/ChartMuseumClient.h"
#include "models/ChartVersionsModel.h"
#include "models/ChartVersionsProxyModel.h"
#include "net/HttpClient.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <functional>

using namespace capstan;
using capstan::bench::median;
using capstan::bench::out;
using namespace Qt::Literals::StringLiterals;

namespace {

qint64 monotonicNs()
{
    return std::chrono::nanoseconds(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// The value after `key` on the first line of `text` that starts with it.
QString field(const QByteArray &text, const QString &key)
{
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> words = line.simplified().split(' ');
        if (words.size() >= 2 && QString::fromUtf8(words.at(0)) == key)
            return QString::fromUtf8(words.at(1));
    }
    return {};
}

// Runs `program` with a fresh XDG home; its standard output, or an empty array when it failed.
QByteArray runChild(const QString &program, const QStringList &arguments, int timeoutMs, qint64 *startNs,
                    qint64 *pid = nullptr)
{
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name :
         {u"XDG_CONFIG_HOME"_s, u"XDG_CACHE_HOME"_s, u"XDG_STATE_HOME"_s, u"XDG_DATA_HOME"_s}) {
        environment.insert(name, home.path() + u'/' + name);
    }
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    *startNs = monotonicNs();
    process.start(program, arguments);
    if (pid)
        *pid = process.processId();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        QTextStream(stderr) << program << " did not finish in time\n";
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QTextStream(stderr) << program << " failed with " << process.exitCode() << '\n';
        return {};
    }
    return process.readAllStandardOutput();
}

// Milliseconds from the start of the process to its first paint, and its CPU time (all threads) by then.
std::pair<double, double> firstPaintMs(const QString &program, const QStringList &arguments)
{
    qint64 start = 0;
    const QByteArray output = runChild(program, arguments, 30000, &start);
    bool ok = false;
    const qint64 painted = field(output, u"first_paint_monotonic_ns"_s).toLongLong(&ok);
    const double cpu = field(output, u"first_paint_cpu_ms"_s).toDouble();
    return {ok ? double(painted - start) / 1e6 : -1, cpu};
}

int startup(const QString &capstan, const QString &hello, const QString &config, int iterations)
{
    const QStringList capstanArguments{u"--config"_s, config, u"--bench-first-paint"_s};
    // One of each first: the page cache then holds both binaries and the Qt libraries.
    (void)firstPaintMs(capstan, capstanArguments);
    (void)firstPaintMs(hello, {});
    QList<double> ours;
    QList<double> peer;
    QList<double> ourCpu;
    QList<double> peerCpu;
    for (int i = 0; i < iterations; ++i) {
        const auto [a, aCpu] = firstPaintMs(capstan, capstanArguments);
        const auto [b, bCpu] = firstPaintMs(hello, {});
        if (a < 0 || b < 0)
            return 1;
        ours.append(a);
        peer.append(b);
        ourCpu.append(aCpu);
        peerCpu.append(bCpu);
        out() << "capstan_first_paint_ms " << a << " (cpu " << aCpu << ") hello_first_paint_ms " << b
              << " (cpu " << bCpu << ")\n";
    }
    out() << "capstan_first_paint_median_ms " << median(ours) << '\n';
    out() << "hello_first_paint_median_ms " << median(peer) << '\n';
    out() << "capstan/hello " << median(ours) / median(peer) << '\n';
    out() << "capstan_first_paint_cpu_median_ms " << median(ourCpu) << '\n';
    out() << "hello_first_paint_cpu_median_ms " << median(peerCpu) << '\n';
    return 0;
}

int rss(const QString &capstan, const QString &config, int iterations)
{
    QList<double> rssMb;
    QList<double> peakMb;
    for (int i = 0; i < iterations; ++i) {
        qint64 start = 0;
        const QByteArray output =
            runChild(capstan, {u"--config"_s, config, u"--bench-versions"_s}, 120000, &start);
        const int shown = field(output, u"versions_shown"_s).toInt();
        const double resident = field(output, u"rss_kb"_s).toDouble() / 1024;
        const double peak = field(output, u"hwm_kb"_s).toDouble() / 1024;
        if (shown <= 0 || resident <= 0)
            return 1;
        rssMb.append(resident);
        peakMb.append(peak);
        out() << "versions_shown " << shown << " rss_mb " << resident << " peak_mb " << peak << '\n';
    }
    out() << "rss_median_mb " << median(rssMb) << '\n';
    out() << "peak_median_mb " << median(peakMb) << '\n';
    return 0;
}

// Every gap between the ticks of a 5 ms timer while `work` runs; `work` calls its argument when done.
struct Gaps
{
    double max = 0;
    double p99 = 0;
};

Gaps watchGaps(const std::function<void(std::function<void()>)> &work)
{
    QList<double> gaps;
    QTimer ticker;
    QElapsedTimer sinceTick;
    ticker.setInterval(5);
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        gaps.append(double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
    });
    QEventLoop loop;
    sinceTick.start();
    ticker.start();
    work([&loop] {
        // What the last step left to do (a debounced filter, a repaint) counts too.
        QTimer::singleShot(400, &loop, &QEventLoop::quit);
    });
    loop.exec();
    gaps.append(double(sinceTick.nsecsElapsed()) / 1e6);
    std::sort(gaps.begin(), gaps.end());
    return {gaps.last(), gaps.at(std::min(gaps.size() - 1, qsizetype(double(gaps.size()) * 0.99)))};
}

// Runs `steps` one after another, `intervalMs` apart, then calls `done`.
void paced(const QList<std::function<void()>> &steps, int intervalMs, const std::function<void()> &done)
{
    auto *timer = new QTimer;
    timer->setInterval(intervalMs);
    auto next = std::make_shared<qsizetype>(0);
    QObject::connect(timer, &QTimer::timeout, [timer, steps, next, done] {
        if (*next >= steps.size()) {
            timer->deleteLater();
            done();
            return;
        }
        steps.at((*next)++)();
    });
    timer->start();
}

int scroll(const QUrl &url, int iterations)
{
    QNetworkAccessManager network;
    HttpClient http(&network, url, {});
    ChartMuseumClient client(&http);
    ChartsView view;
    view.resize(1360, 820);
    view.show();
    auto *table = view.findChild<QTableView *>(u"versionTable"_s);
    auto *filter = view.findChild<QLineEdit *>(u"filterEdit"_s);
    if (!table || !filter)
        return 1;

    QElapsedTimer loadClock;
    loadClock.start();
    double loadMs = 0;
    const Gaps load = watchGaps([&](const std::function<void()> &done) {
        QObject::connect(&view, &ChartsView::detailsLoaded, &view, [&loadMs, &loadClock, done] {
            loadMs = double(loadClock.nsecsElapsed()) / 1e6;
            done();
        });
        QObject::connect(&view, &ChartsView::loadFailed, &view, [done](const QString &message) {
            QTextStream(stderr) << message << '\n';
            done();
        });
        view.setClient(&client);
    });
    const int rows = view.versionsModel()->rowCount();
    out() << "versions " << rows << " load_ms " << loadMs << " load_max_gap_ms " << load.max << '\n';
    if (rows == 0)
        return 1;

    // Keys typed at a brisk 8 per second: a substring, erased, then a range, erased.
    QList<std::function<void()>> keys;
    const auto typeText = [&keys, filter](const QString &text) {
        for (const QChar c : text)
            keys.append([filter, c] { QTest::keyClicks(filter, QString(c)); });
        for (qsizetype i = 0; i < text.size(); ++i)
            keys.append([filter] { QTest::keyClick(filter, Qt::Key_Backspace); });
    };
    typeText(u"0-99"_s);
    typeText(u">=1.0.0-5000"_s);

    QList<double> scrollMax;
    QList<double> scrollP99;
    QList<double> filterMax;
    QList<double> filterP99;
    QScrollBar *bar = table->verticalScrollBar();
    for (int i = 0; i < iterations; ++i) {
        bar->setValue(0);
        QCoreApplication::processEvents();
        const Gaps scrolled = watchGaps([&](const std::function<void()> &done) {
            auto *timer = new QTimer;
            timer->setInterval(16); // one page per frame at 60 Hz
            QObject::connect(timer, &QTimer::timeout, [timer, bar, done] {
                if (bar->value() >= bar->maximum()) {
                    timer->deleteLater();
                    done();
                    return;
                }
                bar->setValue(bar->value() + bar->pageStep());
            });
            timer->start();
        });
        filter->setFocus();
        const Gaps filtered = watchGaps([&](const std::function<void()> &done) { paced(keys, 125, done); });
        scrollMax.append(scrolled.max);
        scrollP99.append(scrolled.p99);
        filterMax.append(filtered.max);
        filterP99.append(filtered.p99);
        out() << "scroll_max_gap_ms " << scrolled.max << " p99 " << scrolled.p99 << " filter_max_gap_ms "
              << filtered.max << " p99 " << filtered.p99 << '\n';
    }
    out() << "scroll_max_gap_median_ms " << median(scrollMax) << '\n';
    out() << "scroll_p99_gap_median_ms " << median(scrollP99) << '\n';
    out() << "filter_max_gap_median_ms " << median(filterMax) << '\n';
    out() << "filter_p99_gap_median_ms " << median(filterP99) << '\n';
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"mode"_s, u"startup, rss or scroll"_s, u"mode"_s, u"scroll"_s});
    parser.addOption({u"capstan"_s, u"the capstan binary (startup, rss)"_s, u"file"_s});
    parser.addOption({u"hello"_s, u"the peer window's binary (startup)"_s, u"file"_s});
    parser.addOption({u"config"_s, u"capstan.yaml naming the server (startup, rss)"_s, u"file"_s});
    parser.addOption({u"url"_s, u"the ChartMuseum server (scroll)"_s, u"url"_s});
    parser.addOption({u"iterations"_s, u"samples"_s, u"n"_s, u"5"_s});
    parser.process(app);
    const QString mode = parser.value(u"mode"_s);
    const int iterations = std::max(1, parser.value(u"iterations"_s).toInt());
    if (mode == u"startup"_s)
        return startup(parser.value(u"capstan"_s), parser.value(u"hello"_s), parser.value(u"config"_s),
                       iterations);
    if (mode == u"rss"_s)
        return rss(parser.value(u"capstan"_s), parser.value(u"config"_s), iterations);
    if (mode == u"scroll"_s)
        return scroll(QUrl(parser.value(u"url"_s)), iterations);
    QTextStream(stderr) << "unknown mode " << mode << '\n';
    return 2;
}
