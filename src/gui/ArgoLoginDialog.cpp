#include "ArgoLoginDialog.h"

#include "FutureWatch.h"
#include "MessageBanner.h"

#include "argocd/ArgoCdClient.h"
#include "credentials/CredentialStore.h"
#include "net/HttpClient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {
const auto TokenCredential = u"argocd"_s;
}

ArgoLoginDialog::ArgoLoginDialog(const Config::ArgoCd &settings, CredentialStore *credentials,
                                 const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_credentials(credentials)
    , m_network(new QNetworkAccessManager(this))
    , m_http(nullptr)
    , m_tabs(new QTabWidget(this))
    , m_userEdit(new QLineEdit(this))
    , m_passwordEdit(new QLineEdit(this))
    , m_tokenEdit(new QLineEdit(this))
    , m_banner(new MessageBanner(this))
    , m_loginButton(new QPushButton(tr("Log in"), this))
{
    setObjectName(u"argoLoginDialog"_s);
    setWindowTitle(tr("Log in to Argo CD"));
    HttpClient::Options options;
    options.serviceName = u"Argo CD"_s;
    options.credentialName = TokenCredential;
    options.maxAttempts = 1; // a login is not retried: every attempt counts towards Argo CD's lockout
    m_http = new HttpClient(m_network, settings.url, options, this);

    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("Log in to <b>%1</b> for the application <b>%2</b>.")
                       .arg(settings.url.toDisplayString().toHtmlEscaped(), settings.app.toHtmlEscaped()),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_banner);
    if (!reason.isEmpty())
        m_banner->showMessage(MessageBanner::Type::Warning, tr("Argo CD rejected the session."), reason);
    else
        m_banner->clear();

    auto *passwordPage = new QWidget(m_tabs);
    auto *passwordForm = new QFormLayout(passwordPage);
    m_userEdit->setObjectName(u"argoLoginUser"_s);
    m_userEdit->setText(settings.username.isEmpty() ? u"admin"_s : settings.username);
    m_passwordEdit->setObjectName(u"argoLoginPassword"_s);
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    passwordForm->addRow(tr("Username"), m_userEdit);
    passwordForm->addRow(tr("Password"), m_passwordEdit);
    auto *passwordNote = new QLabel(
        tr("Capstan asks Argo CD for a session token and keeps the token, not the password, in the system "
           "keychain."),
        passwordPage);
    passwordNote->setWordWrap(true);
    passwordForm->addRow(passwordNote);
    m_tabs->addTab(passwordPage, tr("Password"));

    auto *tokenPage = new QWidget(m_tabs);
    auto *tokenForm = new QFormLayout(tokenPage);
    m_tokenEdit->setObjectName(u"argoLoginToken"_s);
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(tr("eyJhbGciOi…"));
    tokenForm->addRow(tr("API token"), m_tokenEdit);
    auto *tokenNote =
        new QLabel(tr("Paste a token from “argocd account generate-token” or the Argo CD web UI "
                      "(User Info → Tokens)."),
                   tokenPage);
    tokenNote->setWordWrap(true);
    tokenForm->addRow(tokenNote);
    m_tabs->addTab(tokenPage, tr("Token"));
    m_tabs->setObjectName(u"argoLoginTabs"_s);
    layout->addWidget(m_tabs);

    if (credentials && credentials->overriddenByEnvironment(TokenCredential)) {
        auto *envNote =
            new QLabel(tr("%1 is set in the environment and wins over the keychain; unset it to use "
                          "the token stored here.")
                           .arg(CredentialStore::environmentVariable(TokenCredential)),
                       this);
        envNote->setObjectName(u"argoLoginEnvironmentNote"_s);
        envNote->setWordWrap(true);
        envNote->setStyleSheet(u"color: #8a5a00;"_s);
        layout->addWidget(envNote);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_loginButton->setObjectName(u"argoLoginButton"_s);
    m_loginButton->setDefault(true);
    buttons->addButton(m_loginButton, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(m_loginButton, &QPushButton::clicked, this, &ArgoLoginDialog::logIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_passwordEdit->setFocus();
    resize(qMax(sizeHint().width(), 480), sizeHint().height());
}

ArgoLoginDialog::~ArgoLoginDialog() = default;

void ArgoLoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_loginButton->setEnabled(!busy);
    m_tabs->setEnabled(!busy);
}

void ArgoLoginDialog::fail(const QString &text, const QString &hint)
{
    setBusy(false);
    m_banner->showMessage(MessageBanner::Type::Error, text, hint);
}

void ArgoLoginDialog::logIn()
{
    if (m_busy)
        return;
    if (!m_credentials) {
        fail(tr("No credential store available."));
        return;
    }
    if (m_tabs->currentIndex() == 1) {
        const QString token = m_tokenEdit->text().trimmed();
        if (token.count(QLatin1Char('.')) != 2) {
            fail(tr("The token is not an Argo CD token: it must have three parts separated by dots (a JWT)."),
                 tr("Argo CD silently ignores anything else and answers “no session information”."));
            return;
        }
        setBusy(true);
        storeToken(token);
        return;
    }
    const QString user = m_userEdit->text().trimmed();
    if (user.isEmpty() || m_passwordEdit->text().isEmpty()) {
        fail(user.isEmpty() ? tr("Enter the Argo CD username.") : tr("Enter the password."));
        return;
    }
    setBusy(true);
    m_banner->showMessage(MessageBanner::Type::Information, tr("Logging in as %1…").arg(user));
    FutureWatch::watch(
        this, ArgoCdClient::login(m_http, user, m_passwordEdit->text()),
        [this](const QString &token) {
            m_passwordEdit->clear();
            storeToken(token);
        },
        [this](const ApiError &error) { fail(tr("Login failed: %1").arg(error.toString()), error.hint()); });
}

void ArgoLoginDialog::storeToken(const QString &token)
{
    FutureWatch::watch(
        this, m_credentials->write(TokenCredential, token),
        [this] {
            setBusy(false);
            Q_EMIT loggedIn();
            accept();
        },
        [this](const ApiError &error) {
            fail(tr("The token could not be stored in the keychain: %1").arg(error.toString()), error.hint());
        });
}

} // namespace capstan
