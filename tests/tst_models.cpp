#include "models/ChartListModel.h"
#include "models/ChartVersionsModel.h"
#include "models/ChartVersionsProxyModel.h"

#include "chart/SemVer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <ctime>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

ChartVersion makeVersion(const QString &version, const QString &appVersion = u"1.16.0"_s,
                         qint64 createdSecs = 0, const QString &digest = {})
{
    ChartVersion v;
    v.metadata.apiVersion = u"v2"_s;
    v.metadata.name = u"demo"_s;
    v.metadata.version = version;
    v.metadata.appVersion = appVersion;
    v.metadata.description = u"A demo chart"_s;
    v.urls = {u"charts/demo-%1.tgz"_s.arg(version)};
    v.created = QDateTime::fromSecsSinceEpoch(1700000000 + createdSecs, QTimeZone::utc());
    v.digest = digest.isEmpty()
                   ? QString::fromLatin1(QByteArray::number(qHash(version), 16).rightJustified(64, '0'))
                   : digest;
    return v;
}

QStringList proxyColumn(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, column).data().toString());
    return out;
}

// Versions as ChartMuseum would hold them for a CI chart: prereleases with build numbers, a few releases.
QList<ChartVersion> ciVersions()
{
    return {makeVersion(u"1.0.0-2"_s, u"a2"_s, 20), makeVersion(u"1.0.0-10"_s, u"a10"_s, 100),
            makeVersion(u"0.9.0"_s, u"old"_s, 0),   makeVersion(u"1.0.0"_s, u"rel"_s, 200),
            makeVersion(u"1.0.0-9"_s, u"a9"_s, 90), makeVersion(u"1.1.0-1"_s, u"b1"_s, 300),
            makeVersion(u"0.10.0"_s, u"mid"_s, 10)};
}

} // namespace

// Why: the views trust these models for order, filtering and display; they must also pass the model tester.
class TstModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void versionsModelDisplay();
    void versionsModelRoles();
    void versionsModelResets();
    void versionsModelTester();

    void proxySortsBySemVer();
    void proxySortsOtherColumns_data();
    void proxySortsOtherColumns();
    void proxyFilter_data();
    void proxyFilter();
    void proxyTesterWhileChanging();
    void proxyOrderIsSemVerOrder_data();
    void proxyOrderIsSemVerOrder();
    void proxyFilterIsOneLayoutChange();

    void chartListModel();
    void chartListModelTester();
};

void TstModels::initTestCase()
{
    // Display of "created" is local time: pin the zone so expected strings are exact.
    qputenv("TZ", "UTC");
    tzset();
}

void TstModels::versionsModelDisplay()
{
    ChartVersionsModel model;
    const QString digest = u"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"_s;
    ChartVersion v = makeVersion(u"1.0.0-42"_s, u"2.5"_s, 0, digest);
    v.created = QDateTime(QDate(2024, 3, 5), QTime(7, 8, 9), QTimeZone::utc());
    model.setVersions({v});

    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(ChartVersionsModel::ColumnCount));
    QCOMPARE(model.index(0, ChartVersionsModel::Name).data().toString(), u"demo"_s);
    QCOMPARE(model.index(0, ChartVersionsModel::Version).data().toString(), u"1.0.0-42"_s);
    QCOMPARE(model.index(0, ChartVersionsModel::AppVersion).data().toString(), u"2.5"_s);
    QCOMPARE(model.index(0, ChartVersionsModel::Created).data().toString(), u"2024-03-05 07:08"_s);
    QCOMPARE(model.index(0, ChartVersionsModel::Digest).data().toString(), u"0123456789ab"_s);
    QCOMPARE(model.index(0, ChartVersionsModel::Digest).data(Qt::ToolTipRole).toString(), digest);
    QCOMPARE(model.headerData(ChartVersionsModel::Version, Qt::Horizontal).toString(), u"Version"_s);
    QCOMPARE(model.headerData(ChartVersionsModel::Created, Qt::Horizontal).toString(), u"Created"_s);
}

void TstModels::versionsModelRoles()
{
    ChartVersionsModel model;
    const QList<ChartVersion> versions = ciVersions();
    model.setVersions(versions);
    QCOMPARE(model.versions().size(), versions.size());
    for (qsizetype i = 0; i < versions.size(); ++i)
        QCOMPARE(model.versions().at(i).metadata, versions.at(i).metadata);
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            const QVariant v = model.index(row, column).data(ChartVersionsModel::ChartVersionRole);
            QVERIFY(v.canConvert<ChartVersion>());
            QCOMPARE(v.value<ChartVersion>().version(), versions.at(row).version());
            QCOMPARE(v.value<ChartVersion>().digest, versions.at(row).digest);
        }
    }
    QCOMPARE(model.index(0, ChartVersionsModel::Created).data(ChartVersionsModel::SortRole).toDateTime(),
             versions.at(0).created);
    QVERIFY(!model.index(0, 0).data(Qt::DecorationRole).isValid());
}

void TstModels::versionsModelResets()
{
    ChartVersionsModel model;
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.setVersions(ciVersions());
    QCOMPARE(aboutToReset.count(), 1);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 7);

    model.setVersions({makeVersion(u"2.0.0"_s)});
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 1);

    model.clear();
    QCOMPARE(aboutToReset.count(), 3);
    QCOMPARE(reset.count(), 3);
    QCOMPARE(model.rowCount(), 0);

    model.clear(); // already empty: nothing to announce
    QCOMPARE(reset.count(), 3);
}

void TstModels::versionsModelTester()
{
    ChartVersionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setVersions(ciVersions());
    model.setVersions({});
    model.setVersions(ciVersions());
    model.clear();
}

void TstModels::proxySortsBySemVer()
{
    ChartVersionsModel model;
    ChartVersionsProxyModel proxy;
    proxy.setSourceModel(&model);
    model.setVersions(ciVersions());

    // Newest first by default: precedence, not text and not upload time.
    const QStringList newestFirst = {u"1.1.0-1"_s, u"1.0.0"_s,  u"1.0.0-10"_s, u"1.0.0-9"_s,
                                     u"1.0.0-2"_s, u"0.10.0"_s, u"0.9.0"_s};
    QCOMPARE(proxy.sortColumn(), int(ChartVersionsModel::Version));
    QCOMPARE(proxy.sortOrder(), Qt::DescendingOrder);
    QCOMPARE(proxyColumn(proxy, ChartVersionsModel::Version), newestFirst);

    proxy.sort(ChartVersionsModel::Version, Qt::AscendingOrder);
    QStringList oldestFirst = newestFirst;
    std::reverse(oldestFirst.begin(), oldestFirst.end());
    QCOMPARE(proxyColumn(proxy, ChartVersionsModel::Version), oldestFirst);

    // A new build arrives: the dynamic sort places it by precedence.
    proxy.sort(ChartVersionsModel::Version, Qt::DescendingOrder);
    QList<ChartVersion> more = ciVersions();
    more.append(makeVersion(u"1.0.0-100"_s));
    model.setVersions(more);
    QCOMPARE(proxyColumn(proxy, ChartVersionsModel::Version).mid(1, 3),
             (QStringList{u"1.0.0"_s, u"1.0.0-100"_s, u"1.0.0-10"_s}));
}

void TstModels::proxySortsOtherColumns_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("ascending"); // versions, in the expected order
    QTest::newRow("created") << int(ChartVersionsModel::Created)
                             << QStringList{u"0.9.0"_s,    u"0.10.0"_s, u"1.0.0-2"_s, u"1.0.0-9"_s,
                                            u"1.0.0-10"_s, u"1.0.0"_s,  u"1.1.0-1"_s};
    QTest::newRow("app version") << int(ChartVersionsModel::AppVersion)
                                 << QStringList{u"1.0.0-10"_s, u"1.0.0-2"_s, u"1.0.0-9"_s, u"1.1.0-1"_s,
                                                u"0.10.0"_s,   u"0.9.0"_s,   u"1.0.0"_s};
}

void TstModels::proxySortsOtherColumns()
{
    QFETCH(int, column);
    QFETCH(QStringList, ascending);
    ChartVersionsModel model;
    ChartVersionsProxyModel proxy;
    proxy.setSourceModel(&model);
    model.setVersions(ciVersions());
    proxy.sort(column, Qt::AscendingOrder);
    QCOMPARE(proxyColumn(proxy, ChartVersionsModel::Version), ascending);
}

void TstModels::proxyFilter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("isRange");
    QTest::addColumn<QStringList>("visible"); // newest first

    QTest::newRow("empty") << QString() << false
                           << QStringList{u"1.1.0-1"_s, u"1.0.0"_s,  u"1.0.0-10"_s, u"1.0.0-9"_s,
                                          u"1.0.0-2"_s, u"0.10.0"_s, u"0.9.0"_s};
    QTest::newRow("text matches version") << u"0-1"_s << false << QStringList{u"1.1.0-1"_s, u"1.0.0-10"_s};
    QTest::newRow("text matches appVersion, any case") << u"OLD"_s << false << QStringList{u"0.9.0"_s};
    QTest::newRow("exact version is text")
        << u"1.0.0"_s << false << QStringList{u"1.0.0"_s, u"1.0.0-10"_s, u"1.0.0-9"_s, u"1.0.0-2"_s};
    QTest::newRow("stable range skips builds") << u">=1.0.0"_s << true << QStringList{u"1.0.0"_s};
    QTest::newRow("range naming a build")
        << u">=1.0.0-9"_s << true << QStringList{u"1.1.0-1"_s, u"1.0.0"_s, u"1.0.0-10"_s, u"1.0.0-9"_s};
    QTest::newRow("tilde over builds")
        << u"~1.0.0-0"_s << true << QStringList{u"1.0.0"_s, u"1.0.0-10"_s, u"1.0.0-9"_s, u"1.0.0-2"_s};
    QTest::newRow("wildcard") << u"0.x"_s << true << QStringList{u"0.10.0"_s, u"0.9.0"_s};
    QTest::newRow("star") << u"*"_s << true << QStringList{u"1.0.0"_s, u"0.10.0"_s, u"0.9.0"_s};
    QTest::newRow("alternatives") << u"<0.10 || 1.1.0-1"_s << true << QStringList{u"1.1.0-1"_s, u"0.9.0"_s};
    QTest::newRow("hyphen range") << u"1.0.0-5 - 1.0.0-10"_s << true
                                  << QStringList{u"1.0.0-10"_s, u"1.0.0-9"_s};
    QTest::newRow("bad range matches nothing as text") << u">=banana"_s << false << QStringList{};
    QTest::newRow("digest text") << QString::fromLatin1(QByteArray::number(qHash(u"0.9.0"_s), 16).right(6))
                                 << false << QStringList{u"0.9.0"_s};
}

void TstModels::proxyFilter()
{
    QFETCH(QString, filter);
    QFETCH(bool, isRange);
    QFETCH(QStringList, visible);

    ChartVersionsModel model;
    ChartVersionsProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setVersions(ciVersions());

    proxy.setFilterText(filter);
    QCOMPARE(proxy.filterText(), filter);
    QCOMPARE(proxy.isRangeFilter(), isRange);
    QCOMPARE(proxyColumn(proxy, ChartVersionsModel::Version), visible);

    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

void TstModels::proxyTesterWhileChanging()
{
    ChartVersionsModel model;
    ChartVersionsProxyModel proxy;
    QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);

    model.setVersions(ciVersions());
    QCOMPARE(reset.count(), 1);
    proxy.setFilterText(u"~1.0.0-0"_s);
    proxy.sort(ChartVersionsModel::Created, Qt::AscendingOrder);
    model.setVersions(ciVersions().mid(2));
    QCOMPARE(reset.count(), 2);
    proxy.setFilterText(u"a1"_s);
    model.clear();
    QCOMPARE(reset.count(), 3);
    QCOMPARE(proxy.rowCount(), 0);
}

void TstModels::proxyOrderIsSemVerOrder_data()
{
    QTest::addColumn<QStringList>("versions"); // in any order
    QTest::newRow("builds and releases") << QStringList{u"1.0.0-10"_s, u"1.0.0"_s,      u"1.0.0-9"_s,
                                                        u"0.9.0"_s,    u"1.0.0-rc.1"_s, u"1.0.0-rc.1.2"_s};
    QTest::newRow("equal precedence, told apart by text")
        << QStringList{u"1.0.0"_s, u"1.0"_s, u"v1.0.0"_s, u"1.0.0+b2"_s, u"1.0.0+b1"_s, u"1"_s};
    QTest::newRow("invalid after valid, by text")
        << QStringList{u"latest"_s, u"2.0.0"_s, u"1.2.3.4"_s, u"0.1.0"_s, u"1.2.3-01"_s, u"banana"_s};
    QTest::newRow("duplicates") << QStringList{u"1.0.0-2"_s, u"1.0.0-2"_s, u"1.0.0-1"_s};
}

// The rank the model works out once orders rows as comparing the version strings would.
void TstModels::proxyOrderIsSemVerOrder()
{
    QFETCH(QStringList, versions);
    QList<ChartVersion> list;
    for (const QString &version : std::as_const(versions))
        list.append(makeVersion(version));
    ChartVersionsModel model;
    ChartVersionsProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setVersions(list);

    QStringList expected = versions;
    std::stable_sort(expected.begin(), expected.end(), [](const QString &a, const QString &b) {
        if (const int c = SemVer::compareStrings(a, b); c != 0)
            return c < 0;
        return a < b;
    });
    proxy.sort(ChartVersionsModel::Version, Qt::AscendingOrder);
    QCOMPARE(proxyColumn(proxy, ChartVersionsModel::Version), expected);
    std::reverse(expected.begin(), expected.end());
    proxy.sort(ChartVersionsModel::Version, Qt::DescendingOrder);
    QCOMPARE(proxyColumn(proxy, ChartVersionsModel::Version), expected);
}

// A filter that keeps scattered rows tells views once, not once per run of rows.
void TstModels::proxyFilterIsOneLayoutChange()
{
    QList<ChartVersion> list;
    for (int build = 1; build <= 200; ++build)
        list.append(makeVersion(u"1.0.0-%1"_s.arg(build)));
    ChartVersionsModel model;
    ChartVersionsProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setVersions(list);
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);

    proxy.setFilterText(u"-1"_s); // 1, 10-19, 100-199: runs of rows all over the table
    QCOMPARE(proxy.rowCount(), 111);
    QCOMPARE(proxy.index(0, ChartVersionsModel::Version).data().toString(), u"1.0.0-199"_s);
    proxy.setFilterText(u">=1.0.0-150"_s);
    QCOMPARE(proxy.rowCount(), 51);
    proxy.setFilterText({});
    QCOMPARE(proxy.rowCount(), 200);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(layout.count(), 3);
}

void TstModels::chartListModel()
{
    ChartListModel model;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QMap<QString, QList<ChartVersion>> charts;
    charts.insert(u"web"_s, ciVersions());
    charts.insert(u"api"_s, {makeVersion(u"0.1.0"_s), makeVersion(u"0.1.0-3"_s)});
    charts.insert(u"db"_s,
                  {makeVersion(u"2.0.0-1"_s), makeVersion(u"2.0.0-12"_s), makeVersion(u"2.0.0-3"_s)});
    model.setCharts(charts);

    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.nameAt(0), u"api"_s);
    QCOMPARE(model.nameAt(2), u"web"_s);
    QCOMPARE(model.nameAt(3), QString());
    QCOMPARE(model.nameAt(-1), QString());
    QCOMPARE(model.rowOf(u"db"_s), 1);
    QCOMPARE(model.rowOf(u"missing"_s), -1);

    const QModelIndex web = model.index(model.rowOf(u"web"_s));
    QCOMPARE(web.data().toString(), u"web"_s);
    QCOMPARE(web.data(ChartListModel::NameRole).toString(), u"web"_s);
    QCOMPARE(web.data(ChartListModel::VersionCountRole).toInt(), 7);
    QCOMPARE(web.data(ChartListModel::LatestVersionRole).toString(), u"1.1.0-1"_s);
    QCOMPARE(model.index(1).data(ChartListModel::LatestVersionRole).toString(), u"2.0.0-12"_s);
    QCOMPARE(model.index(0).data(ChartListModel::LatestVersionRole).toString(), u"0.1.0"_s);
    QVERIFY(web.data(Qt::ToolTipRole).toString().contains(u"1.1.0-1"_s));

    model.setCharts({});
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 0);
}

void TstModels::chartListModelTester()
{
    ChartListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QMap<QString, QList<ChartVersion>> charts;
    charts.insert(u"web"_s, ciVersions());
    charts.insert(u"empty"_s, {});
    model.setCharts(charts);
    QCOMPARE(model.index(model.rowOf(u"empty"_s)).data(ChartListModel::LatestVersionRole).toString(),
             QString());
    model.setCharts({});
    model.setCharts(charts);
}

QTEST_GUILESS_MAIN(TstModels)
#include "tst_models.moc"
