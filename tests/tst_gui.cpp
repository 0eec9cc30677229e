#include <QTest>

// Placeholder until this area's tests land.
class TstGui : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstGui)
#include "tst_gui.moc"
