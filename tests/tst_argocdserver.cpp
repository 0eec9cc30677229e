#include <QTest>

// Why: placeholder until the tests of this area land.
class TstArgocdserver : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstArgocdserver)
#include "tst_argocdserver.moc"
