#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace capstan {

// Why: the entry point of the desktop app: reads the GuiOptions, builds the services and shows the
// main window. Needs a QApplication.
class GuiRunner
{
    Q_DECLARE_TR_FUNCTIONS(GuiRunner)

public:
    static int run(const QStringList &arguments);
};

} // namespace capstan
