#pragma once

#include <QHash>
#include <QString>

namespace capstan {

// Why: gives the sandbox and the benchmarks a realistic chart history: the torvalds chart as CI packaged it
// from each run of the story (DemoChart), 1.0.0-<run>, plus a few other charts.
class SandboxSeeder
{
public:
    struct Result
    {
        int chartFiles = 0;
        QString error;
    };

    // Writes <name>-<version>.tgz files into `directory` (created if needed).
    static Result seedHomelab(const QString &directory);
    // `count` versions 1.0.0-1 … of chart `name`, small but valid, for load tests and benchmarks.
    static Result seedMany(const QString &directory, const QString &name, int count);
};

} // namespace capstan
