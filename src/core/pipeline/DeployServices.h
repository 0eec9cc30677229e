#pragma once

#include "argocd/ArgoCdClient.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "github/GitHubClient.h"
#include "net/ApiError.h"

#include <QFuture>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QPromise>

#include <functional>
#include <memory>

namespace capstan {

// Why: network steps run on pool threads while the service clients live on the thread that made them; this
// hands a call over to that thread and its answer back.
class DeployServices : public QObject
{
    Q_OBJECT
public:
    explicit DeployServices(QObject *parent = nullptr);

    // Not owned; nullptr when the service is not configured or not needed by the plan.
    void setChartMuseum(ChartMuseumClient *client) { m_chartMuseum = client; }
    void setArgoCd(ArgoCdClient *client) { m_argoCd = client; }
    void setGitHub(GitHubClient *client) { m_gitHub = client; }
    ChartMuseumClient *chartMuseum() const { return m_chartMuseum; }
    ArgoCdClient *argoCd() const { return m_argoCd; }
    GitHubClient *gitHub() const { return m_gitHub; }

    // Runs start() on this object's thread and returns a future that ends as the one start() returned ends:
    // same result, same exception. Safe to call from any thread; an exception thrown by start() fails it.
    template <typename T> QFuture<T> call(std::function<QFuture<T>()> start)
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(this, [promise, start = std::move(start)] {
            try {
                start().then(QtFuture::Launch::Sync, [promise](QFuture<T> done) { forward(*promise, done); });
            } catch (...) {
                promise->setException(std::current_exception());
                promise->finish();
            }
        });
        return future;
    }

private:
    template <typename T> static void forward(QPromise<T> &promise, QFuture<T> &done)
    {
        try {
            done.waitForFinished(); // rethrows the stored exception
            if (done.isCanceled())
                throw ApiError(ApiError::Kind::Failed, tr("the request was cancelled"));
            if constexpr (!std::is_void_v<T>)
                promise.addResult(done.result());
        } catch (...) {
            promise.setException(std::current_exception());
        }
        promise.finish();
    }

    QPointer<ChartMuseumClient> m_chartMuseum;
    QPointer<ArgoCdClient> m_argoCd;
    QPointer<GitHubClient> m_gitHub;
};

} // namespace capstan
