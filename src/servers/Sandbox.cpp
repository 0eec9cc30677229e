#include "Sandbox.h"

#include "HomelabHistory.h"
#include "SampleRepositoryHistory.h"
#include "SandboxSeeder.h"
#include "argocd/ArgoCdServer.h"
#include "chartmuseum/ChartMuseumServer.h"
#include "github/GitHubServer.h"

#include "config/ConfigError.h"
#include "config/ConfigLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QSaveFile>
#include <QTimer>

#include <QRandomGenerator>

#include <QTemporaryDir>
#include <algorithm>

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
    std::unique_ptr<QLockFile> lock;  // keepState: one process at a time owns the directory
    QTimer saveTimer;
    bool resumed = false;
    bool attached = false; // the servers are another process's: this one only talks to them
    QUrl chartMuseumUrl;
    QUrl argoCdUrl;
    QUrl gitHubUrl;
    QDateTime story; // the "now" the story was told at: its runs, charts and deployments are that old
    QStringList shas;

    // The state an earlier start left (sandbox.json); nullopt when there is none.
    std::optional<QJsonObject> readState(QString *error) const;
    bool saveState(QString *error) const;
    // The running servers and their secrets, for other Capstan processes on the same sandbox (owner only).
    bool writeServers(QString *error) const;
    // Takes the servers of the process that owns the directory; false when it published none.
    bool attach(qint64 owner);
    // keepState: takes the directory and decides between resuming and a fresh story.
    bool prepareDirectory(std::optional<QJsonObject> *state, QString *error);
    // `saved`: Argo CD's state from an earlier start, when its ChartMuseum was at `savedChartMuseum`.
    bool startArgoCd(const QString &chartDirectory, const HomelabHistory &history, const QJsonObject &saved,
                     const QString &savedChartMuseum, QString *error);
    // One CI run per entry of `runs`, each on the commit of `shas` at the same index.
    bool startGitHub(const QList<HomelabHistory::Run> &runs, const QStringList &shas, QString *error);
    QList<HomelabHistory::Run> laterRuns() const; // options.extraRuns green runs after the story
    QString filePath(const QString &name) const { return QDir(directory).filePath(name); }
};

namespace {

constexpr int StateFormat = 1;
const QString StateFile = u"sandbox.json"_s;
const QString LockFile = u"sandbox.lock"_s;
const QString ServersFile = u"servers.json"_s;

// Nothing but what a sandbox may leave before its state is first written.
bool holdsNothing(const QString &directory)
{
    const QStringList entries =
        QDir(directory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    return std::all_of(entries.begin(), entries.end(),
                       [](const QString &entry) { return entry == LockFile || entry.startsWith(LockFile); });
}

bool clearDirectory(const QString &directory)
{
    bool ok = true;
    const QFileInfoList entries =
        QDir(directory).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName().startsWith(LockFile))
            continue;
        ok = (entry.isDir() && !entry.isSymLink() ? QDir(entry.filePath()).removeRecursively()
                                                  : QFile::remove(entry.filePath())) &&
             ok;
    }
    return ok;
}

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
                                   const QJsonObject &saved, const QString &savedChartMuseum, QString *error)
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
    argoCdToken =
        this->options.argoCdToken.isEmpty() ? server->issueToken(u"admin"_s) : this->options.argoCdToken;
    if (!saved.isEmpty()) {
        // The applications point at the ChartMuseum of the earlier start; this one listens elsewhere.
        QByteArray json = QJsonDocument(saved).toJson(QJsonDocument::Compact);
        if (!savedChartMuseum.isEmpty())
            json.replace(savedChartMuseum.toUtf8(), chartMuseum->url().toString().toUtf8());
        if (!server->restoreState(QJsonDocument::fromJson(json).object(), error))
            return false;
        argoCd = std::move(server);
        return true;
    }
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
    const QDateTime now = story;
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

Sandbox::~Sandbox()
{
    if (d->options.keepState && d->argoCd) {
        QString error;
        if (!d->saveState(&error))
            qWarning("%s", qPrintable(error));
        QFile::remove(d->filePath(ServersFile));
    }
}

bool Sandbox::start(QString *error)
{
    if (d->chartMuseum || d->attached) {
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
    std::optional<QJsonObject> state;
    if (d->options.keepState && !d->prepareDirectory(&state, error))
        return false;
    if (d->attached) {
        ConfigError configError;
        d->sampleRepo =
            ConfigLoader::loadFile(QDir(sampleRepository()).filePath(u"capstan.yaml"_s), &configError);
        if (!d->sampleRepo) {
            if (error)
                *error = tr("The sandbox's sample repository does not load: %1").arg(configError.toString());
            return false;
        }
        d->resumed = true;
        return true;
    }
    d->resumed = state.has_value();
    d->story = d->resumed ? QDateTime::fromString(state->value(u"story"_s).toString(), Qt::ISODateWithMs)
                          : QDateTime::currentDateTimeUtc();
    const HomelabHistory history(d->story);
    QString serverError;
    const QString repo = sampleRepository();
    const QList<HomelabHistory::Run> runs = history.runs() + d->laterRuns();
    const QString charts = d->filePath(u"chartmuseum"_s);
    if (d->resumed) {
        for (const QJsonValue &sha : state->value(u"shas"_s).toArray())
            d->shas.append(sha.toString());
    } else {
        // The sample repository first: its commits are what the story's CI runs built.
        QDir(repo).removeRecursively(); // a sandbox directory kept from an earlier start gets a fresh history
        if (!writeSampleRepo(repo, &serverError)) {
            if (error)
                *error = tr("Could not write the sandbox's sample repository: %1").arg(serverError);
            return false;
        }
        d->shas = SampleRepositoryHistory::write(repo, runs, &serverError);
        if (d->shas.isEmpty()) {
            if (error)
                *error =
                    tr("Could not write the history of the sandbox's sample repository: %1").arg(serverError);
            return false;
        }
        QDir(charts).removeRecursively();
        const SandboxSeeder::Result seeded = SandboxSeeder::seedHomelab(charts);
        if (!seeded.error.isEmpty()) {
            if (error)
                *error = tr("Could not seed the sandbox charts: %1").arg(seeded.error);
            return false;
        }
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
    d->chartMuseumUrl = d->chartMuseum->url();

    if (!d->startArgoCd(charts, history, state ? state->value(u"argocd"_s).toObject() : QJsonObject(),
                        state ? state->value(u"chartmuseum"_s).toString() : QString(), &serverError)) {
        if (error)
            *error = tr("Could not start the sandbox Argo CD: %1").arg(serverError);
        return false;
    }
    if (!d->startGitHub(runs, d->shas, &serverError)) {
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
    d->argoCdUrl = d->argoCd->url();
    d->gitHubUrl = d->gitHub->url();
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
    if (d->options.keepState) {
        if (!d->saveState(&serverError)) {
            if (error)
                *error = serverError;
            return false;
        }
        d->saveTimer.setSingleShot(true);
        d->saveTimer.setInterval(0);
        connect(&d->saveTimer, &QTimer::timeout, this, [this] {
            QString saveError;
            if (!d->saveState(&saveError))
                qWarning("%s", qPrintable(saveError));
        });
        connect(d->argoCd.get(), &ArgoCdServer::stateChanged, &d->saveTimer, qOverload<>(&QTimer::start));
        if (!d->writeServers(&serverError)) {
            if (error)
                *error = serverError;
            return false;
        }
    }
    return true;
}

bool Sandbox::Private::writeServers(QString *error) const
{
    const QString path = filePath(ServersFile);
    QFile::remove(path);
    QFile file(path);
    // Only the user may read the sandbox's secrets: the file is private before anything is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)) {
        *error =
            Sandbox::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QJsonObject servers{{u"pid"_s, QCoreApplication::applicationPid()},
                              {u"chartmuseum"_s, chartMuseumUrl.toString()},
                              {u"argocd"_s, argoCdUrl.toString()},
                              {u"github"_s, gitHubUrl.toString()},
                              {u"chartmuseumPassword"_s, password},
                              {u"argocdToken"_s, argoCdToken},
                              {u"githubToken"_s, gitHubToken}};
    const QByteArray json = QJsonDocument(servers).toJson(QJsonDocument::Compact);
    if (file.write(json) != json.size() || !file.flush()) {
        *error =
            Sandbox::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        file.remove();
        return false;
    }
    return true;
}

bool Sandbox::Private::attach(qint64 owner)
{
    QFile file(filePath(ServersFile));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject servers = QJsonDocument::fromJson(file.readAll()).object();
    if (servers.value(u"pid"_s).toInteger() != owner)
        return false;
    chartMuseumUrl = QUrl(servers.value(u"chartmuseum"_s).toString());
    argoCdUrl = QUrl(servers.value(u"argocd"_s).toString());
    gitHubUrl = QUrl(servers.value(u"github"_s).toString());
    password = servers.value(u"chartmuseumPassword"_s).toString();
    argoCdToken = servers.value(u"argocdToken"_s).toString();
    gitHubToken = servers.value(u"githubToken"_s).toString();
    attached = chartMuseumUrl.isValid() && argoCdUrl.isValid() && gitHubUrl.isValid();
    return attached;
}

bool Sandbox::Private::prepareDirectory(std::optional<QJsonObject> *state, QString *error)
{
    lock = std::make_unique<QLockFile>(filePath(LockFile));
    lock->setStaleLockTime(0); // a lock whose process is gone is taken over
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        lock->getLockInfo(&pid, &host, &application);
        lock.reset();
        if (!options.reset && attach(pid))
            return true;
        *error = Sandbox::tr("The sandbox in %1 is in use by another Capstan (process %2). Close it, or pass "
                             "--sandbox-dir DIR to run a second sandbox.")
                     .arg(QDir::toNativeSeparators(directory))
                     .arg(pid);
        return false;
    }
    QString stateError;
    *state = readState(&stateError);
    // A state file this Capstan cannot read still marks the directory as a sandbox: a reset may clear it.
    const bool unreadable = !stateError.isEmpty();
    if (unreadable && !options.reset) {
        *error = stateError;
        return false;
    }
    if (options.reset && (*state || unreadable)) {
        if (!clearDirectory(directory)) {
            *error =
                Sandbox::tr("Could not clear the sandbox in %1").arg(QDir::toNativeSeparators(directory));
            return false;
        }
        state->reset();
        return true;
    }
    if (!*state && !holdsNothing(directory)) {
        *error = Sandbox::tr("%1 is not empty and holds no Capstan sandbox; a sandbox needs a new or empty "
                             "directory of its own.")
                     .arg(QDir::toNativeSeparators(directory));
        return false;
    }
    if (*state && (*state)->value(u"runs"_s).toInt() != options.extraRuns) {
        *error = Sandbox::tr("The sandbox in %1 was started with other runs; start it afresh with "
                             "--sandbox-reset.")
                     .arg(QDir::toNativeSeparators(directory));
        return false;
    }
    return true;
}

std::optional<QJsonObject> Sandbox::Private::readState(QString *error) const
{
    QFile file(filePath(StateFile));
    if (!file.exists())
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = file.open(QIODevice::ReadOnly)
                                       ? QJsonDocument::fromJson(file.readAll(), &parseError)
                                       : QJsonDocument();
    const QJsonObject object = document.object();
    if (!document.isObject() || object.value(u"format"_s).toInt() != StateFormat ||
        !QDateTime::fromString(object.value(u"story"_s).toString(), Qt::ISODateWithMs).isValid() ||
        object.value(u"shas"_s).toArray().isEmpty()) {
        *error = Sandbox::tr("%1 is not a sandbox state this Capstan can read; start the sandbox afresh with "
                             "--sandbox-reset.")
                     .arg(QDir::toNativeSeparators(file.fileName()));
        return std::nullopt;
    }
    return object;
}

bool Sandbox::Private::saveState(QString *error) const
{
    QJsonObject state{{u"format"_s, StateFormat},
                      {u"story"_s, story.toUTC().toString(Qt::ISODateWithMs)},
                      {u"runs"_s, options.extraRuns},
                      {u"shas"_s, QJsonArray::fromStringList(shas)}};
    if (chartMuseum)
        state.insert(u"chartmuseum"_s, chartMuseum->url().toString());
    if (argoCd)
        state.insert(u"argocd"_s, argoCd->saveState());
    QSaveFile file(filePath(StateFile));
    const QByteArray json = QJsonDocument(state).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        *error = Sandbox::tr("Could not save the sandbox state to %1: %2")
                     .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return false;
    }
    return true;
}

QString Sandbox::defaultDirectory()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || QDir::isRelativePath(state))
        state = QDir::homePath() + u"/.local/state"_s;
    return QDir(state).filePath(u"capstan/sandbox"_s);
}

QString Sandbox::cacheDirectory() const
{
    return d->filePath(u"cache"_s);
}

bool Sandbox::resumed() const
{
    return d->resumed;
}

bool Sandbox::attached() const
{
    return d->attached;
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
    if (d->chartMuseumUrl.isValid()) {
        Config::ChartMuseum chartMuseum;
        chartMuseum.url = d->chartMuseumUrl;
        chartMuseum.username = u"admin"_s;
        config.chartmuseum = chartMuseum;
        Config::Chart chart = config.chart.value_or(Config::Chart());
        chart.name = u"torvalds"_s;
        config.chart = chart;
    }
    if (d->argoCdUrl.isValid()) {
        Config::ArgoCd argoCd;
        argoCd.url = d->argoCdUrl;
        argoCd.app = u"torvalds"_s;
        argoCd.username = u"admin"_s;
        config.argocd = argoCd;
    }
    if (d->gitHubUrl.isValid()) {
        Config::GitHub gitHub;
        gitHub.url = d->gitHubUrl;
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
    if (d->chartMuseumUrl.isValid())
        environment.insert(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s, d->password);
    if (d->argoCdUrl.isValid())
        environment.insert(u"CAPSTAN_ARGOCD_TOKEN"_s, d->argoCdToken);
    if (d->gitHubUrl.isValid())
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
