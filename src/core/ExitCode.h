#pragma once

namespace capstan {

// Why: every CLI command and error maps to the same documented process exit codes.
enum class ExitCode : int {
    Ok = 0,
    Failed = 1,
    Usage = 2,
    Auth = 3,
    Unreachable = 4,
    NotFound = 5,
    Conflict = 6,
    // SIGINT or SIGTERM ended the command (a deploy cancels gracefully first); 128 + SIGINT, as in a shell.
    Interrupted = 130,
};

} // namespace capstan
