#pragma once

#include "chart/ChartCache.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "chartmuseum/ChartVersion.h"
#include "net/ApiError.h"

#include <QDateTime>
#include <QFuture>
#include <QMap>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QDialog;
class QProgressBar;
class QSettings;
template <typename T> class QFutureWatcher;

namespace Ui {
class ChartsView;
}

namespace capstan {

class ArchiveFilesModel;
class ChartArchive;
class ChartListModel;
class ChartMuseumClient;
class ChartVersionsModel;
class ChartVersionsProxyModel;
class DiffView;
class MessageBanner;

// Why: the "Charts" view: browse the charts of a ChartMuseum repository, their versions (filtered by text
// or range) and what a version's archive holds, loading everything in the background.
class ChartsView : public QWidget
{
    Q_OBJECT
public:
    enum class State { NotConfigured, Connecting, Unavailable, Loading, Ready, Empty, Failed };
    Q_ENUM(State)

    explicit ChartsView(QWidget *parent = nullptr);
    ~ChartsView() override;

    // Views that need a server show why they cannot have one and how to fix it.
    void showNotConfigured(const QString &reason, const QString &title = {});
    void showConnecting(const QUrl &url);
    void showUnavailable(const ApiError &error);
    // Takes the client (not owned) and loads the charts.
    void setClient(ChartMuseumClient *client);
    ChartMuseumClient *client() const { return m_client; }

    State state() const { return m_state; }
    QString currentChart() const;
    std::optional<ChartVersion> shownVersion() const { return m_shownVersion; }
    bool selectChart(const QString &name);
    bool selectVersion(const QString &version);
    void setFilterText(const QString &text);

    ChartListModel *chartListModel() const { return m_chartModel; }
    ChartVersionsModel *versionsModel() const { return m_versionsModel; }
    ChartVersionsProxyModel *versionsProxy() const { return m_proxy; }
    ArchiveFilesModel *filesModel() const { return m_filesModel; }
    MessageBanner *banner() const;
    MessageBanner *detailsBanner() const;

    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

    // Asks the user to confirm a destructive step; tests inject one that answers without a dialog.
    using Confirm = std::function<bool(const QString &title, const QString &text, const QString &acceptText)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setChartCache(const ChartCache &cache) { m_cache = cache; }
    QAction *compareAction() const { return m_compareAction; }
    QAction *uploadAction() const { return m_uploadAction; }
    QAction *uploadDirectoryAction() const { return m_uploadDirectoryAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QProgressBar *uploadProgress() const { return m_uploadProgress; }
    QDialog *diffDialog() const;
    DiffView *diffView() const;

public Q_SLOTS:
    void refresh();
    // Opens the comparison of the selected version with the previous one (or `otherVersion`).
    void compareSelected();
    void compareWith(const QString &otherVersion);
    void uploadChart();          // file dialog for a .tgz
    void uploadChartDirectory(); // directory dialog; packaged natively
    // A .tgz file or a chart directory; no dialog. On 409 the user is asked whether to overwrite.
    void uploadPath(const QString &path, bool force = false);
    void deleteSelectedVersion();

Q_SIGNALS:
    void settingsRequested();
    void reconnectRequested();
    void stateChanged(capstan::ChartsView::State state);
    void chartsLoaded(int chartCount);
    void loadFailed(const QString &message);
    void detailsLoaded(const QString &chart, const QString &version);
    void detailsFailed(const QString &message);
    void diffShown(const QString &from, const QString &to);
    void uploaded(const QString &chart, const QString &version);
    void uploadFailed(const QString &message);
    void versionDeleted(const QString &chart, const QString &version);
    void deleteFailed(const QString &message);

private:
    void setState(State state);
    void placeSplitter();
    void showStatePage(const QString &title, const QString &text, bool busy, bool retry, bool settings);
    void retry();
    void applyCharts(const QMap<QString, QList<ChartVersion>> &charts);
    void showLoadError(const ApiError &error);
    void showChart(const QString &name);
    void onVersionSelectionChanged();
    void loadDetails(const ChartVersion &version, bool force);
    void showArchive(const ChartArchive &archive);
    void showDetailsError(const QString &text, const QString &hint);
    void clearDetails();
    void updateCount();
    void updateProgress(int value);
    void setupActions();
    void updateActions();
    void runDiff(const ChartVersion &base, const QString &otherVersion);
    void fetchPackage(const ChartVersion &entry, quint64 generation,
                      std::function<void(const QByteArray &)> onBytes,
                      std::function<void(const ApiError &)> onError);
    void uploadBytes(const QByteArray &bytes, const QString &label, bool force);
    void finishUpload(const ApiError *error, const ChartVersion *entry, const QByteArray &bytes,
                      const QString &label);

    std::unique_ptr<Ui::ChartsView> ui;
    QPointer<ChartMuseumClient> m_client;
    ChartListModel *m_chartModel;
    ChartVersionsModel *m_versionsModel;
    ChartVersionsProxyModel *m_proxy;
    ArchiveFilesModel *m_filesModel;
    QFutureWatcher<QByteArray> *m_downloadWatcher;
    State m_state = State::NotConfigured;
    QMap<QString, QList<ChartVersion>> m_charts;
    QDateTime m_chartsLoadedAt; // when ChartMuseum last listed m_charts
    QString m_shownChart;
    std::optional<ChartVersion> m_shownVersion;
    QFuture<QByteArray> m_download;
    quint64 m_loadGeneration = 0;
    quint64 m_detailsGeneration = 0;
    bool m_columnsSized = false;
    bool m_splitterPlaced = false;

    ChartCache m_cache;
    Confirm m_confirm;
    QAction *m_compareAction = nullptr;
    QAction *m_uploadAction = nullptr;
    QAction *m_uploadDirectoryAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QProgressBar *m_uploadProgress = nullptr;
    QPointer<QDialog> m_diffDialog;
    QPointer<DiffView> m_diffView;
    QPointer<QComboBox> m_diffOther;
    std::optional<ChartVersion> m_diffBase;
    quint64 m_diffGeneration = 0;
    bool m_uploading = false;
    QString m_deleteRefused; // why the server refuses deletes; empty while they may work
};

} // namespace capstan
