#include "CapstanProcess.h"
#include "HelmTool.h"
#include "chart/ChartArchive.h"
#include "chart/ChartPackager.h"
#include "chart/ChartYaml.h"
#include "chart/HelmIgnore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray BaseChartYaml = "apiVersion: v2\n"
                                 "# the chart's name\n"
                                 "name: demo\n"
                                 "description: A demo chart\n"
                                 "type: application\n"
                                 "version: 0.1.0 # bumped by CI\n"
                                 "appVersion: \"1.16.0\"\n"_ba;

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A small chart on disk: Chart.yaml, values.yaml and two templates.
void makeChart(const QString &dir, const QByteArray &chartYaml = BaseChartYaml)
{
    writeFile(dir + u"/Chart.yaml"_s, chartYaml);
    writeFile(dir + u"/values.yaml"_s, "replicas: 1\n"_ba);
    writeFile(dir + u"/templates/configmap.yaml"_s,
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n"
              "data:\n  replicas: {{ .Values.replicas | quote }}\n"_ba);
    writeFile(dir + u"/templates/_helpers.tpl"_s, "{{/* helpers */}}\n"_ba);
}

} // namespace

// Why: packaging must give exactly the files helm package gives, reject bad charts with clear messages and
// give the same bytes for the same input.
class TstPackaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void goMatch_data();
    void goMatch();
    void helmIgnoreRules_data();
    void helmIgnoreRules();
    void helmIgnoreRejects_data();
    void helmIgnoreRejects();

    void entryOrderAndContent();
    void manifestsGoIntoTemplates();
    void badInput_data();
    void badInput();
    void unreadableFile();

    void rewriteChartYaml_data();
    void rewriteChartYaml();
    void overridesLeaveDiskUntouched();

    void deterministic();

    void helmInterop_data();
    void helmInterop();

    void cliPackage();
    void cliErrors_data();
    void cliErrors();

private:
    bool runHelm(const QStringList &arguments, const QString &workDir, QByteArray *output,
                 QByteArray *errors = nullptr)
    {
        return m_helm.run(arguments, workDir, output, errors);
    }
    using Run = CapstanProcess::Result;
    Run capstan(const QStringList &arguments, const QString &workDir);

    QTemporaryDir m_home;
    HelmTool m_helm;
};

void TstPackaging::initTestCase()
{
    QVERIFY(m_home.isValid());
}

TstPackaging::Run TstPackaging::capstan(const QStringList &arguments, const QString &workDir)
{
    return CapstanProcess::run(arguments, CapstanProcess::environment(m_home.path()), workDir);
}

#define REQUIRE_HELM() CAPSTAN_REQUIRE_HELM()

void TstPackaging::goMatch_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("matches");
    QTest::newRow("star") << u"*.txt"_s << u"a.txt"_s << true;
    QTest::newRow("star stops at slash") << u"*.txt"_s << u"a/b.txt"_s << false;
    QTest::newRow("trailing star") << u"a*"_s << u"abc"_s << true;
    QTest::newRow("trailing star no slash") << u"a*"_s << u"a/c"_s << false;
    QTest::newRow("question") << u"a?c"_s << u"abc"_s << true;
    QTest::newRow("question not slash") << u"a?c"_s << u"a/c"_s << false;
    QTest::newRow("question one rune") << u"?"_s << u"ü"_s << true;
    QTest::newRow("class") << u"[a-c]x"_s << u"bx"_s << true;
    QTest::newRow("class miss") << u"[a-c]x"_s << u"dx"_s << false;
    QTest::newRow("negated class") << u"[^a-c]x"_s << u"dx"_s << true;
    QTest::newRow("escape") << u"a\\*"_s << u"a*"_s << true;
    QTest::newRow("escape literal") << u"a\\*"_s << u"ab"_s << false;
    QTest::newRow("dotfile") << u".?*"_s << u".git"_s << true;
    QTest::newRow("single dot") << u".?*"_s << u"."_s << false;
    QTest::newRow("path") << u"templates/*.yaml"_s << u"templates/a.yaml"_s << true;
    QTest::newRow("middle star") << u"a*b*c"_s << u"axxbyyc"_s << true;
    QTest::newRow("middle star miss") << u"a*b*c"_s << u"axxbyy"_s << false;
}

void TstPackaging::goMatch()
{
    QFETCH(QString, pattern);
    QFETCH(QString, name);
    QFETCH(bool, matches);
    bool bad = true;
    QCOMPARE(HelmIgnore::match(pattern, name, &bad), matches);
    QVERIFY(!bad);
}

void TstPackaging::helmIgnoreRules_data()
{
    QTest::addColumn<QByteArray>("rules");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("isDirectory");
    QTest::addColumn<bool>("ignored");

    QTest::newRow("glob on base name at depth") << "*.tmp\n"_ba << u"a/b/c.tmp"_s << false << true;
    QTest::newRow("glob other file") << "*.tmp\n"_ba << u"a/b/c.yaml"_s << false << false;
    QTest::newRow("comment") << "# *.yaml\n"_ba << u"a.yaml"_s << false << false;
    QTest::newRow("blank and spaces") << "\n   \n  *.bak  \n"_ba << u"x.bak"_s << false << true;
    QTest::newRow("dir-only matches dir") << "build/\n"_ba << u"build"_s << true << true;
    QTest::newRow("dir-only skips file") << "build/\n"_ba << u"build"_s << false << false;
    QTest::newRow("dir-only nested dir") << "build/\n"_ba << u"x/build"_s << true << true;
    QTest::newRow("anchored matches root") << "/secret.txt\n"_ba << u"secret.txt"_s << false << true;
    QTest::newRow("anchored not nested") << "/secret.txt\n"_ba << u"a/secret.txt"_s << false << false;
    QTest::newRow("slash pattern whole path") << "files/*.bin\n"_ba << u"files/a.bin"_s << false << true;
    QTest::newRow("slash pattern not nested") << "files/*.bin\n"_ba << u"x/files/a.bin"_s << false << false;
    QTest::newRow("base name matches dir") << "docs\n"_ba << u"a/docs"_s << true << true;
    QTest::newRow("default templates dotfile") << ""_ba << u"templates/.keep"_s << false << true;
    QTest::newRow("default templates dotdir") << ""_ba << u"templates/.git"_s << true << true;
    QTest::newRow("default not nested") << ""_ba << u"templates/sub/.keep"_s << false << false;
    QTest::newRow("default other dirs") << ""_ba << u".helmignore"_s << false << false;
    QTest::newRow("negation ignores non-matching") << "!templates/*\n"_ba << u"Chart.yaml"_s << false << true;
    QTest::newRow("negation keeps matching")
        << "!templates/*\n"_ba << u"templates/a.yaml"_s << false << false;
    QTest::newRow("negation dir-only ignores files") << "!templates/\n"_ba << u"templates"_s << false << true;
    QTest::newRow("earlier rule wins before negation")
        << "*.md\n!*.md\n"_ba << u"README.md"_s << false << true;
    QTest::newRow("root never ignored") << "*\n"_ba << u"."_s << true << false;
    QTest::newRow("star matches all top") << "*\n"_ba << u"values.yaml"_s << false << true;
}

void TstPackaging::helmIgnoreRules()
{
    QFETCH(QByteArray, rules);
    QFETCH(QString, path);
    QFETCH(bool, isDirectory);
    QFETCH(bool, ignored);
    QString error;
    std::optional<HelmIgnore> parsed = HelmIgnore::parse(rules, &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    parsed->addDefaults();
    QCOMPARE(parsed->ignores(path, isDirectory), ignored);
}

void TstPackaging::helmIgnoreRejects_data()
{
    QTest::addColumn<QByteArray>("rules");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("double star") << "*.tmp\n# fine\na/**/b\n"_ba << 3
                                 << u"double-star (**) syntax is not supported"_s;
    QTest::newRow("open class") << "[\n"_ba << 1 << u"syntax error in pattern \"[\""_s;
    QTest::newRow("trailing backslash") << "ok\nbad\\\n"_ba << 2 << u"syntax error in pattern"_s;
    QTest::newRow("empty class") << "a[]b\n"_ba << 1 << u"syntax error in pattern"_s;
}

void TstPackaging::helmIgnoreRejects()
{
    QFETCH(QByteArray, rules);
    QFETCH(int, line);
    QFETCH(QString, message);
    QString error;
    int errorLine = 0;
    QVERIFY(!HelmIgnore::parse(rules, &error, &errorLine).has_value());
    QCOMPARE(errorLine, line);
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TstPackaging::entryOrderAndContent()
{
    QTemporaryDir dir;
    const QString chart = dir.filePath(u"source-dir"_s);
    makeChart(chart);
    QVERIFY(writeFile(chart + u"/README.md"_s, "\xEF\xBB\xBFreadme with BOM\n"_ba));
    QVERIFY(writeFile(chart + u"/Chart.lock"_s,
                      "dependencies: []\ndigest: x\ngenerated: \"2020-01-01T00:00:00Z\"\n"_ba));
    QVERIFY(writeFile(chart + u"/values.schema.json"_s, "{\"type\": \"object\"}\n"_ba));
    QVERIFY(writeFile(chart + u"/.helmignore"_s, "*.tmp\nignored/\n"_ba));
    QVERIFY(writeFile(chart + u"/a-file.txt"_s, "a\n"_ba));
    QVERIFY(writeFile(chart + u"/a/b.txt"_s, "b\n"_ba));
    QVERIFY(writeFile(chart + u"/junk.tmp"_s, "x\n"_ba));
    QVERIFY(writeFile(chart + u"/ignored/x.yaml"_s, "x\n"_ba));
    QVERIFY(writeFile(chart + u"/templates/.hidden"_s, "x\n"_ba));
    QVERIFY(writeFile(chart + u"/templates/sub/z.yaml"_s, "z: 1\n"_ba));
    QVERIFY(writeFile(chart + u"/shared/real.txt"_s, "shared\n"_ba));
    QVERIFY(QFile::link(chart + u"/shared"_s, chart + u"/linked"_s));

    QString error;
    const auto result = ChartPackager::package(chart, {}, &error);
    QVERIFY2(result.has_value(), qPrintable(error));
    QCOMPARE(result->fileName, u"demo-0.1.0.tgz"_s);
    const QStringList expected = {u"Chart.yaml"_s,
                                  u"Chart.lock"_s,
                                  u"values.yaml"_s,
                                  u"values.schema.json"_s,
                                  u"templates/_helpers.tpl"_s,
                                  u"templates/configmap.yaml"_s,
                                  u"templates/sub/z.yaml"_s,
                                  u".helmignore"_s,
                                  u"README.md"_s,
                                  u"a/b.txt"_s,
                                  u"a-file.txt"_s,
                                  u"linked/real.txt"_s,
                                  u"shared/real.txt"_s};
    QCOMPARE(result->files, expected);

    QString readError;
    const auto archive = ChartArchive::read(result->archive, &readError);
    QVERIFY2(archive.has_value(), qPrintable(readError));
    QCOMPARE(archive->topDirectory(), u"demo"_s);
    QCOMPARE(archive->chartYaml(), BaseChartYaml); // no override: the original bytes
    QCOMPARE(archive->fileData(u"README.md"_s), "readme with BOM\n"_ba);
    QCOMPARE(archive->fileData(u"linked/real.txt"_s), "shared\n"_ba);
    QCOMPARE(
        result->digest,
        QString::fromLatin1(QCryptographicHash::hash(result->archive, QCryptographicHash::Sha256).toHex()));
}

void TstPackaging::manifestsGoIntoTemplates()
{
    QTemporaryDir dir;
    const QString chart = dir.filePath(u"chart"_s);
    const QString manifests = dir.filePath(u"dist"_s);
    makeChart(chart);
    QVERIFY(writeFile(manifests + u"/deployment.yaml"_s, "kind: Deployment\n"_ba));
    QVERIFY(writeFile(manifests + u"/a/service.yaml"_s, "kind: Service\n"_ba));
    QVERIFY(writeFile(manifests + u"/.cache"_s, "dotfile\n"_ba));

    ChartPackager::Options options;
    options.manifestsDirectory = manifests;
    QString error;
    const auto result = ChartPackager::package(chart, options, &error);
    QVERIFY2(result.has_value(), qPrintable(error));
    QCOMPARE(result->files, (QStringList{u"Chart.yaml"_s, u"values.yaml"_s, u"templates/_helpers.tpl"_s,
                                         u"templates/a/service.yaml"_s, u"templates/configmap.yaml"_s,
                                         u"templates/deployment.yaml"_s}));
    const auto archive = ChartArchive::read(result->archive, &error);
    QVERIFY2(archive.has_value(), qPrintable(error));
    QCOMPARE(archive->fileData(u"templates/deployment.yaml"_s), "kind: Deployment\n"_ba);
    QVERIFY(!QFileInfo::exists(chart + u"/templates/deployment.yaml"_s));

    // A generated file may not silently replace one of the chart's own templates.
    QVERIFY(writeFile(manifests + u"/configmap.yaml"_s, "kind: ConfigMap\n"_ba));
    QVERIFY(!ChartPackager::package(chart, options, &error));
    QVERIFY2(error.contains(u"templates/configmap.yaml"_s) && error.contains(u"would replace"_s),
             qPrintable(error));

    options.manifestsDirectory = dir.filePath(u"missing"_s);
    QVERIFY(!ChartPackager::package(chart, options, &error));
    QVERIFY2(error.contains(u"manifests directory"_s) && error.contains(u"does not exist"_s),
             qPrintable(error));
}

void TstPackaging::badInput_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("expected"); // every string must be in the error

    QTest::newRow("missing Chart.yaml") << u"no-chart-yaml"_s << QStringList{u"Chart.yaml file is missing"_s};
    QTest::newRow("invalid name")
        << u"bad-name"_s
        << QStringList{u"/Chart.yaml:3: validation: chart.metadata.name \"a/b\" is invalid"_s};
    QTest::newRow("invalid version")
        << u"bad-version"_s
        << QStringList{u"/Chart.yaml:6: validation: chart.metadata.version \"1.2.3.4\" is invalid"_s};
    QTest::newRow("missing version") << u"no-version"_s
                                     << QStringList{
                                            u"Chart.yaml: validation: chart.metadata.version is required"_s};
    QTest::newRow("YAML syntax")
        << u"yaml-syntax"_s
        << QStringList{
               u"/Chart.yaml:3: cannot load Chart.yaml: error converting YAML to JSON: yaml: line 3:"_s};
    QTest::newRow("apiVersion v3") << u"api-v3"_s
                                   << QStringList{u"/Chart.yaml:1: invalid chart apiVersion"_s};
    QTest::newRow(".helmignore excludes Chart.yaml")
        << u"ignore-chart-yaml"_s
        << QStringList{u"Chart.yaml file is missing"_s, u".helmignore excludes it"_s};
    QTest::newRow(".helmignore with **")
        << u"double-star"_s << QStringList{u"/.helmignore:2: double-star (**) syntax is not supported"_s};
    QTest::newRow("symlink outside the chart")
        << u"symlink-outside"_s << QStringList{u"points outside the chart directory"_s, u"/templates/evil"_s};
    QTest::newRow("dangling symlink") << u"dangling"_s << QStringList{u"error evaluating symlink"_s};
    QTest::newRow("symlink loop") << u"loop"_s << QStringList{u"symlink loop"_s, u"/templates/up"_s};
    QTest::newRow("FIFO") << u"fifo"_s << QStringList{u"cannot load irregular file"_s, u"/pipe"_s};
    QTest::newRow("file above 5 MiB")
        << u"oversize"_s
        << QStringList{u"chart file \"files/big.bin\" is larger than the maximum file size 5242880"_s};
    QTest::newRow("chart above 100 MiB")
        << u"total"_s << QStringList{u"larger than the maximum file size 104857600"_s};
    QTest::newRow("missing dependency")
        << u"missing-dependency"_s
        << QStringList{u"found in Chart.yaml, but missing in charts/ directory: redis"_s};
    QTest::newRow("stray file in charts/")
        << u"stray-in-charts"_s
        << QStringList{u"error unpacking subchart README.md in demo: Chart.yaml file is missing"_s};
    QTest::newRow("broken subchart archive")
        << u"broken-subchart"_s
        << QStringList{u"error unpacking subchart bad-1.0.0.tgz in demo: gzip: invalid header"_s};
    QTest::newRow("invalid values.yaml")
        << u"bad-values"_s << QStringList{u"/values.yaml:1:"_s, u"cannot load values.yaml"_s};
    QTest::newRow("version override not SemVer")
        << u"bad-override"_s << QStringList{u"invalid semantic version \"1.0.0-{build}\""_s};
    QTest::newRow("not a directory") << u"not-a-directory"_s << QStringList{u"is not a directory"_s};
    QTest::newRow("no such directory") << u"no-directory"_s << QStringList{u"does not exist"_s};
}

void TstPackaging::badInput()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, expected);

    QTemporaryDir dir;
    QString chart = dir.filePath(u"demo"_s);
    ChartPackager::Options options;
    QByteArray chartYaml = BaseChartYaml;
    if (kind == u"bad-name")
        chartYaml.replace("name: demo", "name: a/b");
    else if (kind == u"bad-version")
        chartYaml.replace("version: 0.1.0", "version: 1.2.3.4");
    else if (kind == u"no-version")
        chartYaml.replace("version: 0.1.0 # bumped by CI\n", "");
    else if (kind == u"yaml-syntax")
        chartYaml = "apiVersion: v2\nname: [demo\nversion: 1.0.0\n"_ba;
    else if (kind == u"api-v3")
        chartYaml.replace("apiVersion: v2", "apiVersion: v3");
    else if (kind == u"missing-dependency")
        chartYaml += "dependencies:\n  - name: redis\n    version: 1.0.0\n";
    makeChart(chart, chartYaml);

    if (kind == u"no-chart-yaml") {
        QVERIFY(QFile::remove(chart + u"/Chart.yaml"_s));
    } else if (kind == u"ignore-chart-yaml") {
        QVERIFY(writeFile(chart + u"/.helmignore"_s, "!templates/*\n"_ba));
    } else if (kind == u"double-star") {
        QVERIFY(writeFile(chart + u"/.helmignore"_s, "*.tmp\nfiles/**/x\n"_ba));
    } else if (kind == u"symlink-outside") {
        QVERIFY(writeFile(dir.filePath(u"outside.yaml"_s), "secret: 1\n"_ba));
        QVERIFY(QFile::link(dir.filePath(u"outside.yaml"_s), chart + u"/templates/evil"_s));
    } else if (kind == u"dangling") {
        QVERIFY(QFile::link(dir.filePath(u"nowhere"_s), chart + u"/templates/gone.yaml"_s));
    } else if (kind == u"loop") {
        QVERIFY(QFile::link(chart, chart + u"/templates/up"_s));
    } else if (kind == u"fifo") {
        QCOMPARE(::mkfifo(QFile::encodeName(chart + u"/pipe"_s).constData(), 0644), 0);
    } else if (kind == u"oversize") {
        QVERIFY(writeFile(chart + u"/files/big.bin"_s, QByteArray(ChartArchive::MaxFileSize + 1, 'x')));
    } else if (kind == u"total") {
        for (int i = 0; i < 21; ++i) {
            QFile f(chart + u"/files/part%1.bin"_s.arg(i));
            QDir().mkpath(chart + u"/files"_s);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(5000000)); // sparse: cheap to write, 105 MB to read
        }
    } else if (kind == u"stray-in-charts") {
        QVERIFY(writeFile(chart + u"/charts/README.md"_s, "not a chart\n"_ba));
    } else if (kind == u"broken-subchart") {
        QVERIFY(writeFile(chart + u"/charts/bad-1.0.0.tgz"_s, "not gzip at all"_ba));
    } else if (kind == u"bad-values") {
        QVERIFY(writeFile(chart + u"/values.yaml"_s, "- a list\n- not a map\n"_ba));
    } else if (kind == u"bad-override") {
        options.version = u"1.0.0-{build}"_s;
    } else if (kind == u"not-a-directory") {
        chart += u"/values.yaml"_s;
    } else if (kind == u"no-directory") {
        chart = dir.filePath(u"nothing-here"_s);
    }

    QString error;
    const auto result = ChartPackager::package(chart, options, &error);
    QVERIFY2(!result.has_value(), "packaging should have failed");
    for (const QString &part : expected)
        QVERIFY2(error.contains(part), qPrintable(u"\"%1\" not in: %2"_s.arg(part, error)));
}

void TstPackaging::unreadableFile()
{
    // chmod 000 does not stop root (the tests run as root in CI containers), so this check only bites for
    // other users; the FIFO and symlink-loop rows of badInput cover unreadable input for root.
    QTemporaryDir dir;
    const QString chart = dir.filePath(u"demo"_s);
    makeChart(chart);
    const QString secret = chart + u"/templates/secret.yaml"_s;
    QVERIFY(writeFile(secret, "kind: Secret\n"_ba));
    QVERIFY(QFile::setPermissions(secret, QFileDevice::Permissions()));
    QFile probe(secret);
    if (probe.open(QIODevice::ReadOnly))
        QSKIP("running as root: chmod 000 does not make a file unreadable");
    QString error;
    QVERIFY(!ChartPackager::package(chart, {}, &error));
    QVERIFY2(error.contains(u"error reading"_s) && error.contains(u"secret.yaml"_s), qPrintable(error));
}

void TstPackaging::rewriteChartYaml_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("appVersion");
    QTest::addColumn<QByteArray>("output");

    QTest::newRow("plain with comment")
        << BaseChartYaml << u"1.0.0-42"_s << QString()
        << QByteArray(BaseChartYaml).replace("version: 0.1.0 #", "version: \"1.0.0-42\" #");
    QTest::newRow("quoted appVersion") << BaseChartYaml << QString() << u"abc123"_s
                                       << QByteArray(BaseChartYaml).replace("\"1.16.0\"", "\"abc123\"");
    QTest::newRow("single quoted") << "name: x\nversion: '1.0'\n"_ba << u"2.0.0"_s << QString()
                                   << "name: x\nversion: \"2.0.0\"\n"_ba;
    QTest::newRow("missing appVersion appended")
        << "name: x\nversion: 1.0.0"_ba << QString() << u"v2 \"q\""_s
        << "name: x\nversion: 1.0.0\nappVersion: \"v2 \\\"q\\\"\"\n"_ba;
    QTest::newRow("both, non-ASCII comment first")
        << "# Ünïcödé\nname: x\nappVersion: 1.0\nversion: 1.0.0\n"_ba << u"1.2.3"_s << u"1.10"_s
        << "# Ünïcödé\nname: x\nappVersion: \"1.10\"\nversion: \"1.2.3\"\n"_ba;
    QTest::newRow("flow style") << "{name: x, version: 1.0.0, appVersion: a}\n"_ba << u"2.0.0"_s << u"b"_s
                                << "{name: x, version: \"2.0.0\", appVersion: \"b\"}\n"_ba;
    QTest::newRow("no override keeps bytes") << BaseChartYaml << QString() << QString() << BaseChartYaml;
    QTest::newRow("block scalar refused")
        << "name: x\nversion: |\n  1.0.0\n"_ba << u"2.0.0"_s << QString() << QByteArray();
}

void TstPackaging::rewriteChartYaml()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, version);
    QFETCH(QString, appVersion);
    QFETCH(QByteArray, output);
    QString error;
    const auto rewritten = ChartPackager::rewriteChartYaml(input, version, appVersion, &error);
    if (output.isEmpty()) {
        QVERIFY(!rewritten.has_value());
        QVERIFY2(error.contains(u"line 2"_s) && error.contains(u"single-line"_s), qPrintable(error));
        return;
    }
    QVERIFY2(rewritten.has_value(), qPrintable(error));
    QCOMPARE(*rewritten, output);
}

void TstPackaging::overridesLeaveDiskUntouched()
{
    QTemporaryDir dir;
    const QString chart = dir.filePath(u"demo"_s);
    makeChart(chart);
    ChartPackager::Options options;
    options.version = u"1.0.0-42"_s;
    options.appVersion = u"2.0"_s;
    QString error;
    const auto result = ChartPackager::package(chart, options, &error);
    QVERIFY2(result.has_value(), qPrintable(error));
    QCOMPARE(result->fileName, u"demo-1.0.0-42.tgz"_s);
    QCOMPARE(result->metadata.version, u"1.0.0-42"_s);
    QCOMPARE(result->metadata.appVersion, u"2.0"_s);
    const auto archive = ChartArchive::read(result->archive, &error);
    QVERIFY2(archive.has_value(), qPrintable(error));
    QCOMPARE(archive->metadata().version, u"1.0.0-42"_s);
    QVERIFY(archive->chartYaml().contains("# the chart's name\n"));
    QVERIFY(archive->chartYaml().contains("version: \"1.0.0-42\" # bumped by CI\n"));
    QCOMPARE(readAll(chart + u"/Chart.yaml"_s), BaseChartYaml);
}

void TstPackaging::deterministic()
{
    QTemporaryDir dir;
    const QString chart = dir.filePath(u"demo"_s);
    makeChart(chart);
    QVERIFY(writeFile(chart + u"/files/data.bin"_s, QByteArray(100000, '\x7f')));
    QString error;
    const auto first = ChartPackager::package(chart, {}, &error);
    QVERIFY2(first.has_value(), qPrintable(error));
    const auto second = ChartPackager::package(chart, {}, &error);
    QVERIFY2(second.has_value(), qPrintable(error));
    QCOMPARE(second->archive, first->archive);

    // Other modification times and permissions on disk: the same bytes.
    const QDateTime past = QDateTime::fromSecsSinceEpoch(1000000000);
    for (const QString &name : {u"/Chart.yaml"_s, u"/values.yaml"_s, u"/templates/configmap.yaml"_s}) {
        QFile f(chart + name);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(past, QFileDevice::FileModificationTime));
        f.close();
        QVERIFY(QFile::setPermissions(chart + name, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                        QFileDevice::ExeOwner));
    }
    const auto third = ChartPackager::package(chart, {}, &error);
    QVERIFY2(third.has_value(), qPrintable(error));
    QCOMPARE(third->archive, first->archive);
    QCOMPARE(third->digest, first->digest);

    // A changed byte changes the digest: the digest identifies the content.
    QVERIFY(writeFile(chart + u"/values.yaml"_s, "replicas: 2\n"_ba));
    const auto fourth = ChartPackager::package(chart, {}, &error);
    QVERIFY2(fourth.has_value(), qPrintable(error));
    QVERIFY(fourth->digest != first->digest);
}

void TstPackaging::helmInterop_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("helm create") << u"plain"_s;
    QTest::newRow("subchart archive and directory") << u"subcharts"_s;
    QTest::newRow("non-ASCII and long names") << u"names"_s;
    QTest::newRow(".helmignore globs, dirs, anchors") << u"ignore"_s;
    QTest::newRow(".helmignore negation") << u"negation"_s;
    QTest::newRow("symlinks inside the chart") << u"symlinks"_s;
}

void TstPackaging::helmInterop()
{
    REQUIRE_HELM();
    QFETCH(QString, kind);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString chart = dir.filePath(u"src-demo"_s);
    QVERIFY(runHelm({u"create"_s, u"src-demo"_s}, dir.path(), nullptr));
    // A chart name that differs from the directory name: the top directory comes from Chart.yaml.
    QByteArray chartYaml = readAll(chart + u"/Chart.yaml"_s);
    chartYaml.replace("name: src-demo", "name: demo");
    QVERIFY(writeFile(chart + u"/Chart.yaml"_s, chartYaml));
    QVERIFY(writeFile(chart + u"/README.md"_s, "# demo\n"_ba));

    if (kind == u"subcharts") {
        const QString charts = chart + u"/charts"_s;
        QVERIFY(runHelm({u"create"_s, u"packed"_s}, charts, nullptr));
        QVERIFY(runHelm({u"package"_s, u"packed"_s, u"-d"_s, charts}, charts, nullptr));
        QVERIFY(QDir(charts + u"/packed"_s).removeRecursively());
        QVERIFY(runHelm({u"create"_s, u"unpacked"_s}, charts, nullptr));
        QVERIFY(writeFile(charts + u"/_ignored/x.txt"_s, "skipped by helm\n"_ba));
        chartYaml +=
            "dependencies:\n  - name: packed\n    version: 0.1.0\n  - name: unpacked\n    version: 0.1.0\n";
        QVERIFY(writeFile(chart + u"/Chart.yaml"_s, chartYaml));
    } else if (kind == u"names") {
        QVERIFY(writeFile(chart + u"/files/ünïcödé.txt"_s, "non-ascii\n"_ba));
        QVERIFY(writeFile(chart + u"/files/"_s + QString(70, u'd') + u'/' + QString(60, u'f'), "split\n"_ba));
        QVERIFY(writeFile(chart + u"/files/"_s + QString(130, u'n') + u".txt"_s, "pax\n"_ba));
        QVERIFY(writeFile(chart + u"/a-b/c.txt"_s, "order\n"_ba));
        QVERIFY(writeFile(chart + u"/a/b.txt"_s, "order\n"_ba));
    } else if (kind == u"ignore") {
        QByteArray ignore = readAll(chart + u"/.helmignore"_s);
        ignore += "*.bak\n/top-only.txt\nbuild/\nfiles/*.secret\ndocs\n";
        QVERIFY(writeFile(chart + u"/.helmignore"_s, ignore));
        for (const QString &name :
             {u"x.bak"_s, u"files/y.bak"_s, u"top-only.txt"_s, u"files/top-only.txt"_s, u"build/out.txt"_s,
              u"files/build"_s, u"files/a.secret"_s, u"nested/files/a.secret"_s, u"docs/index.md"_s,
              u"files/docs"_s, u"templates/.editorconfig"_s, u"templates/sub/.keep.yaml"_s, u"keep.txt"_s})
            QVERIFY(writeFile(chart + u'/' + name, "# " + name.toUtf8() + '\n'));
    } else if (kind == u"negation") {
        QVERIFY(writeFile(chart + u"/.helmignore"_s, "*.tmp\n!*.yaml\n"_ba));
        QVERIFY(writeFile(chart + u"/x.tmp"_s, "tmp\n"_ba));
        QVERIFY(writeFile(chart + u"/extra.yaml"_s, "extra: 1\n"_ba));
        QVERIFY(writeFile(chart + u"/notes.txt"_s, "dropped by the negation\n"_ba));
        // Helm ignores Chart.yaml's siblings that do not match *.yaml, but not Chart.yaml itself.
    } else if (kind == u"symlinks") {
        QVERIFY(writeFile(chart + u"/shared/common.yaml"_s, "common: 1\n"_ba));
        QVERIFY(QFile::link(chart + u"/shared"_s, chart + u"/linked"_s));
        QVERIFY(QFile::link(chart + u"/shared/common.yaml"_s, chart + u"/files-link.yaml"_s));
    }

    QString error;
    const auto ours = ChartPackager::package(chart, {}, &error);
    QVERIFY2(ours.has_value(), qPrintable(error));
    const QString ourFile = dir.filePath(u"ours/"_s + ours->fileName);
    QVERIFY(writeFile(ourFile, ours->archive));

    // helm's own package of the same directory: same file list (dependencies in any order, since helm
    // writes them in Go map order).
    const QString helmOut = dir.filePath(u"helm"_s);
    QVERIFY(runHelm({u"package"_s, chart, u"-d"_s, helmOut}, dir.path(), nullptr));
    const QByteArray helmTgz = readAll(helmOut + u'/' + ours->fileName);
    QVERIFY2(!helmTgz.isEmpty(), "helm wrote no package of the same file name");
    const auto helmArchive = ChartArchive::read(helmTgz, &error);
    QVERIFY2(helmArchive.has_value(), qPrintable(error));
    QCOMPARE(helmArchive->topDirectory(), u"demo"_s);
    QStringList helmFiles;
    for (const ChartArchive::File &f : helmArchive->files())
        helmFiles.append(f.path);
    const auto topLevel = [](const QStringList &files) {
        QStringList out;
        for (const QString &f : files) {
            if (!f.startsWith(u"charts/"_s))
                out.append(f);
        }
        return out;
    };
    QCOMPARE(topLevel(ours->files), topLevel(helmFiles));
    QStringList sortedOurs = ours->files;
    QStringList sortedHelm = helmFiles;
    sortedOurs.sort();
    sortedHelm.sort();
    QCOMPARE(sortedOurs, sortedHelm);
    // Same content for every file but Chart.yaml files, which helm re-marshals.
    const auto ourArchive = ChartArchive::read(ours->archive, &error);
    QVERIFY2(ourArchive.has_value(), qPrintable(error));
    for (const ChartArchive::File &f : helmArchive->files()) {
        if (!f.path.endsWith(u"Chart.yaml"_s))
            QVERIFY2(ourArchive->fileData(f.path) == f.data, qPrintable(f.path));
    }
    if (kind == u"subcharts") {
        QVERIFY(ours->files.contains(u"charts/packed/templates/deployment.yaml"_s));
        QVERIFY(ours->files.contains(u"charts/unpacked/Chart.yaml"_s));
        QVERIFY(!ours->files.contains(u"charts/_ignored/x.txt"_s));
    }
    if (kind == u"negation")
        QVERIFY(!ours->files.contains(u"notes.txt"_s));

    QByteArray lint;
    QVERIFY(runHelm({u"lint"_s, ourFile}, dir.path(), &lint));
    QVERIFY2(lint.contains("0 chart(s) failed"), lint.constData());
    QByteArray rendered;
    QVERIFY(runHelm({u"template"_s, u"rel"_s, ourFile}, dir.path(), &rendered));
    // The negation rule also ignores the templates directory (Helm's rule), so nothing renders there.
    QVERIFY2(rendered.contains("kind: Deployment") == (kind != u"negation"), rendered.left(400).constData());
    QByteArray shown;
    QVERIFY(runHelm({u"show"_s, u"chart"_s, ourFile}, dir.path(), &shown));
    const auto shownMetadata = ChartYaml::parse(shown, &error);
    QVERIFY2(shownMetadata.has_value(), qPrintable(error));
    QCOMPARE(shownMetadata->name, u"demo"_s);
    QCOMPARE(*shownMetadata, ours->metadata);
}

void TstPackaging::cliPackage()
{
    QTemporaryDir dir;
    const QString chart = dir.filePath(u"demo"_s);
    makeChart(chart);
    const QString out = dir.filePath(u"out"_s);

    Run text = capstan({u"package"_s, chart, u"-d"_s, out}, dir.path());
    QVERIFY2(text.exitCode == 0, text.err.constData());
    const QString file = out + u"/demo-0.1.0.tgz"_s;
    const QByteArray bytes = readAll(file);
    QVERIFY(!bytes.isEmpty());
    const QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    QVERIFY2(text.out.contains(QFile::encodeName(file)), text.out.constData());
    QVERIFY2(text.out.contains("sha256:" + digest), text.out.constData());
    QVERIFY2(text.out.contains(QByteArray::number(bytes.size()) + " bytes"), text.out.constData());

    // JSON with overrides; the package name follows the new version; DIR from the working directory.
    Run json = capstan({u"package"_s, u"--version"_s, u"1.0.0-7"_s, u"--app-version"_s, u"abc"_s, u"-d"_s,
                        out, u"-o"_s, u"json"_s},
                       chart);
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    const QString jsonFile = out + u"/demo-1.0.0-7.tgz"_s;
    QCOMPARE(object.value(u"file"_s).toString(), jsonFile);
    QCOMPARE(object.value(u"name"_s).toString(), u"demo"_s);
    QCOMPARE(object.value(u"version"_s).toString(), u"1.0.0-7"_s);
    QCOMPARE(object.value(u"appVersion"_s).toString(), u"abc"_s);
    QCOMPARE(object.value(u"files"_s).toInt(), 4);
    const QByteArray jsonBytes = readAll(jsonFile);
    QCOMPARE(object.value(u"size"_s).toInteger(), jsonBytes.size());
    QCOMPARE(object.value(u"digest"_s).toString().toLatin1(),
             QCryptographicHash::hash(jsonBytes, QCryptographicHash::Sha256).toHex());
    QCOMPARE(readAll(chart + u"/Chart.yaml"_s), BaseChartYaml);

    // The configuration's chart.path and chart.manifests are the defaults.
    QVERIFY(writeFile(dir.filePath(u"dist/extra.yaml"_s), "kind: ConfigMap\n"_ba));
    QVERIFY(writeFile(dir.filePath(u"capstan.yaml"_s),
                      "chart:\n  name: demo\n  path: demo\n  manifests: dist\n"_ba));
    Run configured = capstan({u"package"_s, u"-d"_s, out, u"-o"_s, u"json"_s}, dir.path());
    QVERIFY2(configured.exitCode == 0, configured.err.constData());
    QCOMPARE(QJsonDocument::fromJson(configured.out).object().value(u"files"_s).toInt(), 5);

    // --build N expands chart.version's {build}.
    QVERIFY(writeFile(dir.filePath(u"capstan.yaml"_s),
                      "chart:\n  name: demo\n  path: demo\n  version: \"2.3.0-ci.{build}\"\n"_ba));
    Run built = capstan({u"package"_s, u"--build"_s, u"57"_s, u"-d"_s, out, u"-o"_s, u"json"_s}, dir.path());
    QVERIFY2(built.exitCode == 0, built.err.constData());
    QCOMPARE(QJsonDocument::fromJson(built.out).object().value(u"version"_s).toString(), u"2.3.0-ci.57"_s);
    QVERIFY(QFileInfo::exists(out + u"/demo-2.3.0-ci.57.tgz"_s));
    QCOMPARE(readAll(chart + u"/Chart.yaml"_s), BaseChartYaml);

    Run help = capstan({u"package"_s, u"--help"_s}, dir.path());
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--app-version"));
    QVERIFY(help.out.contains("package --version 1.0.0-42"));
}

void TstPackaging::cliErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("{build} not expanded")
        << QStringList{u"package"_s, u"demo"_s, u"--version"_s, u"1.0.0-{build}"_s} << 2
        << u"{build} is not expanded"_s;
    QTest::newRow("not SemVer") << QStringList{u"package"_s, u"demo"_s, u"--version"_s, u"latest"_s} << 2
                                << u"invalid --version \"latest\": not a SemVer 2 version"_s;
    QTest::newRow("no such directory") << QStringList{u"package"_s, u"nothing"_s} << 5 << u"does not exist"_s;
    QTest::newRow("bad chart") << QStringList{u"package"_s, u"broken"_s} << 1
                               << u"Chart.yaml:6: validation: chart.metadata.version \"x.y\" is invalid"_s;
    QTest::newRow("--build and --version")
        << QStringList{u"package"_s, u"demo"_s, u"--build"_s, u"4"_s, u"--version"_s, u"1.0.0"_s} << 2
        << u"either --version or --build"_s;
    QTest::newRow("--build not a number")
        << QStringList{u"package"_s, u"demo"_s, u"--build"_s, u"abc"_s} << 2 << u"invalid --build \"abc\""_s;
    QTest::newRow("too many arguments")
        << QStringList{u"package"_s, u"demo"_s, u"other"_s} << 2 << u"unexpected argument \"other\""_s;
}

void TstPackaging::cliErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir dir;
    makeChart(dir.filePath(u"demo"_s));
    makeChart(dir.filePath(u"broken"_s), QByteArray(BaseChartYaml).replace("version: 0.1.0", "version: x.y"));
    const Run run = capstan(arguments, dir.path());
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath(u"demo-0.1.0.tgz"_s)) || exitCode == 0);
}

QTEST_GUILESS_MAIN(TstPackaging)
#include "tst_packaging.moc"
