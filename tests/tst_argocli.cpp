#include <QTest>

// Why: placeholder until the tests of this area land.
class TstArgocli : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstArgocli)
#include "tst_argocli.moc"
