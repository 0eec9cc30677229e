#include <QTest>

// Placeholder until this area's tests land.
class TstConfig : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstConfig)
#include "tst_config.moc"
