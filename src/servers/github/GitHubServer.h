#pragma once

#include "http/FaultInjector.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace capstan {

// Why: a GitHub REST-compatible server on 127.0.0.1 for one repository (runs, jobs, dispatch, commits,
// compare, releases; Link paging, ETag/304, rate-limit headers, the contract's error bodies) with fault
// injection, for integration tests and the sandbox.
class GitHubServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString repo = QStringLiteral("homelab/torvalds");
        qint64 repositoryId = 123456789;
        QString workflowFile = QStringLiteral("ci.yml");
        qint64 workflowId = 61234567;
        QString token; // required bearer/token credential; empty: a public repository, read anonymously
                       // (writes still need some token: 401 "Requires authentication")
        int rateLimit = 5000;        // x-ratelimit-limit of the core bucket for requests with a token
        int anonymousRateLimit = 60; // the same for requests without one (GitHub counts them per IP)
        QString apiPrefix;           // "" for github.com style, "/api/v3" for GHES
        int dispatchRunMs = 1500;    // a dispatched run goes queued -> in_progress -> completed in this time
        QString dispatchConclusion = QStringLiteral("success");
        // false: dispatch ignores return_run_details and answers 204, as servers before 2026-02-19 do
        bool returnsRunDetails = true;
    };

    struct CommitSeed
    {
        QString sha; // 40 hex; generated when empty
        QString message;
        QString authorName;
        QString authorLogin;
        QString authorEmail;
        QDateTime time;
    };

    struct RunSeed
    {
        int runNumber = 0;
        qint64 id = 0;   // generated (> 2^32) when 0
        QString headSha; // must name a seeded commit
        QString status = QStringLiteral("completed");
        QString conclusion = QStringLiteral("success");
        QString event = QStringLiteral("push");
        QString branch = QStringLiteral("main");
        QDateTime createdAt;
    };

    struct Fault
    {
        enum class Kind {
            Status,
            Delay,
            CloseConnection,
            GarbageBody,
            RateLimitExhausted,
            SecondaryRateLimit,
            DropAnswer // handled as usual (the change applied), then the connection closes without the answer
        };
        Kind kind = Kind::Status;
        QString pathPrefix; // after the apiPrefix; empty matches every path
        QString query;      // substring the raw query must contain, e.g. "page=2"; empty matches all
        int status = 500;
        QByteArray body;
        int delayMs = 0;
        int retryAfterSeconds = 0; // SecondaryRateLimit
        int count = 1;             // -1: forever
    };

    explicit GitHubServer(Options options, QObject *parent = nullptr);
    ~GitHubServer() override;

    bool listen(quint16 port = 0, QString *error = nullptr);
    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:<port><apiPrefix>

    // Commits oldest first; each becomes the parent of the next, on branch `main`. Returns the shas.
    QStringList addCommits(const QList<CommitSeed> &commits);
    void addRun(const RunSeed &run);
    void addTag(const QString &tag, const QString &sha);

    void addFault(const Fault &fault);
    void clearFaults();

    // Random faults on top of addFault()'s (those are consumed first): see FaultInjector::Profile.
    void setFaultProfile(const FaultInjector::Profile &profile);
    const FaultInjector &faultInjector() const;
    int requestCount() const;
    int rateLimitRemaining() const;          // of requests with a token
    int anonymousRateLimitRemaining() const; // of requests without one
    int notModifiedCount() const;            // 304s served

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan
