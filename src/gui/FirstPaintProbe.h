#pragma once

#include <QObject>

#include <functional>

namespace capstan {

// Why: the start-up benchmark (capstan --bench-first-paint) measures up to the main window's first paint;
// this watches a widget and calls back once its first paint has been done and flushed.
class FirstPaintProbe : public QObject
{
    Q_OBJECT
public:
    // Watches `widget` (which also owns the probe).
    FirstPaintProbe(QWidget *widget, std::function<void()> painted);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::function<void()> m_painted;
    bool m_seen = false;
};

} // namespace capstan
