#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;

// Checks that capstan.yaml is read strictly and that every problem names its place.
class TstConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullExample();
    void shippedExampleLoads();
    void emptyFileIsEmptyConfig();
    void rejects_data();
    void rejects();
    void timeouts_data();
    void timeouts();
    void locate();
    void writerKeepsOtherKeys();
    void writerRefusesBrokenFile();
    void writerWritesChartAndChecksItByTheLoadersRules();
    void missingFile();
};

void TstConfig::fullExample()
{
    const QByteArray yaml =
        "github:      { url: https://api.github.com, repo: owner/name, workflow: ci.yml, branch: main }\n"
        "chartmuseum: { url: https://charts.example.net, username: admin }\n"
        "chart:       { name: torvalds, path: src/cdk8s/helm, manifests: src/cdk8s/dist, "
        "version: \"1.0.0-{build}\" }\n"
        "argocd:      { url: https://argocd.example.net, app: torvalds }\n";
    ConfigError error;
    const std::optional<Config> config = ConfigLoader::parse(yaml, QStringLiteral("capstan.yaml"), &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QVERIFY(config->github && config->chartmuseum && config->chart && config->argocd);
    QCOMPARE(config->github->repo, QStringLiteral("owner/name"));
    QCOMPARE(config->github->workflow, QStringLiteral("ci.yml"));
    QCOMPARE(config->chartmuseum->url, QUrl(QStringLiteral("https://charts.example.net")));
    QCOMPARE(config->chartmuseum->username, QStringLiteral("admin"));
    QCOMPARE(config->chartmuseum->timeoutSeconds, 30);
    QCOMPARE(config->chart->version, QStringLiteral("1.0.0-{build}"));
    QCOMPARE(config->chart->manifests, QStringLiteral("src/cdk8s/dist"));
    QCOMPARE(config->argocd->app, QStringLiteral("torvalds"));
}

void TstConfig::shippedExampleLoads()
{
    ConfigError error;
    const auto config = ConfigLoader::loadFile(
        QStringLiteral(CAPSTAN_SOURCE_DIR "/resources/examples/homelab.capstan.yaml"), &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QVERIFY(config->chartmuseum && config->chart && config->argocd && config->github);
    QCOMPARE(config->chart->name, QStringLiteral("torvalds"));
}

void TstConfig::emptyFileIsEmptyConfig()
{
    ConfigError error;
    const auto config = ConfigLoader::parse("# nothing yet\n", QStringLiteral("c.yaml"), &error);
    QVERIFY(config);
    QVERIFY(!config->chartmuseum && !config->github && !config->chart && !config->argocd);
}

void TstConfig::rejects_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unknown top-level key") << QByteArray("chartmuseum: { url: http://h }\nchartmusem: {}\n")
                                           << 2 << 1 << QStringLiteral("unknown key \"chartmusem\"");
    QTest::newRow("unknown key with suggestion")
        << QByteArray("chartmuseum:\n  url: http://h\n  usernme: admin\n") << 3 << 3
        << QStringLiteral("did you mean \"username\"");
    QTest::newRow("password in config") << QByteArray("chartmuseum:\n  url: http://h\n  password: hunter2\n")
                                        << 3 << 3 << QStringLiteral("secrets live in the keychain");
    QTest::newRow("bad url scheme") << QByteArray("chartmuseum:\n  url: ftp://charts\n") << 2 << 8
                                    << QStringLiteral("expected an http:// or https:// URL");
    QTest::newRow("url without host") << QByteArray("argocd: { url: \"https://\", app: x }\n") << 1 << 16
                                      << QStringLiteral("argocd.url is \"https://\"");
    QTest::newRow("url with credentials") << QByteArray("chartmuseum:\n  url: https://u:p@charts\n") << 2 << 8
                                          << QStringLiteral("must not carry a user name");
    QTest::newRow("section not a map")
        << QByteArray("chartmuseum: https://charts\n") << 1 << 14 << QStringLiteral("must be a mapping");
    QTest::newRow("missing required key")
        << QByteArray("argocd:\n  app: torvalds\n") << 2 << 3 << QStringLiteral("needs the key \"url\"");
    QTest::newRow("list where value expected")
        << QByteArray("chart:\n  name: [a, b]\n") << 2 << 9 << QStringLiteral("must be a single value");
    QTest::newRow("duplicate key") << QByteArray("chart:\n  name: a\n  name: b\n") << 3 << 3
                                   << QStringLiteral("appears twice");
    QTest::newRow("bad repo shape") << QByteArray("github:\n  repo: justaname\n") << 2 << 9
                                    << QStringLiteral("expected owner/name");
    QTest::newRow("bad timeout") << QByteArray("chartmuseum:\n  url: http://h\n  timeout: soon\n") << 3 << 12
                                 << QStringLiteral("chartmuseum.timeout is \"soon\", expected whole seconds");
    QTest::newRow("argocd timeout 0")
        << QByteArray("argocd:\n  url: http://h\n  app: a\n  timeout: 0\n") << 4 << 12
        << QStringLiteral("argocd.timeout is \"0\", expected whole seconds");
    QTest::newRow("argocd timeout negative")
        << QByteArray("argocd: { url: http://h, app: a, timeout: -5 }\n") << 1 << 43
        << QStringLiteral("argocd.timeout is \"-5\", expected whole seconds from 1 to 3600");
    QTest::newRow("argocd timeout not a number")
        << QByteArray("argocd:\n  url: http://h\n  app: a\n  timeout: 30s\n") << 4 << 12
        << QStringLiteral("argocd.timeout is \"30s\"");
    QTest::newRow("github timeout 0") << QByteArray("github:\n  repo: o/n\n  timeout: 0\n") << 3 << 12
                                      << QStringLiteral("github.timeout is \"0\", expected whole seconds");
    QTest::newRow("github timeout negative") << QByteArray("github:\n  repo: o/n\n  timeout: -1\n") << 3 << 12
                                             << QStringLiteral("github.timeout is \"-1\"");
    QTest::newRow("github timeout not a number")
        << QByteArray("github:\n  repo: o/n\n  timeout: fast\n") << 3 << 12
        << QStringLiteral("github.timeout is \"fast\", expected whole seconds");
    QTest::newRow("github timeout fraction") << QByteArray("github:\n  repo: o/n\n  timeout: 2.5\n") << 3
                                             << 12 << QStringLiteral("github.timeout is \"2.5\"");
    QTest::newRow("github timeout a list") << QByteArray("github:\n  repo: o/n\n  timeout: [1]\n") << 3 << 12
                                           << QStringLiteral("github.timeout must be a single value");
    QTest::newRow("chartmuseum timeout 0") << QByteArray("chartmuseum:\n  url: http://h\n  timeout: 0\n") << 3
                                           << 12 << QStringLiteral("chartmuseum.timeout is \"0\"");
    QTest::newRow("chartmuseum timeout too long")
        << QByteArray("chartmuseum:\n  url: http://h\n  timeout: 3601\n") << 3 << 12
        << QStringLiteral("expected whole seconds from 1 to 3600");
    QTest::newRow("yaml syntax") << QByteArray("chartmuseum: { url: http://h\n") << 2 << 1
                                 << QStringLiteral("not valid YAML");
    QTest::newRow("top level is a list")
        << QByteArray("- a\n- b\n") << 1 << 1 << QStringLiteral("top level must be a mapping");
    QTest::newRow("empty value") << QByteArray("chart:\n  name: \"\"\n") << 2 << 9
                                 << QStringLiteral("must not be empty");
}

void TstConfig::rejects()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, expected);
    ConfigError error;
    const auto config = ConfigLoader::parse(yaml, QStringLiteral("bad.yaml"), &error);
    QVERIFY(!config);
    QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    QCOMPARE(error.file, QStringLiteral("bad.yaml"));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QVERIFY(error.toString().startsWith(QStringLiteral("bad.yaml:%1:%2: ").arg(line).arg(column)));
}

void TstConfig::timeouts_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("chartmuseum");
    QTest::addColumn<int>("argocd");
    QTest::addColumn<int>("github");

    QTest::newRow("defaults") << QByteArray(
                                     "chartmuseum: { url: http://c }\nargocd: { url: http://a, app: x }\n"
                                     "github: { repo: o/n }\n")
                              << 30 << 30 << 30;
    QTest::newRow("each its own")
        << QByteArray(
               "chartmuseum: { url: http://c, timeout: 5 }\nargocd: { url: http://a, app: x, timeout: 7 }\n"
               "github: { repo: o/n, timeout: 9 }\n")
        << 5 << 7 << 9;
    QTest::newRow("bounds") << QByteArray("chartmuseum: { url: http://c, timeout: 1 }\n"
                                          "argocd: { url: http://a, app: x, timeout: 3600 }\n"
                                          "github: { repo: o/n, timeout: \"120\" }\n")
                            << 1 << 3600 << 120;
}

void TstConfig::timeouts()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, chartmuseum);
    QFETCH(int, argocd);
    QFETCH(int, github);
    ConfigError error;
    const auto config = ConfigLoader::parse(yaml, QStringLiteral("capstan.yaml"), &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QCOMPARE(config->chartmuseum->timeoutSeconds, chartmuseum);
    QCOMPARE(config->argocd->timeoutSeconds, argocd);
    QCOMPARE(config->github->timeoutSeconds, github);
}

void TstConfig::locate()
{
    QTemporaryDir work, user;
    QCOMPARE(ConfigLoader::locate(QStringLiteral("/x/given.yaml"), work.path(), user.path()),
             QStringLiteral("/x/given.yaml"));
    QCOMPARE(ConfigLoader::locate({}, work.path(), user.path()), QString());
    QFile userFile(user.filePath(QStringLiteral("capstan.yaml")));
    QVERIFY(userFile.open(QIODevice::WriteOnly));
    userFile.close();
    QCOMPARE(ConfigLoader::locate({}, work.path(), user.path()), userFile.fileName());
    QFile localFile(work.filePath(QStringLiteral("capstan.yaml")));
    QVERIFY(localFile.open(QIODevice::WriteOnly));
    localFile.close();
    QCOMPARE(ConfigLoader::locate({}, work.path(), user.path()), localFile.fileName());
}

void TstConfig::writerKeepsOtherKeys()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capstan.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("chart: { name: torvalds, version: \"1.0.0-{build}\" }\n"
               "chartmuseum: { url: https://old.example.net, username: admin, timeout: 12 }\n"
               "argocd: { url: https://old-argocd.example.net, app: old, timeout: 45 }\n"
               "github: { repo: o/n, timeout: 90 }\n");
    file.close();

    Config config;
    config.chartmuseum =
        Config::ChartMuseum{QUrl(QStringLiteral("https://new.example.net")), QStringLiteral("ci"), {}, 30};
    config.argocd =
        Config::ArgoCd{QUrl(QStringLiteral("https://argocd.example.net")), QStringLiteral("torvalds"), {}};
    QString error;
    QVERIFY2(ConfigWriter::saveServers(path, config, &error), qPrintable(error));

    ConfigError configError;
    const auto reread = ConfigLoader::loadFile(path, &configError);
    QVERIFY2(reread, qPrintable(configError.toString()));
    QCOMPARE(reread->chartmuseum->url, QUrl(QStringLiteral("https://new.example.net")));
    QCOMPARE(reread->chartmuseum->username, QStringLiteral("ci"));
    QCOMPARE(reread->chartmuseum->timeoutSeconds, 12);
    QCOMPARE(reread->chart->name, QStringLiteral("torvalds"));
    QCOMPARE(reread->chart->version, QStringLiteral("1.0.0-{build}"));
    QCOMPARE(reread->argocd->app, QStringLiteral("torvalds"));
    QCOMPARE(reread->argocd->timeoutSeconds, 45);
    QCOMPARE(reread->github->timeoutSeconds, 90);
}

void TstConfig::writerRefusesBrokenFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capstan.yaml"));
    const QByteArray broken = "chartmuseum: { url: http://h\n";
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(broken);
    file.close();
    Config config;
    config.chartmuseum = Config::ChartMuseum{QUrl(QStringLiteral("https://new")), {}, {}, 30};
    QString error;
    QVERIFY(!ConfigWriter::saveServers(path, config, &error));
    QVERIFY2(error.contains(QStringLiteral("nothing was changed")), qPrintable(error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), broken);
}

void TstConfig::writerWritesChartAndChecksItByTheLoadersRules()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("capstan.yaml"));
    const QByteArray original = "chartmuseum: { url: https://old.example.net }\n"
                                "chart: { name: torvalds, path: deploy/chart }\n"
                                "pipeline:\n  stages:\n    - name: checks\n"
                                "      steps: [ { name: lint, run: \"true\" } ]\n";
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(original);
    file.close();

    Config config;
    config.chart = Config::Chart{
        QStringLiteral("linus"), {}, QStringLiteral("out/manifests"), QStringLiteral("2.0.0-{build}")};
    QString error;
    QVERIFY2(ConfigWriter::saveServers(path, config, &error), qPrintable(error));
    ConfigError configError;
    auto reread = ConfigLoader::loadFile(path, &configError);
    QVERIFY2(reread, qPrintable(configError.toString()));
    QCOMPARE(reread->chart->name, QStringLiteral("linus"));
    QVERIFY(reread->chart->path.isEmpty()); // an empty field removes its key
    QCOMPARE(reread->chart->manifests, QStringLiteral("out/manifests"));
    QCOMPARE(reread->chart->version, QStringLiteral("2.0.0-{build}"));
    QVERIFY(reread->pipeline);
    QCOMPARE(reread->chartmuseum->url, QUrl(QStringLiteral("https://old.example.net")));

    // A chart without a name breaks the loader's rule: refused, naming the key, and nothing written.
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    config.chart->name.clear();
    QVERIFY(!ConfigWriter::saveServers(path, config, &error));
    QVERIFY2(error.contains(QStringLiteral("\"chart\"")) && error.contains(QStringLiteral("\"name\"")),
             qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("nothing was changed")), qPrintable(error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

void TstConfig::missingFile()
{
    ConfigError error;
    QVERIFY(!ConfigLoader::loadFile(QStringLiteral("/nonexistent/capstan.yaml"), &error));
    QCOMPARE(error.file, QStringLiteral("/nonexistent/capstan.yaml"));
    QVERIFY(error.message.contains(QStringLiteral("cannot read")));
}

QTEST_GUILESS_MAIN(TstConfig)
#include "tst_config.moc"
