#include "DeployServices.h"

namespace capstan {

DeployServices::DeployServices(QObject *parent)
    : QObject(parent)
{}

} // namespace capstan
