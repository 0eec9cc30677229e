#include "GuiRunner.h"

namespace capstan {

int GuiRunner::run(const QStringList &)
{
    return 0;
}

} // namespace capstan
