#include "ArgoCommands.h"
#include "text/Rfc3339.h"

#include "CliSession.h"
#include "OutputWriter.h"
#include "argocd/ArgoCdClient.h"
#include "argocd/ArgoCdWatcher.h"
#include "argocd/AutoSyncRestore.h"
#include "argocd/DeployLock.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace capstan {

namespace {

QString localTime(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QString initiator(const QString &username, bool automated)
{
    if (automated)
        return ArgoCommands::tr("automated");
    return username.isEmpty() ? QStringLiteral("-") : username;
}

QJsonObject historyJson(const ArgoApplication::HistoryEntry &entry)
{
    return QJsonObject{{QStringLiteral("id"), entry.id},
                       {QStringLiteral("revision"), entry.revision},
                       {QStringLiteral("deployedAt"), Rfc3339::json(entry.deployedAt)},
                       {QStringLiteral("initiatedBy"), orNull(entry.initiatedBy)},
                       {QStringLiteral("automated"), entry.automated}};
}

// The requested revision while the operation has no state yet, else the state's revision.
QString operationRevision(const ArgoApplication &app)
{
    const QString requested = app.json.value(QStringLiteral("operation"))
                                  .toObject()
                                  .value(QStringLiteral("sync"))
                                  .toObject()
                                  .value(QStringLiteral("revision"))
                                  .toString();
    if (app.operationRequested && !requested.isEmpty())
        return requested;
    return app.operationState ? app.operationState->revision : requested;
}

QJsonValue operationJson(const ArgoApplication &app, bool inProgressOnly)
{
    if (inProgressOnly && !app.operationInProgress())
        return QJsonValue();
    if (!app.operationState && !app.operationRequested)
        return QJsonValue();
    QJsonObject operation{{QStringLiteral("inProgress"), app.operationInProgress()},
                          {QStringLiteral("revision"), orNull(operationRevision(app))}};
    if (app.operationState && !(app.operationRequested && app.operationState->isCompleted())) {
        const ArgoApplication::OperationState &state = *app.operationState;
        operation.insert(QStringLiteral("phase"), state.phase);
        operation.insert(QStringLiteral("message"), orNull(state.message));
        operation.insert(QStringLiteral("startedAt"), Rfc3339::json(state.startedAt));
        operation.insert(QStringLiteral("finishedAt"), Rfc3339::json(state.finishedAt));
        operation.insert(QStringLiteral("dryRun"), state.dryRun);
    } else {
        operation.insert(QStringLiteral("phase"), QStringLiteral("Requested"));
        operation.insert(QStringLiteral("message"), QJsonValue());
        operation.insert(QStringLiteral("startedAt"), QJsonValue());
        operation.insert(QStringLiteral("finishedAt"), QJsonValue());
    }
    return operation;
}

QJsonValue suspensionJson(const ArgoApplication &app)
{
    const std::optional<ArgoApplication::AutoSyncSuspension> suspension = app.autoSyncSuspension();
    if (!suspension)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("by"), suspension->by},
                       {QStringLiteral("since"), Rfc3339::json(suspension->at)},
                       {QStringLiteral("reason"), suspension->reason}};
}

QJsonValue lockJson(const ArgoApplication &app, qint64 staleAfterMs)
{
    const std::optional<ArgoApplication::DeployLock> lock = app.deployLock();
    if (!lock)
        return QJsonValue();
    return QJsonObject{
        {QStringLiteral("holder"), lock->holder},
        {QStringLiteral("since"), Rfc3339::json(lock->since)},
        {QStringLiteral("reason"), lock->reason},
        {QStringLiteral("heartbeat"),
         lock->heartbeat.isValid() ? QJsonValue(Rfc3339::json(lock->heartbeat)) : QJsonValue()},
        {QStringLiteral("stale"), lock->isStale(QDateTime::currentDateTimeUtc(), staleAfterMs)}};
}

QJsonObject statusJson(const ArgoApplication &app, qint64 staleAfterMs)
{
    return QJsonObject{{QStringLiteral("app"), app.name},
                       {QStringLiteral("sync"), app.syncStatus},
                       {QStringLiteral("health"), app.health},
                       {QStringLiteral("revision"), orNull(app.liveRevision())},
                       {QStringLiteral("targetRevision"), app.targetRevision},
                       {QStringLiteral("autoSync"), app.autoSyncEnabled},
                       {QStringLiteral("suspension"), suspensionJson(app)},
                       {QStringLiteral("lock"), lockJson(app, staleAfterMs)},
                       {QStringLiteral("operation"), operationJson(app, true)},
                       {QStringLiteral("lastOperation"), operationJson(app, false)}};
}

QString policyText(const QJsonObject &automated)
{
    QStringList flags;
    if (automated.value(QStringLiteral("prune")).toBool())
        flags << ArgoCommands::tr("prune");
    if (automated.value(QStringLiteral("selfHeal")).toBool())
        flags << ArgoCommands::tr("self-heal");
    if (flags.isEmpty())
        return ArgoCommands::tr("on");
    return ArgoCommands::tr("on (%1)").arg(flags.join(QStringLiteral(", ")));
}

QString suspensionText(const ArgoApplication::AutoSyncSuspension &suspension)
{
    return ArgoCommands::tr("SUSPENDED by %1 since %2: %3")
        .arg(suspension.by.isEmpty() ? QStringLiteral("?") : suspension.by, localTime(suspension.at),
             suspension.reason.isEmpty() ? ArgoCommands::tr("(no reason recorded)") : suspension.reason);
}

QString autoSyncText(const ArgoApplication &app)
{
    if (const std::optional<ArgoApplication::AutoSyncSuspension> suspension = app.autoSyncSuspension())
        return suspensionText(*suspension);
    return app.autoSyncEnabled ? policyText(app.automated) : ArgoCommands::tr("off (manual sync)");
}

QString entryText(const ArgoApplication::HistoryEntry &entry)
{
    return ArgoCommands::tr("history id %1, chart %2, deployed %3")
        .arg(entry.id)
        .arg(entry.revision, localTime(entry.deployedAt));
}

QString labelled(const QList<std::pair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &row : rows)
        width = std::max(width, row.first.size());
    QString text;
    for (const auto &row : rows)
        text += (row.first + u':').leftJustified(width + 3) + row.second + u'\n';
    return text;
}

int timeoutOption(const CommandLine::Invocation &invocation, const QString &command)
{
    if (!invocation.has(QStringLiteral("timeout")))
        return 0;
    const QString value = invocation.value(QStringLiteral("timeout"));
    bool ok = false;
    const int seconds = value.toInt(&ok);
    if (!ok || seconds <= 0) {
        throw ApiError(
            ApiError::Kind::Usage,
            ArgoCommands::tr("--timeout needs a positive whole number of seconds, not \"%1\"").arg(value),
            CommandLine::helpHint(command));
    }
    return seconds;
}

} // namespace

ArgoCommands::ArgoCommands(CliSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_actions(new ActionRecorder(session, this))
{}

QList<CommandSpec> ArgoCommands::specs()
{
    QList<CommandSpec> list;
    const CommandSpec::Option timeout{
        QStringLiteral("timeout"), QChar(), QStringLiteral("SECONDS"),
        tr("Give up waiting for the operation after SECONDS (exit 1); default: wait as long as it takes "
           "(argocd.timeout in capstan.yaml is another thing: how long one request may go without data)")};

    CommandSpec status;
    status.name = QStringLiteral("status");
    status.summary = tr("Show the Argo CD application: sync, health, live chart version, operation");
    status.description =
        tr("Reads the application configured under argocd.app. The live chart version is the newest\n"
           "history entry (what is deployed), not the target revision (what Argo CD should deploy).\n"
           "An auto-sync suspended by Capstan (who, since when, why) and a deploy lock are shown.\n"
           "JSON: {app, sync, health, revision, targetRevision, autoSync, suspension, lock, operation,\n"
           "lastOperation}; operation is null when none is in progress.");
    status.examples = {QStringLiteral("status"), QStringLiteral("status -o json")};
    list.append(status);

    CommandSpec history;
    history.name = QStringLiteral("history");
    history.summary = tr("List the application's deployments, oldest first, the live one marked");
    history.description =
        tr("CHART VERSION is the chart version each deployment ran (history[].revision), not the target\n"
           "revision at the time. DEPLOYED AT is local time. The IDs are what `rollback` takes.\n"
           "JSON: [{id, revision, deployedAt, initiatedBy, automated, live}].");
    history.examples = {QStringLiteral("history"), QStringLiteral("history -o json")};
    list.append(history);

    CommandSpec sync;
    sync.name = QStringLiteral("sync");
    sync.summary = tr("Sync the application (like `argocd app sync`), optionally waiting for the result");
    sync.options = {
        {QStringLiteral("revision"), QChar(), QStringLiteral("VERSION"),
         tr("Deploy this chart version once instead of the target revision")},
        {QStringLiteral("prune"), QChar(), QString(), tr("Delete resources that are no longer in the chart")},
        {QStringLiteral("dry-run"), QChar(), QString(), tr("Let Argo CD check the sync without applying it")},
        {QStringLiteral("force"), QChar(), QString(), tr("Re-apply every resource, even unchanged ones")},
        {QStringLiteral("wait"), QChar(), QString(),
         tr("Follow the operation until it is done and the application is healthy")},
        timeout,
    };
    sync.description =
        tr("A --revision other than the target revision is a one-off: Argo CD deploys it but keeps\n"
           "reporting the application OutOfSync, because sync status compares with the target revision.\n"
           "A missing chart version is not refused up front: the operation ends with phase Error.\n"
           "With --wait: exit 1 with \"Operation has completed with phase: <phase>\" unless it succeeded,\n"
           "and exit 1 when the application ends Degraded. Exit 6 when another operation is in progress.\n"
           "JSON: {app, revision, oneOff, dryRun} and, with --wait, phase, message, sync, health.");
    sync.examples = {QStringLiteral("sync"), QStringLiteral("sync --wait --timeout 300"),
                     QStringLiteral("sync --revision 1.0.0-146 --wait -o json")};
    list.append(sync);

    CommandSpec wait;
    wait.name = QStringLiteral("wait");
    wait.summary = tr("Wait until the application is synced, healthy and has no operation running");
    wait.options = {
        {QStringLiteral("health"), QChar(), QString(),
         tr("Wait for health Healthy (Degraded fails, exit 1)")},
        {QStringLiteral("sync"), QChar(), QString(), tr("Wait for sync status Synced")},
        {QStringLiteral("operation"), QChar(), QString(),
         tr("Wait until no operation is running and Argo CD has compared the result")},
        timeout,
    };
    wait.description =
        tr("Like `argocd app wait`: without flags it waits for all three. The current state is\n"
           "checked first, then the watch stream is followed. On timeout: exit 1.\n"
           "JSON: the same document as `status`.");
    wait.examples = {QStringLiteral("wait --timeout 600"), QStringLiteral("wait --health --timeout 120")};
    list.append(wait);

    CommandSpec rollback;
    rollback.name = QStringLiteral("rollback");
    rollback.summary = tr("Re-deploy an earlier history entry (default: the previous deployment)");
    rollback.positionals = {QStringLiteral("[ID]")};
    rollback.options = {
        {QStringLiteral("yes"), QChar(), QString(), tr("Do not ask for confirmation")},
        {QStringLiteral("wait"), QChar(), QString(),
         tr("Follow the operation until it is done and the application is healthy")},
        {QStringLiteral("suspend-auto-sync"), QChar(), QString(),
         tr("Switch auto-sync off first (recorded with --reason) when it is on")},
        {QStringLiteral("reason"), QChar(), QStringLiteral("TEXT"),
         tr("Why auto-sync is suspended (required with --suspend-auto-sync)")},
        {QStringLiteral("prune"), QChar(), QString(), tr("Delete resources that are not in the old chart")},
        timeout,
    };
    rollback.description = tr(
        "ID is a history id from `history`; without it the previous deployment (history[len-2]) is used.\n"
        "Prints what runs now and what will run before acting, then asks for confirmation on a\n"
        "terminal (\"n\" changes nothing and exits 0); without a terminal --yes is required (exit 2).\n"
        "Argo CD refuses rollbacks while auto-sync is on (exit 6): --suspend-auto-sync --reason TEXT\n"
        "switches it off first and records who, when and why; it stays off until\n"
        "`capstan --cli auto-sync on`. A rollback does not change the target revision, so the\n"
        "application shows OutOfSync afterwards. Unknown ID: exit 5.\n"
        "The journal (see `journal`) records the rollback and a suspension: who, when, why and the\n"
        "outcome (succeeded once Argo CD accepted it, or with --wait once it succeeded; failed; refused).\n"
        "JSON: {app, from, to, autoSyncSuspended} and, with --wait, phase, message, sync, health.");
    rollback.examples = {QStringLiteral("rollback --yes"), QStringLiteral("rollback 7 --yes --wait"),
                         QStringLiteral("rollback --yes --suspend-auto-sync --reason \"bad release 42\"")};
    list.append(rollback);

    CommandSpec off;
    off.name = QStringLiteral("auto-sync off");
    off.summary = tr("Suspend auto-sync, recording who, when and why");
    off.options = {{QStringLiteral("reason"), QChar(), QStringLiteral("TEXT"), tr("Why (required)")}};
    off.description = tr("Removes the automated sync policy and keeps it, with the reason, in annotations\n"
                         "on the application, so `auto-sync on` can restore it and everyone sees why.\n"
                         "Recorded in the journal. JSON: {app, autoSync, suspension}.");
    off.examples = {QStringLiteral("auto-sync off --reason \"investigating release 42\"")};
    list.append(off);

    CommandSpec on;
    on.name = QStringLiteral("auto-sync on");
    on.summary = tr("Resume auto-sync with the policy recorded when it was suspended");
    on.options = {{QStringLiteral("yes"), QChar(), QString(), tr("Do not ask for confirmation")}};
    on.description =
        tr("Restores the automated sync policy recorded by `auto-sync off` (or enables plain\n"
           "auto-sync when nothing was recorded) and clears the suspension annotations.\n"
           "Argo CD then deploys the target revision (spec.source.targetRevision, as resolved): first it\n"
           "prints which version that is and warns when it is the version a rollback went back from.\n"
           "Then it asks for confirmation on a terminal; without a terminal --yes is required (exit 2).\n"
           "Nothing to ask when auto-sync is on already. Recorded in the journal.\n"
           "JSON: {app, autoSync, suspension, targetRevision, revision, rolledBackFrom}; rolledBackFrom\n"
           "is the history entry of the rolled-back version auto-sync deploys again, or null.");
    on.examples = {QStringLiteral("auto-sync on"), QStringLiteral("auto-sync on --yes -o json")};
    list.append(on);

    CommandSpec terminate;
    terminate.name = QStringLiteral("terminate");
    terminate.summary = tr("Terminate the application's running operation");
    terminate.description = tr("Like `argocd app terminate-op`. The operation then ends with phase Failed.\n"
                               "No operation in progress: exit 2. JSON: {app, terminating}.");
    terminate.examples = {QStringLiteral("terminate")};
    list.append(terminate);

    return list;
}

bool ArgoCommands::handles(const QString &command) const
{
    const QList<CommandSpec> all = specs();
    return std::any_of(all.cbegin(), all.cend(),
                       [&](const CommandSpec &spec) { return spec.name == command; });
}

void ArgoCommands::run(const CommandLine::Invocation &invocation)
{
    const QString command = invocation.command();
    if (command == QLatin1StringView("status"))
        status();
    else if (command == QLatin1StringView("history"))
        history();
    else if (command == QLatin1StringView("sync"))
        sync(invocation);
    else if (command == QLatin1StringView("wait"))
        wait(invocation);
    else if (command == QLatin1StringView("rollback"))
        rollback(invocation);
    else if (command == QLatin1StringView("auto-sync on"))
        autoSync(invocation, true);
    else if (command == QLatin1StringView("auto-sync off"))
        autoSync(invocation, false);
    else
        terminate();
}

void ArgoCommands::print(const QString &text) const
{
    if (!m_session->output()->isJson())
        m_session->output()->text(text);
}

void ArgoCommands::progress(const QString &text) const
{
    if (m_session->output()->isJson())
        m_session->output()->note(text.trimmed());
    else
        m_session->output()->text(text);
}

ApiError ArgoCommands::timedOut(int timeoutSeconds, const QString &application)
{
    return ApiError(
        ApiError::Kind::Failed,
        tr("timed out (%1s) waiting for app \"%2\" match desired state").arg(timeoutSeconds).arg(application),
        tr("Check the application with `capstan --cli status`, or wait longer with --timeout."));
}

QString ArgoCommands::userName()
{
    const QProcessEnvironment env = m_session->environment();
    for (const QString &name : {QStringLiteral("USER"), QStringLiteral("USERNAME")}) {
        const QString value = env.value(name).trimmed();
        if (!value.isEmpty())
            return value;
    }
    try {
        const Config config = m_session->config();
        if (config.argocd && !config.argocd->username.isEmpty())
            return config.argocd->username;
    } catch (const ApiError &) {
    }
    return tr("unknown");
}

qint64 ArgoCommands::lockStaleAfterMs() const
{
    try {
        const Config config = m_session->config();
        if (config.argocd)
            return config.argocd->lockStaleAfterMs;
    } catch (const ApiError &) {
    }
    return DeployLock::DefaultStaleAfterMs;
}

void ArgoCommands::status()
{
    m_session->await(m_session->argoCd(), [this](ArgoCdClient *client) {
        m_session->await(client->get(), [this](const ArgoApplication &app) {
            OutputWriter *out = m_session->output();
            if (out->isJson()) {
                out->json(statusJson(app, lockStaleAfterMs()));
                m_session->finish(ExitCode::Ok);
                return;
            }
            QString text;
            if (const auto suspension = app.autoSyncSuspension()) {
                text += tr("!! Auto-sync is suspended by %1 since %2: %3\n")
                            .arg(suspension->by, localTime(suspension->at), suspension->reason);
                text += tr("!! Resume it with `capstan --cli auto-sync on`.\n\n");
            }
            QList<std::pair<QString, QString>> rows;
            rows.append({tr("Application"), app.name});
            rows.append(
                {tr("Sync status"), app.syncStatus.isEmpty() ? tr("(not compared yet)") : app.syncStatus});
            QString health = app.health.isEmpty() ? tr("(unknown)") : app.health;
            if (!app.healthMessage.isEmpty())
                health += QStringLiteral(" (%1)").arg(app.healthMessage);
            rows.append({tr("Health"), health});
            if (app.history.isEmpty()) {
                rows.append({tr("Live chart version"), tr("(nothing deployed yet)")});
            } else {
                const ArgoApplication::HistoryEntry &live = app.history.last();
                rows.append({tr("Live chart version"), tr("%1 (history id %2, deployed %3)")
                                                           .arg(live.revision)
                                                           .arg(live.id)
                                                           .arg(localTime(live.deployedAt))});
            }
            QString target = app.targetRevision;
            if (!app.syncRevision.isEmpty() && app.syncRevision != app.targetRevision)
                target += tr(" (resolves to %1)").arg(app.syncRevision);
            rows.append({tr("Target revision"), target});
            rows.append({tr("Auto-sync"), autoSyncText(app)});
            if (app.operationInProgress()) {
                QString operation;
                if (app.operationState && !(app.operationRequested && app.operationState->isCompleted())) {
                    const ArgoApplication::OperationState &state = *app.operationState;
                    operation = tr("%1, revision %2, started %3")
                                    .arg(state.phase, operationRevision(app), localTime(state.startedAt));
                    if (!state.message.isEmpty())
                        operation += tr(": %1").arg(state.message);
                } else {
                    operation =
                        tr("requested, revision %1, waiting for the controller").arg(operationRevision(app));
                }
                rows.append({tr("Operation"), operation});
            } else {
                QString operation = tr("none in progress");
                if (app.operationState) {
                    operation += tr(" (last: %1, revision %2, finished %3)")
                                     .arg(app.operationState->phase, app.operationState->revision,
                                          localTime(app.operationState->finishedAt));
                }
                rows.append({tr("Operation"), operation});
            }
            if (const auto lock = app.deployLock()) {
                QString held =
                    tr("held by %1 since %2: %3").arg(lock->holder, localTime(lock->since), lock->reason);
                const qint64 staleAfter = lockStaleAfterMs();
                if (lock->isStale(QDateTime::currentDateTimeUtc(), staleAfter))
                    held += tr(" (STALE: no heartbeat since %1; break it with `capstan --cli unlock --force "
                               "--reason TEXT`)")
                                .arg(localTime(lock->lastSign()));
                else if (lock->heartbeat.isValid())
                    held += tr(" (heartbeat %1)").arg(localTime(lock->heartbeat));
                rows.append({tr("Deploy lock"), held});
            }
            for (const ArgoApplication::Condition &condition : app.conditions)
                rows.append({condition.type, condition.message});
            out->text(text + labelled(rows));
            m_session->finish(ExitCode::Ok);
        });
    });
}

void ArgoCommands::history()
{
    m_session->await(m_session->argoCd(), [this](ArgoCdClient *client) {
        m_session->await(client->get(), [this](const ArgoApplication &app) {
            OutputWriter *out = m_session->output();
            const std::optional<qint64> live = app.liveHistoryId();
            if (out->isJson()) {
                QJsonArray entries;
                for (const ArgoApplication::HistoryEntry &entry : app.history) {
                    QJsonObject object = historyJson(entry);
                    object.insert(QStringLiteral("live"), live && *live == entry.id);
                    entries.append(object);
                }
                out->json(entries);
                m_session->finish(ExitCode::Ok);
                return;
            }
            if (app.history.isEmpty()) {
                out->text(tr("%1 has no deployments in its history yet.\n").arg(app.name));
                m_session->finish(ExitCode::Ok);
                return;
            }
            QList<QStringList> rows;
            for (const ArgoApplication::HistoryEntry &entry : app.history) {
                rows.append({QString::number(entry.id), entry.revision, localTime(entry.deployedAt),
                             initiator(entry.initiatedBy, entry.automated),
                             live && *live == entry.id ? tr("<- live") : QString()});
            }
            out->text(OutputWriter::table(
                {tr("ID"), tr("CHART VERSION"), tr("DEPLOYED AT"), tr("INITIATED BY"), QString()}, rows));
            m_session->finish(ExitCode::Ok);
        });
    });
}

void ArgoCommands::follow(ArgoCdClient *client, const std::optional<ArgoApplication> &current,
                          OperationWaiter::Conditions conditions, int timeoutSeconds, const Done &done)
{
    ArgoCdWatcher *watcher = client->watch(this);
    auto *waiter = new OperationWaiter(watcher, conditions, this);
    waiter->setTimeoutSeconds(timeoutSeconds);
    // An empty phase is either an operation requested and not yet started, or no operation at all.
    auto requested = std::make_shared<bool>(false);
    connect(waiter, &OperationWaiter::applicationSeen, this,
            [requested](const ArgoApplication &app) { *requested = app.operationRequested; });
    connect(waiter, &OperationWaiter::phaseChanged, this,
            [this, requested](const QString &phase, const QString &message) {
                if (phase.isEmpty()) {
                    if (*requested)
                        progress(tr("Operation requested, waiting for Argo CD to start it\n"));
                } else if (message.isEmpty())
                    progress(tr("Operation phase: %1\n").arg(phase));
                else
                    progress(tr("Operation phase: %1 (%2)\n").arg(phase, message));
            });
    connect(waiter, &OperationWaiter::finished, this,
            [this, watcher, done](const OperationWaiter::Result &result) {
                watcher->stop();
                try {
                    done(result);
                } catch (...) {
                    m_session->failUnexpected(std::current_exception());
                }
            });
    waiter->start(current);
}

void ArgoCommands::finishOperation(const OperationWaiter::Result &result, QJsonObject document,
                                   int timeoutSeconds)
{
    const QString name = document.value(QStringLiteral("app")).toString();
    if (result.outcome == OperationWaiter::Outcome::TimedOut)
        throw timedOut(timeoutSeconds, name);
    if (result.outcome == OperationWaiter::Outcome::Failed || !result.application) {
        throw result.error.value_or(
            ApiError(ApiError::Kind::Failed, tr("Lost track of application '%1'").arg(name)));
    }
    const ArgoApplication &app = *result.application;
    const QString phase = app.operationState ? app.operationState->phase : QString();
    const QString message = app.operationState ? app.operationState->message : QString();
    document.insert(QStringLiteral("phase"), phase);
    document.insert(QStringLiteral("message"), orNull(message));
    document.insert(QStringLiteral("sync"), app.syncStatus);
    document.insert(QStringLiteral("health"), app.health);
    document.insert(QStringLiteral("liveRevision"), orNull(app.liveRevision()));
    OutputWriter *out = m_session->output();
    if (out->isJson())
        out->json(document);
    else
        out->text(tr("Application %1: %2, %3; live chart version %4\n")
                      .arg(name, app.syncStatus, app.health,
                           app.liveRevision().isEmpty() ? QStringLiteral("-") : app.liveRevision()));

    if (phase != QLatin1StringView("Succeeded")) {
        throw ApiError(
            ApiError::Kind::Failed,
            tr("Operation has completed with phase: %1").arg(phase.isEmpty() ? tr("Unknown") : phase),
            message);
    }
    if (result.outcome == OperationWaiter::Outcome::Degraded) {
        QString text = tr("application '%1' is Degraded").arg(name);
        if (!app.healthMessage.isEmpty())
            text += QStringLiteral(": ") + app.healthMessage;
        throw ApiError(ApiError::Kind::Failed, text,
                       tr("The operation succeeded but the deployed resources are not healthy."));
    }
    m_session->finish(ExitCode::Ok);
}

void ArgoCommands::sync(const CommandLine::Invocation &invocation)
{
    const int timeout = timeoutOption(invocation, invocation.command());
    const bool waitForIt = invocation.has(QStringLiteral("wait"));
    if (timeout > 0 && !waitForIt) {
        throw ApiError(ApiError::Kind::Usage, tr("--timeout only applies together with --wait"),
                       CommandLine::helpHint(invocation.command()));
    }
    ArgoCdClient::SyncOptions options;
    options.revision = invocation.value(QStringLiteral("revision")).trimmed();
    options.prune = invocation.has(QStringLiteral("prune"));
    options.dryRun = invocation.has(QStringLiteral("dry-run"));
    options.force = invocation.has(QStringLiteral("force"));
    if (invocation.has(QStringLiteral("revision")) && options.revision.isEmpty()) {
        throw ApiError(ApiError::Kind::Usage, tr("--revision needs a chart version, not an empty string"),
                       CommandLine::helpHint(invocation.command()));
    }

    m_session->await(m_session->argoCd(), [=, this](ArgoCdClient *client) {
        m_session->await(client->get(), [=, this](const ArgoApplication &app) {
            const bool oneOff = !options.revision.isEmpty() && options.revision != app.targetRevision;
            m_session->await(client->sync(options), [=, this](const ArgoApplication &queued) {
                QString revision = operationRevision(queued);
                if (revision.isEmpty())
                    revision = options.revision.isEmpty() ? app.targetRevision : options.revision;
                print(options.dryRun ? tr("Dry-run sync of %1 to %2 requested\n").arg(app.name, revision)
                                     : tr("Sync of %1 to %2 requested\n").arg(app.name, revision));
                if (oneOff) {
                    progress(tr("Note: %1 differs from the target revision %2: this is a one-off deployment; "
                                "Argo CD will report %3 OutOfSync until its target revision is changed.\n")
                                 .arg(options.revision, app.targetRevision, app.name));
                }
                QJsonObject document{{QStringLiteral("app"), app.name},
                                     {QStringLiteral("revision"), revision},
                                     {QStringLiteral("targetRevision"), app.targetRevision},
                                     {QStringLiteral("oneOff"), oneOff},
                                     {QStringLiteral("dryRun"), options.dryRun}};
                if (!waitForIt) {
                    if (m_session->output()->isJson())
                        m_session->output()->json(document);
                    else
                        print(tr("Follow it with `capstan --cli wait` or `capstan --cli status`.\n"));
                    m_session->finish(ExitCode::Ok);
                    return;
                }
                follow(client, queued,
                       OperationWaiter::Conditions(OperationWaiter::Condition::Operation) |
                           OperationWaiter::Condition::Health,
                       timeout, [=, this](const OperationWaiter::Result &result) {
                           finishOperation(result, document, timeout);
                       });
            });
        });
    });
}

void ArgoCommands::wait(const CommandLine::Invocation &invocation)
{
    const int timeout = timeoutOption(invocation, invocation.command());
    OperationWaiter::Conditions conditions;
    if (invocation.has(QStringLiteral("health")))
        conditions |= OperationWaiter::Condition::Health;
    if (invocation.has(QStringLiteral("sync")))
        conditions |= OperationWaiter::Condition::Sync;
    if (invocation.has(QStringLiteral("operation")))
        conditions |= OperationWaiter::Condition::Operation;
    if (!conditions)
        conditions = OperationWaiter::all();

    m_session->await(m_session->argoCd(), [=, this](ArgoCdClient *client) {
        m_session->await(client->get(), [=, this](const ArgoApplication &app) {
            follow(client, app, conditions, timeout, [=, this](const OperationWaiter::Result &result) {
                if (result.outcome == OperationWaiter::Outcome::TimedOut)
                    throw timedOut(timeout, app.name);
                if (result.outcome == OperationWaiter::Outcome::Failed || !result.application)
                    throw result.error.value_or(
                        ApiError(ApiError::Kind::Failed, tr("Lost track of application '%1'").arg(app.name)));
                const ArgoApplication &last = *result.application;
                if (result.outcome == OperationWaiter::Outcome::Degraded) {
                    QString text = tr("application '%1' health state is Degraded").arg(app.name);
                    if (!last.healthMessage.isEmpty())
                        text += QStringLiteral(": ") + last.healthMessage;
                    throw ApiError(ApiError::Kind::Failed, text);
                }
                OutputWriter *out = m_session->output();
                if (out->isJson())
                    out->json(statusJson(last, lockStaleAfterMs()));
                else
                    out->text(tr("Application %1: %2, %3\n").arg(last.name, last.syncStatus, last.health));
                m_session->finish(ExitCode::Ok);
            });
        });
    });
}

void ArgoCommands::rollback(const CommandLine::Invocation &invocation)
{
    const QString command = invocation.command();
    const int timeout = timeoutOption(invocation, command);
    const bool waitForIt = invocation.has(QStringLiteral("wait"));
    const bool suspend = invocation.has(QStringLiteral("suspend-auto-sync"));
    const bool confirmed = invocation.has(QStringLiteral("yes"));
    const bool prune = invocation.has(QStringLiteral("prune"));
    const QString reason = invocation.value(QStringLiteral("reason")).trimmed();
    if (timeout > 0 && !waitForIt) {
        throw ApiError(ApiError::Kind::Usage, tr("--timeout only applies together with --wait"),
                       CommandLine::helpHint(command));
    }
    if (suspend && reason.isEmpty()) {
        throw ApiError(ApiError::Kind::Usage, tr("--suspend-auto-sync needs --reason TEXT saying why"),
                       tr("The reason is recorded on the application for everyone who wonders why auto-sync "
                          "is off."));
    }
    if (!suspend && invocation.has(QStringLiteral("reason"))) {
        throw ApiError(ApiError::Kind::Usage, tr("--reason only applies together with --suspend-auto-sync"),
                       CommandLine::helpHint(command));
    }
    std::optional<qint64> wanted;
    if (!invocation.positionals.isEmpty()) {
        bool ok = false;
        const qint64 id = invocation.positionals.at(0).toLongLong(&ok);
        if (!ok || id < 0) {
            throw ApiError(
                ApiError::Kind::Usage,
                tr("rollback takes a history id (a number from `capstan --cli history`), not \"%1\"")
                    .arg(invocation.positionals.at(0)),
                CommandLine::helpHint(command));
        }
        wanted = id;
    }
    const QString user = suspend ? userName() : QString();
    m_actions->open();

    m_session->await(m_session->argoCd(), [=, this](ArgoCdClient *client) {
        m_session->await(client->get(), [=, this](const ArgoApplication &app) {
            std::optional<ArgoApplication::HistoryEntry> target;
            if (wanted) {
                target = app.historyEntry(*wanted);
                if (!target) {
                    throw ApiError(ApiError::Kind::NotFound,
                                   tr("application '%1' does not have deployment id '%2' in history")
                                       .arg(app.name)
                                       .arg(*wanted),
                                   tr("List the deployments with `capstan --cli history`."));
                }
            } else {
                target = app.defaultRollbackTarget();
                if (!target) {
                    throw ApiError(
                        ApiError::Kind::Failed,
                        tr("application '%1' should have at least two successful deployments").arg(app.name),
                        tr("There is no earlier deployment to roll back to."));
                }
            }
            const ArgoApplication::HistoryEntry from = app.history.last();
            progress(tr("Rollback of %1\n  from: %2\n  to:   %3\n")
                         .arg(app.name, entryText(from), entryText(*target)));
            const QString change =
                tr("%1 → %2 (history #%3)").arg(from.revision, target->revision).arg(target->id);
            m_actions->start(QStringLiteral("rollback"), app.name, reason, change,
                             waitForIt ? tr("%1, operation succeeded").arg(change)
                                       : tr("%1, accepted by Argo CD").arg(change));

            if (app.autoSyncEnabled && !suspend) {
                throw ApiError(ApiError::Kind::Conflict,
                               tr("Argo CD refuses rollbacks of '%1' while auto-sync is on").arg(app.name),
                               tr("Auto-sync would undo the rollback at once. Add --suspend-auto-sync "
                                  "--reason TEXT to switch it off first; it stays off until `capstan --cli "
                                  "auto-sync on`."));
            }
            if (!m_actions->confirm(QStringLiteral("rollback"), [&] {
                    return m_session->confirm(
                        confirmed, tr("Roll back %1 to chart %2?").arg(app.name, target->revision),
                        tr("rollback needs --yes when standard input is not a terminal"),
                        tr("Rollback cancelled; nothing was changed."));
                }))
                return;

            const bool suspending = app.autoSyncEnabled && suspend;
            if (suspend && !app.autoSyncEnabled)
                progress(tr("Auto-sync is already off; nothing to suspend.\n"));
            const qint64 id = target->id;
            const ArgoApplication::HistoryEntry to = *target;
            auto roll = [=, this] {
                m_session->await(client->rollback(id, prune), [=, this](const ArgoApplication &queued) {
                    print(tr("Rollback of %1 to history id %2 (chart %3) requested\n")
                              .arg(app.name)
                              .arg(id)
                              .arg(to.revision));
                    if (suspending) {
                        progress(tr("Auto-sync of %1 stays suspended until `capstan --cli auto-sync on`.\n")
                                     .arg(app.name));
                    }
                    print(tr("The target revision is unchanged (%1), so Argo CD will report %2 OutOfSync.\n")
                              .arg(app.targetRevision, app.name));
                    QJsonObject document{{QStringLiteral("app"), app.name},
                                         {QStringLiteral("from"), historyJson(from)},
                                         {QStringLiteral("to"), historyJson(to)},
                                         {QStringLiteral("autoSyncSuspended"), suspending}};
                    if (!waitForIt) {
                        if (m_session->output()->isJson())
                            m_session->output()->json(document);
                        m_session->finish(ExitCode::Ok);
                        return;
                    }
                    follow(client, queued,
                           OperationWaiter::Conditions(OperationWaiter::Condition::Operation) |
                               OperationWaiter::Condition::Health,
                           timeout, [=, this](const OperationWaiter::Result &result) {
                               finishOperation(result, document, timeout);
                           });
                });
            };
            if (!suspending) {
                roll();
                return;
            }
            m_actions->start(QStringLiteral("auto-sync-off"), app.name, reason,
                             tr("before the rollback to %1").arg(to.revision),
                             tr("suspended before the rollback to %1").arg(to.revision));
            m_session->await(client->suspendAutoSync(user, reason), [=, this](const ArgoApplication &) {
                progress(tr("Auto-sync of %1 suspended by %2: %3\n").arg(app.name, user, reason));
                m_actions->settle(QStringLiteral("auto-sync-off"), QStringLiteral("succeeded"),
                                  tr("suspended before the rollback to %1").arg(to.revision));
                roll();
            });
        });
    });
}

void ArgoCommands::autoSync(const CommandLine::Invocation &invocation, bool on)
{
    const QString reason = invocation.value(QStringLiteral("reason")).trimmed();
    if (!on && reason.isEmpty()) {
        throw ApiError(ApiError::Kind::Usage, tr("auto-sync off needs --reason TEXT saying why"),
                       tr("The reason is recorded on the application for everyone who wonders why auto-sync "
                          "is off."));
    }
    const bool confirmed = invocation.has(QStringLiteral("yes"));
    const QString user = on ? QString() : userName();
    const QString kind = on ? QStringLiteral("auto-sync-on") : QStringLiteral("auto-sync-off");
    m_actions->open();

    auto show = [this](const ArgoApplication &app, const std::optional<AutoSyncRestore> &restore) {
        OutputWriter *out = m_session->output();
        if (out->isJson()) {
            QJsonObject document{{QStringLiteral("app"), app.name},
                                 {QStringLiteral("autoSync"), app.autoSyncEnabled},
                                 {QStringLiteral("suspension"), suspensionJson(app)}};
            if (restore) {
                document.insert(QStringLiteral("targetRevision"), restore->targetRevision);
                document.insert(QStringLiteral("revision"),
                                restore->resolved ? QJsonValue(restore->revision) : QJsonValue());
                document.insert(QStringLiteral("rolledBackFrom"),
                                restore->rolledBackFrom ? QJsonValue(historyJson(*restore->rolledBackFrom))
                                                        : QJsonValue());
            }
            out->json(document);
        } else {
            out->text(tr("Auto-sync of %1: %2\n").arg(app.name, autoSyncText(app)));
        }
        m_session->finish(ExitCode::Ok);
    };

    m_session->await(m_session->argoCd(), [=, this](ArgoCdClient *client) {
        m_session->await(client->get(), [=, this](const ArgoApplication &app) {
            const std::optional<ArgoApplication::AutoSyncSuspension> suspension = app.autoSyncSuspension();
            if (on) {
                const AutoSyncRestore restore = AutoSyncRestore::of(app);
                if (!suspension && app.autoSyncEnabled) {
                    progress(tr("Auto-sync of %1 is already on.\n").arg(app.name));
                    show(app, restore);
                    return;
                }
                progress(restore.summary() + u'\n');
                if (!restore.warning().isEmpty())
                    progress(tr("WARNING: %1\n").arg(restore.warning()));
                m_actions->start(kind, app.name, QString(), restore.brief(), restore.brief());
                if (!m_actions->confirm(kind, [&] {
                        return m_session->confirm(
                            confirmed,
                            restore.rolledBackFrom ? tr("Restore auto-sync of %1 and deploy %2 again?")
                                                         .arg(app.name, restore.revision)
                                                   : tr("Restore auto-sync of %1?").arg(app.name),
                            tr("auto-sync on needs --yes when standard input is not a terminal"),
                            tr("Auto-sync stays off; nothing was changed."));
                    }))
                    return;
                m_session->await(client->resumeAutoSync(),
                                 [=](const ArgoApplication &resumed) { show(resumed, restore); });
                return;
            }
            m_actions->start(kind, app.name, reason, QString(), tr("suspended"));
            if (suspension) {
                throw ApiError(
                    ApiError::Kind::Conflict,
                    tr("auto-sync of '%1' is already suspended by %2 since %3: %4")
                        .arg(app.name, suspension->by, localTime(suspension->at), suspension->reason),
                    tr("Resume it with `capstan --cli auto-sync on` first if you want to record a new "
                       "reason."));
            }
            if (!app.autoSyncEnabled) {
                throw ApiError(ApiError::Kind::Conflict,
                               tr("auto-sync of '%1' is already off (manual sync policy); nothing to suspend")
                                   .arg(app.name),
                               tr("Enable it with `capstan --cli auto-sync on`."));
            }
            m_session->await(client->suspendAutoSync(user, reason),
                             [=](const ArgoApplication &suspended) { show(suspended, std::nullopt); });
        });
    });
}

void ArgoCommands::terminate()
{
    m_session->await(m_session->argoCd(), [this](ArgoCdClient *client) {
        m_session->await(client->terminateOperation(), [this, client] {
            OutputWriter *out = m_session->output();
            if (out->isJson()) {
                out->json(QJsonObject{{QStringLiteral("app"), client->application()},
                                      {QStringLiteral("terminating"), true}});
            } else {
                out->text(tr("Application '%1' operation terminating\n").arg(client->application()));
            }
            m_session->finish(ExitCode::Ok);
        });
    });
}

} // namespace capstan
