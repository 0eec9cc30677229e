#include "ChartMuseumPushStep.h"

#include "DeployServices.h"
#include "RunContext.h"
#include "StepContext.h"
#include "argocd/ArgoCdClient.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "github/GitHubClient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace capstan {

namespace {

StepResult finished(StepResult::Status status, const QString &message)
{
    StepResult result;
    result.status = status;
    result.message = message;
    return result;
}

} // namespace

StepResult ChartMuseumPushStep::execute(StepContext &context)
{
    RunContext &run = context.run();
    const QString name = context.step().name;
    const QString path = run.artifact(QStringLiteral("chart.package"));
    if (path.isEmpty())
        return finished(StepResult::Status::Failed,
                        tr("step %1: no package: the helm-package step did not run").arg(name));
    DeployServices *services = run.services();
    if (!services || !services->chartMuseum())
        return finished(
            StepResult::Status::Failed,
            tr("step %1: ChartMuseum is not configured (chartmuseum section of capstan.yaml)").arg(name));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return finished(StepResult::Status::Failed,
                        tr("step %1: cannot read the package %2: %3")
                            .arg(name, QDir::toNativeSeparators(path), file.errorString()));
    const QByteArray bytes = file.readAll();
    const QString digest =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QString chart = run.artifact(QStringLiteral("chart.name"));
    QString version = run.artifact(QStringLiteral("chart.version"));
    ChartMuseumClient *client = services->chartMuseum();
    const QString where = run.config().chartmuseum
                              ? run.config().chartmuseum->url.toDisplayString(QUrl::RemoveUserInfo)
                              : tr("ChartMuseum");

    context.output(
        tr("Uploading %1 (%2 bytes) to %3").arg(QFileInfo(path).fileName()).arg(bytes.size()).arg(where));
    try {
        const std::optional<ChartVersion> uploaded =
            run.await(services->call<ChartVersion>([client, bytes] { return client->upload(bytes, false); }));
        if (!uploaded)
            return finished(StepResult::Status::Cancelled, tr("cancelled during the upload"));
        context.output(
            tr("Published %1 %2, sha256 %3").arg(uploaded->name(), uploaded->version(), uploaded->digest));
        return finished(StepResult::Status::Succeeded,
                        tr("published %1 %2").arg(uploaded->name(), uploaded->version()));
    } catch (const ApiError &error) {
        if (error.kind() != ApiError::Kind::Conflict)
            throw;
        if (chart.isEmpty() || version.isEmpty())
            throw;
        context.output(tr("ChartMuseum already has %1 %2; comparing digests").arg(chart, version));
    }

    const std::optional<ChartVersion> existing = run.await(
        services->call<ChartVersion>([client, chart, version] { return client->version(chart, version); }));
    if (!existing)
        return finished(StepResult::Status::Cancelled, tr("cancelled while checking the published version"));
    if (existing->digest.compare(digest, Qt::CaseInsensitive) == 0) {
        context.output(tr("The published package is identical (sha256 %1)").arg(digest));
        return finished(StepResult::Status::Succeeded,
                        tr("%1 %2 already published (identical)").arg(chart, version));
    }
    context.output(tr("Published sha256 %1, ours %2").arg(existing->digest, digest));
    return finished(
        StepResult::Status::Failed,
        tr("conflict: ChartMuseum already has %1 version %2 with different content; publish a new "
           "version instead of overwriting it")
            .arg(chart, version));
}

} // namespace capstan
