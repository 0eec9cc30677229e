#pragma once

#include "chart/ChartArchive.h"
#include "chart/ChartMetadata.h"
#include "chart/SemVer.h"
#include "http/GoValue.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace capstan {

// Why: ChartMuseum's local storage (<root>/<repo>/<name>-<version>.tgz) and its in-memory index per repo:
// read from disk once, updated on upload and delete, served as ChartVersion JSON and as index.yaml.
class ChartStore
{
public:
    struct Entry
    {
        ChartMetadata metadata;
        QString fileName;
        qint64 createdNs = 0; // since the epoch, UTC
        QString digest;
        std::optional<SemVer> semver;
        QByteArray json; // the ChartVersion object
        QString yaml;    // the same as an index.yaml sequence item under entries.<name>
    };
    using Charts = std::map<QByteArray, std::vector<Entry>>; // UTF-8 name (bytewise order) → newest first

    explicit ChartStore(const QString &root);

    QString root() const { return m_root; }
    QString repoDirectory(const QString &repo) const;
    void invalidate();

    const Charts &charts(const QString &repo);
    const std::vector<Entry> *versions(const QString &repo, const QString &name);
    QByteArray indexYaml(const QString &repo, const QString &contextPath);

    bool exists(const QString &repo, const QString &fileName) const;
    std::optional<QByteArray> readObject(const QString &repo, const QString &fileName) const;
    // Writes the object; returns an error text (the storage error) or an empty string.
    QString writeObject(const QString &repo, const QString &fileName, const QByteArray &data);
    // Adds or replaces the chart in the index after its package was written as `fileName`.
    void addChart(const QString &repo, const ChartArchive &archive, const QString &fileName,
                  const QByteArray &tgz);
    // Deletes <name>-<version>.tgz (and .prov); returns Go's os.Remove error text, or empty on success.
    QString removeChart(const QString &repo, const QString &name, const QString &version);

    static QString rfc3339Nano(qint64 nanoseconds);
    static GoValue chartVersionValue(const ChartMetadata &metadata, const QString &url, qint64 createdNs,
                                     const QString &digest);

private:
    struct Repo
    {
        bool loaded = false;
        Charts charts;
        qint64 generatedSecs = 0;
        QByteArray indexCache;
        QString indexCacheContext;
    };

    Repo &load(const QString &repo);
    static std::optional<Entry> entryFromFile(const QString &path);
    static Entry makeEntry(const ChartMetadata &metadata, const QString &fileName, qint64 createdNs,
                           const QString &digest);
    static void insertSorted(std::vector<Entry> &list, Entry entry);
    static qint64 fileMtimeNs(const QString &path);
    void touch(Repo &repo);

    QString m_root;
    QHash<QString, Repo> m_repos;
};

} // namespace capstan
