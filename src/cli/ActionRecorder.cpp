#include "ActionRecorder.h"

#include "CliSession.h"
#include "OutputWriter.h"
#include "argocd/DeployLock.h"
#include "net/ApiError.h"

using namespace Qt::Literals::StringLiterals;

namespace capstan {

ActionRecorder::ActionRecorder(CliSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session, &CliSession::failing, this, &ActionRecorder::failing);
    connect(session, &CliSession::finishing, this, &ActionRecorder::finishing);
}

void ActionRecorder::open()
{
    m_session->journal();
}

void ActionRecorder::start(const QString &kind, const QString &application, const QString &reason,
                           const QString &what, const QString &successMessage)
{
    DeployJournal::Action action;
    action.kind = kind;
    action.application = application;
    action.user = DeployLock::defaultHolder();
    action.reason = reason;
    action.outcome = u"succeeded"_s;
    action.message = successMessage;
    m_pending.append({action, what});
}

void ActionRecorder::settle(const QString &kind, const QString &outcome, const QString &message)
{
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).action.kind != kind)
            continue;
        DeployJournal::Action action = m_pending.takeAt(i).action;
        action.outcome = outcome;
        action.message = message;
        write(action);
        return;
    }
}

bool ActionRecorder::confirm(const QString &kind, const std::function<bool()> &confirm)
{
    try {
        if (confirm())
            return true;
        for (const Pending &pending : std::as_const(m_pending)) {
            if (pending.action.kind == kind) {
                const QString declined = tr("declined at the prompt; nothing was changed");
                settle(kind, u"refused"_s,
                       pending.what.isEmpty() ? declined : tr("%1: %2").arg(pending.what, declined));
                break;
            }
        }
        return false;
    } catch (const ApiError &error) {
        for (const Pending &pending : std::as_const(m_pending)) {
            if (pending.action.kind == kind) {
                settle(kind, u"refused"_s,
                       pending.what.isEmpty() ? error.toString()
                                              : tr("%1: %2").arg(pending.what, error.toString()));
                break;
            }
        }
        throw;
    }
}

void ActionRecorder::failing(const ApiError &error)
{
    const QString outcome = DeployJournal::outcomeOf(error);
    const QList<Pending> pending = std::exchange(m_pending, {});
    for (const Pending &each : pending) {
        DeployJournal::Action action = each.action;
        action.outcome = outcome;
        action.message =
            each.what.isEmpty() ? error.toString() : tr("%1: %2").arg(each.what, error.toString());
        write(action);
    }
}

void ActionRecorder::finishing(ExitCode code)
{
    const QList<Pending> pending = std::exchange(m_pending, {});
    for (const Pending &each : pending) {
        DeployJournal::Action action = each.action;
        if (code != ExitCode::Ok) {
            action.outcome = u"failed"_s;
            const QString ended = tr("ended with exit code %1").arg(int(code));
            action.message = each.what.isEmpty() ? ended : tr("%1: %2").arg(each.what, ended);
        }
        write(action);
    }
}

void ActionRecorder::write(const DeployJournal::Action &action)
{
    try {
        m_session->journal()->record(action);
    } catch (const ApiError &error) {
        m_session->output()->note(tr("warning: the %1 of %2 is not in the journal: %3")
                                      .arg(action.kind, action.application, error.toString()));
    }
}

} // namespace capstan
