#include "chart/SemVer.h"
#include "chart/SemVerConstraint.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

// Why: version parsing, precedence and ranges must agree with Helm/ChartMuseum (Masterminds semver v3).
class TstSemver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void precedence_data();
    void precedence();
    void sortOrder();
    void compareStrings_data();
    void compareStrings();
    void constraint_data();
    void constraint();
    void improperConstraint_data();
    void improperConstraint();
};

void TstSemver::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<quint64>("major");
    QTest::addColumn<quint64>("minor");
    QTest::addColumn<quint64>("patch");
    QTest::addColumn<QString>("prerelease");
    QTest::addColumn<QString>("metadata");
    QTest::addColumn<QString>("canonical");

    // The "accepted" column of chartmuseum.md §3.2 item 6, plus a few more coercions.
    QTest::newRow("major only") << u"1"_s << 1ull << 0ull << 0ull << QString() << QString() << u"1.0.0"_s;
    QTest::newRow("major.minor") << u"1.0"_s << 1ull << 0ull << 0ull << QString() << QString() << u"1.0.0"_s;
    QTest::newRow("v prefix") << u"v1.2.3"_s << 1ull << 2ull << 3ull << QString() << QString() << u"1.2.3"_s;
    QTest::newRow("leading zero core")
        << u"01.2.3"_s << 1ull << 2ull << 3ull << QString() << QString() << u"1.2.3"_s;
    QTest::newRow("prerelease") << u"1.2.3-rc.1"_s << 1ull << 2ull << 3ull << u"rc.1"_s << QString()
                                << u"1.2.3-rc.1"_s;
    QTest::newRow("metadata leading zero")
        << u"1.2.3+build.01"_s << 1ull << 2ull << 3ull << QString() << u"build.01"_s << u"1.2.3+build.01"_s;
    QTest::newRow("ci build number") << u"1.0.0-42"_s << 1ull << 0ull << 0ull << u"42"_s << QString()
                                     << u"1.0.0-42"_s;
    QTest::newRow("both") << u"1.2.3-rc.1+b.7"_s << 1ull << 2ull << 3ull << u"rc.1"_s << u"b.7"_s
                          << u"1.2.3-rc.1+b.7"_s;
    QTest::newRow("prerelease on major")
        << u"2-alpha"_s << 2ull << 0ull << 0ull << u"alpha"_s << QString() << u"2.0.0-alpha"_s;
    QTest::newRow("hyphen identifier")
        << u"1.0.0-x-y.0a"_s << 1ull << 0ull << 0ull << u"x-y.0a"_s << QString() << u"1.0.0-x-y.0a"_s;
    QTest::newRow("max uint64") << u"18446744073709551615.0.0"_s << 18446744073709551615ull << 0ull << 0ull
                                << QString() << QString() << u"18446744073709551615.0.0"_s;
}

void TstSemver::parse()
{
    QFETCH(QString, text);
    QFETCH(quint64, major);
    QFETCH(quint64, minor);
    QFETCH(quint64, patch);
    QFETCH(QString, prerelease);
    QFETCH(QString, metadata);
    QFETCH(QString, canonical);

    const auto v = SemVer::parse(text);
    QVERIFY2(v.has_value(), qPrintable(text));
    QCOMPARE(v->major(), major);
    QCOMPARE(v->minor(), minor);
    QCOMPARE(v->patch(), patch);
    QCOMPARE(v->prerelease().join(u'.'), prerelease);
    QCOMPARE(v->isPrerelease(), !prerelease.isEmpty());
    QCOMPARE(v->metadata(), metadata);
    QCOMPARE(v->original(), text);
    QCOMPARE(v->toString(), canonical);
}

void TstSemver::parseRejects_data()
{
    QTest::addColumn<QString>("text");
    // The "rejected" column of chartmuseum.md §3.2 item 6, plus neighbours.
    QTest::newRow("four segments") << u"1.2.3.4"_s;
    QTest::newRow("empty prerelease") << u"1.2.3-"_s;
    QTest::newRow("prerelease leading zero") << u"1.2.3-01"_s;
    QTest::newRow("prerelease part leading zero") << u"1.2.3-rc.01"_s;
    QTest::newRow("underscore") << u"1.2.3-rc_1"_s;
    QTest::newRow("non-ascii") << u"1.2.3-\u00e4"_s;
    QTest::newRow("two plus") << u"1.2.3+b+c"_s;
    QTest::newRow("empty identifier") << u"1.2.3-x..y"_s;
    QTest::newRow("segment over 2^64") << u"18446744073709551616.0.0"_s;
    QTest::newRow("patch over 2^64") << u"1.0.99999999999999999999"_s;
    QTest::newRow("latest") << u"latest"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("only v") << u"v"_s;
    QTest::newRow("capital V") << u"V1.2.3"_s;
    QTest::newRow("trailing dot") << u"1.2."_s;
    QTest::newRow("leading space") << u" 1.2.3"_s;
    QTest::newRow("empty metadata") << u"1.2.3+"_s;
    QTest::newRow("wildcard") << u"1.2.x"_s;
}

void TstSemver::parseRejects()
{
    QFETCH(QString, text);
    QVERIFY2(!SemVer::parse(text).has_value(), qPrintable(text));
}

void TstSemver::precedence_data()
{
    QTest::addColumn<QString>("lower");
    QTest::addColumn<QString>("higher");
    QTest::newRow("numeric prerelease") << u"1.0.0-2"_s << u"1.0.0-10"_s;
    QTest::newRow("prerelease below release") << u"1.0.0-10"_s << u"1.0.0"_s;
    QTest::newRow("rc below release") << u"1.0.0-rc.1"_s << u"1.0.0"_s;
    QTest::newRow("beta.11 below rc.1") << u"1.0.0-beta.11"_s << u"1.0.0-rc.1"_s;
    QTest::newRow("beta.2 below beta.11") << u"1.0.0-beta.2"_s << u"1.0.0-beta.11"_s;
    QTest::newRow("alpha below beta.2") << u"1.0.0-alpha"_s << u"1.0.0-beta.2"_s;
    QTest::newRow("shorter prerelease first") << u"1.0.0-alpha"_s << u"1.0.0-alpha.1"_s;
    QTest::newRow("number below string") << u"1.0.0-alpha.1"_s << u"1.0.0-alpha.beta"_s;
    QTest::newRow("0.10.0 below prerelease of 1.0.0") << u"0.10.0"_s << u"1.0.0-alpha"_s;
    QTest::newRow("0.9.1 below 0.10.0") << u"0.9.1"_s << u"0.10.0"_s;
    QTest::newRow("minor") << u"1.9.9"_s << u"1.10.0"_s;
    QTest::newRow("major") << u"9.9.9"_s << u"10.0.0"_s;
    QTest::newRow("uppercase before lowercase") << u"1.0.0-Z"_s << u"1.0.0-a"_s;
}

void TstSemver::precedence()
{
    QFETCH(QString, lower);
    QFETCH(QString, higher);
    const auto l = SemVer::parse(lower);
    const auto h = SemVer::parse(higher);
    QVERIFY(l && h);
    QVERIFY(*l < *h);
    QVERIFY(*h > *l);
    QVERIFY(!(*l == *h));
    QVERIFY(SemVer::compareStrings(lower, higher) < 0);
    QVERIFY(SemVer::compareStrings(higher, lower) > 0);
}

void TstSemver::sortOrder()
{
    // The order from chartmuseum.md §1.7, plus CI build numbers; shuffled, then sorted descending.
    const QStringList expected = {u"1.0.0"_s,       u"1.0.0-rc.1"_s, u"1.0.0-beta.11"_s, u"1.0.0-beta.2"_s,
                                  u"1.0.0-alpha"_s, u"1.0.0-10"_s,   u"1.0.0-2"_s,       u"1.0.0-1"_s,
                                  u"0.10.0"_s,      u"0.9.1"_s};
    QStringList shuffled = expected;
    std::shuffle(shuffled.begin(), shuffled.end(), *QRandomGenerator::global());
    std::sort(shuffled.begin(), shuffled.end(),
              [](const QString &a, const QString &b) { return SemVer::compareStrings(a, b) > 0; });
    QCOMPARE(shuffled, expected);
}

void TstSemver::compareStrings_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("sign");
    QTest::newRow("build metadata ignored") << u"1.0.0+a"_s << u"1.0.0+b"_s << 0;
    QTest::newRow("coerced equals canonical") << u"1.0"_s << u"1.0.0"_s << 0;
    QTest::newRow("v prefix equal") << u"v2.0.0"_s << u"2.0.0"_s << 0;
    QTest::newRow("invalid after valid") << u"latest"_s << u"0.0.1"_s << 1;
    QTest::newRow("valid before invalid") << u"99.0.0"_s << u"nightly"_s << -1;
    QTest::newRow("invalid by text") << u"abc"_s << u"abd"_s << -1;
    QTest::newRow("same invalid") << u"abc"_s << u"abc"_s << 0;
}

void TstSemver::compareStrings()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, sign);
    const int c = SemVer::compareStrings(a, b);
    QCOMPARE((c > 0) - (c < 0), sign);
    const int r = SemVer::compareStrings(b, a);
    QCOMPARE((r > 0) - (r < 0), -sign);
}

void TstSemver::constraint_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("matches");

    const auto row = [](const char *range, const char *version, bool matches) {
        QTest::addRow("%s | %s", range, version)
            << QString::fromUtf8(range) << QString::fromUtf8(version) << matches;
    };
    row("*", "1.2.3", true);
    row("*", "0.0.1", true);
    row("*", "1.0.0-1", false); // latest never picks a prerelease
    row("x", "3.4.5", true);
    row("1.2.x", "1.2.9", true);
    row("1.2.x", "1.3.0", false);
    row("1.x", "1.9.0", true);
    row("1.x", "2.0.0", false);
    row("1.2", "1.2.7", true); // a partial version is a wildcard: /api/charts/x/0.1
    row("1.2", "1.3.0", false);
    row("1.2.3", "1.2.3", true);
    row("1.2.3", "1.2.4", false);
    row("=1.2.3", "1.2.3+build", true);
    row("v1.2.3", "1.2.3", true);
    row("!=1.2.3", "1.2.4", true);
    row("!=1.2.3", "1.2.3", false);
    row("!=1.2.x", "1.2.5", false);
    row("!=1.2.x", "1.3.0", true);
    row("~1.2", "1.2.0", true);
    row("~1.2", "1.2.9", true);
    row("~1.2", "1.3.0", false);
    row("~1.2", "1.1.9", false);
    row("~1.2.3", "1.2.9", true);
    row("~1.2.3", "1.2.2", false);
    row("~1", "1.9.9", true);
    row("~1", "2.0.0", false);
    row("~>1.2", "1.2.5", true);
    row("~>1.2", "1.3.0", false);
    row("^1.2", "1.9.0", true);
    row("^1.2", "2.0.0", false);
    row("^1.2", "1.1.0", false);
    row("^0.2.3", "0.2.9", true);
    row("^0.2.3", "0.3.0", false);
    row("^0.0.3", "0.0.3", true);
    row("^0.0.3", "0.0.4", false);
    row("^0", "0.9.0", true);
    row("^0", "1.0.0", false);
    row(">=1.0.0 <2.0.0", "1.5.0", true);
    row(">=1.0.0 <2.0.0", "2.0.0", false);
    row(">=1.0.0 <2.0.0", "0.9.0", false);
    row(">=1, <2", "1.99.0", true);
    row(">=1, <2", "2.0.0", false);
    row(">= 1.0.0 , < 2", "1.0.0", true);
    row(">1.2", "1.2.9", false); // >1.2 means >=1.3
    row(">1.2", "1.3.0", true);
    row(">1", "1.9.0", false);
    row(">1", "2.0.0", true);
    row(">1.2.3", "1.2.4", true);
    row("<1.2.3", "1.2.2", true);
    row("<1.2.3", "1.2.3", false);
    row("<=1.2", "1.2.9", true);
    row("<=1.2", "1.3.0", false);
    row("<=1.2.3", "1.2.3", true);
    row("=>1.2.3", "1.2.3", true);
    row("=<1.2.3", "1.2.4", false);
    row("1.0.0 - 2.0.0", "1.5.0", true);
    row("1.0.0 - 2.0.0", "2.0.0", true);
    row("1.0.0 - 2.0.0", "2.0.1", false);
    row("1.0.0 - 2.0.0", "0.9.9", false);
    row("1.0.0-0 - 1.0.0-999", "1.0.0-42", true);
    row("1.0.0-0 - 1.0.0-999", "1.0.0-1000", false);
    row("1.0.0-0 - 1.0.0-999", "1.0.0", false);
    row("1.0.0 - 2.0.0", "1.5.0-1", false);
    row("<1.0 || >=3.0", "0.5.0", true);
    row("<1.0 || >=3.0", "2.0.0", false);
    row("<1.0 || >=3.0", "3.1.0", true);
    row("1.2.3 || 2.x", "2.5.0", true);
    row(">=1.0.0-40", "1.0.0-41", true); // the group names a prerelease
    row(">=1.0.0-40", "1.0.0-39", false);
    row(">=1.0.0-40", "1.0.0", true);
    row(">=1.0.0-40", "1.1.0-1", true); // Masterminds v3: not limited to the same major.minor.patch
    row("~1.0.0-0", "1.0.0-42", true);
    row("~1.0.0-0", "1.1.0", false);
    row("^1.0.0", "1.5.0-rc.1", false);
    row(">=1.0.0 <2.0.0-0", "1.5.0-rc.1", true); // another comparison in the group names one
    row(">=1.0.0-0 || >=5.0.0", "1.0.0-3", true);
    row(">=5.0.0 || >=1.0.0-0", "5.0.0-3", true);
    row("<2.0.0 || ^3.0.0-0", "1.9.0-rc.1", false); // not in the group that names it
}

void TstSemver::constraint()
{
    QFETCH(QString, range);
    QFETCH(QString, version);
    QFETCH(bool, matches);
    QString error;
    const auto c = SemVerConstraint::parse(range, &error);
    QVERIFY2(c.has_value(), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(c->toString(), range);
    const auto v = SemVer::parse(version);
    QVERIFY(v.has_value());
    QCOMPARE(c->matches(*v), matches);
}

void TstSemver::improperConstraint_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("error");
    QTest::newRow("word") << u"latest"_s << u"improper constraint: latest"_s;
    QTest::newRow("empty") << QString() << u"improper constraint: "_s;
    QTest::newRow("double operator") << u">>1.0"_s << u"improper constraint: >>1.0"_s;
    QTest::newRow("empty alternative") << u"1.0 ||"_s << u"improper constraint: "_s;
    QTest::newRow("bad second alternative") << u"1.0 || foo"_s << u"improper constraint:  foo"_s;
    QTest::newRow("trailing comma") << u">=1.0,"_s << u"improper constraint: >=1.0,"_s;
    QTest::newRow("four segments") << u"1.2.3.4"_s << u"improper constraint: 1.2.3.4"_s;
    QTest::newRow("pipe inside number") << u"1|2"_s << u"improper constraint: 1|2"_s;
    QTest::newRow("overflow") << u">=99999999999999999999"_s
                              << u"improper constraint: >=99999999999999999999"_s;
}

void TstSemver::improperConstraint()
{
    QFETCH(QString, range);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!SemVerConstraint::parse(range, &actual).has_value());
    QCOMPARE(actual, error);
    QVERIFY(!SemVerConstraint::parse(range).has_value()); // no error pointer is fine too
}

QTEST_GUILESS_MAIN(TstSemver)
#include "tst_semver.moc"
