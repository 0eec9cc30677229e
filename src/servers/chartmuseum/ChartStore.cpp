#include "ChartStore.h"
#include "chart/ChartDigest.h"

#include "YamlV2Writer.h"
#include "http/GoJsonWriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <chrono>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

qint64 nowNs()
{
    using namespace std::chrono;
    return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

void setMtimeNs(const QString &path, qint64 ns)
{
#ifdef Q_OS_UNIX
    struct timespec times[2];
    times[0].tv_sec = time_t(ns / 1000000000);
    times[0].tv_nsec = long(ns % 1000000000);
    times[1] = times[0];
    ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0);
#else
    QFile file(path);
    if (file.open(QIODevice::ReadWrite))
        file.setFileTime(QDateTime::fromMSecsSinceEpoch(ns / 1000000, Qt::UTC),
                         QFileDevice::FileModificationTime);
#endif
}

// Newest first by SemVer precedence; versions that do not parse go last, by text.
bool newerThan(const ChartStore::Entry &a, const ChartStore::Entry &b)
{
    if (a.semver && b.semver) {
        const auto order = *a.semver <=> *b.semver;
        if (order != 0)
            return order > 0;
        return a.metadata.version > b.metadata.version;
    }
    if (a.semver.has_value() != b.semver.has_value())
        return a.semver.has_value();
    return a.metadata.version > b.metadata.version;
}

GoValue stringList(const QStringList &list)
{
    std::vector<GoValue> items;
    items.reserve(list.size());
    for (const QString &item : list)
        items.emplace_back(item);
    return GoValue::array(std::move(items));
}

} // namespace

ChartStore::ChartStore(const QString &root)
    : m_root(QDir::cleanPath(QDir(root).absolutePath()))
{}

QString ChartStore::repoDirectory(const QString &repo) const
{
    return repo.isEmpty() ? m_root : m_root + u'/' + repo;
}

void ChartStore::invalidate()
{
    m_repos.clear();
}

QString ChartStore::rfc3339Nano(qint64 nanoseconds)
{
    qint64 seconds = nanoseconds / 1000000000;
    qint64 fraction = nanoseconds % 1000000000;
    if (fraction < 0) {
        fraction += 1000000000;
        --seconds;
    }
    QString text = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(u"yyyy-MM-ddThh:mm:ss"_s);
    if (fraction != 0) {
        QString digits = QString::number(fraction).rightJustified(9, u'0');
        while (digits.endsWith(u'0'))
            digits.chop(1);
        text += u'.' + digits;
    }
    return text + u'Z';
}

GoValue ChartStore::chartVersionValue(const ChartMetadata &m, const QString &url, qint64 createdNs,
                                      const QString &digest)
{
    GoValue object = GoValue::object();
    const auto addString = [&object](const QString &key, const QString &value) {
        if (!value.isEmpty())
            object.insert(key, GoValue(value));
    };
    const auto addList = [&object](const QString &key, const QStringList &value) {
        if (!value.isEmpty())
            object.insert(key, stringList(value));
    };
    addString(u"name"_s, m.name);
    addString(u"home"_s, m.home);
    addList(u"sources"_s, m.sources);
    addString(u"version"_s, m.version);
    addString(u"description"_s, m.description);
    addList(u"keywords"_s, m.keywords);
    if (!m.maintainers.isEmpty()) {
        GoValue maintainers = GoValue::array();
        for (const ChartMetadata::Maintainer &maintainer : m.maintainers) {
            GoValue item = GoValue::object();
            if (!maintainer.name.isEmpty())
                item.insert(u"name"_s, GoValue(maintainer.name));
            if (!maintainer.email.isEmpty())
                item.insert(u"email"_s, GoValue(maintainer.email));
            if (!maintainer.url.isEmpty())
                item.insert(u"url"_s, GoValue(maintainer.url));
            maintainers.append(std::move(item));
        }
        object.insert(u"maintainers"_s, std::move(maintainers));
    }
    addString(u"icon"_s, m.icon);
    addString(u"apiVersion"_s, m.apiVersion.isEmpty() ? u"v1"_s : m.apiVersion);
    addString(u"appVersion"_s, m.appVersion);
    if (m.deprecated)
        object.insert(u"deprecated"_s, GoValue(true));
    if (!m.annotations.isEmpty()) {
        std::vector<GoValue::Member> annotations;
        for (auto it = m.annotations.cbegin(); it != m.annotations.cend(); ++it)
            annotations.emplace_back(it.key(), GoValue(it.value()));
        object.insert(u"annotations"_s, GoValue::map(std::move(annotations)));
    }
    addString(u"kubeVersion"_s, m.kubeVersion);
    if (!m.dependencies.isEmpty()) {
        GoValue dependencies = GoValue::array();
        for (const ChartMetadata::Dependency &dependency : m.dependencies) {
            GoValue item = GoValue::object();
            item.insert(u"name"_s, GoValue(dependency.name));
            if (!dependency.version.isEmpty())
                item.insert(u"version"_s, GoValue(dependency.version));
            item.insert(u"repository"_s, GoValue(dependency.repository));
            if (!dependency.condition.isEmpty())
                item.insert(u"condition"_s, GoValue(dependency.condition));
            if (!dependency.alias.isEmpty())
                item.insert(u"alias"_s, GoValue(dependency.alias));
            dependencies.append(std::move(item));
        }
        object.insert(u"dependencies"_s, std::move(dependencies));
    }
    addString(u"type"_s, m.type);
    object.insert(u"urls"_s, GoValue::array({GoValue(url)}));
    object.insert(u"created"_s, GoValue(rfc3339Nano(createdNs)));
    addString(u"digest"_s, digest);
    return object;
}

ChartStore::Entry ChartStore::makeEntry(const ChartMetadata &metadata, const QString &fileName,
                                        qint64 createdNs, const QString &digest)
{
    Entry entry;
    entry.metadata = metadata;
    entry.fileName = fileName;
    entry.createdNs = createdNs;
    entry.digest = digest;
    entry.semver = SemVer::parse(metadata.version);
    const GoValue value = chartVersionValue(metadata, u"charts/"_s + fileName, createdNs, digest);
    entry.json = GoJsonWriter::write(value);
    // An item of the sequence entries.<name>: "  - " then the keys at column 4.
    entry.yaml = YamlV2Writer::writeMapping(value, 4);
    entry.yaml.replace(0, 4, u"  - "_s);
    return entry;
}

qint64 ChartStore::fileMtimeNs(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) == 0)
        return qint64(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
    return 0;
#else
    return QFileInfo(path).lastModified().toMSecsSinceEpoch() * 1000000;
#endif
}

std::optional<ChartStore::Entry> ChartStore::entryFromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray data = file.readAll();
    QString error;
    const std::optional<ChartArchive> archive = ChartArchive::read(data, &error);
    if (!archive) {
        qWarning("chartmuseum: skipping invalid package %s: %s", qPrintable(path), qPrintable(error));
        return std::nullopt;
    }
    const QString digest = ChartDigest::of(data);
    return makeEntry(archive->metadata(), QFileInfo(path).fileName(), fileMtimeNs(path), digest);
}

void ChartStore::insertSorted(std::vector<Entry> &list, Entry entry)
{
    std::erase_if(list, [&entry](const Entry &e) { return e.metadata.version == entry.metadata.version; });
    const auto position = std::lower_bound(list.begin(), list.end(), entry, newerThan);
    list.insert(position, std::move(entry));
}

void ChartStore::touch(Repo &repo)
{
    repo.generatedSecs = QDateTime::currentSecsSinceEpoch();
    repo.indexCache.clear();
}

ChartStore::Repo &ChartStore::load(const QString &repoName)
{
    Repo &repo = m_repos[repoName];
    if (repo.loaded)
        return repo;
    repo.loaded = true;
    const QDir directory(repoDirectory(repoName));
    QStringList paths;
    const QStringList names = directory.entryList({u"*.tgz"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names)
        paths.append(directory.filePath(name));
    const QList<std::optional<Entry>> entries =
        QtConcurrent::blockingMapped<QList<std::optional<Entry>>>(paths, &ChartStore::entryFromFile);
    std::map<QByteArray, std::vector<Entry>> charts;
    for (const std::optional<Entry> &entry : entries) {
        if (!entry)
            continue;
        charts[entry->metadata.name.toUtf8()].push_back(*entry);
    }
    for (auto &[name, list] : charts) {
        std::stable_sort(list.begin(), list.end(), newerThan);
        const auto duplicate = std::unique(list.begin(), list.end(), [](const Entry &a, const Entry &b) {
            return a.metadata.version == b.metadata.version;
        });
        list.erase(duplicate, list.end());
    }
    repo.charts = std::move(charts);
    touch(repo);
    return repo;
}

const ChartStore::Charts &ChartStore::charts(const QString &repo)
{
    return load(repo).charts;
}

const std::vector<ChartStore::Entry> *ChartStore::versions(const QString &repo, const QString &name)
{
    const Charts &all = charts(repo);
    const auto it = all.find(name.toUtf8());
    return it == all.end() ? nullptr : &it->second;
}

QByteArray ChartStore::indexYaml(const QString &repoName, const QString &contextPath)
{
    Repo &repo = load(repoName);
    if (!repo.indexCache.isEmpty() && repo.indexCacheContext == contextPath)
        return repo.indexCache;
    QString out = u"apiVersion: v1\n"_s;
    if (repo.charts.empty()) {
        out += u"entries: {}\n"_s;
    } else {
        out += u"entries:\n"_s;
        std::vector<QString> names;
        for (const auto &[name, list] : repo.charts)
            names.push_back(QString::fromUtf8(name));
        std::sort(names.begin(), names.end(), &YamlV2Writer::keyLess);
        for (const QString &name : names) {
            out += u"  "_s + YamlV2Writer::keyScalar(name) + u":\n"_s;
            for (const Entry &entry : repo.charts.at(name.toUtf8()))
                out += entry.yaml;
        }
    }
    out += u"generated: \""_s + rfc3339Nano(repo.generatedSecs * 1000000000) + u"\"\n"_s;
    if (contextPath.isEmpty())
        out += u"serverInfo: {}\n"_s;
    else
        out += u"serverInfo:\n  contextPath: "_s + YamlV2Writer::keyScalar(contextPath) + u'\n';
    repo.indexCache = out.toUtf8();
    repo.indexCacheContext = contextPath;
    return repo.indexCache;
}

bool ChartStore::exists(const QString &repo, const QString &fileName) const
{
    return QFileInfo::exists(repoDirectory(repo) + u'/' + fileName);
}

std::optional<QByteArray> ChartStore::readObject(const QString &repo, const QString &fileName) const
{
    QFile file(repoDirectory(repo) + u'/' + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

QString ChartStore::writeObject(const QString &repo, const QString &fileName, const QByteArray &data)
{
    const QString directory = repoDirectory(repo);
    if (!QDir().mkpath(directory))
        return u"mkdir %1: permission denied"_s.arg(directory);
    QSaveFile file(directory + u'/' + fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return u"open %1: %2"_s.arg(file.fileName(), file.errorString());
    return {};
}

void ChartStore::addChart(const QString &repoName, const ChartArchive &archive, const QString &fileName,
                          const QByteArray &tgz)
{
    Repo &repo = load(repoName);
    const QString path = repoDirectory(repoName) + u'/' + fileName;
    const qint64 created = nowNs();
    setMtimeNs(path, created); // so a rescan reports the same upload time
    const QString digest = ChartDigest::of(tgz);
    insertSorted(repo.charts[archive.metadata().name.toUtf8()],
                 makeEntry(archive.metadata(), fileName, fileMtimeNs(path), digest));
    touch(repo);
}

QString ChartStore::removeChart(const QString &repoName, const QString &name, const QString &version)
{
    const QString fileName = name + u'-' + version + u".tgz"_s;
    const QString path = repoDirectory(repoName) + u'/' + fileName;
    if (!QFileInfo(path).isFile() || !QFile::remove(path))
        return u"remove %1: no such file or directory"_s.arg(path);
    QFile::remove(path + u".prov"_s);
    Repo &repo = load(repoName);
    const auto it = repo.charts.find(name.toUtf8());
    if (it != repo.charts.end()) {
        std::erase_if(it->second, [&version](const Entry &e) { return e.metadata.version == version; });
        if (it->second.empty())
            repo.charts.erase(it);
    }
    touch(repo);
    return {};
}

} // namespace capstan
