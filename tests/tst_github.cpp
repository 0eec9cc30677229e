#include <QTest>

// Why: placeholder until the tests of this area land.
class TstGithub : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstGithub)
#include "tst_github.moc"
