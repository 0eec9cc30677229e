#pragma once

#include "argocd/ArgoApplication.h"

#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;

namespace capstan {

// Why: the release manager must see at a glance, from any view, whether the application is in sync and
// healthy, which chart version is live, whether an operation runs (and runs too long), and whether
// auto-sync was suspended on purpose; this permanent status-bar widget shows that from the live stream.
class ArgoStatusBadge : public QWidget
{
    Q_OBJECT
public:
    // An operation is "long" after LongOperationFactor times the usual duration (median of the history),
    // and never before MinimumLongOperationMs.
    static constexpr qint64 MinimumLongOperationMs = 5 * 60 * 1000;
    static constexpr int LongOperationFactor = 5;

    explicit ArgoStatusBadge(QWidget *parent = nullptr);

    void setApplication(const ArgoApplication &application);
    // Replaces the pills with one line ("Argo CD: not configured", "log in again", ...).
    void showText(const QString &text, const QString &toolTip = {}, bool error = false);

    // Overrides the computed threshold (tests, or a site that knows its deploys); nullopt restores it.
    void setLongOperationThreshold(std::optional<qint64> ms);
    qint64 longOperationThresholdMs() const;

    std::optional<ArgoApplication> application() const { return m_application; }
    QString syncText() const;
    QString healthText() const;
    QString liveVersionText() const;
    QString operationText() const;
    bool isOperationShown() const { return m_operationShown; }
    bool isLongOperation() const { return m_long; }
    bool isSuspensionShown() const { return m_suspensionShown; }

    // Colours shared with the History view's summary.
    static QString syncColor(const QString &status);
    static QString healthColor(const QString &health);
    static QString pillStyle(const QString &color);
    static QString suspensionText(const ArgoApplication::AutoSyncSuspension &suspension);

Q_SIGNALS:
    void terminateRequested();
    void restoreAutoSyncRequested();
    void longOperationChanged(bool isLong);

private:
    void updateOperation();

    std::optional<ArgoApplication> m_application;
    std::optional<qint64> m_thresholdOverride;
    QDateTime m_requestSeenAt; // when an operation was first seen only as requested
    bool m_operationShown = false;
    bool m_long = false;
    bool m_suspensionShown = false;

    QLabel *m_text;
    QLabel *m_syncPill;
    QLabel *m_healthPill;
    QLabel *m_versionLabel;
    QProgressBar *m_spinner;
    QLabel *m_operationLabel;
    QToolButton *m_terminateButton;
    QLabel *m_suspensionPill;
    QToolButton *m_restoreButton;
    QTimer *m_ticker;
};

} // namespace capstan
