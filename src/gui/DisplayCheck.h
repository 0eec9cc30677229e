#pragma once

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace capstan {

// Why: without a display Qt aborts while creating the QApplication; this tells before then, names what is
// missing and the two ways on (a virtual display, or the command line).
class DisplayCheck
{
    Q_DECLARE_TR_FUNCTIONS(DisplayCheck)

public:
    // Empty when a window can be opened with this environment and these arguments (argv[0] first);
    // otherwise the message for the user.
    static QString missingDisplay(const QProcessEnvironment &environment, const QStringList &arguments);
};

} // namespace capstan
