#include <QTest>

// Placeholder until this area's tests land.
class TstChartarchive : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstChartarchive)
#include "tst_chartarchive.moc"
