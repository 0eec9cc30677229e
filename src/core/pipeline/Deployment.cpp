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

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString buildVariable = u"{build}"_s;

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
    if (!request.workDirectory.isEmpty())
        m_workDirectory = request.workDirectory;
    else if (!config.file.isEmpty())
        m_workDirectory = QFileInfo(config.file).absolutePath();
    else
        m_workDirectory = QDir::currentPath();
}

Deployment::~Deployment()
{
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
        this, [this] { fetchClients(); }, Qt::QueuedConnection);
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
    if (needs(Step::Kind::ChartMuseumPush) && !m_services->chartMuseum()) {
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
    const bool dispatches = needs(Step::Kind::GitHubDispatch);
    if ((dispatches || m_config.github) && !m_services->gitHub()) {
        m_factory->gitHub(m_config)
            .then(this,
                  [this](GitHubClient *client) {
                      m_services->setGitHub(client);
                      if (!client)
                          return noClient(u"github"_s);
                      fetchSha();
                  })
            .onFailed(this,
                      [this, dispatches, fail](const ApiError &error) {
                          if (dispatches) {
                              fail(error);
                              return;
                          }
                          Q_EMIT warning(tr("No commit sha for build %1: %2")
                                             .arg(m_target.build, m_context->redact(error).toString()));
                          collectSecrets();
                      })
            .onFailed(this, failOther);
        return;
    }
    fetchSha();
}

void Deployment::fetchSha()
{
    if (!proceed())
        return;
    GitHubClient *client = m_services->gitHub();
    if (!client || m_target.build.isEmpty()) {
        collectSecrets();
        return;
    }
    const int build = m_target.build.toInt();
    client->runs(100)
        .then(this,
              [this, build](const QList<WorkflowRun> &runs) {
                  for (const WorkflowRun &run : runs) {
                      if (run.runNumber == build) {
                          m_target.sha = run.headSha;
                          break;
                      }
                  }
                  if (m_target.sha.isEmpty())
                      Q_EMIT warning(
                          tr("No commit sha for build %1: GitHub lists no such run of the workflow")
                              .arg(m_target.build));
                  collectSecrets();
              })
        .onFailed(this,
                  [this](const ApiError &error) {
                      Q_EMIT warning(tr("No commit sha for build %1: %2")
                                         .arg(m_target.build, m_context->redact(error).toString()));
                      collectSecrets();
                  })
        .onFailed(this, [this] {
            Q_EMIT warning(tr("No commit sha for build %1").arg(m_target.build));
            collectSecrets();
        });
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
    m_context = std::make_shared<RunContext>(m_config, m_target, m_workDirectory);
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
        acquireLock();
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

void Deployment::acquireLock()
{
    if (!proceed())
        return;
    if (m_target.env != u"prod"_s || !m_argoCd) {
        beginRun();
        return;
    }
    QString reason = tr("deploy %1 (%2)").arg(m_target.version, m_target.env);
    if (!m_request.reason.trimmed().isEmpty())
        reason += u": "_s + m_request.reason.trimmed();
    DeployLock::acquire(m_argoCd, m_target.user, reason)
        .then(this,
              [this](const ArgoApplication &) {
                  m_lockHeld = true;
                  beginRun();
              })
        .onFailed(this,
                  [this](const ApiError &error) {
                      if (!m_finished)
                          end(m_cancelled ? PipelineRunner::Outcome::Cancelled
                                          : PipelineRunner::Outcome::Failed,
                              error);
                  })
        .onFailed(this, [this] {
            if (!m_finished)
                end(PipelineRunner::Outcome::Failed,
                    ApiError(ApiError::Kind::Failed, tr("Cannot take the deploy lock")));
        });
}

void Deployment::beginRun()
{
    if (!proceed())
        return;
    try {
        const QString application = m_config.argocd ? m_config.argocd->app : QString();
        m_journalId = m_journal->begin(m_target, application, QDateTime::currentDateTimeUtc());
    } catch (const ApiError &error) {
        ApiError wrapped = error;
        wrapped.prependContext(tr("Cannot write the deploy journal"));
        end(PipelineRunner::Outcome::Failed, wrapped);
        return;
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
        m_journal->finish(m_journalId, PipelineRunner::outcomeName(outcome), message,
                          QDateTime::currentDateTimeUtc());
    } catch (const ApiError &journalError) {
        Q_EMIT warning(tr("Cannot write the deploy journal: %1").arg(journalError.toString()));
    }
    end(outcome, error);
}

void Deployment::end(PipelineRunner::Outcome outcome, const std::optional<ApiError> &error)
{
    if (m_finished)
        return;
    if (!m_lockHeld || !m_argoCd) {
        emitFinished(outcome, error);
        return;
    }
    m_lockHeld = false;
    m_finished = true; // no second end() while the release runs
    DeployLock::release(m_argoCd, m_target.user)
        .then(this, [this, outcome, error](const ArgoApplication &) { emitFinished(outcome, error); })
        .onFailed(this,
                  [this, outcome, error](const ApiError &releaseError) {
                      Q_EMIT warning(tr("Cannot release the deploy lock: %1").arg(releaseError.toString()));
                      emitFinished(outcome, error);
                  })
        .onFailed(this, [this, outcome, error] {
            Q_EMIT warning(tr("Cannot release the deploy lock"));
            emitFinished(outcome, error);
        });
}

void Deployment::emitFinished(PipelineRunner::Outcome outcome, const std::optional<ApiError> &error)
{
    m_finished = true;
    // The server's words are redacted; the message and hint are Capstan's own.
    std::optional<ApiError> redacted = error;
    if (redacted && m_context)
        redacted = m_context->redact(*redacted);
    Q_EMIT finished(outcome, redacted, m_clock.isValid() ? m_clock.elapsed() : 0);
}

void Deployment::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
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
