#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace capstan {

// Why: a buffer of tens of megabytes written for the first time costs one page fault per 4 KiB page, and
// on virtual machines those faults cost more than packaging or unpacking itself; a buffer aligned to and
// sized in 2 MiB transparent huge pages turns thousands of faults into a few. Fixed capacity, move-only.
class HugePageBuffer
{
public:
    explicit HugePageBuffer(qsizetype capacity = 0);
    ~HugePageBuffer();
    HugePageBuffer(HugePageBuffer &&other) noexcept;
    HugePageBuffer &operator=(HugePageBuffer &&other) noexcept;
    HugePageBuffer(const HugePageBuffer &) = delete;
    HugePageBuffer &operator=(const HugePageBuffer &) = delete;

    bool isValid() const { return !m_failed; } // false when the memory could not be had
    char *data() { return m_data; }
    const char *constData() const { return m_data; }
    qsizetype capacity() const { return m_capacity; }
    qsizetype size() const { return m_size; }
    QByteArrayView view() const { return {m_data, m_size}; }

    // Appends when the bytes fit; returns false (and appends nothing) when they do not.
    bool append(const char *bytes, qsizetype length);
    // Marks `length` more bytes, written through data() past size(), as used.
    void grow(qsizetype length) { m_size += length; }

    // Advises the whole 2 MiB pages inside [data, data + size) to be huge pages, for a buffer allocated
    // elsewhere and not written yet (a no-op where the system cannot).
    static void advise(char *data, qsizetype size);
    // Faults in the pages of [data, data + size) in one call instead of one fault per page, for a buffer
    // about to be written whole (a no-op where the system cannot).
    static void populate(char *data, qsizetype size);

private:
    void release();

    void *m_mapping = nullptr;
    size_t m_mappingSize = 0;
    char *m_data = nullptr;
    qsizetype m_capacity = 0;
    qsizetype m_size = 0;
    bool m_failed = false;
};

} // namespace capstan
