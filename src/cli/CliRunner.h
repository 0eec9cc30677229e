#pragma once

#include <QStringList>

namespace capstan {

// Why: the entry point of `capstan --cli …`: parses the command line, runs one command on the event loop
// and returns the documented exit code. Needs only a QCoreApplication.
class CliRunner
{
public:
    // `arguments` is the full argv (program name first, "--cli" anywhere).
    static int run(const QStringList &arguments);
};

} // namespace capstan
