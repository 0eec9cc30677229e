#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace capstan {

// Why: writes chart .tgz files in the layout helm package produces (ustar, regular files only, 0644,
// uid/gid 0, one top directory), reproducibly: the same entries give the same bytes.
class ChartArchiveWriter
{
public:
    struct Entry
    {
        QString path; // relative to the top directory
        QByteArray data;
    };

    // Entries are written in the order given, under "<topDirectory>/". Fixed mtime for every entry.
    static QByteArray write(const QString &topDirectory, const QList<Entry> &entries, qint64 mtimeSecs = 0);
};

} // namespace capstan
