#include "GitRepository.h"
#include "net/ApiError.h"
#include "source/SourceCheckout.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QtConcurrent>

#include <atomic>

using namespace capstan;
using namespace Qt::Literals::StringLiterals;

namespace {

// Every file under `root` (also .git) with its bytes' digest: a snapshot two trees are compared by.
QMap<QString, QByteArray> snapshot(const QString &root, bool withGit = true)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(root).relativeFilePath(path);
        if (!withGit && (relative == u".git"_s || relative.startsWith(u".git/"_s)))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        files.insert(relative, QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

} // namespace

class TstSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void checkoutHasExactlyTheCommit();
    void userTreeUntouched();
    void unknownShaRefused_data();
    void unknownShaRefused();
    void dirtyDetection_data();
    void dirtyDetection();
    void cachedCloneReused();
    void gitUrlSource();
    void concurrentCheckouts();
    void cancelled_data();
    void cancelled();
    void destinationMustBeEmpty();
    void findRepository();

private:
    QString git(const QStringList &arguments, const QString &directory = {});
    void write(const QString &relative, const QByteArray &bytes, const QString &root = {});
    QString commitAll(const QString &message);
    // The files of `sha` as git itself lists them, with their digests.
    QMap<QString, QByteArray> treeOf(const QString &sha);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_repo;
    QString m_cache;
    QStringList m_shas;      // oldest first
    QStringList m_gitErrors; // git commands that failed
};

QString TstSource::git(const QStringList &arguments, const QString &directory)
{
    const QString out = GitRepository(directory.isEmpty() ? m_repo : directory).git(arguments);
    if (out.isNull())
        m_gitErrors.append(u"git "_s + arguments.join(u' '));
    return out;
}

void TstSource::write(const QString &relative, const QByteArray &bytes, const QString &root)
{
    const QString path = QDir(root.isEmpty() ? m_repo : root).filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

QString TstSource::commitAll(const QString &message)
{
    git({u"add"_s, u"-A"_s});
    git({u"commit"_s, u"-q"_s, u"-m"_s, message});
    return git({u"rev-parse"_s, u"HEAD"_s});
}

QMap<QString, QByteArray> TstSource::treeOf(const QString &sha)
{
    QMap<QString, QByteArray> files;
    const QStringList paths =
        git({u"ls-tree"_s, u"-r"_s, u"--name-only"_s, sha}).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &path : paths) {
        QProcess show;
        show.setWorkingDirectory(m_repo);
        show.start(u"git"_s, {u"cat-file"_s, u"blob"_s, sha + u':' + path});
        show.waitForFinished(60000);
        files.insert(path,
                     QCryptographicHash::hash(show.readAllStandardOutput(), QCryptographicHash::Sha256));
    }
    return files;
}

void TstSource::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_repo = m_dir->filePath(u"work"_s);
    m_cache = m_dir->filePath(u"cache"_s);
    QVERIFY(QDir().mkpath(m_repo));
    git({u"init"_s, u"-q"_s, u"-b"_s, u"main"_s});
    m_shas.clear();

    write(u".gitignore"_s, "build/\n*.log\n");
    write(u"capstan.yaml"_s, "pipeline: []\n");
    write(u"a.txt"_s, "one\n");
    write(u"old/b.txt"_s, "only in the first commit\n");
    m_shas << commitAll(u"first"_s);
    write(u"a.txt"_s, "two\n");
    write(u"src/c.txt"_s, "added by the second\n");
    m_shas << commitAll(u"second"_s);
    write(u"a.txt"_s, "three\n");
    QVERIFY(QFile::remove(QDir(m_repo).filePath(u"old/b.txt"_s)));
    m_shas << commitAll(u"third"_s);
    for (const QString &sha : std::as_const(m_shas))
        QCOMPARE(sha.size(), 40);
    QVERIFY2(m_gitErrors.isEmpty(), qPrintable(m_gitErrors.join(u'\n')));
}

void TstSource::cleanup()
{
    QVERIFY2(m_gitErrors.isEmpty(), qPrintable(m_gitErrors.join(u'\n')));
    m_gitErrors.clear();
}

void TstSource::checkoutHasExactlyTheCommit()
{
    // The user's tree is at another commit, with edits, staged changes, new and ignored files.
    write(u"a.txt"_s, "edited, not committed\n");
    write(u"staged.txt"_s, "staged\n");
    git({u"add"_s, u"staged.txt"_s});
    write(u"untracked.txt"_s, "new\n");
    write(u"build/out.bin"_s, "ignored\n");

    const SourceCheckout source(m_cache);
    const SourceCheckout::Result first = source.checkout(m_repo, m_shas.at(0));
    QCOMPARE(first.sha, m_shas.at(0));
    QVERIFY(first.fetched);
    QVERIFY(first.directory.startsWith(m_cache));
    QCOMPARE(snapshot(first.directory, false), treeOf(m_shas.at(0)));
    QCOMPARE(SourceCheckout::inspect(first.directory).headSha, m_shas.at(0));
    QVERIFY(!SourceCheckout::inspect(first.directory).isDirty());

    // An abbreviated sha, into a directory the caller names.
    const QString named = m_dir->filePath(u"named"_s);
    const SourceCheckout::Result second = source.checkout(m_repo, m_shas.at(1).left(10), named);
    QCOMPARE(second.directory, named);
    QCOMPARE(second.sha, m_shas.at(1));
    QCOMPARE(snapshot(named, false), treeOf(m_shas.at(1)));
    QVERIFY(QFile::exists(QDir(named).filePath(u"old/b.txt"_s)));
    QVERIFY(!QFile::exists(QDir(named).filePath(u"untracked.txt"_s)));
    QVERIFY(!QFile::exists(QDir(named).filePath(u"build/out.bin"_s)));
}

void TstSource::userTreeUntouched()
{
    git({u"checkout"_s, u"-q"_s, m_shas.at(1)}); // HEAD detached at an older commit
    write(u"a.txt"_s, "edited\n");
    write(u"untracked.txt"_s, "new\n");
    write(u"build/out.bin"_s, "ignored\n");
    git({u"status"_s}); // let git refresh its index now, not during the checkout below
    const QMap<QString, QByteArray> before = snapshot(m_repo);
    QVERIFY(before.contains(u".git/index"_s));

    const SourceCheckout source(m_cache);
    const SourceCheckout::Result result = source.checkout(m_repo, m_shas.at(2));
    QCOMPARE(snapshot(result.directory, false), treeOf(m_shas.at(2)));
    QCOMPARE(snapshot(m_repo), before);
    QCOMPARE(git({u"rev-parse"_s, u"HEAD"_s}), m_shas.at(1));
}

void TstSource::unknownShaRefused_data()
{
    QTest::addColumn<QString>("sha");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("unknown full sha") << u"0123456789abcdef0123456789abcdef01234567"_s
                                      << int(ApiError::Kind::NotFound) << int(ExitCode::NotFound);
    QTest::newRow("unknown abbreviated")
        << u"deadbee"_s << int(ApiError::Kind::NotFound) << int(ExitCode::NotFound);
    QTest::newRow("not hex") << u"main"_s << int(ApiError::Kind::Usage) << int(ExitCode::Usage);
    QTest::newRow("too short") << u"abc"_s << int(ApiError::Kind::Usage) << int(ExitCode::Usage);
}

void TstSource::unknownShaRefused()
{
    QFETCH(QString, sha);
    QFETCH(int, kind);
    QFETCH(int, exitCode);
    const QString destination = m_dir->filePath(u"refused"_s);
    const SourceCheckout source(m_cache);
    try {
        source.checkout(m_repo, sha, destination);
        QFAIL("the checkout succeeded");
    } catch (const ApiError &error) {
        QCOMPARE(int(error.kind()), kind);
        QCOMPARE(int(error.exitCode()), exitCode);
        QVERIFY2(error.message().contains(sha), qPrintable(error.message()));
    }
    QVERIFY(!QFileInfo::exists(destination)); // nothing half-written
}

void TstSource::dirtyDetection_data()
{
    QTest::addColumn<QString>("change"); // what is done to the clean tree
    QTest::addColumn<bool>("dirty");
    QTest::addColumn<QStringList>("staged");
    QTest::addColumn<QStringList>("modified");
    QTest::addColumn<QStringList>("untracked");
    QTest::newRow("clean") << u"none"_s << false << QStringList() << QStringList() << QStringList();
    QTest::newRow("modified") << u"modify"_s << true << QStringList() << QStringList{u"a.txt"_s}
                              << QStringList();
    QTest::newRow("deleted") << u"delete"_s << true << QStringList() << QStringList{u"src/c.txt"_s}
                             << QStringList();
    QTest::newRow("staged") << u"stage"_s << true << QStringList{u"a.txt"_s} << QStringList()
                            << QStringList();
    QTest::newRow("untracked") << u"untracked"_s << true << QStringList() << QStringList()
                               << QStringList{u"notes/new.txt"_s};
    QTest::newRow("ignored only") << u"ignored"_s << false << QStringList() << QStringList() << QStringList();
}

void TstSource::dirtyDetection()
{
    QFETCH(QString, change);
    QFETCH(bool, dirty);
    QFETCH(QStringList, staged);
    QFETCH(QStringList, modified);
    QFETCH(QStringList, untracked);
    if (change == u"modify"_s) {
        write(u"a.txt"_s, "changed\n");
    } else if (change == u"delete"_s) {
        QVERIFY(QFile::remove(QDir(m_repo).filePath(u"src/c.txt"_s)));
    } else if (change == u"stage"_s) {
        write(u"a.txt"_s, "changed\n");
        git({u"add"_s, u"a.txt"_s});
    } else if (change == u"untracked"_s) {
        write(u"notes/new.txt"_s, "new\n");
    } else if (change == u"ignored"_s) {
        write(u"build/out.bin"_s, "ignored\n");
        write(u"run.log"_s, "ignored\n");
    }
    // Asked from a subdirectory: the whole tree counts.
    const SourceCheckout::TreeState state = SourceCheckout::inspect(QDir(m_repo).filePath(u"src"_s));
    QCOMPARE(state.root, QFileInfo(m_repo).canonicalFilePath());
    QCOMPARE(state.headSha, m_shas.constLast());
    QCOMPARE(state.isDirty(), dirty);
    QCOMPARE(state.staged, staged);
    QCOMPARE(state.modified, modified);
    QCOMPARE(state.untracked, untracked);
}

void TstSource::cachedCloneReused()
{
    const SourceCheckout source(m_cache);
    const SourceCheckout::Result first = source.checkout(m_repo, m_shas.at(0));
    QVERIFY(first.fetched);
    QVERIFY(QFileInfo::exists(source.cacheDirectoryFor(m_repo)));
    QCOMPARE(source.cacheDirectoryFor(m_repo), source.cacheDirectoryFor(m_repo + u"/"_s));

    // Known commits come from the cache: no fetch, and the source need not even be there.
    const QString moved = m_dir->filePath(u"moved"_s);
    QVERIFY(QDir().rename(m_repo, moved));
    QVERIFY(QDir().mkpath(m_repo)); // an empty directory where the repository was
    const SourceCheckout::Result second = source.checkout(m_repo, m_shas.at(2));
    QVERIFY(!second.fetched);
    QCOMPARE(second.sha, m_shas.at(2));
    QVERIFY(QDir(m_repo).removeRecursively());
    QVERIFY(QDir().rename(moved, m_repo));

    // A new commit is missing from the cache: fetched once, then cached.
    write(u"a.txt"_s, "four\n");
    const QString fourth = commitAll(u"fourth"_s);
    const SourceCheckout::Result third = source.checkout(m_repo, fourth);
    QVERIFY(third.fetched);
    QCOMPARE(snapshot(third.directory, false), treeOf(fourth));
    QVERIFY(!source.checkout(m_repo, fourth).fetched);

    // A commit on no branch (a detached HEAD) is fetched too.
    git({u"checkout"_s, u"-q"_s, u"--detach"_s});
    write(u"a.txt"_s, "detached\n");
    const QString detached = commitAll(u"detached"_s);
    const SourceCheckout::Result fifth = source.checkout(m_repo, detached);
    QVERIFY(fifth.fetched);
    QCOMPARE(snapshot(fifth.directory, false), treeOf(detached));
}

void TstSource::gitUrlSource()
{
    const QString url = QUrl::fromLocalFile(m_repo).toString();
    QVERIFY(url.startsWith(u"file://"_s));
    const SourceCheckout source(m_cache);
    const SourceCheckout::Result result = source.checkout(url, m_shas.at(1));
    QVERIFY(result.fetched);
    QCOMPARE(snapshot(result.directory, false), treeOf(m_shas.at(1)));
    QVERIFY(source.cacheDirectoryFor(url) != source.cacheDirectoryFor(m_repo));

    // Unreachable: the URL without its user info in the message.
    const QString secretUrl = u"http://builder:pa55-w0rd-never-shown@127.0.0.1:1/acme/shop.git"_s;
    try {
        source.checkout(secretUrl, m_shas.at(1));
        QFAIL("fetching from a closed port succeeded");
    } catch (const ApiError &error) {
        QVERIFY2(!error.toString().contains(u"pa55-w0rd"_s), qPrintable(error.toString()));
        QVERIFY2(!error.hint().contains(u"pa55-w0rd"_s), qPrintable(error.hint()));
        QVERIFY2(error.toString().contains(u"127.0.0.1:1/acme/shop.git"_s), qPrintable(error.toString()));
    }
}

void TstSource::concurrentCheckouts()
{
    const SourceCheckout source(m_cache);
    QList<QFuture<SourceCheckout::Result>> futures;
    for (int i = 0; i < 6; ++i) {
        const QString sha = m_shas.at(i % m_shas.size());
        futures.append(QtConcurrent::run([source, this, sha] { return source.checkout(m_repo, sha); }));
    }
    for (int i = 0; i < futures.size(); ++i) {
        const SourceCheckout::Result result = futures[i].result();
        QCOMPARE(result.sha, m_shas.at(i % m_shas.size()));
        QCOMPARE(snapshot(result.directory, false), treeOf(result.sha));
    }
}

void TstSource::cancelled_data()
{
    QTest::addColumn<int>("answersBeforeCancel"); // how often the check says "go on" first
    QTest::newRow("before it starts") << 0;
    QTest::newRow("while fetching") << 1;
}

void TstSource::cancelled()
{
    QFETCH(int, answersBeforeCancel);
    std::atomic_int answers = 0;
    std::atomic_bool enabled = true;
    const SourceCheckout source(
        m_cache, [&] { return enabled.load() && answers.fetch_add(1) >= answersBeforeCancel; });
    const QString destination = m_dir->filePath(u"cancelled"_s);
    try {
        source.checkout(m_repo, m_shas.at(0), destination);
        QFAIL("a cancelled checkout succeeded");
    } catch (const ApiError &error) {
        QCOMPARE(error.kind(), ApiError::Kind::Failed);
        QVERIFY2(error.message().contains(u"cancelled"_s), qPrintable(error.message()));
    }
    QVERIFY(!QFileInfo::exists(destination));
    enabled = false;
    const SourceCheckout::Result result = source.checkout(m_repo, m_shas.at(0), destination);
    QCOMPARE(snapshot(result.directory, false), treeOf(m_shas.at(0)));
}

void TstSource::destinationMustBeEmpty()
{
    const QString destination = m_dir->filePath(u"occupied"_s);
    write(u"keep.txt"_s, "mine\n", destination);
    const SourceCheckout source(m_cache);
    try {
        source.checkout(m_repo, m_shas.at(0), destination);
        QFAIL("a checkout wrote into a non-empty directory");
    } catch (const ApiError &error) {
        QCOMPARE(error.kind(), ApiError::Kind::Usage);
    }
    QCOMPARE(QDir(destination).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"keep.txt"_s});

    // A missing source is not found.
    try {
        source.checkout(m_dir->filePath(u"nowhere"_s), m_shas.at(0));
        QFAIL("a missing source was accepted");
    } catch (const ApiError &error) {
        QCOMPARE(error.exitCode(), ExitCode::NotFound);
    }
}

void TstSource::findRepository()
{
    const QString root = QFileInfo(m_repo).canonicalFilePath();
    QCOMPARE(SourceCheckout::findRepository(QDir(m_repo).filePath(u"capstan.yaml"_s)), root);
    QCOMPARE(SourceCheckout::findRepository(QDir(m_repo).filePath(u"src/c.txt"_s)), root);
    QCOMPARE(SourceCheckout::findRepository(QDir(m_repo).filePath(u"src"_s)), root);
    const QString outside = m_dir->filePath(u"plain"_s);
    write(u"capstan.yaml"_s, "pipeline: []\n", outside);
    QCOMPARE(SourceCheckout::findRepository(QDir(outside).filePath(u"capstan.yaml"_s)), QString());
    try {
        SourceCheckout::inspect(outside);
        QFAIL("a directory outside any repository was inspected");
    } catch (const ApiError &error) {
        QCOMPARE(error.kind(), ApiError::Kind::NotFound);
    }
}

QTEST_GUILESS_MAIN(TstSource)
#include "tst_source.moc"
