// The peer of Capstan's first window: the smallest Qt Widgets window, a label in a window of the same
// size. Prints the monotonic clock at its first paint (as `capstan --bench-first-paint` does) and quits.

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace {

// Why: reports the first paint of the window it watches, once that paint has been flushed.
class FirstPaint : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, this, [] {
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
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QLabel window(QStringLiteral("Hello, world"));
    window.resize(1360, 820);
    FirstPaint watch;
    window.installEventFilter(&watch);
    window.show();
    return QApplication::exec();
}
