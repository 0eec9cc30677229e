#include "ChartArchiveWriter.h"

#include <QtConcurrent/QtConcurrentRun>

#include <archive.h>
#include <archive_entry.h>
#include <libdeflate.h>

#include <algorithm>
#include <memory>

namespace capstan {

namespace {

constexpr int GzipLevel = 6;

struct WriteFree
{
    void operator()(struct archive *a) const { archive_write_free(a); }
};

struct EntryFree
{
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};

struct CompressorFree
{
    void operator()(libdeflate_compressor *c) const { libdeflate_free_compressor(c); }
};

QByteArray compressMember(QByteArrayView piece)
{
    std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(libdeflate_alloc_compressor(GzipLevel));
    if (!compressor)
        return {};
    QByteArray member;
    member.resize(qsizetype(libdeflate_gzip_compress_bound(compressor.get(), size_t(piece.size()))));
    const size_t written = libdeflate_gzip_compress(compressor.get(), piece.data(), size_t(piece.size()),
                                                    member.data(), size_t(member.size()));
    member.resize(qsizetype(written));
    return member;
}

// Collects the tar stream and compresses it as it grows: each full piece becomes one gzip member,
// compressed on the thread pool while the rest of the tar is still being written (Helm's loader and every
// gzip reader accept concatenated members). Piece boundaries depend only on the entries, so the output is
// the same on every machine.
struct CompressingSink
{
    QByteArray tar;
    qsizetype pieceSize = 0;
    qsizetype started = 0; // bytes of `tar` already handed to a compressor
    QList<QFuture<QByteArray>> members;

    void append(const char *data, qsizetype length)
    {
        if (tar.capacity() - tar.size() < length) {
            // Growing would move the bytes the running compressors read: let them finish first.
            for (QFuture<QByteArray> &member : members)
                member.waitForFinished();
        }
        tar.append(data, length);
        while (tar.size() - started >= pieceSize) {
            members.append(QtConcurrent::run(compressMember, QByteArrayView(tar).sliced(started, pieceSize)));
            started += pieceSize;
        }
    }

    QByteArray finish()
    {
        if (started < tar.size() || members.isEmpty())
            members.append(QtConcurrent::run(compressMember, QByteArrayView(tar).sliced(started)));
        QList<QByteArray> parts;
        qsizetype total = 0;
        for (QFuture<QByteArray> &member : members) {
            parts.append(member.result());
            if (parts.last().isEmpty())
                return {};
            total += parts.last().size();
        }
        if (parts.size() == 1)
            return parts.first();
        QByteArray gz;
        gz.reserve(total);
        for (const QByteArray &part : std::as_const(parts))
            gz.append(part);
        return gz;
    }
};

la_ssize_t appendToSink(struct archive *, void *clientData, const void *buffer, size_t length)
{
    static_cast<CompressingSink *>(clientData)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}

// A tar stream like Go's archive/tar writes for helm: ustar headers, PAX only for long or non-ASCII names,
// and nothing after the two zero blocks.
bool writeTar(const QString &topDirectory, const QList<ChartArchiveWriter::Entry> &entries, qint64 mtimeSecs,
              CompressingSink *sink)
{
    std::unique_ptr<struct archive, WriteFree> writer(archive_write_new());
    archive_write_set_format_pax_restricted(writer.get());
    // Non-ASCII names are stored as their UTF-8 bytes with no conversion through the process locale (which
    // libarchive would need, and which fails in the C locale), so the output never depends on the locale.
    const auto isAscii = [](const QString &s) {
        return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() < 0x80; });
    };
    const bool asciiOnly = isAscii(topDirectory) &&
                           std::all_of(entries.cbegin(), entries.cend(),
                                       [&](const ChartArchiveWriter::Entry &e) { return isAscii(e.path); });
    if (!asciiOnly)
        archive_write_set_format_option(writer.get(), "pax", "hdrcharset", "BINARY");
    archive_write_set_bytes_per_block(writer.get(), 0);
    archive_write_open(writer.get(), sink, nullptr, appendToSink, nullptr);

    for (const ChartArchiveWriter::Entry &e : entries) {
        std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
        const QByteArray path = (topDirectory + u'/' + e.path).toUtf8();
        archive_entry_copy_pathname(entry.get(), path.constData());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_uid(entry.get(), 0);
        archive_entry_set_gid(entry.get(), 0);
        archive_entry_set_size(entry.get(), e.data.size());
        archive_entry_set_mtime(entry.get(), time_t(mtimeSecs), 0);
        if (archive_write_header(writer.get(), entry.get()) < ARCHIVE_WARN)
            return false;
        if (!e.data.isEmpty() &&
            archive_write_data(writer.get(), e.data.constData(), size_t(e.data.size())) < 0)
            return false;
    }
    if (archive_write_close(writer.get()) != ARCHIVE_OK)
        return false;
    return true;
}

} // namespace

QByteArray ChartArchiveWriter::write(const QString &topDirectory, const QList<Entry> &entries,
                                     qint64 mtimeSecs)
{
    // One allocation up front (growing tens of megabytes costs copies and page faults), and the piece size
    // derived from it: up to four members of at least 4 MiB.
    qsizetype expected = 1024;
    for (const Entry &e : entries)
        expected += 1536 + (e.data.size() + 511) / 512 * 512;
    CompressingSink sink;
    sink.tar.reserve(expected);
    sink.pieceSize = std::max<qsizetype>(4 * 1024 * 1024, (expected + 3) / 4);
    const bool written = writeTar(topDirectory, entries, mtimeSecs, &sink);
    QByteArray gz = sink.finish();
    if (!written || sink.tar.isEmpty())
        return {};
    return gz;
}

} // namespace capstan
