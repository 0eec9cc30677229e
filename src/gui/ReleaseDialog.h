#pragma once

#include "github/GitHubTypes.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace capstan {

class GitHubClient;
class MessageBanner;

// Why: after a prod deploy the team wants a GitHub release named after the chart version, on the exact
// commit the build ran, with notes GitHub generates since the previously live version and a human can edit.
class ReleaseDialog : public QDialog
{
    Q_OBJECT
public:
    enum class State { GeneratingNotes, Editing, Creating, Created };
    Q_ENUM(State)

    // `previousTag` empty: GitHub picks the previous release itself. The client is not owned.
    ReleaseDialog(GitHubClient *client, const QString &tag, const QString &targetSha,
                  const QString &previousTag, QWidget *parent = nullptr);

    State state() const { return m_state; }
    QLineEdit *tagEdit() const { return m_tag; }
    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QPushButton *createButton() const { return m_createButton; }
    MessageBanner *banner() const { return m_banner; }
    std::optional<GitHubRelease> release() const { return m_release; }

public Q_SLOTS:
    void generateNotes();
    void create();

Q_SIGNALS:
    void notesGenerated();
    void created(const capstan::GitHubRelease &release);
    void failed(const QString &message);

private:
    void setState(State state);

    QPointer<GitHubClient> m_client;
    QString m_target;
    QString m_previousTag;
    State m_state = State::Editing;
    std::optional<GitHubRelease> m_release;

    MessageBanner *m_banner;
    QLineEdit *m_tag;
    QLineEdit *m_name;
    QLabel *m_targetLabel;
    QPlainTextEdit *m_notes;
    QLabel *m_link;
    QDialogButtonBox *m_buttons;
    QPushButton *m_regenerateButton;
    QPushButton *m_createButton;
};

} // namespace capstan
