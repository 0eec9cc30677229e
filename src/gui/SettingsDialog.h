#pragma once

#include "config/Config.h"
#include "net/ApiError.h"

#include <QDialog>
#include <QList>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;

namespace Ui {
class SettingsDialog;
}

namespace capstan {

class CredentialStore;

// Why: server URLs go to capstan.yaml and secrets to the keychain; this dialog edits both, checks URLs
// before anything is written and says where each secret comes from.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // `configPath` is the file in use; empty means ConfigLoader::defaultUserConfigPath(). In the sandbox
    // nothing is saved.
    SettingsDialog(const Config &config, const QString &configPath, CredentialStore *credentials,
                   bool sandbox, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Empty when the URL is fine (or empty), else what is wrong with it.
    static QString urlProblem(const QString &text);

    QString targetPath() const { return m_targetPath; }
    QString savedPath() const { return m_savedPath; } // set once the file was written
    // The config as the dialog last loaded or wrote it.
    const Config &config() const { return m_config; }
    // Every credential state line (read or written) has settled.
    bool credentialsSettled() const { return m_pending == 0; }

public Q_SLOTS:
    void save();

Q_SIGNALS:
    void credentialStatesSettled();
    // The file was written (whatever happens to the secrets after): the window reloads it at once.
    void configSaved(const QString &path);

private:
    struct Secret
    {
        QString name;  // CredentialStore name
        QString title; // "the ChartMuseum password", for messages
        QLineEdit *edit;
        QLabel *state;
    };
    struct UrlField
    {
        QLineEdit *edit;
        QLabel *error;
    };

    void loadCredentialStates();
    void setState(const Secret &secret, const QString &text, bool error, const QString &detail = {});
    void loadFields(const Config &config);
    void fitHeight();
    bool validate();
    Config collect() const;
    void writeCredentials();
    void finishPending();

    std::unique_ptr<Ui::SettingsDialog> ui;
    Config m_config;
    CredentialStore *m_credentials;
    bool m_sandbox;
    QString m_targetPath;
    QString m_savedPath;
    QList<Secret> m_secrets;
    QList<UrlField> m_urls;
    int m_labelWidth = 0;
    int m_pending = 0;
    QStringList m_failedWrites; // titles of the secrets the keychain did not take
    std::optional<ApiError> m_writeError;
    bool m_writing = false;
};

} // namespace capstan
