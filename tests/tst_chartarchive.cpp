#include "HelmTool.h"
#include "chart/ChartArchive.h"
#include "chart/ChartArchiveWriter.h"
#include "chart/ChartYaml.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

#include <clocale>
#include <memory>
#include <string>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

// One tar entry for the hostile-archive builder; headerSize lets a header lie about the data that follows.
struct TarEntry
{
    TarEntry(const QString &n, const QByteArray &d = {}, mode_t t = AE_IFREG, const QString &l = {},
             qint64 h = -1)
        : name(n)
        , data(d)
        , type(t)
        , link(l)
        , headerSize(h)
    {}
    QString name;
    QByteArray data;
    mode_t type = AE_IFREG;
    QString link;           // symlink target or hard link name
    qint64 headerSize = -1; // when set, only the header is written and the archive ends right after it
};

struct Sink
{
    QByteArray bytes;
    bool stop = false;
};

la_ssize_t sinkWrite(struct archive *, void *clientData, const void *buffer, size_t length)
{
    auto *sink = static_cast<Sink *>(clientData);
    if (sink->stop)
        return -1;
    sink->bytes.append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}

struct WriteFree
{
    void operator()(struct archive *a) const { archive_write_free(a); }
};

struct EntryFree
{
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};

// A tar stream written with libarchive (pax restricted: ustar unless a name needs more).
QByteArray tarOf(const QList<TarEntry> &entries)
{
    Sink sink;
    std::unique_ptr<struct archive, WriteFree> writer(archive_write_new());
    archive_write_set_format_pax_restricted(writer.get());
    archive_write_set_format_option(writer.get(), "pax", "hdrcharset", "BINARY");
    archive_write_set_bytes_per_block(writer.get(), 0);
    archive_write_open(writer.get(), &sink, nullptr, sinkWrite, nullptr);
    for (const TarEntry &e : entries) {
        std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
        archive_entry_copy_pathname(entry.get(), e.name.toUtf8().constData());
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_mtime(entry.get(), 1700000000, 0);
        if (e.type == AE_IFREG && !e.link.isEmpty()) {
            archive_entry_set_filetype(entry.get(), AE_IFREG);
            archive_entry_copy_hardlink(entry.get(), e.link.toUtf8().constData());
            archive_entry_set_size(entry.get(), 0);
        } else {
            archive_entry_set_filetype(entry.get(), e.type);
            if (e.type == AE_IFLNK)
                archive_entry_copy_symlink(entry.get(), e.link.toUtf8().constData());
            archive_entry_set_size(entry.get(), e.headerSize >= 0 ? e.headerSize : e.data.size());
        }
        if (archive_write_header(writer.get(), entry.get()) != ARCHIVE_OK)
            qFatal("libarchive refused a test entry: %s", archive_error_string(writer.get()));
        if (e.headerSize >= 0) {
            // Keep what was written so far and make libarchive stop padding the claimed size.
            const QByteArray written = sink.bytes;
            sink.stop = true;
            return written;
        }
        if (!e.data.isEmpty())
            archive_write_data(writer.get(), e.data.constData(), size_t(e.data.size()));
    }
    archive_write_close(writer.get());
    return sink.bytes;
}

// gzip of arbitrary bytes through libarchive's raw format.
QByteArray gzip(const QByteArray &data)
{
    Sink sink;
    std::unique_ptr<struct archive, WriteFree> writer(archive_write_new());
    archive_write_set_format_raw(writer.get());
    archive_write_add_filter_gzip(writer.get());
    archive_write_set_bytes_per_block(writer.get(), 0);
    archive_write_open(writer.get(), &sink, nullptr, sinkWrite, nullptr);
    std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), "data");
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_size(entry.get(), data.size());
    archive_write_header(writer.get(), entry.get());
    if (!data.isEmpty())
        archive_write_data(writer.get(), data.constData(), size_t(data.size()));
    archive_write_close(writer.get());
    return sink.bytes;
}

QByteArray tgzOf(const QList<TarEntry> &entries)
{
    return gzip(tarOf(entries));
}

const QByteArray chartYaml = "apiVersion: v2\nname: demo\nversion: 1.0.0-42\n"_ba;

TarEntry file(const QString &name, const QByteArray &data = "x: 1\n"_ba)
{
    return TarEntry(name, data);
}

// Every regular-file header of a tar stream: name, mode, uid, gid, uname, gname, mtime, type.
struct HeaderInfo
{
    QString name;
    int mode = 0;
    qint64 uid = -1;
    qint64 gid = -1;
    QString uname;
    QString gname;
    qint64 mtime = 0;
    mode_t type = 0;
};

QList<HeaderInfo> headersOf(const QByteArray &tgz)
{
    QList<HeaderInfo> out;
    struct archive *a = archive_read_new();
    archive_read_support_filter_gzip(a);
    archive_read_support_format_tar(a);
    archive_read_open_memory(a, tgz.constData(), size_t(tgz.size()));
    archive_entry *entry = nullptr;
    while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
        HeaderInfo h;
        const char *utf8 = archive_entry_pathname_utf8(entry);
        h.name = QString::fromUtf8(utf8 ? utf8 : archive_entry_pathname(entry));
        h.mode = int(archive_entry_perm(entry));
        h.uid = archive_entry_uid(entry);
        h.gid = archive_entry_gid(entry);
        h.uname = QString::fromUtf8(archive_entry_uname(entry));
        h.gname = QString::fromUtf8(archive_entry_gname(entry));
        h.mtime = archive_entry_mtime(entry);
        h.type = archive_entry_filetype(entry);
        out.append(h);
    }
    archive_read_free(a);
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

// Why: chart archives are untrusted input; reading must follow Helm's loader exactly and writing must give
// archives that helm accepts.
class TstChartarchive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void chartYamlValid_data();
    void chartYamlValid();
    void chartYamlErrors_data();
    void chartYamlErrors();
    void validateInMemory();

    void hostileArchive_data();
    void hostileArchive();
    void symlinksAndLinksAreEmptyFiles();
    void bomIsStripped();
    void filesOutliveTheArchive();
    void backslashNamesAreNormalised();
    void totalLimitCountsData();
    void nestedSubcharts();
    void streamQuirksHelmAccepts_data();
    void streamQuirksHelmAccepts();

    void writerIsDeterministic();
    void writerHeaders();
    void writerRoundTrip();
    void writerIgnoresLocale();

    void helmPackagedChartsLoad_data();
    void helmPackagedChartsLoad();
    void helmAcceptsOurArchive();
    void largeArchiveIsSeveralGzipMembers();
    void smallLastMemberStillReadsWhole();

private:
    bool runHelm(const QStringList &arguments, const QString &workDir, QByteArray *output)
    {
        return m_helm.run(arguments, workDir, output);
    }
    HelmTool m_helm;
};

void TstChartarchive::initTestCase() {}

void TstChartarchive::chartYamlValid_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    const QByteArray base = "apiVersion: v2\nname: demo\nversion: 1.0.0\n"_ba;
    QTest::newRow("plain") << base << u"name"_s << u"demo"_s;
    QTest::newRow("apiVersion defaults to v1")
        << "name: demo\nversion: 1.0.0\n"_ba << u"apiVersion"_s << u"v1"_s;
    QTest::newRow("float version 1.0") << "name: demo\nversion: 1.0\n"_ba << u"version"_s << u"1"_s;
    QTest::newRow("int version") << "name: demo\nversion: 2\n"_ba << u"version"_s << u"2"_s;
    QTest::newRow("quoted version kept") << "name: demo\nversion: \"1.0\"\n"_ba << u"version"_s << u"1.0"_s;
    QTest::newRow("appVersion 1.10") << base + "appVersion: 1.10\n" << u"appVersion"_s << u"1.1"_s;
    QTest::newRow("float32 digits") << base + "appVersion: 3.14159265\n" << u"appVersion"_s << u"3.1415927"_s;
    QTest::newRow("octal") << base + "appVersion: 010\n" << u"appVersion"_s << u"8"_s;
    QTest::newRow("exponent") << base + "appVersion: 1e6\n" << u"appVersion"_s << u"1e+06"_s;
    QTest::newRow("large float") << base + "appVersion: 123456789.0\n"
                                 << u"appVersion"_s << u"1.2345679e+08"_s;
    QTest::newRow("small float") << base + "appVersion: 0.00001\n" << u"appVersion"_s << u"1e-05"_s;
    QTest::newRow("yes is true") << "name: yes\nversion: 1.0.0\n"_ba << u"name"_s << u"true"_s;
    QTest::newRow("off is false") << base + "appVersion: off\n" << u"appVersion"_s << u"false"_s;
    QTest::newRow("null leaves empty") << base + "appVersion: ~\n" << u"appVersion"_s << QString();
    QTest::newRow("field names ignore case")
        << "NAME: demo\nVersion: 1.2.3\n"_ba << u"version"_s << u"1.2.3"_s;
    QTest::newRow("lowercase key wins")
        << "Name: upper\nname: lower\nversion: 1.0.0\n"_ba << u"name"_s << u"lower"_s;
    QTest::newRow("description sanitized") << base + "description: |\n  two\n  lines\n"
                                           << u"description"_s << u"two lines "_s;
    QTest::newRow("control characters dropped") << base + "description: \"a\\u0007b\"\n"
                                                << u"description"_s << u"ab"_s;
    QTest::newRow("keywords") << base + "keywords: [a, 1.0, true]\n" << u"keywords"_s << u"a,1,true"_s;
    QTest::newRow("maintainers") << base + "maintainers:\n- name: Ann\n  Email: ann@example.org\n"
                                 << u"maintainers"_s << u"Ann <ann@example.org>"_s;
    QTest::newRow("annotations") << base + "annotations:\n  b: 2\n  a: x\n"
                                 << u"annotations"_s << u"a=x,b=2"_s;
    QTest::newRow("dependencies") << base + "dependencies:\n- name: sub\n  version: ~1.2\n  alias: s_1\n"
                                  << u"dependencies"_s << u"sub ~1.2 as s_1"_s;
    QTest::newRow("deprecated") << base + "deprecated: true\n" << u"deprecated"_s << u"true"_s;
    QTest::newRow("unknown keys ignored") << base + "extra: [1, 2]\n" << u"name"_s << u"demo"_s;
    QTest::newRow("library type") << base + "type: library\n" << u"type"_s << u"library"_s;
    QTest::newRow("name with spaces and unicode")
        << "name: Dämo Chart\nversion: 1.0.0\n"_ba << u"name"_s << u"Dämo Chart"_s;
}

void TstChartarchive::chartYamlValid()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, field);
    QFETCH(QString, expected);

    QString error = u"stale"_s;
    const auto md = ChartYaml::parse(yaml, &error);
    QVERIFY2(md.has_value(), qPrintable(error));
    QVERIFY(error.isEmpty());
    QVERIFY(ChartYaml::validate(*md).isEmpty());

    QString actual;
    if (field == u"name")
        actual = md->name;
    else if (field == u"version")
        actual = md->version;
    else if (field == u"apiVersion")
        actual = md->apiVersion;
    else if (field == u"appVersion")
        actual = md->appVersion;
    else if (field == u"description")
        actual = md->description;
    else if (field == u"type")
        actual = md->type;
    else if (field == u"keywords")
        actual = md->keywords.join(u',');
    else if (field == u"deprecated")
        actual = md->deprecated ? u"true"_s : u"false"_s;
    else if (field == u"maintainers")
        actual = md->maintainers.value(0).name + u" <"_s + md->maintainers.value(0).email + u'>';
    else if (field == u"annotations") {
        QStringList pairs;
        for (auto it = md->annotations.cbegin(); it != md->annotations.cend(); ++it)
            pairs.append(it.key() + u'=' + it.value());
        actual = pairs.join(u',');
    } else if (field == u"dependencies") {
        const auto d = md->dependencies.value(0);
        actual = d.name + u' ' + d.version + u" as "_s + d.alias;
    }
    QCOMPARE(actual, expected);
}

void TstChartarchive::chartYamlErrors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("error");

    const QByteArray base = "apiVersion: v2\nname: demo\nversion: 1.0.0\n"_ba;
    QTest::newRow("empty file") << QByteArray() << u"validation: chart.metadata.name is required"_s;
    QTest::newRow("name missing") << "version: 1.0.0\n"_ba
                                  << u"validation: chart.metadata.name is required"_s;
    QTest::newRow("name of control characters only")
        << "name: \"\\a\\x01\"\nversion: 1.0.0\n"_ba << u"validation: chart.metadata.name is required"_s;
    QTest::newRow("name ..") << "name: ..\nversion: 1.0.0\n"_ba
                             << u"validation: chart.metadata.name \"..\" is not allowed"_s;
    QTest::newRow("name .") << "name: .\nversion: 1.0.0\n"_ba
                            << u"validation: chart.metadata.name \".\" is not allowed"_s;
    QTest::newRow("name a/b") << "name: a/b\nversion: 1.0.0\n"_ba
                              << u"validation: chart.metadata.name \"a/b\" is invalid"_s;
    QTest::newRow("name checked before version")
        << "name: a/b\nversion: nope\n"_ba << u"validation: chart.metadata.name \"a/b\" is invalid"_s;
    QTest::newRow("version missing") << "name: demo\n"_ba
                                     << u"validation: chart.metadata.version is required"_s;
    QTest::newRow("version 1.2.3.4") << "name: demo\nversion: 1.2.3.4\n"_ba
                                     << u"validation: chart.metadata.version \"1.2.3.4\" is invalid"_s;
    QTest::newRow("version latest") << "name: demo\nversion: latest\n"_ba
                                    << u"validation: chart.metadata.version \"latest\" is invalid"_s;
    QTest::newRow("version rc.01") << "name: demo\nversion: 1.2.3-rc.01\n"_ba
                                   << u"validation: chart.metadata.version \"1.2.3-rc.01\" is invalid"_s;
    QTest::newRow("version with tab is quoted")
        << "name: demo\nversion: \"1.0.0\\t\"\n"_ba
        << u"validation: chart.metadata.version \"1.0.0\\t\" is invalid"_s;
    QTest::newRow("version checked before type") << "name: demo\nversion: x\ntype: foo\n"_ba
                                                 << u"validation: chart.metadata.version \"x\" is invalid"_s;
    QTest::newRow("type") << base + "type: service\n"
                          << u"validation: chart.metadata.type must be application or library"_s;
    QTest::newRow("type before maintainers")
        << base + "type: x\nmaintainers:\n-\n"
        << u"validation: chart.metadata.type must be application or library"_s;
    QTest::newRow("null maintainer") << base + "maintainers:\n- name: a\n-\n"
                                     << u"validation: maintainers must not contain empty or null nodes"_s;
    QTest::newRow("null dependency") << base + "dependencies:\n- ~\n"
                                     << u"validation: dependencies must not contain empty or null nodes"_s;
    QTest::newRow("bad alias") << base + "dependencies:\n- name: sub\n  alias: a.b\n"
                               << u"validation: dependency \"sub\" has disallowed characters in the alias"_s;
    QTest::newRow("duplicate dependency")
        << base + "dependencies:\n- name: sub\n- name: x\n  alias: sub\n"
        << u"validation: more than one dependency with name or alias \"sub\""_s;
    QTest::newRow("duplicate names, different alias ok then dup")
        << base + "dependencies:\n- name: sub\n  alias: one\n- name: sub\n  alias: one\n"
        << u"validation: more than one dependency with name or alias \"one\""_s;
    QTest::newRow("keywords not a list")
        << base + "keywords: web\n"
        << u"cannot load Chart.yaml: line 4: cannot unmarshal string into Go struct "
           "field Metadata.keywords of type []string"_s;
    QTest::newRow("name is a map")
        << "apiVersion: v2\nname:\n  a: b\nversion: 1.0.0\n"_ba
        << u"cannot load Chart.yaml: line 3: cannot unmarshal object into Go struct field "
           "Metadata.name of type string"_s;
    QTest::newRow("deprecated not bool")
        << base + "deprecated: \"yes\"\n"
        << u"cannot load Chart.yaml: line 4: cannot unmarshal string into Go struct "
           "field Metadata.deprecated of type bool"_s;
    QTest::newRow("maintainer is a string")
        << base + "maintainers:\n  - Ann\n"
        << u"cannot load Chart.yaml: line 5: cannot unmarshal string into Go "
           "struct field Metadata.maintainers of type Maintainer"_s;
    QTest::newRow("annotation value is a list")
        << base + "annotations:\n  a: [1]\n"
        << u"cannot load Chart.yaml: line 5: cannot unmarshal array into Go "
           "struct field Metadata.annotations of type string"_s;
    QTest::newRow("top level list")
        << "- a\n- b\n"_ba
        << u"cannot load Chart.yaml: line 1: cannot unmarshal array into Go value of "
           "type Metadata"_s;
}

void TstChartarchive::chartYamlErrors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!ChartYaml::parse(yaml, &actual).has_value());
    QCOMPARE(actual, error);
}

void TstChartarchive::validateInMemory()
{
    ChartMetadata md;
    md.name = u"demo"_s;
    md.version = u"1.0.0"_s;
    QCOMPARE(ChartYaml::validate(md), u"validation: chart.metadata.apiVersion is required"_s);
    md.apiVersion = u"v2"_s;
    QCOMPARE(ChartYaml::validate(md), QString());
    md.dependencies = {{u"a"_s, {}, {}, {}, {}}, {u"a"_s, {}, {}, {}, {}}};
    QCOMPARE(ChartYaml::validate(md), u"validation: more than one dependency with name or alias \"a\""_s);

    // Syntax errors name the line.
    QString error;
    QVERIFY(!ChartYaml::parse("name: demo\nversion: [1.0\n"_ba, &error));
    QVERIFY2(error.startsWith(u"cannot load Chart.yaml: error converting YAML to JSON: yaml: line "_s),
             qPrintable(error));
    static const QRegularExpression line(u"line (\\d+):"_s);
    const auto m = line.match(error);
    QVERIFY(m.hasMatch());
    QVERIFY(m.captured(1).toInt() >= 2);

    // Hostile nesting is refused with a message, not a stack overflow.
    QVERIFY(!ChartYaml::parse("name: demo\nversion: 1.0.0\nkeywords: "_ba + QByteArray(100000, '['), &error));
    QVERIFY2(error.startsWith(u"cannot load Chart.yaml: line "_s) &&
                 error.endsWith(u": nesting is too deep"_s),
             qPrintable(error));
}

void TstChartarchive::hostileArchive_data()
{
    QTest::addColumn<QByteArray>("tgz");
    QTest::addColumn<QString>("error");

    const TarEntry chart = file(u"demo/Chart.yaml"_s, chartYaml);
    const QByteArray valid = tgzOf({chart, file(u"demo/values.yaml"_s)});

    QTest::newRow("empty input") << QByteArray() << u"EOF"_s;
    QTest::newRow("not gzip") << "PK\x03\x04 this is a zip file"_ba << u"gzip: invalid header"_s;
    QTest::newRow("plain tar") << tarOf({chart}) << u"gzip: invalid header"_s;
    QTest::newRow("short gzip header") << valid.left(5) << u"unexpected EOF"_s;
    QTest::newRow("truncated") << valid.left(valid.size() / 2) << u"unexpected EOF"_s;
    QTest::newRow("truncated inside tar")
        << gzip(tarOf({chart, file(u"demo/values.yaml"_s)}).left(700)) << u"unexpected EOF"_s;
    QTest::newRow("gzip of text") << gzip(QByteArray("this is not a tar stream\n").repeated(40))
                                  << u"archive/tar: invalid tar header"_s;
    {
        QByteArray tar = tarOf({chart, file(u"demo/values.yaml"_s)});
        tar[512 + 512 + 148] = 'X'; // break the second header's checksum field
        QTest::newRow("damaged header") << gzip(tar) << u"archive/tar: invalid tar header"_s;
    }
    QTest::newRow("empty tar") << gzip(QByteArray(1024, '\0')) << u"no files in chart archive"_s;
    QTest::newRow("empty gzip") << gzip(QByteArray()) << u"no files in chart archive"_s;
    QTest::newRow("directories only")
        << tgzOf({{u"demo/"_s, {}, AE_IFDIR}, {u"demo/templates/"_s, {}, AE_IFDIR}})
        << u"no files in chart archive"_s;
    QTest::newRow("absolute path") << tgzOf({chart, file(u"demo//etc/passwd"_s)})
                                   << u"chart illegally contains absolute paths"_s;
    QTest::newRow("parent directory")
        << tgzOf({chart, file(u"demo/../x"_s)}) << u"chart illegally references parent directory"_s;
    QTest::newRow("parent after clean")
        << tgzOf({chart, file(u"demo/a/../../x"_s)}) << u"chart illegally references parent directory"_s;
    QTest::newRow("..data is refused too")
        << tgzOf({chart, file(u"demo/..data"_s)}) << u"chart illegally references parent directory"_s;
    QTest::newRow("drive letter") << tgzOf({chart, file(u"demo/c:/x"_s)})
                                  << u"chart contains illegally named files"_s;
    QTest::newRow("top-level Chart.yaml") << tgzOf({file(u"Chart.yaml"_s, chartYaml)})
                                          << u"chart illegally contains content outside the base directory: "
                                             "\"Chart.yaml\""_s;
    QTest::newRow("dot entry")
        << tgzOf({chart, file(u"demo/./"_s.chopped(1))})
        << u"chart illegally contains content outside the base directory: \"demo/.\""_s;
    QTest::newRow("Chart.yaml as top directory")
        << tgzOf({file(u"Chart.yaml/values.yaml"_s)}) << u"chart yaml not in base directory"_s;
    QTest::newRow("absolute checked before parent")
        << tgzOf({file(u"demo//../x"_s), chart}) << u"chart illegally contains absolute paths"_s;
    QTest::newRow("file over 5 MiB")
        << tgzOf({chart, file(u"demo/big.bin"_s, QByteArray(5 * 1024 * 1024 + 1, 'a'))})
        << u"decompressed chart file \"demo/big.bin\" is larger than the maximum file "
           "size 5242880"_s;
    QTest::newRow("header claims 6 MiB")
        << gzip(tarOf({chart, {u"demo/big.bin"_s, {}, AE_IFREG, {}, 6 << 20}}))
        << u"decompressed chart file \"demo/big.bin\" is larger than the maximum "
           "file size 5242880"_s;
    QTest::newRow("header claims 5 GiB")
        << gzip(tarOf({chart, {u"demo/huge"_s, {}, AE_IFREG, {}, 5LL << 30}}))
        << u"decompressed chart is larger than the maximum file size 104857600"_s;
    QTest::newRow("Chart.yaml missing")
        << tgzOf({file(u"demo/values.yaml"_s)}) << u"Chart.yaml file is missing"_s;
    QTest::newRow("invalid version") << tgzOf(
                                            {file(u"demo/Chart.yaml"_s, "name: demo\nversion: 1.2.3.4\n"_ba)})
                                     << u"validation: chart.metadata.version \"1.2.3.4\" is invalid"_s;
    QTest::newRow("bad values.yaml")
        << tgzOf({chart, file(u"demo/values.yaml"_s, "a: [\n"_ba)})
        << u"cannot load values.yaml: error converting YAML to JSON: yaml: line "_s;
    QTest::newRow("stray file in charts/")
        << tgzOf({chart, file(u"demo/charts/README.md"_s)})
        << u"error unpacking subchart README.md in demo: Chart.yaml file is "
           "missing"_s;
    QTest::newRow("invalid subchart")
        << tgzOf({chart, file(u"demo/charts/sub/Chart.yaml"_s, "name: sub\n"_ba)})
        << u"error unpacking subchart sub in demo: validation: chart.metadata.version "
           "is required"_s;
    QTest::newRow("invalid subchart archive")
        << tgzOf({chart, file(u"demo/charts/sub-1.0.0.tgz"_s, "this is not a gzip stream"_ba)})
        << u"error unpacking subchart sub-1.0.0.tgz in demo: gzip: invalid header"_s;
}

void TstChartarchive::hostileArchive()
{
    QFETCH(QByteArray, tgz);
    QFETCH(QString, error);
    QString actual;
    const auto archive = ChartArchive::read(tgz, &actual);
    QVERIFY(!archive.has_value());
    if (error.endsWith(u"line "_s))
        QVERIFY2(actual.startsWith(error), qPrintable(actual));
    else
        QCOMPARE(actual, error);
}

void TstChartarchive::symlinksAndLinksAreEmptyFiles()
{
    const QByteArray tgz = tgzOf({file(u"demo/Chart.yaml"_s, chartYaml),
                                  {u"demo/link"_s, {}, AE_IFLNK, u"/etc/passwd"_s},
                                  {u"demo/hard"_s, {}, AE_IFREG, u"demo/Chart.yaml"_s},
                                  {u"demo/fifo"_s, {}, AE_IFIFO},
                                  {u"demo/ignored/"_s, {}, AE_IFDIR}});
    QString error;
    const auto archive = ChartArchive::read(tgz, &error);
    QVERIFY2(archive.has_value(), qPrintable(error));
    QStringList names;
    for (const auto &f : archive->files())
        names.append(f.path);
    QCOMPARE(names, (QStringList{u"Chart.yaml"_s, u"link"_s, u"hard"_s, u"fifo"_s}));
    for (qsizetype i = 1; i < archive->files().size(); ++i) {
        QCOMPARE(archive->files().at(i).size, 0);
        QVERIFY(archive->files().at(i).data.isEmpty());
    }
    QCOMPARE(archive->topDirectory(), u"demo"_s);
    QCOMPARE(archive->metadata().version, u"1.0.0-42"_s);
}

void TstChartarchive::bomIsStripped()
{
    const QByteArray tgz = tgzOf({file(u"demo/Chart.yaml"_s, "\xEF\xBB\xBF"_ba + chartYaml),
                                  file(u"demo/values.yaml"_s, "\xEF\xBB\xBFkey: v\n"_ba)});
    QString error;
    const auto archive = ChartArchive::read(tgz, &error);
    QVERIFY2(archive.has_value(), qPrintable(error));
    QCOMPARE(archive->chartYaml(), chartYaml);
    QCOMPARE(archive->valuesYaml(), "key: v\n"_ba);
    QCOMPARE(archive->metadata().name, u"demo"_s);
    QCOMPARE(archive->totalSize(), chartYaml.size() + 7);
}

void TstChartarchive::filesOutliveTheArchive()
{
    // The files share one buffer with the decompressed tar: each keeps it alive, ends with a NUL like any
    // QByteArray, and changing one copies it first.
    const QByteArray exact(512, 'x'); // a multiple of the tar block: the next header follows at once
    QByteArray values;
    QByteArray chart;
    {
        const QByteArray tgz = tgzOf({file(u"demo/Chart.yaml"_s, chartYaml), file(u"demo/exact.txt"_s, exact),
                                      file(u"demo/values.yaml"_s, "\xEF\xBB\xBFkey: v\n"_ba)});
        QString error;
        const auto archive = ChartArchive::read(tgz, &error);
        QVERIFY2(archive.has_value(), qPrintable(error));
        QCOMPARE(archive->fileData(u"exact.txt"_s), exact);
        QCOMPARE(archive->fileData(u"exact.txt"_s).constData()[512], '\0');
        values = archive->valuesYaml();
        chart = archive->chartYaml();
    }
    QCOMPARE(values, "key: v\n"_ba);
    QCOMPARE(values.constData()[values.size()], '\0');
    QCOMPARE(chart, chartYaml);
    QByteArray changed = chart;
    changed.append("description: more\n");
    changed[0] = 'A';
    QCOMPARE(chart, chartYaml);
    QVERIFY(changed.startsWith("ApiVersion"));
}

void TstChartarchive::backslashNamesAreNormalised()
{
    QString error;
    auto archive = ChartArchive::read(
        tgzOf({file(u"demo\\Chart.yaml"_s, chartYaml), file(u"demo\\templates\\a.yaml"_s)}), &error);
    QVERIFY2(archive.has_value(), qPrintable(error));
    QCOMPARE(archive->files().at(1).path, u"templates/a.yaml"_s);

    QVERIFY(
        !ChartArchive::read(tgzOf({file(u"demo\\Chart.yaml"_s, chartYaml), file(u"demo\\..\\x"_s)}), &error));
    QCOMPARE(error, u"chart illegally references parent directory"_s);
}

void TstChartarchive::totalLimitCountsData()
{
    // Twenty files of exactly 5 MiB reach the 100 MiB total: Helm refuses when nothing remains.
    QList<TarEntry> entries{file(u"demo/Chart.yaml"_s, chartYaml)};
    const QByteArray block(ChartArchive::MaxFileSize, 'z');
    for (int i = 0; i < 19; ++i)
        entries.append(file(u"demo/f%1"_s.arg(i), block));
    QString error;
    QVERIFY2(ChartArchive::read(tgzOf(entries), &error).has_value(), qPrintable(error));

    entries.append(file(u"demo/last"_s, block));
    QVERIFY(!ChartArchive::read(tgzOf(entries), &error).has_value());
    QCOMPARE(error, u"decompressed chart is larger than the maximum file size 104857600"_s);
}

void TstChartarchive::nestedSubcharts()
{
    // Each level holds the next as charts/<name>.tgz; Helm loads them all recursively.
    const auto nest = [](int levels) {
        QByteArray inner;
        for (int level = levels; level >= 0; --level) {
            const QString name = u"c%1"_s.arg(level);
            QList<TarEntry> entries{
                file(name + u"/Chart.yaml"_s, "name: "_ba + name.toUtf8() + "\nversion: 1.0.0\n")};
            if (!inner.isEmpty())
                entries.append(file(name + u"/charts/c%1-1.0.0.tgz"_s.arg(level + 1), inner));
            inner = tgzOf(entries);
        }
        return inner;
    };
    QString error;
    const auto three = ChartArchive::read(nest(3), &error);
    QVERIFY2(three.has_value(), qPrintable(error));
    QCOMPARE(three->metadata().name, u"c0"_s);

    QVERIFY(!ChartArchive::read(nest(12), &error).has_value());
    QVERIFY2(error.startsWith(
                 u"error unpacking subchart c1-1.0.0.tgz in c0: error unpacking subchart c2-1.0.0.tgz in "
                 "c1: "_s),
             qPrintable(error));
    QVERIFY2(error.endsWith(u"subcharts are nested deeper than 10 levels"_s), qPrintable(error));

    // An error deep down names the whole path.
    QByteArray bad = tgzOf({file(u"c2/Chart.yaml"_s, "name: c2\nversion: nope\n"_ba)});
    bad = tgzOf(
        {file(u"c1/Chart.yaml"_s, "name: c1\nversion: 1.0.0\n"_ba), file(u"c1/charts/c2-1.0.0.tgz"_s, bad)});
    bad = tgzOf(
        {file(u"c0/Chart.yaml"_s, "name: c0\nversion: 1.0.0\n"_ba), file(u"c0/charts/c1-1.0.0.tgz"_s, bad)});
    QVERIFY(!ChartArchive::read(bad, &error).has_value());
    QCOMPARE(error,
             u"error unpacking subchart c1-1.0.0.tgz in c0: error unpacking subchart c2-1.0.0.tgz in c1: "
             "validation: chart.metadata.version \"nope\" is invalid"_s);
}

void TstChartarchive::streamQuirksHelmAccepts_data()
{
    QTest::addColumn<QByteArray>("tgz");
    const QByteArray tar = tarOf({file(u"demo/Chart.yaml"_s, chartYaml), file(u"demo/values.yaml"_s)});
    QTest::newRow("concatenated gzip members") << gzip(tar.left(1024)) + gzip(tar.mid(1024));
    QTest::newRow("trailing bytes after the archive") << gzip(tar) + "trailing garbage"_ba;
    QTest::newRow("no end-of-archive blocks") << gzip(tar.left(tar.size() - 1024));
}

void TstChartarchive::streamQuirksHelmAccepts()
{
    QFETCH(QByteArray, tgz);
    QString error;
    const auto archive = ChartArchive::read(tgz, &error);
    QVERIFY2(archive.has_value(), qPrintable(error));
    QCOMPARE(archive->files().size(), 2);
    QCOMPARE(archive->valuesYaml(), "x: 1\n"_ba);
}

void TstChartarchive::writerIsDeterministic()
{
    const QList<ChartArchiveWriter::Entry> entries{{u"Chart.yaml"_s, chartYaml},
                                                   {u"values.yaml"_s, "a: 1\n"_ba}};
    const QByteArray a = ChartArchiveWriter::write(u"demo"_s, entries, 1700000000);
    const QByteArray b = ChartArchiveWriter::write(u"demo"_s, entries, 1700000000);
    QVERIFY(!a.isEmpty());
    QCOMPARE(a, b);
    QVERIFY(a.startsWith("\x1f\x8b\x08"_ba));

    // A different mtime or content gives different bytes.
    QVERIFY(ChartArchiveWriter::write(u"demo"_s, entries, 1700000001) != a);
    QVERIFY(ChartArchiveWriter::write(u"demo"_s, {{u"Chart.yaml"_s, chartYaml}}, 1700000000) != a);

    // One gzip member: the trailer's ISIZE is the whole tar (10 KiB records are not padded in).
    const quint32 isize = quint8(a.at(a.size() - 4)) | quint8(a.at(a.size() - 3)) << 8 |
                          quint8(a.at(a.size() - 2)) << 16 | quint32(quint8(a.at(a.size() - 1))) << 24;
    QCOMPARE(isize % 512, 0u);
    QCOMPARE(isize, 512u * (1 + 1 + 1 + 1) + 1024u); // two headers, two data blocks, two end blocks
}

void TstChartarchive::writerHeaders()
{
    const QByteArray tgz = ChartArchiveWriter::write(
        u"demo"_s, {{u"Chart.yaml"_s, chartYaml}, {u"templates/cm.yaml"_s, "kind: ConfigMap\n"_ba}},
        1234567890);
    const auto headers = headersOf(tgz);
    QCOMPARE(headers.size(), 2);
    QCOMPARE(headers.at(0).name, u"demo/Chart.yaml"_s);
    QCOMPARE(headers.at(1).name, u"demo/templates/cm.yaml"_s);
    for (const auto &h : headers) {
        QCOMPARE(h.type, mode_t(AE_IFREG));
        QCOMPARE(h.mode, 0644);
        QCOMPARE(h.uid, 0);
        QCOMPARE(h.gid, 0);
        QCOMPARE(h.uname, QString());
        QCOMPARE(h.gname, QString());
        QCOMPARE(h.mtime, 1234567890);
    }
}

void TstChartarchive::writerRoundTrip()
{
    const QString longPath = u"files/"_s + QString(70, u'd') + u'/' + QString(60, u'f') + u".txt"_s;
    const QString longName = u"files/"_s + QString(120, u'n') + u".txt"_s;
    const QList<ChartArchiveWriter::Entry> entries{
        {u"Chart.yaml"_s, chartYaml},
        {u"values.yaml"_s, "replicas: 2\n"_ba},
        {u"templates/deploy.yaml"_s, "kind: Deployment\n"_ba},
        {u"files/ünï.txt"_s, "unicode\n"_ba},
        {longPath, "long\n"_ba},
        {longName, "longer\n"_ba},
        {u"files/empty"_s, {}},
        {u"charts/sub/Chart.yaml"_s, "apiVersion: v2\nname: sub\nversion: 0.1.0\n"_ba},
    };
    const QByteArray tgz = ChartArchiveWriter::write(u"demo"_s, entries);
    QString error;
    const auto archive = ChartArchive::read(tgz, &error);
    QVERIFY2(archive.has_value(), qPrintable(error));
    QCOMPARE(archive->topDirectory(), u"demo"_s);
    QCOMPARE(archive->files().size(), entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QCOMPARE(archive->files().at(i).path, entries.at(i).path);
        QCOMPARE(archive->files().at(i).data, entries.at(i).data);
        QCOMPARE(archive->files().at(i).size, entries.at(i).data.size());
    }
    QCOMPARE(archive->metadata().name, u"demo"_s);
    QCOMPARE(archive->metadata().version, u"1.0.0-42"_s);
    QCOMPARE(archive->valuesYaml(), "replicas: 2\n"_ba);
    QCOMPARE(archive->fileData(u"files/ünï.txt"_s), "unicode\n"_ba);
}

void TstChartarchive::writerIgnoresLocale()
{
    // libarchive converts names through the C library locale; the bytes must not depend on it.
    const QList<ChartArchiveWriter::Entry> entries{{u"Chart.yaml"_s, chartYaml},
                                                   {u"files/ünï.txt"_s, "x"_ba}};
    const std::string saved = setlocale(LC_ALL, nullptr);
    QVERIFY(setlocale(LC_ALL, "C"));
    const QByteArray inC = ChartArchiveWriter::write(u"demo"_s, entries);
    const bool haveUtf8 = setlocale(LC_ALL, "C.UTF-8") != nullptr;
    const QByteArray inUtf8 = ChartArchiveWriter::write(u"demo"_s, entries);
    setlocale(LC_ALL, saved.c_str());
    QVERIFY(!inC.isEmpty());
    if (!haveUtf8)
        QSKIP("no C.UTF-8 locale here");
    QCOMPARE(inC, inUtf8);
    QString error;
    const auto archive = ChartArchive::read(inC, &error);
    QVERIFY2(archive.has_value(), qPrintable(error));
    QCOMPARE(archive->files().at(1).path, u"files/ünï.txt"_s);
}

#define REQUIRE_HELM() CAPSTAN_REQUIRE_HELM()

void TstChartarchive::helmPackagedChartsLoad_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("helm create") << u"plain"_s;
    QTest::newRow("with subchart") << u"subchart"_s;
    QTest::newRow("non-ASCII and long paths") << u"names"_s;
}

void TstChartarchive::helmPackagedChartsLoad()
{
    REQUIRE_HELM();
    QFETCH(QString, kind);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString chartDir = dir.filePath(u"demo"_s);
    QVERIFY(runHelm({u"create"_s, u"demo"_s}, dir.path(), nullptr));
    if (kind == u"subchart") {
        QVERIFY(runHelm({u"create"_s, u"child"_s}, chartDir + u"/charts"_s, nullptr));
    } else if (kind == u"names") {
        QVERIFY(writeFile(chartDir + u"/files/ünïcödé.txt"_s, "non-ascii\n"_ba));
        QVERIFY(
            writeFile(chartDir + u"/files/"_s + QString(70, u'd') + u'/' + QString(60, u'f'), "split\n"_ba));
        QVERIFY(writeFile(chartDir + u"/files/"_s + QString(130, u'n') + u".txt"_s, "pax\n"_ba));
    }

    QVERIFY(runHelm({u"package"_s, chartDir, u"--destination"_s, dir.path()}, dir.path(), nullptr));
    const QByteArray onDiskChartYaml = readAll(chartDir + u"/Chart.yaml"_s);
    const auto onDisk = ChartYaml::parse(onDiskChartYaml, nullptr);
    QVERIFY(onDisk.has_value());
    const QByteArray tgz = readAll(dir.filePath(u"demo-%1.tgz"_s.arg(onDisk->version)));
    QVERIFY(!tgz.isEmpty());

    QString error;
    const auto archive = ChartArchive::read(tgz, &error);
    QVERIFY2(archive.has_value(), qPrintable(error));
    QCOMPARE(archive->topDirectory(), u"demo"_s);
    QCOMPARE(archive->metadata().name, onDisk->name);
    QCOMPARE(archive->metadata().version, onDisk->version);
    QCOMPARE(archive->metadata().appVersion, onDisk->appVersion);
    QCOMPARE(archive->metadata().description, onDisk->description);
    QCOMPARE(archive->valuesYaml(), readAll(chartDir + u"/values.yaml"_s));

    // Every file on disk is in the archive with the same bytes (Chart.yaml is rewritten by helm).
    QStringList expected;
    QDirIterator it(chartDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(chartDir).relativeFilePath(path);
        expected.append(relative);
        if (!relative.endsWith(u"Chart.yaml"_s))
            QVERIFY2(archive->fileData(relative) == readAll(path), qPrintable(relative));
    }
    QStringList actual;
    for (const auto &f : archive->files())
        actual.append(f.path);
    expected.sort();
    actual.sort();
    QCOMPARE(actual, expected);
    if (kind == u"subchart")
        QVERIFY(actual.contains(u"charts/child/templates/deployment.yaml"_s));
}

void TstChartarchive::helmAcceptsOurArchive()
{
    REQUIRE_HELM();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray ourChartYaml = "apiVersion: v2\nname: capstan-demo\ndescription: Written by Capstan\n"
                                    "type: application\nversion: 1.0.0-42\nappVersion: \"2.5\"\n"_ba;
    const QByteArray tgz = ChartArchiveWriter::write(
        u"capstan-demo"_s, {{u"Chart.yaml"_s, ourChartYaml},
                            {u"values.yaml"_s, "message: hello\n"_ba},
                            {u"files/ünïcödé.txt"_s, "non-ascii name\n"_ba},
                            {u"files/"_s + QString(120, u'n') + u".txt"_s, "long name\n"_ba},
                            {u"templates/configmap.yaml"_s,
                             "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n"
                             "data:\n  message: {{ .Values.message | quote }}\n"_ba}});
    const QString path = dir.filePath(u"capstan-demo-1.0.0-42.tgz"_s);
    QVERIFY(writeFile(path, tgz));

    QByteArray lint;
    QVERIFY(runHelm({u"lint"_s, path}, dir.path(), &lint));
    QVERIFY2(lint.contains("0 chart(s) failed"), lint.constData());

    QByteArray shown;
    QVERIFY(runHelm({u"show"_s, u"chart"_s, path}, dir.path(), &shown));
    QString error;
    const auto printed = ChartYaml::parse(shown, &error);
    QVERIFY2(printed.has_value(), qPrintable(error));
    const auto ours = ChartYaml::parse(ourChartYaml, nullptr);
    QVERIFY(ours.has_value());
    QCOMPARE(printed->name, ours->name);
    QCOMPARE(printed->version, ours->version);
    QCOMPARE(printed->appVersion, ours->appVersion);
    QCOMPARE(printed->description, ours->description);
    QCOMPARE(printed->type, ours->type);
    QCOMPARE(*printed, *ours);

    QByteArray rendered;
    QVERIFY(runHelm({u"template"_s, u"rel"_s, path}, dir.path(), &rendered));
    QVERIFY2(rendered.contains("message: \"hello\""), rendered.constData());
}

void TstChartarchive::largeArchiveIsSeveralGzipMembers()
{
    // Over 4 MiB of tar is compressed as concatenated gzip members in parallel; readers must see one chart.
    QList<ChartArchiveWriter::Entry> entries{
        {u"Chart.yaml"_s, "apiVersion: v2\nname: big\nversion: 1.0.0-7\n"_ba}};
    quint32 state = 7;
    for (int file = 0; file < 3; ++file) {
        QByteArray data(3 * 1024 * 1024, Qt::Uninitialized);
        for (char &c : data) {
            state = state * 1664525u + 1013904223u;
            c = char('a' + (state >> 24) % 26);
        }
        entries.append({u"files/blob-%1.txt"_s.arg(file), data});
    }
    const QByteArray tgz = ChartArchiveWriter::write(u"big"_s, entries);
    QVERIFY(!tgz.isEmpty());
    QCOMPARE(ChartArchiveWriter::write(u"big"_s, entries), tgz);
    QVERIFY2(tgz.count("\x1f\x8b\x08"_ba) >= 2, "expected several gzip members");

    QString error;
    const auto archive = ChartArchive::read(tgz, &error);
    QVERIFY2(archive.has_value(), qPrintable(error));
    QCOMPARE(archive->files().size(), entries.size());
    for (const auto &entry : std::as_const(entries))
        QCOMPARE(archive->fileData(entry.path), entry.data);

    REQUIRE_HELM();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"big-1.0.0-7.tgz"_s);
    QVERIFY(writeFile(path, tgz));
    QByteArray shown;
    QVERIFY(runHelm({u"show"_s, u"chart"_s, path}, dir.path(), &shown));
    QVERIFY2(shown.contains("name: big"), shown.constData());
}

// A stream whose last gzip member is tiny next to the rest (what the size estimate reads) is still read
// whole.
void TstChartarchive::smallLastMemberStillReadsWhole()
{
    const QByteArray big(4 * 1024 * 1024, 'x');
    const QByteArray tgz = tgzOf({file(u"demo/Chart.yaml"_s, chartYaml), file(u"demo/files/big.txt"_s, big)});
    auto gzip = [](const QStringList &arguments, const QByteArray &input) {
        QProcess process;
        process.start(u"gzip"_s, arguments);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return process.readAllStandardOutput();
    };
    const QByteArray tar = gzip({u"-dc"_s}, tgz);
    QVERIFY(tar.size() > big.size());
    const QByteArray twoMembers =
        gzip({u"-c"_s}, tar.first(tar.size() - 1024)) + gzip({u"-c"_s}, tar.last(1024));
    QString error;
    const auto archive = ChartArchive::read(twoMembers, &error);
    QVERIFY2(archive.has_value(), qPrintable(error));
    QCOMPARE(archive->fileData(u"files/big.txt"_s), big);
}

QTEST_GUILESS_MAIN(TstChartarchive)
#include "tst_chartarchive.moc"
