#include "HugePageBuffer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace capstan {

namespace {

constexpr size_t HugePageSize = 2 * 1024 * 1024;

} // namespace

HugePageBuffer::HugePageBuffer(qsizetype capacity)
{
    if (capacity <= 0)
        return;
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    // Whole huge pages, aligned: a mapping one page larger leaves room to align the start.
    const size_t rounded = (size_t(capacity) + HugePageSize - 1) & ~(HugePageSize - 1);
    const size_t mappingSize = rounded + HugePageSize;
    void *mapping = mmap(nullptr, mappingSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapping == MAP_FAILED) {
        m_failed = true;
        return;
    }
    m_mapping = mapping;
    m_mappingSize = mappingSize;
    m_data = reinterpret_cast<char *>((quintptr(mapping) + HugePageSize - 1) & ~quintptr(HugePageSize - 1));
    madvise(m_data, rounded, MADV_HUGEPAGE);
    m_capacity = qsizetype(rounded);
#else
    m_mapping = std::malloc(size_t(capacity));
    m_data = static_cast<char *>(m_mapping);
    m_capacity = m_data ? capacity : 0;
    m_failed = !m_data;
#endif
}

HugePageBuffer::~HugePageBuffer()
{
    release();
}

HugePageBuffer::HugePageBuffer(HugePageBuffer &&other) noexcept
    : m_mapping(std::exchange(other.m_mapping, nullptr))
    , m_mappingSize(std::exchange(other.m_mappingSize, 0))
    , m_data(std::exchange(other.m_data, nullptr))
    , m_capacity(std::exchange(other.m_capacity, 0))
    , m_size(std::exchange(other.m_size, 0))
    , m_failed(std::exchange(other.m_failed, false))
{}

HugePageBuffer &HugePageBuffer::operator=(HugePageBuffer &&other) noexcept
{
    if (this != &other) {
        release();
        m_mapping = std::exchange(other.m_mapping, nullptr);
        m_mappingSize = std::exchange(other.m_mappingSize, 0);
        m_data = std::exchange(other.m_data, nullptr);
        m_capacity = std::exchange(other.m_capacity, 0);
        m_size = std::exchange(other.m_size, 0);
        m_failed = std::exchange(other.m_failed, false);
    }
    return *this;
}

bool HugePageBuffer::append(const char *bytes, qsizetype length)
{
    if (length > m_capacity - m_size)
        return false;
    if (length > 0)
        std::memcpy(m_data + m_size, bytes, size_t(length));
    m_size += length;
    return true;
}

void HugePageBuffer::advise(char *data, qsizetype size)
{
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    const quintptr begin = (quintptr(data) + HugePageSize - 1) & ~quintptr(HugePageSize - 1);
    const quintptr end = (quintptr(data) + quintptr(size)) & ~quintptr(HugePageSize - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
    // The part before the first huge page is faulted in at once rather than page by page.
    populate(data, qsizetype(std::min(begin, quintptr(data) + quintptr(size)) - quintptr(data)));
#else
    Q_UNUSED(data);
    Q_UNUSED(size);
#endif
}

void HugePageBuffer::populate(char *data, qsizetype size)
{
#if defined(Q_OS_LINUX) && defined(MADV_POPULATE_WRITE)
    constexpr quintptr PageSize = 4096;
    const quintptr begin = (quintptr(data) + PageSize - 1) & ~(PageSize - 1);
    const quintptr end = (quintptr(data) + quintptr(size)) & ~(PageSize - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE);
#else
    Q_UNUSED(data);
    Q_UNUSED(size);
#endif
}

void HugePageBuffer::release()
{
    if (!m_mapping)
        return;
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    munmap(m_mapping, m_mappingSize);
#else
    std::free(m_mapping);
#endif
    m_mapping = nullptr;
    m_data = nullptr;
    m_capacity = 0;
    m_size = 0;
}

} // namespace capstan
