#include "DeployServices.h"

#include "argocd/ArgoCdClient.h"
#include "chartmuseum/ChartMuseumClient.h"
#include "github/GitHubClient.h"

namespace capstan {

DeployServices::DeployServices(QObject *parent) : QObject(parent) {}

} // namespace capstan
