#include "DesktopNotifier.h"
#include "models/PipelineStepsModel.h"

#include "PipelineGraph.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QStatusBar>
#include <QVariantMap>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {
constexpr int StatusBarMs = 15000;
constexpr int ExpireMs = -1; // the server's default
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{}

void DesktopNotifier::setFallbackStatusBar(QStatusBar *statusBar)
{
    m_statusBar = statusBar;
}

QString DesktopNotifier::summaryFor(const DeployTarget &target, PipelineRunner::Outcome outcome,
                                    const QString &failedStep)
{
    switch (outcome) {
    case PipelineRunner::Outcome::Succeeded:
        return tr("Deployed %1 to %2").arg(target.version, target.env);
    case PipelineRunner::Outcome::Failed:
        return failedStep.isEmpty()
                   ? tr("Deploy of %1 to %2 failed").arg(target.version, target.env)
                   : tr("Deploy of %1 to %2 failed in step %3").arg(target.version, target.env, failedStep);
    case PipelineRunner::Outcome::Cancelled:
        return tr("Deploy of %1 to %2 cancelled").arg(target.version, target.env);
    }
    return {};
}

QString DesktopNotifier::bodyFor(const DeployTarget &target, PipelineRunner::Outcome outcome,
                                 qint64 durationMs, const QString &detail)
{
    QString body;
    const QString duration = PipelineStepsModel::formatDuration(durationMs);
    switch (outcome) {
    case PipelineRunner::Outcome::Succeeded:
        body = tr("Build #%1 took %2.").arg(target.build, duration);
        break;
    case PipelineRunner::Outcome::Failed:
        body = tr("Stopped after %1.").arg(duration);
        break;
    case PipelineRunner::Outcome::Cancelled:
        body = tr("Cancelled after %1.").arg(duration);
        break;
    }
    if (target.build.isEmpty() && outcome == PipelineRunner::Outcome::Succeeded)
        body = tr("Took %1.").arg(duration);
    if (!detail.isEmpty())
        body += u'\n' + detail;
    return body;
}

void DesktopNotifier::notifyDeploy(const DeployTarget &target, PipelineRunner::Outcome outcome,
                                   qint64 durationMs, const QString &failedStep, const QString &detail)
{
    notify(summaryFor(target, outcome, failedStep), bodyFor(target, outcome, durationMs, detail),
           outcome == PipelineRunner::Outcome::Failed);
}

void DesktopNotifier::notify(const QString &summary, const QString &body, bool urgent)
{
    const auto fallBack = [this, summary, body](const QString &why) {
        if (m_statusBar)
            m_statusBar->showMessage(body.isEmpty() ? summary
                                                    : tr("%1 — %2").arg(summary, body.section(u'\n', 0, 0)),
                                     StatusBarMs);
        Q_EMIT fellBack(summary, body, why);
    };
    if (!m_bus)
        m_bus = QDBusConnection::sessionBus();
    if (!m_bus->isConnected()) {
        fallBack(tr("no D-Bus session bus"));
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Service, u"Notify"_s);
    QVariantMap hints;
    hints.insert(u"urgency"_s, QVariant::fromValue(uchar(urgent ? 2 : 1)));
    hints.insert(u"desktop-entry"_s, AppIcon);
    call << AppName << uint(0) << AppIcon << summary << body << QStringList() << hints << ExpireMs;
    auto *watcher = new QDBusPendingCallWatcher(m_bus->asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, summary, body, fallBack] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            fallBack(reply.error().message());
            return;
        }
        Q_EMIT notified(reply.value(), summary, body);
    });
}

} // namespace capstan
