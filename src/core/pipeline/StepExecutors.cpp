#include "StepExecutors.h"

#include "ArgoCdSyncStep.h"
#include "ChartMuseumPushStep.h"
#include "CommandStep.h"
#include "GitHubDispatchStep.h"
#include "HelmPackageStep.h"
#include "SetVersionStep.h"

namespace capstan {

std::unique_ptr<StepExecutor> StepExecutors::create(const Step &step)
{
    switch (step.kind) {
    case Step::Kind::Run:
    case Step::Kind::ImagePublish:
    case Step::Kind::Dagger:
        return std::make_unique<CommandStep>();
    case Step::Kind::SetVersion:
        return std::make_unique<SetVersionStep>();
    case Step::Kind::HelmPackage:
        return std::make_unique<HelmPackageStep>();
    case Step::Kind::ChartMuseumPush:
        return std::make_unique<ChartMuseumPushStep>();
    case Step::Kind::ArgoCdSync:
        return std::make_unique<ArgoCdSyncStep>();
    case Step::Kind::GitHubDispatch:
        return std::make_unique<GitHubDispatchStep>();
    }
    return nullptr;
}

} // namespace capstan
