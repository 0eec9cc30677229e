#include "MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_action(new QPushButton(this))
{
    setObjectName(u"messageBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(u"bannerText"_s);
    m_hint->setObjectName(u"bannerHint"_s);
    m_action->setObjectName(u"bannerAction"_s);
    for (QLabel *label : {m_text, m_hint}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_icon->setAlignment(Qt::AlignTop);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_text);
    texts->addWidget(m_hint);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon);
    layout->addLayout(texts, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);

    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, &MessageBanner::actionTriggered);
    hide();
}

void MessageBanner::showMessage(Type type, const QString &text, const QString &hint)
{
    m_type = type;
    m_text->setText(text);
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    applyStyle();
    show();
}

void MessageBanner::clear()
{
    m_text->clear();
    m_hint->clear();
    hide();
}

void MessageBanner::setActionText(const QString &text)
{
    m_action->setText(text);
    m_action->setVisible(!text.isEmpty());
}

QString MessageBanner::text() const
{
    return m_text->text();
}

QString MessageBanner::hint() const
{
    return m_hint->text();
}

void MessageBanner::applyStyle()
{
    QString border;
    QString background;
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    switch (m_type) {
    case Type::Information:
        border = u"#3d8fd1"_s;
        background = u"#e8f2fb"_s;
        break;
    case Type::Warning:
        border = u"#d49a1f"_s;
        background = u"#fdf4e1"_s;
        pixmap = QStyle::SP_MessageBoxWarning;
        break;
    case Type::Error:
        border = u"#d0463b"_s;
        background = u"#fbeae8"_s;
        pixmap = QStyle::SP_MessageBoxCritical;
        break;
    }
    setStyleSheet(
        u"QFrame#messageBanner { border: 1px solid %1; border-left: 4px solid %1; border-radius: 4px;"
        " background: %2; } QFrame#messageBanner QLabel { color: #202020; background: transparent; }"
        " QLabel#bannerHint { color: #505050; }"_s.arg(border, background));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
}

} // namespace capstan
