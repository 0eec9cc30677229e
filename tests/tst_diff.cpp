#include "CapstanProcess.h"
#include "ServerFixture.h"
#include "TestChartFactory.h"

#include "chart/ChartArchive.h"
#include "chart/ChartCache.h"
#include "chart/ChartDiffer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

using Entries = QList<ChartArchiveWriter::Entry>;

namespace {

constexpr int ChildTimeoutMs = 60000;

ChartArchive archive(const Entries &entries)
{
    QString error;
    std::optional<ChartArchive> read =
        ChartArchive::read(TestChartFactory::fromEntries(u"demo"_s, entries), &error);
    if (!read)
        qFatal("test chart does not load: %s", qPrintable(error));
    return *read;
}

Entries with(Entries entries, const QString &path, const QByteArray &data)
{
    for (ChartArchiveWriter::Entry &entry : entries) {
        if (entry.path == path) {
            entry.data = data;
            return entries;
        }
    }
    entries.append({path, data});
    return entries;
}

Entries without(Entries entries, const QString &path)
{
    entries.removeIf([&](const ChartArchiveWriter::Entry &entry) { return entry.path == path; });
    return entries;
}

// "M templates/x.yaml +1 -2", "A …", "D …"; binary files as "M path binary".
QStringList summary(const ChartDiff &diff)
{
    QStringList lines;
    for (const ChartDiff::File &file : diff.files) {
        const QString letter = file.status == ChartDiff::Status::Added     ? u"A"_s
                               : file.status == ChartDiff::Status::Removed ? u"D"_s
                                                                           : u"M"_s;
        lines.append(file.binary
                         ? u"%1 %2 binary"_s.arg(letter, file.path)
                         : u"%1 %2 +%3 -%4"_s.arg(letter, file.path).arg(file.additions).arg(file.deletions));
    }
    return lines;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray chartYaml(const QString &rest)
{
    return (u"apiVersion: v2\nname: demo\n"_s + rest).toUtf8();
}

using Run = CapstanProcess::Result;

} // namespace

class TstDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void differ_data();
    void differ();
    void patchIsUnifiedDiff();
    void statOmitsPatches();
    void metadata_data();
    void metadata();

    void cacheStoresAtomicallyByDigest();
    void cacheDiscardsCorruptedFile();
    void cacheRefusesBadInput_data();
    void cacheRefusesBadInput();
    void cacheLookupOffThread();

    void cliExitCodes_data();
    void cliExitCodes();
    void cliMissingVersionIsNamed_data();
    void cliMissingVersionIsNamed();
    void changeSummary_data();
    void changeSummary();
    void cliStat();
    void cliJson();
    void cliFillsCache();

private:
    Run capstan(const QStringList &arguments);

    QTemporaryDir m_work;
    std::unique_ptr<ServerFixture> m_server;
    QString m_config;
};

void TstDiff::initTestCase()
{
    QVERIFY(m_work.isValid());
    QVERIFY2(QFileInfo(QStringLiteral(CAPSTAN_BINARY)).isExecutable(), CAPSTAN_BINARY);
    m_server = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    const Entries v1 = TestChartFactory::entries(u"demo"_s, u"1.0.0"_s, u"1.0"_s);
    Entries v2 = TestChartFactory::entries(u"demo"_s, u"1.1.0"_s, u"1.1"_s);
    v2 = with(v2, u"values.yaml"_s, "replicas: 3\nimage:\n  repository: ghcr.io/test/app\n  tag: latest\n");
    v2.append({u"templates/service.yaml"_s, "apiVersion: v1\nkind: Service\n"});
    QVERIFY(m_server->putFile(u"demo-1.0.0.tgz"_s, TestChartFactory::fromEntries(u"demo"_s, v1)));
    QVERIFY(m_server->putFile(u"demo-1.1.0.tgz"_s, TestChartFactory::fromEntries(u"demo"_s, v2)));
    m_config = m_work.filePath(u"capstan.yaml"_s);
    QFile config(m_config);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(u"chartmuseum:\n  url: %1\n"_s.arg(m_server->url().toString()).toUtf8());
}

void TstDiff::differ_data()
{
    QTest::addColumn<Entries>("from");
    QTest::addColumn<Entries>("to");
    QTest::addColumn<QStringList>("expected");

    const Entries base = TestChartFactory::entries(u"demo"_s, u"1.0.0"_s);
    const QByteArray binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    QByteArray otherBinary = binary;
    otherBinary[12] = 'X';

    QTest::newRow("identical") << base << base << QStringList();
    QTest::newRow("added") << base << with(base, u"templates/service.yaml"_s, "a: 1\nb: 2\n")
                           << QStringList{u"A templates/service.yaml +2 -0"_s};
    QTest::newRow("removed") << base << without(base, u"templates/configmap.yaml"_s)
                             << QStringList{u"D templates/configmap.yaml +0 -6"_s};
    QTest::newRow("modified one line")
        << base
        << with(base, u"values.yaml"_s,
                "replicas: 3\nimage:\n  repository: ghcr.io/test/app\n  tag: latest\n")
        << QStringList{u"M values.yaml +1 -1"_s};
    QTest::newRow("modified appended lines")
        << base
        << with(base, u"values.yaml"_s,
                "replicas: 2\nimage:\n  repository: ghcr.io/test/app\n  tag: latest\nport: 80\nhost: x\n")
        << QStringList{u"M values.yaml +2 -0"_s};
    QTest::newRow("binary modified") << with(base, u"files/logo.png"_s, binary)
                                     << with(base, u"files/logo.png"_s, otherBinary)
                                     << QStringList{u"M files/logo.png binary"_s};
    QTest::newRow("binary identical") << with(base, u"files/logo.png"_s, binary)
                                      << with(base, u"files/logo.png"_s, binary) << QStringList();
    QTest::newRow("several, sorted by path")
        << with(base, u"templates/z.yaml"_s, "z\n")
        << with(without(base, u"templates/z.yaml"_s), u"README.md"_s, "# demo\n")
        << QStringList{u"A README.md +1 -0"_s, u"D templates/z.yaml +0 -1"_s};
}

void TstDiff::differ()
{
    QFETCH(Entries, from);
    QFETCH(Entries, to);
    QFETCH(QStringList, expected);
    const ChartDiff diff = ChartDiffer::diff(archive(from), archive(to));
    QCOMPARE(summary(diff), expected);
    QCOMPARE(diff.isEmpty(), expected.isEmpty());
    for (const ChartDiff::File &file : diff.files) {
        if (file.binary)
            QVERIFY2(file.patch.contains(u"Binary files"_s), qPrintable(file.patch));
        else
            QVERIFY2(file.patch.contains(u"@@ -"_s), qPrintable(file.patch));
    }
}

void TstDiff::patchIsUnifiedDiff()
{
    const Entries base = TestChartFactory::entries(u"demo"_s, u"1.0.0"_s);
    const ChartDiff diff = ChartDiffer::diff(
        archive(base), archive(with(base, u"values.yaml"_s,
                                    "replicas: 5\nimage:\n  repository: ghcr.io/test/app\n  tag: latest\n")));
    QCOMPARE(diff.files.size(), 1);
    const QString patch = diff.files.first().patch;
    QVERIFY2(patch.contains(u"--- a/values.yaml\n+++ b/values.yaml\n"_s), qPrintable(patch));
    QVERIFY2(patch.contains(u"@@ -1,4 +1,4 @@\n-replicas: 2\n+replicas: 5\n image:\n"_s), qPrintable(patch));
}

void TstDiff::statOmitsPatches()
{
    const Entries base = TestChartFactory::entries(u"demo"_s, u"1.0.0"_s);
    ChartDiffer::Options options;
    options.patches = false;
    const ChartDiff diff =
        ChartDiffer::diff(archive(base), archive(with(base, u"values.yaml"_s, "replicas: 9\n")), options);
    QCOMPARE(summary(diff), QStringList{u"M values.yaml +1 -4"_s});
    QVERIFY(diff.files.first().patch.isEmpty());
}

void TstDiff::metadata_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QStringList>("expected"); // "field: from -> to"

    QTest::newRow("same") << chartYaml(u"version: 1.0.0\n"_s) << chartYaml(u"version: 1.0.0\n"_s)
                          << QStringList();
    QTest::newRow("version and appVersion")
        << chartYaml(u"version: 1.0.0-41\nappVersion: \"41\"\n"_s)
        << chartYaml(u"version: 1.0.0-42\nappVersion: \"42\"\n"_s)
        << QStringList{u"version: 1.0.0-41 -> 1.0.0-42"_s, u"appVersion: 41 -> 42"_s};
    QTest::newRow("description added")
        << chartYaml(u"version: 1.0.0\n"_s) << chartYaml(u"version: 1.0.0\ndescription: Web app\n"_s)
        << QStringList{u"description:  -> Web app"_s};
    QTest::newRow("dependencies added, removed, changed")
        << chartYaml(u"version: 1.0.0\ndependencies:\n- name: redis\n  version: 17.0.0\n"
                     u"- name: pg\n  version: 1.0.0\n"_s)
        << chartYaml(
               u"version: 1.0.0\ndependencies:\n- name: redis\n  version: 18.1.0\n"
               u"- name: nats\n  version: 1.2.0\n  repository: https://nats-io.github.io/k8s/helm/charts\n"_s)
        << QStringList{u"dependencies.nats:  -> 1.2.0 (https://nats-io.github.io/k8s/helm/charts)"_s,
                       u"dependencies.pg: 1.0.0 -> "_s, u"dependencies.redis: 17.0.0 -> 18.1.0"_s};
    QTest::newRow("annotations") << chartYaml(u"version: 1.0.0\nannotations:\n  team: a\n  old: x\n"_s)
                                 << chartYaml(u"version: 1.0.0\nannotations:\n  team: b\n"_s)
                                 << QStringList{u"annotations.old: x -> "_s, u"annotations.team: a -> b"_s};
}

void TstDiff::metadata()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QStringList, expected);
    const ChartDiff diff =
        ChartDiffer::diff(archive({{u"Chart.yaml"_s, from}}), archive({{u"Chart.yaml"_s, to}}));
    QStringList actual;
    for (const ChartDiff::MetadataChange &change : diff.metadata)
        actual.append(u"%1: %2 -> %3"_s.arg(change.field, change.from, change.to));
    QCOMPARE(actual, expected);
    // Chart.yaml itself shows up as a changed file whenever its text changed.
    QCOMPARE(diff.files.size(), from == to ? 0 : 1);
}

void TstDiff::cacheStoresAtomicallyByDigest()
{
    QTemporaryDir dir;
    const ChartCache cache(dir.filePath(u"cache/charts"_s));
    const QByteArray bytes = TestChartFactory::chart(u"demo"_s, u"1.0.0"_s);
    const QString digest = sha256(bytes);
    QVERIFY(!cache.find(digest));
    QString error;
    QVERIFY2(cache.store(digest, bytes, &error), qPrintable(error));
    QCOMPARE(cache.pathFor(digest), dir.filePath(u"cache/charts/"_s) + digest + u".tgz"_s);
    // Only the final file: QSaveFile leaves no temporary behind.
    QCOMPARE(QDir(cache.directory()).entryList(QDir::Files | QDir::Hidden), QStringList{digest + u".tgz"_s});
    const std::optional<QByteArray> found = cache.find(digest);
    QVERIFY(found);
    QCOMPARE(*found, bytes);
}

void TstDiff::cacheDiscardsCorruptedFile()
{
    QTemporaryDir dir;
    const ChartCache cache(dir.path());
    const QByteArray bytes = TestChartFactory::chart(u"demo"_s, u"1.0.0"_s);
    const QString digest = sha256(bytes);
    QVERIFY(cache.store(digest, bytes));
    QFile file(cache.pathFor(digest));
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(10);
    file.write("garbage");
    file.close();
    QVERIFY(!cache.find(digest));
    QVERIFY2(!QFile::exists(cache.pathFor(digest)), "a corrupted cache file must be removed");
    QVERIFY(cache.store(digest, bytes));
    QCOMPARE(cache.find(digest).value_or(QByteArray()), bytes);
}

void TstDiff::cacheRefusesBadInput_data()
{
    QTest::addColumn<QString>("digest");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QByteArray bytes = "chart bytes";
    QTest::newRow("wrong digest") << sha256("other bytes") << bytes << u"do not match the digest"_s;
    QTest::newRow("path in digest") << u"../../etc/passwd"_s << bytes << u"is not a sha256 digest"_s;
    QTest::newRow("upper case") << sha256(bytes).toUpper() << bytes << u"is not a sha256 digest"_s;
    QTest::newRow("empty") << QString() << bytes << u"is not a sha256 digest"_s;
}

void TstDiff::cacheRefusesBadInput()
{
    QFETCH(QString, digest);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const ChartCache cache(dir.path());
    QString message;
    QVERIFY(!cache.store(digest, bytes, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

void TstDiff::cacheLookupOffThread()
{
    QTemporaryDir dir;
    const ChartCache cache(dir.path());
    const QByteArray bytes = TestChartFactory::chart(u"demo"_s, u"2.0.0"_s);
    const QString digest = sha256(bytes);
    QVERIFY(cache.lookup(digest).result().isNull());
    QVERIFY(cache.store(digest, bytes));
    QCOMPARE(cache.lookup(digest).result(), bytes);
    QFile file(cache.pathFor(digest));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("damaged");
    file.close();
    QVERIFY(cache.lookup(digest).result().isNull());
    QVERIFY(!QFile::exists(cache.pathFor(digest)));
}

Run TstDiff::capstan(const QStringList &arguments)
{
    return CapstanProcess::run(QStringList{u"--config"_s, m_config} + arguments,
                               CapstanProcess::environment(m_work.path()), {}, ChildTimeoutMs);
}

void TstDiff::cliExitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("output");
    QTest::newRow("same version") << QStringList{u"diff"_s, u"demo"_s, u"1.0.0"_s, u"1.0.0"_s} << 0
                                  << u"No differences."_s;
    QTest::newRow("two versions") << QStringList{u"diff"_s, u"demo"_s, u"1.0.0"_s, u"1.1.0"_s} << 1
                                  << u"+replicas: 3"_s;
    QTest::newRow("reversed") << QStringList{u"diff"_s, u"demo"_s, u"1.1.0"_s, u"1.0.0"_s} << 1
                              << u"-replicas: 3"_s;
    QTest::newRow("missing argument") << QStringList{u"diff"_s, u"demo"_s, u"1.0.0"_s} << 2 << QString();
}

void TstDiff::cliExitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, output);
    const Run run = capstan(arguments);
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    QVERIFY2(QString::fromUtf8(run.out).contains(output), run.out.constData());
}

void TstDiff::cliMissingVersionIsNamed_data()
{
    QTest::addColumn<QString>("v1");
    QTest::addColumn<QString>("v2");
    QTest::newRow("first") << u"9.9.9"_s << u"1.0.0"_s;
    QTest::newRow("second") << u"1.0.0"_s << u"9.9.9"_s;
}

void TstDiff::cliMissingVersionIsNamed()
{
    QFETCH(QString, v1);
    QFETCH(QString, v2);
    const Run run = capstan({u"diff"_s, u"demo"_s, v1, v2});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains("capstan: error: Chart demo has no version 9.9.9 in http://"),
             run.err.constData());
    QVERIFY2(run.err.contains("hint: `capstan --cli versions demo` lists them."), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void TstDiff::changeSummary_data()
{
    QTest::addColumn<int>("files");
    QTest::addColumn<int>("additions");
    QTest::addColumn<int>("deletions");
    QTest::addColumn<QString>("summary");
    QTest::newRow("ones") << 1 << 1 << 1 << u"1 file changed, 1 insertion(+), 1 deletion(-)"_s;
    QTest::newRow("many") << 2 << 7 << 3 << u"2 files changed, 7 insertions(+), 3 deletions(-)"_s;
    QTest::newRow("none removed") << 1 << 7 << 0 << u"1 file changed, 7 insertions(+), 0 deletions(-)"_s;
}

// As git words it, each count with its own plural form, whatever the catalogue holds.
void TstDiff::changeSummary()
{
    QFETCH(int, files);
    QFETCH(int, additions);
    QFETCH(int, deletions);
    QFETCH(QString, summary);
    ChartDiff diff;
    for (int i = 0; i < files; ++i) {
        ChartDiff::File file;
        file.path = u"templates/f%1.yaml"_s.arg(i);
        file.additions = i == 0 ? additions : 0;
        file.deletions = i == 0 ? deletions : 0;
        diff.files.append(file);
    }
    QCOMPARE(diff.changeSummary(), summary);
}

void TstDiff::cliStat()
{
    const Run run = capstan({u"diff"_s, u"demo"_s, u"1.0.0"_s, u"1.1.0"_s, u"--stat"_s});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(u"templates/service.yaml"_s) && out.contains(u"+2 -0"_s), run.out.constData());
    QVERIFY2(out.contains(u"1.0.0 -> 1.1.0"_s.replace(u"->"_s, u"→"_s)), run.out.constData());
    QVERIFY2(!out.contains(u"@@"_s), "--stat prints no patches");
}

void TstDiff::cliJson()
{
    for (const bool stat : {false, true}) {
        QStringList arguments{u"diff"_s, u"demo"_s, u"1.0.0"_s, u"1.1.0"_s, u"-o"_s, u"json"_s};
        if (stat)
            arguments.append(u"--stat"_s);
        const Run run = capstan(arguments);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 1);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, run.out.constData());
        QCOMPARE(root.value(u"chart"_s).toString(), u"demo"_s);
        QCOMPARE(root.value(u"from"_s).toString(), u"1.0.0"_s);
        QCOMPARE(root.value(u"to"_s).toString(), u"1.1.0"_s);
        QStringList fields;
        for (const QJsonValue &change : root.value(u"metadata"_s).toArray())
            fields.append(change[u"field"_s].toString() + u'=' + change[u"from"_s].toString() + u'>' +
                          change[u"to"_s].toString());
        QCOMPARE(fields, (QStringList{u"version=1.0.0>1.1.0"_s, u"appVersion=1.0>1.1"_s}));
        QStringList files;
        for (const QJsonValue &file : root.value(u"files"_s).toArray()) {
            files.append(u"%1 %2 +%3 -%4"_s.arg(file[u"status"_s].toString(), file[u"path"_s].toString())
                             .arg(file[u"additions"_s].toInt())
                             .arg(file[u"deletions"_s].toInt()));
            QCOMPARE(file.toObject().contains(u"patch"_s), !stat);
            if (!stat)
                QVERIFY(file[u"patch"_s].toString().contains(u"@@"_s));
        }
        QCOMPARE(files,
                 (QStringList{u"modified Chart.yaml +2 -2"_s, u"modified templates/configmap.yaml +1 -1"_s,
                              u"added templates/service.yaml +2 -0"_s, u"modified values.yaml +1 -1"_s}));
    }
}

void TstDiff::cliFillsCache()
{
    const QString directory = m_work.filePath(u"cache/Capstan/capstan/charts"_s);
    QDir(directory).removeRecursively();
    const Run run = capstan({u"diff"_s, u"demo"_s, u"1.0.0"_s, u"1.1.0"_s, u"--stat"_s});
    QCOMPARE(run.exitCode, 1);
    QFile stored(m_server->storageDirectory() + u"/demo-1.0.0.tgz"_s);
    QVERIFY(stored.open(QIODevice::ReadOnly));
    const QString digest = sha256(stored.readAll());
    QStringList cached = QDir(directory).entryList(QDir::Files);
    QCOMPARE(cached.size(), 2);
    QVERIFY2(cached.contains(digest + u".tgz"_s), qPrintable(cached.join(u' ')));

    // A damaged cache entry is not used: it is replaced by a fresh download and the result is the same.
    QFile damaged(directory + u'/' + digest + u".tgz"_s);
    QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("not a chart");
    damaged.close();
    const Run again = capstan({u"diff"_s, u"demo"_s, u"1.0.0"_s, u"1.1.0"_s, u"--stat"_s});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.out, run.out);
    QVERIFY(damaged.open(QIODevice::ReadOnly));
    QCOMPARE(sha256(damaged.readAll()), digest);
}

QTEST_GUILESS_MAIN(TstDiff)
#include "tst_diff.moc"
