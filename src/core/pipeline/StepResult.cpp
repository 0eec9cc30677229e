#include "StepResult.h"

namespace capstan {

namespace {

constexpr std::pair<StepResult::Status, QLatin1StringView> statusNames[] = {
    {StepResult::Status::Pending, QLatin1StringView("pending")},
    {StepResult::Status::Running, QLatin1StringView("running")},
    {StepResult::Status::Succeeded, QLatin1StringView("succeeded")},
    {StepResult::Status::Failed, QLatin1StringView("failed")},
    {StepResult::Status::Skipped, QLatin1StringView("skipped")},
    {StepResult::Status::Cancelled, QLatin1StringView("cancelled")},
};

} // namespace

QString StepResult::statusName(Status status)
{
    for (const auto &[value, name] : statusNames) {
        if (value == status)
            return name.toString();
    }
    return {};
}

std::optional<StepResult::Status> StepResult::statusFromName(const QString &name)
{
    for (const auto &[value, text] : statusNames) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

QString StepResult::summary() const
{
    QString text = message;
    for (const QString &line : outputTail)
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + QStringLiteral("  | ") + line;
    return text;
}

QString StepResult::statusLabel(Status status)
{
    switch (status) {
    case Status::Pending:
        return tr("Pending");
    case Status::Running:
        return tr("Running");
    case Status::Succeeded:
        return tr("Succeeded");
    case Status::Failed:
        return tr("Failed");
    case Status::Skipped:
        return tr("Skipped");
    case Status::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

} // namespace capstan
