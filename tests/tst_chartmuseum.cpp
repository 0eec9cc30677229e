#include <QTest>

// Placeholder until this area's tests land.
class TstChartmuseum : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstChartmuseum)
#include "tst_chartmuseum.moc"
