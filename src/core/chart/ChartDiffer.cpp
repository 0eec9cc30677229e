#include "ChartDiffer.h"

#include "ChartArchive.h"
#include "source/Libgit2.h"

#include <QCoreApplication>
#include <QMap>

#include <git2.h>

#include <memory>

namespace capstan {

namespace {

struct PatchDeleter
{
    void operator()(git_patch *patch) const { git_patch_free(patch); }
};

void diffFile(const QString &path, const QByteArray *oldData, const QByteArray *newData,
              const ChartDiffer::Options &options, ChartDiff::File *file)
{
    git_diff_options diffOptions;
    git_diff_options_init(&diffOptions, GIT_DIFF_OPTIONS_VERSION);
    diffOptions.context_lines = quint32(qMax(0, options.contextLines));

    const QByteArray pathUtf8 = path.toUtf8();
    git_patch *raw = nullptr;
    const int rc = git_patch_from_buffers(
        &raw, oldData ? oldData->constData() : nullptr, oldData ? size_t(oldData->size()) : 0,
        pathUtf8.constData(), newData ? newData->constData() : nullptr, newData ? size_t(newData->size()) : 0,
        pathUtf8.constData(), &diffOptions);
    std::unique_ptr<git_patch, PatchDeleter> patch(raw);
    if (rc != 0 || !patch) {
        file->binary = true;
        file->patch = QCoreApplication::translate("ChartDiffer", "(no diff: %1)").arg(Libgit2::lastError(rc));
        return;
    }
    const git_diff_delta *delta = git_patch_get_delta(patch.get());
    file->binary = delta && (delta->flags & GIT_DIFF_FLAG_BINARY);
    if (!file->binary) {
        size_t additions = 0;
        size_t deletions = 0;
        git_patch_line_stats(nullptr, &additions, &deletions, patch.get());
        file->additions = int(additions);
        file->deletions = int(deletions);
    }
    if (!options.patches)
        return;
    if (file->binary) {
        file->patch = QStringLiteral("Binary files %1 and %2 differ\n")
                          .arg(oldData ? QStringLiteral("a/") + path : QStringLiteral("/dev/null"),
                               newData ? QStringLiteral("b/") + path : QStringLiteral("/dev/null"));
        return;
    }
    git_buf buffer = GIT_BUF_INIT;
    if (git_patch_to_buf(&buffer, patch.get()) == 0)
        file->patch = QString::fromUtf8(buffer.ptr, qsizetype(buffer.size));
    git_buf_dispose(&buffer);
}

QString dependencyText(const ChartMetadata::Dependency &dependency)
{
    QString text = dependency.version;
    if (!dependency.repository.isEmpty())
        text += QStringLiteral(" (") + dependency.repository + u')';
    if (!dependency.alias.isEmpty())
        text += QStringLiteral(" as ") + dependency.alias;
    if (!dependency.condition.isEmpty())
        text += QStringLiteral(" if ") + dependency.condition;
    return text;
}

QString maintainersText(const QList<ChartMetadata::Maintainer> &maintainers)
{
    QStringList parts;
    for (const ChartMetadata::Maintainer &maintainer : maintainers) {
        QString part = maintainer.name;
        if (!maintainer.email.isEmpty())
            part += QStringLiteral(" <") + maintainer.email + u'>';
        parts.append(part);
    }
    return parts.join(QStringLiteral(", "));
}

void compareMaps(const QString &prefix, const QMap<QString, QString> &from, const QMap<QString, QString> &to,
                 QList<ChartDiff::MetadataChange> *changes)
{
    QMap<QString, QString> keys = from;
    keys.insert(to);
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        const QString a = from.value(it.key());
        const QString b = to.value(it.key());
        if (from.contains(it.key()) != to.contains(it.key()) || a != b)
            changes->append({prefix + it.key(), a, b});
    }
}

QList<ChartDiff::MetadataChange> compareMetadata(const ChartMetadata &a, const ChartMetadata &b)
{
    QList<ChartDiff::MetadataChange> changes;
    const auto field = [&](const char *name, const QString &from, const QString &to) {
        if (from != to)
            changes.append({QString::fromLatin1(name), from, to});
    };
    field("apiVersion", a.apiVersion, b.apiVersion);
    field("name", a.name, b.name);
    field("version", a.version, b.version);
    field("appVersion", a.appVersion, b.appVersion);
    field("description", a.description, b.description);
    field("type", a.type, b.type);
    field("kubeVersion", a.kubeVersion, b.kubeVersion);
    field("home", a.home, b.home);
    field("icon", a.icon, b.icon);
    field("deprecated", a.deprecated ? QStringLiteral("true") : QString(),
          b.deprecated ? QStringLiteral("true") : QString());
    field("keywords", a.keywords.join(QStringLiteral(", ")), b.keywords.join(QStringLiteral(", ")));
    field("sources", a.sources.join(QStringLiteral(", ")), b.sources.join(QStringLiteral(", ")));
    field("maintainers", maintainersText(a.maintainers), maintainersText(b.maintainers));

    // Dependencies are keyed by alias when there is one (Helm allows the same chart twice under aliases).
    const auto dependencies = [](const ChartMetadata &metadata) {
        QMap<QString, QString> map;
        for (const ChartMetadata::Dependency &dependency : metadata.dependencies)
            map.insert(dependency.alias.isEmpty() ? dependency.name : dependency.alias,
                       dependencyText(dependency));
        return map;
    };
    compareMaps(QStringLiteral("dependencies."), dependencies(a), dependencies(b), &changes);
    compareMaps(QStringLiteral("annotations."), a.annotations, b.annotations, &changes);
    return changes;
}

} // namespace

ChartDiff ChartDiffer::diff(const ChartArchive &from, const ChartArchive &to, const Options &options)
{
    Libgit2::ensureInitialised();
    ChartDiff result;
    result.metadata = compareMetadata(from.metadata(), to.metadata());

    QMap<QString, const ChartArchive::File *> oldFiles;
    for (const ChartArchive::File &file : from.files())
        oldFiles.insert(file.path, &file);
    QMap<QString, const ChartArchive::File *> newFiles;
    for (const ChartArchive::File &file : to.files())
        newFiles.insert(file.path, &file);

    QMap<QString, bool> paths; // sorted union
    for (auto it = oldFiles.cbegin(); it != oldFiles.cend(); ++it)
        paths.insert(it.key(), true);
    for (auto it = newFiles.cbegin(); it != newFiles.cend(); ++it)
        paths.insert(it.key(), true);

    for (auto it = paths.cbegin(); it != paths.cend(); ++it) {
        const ChartArchive::File *oldFile = oldFiles.value(it.key());
        const ChartArchive::File *newFile = newFiles.value(it.key());
        if (oldFile && newFile && oldFile->data == newFile->data)
            continue;
        ChartDiff::File file;
        file.path = it.key();
        file.status = !oldFile ? ChartDiff::Status::Added
                               : (!newFile ? ChartDiff::Status::Removed : ChartDiff::Status::Modified);
        diffFile(file.path, oldFile ? &oldFile->data : nullptr, newFile ? &newFile->data : nullptr, options,
                 &file);
        result.files.append(file);
    }
    return result;
}

} // namespace capstan
