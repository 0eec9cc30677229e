#include <QTest>

// Placeholder until this area's tests land.
class TstModels : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstModels)
#include "tst_models.moc"
