#include <QTest>

// Placeholder until this area's tests land.
class TstSemver : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstSemver)
#include "tst_semver.moc"
