#include "ChartArchiveWriter.h"

#include <QtConcurrent/QtConcurrentMap>

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

la_ssize_t appendToByteArray(struct archive *, void *clientData, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(clientData)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}

// A tar stream like Go's archive/tar writes for helm: ustar headers, PAX only for long or non-ASCII names,
// and nothing after the two zero blocks.
QByteArray writeTar(const QString &topDirectory, const QList<ChartArchiveWriter::Entry> &entries,
                    qint64 mtimeSecs)
{
    QByteArray tar;
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
    archive_write_open(writer.get(), &tar, nullptr, appendToByteArray, nullptr);

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
            return {};
        if (!e.data.isEmpty() &&
            archive_write_data(writer.get(), e.data.constData(), size_t(e.data.size())) < 0)
            return {};
    }
    if (archive_write_close(writer.get()) != ARCHIVE_OK)
        return {};
    return tar;
}

} // namespace

QByteArray ChartArchiveWriter::write(const QString &topDirectory, const QList<Entry> &entries,
                                     qint64 mtimeSecs)
{
    const QByteArray tar = writeTar(topDirectory, entries, mtimeSecs);
    if (tar.isEmpty())
        return {};

    // Large archives are compressed as several gzip members in parallel (Helm's loader and every gzip
    // reader accept concatenated members). The split depends only on the size, so output stays
    // reproducible on any machine.
    constexpr qsizetype MinPiece = 4 * 1024 * 1024;
    const qsizetype pieceSize = std::max(MinPiece, (tar.size() + 3) / 4);
    QList<QByteArrayView> pieces;
    for (qsizetype offset = 0; offset < tar.size(); offset += pieceSize)
        pieces.append(QByteArrayView(tar).sliced(offset, std::min(pieceSize, tar.size() - offset)));
    const QList<QByteArray> members = QtConcurrent::blockingMapped(pieces, [](QByteArrayView piece) {
        std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(
            libdeflate_alloc_compressor(GzipLevel));
        if (!compressor)
            return QByteArray();
        QByteArray member;
        member.resize(qsizetype(libdeflate_gzip_compress_bound(compressor.get(), size_t(piece.size()))));
        const size_t written = libdeflate_gzip_compress(compressor.get(), piece.data(), size_t(piece.size()),
                                                        member.data(), size_t(member.size()));
        member.resize(qsizetype(written));
        return member;
    });
    QByteArray gz;
    for (const QByteArray &member : members) {
        if (member.isEmpty())
            return {};
        gz.append(member);
    }
    return gz;
}

} // namespace capstan
