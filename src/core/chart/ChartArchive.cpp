#include "ChartArchive.h"

#include "ChartYaml.h"
#include "HugePageBuffer.h"

#include <QCoreApplication>
#include <QMap>
#include <QRegularExpression>
#include <QtEndian>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <archive.h>
#include <archive_entry.h>
#include <libdeflate.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int MaxSubchartDepth = 10;

struct LoadedFile
{
    QString name; // relative to the top directory, cleaned, '/'-separated
    qint64 size = 0;
    QByteArray data;
};

struct ReadFree
{
    void operator()(struct archive *a) const { archive_read_free(a); }
};

struct DecompressorFree
{
    void operator()(libdeflate_decompressor *d) const { libdeflate_free_decompressor(d); }
};

// Go's path.Clean for a relative path.
QString cleanPath(const QString &path)
{
    QStringList out;
    for (const QString &part : path.split(u'/')) {
        if (part.isEmpty() || part == u".")
            continue;
        if (part == u".." && !out.isEmpty() && out.constLast() != u"..")
            out.removeLast();
        else
            out.append(part);
    }
    return out.isEmpty() ? QStringLiteral(".") : out.join(u'/');
}

// Go's %q, enough for entry names.
QString quoted(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (QChar c : s) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + u'"';
}

QString entryName(archive_entry *entry)
{
    if (const char *utf8 = archive_entry_pathname_utf8(entry))
        return QString::fromUtf8(utf8);
    if (const char *raw = archive_entry_pathname(entry))
        return QString::fromUtf8(raw);
    return {};
}

// Go's gzip.NewReader looks at the first ten bytes only.
QString checkGzipHeader(const QByteArray &tgz)
{
    if (tgz.isEmpty())
        return QStringLiteral("EOF");
    if (tgz.size() < 10)
        return QStringLiteral("unexpected EOF");
    if (quint8(tgz.at(0)) != 0x1f || quint8(tgz.at(1)) != 0x8b || quint8(tgz.at(2)) != 8)
        return QStringLiteral("gzip: invalid header");
    return {};
}

// libarchive's words mapped to what Go's gzip and archive/tar readers say about the same stream.
QString streamError(struct archive *a)
{
    const QString message = QString::fromUtf8(archive_error_string(a));
    if (message.contains(u"runcated"_s) || message.contains(u"Premature end"_s) ||
        message.contains(u"unexpected end"_s, Qt::CaseInsensitive))
        return QStringLiteral("unexpected EOF");
    if (message.contains(u"Damaged tar archive"_s) || message.contains(u"Unrecognized archive format"_s))
        return QStringLiteral("archive/tar: invalid tar header");
    return message.isEmpty() ? QStringLiteral("unexpected EOF") : message;
}

// The whole tar of a gzip stream (one or more members), decompressed with libdeflate into one buffer whose
// pages are huge where possible. Null when anything is unusual (a bad member, trailing bytes, more than
// the loader's limits allow): the streaming reader then reads it and reports what is wrong.
QByteArray decompressWhole(const QByteArray &tgz)
{
    constexpr qsizetype Limit = ChartArchive::MaxTotalSize + 16 * 1024 * 1024;
    // Sized from the last member's trailer (its length mod 4 GiB): exact for one member, and a package cut
    // into up to four members fits four times it. A stream that does not fit grows the buffer, up to the
    // limit.
    const qsizetype lastMember =
        tgz.size() >= 18 ? qsizetype(qFromLittleEndian<quint32>(tgz.constData() + tgz.size() - 4)) : 0;
    const qsizetype capacity =
        std::clamp<qsizetype>(std::max(lastMember, tgz.size()) * 4 + 1, 64 * 1024, Limit);
    QByteArray tar(capacity, Qt::Uninitialized);
    if (tar.size() != capacity)
        return {};
    HugePageBuffer::advise(tar.data(), tar.size());
    std::unique_ptr<libdeflate_decompressor, DecompressorFree> decompressor(libdeflate_alloc_decompressor());
    if (!decompressor)
        return {};
    qsizetype in = 0;
    qsizetype out = 0;
    while (in < tgz.size()) {
        if (tgz.size() - in < 18 || quint8(tgz.at(in)) != 0x1f || quint8(tgz.at(in + 1)) != 0x8b)
            return {};
        size_t consumed = 0;
        size_t produced = 0;
        const libdeflate_result r =
            libdeflate_gzip_decompress_ex(decompressor.get(), tgz.constData() + in, size_t(tgz.size() - in),
                                          tar.data() + out, size_t(tar.size() - out), &consumed, &produced);
        if (r == LIBDEFLATE_INSUFFICIENT_SPACE && tar.size() < Limit) {
            tar.resize(std::min(Limit, tar.size() * 2));
            continue; // the same member again, with room
        }
        if (r != LIBDEFLATE_SUCCESS)
            return {};
        in += qsizetype(consumed);
        out += qsizetype(produced);
    }
    tar.truncate(out);
    return tar;
}

// A QByteArray sharing `storage`'s allocation (no copy): it keeps the storage alive, and changing it copies
// first like any shared QByteArray.
QByteArray slice(const QByteArray &storage, qsizetype offset, qsizetype size)
{
    QByteArray::DataPointer &whole = const_cast<QByteArray &>(storage).data_ptr();
    whole.d_ptr()->ref();
    return QByteArray(QByteArray::DataPointer(whole.d_ptr(), whole.data() + offset, size));
}

// Helm's LoadArchiveFiles: the order of checks and the messages are the loader's.
QString loadArchiveFiles(const QByteArray &tgz, QList<LoadedFile> *files, QString *topDirectory,
                         bool whole = true)
{
    if (const QString problem = checkGzipHeader(tgz); !problem.isEmpty())
        return problem;

    // Decompressed whole when possible (several times faster than streaming through zlib); the files then
    // share the tar's buffer instead of each being copied out.
    files->clear();
    const QByteArray tar = whole ? decompressWhole(tgz) : QByteArray();
    struct Span
    {
        qsizetype offset;
        qsizetype size;
    };
    QList<Span> spans; // where each file's bytes are in `tar`, when there; {-1, 0} otherwise
    std::unique_ptr<struct archive, ReadFree> reader(archive_read_new());
    if (tar.isNull())
        archive_read_support_filter_gzip(reader.get());
    archive_read_support_format_tar(reader.get());
    archive_read_support_format_empty(reader.get());
    const QByteArray &input = tar.isNull() ? tgz : tar;
    if (archive_read_open_memory(reader.get(), input.constData(), size_t(input.size())) != ARCHIVE_OK)
        return streamError(reader.get());

    static const QRegularExpression drivePath(QStringLiteral("^[a-zA-Z]:/"));
    qint64 remaining = ChartArchive::MaxTotalSize;
    for (;;) {
        archive_entry *entry = nullptr;
        const int r = archive_read_next_header(reader.get(), &entry);
        if (r == ARCHIVE_EOF)
            break;
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
            return streamError(reader.get());

        const mode_t type = archive_entry_filetype(entry);
        if (type == AE_IFDIR)
            continue;

        const QString tarName = entryName(entry);
        const QChar delimiter = tarName.contains(u'\\') ? u'\\' : u'/';
        QStringList parts = tarName.split(delimiter);
        const QString first = parts.takeFirst();
        QString name = parts.join(u'/');

        if (name.startsWith(u'/'))
            return QCoreApplication::translate("ChartArchive", "chart illegally contains absolute paths");
        name = cleanPath(name);
        if (name == u".")
            return QCoreApplication::translate(
                       "ChartArchive", "chart illegally contains content outside the base directory: %1")
                .arg(quoted(tarName));
        if (name.startsWith(u".."))
            return QCoreApplication::translate("ChartArchive", "chart illegally references parent directory");
        if (drivePath.match(name).hasMatch())
            return QCoreApplication::translate("ChartArchive", "chart contains illegally named files");
        if (first == u"Chart.yaml")
            return QCoreApplication::translate("ChartArchive", "chart yaml not in base directory");

        const qint64 size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0;
        if (size < 0)
            return QStringLiteral("archive/tar: invalid tar header");
        if (size > remaining)
            return QCoreApplication::translate("ChartArchive",
                                               "decompressed chart is larger than the maximum file size %1")
                .arg(ChartArchive::MaxTotalSize);
        if (size > ChartArchive::MaxFileSize)
            return QCoreApplication::translate(
                       "ChartArchive", "decompressed chart file %1 is larger than the maximum file size %2")
                .arg(quoted(tarName))
                .arg(ChartArchive::MaxFileSize);

        // Symlinks, hard links and devices carry no data: Helm reads them as empty files.
        const bool hasData = type == AE_IFREG && archive_entry_hardlink(entry) == nullptr;
        QByteArray data;
        Span span{-1, 0};
        if (hasData && size > 0 && !tar.isNull()) {
            // The bytes are in `tar` already: one block, in place, unless the entry is unusual (sparse).
            const void *block = nullptr;
            size_t length = 0;
            la_int64_t offset = 0;
            const int r = archive_read_data_block(reader.get(), &block, &length, &offset);
            const char *at = static_cast<const char *>(block);
            if (r == ARCHIVE_OK && offset == 0 && qint64(length) == size && at >= tar.constData() &&
                at + length <= tar.constData() + tar.size()) {
                span = {qsizetype(at - tar.constData()), qsizetype(size)};
            } else {
                return loadArchiveFiles(tgz, files, topDirectory, false);
            }
        } else if (hasData && size > 0) {
            data.resize(size);
            qint64 done = 0;
            while (done < size) {
                const la_ssize_t n = archive_read_data(reader.get(), data.data() + done, size_t(size - done));
                if (n < 0)
                    return streamError(reader.get());
                if (n == 0)
                    return QStringLiteral("unexpected EOF");
                done += n;
            }
        }
        remaining -= span.offset >= 0 ? span.size : data.size();
        if (remaining <= 0)
            return QCoreApplication::translate("ChartArchive",
                                               "decompressed chart is larger than the maximum file size %1")
                .arg(ChartArchive::MaxTotalSize);

        if (span.offset < 0 && data.startsWith("\xEF\xBB\xBF"))
            data.remove(0, 3);
        if (files->isEmpty())
            *topDirectory = first;
        files->append({name, qint64(data.size()), data});
        spans.append(span);
    }
    if (files->isEmpty())
        return QCoreApplication::translate("ChartArchive", "no files in chart archive");
    if (!tar.isNull()) {
        // The tar's headers are read: each file's bytes are followed by a NUL (over padding or the next
        // header's first byte), as a QByteArray's own are, and the files share the buffer.
        char *raw = const_cast<char *>(tar.constData());
        for (const Span &span : std::as_const(spans)) {
            if (span.offset >= 0 && span.offset + span.size < tar.size())
                raw[span.offset + span.size] = '\0';
        }
        for (qsizetype i = 0; i < spans.size(); ++i) {
            Span span = spans.at(i);
            if (span.offset < 0)
                continue;
            if (span.size >= 3 && std::memcmp(tar.constData() + span.offset, "\xEF\xBB\xBF", 3) == 0) {
                span.offset += 3;
                span.size -= 3;
            }
            LoadedFile &file = (*files)[i];
            file.data = span.offset + span.size < tar.size()
                            ? slice(tar, span.offset, span.size)
                            : QByteArray(tar.constData() + span.offset, span.size);
            file.size = span.size;
        }
    }
    return {};
}

QString checkValues(const QByteArray &yaml)
{
    try {
        const YAML::Node root = YAML::Load(std::string(yaml.constData(), size_t(yaml.size())));
        if (root.IsDefined() && !root.IsNull() && !root.IsMap()) {
            return QCoreApplication::translate(
                       "ChartArchive",
                       "cannot load values.yaml: line %1: cannot unmarshal %2 into Go value of type "
                       "map[string]interface {}")
                .arg(root.Mark().line + 1)
                .arg(root.IsSequence() ? QStringLiteral("array") : QStringLiteral("string"));
        }
    } catch (const YAML::DeepRecursion &e) {
        return QCoreApplication::translate("ChartArchive",
                                           "cannot load values.yaml: line %1: nesting is too deep")
            .arg(e.mark.line + 1);
    } catch (const YAML::Exception &e) {
        return QCoreApplication::translate(
                   "ChartArchive",
                   "cannot load values.yaml: error converting YAML to JSON: yaml: line %1: %2")
            .arg(e.mark.line + 1)
            .arg(QString::fromStdString(e.msg));
    }
    return {};
}

QString loadArchive(const QByteArray &tgz, QList<LoadedFile> *files, QString *topDirectory,
                    ChartMetadata *metadata, int depth);

// Helm's LoadFiles: Chart.yaml and values.yaml are read in archive order, validation follows, then every
// subchart under charts/ is loaded the same way.
QString loadFiles(const QList<LoadedFile> &files, ChartMetadata *metadata, int depth)
{
    std::optional<ChartMetadata> parsed;
    QString deferredValidation;
    QMap<QString, QList<LoadedFile>> subcharts;
    for (const LoadedFile &file : files) {
        if (file.name == u"Chart.yaml") {
            QString error;
            parsed = ChartYaml::parse(file.data, &error);
            if (!parsed) {
                if (!error.startsWith(u"validation: "_s))
                    return error;
                deferredValidation = error;
                parsed = ChartMetadata{};
            } else {
                deferredValidation.clear();
            }
        } else if (file.name == u"values.yaml") {
            if (const QString error = checkValues(file.data); !error.isEmpty())
                return error;
        } else if (file.name.startsWith(u"charts/"_s) && !file.name.endsWith(u".prov"_s)) {
            const QString inCharts = file.name.mid(7);
            const QString subchart = inCharts.section(u'/', 0, 0);
            subcharts[subchart].append({inCharts, file.size, file.data});
        }
    }
    if (!parsed)
        return QCoreApplication::translate("ChartArchive", "Chart.yaml file is missing");
    if (!deferredValidation.isEmpty())
        return deferredValidation;
    *metadata = *parsed;

    for (auto it = subcharts.cbegin(); it != subcharts.cend(); ++it) {
        const QString &name = it.key();
        if (name.startsWith(u'_') || name.startsWith(u'.'))
            continue;
        if (depth >= MaxSubchartDepth) {
            return QCoreApplication::translate(
                       "ChartArchive",
                       "error unpacking subchart %1 in %2: subcharts are nested deeper than %3 levels")
                .arg(name, metadata->name)
                .arg(MaxSubchartDepth);
        }
        QString error;
        ChartMetadata sub;
        if (name.endsWith(u".tgz"_s)) {
            const LoadedFile &first = it.value().constFirst();
            if (first.name != name) {
                return QCoreApplication::translate("ChartArchive",
                                                   "error unpacking subchart tar in %1: expected %2, got %3")
                    .arg(metadata->name, name, first.name);
            }
            QList<LoadedFile> subFiles;
            QString subTop;
            error = loadArchive(first.data, &subFiles, &subTop, &sub, depth + 1);
        } else {
            QList<LoadedFile> subFiles;
            for (const LoadedFile &f : it.value()) {
                const qsizetype slash = f.name.indexOf(u'/');
                if (slash >= 0)
                    subFiles.append({f.name.mid(slash + 1), f.size, f.data});
            }
            error = loadFiles(subFiles, &sub, depth + 1);
        }
        if (!error.isEmpty())
            return QCoreApplication::translate("ChartArchive", "error unpacking subchart %1 in %2: %3")
                .arg(name, metadata->name, error);
    }
    return {};
}

QString loadArchive(const QByteArray &tgz, QList<LoadedFile> *files, QString *topDirectory,
                    ChartMetadata *metadata, int depth)
{
    if (const QString error = loadArchiveFiles(tgz, files, topDirectory); !error.isEmpty())
        return error;
    return loadFiles(*files, metadata, depth);
}

} // namespace

std::optional<ChartArchive> ChartArchive::read(const QByteArray &tgz, QString *error)
{
    QList<LoadedFile> files;
    ChartArchive result;
    const QString problem = loadArchive(tgz, &files, &result.m_topDirectory, &result.m_metadata, 0);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    result.m_files.reserve(files.size());
    for (const LoadedFile &f : std::as_const(files))
        result.m_files.append({f.name, f.size, f.data});
    if (error)
        error->clear();
    return result;
}

QByteArray ChartArchive::fileData(const QString &path) const
{
    // The last entry wins, as in Helm where a later entry overwrites an earlier one.
    for (auto it = m_files.crbegin(); it != m_files.crend(); ++it) {
        if (it->path == path)
            return it->data;
    }
    return {};
}

qint64 ChartArchive::totalSize() const
{
    qint64 total = 0;
    for (const File &f : m_files)
        total += f.size;
    return total;
}

} // namespace capstan
