#pragma once

#include <QByteArray>

namespace capstan {

// Why: Argo CD compresses /api/ responses (gorilla/handlers: the first exact gzip or deflate token of
// Accept-Encoding wins) and flushes the compressor after every watch message, so the test server needs both
// whole-body and streamed gzip/raw-deflate output.
class HttpCompression
{
public:
    enum class Encoding { Identity, Gzip, Deflate };

    // gorilla/handlers v1.5.2: the first token that is exactly "gzip" or "deflate" ("gzip;q=1" is not).
    static Encoding negotiate(const QByteArray &acceptEncoding);
    static QByteArray name(Encoding encoding);
    static QByteArray compress(const QByteArray &data, Encoding encoding);

    explicit HttpCompression(Encoding encoding = Encoding::Identity);
    // Compressed bytes for `data`, flushed so the client can decode them at once (stored deflate blocks).
    QByteArray next(const QByteArray &data);
    // The end of the compressed stream (final block and, for gzip, the trailer).
    QByteArray finish();

private:
    Encoding m_encoding;
    bool m_started = false;
    quint32 m_crc = 0;
    quint32 m_size = 0;
};

} // namespace capstan
