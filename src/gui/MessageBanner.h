#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace capstan {

// Why: errors and hints are shown inline where they happen (like KMessageWidget), never as a crash or a
// modal box, and offer the one action that helps (Retry, Open Settings).
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Type { Information, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    // `text` is the main line, `hint` a second, quieter line (both plain text).
    void showMessage(Type type, const QString &text, const QString &hint = {});
    void clear();

    // An empty text hides the button.
    void setActionText(const QString &text);

    Type type() const { return m_type; }
    QString text() const;
    QString hint() const;

Q_SIGNALS:
    void actionTriggered();

private:
    void applyStyle();

    Type m_type = Type::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QLabel *m_hint;
    QPushButton *m_action;
};

} // namespace capstan
