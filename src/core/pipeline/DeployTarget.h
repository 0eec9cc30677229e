#pragma once

#include <QString>

namespace capstan {

// Why: what one deploy ships and why; every step, the journal and the lock read the same values.
struct DeployTarget
{
    QString build;       // CI run number, "148"; empty when deploying by --version without a build
    QString version;     // chart version, "1.0.0-148"
    QString sha;         // commit of the build when known
    QString env;         // "dev" or "prod"
    QString reason;      // free text given by the person deploying; may be empty
    QString user;        // "name@host"
    QString source;      // "checkout" (clean checkout of sha), "worktree", or "" (sync only, nothing built)
    bool clean = true;   // the tree the pipeline ran in had no local changes
    QString ciOverride;  // why the CI gate was overridden; empty when it passed
    QString dirtyReason; // why a dirty working tree was allowed
};

} // namespace capstan
