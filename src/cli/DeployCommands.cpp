#include "DeployCommands.h"
#include "text/Rfc3339.h"

#include "ActionRecorder.h"
#include "CliSession.h"
#include "OutputWriter.h"
#include "app/ClientFactory.h"
#include "argocd/ArgoCdClient.h"
#include "argocd/DeployLock.h"
#include "pipeline/Deployment.h"
#include "pipeline/PipelinePlan.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

QString duration(qint64 ms)
{
    if (ms < 1000)
        return DeployCommands::tr("%1ms").arg(ms);
    if (ms < 60000)
        return DeployCommands::tr("%1s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return DeployCommands::tr("%1m%2s").arg(ms / 60000).arg((ms % 60000) / 1000, 2, 10, QChar(u'0'));
}

QString clock(const QDateTime &time)
{
    return time.toLocalTime().toString(u"HH:mm:ss"_s);
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject entryJson(const DeployJournal::Entry &entry)
{
    QJsonArray steps;
    for (const DeployJournal::StepRecord &step : entry.steps) {
        steps.append(QJsonObject{{u"name"_s, step.name},
                                 {u"stage"_s, step.stage},
                                 {u"status"_s, StepResult::statusName(step.result.status)},
                                 {u"started"_s, Rfc3339::json(step.result.started)},
                                 {u"durationMs"_s, step.result.durationMs},
                                 {u"exitCode"_s, step.result.exitCode},
                                 {u"message"_s, orNull(step.result.message)}});
    }
    const qint64 durationMs = entry.finished.isValid() && entry.started.isValid()
                                  ? entry.started.msecsTo(entry.finished)
                                  : qint64(-1);
    return QJsonObject{{u"kind"_s, u"deploy"_s},
                       {u"id"_s, entry.id},
                       {u"who"_s, entry.target.user},
                       {u"when"_s, Rfc3339::json(entry.started)},
                       {u"build"_s, orNull(entry.target.build)},
                       {u"version"_s, entry.target.version},
                       {u"sha"_s, orNull(entry.target.sha)},
                       {u"source"_s, orNull(entry.target.source)},
                       {u"clean"_s, entry.target.clean},
                       {u"env"_s, entry.target.env},
                       {u"user"_s, entry.target.user},
                       {u"reason"_s, orNull(entry.target.reason)},
                       {u"application"_s, orNull(entry.application)},
                       {u"host"_s, entry.host},
                       {u"pid"_s, entry.pid},
                       {u"started"_s, Rfc3339::json(entry.started)},
                       {u"finished"_s, Rfc3339::json(entry.finished)},
                       {u"durationMs"_s, durationMs < 0 ? QJsonValue() : QJsonValue(durationMs)},
                       {u"outcome"_s, orNull(entry.outcome)},
                       {u"message"_s, orNull(entry.message)},
                       {u"steps"_s, steps}};
}

QJsonObject actionJson(const DeployJournal::Action &action)
{
    return QJsonObject{{u"kind"_s, action.kind},
                       {u"id"_s, action.id},
                       {u"who"_s, action.user},
                       {u"when"_s, Rfc3339::json(action.at)},
                       {u"application"_s, orNull(action.application)},
                       {u"host"_s, action.host},
                       {u"reason"_s, orNull(action.reason)},
                       {u"outcome"_s, action.outcome},
                       {u"message"_s, orNull(action.message)},
                       {u"deploy"_s, action.deploy > 0 ? QJsonValue(action.deploy) : QJsonValue()}};
}

} // namespace

DeployCommands::DeployCommands(CliSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_actions(new ActionRecorder(session, this))
{}

DeployCommands::~DeployCommands()
{
    removeSignalHandlers();
    delete m_deployment;
}

QList<CommandSpec> DeployCommands::specs()
{
    QList<CommandSpec> list;

    CommandSpec deploy;
    deploy.name = u"deploy"_s;
    deploy.summary = tr("Run the deploy pipeline of capstan.yaml for a build or a chart version");
    deploy.options = {
        {u"build"_s, QChar(), u"N"_s,
         tr("The CI run number to deploy; the version follows from chart.version")},
        {u"version"_s, QChar(), u"VERSION"_s, tr("The chart version to deploy (instead of --build)")},
        {u"env"_s, QChar(), u"ENV"_s, tr("dev (checks, manifests, package) or prod (everything; default)")},
        {u"yes"_s, QChar(), QString(), tr("Do not ask for confirmation of a prod deploy")},
        {u"dry-run"_s, QChar(), QString(), tr("Print the plan and run nothing")},
        {u"reason"_s, QChar(), u"TEXT"_s, tr("Why: recorded in the journal and on the deploy lock")},
        {u"verbose"_s, QChar(), QString(), tr("Also print the steps' output (stderr; JSON: output events)")},
        {u"override-ci"_s, QChar(), u"REASON"_s,
         tr("Deploy although the build failed, still runs or is unknown; who and why are recorded")},
        {u"worktree"_s, QChar(), QString(),
         tr("Run in the working tree that holds capstan.yaml instead of a clean checkout of the build")},
        {u"allow-dirty"_s, QChar(), u"REASON"_s,
         tr("With --worktree in prod: run although the tree has local changes (recorded)")},
    };
    deploy.description =
        tr("Runs the stages of the pipeline section one after another, the steps of a stage in parallel.\n"
           "The gate: a prod deploy of --build N needs CI run N on the configured branch, completed with\n"
           "success; otherwise it is refused with exit 6 naming why (failed, in progress, unknown build).\n"
           "--override-ci REASON deploys anyway and records who and why in the journal and on the\n"
           "application. A deploy inside CI run N itself (GITHUB_ACTIONS, GITHUB_RUN_NUMBER) passes.\n"
           "The pipeline runs in a clean checkout of the build's commit (pipeline.source, or the git\n"
           "repository holding capstan.yaml); the working tree is never touched. A commit that cannot be\n"
           "found exits 5. --worktree runs in the working tree instead; in prod a tree with local\n"
           "changes is refused unless --allow-dirty REASON. --version V deploys a published chart\n"
           "version: the sync steps only, refused (exit 6) when the chart repository lacks it.\n"
           "A prod deploy with an argocd section first takes the application's deploy lock (annotations\n"
           "on the Argo CD application) and releases it at the end; it is refused with exit 6 naming the\n"
           "holder while someone holds it or Argo CD runs an operation. Prod needs --yes, or a \"y\" on a\n"
           "terminal (\"n\" changes nothing and exits 0). Every deploy and step is written to the journal "
           "(see `journal`).\n"
           "Output: one line per step event (time, start or status, stage/step, duration, message) and a\n"
           "summary line. -o json: one JSON object per line: {event: start, step, stage, time},\n"
           "{event: end, step, stage, status, durationMs, exitCode, message, lastOutput (a failed step's "
           "last\n"
           "5 lines of output, redacted)}, with --verbose\n"
           "{event: output, step, line}, and last {event: finished, outcome, version, env, durationMs,\n"
           "journalId}. --dry-run prints the plan (JSON: {dryRun, version, build, env, parallel, steps,\n"
           "skipped}) and changes nothing.\n"
           "SIGINT, SIGTERM or SIGHUP cancel the deploy (child processes stopped, a running Argo CD "
           "operation\n"
           "terminated, the lock released, the journal says cancelled), then exit 130.\n"
           "Exit codes: 0 succeeded, 1 failed or cancelled, 2 usage, 6 lock held or operation running,\n"
           "130 interrupted. The journal file is CAPSTAN_JOURNAL when set, else %1.")
            .arg(DeployJournal::defaultFile());
    deploy.examples = {u"deploy --build 148 --env dev"_s, u"deploy --build 148 --yes --reason \"hotfix\""_s,
                       u"deploy --version 1.0.0-148 --dry-run"_s, u"deploy --build 148 --yes -o json"_s};
    list.append(deploy);

    CommandSpec journal;
    journal.name = u"journal"_s;
    journal.summary = tr("List recent deploys (with their steps) and other actions, newest first");
    journal.options = {{u"limit"_s, QChar(), u"N"_s, tr("At most N deploys and actions (default 20)")}};
    journal.description =
        tr("Deploys a crash or a kill interrupted are reported first (stderr), once, with the step they\n"
           "stopped in. Besides deploys the journal holds actions on the application: rollback,\n"
           "auto-sync-off, auto-sync-on, lock-take, lock-release, lock-break, ci-override and\n"
           "deploy-refused, each with who, when, why and the outcome (succeeded, failed or refused).\n"
           "JSON: one array, newest first. Every element has kind, id, who, when, reason and outcome.\n"
           "A deploy is {kind: \"deploy\", id, who, when, build, version, sha, env, user, reason,\n"
           "application, host, pid, started, finished, durationMs, outcome, message, steps: [{name, stage,\n"
           "status, started, durationMs, exitCode, message}]} (outcome null while it runs); an action is\n"
           "{kind, id, who, when, application, host, reason, outcome, message, deploy} (deploy: the id of\n"
           "the deploy it belongs to, or null). The journal file is CAPSTAN_JOURNAL when set, else %1.")
            .arg(DeployJournal::defaultFile());
    journal.examples = {u"journal"_s, u"journal --limit 5 -o json"_s};
    list.append(journal);

    CommandSpec lock;
    lock.name = u"lock"_s;
    lock.summary = tr("Take the application's deploy lock so nobody deploys");
    lock.options = {{u"reason"_s, QChar(), u"TEXT"_s, tr("Why (required)")}};
    lock.description =
        tr("Stores holder (you@host), reason and time as annotations on the Argo CD application.\n"
           "Exit 6 naming the holder when it is held already. Recorded in the journal (lock-take).\n"
           "JSON: {app, holder, reason, since}.");
    lock.examples = {u"lock --reason \"database migration\""_s};
    list.append(lock);

    CommandSpec unlock;
    unlock.name = u"unlock"_s;
    unlock.summary = tr("Release your deploy lock, or break someone else's with --force");
    unlock.options = {
        {u"force"_s, QChar(), QString(), tr("Remove the lock whoever holds it (needs --reason)")},
        {u"reason"_s, QChar(), u"TEXT"_s, tr("Why the lock is broken (recorded on the application)")},
    };
    unlock.description =
        tr("Without --force only your own lock is released (exit 6 naming the holder when it\n"
           "is someone else's). Recorded in the journal (lock-release, or lock-break with --force).\n"
           "JSON: {app, released, holder}.");
    unlock.examples = {u"unlock"_s, u"unlock --force --reason \"deploy #12 was killed\""_s};
    list.append(unlock);

    return list;
}

bool DeployCommands::handles(const QString &command) const
{
    const QList<CommandSpec> all = specs();
    return std::any_of(all.cbegin(), all.cend(),
                       [&](const CommandSpec &spec) { return spec.name == command; });
}

void DeployCommands::run(const CommandLine::Invocation &invocation)
{
    const QString command = invocation.command();
    if (command == u"deploy"_s)
        deploy(invocation);
    else if (command == u"journal"_s)
        journal(invocation);
    else if (command == u"lock"_s)
        lock(invocation);
    else
        unlock(invocation);
}

DeployJournal *DeployCommands::openJournal()
{
    return m_session->journal();
}

void DeployCommands::reportInterrupted(const QList<DeployJournal::Entry> &entries,
                                       const std::function<void()> &then)
{
    OutputWriter *out = m_session->output();
    for (const DeployJournal::Entry &entry : entries) {
        const QString step = entry.currentStep();
        const QString started = entry.started.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
        if (step.isEmpty()) {
            out->note(tr("warning: deploy #%1 of %2 (%3) by %4 was interrupted before its first step; "
                         "started %5")
                          .arg(entry.id)
                          .arg(entry.target.version, entry.target.env, entry.target.user, started));
        } else {
            out->note(tr("warning: deploy #%1 of %2 (%3) by %4 was interrupted in step %5; started %6")
                          .arg(entry.id)
                          .arg(entry.target.version, entry.target.env, entry.target.user, step, started));
        }
    }
    bool argo = false;
    try {
        argo = !entries.isEmpty() && m_session->config().argocd.has_value();
    } catch (const ApiError &) {
    }
    if (!argo) {
        then();
        return;
    }
    auto hint = [this, entries](const ArgoApplication &app) {
        const std::optional<ArgoApplication::DeployLock> held = app.deployLock();
        if (!held)
            return;
        for (const DeployJournal::Entry &entry : entries) {
            if (entry.target.user == held->holder) {
                m_session->output()->note(
                    tr("hint: %1 still holds the deploy lock of %2 from deploy #%3; if nobody deploys, run "
                       "`capstan --cli unlock --force --reason \"deploy #%3 was interrupted\"`")
                        .arg(held->holder, app.name)
                        .arg(entry.id));
                return;
            }
        }
    };
    m_session->argoCd()
        .then(this,
              [this, hint, then](ArgoCdClient *client) {
                  client->get()
                      .then(this,
                            [hint, then](const ArgoApplication &app) {
                                hint(app);
                                then();
                            })
                      .onFailed(this, [then] { then(); });
              })
        .onFailed(this, [then] { then(); });
}

void DeployCommands::emitLine(const QJsonObject &event, const QString &text)
{
    OutputWriter *out = m_session->output();
    if (out->isJson())
        out->text(QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) + u'\n');
    else
        out->text(text + u'\n');
}

void DeployCommands::printPlan(const Deployment &deployment)
{
    const PipelinePlan &plan = deployment.plan();
    const DeployTarget &target = deployment.target();
    OutputWriter *out = m_session->output();
    if (out->isJson()) {
        QJsonArray steps;
        for (const PipelinePlan::Planned &planned : plan.steps) {
            steps.append(QJsonObject{{u"name"_s, planned.step.name},
                                     {u"stage"_s, planned.step.stage},
                                     {u"kind"_s, Step::kindName(planned.step.kind)},
                                     {u"dependencies"_s, QJsonArray::fromStringList(planned.dependencies)}});
        }
        QJsonArray skipped;
        for (const PipelinePlan::Skipped &skip : plan.skipped) {
            skipped.append(
                QJsonObject{{u"step"_s, skip.step}, {u"stage"_s, skip.stage}, {u"reason"_s, skip.reason}});
        }
        emitLine(QJsonObject{{u"dryRun"_s, true},
                             {u"version"_s, target.version},
                             {u"build"_s, orNull(target.build)},
                             {u"env"_s, target.env},
                             {u"parallel"_s, plan.parallel},
                             {u"steps"_s, steps},
                             {u"skipped"_s, skipped}},
                 {});
        return;
    }
    QString text = target.build.isEmpty()
                       ? tr("Plan for %1 to %2, at most %3 steps at once:\n").arg(target.version, target.env)
                       : tr("Plan for %1 (build %2) to %3, at most %4 steps at once:\n")
                             .arg(target.version, target.build, target.env);
    text = text.arg(plan.parallel);
    QHash<QString, QStringList> dependenciesOf;
    for (const PipelinePlan::Planned &planned : plan.steps)
        dependenciesOf.insert(planned.step.name, planned.dependencies);
    QString stage;
    QList<QStringList> rows;
    auto flush = [&] {
        if (!rows.isEmpty()) {
            const QString table = OutputWriter::table({tr("STEP"), tr("KIND"), tr("AFTER")}, rows);
            const QStringList lines = table.split(u'\n', Qt::SkipEmptyParts);
            for (const QString &line : lines)
                text += u"    "_s + line + u'\n';
        }
        rows.clear();
    };
    for (const PipelinePlan::Planned &planned : plan.steps) {
        if (planned.step.stage != stage) {
            flush();
            stage = planned.step.stage;
            text += tr("  stage %1\n").arg(stage);
        }
        // For people only the direct dependencies: those no other dependency already waits for.
        QStringList direct;
        for (const QString &dependency : planned.dependencies) {
            const bool implied = std::any_of(
                planned.dependencies.cbegin(), planned.dependencies.cend(), [&](const QString &other) {
                    return other != dependency && dependenciesOf.value(other).contains(dependency);
                });
            if (!implied)
                direct.append(dependency);
        }
        rows.append({planned.step.name, Step::kindName(planned.step.kind),
                     direct.isEmpty() ? u"-"_s : direct.join(u", "_s)});
    }
    flush();
    if (!plan.skipped.isEmpty()) {
        text += tr("Skipped:\n");
        for (const PipelinePlan::Skipped &skip : plan.skipped)
            text += tr("  %1/%2: %3\n").arg(skip.stage, skip.step, skip.reason);
    }
    text += tr("Nothing was run (--dry-run).\n");
    out->text(text);
}

void DeployCommands::deploy(const CommandLine::Invocation &invocation)
{
    const QString command = invocation.command();
    const bool hasBuild = invocation.has(u"build"_s);
    const bool hasVersion = invocation.has(u"version"_s);
    if (hasBuild == hasVersion) {
        throw ApiError(ApiError::Kind::Usage,
                       hasBuild ? tr("deploy takes --build or --version, not both")
                                : tr("deploy needs --build N or --version VERSION"),
                       CommandLine::helpHint(command));
    }
    Deployment::Request request;
    if (hasBuild) {
        request.build = QString::number(invocation.positiveNumber(u"build"_s, 0));
    }
    request.version = invocation.value(u"version"_s);
    if (invocation.has(u"env"_s))
        request.env = invocation.value(u"env"_s);
    if (request.env != u"dev"_s && request.env != u"prod"_s) {
        throw ApiError(ApiError::Kind::Usage, tr("--env is dev or prod, not \"%1\"").arg(request.env),
                       CommandLine::helpHint(command));
    }
    request.reason = invocation.value(u"reason"_s);
    request.worktree = invocation.has(u"worktree"_s);
    for (const QString &option : {u"override-ci"_s, u"allow-dirty"_s}) {
        if (invocation.has(option) && invocation.value(option).trimmed().isEmpty())
            throw ApiError(ApiError::Kind::Usage, tr("--%1 needs a reason: it is recorded").arg(option),
                           CommandLine::helpHint(command));
    }
    request.overrideCi = invocation.value(u"override-ci"_s);
    request.allowDirty = invocation.value(u"allow-dirty"_s);
    if (!request.allowDirty.isEmpty() && !request.worktree)
        throw ApiError(ApiError::Kind::Usage, tr("--allow-dirty goes with --worktree"),
                       CommandLine::helpHint(command));
    const bool dryRun = invocation.has(u"dry-run"_s);
    const bool verbose = invocation.has(u"verbose"_s);

    const Config config = m_session->config();
    auto deployment = std::make_unique<Deployment>(config, request, m_session->factory(), nullptr, this);
    if (dryRun) {
        printPlan(*deployment);
        m_session->finish(ExitCode::Ok);
        return;
    }
    if (request.env == u"prod"_s) {
        if (!m_session->confirm(invocation.has(u"yes"_s),
                                tr("Deploy %1 to prod?").arg(deployment->target().version),
                                tr("a prod deploy needs --yes when standard input is not a terminal"),
                                tr("Deploy cancelled; nothing was run and nothing was changed."),
                                tr("Nothing was run. Run it again with --yes to confirm, or try --dry-run.")))
            return;
    }

    DeployJournal *journal = openJournal();
    const QList<DeployJournal::Entry> interrupted = journal->recoverInterrupted();
    // The journal is known now: make the deployment again with it (construction only validates).
    deployment = std::make_unique<Deployment>(config, request, m_session->factory(), journal, this);
    deployment->setEnvironment(m_session->environment());
    Deployment *raw = deployment.release();
    installSignalHandlers();
    reportInterrupted(interrupted, [this, raw, verbose] { runDeployment(raw, verbose); });
}

void DeployCommands::runDeployment(Deployment *deployment, bool verbose)
{
    if (m_interrupted) {
        m_session->output()->note(tr("Interrupted before the deploy started; nothing was run"));
        m_session->finish(ExitCode::Interrupted);
        return;
    }
    m_deployment = deployment;
    OutputWriter *out = m_session->output();
    connect(deployment, &Deployment::warning, this,
            [out](const QString &message) { out->note(tr("warning: %1").arg(message)); });
    connect(deployment, &Deployment::stepStarted, this, [this, deployment](const QString &step) {
        const StepResult result = deployment->runner() ? deployment->runner()->result(step) : StepResult();
        const QDateTime at = result.started.isValid() ? result.started : QDateTime::currentDateTimeUtc();
        QString stage;
        for (const PipelinePlan::Planned &planned : deployment->plan().steps) {
            if (planned.step.name == step)
                stage = planned.step.stage;
        }
        emitLine(QJsonObject{{u"event"_s, u"start"_s},
                             {u"step"_s, step},
                             {u"stage"_s, stage},
                             {u"time"_s, Rfc3339::json(at)}},
                 u"%1  %2  %3/%4"_s.arg(clock(at), tr("start").leftJustified(9), stage, step));
    });
    if (verbose) {
        connect(deployment, &Deployment::stepOutput, this,
                [this, out](const QString &step, const QStringList &lines) {
                    for (const QString &line : lines) {
                        if (out->isJson())
                            emitLine(
                                QJsonObject{{u"event"_s, u"output"_s}, {u"step"_s, step}, {u"line"_s, line}},
                                {});
                        else
                            out->note(u"[%1] %2"_s.arg(step, line));
                    }
                });
    }
    connect(deployment, &Deployment::stepFinished, this,
            [this, deployment](const QString &step, const StepResult &result) {
                QString stage;
                for (const PipelinePlan::Planned &planned : deployment->plan().steps) {
                    if (planned.step.name == step)
                        stage = planned.step.stage;
                }
                for (const PipelinePlan::Skipped &skipped : deployment->plan().skipped) {
                    if (skipped.step == step)
                        stage = skipped.stage;
                }
                const QDateTime now = QDateTime::currentDateTimeUtc();
                QStringList columns = {clock(now), StepResult::statusName(result.status).leftJustified(9),
                                       u"%1/%2"_s.arg(stage, step)};
                if (result.status != StepResult::Status::Skipped)
                    columns.append(duration(result.durationMs));
                // A failed step's last lines of output follow its line, so the reason shows without
                // --verbose.
                if (!result.summary().isEmpty())
                    columns.append(result.summary());
                QJsonObject event{{u"event"_s, u"end"_s},
                                  {u"step"_s, step},
                                  {u"stage"_s, stage},
                                  {u"status"_s, StepResult::statusName(result.status)},
                                  {u"durationMs"_s, result.durationMs},
                                  {u"exitCode"_s, result.exitCode},
                                  {u"message"_s, orNull(result.message)},
                                  {u"time"_s, Rfc3339::json(now)}};
                if (!result.outputTail.isEmpty())
                    event.insert(u"lastOutput"_s, QJsonArray::fromStringList(result.outputTail));
                emitLine(event, columns.join(u"  "_s));
            });
    connect(deployment, &Deployment::finished, this, &DeployCommands::onFinished);
    deployment->start();
}

void DeployCommands::onFinished(PipelineRunner::Outcome outcome, const std::optional<ApiError> &error,
                                qint64 durationMs)
{
    removeSignalHandlers();
    const DeployTarget &target = m_deployment->target();
    const bool ran = m_deployment->runner() != nullptr;
    const QString outcomeName = PipelineRunner::outcomeName(outcome);
    if (ran) {
        QString text;
        if (outcome == PipelineRunner::Outcome::Succeeded)
            text = tr("succeeded: %1 deployed to %2 in %3")
                       .arg(target.version, target.env, duration(durationMs));
        else if (outcome == PipelineRunner::Outcome::Cancelled)
            text = tr("cancelled: deploy of %1 to %2 after %3")
                       .arg(target.version, target.env, duration(durationMs));
        else
            text = tr("failed: deploy of %1 to %2 after %3: %4")
                       .arg(target.version, target.env, duration(durationMs),
                            error ? error->message() : tr("a step failed"));
        text += tr(" (journal #%1)").arg(m_deployment->journalId());
        emitLine(QJsonObject{{u"event"_s, u"finished"_s},
                             {u"outcome"_s, outcomeName},
                             {u"version"_s, target.version},
                             {u"build"_s, orNull(target.build)},
                             {u"env"_s, target.env},
                             {u"durationMs"_s, durationMs},
                             {u"journalId"_s, m_deployment->journalId()},
                             {u"message"_s, error ? QJsonValue(error->message()) : QJsonValue()}},
                 text);
    }
    if (m_interrupted) {
        if (!ran && error)
            m_session->output()->error(*error, ExitCode::Interrupted);
        m_session->finish(ExitCode::Interrupted);
        return;
    }
    switch (outcome) {
    case PipelineRunner::Outcome::Succeeded:
        m_session->finish(ExitCode::Ok);
        return;
    case PipelineRunner::Outcome::Cancelled:
        m_session->finish(ExitCode::Failed);
        return;
    case PipelineRunner::Outcome::Failed:
        if (!ran && error)
            m_session->fail(*error);
        else
            m_session->finish(ExitCode::Failed);
        return;
    }
}

void DeployCommands::installSignalHandlers()
{
    if (m_signalNotifier)
        return;
    if (::pipe(signalPipe) != 0)
        return;
    ::fcntl(signalPipe[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(signalPipe[1], F_SETFD, FD_CLOEXEC);
    ::fcntl(signalPipe[1], F_SETFL, O_NONBLOCK);
    m_signalNotifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, this);
    connect(m_signalNotifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[0], &byte, 1);
        if (m_interrupted)
            return;
        m_interrupted = true;
        m_session->output()->note(
            tr("Interrupted: cancelling the deploy (stopping its steps, releasing the lock)…"));
        if (m_deployment)
            m_deployment->cancel();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);
    // A reader that goes away (`| head`, a dropped pipe) must not kill a deploy half-way: writes then fail
    // quietly and the deploy ends as it would have, in the journal. It stays ignored until the process exits.
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, nullptr);
}

void DeployCommands::removeSignalHandlers()
{
    if (!m_signalNotifier)
        return;
    struct sigaction action = {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);
    m_signalNotifier->setEnabled(false);
    m_signalNotifier->deleteLater();
    m_signalNotifier = nullptr;
    ::close(signalPipe[0]);
    ::close(signalPipe[1]);
    signalPipe[0] = signalPipe[1] = -1;
}

void DeployCommands::journal(const CommandLine::Invocation &invocation)
{
    const int limit = invocation.positiveNumber(u"limit"_s, 20);
    DeployJournal *journal = openJournal();
    const QList<DeployJournal::Entry> interrupted = journal->recoverInterrupted();
    reportInterrupted(interrupted, [this, journal, limit] {
        const QList<DeployJournal::Record> records = journal->timeline(limit);
        OutputWriter *out = m_session->output();
        if (out->isJson()) {
            QJsonArray array;
            for (const DeployJournal::Record &record : records)
                array.append(record.deploy ? entryJson(*record.deploy) : actionJson(*record.action));
            out->json(array);
            m_session->finish(ExitCode::Ok);
            return;
        }
        if (records.isEmpty()) {
            out->text(tr("No deploys or actions in %1.\n").arg(journal->file()));
            m_session->finish(ExitCode::Ok);
            return;
        }
        QList<QStringList> rows;
        for (const DeployJournal::Record &record : records) {
            const QString when = record.at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
            if (const auto &action = record.action) {
                QString details = action->message;
                if (!action->reason.isEmpty())
                    details +=
                        (details.isEmpty() ? QString() : u" "_s) + tr("(reason: %1)").arg(action->reason);
                rows.append({QString::number(action->id), action->kind, when, action->user,
                             action->application, action->outcome, u"-"_s, details});
                continue;
            }
            const DeployJournal::Entry &entry = *record.deploy;
            QStringList steps;
            for (const DeployJournal::StepRecord &step : entry.steps)
                steps.append(u"%1:%2"_s.arg(step.name, StepResult::statusName(step.result.status)));
            const QString took =
                entry.finished.isValid() ? duration(entry.started.msecsTo(entry.finished)) : u"-"_s;
            rows.append({QString::number(entry.id), record.kind, when, entry.target.user,
                         u"%1 %2"_s.arg(entry.target.version, entry.target.env),
                         entry.outcome.isEmpty() ? tr("running") : entry.outcome, took, steps.join(u' ')});
        }
        out->text(OutputWriter::table({tr("ID"), tr("KIND"), tr("WHEN"), tr("WHO"), tr("WHAT"), tr("OUTCOME"),
                                       tr("TOOK"), tr("DETAILS")},
                                      rows));
        m_session->finish(ExitCode::Ok);
    });
}

void DeployCommands::lock(const CommandLine::Invocation &invocation)
{
    const QString reason = invocation.value(u"reason"_s).trimmed();
    if (reason.isEmpty()) {
        throw ApiError(ApiError::Kind::Usage,
                       tr("lock needs --reason TEXT: everyone sees why they cannot deploy"),
                       CommandLine::helpHint(invocation.command()));
    }
    const QString holder = DeployLock::defaultHolder();
    m_actions->open();
    m_session->await(m_session->argoCd(), [this, holder, reason](ArgoCdClient *client) {
        m_actions->start(u"lock-take"_s, client->application(), reason, QString(),
                         tr("locked for %1").arg(holder));
        m_session->await(
            DeployLock::acquire(client, holder, reason), [this, holder, reason](const ArgoApplication &app) {
                OutputWriter *out = m_session->output();
                const std::optional<ArgoApplication::DeployLock> held = app.deployLock();
                if (out->isJson()) {
                    out->json(QJsonObject{{u"app"_s, app.name},
                                          {u"holder"_s, held ? held->holder : holder},
                                          {u"reason"_s, held ? held->reason : reason},
                                          {u"since"_s, held ? Rfc3339::json(held->since) : QJsonValue()}});
                } else {
                    out->text(tr("Locked %1 for %2: %3\n").arg(app.name, holder, reason));
                }
                m_session->finish(ExitCode::Ok);
            });
    });
}

void DeployCommands::unlock(const CommandLine::Invocation &invocation)
{
    const bool force = invocation.has(u"force"_s);
    const QString reason = invocation.value(u"reason"_s).trimmed();
    if (force && reason.isEmpty()) {
        throw ApiError(ApiError::Kind::Usage,
                       tr("unlock --force needs --reason TEXT: it is recorded on the application"),
                       CommandLine::helpHint(invocation.command()));
    }
    if (!force && invocation.has(u"reason"_s)) {
        throw ApiError(ApiError::Kind::Usage, tr("--reason goes with --force"),
                       CommandLine::helpHint(invocation.command()));
    }
    const QString holder = DeployLock::defaultHolder();
    m_actions->open();
    m_session->await(m_session->argoCd(), [this, holder, force, reason](ArgoCdClient *client) {
        m_session->await(client->get(), [this, client, holder, force, reason](const ArgoApplication &before) {
            const std::optional<ArgoApplication::DeployLock> held = before.deployLock();
            if (held) // releasing no lock changes nothing and is not recorded
                m_actions->start(force ? u"lock-break"_s : u"lock-release"_s, before.name, reason,
                                 tr("the lock of %1").arg(DeployLock::describe(*held)),
                                 force ? tr("broke the lock of %1").arg(DeployLock::describe(*held))
                                       : tr("released the lock of %1").arg(DeployLock::describe(*held)));
            auto report = [this, held](const ArgoApplication &app) {
                OutputWriter *out = m_session->output();
                if (out->isJson()) {
                    out->json(QJsonObject{{u"app"_s, app.name},
                                          {u"released"_s, held.has_value()},
                                          {u"holder"_s, held ? QJsonValue(held->holder) : QJsonValue()}});
                } else if (held) {
                    out->text(
                        tr("Unlocked %1 (was held by %2)\n").arg(app.name, DeployLock::describe(*held)));
                } else {
                    out->text(tr("%1 was not locked; nothing to do\n").arg(app.name));
                }
                m_session->finish(ExitCode::Ok);
            };
            if (force)
                m_session->await(DeployLock::breakLock(client, holder, reason), report);
            else
                m_session->await(DeployLock::release(client, holder), report);
        });
    });
}

} // namespace capstan
