#include <QTest>

// Why: placeholder until the tests of this area land.
class TstArgocd : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstArgocd)
#include "tst_argocd.moc"
