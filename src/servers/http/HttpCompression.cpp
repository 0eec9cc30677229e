#include "HttpCompression.h"

#include <QList>

#include <libdeflate.h>

#include <memory>

namespace capstan {

namespace {

struct CompressorFree
{
    void operator()(libdeflate_compressor *c) const { libdeflate_free_compressor(c); }
};

constexpr char gzipHeader[] = {'\x1f', '\x8b', '\x08', '\x00', '\x00',
                               '\x00', '\x00', '\x00', '\x00', '\xff'};

void appendLe32(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((value >> (8 * i)) & 0xff));
}

void appendStoredBlock(QByteArray &out, QByteArrayView data, bool final)
{
    out.append(final ? '\x01' : '\x00');
    const quint16 length = quint16(data.size());
    out.append(char(length & 0xff));
    out.append(char(length >> 8));
    out.append(char(~length & 0xff));
    out.append(char((~length >> 8) & 0xff));
    out.append(data.data(), data.size());
}

} // namespace

HttpCompression::Encoding HttpCompression::negotiate(const QByteArray &acceptEncoding)
{
    const QList<QByteArray> tokens = acceptEncoding.split(',');
    for (const QByteArray &token : tokens) {
        const QByteArray trimmed = token.trimmed();
        if (trimmed == "gzip")
            return Encoding::Gzip;
        if (trimmed == "deflate")
            return Encoding::Deflate;
    }
    return Encoding::Identity;
}

QByteArray HttpCompression::name(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Gzip:
        return "gzip";
    case Encoding::Deflate:
        return "deflate";
    case Encoding::Identity:
        break;
    }
    return {};
}

QByteArray HttpCompression::compress(const QByteArray &data, Encoding encoding)
{
    if (encoding == Encoding::Identity)
        return data;
    std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(libdeflate_alloc_compressor(6));
    QByteArray out;
    if (encoding == Encoding::Gzip) {
        out.resize(qsizetype(libdeflate_gzip_compress_bound(compressor.get(), size_t(data.size()))));
        out.resize(qsizetype(libdeflate_gzip_compress(compressor.get(), data.constData(), size_t(data.size()),
                                                      out.data(), size_t(out.size()))));
    } else {
        out.resize(qsizetype(libdeflate_deflate_compress_bound(compressor.get(), size_t(data.size()))));
        out.resize(qsizetype(libdeflate_deflate_compress(
            compressor.get(), data.constData(), size_t(data.size()), out.data(), size_t(out.size()))));
    }
    return out;
}

HttpCompression::HttpCompression(Encoding encoding)
    : m_encoding(encoding)
{}

QByteArray HttpCompression::next(const QByteArray &data)
{
    if (m_encoding == Encoding::Identity)
        return data;
    QByteArray out;
    if (!m_started && m_encoding == Encoding::Gzip)
        out.append(gzipHeader, sizeof gzipHeader);
    m_started = true;
    m_crc = quint32(libdeflate_crc32(m_crc, data.constData(), size_t(data.size())));
    m_size += quint32(data.size());
    constexpr qsizetype maxBlock = 65535;
    for (qsizetype offset = 0; offset < data.size(); offset += maxBlock)
        appendStoredBlock(out, QByteArrayView(data).sliced(offset, qMin(maxBlock, data.size() - offset)),
                          false);
    return out;
}

QByteArray HttpCompression::finish()
{
    if (m_encoding == Encoding::Identity)
        return {};
    QByteArray out;
    if (!m_started && m_encoding == Encoding::Gzip)
        out.append(gzipHeader, sizeof gzipHeader);
    m_started = true;
    appendStoredBlock(out, {}, true);
    if (m_encoding == Encoding::Gzip) {
        appendLe32(out, m_crc);
        appendLe32(out, m_size);
    }
    return out;
}

} // namespace capstan
