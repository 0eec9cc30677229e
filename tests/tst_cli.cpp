#include "Sandbox.h"
#include "SandboxSeeder.h"
#include "argocd/ArgoCdServer.h"
#include "chartmuseum/ChartMuseumServer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int ChildTimeoutMs = 120000; // a bound against hangs, not a timing assertion

const QString AuthUser = u"ci-robot"_s;
const QString AuthPassword = u"Zq8-pw-never-printed-7c1e"_s;
const QString WrongPassword = u"Wx3-wrong-never-printed-9d2f"_s;
const QString StdinSecret = u"Kp5-stdin-never-printed-4a0b"_s;

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QString stdOut() const { return QString::fromUtf8(out); }
    QString stdErr() const { return QString::fromUtf8(err); }
    QString describe() const
    {
        return u"exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3"_s.arg(exitCode).arg(stdOut().left(3000),
                                                                                      stdErr().left(3000));
    }
};

// A prerelease per SemVer: a '-' before any '+'. Independent of the SemVer class under test.
bool isPrerelease(const QString &version)
{
    return version.section(u'+', 0, 0).contains(u'-');
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace

#define RUN(var, ...)                                                                                        \
    const Run var = capstan(__VA_ARGS__);                                                                    \
    QVERIFY2(var.finished, qPrintable(u"capstan did not finish: "_s + var.describe()))

// Why: drives the real `capstan --cli` binary against a local ChartMuseum, as a user or CI script would.
class TstCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void help_data();
    void help();
    void version();
    void usageErrors_data();
    void usageErrors();
    void usageErrorsAsJson_data();
    void usageErrorsAsJson();
    void configErrors_data();
    void configErrors();
    void configFoundInWorkingDirectory();

    void charts_data();
    void charts();
    void versions_data();
    void versions();
    void versionsOfEmptyRange();
    void show_data();
    void show();
    void pull_data();
    void pull();
    void pullKeepsOrRefusesExistingFiles();

    void serverErrors_data();
    void serverErrors();
    void notFoundHints_data();
    void notFoundHints();
    void silentServerTimesOut_data();
    void silentServerTimesOut();
    void journalDirectoryMustExist_data();
    void journalDirectoryMustExist();
    void helpExamplesRunInSandbox_data();
    void helpExamplesRunInSandbox();
    void diffSummaryPlurals();
    void digestMismatch_data();
    void digestMismatch();

    void credentialsRoundTrip();
    void credentialsSetRejects_data();
    void credentialsSetRejects();
    void secretNeverPrinted_data();
    void secretNeverPrinted();
    void secretNotInChildArgv();
    void keychainUnreachable();

    void runsWithoutDisplay();
    void desktopHelpWithoutDisplay_data();
    void desktopHelpWithoutDisplay();
    void desktopStartWithoutDisplay_data();
    void desktopStartWithoutDisplay();
    void sandbox();
    void sandboxKeepsItsState();
    void sandboxRefusesForeignDirectories_data();
    void sandboxRefusesForeignDirectories();
    void sandboxSharedWithItsOwner();
    void sandboxServe();

private:
    Run capstan(const QStringList &arguments, const QProcessEnvironment &environment = {},
                const QByteArray &input = {}, const QString &workingDirectory = {});
    // Without --cli in front: the desktop app's command line.
    Run launch(const QStringList &arguments, const QProcessEnvironment &environment = {},
               const QByteArray &input = {}, const QString &workingDirectory = {});
    QProcessEnvironment headlessEnvironment() const;
    QProcessEnvironment baseEnvironment() const;
    QString writeConfig(const QString &fileName, const QString &yaml) const;
    QJsonDocument serverJson(const QString &path);
    QByteArray storedPackage(const QString &name, const QString &version) const;
    QJsonArray serverVersions(const QString &chart);
    static QList<QPair<QString, qint64>> tarListing(const QString &tgz);
    static QByteArray tarExtract(const QString &tgz, const QString &member);

    QTemporaryDir m_work;
    QString m_storage;
    QString m_emptyDirectory;
    std::unique_ptr<ChartMuseumServer> m_server;
    std::unique_ptr<ChartMuseumServer> m_authServer;
    QNetworkAccessManager m_network;
    QString m_openConfig;
    QString m_authConfig;
    QString m_refusedConfig;
    QString m_chart;      // the chart with the most versions
    QString m_otherChart; // another chart, if the seed has one
};

void TstCli::initTestCase()
{
    QVERIFY(m_work.isValid());
    QVERIFY2(QFileInfo(QStringLiteral(CAPSTAN_BINARY)).isExecutable(), CAPSTAN_BINARY);
    m_storage = m_work.filePath(u"storage"_s);
    const SandboxSeeder::Result seeded = SandboxSeeder::seedHomelab(m_storage);
    QVERIFY2(seeded.error.isEmpty(), qPrintable(seeded.error));
    QVERIFY(seeded.chartFiles > 1);

    m_emptyDirectory = m_work.filePath(u"cwd"_s);
    QVERIFY(QDir().mkpath(m_emptyDirectory));
    QVERIFY(QDir().mkpath(m_work.filePath(u"xdg-config"_s)));

    ChartMuseumServer::Options open;
    open.storageDirectory = m_storage;
    m_server = std::make_unique<ChartMuseumServer>(open);
    QString error;
    QVERIFY2(m_server->listen(0, &error), qPrintable(error));

    ChartMuseumServer::Options secured = open;
    secured.basicUser = AuthUser;
    secured.basicPassword = AuthPassword;
    m_authServer = std::make_unique<ChartMuseumServer>(secured);
    QVERIFY2(m_authServer->listen(0, &error), qPrintable(error));

    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 closedPort = closed.serverPort();
    closed.close();

    m_openConfig =
        writeConfig(u"open.yaml"_s, u"chartmuseum:\n  url: %1\n"_s.arg(m_server->url().toString()));
    m_authConfig = writeConfig(u"auth.yaml"_s, u"chartmuseum:\n  url: %1\n  username: %2\n"_s.arg(
                                                   m_authServer->url().toString(), AuthUser));
    m_refusedConfig = writeConfig(
        u"refused.yaml"_s, u"chartmuseum:\n  url: http://127.0.0.1:%1\n  timeout: 5\n"_s.arg(closedPort));

    const QJsonObject charts = serverJson(u"/api/charts"_s).object();
    QVERIFY2(!charts.isEmpty(), "the seeded server lists no charts");
    qsizetype most = -1;
    for (auto it = charts.begin(); it != charts.end(); ++it) {
        if (it.value().toArray().size() > most) {
            most = it.value().toArray().size();
            m_chart = it.key();
        }
    }
    for (auto it = charts.begin(); it != charts.end(); ++it) {
        if (it.key() != m_chart)
            m_otherChart = it.key();
    }
    QVERIFY2(most >= 4, "the seeded history needs a chart with several versions");
}

void TstCli::init()
{
    m_server->clearFaults();
    m_authServer->clearFaults();
}

QProcessEnvironment TstCli::baseEnvironment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &variable : {u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s, u"CAPSTAN_ARGOCD_TOKEN"_s,
                                    u"CAPSTAN_ARGOCD_PASSWORD"_s, u"CAPSTAN_GITHUB_TOKEN"_s})
        environment.remove(variable);
    environment.insert(u"XDG_CONFIG_HOME"_s, m_work.filePath(u"xdg-config"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, m_work.filePath(u"xdg-cache"_s));
    environment.insert(u"XDG_DATA_HOME"_s, m_work.filePath(u"xdg-data"_s));
    environment.insert(u"XDG_STATE_HOME"_s, m_work.filePath(u"xdg-state"_s));
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    return environment;
}

QProcessEnvironment TstCli::headlessEnvironment() const
{
    QProcessEnvironment environment = baseEnvironment();
    for (const QString &variable : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
        environment.remove(variable);
    return environment;
}

Run TstCli::capstan(const QStringList &arguments, const QProcessEnvironment &environment,
                    const QByteArray &input, const QString &workingDirectory)
{
    return launch(QStringList{u"--cli"_s} + arguments, environment, input, workingDirectory);
}

Run TstCli::launch(const QStringList &arguments, const QProcessEnvironment &environment,
                   const QByteArray &input, const QString &workingDirectory)
{
    Run run;
    QProcess process;
    process.setProgram(QStringLiteral(CAPSTAN_BINARY));
    process.setArguments(arguments);
    process.setProcessEnvironment(environment.isEmpty() ? baseEnvironment() : environment);
    process.setWorkingDirectory(workingDirectory.isEmpty() ? m_emptyDirectory : workingDirectory);
    // The servers live in this process: wait on an event loop, never with waitForFinished().
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(ChildTimeoutMs, &loop, &QEventLoop::quit);
    process.start();
    if (!process.waitForStarted(10000))
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.finished = process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString TstCli::writeConfig(const QString &fileName, const QString &yaml) const
{
    const QString path = m_work.filePath(fileName);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(yaml.toUtf8());
    return path;
}

QJsonDocument TstCli::serverJson(const QString &path)
{
    QUrl url = m_server->url();
    url.setPath(url.path() + path);
    QNetworkReply *reply = m_network.get(QNetworkRequest(url));
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(ChildTimeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
    reply->deleteLater();
    return document;
}

QJsonArray TstCli::serverVersions(const QString &chart)
{
    return serverJson(u"/api/charts/"_s + chart).array();
}

QByteArray TstCli::storedPackage(const QString &name, const QString &version) const
{
    QFile file(QDir(m_storage).filePath(u"%1-%2.tgz"_s.arg(name, version)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Independent of ChartArchive: GNU tar's verbose listing, without the top directory.
QList<QPair<QString, qint64>> TstCli::tarListing(const QString &tgz)
{
    QProcess tar;
    tar.start(u"tar"_s, {u"-tzvf"_s, tgz});
    tar.waitForFinished(30000);
    QList<QPair<QString, qint64>> files;
    static const QRegularExpression line(uR"(^\S+\s+\S+\s+(\d+)\s+\S+\s+\S+\s+[^/]+/(.*)$)"_s);
    const QStringList lines = QString::fromUtf8(tar.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &text : lines) {
        const QRegularExpressionMatch match = line.match(text);
        if (match.hasMatch())
            files.append({match.captured(2), match.captured(1).toLongLong()});
    }
    return files;
}

QByteArray TstCli::tarExtract(const QString &tgz, const QString &member)
{
    QProcess tar;
    tar.start(u"tar"_s,
              {u"-xzOf"_s, tgz, u"--wildcards"_s, u"*/"_s + member, u"--no-wildcards-match-slash"_s});
    tar.waitForFinished(30000);
    return tar.readAllStandardOutput();
}

// ---------------------------------------------------------------------------------------------------------------

void TstCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<bool>("hasExamples");

    QTest::newRow("overview") << QStringList{u"--help"_s}
                              << u"Usage: capstan --cli [GLOBAL OPTIONS] COMMAND"_s << false;
    QTest::newRow("overview -h") << QStringList{u"-h"_s} << u"Usage: capstan --cli [GLOBAL OPTIONS] COMMAND"_s
                                 << false;
    QTest::newRow("charts") << QStringList{u"charts"_s, u"--help"_s} << u"Usage: capstan --cli charts"_s
                            << true;
    QTest::newRow("versions") << QStringList{u"versions"_s, u"--help"_s}
                              << u"Usage: capstan --cli versions CHART [OPTIONS]"_s << true;
    QTest::newRow("help before command") << QStringList{u"--help"_s, u"versions"_s}
                                         << u"Usage: capstan --cli versions CHART [OPTIONS]"_s << true;
    QTest::newRow("show") << QStringList{u"show"_s, u"-h"_s} << u"Usage: capstan --cli show CHART VERSION"_s
                          << true;
    QTest::newRow("pull") << QStringList{u"pull"_s, u"--help"_s}
                          << u"Usage: capstan --cli pull CHART VERSION [OPTIONS]"_s << true;
    QTest::newRow("credentials") << QStringList{u"credentials"_s, u"--help"_s}
                                 << u"Usage: capstan --cli credentials COMMAND"_s << false;
    QTest::newRow("credentials set") << QStringList{u"credentials"_s, u"set"_s, u"--help"_s}
                                     << u"Usage: capstan --cli credentials set NAME"_s << true;
    QTest::newRow("credentials check") << QStringList{u"credentials"_s, u"check"_s, u"--help"_s}
                                       << u"Usage: capstan --cli credentials check NAME"_s << true;
    QTest::newRow("credentials delete") << QStringList{u"credentials"_s, u"delete"_s, u"--help"_s}
                                        << u"Usage: capstan --cli credentials delete NAME"_s << true;
    QTest::newRow("sandbox-serve") << QStringList{u"sandbox-serve"_s, u"--help"_s}
                                   << u"Usage: capstan --cli sandbox-serve [OPTIONS]"_s << true;
}

void TstCli::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, usage);
    QFETCH(bool, hasExamples);
    RUN(run, arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.stdOut().startsWith(usage), qPrintable(run.describe()));
    QCOMPARE(run.stdOut().contains(u"Examples:"_s), hasExamples);
    QVERIFY(run.err.isEmpty());
    if (arguments.size() == 1) {
        for (const QString &command : {u"charts"_s, u"versions CHART"_s, u"show CHART VERSION"_s,
                                       u"pull CHART VERSION"_s, u"credentials set NAME"_s})
            QVERIFY2(run.stdOut().contains(command), qPrintable(command));
        QVERIFY2(!run.stdOut().contains(u"sandbox-serve"_s), "hidden commands stay out of the overview");
        QVERIFY(run.stdOut().contains(u"Exit codes:"_s));
    }
}

void TstCli::version()
{
    RUN(run, {u"--version"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.stdOut(), u"capstan %1\n"_s.arg(QStringLiteral(CAPSTAN_VERSION)));
    RUN(json, {u"--version"_s, u"-o"_s, u"json"_s});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out).object().value(u"version"_s).toString(),
             QStringLiteral(CAPSTAN_VERSION));
}

void TstCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString config = m_openConfig;
    QTest::newRow("no command") << QStringList{} << u"no command given"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"unknown command \"frobnicate\""_s;
    QTest::newRow("unknown flag") << QStringList{u"versions"_s, u"torvalds"_s, u"--frobnicate"_s}
                                  << u"unknown option --frobnicate for versions"_s;
    QTest::newRow("unknown short flag")
        << QStringList{u"charts"_s, u"-x"_s} << u"unknown option -x for charts"_s;
    QTest::newRow("unknown global flag")
        << QStringList{u"--frobnicate"_s, u"charts"_s} << u"unknown option --frobnicate"_s;
    QTest::newRow("command flag before command")
        << QStringList{u"--limit"_s, u"3"_s, u"versions"_s, u"x"_s} << u"unknown option --limit"_s;
    QTest::newRow("missing chart") << QStringList{u"versions"_s} << u"missing argument CHART for versions"_s;
    QTest::newRow("missing version") << QStringList{u"show"_s, u"torvalds"_s}
                                     << u"missing argument VERSION for show"_s;
    QTest::newRow("missing pull args") << QStringList{u"pull"_s} << u"missing argument CHART for pull"_s;
    QTest::newRow("extra argument") << QStringList{u"charts"_s, u"extra"_s}
                                    << u"unexpected argument \"extra\" for charts"_s;
    QTest::newRow("bad -o") << QStringList{u"-o"_s, u"yaml"_s, u"charts"_s}
                            << u"invalid output format \"yaml\" for -o/--output"_s;
    QTest::newRow("bad --output=") << QStringList{u"charts"_s, u"--output=xml"_s}
                                   << u"invalid output format \"xml\""_s;
    QTest::newRow("-o without value") << QStringList{u"charts"_s, u"-o"_s} << u"option -o needs a value"_s;
    QTest::newRow("--limit without value")
        << QStringList{u"versions"_s, u"x"_s, u"--limit"_s} << u"option --limit needs a value (N)"_s;
    QTest::newRow("flag with value") << QStringList{u"versions"_s, u"x"_s, u"--stable=yes"_s}
                                     << u"option --stable takes no value"_s;
    QTest::newRow("bad --limit") << QStringList{u"--config"_s, config,       u"versions"_s,
                                                u"x"_s,        u"--limit"_s, u"0"_s}
                                 << u"invalid --limit \"0\""_s;
    QTest::newRow("non-numeric --limit")
        << QStringList{u"--config"_s, config, u"versions"_s, u"x"_s, u"--limit"_s, u"ten"_s}
        << u"invalid --limit \"ten\""_s;
    QTest::newRow("bad --range") << QStringList{u"--config"_s, config,       u"versions"_s,
                                                u"x"_s,        u"--range"_s, u">>1.0"_s}
                                 << u"invalid --range \">>1.0\""_s;
    QTest::newRow("credentials without command")
        << QStringList{u"credentials"_s} << u"credentials needs a command: one of set, check, delete"_s;
    QTest::newRow("unknown credentials command")
        << QStringList{u"credentials"_s, u"rotate"_s, u"chartmuseum"_s}
        << u"unknown credentials command \"rotate\""_s;
    QTest::newRow("unknown credential name") << QStringList{u"credentials"_s, u"check"_s, u"gitlab"_s}
                                             << u"unknown credential name: expected one of"_s;
    QTest::newRow("sandbox with config") << QStringList{u"--sandbox"_s, u"--config"_s, config, u"charts"_s}
                                         << u"and --config cannot be combined"_s;
    QTest::newRow("sandbox dir with config")
        << QStringList{u"--sandbox-dir"_s, u"/tmp"_s, u"--config"_s, config, u"charts"_s}
        << u"--sandbox (or --sandbox-dir, --sandbox-reset) and --config cannot be combined"_s;
    QTest::newRow("version with command")
        << QStringList{u"--version"_s, u"charts"_s} << u"--version cannot be combined with a command"_s;
    QTest::newRow("pull -d is a file")
        << QStringList{u"--config"_s, config, u"pull"_s, u"x"_s, u"1.0.0"_s, u"-d"_s, config}
        << u"is not a directory"_s;
    QTest::newRow("sandbox-serve bad port")
        << QStringList{u"sandbox-serve"_s, u"--port"_s, u"70000"_s}
        << u"--port needs a whole number from 1 to 65535, not \"70000\""_s;
}

void TstCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    RUN(run, arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(run.stdErr().startsWith(u"capstan: error: "_s), qPrintable(run.describe()));
    QVERIFY2(run.stdErr().contains(message), qPrintable(run.describe()));
    QVERIFY2(run.stdErr().contains(u"\nhint: "_s), qPrintable(run.describe()));
}

void TstCli::usageErrorsAsJson_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown command") << QStringList{u"-o"_s, u"json"_s, u"frobnicate"_s}
                                     << u"unknown command \"frobnicate\""_s;
    QTest::newRow("json given after the error") << QStringList{u"versions"_s, u"--nope"_s, u"-o"_s, u"json"_s}
                                                << u"unknown option --nope for versions"_s;
    QTest::newRow("missing argument")
        << QStringList{u"--output"_s, u"json"_s, u"show"_s, u"x"_s} << u"missing argument VERSION"_s;
    QTest::newRow("missing config file")
        << QStringList{u"-o"_s, u"json"_s, u"--config"_s, m_work.filePath(u"nope.yaml"_s), u"charts"_s}
        << u"no such configuration file"_s;
}

void TstCli::usageErrorsAsJson()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    RUN(run, arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(run.err, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(run.describe()));
    const QJsonObject error = document.object().value(u"error"_s).toObject();
    QCOMPARE(error.keys(), (QStringList{u"exitCode"_s, u"hint"_s, u"message"_s, u"status"_s}));
    QVERIFY2(error.value(u"message"_s).toString().contains(message), qPrintable(run.describe()));
    QCOMPARE(error.value(u"exitCode"_s).toInt(-1), 2);
    QVERIFY(error.value(u"status"_s).isNull());
    QVERIFY(!error.value(u"hint"_s).toString().isEmpty());
}

void TstCli::configErrors_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("pattern"); // regular expression the error must match

    QTest::newRow("malformed yaml") << u"chartmuseum:\n  url: [http://127.0.0.1:1\n  username: x\n"_s
                                    << uR"(capstan: error: \S*bad\.yaml:\d+:\d+: )"_s;
    QTest::newRow("tab indentation") << u"chartmuseum:\n\turl: http://127.0.0.1:1\n"_s
                                     << uR"(bad\.yaml:2:\d+: )"_s;
    QTest::newRow("unclosed flow mapping")
        << u"chartmuseum: {url: http://127.0.0.1:1\n"_s << uR"(bad\.yaml:\d+:\d+: )"_s;
    QTest::newRow("bad indentation") << u"chartmuseum:\n  url: http://127.0.0.1:1\n username: x\n"_s
                                     << uR"(bad\.yaml:3:\d+: )"_s;
    QTest::newRow("unknown key") << u"chartmuseum:\n  url: http://127.0.0.1:1\n  usernme: x\n"_s
                                 << uR"(bad\.yaml:3:3: .*usernme)"_s;
    QTest::newRow("wrong type") << u"chartmuseum:\n  url: http://127.0.0.1:1\n  timeout: soon\n"_s
                                << uR"(bad\.yaml:3:\d+: .*timeout)"_s;
    QTest::newRow("missing chartmuseum section")
        << u"github:\n  repo: homelab/torvalds\n"_s << uR"(bad\.yaml has no "chartmuseum" section)"_s;
    QTest::newRow("empty file") << QString() << uR"(chartmuseum)"_s;
}

void TstCli::configErrors()
{
    QFETCH(QString, yaml);
    QFETCH(QString, pattern);
    const QString path = writeConfig(u"bad.yaml"_s, yaml);
    for (const QString &command : {u"charts"_s, u"versions"_s}) {
        QStringList arguments{u"--config"_s, path, command};
        if (command == u"versions"_s)
            arguments << m_chart;
        RUN(run, arguments);
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
        QVERIFY2(QRegularExpression(pattern).match(run.stdErr()).hasMatch(),
                 qPrintable(pattern + u"\n"_s + run.describe()));
    }
}

void TstCli::configFoundInWorkingDirectory()
{
    // No --config and nothing in the working or user directory: a clear error naming both places.
    RUN(missing, {u"charts"_s});
    QVERIFY2(missing.exitCode == 2, qPrintable(missing.describe()));
    QVERIFY2(missing.stdErr().contains(u"No configuration file"_s), qPrintable(missing.describe()));
    QVERIFY2(missing.stdErr().contains(QDir(m_emptyDirectory).filePath(u"capstan.yaml"_s)),
             qPrintable(missing.describe()));

    const QString directory = m_work.filePath(u"project"_s);
    QVERIFY(QDir().mkpath(directory));
    QVERIFY(QFile::copy(m_openConfig, QDir(directory).filePath(u"capstan.yaml"_s)));
    RUN(found, {u"charts"_s}, {}, {}, directory);
    QVERIFY2(found.exitCode == 0, qPrintable(found.describe()));
    QVERIFY(found.stdOut().contains(m_chart));
}

// ---------------------------------------------------------------------------------------------------------------

void TstCli::charts_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("text") << false;
    QTest::newRow("json") << true;
}

void TstCli::charts()
{
    QFETCH(bool, json);
    const QJsonObject held = serverJson(u"/api/charts"_s).object();
    QStringList arguments{u"--config"_s, m_openConfig, u"charts"_s};
    if (json)
        arguments << u"-o"_s << u"json"_s;
    RUN(run, arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));

    if (json) {
        const QJsonArray array = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(array.size(), held.size());
        QStringList names;
        for (const QJsonValue &value : array) {
            const QJsonObject chart = value.toObject();
            QCOMPARE(chart.keys(), (QStringList{u"latest"_s, u"name"_s, u"versions"_s}));
            const QString name = chart.value(u"name"_s).toString();
            names << name;
            const QJsonArray versions = held.value(name).toArray();
            QCOMPARE(chart.value(u"versions"_s).toInt(), versions.size());
            QCOMPARE(chart.value(u"latest"_s).toString(),
                     versions.first().toObject().value(u"version"_s).toString());
        }
        QStringList sorted = held.keys();
        QCOMPARE(names, sorted);
        return;
    }

    const QStringList lines = run.stdOut().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), held.size() + 1);
    QCOMPARE(lines.first().simplified(), u"NAME VERSIONS LATEST"_s);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines.at(i).simplified().split(u' ');
        QCOMPARE(cells.size(), 3);
        const QJsonArray versions = held.value(cells.at(0)).toArray();
        QVERIFY2(!versions.isEmpty(), qPrintable(cells.at(0)));
        QCOMPARE(cells.at(1).toInt(), versions.size());
        QCOMPARE(cells.at(2), versions.first().toObject().value(u"version"_s).toString());
    }
}

void TstCli::versions_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("expected"); // versions, newest first

    const QJsonArray held = serverVersions(m_chart);
    QStringList all;
    for (const QJsonValue &value : held)
        all << value.toObject().value(u"version"_s).toString();
    QVERIFY(all.size() >= 4);
    QStringList stable;
    for (const QString &version : all) {
        if (!isPrerelease(version))
            stable << version;
    }
    // The server lists newest first, so ">= the fourth newest" is the four newest (all share one major).
    const QString fourth = all.at(3);

    for (const bool json : {false, true}) {
        const QStringList format = json ? QStringList{u"-o"_s, u"json"_s} : QStringList{};
        const char *suffix = json ? " json" : " text";
        QTest::addRow("all%s", suffix) << format << all;
        QTest::addRow("limit 3%s", suffix) << QStringList{u"--limit"_s, u"3"_s} + format << all.mid(0, 3);
        QTest::addRow("limit above count%s", suffix) << QStringList{u"--limit=100000"_s} + format << all;
        QTest::addRow("range%s", suffix)
            << QStringList{u"--range"_s, u">="_s + fourth} + format << all.mid(0, 4);
        QTest::addRow("exact range%s", suffix)
            << QStringList{u"--range"_s, u"="_s + fourth} + format << QStringList{fourth};
        QTest::addRow("stable%s", suffix) << QStringList{u"--stable"_s} + format << stable;
        QTest::addRow("range and limit%s", suffix)
            << QStringList{u"--range"_s, u">="_s + fourth, u"--limit"_s, u"2"_s} + format << all.mid(0, 2);
    }
}

void TstCli::versions()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, expected);
    const bool json = options.contains(u"json"_s);
    QHash<QString, QJsonObject> held;
    const QJsonArray heldArray = serverVersions(m_chart);
    for (const QJsonValue &value : heldArray)
        held.insert(value.toObject().value(u"version"_s).toString(), value.toObject());

    RUN(run, QStringList{u"--config"_s, m_openConfig, u"versions"_s, m_chart} + options);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));

    if (json) {
        QJsonParseError parseError;
        const QJsonArray array = QJsonDocument::fromJson(run.out, &parseError).array();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QStringList versions;
        for (const QJsonValue &value : array) {
            const QJsonObject entry = value.toObject();
            QCOMPARE(entry.keys(),
                     (QStringList{u"appVersion"_s, u"created"_s, u"digest"_s, u"name"_s, u"version"_s}));
            const QString version = entry.value(u"version"_s).toString();
            versions << version;
            const QJsonObject server = held.value(version);
            QVERIFY2(!server.isEmpty(), qPrintable(version));
            QCOMPARE(entry.value(u"name"_s).toString(), m_chart);
            QCOMPARE(entry.value(u"appVersion"_s).toString(), server.value(u"appVersion"_s).toString());
            QCOMPARE(entry.value(u"digest"_s).toString(), server.value(u"digest"_s).toString());
            // RFC 3339 in UTC; the server's nanoseconds are kept to the millisecond.
            const QString created = entry.value(u"created"_s).toString();
            QVERIFY2(QRegularExpression(uR"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$)"_s)
                         .match(created)
                         .hasMatch(),
                     qPrintable(created));
            const QDateTime ours = QDateTime::fromString(created, Qt::ISODateWithMs);
            QString serverCreated = server.value(u"created"_s).toString();
            serverCreated.replace(QRegularExpression(uR"(\.(\d{3})\d+)"_s), u".\\1"_s);
            const QDateTime theirs = QDateTime::fromString(serverCreated, Qt::ISODateWithMs);
            QVERIFY2(ours.isValid() && theirs.isValid(), qPrintable(created));
            QVERIFY2(qAbs(ours.msecsTo(theirs)) <= 1,
                     qPrintable(created + u" vs "_s + server.value(u"created"_s).toString()));
        }
        QCOMPARE(versions, expected);
        return;
    }

    if (expected.isEmpty()) {
        QCOMPARE(run.stdOut(), u"No version of %1 matches.\n"_s.arg(m_chart));
        return;
    }
    const QStringList lines = run.stdOut().split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.first().simplified(), u"VERSION APP VERSION CREATED DIGEST"_s);
    QStringList versions;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines.at(i).simplified().split(u' ');
        QCOMPARE(cells.size(), 4);
        versions << cells.at(0);
        const QJsonObject server = held.value(cells.at(0));
        QCOMPARE(cells.at(3), server.value(u"digest"_s).toString().left(12));
        QVERIFY(server.value(u"created"_s).toString().startsWith(cells.at(2).chopped(1)));
    }
    QCOMPARE(versions, expected);
}

void TstCli::versionsOfEmptyRange()
{
    RUN(text, {u"--config"_s, m_openConfig, u"versions"_s, m_chart, u"--range"_s, u">=99.0.0"_s});
    QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
    QVERIFY2(text.stdOut().startsWith(u"No version of %1 matches"_s.arg(m_chart)),
             qPrintable(text.describe()));
    RUN(json,
        {u"--config"_s, m_openConfig, u"versions"_s, m_chart, u"--range"_s, u">=99.0.0"_s, u"-ojson"_s});
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    QCOMPARE(QJsonDocument::fromJson(json.out).array().size(), 0);
    QVERIFY(QJsonDocument::fromJson(json.out).isArray());
}

void TstCli::show_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("versionArgument");
    QTest::addColumn<QString>("version"); // what it resolves to
    QTest::addColumn<bool>("json");

    const QJsonArray held = serverVersions(m_chart);
    const QString newest = held.at(0).toObject().value(u"version"_s).toString();
    const QString older = held.at(2).toObject().value(u"version"_s).toString();
    for (const bool json : {false, true}) {
        const char *suffix = json ? " json" : " text";
        QTest::addRow("newest%s", suffix) << m_chart << newest << newest << json;
        QTest::addRow("latest%s", suffix) << m_chart << u"latest"_s << newest << json;
        QTest::addRow("older%s", suffix) << m_chart << older << older << json;
        if (!m_otherChart.isEmpty()) {
            const QString other =
                serverVersions(m_otherChart).at(0).toObject().value(u"version"_s).toString();
            QTest::addRow("other chart%s", suffix) << m_otherChart << other << other << json;
        }
    }
}

void TstCli::show()
{
    QFETCH(QString, chart);
    QFETCH(QString, versionArgument);
    QFETCH(QString, version);
    QFETCH(bool, json);

    QJsonObject server;
    const QJsonArray heldArray = serverVersions(chart);
    for (const QJsonValue &value : heldArray) {
        if (value.toObject().value(u"version"_s).toString() == version)
            server = value.toObject();
    }
    QVERIFY(!server.isEmpty());
    const QString package = QDir(m_storage).filePath(u"%1-%2.tgz"_s.arg(chart, version));
    const QByteArray chartYaml = tarExtract(package, u"Chart.yaml"_s);
    const QByteArray values = tarExtract(package, u"values.yaml"_s);
    const QList<QPair<QString, qint64>> files = tarListing(package);
    QVERIFY(!chartYaml.isEmpty());
    QVERIFY(!files.isEmpty());

    QStringList arguments{u"--config"_s, m_openConfig, u"show"_s, chart, versionArgument};
    if (json)
        arguments << u"-o"_s << u"json"_s;
    RUN(run, arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));

    if (json) {
        const QJsonObject shown = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(shown.keys(), (QStringList{u"appVersion"_s, u"chartYaml"_s, u"created"_s, u"description"_s,
                                            u"digest"_s, u"files"_s, u"name"_s, u"values"_s, u"version"_s}));
        QCOMPARE(shown.value(u"name"_s).toString(), chart);
        QCOMPARE(shown.value(u"version"_s).toString(), version);
        QCOMPARE(shown.value(u"appVersion"_s).toString(), server.value(u"appVersion"_s).toString());
        QCOMPARE(shown.value(u"description"_s).toString(), server.value(u"description"_s).toString());
        QCOMPARE(shown.value(u"digest"_s).toString(), server.value(u"digest"_s).toString());
        QCOMPARE(shown.value(u"digest"_s).toString().toLatin1(), sha256(storedPackage(chart, version)));
        QCOMPARE(shown.value(u"chartYaml"_s).toString(), QString::fromUtf8(chartYaml));
        QCOMPARE(shown.value(u"values"_s).toString(), QString::fromUtf8(values));
        QVERIFY(shown.value(u"created"_s).toString().endsWith(u'Z'));
        const QJsonArray listed = shown.value(u"files"_s).toArray();
        QCOMPARE(listed.size(), files.size());
        for (qsizetype i = 0; i < files.size(); ++i) {
            const QJsonObject file = listed.at(i).toObject();
            QCOMPARE(file.keys(), (QStringList{u"path"_s, u"size"_s}));
            QCOMPARE(file.value(u"path"_s).toString(), files.at(i).first);
            QCOMPARE(qint64(file.value(u"size"_s).toDouble()), files.at(i).second);
        }
        return;
    }

    const QString text = run.stdOut();
    QVERIFY2(QRegularExpression(u"^Name: +%1$"_s.arg(QRegularExpression::escape(chart)),
                                QRegularExpression::MultilineOption)
                 .match(text)
                 .hasMatch(),
             qPrintable(text));
    QVERIFY2(QRegularExpression(u"^Version: +%1$"_s.arg(QRegularExpression::escape(version)),
                                QRegularExpression::MultilineOption)
                 .match(text)
                 .hasMatch(),
             qPrintable(text));
    QVERIFY(text.contains(u"sha256:"_s + server.value(u"digest"_s).toString()));
    for (const auto &[path, size] : files) {
        QVERIFY2(QRegularExpression(u"^%1 +%2$"_s.arg(size).arg(QRegularExpression::escape(path)),
                                    QRegularExpression::MultilineOption)
                     .match(text)
                     .hasMatch(),
                 qPrintable(path));
    }
    if (!values.isEmpty())
        QVERIFY2(text.contains(u"values.yaml:\n"_s + QString::fromUtf8(values)), qPrintable(text));
}

void TstCli::pull_data()
{
    QTest::addColumn<QString>("versionArgument");
    QTest::addColumn<bool>("json");
    QTest::newRow("exact text") << serverVersions(m_chart).at(1).toObject().value(u"version"_s).toString()
                                << false;
    QTest::newRow("exact json") << serverVersions(m_chart).at(1).toObject().value(u"version"_s).toString()
                                << true;
    QTest::newRow("latest json") << u"latest"_s << true;
}

void TstCli::pull()
{
    QFETCH(QString, versionArgument);
    QFETCH(bool, json);
    const QString version = versionArgument == u"latest"_s
                                ? serverVersions(m_chart).at(0).toObject().value(u"version"_s).toString()
                                : versionArgument;
    QTemporaryDir target(m_work.filePath(u"pull-XXXXXX"_s));
    const QString directory = target.filePath(u"new/sub"_s); // created by pull
    QStringList arguments{u"--config"_s,   m_openConfig, u"pull"_s, m_chart,
                          versionArgument, u"-d"_s,      directory};
    if (json)
        arguments << u"-o"_s << u"json"_s;
    RUN(run, arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));

    const QString file = QDir(directory).absoluteFilePath(u"%1-%2.tgz"_s.arg(m_chart, version));
    QFile pulled(file);
    QVERIFY2(pulled.open(QIODevice::ReadOnly), qPrintable(file));
    const QByteArray bytes = pulled.readAll();
    QCOMPARE(bytes, storedPackage(m_chart, version));
    QCOMPARE(QDir(directory).entryList(QDir::Files | QDir::Hidden), QStringList{QFileInfo(file).fileName()});
    if (json) {
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.keys(), (QStringList{u"digest"_s, u"file"_s, u"size"_s}));
        QCOMPARE(result.value(u"file"_s).toString(), file);
        QCOMPARE(result.value(u"digest"_s).toString().toLatin1(), sha256(bytes));
        QCOMPARE(qint64(result.value(u"size"_s).toDouble()), bytes.size());
    } else {
        QVERIFY2(run.stdOut().startsWith(u"Saved %1 (%2 bytes"_s.arg(file).arg(bytes.size())),
                 qPrintable(run.describe()));
    }
}

void TstCli::pullKeepsOrRefusesExistingFiles()
{
    const QString version = serverVersions(m_chart).at(0).toObject().value(u"version"_s).toString();
    QTemporaryDir target(m_work.filePath(u"pull-XXXXXX"_s));
    const QString file = QDir(target.path()).filePath(u"%1-%2.tgz"_s.arg(m_chart, version));
    const QStringList arguments{u"--config"_s, m_openConfig, u"pull"_s,    m_chart,
                                version,       u"-d"_s,      target.path()};
    const QByteArray original = storedPackage(m_chart, version);

    RUN(first, arguments);
    QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
    RUN(same, arguments);
    QVERIFY2(same.exitCode == 0, qPrintable(same.describe()));
    QVERIFY2(same.stdOut().contains(u"already up to date"_s), qPrintable(same.describe()));

    const QByteArray local = "a local file that is not the chart";
    {
        QFile changed(file);
        QVERIFY(changed.open(QIODevice::WriteOnly | QIODevice::Truncate));
        changed.write(local);
    }
    RUN(conflict, arguments);
    QVERIFY2(conflict.exitCode == 6, qPrintable(conflict.describe()));
    QVERIFY2(conflict.stdErr().contains(u"already exists with different content"_s),
             qPrintable(conflict.describe()));
    QVERIFY2(conflict.stdErr().contains(u"--force"_s), qPrintable(conflict.describe()));
    QFile kept(file);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), local);
    kept.close();

    RUN(conflictJson, arguments + QStringList{u"-o"_s, u"json"_s});
    QCOMPARE(conflictJson.exitCode, 6);
    QCOMPARE(QJsonDocument::fromJson(conflictJson.err)
                 .object()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"exitCode"_s)
                 .toInt(),
             6);

    RUN(forced, arguments + QStringList{u"--force"_s});
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.describe()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), original);
    QCOMPARE(QDir(target.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QFileInfo(file).fileName()});
}

// ---------------------------------------------------------------------------------------------------------------

void TstCli::serverErrors_data()
{
    QTest::addColumn<QString>("config");   // "open", "auth" or "refused"
    QTest::addColumn<QString>("password"); // CAPSTAN_CHARTMUSEUM_PASSWORD, empty: unset
    QTest::addColumn<int>("faultKind");    // ChartMuseumServer::Fault::Kind, -1: none
    QTest::addColumn<QString>("faultPath");
    QTest::addColumn<int>("faultStatus");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("status"); // HTTP status in the JSON error, 0: null

    using Kind = ChartMuseumServer::Fault::Kind;
    const QString version = serverVersions(m_chart).at(0).toObject().value(u"version"_s).toString();
    const QStringList versionsCommand{u"versions"_s, m_chart};

    QTest::newRow("401 wrong password")
        << u"auth"_s << WrongPassword << -1 << QString() << 0 << versionsCommand << 3 << u"HTTP 401"_s << 401;
    QTest::newRow("401 on show") << u"auth"_s << WrongPassword << -1 << QString() << 0
                                 << QStringList{u"show"_s, m_chart, version} << 3 << u"HTTP 401"_s << 401;
    QTest::newRow("no password anywhere") << u"auth"_s << QString() << -1 << QString() << 0 << versionsCommand
                                          << 3 << u"password is missing"_s << 0;
    QTest::newRow("404 unknown chart")
        << u"open"_s << QString() << -1 << QString() << 0 << QStringList{u"versions"_s, u"no-such-chart"_s}
        << 5 << u"HTTP 404"_s << 404;
    QTest::newRow("404 unknown version")
        << u"open"_s << QString() << -1 << QString() << 0 << QStringList{u"show"_s, m_chart, u"9.9.9"_s} << 5
        << u"HTTP 404"_s << 404;
    QTest::newRow("404 pull unknown version")
        << u"open"_s << QString() << -1 << QString() << 0
        << QStringList{u"pull"_s, m_chart, u"9.9.9"_s, u"-d"_s, m_work.filePath(u"never"_s)} << 5
        << u"HTTP 404"_s << 404;
    QTest::newRow("404 latest of unknown chart")
        << u"open"_s << QString() << -1 << QString() << 0
        << QStringList{u"show"_s, u"no-such-chart"_s, u"latest"_s} << 5 << u"HTTP 404"_s << 404;
    QTest::newRow("500 always") << u"open"_s << QString() << int(Kind::Status) << u"/api/charts"_s << 500
                                << versionsCommand << 4 << u"HTTP 500"_s << 500;
    QTest::newRow("503 after retries") << u"open"_s << QString() << int(Kind::Status) << u"/api/charts"_s
                                       << 503 << QStringList{u"charts"_s} << 4 << u"HTTP 503"_s << 503;
    QTest::newRow("connection refused") << u"refused"_s << QString() << -1 << QString() << 0
                                        << versionsCommand << 4 << u"Cannot reach ChartMuseum"_s << 0;
    QTest::newRow("connection closed")
        << u"open"_s << QString() << int(Kind::CloseConnection) << u"/api/charts"_s << 0 << versionsCommand
        << 4 << u"Cannot reach ChartMuseum"_s << 0;
    QTest::newRow("non-JSON body") << u"open"_s << QString() << int(Kind::GarbageBody) << u"/api/charts"_s
                                   << 0 << versionsCommand << 1 << u"not JSON"_s << 0;
    QTest::newRow("download cut short")
        << u"open"_s << QString() << int(Kind::TruncateBody) << u"/charts/"_s << 0
        << QStringList{u"show"_s, m_chart, version} << 1 << u"cut short"_s << 0;
}

void TstCli::serverErrors()
{
    QFETCH(QString, config);
    QFETCH(QString, password);
    QFETCH(int, faultKind);
    QFETCH(QString, faultPath);
    QFETCH(int, faultStatus);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QFETCH(int, status);

    QProcessEnvironment environment = baseEnvironment();
    if (!password.isEmpty())
        environment.insert(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s, password);
    const QString path = config == u"auth"_s      ? m_authConfig
                         : config == u"refused"_s ? m_refusedConfig
                                                  : m_openConfig;

    for (const bool json : {false, true}) {
        if (faultKind >= 0) {
            ChartMuseumServer::Fault fault;
            fault.kind = ChartMuseumServer::Fault::Kind(faultKind);
            fault.pathPrefix = faultPath;
            fault.status = faultStatus;
            fault.body = fault.kind == ChartMuseumServer::Fault::Kind::GarbageBody
                             ? QByteArray("<html><body>proxy login</body></html>")
                             : QByteArray();
            fault.count = -1;
            m_server->addFault(fault);
        }
        const int before = m_server->requestCount();
        QStringList full = QStringList{u"--config"_s, path} + arguments;
        if (json)
            full << u"-o"_s << u"json"_s;
        RUN(run, full, environment);
        m_server->clearFaults();
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
        QVERIFY2(!run.stdErr().contains(WrongPassword), "the password leaked into an error");
        if (json) {
            const QJsonObject error = QJsonDocument::fromJson(run.err).object().value(u"error"_s).toObject();
            QVERIFY2(!error.isEmpty(), qPrintable(run.describe()));
            // A cut-short download is refused either by the transport or by the digest check; the hint names
            // it.
            const QString said =
                error.value(u"message"_s).toString() + u'\n' + error.value(u"hint"_s).toString();
            QVERIFY2(said.contains(message), qPrintable(run.describe()));
            QCOMPARE(error.value(u"exitCode"_s).toInt(), exitCode);
            if (status)
                QCOMPARE(error.value(u"status"_s).toInt(), status);
            else
                QVERIFY(error.value(u"status"_s).isNull());
        } else {
            QVERIFY2(run.stdErr().startsWith(u"capstan: error: "_s), qPrintable(run.describe()));
            QVERIFY2(run.stdErr().contains(message), qPrintable(run.describe()));
        }
        if (qstrcmp(QTest::currentDataTag(), "503 after retries") == 0)
            QVERIFY2(m_server->requestCount() - before > 1, "a 503 on a GET is retried");
        if (exitCode == 3 && status == 401)
            QVERIFY2(run.stdErr().contains(u"credentials set chartmuseum"_s), qPrintable(run.describe()));
    }
}

void TstCli::notFoundHints_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");

    const QString version = serverVersions(m_chart).at(0).toObject().value(u"version"_s).toString();
    const QString repository = m_server->url().toDisplayString();
    QTest::newRow("versions of an unknown chart")
        << QStringList{u"versions"_s, u"no-such-chart"_s}
        << u"There is no chart no-such-chart in %1"_s.arg(repository)
        << u"`capstan --cli charts` lists the charts there."_s;
    QTest::newRow("show an unknown version")
        << QStringList{u"show"_s, m_chart, u"9.9.9"_s}
        << u"Chart %1 has no version 9.9.9 in %2"_s.arg(m_chart, repository)
        << u"`capstan --cli versions %1` lists them."_s.arg(m_chart);
    QTest::newRow("pull an unknown version")
        << QStringList{u"pull"_s, m_chart, u"9.9.9"_s, u"-d"_s, m_work.filePath(u"never"_s)}
        << u"Chart %1 has no version 9.9.9 in %2"_s.arg(m_chart, repository)
        << u"`capstan --cli versions %1` lists them."_s.arg(m_chart);
    QTest::newRow("latest of an unknown chart") << QStringList{u"show"_s, u"no-such-chart"_s, u"latest"_s}
                                                << u"There is no chart no-such-chart in %1"_s.arg(repository)
                                                << u"`capstan --cli charts` lists the charts there."_s;
    QTest::newRow("diff with an unknown version")
        << QStringList{u"diff"_s, m_chart, u"9.9.9"_s, version}
        << u"Chart %1 has no version 9.9.9 in %2"_s.arg(m_chart, repository)
        << u"`capstan --cli versions %1` lists them."_s.arg(m_chart);
}

// Every not-found names what is missing where, and the command that lists what there is.
void TstCli::notFoundHints()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QFETCH(QString, hint);
    RUN(text, QStringList{u"--config"_s, m_openConfig} + arguments);
    QVERIFY2(text.exitCode == 5, qPrintable(text.describe()));
    QVERIFY2(text.stdErr().startsWith(u"capstan: error: "_s + message), qPrintable(text.describe()));
    QVERIFY2(text.stdErr().contains(u"hint: "_s + hint), qPrintable(text.describe()));
    RUN(json, QStringList{u"--config"_s, m_openConfig} + arguments + QStringList{u"-o"_s, u"json"_s});
    const QJsonObject error = QJsonDocument::fromJson(json.err).object().value(u"error"_s).toObject();
    QVERIFY2(error.value(u"message"_s).toString().startsWith(message), qPrintable(json.describe()));
    QCOMPARE(error.value(u"hint"_s).toString(), hint);
    QCOMPARE(error.value(u"exitCode"_s).toInt(), 5);
    QCOMPARE(error.value(u"status"_s).toInt(), 404);
}

void TstCli::silentServerTimesOut_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("chartmuseum") << u"chartmuseum"_s << QStringList{u"versions"_s, u"torvalds"_s};
    QTest::newRow("argocd") << u"argocd"_s << QStringList{u"status"_s};
    QTest::newRow("github") << u"github"_s << QStringList{u"builds"_s};
}

// A server that accepts connections and never answers costs about `timeout` seconds per attempt (an attempt
// that timed out is retried once), and the error names the setting to raise.
void TstCli::silentServerTimesOut()
{
    QFETCH(QString, section);
    QFETCH(QStringList, arguments);
    QTcpServer silent;
    QList<QTcpSocket *> held; // accepted and never answered
    connect(&silent, &QTcpServer::newConnection, &silent, [&silent, &held] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held.append(socket);
    });
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const QString url = u"http://127.0.0.1:%1"_s.arg(silent.serverPort());
    QString yaml;
    if (section == u"chartmuseum"_s)
        yaml = u"chartmuseum:\n  url: %1\n  timeout: 1\n"_s.arg(url);
    else if (section == u"argocd"_s)
        yaml = u"argocd:\n  url: %1\n  app: torvalds\n  timeout: 1\n"_s.arg(url);
    else
        yaml = u"github:\n  url: %1\n  repo: homelab/torvalds\n  workflow: ci.yml\n  timeout: 1\n"_s.arg(url);
    const QString config = writeConfig(section + u"-silent.yaml"_s, yaml);
    QProcessEnvironment environment = baseEnvironment();
    environment.insert(u"CAPSTAN_ARGOCD_TOKEN"_s, u"silent-server-token"_s);
    environment.insert(u"CAPSTAN_GITHUB_TOKEN"_s, u"silent-server-token"_s);

    RUN(run, QStringList{u"--config"_s, config} + arguments + QStringList{u"-o"_s, u"json"_s}, environment);
    QVERIFY2(run.exitCode == 4, qPrintable(run.describe()));
    const QJsonObject error = QJsonDocument::fromJson(run.err).object().value(u"error"_s).toObject();
    QVERIFY2(error.value(u"message"_s).toString().contains(u"sent nothing for 1 s"_s),
             qPrintable(run.describe()));
    const QString hint = error.value(u"hint"_s).toString();
    QVERIFY2(hint.contains(u"raise %1.timeout in capstan.yaml"_s.arg(section)), qPrintable(run.describe()));
    QVERIFY2(hint.contains(u"Tried 2 times."_s), qPrintable(run.describe()));
    QVERIFY2(!held.isEmpty(), "the command never connected");
    qDeleteAll(held);
}

void TstCli::journalDirectoryMustExist_data()
{
    QTest::addColumn<QString>("relative"); // the journal file under the work directory
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); // "" for success

    QTest::newRow("existing directory") << u"journal-ok/journal.sqlite"_s << 0 << QString();
    QTest::newRow("missing directory")
        << u"journal-missing/deeper/journal.sqlite"_s << 2 << u"its directory %1 does not exist"_s;
    QTest::newRow("a file as directory")
        << u"journal-file/journal.sqlite"_s << 2 << u"%1 is not a directory"_s;
}

// CAPSTAN_JOURNAL names a file; a directory it lacks is an error, never created silently.
void TstCli::journalDirectoryMustExist()
{
    QFETCH(QString, relative);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QVERIFY(QDir().mkpath(m_work.filePath(u"journal-ok"_s)));
    QFile blocker(m_work.filePath(u"journal-file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString file = m_work.filePath(relative);
    const QString directory = QFileInfo(file).absolutePath();
    QProcessEnvironment environment = baseEnvironment();
    environment.insert(u"CAPSTAN_JOURNAL"_s, file);
    RUN(run, {u"journal"_s}, environment);
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    if (exitCode == 0) {
        QVERIFY(QFileInfo::exists(file));
        return;
    }
    QVERIFY2(run.stdErr().contains(u"CAPSTAN_JOURNAL is %1"_s.arg(file)), qPrintable(run.describe()));
    QVERIFY2(run.stdErr().contains(message.arg(directory)), qPrintable(run.describe()));
    QVERIFY2(run.stdErr().contains(u"hint: Create the directory"_s), qPrintable(run.describe()));
    QVERIFY(!QFileInfo(directory).isDir());
}

void TstCli::helpExamplesRunInSandbox_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("versions") << u"versions"_s << 0;
    QTest::newRow("show") << u"show"_s << 0;
    QTest::newRow("pull") << u"pull"_s << 0;
    QTest::newRow("diff") << u"diff"_s << 1; // the versions differ: exit 1, as diff does
    QTest::newRow("history") << u"history"_s << 0;
    QTest::newRow("status") << u"status"_s << 0;
}

// The examples in `COMMAND --help` that only read work as written against the sandbox.
void TstCli::helpExamplesRunInSandbox()
{
    QFETCH(QString, command);
    QFETCH(int, exitCode);
    RUN(help, {command, u"--help"_s});
    QVERIFY2(help.exitCode == 0, qPrintable(help.describe()));
    const QString prefix = u"  capstan --cli "_s;
    int ran = 0;
    const QStringList lines = help.stdOut().split(u'\n');
    for (const QString &line : lines) {
        if (!line.startsWith(prefix) || line.contains(u"/tmp"_s))
            continue;
        QStringList arguments = QProcess::splitCommand(line.mid(prefix.size()));
        if (!arguments.contains(u"--sandbox"_s))
            arguments.prepend(u"--sandbox"_s);
        const QString directory = m_work.filePath(u"examples-"_s + command);
        QVERIFY(QDir().mkpath(directory));
        RUN(run, arguments, baseEnvironment(), {}, directory);
        QVERIFY2(run.exitCode == exitCode, qPrintable(line + u'\n' + run.describe()));
        ++ran;
    }
    QVERIFY2(ran > 0, qPrintable(help.describe()));
}

// git's summary: "1 file changed, 7 insertions(+), 1 deletion(-)", each count with its own plural form.
void TstCli::diffSummaryPlurals()
{
    RUN(run, {u"--sandbox"_s, u"diff"_s, u"torvalds"_s, u"1.0.0-146"_s, u"1.0.0-148"_s, u"--stat"_s});
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    static const QRegularExpression summary(
        u"^(\\d+) (files?) changed, (\\d+) (insertions?)\\(\\+\\), (\\d+) (deletions?)\\(-\\)$"_s,
        QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = summary.match(run.stdOut());
    QVERIFY2(match.hasMatch(), qPrintable(run.describe()));
    for (int i = 1; i <= 5; i += 2) {
        const bool one = match.captured(i).toInt() == 1;
        QVERIFY2(match.captured(i + 1).endsWith(u's') != one, qPrintable(match.captured(0)));
    }
    QVERIFY(!run.stdOut().contains(u"(s)"_s));
}

void TstCli::digestMismatch_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("json");
    QTest::newRow("show") << u"show"_s << false;
    QTest::newRow("pull") << u"pull"_s << false;
    QTest::newRow("pull json") << u"pull"_s << true;
}

// The package on disk changes after the server indexed it (as when storage is damaged or a transfer was cut
// and stored): the bytes served no longer match the listed digest.
void TstCli::digestMismatch()
{
    QFETCH(QString, command);
    QFETCH(bool, json);
    QTemporaryDir storage(m_work.filePath(u"damaged-XXXXXX"_s));
    const SandboxSeeder::Result seeded = SandboxSeeder::seedMany(storage.path(), u"damaged"_s, 3);
    QVERIFY2(seeded.error.isEmpty(), qPrintable(seeded.error));
    ChartMuseumServer::Options options;
    options.storageDirectory = storage.path();
    ChartMuseumServer server(options);
    QVERIFY(server.listen());
    const QString config =
        writeConfig(u"damaged.yaml"_s, u"chartmuseum:\n  url: %1\n"_s.arg(server.url().toString()));

    // Let the server index the intact packages first, as ChartMuseum does at start.
    QNetworkReply *reply =
        m_network.get(QNetworkRequest(server.url().resolved(QUrl(u"api/charts/damaged"_s))));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), ChildTimeoutMs);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll()).array().size(), 3);
    reply->deleteLater();

    const QString package = QDir(storage.path()).filePath(u"damaged-1.0.0-2.tgz"_s);
    QFile file(package);
    QVERIFY2(file.open(QIODevice::ReadWrite), qPrintable(package));
    QVERIFY(file.resize(file.size() / 2));
    file.close();

    const QString target = m_work.filePath(u"damaged-pull"_s);
    QStringList arguments{u"--config"_s, config, command, u"damaged"_s, u"1.0.0-2"_s};
    if (command == u"pull"_s)
        arguments << u"-d"_s << target;
    if (json)
        arguments << u"-o"_s << u"json"_s;
    RUN(run, arguments);
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(run.stdErr().contains(u"does not match its digest"_s), qPrintable(run.describe()));
    if (json)
        QCOMPARE(QJsonDocument::fromJson(run.err)
                     .object()
                     .value(u"error"_s)
                     .toObject()
                     .value(u"exitCode"_s)
                     .toInt(),
                 1);
    QVERIFY2(!QFileInfo::exists(QDir(target).filePath(u"damaged-1.0.0-2.tgz"_s)), "nothing half-written");
}

// ---------------------------------------------------------------------------------------------------------------

void TstCli::credentialsRoundTrip()
{
    const QStringList check{u"credentials"_s, u"check"_s, u"chartmuseum"_s};
    QList<Run> runs;

    capstan({u"credentials"_s, u"delete"_s, u"chartmuseum"_s}); // a clean start; may say "not found"
    RUN(absent, check);
    runs << absent;
    QVERIFY2(absent.exitCode == 5, qPrintable(absent.describe()));
    QVERIFY2(absent.stdOut().contains(u"not found"_s), qPrintable(absent.describe()));

    // Wrong before set: the auth server refuses, since nothing is stored.
    RUN(before, {u"--config"_s, m_authConfig, u"versions"_s, m_chart});
    runs << before;
    QCOMPARE(before.exitCode, 3);

    RUN(set, {u"credentials"_s, u"set"_s, u"chartmuseum"_s}, {}, AuthPassword.toUtf8() + "\n");
    runs << set;
    QVERIFY2(set.exitCode == 0, qPrintable(set.describe()));
    QVERIFY2(set.stdOut().contains(u"Stored"_s), qPrintable(set.describe()));

    RUN(found, check);
    runs << found;
    QVERIFY2(found.exitCode == 0, qPrintable(found.describe()));
    QVERIFY2(found.stdOut().contains(u"found in the keychain"_s), qPrintable(found.describe()));

    RUN(foundJson, check + QStringList{u"-o"_s, u"json"_s});
    runs << foundJson;
    const QJsonObject answer = QJsonDocument::fromJson(foundJson.out).object();
    QCOMPARE(answer.value(u"found"_s).toBool(), true);
    QCOMPARE(answer.value(u"source"_s).toString(), u"keychain"_s);
    QCOMPARE(answer.value(u"variable"_s).toString(), u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s);

    // The stored secret is exactly what came on stdin (newline dropped): the server accepts it.
    RUN(used, {u"--config"_s, m_authConfig, u"versions"_s, m_chart, u"-o"_s, u"json"_s});
    runs << used;
    QVERIFY2(used.exitCode == 0, qPrintable(used.describe()));
    QCOMPARE(QJsonDocument::fromJson(used.out).array().size(), serverVersions(m_chart).size());

    QProcessEnvironment withVariable = baseEnvironment();
    withVariable.insert(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s, WrongPassword);
    RUN(fromEnvironment, check, withVariable);
    runs << fromEnvironment;
    QVERIFY2(fromEnvironment.exitCode == 0, qPrintable(fromEnvironment.describe()));
    QVERIFY2(fromEnvironment.stdOut().contains(
                 u"found in the environment variable CAPSTAN_CHARTMUSEUM_PASSWORD"_s),
             qPrintable(fromEnvironment.describe()));
    RUN(overridden, {u"--config"_s, m_authConfig, u"versions"_s, m_chart}, withVariable);
    runs << overridden;
    QCOMPARE(overridden.exitCode, 3); // the (wrong) variable wins over the keychain

    RUN(removed, {u"credentials"_s, u"delete"_s, u"chartmuseum"_s});
    runs << removed;
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.describe()));
    RUN(gone, check + QStringList{u"-o"_s, u"json"_s});
    runs << gone;
    QCOMPARE(gone.exitCode, 5);
    QCOMPARE(QJsonDocument::fromJson(gone.out).object().value(u"found"_s).toBool(true), false);
    QVERIFY(QJsonDocument::fromJson(gone.out).object().value(u"source"_s).isNull());
    RUN(again, {u"credentials"_s, u"delete"_s, u"chartmuseum"_s});
    runs << again;
    QVERIFY2(again.exitCode == 5, qPrintable(again.describe()));

    for (const Run &run : std::as_const(runs)) {
        QVERIFY2(!run.out.contains(AuthPassword.toUtf8()) && !run.err.contains(AuthPassword.toUtf8()),
                 qPrintable(run.describe()));
        QVERIFY2(!run.out.contains(WrongPassword.toUtf8()) && !run.err.contains(WrongPassword.toUtf8()),
                 qPrintable(run.describe()));
    }
}

void TstCli::credentialsSetRejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    const QStringList set{u"credentials"_s, u"set"_s, u"argocd"_s};
    QTest::newRow("empty stdin") << set << QByteArray() << u"no secret for argocd on standard input"_s;
    QTest::newRow("only a newline") << set << QByteArray("\n") << u"no secret for argocd on standard input"_s;
    QTest::newRow("only CRLF") << set << QByteArray("\r\n") << u"no secret for argocd on standard input"_s;
    QTest::newRow("two lines") << set << (StdinSecret.toUtf8() + "\nmore\n") << u"spans several lines"_s;
    QTest::newRow("secret as argument")
        << set + QStringList{StdinSecret} << QByteArray() << u"never from the command line"_s;
    QTest::newRow("secret as option") << set + QStringList{u"--password="_s + StdinSecret} << QByteArray()
                                      << u"unknown option --password for credentials set"_s;
    QTest::newRow("secret as name") << QStringList{u"credentials"_s, u"set"_s, StdinSecret}
                                    << StdinSecret.toUtf8() << u"unknown credential name"_s;
    QTest::newRow("sandbox") << QStringList{u"--sandbox"_s} + set << StdinSecret.toUtf8()
                             << u"which the sandbox never uses"_s;
}

void TstCli::credentialsSetRejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    RUN(run, arguments, {}, input);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.stdErr().contains(message), qPrintable(run.describe()));
    QVERIFY2(!run.err.contains(StdinSecret.toUtf8()) && !run.out.contains(StdinSecret.toUtf8()),
             qPrintable(run.describe()));
    RUN(check, {u"credentials"_s, u"check"_s, u"argocd"_s});
    QVERIFY2(check.exitCode == 5, "a refused secret is not stored");
}

void TstCli::secretNeverPrinted_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("password");
    const QString version = serverVersions(m_chart).at(0).toObject().value(u"version"_s).toString();
    for (const QString &password : {AuthPassword, WrongPassword}) {
        const char *which = password == AuthPassword ? "right" : "wrong";
        for (const bool json : {false, true}) {
            const QStringList format = json ? QStringList{u"-o"_s, u"json"_s} : QStringList{};
            const char *suffix = json ? " json" : " text";
            QTest::addRow("charts, %s password%s", which, suffix)
                << QStringList{u"charts"_s} + format << password;
            QTest::addRow("versions, %s password%s", which, suffix)
                << QStringList{u"versions"_s, m_chart} + format << password;
            QTest::addRow("show, %s password%s", which, suffix)
                << QStringList{u"show"_s, m_chart, version} + format << password;
            QTest::addRow("credentials check, %s password%s", which, suffix)
                << QStringList{u"credentials"_s, u"check"_s, u"chartmuseum"_s} + format << password;
        }
    }
}

void TstCli::secretNeverPrinted()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, password);
    QProcessEnvironment environment = baseEnvironment();
    environment.insert(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s, password);
    RUN(run, QStringList{u"--config"_s, m_authConfig} + arguments, environment);
    // `credentials check` only says where the secret is; it does not try it.
    const bool expectSuccess = password == AuthPassword || arguments.contains(u"credentials"_s);
    QVERIFY2(run.exitCode == (expectSuccess ? 0 : 3), qPrintable(run.describe()));
    const QByteArray secret = password.toUtf8();
    QVERIFY2(!run.out.contains(secret), "the secret is on stdout");
    QVERIFY2(!run.err.contains(secret), "the secret is on stderr");
    QVERIFY2(!run.out.contains(secret.toBase64()) && !run.err.contains(secret.toBase64()),
             "the secret is printed in base64");
    if (password == AuthPassword && !arguments.contains(u"credentials"_s))
        QCOMPARE(m_authServer->lastAuthorization(),
                 "Basic " + (AuthUser + u':' + password).toUtf8().toBase64());
}

// `credentials set` takes the secret on stdin, so while it runs the secret is in no process's argv.
void TstCli::secretNotInChildArgv()
{
#ifdef Q_OS_LINUX
    QProcess process;
    process.setProgram(QStringLiteral(CAPSTAN_BINARY));
    process.setArguments({u"--cli"_s, u"credentials"_s, u"set"_s, u"github"_s});
    process.setProcessEnvironment(baseEnvironment());
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(ChildTimeoutMs, &loop, &QEventLoop::quit);
    process.start();
    QVERIFY(process.waitForStarted());
    process.write(StdinSecret.toUtf8().left(6)); // half the secret: the child is still reading stdin
    // Under load the kernel may show the new argv a moment after the start is reported.
    const auto readArgv = [pid = process.processId()] {
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
        return cmdline.open(QIODevice::ReadOnly) ? cmdline.readAll() : QByteArray();
    };
    QByteArray argv;
    QTRY_VERIFY_WITH_TIMEOUT((argv = readArgv()).contains("credentials"), 10000);
    QVERIFY(!argv.contains(StdinSecret.toUtf8().left(6)));
    process.write(StdinSecret.toUtf8().mid(6) + "\n");
    process.closeWriteChannel();
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    QCOMPARE(process.state(), QProcess::NotRunning);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(!process.readAllStandardOutput().contains(StdinSecret.toUtf8()));
    QVERIFY(!process.readAllStandardError().contains(StdinSecret.toUtf8()));
    RUN(removed, {u"credentials"_s, u"delete"_s, u"github"_s});
    QCOMPARE(removed.exitCode, 0);
#else
    QSKIP("reads /proc");
#endif
}

void TstCli::keychainUnreachable()
{
    QProcessEnvironment environment = baseEnvironment();
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=%1"_s.arg(m_work.filePath(u"no-bus"_s)));
    environment.remove(u"DISPLAY"_s);
    RUN(check, {u"credentials"_s, u"check"_s, u"chartmuseum"_s}, environment);
    QVERIFY2(check.exitCode == 3, qPrintable(check.describe()));
    QVERIFY2(check.stdErr().contains(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s), qPrintable(check.describe()));
    RUN(set, {u"credentials"_s, u"set"_s, u"chartmuseum"_s, u"-o"_s, u"json"_s}, environment, "secret\n");
    QVERIFY2(set.exitCode == 3, qPrintable(set.describe()));
    QCOMPARE(
        QJsonDocument::fromJson(set.err).object().value(u"error"_s).toObject().value(u"exitCode"_s).toInt(),
        3);
    // With the variable set, no keychain is needed at all.
    environment.insert(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s, AuthPassword);
    RUN(viaVariable, {u"--config"_s, m_authConfig, u"versions"_s, m_chart, u"--limit"_s, u"1"_s},
        environment);
    QVERIFY2(viaVariable.exitCode == 0, qPrintable(viaVariable.describe()));
}

// ---------------------------------------------------------------------------------------------------------------

void TstCli::runsWithoutDisplay()
{
    const QProcessEnvironment environment = headlessEnvironment();
    QVERIFY(!environment.contains(u"QT_QPA_PLATFORM"_s));
    RUN(version, {u"--version"_s}, environment);
    QCOMPARE(version.exitCode, 0);
    RUN(run, {u"--config"_s, m_openConfig, u"versions"_s, m_chart, u"--limit"_s, u"1"_s}, environment);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(run.stdOut().count(u'\n'), 2);
}

void TstCli::desktopHelpWithoutDisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("headless");

    QTest::newRow("--help") << QStringList{u"--help"_s} << true;
    QTest::newRow("-h") << QStringList{u"-h"_s} << true;
    QTest::newRow("--help with other options") << QStringList{u"--sandbox"_s, u"--help"_s} << true;
    QTest::newRow("--help offscreen") << QStringList{u"--help"_s} << false;
    QTest::newRow("--version") << QStringList{u"--version"_s} << true;
    QTest::newRow("-v") << QStringList{u"-v"_s} << true;
}

void TstCli::desktopHelpWithoutDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, headless);
    QProcessEnvironment environment = headless ? headlessEnvironment() : baseEnvironment();
    if (!headless)
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const Run run = launch(arguments, environment);
    QVERIFY2(run.finished, qPrintable(run.describe())); // a Qt abort (134) is a crash exit
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    if (arguments.contains(u"--version"_s) || arguments.contains(u"-v"_s)) {
        QCOMPARE(run.stdOut(), u"capstan %1\n"_s.arg(QStringLiteral(CAPSTAN_VERSION)));
        return;
    }
    const QString help = run.stdOut();
    QVERIFY2(help.startsWith(u"Usage: "_s), qPrintable(run.describe()));
    for (const QString &expected :
         {u"--cli"_s, u"capstan --cli --help"_s, u"--config <file>"_s, u"--sandbox"_s, u"--version"_s})
        QVERIFY2(help.contains(expected), qPrintable(expected + u" missing from\n"_s + help));
    QVERIFY2(!help.contains(u"--screenshot"_s), "the screenshot options stay out of --help");
}

void TstCli::desktopStartWithoutDisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("no display") << QStringList{u"--sandbox"_s} << QString() << 2
                                << QStringList{u"neither DISPLAY nor WAYLAND_DISPLAY is set"_s,
                                               u"xvfb-run -a "_s + QStringLiteral(CAPSTAN_BINARY) +
                                                   u" --sandbox"_s,
                                               QStringLiteral(CAPSTAN_BINARY) + u" --cli --help"_s};
    QTest::newRow("arguments quoted") << QStringList{u"--config"_s, u"my config.yaml"_s} << QString() << 2
                                      << QStringList{u" --config 'my config.yaml'"_s};
    QTest::newRow("xcb without DISPLAY")
        << QStringList{} << u"xcb"_s << 2
        << QStringList{u"\"xcb\" needs a display, but DISPLAY is not set"_s, u"xvfb-run -a "_s};
    QTest::newRow("wayland without WAYLAND_DISPLAY")
        << QStringList{} << u"wayland"_s << 2 << QStringList{u"WAYLAND_DISPLAY is not set"_s};
    QTest::newRow("unknown option, no display")
        << QStringList{u"--no-such-option"_s} << QString() << 1 << QStringList{u"no-such-option"_s};
    QTest::newRow("unknown option, -platform offscreen")
        << QStringList{u"-platform"_s, u"offscreen"_s, u"--no-such-option"_s} << QString() << 1
        << QStringList{u"no-such-option"_s};
    QTest::newRow("unknown option, offscreen")
        << QStringList{u"--no-such-option"_s} << u"offscreen"_s << 1 << QStringList{u"no-such-option"_s};
}

void TstCli::desktopStartWithoutDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, platform);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expected);
    QProcessEnvironment environment = headlessEnvironment();
    if (!platform.isEmpty())
        environment.insert(u"QT_QPA_PLATFORM"_s, platform);
    const Run run = launch(arguments, environment);
    QVERIFY2(run.finished, qPrintable(run.describe())); // a Qt abort (134) is a crash exit
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    for (const QString &text : expected)
        QVERIFY2(run.stdErr().contains(text), qPrintable(text + u" missing from\n"_s + run.describe()));
}

void TstCli::sandbox()
{
    RUN(run, {u"--sandbox"_s, u"charts"_s, u"-o"_s, u"json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonArray charts = QJsonDocument::fromJson(run.out).array();
    QVERIFY2(!charts.isEmpty(), qPrintable(run.describe()));
    bool hasTorvalds = false;
    for (const QJsonValue &chart : charts)
        hasTorvalds = hasTorvalds || chart.toObject().value(u"name"_s).toString() == u"torvalds"_s;
    QVERIFY(hasTorvalds);
    RUN(versions, {u"--sandbox"_s, u"versions"_s, u"torvalds"_s, u"--limit"_s, u"2"_s, u"-o"_s, u"json"_s});
    QVERIFY2(versions.exitCode == 0, qPrintable(versions.describe()));
    QCOMPARE(QJsonDocument::fromJson(versions.out).array().size(), 2);
}

void TstCli::sandboxKeepsItsState()
{
    // Each call is a process of its own; the story goes on where the last one left it.
    const QString directory = m_work.filePath(u"kept-sandbox"_s);
    const QStringList sandbox = {u"--sandbox-dir"_s, directory};
    RUN(lock, sandbox + QStringList{u"lock"_s, u"--reason"_s, u"trying the lock"_s});
    QVERIFY2(lock.exitCode == 0, qPrintable(lock.describe()));
    RUN(status, sandbox + QStringList{u"status"_s});
    QVERIFY2(status.stdOut().contains(u"trying the lock"_s), qPrintable(status.describe()));
    RUN(unlock, sandbox + QStringList{u"unlock"_s});
    QVERIFY2(unlock.exitCode == 0, qPrintable(unlock.describe()));
    QVERIFY2(unlock.stdOut().contains(u"Unlocked"_s), qPrintable(unlock.describe()));

    // The same version has the same bytes every time it is pulled.
    QStringList digests;
    for (int i = 0; i < 2; ++i) {
        const QString target = m_work.filePath(u"kept-pull-%1"_s.arg(i));
        QVERIFY(QDir().mkpath(target));
        RUN(pull, sandbox + QStringList{u"pull"_s, u"torvalds"_s, u"1.0.0-148"_s, u"-d"_s, target, u"-o"_s,
                                        u"json"_s});
        QVERIFY2(pull.exitCode == 0, qPrintable(pull.describe()));
        digests.append(QJsonDocument::fromJson(pull.out).object().value(u"digest"_s).toString());
    }
    QCOMPARE(digests.size(), 2);
    QVERIFY(!digests.first().isEmpty());
    QCOMPARE(digests.first(), digests.last());

    // Nothing of the sandbox lands in the user's caches: charts and ETags are cached in the sandbox.
    RUN(diff, sandbox + QStringList{u"diff"_s, u"torvalds"_s, u"1.0.0-147"_s, u"1.0.0-148"_s});
    QVERIFY2(diff.exitCode == 0 || diff.exitCode == 1, qPrintable(diff.describe()));
    RUN(builds, sandbox + QStringList{u"builds"_s, u"--limit"_s, u"3"_s});
    QVERIFY2(builds.exitCode == 0, qPrintable(builds.describe()));
    const QStringList cached = QDir(m_work.filePath(u"xdg-cache"_s))
                                   .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    QVERIFY2(cached.isEmpty(), qPrintable(cached.join(u", "_s)));
    QVERIFY(QFileInfo::exists(QDir(directory).filePath(u"cache/charts"_s)));
    QVERIFY(QFileInfo::exists(QDir(directory).filePath(u"cache/github-etags.json"_s)));

    RUN(lockAgain, sandbox + QStringList{u"lock"_s, u"--reason"_s, u"left behind"_s});
    QVERIFY2(lockAgain.exitCode == 0, qPrintable(lockAgain.describe()));
    RUN(reset, QStringList{u"--sandbox-dir"_s, directory, u"--sandbox-reset"_s, u"status"_s});
    QVERIFY2(reset.exitCode == 0, qPrintable(reset.describe()));
    QVERIFY2(!reset.stdOut().contains(u"left behind"_s), qPrintable(reset.describe()));
    QVERIFY2(reset.stdOut().contains(u"1.0.0-146"_s), qPrintable(reset.describe()));

    // A state file this Capstan cannot read is reported with the way out, and that way out works.
    QFile state(QDir(directory).filePath(u"sandbox.json"_s));
    QVERIFY(state.open(QIODevice::WriteOnly | QIODevice::Truncate));
    state.write("{ not json");
    state.close();
    RUN(broken, sandbox + QStringList{u"status"_s});
    QVERIFY2(broken.exitCode != 0, qPrintable(broken.describe()));
    QVERIFY2(broken.stdErr().contains(u"sandbox.json"_s) && broken.stdErr().contains(u"--sandbox-reset"_s),
             qPrintable(broken.describe()));
    RUN(repaired, sandbox + QStringList{u"--sandbox-reset"_s, u"status"_s});
    QVERIFY2(repaired.exitCode == 0, qPrintable(repaired.describe()));
    QVERIFY2(repaired.stdOut().contains(u"1.0.0-146"_s), qPrintable(repaired.describe()));

    // Without --sandbox-dir: the user's state directory.
    RUN(plain, {u"--sandbox"_s, u"status"_s});
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.describe()));
    QVERIFY(QFileInfo::exists(m_work.filePath(u"xdg-state/capstan/sandbox/sandbox.json"_s)));
}

void TstCli::sandboxRefusesForeignDirectories_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("not empty") << QStringList{} << u"holds no Capstan sandbox"_s;
    QTest::newRow("reset") << QStringList{u"--sandbox-reset"_s} << u"holds no Capstan sandbox"_s;
}

void TstCli::sandboxRefusesForeignDirectories()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    // A directory of the user's is never written into, let alone cleared.
    const QString directory =
        m_work.filePath(u"foreign-%1"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY(QDir().mkpath(directory));
    const QString precious = QDir(directory).filePath(u"notes.txt"_s);
    QFile file(precious);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keep me\n");
    file.close();
    RUN(run, QStringList{u"--sandbox-dir"_s, directory} + options + QStringList{u"status"_s});
    QVERIFY2(run.exitCode != 0, qPrintable(run.describe()));
    QVERIFY2(run.stdErr().contains(message), qPrintable(run.describe()));
    QVERIFY2(run.stdErr().contains(directory), qPrintable(run.describe()));
    QCOMPARE(QDir(directory).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"notes.txt"_s});
}

void TstCli::sandboxSharedWithItsOwner()
{
    // A window on the sandbox is open (here: this process owns it); the command line talks to its servers.
    const QString directory = m_work.filePath(u"busy-sandbox"_s);
    Sandbox::Options options;
    options.directory = directory;
    options.keepState = true;
    auto owner = std::make_unique<Sandbox>(options);
    QString error;
    QVERIFY2(owner->start(&error), qPrintable(error));
    const QFileInfo servers(QDir(directory).filePath(u"servers.json"_s));
    QVERIFY(servers.exists());
    QCOMPARE(servers.permissions() &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());

    RUN(lock, {u"--sandbox-dir"_s, directory, u"lock"_s, u"--reason"_s, u"seen by the window"_s});
    QVERIFY2(lock.exitCode == 0, qPrintable(lock.describe()));
    const QJsonObject annotations =
        owner->argoCd()->application(u"torvalds"_s)[u"metadata"_s].toObject()[u"annotations"_s].toObject();
    QVERIFY2(QJsonDocument(annotations).toJson().contains("seen by the window"),
             QJsonDocument(annotations).toJson().constData());

    RUN(reset, {u"--sandbox-dir"_s, directory, u"--sandbox-reset"_s, u"status"_s});
    QVERIFY2(reset.exitCode != 0, qPrintable(reset.describe()));
    QVERIFY2(reset.stdErr().contains(
                 u"in use by another Capstan (process %1)"_s.arg(QCoreApplication::applicationPid())),
             qPrintable(reset.describe()));

    owner.reset();
    QVERIFY(!QFileInfo::exists(servers.filePath()));
    RUN(status, {u"--sandbox-dir"_s, directory, u"status"_s});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QVERIFY2(status.stdOut().contains(u"seen by the window"_s), qPrintable(status.describe()));
}

void TstCli::sandboxServe()
{
    const QString directory = m_work.filePath(u"serve"_s);
    QProcess serve;
    serve.setProgram(QStringLiteral(CAPSTAN_BINARY));
    serve.setArguments({u"--cli"_s, u"sandbox-serve"_s, u"--versions"_s, u"7"_s, u"--chart"_s, u"bench"_s,
                        u"--dir"_s, directory});
    serve.setProcessEnvironment(baseEnvironment());
    serve.start();
    QVERIFY(serve.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(serve.canReadLine() || serve.state() == QProcess::NotRunning, ChildTimeoutMs);
    const QString url = QString::fromUtf8(serve.readLine()).trimmed();
    QVERIFY2(url.startsWith(u"http://127.0.0.1:"_s),
             qPrintable(url + QString::fromUtf8(serve.readAllStandardError())));

    const QString config = writeConfig(u"serve.yaml"_s, u"chartmuseum:\n  url: %1\n"_s.arg(url));
    RUN(run, {u"--config"_s, config, u"versions"_s, u"bench"_s, u"-o"_s, u"json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonArray versions = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(versions.size(), 7);
    QCOMPARE(versions.first().toObject().value(u"version"_s).toString(), u"1.0.0-7"_s);
    QCOMPARE(versions.last().toObject().value(u"version"_s).toString(), u"1.0.0-1"_s);

    serve.terminate(); // SIGTERM: a clean stop with exit 0
    QTRY_VERIFY_WITH_TIMEOUT(serve.state() == QProcess::NotRunning, ChildTimeoutMs);
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    QCOMPARE(QDir(directory).entryList({u"*.tgz"_s}, QDir::Files).size(), 7);
}

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
