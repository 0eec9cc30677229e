#pragma once

#include "HomelabHistory.h"

#include <QCoreApplication>
#include <QStringList>

namespace capstan {

// Why: a sandbox deploy checks out the commit its CI run built, so the sandbox's sample repository is a real
// git repository with one real commit per run of the story, whose shas the sandbox's GitHub reports.
class SampleRepositoryHistory
{
    Q_DECLARE_TR_FUNCTIONS(SampleRepositoryHistory)

public:
    // Makes `directory` (the written sample repository) a git repository on branch main with one commit per
    // run, oldest first, each adding the run's line to CHANGELOG.md and holding the demo chart's source as
    // that run built it (DemoChart), authored by the run's author at its time. The commits' shas in the order
    // of `runs`; empty with `error` set when libgit2 fails.
    static QStringList write(const QString &directory, const QList<HomelabHistory::Run> &runs,
                             QString *error);
};

} // namespace capstan
