#include "Libgit2.h"

#include <git2.h>

namespace capstan {

namespace {

// libgit2's init/shutdown pair is reference counted and thread-safe. A function-local static is the one
// acceptable global here: it is a C library's set-up, not an application object, and C++ guarantees it is
// constructed once even under concurrent calls.
class Library
{
public:
    Library() { git_libgit2_init(); }
    ~Library() { git_libgit2_shutdown(); }
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;
};

} // namespace

void Libgit2::ensureInitialised()
{
    static const Library library;
}

QString Libgit2::lastError(int rc)
{
    const git_error *error = git_error_last();
    if (error && error->message && *error->message)
        return QString::fromUtf8(error->message).trimmed();
    return QStringLiteral("libgit2 error %1").arg(rc);
}

int Libgit2::lastErrorClass()
{
    const git_error *error = git_error_last();
    return error ? error->klass : 0;
}

} // namespace capstan
