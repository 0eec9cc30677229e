#pragma once

#include <QHash>
#include <QString>

namespace capstan {

// Why: gives the sandbox and the benchmarks a realistic chart history: the torvalds chart built by CI runs
// 1.0.0-<run>, with real templates and values that change over time, plus a few other charts.
class SandboxSeeder
{
public:
    struct Result
    {
        int chartFiles = 0;
        QString error;
    };

    // Writes <name>-<version>.tgz files into `directory` (created if needed).
    // shas: the commit of each run (default: HomelabHistory::commitSha).
    static Result seedHomelab(const QString &directory, const QHash<int, QString> &shas = {});
    // `count` versions 1.0.0-1 … of chart `name`, small but valid, for load tests and benchmarks.
    static Result seedMany(const QString &directory, const QString &name, int count);
};

} // namespace capstan
