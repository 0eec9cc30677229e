#pragma once

#include "ExitCode.h"

#include <QException>
#include <QString>
#include <QUrl>

namespace capstan {

// Why: one error type for every failure a service call or local operation can have, so GUI, CLI and
// exit codes read them the same way.
class ApiError : public QException
{
public:
    enum class Kind {
        Network,     // connection refused, DNS, TLS: the server could not be reached
        Timeout,     // no data within the timeout
        Http,        // the server answered with a non-success status
        Decode,      // the answer was not what the contract says (non-JSON, wrong shape)
        Integrity,   // downloaded bytes do not match the listed digest, or truncated
        Config,      // a setting needed for the call is missing or invalid
        Usage,       // the caller asked for something that cannot be done
        Credentials, // no secret available, or the keychain cannot be reached
        NotFound,    // something local or remote does not exist (without an HTTP status)
        Archive,     // a chart archive is corrupt or breaks the loader's rules
        Conflict,    // exists already, locked, or another operation is in progress
        Failed,      // anything else
    };

    ApiError() = default;
    ApiError(Kind kind, QString message, QString hint = {});

    static ApiError http(int status, const QUrl &url, QString serverMessage, QString hint = {});

    Kind kind() const { return m_kind; }
    int status() const { return m_status; }
    QString message() const { return m_message; }
    QString serverMessage() const { return m_serverMessage; }
    QString hint() const { return m_hint; }
    QUrl url() const { return m_url; }

    ApiError &setUrl(const QUrl &url);
    ApiError &setHint(const QString &hint);
    ApiError &setServerMessage(const QString &message);
    ApiError &prependContext(const QString &context);

    // One line: what failed, the server's words, where. The hint is separate.
    QString toString() const;
    ExitCode exitCode() const;
    // Whether a request that failed this way may still have taken effect on the server: the connection
    // dropped, the time ran out, the answer was cut short, or the server (or a gateway) failed with a 5xx
    // other than 507 Insufficient Storage. A request that starts something checks before it is sent again.
    bool answerMayBeLost() const;

    void raise() const override { throw *this; }
    ApiError *clone() const override { return new ApiError(*this); }

private:
    Kind m_kind = Kind::Failed;
    int m_status = 0;
    QString m_message;
    QString m_serverMessage;
    QString m_hint;
    QUrl m_url;
};

} // namespace capstan
