#include "SettingsDialog.h"
#include "ui_settingsdialog.h"

#include "FutureWatch.h"
#include "MessageBanner.h"

#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"
#include "credentials/CredentialStore.h"
#include "net/ApiError.h"

#include <QDir>
#include <QFileInfo>
#include <QLayout>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

QString trimmed(const QLineEdit *edit)
{
    return edit->text().trimmed();
}

// A keychain error in a few words, naming the variable that can replace the keychain.
QString inWords(const ApiError &error, const QString &variable)
{
    QString text = error.message();
    if (!text.endsWith(u'.'))
        text += u'.';
    return text + u' ' + QCoreApplication::translate("SettingsDialog", "Set %1 instead.").arg(variable);
}

// The rest for the tooltip: the advice, then the keychain's own text (often a raw D-Bus error).
QString details(const ApiError &error)
{
    QStringList parts;
    if (!error.hint().isEmpty())
        parts.append(error.hint());
    if (!error.serverMessage().isEmpty())
        parts.append(error.serverMessage());
    return parts.join(u"\n\n"_s);
}

QUrl urlFrom(const QLineEdit *edit)
{
    return QUrl(trimmed(edit), QUrl::StrictMode);
}

} // namespace

SettingsDialog::SettingsDialog(const Config &config, const QString &configPath, CredentialStore *credentials,
                               bool sandbox, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::SettingsDialog>())
    , m_config(config)
    , m_credentials(credentials)
    , m_sandbox(sandbox)
    , m_targetPath(configPath.isEmpty() ? ConfigLoader::defaultUserConfigPath() : configPath)
{
    ui->setupUi(this);
    m_secrets = {
        {u"chartmuseum"_s, tr("the ChartMuseum password"), ui->chartMuseumPasswordEdit,
         ui->chartMuseumPasswordState},
        {u"argocd"_s, tr("the Argo CD token"), ui->argoCdTokenEdit, ui->argoCdTokenState},
        {u"argocd-password"_s, tr("the Argo CD password"), ui->argoCdPasswordEdit, ui->argoCdPasswordState},
        {u"github"_s, tr("the GitHub token"), ui->gitHubTokenEdit, ui->gitHubTokenState}};
    m_urls = {{ui->chartMuseumUrlEdit, ui->chartMuseumUrlError},
              {ui->argoCdUrlEdit, ui->argoCdUrlError},
              {ui->gitHubUrlEdit, ui->gitHubUrlError}};

    // Long messages wrap inside the dialog's width instead of widening it (setState); the raw text is in
    // the tooltip.
    for (const Secret &secret : std::as_const(m_secrets)) {
        secret.state->setTextFormat(Qt::PlainText);
        secret.state->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    }
    ui->chartError->hide();
    ui->chartError->setStyleSheet(u"color: #c0392b;"_s);
    // One label column width for all three groups, so the fields line up.
    int labelWidth = 0;
    const QList<QLabel *> formLabels = {
        ui->chartMuseumUrlLabel,      ui->chartMuseumUserLabel, ui->chartMuseumRepoLabel,
        ui->chartMuseumPasswordLabel, ui->argoCdUrlLabel,       ui->argoCdAppLabel,
        ui->argoCdUserLabel,          ui->argoCdTokenLabel,     ui->argoCdPasswordLabel,
        ui->gitHubUrlLabel,           ui->gitHubRepoLabel,      ui->gitHubWorkflowLabel,
        ui->gitHubBranchLabel,        ui->gitHubTokenLabel,     ui->chartNameLabel,
        ui->chartPathLabel,           ui->chartManifestsLabel,  ui->chartVersionLabel};
    for (const QLabel *label : formLabels)
        labelWidth = qMax(labelWidth, label->sizeHint().width());
    m_labelWidth = labelWidth;
    for (QLabel *label : formLabels) {
        label->setMinimumWidth(labelWidth);
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    for (const UrlField &field : std::as_const(m_urls)) {
        field.error->hide();
        field.error->setStyleSheet(u"color: #c0392b;"_s);
        connect(field.edit, &QLineEdit::textEdited, field.error, &QWidget::hide);
    }
    QPalette dim = ui->configPathLabel->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    ui->configPathLabel->setPalette(dim);
    ui->configPathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    loadFields(config);

    QPushButton *saveButton = ui->buttonBox->button(QDialogButtonBox::Save);
    connect(saveButton, &QPushButton::clicked, this, &SettingsDialog::save);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_sandbox) {
        ui->sandboxNote->showMessage(MessageBanner::Type::Warning,
                                     tr("Sandbox: these settings point at the local test servers."),
                                     tr("Nothing is saved while Capstan runs with --sandbox."));
        const QList<QLineEdit *> edits = findChildren<QLineEdit *>();
        for (QLineEdit *edit : edits)
            edit->setReadOnly(true);
        saveButton->setEnabled(false);
        ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
        ui->configPathLabel->hide();
    } else {
        ui->configPathLabel->setText(tr("Server settings are saved to %1; passwords and tokens to the system "
                                        "keychain.")
                                         .arg(QDir::toNativeSeparators(m_targetPath)));
    }
    loadCredentialStates();
    // A fixed width: long messages wrap (QLabel word wrap), they never widen the dialog.
    const int dialogWidth = qMax(width(), 620);
    setMinimumWidth(dialogWidth);
    setMaximumWidth(qMax(dialogWidth, 900));
    resize(dialogWidth, sizeHint().height());
}

void SettingsDialog::loadFields(const Config &config)
{
    const auto fill = [](QLineEdit *edit, const QString &text) {
        if (edit->text() != text)
            edit->setText(text);
    };
    const Config::ChartMuseum cm = config.chartmuseum.value_or(Config::ChartMuseum());
    fill(ui->chartMuseumUrlEdit, cm.url.toString());
    fill(ui->chartMuseumUserEdit, cm.username);
    fill(ui->chartMuseumRepoEdit, cm.repo);
    const Config::ArgoCd argo = config.argocd.value_or(Config::ArgoCd());
    fill(ui->argoCdUrlEdit, argo.url.toString());
    fill(ui->argoCdAppEdit, argo.app);
    fill(ui->argoCdUserEdit, argo.username);
    if (const auto &gh = config.github) {
        fill(ui->gitHubUrlEdit, gh->url.toString());
        fill(ui->gitHubRepoEdit, gh->repo);
        fill(ui->gitHubWorkflowEdit, gh->workflow);
        fill(ui->gitHubBranchEdit, gh->branch);
    }
    if (const auto &chart = config.chart) {
        fill(ui->chartNameEdit, chart->name);
        fill(ui->chartPathEdit, chart->path);
        fill(ui->chartManifestsEdit, chart->manifests);
        fill(ui->chartVersionEdit, chart->version);
    }
}

SettingsDialog::~SettingsDialog() = default;

QString SettingsDialog::urlProblem(const QString &text)
{
    const QString trimmedText = text.trimmed();
    if (trimmedText.isEmpty())
        return {};
    const QUrl url(trimmedText, QUrl::StrictMode);
    if (!url.isValid())
        return tr("“%1” is not a valid URL: %2").arg(trimmedText, url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme.isEmpty())
        return tr("“%1” has no scheme: write it as https://host[:port][/path].").arg(trimmedText);
    if (scheme != "http"_L1 && scheme != "https"_L1)
        return tr("“%1” uses %2: only http and https URLs are supported.").arg(trimmedText, scheme);
    if (url.host().isEmpty())
        return tr("“%1” has no host name.").arg(trimmedText);
    if (!url.userInfo().isEmpty())
        return tr("Do not put a user name or password in the URL; use the fields below (secrets go to the "
                  "keychain).");
    if (url.hasQuery() || url.hasFragment())
        return tr("“%1” must not have a query or fragment.").arg(trimmedText);
    return {};
}

void SettingsDialog::setState(const Secret &secret, const QString &text, bool error, const QString &detail)
{
    // A wrapped label makes QFormLayout reserve a second line: only text too long for one line wraps.
    const int fieldWidth = std::max(200, width() - m_labelWidth - 80);
    secret.state->setWordWrap(secret.state->fontMetrics().horizontalAdvance(text) > fieldWidth);
    secret.state->setText(text);
    secret.state->setToolTip(detail);
    secret.state->setStyleSheet(error ? u"color: #c0392b;"_s : u"color: palette(placeholder-text);"_s);
    QTimer::singleShot(0, this, &SettingsDialog::fitHeight);
}

// Wrapped lines need more height, never more width: grow downwards so no message is clipped.
void SettingsDialog::fitHeight()
{
    if (!layout() || !layout()->hasHeightForWidth())
        return;
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void SettingsDialog::loadCredentialStates()
{
    for (const Secret &secret : std::as_const(m_secrets)) {
        if (!m_credentials) {
            setState(secret, tr("No credential store available."), true);
            secret.edit->setEnabled(false);
            continue;
        }
        const QString variable = CredentialStore::environmentVariable(secret.name);
        if (m_credentials->overriddenByEnvironment(secret.name)) {
            secret.edit->setEnabled(false);
            secret.edit->setPlaceholderText(tr("from the environment"));
            setState(secret, tr("Set by the %1 environment variable.").arg(variable), false);
            continue;
        }
        secret.edit->setPlaceholderText(tr("unchanged"));
        setState(secret, tr("Checking the keychain…"), false);
        ++m_pending;
        // Only whether an entry exists is shown; the secret itself never reaches a widget.
        FutureWatch::watch(
            this, m_credentials->read(secret.name),
            [this, secret](const QString &) {
                setState(secret, tr("Stored in the keychain. Type a new value to replace it."), false);
                finishPending();
            },
            [this, secret, variable](const ApiError &error) {
                if (error.kind() == ApiError::Kind::NotFound) {
                    secret.edit->setPlaceholderText(QString());
                    setState(secret, tr("Not set."), false);
                } else {
                    setState(secret, inWords(error, variable), true, details(error));
                }
                finishPending();
            });
    }
}

void SettingsDialog::finishPending()
{
    if (m_pending > 0)
        --m_pending;
    if (m_pending > 0)
        return;
    Q_EMIT credentialStatesSettled();
    if (!m_writing)
        return;
    m_writing = false;
    ui->buttonBox->setEnabled(true);
    if (m_failedWrites.isEmpty()) {
        accept();
        return;
    }
    // What was saved and what was not, in words: the file is written, these secrets are not.
    const QString path = QDir::toNativeSeparators(m_savedPath);
    const QString what = QLocale().createSeparatedList(m_failedWrites);
    const QString why = m_writeError ? m_writeError->message() : QString();
    ui->saveBanner->showMessage(
        MessageBanner::Type::Warning,
        tr("The settings were saved to %1, but %2 could not be stored in the keychain: %3.")
            .arg(path, what, why),
        m_writeError ? m_writeError->hint() : QString());
    ui->saveBanner->setToolTip(m_writeError ? m_writeError->serverMessage() : QString());
    fitHeight();
}

bool SettingsDialog::validate()
{
    bool ok = true;
    QLineEdit *firstBad = nullptr;
    for (const UrlField &field : std::as_const(m_urls)) {
        const QString problem = urlProblem(field.edit->text());
        field.error->setText(problem);
        field.error->setVisible(!problem.isEmpty());
        if (!problem.isEmpty() && !firstBad)
            firstBad = field.edit;
        ok = ok && problem.isEmpty();
    }
    const auto requireUrl = [&](QLineEdit *url, QLabel *error, const QList<QLineEdit *> &others,
                                const QString &service) {
        if (!trimmed(url).isEmpty())
            return;
        for (const QLineEdit *other : others) {
            if (!trimmed(other).isEmpty()) {
                error->setText(tr("Enter the %1 server URL, or clear the other %1 fields.").arg(service));
                error->show();
                ok = false;
                if (!firstBad)
                    firstBad = url;
                return;
            }
        }
    };
    requireUrl(ui->chartMuseumUrlEdit, ui->chartMuseumUrlError,
               {ui->chartMuseumUserEdit, ui->chartMuseumRepoEdit}, u"ChartMuseum"_s);
    requireUrl(ui->argoCdUrlEdit, ui->argoCdUrlError, {ui->argoCdAppEdit, ui->argoCdUserEdit}, u"Argo CD"_s);
    requireUrl(ui->gitHubUrlEdit, ui->gitHubUrlError, {ui->gitHubRepoEdit, ui->gitHubWorkflowEdit},
               u"GitHub"_s);
    if (firstBad)
        firstBad->setFocus();
    return ok;
}

Config SettingsDialog::collect() const
{
    Config config = m_config;
    if (trimmed(ui->chartMuseumUrlEdit).isEmpty()) {
        config.chartmuseum.reset();
    } else {
        Config::ChartMuseum section = config.chartmuseum.value_or(Config::ChartMuseum());
        section.url = urlFrom(ui->chartMuseumUrlEdit);
        section.username = trimmed(ui->chartMuseumUserEdit);
        section.repo = trimmed(ui->chartMuseumRepoEdit);
        config.chartmuseum = section;
    }
    if (trimmed(ui->argoCdUrlEdit).isEmpty()) {
        config.argocd.reset();
    } else {
        Config::ArgoCd section = config.argocd.value_or(Config::ArgoCd());
        section.url = urlFrom(ui->argoCdUrlEdit);
        section.app = trimmed(ui->argoCdAppEdit);
        section.username = trimmed(ui->argoCdUserEdit);
        config.argocd = section;
    }
    if (trimmed(ui->gitHubUrlEdit).isEmpty()) {
        config.github.reset();
    } else {
        Config::GitHub section = config.github.value_or(Config::GitHub());
        section.url = urlFrom(ui->gitHubUrlEdit);
        section.repo = trimmed(ui->gitHubRepoEdit);
        section.workflow = trimmed(ui->gitHubWorkflowEdit);
        const QString branch = trimmed(ui->gitHubBranchEdit);
        section.branch = branch.isEmpty() ? u"main"_s : branch;
        config.github = section;
    }
    const QList<QLineEdit *> chartEdits = {ui->chartNameEdit, ui->chartPathEdit, ui->chartManifestsEdit,
                                           ui->chartVersionEdit};
    const bool anyChart = std::any_of(chartEdits.cbegin(), chartEdits.cend(),
                                      [](const QLineEdit *edit) { return !trimmed(edit).isEmpty(); });
    if (anyChart || config.chart) {
        // Empty fields are written as missing keys; ConfigWriter checks the result by ConfigLoader's rules.
        Config::Chart section;
        section.name = trimmed(ui->chartNameEdit);
        section.path = trimmed(ui->chartPathEdit);
        section.manifests = trimmed(ui->chartManifestsEdit);
        section.version = trimmed(ui->chartVersionEdit);
        config.chart = section;
    }
    return config;
}

void SettingsDialog::save()
{
    if (m_sandbox || m_writing)
        return;
    ui->saveBanner->clear();
    if (!validate())
        return;

    const QFileInfo target(m_targetPath);
    if (!QDir().mkpath(target.absolutePath())) {
        ui->saveBanner->showMessage(
            MessageBanner::Type::Error,
            tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(target.absolutePath())));
        return;
    }
    QString error;
    if (!ConfigWriter::saveServers(m_targetPath, collect(), &error)) {
        const bool chartProblem = error.contains(u"chart."_s) || error.contains(u"\"chart\""_s);
        if (chartProblem) {
            ui->chartError->setText(error);
            ui->chartError->show();
            ui->chartNameEdit->setFocus();
        }
        ui->saveBanner->showMessage(
            MessageBanner::Type::Error,
            tr("Could not save %1: %2").arg(QDir::toNativeSeparators(m_targetPath), error),
            tr("Nothing was changed in the file."));
        return;
    }
    m_savedPath = m_targetPath;
    // From here on the file holds what was written, whatever the keychain does with the secrets.
    ConfigError reloadError;
    if (const std::optional<Config> written = ConfigLoader::loadFile(m_targetPath, &reloadError))
        m_config = *written;
    ui->chartError->hide();
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    Q_EMIT configSaved(m_savedPath);
    writeCredentials();
}

void SettingsDialog::writeCredentials()
{
    m_failedWrites.clear();
    m_writeError.reset();
    m_writing = true;
    for (const Secret &secret : std::as_const(m_secrets)) {
        if (!m_credentials || !secret.edit->isEnabled() || secret.edit->text().isEmpty())
            continue;
        const QString variable = CredentialStore::environmentVariable(secret.name);
        const QString value = secret.edit->text();
        ++m_pending;
        setState(secret, tr("Storing in the keychain…"), false);
        FutureWatch::watch(
            this, m_credentials->write(secret.name, value),
            [this, secret] {
                secret.edit->clear();
                secret.edit->setPlaceholderText(tr("unchanged"));
                setState(secret, tr("Stored in the keychain."), false);
                finishPending();
            },
            [this, secret, variable](const ApiError &error) {
                setState(secret, inWords(error, variable), true, details(error));
                m_failedWrites.append(secret.title);
                if (!m_writeError)
                    m_writeError = error;
                finishPending();
            });
    }
    if (m_pending == 0) {
        m_writing = false;
        accept();
        return;
    }
    ui->buttonBox->setEnabled(false);
}

} // namespace capstan
