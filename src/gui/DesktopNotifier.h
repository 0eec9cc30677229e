#pragma once

#include "pipeline/DeployTarget.h"
#include "pipeline/PipelineRunner.h"

#include <QDBusConnection>
#include <QObject>
#include <QPointer>

#include <optional>

class QStatusBar;

namespace capstan {

// Why: a deploy takes minutes and the release manager looks elsewhere meanwhile; the desktop says when it
// ended and how (org.freedesktop.Notifications), or the main window's status bar does when no notification
// service runs.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    static inline const QString Service = QStringLiteral("org.freedesktop.Notifications");
    static inline const QString Path = QStringLiteral("/org/freedesktop/Notifications");
    static inline const QString AppName = QStringLiteral("Capstan");
    static inline const QString AppIcon = QStringLiteral("net.capstan.Capstan");

    // The notification service is looked for on the session bus, connected at the first notification:
    // the connection's round trips are not spent while the main window starts.
    explicit DesktopNotifier(QObject *parent = nullptr);
    // `bus` is where the notification service is looked for.
    explicit DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);

    // Where a notification goes when the service is absent; not owned.
    void setFallbackStatusBar(QStatusBar *statusBar);

    static QString summaryFor(const DeployTarget &target, PipelineRunner::Outcome outcome,
                              const QString &failedStep = {});
    static QString bodyFor(const DeployTarget &target, PipelineRunner::Outcome outcome, qint64 durationMs,
                           const QString &detail = {});

    // Asynchronous: notified() or fellBack() follows.
    void notify(const QString &summary, const QString &body, bool urgent = false);
    void notifyDeploy(const DeployTarget &target, PipelineRunner::Outcome outcome, qint64 durationMs,
                      const QString &failedStep = {}, const QString &detail = {});

Q_SIGNALS:
    void notified(uint id, const QString &summary, const QString &body);
    // The service did not answer; the text went to the status bar (when one is set).
    void fellBack(const QString &summary, const QString &body, const QString &why);

private:
    std::optional<QDBusConnection> m_bus; // empty: the session bus, not connected yet
    QPointer<QStatusBar> m_statusBar;
};

} // namespace capstan
