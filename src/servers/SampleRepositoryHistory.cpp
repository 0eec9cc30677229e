#include "SampleRepositoryHistory.h"

#include "DemoChart.h"
#include "source/Libgit2.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <git2.h>

#include <memory>

namespace capstan {

using namespace Qt::Literals::StringLiterals;

namespace {

template <typename T, void (*Free)(T *)> struct Freer
{
    void operator()(T *pointer) const { Free(pointer); }
};
template <typename T, void (*Free)(T *)> using Owned = std::unique_ptr<T, Freer<T, Free>>;

bool append(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(bytes) == bytes.size();
}

// The demo chart's source as run `run` built it; what the run no longer has is gone.
bool writeSource(const QString &directory, int run)
{
    for (const QString &owned : DemoChart::ownedDirectories())
        QDir(QDir(directory).filePath(owned)).removeRecursively();
    for (const DemoChart::File &file : DemoChart::sourceFiles(run)) {
        const QString path = QDir(directory).filePath(file.path);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(file.data) != file.data.size())
            return false;
    }
    return true;
}

} // namespace

QStringList SampleRepositoryHistory::write(const QString &directory, const QList<HomelabHistory::Run> &runs,
                                           QString *error)
{
    Libgit2::ensureInitialised();
    auto fail = [error](const QString &what, int rc) {
        if (error)
            *error = tr("%1: %2").arg(what, Libgit2::lastError(rc));
        return QStringList();
    };
    if (!append(QDir(directory).filePath(u".gitignore"_s), ".capstan/\ndist/\n"))
        return fail(tr("Cannot write .gitignore"), 0);
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH;
    options.initial_head = "main";
    git_repository *rawRepository = nullptr;
    const QByteArray path = QFile::encodeName(directory);
    if (const int rc = git_repository_init_ext(&rawRepository, path.constData(), &options); rc < 0)
        return fail(tr("Cannot create a git repository in %1").arg(directory), rc);
    const Owned<git_repository, git_repository_free> repository(rawRepository);

    QStringList shas;
    git_oid parent;
    for (const HomelabHistory::Run &run : runs) {
        if (!append(QDir(directory).filePath(u"CHANGELOG.md"_s),
                    u"- #%1 %2\n"_s.arg(run.number).arg(run.message).toUtf8()))
            return fail(tr("Cannot write CHANGELOG.md"), 0);
        if (!writeSource(directory, run.number))
            return fail(tr("Cannot write the chart source of run %1").arg(run.number), 0);
        git_index *rawIndex = nullptr;
        if (const int rc = git_repository_index(&rawIndex, repository.get()); rc < 0)
            return fail(tr("Cannot open the index"), rc);
        const Owned<git_index, git_index_free> index(rawIndex);
        git_oid treeId;
        int rc = git_index_add_all(index.get(), nullptr, 0, nullptr, nullptr);
        if (rc >= 0)
            rc = git_index_update_all(index.get(), nullptr, nullptr, nullptr); // stages removed files
        if (rc >= 0)
            rc = git_index_write(index.get());
        if (rc >= 0)
            rc = git_index_write_tree(&treeId, index.get());
        if (rc < 0)
            return fail(tr("Cannot stage the sample repository"), rc);
        git_tree *rawTree = nullptr;
        if (rc = git_tree_lookup(&rawTree, repository.get(), &treeId); rc < 0)
            return fail(tr("Cannot read the staged tree"), rc);
        const Owned<git_tree, git_tree_free> tree(rawTree);
        git_signature *rawSignature = nullptr;
        const QByteArray name = run.authorName.toUtf8();
        const QByteArray email = (run.authorLogin + u"@users.noreply.example"_s).toUtf8();
        if (rc = git_signature_new(&rawSignature, name.constData(), email.constData(),
                                   run.created.addSecs(-120).toSecsSinceEpoch(), 0);
            rc < 0)
            return fail(tr("Cannot make the author of run %1").arg(run.number), rc);
        const Owned<git_signature, git_signature_free> signature(rawSignature);
        git_commit *rawParent = nullptr;
        if (!shas.isEmpty()) {
            if (rc = git_commit_lookup(&rawParent, repository.get(), &parent); rc < 0)
                return fail(tr("Cannot read the previous commit"), rc);
        }
        const Owned<git_commit, git_commit_free> parentCommit(rawParent);
        const git_commit *parents[] = {parentCommit.get()};
        const QByteArray message = run.message.toUtf8() + '\n';
        git_oid commitId;
        if (rc = git_commit_create(&commitId, repository.get(), "HEAD", signature.get(), signature.get(),
                                   nullptr, message.constData(), tree.get(), parentCommit ? 1 : 0, parents);
            rc < 0)
            return fail(tr("Cannot commit run %1").arg(run.number), rc);
        parent = commitId;
        shas.append(QString::fromLatin1(git_oid_tostr_s(&commitId)));
    }
    return shas;
}

} // namespace capstan
