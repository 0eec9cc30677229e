#include "ChartDiff.h"

namespace capstan {

int ChartDiff::additions() const
{
    int sum = 0;
    for (const File &file : files)
        sum += file.additions;
    return sum;
}

int ChartDiff::deletions() const
{
    int sum = 0;
    for (const File &file : files)
        sum += file.deletions;
    return sum;
}

QString ChartDiff::statusName(Status status)
{
    switch (status) {
    case Status::Added:
        return QStringLiteral("added");
    case Status::Removed:
        return QStringLiteral("removed");
    case Status::Modified:
        break;
    }
    return QStringLiteral("modified");
}

} // namespace capstan
