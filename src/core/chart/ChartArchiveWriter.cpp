#include "ChartArchiveWriter.h"

#include "HugePageBuffer.h"

#include <QtConcurrent/QtConcurrentRun>

#include <archive.h>
#include <archive_entry.h>
#include <libdeflate.h>

#include <algorithm>
#include <cstring>
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

// One compressor per pool thread, kept: a level-6 compressor is hundreds of kilobytes of tables that
// would otherwise be allocated and faulted in again for every member.
libdeflate_compressor *threadCompressor()
{
    thread_local std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(
        libdeflate_alloc_compressor(GzipLevel));
    return compressor.get();
}

// Compresses one piece into its slot of the output buffer; 0 on failure.
size_t compressMember(QByteArrayView piece, char *slot, size_t slotSize)
{
    libdeflate_compressor *compressor = threadCompressor();
    if (!compressor)
        return 0;
    return libdeflate_gzip_compress(compressor, piece.data(), size_t(piece.size()), slot, slotSize);
}

// Collects the tar stream and compresses it as it grows: each full piece becomes one gzip member,
// compressed on the thread pool while the rest of the tar is still being written (Helm's loader and every
// gzip reader accept concatenated members). Piece boundaries depend only on the entries, so the output is
// the same on every machine. Each member is written into its own slot of one output buffer.
struct CompressingSink
{
    HugePageBuffer tar;
    HugePageBuffer out;
    qsizetype pieceSize = 0;
    qsizetype slotSize = 0;
    qsizetype started = 0; // bytes of `tar` already handed to a compressor
    QList<QFuture<size_t>> members;
    bool overflow = false;

    bool open(qsizetype tarCapacity, qsizetype piece)
    {
        tar = HugePageBuffer(tarCapacity);
        pieceSize = piece;
        // Slots in whole huge pages, so that no two members share a page.
        slotSize = qsizetype(libdeflate_gzip_compress_bound(nullptr, size_t(piece)) + (2 << 20) - 1) &
                   ~qsizetype((2 << 20) - 1);
        out = HugePageBuffer(slotSize * (tar.capacity() / piece + 1));
        return tar.isValid() && out.isValid();
    }

    void compress(qsizetype length)
    {
        char *slot = out.data() + members.size() * slotSize;
        if (members.size() * slotSize + slotSize > out.capacity()) {
            overflow = true;
            return;
        }
        members.append(
            QtConcurrent::run(compressMember, tar.view().sliced(started, length), slot, size_t(slotSize)));
        started += length;
    }

    void append(const char *data, qsizetype length)
    {
        // The buffer never moves (the running compressors read it): more than the estimate is an error.
        if (!tar.append(data, length)) {
            overflow = true;
            return;
        }
        while (!overflow && tar.size() - started >= pieceSize)
            compress(pieceSize);
    }

    QByteArray finish()
    {
        if (!overflow && (started < tar.size() || members.isEmpty()))
            compress(tar.size() - started);
        QList<size_t> sizes;
        qsizetype total = 0;
        bool failed = overflow;
        for (QFuture<size_t> &member : members) {
            sizes.append(member.result());
            failed = failed || sizes.last() == 0;
            total += qsizetype(sizes.last());
        }
        if (failed)
            return {};
        QByteArray gz(total, Qt::Uninitialized);
        HugePageBuffer::populate(gz.data(), gz.size());
        qsizetype at = 0;
        for (qsizetype i = 0; i < sizes.size(); ++i) {
            std::memcpy(gz.data() + at, out.constData() + i * slotSize, sizes.at(i));
            at += qsizetype(sizes.at(i));
        }
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
    // One buffer up front, in huge pages (growing or faulting in tens of megabytes page by page costs more
    // than compressing them), and the piece size derived from the estimate: up to four members of at least
    // 4 MiB. Long names take a PAX header too: the capacity allows for them.
    qsizetype expected = 1024;
    qsizetype names = 0;
    for (const Entry &e : entries) {
        expected += 1536 + (e.data.size() + 511) / 512 * 512;
        names += 3 * (topDirectory.size() + e.path.size() + 1);
    }
    CompressingSink sink;
    if (!sink.open(expected + 2 * names + 1024, std::max<qsizetype>(4 * 1024 * 1024, (expected + 3) / 4)))
        return {};
    const bool written = writeTar(topDirectory, entries, mtimeSecs, &sink);
    QByteArray gz = sink.finish();
    if (!written || sink.tar.size() == 0)
        return {};
    return gz;
}

} // namespace capstan
