#pragma once

#include "ChartDiff.h"

namespace capstan {

class ChartArchive;

// Why: compares two chart archives file by file with libgit2's patch API (a maintained diff library,
// the same one behind git's unified diffs) and summarises the Chart.yaml metadata changes.
class ChartDiffer
{
public:
    struct Options
    {
        bool patches = true; // false: counts only (--stat), no patch text
        int contextLines = 3;
    };

    // Pure function of its inputs; safe to call from any thread.
    static ChartDiff diff(const ChartArchive &from, const ChartArchive &to, const Options &options);
    static ChartDiff diff(const ChartArchive &from, const ChartArchive &to)
    {
        return diff(from, to, Options());
    }
};

} // namespace capstan
