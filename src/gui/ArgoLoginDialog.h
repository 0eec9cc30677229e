#pragma once

#include "config/Config.h"
#include "net/ApiError.h"

#include <QDialog>

class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QTabWidget;

namespace capstan {

class CredentialStore;
class HttpClient;
class MessageBanner;

// Why: Argo CD session tokens expire (24 h by default) and tokens get revoked; when a call is rejected the
// user logs in again right here (password → new session token in the keychain, or a pasted API token)
// instead of hunting through settings.
class ArgoLoginDialog : public QDialog
{
    Q_OBJECT
public:
    // `reason` is the rejection that led here (shown on top); may be empty.
    ArgoLoginDialog(const Config::ArgoCd &settings, CredentialStore *credentials, const QString &reason,
                    QWidget *parent = nullptr);
    ~ArgoLoginDialog() override;

    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void logIn();

Q_SIGNALS:
    // The new token is stored ("argocd" in the keychain).
    void loggedIn();

private:
    void storeToken(const QString &token);
    void fail(const QString &text, const QString &hint = {});
    void setBusy(bool busy);

    Config::ArgoCd m_settings;
    CredentialStore *m_credentials;
    QNetworkAccessManager *m_network;
    HttpClient *m_http;
    bool m_busy = false;

    QTabWidget *m_tabs;
    QLineEdit *m_userEdit;
    QLineEdit *m_passwordEdit;
    QLineEdit *m_tokenEdit;
    MessageBanner *m_banner;
    QPushButton *m_loginButton;
};

} // namespace capstan
