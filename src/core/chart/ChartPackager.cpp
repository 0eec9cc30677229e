#include "ChartPackager.h"
#include "chart/ChartDigest.h"

#include "ChartArchive.h"
#include "ChartArchiveWriter.h"
#include "ChartYaml.h"
#include "HelmIgnore.h"
#include "HugePageBuffer.h"
#include "SemVer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int MaxSubchartDepth = 10;

struct SourceFile
{
    QString path; // relative to the chart root, '/'-separated
    QByteArray data;
};

// The failure of one step; thrown inside this file only and turned into the error string.
struct Failure
{
    QString message;
};

[[noreturn]] void fail(const QString &message)
{
    throw Failure{message};
}

QByteArray stripBom(QByteArray data)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    return data;
}

bool utf8Less(const QString &a, const QString &b)
{
    return a.toUtf8() < b.toUtf8();
}

// sympath.Walk's order: names sorted bytewise in each directory, a directory's files at its place.
bool walkLess(const QString &a, const QString &b)
{
    const QStringList pa = a.split(u'/');
    const QStringList pb = b.split(u'/');
    for (qsizetype i = 0; i < pa.size() && i < pb.size(); ++i) {
        if (pa.at(i) != pb.at(i))
            return utf8Less(pa.at(i), pb.at(i));
    }
    return pa.size() < pb.size();
}

// Collects the files under one root as Helm's directory loader does: symlinks followed (but never out of
// the root), ignore rules applied to "<prefix><relative path>", only regular files, Helm's size limits.
// The walk comes first; then every file is read into one arena (huge pages, no per-file allocation), and
// each SourceFile's data is a view into it: the arena must outlive them.
class Walker
{
public:
    Walker(const HelmIgnore &rules, qint64 *total, QList<SourceFile> *out, HugePageBuffer *arena)
        : m_rules(rules)
        , m_total(total)
        , m_out(out)
        , m_arena(arena)
    {}

    void walk(const QString &root, const QString &prefix)
    {
        m_root = QFileInfo(root).canonicalFilePath();
        m_prefix = prefix;
        QSet<QString> ancestors{m_root};
        walkDirectory(root, QString(), &ancestors);
        readAll();
    }

private:
    struct Pending
    {
        QString shown;
        QString path;
        qint64 size;
    };

    bool insideRoot(const QString &canonical) const
    {
        return canonical == m_root || canonical.startsWith(m_root + u'/');
    }

    [[noreturn]] static void failTotal()
    {
        fail(ChartPackager::tr("decompressed chart is larger than the maximum file size %1 (the total of all "
                               "files Helm can load)")
                 .arg(ChartArchive::MaxTotalSize));
    }

    void walkDirectory(const QString &absolute, const QString &relative, QSet<QString> *ancestors)
    {
        if (!QFileInfo(absolute).isReadable())
            fail(ChartPackager::tr("error reading directory %1: permission denied").arg(absolute));
        QStringList names = QDir(absolute).entryList(
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::NoSort);
        std::sort(names.begin(), names.end(), utf8Less);
        for (const QString &name : std::as_const(names)) {
            const QString path = absolute + u'/' + name;
            const QString rel = relative.isEmpty() ? name : relative + u'/' + name;
            const QString shown = m_prefix + rel;
            const QFileInfo info(path);
            QString canonical;
            if (info.isSymLink()) {
                canonical = info.canonicalFilePath();
                if (canonical.isEmpty()) {
                    fail(ChartPackager::tr("error evaluating symlink %1: its target %2 does not exist")
                             .arg(path, info.symLinkTarget()));
                }
            }
            const bool isDirectory = info.isDir();
            if (m_rules.ignores(shown, isDirectory))
                continue;
            if (info.isSymLink() && !insideRoot(canonical)) {
                fail(ChartPackager::tr("symlink %1 points outside the chart directory %2: %3")
                         .arg(path, m_root, canonical));
            }
            if (isDirectory) {
                if (canonical.isEmpty())
                    canonical = info.canonicalFilePath();
                if (ancestors->contains(canonical)) {
                    fail(ChartPackager::tr("symlink loop: %1 leads back to %2, which contains it")
                             .arg(path, canonical));
                }
                ancestors->insert(canonical);
                walkDirectory(path, rel, ancestors);
                ancestors->remove(canonical);
                continue;
            }
            if (!info.isFile()) {
                fail(ChartPackager::tr("cannot load irregular file %1 as it has file mode type bits set "
                                       "(only regular files can be packaged)")
                         .arg(path));
            }
            const qint64 size = info.size();
            if (size > ChartArchive::MaxFileSize) {
                fail(ChartPackager::tr("chart file \"%1\" is larger than the maximum file size %2")
                         .arg(shown)
                         .arg(ChartArchive::MaxFileSize));
            }
            // A byte order mark is dropped after reading: this many bytes are certainly kept.
            m_pendingTotal += std::max<qint64>(0, size - 3);
            if (*m_total + m_pendingTotal > ChartArchive::MaxTotalSize)
                failTotal();
            m_pending.append({shown, path, size});
        }
    }

    void readAll()
    {
        qint64 arenaSize = 0;
        for (const Pending &p : std::as_const(m_pending))
            arenaSize += p.size;
        *m_arena = HugePageBuffer(arenaSize);
        if (!m_arena->isValid())
            fail(ChartPackager::tr("not enough memory to read %1 bytes of chart files").arg(arenaSize));
        char *const base = m_arena->data();
        qint64 used = 0;
        for (const Pending &p : std::as_const(m_pending)) {
            QFile file(p.path);
            if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
                fail(ChartPackager::tr("error reading %1: %2").arg(p.path, file.errorString()));
            char *const start = base + used;
            qint64 length = 0;
            while (length < p.size) {
                const qint64 n = file.read(start + length, p.size - length);
                if (n < 0)
                    fail(ChartPackager::tr("error reading %1: %2").arg(p.path, file.errorString()));
                if (n == 0)
                    break; // the file shrank since the walk: keep what it holds now
                length += n;
            }
            QByteArray data;
            char probe;
            if (length == p.size && file.read(&probe, 1) == 1) {
                // The file grew since the walk: read it whole, outside the arena.
                file.seek(0);
                data = file.readAll();
                if (file.error() != QFileDevice::NoError)
                    fail(ChartPackager::tr("error reading %1: %2").arg(p.path, file.errorString()));
            } else {
                used += length;
                data = QByteArray::fromRawData(start, qsizetype(length));
            }
            data = stripBom(std::move(data));
            *m_total += data.size();
            if (*m_total > ChartArchive::MaxTotalSize)
                failTotal();
            m_out->append({p.shown, std::move(data)});
        }
    }

    const HelmIgnore &m_rules;
    qint64 *m_total;
    QList<SourceFile> *m_out;
    HugePageBuffer *m_arena;
    QList<Pending> m_pending;
    qint64 m_pendingTotal = 0;
    QString m_root;
    QString m_prefix;
};

// The top-level key of a mapping whose name matches `field` case-insensitively (the last one), or null.
int keyLine(const YAML::Node &root, QLatin1StringView field)
{
    int line = 0;
    if (!root.IsMap())
        return 0;
    for (const auto &kv : root) {
        if (kv.first.IsScalar() &&
            QString::fromStdString(kv.first.Scalar()).compare(field, Qt::CaseInsensitive) == 0)
            line = kv.first.Mark().line + 1;
    }
    return line;
}

// Where a Chart.yaml problem is: the line in the message, or the line of the field it names.
int problemLine(const QByteArray &yaml, const QString &message)
{
    static const QRegularExpression lineWord(QStringLiteral("\\bline (\\d+)\\b"));
    if (const auto m = lineWord.match(message); m.hasMatch())
        return m.captured(1).toInt();
    static const QList<std::pair<QLatin1StringView, QLatin1StringView>> fields = {
        {"chart.metadata.name"_L1, "name"_L1}, {"chart.metadata.version"_L1, "version"_L1},
        {"chart.metadata.type"_L1, "type"_L1}, {"apiVersion"_L1, "apiVersion"_L1},
        {"maintainers"_L1, "maintainers"_L1},  {"dependenc"_L1, "dependencies"_L1},
    };
    try {
        const YAML::Node root = YAML::Load(std::string(yaml.constData(), size_t(yaml.size())));
        for (const auto &[needle, field] : fields) {
            if (message.contains(needle))
                return keyLine(root, field);
        }
    } catch (const YAML::Exception &) {
    }
    return 0;
}

QString located(const QString &file, int line, const QString &message)
{
    return line > 0 ? u"%1:%2: %3"_s.arg(file).arg(line).arg(message) : u"%1: %2"_s.arg(file, message);
}

ChartMetadata parseChartYaml(const QByteArray &yaml, const QString &displayPath)
{
    QString error;
    const std::optional<ChartMetadata> md = ChartYaml::parse(yaml, &error);
    if (!md)
        fail(located(displayPath, problemLine(yaml, error), error));
    return *md;
}

void checkValues(const QByteArray &yaml, const QString &displayPath)
{
    try {
        const YAML::Node root = YAML::Load(std::string(yaml.constData(), size_t(yaml.size())));
        if (root.IsDefined() && !root.IsNull() && !root.IsMap()) {
            fail(located(displayPath, root.Mark().line + 1,
                         ChartPackager::tr("cannot load values.yaml: the top level must be a mapping")));
        }
    } catch (const YAML::Exception &e) {
        fail(located(displayPath, e.mark.line + 1,
                     ChartPackager::tr("cannot load values.yaml: error converting YAML to JSON: yaml: %1")
                         .arg(QString::fromStdString(e.msg))));
    }
}

// Helm's LoadFiles followed by writeTarContents: which files a chart keeps and in which order, recursively
// for the subcharts in charts/. `top` holds the already checked Chart.yaml bytes of this chart.
ChartMetadata arrange(const QList<SourceFile> &files, const QString &prefix, const QString &displayRoot,
                      int depth, QList<ChartArchiveWriter::Entry> *out, QStringList *subchartNames)
{
    const SourceFile *chartYaml = nullptr;
    const SourceFile *chartLock = nullptr;
    const SourceFile *values = nullptr;
    const SourceFile *schema = nullptr;
    QList<const SourceFile *> templates;
    QList<const SourceFile *> others;
    QMap<QString, QList<SourceFile>> subcharts;
    for (const SourceFile &f : files) {
        if (f.path == u"Chart.yaml")
            chartYaml = &f;
        else if (f.path == u"Chart.lock")
            chartLock = &f;
        else if (f.path == u"values.yaml")
            values = &f;
        else if (f.path == u"values.schema.json")
            schema = &f;
        else if (f.path.startsWith(u"templates/"_s))
            templates.append(&f);
        else if (f.path.startsWith(u"charts/"_s) && !f.path.endsWith(u".prov"_s)) {
            const QString inCharts = f.path.mid(7);
            subcharts[inCharts.section(u'/', 0, 0)].append({inCharts, f.data});
        } else
            others.append(&f);
    }
    if (!chartYaml)
        fail(ChartPackager::tr("Chart.yaml file is missing"));
    const ChartMetadata md = parseChartYaml(chartYaml->data, displayRoot + u"Chart.yaml"_s);
    const bool v1 = md.apiVersion == u"v1";
    if (values)
        checkValues(values->data, displayRoot + u"values.yaml"_s);
    if (schema) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(schema->data, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            fail(ChartPackager::tr("%1: Invalid JSON in values.schema.json: %2 at offset %3")
                     .arg(displayRoot + u"values.schema.json"_s, parseError.errorString())
                     .arg(parseError.offset));
        }
    }

    const auto add = [&](const SourceFile *f) { out->append({prefix + f->path, f->data}); };
    add(chartYaml);
    if (chartLock && md.apiVersion == u"v2")
        add(chartLock);
    if (values)
        add(values);
    if (schema)
        add(schema);
    for (const SourceFile *f : std::as_const(templates))
        add(f);
    for (const SourceFile *f : std::as_const(others)) {
        // requirements.yaml and requirements.lock are Helm 2 files: kept for apiVersion v1 charts only.
        if (!v1 && (f->path == u"requirements.yaml" || f->path == u"requirements.lock"))
            continue;
        add(f);
    }

    for (auto it = subcharts.cbegin(); it != subcharts.cend(); ++it) {
        const QString &name = it.key();
        if (name.startsWith(u'_') || name.startsWith(u'.'))
            continue;
        const auto wrap = [&](const QString &error) {
            return ChartPackager::tr("error unpacking subchart %1 in %2: %3").arg(name, md.name, error);
        };
        if (depth >= MaxSubchartDepth)
            fail(wrap(ChartPackager::tr("subcharts are nested deeper than %1 levels").arg(MaxSubchartDepth)));
        QList<SourceFile> subFiles;
        if (name.endsWith(u".tgz"_s)) {
            const SourceFile &first = it.value().constFirst();
            if (first.path != name)
                fail(wrap(ChartPackager::tr("%1 is a directory, expected a chart archive").arg(name)));
            QString error;
            const std::optional<ChartArchive> archive = ChartArchive::read(first.data, &error);
            if (!archive)
                fail(wrap(error));
            for (const ChartArchive::File &f : archive->files())
                subFiles.append({f.path, f.data});
        } else {
            for (const SourceFile &f : it.value()) {
                const qsizetype slash = f.path.indexOf(u'/');
                if (slash >= 0)
                    subFiles.append({f.path.mid(slash + 1), f.data});
            }
        }
        try {
            QList<ChartArchiveWriter::Entry> subEntries;
            const QString subDisplay = displayRoot + u"charts/"_s + name + u'/';
            // The subchart is written under its own name, so arrange it first with a placeholder prefix.
            const ChartMetadata sub =
                arrange(subFiles, QString(), subDisplay, depth + 1, &subEntries, nullptr);
            const QString subPrefix = prefix + u"charts/"_s + sub.name + u'/';
            for (ChartArchiveWriter::Entry &e : subEntries)
                out->append({subPrefix + e.path, std::move(e.data)});
            if (subchartNames)
                subchartNames->append(sub.name);
        } catch (const Failure &f) {
            fail(f.message.startsWith(u"error unpacking subchart"_s) ? f.message : wrap(f.message));
        }
    }
    return md;
}

QString yamlQuoted(const QString &value)
{
    QString out = u"\""_s;
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else if (c.unicode() < 0x20)
            out += u"\\x%1"_s.arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + u'"';
}

// The byte range of a single-line scalar starting at `start`, or {-1, -1} when it is not one.
std::pair<qsizetype, qsizetype> scalarExtent(const QByteArray &text, qsizetype start, bool flow)
{
    if (start < 0 || start >= text.size())
        return {-1, -1};
    const char first = text.at(start);
    if (first == '"' || first == '\'') {
        for (qsizetype i = start + 1; i < text.size(); ++i) {
            const char c = text.at(i);
            if (c == '\n')
                return {-1, -1};
            if (first == '"' && c == '\\') {
                ++i;
                continue;
            }
            if (c == first) {
                if (first == '\'' && i + 1 < text.size() && text.at(i + 1) == '\'') {
                    ++i;
                    continue;
                }
                return {start, i + 1};
            }
        }
        return {-1, -1};
    }
    if (first == '|' || first == '>' || first == '[' || first == '{' || first == '&' || first == '*' ||
        first == '!')
        return {-1, -1};
    qsizetype end = start;
    while (end < text.size()) {
        const char c = text.at(end);
        if (c == '\n' || c == '\r')
            break;
        if (c == '#' && end > start && (text.at(end - 1) == ' ' || text.at(end - 1) == '\t'))
            break;
        if (flow && (c == ',' || c == '}' || c == ']'))
            break;
        ++end;
    }
    while (end > start && (text.at(end - 1) == ' ' || text.at(end - 1) == '\t'))
        --end;
    return {start, end};
}

} // namespace

std::optional<QByteArray> ChartPackager::rewriteChartYaml(const QByteArray &yaml, const QString &version,
                                                          const QString &appVersion, QString *error)
{
    if (version.isEmpty() && appVersion.isEmpty())
        return yaml;
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml.constData(), size_t(yaml.size())));
    } catch (const YAML::Exception &e) {
        if (error)
            *error = tr("line %1: %2").arg(e.mark.line + 1).arg(QString::fromStdString(e.msg));
        return std::nullopt;
    }
    if (!root.IsMap()) {
        if (error)
            *error = tr("the top level is not a mapping");
        return std::nullopt;
    }
    const bool flow = root.Style() == YAML::EmitterStyle::Flow;

    struct Replacement
    {
        qsizetype start;
        qsizetype end;
        QByteArray text;
    };
    QList<Replacement> replacements;
    QByteArray appended;
    for (const auto &[field, value] :
         {std::pair{"version"_L1, version}, std::pair{"appVersion"_L1, appVersion}}) {
        if (value.isEmpty())
            continue;
        const QByteArray quoted = yamlQuoted(value).toUtf8();
        bool found = false;
        for (const auto &kv : root) {
            if (!kv.first.IsScalar() ||
                QString::fromStdString(kv.first.Scalar()).compare(field, Qt::CaseInsensitive) != 0)
                continue;
            found = true;
            const YAML::Node &node = kv.second;
            const int line = kv.first.Mark().line + 1;
            const auto [start, end] = node.IsScalar() ? scalarExtent(yaml, node.Mark().pos, flow)
                                                      : std::pair<qsizetype, qsizetype>{-1, -1};
            if (start < 0) {
                if (error)
                    *error = tr("line %1: %2 is not a single-line value, so it cannot be replaced without "
                                "rewriting the file; write it on one line, e.g. %2: \"1.0.0\"")
                                 .arg(line)
                                 .arg(field);
                return std::nullopt;
            }
            replacements.append({start, end, quoted});
        }
        if (!found) {
            if (flow) {
                if (error)
                    *error = tr("%1 is missing and cannot be added to a flow-style Chart.yaml").arg(field);
                return std::nullopt;
            }
            appended += QByteArray(field.data(), field.size()) + ": " + quoted + '\n';
        }
    }
    std::sort(replacements.begin(), replacements.end(),
              [](const Replacement &a, const Replacement &b) { return a.start > b.start; });
    QByteArray out = yaml;
    for (const Replacement &r : std::as_const(replacements))
        out.replace(r.start, r.end - r.start, r.text);
    if (!appended.isEmpty()) {
        if (!out.isEmpty() && !out.endsWith('\n'))
            out += '\n';
        out += appended;
    }
    return out;
}

std::optional<ChartPackager::Result> ChartPackager::package(const QString &chartDirectory,
                                                            const Options &options, QString *error)
{
    try {
        const QFileInfo rootInfo(chartDirectory);
        if (!rootInfo.exists())
            fail(tr("chart directory %1 does not exist").arg(chartDirectory));
        if (!rootInfo.isDir())
            fail(tr("%1 is not a directory: give the chart's directory, which holds Chart.yaml")
                     .arg(chartDirectory));
        const QString root = rootInfo.absoluteFilePath();
        const QString display = QDir::cleanPath(root) + u'/';

        HelmIgnore rules;
        const QString ignorePath = display + u".helmignore"_s;
        if (QFileInfo(ignorePath).isFile()) {
            QFile file(ignorePath);
            if (!file.open(QIODevice::ReadOnly))
                fail(tr("error reading %1: %2").arg(ignorePath, file.errorString()));
            QString problem;
            int line = 0;
            std::optional<HelmIgnore> parsed = HelmIgnore::parse(file.readAll(), &problem, &line);
            if (!parsed)
                fail(located(ignorePath, line, problem));
            rules = std::move(*parsed);
        }
        rules.addDefaults();

        // The files' bytes live in these arenas; every SourceFile and archive entry below views them.
        HugePageBuffer arena;
        HugePageBuffer manifestsArena;
        QList<SourceFile> files;
        qint64 total = 0;
        Walker(rules, &total, &files, &arena).walk(root, QString());

        if (!options.manifestsDirectory.isEmpty()) {
            const QFileInfo manifests(options.manifestsDirectory);
            if (!manifests.isDir())
                fail(tr("manifests directory %1 does not exist").arg(options.manifestsDirectory));
            QList<SourceFile> generated;
            Walker(rules, &total, &generated, &manifestsArena)
                .walk(manifests.absoluteFilePath(), u"templates/"_s);
            QSet<QString> existing;
            for (const SourceFile &f : std::as_const(files))
                existing.insert(f.path);
            for (const SourceFile &f : std::as_const(generated)) {
                if (existing.contains(f.path)) {
                    fail(tr("%1 from the manifests directory %2 would replace the chart's own %1; rename one "
                            "of them")
                             .arg(f.path, options.manifestsDirectory));
                }
            }
            files += generated;
            std::stable_sort(files.begin(), files.end(), [](const SourceFile &a, const SourceFile &b) {
                return walkLess(a.path, b.path);
            });
        }

        auto chartYaml = std::find_if(files.begin(), files.end(),
                                      [](const SourceFile &f) { return f.path == u"Chart.yaml"; });
        if (chartYaml == files.end()) {
            if (QFileInfo::exists(display + u"Chart.yaml"_s))
                fail(tr("Chart.yaml file is missing: %1.helmignore excludes it").arg(display));
            fail(tr("Chart.yaml file is missing: %1 is not a chart directory").arg(display));
        }
        const ChartMetadata onDisk = parseChartYaml(chartYaml->data, display + u"Chart.yaml"_s);
        if (onDisk.apiVersion == u"v3")
            fail(located(
                display + u"Chart.yaml"_s, problemLine(chartYaml->data, u"apiVersion"_s),
                tr("invalid chart apiVersion \"v3\": helm package writes apiVersion v1 and v2 charts")));
        if (onDisk.apiVersion != u"v1" && onDisk.apiVersion != u"v2")
            fail(located(display + u"Chart.yaml"_s, problemLine(chartYaml->data, u"apiVersion"_s),
                         tr("unsupported chart version: apiVersion \"%1\", expected v2 (or v1)")
                             .arg(onDisk.apiVersion)));

        if (!options.version.isEmpty() && !SemVer::parse(options.version))
            fail(tr("invalid semantic version \"%1\": the version override must be SemVer 2, e.g. 1.2.3 or "
                    "1.0.0-42")
                     .arg(options.version));
        if (!options.version.isEmpty() || !options.appVersion.isEmpty()) {
            QString problem;
            const std::optional<QByteArray> rewritten =
                rewriteChartYaml(chartYaml->data, options.version, options.appVersion, &problem);
            if (!rewritten)
                fail(tr("%1: cannot apply the version override: %2").arg(display + u"Chart.yaml"_s, problem));
            chartYaml->data = *rewritten;
        }

        QList<ChartArchiveWriter::Entry> entries;
        QStringList subcharts;
        const ChartMetadata md = arrange(files, QString(), display, 0, &entries, &subcharts);
        if ((!options.version.isEmpty() && md.version != options.version) ||
            (!options.appVersion.isEmpty() && md.appVersion != options.appVersion)) {
            fail(tr("%1: the version override did not survive rewriting Chart.yaml (got version \"%2\", "
                    "appVersion \"%3\")")
                     .arg(display + u"Chart.yaml"_s, md.version, md.appVersion));
        }

        QStringList missing;
        for (const ChartMetadata::Dependency &d : md.dependencies) {
            if (!subcharts.contains(d.name))
                missing.append(d.name);
        }
        if (!missing.isEmpty())
            fail(tr("found in Chart.yaml, but missing in charts/ directory: %1").arg(missing.join(u", "_s)));

        Result result;
        result.archive = ChartArchiveWriter::write(md.name, entries, options.mtimeSecs);
        if (result.archive.isEmpty())
            fail(tr("cannot write the chart archive for %1").arg(md.name));
        result.metadata = md;
        result.fileName = md.name + u'-' + md.version + u".tgz"_s;
        result.files.reserve(entries.size());
        for (const ChartArchiveWriter::Entry &e : std::as_const(entries))
            result.files.append(e.path);
        result.digest = ChartDigest::of(result.archive);
        if (error)
            error->clear();
        return result;
    } catch (const Failure &f) {
        if (error)
            *error = f.message;
        return std::nullopt;
    }
}

} // namespace capstan
