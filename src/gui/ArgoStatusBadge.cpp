#include "ArgoStatusBadge.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

QString elapsedText(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return u"%1:%2:%3"_s.arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return u"%1:%2"_s.arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

// The median time from start to finish of the recorded deployments; 0 when none has both times.
qint64 usualDurationMs(const ArgoApplication &application)
{
    QList<qint64> durations;
    for (const ArgoApplication::HistoryEntry &entry : application.history) {
        if (entry.deployStartedAt.isValid() && entry.deployedAt.isValid())
            durations.append(std::max<qint64>(0, entry.deployStartedAt.msecsTo(entry.deployedAt)));
    }
    if (durations.isEmpty())
        return 0;
    std::sort(durations.begin(), durations.end());
    return durations.at(durations.size() / 2);
}

} // namespace

ArgoStatusBadge::ArgoStatusBadge(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_syncPill(new QLabel(this))
    , m_healthPill(new QLabel(this))
    , m_versionLabel(new QLabel(this))
    , m_spinner(new QProgressBar(this))
    , m_operationLabel(new QLabel(this))
    , m_terminateButton(new QToolButton(this))
    , m_suspensionPill(new QLabel(this))
    , m_restoreButton(new QToolButton(this))
    , m_ticker(new QTimer(this))
{
    setObjectName(u"argoStatusBadge"_s);
    m_text->setObjectName(u"argoBadgeText"_s);
    m_syncPill->setObjectName(u"argoSyncPill"_s);
    m_healthPill->setObjectName(u"argoHealthPill"_s);
    m_versionLabel->setObjectName(u"argoVersionLabel"_s);
    m_spinner->setObjectName(u"argoOperationSpinner"_s);
    m_operationLabel->setObjectName(u"argoOperationLabel"_s);
    m_terminateButton->setObjectName(u"argoTerminateButton"_s);
    m_suspensionPill->setObjectName(u"argoSuspensionPill"_s);
    m_restoreButton->setObjectName(u"argoRestoreAutoSyncButton"_s);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    auto *caption = new QLabel(tr("Argo CD"), this);
    caption->setStyleSheet(u"color: palette(placeholder-text);"_s);
    layout->addWidget(caption);
    layout->addWidget(m_text);
    layout->addWidget(m_syncPill);
    layout->addWidget(m_healthPill);
    layout->addWidget(m_versionLabel);
    layout->addWidget(m_spinner);
    layout->addWidget(m_operationLabel);
    layout->addWidget(m_terminateButton);
    layout->addWidget(m_suspensionPill);
    layout->addWidget(m_restoreButton);

    m_spinner->setRange(0, 0); // busy indicator
    m_spinner->setTextVisible(false);
    m_spinner->setFixedSize(36, 10);
    m_terminateButton->setText(tr("Terminate…"));
    m_terminateButton->setToolTip(tr("Stop the running operation in Argo CD (asks first)"));
    m_restoreButton->setText(tr("Restore"));
    m_restoreButton->setToolTip(tr("Turn automated sync back on as it was before the suspension"));
    m_suspensionPill->setStyleSheet(pillStyle(u"#d08a16"_s));
    m_suspensionPill->setTextFormat(Qt::PlainText);
    m_suspensionPill->setMaximumWidth(260);
    m_operationLabel->setTextFormat(Qt::PlainText);
    m_versionLabel->setTextFormat(Qt::PlainText);

    connect(m_terminateButton, &QToolButton::clicked, this, &ArgoStatusBadge::terminateRequested);
    connect(m_restoreButton, &QToolButton::clicked, this, &ArgoStatusBadge::restoreAutoSyncRequested);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &ArgoStatusBadge::updateOperation);

    showText(tr("not configured"));
}

QString ArgoStatusBadge::syncColor(const QString &status)
{
    if (status == u"Synced"_s)
        return u"#2e9d4a"_s;
    if (status == u"OutOfSync"_s)
        return u"#d08a16"_s;
    return u"#8a8a8a"_s;
}

QString ArgoStatusBadge::healthColor(const QString &health)
{
    if (health == u"Healthy"_s)
        return u"#2e9d4a"_s;
    if (health == u"Progressing"_s)
        return u"#2f7ed8"_s;
    if (health == u"Degraded"_s)
        return u"#d0463b"_s;
    if (health == u"Suspended"_s)
        return u"#7b5cc4"_s;
    if (health == u"Missing"_s)
        return u"#d08a16"_s;
    return u"#8a8a8a"_s;
}

QString ArgoStatusBadge::pillStyle(const QString &color)
{
    return u"QLabel { background: %1; color: white; border-radius: 8px; padding: 1px 8px; font-weight: bold; }"_s
        .arg(color);
}

QString ArgoStatusBadge::suspensionText(const ArgoApplication::AutoSyncSuspension &suspension)
{
    const QString when = suspension.at.isValid()
                             ? QLocale().toString(suspension.at.toLocalTime(), QLocale::ShortFormat)
                             : tr("an unknown time");
    const QString by = suspension.by.isEmpty() ? tr("someone") : suspension.by;
    if (suspension.reason.isEmpty())
        return tr("Auto-sync suspended by %1 since %2").arg(by, when);
    return tr("Auto-sync suspended by %1 since %2: %3").arg(by, when, suspension.reason);
}

void ArgoStatusBadge::showText(const QString &text, const QString &toolTip, bool error)
{
    m_application.reset();
    m_ticker->stop();
    m_operationShown = false;
    m_suspensionShown = false;
    if (m_long) {
        m_long = false;
        Q_EMIT longOperationChanged(false);
    }
    m_text->setText(text);
    m_text->setToolTip(toolTip);
    m_text->setStyleSheet(error ? u"color: #c0392b;"_s : QString());
    m_text->show();
    for (QWidget *widget : std::initializer_list<QWidget *>{m_syncPill, m_healthPill, m_versionLabel,
                                                            m_spinner, m_operationLabel, m_terminateButton,
                                                            m_suspensionPill, m_restoreButton})
        widget->hide();
}

void ArgoStatusBadge::setApplication(const ArgoApplication &application)
{
    const bool wasRunning = m_application && m_application->operationInProgress();
    m_application = application;
    m_text->hide();

    const QString sync = application.syncStatus.isEmpty() ? tr("Unknown") : application.syncStatus;
    m_syncPill->setText(sync);
    m_syncPill->setStyleSheet(pillStyle(syncColor(application.syncStatus)));
    m_syncPill->setToolTip(
        tr("Sync status of %1 against target %2").arg(application.name, application.targetRevision));
    m_syncPill->show();

    const QString health = application.health.isEmpty() ? tr("Unknown") : application.health;
    m_healthPill->setText(health);
    m_healthPill->setStyleSheet(pillStyle(healthColor(application.health)));
    m_healthPill->setToolTip(application.healthMessage);
    m_healthPill->show();

    const QString live = application.liveRevision();
    m_versionLabel->setText(live.isEmpty() ? tr("nothing deployed") : tr("live %1").arg(live));
    m_versionLabel->setToolTip(
        tr("Chart %1, the version of the newest history entry").arg(application.chart));
    m_versionLabel->show();

    const std::optional<ArgoApplication::AutoSyncSuspension> suspension = application.autoSyncSuspension();
    m_suspensionShown = suspension.has_value() && !application.autoSyncEnabled;
    if (m_suspensionShown) {
        const QString text = suspensionText(*suspension);
        m_suspensionPill->setText(m_suspensionPill->fontMetrics().elidedText(
            text, Qt::ElideRight, m_suspensionPill->maximumWidth() - 20));
        m_suspensionPill->setToolTip(text);
    }
    m_suspensionPill->setVisible(m_suspensionShown);
    m_restoreButton->setVisible(m_suspensionShown);

    const bool running = application.operationInProgress();
    if (running && !application.operationState && (!wasRunning || !m_requestSeenAt.isValid()))
        m_requestSeenAt = QDateTime::currentDateTimeUtc();
    if (!running)
        m_requestSeenAt = QDateTime();
    updateOperation();
}

void ArgoStatusBadge::setLongOperationThreshold(std::optional<qint64> ms)
{
    m_thresholdOverride = ms;
    updateOperation();
}

qint64 ArgoStatusBadge::longOperationThresholdMs() const
{
    if (m_thresholdOverride)
        return *m_thresholdOverride;
    const qint64 usual = m_application ? usualDurationMs(*m_application) : 0;
    return std::max(MinimumLongOperationMs, usual * LongOperationFactor);
}

void ArgoStatusBadge::updateOperation()
{
    const bool running = m_application && m_application->operationInProgress();
    bool isLong = false;
    if (running) {
        const std::optional<ArgoApplication::OperationState> &state = m_application->operationState;
        QDateTime started = state && state->startedAt.isValid() ? state->startedAt : m_requestSeenAt;
        if (state && state->isCompleted())
            started = QDateTime(); // finished; the controller has not re-compared yet
        QString phase = state ? state->phase : tr("Requested");
        if (state && state->isCompleted())
            phase = tr("Finishing");
        const QString revision = state ? state->revision : QString();
        const qint64 elapsed = started.isValid() ? started.msecsTo(QDateTime::currentDateTimeUtc()) : 0;
        isLong = started.isValid() && elapsed >= longOperationThresholdMs();
        QString text =
            revision.isEmpty() ? tr("Sync: %1").arg(phase) : tr("Sync %1: %2").arg(revision, phase);
        if (started.isValid())
            text += u" · "_s + elapsedText(elapsed);
        if (isLong)
            text += u" · "_s + tr("longer than usual");
        m_operationLabel->setText(text);
        m_operationLabel->setToolTip(state ? state->message : QString());
        m_operationLabel->setStyleSheet(isLong ? u"color: #c0392b; font-weight: bold;"_s : QString());
        if (!m_ticker->isActive())
            m_ticker->start();
    } else {
        m_ticker->stop();
    }
    m_operationShown = running;
    m_spinner->setVisible(running);
    m_operationLabel->setVisible(running);
    m_terminateButton->setVisible(running && isLong);
    if (isLong != m_long) {
        m_long = isLong;
        Q_EMIT longOperationChanged(isLong);
    }
}

QString ArgoStatusBadge::syncText() const
{
    return m_syncPill->isVisibleTo(this) ? m_syncPill->text() : QString();
}

QString ArgoStatusBadge::healthText() const
{
    return m_healthPill->isVisibleTo(this) ? m_healthPill->text() : QString();
}

QString ArgoStatusBadge::liveVersionText() const
{
    return m_versionLabel->isVisibleTo(this) ? m_versionLabel->text() : m_text->text();
}

QString ArgoStatusBadge::operationText() const
{
    return m_operationShown ? m_operationLabel->text() : QString();
}

} // namespace capstan
