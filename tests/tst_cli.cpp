#include <QTest>

// Placeholder until this area's tests land.
class TstCli : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
