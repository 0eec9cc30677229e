#include "Pipeline.h"

#include "PipelineVariables.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QThread>

#include <yaml-cpp/yaml.h>

namespace capstan {

namespace {

using Kind = Step::Kind;

const QList<std::pair<Kind, QLatin1StringView>> &kindNames()
{
    static const QList<std::pair<Kind, QLatin1StringView>> names{
        {Kind::Run, QLatin1StringView("run")},
        {Kind::SetVersion, QLatin1StringView("set-version")},
        {Kind::HelmPackage, QLatin1StringView("helm-package")},
        {Kind::ImagePublish, QLatin1StringView("image-publish")},
        {Kind::ChartMuseumPush, QLatin1StringView("chartmuseum-push")},
        {Kind::ArgoCdSync, QLatin1StringView("argocd-sync")},
        {Kind::Dagger, QLatin1StringView("dagger")},
        {Kind::GitHubDispatch, QLatin1StringView("github-dispatch")},
    };
    return names;
}

QStringList keysFor(Kind kind)
{
    QStringList keys{QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("only"),
                     QStringLiteral("needs")};
    const QStringList command{QStringLiteral("run"), QStringLiteral("cwd"), QStringLiteral("env"),
                              QStringLiteral("timeout")};
    switch (kind) {
    case Kind::Run:
        keys += command;
        break;
    case Kind::SetVersion:
        keys += {QStringLiteral("file"), QStringLiteral("key"), QStringLiteral("pattern")};
        break;
    case Kind::HelmPackage:
    case Kind::ChartMuseumPush:
        break;
    case Kind::ImagePublish:
        keys += command;
        keys += QStringLiteral("tags");
        break;
    case Kind::ArgoCdSync:
        keys += {QStringLiteral("wait"), QStringLiteral("timeout")};
        break;
    case Kind::Dagger:
        keys += command;
        keys += QStringLiteral("secrets");
        break;
    case Kind::GitHubDispatch:
        keys += {QStringLiteral("ref"), QStringLiteral("inputs"), QStringLiteral("wait"),
                 QStringLiteral("timeout")};
        break;
    }
    return keys;
}

class Parser
{
public:
    explicit Parser(const Pipeline::Reader &reader)
        : r(reader)
    {}

    Pipeline pipeline(const YAML::Node &node)
    {
        Pipeline p;
        p.parallel = std::clamp(QThread::idealThreadCount(), 1, 64);
        const QString where = Pipeline::tr("section \"pipeline\"");
        if (!node.IsMap())
            r.fail(node.Mark(),
                   Pipeline::tr("section \"pipeline\" must be a mapping with the key \"stages\""));
        r.forEachKey(
            node, where, {QStringLiteral("stages"), QStringLiteral("parallel"), QStringLiteral("source")},
            [&](const QString &key, const YAML::Node &value) {
                if (key == QLatin1StringView("parallel")) {
                    const QString text = r.nonEmpty(value, QStringLiteral("pipeline.parallel"));
                    bool ok = false;
                    const int n = text.toInt(&ok);
                    if (!ok || n < 1 || n > 64)
                        r.fail(value.Mark(), Pipeline::tr("pipeline.parallel is \"%1\", expected a whole "
                                                          "number from 1 to 64")
                                                 .arg(text));
                    p.parallel = n;
                } else if (key == QLatin1StringView("source")) {
                    p.source = r.nonEmpty(value, QStringLiteral("pipeline.source"));
                } else {
                    p.stages = stages(value);
                }
            });
        if (!node["stages"])
            r.fail(node.Mark(), Pipeline::tr("section \"pipeline\" needs the key \"stages\""));
        check(p);
        return p;
    }

private:
    QList<Stage> stages(const YAML::Node &node)
    {
        if (!node.IsSequence())
            r.fail(node.Mark(),
                   Pipeline::tr("pipeline.stages must be a list of stages, each with a name and steps"));
        if (node.size() == 0)
            r.fail(node.Mark(), Pipeline::tr("pipeline.stages is empty, expected at least one stage"));
        QList<Stage> result;
        QHash<QString, bool> stageNames;
        for (const YAML::Node &item : node) {
            Stage stage;
            stage.line = item.Mark().line + 1;
            stage.column = item.Mark().column + 1;
            if (!item.IsMap())
                r.fail(item.Mark(), Pipeline::tr("a stage must be a mapping with name and steps"));
            if (!item["name"])
                r.fail(item.Mark(), Pipeline::tr("a stage needs the key \"name\""));
            if (!item["steps"])
                r.fail(item.Mark(), Pipeline::tr("a stage needs the key \"steps\""));
            YAML::Node stepsNode;
            r.forEachKey(
                item, Pipeline::tr("a stage"),
                {QStringLiteral("name"), QStringLiteral("only"), QStringLiteral("steps")},
                [&](const QString &key, const YAML::Node &value) {
                    if (key == QLatin1StringView("name")) {
                        stage.name = name(value, Pipeline::tr("stage name"));
                        if (stageNames.contains(stage.name))
                            r.fail(value.Mark(),
                                   Pipeline::tr("stage name \"%1\" is used twice, expected unique stage "
                                                "names")
                                       .arg(stage.name));
                        stageNames.insert(stage.name, true);
                    } else if (key == QLatin1StringView("only")) {
                        stage.only = only(value, Pipeline::tr("stage only"));
                    } else {
                        stepsNode = value;
                    }
                });
            const QString at = Pipeline::tr("stage \"%1\"").arg(stage.name);
            if (!stepsNode.IsSequence())
                r.fail(stepsNode.Mark(), Pipeline::tr("steps of %1 must be a list of steps").arg(at));
            if (stepsNode.size() == 0)
                r.fail(stepsNode.Mark(),
                       Pipeline::tr("steps of %1 is empty, expected at least one step").arg(at));
            for (const YAML::Node &s : stepsNode)
                stage.steps.append(step(s, stage.name));
            result.append(stage);
        }
        return result;
    }

    QString name(const YAML::Node &node, const QString &where)
    {
        const QString text = r.nonEmpty(node, where);
        static const QRegularExpression shape(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
        if (!shape.match(text).hasMatch())
            r.fail(node.Mark(), Pipeline::tr("%1 is \"%2\", expected lower-case letters, digits and dashes, "
                                             "starting with a letter or digit")
                                    .arg(where, text));
        return text;
    }

    QString only(const YAML::Node &node, const QString &where)
    {
        const QString text = r.nonEmpty(node, where);
        if (text != QLatin1StringView("dev") && text != QLatin1StringView("prod"))
            r.fail(node.Mark(), Pipeline::tr("%1 is \"%2\", expected dev or prod").arg(where, text));
        return text;
    }

    qint64 timeout(const YAML::Node &node, const QString &where)
    {
        const QString text = r.nonEmpty(node, where);
        const qint64 ms = Pipeline::parseDuration(text);
        if (ms < 0)
            r.fail(node.Mark(),
                   Pipeline::tr("%1 is \"%2\", expected a positive duration such as 90s, 10m, 1h or "
                                "1h30m")
                       .arg(where, text));
        return ms;
    }

    QString withVariables(const YAML::Node &node, const QString &where)
    {
        const QString text = r.scalar(node, where);
        const QString unknown = PipelineVariables::unknownVariable(text);
        if (!unknown.isEmpty())
            r.fail(node.Mark(), Pipeline::tr("%1 uses the unknown variable {%2}, expected one of {build}, "
                                             "{version}, {sha}, {env} (write {{ for a literal brace)")
                                    .arg(where, unknown));
        return text;
    }

    QStringList list(const YAML::Node &node, const QString &where, bool variables)
    {
        if (!node.IsSequence())
            r.fail(node.Mark(), Pipeline::tr("%1 must be a list").arg(where));
        QStringList out;
        for (const YAML::Node &item : node)
            out.append(variables ? withVariables(item, where) : r.nonEmpty(item, where));
        return out;
    }

    QMap<QString, QString> map(const YAML::Node &node, const QString &where, bool variables)
    {
        if (!node.IsMap())
            r.fail(node.Mark(), Pipeline::tr("%1 must be a mapping of names to values").arg(where));
        QMap<QString, QString> out;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = r.nonEmpty(it->first, where);
            if (out.contains(key))
                r.fail(it->first.Mark(), Pipeline::tr("key \"%1\" appears twice in %2").arg(key, where));
            out.insert(key, variables ? withVariables(it->second, where + u'.' + key)
                                      : r.scalar(it->second, where + u'.' + key));
        }
        return out;
    }

    Step step(const YAML::Node &node, const QString &stageName)
    {
        Step s;
        s.stage = stageName;
        s.line = node.Mark().line + 1;
        s.column = node.Mark().column + 1;
        if (!node.IsMap())
            r.fail(node.Mark(), Pipeline::tr("a step must be a mapping with at least a name"));
        if (!node["name"])
            r.fail(node.Mark(), Pipeline::tr("a step in stage \"%1\" needs the key \"name\"").arg(stageName));
        s.name = name(node["name"], Pipeline::tr("step name"));
        if (m_stepNames.contains(s.name))
            r.fail(
                node["name"].Mark(),
                Pipeline::tr("step name \"%1\" is used twice, expected unique step names across the pipeline")
                    .arg(s.name));
        m_stepNames.insert(s.name);
        const QString at = Pipeline::tr("step \"%1\"").arg(s.name);
        if (const YAML::Node kindNode = node["kind"]) {
            const QString text = r.nonEmpty(kindNode, at + QStringLiteral(".kind"));
            QStringList known;
            bool found = false;
            for (const auto &[kind, kindName] : kindNames()) {
                known.append(kindName);
                if (text == kindName) {
                    s.kind = kind;
                    found = true;
                }
            }
            if (!found)
                r.fail(kindNode.Mark(), Pipeline::tr("%1 has the unknown kind \"%2\" (expected one of: %3)")
                                            .arg(at, text, known.join(QStringLiteral(", "))));
        } else if (!node["run"]) {
            r.fail(node.Mark(), Pipeline::tr("%1 needs a kind or a run command").arg(at));
        }
        bool haveKey = false, havePattern = false;
        YAML::Node patternNode;
        r.forEachKey(node, at, keysFor(s.kind), [&](const QString &key, const YAML::Node &value) {
            const QString where = at + u'.' + key;
            if (key == QLatin1StringView("run"))
                s.run = withVariables(value, where).trimmed();
            else if (key == QLatin1StringView("cwd"))
                s.cwd = r.nonEmpty(value, where);
            else if (key == QLatin1StringView("env"))
                s.env = map(value, where, false);
            else if (key == QLatin1StringView("timeout"))
                s.timeoutMs = timeout(value, where);
            else if (key == QLatin1StringView("only"))
                s.only = only(value, where);
            else if (key == QLatin1StringView("needs")) {
                s.needs = list(value, where, false);
                m_needs.insert(s.name, value);
            } else if (key == QLatin1StringView("file"))
                s.file = r.nonEmpty(value, where);
            else if (key == QLatin1StringView("key")) {
                s.key = r.nonEmpty(value, where);
                haveKey = true;
            } else if (key == QLatin1StringView("pattern")) {
                s.pattern = r.nonEmpty(value, where);
                havePattern = true;
                patternNode = value;
            } else if (key == QLatin1StringView("tags"))
                s.tags = list(value, where, true);
            else if (key == QLatin1StringView("secrets"))
                s.secrets = list(value, where, false);
            else if (key == QLatin1StringView("ref"))
                s.ref = withVariables(value, where).trimmed();
            else if (key == QLatin1StringView("inputs"))
                s.inputs = map(value, where, true);
            else if (key == QLatin1StringView("wait")) {
                const QString text = r.nonEmpty(value, where);
                if (s.kind == Kind::ArgoCdSync) {
                    if (text != QLatin1StringView("healthy") && text != QLatin1StringView("synced") &&
                        text != QLatin1StringView("none"))
                        r.fail(
                            value.Mark(),
                            Pipeline::tr("%1 is \"%2\", expected healthy, synced or none").arg(where, text));
                    s.wait = text;
                } else {
                    if (text != QLatin1StringView("true") && text != QLatin1StringView("false"))
                        r.fail(value.Mark(),
                               Pipeline::tr("%1 is \"%2\", expected true or false").arg(where, text));
                    s.waitForRun = text == QLatin1StringView("true");
                }
            }
        });
        if (s.kind == Kind::ArgoCdSync && s.wait.isEmpty())
            s.wait = QStringLiteral("healthy");
        if ((s.kind == Kind::Run || s.kind == Kind::ImagePublish || s.kind == Kind::Dagger) &&
            s.run.isEmpty())
            r.fail(node.Mark(),
                   Pipeline::tr("%1 of kind %2 needs a run command").arg(at, Step::kindName(s.kind)));
        if (s.kind == Kind::Dagger && !s.run.startsWith(QLatin1StringView("dagger ")))
            r.fail(node["run"].Mark(),
                   Pipeline::tr("%1.run is \"%2\", expected a dagger command such as dagger call …")
                       .arg(at, s.run));
        if (s.kind == Kind::SetVersion) {
            if (s.file.isEmpty())
                r.fail(node.Mark(), Pipeline::tr("%1 of kind set-version needs the key \"file\"").arg(at));
            if (haveKey == havePattern)
                r.fail(node.Mark(), Pipeline::tr("%1 of kind set-version needs exactly one of \"key\" or "
                                                 "\"pattern\", not %2")
                                        .arg(at, haveKey ? Pipeline::tr("both") : Pipeline::tr("neither")));
            if (havePattern) {
                const QRegularExpression re(s.pattern);
                if (!re.isValid())
                    r.fail(patternNode.Mark(),
                           Pipeline::tr("%1.pattern is not a valid regular expression: %2 at "
                                        "offset %3")
                               .arg(at, re.errorString())
                               .arg(re.patternErrorOffset()));
                if (re.captureCount() != 1)
                    r.fail(patternNode.Mark(),
                           Pipeline::tr("%1.pattern has %2 capture groups, expected exactly one "
                                        "around the version")
                               .arg(at)
                               .arg(re.captureCount()));
            }
        }
        return s;
    }

    void check(const Pipeline &p)
    {
        QHash<QString, int> stageOf;
        QStringList allNames;
        for (qsizetype i = 0; i < p.stages.size(); ++i) {
            for (const Step &s : p.stages.at(i).steps) {
                stageOf.insert(s.name, int(i));
                allNames.append(s.name);
            }
        }
        for (qsizetype i = 0; i < p.stages.size(); ++i) {
            for (const Step &s : p.stages.at(i).steps) {
                const YAML::Node needsNode = m_needs.value(s.name);
                for (qsizetype n = 0; n < s.needs.size(); ++n) {
                    const QString &need = s.needs.at(n);
                    const YAML::Mark mark = needsNode[std::size_t(n)].Mark();
                    if (need == s.name)
                        r.fail(
                            mark,
                            Pipeline::tr("step \"%1\" needs itself, expected other step names").arg(s.name));
                    if (!stageOf.contains(need))
                        r.fail(mark,
                               Pipeline::tr("step \"%1\" needs the unknown step \"%2\" (expected one of: %3)")
                                   .arg(s.name, need, allNames.join(QStringLiteral(", "))));
                    if (stageOf.value(need) > i)
                        r.fail(mark,
                               Pipeline::tr("step \"%1\" needs \"%2\", which runs in a later stage; expected "
                                            "a step of this or an earlier stage")
                                   .arg(s.name, need));
                }
            }
        }
        // Cycles can only form inside one stage, since needs never point forward.
        QHash<QString, int> state; // 1 visiting, 2 done
        std::function<void(const Step &, QStringList &)> visit = [&](const Step &s, QStringList &path) {
            state.insert(s.name, 1);
            path.append(s.name);
            for (qsizetype n = 0; n < s.needs.size(); ++n) {
                const QString &need = s.needs.at(n);
                if (state.value(need) == 1) {
                    const QStringList cycle = path.mid(path.indexOf(need)) << need;
                    r.fail(
                        m_needs.value(s.name)[std::size_t(n)].Mark(),
                        Pipeline::tr("needs form a cycle: %1; expected steps that do not wait on each other")
                            .arg(cycle.join(QStringLiteral(" -> "))));
                }
                if (state.value(need) == 0)
                    visit(*p.findStep(need), path);
            }
            path.removeLast();
            state.insert(s.name, 2);
        };
        for (const Stage &stage : p.stages) {
            for (const Step &s : stage.steps) {
                QStringList path;
                if (state.value(s.name) == 0)
                    visit(s, path);
            }
        }
    }

    const Pipeline::Reader &r;
    QHash<QString, YAML::Node> m_needs;
    QSet<QString> m_stepNames;
};

} // namespace

QString Step::kindName(Kind kind)
{
    for (const auto &[k, name] : kindNames()) {
        if (k == kind)
            return name;
    }
    return {};
}

const Step *Pipeline::findStep(const QString &name) const
{
    for (const Stage &stage : stages) {
        for (const Step &step : stage.steps) {
            if (step.name == name)
                return &step;
        }
    }
    return nullptr;
}

Pipeline Pipeline::parse(const YAML::Node &node, const Reader &reader)
{
    return Parser(reader).pipeline(node);
}

qint64 Pipeline::parseDuration(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$"));
    const QRegularExpressionMatch m = shape.match(text);
    if (text.isEmpty() || !m.hasMatch())
        return -1;
    bool ok = true;
    qint64 ms = 0;
    const qint64 unit[] = {3600000, 60000, 1000};
    for (int i = 0; i < 3; ++i) {
        if (m.capturedLength(i + 1) == 0)
            continue;
        if (m.capturedLength(i + 1) > 9)
            return -1;
        ms += m.captured(i + 1).toLongLong(&ok) * unit[i];
        if (!ok)
            return -1;
    }
    return ms > 0 ? ms : -1;
}

} // namespace capstan
