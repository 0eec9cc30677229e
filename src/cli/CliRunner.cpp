#include "CliRunner.h"

namespace capstan {

int CliRunner::run(const QStringList &)
{
    return 2;
}

} // namespace capstan
