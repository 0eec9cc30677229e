#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace capstan {

// Why: the parts of GitHub's workflow-run, job, commit, comparison and release objects (see the GitHub
// contract) that Capstan shows, read once and checked; ids are 64-bit because run ids exceed 2^32.
struct WorkflowRun
{
    qint64 id = 0;
    int runNumber = 0;
    int runAttempt = 1;
    QString name;
    QString displayTitle;
    QString event;
    QString status;     // queued, in_progress, completed, requested, waiting, pending
    QString conclusion; // empty until completed; success, failure, cancelled, ... (unknown kept as is)
    QString headBranch;
    QString headSha;
    QString commitMessage; // head_commit.message (whole)
    QString commitAuthor;  // head_commit.author.name
    QDateTime commitTime;  // head_commit.timestamp
    QString actor;         // actor.login
    QDateTime createdAt;
    QDateTime updatedAt;
    QUrl htmlUrl;

    bool isCompleted() const { return status == QLatin1String("completed"); }
    bool isSuccess() const { return conclusion == QLatin1String("success"); }
    QString shortSha() const { return headSha.left(7); }
    QString subject() const; // first line of the commit message

    // Throws ApiError (Kind::Decode) naming the field, e.g. "workflow_runs[3].id is not a number".
    static WorkflowRun fromJson(const QJsonObject &object, const QString &where);
};

struct WorkflowJob
{
    qint64 id = 0;
    QString name;
    QString status;
    QString conclusion;
    QDateTime startedAt;
    QDateTime completedAt;
    QUrl htmlUrl;

    static WorkflowJob fromJson(const QJsonObject &object, const QString &where);
};

struct GitHubCommit
{
    QString sha;
    QString message;
    QString authorName;
    QString authorLogin; // empty when the e-mail maps to no account
    QDateTime authoredAt;
    QUrl htmlUrl;

    QString shortSha() const { return sha.left(7); }
    QString subject() const;

    static GitHubCommit fromJson(const QJsonObject &object, const QString &where);
};

struct GitHubComparison
{
    QString status; // diverged, ahead, behind, identical
    int aheadBy = 0;
    int behindBy = 0;
    int totalCommits = 0;
    QList<GitHubCommit> commits; // oldest first
    QUrl htmlUrl;

    static GitHubComparison fromJson(const QJsonObject &object);
};

struct GitHubRelease
{
    qint64 id = 0;
    QString tagName;
    QString name;
    QString body;
    bool draft = false;
    bool prerelease = false;
    QDateTime createdAt;
    QUrl htmlUrl;

    static GitHubRelease fromJson(const QJsonObject &object, const QString &where);
};

// The x-ratelimit-* headers of the last answer.
struct RateLimit
{
    int limit = -1; // -1: not known yet (or the server sends none, as GHES by default)
    int remaining = -1;
    int used = -1;
    QDateTime reset;
    QString resource;

    bool known() const { return limit >= 0; }
};

} // namespace capstan
