#include "ServerFixture.h"

#include "TestChartFactory.h"

#include <QDir>
#include <QFile>

ServerFixture::ServerFixture(capstan::ChartMuseumServer::Options options)
    : m_options(std::move(options))
{
    m_options.storageDirectory = m_directory.path();
}

ServerFixture::~ServerFixture() = default;

bool ServerFixture::start(QString *error)
{
    if (!m_directory.isValid()) {
        if (error)
            *error = m_directory.errorString();
        return false;
    }
    m_server = std::make_unique<capstan::ChartMuseumServer>(m_options);
    return m_server->listen(0, error);
}

QUrl ServerFixture::url() const
{
    return m_server ? m_server->url() : QUrl();
}

QString ServerFixture::repoDirectory(const QString &repo) const
{
    return repo.isEmpty() ? m_directory.path() : m_directory.path() + QLatin1Char('/') + repo;
}

bool ServerFixture::putFile(const QString &fileName, const QByteArray &data, const QString &repo)
{
    const QString directory = repoDirectory(repo);
    if (!QDir().mkpath(directory))
        return false;
    QFile file(directory + QLatin1Char('/') + fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return false;
    file.close();
    if (m_server)
        m_server->rescan();
    return true;
}

bool ServerFixture::putChart(const QString &name, const QString &version, const QString &repo)
{
    return putFile(name + QLatin1Char('-') + version + QStringLiteral(".tgz"),
                   TestChartFactory::chart(name, version), repo);
}
