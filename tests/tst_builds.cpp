#include <QTest>

// Why: placeholder until the tests of this area land.
class TstBuilds : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstBuilds)
#include "tst_builds.moc"
