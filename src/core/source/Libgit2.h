#pragma once

#include <QString>

namespace capstan {

// Why: libgit2 keeps process-wide state that must be set up once before any call; every user of the
// library (chart diffs, source checkouts) starts it here and reads its errors the same way.
class Libgit2
{
public:
    // Sets the library up once for the process (thread-safe); it is shut down when the process exits.
    static void ensureInitialised();
    // The calling thread's last libgit2 error message, or "libgit2 error <rc>" when it left none.
    static QString lastError(int rc);
    // The class of that error (GIT_ERROR_NET, GIT_ERROR_HTTP, …), or 0.
    static int lastErrorClass();
};

} // namespace capstan
