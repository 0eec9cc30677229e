#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace capstan {

// Why: the result of comparing two chart versions — metadata changes and per-file changes with their
// unified diffs — shared by the CLI, the GUI and tests.
struct ChartDiff
{
    enum class Status { Added, Removed, Modified };

    struct MetadataChange
    {
        QString field; // "version", "appVersion", "dependencies.redis", "annotations.team", …
        QString from;  // empty when the field was absent
        QString to;
    };

    struct File
    {
        QString path; // relative to the chart's top directory
        Status status = Status::Modified;
        int additions = 0;
        int deletions = 0;
        bool binary = false;
        QString patch; // unified diff (git format); empty when patches were not asked for
    };

    QList<MetadataChange> metadata;
    QList<File> files;

    bool isEmpty() const { return metadata.isEmpty() && files.isEmpty(); }
    int additions() const;
    int deletions() const;
    static QString statusName(Status status); // "added", "removed", "modified" (stable, for JSON)
    // "2 files changed, 7 insertions(+), 1 deletion(-)", as git puts it, in proper plural forms.
    QString changeSummary() const;
};

} // namespace capstan

Q_DECLARE_METATYPE(capstan::ChartDiff)
