#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

namespace capstan {

// Why: the desktop app's command line, defined once, so --help and --version are answered before a
// QApplication (and so a display) exists, and GuiRunner reads the very same options.
class GuiOptions
{
public:
    // Translated when built after the translators are installed.
    GuiOptions();

    // The description, --help, --version and every option of all().
    void addTo(QCommandLineParser *parser) const;
    QList<QCommandLineOption> all() const;

    QCommandLineOption cli;
    QCommandLineOption config;
    QCommandLineOption sandbox;
    QCommandLineOption sandboxDir;
    QCommandLineOption sandboxReset;
    // Pictures for the README and the docs; hidden from --help.
    QCommandLineOption screenshot;
    QCommandLineOption settingsShot;
    QCommandLineOption filter;
    QCommandLineOption tab;
    QCommandLineOption diffShot;
    QCommandLineOption buildsShot;
    QCommandLineOption deployShot;
    QCommandLineOption historyShot;
    QCommandLineOption rollbackShot;
    QCommandLineOption suspendedShot;
    QCommandLineOption pipelineShot;
    QCommandLineOption journalShot;
    // Benchmarks (bench/gui.sh); hidden from --help.
    QCommandLineOption benchFirstPaint;
    QCommandLineOption benchVersions;
};

} // namespace capstan
