#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace capstan {

// Why: the sandbox's three servers must tell one consistent story — the CI runs GitHub lists, the charts
// ChartMuseum holds and the deployments Argo CD remembers — so that story is written down once, here.
class HomelabHistory
{
public:
    struct Run
    {
        int number = 0;
        QDateTime created;  // when CI started; the chart was packaged a few minutes later
        QString status;     // completed, in_progress
        QString conclusion; // success, failure; empty while running
        QString message;    // commit message
        QString authorName;
        QString authorLogin;
        bool hasChart = false; // CI packaged and published 1.0.0-<number>
    };

    struct Deployment
    {
        int run = 0;
        QDateTime deployedAt;
        QString initiatedBy;
    };

    explicit HomelabHistory(const QDateTime &now = QDateTime::currentDateTimeUtc());

    static constexpr int FirstRun = 101;
    static constexpr int UnpublishedRun = 149; // CI passed but its chart is not in ChartMuseum: deploy it
    static constexpr int LastRun = 150;        // still running: no chart yet

    const QList<Run> &runs() const { return m_runs; }                      // oldest first
    const QList<Deployment> &deployments() const { return m_deployments; } // oldest first
    QString chartVersion(int run) const;
    // The commit CI built in `run` (40 hex digits), also recorded in the chart's annotations.
    static QString commitSha(int run);
    QDateTime chartCreated(int run) const;

private:
    QList<Run> m_runs;
    QList<Deployment> m_deployments;
};

} // namespace capstan
