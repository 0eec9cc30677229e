#include "ChartDiff.h"

#include <QCoreApplication>

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

QString ChartDiff::changeSummary() const
{
    // One message per English form, each with %n, so the text is right without a catalogue and a
    // translation still gets every plural form of its language.
    const int changed = int(files.size());
    const int added = additions();
    const int removed = deletions();
    return (changed == 1 ? QCoreApplication::translate("ChartDiff", "%n file changed", nullptr, changed)
                         : QCoreApplication::translate("ChartDiff", "%n files changed", nullptr, changed)) +
           QStringLiteral(", ") +
           (added == 1 ? QCoreApplication::translate("ChartDiff", "%n insertion(+)", nullptr, added)
                       : QCoreApplication::translate("ChartDiff", "%n insertions(+)", nullptr, added)) +
           QStringLiteral(", ") +
           (removed == 1 ? QCoreApplication::translate("ChartDiff", "%n deletion(-)", nullptr, removed)
                         : QCoreApplication::translate("ChartDiff", "%n deletions(-)", nullptr, removed));
}

} // namespace capstan
