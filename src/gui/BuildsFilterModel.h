#pragma once

#include <QSortFilterProxyModel>

namespace capstan {

// Why: the Builds view narrows its list by CI status, author and free text without touching the joined
// model underneath, so the live marker and selection survive any filter.
class BuildsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    // What a CI status string (status, or conclusion once completed) means for filtering and icons.
    enum class StatusCategory { Any, Success, Failure, Running, Queued };
    Q_ENUM(StatusCategory)

    explicit BuildsFilterModel(QObject *parent = nullptr);

    static StatusCategory categoryOf(const QString &status);

    void setStatusFilter(StatusCategory category);
    StatusCategory statusFilter() const { return m_status; }
    // Empty: every author.
    void setAuthorFilter(const QString &author);
    QString authorFilter() const { return m_author; }
    // Case-insensitive substring of the run number, sha, subject, author or chart version.
    void setTextFilter(const QString &text);
    QString textFilter() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StatusCategory m_status = StatusCategory::Any;
    QString m_author;
    QString m_text;
};

} // namespace capstan
