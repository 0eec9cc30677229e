<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChartDiff</name>
    <message numerus="yes">
        <source>%n file changed</source>
        <translation>
            <numerusform>%n file changed</numerusform>
            <numerusform>%n files changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files changed</source>
        <translation>
            <numerusform>%n file changed</numerusform>
            <numerusform>%n files changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n insertion(+)</source>
        <translation>
            <numerusform>%n insertion(+)</numerusform>
            <numerusform>%n insertions(+)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n insertions(+)</source>
        <translation>
            <numerusform>%n insertion(+)</numerusform>
            <numerusform>%n insertions(+)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(-)</source>
        <translation>
            <numerusform>%n deletion(-)</numerusform>
            <numerusform>%n deletions(-)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletions(-)</source>
        <translation>
            <numerusform>%n deletion(-)</numerusform>
            <numerusform>%n deletions(-)</numerusform>
        </translation>
    </message>
</context>
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
    <name>DataAge</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeployLock</name>
    <message numerus="yes">
        <source>, stale: no sign of life for %n min</source>
        <translation>
            <numerusform>, stale: no sign of life for %n min</numerusform>
            <numerusform>, stale: no sign of life for %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelmPackageStep</name>
    <message numerus="yes">
        <source>%n file(s) packaged into %1</source>
        <translation>
            <numerusform>%n file packaged into %1</numerusform>
            <numerusform>%n files packaged into %1</numerusform>
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
    <name>capstan::ArgoCdClient</name>
    <message numerus="yes">
        <source>Tried %n time(s).</source>
        <translation>
            <numerusform>Tried %n time.</numerusform>
            <numerusform>Tried %n times.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::BuildsView</name>
    <message numerus="yes">
        <source>%n answer(s) from the ETag cache</source>
        <translation>
            <numerusform>%n answer from the ETag cache</numerusform>
            <numerusform>%n answers from the ETag cache</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n build(s)</source>
        <translation>
            <numerusform>%n build</numerusform>
            <numerusform>%n builds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cached build(s)</source>
        <translation>
            <numerusform>%n cached build</numerusform>
            <numerusform>%n cached builds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ChangesPanel</name>
    <message numerus="yes">
        <source>Rollback: #%1 is older than live #%2. Deploying it removes %n commit(s):</source>
        <translation>
            <numerusform>Rollback: #%1 is older than live #%2. Deploying it removes %n commit:</numerusform>
            <numerusform>Rollback: #%1 is older than live #%2. Deploying it removes %n commits:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deploying #%1 over live #%2 adds %n commit(s):</source>
        <translation>
            <numerusform>Deploying #%1 over live #%2 adds %n commit:</numerusform>
            <numerusform>Deploying #%1 over live #%2 adds %n commits:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The histories diverged: %n commit(s) of live are not in #%1 and would be removed.</source>
        <translation>
            <numerusform>The histories diverged: %n commit of live is not in #%1 and would be removed.</numerusform>
            <numerusform>The histories diverged: %n commits of live are not in #%1 and would be removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n commit(s) added since live %1</source>
        <translation>
            <numerusform>%n commit added since live %1</numerusform>
            <numerusform>%n commits added since live %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollback from live %1: %n commit(s) removed</source>
        <translation>
            <numerusform>Rollback from live %1: %n commit removed</numerusform>
            <numerusform>Rollback from live %1: %n commits removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Chart %1 → %2: %n file(s) changed (%3 added, %4 removed, %5 modified), +%6 −%7</source>
        <translation>
            <numerusform>Chart %1 → %2: %n file changed (%3 added, %4 removed, %5 modified), +%6 −%7</numerusform>
            <numerusform>Chart %1 → %2: %n files changed (%3 added, %4 removed, %5 modified), +%6 −%7</numerusform>
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
    <message numerus="yes">
        <source>Tried %n time(s).</source>
        <translation>
            <numerusform>Tried %n time.</numerusform>
            <numerusform>Tried %n times.</numerusform>
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
    <name>capstan::DeployDialog</name>
    <message numerus="yes">
        <source>%n step(s) will run</source>
        <translation>
            <numerusform>%n step will run</numerusform>
            <numerusform>%n steps will run</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped in %1</source>
        <translation>
            <numerusform>, %n skipped in %1</numerusform>
            <numerusform>, %n skipped in %1</numerusform>
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
    <name>capstan::GitHubCommands</name>
    <message numerus="yes">
        <source>Changes from #%1 (%2, %3) to #%4 (%5, %6): %n commit(s)</source>
        <translation>
            <numerusform>Changes from #%1 (%2, %3) to #%4 (%5, %6): %n commit</numerusform>
            <numerusform>Changes from #%1 (%2, %3) to #%4 (%5, %6): %n commits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Note: %1 is %2 the other build (%n commit(s) behind)</source>
        <translation>
            <numerusform>Note: %1 is %2 the other build (%n commit behind)</numerusform>
            <numerusform>Note: %1 is %2 the other build (%n commits behind)</numerusform>
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
    <name>capstan::JournalView</name>
    <message numerus="yes">
        <source>%n deploy(s)</source>
        <translation>
            <numerusform>%n deploy</numerusform>
            <numerusform>%n deploys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other action(s) in %1</source>
        <translation>
            <numerusform>%n other action in %1</numerusform>
            <numerusform>%n other actions in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::MainWindow</name>
    <message numerus="yes">
        <source>%n more interrupted deploy(s) are in the journal.</source>
        <translation>
            <numerusform>%n more interrupted deploy is in the journal.</numerusform>
            <numerusform>%n more interrupted deploys are in the journal.</numerusform>
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
</TS>
