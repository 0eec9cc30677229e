#include "Sandbox.h"

#include "SandboxSeeder.h"
#include "chartmuseum/ChartMuseumServer.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

class Sandbox::Private
{
public:
    QTemporaryDir directory;
    std::unique_ptr<ChartMuseumServer> chartMuseum;
    QString password;
};

namespace {

QString randomPassword()
{
    static constexpr char16_t alphabet[] = u"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    constexpr qsizetype alphabetSize = sizeof(alphabet) / sizeof(alphabet[0]) - 1;
    QString password;
    for (int i = 0; i < 24; ++i)
        password.append(QChar(alphabet[QRandomGenerator::system()->bounded(int(alphabetSize))]));
    return password;
}

} // namespace

Sandbox::Sandbox(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{}

Sandbox::~Sandbox() = default;

bool Sandbox::start(QString *error)
{
    if (d->chartMuseum) {
        if (error)
            *error = tr("The sandbox is already running.");
        return false;
    }
    if (!d->directory.isValid()) {
        if (error)
            *error = tr("Could not create a temporary directory for the sandbox: %1")
                         .arg(d->directory.errorString());
        return false;
    }
    const QString charts = d->directory.filePath(u"chartmuseum"_s);
    const SandboxSeeder::Result seeded = SandboxSeeder::seedHomelab(charts);
    if (!seeded.error.isEmpty()) {
        if (error)
            *error = tr("Could not seed the sandbox charts: %1").arg(seeded.error);
        return false;
    }
    d->password = randomPassword();
    ChartMuseumServer::Options options;
    options.storageDirectory = charts;
    options.basicUser = u"admin"_s;
    options.basicPassword = d->password;
    auto server = std::make_unique<ChartMuseumServer>(options);
    QString listenError;
    if (!server->listen(0, &listenError)) {
        if (error)
            *error = tr("Could not start the sandbox ChartMuseum: %1").arg(listenError);
        return false;
    }
    d->chartMuseum = std::move(server);
    return true;
}

Config Sandbox::config() const
{
    Config config;
    if (d->chartMuseum) {
        Config::ChartMuseum chartMuseum;
        chartMuseum.url = d->chartMuseum->url();
        chartMuseum.username = u"admin"_s;
        config.chartmuseum = chartMuseum;
    }
    return config;
}

QProcessEnvironment Sandbox::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (d->chartMuseum)
        environment.insert(u"CAPSTAN_CHARTMUSEUM_PASSWORD"_s, d->password);
    return environment;
}

ChartMuseumServer *Sandbox::chartMuseum() const
{
    return d->chartMuseum.get();
}

} // namespace capstan
