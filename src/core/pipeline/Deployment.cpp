#include "Deployment.h"

#include "DeployJournal.h"
#include "DeployServices.h"
#include "RunContext.h"
#include "app/ClientFactory.h"
#include "argocd/ArgoCdClient.h"
#include "argocd/DeployLock.h"
#include "chart/SemVer.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "credentials/CredentialStore.h"
#include "github/GitHubClient.h"
#include "source/SourceCheckout.h"

#include <QSysInfo>
#include <QtConcurrentRun>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString buildVariable = u"{build}"_s;
const QString CiOverrideAnnotation = u"capstan.net/ci-override"_s;

QString versionPattern(const Config &config)
{
    return config.chart && !config.chart->version.isEmpty() ? config.chart->version : u"1.0.0-{build}"_s;
}

// The build a version was made from under `pattern` ("1.0.0-{build}"); nullopt when it does not fit.
std::optional<QString> buildOf(const QString &pattern, const QString &version)
{
    const qsizetype at = pattern.indexOf(buildVariable);
    const QString expression = u'^' + QRegularExpression::escape(pattern.left(at)) + u"([0-9A-Za-z]+)"_s +
                               QRegularExpression::escape(pattern.mid(at + buildVariable.size())) + u'$';
    const QRegularExpressionMatch match = QRegularExpression(expression).match(version);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1);
}

} // namespace

Deployment::Deployment(const Config &config, const Request &request, ClientFactory *factory,
                       DeployJournal *journal, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_request(request)
    , m_factory(factory)
    , m_journal(journal)
    , m_environment(QProcessEnvironment::systemEnvironment())
{
    const QString file = config.file.isEmpty() ? tr("capstan.yaml") : config.file;
    if (!config.pipeline) {
        throw ApiError(ApiError::Kind::Config, tr("%1 has no \"pipeline\" section").arg(file),
                       tr("Add one with the stages and steps of a deploy, e.g.\n  pipeline:\n    stages:\n"
                          "      - name: checks\n        steps: [ { name: test, run: make test } ]"));
    }
    const QString build = request.build.trimmed();
    const QString version = request.version.trimmed();
    if (build.isEmpty() == version.isEmpty()) {
        throw ApiError(ApiError::Kind::Usage,
                       build.isEmpty() ? tr("Say what to deploy: a build number or a chart version")
                                       : tr("Give either a build number or a chart version, not both"),
                       tr("Pass --build N (the CI run number) or --version V (the chart version)."));
    }
    if (request.env != u"dev"_s && request.env != u"prod"_s) {
        throw ApiError(ApiError::Kind::Usage,
                       tr("Unknown environment \"%1\": it is dev or prod").arg(request.env),
                       tr("dev runs checks, manifests and package; prod runs everything."));
    }
    const QString pattern = versionPattern(config);
    m_target.env = request.env;
    m_target.reason = request.reason;
    m_target.user = request.user.isEmpty() ? DeployLock::defaultHolder() : request.user;
    if (!build.isEmpty()) {
        static const QRegularExpression number(u"^[0-9]+$"_s);
        if (!number.match(build).hasMatch()) {
            throw ApiError(ApiError::Kind::Usage,
                           tr("The build \"%1\" is not a CI run number (digits only)").arg(build));
        }
        m_target.build = build;
        m_facts.build = build;
        m_target.version = QString(pattern).replace(buildVariable, build);
        if (!SemVer::parse(m_target.version)) {
            throw ApiError(ApiError::Kind::Config,
                           tr("%1: chart.version \"%2\" gives \"%3\" for build %4, which is not a SemVer "
                              "version")
                               .arg(file, pattern, m_target.version, build));
        }
    } else {
        if (!SemVer::parse(version)) {
            throw ApiError(ApiError::Kind::Usage,
                           tr("\"%1\" is not a chart version (SemVer, e.g. 1.0.0-148)").arg(version));
        }
        m_target.version = version;
        if (pattern.contains(buildVariable)) {
            const std::optional<QString> derived = buildOf(pattern, version);
            if (!derived) {
                throw ApiError(ApiError::Kind::Usage,
                               tr("The version \"%1\" does not fit chart.version \"%2\" of %3")
                                   .arg(version, pattern, file),
                               tr("Pass a version of that form, or the build with --build N."));
            }
            m_target.build = *derived;
        }
    }
    m_plan = PipelinePlan::make(*config.pipeline, request.env);
    if (build.isEmpty()) {
        // A published version is deployed as it is: nothing is built, so nothing of a build is trusted.
        m_plan = m_plan.syncOnly(tr("sync only: %1 is deployed as published").arg(m_target.version));
    }
    m_target.ciOverride = request.overrideCi.trimmed();
    m_target.dirtyReason = request.allowDirty.trimmed();
    if (!request.workDirectory.isEmpty())
        m_workDirectory = request.workDirectory;
    else if (!config.file.isEmpty())
        m_workDirectory = QFileInfo(config.file).absolutePath();
    else
        m_workDirectory = QDir::currentPath();
}

Deployment::~Deployment()
{
    m_cancelFlag->store(true);
    if (m_runner)
        m_runner->cancel();
}

void Deployment::setEnvironment(const QProcessEnvironment &environment)
{
    m_environment = environment;
}

void Deployment::setOutputDirectory(const QString &directory)
{
    m_outputDirectory = directory;
}

void Deployment::setSourceCache(const QString &directory)
{
    m_sourceCache = directory;
}

void Deployment::setHeartbeatInterval(int ms)
{
    m_heartbeatMs = std::max(ms, 10);
}

bool Deployment::needs(Step::Kind kind) const
{
    return std::any_of(m_plan.steps.cbegin(), m_plan.steps.cend(),
                       [kind](const PipelinePlan::Planned &planned) { return planned.step.kind == kind; });
}

QString Deployment::stageOf(const QString &step) const
{
    for (const PipelinePlan::Planned &planned : m_plan.steps) {
        if (planned.step.name == step)
            return planned.step.stage;
    }
    for (const PipelinePlan::Skipped &skipped : m_plan.skipped) {
        if (skipped.step == step)
            return skipped.stage;
    }
    return {};
}

void Deployment::start()
{
    if (m_starting || m_finished)
        return;
    m_starting = true;
    m_clock.start();
    m_services = new DeployServices(this);
    makeContext();
    // Everything asynchronous starts from the event loop, so a caller can connect after start().
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (beginEntry())
                fetchClients();
        },
        Qt::QueuedConnection);
}

bool Deployment::proceed()
{
    if (m_finished)
        return false;
    if (m_cancelled) {
        end(PipelineRunner::Outcome::Cancelled, std::nullopt);
        return false;
    }
    return true;
}

bool Deployment::beginEntry()
{
    if (!proceed())
        return false;
    // Written first, so a deploy killed at any later point is in the journal as interrupted.
    try {
        const QString application = m_config.argocd ? m_config.argocd->app : QString();
        m_startedAt = QDateTime::currentDateTimeUtc();
        m_journalId = m_journal->begin(m_target, application, m_startedAt);
    } catch (const ApiError &error) {
        ApiError wrapped = error;
        wrapped.prependContext(tr("Cannot write the deploy journal"));
        end(PipelineRunner::Outcome::Failed, wrapped);
        return false;
    }
    return true;
}

void Deployment::fetchClients()
{
    if (!proceed())
        return;
    auto fail = [this](const ApiError &error) {
        if (!m_finished)
            end(PipelineRunner::Outcome::Failed, error);
    };
    auto failOther = [this] {
        if (!m_finished)
            end(PipelineRunner::Outcome::Failed,
                ApiError(ApiError::Kind::Failed, tr("Cannot create a client")));
    };
    const bool builds = m_plan.runs(Step::Kind::HelmPackage);
    m_facts.pipelineBuildsChart =
        builds && (m_target.env != u"prod"_s || m_plan.runs(Step::Kind::ChartMuseumPush));
    const bool checksChart = !m_facts.pipelineBuildsChart && m_plan.runs(Step::Kind::ArgoCdSync);
    if ((needs(Step::Kind::ChartMuseumPush) || (checksChart && m_config.chartmuseum)) &&
        !m_services->chartMuseum()) {
        m_factory->chartMuseum(m_config)
            .then(this,
                  [this](ChartMuseumClient *client) {
                      m_services->setChartMuseum(client);
                      if (!client)
                          return noClient(u"chartmuseum"_s);
                      fetchClients();
                  })
            .onFailed(this, fail)
            .onFailed(this, failOther);
        return;
    }
    const bool wantArgo = needs(Step::Kind::ArgoCdSync) || (m_target.env == u"prod"_s && m_config.argocd);
    if (wantArgo && !m_argoCd) {
        m_factory->argoCd(m_config)
            .then(this,
                  [this](ArgoCdClient *client) {
                      m_argoCd = client;
                      m_services->setArgoCd(client);
                      if (!client)
                          return noClient(u"argocd"_s);
                      fetchClients();
                  })
            .onFailed(this, fail)
            .onFailed(this, failOther);
        return;
    }
    const bool wantGitHub = needs(Step::Kind::GitHubDispatch) || !m_facts.build.isEmpty();
    if (wantGitHub && m_config.github && !m_services->gitHub()) {
        m_factory->gitHub(m_config)
            .then(this,
                  [this](GitHubClient *client) {
                      m_services->setGitHub(client);
                      if (!client)
                          return noClient(u"github"_s);
                      resolveBuild();
                  })
            .onFailed(this, fail)
            .onFailed(this, failOther);
        return;
    }
    resolveBuild();
}

void Deployment::resolveBuild()
{
    if (!proceed())
        return;
    m_facts.ciConfigured = m_config.github.has_value();
    m_facts.branch = m_config.github ? m_config.github->branch : u"main"_s;
    GitHubClient *client = m_services->gitHub();
    if (!client || m_facts.build.isEmpty()) {
        checkChart();
        return;
    }
    constexpr int FirstPage = 100;
    client->runs(FirstPage)
        .then(this, [this](const QList<WorkflowRun> &runs) { findRun(runs, FirstPage); })
        .onFailed(this,
                  [this](const ApiError &error) {
                      if (m_finished)
                          return;
                      if (!m_target.ciOverride.isEmpty()) {
                          Q_EMIT warning(tr("Cannot check build %1 on GitHub: %2")
                                             .arg(m_target.build, m_context->redact(error).toString()));
                          checkChart();
                          return;
                      }
                      ApiError wrapped = error;
                      wrapped.prependContext(tr("Cannot check build %1 on GitHub").arg(m_target.build));
                      end(PipelineRunner::Outcome::Failed, wrapped);
                  })
        .onFailed(this, [this] {
            if (!m_finished)
                end(PipelineRunner::Outcome::Failed,
                    ApiError(ApiError::Kind::Failed,
                             tr("Cannot check build %1 on GitHub").arg(m_target.build)));
        });
}

void Deployment::findRun(const QList<WorkflowRun> &runs, int limit)
{
    if (!proceed())
        return;
    const int number = m_facts.build.toInt();
    for (const WorkflowRun &run : runs) {
        if (run.runNumber == number) {
            m_facts.run = run;
            m_target.sha = run.headSha;
            checkChart();
            return;
        }
    }
    // Runs are listed newest first: an older build may be further down.
    constexpr int Deepest = 1000;
    const bool older = runs.size() >= limit && !runs.isEmpty() && runs.constLast().runNumber > number;
    if (older && limit < Deepest) {
        m_services->gitHub()
            ->runs(Deepest)
            .then(this, [this](const QList<WorkflowRun> &all) { findRun(all, Deepest); })
            .onFailed(this, [this](const ApiError &error) {
                if (!m_finished)
                    end(PipelineRunner::Outcome::Failed, error);
            });
        return;
    }
    checkChart();
}

void Deployment::checkChart()
{
    if (!proceed())
        return;
    ChartMuseumClient *client = m_services->chartMuseum();
    const bool checksChart = !m_facts.pipelineBuildsChart && m_plan.runs(Step::Kind::ArgoCdSync);
    if (!checksChart || !client || !m_config.chart) {
        judge();
        return;
    }
    client->version(m_config.chart->name, m_target.version)
        .then(this,
              [this](const ChartVersion &) {
                  m_facts.chartInRepository = true;
                  judge();
              })
        .onFailed(this,
                  [this](const ApiError &error) {
                      const bool missing = error.kind() == ApiError::Kind::NotFound ||
                                           (error.kind() == ApiError::Kind::Http && error.status() == 404);
                      if (missing)
                          m_facts.chartInRepository = false;
                      else
                          Q_EMIT warning(tr("Cannot check chart %1 in the chart repository: %2")
                                             .arg(m_target.version, m_context->redact(error).toString()));
                      judge();
                  })
        .onFailed(this, [this] { judge(); });
}

void Deployment::judge()
{
    if (!proceed())
        return;
    m_facts.version = m_target.version;
    m_facts.insideOwnRun = DeployGate::runsInside(m_facts.build, m_environment.value(u"GITHUB_ACTIONS"_s),
                                                  m_environment.value(u"GITHUB_RUN_NUMBER"_s));
    const DeployGate::Verdict verdict = DeployGate::judge(m_facts);
    if (verdict.allowed()) {
        prepareSource();
        return;
    }
    const bool ciReason = verdict.reason != DeployGate::Reason::ChartMissing;
    if (ciReason && m_target.env != u"prod"_s) {
        // dev publishes nothing: it may run the checks of any build, a failed one included.
        prepareSource();
        return;
    }
    if (ciReason && !m_target.ciOverride.isEmpty()) {
        Q_EMIT warning(
            tr("CI gate overridden by %1 (%2): %3").arg(m_target.user, m_target.ciOverride, verdict.message));
        m_overridden = verdict.message;
        prepareSource();
        return;
    }
    refuse(ApiError(ApiError::Kind::Conflict, verdict.message, verdict.hint));
}

void Deployment::prepareSource()
{
    if (!proceed())
        return;
    const bool buildsSomething =
        std::any_of(m_plan.steps.cbegin(), m_plan.steps.cend(), [](const PipelinePlan::Planned &planned) {
            return planned.step.kind != Step::Kind::ArgoCdSync;
        });
    if (!buildsSomething || !m_request.workDirectory.isEmpty()) {
        m_target.source = buildsSomething ? u"worktree"_s : QString();
        collectSecrets();
        return;
    }
    const QString configDirectory =
        m_config.file.isEmpty() ? QDir::currentPath() : QFileInfo(m_config.file).absolutePath();
    if (m_outputDirectory.isEmpty())
        m_outputDirectory = QDir(configDirectory).filePath(u".capstan/out"_s);
    if (m_request.worktree) {
        QFuture<SourceCheckout::TreeState> inspected =
            QtConcurrent::run([configDirectory] { return SourceCheckout::inspect(configDirectory); });
        inspected
            .then(
                this,
                [this, configDirectory](const SourceCheckout::TreeState &state) {
                    if (!proceed())
                        return;
                    m_target.source = u"worktree"_s;
                    m_target.clean = !state.isDirty();
                    if (!state.headSha.isEmpty() && !m_target.sha.isEmpty() && state.headSha != m_target.sha)
                        Q_EMIT warning(tr("The working tree is at %1, build %2 was made from %3")
                                           .arg(state.headSha.left(7), m_target.build, m_target.sha.left(7)));
                    if (m_target.sha.isEmpty())
                        m_target.sha = state.headSha;
                    if (state.isDirty() && m_target.env == u"prod"_s && m_target.dirtyReason.isEmpty()) {
                        const QStringList changes = state.staged + state.modified + state.untracked;
                        refuse(ApiError(ApiError::Kind::Conflict,
                                        tr("The working tree %1 has local changes: %2")
                                            .arg(state.root, changes.mid(0, 5).join(u", "_s)),
                                        tr("Commit them, deploy the build's own commit (without "
                                           "--worktree), or pass --allow-dirty REASON.")));
                        return;
                    }
                    if (state.isDirty())
                        Q_EMIT warning(tr("Running in a working tree with local changes"));
                    m_workDirectory = configDirectory;
                    collectSecrets();
                })
            .onFailed(this, [this, configDirectory](const ApiError &error) {
                if (m_finished)
                    return;
                // Not a git repository: nothing says what the tree holds, so prod needs a reason.
                if (error.kind() != ApiError::Kind::NotFound ||
                    (m_target.env == u"prod"_s && m_target.dirtyReason.isEmpty())) {
                    refuse(error);
                    return;
                }
                Q_EMIT warning(
                    tr("%1 is not in a git repository: running on what it holds").arg(configDirectory));
                m_target.source = u"worktree"_s;
                m_target.clean = false;
                m_workDirectory = configDirectory;
                collectSecrets();
            });
        return;
    }
    if (m_target.sha.isEmpty()) {
        refuse(
            ApiError(ApiError::Kind::NotFound,
                     tr("The commit of build %1 is unknown, so it cannot be checked out").arg(m_target.build),
                     tr("Configure the github section so Capstan finds the build's commit, or run in the "
                        "working tree with --worktree.")));
        return;
    }
    const QString pinned = m_config.pipeline ? m_config.pipeline->source : QString();
    const QString sha = m_target.sha;
    const QString cache = m_sourceCache.isEmpty() ? m_factory->sourceCacheDirectory() : m_sourceCache;
    auto cancelled = [flag = m_cancelFlag] { return flag->load(); };
    struct Prepared
    {
        QString root;
        QString workDirectory;
    };
    QFuture<Prepared> checkedOut =
        QtConcurrent::run([pinned, sha, cache, configDirectory, cancelled]() -> Prepared {
            const QString repository = SourceCheckout::findRepository(configDirectory);
            const QString source = pinned.isEmpty() ? repository : pinned;
            if (source.isEmpty()) {
                throw ApiError(ApiError::Kind::NotFound,
                               Deployment::tr("%1 is in no git repository, so the build's commit cannot be "
                                              "checked out")
                                   .arg(configDirectory),
                               Deployment::tr("Set pipeline.source to the repository's URL, or run in the "
                                              "working tree with --worktree."));
            }
            const SourceCheckout::Result result = SourceCheckout(cache, cancelled).checkout(source, sha);
            // The pipeline runs where capstan.yaml sits inside the repository.
            const QString relative = repository.isEmpty() || !pinned.isEmpty()
                                         ? QString()
                                         : QDir(repository).relativeFilePath(configDirectory);
            const QString work = relative.isEmpty() || relative == u"."_s
                                     ? result.directory
                                     : QDir(result.directory).filePath(relative);
            return {result.directory, work};
        });
    checkedOut
        .then(this,
              [this](const Prepared &prepared) {
                  m_checkout = prepared.root;
                  if (!proceed())
                      return;
                  m_target.source = u"checkout"_s;
                  m_target.clean = true;
                  m_workDirectory = prepared.workDirectory;
                  collectSecrets();
              })
        .onFailed(this, [this](const ApiError &error) {
            if (!m_finished)
                refuse(error);
        });
}

void Deployment::refuse(const ApiError &error)
{
    if (m_finished)
        return;
    try {
        const QString application = m_config.argocd ? m_config.argocd->app : QString();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (m_journalId == 0) {
            m_startedAt = now;
            m_journalId = m_journal->begin(m_target, application, now);
        }
        m_endedAt = now;
        m_journal->finish(m_journalId, u"refused"_s, error.message(), now);
        m_entryFinished = true;
    } catch (const ApiError &journalError) {
        Q_EMIT warning(tr("Cannot write the deploy journal: %1").arg(journalError.toString()));
    }
    end(PipelineRunner::Outcome::Failed, error);
}

void Deployment::noClient(const QString &section)
{
    if (!m_finished)
        end(PipelineRunner::Outcome::Failed,
            ApiError(ApiError::Kind::Config,
                     tr("no client could be made from the %1 section of capstan.yaml").arg(section)));
}

void Deployment::makeContext()
{
    // Paths of capstan.yaml that point into its own directory follow the pipeline into the checkout.
    Config config = m_config;
    const QString configDirectory =
        m_config.file.isEmpty() ? QDir::currentPath() : QFileInfo(m_config.file).absolutePath();
    auto rebase = [&configDirectory](QString &path) {
        if (!QDir::isAbsolutePath(path))
            return;
        const QString relative = QDir(configDirectory).relativeFilePath(path);
        if (!relative.startsWith(u".."_s))
            path = relative;
    };
    if (config.chart && QDir(m_workDirectory) != QDir(configDirectory)) {
        rebase(config.chart->path);
        rebase(config.chart->manifests);
    }
    m_context = std::make_shared<RunContext>(config, m_target, m_workDirectory);
    m_context->setBaseEnvironment(m_environment);
    if (!m_outputDirectory.isEmpty())
        m_context->setOutputDirectory(m_outputDirectory);
    m_context->setServices(m_services);
    // Capstan's own credentials never reach a step, and never its output either.
    const QStringList keys = m_environment.keys();
    for (const QString &key : keys) {
        const QString value = m_environment.value(key);
        if (RunContext::isCapstanCredential(key) && !value.isEmpty())
            m_context->addSecret(value, {}, key);
    }
}

void Deployment::collectSecrets()
{
    if (!proceed())
        return;
    // The target (with its sha) is final now.
    makeContext();

    m_wantedSecrets.clear();
    if (m_services->chartMuseum() && m_config.chartmuseum && !m_config.chartmuseum->username.isEmpty())
        m_wantedSecrets.append({u"chartmuseum"_s, {}, {}});
    if (m_argoCd)
        m_wantedSecrets.append({u"argocd"_s, {}, {}});
    if (m_services->gitHub())
        m_wantedSecrets.append({u"github"_s, {}, {}});
    for (const PipelinePlan::Planned &planned : m_plan.steps) {
        if (planned.step.kind != Step::Kind::Dagger)
            continue;
        for (const QString &secret : planned.step.secrets)
            m_wantedSecrets.append({secret, secret, planned.step.name});
    }
    readSecret(0);
}

void Deployment::readSecret(qsizetype index)
{
    if (!proceed())
        return;
    if (index >= m_wantedSecrets.size()) {
        const QStringList unredacted = m_context->unredactedSecrets();
        for (const QString &name : unredacted)
            Q_EMIT warning(tr("the secret %1 is shorter than %2 characters and cannot be redacted reliably")
                               .arg(name)
                               .arg(Redactor::MinimumLength));
        openJournal();
        return;
    }
    const WantedSecret item = m_wantedSecrets.at(index);
    if (!item.variable.isEmpty()) {
        const QString value = m_environment.value(item.variable);
        if (!value.isEmpty()) {
            m_context->addSecret(value, item.variable, item.name);
            readSecret(index + 1);
            return;
        }
    }
    CredentialStore *store = m_factory->credentials();
    if (!store) {
        readSecret(index + 1);
        return;
    }
    store->read(item.name)
        .then(this,
              [this, item, index](const QString &value) {
                  if (!value.isEmpty())
                      m_context->addSecret(value, item.variable, item.name);
                  readSecret(index + 1);
              })
        .onFailed(this, [this, item, index](const ApiError &error) {
            if (item.step.isEmpty()) {
                readSecret(index + 1); // the client authenticated some other way
                return;
            }
            end(PipelineRunner::Outcome::Failed,
                ApiError(ApiError::Kind::Credentials,
                         tr("The secret %1 of step %2 is neither in the environment nor in the credential "
                            "store (%3)")
                             .arg(item.name, item.step, error.message()),
                         tr("Set the environment variable %1, or run `capstan --cli credentials set %1`.")
                             .arg(item.name)));
        });
}

void Deployment::openJournal()
{
    if (!proceed())
        return;
    try {
        m_journal->updateSource(m_journalId, m_target);
    } catch (const ApiError &error) {
        ApiError wrapped = error;
        wrapped.prependContext(tr("Cannot write the deploy journal"));
        end(PipelineRunner::Outcome::Failed, wrapped);
        return;
    }
    if (!m_target.ciOverride.isEmpty() && !m_overridden.isEmpty())
        record(u"ci-override"_s, m_target.ciOverride, u"succeeded"_s, m_overridden);
    if (!m_target.dirtyReason.isEmpty() && !m_target.clean)
        record(u"dirty-tree"_s, m_target.dirtyReason, u"succeeded"_s,
               tr("deploy %1 ran in a working tree with local changes").arg(m_target.version));
    acquireLock();
}

bool Deployment::abandoned(const ArgoApplication::DeployLock &lock) const
{
    const auto deploy = DeployLock::parseDeployId(lock.deploy);
    if (!deploy)
        return false;
    try {
        const std::optional<DeployJournal::Entry> entry = m_journal->entry(deploy->first);
        return entry && entry->pid == deploy->second && entry->host == QSysInfo::machineHostName() &&
               !entry->outcome.isEmpty();
    } catch (const ApiError &) {
        return false;
    }
}

void Deployment::acquireLock()
{
    if (!proceed())
        return;
    if (m_target.env != u"prod"_s || !m_argoCd) {
        beginRun();
        return;
    }
    try {
        // A deploy of ours that was killed leaves an entry without an outcome: it is marked interrupted,
        // so the lock it left counts as abandoned.
        const QList<DeployJournal::Entry> interrupted = m_journal->recoverInterrupted();
        for (const DeployJournal::Entry &entry : interrupted)
            Q_EMIT warning(tr("Deploy #%1 of %2 was interrupted").arg(entry.id).arg(entry.target.version));
    } catch (const ApiError &error) {
        Q_EMIT warning(tr("Cannot read the deploy journal: %1").arg(error.toString()));
    }
    DeployLock::Request request;
    request.holder = m_target.user;
    request.reason = tr("deploy %1 (%2)").arg(m_target.version, m_target.env);
    if (!m_request.reason.trimmed().isEmpty())
        request.reason += u": "_s + m_request.reason.trimmed();
    request.deploy = DeployLock::deployId(m_journalId, QCoreApplication::applicationPid());
    request.staleAfterMs =
        m_config.argocd ? m_config.argocd->lockStaleAfterMs : DeployLock::DefaultStaleAfterMs;
    if (m_plan.runs(Step::Kind::ArgoCdSync))
        request.target = m_target.version;
    request.abandoned = [this](const ArgoApplication::DeployLock &lock) { return abandoned(lock); };
    if (!m_target.ciOverride.isEmpty()) {
        const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        request.keep = {
            {CiOverrideAnnotation,
             u"%1 at %2 for %3: %4"_s.arg(m_target.user, at, m_target.version, m_target.ciOverride)}};
    }
    DeployLock::acquire(m_argoCd, request)
        .then(this,
              [this](const DeployLock::Taken &taken) {
                  m_lockHeld = true;
                  if (taken.replaced) {
                      const QString message = tr("Released the lock left by %1, whose deploy has ended")
                                                  .arg(DeployLock::describe(*taken.replaced));
                      Q_EMIT warning(message);
                      record(u"lock-release"_s, tr("the deploy holding it had ended"), u"succeeded"_s,
                             message);
                  }
                  if (taken.unvalidated) {
                      const QString message =
                          tr("Argo CD cannot render the application's current source, so the lock and the "
                             "target %1 were set in one update with validation skipped")
                              .arg(m_target.version);
                      Q_EMIT warning(message);
                      record(u"lock-take"_s, tr("fix-forward of an application Argo CD cannot render"),
                             u"succeeded"_s, message);
                  }
                  beginRun();
              })
        .onFailed(this,
                  [this](const ApiError &error) {
                      if (m_finished)
                          return;
                      if (m_cancelled) {
                          end(PipelineRunner::Outcome::Cancelled, error);
                          return;
                      }
                      refuse(error);
                  })
        .onFailed(this, [this] {
            if (!m_finished)
                refuse(ApiError(ApiError::Kind::Failed, tr("Cannot take the deploy lock")));
        });
}

void Deployment::beat()
{
    if (!m_lockHeld || !m_argoCd || m_finished)
        return;
    DeployLock::heartbeat(m_argoCd, m_target.user,
                          DeployLock::deployId(m_journalId, QCoreApplication::applicationPid()))
        .then(this, [](const ArgoApplication &) {})
        .onFailed(this, [this](const ApiError &error) {
            Q_EMIT warning(
                tr("Cannot renew the deploy lock's heartbeat: %1").arg(m_context->redact(error).toString()));
        });
}

void Deployment::record(const QString &kind, const QString &reason, const QString &outcome,
                        const QString &message)
{
    DeployJournal::Action action;
    action.kind = kind;
    action.application = m_config.argocd ? m_config.argocd->app : QString();
    action.user = m_target.user;
    action.reason = reason;
    action.outcome = outcome;
    action.message = message; // Capstan's words; server words in it are redacted by the caller
    action.deploy = m_journalId;
    try {
        m_journal->record(action);
    } catch (const ApiError &error) {
        Q_EMIT warning(tr("Cannot write the deploy journal: %1").arg(error.toString()));
    }
}

void Deployment::beginRun()
{
    if (!proceed())
        return;
    if (m_lockHeld) {
        m_heartbeat = new QTimer(this);
        m_heartbeat->setInterval(m_heartbeatMs);
        connect(m_heartbeat, &QTimer::timeout, this, &Deployment::beat);
        m_heartbeat->start();
    }
    m_runner = new PipelineRunner(m_plan, m_context, this);
    connect(m_runner, &PipelineRunner::stepStarted, this, &Deployment::onStepStarted);
    connect(m_runner, &PipelineRunner::stepOutput, this, &Deployment::stepOutput);
    connect(m_runner, &PipelineRunner::stepFinished, this, &Deployment::onStepFinished);
    connect(m_runner, &PipelineRunner::finished, this, &Deployment::onRunFinished);
    Q_EMIT started();
    if (m_cancelled) {
        // cancel() from a slot of started(): the runner ends every step as cancelled.
        m_runner->start();
        m_runner->cancel();
        return;
    }
    m_runner->start();
}

void Deployment::onStepStarted(const QString &step)
{
    try {
        m_journal->stepStarted(m_journalId, step, stageOf(step), QDateTime::currentDateTimeUtc());
    } catch (const ApiError &error) {
        Q_EMIT warning(tr("Cannot write the deploy journal: %1").arg(error.toString()));
    }
    Q_EMIT stepStarted(step);
}

void Deployment::onStepFinished(const QString &step, const StepResult &result)
{
    try {
        m_journal->stepFinished(m_journalId, step, stageOf(step), result);
    } catch (const ApiError &error) {
        Q_EMIT warning(tr("Cannot write the deploy journal: %1").arg(error.toString()));
    }
    Q_EMIT stepFinished(step, result);
}

void Deployment::onRunFinished(PipelineRunner::Outcome outcome)
{
    std::optional<ApiError> error;
    QString message;
    if (outcome == PipelineRunner::Outcome::Failed) {
        for (const PipelinePlan::Planned &planned : m_plan.steps) {
            const StepResult result = m_runner->result(planned.step.name);
            if (result.status == StepResult::Status::Failed) {
                message = tr("step %1 failed: %2").arg(planned.step.name, result.message);
                break;
            }
        }
        if (message.isEmpty())
            message = tr("the deploy failed");
        error = ApiError(ApiError::Kind::Failed, message);
    } else if (outcome == PipelineRunner::Outcome::Cancelled) {
        message = tr("cancelled");
    }
    try {
        m_entryFinished = true;
        m_endedAt = QDateTime::currentDateTimeUtc();
        m_journal->finish(m_journalId, PipelineRunner::outcomeName(outcome), message, m_endedAt);
    } catch (const ApiError &journalError) {
        Q_EMIT warning(tr("Cannot write the deploy journal: %1").arg(journalError.toString()));
    }
    end(outcome, error);
}

void Deployment::end(PipelineRunner::Outcome outcome, const std::optional<ApiError> &error)
{
    if (m_finished)
        return;
    if (m_heartbeat)
        m_heartbeat->stop();
    if (m_journalId != 0 && !m_entryFinished) {
        // Ended before the run (no client, GitHub unreachable, cancelled, ...): the entry says how.
        m_entryFinished = true;
        m_endedAt = QDateTime::currentDateTimeUtc();
        try {
            m_journal->finish(m_journalId, PipelineRunner::outcomeName(outcome),
                              error ? error->message() : QString(), m_endedAt);
        } catch (const ApiError &journalError) {
            Q_EMIT warning(tr("Cannot write the deploy journal: %1").arg(journalError.toString()));
        }
    }
    if (!m_lockHeld || !m_argoCd) {
        emitFinished(outcome, error);
        return;
    }
    m_lockHeld = false;
    m_finished = true; // no second end() while the release runs
    DeployLock::release(m_argoCd, m_target.user)
        .then(this, [this, outcome, error](const ArgoApplication &) { emitFinished(outcome, error); })
        .onFailed(
            this,
            [this, outcome, error](const ApiError &releaseError) {
                // The journal shows this deploy as ended, so the next deploy of this user on this host
                // releases the lock; anyone else sees it go stale.
                Q_EMIT warning(
                    tr("Cannot release the deploy lock: %1").arg(m_context->redact(releaseError).toString()));
                record(u"lock-release"_s, tr("end of deploy"), u"failed"_s,
                       m_context->redact(releaseError).toString());
                emitFinished(outcome, error);
            })
        .onFailed(this, [this, outcome, error] {
            Q_EMIT warning(tr("Cannot release the deploy lock"));
            emitFinished(outcome, error);
        });
}

qint64 Deployment::durationMs() const
{
    if (m_startedAt.isValid())
        return m_startedAt.msecsTo(m_endedAt.isValid() ? m_endedAt : QDateTime::currentDateTimeUtc());
    return m_clock.isValid() ? m_clock.elapsed() : 0;
}

void Deployment::emitFinished(PipelineRunner::Outcome outcome, const std::optional<ApiError> &error)
{
    m_finished = true;
    if (!m_checkout.isEmpty()) {
        QDir(m_checkout).removeRecursively();
        m_checkout.clear();
    }
    // The server's words are redacted; the message and hint are Capstan's own.
    std::optional<ApiError> redacted = error;
    if (redacted && m_context)
        redacted = m_context->redact(*redacted);
    Q_EMIT finished(outcome, redacted, durationMs());
}

void Deployment::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_cancelFlag->store(true);
    if (m_runner) {
        m_runner->cancel();
        return;
    }
    if (!m_starting) {
        m_starting = true;
        end(PipelineRunner::Outcome::Cancelled, std::nullopt);
    }
    // Otherwise the pending start step sees m_cancelled and ends the deploy.
}

} // namespace capstan
