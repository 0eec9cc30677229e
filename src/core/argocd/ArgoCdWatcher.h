#pragma once

#include "ArgoApplication.h"
#include "net/ApiError.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;
class QTimer;

namespace capstan {

class HttpClient;

// Why: keeps one application's state current for the GUI badge and `wait`: reads Argo CD's watch stream
// (newline-delimited JSON), reconnects when it drops, and polls when the stream is unavailable.
class ArgoCdWatcher : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Stopped, Connecting, Streaming, Polling };
    Q_ENUM(Mode)

    ArgoCdWatcher(HttpClient *http, const QString &application, QObject *parent = nullptr);
    ~ArgoCdWatcher() override;

    void setPollInterval(int ms);   // default 5000
    void setReconnectDelay(int ms); // first delay, doubled up to 30 s; default 1000
    void setStreamEnabled(bool on); // false: poll only (the benchmark's baseline)
    // No first event within this time: poll meanwhile and retry the stream later; default 10000.
    void setConnectTimeout(int ms);
    // A streaming connection silent for this long is checked with a GET; if the GET shows a change the
    // stream missed, the stream is treated as stuck and reopened; default 60000.
    void setInactivityTimeout(int ms);

    void start();
    void stop();
    Mode mode() const { return m_mode; }
    std::optional<ArgoApplication> last() const { return m_last; }

Q_SIGNALS:
    void applicationChanged(const capstan::ArgoApplication &application);
    void modeChanged(capstan::ArgoCdWatcher::Mode mode);
    // 401/403 and decode errors; the watcher keeps trying except after 401.
    void errorOccurred(const capstan::ApiError &error);

private:
    void setMode(Mode mode);
    void publish(const ArgoApplication &application);

    class Private;
    std::unique_ptr<Private> d;
    Mode m_mode = Mode::Stopped;
    std::optional<ArgoApplication> m_last;
};

} // namespace capstan
