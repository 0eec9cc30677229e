#include "GitHubTypes.h"

#include "net/ApiError.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GitHubTypes", text);
}

[[noreturn]] void fail(const QString &where, const QString &field, const QString &problem)
{
    const QString name = where.isEmpty() ? field : where + u'.' + field;
    throw ApiError(ApiError::Kind::Decode, tr("GitHub answer: %1 %2").arg(name, problem),
                   tr("The server does not answer like the GitHub REST API."));
}

qint64 requireId(const QJsonObject &object, const QString &where, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        fail(where, field, tr("is missing"));
    if (!value.isDouble())
        fail(where, field, tr("is not a number"));
    // toInteger keeps every integer JSON number up to 2^53 exactly; run ids are far above 2^32.
    const double number = value.toDouble();
    const qint64 id = value.toInteger(-1);
    if (id < 0 || double(id) != number)
        fail(where, field, tr("is not a non-negative integer"));
    return id;
}

int optionalInt(const QJsonObject &object, const QString &where, const QString &field, int fallback)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isDouble())
        fail(where, field, tr("is not a number"));
    return int(value.toInteger(fallback));
}

QString requireString(const QJsonObject &object, const QString &where, const QString &field,
                      bool nullable = false)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        fail(where, field, tr("is missing"));
    if (value.isNull()) {
        if (nullable)
            return {};
        fail(where, field, tr("is null"));
    }
    if (!value.isString())
        fail(where, field, tr("is not a string"));
    return value.toString();
}

QString optionalString(const QJsonObject &object, const QString &where, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString())
        fail(where, field, tr("is not a string"));
    return value.toString();
}

QDateTime optionalTime(const QJsonObject &object, const QString &where, const QString &field)
{
    const QString text = optionalString(object, where, field);
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        fail(where, field, tr("is not an ISO 8601 date-time: \"%1\"").arg(text));
    return time;
}

QJsonObject optionalObject(const QJsonObject &object, const QString &where, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject())
        fail(where, field, tr("is not an object"));
    return value.toObject();
}

bool optionalBool(const QJsonObject &object, const QString &where, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return false;
    if (!value.isBool())
        fail(where, field, tr("is not true or false"));
    return value.toBool();
}

QString sub(const QString &where, const QString &field)
{
    return where.isEmpty() ? field : where + u'.' + field;
}

QString firstLine(const QString &message)
{
    return message.section(u'\n', 0, 0).trimmed();
}

} // namespace

QString WorkflowRun::subject() const
{
    return firstLine(commitMessage);
}

WorkflowRun WorkflowRun::fromJson(const QJsonObject &object, const QString &where)
{
    WorkflowRun run;
    run.id = requireId(object, where, u"id"_s);
    run.runNumber = optionalInt(object, where, u"run_number"_s, 0);
    run.runAttempt = optionalInt(object, where, u"run_attempt"_s, 1);
    run.name = optionalString(object, where, u"name"_s);
    run.displayTitle = optionalString(object, where, u"display_title"_s);
    run.event = optionalString(object, where, u"event"_s);
    run.status = requireString(object, where, u"status"_s, true);
    run.conclusion = requireString(object, where, u"conclusion"_s, true);
    run.headBranch = optionalString(object, where, u"head_branch"_s);
    run.headSha = requireString(object, where, u"head_sha"_s);
    const QString commitWhere = sub(where, u"head_commit"_s);
    const QJsonObject commit = optionalObject(object, where, u"head_commit"_s);
    run.commitMessage = optionalString(commit, commitWhere, u"message"_s);
    run.commitTime = optionalTime(commit, commitWhere, u"timestamp"_s);
    run.commitAuthor = optionalString(optionalObject(commit, commitWhere, u"author"_s),
                                      sub(commitWhere, u"author"_s), u"name"_s);
    run.actor = optionalString(optionalObject(object, where, u"actor"_s), sub(where, u"actor"_s), u"login"_s);
    run.createdAt = optionalTime(object, where, u"created_at"_s);
    run.updatedAt = optionalTime(object, where, u"updated_at"_s);
    run.htmlUrl = QUrl(optionalString(object, where, u"html_url"_s));
    return run;
}

WorkflowJob WorkflowJob::fromJson(const QJsonObject &object, const QString &where)
{
    WorkflowJob job;
    job.id = requireId(object, where, u"id"_s);
    job.name = requireString(object, where, u"name"_s);
    job.status = requireString(object, where, u"status"_s);
    job.conclusion = requireString(object, where, u"conclusion"_s, true);
    job.startedAt = optionalTime(object, where, u"started_at"_s);
    job.completedAt = optionalTime(object, where, u"completed_at"_s);
    job.htmlUrl = QUrl(optionalString(object, where, u"html_url"_s));
    return job;
}

QString GitHubCommit::subject() const
{
    return firstLine(message);
}

GitHubCommit GitHubCommit::fromJson(const QJsonObject &object, const QString &where)
{
    GitHubCommit commit;
    commit.sha = requireString(object, where, u"sha"_s);
    const QString innerWhere = sub(where, u"commit"_s);
    const QJsonValue inner = object.value(u"commit"_s);
    if (!inner.isObject())
        fail(where, u"commit"_s, inner.isUndefined() ? tr("is missing") : tr("is not an object"));
    const QJsonObject innerObject = inner.toObject();
    commit.message = requireString(innerObject, innerWhere, u"message"_s);
    const QJsonObject author = optionalObject(innerObject, innerWhere, u"author"_s);
    commit.authorName = optionalString(author, sub(innerWhere, u"author"_s), u"name"_s);
    commit.authoredAt = optionalTime(author, sub(innerWhere, u"author"_s), u"date"_s);
    commit.authorLogin =
        optionalString(optionalObject(object, where, u"author"_s), sub(where, u"author"_s), u"login"_s);
    commit.htmlUrl = QUrl(optionalString(object, where, u"html_url"_s));
    return commit;
}

GitHubComparison GitHubComparison::fromJson(const QJsonObject &object)
{
    const QString where;
    GitHubComparison comparison;
    comparison.status = requireString(object, where, u"status"_s);
    static const QStringList known = {u"diverged"_s, u"ahead"_s, u"behind"_s, u"identical"_s};
    if (!known.contains(comparison.status))
        fail(where, u"status"_s,
             tr("is \"%1\", not one of diverged, ahead, behind, identical").arg(comparison.status));
    comparison.aheadBy = optionalInt(object, where, u"ahead_by"_s, 0);
    comparison.behindBy = optionalInt(object, where, u"behind_by"_s, 0);
    comparison.totalCommits = optionalInt(object, where, u"total_commits"_s, 0);
    const QJsonValue commits = object.value(u"commits"_s);
    if (!commits.isArray())
        fail(where, u"commits"_s, commits.isUndefined() ? tr("is missing") : tr("is not an array"));
    const QJsonArray array = commits.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemWhere = u"commits[%1]"_s.arg(i);
        if (!array.at(i).isObject())
            fail({}, itemWhere, tr("is not an object"));
        comparison.commits.append(GitHubCommit::fromJson(array.at(i).toObject(), itemWhere));
    }
    comparison.htmlUrl = QUrl(optionalString(object, where, u"html_url"_s));
    return comparison;
}

GitHubRelease GitHubRelease::fromJson(const QJsonObject &object, const QString &where)
{
    GitHubRelease release;
    release.id = requireId(object, where, u"id"_s);
    release.tagName = requireString(object, where, u"tag_name"_s);
    release.name = optionalString(object, where, u"name"_s);
    release.body = optionalString(object, where, u"body"_s);
    release.draft = optionalBool(object, where, u"draft"_s);
    release.prerelease = optionalBool(object, where, u"prerelease"_s);
    release.createdAt = optionalTime(object, where, u"created_at"_s);
    release.htmlUrl = QUrl(optionalString(object, where, u"html_url"_s));
    return release;
}

} // namespace capstan
