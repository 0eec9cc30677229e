#include "Sandbox.h"

#include "HomelabHistory.h"
#include "SampleRepositoryHistory.h"
#include "SandboxSeeder.h"
#include "argocd/ArgoCdServer.h"
#include "chartmuseum/ChartMuseumServer.h"
#include "github/GitHubServer.h"

#include "config/ConfigError.h"
#include "config/ConfigLoader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

class Sandbox::Private
{
public:
    Options options;
    std::unique_ptr<QTemporaryDir> temporary;
    QString directory;
    std::unique_ptr<ChartMuseumServer> chartMuseum;
    std::unique_ptr<ArgoCdServer> argoCd;
    std::unique_ptr<GitHubServer> gitHub;
    QString password;
    QString argoCdToken;
    QString gitHubToken;
    std::optional<Config> sampleRepo; // the pipeline and chart of the sample repository a deploy runs on

    bool startArgoCd(const QString &chartDirectory, const HomelabHistory &history, QString *error);
    // One CI run per entry of `runs`, each on the commit of `shas` at the same index.
    bool startGitHub(const QList<HomelabHistory::Run> &runs, const QStringList &shas, QString *error);
    QList<HomelabHistory::Run> laterRuns() const; // options.extraRuns green runs after the story
    QString filePath(const QString &name) const { return QDir(directory).filePath(name); }
};

namespace {

QString randomPassword()
{
    static constexpr char16_t alphabet[] = u"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    constexpr qsizetype alphabetSize = sizeof(alphabet) / sizeof(alphabet[0]) - 1;
    QString password;
    for (int i = 0; i < 24; ++i)
        password.append(QChar(alphabet[QRandomGenerator::system()->bounded(int(alphabetSize))]));
    return password;
}

// The versions of `chart` the sandbox ChartMuseum stores, read from its storage as Argo CD's repo server
// would read the repository index.
QStringList storedVersions(const QString &directory, const QString &chart)
{
    QStringList versions;
    const QString prefix = chart + u'-';
    const QStringList files = QDir(directory).entryList({prefix + u"*.tgz"_s}, QDir::Files);
    for (const QString &file : files) {
        const QString version = file.mid(prefix.size()).chopped(4);
        if (!version.isEmpty() && version.front().isDigit())
            versions.append(version);
    }
    return versions;
}

// Writes the embedded sample repository (tests/data/sample-repo) into `target`, scripts executable.
bool writeSampleRepo(const QString &target, QString *error)
{
    const QString root = u":/sandbox/sample-repo"_s;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int written = 0;
    while (it.hasNext()) {
        const QString source = it.next();
        const QString destination = target + source.mid(root.size());
        QDir().mkpath(QFileInfo(destination).absolutePath());
        QFile::remove(destination);
        if (!QFile::copy(source, destination)) {
            *error = Sandbox::tr("cannot write %1").arg(destination);
            return false;
        }
        QFile::Permissions permissions =
            QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
        if (destination.endsWith(u".sh"_s))
            permissions |= QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
        QFile::setPermissions(destination, permissions);
        ++written;
    }
    if (written == 0) {
        *error = Sandbox::tr("the sample repository is not built into this binary");
        return false;
    }
    return true;
}

} // namespace

bool Sandbox::Private::startArgoCd(const QString &chartDirectory, const HomelabHistory &history,
                                   QString *error)
{
    ArgoCdServer::Options options;
    options.password = randomPassword();
    options.operationMs = this->options.quick ? 300 : 1500;
    options.progressMs = this->options.quick ? 300 : 2500;
    options.reconcileMs = this->options.quick ? 50 : 200;
    options.loginDelayMs = 500;
    if (!this->options.argoCdToken.isEmpty())
        options.tokens = {this->options.argoCdToken};
    options.chartVersions = [chartDirectory](const QString &, const QString &chart) {
        return storedVersions(chartDirectory, chart);
    };
    auto server = std::make_unique<ArgoCdServer>(options);
    if (!server->listen(0, error))
        return false;
    ArgoCdServer::AppSeed app;
    app.name = u"torvalds"_s;
    app.repoUrl = chartMuseum->url().toString();
    app.chart = u"torvalds"_s;
    app.destinationNamespace = u"torvalds"_s;
    app.autoSync = true;
    for (const HomelabHistory::Deployment &deployment : history.deployments())
        app.history.append({history.chartVersion(deployment.run), deployment.deployedAt});
    app.targetRevision = app.history.isEmpty() ? u"*"_s : app.history.constLast().first;
    server->addApplication(app);
    argoCdToken =
        this->options.argoCdToken.isEmpty() ? server->issueToken(u"admin"_s) : this->options.argoCdToken;
    argoCd = std::move(server);
    return true;
}

bool Sandbox::Private::startGitHub(const QList<HomelabHistory::Run> &runs, const QStringList &shas,
                                   QString *error)
{
    GitHubServer::Options serverOptions;
    serverOptions.repo = u"homelab/torvalds"_s;
    gitHubToken = options.gitHubToken.isEmpty() ? u"ghp_"_s + randomPassword() : options.gitHubToken;
    serverOptions.token = gitHubToken;
    auto server = std::make_unique<GitHubServer>(serverOptions);
    if (!server->listen(0, error))
        return false;
    QList<GitHubServer::CommitSeed> commits;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const HomelabHistory::Run &run = runs.at(i);
        GitHubServer::CommitSeed commit;
        // The sample repository's real commit, so a deploy can check out what the run built.
        commit.sha = i < shas.size() ? shas.at(i) : HomelabHistory::commitSha(run.number);
        commit.message = run.message;
        commit.authorName = run.authorName;
        commit.authorLogin = run.authorLogin;
        commit.authorEmail = run.authorLogin + u"@users.noreply.example"_s;
        commit.time = run.created.addSecs(-120);
        commits.append(commit);
    }
    const QStringList seeded = server->addCommits(commits);
    for (qsizetype i = 0; i < runs.size() && i < seeded.size(); ++i) {
        const HomelabHistory::Run &run = runs.at(i);
        GitHubServer::RunSeed seed;
        seed.runNumber = run.number;
        seed.headSha = seeded.at(i);
        seed.status = run.status;
        seed.conclusion = run.conclusion;
        seed.createdAt = run.created;
        server->addRun(seed);
    }
    gitHub = std::move(server);
    return true;
}

QList<HomelabHistory::Run> Sandbox::Private::laterRuns() const
{
    // Later runs than the story's, all green, each on a commit of its own: builds to deploy again and again.
    QList<HomelabHistory::Run> later;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 1; i <= options.extraRuns; ++i) {
        HomelabHistory::Run run;
        run.number = HomelabHistory::LastRun + i;
        run.created = now.addSecs(-300 + i);
        run.status = u"completed"_s;
        run.conclusion = u"success"_s;
        run.message = u"Soak change %1"_s.arg(i);
        run.authorName = u"Ada Brandt"_s;
        run.authorLogin = u"abrandt"_s;
        later.append(run);
    }
    return later;
}

Sandbox::Sandbox(QObject *parent)
    : Sandbox(Options(), parent)
{}

Sandbox::Sandbox(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = std::move(options);
}

Sandbox::~Sandbox() = default;

bool Sandbox::start(QString *error)
{
    if (d->chartMuseum) {
        if (error)
            *error = tr("The sandbox is already running.");
        return false;
    }
    std::optional<FaultInjector::Profile> faults = d->options.faults;
    if (!faults) {
        QString faultError;
        faults = FaultInjector::Profile::parse(
            qEnvironmentVariable(FaultInjector::EnvironmentVariable.data()), &faultError);
        if (!faults) {
            if (error)
                *error = tr("%1: %2").arg(FaultInjector::EnvironmentVariable, faultError);
            return false;
        }
    }
    if (d->options.directory.isEmpty()) {
        d->temporary = std::make_unique<QTemporaryDir>();
        if (!d->temporary->isValid()) {
            if (error)
                *error = tr("Could not create a temporary directory for the sandbox: %1")
                             .arg(d->temporary->errorString());
            return false;
        }
        d->directory = d->temporary->path();
    } else {
        d->directory = QDir(d->options.directory).absolutePath();
        if (!QDir().mkpath(d->directory)) {
            if (error)
                *error = tr("Could not create the sandbox directory %1").arg(d->directory);
            return false;
        }
    }
    const HomelabHistory history;
    QString serverError;
    // The sample repository first: its commits are what the story's CI runs built.
    const QString repo = sampleRepository();
    QDir(repo).removeRecursively(); // a sandbox directory kept from an earlier start gets a fresh history
    if (!writeSampleRepo(repo, &serverError)) {
        if (error)
            *error = tr("Could not write the sandbox's sample repository: %1").arg(serverError);
        return false;
    }
    const QList<HomelabHistory::Run> runs = history.runs() + d->laterRuns();
    const QStringList shas = SampleRepositoryHistory::write(repo, runs, &serverError);
    if (shas.isEmpty()) {
        if (error)
            *error =
                tr("Could not write the history of the sandbox's sample repository: %1").arg(serverError);
        return false;
    }
    QHash<int, QString> runShas;
    for (qsizetype i = 0; i < runs.size() && i < shas.size(); ++i)
        runShas.insert(runs.at(i).number, shas.at(i));
    const QString charts = d->filePath(u"chartmuseum"_s);
    const SandboxSeeder::Result seeded = SandboxSeeder::seedHomelab(charts, runShas);
    if (!seeded.error.isEmpty()) {
        if (error)
            *error = tr("Could not seed the sandbox charts: %1").arg(seeded.error);
        return false;
    }
    d->password =
        d->options.chartMuseumPassword.isEmpty() ? randomPassword() : d->options.chartMuseumPassword;
    ChartMuseumServer::Options options;
    options.storageDirectory = charts;
    options.basicUser = u"admin"_s;
    options.basicPassword = d->password;
    auto server = std::make_unique<ChartMuseumServer>(options);
    QString listenError;
    if (!server->listen(0, &listenError)) {
        if (error)
            *error = tr("Could not start the sandbox ChartMuseum: %1").arg(listenError);
        return false;
    }
    d->chartMuseum = std::move(server);

    if (!d->startArgoCd(charts, history, &serverError)) {
        if (error)
            *error = tr("Could not start the sandbox Argo CD: %1").arg(serverError);
        return false;
    }
    if (!d->startGitHub(runs, shas, &serverError)) {
        if (error)
            *error = tr("Could not start the sandbox GitHub: %1").arg(serverError);
        return false;
    }
    // One profile, three sequences: with a seed, each server draws from its own.
    const auto salted = [&faults](quint32 salt) {
        FaultInjector::Profile profile = *faults;
        if (profile.seed != 0)
            profile.seed += salt;
        return profile;
    };
    d->chartMuseum->setFaultProfile(salted(0));
    d->argoCd->setFaultProfile(salted(1));
    d->gitHub->setFaultProfile(salted(2));
    ConfigError configError;
    d->sampleRepo = ConfigLoader::loadFile(QDir(repo).filePath(u"capstan.yaml"_s), &configError);
    if (!d->sampleRepo) {
        if (error)
            *error = tr("The sandbox's sample repository does not load: %1").arg(configError.toString());
        return false;
    }
    return true;
}

QString Sandbox::directory() const
{
    return d->directory;
}

QString Sandbox::sampleRepository() const
{
    return d->filePath(u"sample-repo"_s);
}

Config Sandbox::config() const
{
    Config config;
    if (d->sampleRepo) {
        config.file = d->sampleRepo->file;
        config.pipeline = d->sampleRepo->pipeline;
        config.chart = d->sampleRepo->chart;
        if (config.chart && !config.chart->path.isEmpty())
            config.chart->path = QFileInfo(config.file).dir().filePath(config.chart->path);
        if (config.chart && !config.chart->manifests.isEmpty())
            config.chart->manifests = QFileInfo(config.file).dir().filePath(config.chart->manifests);
    }
    if (d->chartMuseum) {
        Config::ChartMuseum chartMuseum;
        chartMuseum.url = d->chartMuseum->url();
        chartMuseum.username = u"admin"_s;
        config.chartmuseum = chartMuseum;
        Config::Chart chart = config.chart.value_or(Config::Chart());
        chart.name = u"torvalds"_s;
        config.chart = chart;
    }
    if (d->argoCd) {
        Config::ArgoCd argoCd;
        argoCd.url = d->argoCd->url();
        argoCd.app = u"torvalds"_s;
        argoCd.username = u"admin"_s;
        config.argocd = argoCd;
    }
    if (d->gitHub) {
        Config::GitHub gitHub;
        gitHub.url = d->gitHub->url();
        gitHub.repo = u"homelab/torvalds"_s;
        gitHub.workflow = u"ci.yml"_s;
        config.github = gitHub;
    }
    return config;
}

QProcessEnvironment Sandbox::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The sandbox's deploys go to a journal of its own, gone with the sandbox.
    environment.insert(u"CAPSTAN_JOURNAL"_s, d->filePath(u"journal.sqlite"_s));
    // The sample checks take a moment, as real ones do, so a sandbox deploy can be watched step by step.
    if (!environment.contains(u"SAMPLE_SLEEP"_s))
        environment.insert(u"SAMPLE_SLEEP"_s, u"1.5"_s);
    if (d->chartMuseum)
        environment.insert(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s, d->password);
    if (d->argoCd)
        environment.insert(u"CAPSTAN_ARGOCD_TOKEN"_s, d->argoCdToken);
    if (d->gitHub)
        environment.insert(u"CAPSTAN_GITHUB_TOKEN"_s, d->gitHubToken);
    return environment;
}

ChartMuseumServer *Sandbox::chartMuseum() const
{
    return d->chartMuseum.get();
}

ArgoCdServer *Sandbox::argoCd() const
{
    return d->argoCd.get();
}

GitHubServer *Sandbox::gitHub() const
{
    return d->gitHub.get();
}

} // namespace capstan
