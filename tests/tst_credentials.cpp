#include "credentials/CredentialStore.h"
#include "credentials/Redactor.h"
#include "net/ApiError.h"

#include <QFutureWatcher>
#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace capstan;

namespace {

// Waits for a future on the event loop (keychain jobs answer through D-Bus).
template <typename T> bool waitFor(const QFuture<T> &future, int timeoutMs = 20000)
{
    QFutureWatcher<T> watcher;
    watcher.setFuture(future);
    return QTest::qWaitFor([&] { return watcher.isFinished(); }, timeoutMs);
}

template <typename T> std::optional<ApiError> failureOf(QFuture<T> future)
{
    try {
        future.waitForFinished();
        if constexpr (!std::is_void_v<T>)
            future.result();
    } catch (const ApiError &error) {
        return error;
    }
    return std::nullopt;
}

} // namespace

// Runs against a real Secret Service (gnome-keyring in a private D-Bus session, see support/with-keyring.sh).
class TstCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void environmentNames_data();
    void environmentNames();
    void roundTripThroughKeychain();
    void missingEntryIsNotFound();
    void environmentOverridesKeychain();
    void emptySecretRefused();
    void noKeychainReachable();
    void environmentOnlyNeverAsksTheKeychain();
    void redactor_data();
    void redactor();
    void redactorReportsShortSecrets();

private:
    QString m_service;
};

void TstCredentials::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run under dbus-run-session with gnome-keyring (tests/support/with-keyring.sh)");
    m_service = QStringLiteral("capstan-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void TstCredentials::environmentNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("variable");
    QTest::newRow("chartmuseum") << QStringLiteral("chartmuseum")
                                 << QStringLiteral("CAPSTAN_CHARTMUSEUM_PASSWORD");
    QTest::newRow("argocd") << QStringLiteral("argocd") << QStringLiteral("CAPSTAN_ARGOCD_TOKEN");
    QTest::newRow("argocd-password") << QStringLiteral("argocd-password")
                                     << QStringLiteral("CAPSTAN_ARGOCD_PASSWORD");
    QTest::newRow("github") << QStringLiteral("github") << QStringLiteral("CAPSTAN_GITHUB_TOKEN");
}

void TstCredentials::environmentNames()
{
    QFETCH(QString, name);
    QFETCH(QString, variable);
    QCOMPARE(CredentialStore::environmentVariable(name), variable);
    QVERIFY(CredentialStore::isKnownName(name));
}

void TstCredentials::roundTripThroughKeychain()
{
    CredentialStore store(QProcessEnvironment(), m_service);
    const QString secret = QStringLiteral("s3cr3t-") + QUuid::createUuid().toString();
    QFuture<void> written = store.write(QStringLiteral("chartmuseum"), secret);
    QVERIFY(waitFor(written));
    const auto writeError = failureOf(written);
    QVERIFY2(!writeError, writeError ? qPrintable(writeError->toString()) : "");

    QFuture<QString> read = store.read(QStringLiteral("chartmuseum"));
    QVERIFY(waitFor(read));
    QVERIFY(!failureOf(read));
    QCOMPARE(read.result(), secret);

    // The secret is really in the Secret Service: QtKeychain stores it with attributes server=<service>,
    // user=<name>.
    QProcess lookup;
    lookup.start(QStringLiteral("secret-tool"),
                 {QStringLiteral("lookup"), QStringLiteral("server"), m_service, QStringLiteral("user"),
                  QStringLiteral("chartmuseum")});
    QVERIFY(lookup.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed(), secret);

    QFuture<void> removed = store.remove(QStringLiteral("chartmuseum"));
    QVERIFY(waitFor(removed));
    QVERIFY(!failureOf(removed));
    QFuture<QString> again = store.read(QStringLiteral("chartmuseum"));
    QVERIFY(waitFor(again));
    const auto error = failureOf(again);
    QVERIFY(error);
    QCOMPARE(error->kind(), ApiError::Kind::NotFound);
}

void TstCredentials::missingEntryIsNotFound()
{
    CredentialStore store(QProcessEnvironment(), m_service);
    QFuture<QString> read = store.read(QStringLiteral("argocd"));
    QVERIFY(waitFor(read));
    const auto error = failureOf(read);
    QVERIFY(error);
    QCOMPARE(error->kind(), ApiError::Kind::NotFound);
    QCOMPARE(error->exitCode(), ExitCode::NotFound);
    QVERIFY(error->hint().contains(QStringLiteral("CAPSTAN_ARGOCD_TOKEN")));
    QVERIFY(error->hint().contains(QStringLiteral("credentials set argocd")));
}

void TstCredentials::environmentOverridesKeychain()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("CAPSTAN_GITHUB_TOKEN"), QStringLiteral("from-env"));
    CredentialStore store(environment, m_service);
    QVERIFY(store.overriddenByEnvironment(QStringLiteral("github")));
    QVERIFY(!store.overriddenByEnvironment(QStringLiteral("argocd")));

    CredentialStore keychainOnly(QProcessEnvironment(), m_service);
    QFuture<void> written = keychainOnly.write(QStringLiteral("github"), QStringLiteral("from-keychain"));
    QVERIFY(waitFor(written));
    QVERIFY(!failureOf(written));

    QFuture<QString> read = store.read(QStringLiteral("github"));
    QVERIFY(waitFor(read));
    QCOMPARE(read.result(), QStringLiteral("from-env"));
    QFuture<QString> direct = keychainOnly.read(QStringLiteral("github"));
    QVERIFY(waitFor(direct));
    QCOMPARE(direct.result(), QStringLiteral("from-keychain"));
    QVERIFY(waitFor(keychainOnly.remove(QStringLiteral("github"))));
}

void TstCredentials::emptySecretRefused()
{
    CredentialStore store(QProcessEnvironment(), m_service);
    QFuture<void> written = store.write(QStringLiteral("chartmuseum"), QString());
    QVERIFY(waitFor(written));
    const auto error = failureOf(written);
    QVERIFY(error);
    QCOMPARE(error->kind(), ApiError::Kind::Usage);
}

void TstCredentials::noKeychainReachable()
{
    // A child process with no D-Bus session must fail clearly, name the variable, and never fall back.
    const QString helper = QStringLiteral(CAPSTAN_BINARY);
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("CAPSTAN_CHARTMUSEUM_PASSWORD"));
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=/nonexistent/bus"));
    child.setProcessEnvironment(environment);
    child.start(helper, {QStringLiteral("--cli"), QStringLiteral("credentials"), QStringLiteral("check"),
                         QStringLiteral("chartmuseum")});
    QVERIFY(child.waitForFinished(30000));
    const QString err = QString::fromUtf8(child.readAllStandardError());
    QCOMPARE(child.exitCode(), int(ExitCode::Auth));
    QVERIFY2(err.contains(QStringLiteral("keychain")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("CAPSTAN_CHARTMUSEUM_PASSWORD")), qPrintable(err));
}

void TstCredentials::environmentOnlyNeverAsksTheKeychain()
{
    // The sandbox's store: a secret in the user's keychain is neither read nor replaced.
    CredentialStore keychain(QProcessEnvironment(), QStringLiteral("capstan"));
    QVERIFY(waitFor(keychain.write(QStringLiteral("argocd-password"), QStringLiteral("users-own-secret"))));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("CAPSTAN_GITHUB_TOKEN"), QStringLiteral("ghp_sandbox"));
    std::unique_ptr<CredentialStore> sandbox(CredentialStore::environmentOnly(environment));
    QVERIFY(!sandbox->usesKeychain());

    QFuture<QString> token = sandbox->read(QStringLiteral("github"));
    QVERIFY(waitFor(token));
    QCOMPARE(token.result(), QStringLiteral("ghp_sandbox"));
    const std::optional<ApiError> missing = failureOf(sandbox->read(QStringLiteral("argocd-password")));
    QVERIFY(missing);
    QCOMPARE(missing->kind(), ApiError::Kind::NotFound);
    QVERIFY2(missing->message().contains(QStringLiteral("CAPSTAN_ARGOCD_PASSWORD")),
             qPrintable(missing->message()));
    QVERIFY(failureOf(sandbox->write(QStringLiteral("argocd-password"), QStringLiteral("replaced"))));
    QVERIFY(failureOf(sandbox->remove(QStringLiteral("argocd-password"))));

    QFuture<QString> kept = keychain.read(QStringLiteral("argocd-password"));
    QVERIFY(waitFor(kept));
    QCOMPARE(kept.result(), QStringLiteral("users-own-secret"));
    QVERIFY(waitFor(keychain.remove(QStringLiteral("argocd-password"))));
}

void TstCredentials::redactor_data()
{
    const QString mask = Redactor::Mask.toString();
    const QString secret = QStringLiteral("s3cr3t-Pa55");
    const auto basic = [](const QString &credential) {
        return QStringLiteral("Authorization: Basic ") + QString::fromLatin1(credential.toUtf8().toBase64());
    };
    QTest::addColumn<QStringList>("secrets");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << QStringList() << QStringLiteral("plain") << QStringLiteral("plain");
    QTest::newRow("whole word") << QStringList{secret} << QStringLiteral("using s3cr3t-Pa55 now")
                                << QStringLiteral("using %1 now").arg(mask);
    QTest::newRow("repeated") << QStringList{secret} << QStringLiteral("s3cr3t-Pa55 s3cr3t-Pa55")
                              << QStringLiteral("%1 %1").arg(mask);
    QTest::newRow("key=value") << QStringList{secret} << QStringLiteral("pw=s3cr3t-Pa55;")
                               << QStringLiteral("pw=%1;").arg(mask);
    QTest::newRow("sentence") << QStringList{secret} << QStringLiteral("The token is s3cr3t-Pa55.")
                              << QStringLiteral("The token is %1.").arg(mask);
    QTest::newRow("json") << QStringList{secret} << QStringLiteral("{\"token\":\"s3cr3t-Pa55\"}")
                          << QStringLiteral("{\"token\":\"%1\"}").arg(mask);
    QTest::newRow("url user info") << QStringList{secret} << QStringLiteral("https://ci:s3cr3t-Pa55@host/x")
                                   << QStringLiteral("https://ci:%1@host/x").arg(mask);
    QTest::newRow("url query") << QStringList{secret} << QStringLiteral("GET /api?token=s3cr3t-Pa55&page=2")
                               << QStringLiteral("GET /api?token=%1&page=2").arg(mask);
    QTest::newRow("url path") << QStringList{secret} << QStringLiteral("GET /v2/s3cr3t-Pa55/blobs")
                              << QStringLiteral("GET /v2/%1/blobs").arg(mask);
    QTest::newRow("percent-encoded") << QStringList{QStringLiteral("p@ss:w0rd!")}
                                     << QStringLiteral("https://ci:p%40ss%3Aw0rd%21@host/")
                                     << QStringLiteral("https://ci:%1@host/").arg(mask);
    QTest::newRow("terminal colours") << QStringList{secret} << QStringLiteral("\x1b[1;32ms3cr3t-Pa55\x1b[0m")
                                      << QStringLiteral("\x1b[1;32m%1\x1b[0m").arg(mask);
    QTest::newRow("basic credential") << QStringList{secret} << basic(QStringLiteral("ci:s3cr3t-Pa55"))
                                      << QStringLiteral("Authorization: Basic %1").arg(mask);
    QTest::newRow("basic credential of another password")
        << QStringList{secret} << basic(QStringLiteral("ci:another-password"))
        << basic(QStringLiteral("ci:another-password"));
    QTest::newRow("inside a longer word")
        << QStringList{QStringLiteral("adminpass")} << QStringLiteral("superadminpassword")
        << QStringLiteral("superadminpassword");
    QTest::newRow("glued to a digit") << QStringList{QStringLiteral("12345678")}
                                      << QStringLiteral("id 123456789") << QStringLiteral("id 123456789");
    QTest::newRow("punctuation at the secret's edges")
        << QStringList{QStringLiteral("!pa55word!")} << QStringLiteral("x!pa55word!y")
        << QStringLiteral("x%1y").arg(mask);
    QTest::newRow("overlapping, longest first")
        << QStringList{QStringLiteral("abcdefgh"), QStringLiteral("abcdefgh-ijkl")}
        << QStringLiteral("x abcdefgh-ijkl y abcdefgh") << QStringLiteral("x %1 y %1").arg(mask);
    // Too short to be masked reliably: Capstan's words and the step's output stay readable.
    QTest::newRow("short password") << QStringList{QStringLiteral("admin")}
                                    << QStringLiteral("user admin uploaded")
                                    << QStringLiteral("user admin uploaded");
    QTest::newRow("one-letter token") << QStringList{QStringLiteral("e")} << QStringLiteral("exit code 127")
                                      << QStringLiteral("exit code 127");
    QTest::newRow("seven characters") << QStringList{QStringLiteral("hunter2")}
                                      << QStringLiteral("pw=hunter2") << QStringLiteral("pw=hunter2");
    QTest::newRow("eight characters") << QStringList{QStringLiteral("hunter22")}
                                      << QStringLiteral("pw=hunter22") << QStringLiteral("pw=%1").arg(mask);
    QTest::newRow("empty secret ignored")
        << QStringList{QString()} << QStringLiteral("text") << QStringLiteral("text");
}

void TstCredentials::redactor()
{
    QFETCH(QStringList, secrets);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    Redactor redactor;
    for (const QString &secret : secrets)
        redactor.addSecret(secret, QStringLiteral("SECRET"));
    QCOMPARE(redactor.redact(text), expected);
}

void TstCredentials::redactorReportsShortSecrets()
{
    Redactor redactor;
    QVERIFY(!redactor.addSecret(QStringLiteral("admin"), QStringLiteral("chartmuseum")));
    QVERIFY(redactor.addSecret(QStringLiteral("long-enough-token"), QStringLiteral("argocd")));
    // The same short value under another name (environment and keychain) is one warning.
    QVERIFY(!redactor.addSecret(QStringLiteral("admin"), QStringLiteral("CAPSTAN_CHARTMUSEUM_PASSWORD")));
    QVERIFY(!redactor.addSecret(QStringLiteral("x"), QStringLiteral("REGISTRY_TOKEN")));
    QVERIFY(redactor.addSecret(QString(), QStringLiteral("EMPTY")));
    QCOMPARE(redactor.tooShort(),
             (QStringList{QStringLiteral("chartmuseum"), QStringLiteral("REGISTRY_TOKEN")}));
    QCOMPARE(redactor.redact(QStringLiteral("admin x long-enough-token")),
             QStringLiteral("admin x ") + Redactor::Mask.toString());
}

QTEST_GUILESS_MAIN(TstCredentials)
#include "tst_credentials.moc"
