#pragma once

#include "net/ApiError.h"

#include <QCoreApplication>
#include <QFuture>
#include <QFutureWatcher>

#include <exception>
#include <type_traits>

namespace capstan {

// Why: in Qt 6.4 QFuture::then(context, …) asserts when the context object is destroyed before the future
// finishes, and views are closed while requests are in flight. A QFutureWatcher owned by the context dies
// with it, so the handlers simply never run. Handlers run on the context's thread.
class FutureWatch
{
public:
    // `onValue(T)` (or `onValue()` for void) on success, `onError(const ApiError &)` on failure; nothing
    // when the future was cancelled.
    template <typename T, typename OnValue, typename OnError>
    static QFutureWatcher<T> *watch(QObject *context, const QFuture<T> &future, OnValue onValue,
                                    OnError onError)
    {
        auto *watcher = new QFutureWatcher<T>(context);
        QObject::connect(
            watcher, &QFutureWatcherBase::finished, context,
            [watcher, onValue = std::move(onValue), onError = std::move(onError)]() mutable {
                watcher->deleteLater();
                QFuture<T> done = watcher->future();
                try {
                    done.waitForFinished(); // rethrows the stored exception
                } catch (const ApiError &error) {
                    onError(error);
                    return;
                } catch (const std::exception &error) {
                    onError(ApiError(ApiError::Kind::Failed, QString::fromLocal8Bit(error.what())));
                    return;
                } catch (...) {
                    onError(ApiError(
                        ApiError::Kind::Failed,
                        QCoreApplication::translate("FutureWatch", "The operation failed unexpectedly.")));
                    return;
                }
                if (done.isCanceled())
                    return;
                if constexpr (std::is_void_v<T>)
                    onValue();
                else
                    onValue(done.result());
            });
        watcher->setFuture(future);
        return watcher;
    }
};

} // namespace capstan
