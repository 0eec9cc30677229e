#pragma once

#include "pipeline/Pipeline.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace capstan {

// Why: the typed, validated content of capstan.yaml; every section is optional until a command needs it.
struct Config
{
    // `timeout` of every service section: seconds without data before a request's attempt is given up.
    static constexpr int DefaultTimeoutSeconds = 30;
    static constexpr int MaxTimeoutSeconds = 3600;

    struct GitHub
    {
        QUrl url = QUrl(QStringLiteral("https://api.github.com"));
        QString repo; // owner/name
        QString workflow;
        QString branch = QStringLiteral("main");
        int timeoutSeconds = DefaultTimeoutSeconds;
    };
    struct ChartMuseum
    {
        QUrl url;
        QString username;
        QString repo; // multitenant path, empty at depth 0
        int timeoutSeconds = DefaultTimeoutSeconds;
    };
    struct Chart
    {
        QString name;
        QString path;
        QString manifests;
        QString version = QStringLiteral("1.0.0-{build}");
    };
    struct ArgoCd
    {
        QUrl url;
        QString app;
        QString username;
        qint64 lockStaleAfterMs = 10 * 60 * 1000; // a lock with no heartbeat for this long is stale
        int timeoutSeconds = DefaultTimeoutSeconds;
    };

    QString file; // where it was read from; empty when built in memory
    std::optional<GitHub> github;
    std::optional<ChartMuseum> chartmuseum;
    std::optional<Chart> chart;
    std::optional<ArgoCd> argocd;
    std::optional<Pipeline> pipeline;
};

} // namespace capstan
