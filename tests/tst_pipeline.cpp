#include "argocd/ArgoApplication.h"
#include "config/ConfigLoader.h"
#include "pipeline/DeployGate.h"
#include "pipeline/Pipeline.h"
#include "pipeline/PipelinePlan.h"
#include "pipeline/PipelineVariables.h"

#include <QTest>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray example =
    "pipeline:\n"
    "  parallel: 4\n"
    "  stages:\n"
    "    - name: version\n"
    "      only: prod\n"
    "      steps:\n"
    "        - { name: chart-version, kind: set-version, file: src/cdk8s/helm/Chart.yaml, key: version }\n"
    "        - { name: ha-version, kind: set-version, file: src/ha/package.json, pattern: '\"version\": "
    "\"([^\"]*)\"' }\n"
    "    - name: checks\n"
    "      steps:\n"
    "        - { name: cdk8s-test, run: bun test, cwd: src/cdk8s, timeout: 10m }\n"
    "        - { name: cdk8s-lint, run: bun run lint, cwd: src/cdk8s }\n"
    "    - name: manifests\n"
    "      steps: [ { name: cdk8s-build, run: bun run build, cwd: src/cdk8s } ]\n"
    "    - name: package\n"
    "      steps: [ { name: chart, kind: helm-package } ]\n"
    "    - name: images\n"
    "      only: prod\n"
    "      steps: [ { name: ha-image, kind: image-publish, run: \"dagger call publish --tag {version}\", "
    "tags: [\"{version}\", latest] } ]\n"
    "    - name: publish\n"
    "      only: prod\n"
    "      steps: [ { name: chartmuseum, kind: chartmuseum-push } ]\n"
    "    - name: sync\n"
    "      only: prod\n"
    "      steps: [ { name: argocd, kind: argocd-sync, wait: healthy, timeout: 10m } ]\n";

// Five lines opening a pipeline with one stage "a" whose first step is named "t"; rows append to it.
const QByteArray head = "pipeline:\n"
                        "  stages:\n"
                        "    - name: a\n"
                        "      steps:\n";

std::optional<Config> load(const QByteArray &yaml, ConfigError *error)
{
    return ConfigLoader::parse(yaml, QStringLiteral("capstan.yaml"), error);
}

} // namespace

// Checks that the pipeline section is read strictly, every mistake names its place, and dev/prod plans
// differ.
class TstPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleLoads();
    void shippedExamplePlans();
    void plan_data();
    void plan();
    void rejects_data();
    void rejects();
    void variables_data();
    void variables();
    void durations_data();
    void durations();
    void gate_data();
    void gate();
    void syncOnlyPlan();
    void lockStaleness_data();
    void lockStaleness();
};

void TstPipeline::exampleLoads()
{
    ConfigError error;
    const auto config = load(example, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QVERIFY(config->pipeline);
    const Pipeline &p = *config->pipeline;
    QCOMPARE(p.parallel, 4);
    QCOMPARE(p.stages.size(), 7);
    QCOMPARE(p.stages.at(0).only, QStringLiteral("prod"));
    QCOMPARE(p.stages.at(1).only, QString());
    const Step *test = p.findStep(QStringLiteral("cdk8s-test"));
    QVERIFY(test);
    QCOMPARE(test->kind, Step::Kind::Run);
    QCOMPARE(test->run, QStringLiteral("bun test"));
    QCOMPARE(test->cwd, QStringLiteral("src/cdk8s"));
    QCOMPARE(test->timeoutMs, 600000);
    QCOMPARE(test->line, 11);
    QCOMPARE(test->column, 11);
    const Step *ha = p.findStep(QStringLiteral("ha-version"));
    QVERIFY(ha);
    QCOMPARE(ha->kind, Step::Kind::SetVersion);
    QCOMPARE(ha->pattern, QStringLiteral("\"version\": \"([^\"]*)\""));
    QVERIFY(ha->key.isEmpty());
    QCOMPARE(p.findStep(QStringLiteral("chart-version"))->key, QStringLiteral("version"));
    const Step *image = p.findStep(QStringLiteral("ha-image"));
    QVERIFY(image);
    QCOMPARE(image->kind, Step::Kind::ImagePublish);
    QCOMPARE(image->tags, (QStringList{QStringLiteral("{version}"), QStringLiteral("latest")}));
    const Step *argocd = p.findStep(QStringLiteral("argocd"));
    QVERIFY(argocd);
    QCOMPARE(argocd->kind, Step::Kind::ArgoCdSync);
    QCOMPARE(argocd->wait, QStringLiteral("healthy"));
    QCOMPARE(argocd->stage, QStringLiteral("sync"));
    QCOMPARE(p.findStep(QStringLiteral("chartmuseum"))->kind, Step::Kind::ChartMuseumPush);
    QVERIFY(!p.findStep(QStringLiteral("nope")));
}

void TstPipeline::shippedExamplePlans()
{
    ConfigError error;
    const auto config = ConfigLoader::loadFile(
        QStringLiteral(CAPSTAN_SOURCE_DIR "/resources/examples/homelab.capstan.yaml"), &error);
    QVERIFY2(config, qPrintable(error.toString()));
    QVERIFY(config->pipeline);
    const PipelinePlan dev = PipelinePlan::make(*config->pipeline, u"dev"_qs);
    QCOMPARE(dev.stepNames(),
             (QStringList{u"cdk8s-test"_qs, u"cdk8s-lint"_qs, u"cdk8s-build"_qs, u"chart"_qs}));
    const PipelinePlan prod = PipelinePlan::make(*config->pipeline, u"prod"_qs);
    QCOMPARE(prod.stepNames().size(), 9);
    QVERIFY(prod.skipped.isEmpty());
    QCOMPARE(config->pipeline->findStep(u"ha-image"_qs)->needs, QStringList{u"ha-version"_qs});
}

void TstPipeline::plan_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("env");
    QTest::addColumn<QStringList>("running");
    QTest::addColumn<QStringList>("skipped");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QStringList>("dependencies");

    const QString prodOnly = QStringLiteral("only: prod");
    QTest::newRow("example dev") << example << QStringLiteral("dev")
                                 << QStringList{u"cdk8s-test"_qs, u"cdk8s-lint"_qs, u"cdk8s-build"_qs,
                                                u"chart"_qs}
                                 << QStringList{u"chart-version"_qs, u"ha-version"_qs, u"ha-image"_qs,
                                                u"chartmuseum"_qs, u"argocd"_qs}
                                 << u"chart"_qs
                                 << QStringList{u"cdk8s-test"_qs, u"cdk8s-lint"_qs, u"cdk8s-build"_qs};
    const QStringList all{u"chart-version"_qs, u"ha-version"_qs,  u"cdk8s-test"_qs,
                          u"cdk8s-lint"_qs,    u"cdk8s-build"_qs, u"chart"_qs,
                          u"ha-image"_qs,      u"chartmuseum"_qs, u"argocd"_qs};
    QTest::newRow("example prod") << example << QStringLiteral("prod") << all << QStringList{}
                                  << u"cdk8s-test"_qs << QStringList{u"chart-version"_qs, u"ha-version"_qs};
    QTest::newRow("example prod, last stage")
        << example << QStringLiteral("prod") << all << QStringList{} << u"argocd"_qs << all.mid(0, 8);
    QTest::newRow("first stage has no dependencies")
        << example << QStringLiteral("dev")
        << QStringList{u"cdk8s-test"_qs, u"cdk8s-lint"_qs, u"cdk8s-build"_qs, u"chart"_qs}
        << QStringList{u"chart-version"_qs, u"ha-version"_qs, u"ha-image"_qs, u"chartmuseum"_qs, u"argocd"_qs}
        << u"cdk8s-lint"_qs << QStringList{};
    const QByteArray needs = head + "        - { name: t, run: x }\n"
                                    "        - { name: u, run: y, needs: [t, p] }\n"
                                    "        - { name: p, run: z, only: prod }\n"
                                    "        - { name: d, run: w, only: dev }\n";
    QTest::newRow("explicit needs in one stage, dev")
        << needs << QStringLiteral("dev") << QStringList{u"t"_qs, u"u"_qs, u"d"_qs} << QStringList{u"p"_qs}
        << u"u"_qs << QStringList{u"t"_qs};
    QTest::newRow("explicit needs in one stage, prod")
        << needs << QStringLiteral("prod") << QStringList{u"t"_qs, u"u"_qs, u"p"_qs} << QStringList{u"d"_qs}
        << u"u"_qs << QStringList{u"t"_qs, u"p"_qs};
}

void TstPipeline::plan()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, env);
    QFETCH(QStringList, running);
    QFETCH(QStringList, skipped);
    QFETCH(QString, step);
    QFETCH(QStringList, dependencies);

    ConfigError error;
    const auto config = load(yaml, &error);
    QVERIFY2(config && config->pipeline, qPrintable(error.toString()));
    const PipelinePlan plan = PipelinePlan::make(*config->pipeline, env);
    QCOMPARE(plan.env, env);
    QCOMPARE(plan.stepNames(), running);
    QCOMPARE(plan.skippedNames(), skipped);
    for (const PipelinePlan::Skipped &s : plan.skipped)
        QCOMPARE(s.reason, env == u"dev"_qs ? u"only: prod"_qs : u"only: dev"_qs);
    bool found = false;
    for (const PipelinePlan::Planned &planned : plan.steps) {
        if (planned.step.name == step) {
            QCOMPARE(planned.dependencies, dependencies);
            found = true;
        }
    }
    QVERIFY2(found, qPrintable(step));
}

void TstPipeline::rejects_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unknown kind") << head + "        - name: t\n          kind: helm-pakage\n"
                                  << 6 << 17 << u"unknown kind \"helm-pakage\""_qs;
    QTest::newRow("unknown key with suggestion")
        << head + "        - name: t\n          run: x\n          cdw: src\n"
        << 7 << 11
        << u"unknown key \"cdw\" in step \"t\" (expected one of: name, kind, only, needs, run, cwd, env, "
           u"timeout); "
           "did you mean \"cwd\"?"_qs;
    QTest::newRow("unknown pipeline key")
        << QByteArray("pipeline:\n  stagse: []\n") << 2 << 3 << u"did you mean \"stages\"?"_qs;
    QTest::newRow("key not valid for kind") << head + "        - name: t\n          kind: helm-package\n"
                                                      "          run: x\n"
                                            << 7 << 11 << u"unknown key \"run\" in step \"t\""_qs;
    QTest::newRow("missing name") << head + "        - run: bun test\n"
                                  << 5 << 11 << u"needs the key \"name\""_qs;
    QTest::newRow("neither kind nor run") << head + "        - name: t\n"
                                          << 5 << 11 << u"step \"t\" needs a kind or a run command"_qs;
    QTest::newRow("duplicate step name")
        << head + "        - name: t\n          run: x\n"
                  "    - name: b\n      steps:\n        - name: t\n          run: y\n"
        << 9 << 17 << u"step name \"t\" is used twice"_qs;
    QTest::newRow("duplicate stage name")
        << head + "        - name: t\n          run: x\n"
                  "    - name: a\n      steps:\n        - name: u\n          run: y\n"
        << 7 << 13 << u"stage name \"a\" is used twice"_qs;
    QTest::newRow("bad step name")
        << head + "        - name: Build_1\n          run: x\n"
        << 5 << 17 << u"step name is \"Build_1\", expected lower-case letters, digits and dashes"_qs;
    QTest::newRow("bad stage name") << QByteArray("pipeline:\n  stages:\n    - name: -a\n      steps: []\n")
                                    << 3 << 13 << u"stage name is \"-a\""_qs;
    QTest::newRow("needs unknown step")
        << head + "        - name: t\n          run: x\n          needs: [nope]\n"
        << 7 << 19 << u"step \"t\" needs the unknown step \"nope\" (expected one of: t)"_qs;
    QTest::newRow("needs a later stage")
        << head + "        - name: t\n          run: x\n          needs: [u]\n"
                  "    - name: b\n      steps:\n        - name: u\n          run: y\n"
        << 7 << 19 << u"runs in a later stage"_qs;
    QTest::newRow("needs cycle") << head + "        - name: t\n          run: x\n          needs: [u]\n"
                                           "        - name: u\n          run: y\n          needs: [v, t]\n"
                                           "        - name: v\n          run: z\n"
                                 << 10 << 22 << u"needs form a cycle: t -> u -> t"_qs;
    QTest::newRow("needs itself") << head + "        - name: t\n          run: x\n          needs: [t]\n"
                                  << 7 << 19 << u"step \"t\" needs itself"_qs;
    QTest::newRow("bad stage only") << QByteArray("pipeline:\n  stages:\n    - name: a\n      only: staging\n"
                                                  "      steps: [ { name: t, run: x } ]\n")
                                    << 4 << 13 << u"stage only is \"staging\", expected dev or prod"_qs;
    QTest::newRow("bad step only") << head + "        - { name: t, run: x, only: Prod }\n"
                                   << 5 << 36 << u"step \"t\".only is \"Prod\", expected dev or prod"_qs;
    QTest::newRow("bad timeout") << head + "        - name: t\n          run: x\n          timeout: 10x\n"
                                 << 7 << 20
                                 << u"step \"t\".timeout is \"10x\", expected a positive duration"_qs;
    QTest::newRow("zero timeout") << head + "        - name: t\n          run: x\n          timeout: 0s\n"
                                  << 7 << 20 << u"expected a positive duration"_qs;
    QTest::newRow("set-version with key and pattern")
        << head + "        - name: t\n          kind: set-version\n          file: Chart.yaml\n"
                  "          key: version\n          pattern: 'v(.*)'\n"
        << 5 << 11 << u"needs exactly one of \"key\" or \"pattern\", not both"_qs;
    QTest::newRow("set-version with neither")
        << head + "        - name: t\n          kind: set-version\n          file: Chart.yaml\n"
        << 5 << 11 << u"needs exactly one of \"key\" or \"pattern\", not neither"_qs;
    QTest::newRow("set-version without file")
        << head + "        - name: t\n          kind: set-version\n          key: version\n"
        << 5 << 11 << u"needs the key \"file\""_qs;
    QTest::newRow("bad regex") << head + "        - name: t\n          kind: set-version\n          file: f\n"
                                         "          pattern: 'v(['\n"
                               << 8 << 20 << u"step \"t\".pattern is not a valid regular expression"_qs;
    QTest::newRow("regex without capture group")
        << head +
               "        - name: t\n          kind: set-version\n          file: f\n          pattern: 'v.*'\n"
        << 8 << 20 << u"has 0 capture groups, expected exactly one"_qs;
    QTest::newRow("unknown variable in run") << head + "        - name: t\n          run: echo {versoin}\n"
                                             << 6 << 16 << u"uses the unknown variable {versoin}"_qs;
    QTest::newRow("unknown variable in tags")
        << head + "        - { name: t, kind: image-publish, run: x, tags: [latest, \"{tag}\"] }\n"
        << 5 << 66 << u"step \"t\".tags uses the unknown variable {tag}"_qs;
    QTest::newRow("parallel too big")
        << QByteArray("pipeline:\n  parallel: 65\n  stages: []\n") << 2 << 13
        << u"pipeline.parallel is \"65\", expected a whole number from 1 to 64"_qs;
    QTest::newRow("parallel zero") << QByteArray("pipeline:\n  parallel: 0\n") << 2 << 13
                                   << u"expected a whole number from 1 to 64"_qs;
    QTest::newRow("steps not a list")
        << QByteArray("pipeline:\n  stages:\n    - name: a\n      steps: bun test\n") << 4 << 14
        << u"steps of stage \"a\" must be a list of steps"_qs;
    QTest::newRow("empty stages") << QByteArray("pipeline:\n  stages: []\n") << 2 << 11
                                  << u"pipeline.stages is empty, expected at least one stage"_qs;
    QTest::newRow("stages missing") << QByteArray("pipeline:\n  parallel: 2\n") << 2 << 3
                                    << u"needs the key \"stages\""_qs;
    QTest::newRow("argocd wait") << head + "        - { name: t, kind: argocd-sync, wait: ready }\n"
                                 << 5 << 47
                                 << u"step \"t\".wait is \"ready\", expected healthy, synced or none"_qs;
    QTest::newRow("dagger without dagger") << head + "        - { name: t, kind: dagger, run: make }\n"
                                           << 5 << 41 << u"expected a dagger command"_qs;
    QTest::newRow("secret in env is a list") << head + "        - { name: t, run: x, env: [A] }\n"
                                             << 5 << 35 << u"step \"t\".env must be a mapping"_qs;
}

void TstPipeline::rejects()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, expected);

    ConfigError error;
    const auto config = load(yaml, &error);
    QVERIFY2(!config, "the configuration should have been rejected");
    QVERIFY2(error.message.contains(expected), qPrintable(error.toString()));
    QCOMPARE(error.file, QStringLiteral("capstan.yaml"));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
}

void TstPipeline::variables_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expanded");
    QTest::addColumn<QString>("unknown");

    QTest::newRow("all four") << u"b={build} v={version} s={sha} e={env}"_qs
                              << u"b=42 v=1.0.0-42 s=abc1234 e=prod"_qs << QString();
    QTest::newRow("repeated") << u"{version}/{version}"_qs << u"1.0.0-42/1.0.0-42"_qs << QString();
    QTest::newRow("literal braces") << u"{{version}} {{x}}"_qs << u"{version} {x}"_qs << QString();
    QTest::newRow("json is not a variable") << u"jq '{a: 1}' { }"_qs << u"jq '{a: 1}' { }"_qs << QString();
    QTest::newRow("unknown") << u"tag {build}-{tag}"_qs << QString() << u"tag"_qs;
    QTest::newRow("case matters") << u"{Version}"_qs << QString() << u"Version"_qs;
}

void TstPipeline::variables()
{
    QFETCH(QString, text);
    QFETCH(QString, expanded);
    QFETCH(QString, unknown);

    const PipelineVariables vars(u"42"_qs, u"1.0.0-42"_qs, u"abc1234"_qs, u"prod"_qs);
    QCOMPARE(PipelineVariables::unknownVariable(text), unknown);
    QString error;
    const std::optional<QString> result = vars.expand(text, &error);
    if (unknown.isEmpty()) {
        QVERIFY2(result, qPrintable(error));
        QCOMPARE(*result, expanded);
    } else {
        QVERIFY(!result);
        QVERIFY2(error.contains(u"{%1}"_qs.arg(unknown)), qPrintable(error));
    }
}

void TstPipeline::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");

    QTest::newRow("seconds") << u"90s"_qs << qint64(90000);
    QTest::newRow("minutes") << u"10m"_qs << qint64(600000);
    QTest::newRow("hours") << u"1h"_qs << qint64(3600000);
    QTest::newRow("mixed") << u"1h30m"_qs << qint64(5400000);
    QTest::newRow("all units") << u"1h1m1s"_qs << qint64(3661000);
    QTest::newRow("zero") << u"0m"_qs << qint64(-1);
    QTest::newRow("no unit") << u"10"_qs << qint64(-1);
    QTest::newRow("wrong order") << u"30m1h"_qs << qint64(-1);
    QTest::newRow("negative") << u"-5s"_qs << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TstPipeline::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QCOMPARE(Pipeline::parseDuration(text), ms);
}

QTEST_GUILESS_MAIN(TstPipeline)
#include "tst_pipeline.moc"

void TstPipeline::gate_data()
{
    QTest::addColumn<QString>("build");
    QTest::addColumn<bool>("ci");
    QTest::addColumn<QString>("status"); // "" : no run found
    QTest::addColumn<QString>("conclusion");
    QTest::addColumn<int>("inRepository"); // -1 unknown, 0 no, 1 yes
    QTest::addColumn<bool>("builds");
    QTest::addColumn<bool>("inside");
    QTest::addColumn<QString>("reason");

    QTest::newRow("success") << u"7"_s << true << u"completed"_s << u"success"_s << 0 << true << false
                             << QString();
    QTest::newRow("failed") << u"7"_s << true << u"completed"_s << u"failure"_s << 0 << true << false
                            << u"failed"_s;
    QTest::newRow("cancelled") << u"7"_s << true << u"completed"_s << u"cancelled"_s << 1 << true << false
                               << u"failed"_s;
    QTest::newRow("running") << u"7"_s << true << u"in_progress"_s << QString() << 0 << true << false
                             << u"in-progress"_s;
    QTest::newRow("queued") << u"7"_s << true << u"queued"_s << QString() << 0 << true << false
                            << u"in-progress"_s;
    QTest::newRow("inside its own run")
        << u"7"_s << true << u"in_progress"_s << QString() << 0 << true << true << QString();
    QTest::newRow("unknown build") << u"9999"_s << true << QString() << QString() << 0 << true << false
                                   << u"unknown-build"_s;
    QTest::newRow("no ci") << u"7"_s << false << QString() << QString() << 0 << true << false << u"no-ci"_s;
    QTest::newRow("not built, not published")
        << u"7"_s << true << u"completed"_s << u"success"_s << 0 << false << false << u"chart-missing"_s;
    QTest::newRow("not built, unknown")
        << u"7"_s << true << u"completed"_s << u"success"_s << -1 << false << false << u"chart-missing"_s;
    QTest::newRow("not built, published")
        << u"7"_s << true << u"completed"_s << u"success"_s << 1 << false << false << QString();
    QTest::newRow("version, published")
        << QString() << false << QString() << QString() << 1 << false << false << QString();
    QTest::newRow("version, missing")
        << QString() << false << QString() << QString() << 0 << false << false << u"chart-missing"_s;
}

void TstPipeline::gate()
{
    QFETCH(QString, build);
    QFETCH(bool, ci);
    QFETCH(QString, status);
    QFETCH(QString, conclusion);
    QFETCH(int, inRepository);
    QFETCH(bool, builds);
    QFETCH(bool, inside);
    QFETCH(QString, reason);
    DeployGate::Facts facts;
    facts.build = build;
    facts.version = u"1.0.0-7"_s;
    facts.branch = u"main"_s;
    facts.ciConfigured = ci;
    if (!status.isEmpty()) {
        WorkflowRun run;
        run.runNumber = 7;
        run.status = status;
        run.conclusion = conclusion;
        facts.run = run;
    }
    if (inRepository >= 0)
        facts.chartInRepository = inRepository == 1;
    facts.pipelineBuildsChart = builds;
    facts.insideOwnRun = inside;
    const DeployGate::Verdict verdict = DeployGate::judge(facts);
    QCOMPARE(DeployGate::reasonName(verdict.reason), reason);
    QCOMPARE(verdict.allowed(), reason.isEmpty());
    QCOMPARE(verdict.message.isEmpty(), reason.isEmpty());
    if (!reason.isEmpty())
        QVERIFY(!verdict.hint.isEmpty());
    QCOMPARE(DeployGate::runsInside(u"7"_s, u"true"_s, u"7"_s), true);
    QCOMPARE(DeployGate::runsInside(u"7"_s, u"true"_s, u"8"_s), false);
    QCOMPARE(DeployGate::runsInside(u"7"_s, QString(), u"7"_s), false);
}

void TstPipeline::syncOnlyPlan()
{
    ConfigError error;
    const auto config = load(example, &error);
    QVERIFY2(config, qPrintable(error.toString()));
    const PipelinePlan full = PipelinePlan::make(*config->pipeline, u"prod"_s);
    const PipelinePlan sync = full.syncOnly(u"sync only"_s);
    QVERIFY(!sync.steps.isEmpty());
    for (const PipelinePlan::Planned &planned : sync.steps) {
        QCOMPARE(planned.step.kind, Step::Kind::ArgoCdSync);
        QVERIFY2(planned.dependencies.isEmpty(), qPrintable(planned.dependencies.join(u' ')));
    }
    QCOMPARE(sync.steps.size() + sync.skipped.size(), full.steps.size() + full.skipped.size());
    QVERIFY(sync.runs(Step::Kind::ArgoCdSync));
    QVERIFY(!sync.runs(Step::Kind::HelmPackage));
    QVERIFY(full.runs(Step::Kind::HelmPackage));
}

void TstPipeline::lockStaleness_data()
{
    QTest::addColumn<int>("sinceAgoS");
    QTest::addColumn<int>("heartbeatAgoS"); // -1: none
    QTest::addColumn<bool>("stale");
    QTest::newRow("fresh, no heartbeat") << 60 << -1 << false;
    QTest::newRow("old, no heartbeat") << 3600 << -1 << true;
    QTest::newRow("old, recent heartbeat") << 3600 << 30 << false;
    QTest::newRow("old, old heartbeat") << 3600 << 900 << true;
}

void TstPipeline::lockStaleness()
{
    QFETCH(int, sinceAgoS);
    QFETCH(int, heartbeatAgoS);
    QFETCH(bool, stale);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ArgoApplication::DeployLock lock;
    lock.holder = u"alice@host"_s;
    lock.since = now.addSecs(-sinceAgoS);
    if (heartbeatAgoS >= 0)
        lock.heartbeat = now.addSecs(-heartbeatAgoS);
    QCOMPARE(lock.isStale(now, 10 * 60 * 1000), stale);
    QVERIFY(ArgoApplication::DeployLock().isStale(now, 10 * 60 * 1000)); // no time at all
}
