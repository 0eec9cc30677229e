#include "ReleaseDialog.h"

#include "FutureWatch.h"
#include "MessageBanner.h"

#include "github/GitHubClient.h"
#include "net/ApiError.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

ReleaseDialog::ReleaseDialog(GitHubClient *client, const QString &tag, const QString &targetSha,
                             const QString &previousTag, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_target(targetSha)
    , m_previousTag(previousTag)
    , m_banner(new MessageBanner(this))
    , m_tag(new QLineEdit(tag, this))
    , m_name(new QLineEdit(tag, this))
    , m_targetLabel(new QLabel(this))
    , m_notes(new QPlainTextEdit(this))
    , m_link(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_regenerateButton(new QPushButton(tr("Generate notes again"), this))
    , m_createButton(new QPushButton(tr("Create release"), this))
{
    setObjectName(u"releaseDialog"_s);
    setWindowTitle(tr("Create GitHub release %1").arg(tag));
    m_tag->setObjectName(u"releaseTag"_s);
    m_name->setObjectName(u"releaseName"_s);
    m_notes->setObjectName(u"releaseNotes"_s);
    m_notes->setPlaceholderText(tr("Release notes (Markdown)"));
    m_targetLabel->setTextFormat(Qt::PlainText);
    m_targetLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_targetLabel->setText(targetSha);
    m_link->setObjectName(u"releaseLink"_s);
    m_link->setTextFormat(Qt::RichText);
    m_link->setOpenExternalLinks(true);
    m_link->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Tag:"), m_tag);
    form->addRow(tr("Target commit:"), m_targetLabel);
    form->addRow(tr("Title:"), m_name);
    form->addRow(tr("Previous tag:"),
                 new QLabel(previousTag.isEmpty() ? tr("(chosen by GitHub)") : previousTag, this));

    m_createButton->setObjectName(u"createReleaseButton"_s);
    m_buttons->addButton(m_regenerateButton, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_createButton, QDialogButtonBox::AcceptRole);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReleaseDialog::reject);
    connect(m_createButton, &QPushButton::clicked, this, &ReleaseDialog::create);
    connect(m_regenerateButton, &QPushButton::clicked, this, &ReleaseDialog::generateNotes);
    connect(m_tag, &QLineEdit::textChanged, this, [this] { setState(m_state); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Notes:"), this));
    layout->addWidget(m_notes, 1);
    layout->addWidget(m_link);
    layout->addWidget(m_buttons);
    resize(720, 520);

    generateNotes();
}

void ReleaseDialog::setState(State state)
{
    m_state = state;
    const bool editing = state == State::Editing;
    m_createButton->setEnabled(editing && m_client && !m_tag->text().trimmed().isEmpty());
    m_regenerateButton->setEnabled(editing && m_client);
    m_tag->setReadOnly(!editing);
    m_name->setReadOnly(!editing);
    m_notes->setReadOnly(!editing);
}

void ReleaseDialog::generateNotes()
{
    if (!m_client) {
        m_banner->showMessage(MessageBanner::Type::Error, tr("GitHub is not available."));
        setState(State::Editing);
        return;
    }
    const QString tag = m_tag->text().trimmed();
    setState(State::GeneratingNotes);
    m_banner->showMessage(MessageBanner::Type::Information, tr("Generating release notes for %1 …").arg(tag));
    FutureWatch::watch(
        this, m_client->generateNotes(tag, m_target, m_previousTag),
        [this, tag](const std::pair<QString, QString> &notes) {
            setState(State::Editing);
            if (notes.first.isEmpty() && notes.second.isEmpty()) {
                m_banner->showMessage(MessageBanner::Type::Information,
                                      tr("GitHub generated no notes; write them yourself."));
            } else {
                m_banner->clear();
                if (!notes.first.isEmpty() && m_name->text() == tag)
                    m_name->setText(notes.first);
                m_notes->setPlainText(notes.second);
            }
            Q_EMIT notesGenerated();
        },
        [this](const ApiError &error) {
            setState(State::Editing);
            m_banner->showMessage(MessageBanner::Type::Warning, tr("Release notes could not be generated."),
                                  error.toString());
            Q_EMIT notesGenerated();
        });
}

void ReleaseDialog::create()
{
    if (!m_client || m_state != State::Editing)
        return;
    const QString tag = m_tag->text().trimmed();
    if (tag.isEmpty()) {
        m_banner->showMessage(MessageBanner::Type::Error, tr("The tag must not be empty."));
        return;
    }
    setState(State::Creating);
    m_banner->showMessage(MessageBanner::Type::Information, tr("Creating release %1 …").arg(tag));
    FutureWatch::watch(
        this, m_client->createRelease(tag, m_target, m_name->text().trimmed(), m_notes->toPlainText()),
        [this](const GitHubRelease &release) {
            m_release = release;
            setState(State::Created);
            m_banner->showMessage(MessageBanner::Type::Information,
                                  tr("Release %1 created.").arg(release.tagName));
            m_link->setText(
                u"<a href=\"%1\">%2</a>"_s.arg(release.htmlUrl.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                               release.htmlUrl.toDisplayString().toHtmlEscaped()));
            m_link->setVisible(release.htmlUrl.isValid());
            Q_EMIT created(release);
        },
        [this, tag](const ApiError &error) {
            setState(State::Editing);
            const QString text = error.kind() == ApiError::Kind::Conflict
                                     ? tr("A release with tag %1 already exists.").arg(tag)
                                     : tr("The release could not be created.");
            m_banner->showMessage(MessageBanner::Type::Error, text, error.toString());
            Q_EMIT failed(text);
        });
}

} // namespace capstan
