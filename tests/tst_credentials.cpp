#include <QTest>

// Placeholder until this area's tests land.
class TstCredentials : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstCredentials)
#include "tst_credentials.moc"
