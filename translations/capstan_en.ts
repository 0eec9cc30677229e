<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChartListDelegate</name>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ArchiveFilesModel</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ChartListModel</name>
    <message numerus="yes">
        <source>%n version(s), newest %1</source>
        <translation>
            <numerusform>%n version, newest %1</numerusform>
            <numerusform>%n versions, newest %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ChartMuseumClient</name>
    <message numerus="yes">
        <source>%1 was uploaded, but the server does not list it after %n look-up(s)</source>
        <translation>
            <numerusform>%1 was uploaded, but the server does not list it after %n look-up</numerusform>
            <numerusform>%1 was uploaded, but the server does not list it after %n look-ups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ChartsView</name>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::DiffCommands</name>
    <message numerus="yes">
        <source>%n file(s) changed, </source>
        <translation>
            <numerusform>%n file changed, </numerusform>
            <numerusform>%n files changed, </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::DiffView</name>
    <message numerus="yes">
        <source>%1 → %2: %n file(s) changed</source>
        <translation>
            <numerusform>%1 → %2: %n file changed</numerusform>
            <numerusform>%1 → %2: %n files changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::HttpClient</name>
    <message numerus="yes">
        <source>Tried %n time(s).</source>
        <translation>
            <numerusform>Tried %n time.</numerusform>
            <numerusform>Tried %n times.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::PackageCommands</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::SettingsDialog</name>
    <message numerus="yes">
        <source>The server settings were saved, but %n credential(s) could not be stored.</source>
        <translation>
            <numerusform>The server settings were saved, but %n credential could not be stored.</numerusform>
            <numerusform>The server settings were saved, but %n credentials could not be stored.</numerusform>
        </translation>
    </message>
</context>
</TS>
