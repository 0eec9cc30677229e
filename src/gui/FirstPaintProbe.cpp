#include "FirstPaintProbe.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace capstan {

FirstPaintProbe::FirstPaintProbe(QWidget *widget, std::function<void()> painted)
    : QObject(widget)
    , m_painted(std::move(painted))
{
    widget->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_seen) {
        m_seen = true;
        // The paint event is being delivered: the callback runs once it is done and flushed to the screen.
        QTimer::singleShot(0, this, [this] { m_painted(); });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace capstan
