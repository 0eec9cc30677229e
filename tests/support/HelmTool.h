#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// Why: interop tests run the real helm binary with private HELM_* homes, and skip (or, under
// CAPSTAN_REQUIRE_HELM=1, fail) the same way when it is missing.
class HelmTool
{
public:
    HelmTool();

    static QString path(); // CAPSTAN_HELM at configure time; empty when none was given
    static bool available();
    QProcessEnvironment environment() const;

    // Runs helm with a 2-minute limit; false (with a warning naming the command) when it fails.
    bool run(const QStringList &arguments, const QString &workDir, QByteArray *output = nullptr,
             QByteArray *errors = nullptr) const;

private:
    QTemporaryDir m_home;
};

#define CAPSTAN_REQUIRE_HELM()                                                                               \
    do {                                                                                                     \
        if (!HelmTool::available()) {                                                                        \
            if (qEnvironmentVariableIntValue("CAPSTAN_REQUIRE_HELM") == 1)                                   \
                QFAIL("CAPSTAN_REQUIRE_HELM=1 but no helm binary (CAPSTAN_HELM) is available");              \
            QSKIP("no helm binary: configure with -DCAPSTAN_HELM=<path>");                                   \
        }                                                                                                    \
    } while (false)
