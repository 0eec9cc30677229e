#include "ApiError.h"

#include <QCoreApplication>

namespace capstan {

ApiError::ApiError(Kind kind, QString message, QString hint)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_hint(std::move(hint))
{}

ApiError ApiError::http(int status, const QUrl &url, QString serverMessage, QString hint)
{
    ApiError error(Kind::Http,
                   QCoreApplication::translate("ApiError", "HTTP %1 from %2")
                       .arg(status)
                       .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)),
                   std::move(hint));
    error.m_status = status;
    error.m_url = url;
    error.m_serverMessage = std::move(serverMessage);
    return error;
}

ApiError &ApiError::setUrl(const QUrl &url)
{
    m_url = url;
    return *this;
}

ApiError &ApiError::setHint(const QString &hint)
{
    m_hint = hint;
    return *this;
}

ApiError &ApiError::setServerMessage(const QString &message)
{
    m_serverMessage = message;
    return *this;
}

ApiError &ApiError::prependContext(const QString &context)
{
    m_message = context + QStringLiteral(": ") + m_message;
    return *this;
}

QString ApiError::toString() const
{
    if (m_serverMessage.isEmpty())
        return m_message;
    return QStringLiteral("%1: %2").arg(m_message, m_serverMessage);
}

bool ApiError::answerMayBeLost() const
{
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Integrity:
        return true;
    case Kind::Http:
        return m_status >= 500 && m_status != 507;
    default:
        return false;
    }
}

ExitCode ApiError::exitCode() const
{
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
        return ExitCode::Unreachable;
    case Kind::Config:
    case Kind::Usage:
        return ExitCode::Usage;
    case Kind::Credentials:
        return ExitCode::Auth;
    case Kind::NotFound:
        return ExitCode::NotFound;
    case Kind::Conflict:
        return ExitCode::Conflict;
    case Kind::Http:
        if (m_status == 401 || m_status == 403)
            return ExitCode::Auth;
        if (m_status == 404 || m_status == 410)
            return ExitCode::NotFound;
        if (m_status == 409 || m_status == 423)
            return ExitCode::Conflict;
        if (m_status >= 500)
            return ExitCode::Unreachable;
        return ExitCode::Failed;
    case Kind::Decode:
    case Kind::Integrity:
    case Kind::Archive:
    case Kind::Failed:
        return ExitCode::Failed;
    }
    return ExitCode::Failed;
}

} // namespace capstan
