<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiError</name>
    <message>
        <source>HTTP %1 from %2</source>
        <translation>HTTP %1 von %2</translation>
    </message>
</context>
<context>
    <name>ArgoApplication</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlend</translation>
    </message>
    <message>
        <source>Argo CD application JSON: %1 is not %2 (found %3)</source>
        <translation>Argo-CD-Anwendungs-JSON: %1 ist nicht %2 (gefunden: %3)</translation>
    </message>
    <message>
        <source>The server does not follow the Argo CD API; check argocd.url in capstan.yaml.</source>
        <translation>Der Server folgt nicht der Argo-CD-API; argocd.url in capstan.yaml prüfen.</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>an RFC 3339 time</source>
        <translation>eine Zeitangabe nach RFC 3339</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>%1 runs now (history #%2), not %3</source>
        <translation>jetzt läuft %1 (Verlauf #%2), nicht %3</translation>
    </message>
    <message>
        <source>history #%1 is no longer in the history</source>
        <translation>Verlaufseintrag #%1 ist nicht mehr im Verlauf</translation>
    </message>
    <message>
        <source>history #%1 is now %2, not %3</source>
        <translation>Verlaufseintrag #%1 ist jetzt %2, nicht %3</translation>
    </message>
    <message>
        <source>history #%1 is the version running now</source>
        <translation>Verlaufseintrag #%1 ist die gerade laufende Version</translation>
    </message>
    <message>
        <source>the history has other deployments (%1 now, %2 before)</source>
        <translation>der Verlauf enthält andere Deployments (jetzt %1, vorher %2)</translation>
    </message>
    <message>
        <source>the target revision is %1 now, not %2</source>
        <translation>die Ziel-Revision ist jetzt %1, nicht %2</translation>
    </message>
    <message>
        <source>auto-sync was switched on</source>
        <translation>Auto-Sync wurde eingeschaltet</translation>
    </message>
    <message>
        <source>auto-sync was switched off</source>
        <translation>Auto-Sync wurde ausgeschaltet</translation>
    </message>
</context>
<context>
    <name>ArgoCdSyncStep</name>
    <message>
        <source>step %1: Argo CD is not configured (argocd section of capstan.yaml)</source>
        <translation>Schritt %1: Argo CD ist nicht konfiguriert (Abschnitt argocd in capstan.yaml)</translation>
    </message>
    <message>
        <source>step %1: the deploy has no version to sync</source>
        <translation>Schritt %1: Das Deployment hat keine Version zum Synchronisieren</translation>
    </message>
    <message>
        <source>step %1: wait must be healthy, synced or none, not &quot;%2&quot;</source>
        <translation>Schritt %1: wait muss healthy, synced oder none sein, nicht &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Cancelled: terminating the running Argo CD operation</source>
        <translation>Abgebrochen: Die laufende Argo-CD-Operation wird beendet</translation>
    </message>
    <message>
        <source>Operation terminated</source>
        <translation>Operation beendet</translation>
    </message>
    <message>
        <source>Could not terminate the operation: %1</source>
        <translation>Die Operation konnte nicht beendet werden: %1</translation>
    </message>
    <message>
        <source>cancelled; the Argo CD operation was terminated</source>
        <translation>abgebrochen; die Argo-CD-Operation wurde beendet</translation>
    </message>
    <message>
        <source>cancelled before the sync</source>
        <translation>vor dem Sync abgebrochen</translation>
    </message>
    <message>
        <source>Setting targetRevision of %1 from %2 to %3</source>
        <translation>targetRevision von %1 wird von %2 auf %3 gesetzt</translation>
    </message>
    <message>
        <source>Application %1 tracks the range %2; it must resolve to %3</source>
        <translation>Application %1 folgt dem Bereich %2; er muss zu %3 aufgelöst werden</translation>
    </message>
    <message>
        <source>Auto-sync already started the operation for %1; following it</source>
        <translation>Auto-Sync hat die Operation für %1 bereits gestartet; sie wird verfolgt</translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <source>Sync of %1 requested</source>
        <translation>Sync von %1 angefordert</translation>
    </message>
    <message>
        <source>sync of %1 requested</source>
        <translation>Sync von %1 angefordert</translation>
    </message>
    <message>
        <source>Operation requested, waiting for Argo CD to start it</source>
        <translation>Operation angefordert, warte darauf, dass Argo CD sie startet</translation>
    </message>
    <message>
        <source>Operation phase: %1</source>
        <translation>Operationsphase: %1</translation>
    </message>
    <message>
        <source>Operation phase: %1 (%2)</source>
        <translation>Operationsphase: %1 (%2)</translation>
    </message>
    <message>
        <source>Sync status %1, health %2</source>
        <translation>Sync-Status %1, Health %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source> (last seen: operation %1, %2, %3)</source>
        <translation> (zuletzt gesehen: Operation %1, %2, %3)</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>angefordert</translation>
    </message>
    <message>
        <source>step %1: timed out after %2 s waiting for %3 to be %4%5</source>
        <translation>Schritt %1: Zeitüberschreitung nach %2 s beim Warten darauf, dass %3 %4 ist%5</translation>
    </message>
    <message>
        <source>lost track of application %1</source>
        <translation>Application %1 nicht mehr auffindbar</translation>
    </message>
    <message>
        <source>step %1: the sync operation ended with phase %2: %3</source>
        <translation>Schritt %1: Die Sync-Operation endete mit Phase %2: %3</translation>
    </message>
    <message>
        <source>step %1: application %2 is Degraded: %3</source>
        <translation>Schritt %1: Application %2 ist Degraded: %3</translation>
    </message>
    <message>
        <source>step %1: the range %2 of application %3 picked version %4, not %5; is %5 in the chart repository and inside the range?</source>
        <translation>Schritt %1: Der Bereich %2 der Application %3 hat Version %4 gewählt, nicht %5; ist %5 im Chart-Repository und innerhalb des Bereichs?</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>step %1: application %2 runs version %3, not %4</source>
        <translation>Schritt %1: Application %2 läuft mit Version %3, nicht %4</translation>
    </message>
    <message>
        <source>Application %1 is %2 and %3 at %4</source>
        <translation>Application %1 ist %2 und %3 bei %4</translation>
    </message>
    <message>
        <source>%1 is Synced and Healthy</source>
        <translation>%1 ist Synced und Healthy</translation>
    </message>
    <message>
        <source>%1 is Synced</source>
        <translation>%1 ist Synced</translation>
    </message>
    <message>
        <source>cancelled; Argo CD did not confirm the termination within 10 s: check the application&apos;s operation</source>
        <translation>abgebrochen; Argo CD hat das Beenden nicht innerhalb von 10 s bestätigt: prüfen Sie die Operation der Application</translation>
    </message>
    <message>
        <source>cancelled; the Argo CD operation could not be terminated: %1</source>
        <translation>abgebrochen; die Argo-CD-Operation ließ sich nicht beenden: %1</translation>
    </message>
</context>
<context>
    <name>AutoSyncRestore</name>
    <message>
        <source>the target revision</source>
        <translation>die Ziel-Revision</translation>
    </message>
    <message>
        <source>target revision %1</source>
        <translation>Ziel-Revision %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Auto-sync of %1 will deploy what target revision %2 resolves to (Argo CD has not resolved it yet); %3 runs now.</source>
        <translation>Auto-Sync von %1 wird deployen, was die Ziel-Revision %2 ergibt (Argo CD hat sie noch nicht aufgelöst); jetzt läuft %3.</translation>
    </message>
    <message>
        <source>Auto-sync of %1 will keep %2 (%3), the version that runs now.</source>
        <translation>Auto-Sync von %1 behält %2 (%3) bei, die Version, die jetzt läuft.</translation>
    </message>
    <message>
        <source>Auto-sync of %1 will deploy %2 (%3), replacing %4 that runs now.</source>
        <translation>Auto-Sync von %1 wird %2 (%3) deployen und damit das jetzt laufende %4 ersetzen.</translation>
    </message>
    <message>
        <source>target revision %1, not resolved yet</source>
        <translation>Ziel-Revision %1, noch nicht aufgelöst</translation>
    </message>
    <message>
        <source>keeps %1 (%2)</source>
        <translation>behält %1 bei (%2)</translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <translation>%1 → %2 (%3)</translation>
    </message>
    <message>
        <source>, the version rolled back from</source>
        <translation>, die Version, von der zurückgerollt wurde</translation>
    </message>
    <message>
        <source>at an unknown time</source>
        <translation>zu einem unbekannten Zeitpunkt</translation>
    </message>
    <message>
        <source>%1 is the version that was rolled back from (history #%2, deployed %3): restoring auto-sync deploys it again.</source>
        <translation>%1 ist die Version, von der zurückgerollt wurde (Verlauf #%2, deployt %3): Wird Auto-Sync wiederhergestellt, wird sie erneut deployt.</translation>
    </message>
</context>
<context>
    <name>Build</name>
    <message>
        <source>Chart version %1 is already live</source>
        <translation>Chart-Version %1 ist bereits live</translation>
    </message>
</context>
<context>
    <name>ChartArchive</name>
    <message>
        <source>chart illegally contains absolute paths</source>
        <translation>Chart enthält unzulässigerweise absolute Pfade</translation>
    </message>
    <message>
        <source>chart illegally contains content outside the base directory: %1</source>
        <translation>Chart enthält unzulässigerweise Inhalt außerhalb des Basisverzeichnisses: %1</translation>
    </message>
    <message>
        <source>chart illegally references parent directory</source>
        <translation>Chart verweist unzulässigerweise auf das übergeordnete Verzeichnis</translation>
    </message>
    <message>
        <source>chart contains illegally named files</source>
        <translation>Chart enthält Dateien mit unzulässigen Namen</translation>
    </message>
    <message>
        <source>chart yaml not in base directory</source>
        <translation>Chart.yaml liegt nicht im Basisverzeichnis</translation>
    </message>
    <message>
        <source>decompressed chart is larger than the maximum file size %1</source>
        <translation>das entpackte Chart ist größer als die maximale Dateigröße %1</translation>
    </message>
    <message>
        <source>decompressed chart file %1 is larger than the maximum file size %2</source>
        <translation>die entpackte Chart-Datei %1 ist größer als die maximale Dateigröße %2</translation>
    </message>
    <message>
        <source>no files in chart archive</source>
        <translation>keine Dateien im Chart-Archiv</translation>
    </message>
    <message>
        <source>cannot load values.yaml: line %1: cannot unmarshal %2 into Go value of type map[string]interface {}</source>
        <translation>values.yaml kann nicht geladen werden: Zeile %1: %2 kann nicht in einen Go-Wert vom Typ map[string]interface {} umgewandelt werden</translation>
    </message>
    <message>
        <source>cannot load values.yaml: line %1: nesting is too deep</source>
        <translation>values.yaml kann nicht geladen werden: Zeile %1: die Verschachtelung ist zu tief</translation>
    </message>
    <message>
        <source>cannot load values.yaml: error converting YAML to JSON: yaml: line %1: %2</source>
        <translation>values.yaml kann nicht geladen werden: Fehler beim Umwandeln von YAML in JSON: yaml: Zeile %1: %2</translation>
    </message>
    <message>
        <source>Chart.yaml file is missing</source>
        <translation>Die Datei Chart.yaml fehlt</translation>
    </message>
    <message>
        <source>error unpacking subchart %1 in %2: subcharts are nested deeper than %3 levels</source>
        <translation>Fehler beim Entpacken des Subcharts %1 in %2: Subcharts sind tiefer als %3 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>error unpacking subchart tar in %1: expected %2, got %3</source>
        <translation>Fehler beim Entpacken des Subchart-Tar-Archivs in %1: erwartet %2, erhalten %3</translation>
    </message>
    <message>
        <source>error unpacking subchart %1 in %2: %3</source>
        <translation>Fehler beim Entpacken des Subcharts %1 in %2: %3</translation>
    </message>
</context>
<context>
    <name>ChartCache</name>
    <message>
        <source>&quot;%1&quot; is not a sha256 digest</source>
        <translation>&quot;%1&quot; ist kein sha256-Digest</translation>
    </message>
    <message>
        <source>the bytes do not match the digest %1</source>
        <translation>die Bytes passen nicht zum Digest %1</translation>
    </message>
    <message>
        <source>cannot create the cache directory %1</source>
        <translation>das Cache-Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ChartDiff</name>
    <message numerus="yes">
        <source>%n file changed</source>
        <translation>
            <numerusform>%n Datei geändert</numerusform>
            <numerusform>%n Dateien geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files changed</source>
        <translation>
            <numerusform>%n Datei geändert</numerusform>
            <numerusform>%n Dateien geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n insertion(+)</source>
        <translation>
            <numerusform>%n Einfügung(+)</numerusform>
            <numerusform>%n Einfügungen(+)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n insertions(+)</source>
        <translation>
            <numerusform>%n Einfügung(+)</numerusform>
            <numerusform>%n Einfügungen(+)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(-)</source>
        <translation>
            <numerusform>%n Löschung(-)</numerusform>
            <numerusform>%n Löschungen(-)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletions(-)</source>
        <translation>
            <numerusform>%n Löschung(-)</numerusform>
            <numerusform>%n Löschungen(-)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartDiffer</name>
    <message>
        <source>(no diff: %1)</source>
        <translation>(kein Diff: %1)</translation>
    </message>
</context>
<context>
    <name>ChartListDelegate</name>
    <message>
        <source>%1 · latest %2</source>
        <translation>%1 · neueste %2</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n Version</numerusform>
            <numerusform>%n Versionen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartMuseumPushStep</name>
    <message>
        <source>step %1: no package: the helm-package step did not run</source>
        <translation>Schritt %1: kein Paket: Der Schritt helm-package wurde nicht ausgeführt</translation>
    </message>
    <message>
        <source>step %1: ChartMuseum is not configured (chartmuseum section of capstan.yaml)</source>
        <translation>Schritt %1: ChartMuseum ist nicht konfiguriert (Abschnitt chartmuseum in capstan.yaml)</translation>
    </message>
    <message>
        <source>step %1: cannot read the package %2: %3</source>
        <translation>Schritt %1: Das Paket %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>ChartMuseum</source>
        <translation>ChartMuseum</translation>
    </message>
    <message>
        <source>Uploading %1 (%2 bytes) to %3</source>
        <translation>%1 (%2 Bytes) wird nach %3 hochgeladen</translation>
    </message>
    <message>
        <source>cancelled during the upload</source>
        <translation>während des Hochladens abgebrochen</translation>
    </message>
    <message>
        <source>Published %1 %2, sha256 %3</source>
        <translation>%1 %2 veröffentlicht, sha256 %3</translation>
    </message>
    <message>
        <source>published %1 %2</source>
        <translation>%1 %2 veröffentlicht</translation>
    </message>
    <message>
        <source>ChartMuseum already has %1 %2; comparing digests</source>
        <translation>ChartMuseum hat %1 %2 bereits; Digests werden verglichen</translation>
    </message>
    <message>
        <source>cancelled while checking the published version</source>
        <translation>beim Prüfen der veröffentlichten Version abgebrochen</translation>
    </message>
    <message>
        <source>The published package is identical (sha256 %1)</source>
        <translation>Das veröffentlichte Paket ist identisch (sha256 %1)</translation>
    </message>
    <message>
        <source>%1 %2 already published (identical)</source>
        <translation>%1 %2 bereits veröffentlicht (identisch)</translation>
    </message>
    <message>
        <source>Published sha256 %1, ours %2</source>
        <translation>Veröffentlicht sha256 %1, unseres %2</translation>
    </message>
    <message>
        <source>conflict: ChartMuseum already has %1 version %2 with different content; publish a new version instead of overwriting it</source>
        <translation>Konflikt: ChartMuseum hat bereits %1 Version %2 mit anderem Inhalt; veröffentlichen Sie eine neue Version, statt sie zu überschreiben</translation>
    </message>
</context>
<context>
    <name>ChartPackager</name>
    <message>
        <source>error evaluating symlink %1: its target %2 does not exist</source>
        <translation>Fehler beim Auswerten des Symlinks %1: sein Ziel %2 existiert nicht</translation>
    </message>
    <message>
        <source>symlink %1 points outside the chart directory %2: %3</source>
        <translation>Symlink %1 zeigt aus dem Chart-Verzeichnis %2 heraus: %3</translation>
    </message>
    <message>
        <source>symlink loop: %1 leads back to %2, which contains it</source>
        <translation>Symlink-Schleife: %1 führt zurück zu %2, das ihn enthält</translation>
    </message>
    <message>
        <source>cannot load irregular file %1 as it has file mode type bits set (only regular files can be packaged)</source>
        <translation>die irreguläre Datei %1 kann nicht geladen werden, da Dateityp-Bits im Modus gesetzt sind (nur reguläre Dateien können paketiert werden)</translation>
    </message>
    <message>
        <source>chart file &quot;%1&quot; is larger than the maximum file size %2</source>
        <translation>Chart-Datei &quot;%1&quot; ist größer als die maximale Dateigröße %2</translation>
    </message>
    <message>
        <source>error reading %1: %2</source>
        <translation>Fehler beim Lesen von %1: %2</translation>
    </message>
    <message>
        <source>decompressed chart is larger than the maximum file size %1 (the total of all files Helm can load)</source>
        <translation>das entpackte Chart ist größer als die maximale Dateigröße %1 (die Summe aller Dateien, die Helm laden kann)</translation>
    </message>
    <message>
        <source>cannot load values.yaml: the top level must be a mapping</source>
        <translation>values.yaml kann nicht geladen werden: die oberste Ebene muss ein Mapping sein</translation>
    </message>
    <message>
        <source>cannot load values.yaml: error converting YAML to JSON: yaml: %1</source>
        <translation>values.yaml kann nicht geladen werden: Fehler beim Umwandeln von YAML in JSON: yaml: %1</translation>
    </message>
    <message>
        <source>Chart.yaml file is missing</source>
        <translation>Die Datei Chart.yaml fehlt</translation>
    </message>
    <message>
        <source>%1: Invalid JSON in values.schema.json: %2 at offset %3</source>
        <translation>%1: ungültiges JSON in values.schema.json: %2 bei Offset %3</translation>
    </message>
    <message>
        <source>error unpacking subchart %1 in %2: %3</source>
        <translation>Fehler beim Entpacken des Subcharts %1 in %2: %3</translation>
    </message>
    <message>
        <source>subcharts are nested deeper than %1 levels</source>
        <translation>Subcharts sind tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>%1 is a directory, expected a chart archive</source>
        <translation>%1 ist ein Verzeichnis, erwartet wird ein Chart-Archiv</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>the top level is not a mapping</source>
        <translation>die oberste Ebene ist kein Mapping</translation>
    </message>
    <message>
        <source>line %1: %2 is not a single-line value, so it cannot be replaced without rewriting the file; write it on one line, e.g. %2: &quot;1.0.0&quot;</source>
        <translation>Zeile %1: %2 ist kein einzeiliger Wert und kann daher nicht ersetzt werden, ohne die Datei neu zu schreiben; bitte in eine Zeile schreiben, z. B. %2: &quot;1.0.0&quot;</translation>
    </message>
    <message>
        <source>%1 is missing and cannot be added to a flow-style Chart.yaml</source>
        <translation>%1 fehlt und kann einer Chart.yaml im Flow-Stil nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>chart directory %1 does not exist</source>
        <translation>das Chart-Verzeichnis %1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is not a directory: give the chart&apos;s directory, which holds Chart.yaml</source>
        <translation>%1 ist kein Verzeichnis: bitte das Verzeichnis des Charts angeben, das die Chart.yaml enthält</translation>
    </message>
    <message>
        <source>manifests directory %1 does not exist</source>
        <translation>das Manifest-Verzeichnis %1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 from the manifests directory %2 would replace the chart&apos;s own %1; rename one of them</source>
        <translation>%1 aus dem Manifest-Verzeichnis %2 würde die chart-eigene %1 ersetzen; eine der beiden umbenennen</translation>
    </message>
    <message>
        <source>Chart.yaml file is missing: %1.helmignore excludes it</source>
        <translation>Die Datei Chart.yaml fehlt: %1.helmignore schließt sie aus</translation>
    </message>
    <message>
        <source>Chart.yaml file is missing: %1 is not a chart directory</source>
        <translation>Die Datei Chart.yaml fehlt: %1 ist kein Chart-Verzeichnis</translation>
    </message>
    <message>
        <source>invalid chart apiVersion &quot;v3&quot;: helm package writes apiVersion v1 and v2 charts</source>
        <translation>ungültige Chart-apiVersion &quot;v3&quot;: helm package schreibt Charts mit apiVersion v1 und v2</translation>
    </message>
    <message>
        <source>unsupported chart version: apiVersion &quot;%1&quot;, expected v2 (or v1)</source>
        <translation>nicht unterstützte Chart-Version: apiVersion &quot;%1&quot;, erwartet v2 (oder v1)</translation>
    </message>
    <message>
        <source>invalid semantic version &quot;%1&quot;: the version override must be SemVer 2, e.g. 1.2.3 or 1.0.0-42</source>
        <translation>ungültige semantische Version &quot;%1&quot;: die vorgegebene Version muss SemVer 2 sein, z. B. 1.2.3 oder 1.0.0-42</translation>
    </message>
    <message>
        <source>%1: cannot apply the version override: %2</source>
        <translation>%1: die vorgegebene Version kann nicht gesetzt werden: %2</translation>
    </message>
    <message>
        <source>%1: the version override did not survive rewriting Chart.yaml (got version &quot;%2&quot;, appVersion &quot;%3&quot;)</source>
        <translation>%1: die vorgegebene Version ging beim Neuschreiben der Chart.yaml verloren (erhalten: version &quot;%2&quot;, appVersion &quot;%3&quot;)</translation>
    </message>
    <message>
        <source>found in Chart.yaml, but missing in charts/ directory: %1</source>
        <translation>in Chart.yaml gefunden, fehlt aber im Verzeichnis charts/: %1</translation>
    </message>
    <message>
        <source>cannot write the chart archive for %1</source>
        <translation>das Chart-Archiv für %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>error reading directory %1: permission denied</source>
        <translation>Fehler beim Lesen des Verzeichnisses %1: Zugriff verweigert</translation>
    </message>
    <message>
        <source>not enough memory to read %1 bytes of chart files</source>
        <translation>nicht genug Speicher, um %1 Bytes an Chart-Dateien zu lesen</translation>
    </message>
</context>
<context>
    <name>ChartVersionReader</name>
    <message>
        <source>field &quot;%1&quot; is %2, expected %3</source>
        <translation>Feld „%1“ ist %2, erwartet wurde %3</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>ein Array von Strings</translation>
    </message>
    <message>
        <source>an object of strings</source>
        <translation>ein Objekt mit Strings</translation>
    </message>
    <message>
        <source>an array of objects</source>
        <translation>ein Array von Objekten</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>field &quot;created&quot; is &quot;%1&quot;, expected an RFC 3339 time</source>
        <translation>Feld „created“ ist „%1“, erwartet wurde eine Zeit nach RFC 3339</translation>
    </message>
    <message>
        <source>field &quot;name&quot; is empty</source>
        <translation>Feld „name“ ist leer</translation>
    </message>
    <message>
        <source>field &quot;version&quot; is empty</source>
        <translation>Feld „version“ ist leer</translation>
    </message>
    <message>
        <source>chart version</source>
        <translation>Chart-Version</translation>
    </message>
    <message>
        <source>chart version %1</source>
        <translation>Chart-Version %1</translation>
    </message>
    <message>
        <source>chart version %1 %2</source>
        <translation>Chart-Version %1 %2</translation>
    </message>
    <message>
        <source>%1: not a JSON array but %2</source>
        <translation>%1: kein JSON-Array, sondern %2</translation>
    </message>
    <message>
        <source>entry %1 of %2 is %3, not an object</source>
        <translation>Eintrag %1 von %2 ist %3, kein Objekt</translation>
    </message>
    <message>
        <source>entry %1 of %2: %3: %4</source>
        <translation>Eintrag %1 von %2: %3: %4</translation>
    </message>
    <message>
        <source>the chart listing is %1, not a JSON object</source>
        <translation>die Chart-Liste ist %1, kein JSON-Objekt</translation>
    </message>
    <message>
        <source>chart &quot;%1&quot;</source>
        <translation>Chart „%1“</translation>
    </message>
    <message>
        <source>the chart version is %1, not a JSON object</source>
        <translation>die Chart-Version ist %1, kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>ChartYaml</name>
    <message>
        <source>cannot load Chart.yaml: line %1: cannot unmarshal %2 into Go struct field %3 of type %4</source>
        <translation>Chart.yaml kann nicht geladen werden: Zeile %1: %2 kann nicht in das Go-Struct-Feld %3 vom Typ %4 umgewandelt werden</translation>
    </message>
    <message>
        <source>cannot load Chart.yaml: line %1: cannot unmarshal %2 into Go value of type Metadata</source>
        <translation>Chart.yaml kann nicht geladen werden: Zeile %1: %2 kann nicht in einen Go-Wert vom Typ Metadata umgewandelt werden</translation>
    </message>
    <message>
        <source>chart.metadata.apiVersion is required</source>
        <translation>chart.metadata.apiVersion ist erforderlich</translation>
    </message>
    <message>
        <source>chart.metadata.name is required</source>
        <translation>chart.metadata.name ist erforderlich</translation>
    </message>
    <message>
        <source>chart.metadata.name %1 is not allowed</source>
        <translation>chart.metadata.name %1 ist nicht erlaubt</translation>
    </message>
    <message>
        <source>chart.metadata.name %1 is invalid</source>
        <translation>chart.metadata.name %1 ist ungültig</translation>
    </message>
    <message>
        <source>chart.metadata.version is required</source>
        <translation>chart.metadata.version ist erforderlich</translation>
    </message>
    <message>
        <source>chart.metadata.version %1 is invalid</source>
        <translation>chart.metadata.version %1 ist ungültig</translation>
    </message>
    <message>
        <source>chart.metadata.type must be application or library</source>
        <translation>chart.metadata.type muss application oder library sein</translation>
    </message>
    <message>
        <source>maintainers must not contain empty or null nodes</source>
        <translation>maintainers darf keine leeren oder null-Knoten enthalten</translation>
    </message>
    <message>
        <source>dependencies must not contain empty or null nodes</source>
        <translation>dependencies darf keine leeren oder null-Knoten enthalten</translation>
    </message>
    <message>
        <source>dependency %1 has disallowed characters in the alias</source>
        <translation>Abhängigkeit %1 hat unzulässige Zeichen im Alias</translation>
    </message>
    <message>
        <source>more than one dependency with name or alias %1</source>
        <translation>mehr als eine Abhängigkeit mit dem Namen oder Alias %1</translation>
    </message>
    <message>
        <source>cannot load Chart.yaml: line %1: nesting is too deep</source>
        <translation>Chart.yaml kann nicht geladen werden: Zeile %1: die Verschachtelung ist zu tief</translation>
    </message>
    <message>
        <source>cannot load Chart.yaml: error converting YAML to JSON: yaml: line %1: %2</source>
        <translation>Chart.yaml kann nicht geladen werden: Fehler beim Umwandeln von YAML in JSON: yaml: Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <source>ChartMuseum is not configured</source>
        <translation>ChartMuseum ist nicht eingerichtet</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Open Settings…</source>
        <translation>Einstellungen öffnen…</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Filter: text, or a range such as &gt;=1.0.0-120</source>
        <translation>Filter: Text oder ein Bereich wie &gt;=1.0.0-120</translation>
    </message>
    <message>
        <source>Type text to match version, app version or digest, or a SemVer range such as &gt;=1.0.0-120, &lt;1.0.0-200 or ~1.0.0-0</source>
        <translation>Text eingeben, um nach Version, App-Version oder Digest zu filtern, oder einen SemVer-Bereich wie &gt;=1.0.0-120, &lt;1.0.0-200 oder ~1.0.0-0</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Select a version to see its Chart.yaml, values and files.</source>
        <translation>Eine Version auswählen, um ihre Chart.yaml, Values und Dateien zu sehen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>App-Version</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
</context>
<context>
    <name>CliRunner</name>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unbekannter Befehl &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Read this capstan.yaml instead of ./capstan.yaml or %1</source>
        <translation>Diese capstan.yaml statt ./capstan.yaml oder %1 lesen</translation>
    </message>
    <message>
        <source>text (default) or json: one JSON document on stdout, errors as JSON on stderr</source>
        <translation>text (Standard) oder json: ein JSON-Dokument auf stdout, Fehler als JSON auf stderr</translation>
    </message>
    <message>
        <source>Show help (also after a command)</source>
        <translation>Hilfe anzeigen (auch nach einem Befehl)</translation>
    </message>
    <message>
        <source>Show the version</source>
        <translation>Version anzeigen</translation>
    </message>
    <message>
        <source>invalid output format &quot;%1&quot; for -o/--output: expected text or json</source>
        <translation>ungültiges Ausgabeformat &quot;%1&quot; für -o/--output: erwartet text oder json</translation>
    </message>
    <message>
        <source>Use -o text or -o json.</source>
        <translation>-o text oder -o json verwenden.</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <source>unknown option %1 for %2</source>
        <translation>unbekannte Option %1 für %2</translation>
    </message>
    <message>
        <source>option %1 needs a value (%2)</source>
        <translation>Option %1 braucht einen Wert (%2)</translation>
    </message>
    <message>
        <source>option %1 takes no value</source>
        <translation>Option %1 nimmt keinen Wert an</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unbekannter Befehl &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Run `capstan --cli --help` for the list of commands.</source>
        <translation>`capstan --cli --help` zeigt die Liste der Befehle.</translation>
    </message>
    <message>
        <source>unknown %1 command &quot;%2&quot;: expected one of %3</source>
        <translation>unbekannter %1-Befehl &quot;%2&quot;: erwartet einer von %3</translation>
    </message>
    <message>
        <source>Drop one of them.</source>
        <translation>Eine der beiden Optionen weglassen.</translation>
    </message>
    <message>
        <source>%1 needs a command: one of %2</source>
        <translation>%1 braucht einen Befehl: einen von %2</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>--version cannot be combined with a command</source>
        <translation>--version kann nicht mit einem Befehl kombiniert werden</translation>
    </message>
    <message>
        <source>missing argument %1 for %2 (usage: %3)</source>
        <translation>fehlendes Argument %1 für %2 (Aufruf: %3)</translation>
    </message>
    <message>
        <source>too many arguments for %1 (usage: %2); a secret is read from standard input, never from the command line</source>
        <translation>zu viele Argumente für %1 (Aufruf: %2); ein Secret wird von der Standardeingabe gelesen, nie von der Befehlszeile</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; for %2 (usage: %3)</source>
        <translation>unerwartetes Argument &quot;%1&quot; für %2 (Aufruf: %3)</translation>
    </message>
    <message>
        <source>Run `capstan --cli --help` for usage.</source>
        <translation>`capstan --cli --help` zeigt die Verwendung.</translation>
    </message>
    <message>
        <source>Run `capstan --cli %1 --help` for usage and examples.</source>
        <translation>`capstan --cli %1 --help` zeigt Verwendung und Beispiele.</translation>
    </message>
    <message>
        <source>Usage: capstan --cli [GLOBAL OPTIONS] COMMAND [ARGUMENTS] [OPTIONS]

Capstan&apos;s command line for scripts and CI: builds, chart versions, packaging and publishing,
Argo CD status, sync and rollback, and the credentials Capstan uses. It needs no display.

Commands:
%1
Global options (anywhere on the line):
%2
%3
Run `capstan --cli COMMAND --help` for a command&apos;s options and examples.
</source>
        <translation>Aufruf: capstan --cli [GLOBAL OPTIONS] COMMAND [ARGUMENTS] [OPTIONS]

Die Befehlszeile von Capstan für Skripte und CI: Builds, Chart-Versionen, Paketieren und
Veröffentlichen, Argo-CD-Status, Sync und Rollback sowie die Zugangsdaten, die Capstan verwendet.
Sie braucht kein Display.

Befehle:
%1
Globale Optionen (an beliebiger Stelle der Zeile):
%2
%3
`capstan --cli COMMAND --help` zeigt die Optionen und Beispiele eines Befehls.
</translation>
    </message>
    <message>
        <source>Usage: %1

%2
</source>
        <translation>Aufruf: %1

%2
</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Globale Optionen:</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>Beispiele:</translation>
    </message>
    <message>
        <source>Usage: capstan --cli %1 COMMAND [ARGUMENTS] [OPTIONS]

Commands:
</source>
        <translation>Aufruf: capstan --cli %1 COMMAND [ARGUMENTS] [OPTIONS]

Befehle:
</translation>
    </message>
    <message>
        <source>Run `capstan --cli %1 COMMAND --help` for details and examples.</source>
        <translation>`capstan --cli %1 COMMAND --help` zeigt Details und Beispiele.</translation>
    </message>
    <message>
        <source>--%1 needs a positive whole number, not &quot;%2&quot;</source>
        <translation>--%1 braucht eine positive ganze Zahl, nicht „%2“</translation>
    </message>
    <message>
        <source>--%1 needs a whole number from 1 to %2, not &quot;%3&quot;</source>
        <translation>--%1 braucht eine ganze Zahl von 1 bis %2, nicht „%3“</translation>
    </message>
    <message>
        <source>Run against in-process sandbox servers seeded with a sample history (no config needed); its state is kept in %1 between runs</source>
        <translation>Gegen prozessinterne Sandbox-Server mit einer Beispielhistorie arbeiten (keine Konfiguration nötig); ihr Zustand bleibt zwischen Aufrufen in %1 erhalten</translation>
    </message>
    <message>
        <source>Keep the sandbox in DIR (a new or empty directory, or an earlier sandbox); implies --sandbox</source>
        <translation>Die Sandbox in DIR halten (ein neues oder leeres Verzeichnis oder eine frühere Sandbox); impliziert --sandbox</translation>
    </message>
    <message>
        <source>Start the sandbox&apos;s story afresh, dropping its deploys, locks and journal; implies --sandbox</source>
        <translation>Die Geschichte der Sandbox neu beginnen, ihre Deployments, Sperren und ihr Journal verwerfen; impliziert --sandbox</translation>
    </message>
    <message>
        <source>--sandbox (or --sandbox-dir, --sandbox-reset) and --config cannot be combined: the sandbox brings its own configuration</source>
        <translation>--sandbox (oder --sandbox-dir, --sandbox-reset) und --config lassen sich nicht kombinieren: Die Sandbox bringt ihre eigene Konfiguration mit</translation>
    </message>
    <message>
        <source>Exit codes:
  0  success; also &quot;n&quot; at a confirmation prompt (nothing was changed)
  1  the operation failed (e.g. a corrupt download or archive, a bad server answer)
  2  usage or configuration error (unknown command or option, missing argument, bad config)
  3  authentication or permission (401/403, no credential available)
  4  server unreachable, timed out, or failing (5xx) after retries
  5  not found (chart, version, build, credential; also no operation to terminate)
  6  conflict (e.g. a different file already exists, the deploy lock is held, an operation is running)
  130  interrupted by SIGINT or SIGTERM (a deploy is cancelled cleanly first)
</source>
        <translation>Exit-Codes:
  0  Erfolg; auch &quot;n&quot; bei einer Bestätigungsfrage (es wurde nichts geändert)
  1  der Vorgang ist fehlgeschlagen (z. B. beschädigter Download oder beschädigtes Archiv,
     fehlerhafte Serverantwort)
  2  Aufruf- oder Konfigurationsfehler (unbekannter Befehl oder unbekannte Option,
     fehlendes Argument, fehlerhafte Konfiguration)
  3  Authentifizierung oder Berechtigung (401/403, keine Zugangsdaten verfügbar)
  4  Server nicht erreichbar, Zeitüberschreitung oder Serverfehler (5xx) nach allen Wiederholungen
  5  nicht gefunden (Chart, Version, Build, Zugangsdaten; auch keine Operation zum Beenden)
  6  Konflikt (z. B. existiert schon eine andere Datei, die Deployment-Sperre ist vergeben, eine Operation läuft)
  130  durch SIGINT oder SIGTERM unterbrochen (ein Deployment wird vorher sauber abgebrochen)
</translation>
    </message>
</context>
<context>
    <name>CommandStep</name>
    <message>
        <source>deploy cancelled</source>
        <translation>Deployment abgebrochen</translation>
    </message>
    <message>
        <source>step %1: the working directory %2 does not exist</source>
        <translation>Schritt %1: Das Arbeitsverzeichnis %2 existiert nicht</translation>
    </message>
    <message>
        <source>image tags: %1</source>
        <translation>Image-Tags: %1</translation>
    </message>
    <message>
        <source>step %1: the secret %2 is not in the environment (give it to the deploy as a secret named %2)</source>
        <translation>Schritt %1: Das Secret %2 ist nicht in der Umgebung (übergeben Sie es dem Deployment als Secret namens %2)</translation>
    </message>
    <message>
        <source>step %1: no command to run</source>
        <translation>Schritt %1: kein Befehl zum Ausführen</translation>
    </message>
    <message>
        <source>step %1: cannot start the command in %2: %3</source>
        <translation>Schritt %1: Der Befehl kann in %2 nicht gestartet werden: %3</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>timed out after %1</source>
        <translation>Zeitüberschreitung nach %1</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>durch Signal %1 beendet</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
</context>
<context>
    <name>ConfigLoader</name>
    <message>
        <source>%1 must be a mapping of keys to values</source>
        <translation>%1 muss ein Mapping von Schlüsseln auf Werte sein</translation>
    </message>
    <message>
        <source>a key in %1 must be a plain name</source>
        <translation>%1 enthält einen Schlüssel, der kein einfacher Name ist</translation>
    </message>
    <message>
        <source>key &quot;%1&quot; appears twice in %2</source>
        <translation>%2 enthält den Schlüssel &quot;%1&quot; doppelt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not belong in capstan.yaml: secrets live in the keychain (capstan --cli credentials set NAME) or in CAPSTAN_* environment variables</source>
        <translation>&quot;%1&quot; gehört nicht in capstan.yaml: Secrets liegen im Schlüsselbund (capstan --cli credentials set NAME) oder in CAPSTAN_*-Umgebungsvariablen</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; in %2 (expected one of: %3)</source>
        <translation>%2 enthält den unbekannten Schlüssel &quot;%1&quot; (erwartet wird einer von: %3)</translation>
    </message>
    <message>
        <source>; did you mean &quot;%1&quot;?</source>
        <translation>; war &quot;%1&quot; gemeint?</translation>
    </message>
    <message>
        <source>%1 must be a single value, not a list or mapping</source>
        <translation>%1 muss ein einzelner Wert sein, keine Liste und kein Mapping</translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation>%1 darf nicht leer sein</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, expected an http:// or https:// URL with a host, e.g. https://charts.example.net</source>
        <translation>%1 ist &quot;%2&quot;, erwartet wird eine http://- oder https://-URL mit Host, z. B. https://charts.example.net</translation>
    </message>
    <message>
        <source>%1 must not carry a user name or password; use the username key and the keychain</source>
        <translation>%1 darf keinen Benutzernamen und kein Passwort enthalten; dafür den Schlüssel username und den Schlüsselbund verwenden</translation>
    </message>
    <message>
        <source>%1 must not have a query or fragment</source>
        <translation>%1 darf keinen Query-String und kein Fragment haben</translation>
    </message>
    <message>
        <source>section &quot;%1&quot; must be a mapping of keys to values</source>
        <translation>Abschnitt &quot;%1&quot; muss ein Mapping von Schlüsseln auf Werte sein</translation>
    </message>
    <message>
        <source>section &quot;%1&quot; needs the key &quot;%2&quot;</source>
        <translation>Abschnitt &quot;%1&quot; braucht den Schlüssel &quot;%2&quot;</translation>
    </message>
    <message>
        <source>the top level</source>
        <translation>die oberste Ebene</translation>
    </message>
    <message>
        <source>section &quot;%1&quot;</source>
        <translation>der Abschnitt &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, expected owner/name</source>
        <translation>%1 ist &quot;%2&quot;, erwartet wird Besitzer/Name</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, expected path segments such as org/team</source>
        <translation>%1 ist &quot;%2&quot;, erwartet werden Pfadsegmente wie org/team</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>kein gültiges YAML: %1</translation>
    </message>
    <message>
        <source>cannot read the configuration: %1</source>
        <translation>die Konfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the top level must be a mapping of sections (github, chartmuseum, chart, argocd, pipeline)</source>
        <translation>die oberste Ebene muss ein Mapping von Abschnitten sein (github, chartmuseum, chart, argocd, pipeline)</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, expected a duration such as 10m or 1h30m</source>
        <translation>%1 ist &quot;%2&quot;, erwartet wird eine Dauer wie 10m oder 1h30m</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, expected whole seconds from 1 to %3 (the time a server may send nothing before a request gives up), e.g. %1: 60</source>
        <translation>%1 ist &quot;%2&quot;, erwartet werden ganze Sekunden von 1 bis %3 (so lange darf ein Server nichts senden, bevor eine Anfrage aufgibt), z. B. %1: 60</translation>
    </message>
</context>
<context>
    <name>ConfigWriter</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1:%2:%3: not valid YAML, nothing was changed: %4</source>
        <translation>%1:%2:%3: kein gültiges YAML, nichts wurde geändert: %4</translation>
    </message>
    <message>
        <source>%1: the top level is not a mapping, nothing was changed</source>
        <translation>%1: die oberste Ebene ist kein Mapping, nichts wurde geändert</translation>
    </message>
    <message>
        <source>cannot write the configuration: %1</source>
        <translation>die Konfiguration kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1, nothing was changed</source>
        <translation>%1, es wurde nichts geändert</translation>
    </message>
</context>
<context>
    <name>DataAge</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n min</numerusform>
            <numerusform>vor %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n h</numerusform>
            <numerusform>vor %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoChart</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>DeployGate</name>
    <message>
        <source>Deploy anyway with --override-ci REASON (recorded in the journal and on the application), or the Override dialog.</source>
        <translation>Trotzdem deployen mit --override-ci REASON (wird im Journal und an der Anwendung festgehalten) oder über den Dialog „Übersteuern“.</translation>
    </message>
    <message>
        <source>Build %1 cannot be checked: capstan.yaml has no github section</source>
        <translation>Build %1 kann nicht geprüft werden: capstan.yaml hat keinen Abschnitt github</translation>
    </message>
    <message>
        <source>Add the github section so Capstan can see the CI run, or pass --override-ci REASON.</source>
        <translation>Den Abschnitt github hinzufügen, damit Capstan den CI-Lauf sehen kann, oder --override-ci REASON angeben.</translation>
    </message>
    <message>
        <source>Build %1 is unknown: the workflow has no run #%1 on branch %2</source>
        <translation>Build %1 ist unbekannt: der Workflow hat keinen Lauf #%1 auf Branch %2</translation>
    </message>
    <message>
        <source>List the builds with `capstan --cli builds`; a build is a CI run number. %1</source>
        <translation>Die Builds mit `capstan --cli builds` auflisten; ein Build ist eine CI-Laufnummer. %1</translation>
    </message>
    <message>
        <source>Build %1 is still running (CI status: %2)</source>
        <translation>Build %1 läuft noch (CI-Status: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Wait for the CI run to finish: %1. %2</source>
        <translation>Warten, bis der CI-Lauf abgeschlossen ist: %1. %2</translation>
    </message>
    <message>
        <source>Build %1 failed: its CI run completed with conclusion %2</source>
        <translation>Build %1 ist fehlgeschlagen: sein CI-Lauf wurde mit Ergebnis %2 abgeschlossen</translation>
    </message>
    <message>
        <source>See %1. %2</source>
        <translation>Siehe %1. %2</translation>
    </message>
    <message>
        <source>Chart version %1 is not in the chart repository, and this deploy does not build it</source>
        <translation>Chart-Version %1 ist nicht im Chart-Repository, und dieses Deployment baut sie nicht</translation>
    </message>
    <message>
        <source>Chart version %1 cannot be checked in the chart repository, and this deploy does not build it</source>
        <translation>Chart-Version %1 kann im Chart-Repository nicht geprüft werden, und dieses Deployment baut sie nicht</translation>
    </message>
    <message>
        <source>Deploy the build with --build N so the pipeline packages and publishes it, or pick a version from `capstan --cli versions`.</source>
        <translation>Den Build mit --build N deployen, damit die Pipeline ihn paketiert und veröffentlicht, oder eine Version aus `capstan --cli versions` wählen.</translation>
    </message>
</context>
<context>
    <name>DeployJournal</name>
    <message>
        <source>Deploy journal %1: %2: %3</source>
        <translation>Deployment-Journal %1: %2: %3</translation>
    </message>
    <message>
        <source>cannot prepare &quot;%1&quot;</source>
        <translation>&quot;%1&quot; kann nicht vorbereitet werden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed</source>
        <translation>&quot;%1&quot; fehlgeschlagen</translation>
    </message>
    <message>
        <source>Deploy journal %1: %2</source>
        <translation>Deployment-Journal %1: %2</translation>
    </message>
    <message>
        <source>Deploy journal %1: step %2 of deploy %3 has an unknown status &quot;%4&quot;</source>
        <translation>Deployment-Journal %1: Schritt %2 von Deployment %3 hat einen unbekannten Status &quot;%4&quot;</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>es ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>das Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>es kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>it is not an SQLite database</source>
        <translation>es ist keine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>cannot open it: %1</source>
        <translation>es kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>it has schema version %1, newer than this Capstan understands (%2); use a newer Capstan or another file</source>
        <translation>es hat die Schemaversion %1, neuer als diese Capstan-Version versteht (%2); verwenden Sie ein neueres Capstan oder eine andere Datei</translation>
    </message>
    <message>
        <source>it is an SQLite database but not a Capstan deploy journal (tables: %1)</source>
        <translation>es ist eine SQLite-Datenbank, aber kein Capstan-Deployment-Journal (Tabellen: %1)</translation>
    </message>
    <message>
        <source>it has schema version %1 but lacks the deploys and steps tables</source>
        <translation>es hat die Schemaversion %1, aber ihm fehlen die Tabellen deploys und steps</translation>
    </message>
    <message>
        <source>cannot switch it to WAL mode (journal mode is &quot;%1&quot;)</source>
        <translation>es kann nicht in den WAL-Modus umgeschaltet werden (Journal-Modus ist &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>Deploy journal %1: no deploy with id %2</source>
        <translation>Deployment-Journal %1: kein Deployment mit der ID %2</translation>
    </message>
    <message>
        <source>it has schema version %1 but lacks the actions table</source>
        <translation>es hat die Schemaversion %1, aber ihm fehlt die Tabelle actions</translation>
    </message>
    <message>
        <source>cannot upgrade it from schema version %1 to %2 (nothing was changed): %3</source>
        <translation>es kann nicht von Schemaversion %1 auf %2 aktualisiert werden (nichts wurde geändert): %3</translation>
    </message>
    <message>
        <source>Deploy journal %1: unknown action kind &quot;%2&quot;</source>
        <translation>Deployment-Journal %1: unbekannte Aktionsart &quot;%2&quot;</translation>
    </message>
    <message>
        <source>The kinds are: %1.</source>
        <translation>Die Arten sind: %1.</translation>
    </message>
    <message>
        <source>Deploy journal %1: unknown outcome &quot;%2&quot; of a %3 action</source>
        <translation>Deployment-Journal %1: unbekanntes Ergebnis &quot;%2&quot; einer Aktion %3</translation>
    </message>
    <message>
        <source>The outcomes are: %1.</source>
        <translation>Die Ergebnisse sind: %1.</translation>
    </message>
    <message>
        <source>Deploy journal %1: a %2 action names deploy %3; ids are positive, 0 for none</source>
        <translation>Deployment-Journal %1: eine Aktion %2 nennt Deployment %3; IDs sind positiv, 0 für keines</translation>
    </message>
    <message>
        <source>Deploy journal %1: a %2 action names deploy %3, which is not in the journal</source>
        <translation>Deployment-Journal %1: eine Aktion %2 nennt Deployment %3, das nicht im Journal steht</translation>
    </message>
</context>
<context>
    <name>DeployLock</name>
    <message>
        <source>Application &quot;%1&quot; kept changing while the deploy lock was being updated</source>
        <translation>Application &quot;%1&quot; hat sich ständig geändert, während die Deployment-Sperre aktualisiert wurde</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Application &quot;%1&quot; is locked by %2</source>
        <translation>Application &quot;%1&quot; ist gesperrt von %2</translation>
    </message>
    <message>
        <source>Wait for that deploy to finish; a stale lock can be broken with a reason.</source>
        <translation>Warten Sie, bis dieses Deployment abgeschlossen ist; eine veraltete Sperre kann mit einer Begründung aufgehoben werden.</translation>
    </message>
    <message>
        <source>The deploy lock needs a holder</source>
        <translation>Die Deployment-Sperre braucht einen Inhaber</translation>
    </message>
    <message>
        <source>Application &quot;%1&quot; has an Argo CD operation in progress (%2)</source>
        <translation>Für Application &quot;%1&quot; läuft eine Argo-CD-Operation (%2)</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>angefordert</translation>
    </message>
    <message>
        <source>Wait for the operation to finish, or terminate it.</source>
        <translation>Warten Sie, bis die Operation abgeschlossen ist, oder beenden Sie sie.</translation>
    </message>
    <message>
        <source>Application &quot;%1&quot; is locked by %2, not by %3</source>
        <translation>Application &quot;%1&quot; ist von %2 gesperrt, nicht von %3</translation>
    </message>
    <message>
        <source>Only the holder can release the lock; a stale lock can be broken with a reason.</source>
        <translation>Nur der Inhaber kann die Sperre freigeben; eine veraltete Sperre kann mit einer Begründung aufgehoben werden.</translation>
    </message>
    <message>
        <source>Breaking a deploy lock needs a reason</source>
        <translation>Das Aufheben einer Deployment-Sperre erfordert eine Begründung</translation>
    </message>
    <message>
        <source>Say why the lock is stale, e.g. --reason &quot;deploy crashed&quot;.</source>
        <translation>Geben Sie an, warum die Sperre veraltet ist, z. B. --reason &quot;deploy crashed&quot;.</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>eine unbekannte Zeit</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
    <message>
        <source>%1 since %2 (%3)</source>
        <translation>%1 seit %2 (%3)</translation>
    </message>
    <message>
        <source>Application &quot;%1&quot; was changed by someone else while the deploy lock was being written</source>
        <translation>Application &quot;%1&quot; wurde von jemand anderem geändert, während die Deployment-Sperre geschrieben wurde</translation>
    </message>
    <message>
        <source>Look at the lock with `capstan --cli status` and try again.</source>
        <translation>Sehen Sie sich die Sperre mit `capstan --cli status` an und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The lock looks abandoned. Break it with a reason: capstan --cli unlock --force --reason TEXT</source>
        <translation>Die Sperre scheint verwaist. Heben Sie sie mit einer Begründung auf: capstan --cli unlock --force --reason TEXT</translation>
    </message>
    <message>
        <source>The deploy lock of &quot;%1&quot; is now held by %2</source>
        <translation>Die Deployment-Sperre von &quot;%1&quot; hält jetzt %2</translation>
    </message>
    <message>
        <source>The deploy lock of &quot;%1&quot; was removed</source>
        <translation>Die Deployment-Sperre von &quot;%1&quot; wurde entfernt</translation>
    </message>
    <message>
        <source>Someone broke the lock; the deploy goes on without it.</source>
        <translation>Jemand hat die Sperre aufgehoben; das Deployment läuft ohne sie weiter.</translation>
    </message>
    <message numerus="yes">
        <source>, stale: no sign of life for %n min</source>
        <translation>
            <numerusform>, veraltet: seit %n min kein Lebenszeichen</numerusform>
            <numerusform>, veraltet: seit %n min kein Lebenszeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>, stale: no time recorded</source>
        <translation>, veraltet: keine Zeit erfasst</translation>
    </message>
</context>
<context>
    <name>DisplayCheck</name>
    <message>
        <source>neither DISPLAY nor WAYLAND_DISPLAY is set, so there is no display to show it on.</source>
        <translation>weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt, es gibt also keine Anzeige, auf der es erscheinen kann.</translation>
    </message>
    <message>
        <source>the platform &quot;%1&quot; needs a display, but %2 is not set.</source>
        <translation>die Plattform &quot;%1&quot; braucht eine Anzeige, aber %2 ist nicht gesetzt.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Capstan cannot open its window: %1
Run the desktop app on a virtual display:
  %2
or use the command line interface, which needs no display:
  %3</source>
        <translation>Capstan kann sein Fenster nicht öffnen: %1
Die Desktop-App auf einer virtuellen Anzeige starten:
  %2
oder die Kommandozeile verwenden, die keine Anzeige braucht:
  %3</translation>
    </message>
</context>
<context>
    <name>EnvironmentOnlyBackend</name>
    <message>
        <source>No %1 secret: this run takes its secrets from %2 only, not from the keychain</source>
        <translation>Kein %1-Geheimnis: Dieser Lauf nimmt seine Geheimnisse nur aus %2, nicht aus dem Schlüsselbund</translation>
    </message>
    <message>
        <source>%1 is not set, and this run never asks the keychain</source>
        <translation>%1 ist nicht gesetzt, und dieser Lauf fragt nie den Schlüsselbund</translation>
    </message>
    <message>
        <source>Not stored: this run never writes to the keychain</source>
        <translation>Nicht gespeichert: Dieser Lauf schreibt nie in den Schlüsselbund</translation>
    </message>
    <message>
        <source>Not removed: this run never changes the keychain</source>
        <translation>Nicht entfernt: Dieser Lauf ändert den Schlüsselbund nie</translation>
    </message>
</context>
<context>
    <name>FaultInjector</name>
    <message>
        <source>%1: &quot;%2&quot; is not a share between 0 and 1</source>
        <translation>%1: &quot;%2&quot; ist kein Anteil zwischen 0 und 1</translation>
    </message>
    <message>
        <source>latency: &quot;%1&quot; is not MS or MIN-MAX in milliseconds</source>
        <translation>latency: &quot;%1&quot; ist weder MS noch MIN-MAX in Millisekunden</translation>
    </message>
    <message>
        <source>seed: &quot;%1&quot; is not a non-negative whole number</source>
        <translation>seed: &quot;%1&quot; ist keine nicht-negative ganze Zahl</translation>
    </message>
    <message>
        <source>unknown fault setting &quot;%1&quot; (known: error, drop, latency, seed)</source>
        <translation>unbekannte Fehlereinstellung &quot;%1&quot; (bekannt: error, drop, latency, seed)</translation>
    </message>
    <message>
        <source>error and drop together exceed 1</source>
        <translation>error und drop ergeben zusammen mehr als 1</translation>
    </message>
</context>
<context>
    <name>FutureWatch</name>
    <message>
        <source>The operation failed unexpectedly.</source>
        <translation>Der Vorgang ist unerwartet fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>GitHubCommands</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1d</source>
        <translation>%1 d</translation>
    </message>
</context>
<context>
    <name>GitHubDispatchStep</name>
    <message>
        <source>step %1: GitHub is not configured (github section of capstan.yaml)</source>
        <translation>Schritt %1: GitHub ist nicht konfiguriert (Abschnitt github in capstan.yaml)</translation>
    </message>
    <message>
        <source>Dispatching the workflow on %1</source>
        <translation>Workflow wird auf %1 ausgelöst</translation>
    </message>
    <message>
        <source>cancelled while dispatching the workflow</source>
        <translation>beim Auslösen des Workflows abgebrochen</translation>
    </message>
    <message>
        <source>cancelled; the dispatched run %1 continues on GitHub</source>
        <translation>abgebrochen; der ausgelöste Run %1 läuft auf GitHub weiter</translation>
    </message>
    <message>
        <source>step %1: GitHub has no branch or tag &quot;%2&quot;: %3</source>
        <translation>Schritt %1: GitHub hat keinen Branch oder Tag &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <source>Started run #%1 on %2: %3</source>
        <translation>Run #%1 auf %2 gestartet: %3</translation>
    </message>
    <message>
        <source>dispatched run #%1</source>
        <translation>Run #%1 ausgelöst</translation>
    </message>
    <message>
        <source>Run #%1: %2</source>
        <translation>Run #%1: %2</translation>
    </message>
    <message>
        <source>step %1: run #%2 did not complete within %3 s (last status: %4)</source>
        <translation>Schritt %1: Run #%2 wurde nicht innerhalb von %3 s abgeschlossen (letzter Status: %4)</translation>
    </message>
    <message>
        <source>Stopped following run #%1; it continues on GitHub</source>
        <translation>Verfolgung von Run #%1 beendet; er läuft auf GitHub weiter</translation>
    </message>
    <message>
        <source>cancelled: stopped following run #%1, which continues on GitHub</source>
        <translation>abgebrochen: Verfolgung von Run #%1 beendet, er läuft auf GitHub weiter</translation>
    </message>
    <message>
        <source>run #%1 succeeded</source>
        <translation>Run #%1 erfolgreich</translation>
    </message>
    <message>
        <source>step %1: run #%2 completed with conclusion %3: %4</source>
        <translation>Schritt %1: Run #%2 wurde mit Ergebnis %3 abgeschlossen: %4</translation>
    </message>
</context>
<context>
    <name>GuiRunner</name>
    <message>
        <source>Capstan: a release manager for GitHub builds, Helm charts in ChartMuseum and Argo CD deployments.</source>
        <translation>Capstan: ein Release-Manager für GitHub-Builds, Helm-Charts in ChartMuseum und Argo-CD-Deployments.</translation>
    </message>
    <message>
        <source>Read the configuration from &lt;file&gt;.</source>
        <translation>Die Konfiguration aus &lt;Datei&gt; lesen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Save a picture of the main window and quit.</source>
        <translation>Ein Bild des Hauptfensters speichern und beenden.</translation>
    </message>
    <message>
        <source>Save a picture of the settings dialog and quit.</source>
        <translation>Ein Bild des Einstellungsdialogs speichern und beenden.</translation>
    </message>
    <message>
        <source>Start with this version filter.</source>
        <translation>Mit diesem Versionsfilter starten.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Capstan sandbox</source>
        <translation>Capstan-Sandbox</translation>
    </message>
    <message>
        <source>The sandbox servers could not be started:
%1</source>
        <translation>Die Sandbox-Server konnten nicht gestartet werden:
%1</translation>
    </message>
    <message>
        <source>%1: the file does not exist</source>
        <translation>%1: die Datei existiert nicht</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>Konfigurationsfehler</translation>
    </message>
    <message>
        <source>The configuration could not be read.</source>
        <translation>Die Konfiguration konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Capstan opens without servers. Fix the file, or use File → Settings… to write the server settings again.</source>
        <translation>Capstan startet ohne Server. Die Datei korrigieren oder über Datei → Einstellungen… die Servereinstellungen neu schreiben.</translation>
    </message>
    <message>
        <source>Show this tab of the version details.</source>
        <translation>Diesen Reiter der Versionsdetails anzeigen.</translation>
    </message>
    <message>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Save a picture of the diff of the newest two versions and quit.</source>
        <translation>Ein Bild des Diffs der beiden neuesten Versionen speichern und beenden.</translation>
    </message>
    <message>
        <source>the new login page rejects every session</source>
        <translation>die neue Anmeldeseite weist jede Sitzung ab</translation>
    </message>
    <message>
        <source>Save a picture of the Builds view with a build selected and quit.</source>
        <translation>Ein Bild der Builds-Ansicht mit ausgewähltem Build speichern und beenden.</translation>
    </message>
    <message>
        <source>Save a picture of the deploy dialog and quit.</source>
        <translation>Ein Bild des Deploy-Dialogs speichern und beenden.</translation>
    </message>
    <message>
        <source>Save a picture of the History view and quit.</source>
        <translation>Ein Bild der Verlaufsansicht speichern und beenden.</translation>
    </message>
    <message>
        <source>Save a picture of the rollback dialog and quit.</source>
        <translation>Ein Bild des Rollback-Dialogs speichern und beenden.</translation>
    </message>
    <message>
        <source>Roll back with auto-sync suspended, save a picture of the result and quit.</source>
        <translation>Mit ausgesetztem Auto-Sync zurückrollen, ein Bild des Ergebnisses speichern und beenden.</translation>
    </message>
    <message>
        <source>weekly release</source>
        <translation>wöchentliches Release</translation>
    </message>
    <message>
        <source>Start a prod deploy of the newest deployable build, save a picture of it running and quit.</source>
        <translation>Ein prod-Deployment des neuesten bereitstellbaren Builds starten, ein Bild davon während der Ausführung speichern und beenden.</translation>
    </message>
    <message>
        <source>checkout is broken</source>
        <translation>der Checkout ist kaputt</translation>
    </message>
    <message>
        <source>Deploy to dev and prod, roll back and restore auto-sync, save a picture of the Journal view and quit.</source>
        <translation>Nach dev und prod deployen, zurückrollen und Auto-Sync wiederherstellen, ein Bild der Journal-Ansicht speichern und beenden.</translation>
    </message>
    <message>
        <source>Run against local test servers with a seeded history; nothing real is touched. Its state is kept in %1 between runs.</source>
        <translation>Gegen lokale Testserver mit vorbereiteter Historie arbeiten; nichts Echtes wird berührt. Ihr Zustand bleibt zwischen Starts in %1 erhalten.</translation>
    </message>
    <message>
        <source>Keep the sandbox in &lt;dir&gt; (a new or empty directory, or an earlier sandbox).</source>
        <translation>Die Sandbox in &lt;dir&gt; halten (ein neues oder leeres Verzeichnis oder eine frühere Sandbox).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>verzeichnis</translation>
    </message>
    <message>
        <source>Start the sandbox&apos;s story afresh, dropping its deploys, locks and journal.</source>
        <translation>Die Geschichte der Sandbox neu beginnen, ihre Deployments, Sperren und ihr Journal verwerfen.</translation>
    </message>
    <message>
        <source>Run the command line interface instead of the desktop app; it needs no display. See capstan --cli --help.</source>
        <translation>Die Kommandozeile statt der Desktop-App starten; sie braucht keine Anzeige. Siehe capstan --cli --help.</translation>
    </message>
    <message>
        <source>The command line interface (no display needed): capstan --cli --help</source>
        <translation>Die Kommandozeile (keine Anzeige nötig): capstan --cli --help</translation>
    </message>
    <message>
        <source>Print the monotonic clock at the main window&apos;s first paint and quit.</source>
        <translation>Beim ersten Zeichnen des Hauptfensters die monotone Uhr ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Show the chart with the most versions, print the memory in use once its newest version is shown and quit.</source>
        <translation>Den Chart mit den meisten Versionen zeigen, den belegten Speicher ausgeben, sobald seine neueste Version angezeigt wird, und beenden.</translation>
    </message>
</context>
<context>
    <name>HelmIgnore</name>
    <message>
        <source>double-star (**) syntax is not supported: &quot;%1&quot;</source>
        <translation>die Doppelstern-Syntax (**) wird nicht unterstützt: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>syntax error in pattern &quot;%1&quot;</source>
        <translation>Syntaxfehler im Muster &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>HelmPackageStep</name>
    <message>
        <source>step %1: capstan.yaml has no chart section (chart.path), so there is nothing to package</source>
        <translation>Schritt %1: capstan.yaml hat keinen Abschnitt chart (chart.path), es gibt also nichts zu paketieren</translation>
    </message>
    <message>
        <source>step %1: the deploy has no version to package</source>
        <translation>Schritt %1: Das Deployment hat keine Version zum Paketieren</translation>
    </message>
    <message>
        <source>step %1: chart directory %2 (chart.path) does not exist</source>
        <translation>Schritt %1: Das Chart-Verzeichnis %2 (chart.path) existiert nicht</translation>
    </message>
    <message>
        <source>step %1: manifests directory %2 (chart.manifests) does not exist; did the manifests step run?</source>
        <translation>Schritt %1: Das Manifest-Verzeichnis %2 (chart.manifests) existiert nicht; wurde der Schritt manifests ausgeführt?</translation>
    </message>
    <message>
        <source>Packaging %1 as version %2</source>
        <translation>%1 wird als Version %2 paketiert</translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <source>cancelled before the package was written</source>
        <translation>abgebrochen, bevor das Paket geschrieben wurde</translation>
    </message>
    <message>
        <source>step %1: cannot create the output directory %2</source>
        <translation>Schritt %1: Das Ausgabeverzeichnis %2 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>step %1: cannot write %2: %3</source>
        <translation>Schritt %1: %2 kann nicht geschrieben werden: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) packaged into %1</source>
        <translation>
            <numerusform>%n Datei in %1 paketiert</numerusform>
            <numerusform>%n Dateien in %1 paketiert</numerusform>
        </translation>
    </message>
    <message>
        <source>sha256 %1</source>
        <translation>sha256 %1</translation>
    </message>
    <message>
        <source>%1 (%2 files)</source>
        <translation>%1 (%2 Dateien)</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>Check that the URL points at the %1 API and not at a web page or proxy.</source>
        <translation>Prüfen, ob die URL auf die %1-API zeigt und nicht auf eine Webseite oder einen Proxy.</translation>
    </message>
    <message>
        <source>The request to %1 was abandoned</source>
        <translation>Die Anfrage an %1 wurde aufgegeben</translation>
    </message>
    <message>
        <source>%1 at byte %2</source>
        <translation>%1 bei Byte %2</translation>
    </message>
    <message>
        <source>%1 sent an answer that is not JSON (%2): &quot;%3&quot;</source>
        <translation>%1 hat eine Antwort gesendet, die kein JSON ist (%2): „%3“</translation>
    </message>
</context>
<context>
    <name>JournalLocation</name>
    <message>
        <source>%1 is %2, but %3 is not a directory</source>
        <translation>%1 ist %2, aber %3 ist kein Verzeichnis</translation>
    </message>
    <message>
        <source>%1 is %2, but its directory %3 does not exist</source>
        <translation>%1 ist %2, aber sein Verzeichnis %3 existiert nicht</translation>
    </message>
    <message>
        <source>Create the directory, point %1 at a file in an existing one, or unset it to use %2.</source>
        <translation>Das Verzeichnis anlegen, %1 auf eine Datei in einem vorhandenen zeigen lassen oder die Variable entfernen, um %2 zu verwenden.</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>the text ends where a value should be</source>
        <translation>der Text endet, wo ein Wert stehen sollte</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos; where a value should be</source>
        <translation>unerwartetes Zeichen „%1“, wo ein Wert stehen sollte</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>%1 erwartet</translation>
    </message>
    <message>
        <source>the text ends where %1 should be</source>
        <translation>der Text endet, wo %1 stehen sollte</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>ein Objekt erwartet</translation>
    </message>
    <message>
        <source>nested more than %1 levels deep</source>
        <translation>mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>ein Array erwartet</translation>
    </message>
    <message>
        <source>the text ends inside %1</source>
        <translation>der Text endet innerhalb von %1</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>„,“ oder „}“ erwartet</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>„,“ oder „]“ erwartet</translation>
    </message>
    <message>
        <source>a comma before &apos;%1&apos;</source>
        <translation>ein Komma vor „%1“</translation>
    </message>
    <message>
        <source>expected a member name in double quotes</source>
        <translation>ein Feldname in doppelten Anführungszeichen erwartet</translation>
    </message>
    <message>
        <source>\u must be followed by four hex digits</source>
        <translation>auf \u müssen vier Hexadezimalziffern folgen</translation>
    </message>
    <message>
        <source>invalid escape \%1 in a string</source>
        <translation>ungültige Escape-Sequenz \%1 in einem String</translation>
    </message>
    <message>
        <source>a control character inside a string (escape it)</source>
        <translation>ein Steuerzeichen in einem String (es muss maskiert werden)</translation>
    </message>
    <message>
        <source>invalid UTF-8 in a string</source>
        <translation>ungültiges UTF-8 in einem String</translation>
    </message>
    <message>
        <source>a string that never ends</source>
        <translation>ein String, der nie endet</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>String erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>unexpected text where a value should be</source>
        <translation>unerwarteter Text, wo ein Wert stehen sollte</translation>
    </message>
    <message>
        <source>expected a boolean, found %1</source>
        <translation>Wahrheitswert erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>expected null, found %1</source>
        <translation>null erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>a malformed number</source>
        <translation>eine fehlerhafte Zahl</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>Zahl erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>a number out of range</source>
        <translation>eine Zahl außerhalb des Wertebereichs</translation>
    </message>
    <message>
        <source>more text after the end of the JSON value</source>
        <translation>weiterer Text nach dem Ende des JSON-Werts</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SANDBOX — local test servers, nothing here is real</source>
        <translation>SANDBOX — lokale Testserver, hier ist nichts echt</translation>
    </message>
    <message>
        <source>Capstan was started with --sandbox: ChartMuseum, Argo CD and GitHub are simulated on 127.0.0.1 and vanish when the app quits.</source>
        <translation>Capstan wurde mit --sandbox gestartet: ChartMuseum, Argo CD und GitHub werden auf 127.0.0.1 simuliert und verschwinden beim Beenden der App.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Server URLs and credentials</source>
        <translation>Server-URLs und Zugangsdaten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Load the data of the current view again</source>
        <translation>Die Daten der aktuellen Ansicht neu laden</translation>
    </message>
    <message>
        <source>&amp;About Capstan</source>
        <translation>&amp;Über Capstan</translation>
    </message>
</context>
<context>
    <name>OutputWriter</name>
    <message>
        <source>capstan: error: %1</source>
        <translation>capstan: Fehler: %1</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>Pipeline</name>
    <message>
        <source>section &quot;pipeline&quot;</source>
        <translation>der Abschnitt &quot;pipeline&quot;</translation>
    </message>
    <message>
        <source>section &quot;pipeline&quot; must be a mapping with the key &quot;stages&quot;</source>
        <translation>Abschnitt &quot;pipeline&quot; muss ein Mapping mit dem Schlüssel &quot;stages&quot; sein</translation>
    </message>
    <message>
        <source>pipeline.parallel is &quot;%1&quot;, expected a whole number from 1 to 64</source>
        <translation>pipeline.parallel ist &quot;%1&quot;, erwartet wird eine ganze Zahl von 1 bis 64</translation>
    </message>
    <message>
        <source>section &quot;pipeline&quot; needs the key &quot;stages&quot;</source>
        <translation>Abschnitt &quot;pipeline&quot; braucht den Schlüssel &quot;stages&quot;</translation>
    </message>
    <message>
        <source>pipeline.stages must be a list of stages, each with a name and steps</source>
        <translation>pipeline.stages muss eine Liste von Stufen sein, jede mit name und steps</translation>
    </message>
    <message>
        <source>pipeline.stages is empty, expected at least one stage</source>
        <translation>pipeline.stages ist leer, erwartet wird mindestens eine Stufe</translation>
    </message>
    <message>
        <source>a stage must be a mapping with name and steps</source>
        <translation>eine Stufe muss ein Mapping mit name und steps sein</translation>
    </message>
    <message>
        <source>a stage needs the key &quot;name&quot;</source>
        <translation>eine Stufe braucht den Schlüssel &quot;name&quot;</translation>
    </message>
    <message>
        <source>a stage needs the key &quot;steps&quot;</source>
        <translation>eine Stufe braucht den Schlüssel &quot;steps&quot;</translation>
    </message>
    <message>
        <source>a stage</source>
        <translation>eine Stufe</translation>
    </message>
    <message>
        <source>stage name</source>
        <translation>Name der Stufe</translation>
    </message>
    <message>
        <source>stage name &quot;%1&quot; is used twice, expected unique stage names</source>
        <translation>der Stufenname &quot;%1&quot; kommt zweimal vor, erwartet werden eindeutige Stufennamen</translation>
    </message>
    <message>
        <source>stage only</source>
        <translation>only der Stufe</translation>
    </message>
    <message>
        <source>stage &quot;%1&quot;</source>
        <translation>Stufe &quot;%1&quot;</translation>
    </message>
    <message>
        <source>steps of %1 must be a list of steps</source>
        <translation>die steps von %1 müssen eine Liste von Schritten sein</translation>
    </message>
    <message>
        <source>steps of %1 is empty, expected at least one step</source>
        <translation>die steps von %1 sind leer, erwartet wird mindestens ein Schritt</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, expected lower-case letters, digits and dashes, starting with a letter or digit</source>
        <translation>%1 ist &quot;%2&quot;, erwartet werden Kleinbuchstaben, Ziffern und Bindestriche, beginnend mit einem Buchstaben oder einer Ziffer</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, expected dev or prod</source>
        <translation>%1 ist &quot;%2&quot;, erwartet wird dev oder prod</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, expected a positive duration such as 90s, 10m, 1h or 1h30m</source>
        <translation>%1 ist &quot;%2&quot;, erwartet wird eine positive Dauer wie 90s, 10m, 1h oder 1h30m</translation>
    </message>
    <message>
        <source>%1 uses the unknown variable {%2}, expected one of {build}, {version}, {sha}, {env} (write {{ for a literal brace)</source>
        <translation>%1 verwendet die unbekannte Variable {%2}, erwartet wird eine von {build}, {version}, {sha}, {env} ({{ schreibt eine geschweifte Klammer)</translation>
    </message>
    <message>
        <source>%1 must be a list</source>
        <translation>%1 muss eine Liste sein</translation>
    </message>
    <message>
        <source>%1 must be a mapping of names to values</source>
        <translation>%1 muss ein Mapping von Namen auf Werte sein</translation>
    </message>
    <message>
        <source>key &quot;%1&quot; appears twice in %2</source>
        <translation>%2 enthält den Schlüssel &quot;%1&quot; doppelt</translation>
    </message>
    <message>
        <source>a step must be a mapping with at least a name</source>
        <translation>ein Schritt muss ein Mapping mit mindestens einem name sein</translation>
    </message>
    <message>
        <source>a step in stage &quot;%1&quot; needs the key &quot;name&quot;</source>
        <translation>ein Schritt in Stufe &quot;%1&quot; braucht den Schlüssel &quot;name&quot;</translation>
    </message>
    <message>
        <source>step name</source>
        <translation>Name des Schritts</translation>
    </message>
    <message>
        <source>step name &quot;%1&quot; is used twice, expected unique step names across the pipeline</source>
        <translation>der Schrittname &quot;%1&quot; kommt zweimal vor, erwartet werden in der ganzen Pipeline eindeutige Schrittnamen</translation>
    </message>
    <message>
        <source>step &quot;%1&quot;</source>
        <translation>Schritt &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 has the unknown kind &quot;%2&quot; (expected one of: %3)</source>
        <translation>%1 hat die unbekannte Art &quot;%2&quot; (erwartet wird eine von: %3)</translation>
    </message>
    <message>
        <source>%1 needs a kind or a run command</source>
        <translation>%1 braucht eine Art (kind) oder einen Befehl (run)</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, expected healthy, synced or none</source>
        <translation>%1 ist &quot;%2&quot;, erwartet wird healthy, synced oder none</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, expected true or false</source>
        <translation>%1 ist &quot;%2&quot;, erwartet wird true oder false</translation>
    </message>
    <message>
        <source>%1 of kind %2 needs a run command</source>
        <translation>%1 der Art %2 braucht einen Befehl (run)</translation>
    </message>
    <message>
        <source>%1.run is &quot;%2&quot;, expected a dagger command such as dagger call …</source>
        <translation>%1.run ist &quot;%2&quot;, erwartet wird ein dagger-Befehl wie dagger call …</translation>
    </message>
    <message>
        <source>%1 of kind set-version needs the key &quot;file&quot;</source>
        <translation>%1 der Art set-version braucht den Schlüssel &quot;file&quot;</translation>
    </message>
    <message>
        <source>%1 of kind set-version needs exactly one of &quot;key&quot; or &quot;pattern&quot;, not %2</source>
        <translation>%1 der Art set-version braucht genau einen der Schlüssel &quot;key&quot; oder &quot;pattern&quot;, nicht %2</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>keinen</translation>
    </message>
    <message>
        <source>%1.pattern is not a valid regular expression: %2 at offset %3</source>
        <translation>%1.pattern ist kein gültiger regulärer Ausdruck: %2 an Position %3</translation>
    </message>
    <message>
        <source>%1.pattern has %2 capture groups, expected exactly one around the version</source>
        <translation>%1.pattern hat %2 Gruppen, erwartet wird genau eine um die Version</translation>
    </message>
    <message>
        <source>step &quot;%1&quot; needs itself, expected other step names</source>
        <translation>Schritt &quot;%1&quot; braucht sich selbst, erwartet werden andere Schrittnamen</translation>
    </message>
    <message>
        <source>step &quot;%1&quot; needs the unknown step &quot;%2&quot; (expected one of: %3)</source>
        <translation>Schritt &quot;%1&quot; braucht den unbekannten Schritt &quot;%2&quot; (erwartet wird einer von: %3)</translation>
    </message>
    <message>
        <source>step &quot;%1&quot; needs &quot;%2&quot;, which runs in a later stage; expected a step of this or an earlier stage</source>
        <translation>Schritt &quot;%1&quot; braucht &quot;%2&quot;, der in einer späteren Stufe läuft; erwartet wird ein Schritt dieser oder einer früheren Stufe</translation>
    </message>
    <message>
        <source>needs form a cycle: %1; expected steps that do not wait on each other</source>
        <translation>die needs bilden einen Zyklus: %1; erwartet werden Schritte, die nicht aufeinander warten</translation>
    </message>
</context>
<context>
    <name>PipelineVariables</name>
    <message>
        <source>unknown variable {%1} (expected one of: {build}, {version}, {sha}, {env}; write {{ for a literal brace)</source>
        <translation>unbekannte Variable {%1} (erwartet wird eine von: {build}, {version}, {sha}, {env}; {{ schreibt eine geschweifte Klammer)</translation>
    </message>
</context>
<context>
    <name>RollbackDialog</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>(no version)</source>
        <translation>(keine Version)</translation>
    </message>
    <message>
        <source>History #%1
Deployed %2%3</source>
        <translation>Verlauf #%1
Deployt %2%3</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>SampleRepositoryHistory</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot write .gitignore</source>
        <translation>.gitignore kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot create a git repository in %1</source>
        <translation>In %1 kann kein Git-Repository angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write CHANGELOG.md</source>
        <translation>CHANGELOG.md kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot open the index</source>
        <translation>Der Index kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot stage the sample repository</source>
        <translation>Das Beispiel-Repository kann nicht zum Index hinzugefügt werden</translation>
    </message>
    <message>
        <source>Cannot read the staged tree</source>
        <translation>Der im Index vorgemerkte Tree kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot make the author of run %1</source>
        <translation>Der Autor von Lauf %1 kann nicht erzeugt werden</translation>
    </message>
    <message>
        <source>Cannot read the previous commit</source>
        <translation>Der vorherige Commit kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot commit run %1</source>
        <translation>Lauf %1 kann nicht committet werden</translation>
    </message>
    <message>
        <source>Cannot write the chart source of run %1</source>
        <translation>Die Chart-Quelle von Lauf %1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>SandboxSeeder</name>
    <message>
        <source>Could not build the chart archive %1-%2.</source>
        <translation>Das Chart-Archiv %1-%2 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not create the directory %1.</source>
        <translation>Das Verzeichnis %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not package torvalds %1: %2</source>
        <translation>torvalds %1 konnte nicht paketiert werden: %2</translation>
    </message>
</context>
<context>
    <name>SemVerConstraint</name>
    <message>
        <source>improper constraint: %1</source>
        <translation>ungültige Einschränkung: %1</translation>
    </message>
</context>
<context>
    <name>SetVersionStep</name>
    <message>
        <source>%1: there is no version to set</source>
        <translation>%1: Es gibt keine Version zum Setzen</translation>
    </message>
    <message>
        <source>%1: the file does not exist (%2)</source>
        <translation>%1: Die Datei existiert nicht (%2)</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1:%2:%3: not valid YAML: %4</source>
        <translation>%1:%2:%3: kein gültiges YAML: %4</translation>
    </message>
    <message>
        <source>%1: the key %2 does not exist</source>
        <translation>%1: Der Schlüssel %2 existiert nicht</translation>
    </message>
    <message>
        <source>%1: the key %2 is not a plain value</source>
        <translation>%1: Der Schlüssel %2 ist kein einfacher Wert</translation>
    </message>
    <message>
        <source>%1: the key %2 holds a block or unterminated value that cannot be replaced</source>
        <translation>%1: Der Schlüssel %2 enthält einen Block oder einen nicht abgeschlossenen Wert, der nicht ersetzt werden kann</translation>
    </message>
    <message>
        <source>%1: the pattern %2 is invalid: %3 at offset %4</source>
        <translation>%1: Das Muster %2 ist ungültig: %3 an Position %4</translation>
    </message>
    <message>
        <source>%1: the pattern %2 has no capture group ( ) around the version</source>
        <translation>%1: Das Muster %2 hat keine Capture-Gruppe ( ) um die Version</translation>
    </message>
    <message>
        <source>%1: the pattern %2 matches nothing</source>
        <translation>%1: Das Muster %2 passt auf nichts</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: %2 %3 → %4</source>
        <translation>%1: %2 %3 → %4</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>ChartMuseum</source>
        <translation>ChartMuseum</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>https://charts.example.com</source>
        <translation>https://charts.example.com</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>empty for anonymous access</source>
        <translation>leer für anonymen Zugriff</translation>
    </message>
    <message>
        <source>Repository path</source>
        <translation>Repository-Pfad</translation>
    </message>
    <message>
        <source>org/team when the server runs with --depth; empty otherwise</source>
        <translation>org/team, wenn der Server mit --depth läuft; sonst leer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Argo CD</source>
        <translation>Argo CD</translation>
    </message>
    <message>
        <source>https://argocd.example.com</source>
        <translation>https://argocd.example.com</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>the Argo CD application to deploy</source>
        <translation>die zu deployende Argo-CD-Anwendung</translation>
    </message>
    <message>
        <source>empty when using an API token</source>
        <translation>leer bei Verwendung eines API-Tokens</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <source>https://api.github.com</source>
        <translation>https://api.github.com</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>owner/name</source>
        <translation>Besitzer/Name</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>ci.yaml</source>
        <translation>ci.yaml</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>main</source>
        <translation>main</translation>
    </message>
    <message>
        <source>Optional: with a username set, Capstan logs in with this password when no token is stored or the token expired</source>
        <translation>Optional: Ist ein Benutzername gesetzt, meldet sich Capstan mit diesem Passwort an, wenn kein Token gespeichert oder das Token abgelaufen ist</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>the chart&apos;s name, as in Chart.yaml</source>
        <translation>der Name des Charts wie in Chart.yaml</translation>
    </message>
    <message>
        <source>Chart folder</source>
        <translation>Chart-Ordner</translation>
    </message>
    <message>
        <source>deploy/chart, relative to the repository</source>
        <translation>deploy/chart, relativ zum Repository</translation>
    </message>
    <message>
        <source>Manifests</source>
        <translation>Manifeste</translation>
    </message>
    <message>
        <source>a folder of plain manifests to package instead of a chart</source>
        <translation>ein Ordner mit einfachen Manifesten, die statt eines Charts paketiert werden</translation>
    </message>
    <message>
        <source>Version pattern</source>
        <translation>Versionsmuster</translation>
    </message>
    <message>
        <source>1.0.0-{build}</source>
        <translation>1.0.0-{build}</translation>
    </message>
    <message>
        <source>Set %1 instead.</source>
        <translation>Stattdessen %1 setzen.</translation>
    </message>
</context>
<context>
    <name>SourceCheckout</name>
    <message>
        <source>The checkout of %1 was cancelled</source>
        <translation>Das Auschecken von %1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>The abbreviated sha %1 names more than one object</source>
        <translation>Der abgekürzte SHA %1 bezeichnet mehr als ein Objekt</translation>
    </message>
    <message>
        <source>Give more digits, or the full 40-digit sha.</source>
        <translation>Mehr Ziffern oder den vollständigen 40-stelligen SHA angeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a commit sha</source>
        <translation>&quot;%1&quot; ist kein Commit-SHA</translation>
    </message>
    <message>
        <source>Give 7 to 40 hexadecimal digits.</source>
        <translation>7 bis 40 Hexadezimalziffern angeben.</translation>
    </message>
    <message>
        <source>The source repository %1 does not exist</source>
        <translation>Das Quell-Repository %1 existiert nicht</translation>
    </message>
    <message>
        <source>Give the path of a git repository or a git URL.</source>
        <translation>Den Pfad eines Git-Repositorys oder eine Git-URL angeben.</translation>
    </message>
    <message>
        <source>Cannot create the directory %1</source>
        <translation>Das Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot create a checkout directory in %1: %2</source>
        <translation>In %1 kann kein Checkout-Verzeichnis angelegt werden: %2</translation>
    </message>
    <message>
        <source>The checkout directory %1 is not empty</source>
        <translation>Das Checkout-Verzeichnis %1 ist nicht leer</translation>
    </message>
    <message>
        <source>Give a new or empty directory; a checkout never writes over files.</source>
        <translation>Ein neues oder leeres Verzeichnis angeben; ein Checkout überschreibt nie Dateien.</translation>
    </message>
    <message>
        <source>Cannot lock the source cache %1</source>
        <translation>Der Quell-Cache %1 kann nicht gesperrt werden</translation>
    </message>
    <message>
        <source>Cannot create the source cache %1: %2</source>
        <translation>Der Quell-Cache %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a git URL: %2</source>
        <translation>%1 ist keine Git-URL: %2</translation>
    </message>
    <message>
        <source>Cannot fetch from %1: %2</source>
        <translation>Abrufen von %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>The source needs credentials; give a URL Capstan may read.</source>
        <translation>Die Quelle erfordert Zugangsdaten; eine URL angeben, die Capstan lesen darf.</translation>
    </message>
    <message>
        <source>The commit %1 is not in %2, even after fetching it</source>
        <translation>Der Commit %1 ist nicht in %2, auch nicht nach dem Abrufen</translation>
    </message>
    <message>
        <source>Check the sha, and that it was pushed to a branch or tag of the source.</source>
        <translation>Den SHA prüfen und ob er in einen Branch oder Tag der Quelle gepusht wurde.</translation>
    </message>
    <message>
        <source>Cannot use the source cache %1: %2</source>
        <translation>Der Quell-Cache %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Cannot check out %1 into %2: %3</source>
        <translation>%1 kann nicht nach %2 ausgecheckt werden: %3</translation>
    </message>
    <message>
        <source>Cannot check out %1: %2</source>
        <translation>%1 kann nicht ausgecheckt werden: %2</translation>
    </message>
    <message>
        <source>%1 is not inside a git working tree</source>
        <translation>%1 liegt nicht in einem Git-Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>Cannot read the status of %1: %2</source>
        <translation>Der Status von %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>StepContext</name>
    <message>
        <source>step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
</context>
<context>
    <name>StepResult</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>capstan</name>
    <message>
        <source>GitHub answer: %1 %2</source>
        <translation>GitHub-Antwort: %1 %2</translation>
    </message>
    <message>
        <source>The server does not answer like the GitHub REST API.</source>
        <translation>Der Server antwortet nicht wie die GitHub-REST-API.</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>ist keine Zahl</translation>
    </message>
    <message>
        <source>is not a non-negative integer</source>
        <translation>ist keine nicht-negative ganze Zahl</translation>
    </message>
    <message>
        <source>is null</source>
        <translation>ist null</translation>
    </message>
    <message>
        <source>is not a string</source>
        <translation>ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>is not an ISO 8601 date-time: &quot;%1&quot;</source>
        <translation>ist keine Datums-/Zeitangabe nach ISO 8601: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>is not an object</source>
        <translation>ist kein Objekt</translation>
    </message>
    <message>
        <source>is not true or false</source>
        <translation>ist weder true noch false</translation>
    </message>
</context>
<context>
    <name>capstan::ActionRecorder</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>ended with exit code %1</source>
        <translation>mit Exit-Code %1 beendet</translation>
    </message>
    <message>
        <source>warning: the %1 of %2 is not in the journal: %3</source>
        <translation>Warnung: die Aktion %1 an %2 steht nicht im Journal: %3</translation>
    </message>
    <message>
        <source>declined at the prompt; nothing was changed</source>
        <translation>bei der Rückfrage abgelehnt; es wurde nichts geändert</translation>
    </message>
</context>
<context>
    <name>capstan::ArchiveFilesModel</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>capstan::ArgoCdClient</name>
    <message>
        <source>The Argo CD session token was rejected or has expired. Log in again: store a fresh token with `capstan --cli credentials set argocd` (or set CAPSTAN_ARGOCD_TOKEN), or set argocd.username in capstan.yaml, store the password with `capstan --cli credentials set argocd-password` and delete the stale token (`capstan --cli credentials delete argocd`) so Capstan logs in by itself.</source>
        <translation>Das Sitzungstoken für Argo CD wurde abgelehnt oder ist abgelaufen. Erneut anmelden: ein neues Token mit `capstan --cli credentials set argocd` speichern (oder CAPSTAN_ARGOCD_TOKEN setzen), oder argocd.username in capstan.yaml setzen, das Passwort mit `capstan --cli credentials set argocd-password` speichern und das veraltete Token löschen (`capstan --cli credentials delete argocd`), damit Capstan sich selbst anmeldet.</translation>
    </message>
    <message>
        <source>Application &quot;%1&quot; does not exist or you are not permitted to %2 it</source>
        <translation>Die Anwendung &quot;%1&quot; existiert nicht, oder Ihnen fehlt die Berechtigung zum %2</translation>
    </message>
    <message>
        <source>Check argocd.app in capstan.yaml and the Argo CD RBAC of the account.</source>
        <translation>argocd.app in capstan.yaml und die Argo-CD-RBAC des Kontos prüfen.</translation>
    </message>
    <message>
        <source>Cannot %1 application &quot;%2&quot;</source>
        <translation>%1 der Anwendung &quot;%2&quot; nicht möglich</translation>
    </message>
    <message>
        <source>Wait for the running operation to finish, or terminate it.</source>
        <translation>Warten, bis der laufende Vorgang abgeschlossen ist, oder ihn beenden.</translation>
    </message>
    <message>
        <source>Suspend auto-sync first, then roll back.</source>
        <translation>Zuerst Auto-Sync aussetzen, dann zurückrollen.</translation>
    </message>
    <message>
        <source>Suspend auto-sync or change the target revision instead.</source>
        <translation>Stattdessen Auto-Sync aussetzen oder die Ziel-Revision ändern.</translation>
    </message>
    <message>
        <source>Pick an id from the application&apos;s deployment history.</source>
        <translation>Eine ID aus dem Deployment-Verlauf der Anwendung wählen.</translation>
    </message>
    <message>
        <source>Argo CD sent no application object from %1</source>
        <translation>Argo CD hat von %1 kein Anwendungsobjekt gesendet</translation>
    </message>
    <message>
        <source>Argo CD answered the login without a &quot;token&quot; (%1)</source>
        <translation>Argo CD hat die Anmeldung ohne &quot;token&quot; beantwortet (%1)</translation>
    </message>
    <message>
        <source>Argo CD login as &quot;%1&quot; failed</source>
        <translation>Argo-CD-Anmeldung als &quot;%1&quot; fehlgeschlagen</translation>
    </message>
    <message>
        <source>Check argocd.username in capstan.yaml and the password stored with `capstan --cli credentials set argocd-password` (or CAPSTAN_ARGOCD_PASSWORD).</source>
        <translation>argocd.username in capstan.yaml und das mit `capstan --cli credentials set argocd-password` gespeicherte Passwort (oder CAPSTAN_ARGOCD_PASSWORD) prüfen.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>%1: items is not an array of applications</source>
        <translation>%1: items ist kein Array von Anwendungen</translation>
    </message>
    <message>
        <source>%1: items[%2] is not an object</source>
        <translation>%1: items[%2] ist kein Objekt</translation>
    </message>
    <message>
        <source>%1: items[%2]</source>
        <translation>%1: items[%2]</translation>
    </message>
    <message>
        <source>sync</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <source>roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>terminate the operation of</source>
        <translation>Beenden des Vorgangs</translation>
    </message>
    <message>
        <source>update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Auto-sync of application &quot;%1&quot; is already off</source>
        <translation>Auto-Sync der Anwendung &quot;%1&quot; ist bereits aus</translation>
    </message>
    <message>
        <source>The target revision must not be empty</source>
        <translation>Die Ziel-Revision darf nicht leer sein</translation>
    </message>
    <message>
        <source>Application &quot;%1&quot; changed while it was being updated</source>
        <translation>Application &quot;%1&quot; wurde geändert, während sie aktualisiert wurde</translation>
    </message>
    <message>
        <source>Read it again and retry.</source>
        <translation>Lesen Sie sie erneut und versuchen Sie es noch einmal.</translation>
    </message>
    <message numerus="yes">
        <source>Tried %n time(s).</source>
        <translation>
            <numerusform>Nach %n Versuch.</numerusform>
            <numerusform>Nach %n Versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the application: the request may have started an operation.</source>
        <translation>Die Anwendung prüfen: die Anfrage hat möglicherweise einen Vorgang gestartet.</translation>
    </message>
    <message>
        <source>No operation is running on %1</source>
        <translation>Auf %1 läuft keine Operation</translation>
    </message>
    <message>
        <source>`capstan --cli status` shows the application&apos;s state and its last operation.</source>
        <translation>`capstan --cli status` zeigt den Zustand der Anwendung und ihre letzte Operation.</translation>
    </message>
</context>
<context>
    <name>capstan::ArgoCdServer</name>
    <message>
        <source>The Argo CD server is already listening on port %1.</source>
        <translation>Der Argo-CD-Server lauscht bereits auf Port %1.</translation>
    </message>
    <message>
        <source>the saved Argo CD state has an unknown format</source>
        <translation>der gespeicherte Argo-CD-Zustand hat ein unbekanntes Format</translation>
    </message>
    <message>
        <source>a saved Argo CD application has no name or spec</source>
        <translation>eine gespeicherte Argo-CD-Application hat keinen Namen oder keine Spec</translation>
    </message>
</context>
<context>
    <name>capstan::ArgoCdWatcher</name>
    <message>
        <source>Argo CD watch stream %1 sent a message that is not a JSON object: %2</source>
        <translation>Argo-CD-Watch-Stream %1 hat eine Nachricht gesendet, die kein JSON-Objekt ist: %2</translation>
    </message>
    <message>
        <source>Application &quot;%1&quot; was deleted</source>
        <translation>Anwendung &quot;%1&quot; wurde gelöscht</translation>
    </message>
    <message>
        <source>Argo CD watch stream %1 sent an event without result.type ADDED, MODIFIED or DELETED</source>
        <translation>Argo-CD-Watch-Stream %1 hat ein Ereignis ohne result.type ADDED, MODIFIED oder DELETED gesendet</translation>
    </message>
    <message>
        <source>Watching application &quot;%1&quot;</source>
        <translation>Anwendung &quot;%1&quot; wird beobachtet</translation>
    </message>
</context>
<context>
    <name>capstan::ArgoCommands</name>
    <message>
        <source>automated</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>prune</source>
        <translation>prune</translation>
    </message>
    <message>
        <source>self-heal</source>
        <translation>self-heal</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>on (%1)</source>
        <translation>an (%1)</translation>
    </message>
    <message>
        <source>SUSPENDED by %1 since %2: %3</source>
        <translation>AUSGESETZT von %1 seit %2: %3</translation>
    </message>
    <message>
        <source>(no reason recorded)</source>
        <translation>(kein Grund erfasst)</translation>
    </message>
    <message>
        <source>off (manual sync)</source>
        <translation>aus (manueller Sync)</translation>
    </message>
    <message>
        <source>history id %1, chart %2, deployed %3</source>
        <translation>Verlaufs-ID %1, Chart %2, deployt %3</translation>
    </message>
    <message>
        <source>--timeout needs a positive whole number of seconds, not &quot;%1&quot;</source>
        <translation>--timeout braucht eine positive ganze Zahl von Sekunden, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Show the Argo CD application: sync, health, live chart version, operation</source>
        <translation>Die Argo-CD-Anwendung anzeigen: Sync, Health, Live-Chart-Version, Vorgang</translation>
    </message>
    <message>
        <source>Reads the application configured under argocd.app. The live chart version is the newest
history entry (what is deployed), not the target revision (what Argo CD should deploy).
An auto-sync suspended by Capstan (who, since when, why) and a deploy lock are shown.
JSON: {app, sync, health, revision, targetRevision, autoSync, suspension, lock, operation,
lastOperation}; operation is null when none is in progress.</source>
        <translation>Liest die unter argocd.app konfigurierte Anwendung. Die Live-Chart-Version ist der neueste
Verlaufseintrag (was deployt ist), nicht die Ziel-Revision (was Argo CD deployen soll).
Ein von Capstan ausgesetzter Auto-Sync (wer, seit wann, warum) und eine Deploy-Sperre werden angezeigt.
JSON: {app, sync, health, revision, targetRevision, autoSync, suspension, lock, operation,
lastOperation}; operation ist null, wenn keiner läuft.</translation>
    </message>
    <message>
        <source>List the application&apos;s deployments, oldest first, the live one marked</source>
        <translation>Die Deployments der Anwendung auflisten, die ältesten zuerst, das live markiert</translation>
    </message>
    <message>
        <source>CHART VERSION is the chart version each deployment ran (history[].revision), not the target
revision at the time. DEPLOYED AT is local time. The IDs are what `rollback` takes.
JSON: [{id, revision, deployedAt, initiatedBy, automated, live}].</source>
        <translation>CHART-VERSION ist die Chart-Version, die jedes Deployment ausgeführt hat (history[].revision), nicht die
damalige Ziel-Revision. DEPLOYT AM ist Ortszeit. Die IDs sind das, was `rollback` erwartet.
JSON: [{id, revision, deployedAt, initiatedBy, automated, live}].</translation>
    </message>
    <message>
        <source>Sync the application (like `argocd app sync`), optionally waiting for the result</source>
        <translation>Die Anwendung synchronisieren (wie `argocd app sync`), optional auf das Ergebnis warten</translation>
    </message>
    <message>
        <source>Deploy this chart version once instead of the target revision</source>
        <translation>Diese Chart-Version einmalig statt der Ziel-Revision deployen</translation>
    </message>
    <message>
        <source>Delete resources that are no longer in the chart</source>
        <translation>Ressourcen löschen, die nicht mehr im Chart sind</translation>
    </message>
    <message>
        <source>Let Argo CD check the sync without applying it</source>
        <translation>Argo CD den Sync prüfen lassen, ohne ihn anzuwenden</translation>
    </message>
    <message>
        <source>Re-apply every resource, even unchanged ones</source>
        <translation>Jede Ressource erneut anwenden, auch unveränderte</translation>
    </message>
    <message>
        <source>Follow the operation until it is done and the application is healthy</source>
        <translation>Den Vorgang verfolgen, bis er abgeschlossen und die Anwendung healthy ist</translation>
    </message>
    <message>
        <source>A --revision other than the target revision is a one-off: Argo CD deploys it but keeps
reporting the application OutOfSync, because sync status compares with the target revision.
A missing chart version is not refused up front: the operation ends with phase Error.
With --wait: exit 1 with &quot;Operation has completed with phase: &lt;phase&gt;&quot; unless it succeeded,
and exit 1 when the application ends Degraded. Exit 6 when another operation is in progress.
JSON: {app, revision, oneOff, dryRun} and, with --wait, phase, message, sync, health.</source>
        <translation>Eine --revision ungleich der Ziel-Revision ist einmalig: Argo CD deployt sie, meldet die
Anwendung aber weiter als OutOfSync, weil der Sync-Status mit der Ziel-Revision vergleicht.
Eine fehlende Chart-Version wird nicht vorab abgelehnt: der Vorgang endet mit Phase Error.
Mit --wait: Exit 1 mit &quot;Vorgang abgeschlossen mit Phase: &lt;phase&gt;&quot;, außer bei Erfolg,
und Exit 1, wenn die Anwendung Degraded endet. Exit 6, wenn ein anderer Vorgang läuft.
JSON: {app, revision, oneOff, dryRun} und, mit --wait, phase, message, sync, health.</translation>
    </message>
    <message>
        <source>Wait until the application is synced, healthy and has no operation running</source>
        <translation>Warten, bis die Anwendung synchron und healthy ist und kein Vorgang läuft</translation>
    </message>
    <message>
        <source>Wait for health Healthy (Degraded fails, exit 1)</source>
        <translation>Auf Health Healthy warten (Degraded schlägt fehl, Exit 1)</translation>
    </message>
    <message>
        <source>Wait for sync status Synced</source>
        <translation>Auf Sync-Status Synced warten</translation>
    </message>
    <message>
        <source>Wait until no operation is running and Argo CD has compared the result</source>
        <translation>Warten, bis kein Vorgang läuft und Argo CD das Ergebnis verglichen hat</translation>
    </message>
    <message>
        <source>Like `argocd app wait`: without flags it waits for all three. The current state is
checked first, then the watch stream is followed. On timeout: exit 1.
JSON: the same document as `status`.</source>
        <translation>Wie `argocd app wait`: ohne Flags wird auf alle drei gewartet. Zuerst wird der aktuelle
Zustand geprüft, dann dem Watch-Stream gefolgt. Bei Timeout: Exit 1.
JSON: dasselbe Dokument wie bei `status`.</translation>
    </message>
    <message>
        <source>Re-deploy an earlier history entry (default: the previous deployment)</source>
        <translation>Einen früheren Verlaufseintrag erneut deployen (Standard: das vorherige Deployment)</translation>
    </message>
    <message>
        <source>Do not ask for confirmation</source>
        <translation>Nicht nach Bestätigung fragen</translation>
    </message>
    <message>
        <source>Switch auto-sync off first (recorded with --reason) when it is on</source>
        <translation>Auto-Sync zuerst ausschalten (mit --reason erfasst), wenn er an ist</translation>
    </message>
    <message>
        <source>Why auto-sync is suspended (required with --suspend-auto-sync)</source>
        <translation>Warum Auto-Sync ausgesetzt ist (erforderlich mit --suspend-auto-sync)</translation>
    </message>
    <message>
        <source>Delete resources that are not in the old chart</source>
        <translation>Ressourcen löschen, die nicht im alten Chart sind</translation>
    </message>
    <message>
        <source>Suspend auto-sync, recording who, when and why</source>
        <translation>Auto-Sync aussetzen und dabei erfassen, wer, wann und warum</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>Warum (erforderlich)</translation>
    </message>
    <message>
        <source>Resume auto-sync with the policy recorded when it was suspended</source>
        <translation>Auto-Sync mit der beim Aussetzen erfassten Richtlinie fortsetzen</translation>
    </message>
    <message>
        <source>Terminate the application&apos;s running operation</source>
        <translation>Den laufenden Vorgang der Anwendung beenden</translation>
    </message>
    <message>
        <source>Like `argocd app terminate-op`. The operation then ends with phase Failed.
No operation in progress: exit 2. JSON: {app, terminating}.</source>
        <translation>Wie `argocd app terminate-op`. Der Vorgang endet dann mit Phase Failed.
Kein Vorgang läuft: Exit 2. JSON: {app, terminating}.</translation>
    </message>
    <message>
        <source>timed out (%1s) waiting for app &quot;%2&quot; match desired state</source>
        <translation>Zeitüberschreitung (%1 s) beim Warten darauf, dass App &quot;%2&quot; den Sollzustand erreicht</translation>
    </message>
    <message>
        <source>Check the application with `capstan --cli status`, or wait longer with --timeout.</source>
        <translation>Die Anwendung mit `capstan --cli status` prüfen oder mit --timeout länger warten.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>!! Auto-sync is suspended by %1 since %2: %3
</source>
        <translation>!! Auto-Sync ist ausgesetzt von %1 seit %2: %3
</translation>
    </message>
    <message>
        <source>!! Resume it with `capstan --cli auto-sync on`.

</source>
        <translation>!! Mit `capstan --cli auto-sync on` fortsetzen.

</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Sync-Status</translation>
    </message>
    <message>
        <source>(not compared yet)</source>
        <translation>(noch nicht verglichen)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Live chart version</source>
        <translation>Live-Chart-Version</translation>
    </message>
    <message>
        <source>(nothing deployed yet)</source>
        <translation>(noch nichts deployt)</translation>
    </message>
    <message>
        <source>%1 (history id %2, deployed %3)</source>
        <translation>%1 (Verlaufs-ID %2, deployt %3)</translation>
    </message>
    <message>
        <source> (resolves to %1)</source>
        <translation> (ergibt %1)</translation>
    </message>
    <message>
        <source>Target revision</source>
        <translation>Ziel-Revision</translation>
    </message>
    <message>
        <source>Auto-sync</source>
        <translation>Auto-Sync</translation>
    </message>
    <message>
        <source>%1, revision %2, started %3</source>
        <translation>%1, Revision %2, gestartet %3</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>requested, revision %1, waiting for the controller</source>
        <translation>angefordert, Revision %1, wartet auf den Controller</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>none in progress</source>
        <translation>keiner aktiv</translation>
    </message>
    <message>
        <source> (last: %1, revision %2, finished %3)</source>
        <translation> (letzter: %1, Revision %2, beendet %3)</translation>
    </message>
    <message>
        <source>Deploy lock</source>
        <translation>Deploy-Sperre</translation>
    </message>
    <message>
        <source>held by %1 since %2: %3</source>
        <translation>gehalten von %1 seit %2: %3</translation>
    </message>
    <message>
        <source>%1 has no deployments in its history yet.
</source>
        <translation>%1 hat noch keine Deployments im Verlauf.
</translation>
    </message>
    <message>
        <source>&lt;- live</source>
        <translation>&lt;- live</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>CHART VERSION</source>
        <translation>CHART-VERSION</translation>
    </message>
    <message>
        <source>DEPLOYED AT</source>
        <translation>DEPLOYT AM</translation>
    </message>
    <message>
        <source>INITIATED BY</source>
        <translation>GESTARTET VON</translation>
    </message>
    <message>
        <source>Operation requested, waiting for Argo CD to start it
</source>
        <translation>Vorgang angefordert, warte darauf, dass Argo CD ihn startet
</translation>
    </message>
    <message>
        <source>Operation phase: %1
</source>
        <translation>Phase des Vorgangs: %1
</translation>
    </message>
    <message>
        <source>Operation phase: %1 (%2)
</source>
        <translation>Phase des Vorgangs: %1 (%2)
</translation>
    </message>
    <message>
        <source>Lost track of application &apos;%1&apos;</source>
        <translation>Anwendung &apos;%1&apos; aus den Augen verloren</translation>
    </message>
    <message>
        <source>Application %1: %2, %3; live chart version %4
</source>
        <translation>Anwendung %1: %2, %3; Live-Chart-Version %4
</translation>
    </message>
    <message>
        <source>Operation has completed with phase: %1</source>
        <translation>Vorgang abgeschlossen mit Phase: %1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>application &apos;%1&apos; is Degraded</source>
        <translation>Anwendung &apos;%1&apos; ist Degraded</translation>
    </message>
    <message>
        <source>The operation succeeded but the deployed resources are not healthy.</source>
        <translation>Der Vorgang war erfolgreich, aber die deployten Ressourcen sind nicht healthy.</translation>
    </message>
    <message>
        <source>--timeout only applies together with --wait</source>
        <translation>--timeout gilt nur zusammen mit --wait</translation>
    </message>
    <message>
        <source>--revision needs a chart version, not an empty string</source>
        <translation>--revision braucht eine Chart-Version, keine leere Zeichenkette</translation>
    </message>
    <message>
        <source>Dry-run sync of %1 to %2 requested
</source>
        <translation>Probe-Sync von %1 auf %2 angefordert
</translation>
    </message>
    <message>
        <source>Sync of %1 to %2 requested
</source>
        <translation>Sync von %1 auf %2 angefordert
</translation>
    </message>
    <message>
        <source>Note: %1 differs from the target revision %2: this is a one-off deployment; Argo CD will report %3 OutOfSync until its target revision is changed.
</source>
        <translation>Hinweis: %1 weicht von der Ziel-Revision %2 ab: dies ist ein einmaliges Deployment; Argo CD meldet %3 als OutOfSync, bis die Ziel-Revision geändert wird.
</translation>
    </message>
    <message>
        <source>Follow it with `capstan --cli wait` or `capstan --cli status`.
</source>
        <translation>Mit `capstan --cli wait` oder `capstan --cli status` verfolgen.
</translation>
    </message>
    <message>
        <source>application &apos;%1&apos; health state is Degraded</source>
        <translation>Health-Status der Anwendung &apos;%1&apos; ist Degraded</translation>
    </message>
    <message>
        <source>Application %1: %2, %3
</source>
        <translation>Anwendung %1: %2, %3
</translation>
    </message>
    <message>
        <source>--suspend-auto-sync needs --reason TEXT saying why</source>
        <translation>--suspend-auto-sync braucht --reason TEXT mit einer Begründung</translation>
    </message>
    <message>
        <source>The reason is recorded on the application for everyone who wonders why auto-sync is off.</source>
        <translation>Der Grund wird an der Anwendung erfasst, für alle, die sich fragen, warum Auto-Sync aus ist.</translation>
    </message>
    <message>
        <source>--reason only applies together with --suspend-auto-sync</source>
        <translation>--reason gilt nur zusammen mit --suspend-auto-sync</translation>
    </message>
    <message>
        <source>rollback takes a history id (a number from `capstan --cli history`), not &quot;%1&quot;</source>
        <translation>rollback erwartet eine Verlaufs-ID (eine Zahl aus `capstan --cli history`), nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>application &apos;%1&apos; does not have deployment id &apos;%2&apos; in history</source>
        <translation>Anwendung &apos;%1&apos; hat keine Deployment-ID &apos;%2&apos; im Verlauf</translation>
    </message>
    <message>
        <source>List the deployments with `capstan --cli history`.</source>
        <translation>Die Deployments mit `capstan --cli history` auflisten.</translation>
    </message>
    <message>
        <source>application &apos;%1&apos; should have at least two successful deployments</source>
        <translation>Anwendung &apos;%1&apos; sollte mindestens zwei erfolgreiche Deployments haben</translation>
    </message>
    <message>
        <source>There is no earlier deployment to roll back to.</source>
        <translation>Es gibt kein früheres Deployment, auf das zurückgerollt werden kann.</translation>
    </message>
    <message>
        <source>Rollback of %1
  from: %2
  to:   %3
</source>
        <translation>Rollback von %1
  von: %2
  auf: %3
</translation>
    </message>
    <message>
        <source>Argo CD refuses rollbacks of &apos;%1&apos; while auto-sync is on</source>
        <translation>Argo CD lehnt Rollbacks von &apos;%1&apos; ab, solange Auto-Sync an ist</translation>
    </message>
    <message>
        <source>Auto-sync would undo the rollback at once. Add --suspend-auto-sync --reason TEXT to switch it off first; it stays off until `capstan --cli auto-sync on`.</source>
        <translation>Auto-Sync würde den Rollback sofort rückgängig machen. --suspend-auto-sync --reason TEXT hinzufügen, um ihn zuerst auszuschalten; er bleibt aus bis `capstan --cli auto-sync on`.</translation>
    </message>
    <message>
        <source>rollback needs --yes when standard input is not a terminal</source>
        <translation>rollback braucht --yes, wenn die Standardeingabe kein Terminal ist</translation>
    </message>
    <message>
        <source>Auto-sync is already off; nothing to suspend.
</source>
        <translation>Auto-Sync ist bereits aus; nichts auszusetzen.
</translation>
    </message>
    <message>
        <source>Rollback of %1 to history id %2 (chart %3) requested
</source>
        <translation>Rollback von %1 auf Verlaufs-ID %2 (Chart %3) angefordert
</translation>
    </message>
    <message>
        <source>Auto-sync of %1 stays suspended until `capstan --cli auto-sync on`.
</source>
        <translation>Auto-Sync von %1 bleibt ausgesetzt bis `capstan --cli auto-sync on`.
</translation>
    </message>
    <message>
        <source>The target revision is unchanged (%1), so Argo CD will report %2 OutOfSync.
</source>
        <translation>Die Ziel-Revision ist unverändert (%1), daher meldet Argo CD %2 als OutOfSync.
</translation>
    </message>
    <message>
        <source>Auto-sync of %1 suspended by %2: %3
</source>
        <translation>Auto-Sync von %1 ausgesetzt von %2: %3
</translation>
    </message>
    <message>
        <source>auto-sync off needs --reason TEXT saying why</source>
        <translation>auto-sync off braucht --reason TEXT mit einer Begründung</translation>
    </message>
    <message>
        <source>Auto-sync of %1: %2
</source>
        <translation>Auto-Sync von %1: %2
</translation>
    </message>
    <message>
        <source>Auto-sync of %1 is already on.
</source>
        <translation>Auto-Sync von %1 ist bereits an.
</translation>
    </message>
    <message>
        <source>auto-sync of &apos;%1&apos; is already suspended by %2 since %3: %4</source>
        <translation>Auto-Sync von &apos;%1&apos; ist bereits ausgesetzt von %2 seit %3: %4</translation>
    </message>
    <message>
        <source>Resume it with `capstan --cli auto-sync on` first if you want to record a new reason.</source>
        <translation>Zuerst mit `capstan --cli auto-sync on` fortsetzen, wenn ein neuer Grund erfasst werden soll.</translation>
    </message>
    <message>
        <source>auto-sync of &apos;%1&apos; is already off (manual sync policy); nothing to suspend</source>
        <translation>Auto-Sync von &apos;%1&apos; ist bereits aus (manuelle Sync-Richtlinie); nichts auszusetzen</translation>
    </message>
    <message>
        <source>Enable it with `capstan --cli auto-sync on`.</source>
        <translation>Mit `capstan --cli auto-sync on` einschalten.</translation>
    </message>
    <message>
        <source>Application &apos;%1&apos; operation terminating
</source>
        <translation>Vorgang der Anwendung &apos;%1&apos; wird beendet
</translation>
    </message>
    <message>
        <source>Removes the automated sync policy and keeps it, with the reason, in annotations
on the application, so `auto-sync on` can restore it and everyone sees why.
Recorded in the journal. JSON: {app, autoSync, suspension}.</source>
        <translation>Entfernt die automatische Sync-Richtlinie und bewahrt sie samt Grund in Annotationen
an der Anwendung auf, damit `auto-sync on` sie wiederherstellen kann und alle sehen, warum.
Wird im Journal erfasst. JSON: {app, autoSync, suspension}.</translation>
    </message>
    <message>
        <source>Restores the automated sync policy recorded by `auto-sync off` (or enables plain
auto-sync when nothing was recorded) and clears the suspension annotations.
Argo CD then deploys the target revision (spec.source.targetRevision, as resolved): first it
prints which version that is and warns when it is the version a rollback went back from.
Then it asks for confirmation on a terminal; without a terminal --yes is required (exit 2).
Nothing to ask when auto-sync is on already. Recorded in the journal.
JSON: {app, autoSync, suspension, targetRevision, revision, rolledBackFrom}; rolledBackFrom
is the history entry of the rolled-back version auto-sync deploys again, or null.</source>
        <translation>Stellt die von `auto-sync off` erfasste automatische Sync-Richtlinie wieder her (oder schaltet
einfachen Auto-Sync ein, wenn nichts erfasst wurde) und entfernt die Annotationen des Aussetzens.
Argo CD deployt dann die Ziel-Revision (spec.source.targetRevision, wie aufgelöst): zuerst wird
ausgegeben, welche Version das ist, und gewarnt, wenn ein Rollback von genau dieser Version zurückging.
Dann wird auf einem Terminal nach Bestätigung gefragt; ohne Terminal ist --yes erforderlich (Exit 2).
Keine Rückfrage, wenn Auto-Sync bereits an ist. Wird im Journal erfasst.
JSON: {app, autoSync, suspension, targetRevision, revision, rolledBackFrom}; rolledBackFrom
ist der Verlaufseintrag der zurückgerollten Version, die Auto-Sync erneut deployt, oder null.</translation>
    </message>
    <message>
        <source> (STALE: no heartbeat since %1; break it with `capstan --cli unlock --force --reason TEXT`)</source>
        <translation> (VERALTET: kein Heartbeat seit %1; mit `capstan --cli unlock --force --reason TEXT` aufheben)</translation>
    </message>
    <message>
        <source> (heartbeat %1)</source>
        <translation> (Heartbeat %1)</translation>
    </message>
    <message>
        <source>%1 → %2 (history #%3)</source>
        <translation>%1 → %2 (Verlauf #%3)</translation>
    </message>
    <message>
        <source>%1, operation succeeded</source>
        <translation>%1, Vorgang erfolgreich</translation>
    </message>
    <message>
        <source>%1, accepted by Argo CD</source>
        <translation>%1, von Argo CD angenommen</translation>
    </message>
    <message>
        <source>Roll back %1 to chart %2?</source>
        <translation>%1 auf Chart %2 zurückrollen?</translation>
    </message>
    <message>
        <source>before the rollback to %1</source>
        <translation>vor dem Rollback auf %1</translation>
    </message>
    <message>
        <source>suspended before the rollback to %1</source>
        <translation>vor dem Rollback auf %1 ausgesetzt</translation>
    </message>
    <message>
        <source>WARNING: %1
</source>
        <translation>WARNUNG: %1
</translation>
    </message>
    <message>
        <source>Restore auto-sync of %1 and deploy %2 again?</source>
        <translation>Auto-Sync von %1 wiederherstellen und %2 erneut deployen?</translation>
    </message>
    <message>
        <source>Restore auto-sync of %1?</source>
        <translation>Auto-Sync von %1 wiederherstellen?</translation>
    </message>
    <message>
        <source>auto-sync on needs --yes when standard input is not a terminal</source>
        <translation>auto-sync on braucht --yes, wenn die Standardeingabe kein Terminal ist</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>ausgesetzt</translation>
    </message>
    <message>
        <source>Give up waiting for the operation after SECONDS (exit 1); default: wait as long as it takes (argocd.timeout in capstan.yaml is another thing: how long one request may go without data)</source>
        <translation>Nach SEKUNDEN nicht mehr auf die Operation warten (Exit 1); Standard: so lange warten wie nötig (argocd.timeout in capstan.yaml ist etwas anderes: wie lange eine einzelne Anfrage ohne Daten bleiben darf)</translation>
    </message>
    <message>
        <source>ID is a history id from `history`; without it the previous deployment (history[len-2]) is used.
Prints what runs now and what will run before acting, then asks for confirmation on a
terminal (&quot;n&quot; changes nothing and exits 0); without a terminal --yes is required (exit 2).
Argo CD refuses rollbacks while auto-sync is on (exit 6): --suspend-auto-sync --reason TEXT
switches it off first and records who, when and why; it stays off until
`capstan --cli auto-sync on`. A rollback does not change the target revision, so the
application shows OutOfSync afterwards. Unknown ID: exit 5.
The journal (see `journal`) records the rollback and a suspension: who, when, why and the
outcome (succeeded once Argo CD accepted it, or with --wait once it succeeded; failed; refused).
JSON: {app, from, to, autoSyncSuspended} and, with --wait, phase, message, sync, health.</source>
        <translation>ID ist eine Verlaufs-ID aus `history`; ohne sie wird das vorherige Deployment (history[len-2]) verwendet.
Gibt vor dem Handeln aus, was jetzt läuft und was laufen wird, und fragt dann auf einem
Terminal nach Bestätigung (&quot;n&quot; ändert nichts und endet mit Exit 0); ohne Terminal ist --yes erforderlich (Exit 2).
Argo CD lehnt Rollbacks ab, solange Auto-Sync an ist (Exit 6): --suspend-auto-sync --reason TEXT
schaltet ihn zuerst aus und erfasst, wer, wann und warum; er bleibt aus bis
`capstan --cli auto-sync on`. Ein Rollback ändert die Ziel-Revision nicht, daher zeigt die
Anwendung danach OutOfSync. Unbekannte ID: Exit 5.
Das Journal (siehe `journal`) erfasst den Rollback und ein Aussetzen: wer, wann, warum und das
Ergebnis (succeeded, sobald Argo CD ihn angenommen hat, bzw. mit --wait, sobald er gelungen ist; failed; refused).
JSON: {app, from, to, autoSyncSuspended} und, mit --wait, phase, message, sync, health.</translation>
    </message>
    <message>
        <source>Rollback cancelled; nothing was changed.</source>
        <translation>Rollback abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Auto-sync stays off; nothing was changed.</source>
        <translation>Auto-Sync bleibt aus; es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>capstan::ArgoLoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Log in to Argo CD</source>
        <translation>Bei Argo CD anmelden</translation>
    </message>
    <message>
        <source>Log in to &lt;b&gt;%1&lt;/b&gt; for the application &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Bei &lt;b&gt;%1&lt;/b&gt; für die Anwendung &lt;b&gt;%2&lt;/b&gt; anmelden.</translation>
    </message>
    <message>
        <source>Argo CD rejected the session.</source>
        <translation>Argo CD hat die Sitzung abgelehnt.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Capstan asks Argo CD for a session token and keeps the token, not the password, in the system keychain.</source>
        <translation>Capstan fordert bei Argo CD ein Sitzungstoken an und bewahrt das Token, nicht das Passwort, im Schlüsselbund des Systems auf.</translation>
    </message>
    <message>
        <source>eyJhbGciOi…</source>
        <translation>eyJhbGciOi…</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Paste a token from “argocd account generate-token” or the Argo CD web UI (User Info → Tokens).</source>
        <translation>Ein Token aus „argocd account generate-token“ oder der Argo-CD-Weboberfläche (User Info → Tokens) einfügen.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>%1 is set in the environment and wins over the keychain; unset it to use the token stored here.</source>
        <translation>%1 ist in der Umgebung gesetzt und hat Vorrang vor dem Schlüsselbund; die Variable entfernen, um das hier gespeicherte Token zu verwenden.</translation>
    </message>
    <message>
        <source>No credential store available.</source>
        <translation>Kein Speicher für Zugangsdaten verfügbar.</translation>
    </message>
    <message>
        <source>The token is not an Argo CD token: it must have three parts separated by dots (a JWT).</source>
        <translation>Das Token ist kein Argo-CD-Token: es muss aus drei durch Punkte getrennten Teilen bestehen (ein JWT).</translation>
    </message>
    <message>
        <source>Argo CD silently ignores anything else and answers “no session information”.</source>
        <translation>Argo CD ignoriert alles andere stillschweigend und antwortet „no session information“.</translation>
    </message>
    <message>
        <source>Enter the Argo CD username.</source>
        <translation>Den Argo-CD-Benutzernamen eingeben.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Das Passwort eingeben.</translation>
    </message>
    <message>
        <source>Logging in as %1…</source>
        <translation>Anmeldung als %1…</translation>
    </message>
    <message>
        <source>Login failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The token could not be stored in the keychain: %1</source>
        <translation>Das Token konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>capstan::ArgoStatusBadge</name>
    <message>
        <source>Argo CD</source>
        <translation>Argo CD</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>Beenden…</translation>
    </message>
    <message>
        <source>Stop the running operation in Argo CD (asks first)</source>
        <translation>Den laufenden Vorgang in Argo CD stoppen (mit Rückfrage)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Turn automated sync back on as it was before the suspension</source>
        <translation>Automatischen Sync wieder so einschalten, wie er vor dem Aussetzen war</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>einem unbekannten Zeitpunkt</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemandem</translation>
    </message>
    <message>
        <source>Auto-sync suspended by %1 since %2</source>
        <translation>Auto-Sync ausgesetzt von %1 seit %2</translation>
    </message>
    <message>
        <source>Auto-sync suspended by %1 since %2: %3</source>
        <translation>Auto-Sync ausgesetzt von %1 seit %2: %3</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Sync status of %1 against target %2</source>
        <translation>Sync-Status von %1 gegenüber Ziel %2</translation>
    </message>
    <message>
        <source>nothing deployed</source>
        <translation>nichts deployt</translation>
    </message>
    <message>
        <source>live %1</source>
        <translation>live %1</translation>
    </message>
    <message>
        <source>Chart %1, the version of the newest history entry</source>
        <translation>Chart %1, die Version des neuesten Verlaufseintrags</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Wird abgeschlossen</translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation>Sync: %1</translation>
    </message>
    <message>
        <source>Sync %1: %2</source>
        <translation>Sync %1: %2</translation>
    </message>
    <message>
        <source>longer than usual</source>
        <translation>länger als üblich</translation>
    </message>
</context>
<context>
    <name>capstan::BuildStatusDelegate</name>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Queued (%1)</source>
        <translation>In Warteschlange (%1)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>Fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
</context>
<context>
    <name>capstan::BuildsModel</name>
    <message>
        <source>Not known yet</source>
        <translation>Noch nicht bekannt</translation>
    </message>
    <message>
        <source>Started by %1</source>
        <translation>Gestartet von %1</translation>
    </message>
    <message>
        <source>Completed: %1</source>
        <translation>Abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Not completed: %1</source>
        <translation>Nicht abgeschlossen: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>ChartMuseum has %1</source>
        <translation>ChartMuseum hat %1</translation>
    </message>
    <message>
        <source>ChartMuseum has no version %1</source>
        <translation>ChartMuseum hat keine Version %1</translation>
    </message>
    <message>
        <source>deployed before (history %1)</source>
        <translation>früher deployt (Verlauf %1)</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>früher</translation>
    </message>
    <message>
        <source>%1 is running now</source>
        <translation>%1 läuft gerade</translation>
    </message>
    <message>
        <source>Never deployed (in the kept history)</source>
        <translation>Nie deployt (im aufbewahrten Verlauf)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>CI</source>
        <translation>CI</translation>
    </message>
    <message>
        <source>Chart version</source>
        <translation>Chart-Version</translation>
    </message>
    <message>
        <source>In repository</source>
        <translation>Im Repository</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
</context>
<context>
    <name>capstan::BuildsView</name>
    <message>
        <source>Deploy</source>
        <translation>Deployen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Alle Autoren</translation>
    </message>
    <message>
        <source>Filter by run, commit, message, author or version</source>
        <translation>Nach Lauf, Commit, Nachricht, Autor oder Version filtern</translation>
    </message>
    <message>
        <source>Reload builds, charts and the live state</source>
        <translation>Builds, Charts und den Live-Zustand neu laden</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Autor:</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>Übersteuern…</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>ChartMuseum</source>
        <translation>ChartMuseum</translation>
    </message>
    <message>
        <source>Argo CD</source>
        <translation>Argo CD</translation>
    </message>
    <message>
        <source>no builds can be listed</source>
        <translation>es können keine Builds aufgelistet werden</translation>
    </message>
    <message>
        <source>whether a chart exists is unknown</source>
        <translation>ob ein Chart existiert, ist unbekannt</translation>
    </message>
    <message>
        <source>what is live is unknown and nothing can be deployed</source>
        <translation>was live ist, ist unbekannt, und nichts kann deployt werden</translation>
    </message>
    <message>
        <source>%1 is unavailable: %2</source>
        <translation>%1 ist nicht verfügbar: %2</translation>
    </message>
    <message>
        <source>capstan.yaml has no chart name (chart.name), so no chart version can be looked up</source>
        <translation>capstan.yaml enthält keinen Chart-Namen (chart.name), daher kann keine Chart-Version nachgeschlagen werden</translation>
    </message>
    <message>
        <source>ChartMuseum has no chart %1 yet: no build can be deployed.</source>
        <translation>ChartMuseum hat noch kein Chart %1: kein Build kann deployt werden.</translation>
    </message>
    <message>
        <source>Select a build to deploy</source>
        <translation>Einen Build zum Deployen auswählen</translation>
    </message>
    <message>
        <source>Waiting for Argo CD</source>
        <translation>Warten auf Argo CD</translation>
    </message>
    <message>
        <source>Argo CD is unavailable: %1</source>
        <translation>Argo CD ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Deploy %1</source>
        <translation>%1 deployen</translation>
    </message>
    <message>
        <source>No build selected</source>
        <translation>Kein Build ausgewählt</translation>
    </message>
    <message>
        <source>Select a build to see what deploying it would change.</source>
        <translation>Einen Build auswählen, um zu sehen, was sein Deployment ändern würde.</translation>
    </message>
    <message>
        <source>#%1 · %2</source>
        <translation>#%1 · %2</translation>
    </message>
    <message>
        <source>Argo CD is unavailable, so what is live is unknown: nothing to compare with.</source>
        <translation>Argo CD ist nicht verfügbar, daher ist unbekannt, was live ist: nichts zum Vergleichen.</translation>
    </message>
    <message>
        <source>Waiting for Argo CD to say what is live …</source>
        <translation>Warten, bis Argo CD meldet, was live ist …</translation>
    </message>
    <message>
        <source>Nothing is deployed yet: deploying #%1 installs it for the first time.</source>
        <translation>Noch nichts deployt: das Deployment von #%1 installiert es zum ersten Mal.</translation>
    </message>
    <message>
        <source>Live version %1 was not built by CI (it does not match %2).</source>
        <translation>Live-Version %1 wurde nicht von CI gebaut (sie passt nicht zu %2).</translation>
    </message>
    <message>
        <source>Live version %1 is older than the builds listed here.</source>
        <translation>Live-Version %1 ist älter als die hier aufgelisteten Builds.</translation>
    </message>
    <message>
        <source>GitHub rate limit: %1 of %2 left</source>
        <translation>GitHub-Rate-Limit: %1 von %2 übrig</translation>
    </message>
    <message>
        <source>The limit resets at %1.</source>
        <translation>Das Limit wird um %1 zurückgesetzt.</translation>
    </message>
    <message>
        <source>GitHub rate limit: not reported</source>
        <translation>GitHub-Rate-Limit: nicht gemeldet</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) from the ETag cache</source>
        <translation>
            <numerusform>%n Antwort aus dem ETag-Cache</numerusform>
            <numerusform>%n Antworten aus dem ETag-Cache</numerusform>
        </translation>
    </message>
    <message>
        <source>Unchanged answers (304 Not Modified) do not count against the rate limit.</source>
        <translation>Unveränderte Antworten (304 Not Modified) zählen nicht gegen das Rate-Limit.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n build(s)</source>
        <translation>
            <numerusform>%n Build</numerusform>
            <numerusform>%n Builds</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploy anyway, with a reason that is recorded in the deploy journal</source>
        <translation>Trotzdem bereitstellen, mit einer Begründung, die im Deployment-Journal festgehalten wird</translation>
    </message>
    <message>
        <source>ChartMuseum has no chart %1 yet: the pipeline publishes it with the first deploy.</source>
        <translation>ChartMuseum hat noch kein Chart %1: Die Pipeline veröffentlicht es mit dem ersten Deployment.</translation>
    </message>
    <message>
        <source>Deploying needs a pipeline section in capstan.yaml</source>
        <translation>Zum Bereitstellen ist ein Abschnitt pipeline in capstan.yaml nötig</translation>
    </message>
    <message>
        <source>%1 — deploying needs a pipeline section in capstan.yaml</source>
        <translation>%1 — zum Bereitstellen ist ein Abschnitt pipeline in capstan.yaml nötig</translation>
    </message>
    <message>
        <source>Deploy %1 through the pipeline</source>
        <translation>%1 über die Pipeline bereitstellen</translation>
    </message>
    <message>
        <source>Break lock…</source>
        <translation>Sperre aufheben…</translation>
    </message>
    <message>
        <source>The lock shows no sign of life: remove it, with a reason recorded on the application and in the journal</source>
        <translation>Die Sperre zeigt kein Lebenszeichen: sie entfernen, mit einem Grund, der an der Anwendung und im Journal festgehalten wird</translation>
    </message>
    <message>
        <source>Showing builds from %1: GitHub is unavailable (%2)</source>
        <translation>Builds mit Stand %1 werden angezeigt: GitHub ist nicht verfügbar (%2)</translation>
    </message>
    <message>
        <source>Showing cached builds from %1: GitHub is unavailable (%2)</source>
        <translation>Zwischengespeicherte Builds mit Stand %1 werden angezeigt: GitHub ist nicht verfügbar (%2)</translation>
    </message>
    <message>
        <source>Showing cached builds: GitHub is unavailable (%1)</source>
        <translation>Zwischengespeicherte Builds werden angezeigt: GitHub ist nicht verfügbar (%1)</translation>
    </message>
    <message>
        <source>Builds as GitHub listed them at %1</source>
        <translation>Builds, wie GitHub sie am %1 aufgelistet hat</translation>
    </message>
    <message>
        <source>Locked by %1</source>
        <translation>Gesperrt von %1</translation>
    </message>
    <message>
        <source>Break the deploy lock</source>
        <translation>Deployment-Sperre aufheben</translation>
    </message>
    <message>
        <source>The lock of %1 shows no sign of life:
%2

Why is it safe to break it? The reason is recorded on the application and in the journal.</source>
        <translation>Die Sperre von %1 zeigt kein Lebenszeichen:
%2

Warum kann sie gefahrlos aufgehoben werden? Der Grund wird an der Anwendung und im Journal festgehalten.</translation>
    </message>
    <message>
        <source>broke the lock of %1</source>
        <translation>Sperre von %1 aufgehoben</translation>
    </message>
    <message>
        <source>Cannot break the lock: %1</source>
        <translation>Die Sperre kann nicht aufgehoben werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n cached build(s)</source>
        <translation>
            <numerusform>%n zwischengespeicherter Build</numerusform>
            <numerusform>%n zwischengespeicherte Builds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ChangesPanel</name>
    <message>
        <source>Chart %1 cannot be read: %2</source>
        <translation>Chart %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Open full diff…</source>
        <translation>Vollständigen Diff öffnen…</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Click a commit to open it on GitHub</source>
        <translation>Auf einen Commit klicken, um ihn auf GitHub zu öffnen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>What&apos;s changing</source>
        <translation>Was sich ändert</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Select a build to see what deploying it would change.</source>
        <translation>Einen Build auswählen, um zu sehen, was sein Deployment ändern würde.</translation>
    </message>
    <message>
        <source>What is live is not known, so there is nothing to compare #%1 with.</source>
        <translation>Was live ist, ist nicht bekannt, daher gibt es nichts, womit #%1 verglichen werden kann.</translation>
    </message>
    <message>
        <source>No chart comparison without a live version.</source>
        <translation>Kein Chart-Vergleich ohne Live-Version.</translation>
    </message>
    <message>
        <source>#%1 (%2) is live now: deploying it again changes no code.</source>
        <translation>#%1 (%2) ist jetzt live: ein erneutes Deployment ändert keinen Code.</translation>
    </message>
    <message>
        <source>#%1 built the same commit %2 as live #%3: no code changes.</source>
        <translation>#%1 hat denselben Commit %2 gebaut wie live #%3: keine Code-Änderungen.</translation>
    </message>
    <message>
        <source>GitHub is not available: the commits cannot be listed.</source>
        <translation>GitHub ist nicht verfügbar: die Commits können nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Comparing live %1 with %2 …</source>
        <translation>Live %1 wird mit %2 verglichen …</translation>
    </message>
    <message>
        <source>#%1 has the same code as live #%2: no commits change.</source>
        <translation>#%1 hat denselben Code wie live #%2: keine Commits ändern sich.</translation>
    </message>
    <message numerus="yes">
        <source>Rollback: #%1 is older than live #%2. Deploying it removes %n commit(s):</source>
        <translation>
            <numerusform>Rollback: #%1 ist älter als live #%2. Das Deployment entfernt %n Commit:</numerusform>
            <numerusform>Rollback: #%1 ist älter als live #%2. Das Deployment entfernt %n Commits:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deploying #%1 over live #%2 adds %n commit(s):</source>
        <translation>
            <numerusform>Das Deployment von #%1 über live #%2 fügt %n Commit hinzu:</numerusform>
            <numerusform>Das Deployment von #%1 über live #%2 fügt %n Commits hinzu:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The histories diverged: %n commit(s) of live are not in #%1 and would be removed.</source>
        <translation>
            <numerusform>Die Verläufe sind auseinandergelaufen: %n Commit von live ist nicht in #%1 und würde entfernt.</numerusform>
            <numerusform>Die Verläufe sind auseinandergelaufen: %n Commits von live sind nicht in #%1 und würden entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The commits could not be compared.</source>
        <translation>Die Commits konnten nicht verglichen werden.</translation>
    </message>
    <message>
        <source>Unknown: what is live is not known</source>
        <translation>Unbekannt: was live ist, ist nicht bekannt</translation>
    </message>
    <message>
        <source>Comparing with live %1 …</source>
        <translation>Vergleich mit live %1 …</translation>
    </message>
    <message numerus="yes">
        <source>%n commit(s) added since live %1</source>
        <translation>
            <numerusform>%n Commit hinzugekommen seit live %1</numerusform>
            <numerusform>%n Commits hinzugekommen seit live %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollback from live %1: %n commit(s) removed</source>
        <translation>
            <numerusform>Rollback von live %1: %n Commit entfernt</numerusform>
            <numerusform>Rollback von live %1: %n Commits entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>No code changes against live %1</source>
        <translation>Keine Code-Änderungen gegenüber live %1</translation>
    </message>
    <message>
        <source>The commits could not be compared with live %1</source>
        <translation>Die Commits konnten nicht mit live %1 verglichen werden</translation>
    </message>
    <message>
        <source>Same chart version %1 as live.</source>
        <translation>Gleiche Chart-Version %1 wie live.</translation>
    </message>
    <message>
        <source>ChartMuseum is not available: no chart comparison.</source>
        <translation>ChartMuseum ist nicht verfügbar: kein Chart-Vergleich.</translation>
    </message>
    <message>
        <source>No chart comparison: ChartMuseum has no %1.</source>
        <translation>Kein Chart-Vergleich: ChartMuseum hat kein %1.</translation>
    </message>
    <message>
        <source>Downloading charts %1 and %2 …</source>
        <translation>Charts %1 und %2 werden heruntergeladen …</translation>
    </message>
    <message>
        <source>The charts could not be compared: %1</source>
        <translation>Die Charts konnten nicht verglichen werden: %1</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message numerus="yes">
        <source>Chart %1 → %2: %n file(s) changed (%3 added, %4 removed, %5 modified), +%6 −%7</source>
        <translation>
            <numerusform>Chart %1 → %2: %n Datei geändert (%3 hinzugefügt, %4 entfernt, %5 geändert), +%6 −%7</numerusform>
            <numerusform>Chart %1 → %2: %n Dateien geändert (%3 hinzugefügt, %4 entfernt, %5 geändert), +%6 −%7</numerusform>
        </translation>
    </message>
    <message>
        <source>ChartMuseum is not available</source>
        <translation>ChartMuseum ist nicht verfügbar</translation>
    </message>
    <message>
        <source>Chart %1 → %2</source>
        <translation>Chart %1 → %2</translation>
    </message>
</context>
<context>
    <name>capstan::ChartCommands</name>
    <message>
        <source>List the charts in ChartMuseum with their number of versions and newest version</source>
        <translation>Charts in ChartMuseum auflisten, mit Anzahl der Versionen und neuester Version</translation>
    </message>
    <message>
        <source>LATEST is the highest version by SemVer precedence, prereleases included: the builds CI publishes
(1.0.0-&lt;run&gt;) are prereleases. JSON: an array of {name, versions, latest}, sorted by name.</source>
        <translation>NEUESTE ist die höchste Version nach SemVer-Rangfolge, Vorabversionen eingeschlossen: die Builds,
die CI veröffentlicht (1.0.0-&lt;run&gt;), sind Vorabversionen.
JSON: ein Array von {name, versions, latest}, nach Name sortiert.</translation>
    </message>
    <message>
        <source>List the versions of a chart, newest first</source>
        <translation>Versionen eines Charts auflisten, die neueste zuerst</translation>
    </message>
    <message>
        <source>Only versions in this SemVer range, e.g. &quot;~1.2&quot; or &quot;&gt;=1.0.0-0 &lt;2&quot;; as in Helm, a prerelease matches only a range that names one</source>
        <translation>Nur Versionen in diesem SemVer-Bereich, z. B. &quot;~1.2&quot; oder &quot;&gt;=1.0.0-0 &lt;2&quot;; wie bei Helm passt eine Vorabversion nur zu einem Bereich, der selbst eine nennt</translation>
    </message>
    <message>
        <source>At most N versions (the newest)</source>
        <translation>Höchstens N Versionen (die neuesten)</translation>
    </message>
    <message>
        <source>Leave out prereleases (CI builds 1.0.0-&lt;run&gt; are prereleases)</source>
        <translation>Vorabversionen weglassen (CI-Builds 1.0.0-&lt;run&gt; sind Vorabversionen)</translation>
    </message>
    <message>
        <source>All versions are listed by default, prereleases included, since every CI build is one.
JSON: an array of {name, version, appVersion, created (RFC 3339, UTC), digest (sha256)}.</source>
        <translation>Standardmäßig werden alle Versionen aufgelistet, Vorabversionen eingeschlossen, denn jeder
CI-Build ist eine.
JSON: ein Array von {name, version, appVersion, created (RFC 3339, UTC), digest (sha256)}.</translation>
    </message>
    <message>
        <source>Show a chart version: metadata, files with sizes, and values.yaml</source>
        <translation>Chart-Version anzeigen: Metadaten, Dateien mit Größen und values.yaml</translation>
    </message>
    <message>
        <source>VERSION is an exact version, a range the server resolves (e.g. &quot;~1.2&quot;), or &quot;latest&quot;: the newest
version, prereleases included, as `charts` shows it. The package is downloaded, checked against its
sha256 digest and read with Helm&apos;s loader rules.
JSON: {name, version, appVersion, description, created, digest, chartYaml, values,
files: [{path, size}]}.</source>
        <translation>VERSION ist eine exakte Version, ein Bereich, den der Server auflöst (z. B. &quot;~1.2&quot;), oder
&quot;latest&quot;: die neueste Version, Vorabversionen eingeschlossen, so wie `charts` sie anzeigt.
Das Paket wird heruntergeladen, gegen seinen sha256-Digest geprüft und nach den Laderegeln
von Helm gelesen.
JSON: {name, version, appVersion, description, created, digest, chartYaml, values,
files: [{path, size}]}.</translation>
    </message>
    <message>
        <source>Download a chart version&apos;s package (.tgz), checked against its digest</source>
        <translation>Paket (.tgz) einer Chart-Version herunterladen, gegen den Digest geprüft</translation>
    </message>
    <message>
        <source>Write into DIR (created if needed) instead of the current directory</source>
        <translation>In DIR schreiben (wird bei Bedarf angelegt) statt ins aktuelle Verzeichnis</translation>
    </message>
    <message>
        <source>Replace an existing file with different content</source>
        <translation>Eine vorhandene Datei mit anderem Inhalt ersetzen</translation>
    </message>
    <message>
        <source>Writes DIR/&lt;name&gt;-&lt;version&gt;.tgz atomically: the bytes are checked against the sha256 digest the
server lists, written to a temporary file and renamed into place, so an interrupted pull never
leaves a partial file. An existing file with the same content is left as it is (exit 0); one with
different content is a conflict (exit 6) unless --force is given.
VERSION is resolved as for `show`. JSON: {file, digest, size}.</source>
        <translation>Schreibt DIR/&lt;name&gt;-&lt;version&gt;.tgz atomar: Die Bytes werden gegen den sha256-Digest geprüft,
den der Server angibt, in eine temporäre Datei geschrieben und dann an ihren Platz umbenannt,
sodass ein abgebrochener Pull nie eine halbe Datei hinterlässt. Eine vorhandene Datei mit
gleichem Inhalt bleibt unverändert (Exit 0); eine mit anderem Inhalt ist ein Konflikt (Exit 6),
außer mit --force.
VERSION wird wie bei `show` aufgelöst. JSON: {file, digest, size}.</translation>
    </message>
    <message>
        <source>No charts in %1.</source>
        <translation>Keine Charts in %1.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>VERSIONS</source>
        <translation>VERSIONEN</translation>
    </message>
    <message>
        <source>LATEST</source>
        <translation>NEUESTE</translation>
    </message>
    <message>
        <source>invalid --range &quot;%1&quot;: %2</source>
        <translation>ungültiger Wert für --range &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Ranges look like &quot;~1.2&quot;, &quot;&gt;=1.0.0 &lt;2.0.0&quot; or &quot;1.0.0-0 - 1.0.0-999&quot;.</source>
        <translation>Bereiche sehen so aus: &quot;~1.2&quot;, &quot;&gt;=1.0.0 &lt;2.0.0&quot; oder &quot;1.0.0-0 - 1.0.0-999&quot;.</translation>
    </message>
    <message>
        <source>invalid --limit &quot;%1&quot;: expected a whole number of at least 1</source>
        <translation>ungültiger Wert für --limit &quot;%1&quot;: erwartet wird eine ganze Zahl ab 1</translation>
    </message>
    <message>
        <source>%1 has no versions.</source>
        <translation>%1 hat keine Versionen.</translation>
    </message>
    <message>
        <source>No version of %1 matches.</source>
        <translation>Keine Version von %1 passt.</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>APP VERSION</source>
        <translation>APP-VERSION</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>ERSTELLT</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>DIGEST</translation>
    </message>
    <message>
        <source>%1 has no versions</source>
        <translation>%1 hat keine Versionen</translation>
    </message>
    <message>
        <source>%1 %2 is not a valid chart package: %3</source>
        <translation>%1 %2 ist kein gültiges Chart-Paket: %3</translation>
    </message>
    <message>
        <source>The package on the server is damaged; publish it again.</source>
        <translation>Das Paket auf dem Server ist beschädigt; bitte erneut veröffentlichen.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>App version:</source>
        <translation>App-Version:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Digest:</source>
        <translation>Digest:</translation>
    </message>
    <message>
        <source>Files (%1, %2 bytes):</source>
        <translation>Dateien (%1, %2 Bytes):</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>GRÖSSE</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>values.yaml:</source>
        <translation>values.yaml:</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>-d/--dir needs a directory, not an empty string</source>
        <translation>-d/--dir braucht ein Verzeichnis, keine leere Zeichenkette</translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 ist kein Verzeichnis</translation>
    </message>
    <message>
        <source>-d/--dir names the directory to write the package into.</source>
        <translation>-d/--dir gibt das Verzeichnis an, in das das Paket geschrieben wird.</translation>
    </message>
    <message>
        <source>Refusing to write &quot;%1&quot;: the chart name or version from the server is not a plain file name</source>
        <translation>&quot;%1&quot; wird nicht geschrieben: der Chart-Name oder die Version vom Server ist kein einfacher Dateiname</translation>
    </message>
    <message>
        <source>Cannot create the directory %1</source>
        <translation>Das Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Check the path and its permissions.</source>
        <translation>Pfad und Berechtigungen prüfen.</translation>
    </message>
    <message>
        <source>%1 exists and is not a regular file</source>
        <translation>%1 existiert und ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>Move it away or choose another directory with -d.</source>
        <translation>Die Datei woandershin verschieben oder mit -d ein anderes Verzeichnis wählen.</translation>
    </message>
    <message>
        <source>Cannot read the existing %1: %2</source>
        <translation>Die vorhandene Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 already exists with different content</source>
        <translation>%1 existiert bereits mit anderem Inhalt</translation>
    </message>
    <message>
        <source>Pass --force to replace it, or pull into another directory with -d.</source>
        <translation>Mit --force ersetzen oder mit -d in ein anderes Verzeichnis laden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Check free space and permissions; nothing was changed.</source>
        <translation>Freien Speicherplatz und Berechtigungen prüfen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>%1 is already up to date (%2 bytes, sha256:%3)</source>
        <translation>%1 ist bereits aktuell (%2 Bytes, sha256:%3)</translation>
    </message>
    <message>
        <source>Saved %1 (%2 bytes, sha256:%3)</source>
        <translation>%1 gespeichert (%2 Bytes, sha256:%3)</translation>
    </message>
</context>
<context>
    <name>capstan::ChartListModel</name>
    <message numerus="yes">
        <source>%n version(s), newest %1</source>
        <translation>
            <numerusform>%n Version, neueste %1</numerusform>
            <numerusform>%n Versionen, neueste %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>capstan::ChartMuseumClient</name>
    <message>
        <source>ChartMuseum sent an answer of the wrong shape: %1</source>
        <translation>ChartMuseum hat eine Antwort mit falscher Struktur gesendet: %1</translation>
    </message>
    <message>
        <source>Check that the URL points at a ChartMuseum server.</source>
        <translation>Prüfen, ob die URL auf einen ChartMuseum-Server zeigt.</translation>
    </message>
    <message>
        <source>the versions of &quot;%1&quot;</source>
        <translation>Versionen von &quot;%1&quot;</translation>
    </message>
    <message>
        <source>ChartMuseum lists no download URL for %1 %2</source>
        <translation>ChartMuseum nennt keine Download-URL für %1 %2</translation>
    </message>
    <message>
        <source>ChartMuseum lists no digest for %1; refusing an unverified download</source>
        <translation>ChartMuseum nennt keinen Digest für %1; ein ungeprüfter Download wird abgelehnt</translation>
    </message>
    <message>
        <source>The download of %1 does not match its digest (expected sha256 %2, got %3 for %4 bytes)</source>
        <translation>Der Download von %1 passt nicht zu seinem Digest (erwartet sha256 %2, erhalten %3 für %4 Bytes)</translation>
    </message>
    <message>
        <source>The file was cut short or changed on the server; try again, and check the repository if it persists.</source>
        <translation>Die Datei wurde abgeschnitten oder auf dem Server verändert; erneut versuchen und, falls es bestehen bleibt, das Repository prüfen.</translation>
    </message>
    <message>
        <source>/health has no boolean &quot;healthy&quot; field</source>
        <translation>/health hat kein boolesches Feld &quot;healthy&quot;</translation>
    </message>
    <message>
        <source>The request failed unexpectedly.</source>
        <translation>Die Anfrage ist unerwartet fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The package is %1 bytes; ChartMuseum accepts at most %2 bytes (20 MiB) per upload</source>
        <translation>Das Paket ist %1 Bytes groß; ChartMuseum nimmt pro Upload höchstens %2 Bytes (20 MiB) an</translation>
    </message>
    <message>
        <source>Nothing was sent. Keep large files out of the chart (.helmignore) and package it again.</source>
        <translation>Es wurde nichts gesendet. Große Dateien aus dem Chart heraushalten (.helmignore) und es neu paketieren.</translation>
    </message>
    <message>
        <source>Not a chart package: %1</source>
        <translation>Kein Chart-Paket: %1</translation>
    </message>
    <message>
        <source>Nothing was sent. Publish a .tgz made by `capstan --cli package` or `helm package`.</source>
        <translation>Es wurde nichts gesendet. Eine .tgz veröffentlichen, die mit `capstan --cli package` oder `helm package` erstellt wurde.</translation>
    </message>
    <message>
        <source>%1 %2 already exists in the repository</source>
        <translation>%1 %2 existiert bereits im Repository</translation>
    </message>
    <message>
        <source>The server refused to overwrite it although --force was given: it was started with --disable-force-overwrite. Publish a new version instead.</source>
        <translation>Der Server hat das Überschreiben trotz --force abgelehnt: er wurde mit --disable-force-overwrite gestartet. Stattdessen eine neue Version veröffentlichen.</translation>
    </message>
    <message>
        <source>--force overwrites it where the server allows (it refuses when started with --disable-force-overwrite)</source>
        <translation>--force überschreibt die Version, wenn der Server es erlaubt (er lehnt ab, wenn er mit --disable-force-overwrite gestartet wurde)</translation>
    </message>
    <message>
        <source>The server&apos;s --max-upload-size is smaller than this package (%1 bytes).</source>
        <translation>Die --max-upload-size des Servers ist kleiner als dieses Paket (%1 Bytes).</translation>
    </message>
    <message>
        <source>Uploading %1 %2</source>
        <translation>Hochladen von %1 %2</translation>
    </message>
    <message>
        <source>%1 was uploaded, but reading it back failed</source>
        <translation>%1 wurde hochgeladen, aber das Zurücklesen ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 was uploaded, but the server lists it with sha256 %2 instead of %3</source>
        <translation>%1 wurde hochgeladen, aber der Server führt es mit sha256 %2 statt %3</translation>
    </message>
    <message>
        <source>Another upload may have replaced it at the same moment, or the server stored something else; check it with `capstan --cli show`.</source>
        <translation>Möglicherweise hat ein anderer Upload es im selben Moment ersetzt, oder der Server hat etwas anderes gespeichert; mit `capstan --cli show` prüfen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 was uploaded, but the server does not list it after %n look-up(s)</source>
        <translation>
            <numerusform>%1 wurde hochgeladen, aber der Server führt es nach %n Abfrage nicht auf</numerusform>
            <numerusform>%1 wurde hochgeladen, aber der Server führt es nach %n Abfragen nicht auf</numerusform>
        </translation>
    </message>
    <message>
        <source>The server&apos;s index may be stale; check it with `capstan --cli versions %1`.</source>
        <translation>Der Index des Servers ist vielleicht veraltet; mit `capstan --cli versions %1` prüfen.</translation>
    </message>
    <message>
        <source>Deleting needs a chart name and an exact version</source>
        <translation>Zum Löschen werden ein Chart-Name und eine exakte Version benötigt</translation>
    </message>
    <message>
        <source>%1 does not exist in the repository</source>
        <translation>%1 existiert nicht im Repository</translation>
    </message>
    <message>
        <source>List the versions with `capstan --cli versions %1`.</source>
        <translation>Die Versionen mit `capstan --cli versions %1` auflisten.</translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation>Löschen von %1</translation>
    </message>
    <message>
        <source>The server does not allow deletes (started with --disable-delete); %1 is still there</source>
        <translation>Der Server erlaubt kein Löschen (gestartet mit --disable-delete); %1 ist noch vorhanden</translation>
    </message>
    <message>
        <source>Ask the server&apos;s administrator to restart ChartMuseum without --disable-delete.</source>
        <translation>Den Administrator des Servers bitten, ChartMuseum ohne --disable-delete neu zu starten.</translation>
    </message>
    <message>
        <source>Checking whether the server allows deletes</source>
        <translation>Prüfen, ob der Server Löschen erlaubt</translation>
    </message>
    <message>
        <source>%1 %2 is there with sha256 %3, not %4</source>
        <translation>%1 %2 ist mit sha256 %3 vorhanden, nicht %4</translation>
    </message>
    <message>
        <source>Whether the server stored it is unknown (%1); check with `capstan --cli versions %2`.</source>
        <translation>Ob der Server es gespeichert hat, ist unbekannt (%1); mit `capstan --cli versions %2` prüfen.</translation>
    </message>
    <message numerus="yes">
        <source>Tried %n time(s).</source>
        <translation>
            <numerusform>Nach %n Versuch.</numerusform>
            <numerusform>Nach %n Versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no chart API (no such route)</source>
        <translation>%1 hat keine Chart-API (keine solche Route)</translation>
    </message>
    <message>
        <source>Check chartmuseum.url and chartmuseum.repo in capstan.yaml; a server started with --disable-api has none.</source>
        <translation>chartmuseum.url und chartmuseum.repo in capstan.yaml prüfen; ein mit --disable-api gestarteter Server hat keine.</translation>
    </message>
    <message>
        <source>There is no chart %1 in %2</source>
        <translation>In %2 gibt es kein Chart %1</translation>
    </message>
    <message>
        <source>`capstan --cli charts` lists the charts there.</source>
        <translation>`capstan --cli charts` listet die Charts dort auf.</translation>
    </message>
    <message>
        <source>Chart %1 has no version %2 in %3</source>
        <translation>Chart %1 hat in %3 keine Version %2</translation>
    </message>
    <message>
        <source>`capstan --cli versions %1` lists them.</source>
        <translation>`capstan --cli versions %1` listet sie auf.</translation>
    </message>
</context>
<context>
    <name>capstan::ChartMuseumServer</name>
    <message>
        <source>The ChartMuseum server is already listening on port %1.</source>
        <translation>Der ChartMuseum-Server lauscht bereits auf Port %1.</translation>
    </message>
</context>
<context>
    <name>capstan::ChartVersionsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>App-Version</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
</context>
<context>
    <name>capstan::ChartsView</name>
    <message>
        <source>No chartmuseum section in capstan.yaml — open Settings to add the server.</source>
        <translation>Kein chartmuseum-Abschnitt in capstan.yaml — die Einstellungen öffnen, um den Server hinzuzufügen.</translation>
    </message>
    <message>
        <source>ChartMuseum is not configured</source>
        <translation>ChartMuseum ist nicht eingerichtet</translation>
    </message>
    <message>
        <source>Connecting to ChartMuseum</source>
        <translation>Verbindung zu ChartMuseum wird hergestellt</translation>
    </message>
    <message>
        <source>ChartMuseum cannot be used</source>
        <translation>ChartMuseum kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>Loading charts</source>
        <translation>Charts werden geladen</translation>
    </message>
    <message>
        <source>Reading the repository at %1 …</source>
        <translation>Repository unter %1 wird gelesen …</translation>
    </message>
    <message>
        <source>The repository is empty</source>
        <translation>Das Repository ist leer</translation>
    </message>
    <message>
        <source>%1 holds no charts yet. Publish one (for example with helm cm-push), then refresh with F5.</source>
        <translation>%1 enthält noch keine Charts. Eines veröffentlichen (zum Beispiel mit helm cm-push) und dann mit F5 aktualisieren.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Could not load the charts: %1</source>
        <translation>Die Charts konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Server offline</source>
        <translation>Server offline</translation>
    </message>
    <message>
        <source>No charts loaded</source>
        <translation>Keine Charts geladen</translation>
    </message>
    <message>
        <source>Retry when the server is back, or check the server URL in Settings.</source>
        <translation>Erneut versuchen, sobald der Server wieder da ist, oder die Server-URL in den Einstellungen prüfen.</translation>
    </message>
    <message>
        <source>%1 of %2 in range</source>
        <translation>%1 von %2 im Bereich</translation>
    </message>
    <message>
        <source>%1 of %2 match</source>
        <translation>%1 von %2 passend</translation>
    </message>
    <message>
        <source>Versions of %1</source>
        <translation>Versionen von %1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <source>The archive of %1 %2 cannot be read: %3</source>
        <translation>Das Archiv von %1 %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>The chart in the repository is damaged; publish it again.</source>
        <translation>Das Chart im Repository ist beschädigt; bitte erneut veröffentlichen.</translation>
    </message>
    <message>
        <source>Downloading %1 failed: %2</source>
        <translation>Download von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 empfangen</translation>
    </message>
    <message>
        <source># This chart has no values.yaml</source>
        <translation># Dieses Chart hat keine values.yaml</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Compare the selected version with another one (Ctrl+D)</source>
        <translation>Die ausgewählte Version mit einer anderen vergleichen (Strg+D)</translation>
    </message>
    <message>
        <source>Upload chart…</source>
        <translation>Chart hochladen…</translation>
    </message>
    <message>
        <source>Upload a chart package (.tgz) to ChartMuseum</source>
        <translation>Ein Chart-Paket (.tgz) nach ChartMuseum hochladen</translation>
    </message>
    <message>
        <source>Upload chart directory…</source>
        <translation>Chart-Verzeichnis hochladen…</translation>
    </message>
    <message>
        <source>Package a chart directory and upload it to ChartMuseum</source>
        <translation>Ein Chart-Verzeichnis paketieren und nach ChartMuseum hochladen</translation>
    </message>
    <message>
        <source>Delete version</source>
        <translation>Version löschen</translation>
    </message>
    <message>
        <source>Delete %1 %2 from ChartMuseum</source>
        <translation>%1 %2 aus ChartMuseum löschen</translation>
    </message>
    <message>
        <source>Delete the selected version from ChartMuseum</source>
        <translation>Die ausgewählte Version aus ChartMuseum löschen</translation>
    </message>
    <message>
        <source>Compare %1 %2</source>
        <translation>%1 %2 vergleichen</translation>
    </message>
    <message>
        <source>Compare %1 %2 with:</source>
        <translation>%1 %2 vergleichen mit:</translation>
    </message>
    <message>
        <source>%1 has no version %2</source>
        <translation>%1 hat keine Version %2</translation>
    </message>
    <message>
        <source>Downloading %1 %2 and %3 …</source>
        <translation>%1 %2 und %3 werden heruntergeladen …</translation>
    </message>
    <message>
        <source>Comparing %1 and %2 …</source>
        <translation>%1 und %2 werden verglichen …</translation>
    </message>
    <message>
        <source>Upload chart package</source>
        <translation>Chart-Paket hochladen</translation>
    </message>
    <message>
        <source>Chart packages (*.tgz);;All files (*)</source>
        <translation>Chart-Pakete (*.tgz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Upload chart directory</source>
        <translation>Chart-Verzeichnis hochladen</translation>
    </message>
    <message>
        <source>Cannot package %1: %2</source>
        <translation>%1 kann nicht paketiert werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>%1 wird hochgeladen</translation>
    </message>
    <message>
        <source>Uploaded %1 %2</source>
        <translation>%1 %2 hochgeladen</translation>
    </message>
    <message>
        <source>Version exists</source>
        <translation>Version existiert bereits</translation>
    </message>
    <message>
        <source>%1

Overwrite the version on the server with %2?</source>
        <translation>%1

Die Version auf dem Server mit %2 überschreiben?</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>Upload of %1 failed: %2</source>
        <translation>Hochladen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Delete %1 %2 from %3?

Deployments that use this version can no longer be synced. This cannot be undone.</source>
        <translation>%1 %2 aus %3 löschen?

Deployments, die diese Version verwenden, können nicht mehr gesynct werden. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete %1 %2</source>
        <translation>%1 %2 löschen</translation>
    </message>
    <message>
        <source>Deleted %1 %2</source>
        <translation>%1 %2 gelöscht</translation>
    </message>
    <message>
        <source>Deleting %1 %2 failed: %3</source>
        <translation>Löschen von %1 %2 fehlgeschlagen: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n Version</numerusform>
            <numerusform>%n Versionen</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing charts from %1: %2</source>
        <translation>Charts mit Stand %1 werden angezeigt: %2</translation>
    </message>
</context>
<context>
    <name>capstan::CliSession</name>
    <message>
        <source>Cannot start the sandbox: %1</source>
        <translation>Die Sandbox kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>%1: the configuration is not a regular file</source>
        <translation>%1: die Konfiguration ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1: no such configuration file</source>
        <translation>%1: Konfigurationsdatei nicht vorhanden</translation>
    </message>
    <message>
        <source>Check the path given to --config.</source>
        <translation>Den bei --config angegebenen Pfad prüfen.</translation>
    </message>
    <message>
        <source>No configuration file: looked for %1 and %2</source>
        <translation>Keine Konfigurationsdatei gefunden: gesucht in %1 und %2</translation>
    </message>
    <message>
        <source>Pass --config FILE, create capstan.yaml, or try --sandbox.</source>
        <translation>--config FILE angeben, capstan.yaml anlegen oder --sandbox ausprobieren.</translation>
    </message>
    <message>
        <source>Fix the configuration file, or pass another one with --config FILE.</source>
        <translation>Die Konfigurationsdatei korrigieren oder mit --config FILE eine andere angeben.</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>Unexpected failure: %1</source>
        <translation>Unerwarteter Fehler: %1</translation>
    </message>
    <message>
        <source>Nothing was changed. Run it again with --yes to confirm.</source>
        <translation>Es wurde nichts geändert. Zum Bestätigen erneut mit --yes ausführen.</translation>
    </message>
</context>
<context>
    <name>capstan::ClientFactory</name>
    <message>
        <source>capstan.yaml</source>
        <translation>capstan.yaml</translation>
    </message>
    <message>
        <source>%1 has no &quot;chartmuseum&quot; section</source>
        <translation>%1 hat keinen Abschnitt &quot;chartmuseum&quot;</translation>
    </message>
    <message>
        <source>Add one, e.g.
  chartmuseum: { url: https://charts.example.net, username: admin }</source>
        <translation>Einen hinzufügen, z. B.
  chartmuseum: { url: https://charts.example.net, username: admin }</translation>
    </message>
    <message>
        <source>ChartMuseum user is set but its password is missing</source>
        <translation>Für ChartMuseum ist ein Benutzer gesetzt, aber das Passwort fehlt</translation>
    </message>
    <message>
        <source>%1 has no &quot;argocd&quot; section</source>
        <translation>%1 hat keinen Abschnitt &quot;argocd&quot;</translation>
    </message>
    <message>
        <source>Add one, e.g.
  argocd: { url: https://argocd.example.net, app: my-app, username: admin }</source>
        <translation>Einen hinzufügen, z. B.
  argocd: { url: https://argocd.example.net, app: my-app, username: admin }</translation>
    </message>
    <message>
        <source>Argo CD login failed</source>
        <translation>Anmeldung bei Argo CD fehlgeschlagen</translation>
    </message>
    <message>
        <source>No Argo CD token and no password for argocd.username: %1</source>
        <translation>Kein Argo-CD-Token und kein Passwort für argocd.username: %1</translation>
    </message>
    <message>
        <source>Run `capstan --cli credentials set argocd-password`, or set %1 (password) or %2 (token).</source>
        <translation>`capstan --cli credentials set argocd-password` ausführen oder %1 (Passwort) bzw. %2 (Token) setzen.</translation>
    </message>
    <message>
        <source>Run `capstan --cli credentials set argocd` with an Argo CD token, set %1, or set argocd.username in capstan.yaml to log in with a password.</source>
        <translation>`capstan --cli credentials set argocd` mit einem Argo-CD-Token ausführen, %1 setzen oder argocd.username in capstan.yaml setzen, um sich mit einem Passwort anzumelden.</translation>
    </message>
    <message>
        <source>No Argo CD token</source>
        <translation>Kein Argo-CD-Token</translation>
    </message>
    <message>
        <source>Cannot read the Argo CD token</source>
        <translation>Das Argo-CD-Token kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 has no &quot;github&quot; section</source>
        <translation>%1 hat keinen Abschnitt &quot;github&quot;</translation>
    </message>
    <message>
        <source>Add one, e.g.
  github: { repo: owner/name, workflow: ci.yml, branch: main }</source>
        <translation>Einen hinzufügen, z. B.
  github: { repo: owner/name, workflow: ci.yml, branch: main }</translation>
    </message>
    <message>
        <source>%1: github.repo is missing</source>
        <translation>%1: github.repo fehlt</translation>
    </message>
    <message>
        <source>Set it to the repository as owner/name, e.g. homelab/torvalds.</source>
        <translation>Auf das Repository als Besitzer/Name setzen, z. B. homelab/torvalds.</translation>
    </message>
    <message>
        <source>%1: github.repo &quot;%2&quot; is not of the form owner/name</source>
        <translation>%1: github.repo &quot;%2&quot; hat nicht die Form Besitzer/Name</translation>
    </message>
    <message>
        <source>%1: github.url &quot;%2&quot; is not an http(s) URL</source>
        <translation>%1: github.url &quot;%2&quot; ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>Use https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.</source>
        <translation>https://api.github.com verwenden oder https://HOST/api/v3 für GitHub Enterprise Server.</translation>
    </message>
    <message>
        <source>Cannot read the GitHub token</source>
        <translation>Das GitHub-Token kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>capstan::CredentialCommands</name>
    <message>
        <source>Store a secret in the OS keychain, read from standard input</source>
        <translation>Secret von der Standardeingabe im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>NAME is one of %1. The secret is read from standard input, never from the command line (which
other users can see); one trailing newline is dropped, and an empty secret is refused. From a
terminal it is read without echo. The secret is stored under service &quot;capstan&quot; and never printed.
An environment variable (e.g. CAPSTAN_CHARTMUSEUM_PASSWORD) takes precedence over the keychain.</source>
        <translation>NAME ist einer von %1. Das Secret wird von der Standardeingabe gelesen, nie von der
Befehlszeile (die andere Benutzer sehen können); ein abschließender Zeilenumbruch wird
entfernt, ein leeres Secret abgelehnt. Von einem Terminal wird es ohne Echo gelesen. Das Secret
wird unter dem Dienst &quot;capstan&quot; gespeichert und nie ausgegeben.
Eine Umgebungsvariable (z. B. CAPSTAN_CHARTMUSEUM_PASSWORD) hat Vorrang vor dem Schlüsselbund.</translation>
    </message>
    <message>
        <source>Say whether a secret is available and where from (never prints it)</source>
        <translation>Zeigen, ob ein Secret verfügbar ist und woher (gibt es nie aus)</translation>
    </message>
    <message>
        <source>NAME is one of %1. Reports &quot;environment&quot; when its environment variable is set (it wins), else
&quot;keychain&quot; when the OS keychain holds it. Exit 0 when found, 5 when not.
JSON: {name, found, source (&quot;environment&quot;, &quot;keychain&quot; or null), variable, service}.</source>
        <translation>NAME ist einer von %1. Meldet &quot;environment&quot;, wenn die zugehörige Umgebungsvariable gesetzt ist
(sie hat Vorrang), sonst &quot;keychain&quot;, wenn der Schlüsselbund des Betriebssystems das Secret
enthält. Exit 0, wenn gefunden, sonst 5.
JSON: {name, found, source (&quot;environment&quot;, &quot;keychain&quot; oder null), variable, service}.</translation>
    </message>
    <message>
        <source>Delete a secret from the OS keychain</source>
        <translation>Secret aus dem Schlüsselbund des Systems löschen</translation>
    </message>
    <message>
        <source>NAME is one of %1. Exit 5 when the keychain holds no such secret. An environment variable that
provides the same secret is not affected.</source>
        <translation>NAME ist einer von %1. Exit 5, wenn der Schlüsselbund kein solches Secret enthält.
Eine Umgebungsvariable, die dasselbe Secret liefert, bleibt unberührt.</translation>
    </message>
    <message>
        <source>unknown credential name: expected one of %1</source>
        <translation>unbekannter Name für Zugangsdaten: erwartet einer von %1</translation>
    </message>
    <message>
        <source>credentials commands manage the OS keychain, which the sandbox never uses</source>
        <translation>credentials-Befehle verwalten den Schlüsselbund des Betriebssystems, den die Sandbox nie verwendet</translation>
    </message>
    <message>
        <source>Drop --sandbox.</source>
        <translation>--sandbox weglassen.</translation>
    </message>
    <message>
        <source>Secret for %1 (input hidden):</source>
        <translation>Secret für %1 (Eingabe verborgen):</translation>
    </message>
    <message>
        <source>no secret for %1 on standard input</source>
        <translation>kein Secret für %1 auf der Standardeingabe</translation>
    </message>
    <message>
        <source>Pipe the secret in, e.g. `capstan --cli credentials set %1 &lt; secret.txt`.</source>
        <translation>Das Secret per Pipe übergeben, z. B. `capstan --cli credentials set %1 &lt; secret.txt`.</translation>
    </message>
    <message>
        <source>the secret for %1 on standard input is longer than %2 bytes</source>
        <translation>das Secret für %1 auf der Standardeingabe ist länger als %2 Bytes</translation>
    </message>
    <message>
        <source>the secret for %1 on standard input spans several lines or holds a NUL byte</source>
        <translation>das Secret für %1 auf der Standardeingabe umfasst mehrere Zeilen oder enthält ein NUL-Byte</translation>
    </message>
    <message>
        <source>Only one trailing newline is dropped; pass the secret alone.</source>
        <translation>Nur ein abschließender Zeilenumbruch wird entfernt; nur das Secret übergeben.</translation>
    </message>
    <message>
        <source>note: %1 is set in the environment and takes precedence over the keychain</source>
        <translation>Hinweis: %1 ist in der Umgebung gesetzt und hat Vorrang vor dem Schlüsselbund</translation>
    </message>
    <message>
        <source>Stored the %1 secret in the keychain (service &quot;%2&quot;).</source>
        <translation>Das Secret %1 wurde im Schlüsselbund gespeichert (Dienst &quot;%2&quot;).</translation>
    </message>
    <message>
        <source>%1: found in the environment variable %2</source>
        <translation>%1: gefunden in der Umgebungsvariable %2</translation>
    </message>
    <message>
        <source>%1: found in the keychain (service &quot;%2&quot;)</source>
        <translation>%1: gefunden im Schlüsselbund (Dienst &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>%1: not found (neither %2 nor a keychain entry in service &quot;%3&quot;)</source>
        <translation>%1: nicht gefunden (weder %2 noch ein Schlüsselbund-Eintrag im Dienst &quot;%3&quot;)</translation>
    </message>
    <message>
        <source>note: %1 is still set in the environment and still provides this secret</source>
        <translation>Hinweis: %1 ist weiterhin in der Umgebung gesetzt und liefert dieses Secret weiterhin</translation>
    </message>
    <message>
        <source>Deleted the %1 secret from the keychain (service &quot;%2&quot;).</source>
        <translation>Das Secret %1 wurde aus dem Schlüsselbund gelöscht (Dienst &quot;%2&quot;).</translation>
    </message>
</context>
<context>
    <name>capstan::CredentialStore</name>
    <message>
        <source>No %1 secret in the keychain (service &quot;%2&quot;)</source>
        <translation>Kein Secret %1 im Schlüsselbund (Dienst &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>Run `capstan --cli credentials set %1`, or set %2.</source>
        <translation>`capstan --cli credentials set %1` ausführen oder %2 setzen.</translation>
    </message>
    <message>
        <source>Unlock the keychain, or set %1.</source>
        <translation>Den Schlüsselbund entsperren oder %1 setzen.</translation>
    </message>
    <message>
        <source>Start a desktop session with a Secret Service (for example gnome-keyring), or set %1 to pass the secret through the environment.</source>
        <translation>Eine Desktop-Sitzung mit einem Secret Service starten (zum Beispiel gnome-keyring) oder %1 setzen, um das Secret über die Umgebung zu übergeben.</translation>
    </message>
    <message>
        <source>Refusing to store an empty %1 secret</source>
        <translation>Ein leeres Secret %1 wird nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 is set but empty</source>
        <translation>%1 ist gesetzt, aber leer</translation>
    </message>
    <message>
        <source>Set it to the %1 secret, or unset it to go without one.</source>
        <translation>Auf das %1-Geheimnis setzen oder entfernen, um ohne auszukommen.</translation>
    </message>
    <message>
        <source>The keychain refused access to the %1 secret</source>
        <translation>Der Schlüsselbund hat den Zugriff auf das %1-Geheimnis verweigert</translation>
    </message>
    <message>
        <source>No keychain is reachable</source>
        <translation>Kein Schlüsselbund ist erreichbar</translation>
    </message>
    <message>
        <source>no %1 secret in the keychain and %2 is not set</source>
        <translation>kein %1-Geheimnis im Schlüsselbund und %2 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>no keychain is reachable (%1) and %2 is not set</source>
        <translation>kein Schlüsselbund ist erreichbar (%1) und %2 ist nicht gesetzt</translation>
    </message>
</context>
<context>
    <name>capstan::DeployCommands</name>
    <message>
        <source>%1ms</source>
        <translation>%1ms</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1s</translation>
    </message>
    <message>
        <source>%1m%2s</source>
        <translation>%1m%2s</translation>
    </message>
    <message>
        <source>Run the deploy pipeline of capstan.yaml for a build or a chart version</source>
        <translation>Die Deployment-Pipeline aus capstan.yaml für einen Build oder eine Chart-Version ausführen</translation>
    </message>
    <message>
        <source>The CI run number to deploy; the version follows from chart.version</source>
        <translation>Die CI-Run-Nummer, die bereitgestellt werden soll; die Version ergibt sich aus chart.version</translation>
    </message>
    <message>
        <source>The chart version to deploy (instead of --build)</source>
        <translation>Die Chart-Version, die bereitgestellt werden soll (statt --build)</translation>
    </message>
    <message>
        <source>dev (checks, manifests, package) or prod (everything; default)</source>
        <translation>dev (Prüfungen, Manifeste, Paket) oder prod (alles; Standard)</translation>
    </message>
    <message>
        <source>Do not ask for confirmation of a prod deploy</source>
        <translation>Keine Bestätigung für ein prod-Deployment abfragen</translation>
    </message>
    <message>
        <source>Print the plan and run nothing</source>
        <translation>Den Plan ausgeben und nichts ausführen</translation>
    </message>
    <message>
        <source>Why: recorded in the journal and on the deploy lock</source>
        <translation>Warum: wird im Journal und an der Deployment-Sperre festgehalten</translation>
    </message>
    <message>
        <source>Also print the steps&apos; output (stderr; JSON: output events)</source>
        <translation>Auch die Ausgabe der Schritte ausgeben (stderr; JSON: output-Ereignisse)</translation>
    </message>
    <message>
        <source>Take the application&apos;s deploy lock so nobody deploys</source>
        <translation>Die Deployment-Sperre der Application übernehmen, damit niemand bereitstellt</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>Warum (erforderlich)</translation>
    </message>
    <message>
        <source>Release your deploy lock, or break someone else&apos;s with --force</source>
        <translation>Eigene Deployment-Sperre freigeben oder die eines anderen mit --force aufheben</translation>
    </message>
    <message>
        <source>Remove the lock whoever holds it (needs --reason)</source>
        <translation>Die Sperre entfernen, egal wer sie hält (erfordert --reason)</translation>
    </message>
    <message>
        <source>Why the lock is broken (recorded on the application)</source>
        <translation>Warum die Sperre aufgehoben wird (wird an der Application festgehalten)</translation>
    </message>
    <message>
        <source>warning: deploy #%1 of %2 (%3) by %4 was interrupted before its first step; started %5</source>
        <translation>Warnung: Deployment #%1 von %2 (%3) durch %4 wurde vor seinem ersten Schritt unterbrochen; gestartet %5</translation>
    </message>
    <message>
        <source>warning: deploy #%1 of %2 (%3) by %4 was interrupted in step %5; started %6</source>
        <translation>Warnung: Deployment #%1 von %2 (%3) durch %4 wurde in Schritt %5 unterbrochen; gestartet %6</translation>
    </message>
    <message>
        <source>hint: %1 still holds the deploy lock of %2 from deploy #%3; if nobody deploys, run `capstan --cli unlock --force --reason &quot;deploy #%3 was interrupted&quot;`</source>
        <translation>Hinweis: %1 hält noch die Deployment-Sperre von %2 aus Deployment #%3; falls niemand bereitstellt, führen Sie `capstan --cli unlock --force --reason &quot;deploy #%3 was interrupted&quot;` aus</translation>
    </message>
    <message>
        <source>Plan for %1 to %2, at most %3 steps at once:
</source>
        <translation>Plan für %1 nach %2, höchstens %3 Schritte gleichzeitig:
</translation>
    </message>
    <message>
        <source>Plan for %1 (build %2) to %3, at most %4 steps at once:
</source>
        <translation>Plan für %1 (Build %2) nach %3, höchstens %4 Schritte gleichzeitig:
</translation>
    </message>
    <message>
        <source>STEP</source>
        <translation>SCHRITT</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>AFTER</source>
        <translation>NACH</translation>
    </message>
    <message>
        <source>  stage %1
</source>
        <translation>  Phase %1
</translation>
    </message>
    <message>
        <source>Skipped:
</source>
        <translation>Übersprungen:
</translation>
    </message>
    <message>
        <source>  %1/%2: %3
</source>
        <translation>  %1/%2: %3
</translation>
    </message>
    <message>
        <source>Nothing was run (--dry-run).
</source>
        <translation>Nichts wurde ausgeführt (--dry-run).
</translation>
    </message>
    <message>
        <source>deploy takes --build or --version, not both</source>
        <translation>deploy akzeptiert --build oder --version, nicht beides</translation>
    </message>
    <message>
        <source>deploy needs --build N or --version VERSION</source>
        <translation>deploy erfordert --build N oder --version VERSION</translation>
    </message>
    <message>
        <source>--env is dev or prod, not &quot;%1&quot;</source>
        <translation>--env ist dev oder prod, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a prod deploy needs --yes when standard input is not a terminal</source>
        <translation>ein prod-Deployment erfordert --yes, wenn die Standardeingabe kein Terminal ist</translation>
    </message>
    <message>
        <source>Nothing was run. Run it again with --yes to confirm, or try --dry-run.</source>
        <translation>Nichts wurde ausgeführt. Führen Sie es erneut mit --yes aus, um zu bestätigen, oder versuchen Sie --dry-run.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>succeeded: %1 deployed to %2 in %3</source>
        <translation>erfolgreich: %1 in %3 auf %2 bereitgestellt</translation>
    </message>
    <message>
        <source>cancelled: deploy of %1 to %2 after %3</source>
        <translation>abgebrochen: Deployment von %1 auf %2 nach %3</translation>
    </message>
    <message>
        <source>failed: deploy of %1 to %2 after %3: %4</source>
        <translation>fehlgeschlagen: Deployment von %1 auf %2 nach %3: %4</translation>
    </message>
    <message>
        <source>a step failed</source>
        <translation>ein Schritt ist fehlgeschlagen</translation>
    </message>
    <message>
        <source> (journal #%1)</source>
        <translation> (Journal #%1)</translation>
    </message>
    <message>
        <source>Interrupted: cancelling the deploy (stopping its steps, releasing the lock)…</source>
        <translation>Unterbrochen: Deployment wird abgebrochen (Schritte werden gestoppt, Sperre wird freigegeben)…</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>ERGEBNIS</translation>
    </message>
    <message>
        <source>TOOK</source>
        <translation>DAUER</translation>
    </message>
    <message>
        <source>lock needs --reason TEXT: everyone sees why they cannot deploy</source>
        <translation>lock benötigt --reason TEXT: alle sehen, warum sie nicht bereitstellen können</translation>
    </message>
    <message>
        <source>Locked %1 for %2: %3
</source>
        <translation>%1 gesperrt für %2: %3
</translation>
    </message>
    <message>
        <source>unlock --force needs --reason TEXT: it is recorded on the application</source>
        <translation>unlock --force benötigt --reason TEXT: der Grund wird bei der Anwendung vermerkt</translation>
    </message>
    <message>
        <source>--reason goes with --force</source>
        <translation>--reason gehört zu --force</translation>
    </message>
    <message>
        <source>Unlocked %1 (was held by %2)
</source>
        <translation>%1 entsperrt (war gehalten von %2)
</translation>
    </message>
    <message>
        <source>%1 was not locked; nothing to do
</source>
        <translation>%1 war nicht gesperrt; nichts zu tun
</translation>
    </message>
    <message>
        <source>Interrupted before the deploy started; nothing was run</source>
        <translation>Unterbrochen, bevor das Deployment begann; nichts wurde ausgeführt</translation>
    </message>
    <message>
        <source>Deploy although the build failed, still runs or is unknown; who and why are recorded</source>
        <translation>Deployen, obwohl der Build fehlgeschlagen ist, noch läuft oder unbekannt ist; wer und warum wird erfasst</translation>
    </message>
    <message>
        <source>Run in the working tree that holds capstan.yaml instead of a clean checkout of the build</source>
        <translation>Im Arbeitsverzeichnis ausführen, das die capstan.yaml enthält, statt in einem sauberen Checkout des Builds</translation>
    </message>
    <message>
        <source>With --worktree in prod: run although the tree has local changes (recorded)</source>
        <translation>Mit --worktree in prod: ausführen, obwohl das Arbeitsverzeichnis lokale Änderungen hat (wird erfasst)</translation>
    </message>
    <message>
        <source>List recent deploys (with their steps) and other actions, newest first</source>
        <translation>Die letzten Deployments (mit ihren Schritten) und andere Aktionen auflisten, neueste zuerst</translation>
    </message>
    <message>
        <source>At most N deploys and actions (default 20)</source>
        <translation>Höchstens N Deployments und Aktionen (Standard 20)</translation>
    </message>
    <message>
        <source>Deploys a crash or a kill interrupted are reported first (stderr), once, with the step they
stopped in. Besides deploys the journal holds actions on the application: rollback,
auto-sync-off, auto-sync-on, lock-take, lock-release, lock-break, ci-override and
deploy-refused, each with who, when, why and the outcome (succeeded, failed or refused).
JSON: one array, newest first. Every element has kind, id, who, when, reason and outcome.
A deploy is {kind: &quot;deploy&quot;, id, who, when, build, version, sha, env, user, reason,
application, host, pid, started, finished, durationMs, outcome, message, steps: [{name, stage,
status, started, durationMs, exitCode, message}]} (outcome null while it runs); an action is
{kind, id, who, when, application, host, reason, outcome, message, deploy} (deploy: the id of
the deploy it belongs to, or null). The journal file is CAPSTAN_JOURNAL when set, else %1.</source>
        <translation>Deployments, die ein Absturz oder ein Kill unterbrochen hat, werden zuerst gemeldet (stderr), einmalig,
mit dem Schritt, in dem sie stehen blieben. Neben Deployments enthält das Journal Aktionen an der Anwendung: rollback,
auto-sync-off, auto-sync-on, lock-take, lock-release, lock-break, ci-override und
deploy-refused, jeweils mit wer, wann, warum und dem Ergebnis (succeeded, failed oder refused).
JSON: ein Array, neueste zuerst. Jedes Element hat kind, id, who, when, reason und outcome.
Ein Deployment ist {kind: &quot;deploy&quot;, id, who, when, build, version, sha, env, user, reason,
application, host, pid, started, finished, durationMs, outcome, message, steps: [{name, stage,
status, started, durationMs, exitCode, message}]} (outcome ist null, solange es läuft); eine Aktion ist
{kind, id, who, when, application, host, reason, outcome, message, deploy} (deploy: die ID des
Deployments, zu dem sie gehört, oder null). Die Journal-Datei ist CAPSTAN_JOURNAL, falls gesetzt, sonst %1.</translation>
    </message>
    <message>
        <source>Stores holder (you@host), reason and time as annotations on the Argo CD application.
Exit 6 naming the holder when it is held already. Recorded in the journal (lock-take).
JSON: {app, holder, reason, since}.</source>
        <translation>Speichert Inhaber (you@host), Grund und Zeit als Annotationen an der Argo-CD-Anwendung.
Exit 6 mit Nennung des Inhabers, wenn die Sperre bereits vergeben ist. Wird im Journal erfasst (lock-take).
JSON: {app, holder, reason, since}.</translation>
    </message>
    <message>
        <source>Without --force only your own lock is released (exit 6 naming the holder when it
is someone else&apos;s). Recorded in the journal (lock-release, or lock-break with --force).
JSON: {app, released, holder}.</source>
        <translation>Ohne --force wird nur die eigene Sperre freigegeben (Exit 6 mit Nennung des Inhabers, wenn sie
jemand anderem gehört). Wird im Journal erfasst (lock-release bzw. lock-break mit --force).
JSON: {app, released, holder}.</translation>
    </message>
    <message>
        <source>--%1 needs a reason: it is recorded</source>
        <translation>--%1 braucht einen Grund: er wird erfasst</translation>
    </message>
    <message>
        <source>--allow-dirty goes with --worktree</source>
        <translation>--allow-dirty gehört zu --worktree</translation>
    </message>
    <message>
        <source>Deploy %1 to prod?</source>
        <translation>%1 nach prod deployen?</translation>
    </message>
    <message>
        <source>No deploys or actions in %1.
</source>
        <translation>Keine Deployments oder Aktionen in %1.
</translation>
    </message>
    <message>
        <source>(reason: %1)</source>
        <translation>(Grund: %1)</translation>
    </message>
    <message>
        <source>WHEN</source>
        <translation>WANN</translation>
    </message>
    <message>
        <source>WHO</source>
        <translation>WER</translation>
    </message>
    <message>
        <source>WHAT</source>
        <translation>WAS</translation>
    </message>
    <message>
        <source>DETAILS</source>
        <translation>DETAILS</translation>
    </message>
    <message>
        <source>locked for %1</source>
        <translation>gesperrt für %1</translation>
    </message>
    <message>
        <source>the lock of %1</source>
        <translation>die Sperre von %1</translation>
    </message>
    <message>
        <source>broke the lock of %1</source>
        <translation>Sperre von %1 aufgehoben</translation>
    </message>
    <message>
        <source>released the lock of %1</source>
        <translation>Sperre von %1 freigegeben</translation>
    </message>
    <message>
        <source>Runs the stages of the pipeline section one after another, the steps of a stage in parallel.
The gate: a prod deploy of --build N needs CI run N on the configured branch, completed with
success; otherwise it is refused with exit 6 naming why (failed, in progress, unknown build).
--override-ci REASON deploys anyway and records who and why in the journal and on the
application. A deploy inside CI run N itself (GITHUB_ACTIONS, GITHUB_RUN_NUMBER) passes.
The pipeline runs in a clean checkout of the build&apos;s commit (pipeline.source, or the git
repository holding capstan.yaml); the working tree is never touched. A commit that cannot be
found exits 5. --worktree runs in the working tree instead; in prod a tree with local
changes is refused unless --allow-dirty REASON. --version V deploys a published chart
version: the sync steps only, refused (exit 6) when the chart repository lacks it.
A prod deploy with an argocd section first takes the application&apos;s deploy lock (annotations
on the Argo CD application) and releases it at the end; it is refused with exit 6 naming the
holder while someone holds it or Argo CD runs an operation. Prod needs --yes, or a &quot;y&quot; on a
terminal (&quot;n&quot; changes nothing and exits 0). Every deploy and step is written to the journal (see `journal`).
Output: one line per step event (time, start or status, stage/step, duration, message) and a
summary line. -o json: one JSON object per line: {event: start, step, stage, time},
{event: end, step, stage, status, durationMs, exitCode, message, lastOutput (a failed step&apos;s last
5 lines of output, redacted)}, with --verbose
{event: output, step, line}, and last {event: finished, outcome, version, env, durationMs,
journalId}. --dry-run prints the plan (JSON: {dryRun, version, build, env, parallel, steps,
skipped}) and changes nothing.
SIGINT, SIGTERM or SIGHUP cancel the deploy (child processes stopped, a running Argo CD operation
terminated, the lock released, the journal says cancelled), then exit 130.
Exit codes: 0 succeeded, 1 failed or cancelled, 2 usage, 6 lock held or operation running,
130 interrupted. The journal file is CAPSTAN_JOURNAL when set, else %1.</source>
        <translation>Führt die Phasen des Abschnitts pipeline nacheinander aus, die Schritte einer Phase parallel.
Die CI-Prüfung: ein prod-Deployment von --build N braucht CI-Lauf N auf dem konfigurierten Branch,
erfolgreich abgeschlossen; sonst wird es mit Exit 6 und Grund abgelehnt (fehlgeschlagen, läuft, unbekannter Build).
--override-ci REASON deployt trotzdem und erfasst, wer und warum, im Journal und an der
Anwendung. Ein Deployment innerhalb von CI-Lauf N selbst (GITHUB_ACTIONS, GITHUB_RUN_NUMBER) ist zugelassen.
Die Pipeline läuft in einem sauberen Checkout des Commits des Builds (pipeline.source oder das
Git-Repository mit der capstan.yaml); das Arbeitsverzeichnis wird nie angefasst. Ein Commit, der nicht
gefunden wird, ergibt Exit 5. --worktree läuft stattdessen im Arbeitsverzeichnis; in prod wird eines mit
lokalen Änderungen abgelehnt, außer mit --allow-dirty REASON. --version V deployt eine veröffentlichte
Chart-Version: nur die Sync-Schritte, abgelehnt (Exit 6), wenn das Chart-Repository sie nicht hat.
Ein prod-Deployment mit Abschnitt argocd übernimmt zuerst die Deployment-Sperre der Anwendung (Annotationen
an der Argo-CD-Anwendung) und gibt sie am Ende frei; es wird mit Exit 6 und Nennung des Inhabers abgelehnt,
solange jemand sie hält oder Argo CD einen Vorgang ausführt. Prod braucht --yes oder ein &quot;y&quot; auf einem
Terminal (&quot;n&quot; ändert nichts und endet mit Exit 0). Jedes Deployment und jeder Schritt wird ins Journal geschrieben (siehe `journal`).
Ausgabe: eine Zeile pro Schritt-Ereignis (Zeit, Start oder Status, Phase/Schritt, Dauer, Meldung) und eine
Zusammenfassungszeile. -o json: ein JSON-Objekt pro Zeile: {event: start, step, stage, time},
{event: end, step, stage, status, durationMs, exitCode, message, lastOutput (die letzten 5 Ausgabezeilen
eines fehlgeschlagenen Schritts, geschwärzt)}, mit --verbose
{event: output, step, line} und zuletzt {event: finished, outcome, version, env, durationMs,
journalId}. --dry-run gibt den Plan aus (JSON: {dryRun, version, build, env, parallel, steps,
skipped}) und ändert nichts.
SIGINT, SIGTERM oder SIGHUP brechen das Deployment ab (Kindprozesse gestoppt, ein laufender Argo-CD-Vorgang
beendet, die Sperre freigegeben, das Journal vermerkt cancelled), dann Exit 130.
Exit-Codes: 0 erfolgreich, 1 fehlgeschlagen oder abgebrochen, 2 Aufruf, 6 Sperre vergeben oder Vorgang läuft,
130 unterbrochen. Die Journal-Datei ist CAPSTAN_JOURNAL, falls gesetzt, sonst %1.</translation>
    </message>
    <message>
        <source>Deploy cancelled; nothing was run and nothing was changed.</source>
        <translation>Deployment abgebrochen; es lief nichts und es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>capstan::DeployDialog</name>
    <message>
        <source>Deploy %1 to %2</source>
        <translation>%1 nach %2 deployen</translation>
    </message>
    <message>
        <source>Build:</source>
        <translation>Build:</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation>#%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Chart version:</source>
        <translation>Chart-Version:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Argo CD application:</source>
        <translation>Argo-CD-Anwendung:</translation>
    </message>
    <message>
        <source>Live now:</source>
        <translation>Jetzt live:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Commits:</source>
        <translation>Commits:</translation>
    </message>
    <message>
        <source>no chart comparison</source>
        <translation>kein Chart-Vergleich</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Chart:</translation>
    </message>
    <message>
        <source>Override reason:</source>
        <translation>Grund für das Übergehen:</translation>
    </message>
    <message>
        <source>Deploy is blocked: %1</source>
        <translation>Deployment ist blockiert: %1</translation>
    </message>
    <message>
        <source>Override and deploy</source>
        <translation>Übergehen und deployen</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Deployen</translation>
    </message>
    <message>
        <source>Type the reason for the override first</source>
        <translation>Zuerst den Grund für das Übergehen eingeben</translation>
    </message>
    <message>
        <source>Deploy build #%1 · %2</source>
        <translation>Build #%1 bereitstellen · %2</translation>
    </message>
    <message>
        <source>prod — everything, up to the Argo CD sync</source>
        <translation>prod — alles, bis zum Argo-CD-Sync</translation>
    </message>
    <message>
        <source>dev — checks, manifests and package only</source>
        <translation>dev — nur Prüfungen, Manifeste und Paket</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Required: why this deploy goes ahead anyway (recorded in the journal)</source>
        <translation>Erforderlich: warum dieses Deployment trotzdem durchgeführt wird (wird im Journal vermerkt)</translation>
    </message>
    <message>
        <source>Optional: why (recorded in the deploy journal)</source>
        <translation>Optional: warum (wird im Deployment-Journal vermerkt)</translation>
    </message>
    <message>
        <source>Overriding needs a reason. It is recorded in the deploy journal with your name and the time.</source>
        <translation>Das Übergehen erfordert einen Grund. Er wird mit Ihrem Namen und der Uhrzeit im Deployment-Journal vermerkt.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Was passiert</translation>
    </message>
    <message>
        <source>I have checked what is changing and want %1 running in prod</source>
        <translation>Ich habe geprüft, was sich ändert, und möchte %1 in prod ausführen</translation>
    </message>
    <message>
        <source>capstan.yaml has no pipeline section: nothing can be deployed. Add the pipeline (stages and steps) to deploy from Capstan.</source>
        <translation>capstan.yaml hat keinen pipeline-Abschnitt: es kann nichts bereitgestellt werden. Fügen Sie die Pipeline (Phasen und Schritte) hinzu, um aus Capstan bereitzustellen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) will run</source>
        <translation>
            <numerusform>%n Schritt wird ausgeführt</numerusform>
            <numerusform>%n Schritte werden ausgeführt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped in %1</source>
        <translation>
            <numerusform>, %n übersprungen in %1</numerusform>
            <numerusform>, %n übersprungen in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>capstan.yaml has no pipeline section</source>
        <translation>capstan.yaml hat keinen pipeline-Abschnitt</translation>
    </message>
    <message>
        <source>Confirm the prod deploy first</source>
        <translation>Bestätigen Sie zuerst das prod-Deployment</translation>
    </message>
    <message>
        <source>Start the deploy; the Pipeline view follows it</source>
        <translation>Deployment starten; die Pipeline-Ansicht verfolgt es</translation>
    </message>
    <message>
        <source>%1 is already in ChartMuseum</source>
        <translation>%1 ist bereits in ChartMuseum</translation>
    </message>
    <message>
        <source>A prod deploy publishes only when the package it builds is identical to the one there; otherwise it stops before the sync. To go back to a published version, use Rollback in History.</source>
        <translation>Ein prod-Deployment veröffentlicht nur, wenn das gebaute Paket mit dem dort vorhandenen identisch ist; sonst hält es vor dem Sync an. Um zu einer veröffentlichten Version zurückzukehren, nutzen Sie Rollback im Verlauf.</translation>
    </message>
    <message>
        <source>unknown: the deploy is refused unless it runs in the working tree</source>
        <translation>unbekannt: das Deployment wird abgelehnt, außer es läuft im Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>%1, checked out clean (your working tree is not touched)</source>
        <translation>%1, sauber ausgecheckt (Ihr Arbeitsverzeichnis bleibt unberührt)</translation>
    </message>
    <message>
        <source>Commit:</source>
        <translation>Commit:</translation>
    </message>
</context>
<context>
    <name>capstan::DeployServices</name>
    <message>
        <source>the request was cancelled</source>
        <translation>die Anfrage wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>capstan::Deployment</name>
    <message>
        <source>capstan.yaml</source>
        <translation>capstan.yaml</translation>
    </message>
    <message>
        <source>%1 has no &quot;pipeline&quot; section</source>
        <translation>%1 hat keinen &quot;pipeline&quot;-Abschnitt</translation>
    </message>
    <message>
        <source>Add one with the stages and steps of a deploy, e.g.
  pipeline:
    stages:
      - name: checks
        steps: [ { name: test, run: make test } ]</source>
        <translation>Fügen Sie einen mit den Phasen und Schritten eines Deployments hinzu, z. B.
  pipeline:
    stages:
      - name: checks
        steps: [ { name: test, run: make test } ]</translation>
    </message>
    <message>
        <source>Say what to deploy: a build number or a chart version</source>
        <translation>Geben Sie an, was bereitgestellt werden soll: eine Build-Nummer oder eine Chart-Version</translation>
    </message>
    <message>
        <source>Give either a build number or a chart version, not both</source>
        <translation>Geben Sie entweder eine Build-Nummer oder eine Chart-Version an, nicht beides</translation>
    </message>
    <message>
        <source>Pass --build N (the CI run number) or --version V (the chart version).</source>
        <translation>Übergeben Sie --build N (die CI-Laufnummer) oder --version V (die Chart-Version).</translation>
    </message>
    <message>
        <source>Unknown environment &quot;%1&quot;: it is dev or prod</source>
        <translation>Unbekannte Umgebung &quot;%1&quot;: möglich sind dev oder prod</translation>
    </message>
    <message>
        <source>dev runs checks, manifests and package; prod runs everything.</source>
        <translation>dev führt Prüfungen, Manifeste und Paket aus; prod führt alles aus.</translation>
    </message>
    <message>
        <source>The build &quot;%1&quot; is not a CI run number (digits only)</source>
        <translation>Der Build &quot;%1&quot; ist keine CI-Laufnummer (nur Ziffern)</translation>
    </message>
    <message>
        <source>%1: chart.version &quot;%2&quot; gives &quot;%3&quot; for build %4, which is not a SemVer version</source>
        <translation>%1: chart.version &quot;%2&quot; ergibt &quot;%3&quot; für Build %4, was keine SemVer-Version ist</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a chart version (SemVer, e.g. 1.0.0-148)</source>
        <translation>&quot;%1&quot; ist keine Chart-Version (SemVer, z. B. 1.0.0-148)</translation>
    </message>
    <message>
        <source>The version &quot;%1&quot; does not fit chart.version &quot;%2&quot; of %3</source>
        <translation>Die Version &quot;%1&quot; passt nicht zu chart.version &quot;%2&quot; von %3</translation>
    </message>
    <message>
        <source>Pass a version of that form, or the build with --build N.</source>
        <translation>Übergeben Sie eine Version dieser Form oder den Build mit --build N.</translation>
    </message>
    <message>
        <source>Cannot create a client</source>
        <translation>Client kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>The secret %1 of step %2 is neither in the environment nor in the credential store (%3)</source>
        <translation>Das Secret %1 von Schritt %2 ist weder in der Umgebung noch im Anmeldedatenspeicher (%3)</translation>
    </message>
    <message>
        <source>Set the environment variable %1, or run `capstan --cli credentials set %1`.</source>
        <translation>Setzen Sie die Umgebungsvariable %1 oder führen Sie `capstan --cli credentials set %1` aus.</translation>
    </message>
    <message>
        <source>deploy %1 (%2)</source>
        <translation>Deployment %1 (%2)</translation>
    </message>
    <message>
        <source>Cannot take the deploy lock</source>
        <translation>Die Deployment-Sperre kann nicht gesetzt werden</translation>
    </message>
    <message>
        <source>Cannot write the deploy journal</source>
        <translation>Das Deployment-Journal kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot write the deploy journal: %1</source>
        <translation>Das Deployment-Journal kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>step %1 failed: %2</source>
        <translation>Schritt %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>the deploy failed</source>
        <translation>das Deployment ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Cannot release the deploy lock: %1</source>
        <translation>Die Deployment-Sperre kann nicht freigegeben werden: %1</translation>
    </message>
    <message>
        <source>Cannot release the deploy lock</source>
        <translation>Die Deployment-Sperre kann nicht freigegeben werden</translation>
    </message>
    <message>
        <source>no client could be made from the %1 section of capstan.yaml</source>
        <translation>aus dem Abschnitt %1 von capstan.yaml ließ sich kein Client erstellen</translation>
    </message>
    <message>
        <source>sync only: %1 is deployed as published</source>
        <translation>nur Sync: %1 wird so deployt, wie es veröffentlicht ist</translation>
    </message>
    <message>
        <source>Cannot check build %1 on GitHub: %2</source>
        <translation>Build %1 kann auf GitHub nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>Cannot check build %1 on GitHub</source>
        <translation>Build %1 kann auf GitHub nicht geprüft werden</translation>
    </message>
    <message>
        <source>Cannot check chart %1 in the chart repository: %2</source>
        <translation>Chart %1 kann im Chart-Repository nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>CI gate overridden by %1 (%2): %3</source>
        <translation>CI-Prüfung übergangen von %1 (%2): %3</translation>
    </message>
    <message>
        <source>The working tree is at %1, build %2 was made from %3</source>
        <translation>Das Arbeitsverzeichnis steht auf %1, Build %2 wurde aus %3 gebaut</translation>
    </message>
    <message>
        <source>The working tree %1 has local changes: %2</source>
        <translation>Das Arbeitsverzeichnis %1 hat lokale Änderungen: %2</translation>
    </message>
    <message>
        <source>Commit them, deploy the build&apos;s own commit (without --worktree), or pass --allow-dirty REASON.</source>
        <translation>Committen Sie sie, deployen Sie den eigenen Commit des Builds (ohne --worktree) oder übergeben Sie --allow-dirty REASON.</translation>
    </message>
    <message>
        <source>Running in a working tree with local changes</source>
        <translation>Ausführung in einem Arbeitsverzeichnis mit lokalen Änderungen</translation>
    </message>
    <message>
        <source>%1 is not in a git repository: running on what it holds</source>
        <translation>%1 liegt in keinem Git-Repository: es wird mit dem vorhandenen Inhalt ausgeführt</translation>
    </message>
    <message>
        <source>The commit of build %1 is unknown, so it cannot be checked out</source>
        <translation>Der Commit von Build %1 ist unbekannt und kann daher nicht ausgecheckt werden</translation>
    </message>
    <message>
        <source>Configure the github section so Capstan finds the build&apos;s commit, or run in the working tree with --worktree.</source>
        <translation>Konfigurieren Sie den Abschnitt github, damit Capstan den Commit des Builds findet, oder führen Sie es mit --worktree im Arbeitsverzeichnis aus.</translation>
    </message>
    <message>
        <source>%1 is in no git repository, so the build&apos;s commit cannot be checked out</source>
        <translation>%1 liegt in keinem Git-Repository, daher kann der Commit des Builds nicht ausgecheckt werden</translation>
    </message>
    <message>
        <source>Set pipeline.source to the repository&apos;s URL, or run in the working tree with --worktree.</source>
        <translation>Setzen Sie pipeline.source auf die URL des Repositorys oder führen Sie es mit --worktree im Arbeitsverzeichnis aus.</translation>
    </message>
    <message>
        <source>the secret %1 is shorter than %2 characters and cannot be redacted reliably</source>
        <translation>das Secret %1 ist kürzer als %2 Zeichen und kann nicht zuverlässig geschwärzt werden</translation>
    </message>
    <message>
        <source>deploy %1 ran in a working tree with local changes</source>
        <translation>Deployment %1 lief in einem Arbeitsverzeichnis mit lokalen Änderungen</translation>
    </message>
    <message>
        <source>Deploy #%1 of %2 was interrupted</source>
        <translation>Deployment #%1 von %2 wurde unterbrochen</translation>
    </message>
    <message>
        <source>Cannot read the deploy journal: %1</source>
        <translation>Das Deployment-Journal kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Released the lock left by %1, whose deploy has ended</source>
        <translation>Die von %1 hinterlassene Sperre wurde freigegeben, da das zugehörige Deployment beendet ist</translation>
    </message>
    <message>
        <source>the deploy holding it had ended</source>
        <translation>das Deployment, das sie hielt, war beendet</translation>
    </message>
    <message>
        <source>Argo CD cannot render the application&apos;s current source, so the lock and the target %1 were set in one update with validation skipped</source>
        <translation>Argo CD kann die aktuelle Quelle der Anwendung nicht rendern, daher wurden die Sperre und das Ziel %1 in einer Aktualisierung ohne Validierung gesetzt</translation>
    </message>
    <message>
        <source>fix-forward of an application Argo CD cannot render</source>
        <translation>Fix-Forward einer Anwendung, die Argo CD nicht rendern kann</translation>
    </message>
    <message>
        <source>Cannot renew the deploy lock&apos;s heartbeat: %1</source>
        <translation>Der Heartbeat der Deployment-Sperre kann nicht erneuert werden: %1</translation>
    </message>
    <message>
        <source>end of deploy</source>
        <translation>Ende des Deployments</translation>
    </message>
</context>
<context>
    <name>capstan::DesktopNotifier</name>
    <message>
        <source>Deployed %1 to %2</source>
        <translation>%1 auf %2 bereitgestellt</translation>
    </message>
    <message>
        <source>Deploy of %1 to %2 failed</source>
        <translation>Deployment von %1 auf %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Deploy of %1 to %2 failed in step %3</source>
        <translation>Deployment von %1 auf %2 in Schritt %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Deploy of %1 to %2 cancelled</source>
        <translation>Deployment von %1 auf %2 abgebrochen</translation>
    </message>
    <message>
        <source>Build #%1 took %2.</source>
        <translation>Build #%1 dauerte %2.</translation>
    </message>
    <message>
        <source>Stopped after %1.</source>
        <translation>Gestoppt nach %1.</translation>
    </message>
    <message>
        <source>Cancelled after %1.</source>
        <translation>Abgebrochen nach %1.</translation>
    </message>
    <message>
        <source>Took %1.</source>
        <translation>Dauerte %1.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>no D-Bus session bus</source>
        <translation>kein D-Bus-Session-Bus</translation>
    </message>
</context>
<context>
    <name>capstan::DeveloperCommands</name>
    <message>
        <source>Seed N versions 1.0.0-1 … of one chart instead of the sample history</source>
        <translation>N Versionen 1.0.0-1 … eines Charts statt des Beispielverlaufs anlegen</translation>
    </message>
    <message>
        <source>The chart seeded by --versions (torvalds)</source>
        <translation>Das Chart, das --versions anlegt (torvalds)</translation>
    </message>
    <message>
        <source>Storage directory; kept afterwards, and not seeded again if it already holds packages</source>
        <translation>Speicherverzeichnis; bleibt danach erhalten und wird nicht erneut befüllt, wenn es bereits Pakete enthält</translation>
    </message>
    <message>
        <source>Port on 127.0.0.1 (default: any free port)</source>
        <translation>Port auf 127.0.0.1 (Standard: ein beliebiger freier Port)</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation>Ein temporäres Verzeichnis kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Cannot seed %1: %2</source>
        <translation>%1 kann nicht befüllt werden: %2</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1: %2</source>
        <translation>Auf 127.0.0.1:%1 kann nicht gelauscht werden: %2</translation>
    </message>
    <message>
        <source>Serving %1 chart packages from %2; stop with Ctrl+C.</source>
        <translation>%1 Chart-Pakete aus %2 werden bereitgestellt; beenden mit Strg+C.</translation>
    </message>
    <message>
        <source>Developer tool: run a seeded local ChartMuseum (or the whole sandbox) until interrupted</source>
        <translation>Entwicklerwerkzeug: ein befülltes lokales ChartMuseum (oder die ganze Sandbox) bis zur Unterbrechung betreiben</translation>
    </message>
    <message>
        <source>Run the whole sandbox: ChartMuseum, Argo CD and GitHub with the sample repository</source>
        <translation>Die ganze Sandbox betreiben: ChartMuseum, Argo CD und GitHub mit dem Beispiel-Repository</translation>
    </message>
    <message>
        <source>Random faults of every server, e.g. error=0.2,drop=0.02,latency=10-80,seed=7 (default: CAPSTAN_SANDBOX_FAULTS)</source>
        <translation>Zufällige Fehler aller Server, z. B. error=0.2,drop=0.02,latency=10-80,seed=7 (Standard: CAPSTAN_SANDBOX_FAULTS)</translation>
    </message>
    <message>
        <source>With --all: N more successful CI runs after the sample history, to deploy</source>
        <translation>Mit --all: N weitere erfolgreiche CI-Läufe nach dem Beispielverlauf, zum Deployen</translation>
    </message>
    <message>
        <source>Prints the server URL as the first line on stdout (JSON: {url, directory, charts}), then serves
without authentication until SIGINT or SIGTERM. Used by bench/versions.sh.
With --all: the sandbox&apos;s three servers (Argo CD operations quick) in --dir (an empty or new
directory), accepting the credentials in CAPSTAN_CHARTMUSEUM_PASSWORD, CAPSTAN_ARGOCD_TOKEN
(three dot-separated parts) and CAPSTAN_GITHUB_TOKEN; the sample repository&apos;s capstan.yaml points
at them. Prints {chartmuseum, argocd, github, directory, repository, config, charts, firstRun,
lastRun, faults} (text: one &quot;key: value&quot; line each). Used by bench/soak.sh.</source>
        <translation>Gibt die Server-URL als erste Zeile auf stdout aus (JSON: {url, directory, charts}) und bedient dann
ohne Authentifizierung Anfragen bis SIGINT oder SIGTERM. Wird von bench/versions.sh verwendet.
Mit --all: die drei Server der Sandbox (Argo-CD-Vorgänge schnell) in --dir (ein leeres oder neues
Verzeichnis), die die Zugangsdaten aus CAPSTAN_CHARTMUSEUM_PASSWORD, CAPSTAN_ARGOCD_TOKEN
(drei durch Punkte getrennte Teile) und CAPSTAN_GITHUB_TOKEN akzeptieren; die capstan.yaml des
Beispiel-Repositorys zeigt auf sie. Gibt {chartmuseum, argocd, github, directory, repository, config, charts, firstRun,
lastRun, faults} aus (Text: je eine Zeile &quot;key: value&quot;). Wird von bench/soak.sh verwendet.</translation>
    </message>
    <message>
        <source>--runs and --faults need --all</source>
        <translation>--runs und --faults brauchen --all</translation>
    </message>
    <message>
        <source>--%1 does not apply to --all</source>
        <translation>--%1 gilt nicht für --all</translation>
    </message>
    <message>
        <source>sandbox-serve --all takes its credentials from %1, which is not set</source>
        <translation>sandbox-serve --all nimmt seine Zugangsdaten aus %1, das nicht gesetzt ist</translation>
    </message>
    <message>
        <source>Set CAPSTAN_CHARTMUSEUM_PASSWORD, CAPSTAN_ARGOCD_TOKEN and CAPSTAN_GITHUB_TOKEN; the deploys use the same variables.</source>
        <translation>CAPSTAN_CHARTMUSEUM_PASSWORD, CAPSTAN_ARGOCD_TOKEN und CAPSTAN_GITHUB_TOKEN setzen; die Deployments verwenden dieselben Variablen.</translation>
    </message>
    <message>
        <source>CAPSTAN_ARGOCD_TOKEN must have three dot-separated parts, as a JWT has</source>
        <translation>CAPSTAN_ARGOCD_TOKEN muss wie ein JWT aus drei durch Punkte getrennten Teilen bestehen</translation>
    </message>
    <message>
        <source>--faults: %1</source>
        <translation>--faults: %1</translation>
    </message>
    <message>
        <source>%1 is not empty; --all needs an empty or new directory</source>
        <translation>%1 ist nicht leer; --all braucht ein leeres oder neues Verzeichnis</translation>
    </message>
    <message>
        <source>Cannot start the sandbox: %1</source>
        <translation>Die Sandbox kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Serving the sandbox from %1; stop with Ctrl+C.</source>
        <translation>Die Sandbox wird aus %1 bereitgestellt; beenden mit Strg+C.</translation>
    </message>
    <message>
        <source>%1: %2 requests, %3 answered 500 on purpose, %4 answers dropped after the change</source>
        <translation>%1: %2 Anfragen, %3 absichtlich mit 500 beantwortet, %4 Antworten nach der Änderung verworfen</translation>
    </message>
</context>
<context>
    <name>capstan::DiffCommands</name>
    <message>
        <source>Compare two versions of a chart: metadata, changed files and unified diffs</source>
        <translation>Zwei Versionen eines Charts vergleichen: Metadaten, geänderte Dateien und Unified Diffs</translation>
    </message>
    <message>
        <source>Only the list of changed files with +/- line counts</source>
        <translation>Nur die Liste der geänderten Dateien mit +/- Zeilenzahlen</translation>
    </message>
    <message>
        <source>Both packages are downloaded, checked against their sha256 digests and kept in a local cache keyed
by digest, so comparing them again needs no download. Prints the metadata changes (version,
appVersion, description, dependencies, annotations), then the changed files and a unified diff per
file. Exit 0 when the versions do not differ, 1 when they do (like diff), 5 when a version does not
exist. JSON: {chart, from, to, metadata: [{field, from, to}], files: [{path, status (added|removed|
modified), additions, deletions, binary, patch}]} (patch left out with --stat).</source>
        <translation>Beide Pakete werden heruntergeladen, gegen ihre sha256-Digests geprüft und in einem lokalen Cache
nach Digest abgelegt, sodass ein erneuter Vergleich keinen Download braucht. Gibt die Änderungen
der Metadaten aus (version, appVersion, description, dependencies, annotations), dann die
geänderten Dateien und je Datei einen Unified Diff. Exit 0, wenn sich die Versionen nicht
unterscheiden, 1, wenn doch (wie diff), 5, wenn eine Version nicht existiert.
JSON: {chart, from, to, metadata: [{field, from, to}], files: [{path, status (added|removed|
modified), additions, deletions, binary, patch}]} (patch entfällt mit --stat).</translation>
    </message>
    <message>
        <source>%1 %2 is not a valid chart package: %3</source>
        <translation>%1 %2 ist kein gültiges Chart-Paket: %3</translation>
    </message>
    <message>
        <source>version %1 of %2</source>
        <translation>Version %1 von %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>FELD</translation>
    </message>
    <message>
        <source>FROM</source>
        <translation>VON</translation>
    </message>
    <message>
        <source>TO</source>
        <translation>NACH</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <source>ST</source>
        <translation>ST</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>LINES</source>
        <translation>ZEILEN</translation>
    </message>
</context>
<context>
    <name>capstan::DiffView</name>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>Nächste Änderung</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>Vorherige Änderung</translation>
    </message>
    <message>
        <source>Next change (Alt+Down, F7)</source>
        <translation>Nächste Änderung (Alt+Unten, F7)</translation>
    </message>
    <message>
        <source>Previous change (Alt+Up, Shift+F7)</source>
        <translation>Vorherige Änderung (Alt+Oben, Umschalt+F7)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Nothing to compare yet.</source>
        <translation>Noch nichts zu vergleichen.</translation>
    </message>
    <message>
        <source>Comparison failed</source>
        <translation>Vergleich fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2: %n file(s) changed</source>
        <translation>
            <numerusform>%1 → %2: %n Datei geändert</numerusform>
            <numerusform>%1 → %2: %n Dateien geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>bin</source>
        <translation>bin</translation>
    </message>
    <message>
        <source>%1 and %2 are identical.</source>
        <translation>%1 und %2 sind identisch.</translation>
    </message>
    <message>
        <source>Only the metadata differs.</source>
        <translation>Nur die Metadaten unterscheiden sich.</translation>
    </message>
    <message>
        <source>(no textual changes)</source>
        <translation>(keine textuellen Änderungen)</translation>
    </message>
</context>
<context>
    <name>capstan::EtagCache</name>
    <message>
        <source>The GitHub cache %1 was discarded (%2); it starts empty.</source>
        <translation>Der GitHub-Cache %1 wurde verworfen (%2); er beginnt leer.</translation>
    </message>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation>kein JSON: %1 bei Byte %2</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>unbekanntes Format</translation>
    </message>
    <message>
        <source>entry &quot;%1&quot; lacks etag or body</source>
        <translation>dem Eintrag &quot;%1&quot; fehlt etag oder body</translation>
    </message>
    <message>
        <source>Cannot write the GitHub cache %1: %2</source>
        <translation>Der GitHub-Cache %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>capstan::GitHubClient</name>
    <message>
        <source>GitHub answered 304 Not Modified for %1, but nothing is cached for it</source>
        <translation>GitHub hat für %1 mit 304 Not Modified geantwortet, aber dafür ist nichts im Cache</translation>
    </message>
    <message>
        <source>GitHub&apos;s secondary rate limit was hit</source>
        <translation>Das sekundäre Rate-Limit von GitHub wurde erreicht</translation>
    </message>
    <message>
        <source>The GitHub rate limit is exhausted</source>
        <translation>Das Rate-Limit von GitHub ist ausgeschöpft</translation>
    </message>
    <message>
        <source>%1 again after waiting; it resets at %2</source>
        <translation>%1, auch nach dem Warten; es wird um %2 zurückgesetzt</translation>
    </message>
    <message>
        <source>%1; it resets at %2 (in %3 s, longer than the %4 s Capstan waits)</source>
        <translation>%1; es wird um %2 zurückgesetzt (in %3 s, länger als die %4 s, die Capstan wartet)</translation>
    </message>
    <message>
        <source>Try again after the reset, or use a token with a higher limit.</source>
        <translation>Nach dem Zurücksetzen erneut versuchen oder ein Token mit höherem Limit verwenden.</translation>
    </message>
    <message>
        <source>The GitHub request failed unexpectedly.</source>
        <translation>Die GitHub-Anfrage ist unerwartet fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Set the GitHub token: run `capstan --cli credentials set github`, or set %1.</source>
        <translation>Das GitHub-Token setzen: `capstan --cli credentials set github` ausführen oder %1 setzen.</translation>
    </message>
    <message>
        <source>GitHub: %1 (%2)</source>
        <translation>GitHub: %1 (%2)</translation>
    </message>
    <message>
        <source>Check github.repo in capstan.yaml and that the token may read the repository.</source>
        <translation>github.repo in capstan.yaml prüfen und ob das Token das Repository lesen darf.</translation>
    </message>
    <message>
        <source>GitHub: %1 already exists</source>
        <translation>GitHub: %1 existiert bereits</translation>
    </message>
    <message>
        <source>GitHub: %1</source>
        <translation>GitHub: %1</translation>
    </message>
    <message>
        <source>Use a branch or tag that exists in %1.</source>
        <translation>Einen Branch oder Tag verwenden, der in %1 existiert.</translation>
    </message>
    <message>
        <source>Request forbidden (is a User-Agent sent?)</source>
        <translation>Anfrage verweigert (wird ein User-Agent gesendet?)</translation>
    </message>
    <message>
        <source>The GitHub token was accepted but lacks permission for this operation.</source>
        <translation>Das GitHub-Token wurde akzeptiert, hat aber keine Berechtigung für diesen Vorgang.</translation>
    </message>
    <message>
        <source>GitHub failed on its side; try again later.</source>
        <translation>Fehler auf Seiten von GitHub; später erneut versuchen.</translation>
    </message>
    <message>
        <source>GET %1</source>
        <translation>GET %1</translation>
    </message>
    <message>
        <source>Reading page %1 of the listing (%2)</source>
        <translation>Seite %1 der Auflistung wird gelesen (%2)</translation>
    </message>
    <message>
        <source>GET %1: the answer is not a JSON array</source>
        <translation>GET %1: die Antwort ist kein JSON-Array</translation>
    </message>
    <message>
        <source>GET %1: %2 is missing or not an array</source>
        <translation>GET %1: %2 fehlt oder ist kein Array</translation>
    </message>
    <message>
        <source>GET %1: the next page %2 is on another server; not following it</source>
        <translation>GET %1: die nächste Seite %2 liegt auf einem anderen Server; ihr wird nicht gefolgt</translation>
    </message>
    <message>
        <source>Reading a GitHub listing failed.</source>
        <translation>Das Lesen einer GitHub-Auflistung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>GitHub answer: %1 is not an object</source>
        <translation>GitHub-Antwort: %1 ist kein Objekt</translation>
    </message>
    <message>
        <source>A release with tag %1 already exists</source>
        <translation>Ein Release mit dem Tag %1 existiert bereits</translation>
    </message>
    <message>
        <source>Pick another tag, or edit the existing release on GitHub.</source>
        <translation>Einen anderen Tag wählen oder das bestehende Release auf GitHub bearbeiten.</translation>
    </message>
    <message>
        <source>GitHub answer: body of the generated notes is missing or not a string</source>
        <translation>GitHub-Antwort: body der generierten Notes fehlt oder ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>GitHub answer: workflow_run_id is missing or not a number (%1)</source>
        <translation>GitHub-Antwort: workflow_run_id fehlt oder ist keine Zahl (%1)</translation>
    </message>
    <message>
        <source>Dispatching the workflow failed.</source>
        <translation>Das Auslösen des Workflows ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The workflow was dispatched for %1, but no run of it appeared after %2 checks of the runs list</source>
        <translation>Der Workflow wurde für %1 ausgelöst, aber nach %2 Prüfungen der Lauf-Liste ist kein Lauf davon erschienen</translation>
    </message>
    <message>
        <source>Look at the Actions page of %1.</source>
        <translation>Die Actions-Seite von %1 ansehen.</translation>
    </message>
    <message>
        <source>Finding the dispatched run failed.</source>
        <translation>Das Finden des ausgelösten Laufs ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>no token is configured</source>
        <translation>kein Token ist konfiguriert</translation>
    </message>
    <message>
        <source>Reading GitHub anonymously (%1)</source>
        <translation>GitHub wird anonym gelesen (%1)</translation>
    </message>
    <message>
        <source>: %1 of %2 requests left, the limit resets at %3</source>
        <translation>: %1 von %2 Anfragen übrig, das Limit wird um %3 zurückgesetzt</translation>
    </message>
    <message>
        <source>Run `capstan --cli credentials set github`, or set %1.</source>
        <translation>`capstan --cli credentials set github` ausführen oder %1 setzen.</translation>
    </message>
    <message>
        <source>GitHub needs a token for %1 %2, and none is configured</source>
        <translation>GitHub braucht für %1 %2 ein Token, und keines ist konfiguriert</translation>
    </message>
    <message>
        <source>GitHub needs a token for %1 %2, and none is configured: %3</source>
        <translation>GitHub braucht für %1 %2 ein Token, und keines ist konfiguriert: %3</translation>
    </message>
    <message>
        <source>Capstan reads GitHub anonymously, which GitHub limits to %1 requests an hour per IP address. Configure a token for a far higher limit: %2</source>
        <translation>Capstan liest GitHub anonym, was GitHub auf %1 Anfragen pro Stunde und IP-Adresse begrenzt. Für ein weit höheres Limit ein Token konfigurieren: %2</translation>
    </message>
    <message>
        <source>repository %1</source>
        <translation>Repository %1</translation>
    </message>
    <message>
        <source>workflow %1 or repository %2</source>
        <translation>Workflow %1 oder Repository %2</translation>
    </message>
    <message>
        <source>Check github.workflow (the file name under .github/workflows, e.g. ci.yml) and github.repo in capstan.yaml.</source>
        <translation>github.workflow (der Dateiname unter .github/workflows, z. B. ci.yml) und github.repo in capstan.yaml prüfen.</translation>
    </message>
    <message>
        <source>CI run id %1 in repository %2</source>
        <translation>CI-Lauf-ID %1 in Repository %2</translation>
    </message>
    <message>
        <source>`capstan --cli builds` lists the runs.</source>
        <translation>`capstan --cli builds` listet die Läufe auf.</translation>
    </message>
    <message>
        <source>commit %1 in repository %2</source>
        <translation>Commit %1 in Repository %2</translation>
    </message>
    <message>
        <source>`capstan --cli builds` lists the builds and their commits.</source>
        <translation>`capstan --cli builds` listet die Builds und ihre Commits auf.</translation>
    </message>
    <message>
        <source>Capstan reads GitHub anonymously (%1), so a private repository looks absent: configure a token. %2</source>
        <translation>Capstan liest GitHub anonym (%1), daher wirkt ein privates Repository, als fehle es: ein Token konfigurieren. %2</translation>
    </message>
    <message>
        <source>GitHub: %1 — %2 not found, or not public</source>
        <translation>GitHub: %1 — %2 nicht gefunden oder nicht öffentlich</translation>
    </message>
    <message>
        <source>GitHub: %1 — %2 not found or token lacks access</source>
        <translation>GitHub: %1 — %2 nicht gefunden oder das Token hat keinen Zugriff</translation>
    </message>
</context>
<context>
    <name>capstan::GitHubCommands</name>
    <message>
        <source>List the CI runs of the main branch with their chart version, ChartMuseum and Argo CD state</source>
        <translation>Die CI-Läufe des Haupt-Branches mit Chart-Version sowie ChartMuseum- und Argo-CD-Status auflisten</translation>
    </message>
    <message>
        <source>How many runs, newest first (default 20, at most 1000)</source>
        <translation>Wie viele Läufe, neueste zuerst (Standard 20, höchstens 1000)</translation>
    </message>
    <message>
        <source>Only runs with this status or conclusion (success, failure, in_progress, queued, ...)</source>
        <translation>Nur Läufe mit diesem Status oder Ergebnis (success, failure, in_progress, queued, ...)</translation>
    </message>
    <message>
        <source>Reads the runs of the configured workflow and branch from GitHub, the chart&apos;s versions from
ChartMuseum and the application&apos;s history from Argo CD. A service that does not answer is named on
stderr and its column shows &quot;?&quot;; the command still succeeds as long as GitHub answered.
JSON: [{run, runId, sha, status, conclusion, author, subject, chartVersion, inRepository, live,
historyId}] with inRepository/live true, false or null (unknown).</source>
        <translation>Liest die Läufe des konfigurierten Workflows und Branches von GitHub, die Versionen des Charts aus
ChartMuseum und den Verlauf der Anwendung aus Argo CD. Ein Dienst, der nicht antwortet, wird auf
stderr genannt und seine Spalte zeigt &quot;?&quot;; der Befehl ist trotzdem erfolgreich, solange GitHub geantwortet hat.
JSON: [{run, runId, sha, status, conclusion, author, subject, chartVersion, inRepository, live,
historyId}] mit inRepository/live true, false oder null (unbekannt).</translation>
    </message>
    <message>
        <source>Commits and chart changes between two builds (build numbers or &quot;live&quot;)</source>
        <translation>Commits und Chart-Änderungen zwischen zwei Builds (Build-Nummern oder &quot;live&quot;)</translation>
    </message>
    <message>
        <source>FROM and TO are CI run numbers or &quot;live&quot; (the build Argo CD runs now). Prints the commits between
the two runs&apos; head commits, oldest first, and a summary of the chart diff when ChartMuseum has both
chart versions. JSON: {from, to, commits: [{sha, author, login, subject, date}], chartDiff:
{metadata, files} | null}.</source>
        <translation>FROM und TO sind CI-Laufnummern oder &quot;live&quot; (der Build, den Argo CD gerade ausführt). Gibt die Commits zwischen
den Head-Commits der beiden Läufe aus, älteste zuerst, und eine Zusammenfassung des Chart-Diffs, wenn ChartMuseum beide
Chart-Versionen hat. JSON: {from, to, commits: [{sha, author, login, subject, date}], chartDiff:
{metadata, files} | null}.</translation>
    </message>
    <message>
        <source>Create a GitHub release for a build, tagged with its chart version</source>
        <translation>Ein GitHub-Release für einen Build erstellen, getaggt mit seiner Chart-Version</translation>
    </message>
    <message>
        <source>The CI run number to release (required)</source>
        <translation>Die CI-Laufnummer, die veröffentlicht werden soll (erforderlich)</translation>
    </message>
    <message>
        <source>Generate the notes since the build that is live in Argo CD</source>
        <translation>Die Notes seit dem Build erzeugen, der in Argo CD live ist</translation>
    </message>
    <message>
        <source>Create the release as a draft</source>
        <translation>Das Release als Entwurf erstellen</translation>
    </message>
    <message>
        <source>The tag is the build&apos;s chart version, the target its head commit; the notes are generated by
GitHub. A release with that tag already existing is a conflict (exit 6).
JSON: {id, tag, name, target, draft, url}.</source>
        <translation>Der Tag ist die Chart-Version des Builds, das Ziel sein Head-Commit; die Notes werden von
GitHub erzeugt. Existiert bereits ein Release mit diesem Tag, ist das ein Konflikt (Exit 6).
JSON: {id, tag, name, target, draft, url}.</translation>
    </message>
    <message>
        <source>Start the CI workflow on a branch or tag, optionally following it to the end</source>
        <translation>Den CI-Workflow auf einem Branch oder Tag starten, optional bis zum Ende verfolgen</translation>
    </message>
    <message>
        <source>Branch or tag (default: github.branch)</source>
        <translation>Branch oder Tag (Standard: github.branch)</translation>
    </message>
    <message>
        <source>A workflow input; may be given more than once</source>
        <translation>Eine Workflow-Eingabe; kann mehrfach angegeben werden</translation>
    </message>
    <message>
        <source>Follow the run until it completes; exit 0 on success, 1 otherwise</source>
        <translation>Den Lauf bis zum Abschluss verfolgen; Exit 0 bei Erfolg, sonst 1</translation>
    </message>
    <message>
        <source>An unknown ref is exit 5. JSON: {runId, run, url, status, conclusion}.</source>
        <translation>Eine unbekannte Ref ergibt Exit 5. JSON: {runId, run, url, status, conclusion}.</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>unerwarteter Fehler</translation>
    </message>
    <message>
        <source>--status &quot;%1&quot; is not a run status</source>
        <translation>--status &quot;%1&quot; ist kein Laufstatus</translation>
    </message>
    <message>
        <source>Use one of: %1</source>
        <translation>Einen davon verwenden: %1</translation>
    </message>
    <message>
        <source>GitHub gave no runs</source>
        <translation>GitHub hat keine Läufe geliefert</translation>
    </message>
    <message>
        <source>ChartMuseum did not answer, IN REPO is unknown: %1</source>
        <translation>ChartMuseum hat nicht geantwortet, IM REPO ist unbekannt: %1</translation>
    </message>
    <message>
        <source>Argo CD did not answer, LIVE is unknown: %1</source>
        <translation>Argo CD hat nicht geantwortet, LIVE ist unbekannt: %1</translation>
    </message>
    <message>
        <source>No CI runs found.
</source>
        <translation>Keine CI-Läufe gefunden.
</translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>früher</translation>
    </message>
    <message>
        <source>RUN</source>
        <translation>LAUF</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>COMMIT</translation>
    </message>
    <message>
        <source>AUTHOR</source>
        <translation>AUTOR</translation>
    </message>
    <message>
        <source>AGE</source>
        <translation>ALTER</translation>
    </message>
    <message>
        <source>CI</source>
        <translation>CI</translation>
    </message>
    <message>
        <source>CHART VERSION</source>
        <translation>CHART-VERSION</translation>
    </message>
    <message>
        <source>IN REPO</source>
        <translation>IM REPO</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <source>the configuration names no chart (chart.name)</source>
        <translation>die Konfiguration nennt kein Chart (chart.name)</translation>
    </message>
    <message>
        <source>no CI run #%1 among the newest %2 runs of the workflow</source>
        <translation>kein CI-Lauf #%1 unter den neuesten %2 Läufen des Workflows</translation>
    </message>
    <message>
        <source>List the runs with: capstan --cli builds --limit %1</source>
        <translation>Die Läufe auflisten mit: capstan --cli builds --limit %1</translation>
    </message>
    <message>
        <source>Argo CD application %1 has never been deployed: nothing is live</source>
        <translation>Argo-CD-Anwendung %1 wurde noch nie deployt: nichts ist live</translation>
    </message>
    <message>
        <source>the live chart version %1 does not match the version pattern %2, so it is no CI build</source>
        <translation>die live laufende Chart-Version %1 passt nicht zum Versionsmuster %2, ist also kein CI-Build</translation>
    </message>
    <message>
        <source>Argo CD (to find the live build)</source>
        <translation>Argo CD (um den live laufenden Build zu finden)</translation>
    </message>
    <message>
        <source>%1 must be a build number or &quot;live&quot;, not &quot;%2&quot;</source>
        <translation>%1 muss eine Build-Nummer oder &quot;live&quot; sein, nicht &quot;%2&quot;</translation>
    </message>
    <message>
        <source>No chart diff: %1</source>
        <translation>Kein Chart-Diff: %1</translation>
    </message>
    <message numerus="yes">
        <source>Changes from #%1 (%2, %3) to #%4 (%5, %6): %n commit(s)</source>
        <translation>
            <numerusform>Änderungen von #%1 (%2, %3) nach #%4 (%5, %6): %n Commit</numerusform>
            <numerusform>Änderungen von #%1 (%2, %3) nach #%4 (%5, %6): %n Commits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Note: %1 is %2 the other build (%n commit(s) behind)</source>
        <translation>
            <numerusform>Hinweis: %1 ist gegenüber dem anderen Build %2 (%n Commit zurück)</numerusform>
            <numerusform>Hinweis: %1 ist gegenüber dem anderen Build %2 (%n Commits zurück)</numerusform>
        </translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <translation>BETREFF</translation>
    </message>
    <message>
        <source>Chart %1 → %2: </source>
        <translation>Chart %1 → %2: </translation>
    </message>
    <message>
        <source>no differences</source>
        <translation>keine Unterschiede</translation>
    </message>
    <message>
        <source>FIELD</source>
        <translation>FELD</translation>
    </message>
    <message>
        <source>FROM</source>
        <translation>VON</translation>
    </message>
    <message>
        <source>TO</source>
        <translation>NACH</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>LINES</source>
        <translation>ZEILEN</translation>
    </message>
    <message>
        <source>release create needs --build N</source>
        <translation>release create braucht --build N</translation>
    </message>
    <message>
        <source>For example: capstan --cli release create --build 148</source>
        <translation>Zum Beispiel: capstan --cli release create --build 148</translation>
    </message>
    <message>
        <source>--notes-from takes &quot;live&quot;, not &quot;%1&quot;</source>
        <translation>--notes-from nimmt &quot;live&quot; an, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Created draft release %1 for build #%2 (%3)
</source>
        <translation>Release-Entwurf %1 für Build #%2 erstellt (%3)
</translation>
    </message>
    <message>
        <source>Created release %1 for build #%2 (%3)
</source>
        <translation>Release %1 für Build #%2 erstellt (%3)
</translation>
    </message>
    <message>
        <source>--ref must not be empty</source>
        <translation>--ref darf nicht leer sein</translation>
    </message>
    <message>
        <source>--input &quot;%1&quot; is not KEY=VALUE</source>
        <translation>--input &quot;%1&quot; ist nicht KEY=VALUE</translation>
    </message>
    <message>
        <source>For example: --input deploy=false</source>
        <translation>Zum Beispiel: --input deploy=false</translation>
    </message>
    <message>
        <source>Check that the branch or tag &quot;%1&quot; exists on GitHub.</source>
        <translation>Prüfen, ob der Branch oder Tag &quot;%1&quot; auf GitHub existiert.</translation>
    </message>
    <message>
        <source>Started run %1 (#%2) on %3
%4
</source>
        <translation>Lauf %1 (#%2) auf %3 gestartet
%4
</translation>
    </message>
    <message>
        <source>%1  %2
</source>
        <translation>%1  %2
</translation>
    </message>
    <message>
        <source>Run #%1 succeeded
</source>
        <translation>Lauf #%1 erfolgreich
</translation>
    </message>
    <message>
        <source>Run #%1 completed with conclusion %2
</source>
        <translation>Lauf #%1 abgeschlossen mit Ergebnis %2
</translation>
    </message>
    <message>
        <source>note: %1 A token raises the limit: `capstan --cli credentials set github`.</source>
        <translation>Hinweis: %1 Ein Token hebt das Limit an: `capstan --cli credentials set github`.</translation>
    </message>
</context>
<context>
    <name>capstan::GitHubCommit</name>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>is not an object</source>
        <translation>ist kein Objekt</translation>
    </message>
</context>
<context>
    <name>capstan::GitHubComparison</name>
    <message>
        <source>is &quot;%1&quot;, not one of diverged, ahead, behind, identical</source>
        <translation>ist &quot;%1&quot;, nicht einer von diverged, ahead, behind, identical</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>is not an array</source>
        <translation>ist kein Array</translation>
    </message>
    <message>
        <source>is not an object</source>
        <translation>ist kein Objekt</translation>
    </message>
</context>
<context>
    <name>capstan::GitHubServer</name>
    <message>
        <source>The GitHub server is already listening on port %1.</source>
        <translation>Der GitHub-Server lauscht bereits auf Port %1.</translation>
    </message>
</context>
<context>
    <name>capstan::HistoryItemDelegate</name>
    <message>
        <source>● live</source>
        <translation>● live</translation>
    </message>
    <message>
        <source>(previous)</source>
        <translation>(vorherige)</translation>
    </message>
</context>
<context>
    <name>capstan::HistoryModel</name>
    <message>
        <source>%1 (live)</source>
        <translation>%1 (live)</translation>
    </message>
    <message>
        <source>auto-sync</source>
        <translation>auto-sync</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Running now</source>
        <translation>Läuft jetzt</translation>
    </message>
    <message>
        <source>Default rollback target</source>
        <translation>Standardziel für Rollback</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Deployed (UTC)</source>
        <translation>Deployt (UTC)</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Target at the time</source>
        <translation>Damaliges Ziel</translation>
    </message>
</context>
<context>
    <name>capstan::HistoryView</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>Beenden…</translation>
    </message>
    <message>
        <source>Rollback…</source>
        <translation>Rollback…</translation>
    </message>
    <message>
        <source>Sync now…</source>
        <translation>Jetzt syncen…</translation>
    </message>
    <message>
        <source>Re-deploy the selected history entry (shows what changes first)</source>
        <translation>Den ausgewählten Verlaufseintrag erneut deployen (zeigt vorher, was sich ändert)</translation>
    </message>
    <message>
        <source>Sync the application to its target revision now</source>
        <translation>Die Anwendung jetzt auf ihre Target-Revision syncen</translation>
    </message>
    <message>
        <source>Restore auto-sync</source>
        <translation>Auto-Sync wiederherstellen</translation>
    </message>
    <message>
        <source>Argo CD is not configured — open Settings to add the server and the application.</source>
        <translation>Argo CD ist nicht eingerichtet — die Einstellungen öffnen, um Server und Anwendung hinzuzufügen.</translation>
    </message>
    <message>
        <source>Argo CD is not configured.</source>
        <translation>Argo CD ist nicht eingerichtet.</translation>
    </message>
    <message>
        <source>Loading the history of %1…</source>
        <translation>Verlauf von %1 wird geladen…</translation>
    </message>
    <message>
        <source>Connecting to Argo CD at %1…</source>
        <translation>Verbindung zu Argo CD unter %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Argo CD session expired or token rejected</source>
        <translation>Argo-CD-Sitzung abgelaufen oder Token abgelehnt</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Could not read the application from Argo CD</source>
        <translation>Die Anwendung konnte nicht aus Argo CD gelesen werden</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>auto-sync on</source>
        <translation>auto-sync an</translation>
    </message>
    <message>
        <source>auto-sync SUSPENDED</source>
        <translation>auto-sync AUSGESETZT</translation>
    </message>
    <message>
        <source>manual sync</source>
        <translation>manueller Sync</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Live %1 · chart %2 · target %3 · %4</source>
        <translation>Live %1 · Chart %2 · Ziel %3 · %4</translation>
    </message>
    <message>
        <source>Argo CD does not deploy new versions of %1 until auto-sync is restored. Restoring it syncs the target revision %2 again.</source>
        <translation>Argo CD deployt keine neuen Versionen von %1, bis Auto-Sync wiederhergestellt ist. Beim Wiederherstellen wird die Target-Revision %2 erneut gesynct.</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>%1, waiting for Argo CD to compare</source>
        <translation>%1, wartet auf den Vergleich durch Argo CD</translation>
    </message>
    <message>
        <source>Sync %1</source>
        <translation>Sync %1</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>%1 finished: %2</source>
        <translation>%1 abgeschlossen: %2</translation>
    </message>
    <message>
        <source>%1 ended with phase %2: %3</source>
        <translation>%1 endete mit Phase %2: %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The selected entry is the version running now</source>
        <translation>Der ausgewählte Eintrag ist die gerade laufende Version</translation>
    </message>
    <message>
        <source>Wait for the running operation to finish</source>
        <translation>Warten, bis der laufende Vorgang abgeschlossen ist</translation>
    </message>
    <message>
        <source>Selected: %1 (live)</source>
        <translation>Ausgewählt: %1 (live)</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>Ausgewählt: %1</translation>
    </message>
    <message>
        <source>Rollback to %1 (#%2)</source>
        <translation>Rollback auf %1 (#%2)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt syncen</translation>
    </message>
    <message>
        <source>Sync %1 to its target revision %2 now?</source>
        <translation>%1 jetzt auf die Target-Revision %2 syncen?</translation>
    </message>
    <message>
        <source>Auto-sync is suspended; this deploys the target revision anyway and replaces the rolled back version %1. Auto-sync stays suspended.</source>
        <translation>Auto-Sync ist ausgesetzt; dies deployt trotzdem die Target-Revision und ersetzt die zurückgerollte Version %1. Auto-Sync bleibt ausgesetzt.</translation>
    </message>
    <message>
        <source>Argo CD applies every resource of the target revision again, even when it is in sync.</source>
        <translation>Argo CD wendet jede Ressource der Target-Revision erneut an, auch wenn sie synchron ist.</translation>
    </message>
    <message>
        <source>Sync to %1</source>
        <translation>Auf %1 syncen</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Sync fehlgeschlagen</translation>
    </message>
    <message>
        <source>Auto-sync restored on %1.</source>
        <translation>Auto-Sync auf %1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Argo CD deploys the target revision %1 again when the application is out of sync.</source>
        <translation>Argo CD deployt die Target-Revision %1 erneut, wenn die Anwendung nicht synchron ist.</translation>
    </message>
    <message>
        <source>Auto-sync could not be restored</source>
        <translation>Auto-Sync konnte nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Terminate operation</source>
        <translation>Vorgang beenden</translation>
    </message>
    <message>
        <source>Terminate the operation running on %1?</source>
        <translation>Den auf %1 laufenden Vorgang beenden?</translation>
    </message>
    <message>
        <source>It started at %1. Argo CD stops applying resources; what was applied stays, and the operation ends as Failed (“Operation terminated”).</source>
        <translation>Startzeit: %1. Argo CD hört auf, Ressourcen anzuwenden; bereits Angewendetes bleibt, und der Vorgang endet als Failed („Operation terminated“).</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Argo CD is terminating the operation…</source>
        <translation>Argo CD beendet den Vorgang…</translation>
    </message>
    <message>
        <source>Terminate failed</source>
        <translation>Beenden fehlgeschlagen</translation>
    </message>
    <message>
        <source>Showing the history from %1; could not read the application from Argo CD</source>
        <translation>Verlauf mit Stand %1 wird angezeigt; die Anwendung konnte nicht aus Argo CD gelesen werden</translation>
    </message>
    <message>
        <source>The journal could not record this %1.</source>
        <translation>Das Journal konnte diese Aktion (%1) nicht festhalten.</translation>
    </message>
    <message>
        <source>Argo CD then deploys the target revision whenever %1 is out of sync.</source>
        <translation>Argo CD deployt dann die Target-Revision, sobald %1 nicht synchron ist.</translation>
    </message>
    <message>
        <source>Restore and deploy %1 again</source>
        <translation>Wiederherstellen und %1 erneut deployen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>capstan::HttpClient</name>
    <message>
        <source>The answer from %1 was cut short (%2)</source>
        <translation>Die Antwort von %1 wurde abgeschnitten (%2)</translation>
    </message>
    <message>
        <source>The connection dropped mid-transfer; try again.</source>
        <translation>Die Verbindung ist während der Übertragung abgebrochen; erneut versuchen.</translation>
    </message>
    <message>
        <source>Cannot reach %1 at %2: %3</source>
        <translation>%1 unter %2 nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>Check the server URL in capstan.yaml and that the server is running.</source>
        <translation>Die Server-URL in capstan.yaml prüfen und sicherstellen, dass der Server läuft.</translation>
    </message>
    <message numerus="yes">
        <source>Tried %n time(s).</source>
        <translation>
            <numerusform>Nach %n Versuch.</numerusform>
            <numerusform>Nach %n Versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the credentials.</source>
        <translation>Die Zugangsdaten prüfen.</translation>
    </message>
    <message>
        <source>Check the %1 credentials: run `capstan --cli credentials set %2`, or set %3.</source>
        <translation>Die Zugangsdaten für %1 prüfen: `capstan --cli credentials set %2` ausführen oder %3 setzen.</translation>
    </message>
    <message>
        <source>The credentials were accepted but lack permission for this operation.</source>
        <translation>Die Zugangsdaten wurden akzeptiert, haben aber keine Berechtigung für diesen Vorgang.</translation>
    </message>
    <message>
        <source>%1 failed on its side.</source>
        <translation>Der Fehler liegt auf der Serverseite von %1.</translation>
    </message>
    <message>
        <source>Stopped retrying after %1 s.</source>
        <translation>Wiederholungen nach %1 s eingestellt.</translation>
    </message>
    <message>
        <source>%1 is limiting the request rate; try again in a moment.</source>
        <translation>%1 begrenzt die Anfragerate; gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>%1 sent nothing for %2 s: %3</source>
        <translation>%1 hat %2 s lang nichts gesendet: %3</translation>
    </message>
    <message>
        <source>Check that the server is up.</source>
        <translation>Prüfen, ob der Server läuft.</translation>
    </message>
    <message>
        <source>Check that the server is up, or raise %1 in capstan.yaml (seconds).</source>
        <translation>Prüfen, ob der Server läuft, oder %1 in capstan.yaml erhöhen (Sekunden).</translation>
    </message>
</context>
<context>
    <name>capstan::HttpListener</name>
    <message>
        <source>Already listening on 127.0.0.1:%1.</source>
        <translation>Lauscht bereits auf 127.0.0.1:%1.</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1: %2</source>
        <translation>Lauschen auf 127.0.0.1:%1 nicht möglich: %2</translation>
    </message>
</context>
<context>
    <name>capstan::JournalModel</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>running: %1</source>
        <translation>läuft: %1</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>INTERRUPTED</source>
        <translation>UNTERBROCHEN</translation>
    </message>
    <message>
        <source>INTERRUPTED (%1)</source>
        <translation>UNTERBROCHEN (%1)</translation>
    </message>
    <message>
        <source>%1 (build %2)</source>
        <translation>%1 (Build %2)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>Auto-sync off</source>
        <translation>Auto-Sync aus</translation>
    </message>
    <message>
        <source>Auto-sync on</source>
        <translation>Auto-Sync an</translation>
    </message>
    <message>
        <source>Lock taken</source>
        <translation>Sperre gesetzt</translation>
    </message>
    <message>
        <source>Lock released</source>
        <translation>Sperre freigegeben</translation>
    </message>
    <message>
        <source>Lock broken</source>
        <translation>Sperre aufgehoben</translation>
    </message>
    <message>
        <source>CI override</source>
        <translation>CI-Prüfung übergangen</translation>
    </message>
    <message>
        <source>Deploy refused</source>
        <translation>Deployment abgelehnt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Dirty working tree</source>
        <translation>Arbeitsverzeichnis mit lokalen Änderungen</translation>
    </message>
</context>
<context>
    <name>capstan::JournalView</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>The deploy journal is not available.</source>
        <translation>Das Deployment-Journal ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Deploys are not recorded; see the message at start for why.</source>
        <translation>Deployments werden nicht aufgezeichnet; den Grund finden Sie in der Meldung beim Start.</translation>
    </message>
    <message>
        <source>No journal</source>
        <translation>Kein Journal</translation>
    </message>
    <message>
        <source>The deploy journal could not be read.</source>
        <translation>Das Deployment-Journal konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Select a deploy to see its steps.</source>
        <translation>Wählen Sie ein Deployment aus, um seine Schritte zu sehen.</translation>
    </message>
    <message>
        <source>Deploy of %1 to %2 by %3</source>
        <translation>Deployment von %1 auf %2 durch %3</translation>
    </message>
    <message numerus="yes">
        <source>%n deploy(s)</source>
        <translation>
            <numerusform>%n Deployment</numerusform>
            <numerusform>%n Deployments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other action(s) in %1</source>
        <translation>
            <numerusform>%n andere Aktion in %1</numerusform>
            <numerusform>%n andere Aktionen in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No deploy or action has been recorded yet.</source>
        <translation>Es wurde noch kein Deployment und keine Aktion aufgezeichnet.</translation>
    </message>
    <message>
        <source>%1 of %2 by %3: %4</source>
        <translation>%1 von %2 durch %3: %4</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Part of deploy #%1</source>
        <translation>Teil von Deployment #%1</translation>
    </message>
</context>
<context>
    <name>capstan::MainWindow</name>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Last refresh %1</source>
        <translation>Zuletzt aktualisiert um %1</translation>
    </message>
    <message>
        <source>ChartMuseum: not configured</source>
        <translation>ChartMuseum: nicht eingerichtet</translation>
    </message>
    <message>
        <source>No capstan.yaml found</source>
        <translation>Keine capstan.yaml gefunden</translation>
    </message>
    <message>
        <source>capstan.yaml could not be read:
%1

Fix the file, or open Settings to write the server settings again.</source>
        <translation>capstan.yaml konnte nicht gelesen werden:
%1

Die Datei korrigieren oder die Einstellungen öffnen, um die Servereinstellungen neu zu schreiben.</translation>
    </message>
    <message>
        <source>No capstan.yaml was found — open Settings to add the ChartMuseum server.</source>
        <translation>Keine capstan.yaml gefunden — die Einstellungen öffnen, um den ChartMuseum-Server hinzuzufügen.</translation>
    </message>
    <message>
        <source>No chartmuseum section in %1 — open Settings to add the server.</source>
        <translation>Kein chartmuseum-Abschnitt in %1 — die Einstellungen öffnen, um den Server hinzuzufügen.</translation>
    </message>
    <message>
        <source>ChartMuseum: %1</source>
        <translation>ChartMuseum: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>About Capstan</source>
        <translation>Über Capstan</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Capstan %1&lt;/h3&gt;&lt;p&gt;A release manager for a GitOps flow: GitHub builds, Helm charts in ChartMuseum and Argo CD deployments.&lt;/p&gt;&lt;p&gt;Configuration: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Capstan %1&lt;/h3&gt;&lt;p&gt;Ein Release-Manager für einen GitOps-Ablauf: GitHub-Builds, Helm-Charts in ChartMuseum und Argo-CD-Deployments.&lt;/p&gt;&lt;p&gt;Konfiguration: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The configuration has an error</source>
        <translation>Die Konfiguration enthält einen Fehler</translation>
    </message>
    <message>
        <source>Builds</source>
        <translation>Builds</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <source>capstan.yaml has no argocd section</source>
        <translation>capstan.yaml hat keinen Abschnitt argocd</translation>
    </message>
    <message>
        <source>Argo CD is not configured — open Settings to add the server and the application.</source>
        <translation>Argo CD ist nicht eingerichtet — die Einstellungen öffnen, um Server und Anwendung hinzuzufügen.</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>wird verbunden…</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>Argo CD session expired or token rejected — Log in…</source>
        <translation>Argo-CD-Sitzung abgelaufen oder Token abgelehnt — Anmelden…</translation>
    </message>
    <message>
        <source>No Argo CD credentials — Log in…</source>
        <translation>Keine Zugangsdaten für Argo CD — Anmelden…</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>log in again</source>
        <translation>erneut anmelden</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Show the running deploy</source>
        <translation>Laufendes Deployment anzeigen</translation>
    </message>
    <message>
        <source>The deploy journal could not be opened: deploys are not recorded.</source>
        <translation>Das Deployment-Journal konnte nicht geöffnet werden: Deployments werden nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>The deploy journal could not be checked for interrupted deploys.</source>
        <translation>Das Deployment-Journal konnte nicht auf unterbrochene Deployments geprüft werden.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>The deploy of %1 (%2) by %3 was interrupted before its first step.</source>
        <translation>Das Deployment von %1 (%2) durch %3 wurde vor dem ersten Schritt unterbrochen.</translation>
    </message>
    <message>
        <source>The deploy of %1 (%2) by %3 was interrupted in step %4.</source>
        <translation>Das Deployment von %1 (%2) durch %3 wurde in Schritt %4 unterbrochen.</translation>
    </message>
    <message>
        <source>Started %1. Check the application before deploying again.</source>
        <translation>Gestartet %1. Prüfen Sie die Anwendung, bevor Sie erneut bereitstellen.</translation>
    </message>
    <message numerus="yes">
        <source>%n more interrupted deploy(s) are in the journal.</source>
        <translation>
            <numerusform>%n weiteres unterbrochenes Deployment ist im Journal.</numerusform>
            <numerusform>%n weitere unterbrochene Deployments sind im Journal.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Journal</source>
        <translation>Journal öffnen</translation>
    </message>
    <message>
        <source>A deploy is already running; wait for it or cancel it first.</source>
        <translation>Es läuft bereits ein Deployment; warten Sie darauf oder brechen Sie es zuerst ab.</translation>
    </message>
    <message>
        <source>The deploy could not start: %1</source>
        <translation>Das Deployment konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Deploying %1 to %2…</source>
        <translation>%1 wird auf %2 bereitgestellt…</translation>
    </message>
    <message>
        <source>GitHub is not available: no release can be created.</source>
        <translation>GitHub ist nicht verfügbar: es kann kein Release erstellt werden.</translation>
    </message>
    <message>
        <source>A deploy is running</source>
        <translation>Ein Deployment läuft</translation>
    </message>
    <message>
        <source>The deploy of %1 to %2 is still running. Cancel it and quit?</source>
        <translation>Das Deployment von %1 auf %2 läuft noch. Abbrechen und beenden?</translation>
    </message>
    <message>
        <source>Running steps are stopped; the journal records the deploy as cancelled.</source>
        <translation>Laufende Schritte werden gestoppt; das Journal vermerkt das Deployment als abgebrochen.</translation>
    </message>
    <message>
        <source>Cancel deploy and quit</source>
        <translation>Deployment abbrechen und beenden</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>capstan::OperationWaiter</name>
    <message>
        <source>No watcher to wait with</source>
        <translation>Kein Watcher zum Warten vorhanden</translation>
    </message>
</context>
<context>
    <name>capstan::PackageCommands</name>
    <message>
        <source>Package a chart directory into the .tgz helm package would make (no helm needed)</source>
        <translation>Ein Chart-Verzeichnis in die .tgz paketieren, die helm package erzeugen würde (ohne helm)</translation>
    </message>
    <message>
        <source>Version written into the packaged Chart.yaml (SemVer 2, e.g. 1.0.0-42)</source>
        <translation>Version, die in die paketierte Chart.yaml geschrieben wird (SemVer 2, z. B. 1.0.0-42)</translation>
    </message>
    <message>
        <source>appVersion written into the packaged Chart.yaml</source>
        <translation>appVersion, die in die paketierte Chart.yaml geschrieben wird</translation>
    </message>
    <message>
        <source>Add the files of DIR (generated Kubernetes YAML) under templates/ of the package</source>
        <translation>Die Dateien aus DIR (generiertes Kubernetes-YAML) unter templates/ ins Paket aufnehmen</translation>
    </message>
    <message>
        <source>Write into OUT (created if needed) instead of the current directory</source>
        <translation>In OUT schreiben (wird bei Bedarf angelegt) statt ins aktuelle Verzeichnis</translation>
    </message>
    <message>
        <source>invalid --version &quot;%1&quot;: {build} is not expanded by package</source>
        <translation>ungültiger Wert für --version &quot;%1&quot;: package expandiert {build} nicht</translation>
    </message>
    <message>
        <source>Pass the real version, e.g. --version 1.0.0-42.</source>
        <translation>Die echte Version angeben, z. B. --version 1.0.0-42.</translation>
    </message>
    <message>
        <source>invalid --version &quot;%1&quot;: not a SemVer 2 version</source>
        <translation>ungültiger Wert für --version &quot;%1&quot;: keine SemVer-2-Version</translation>
    </message>
    <message>
        <source>Versions look like 1.2.3, 1.0.0-42 or 1.2.3-rc.1+build.7.</source>
        <translation>Versionen sehen so aus: 1.2.3, 1.0.0-42 oder 1.2.3-rc.1+build.7.</translation>
    </message>
    <message>
        <source>--app-version needs a value, not an empty string</source>
        <translation>--app-version braucht einen Wert, keine leere Zeichenkette</translation>
    </message>
    <message>
        <source>--%1 needs a directory, not an empty string</source>
        <translation>--%1 braucht ein Verzeichnis, keine leere Zeichenkette</translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 ist kein Verzeichnis</translation>
    </message>
    <message>
        <source>chart directory %1 does not exist</source>
        <translation>das Chart-Verzeichnis %1 existiert nicht</translation>
    </message>
    <message>
        <source>Give the chart&apos;s directory, the one that holds Chart.yaml.</source>
        <translation>Das Verzeichnis des Charts angeben, das die Chart.yaml enthält.</translation>
    </message>
    <message>
        <source>Cannot package %1: %2</source>
        <translation>%1 kann nicht paketiert werden: %2</translation>
    </message>
    <message>
        <source>Fix the chart; nothing was written.</source>
        <translation>Das Chart korrigieren; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>-d/--destination names the directory to write the package into.</source>
        <translation>-d/--destination gibt das Verzeichnis an, in das das Paket geschrieben wird.</translation>
    </message>
    <message>
        <source>Cannot create the directory %1</source>
        <translation>Das Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Check the path and its permissions.</source>
        <translation>Pfad und Berechtigungen prüfen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Check free space and permissions; nothing was changed.</source>
        <translation>Freien Speicherplatz und Berechtigungen prüfen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Packaged %1 %2 into %3</source>
        <translation>%1 %2 nach %3 paketiert</translation>
    </message>
    <message>
        <source>Digest:</source>
        <translation>Digest:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Dateien:</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Version from chart.version in the configuration with {build} set to the CI run number N (default pattern 1.0.0-{build})</source>
        <translation>Version aus chart.version der Konfiguration, mit {build} als CI-Laufnummer N (Standardmuster 1.0.0-{build})</translation>
    </message>
    <message>
        <source>DIR defaults to chart.path from the configuration, else the current directory; chart.manifests
is used when DIR is not given (or is chart.path) and --manifests is not. The chart is read the
way helm package reads it: .helmignore applied, symlinks followed (never out of the chart),
regular files only, at most 5 MiB per file and 100 MiB in all, Chart.yaml validated, every
dependency present in charts/. --version and --app-version change only the packaged Chart.yaml
(the value is replaced in place, comments kept); the file on disk is not touched. --build N takes
the version from the chart.version pattern (e.g. 1.0.0-{build} gives 1.0.0-N).
The output is reproducible: the same input gives the same bytes (fixed time stamps, owner and
mode), so the sha256 digest identifies the content. OUT/&lt;name&gt;-&lt;version&gt;.tgz is written
atomically. JSON: {file, name, version, appVersion, digest, size, files}.</source>
        <translation>DIR ist standardmäßig chart.path aus der Konfiguration, sonst das aktuelle Verzeichnis; chart.manifests
wird verwendet, wenn DIR fehlt (oder chart.path ist) und --manifests nicht angegeben ist. Das Chart wird
so gelesen, wie helm package es liest: .helmignore angewendet, symbolische Links verfolgt (nie aus dem
Chart heraus), nur reguläre Dateien, höchstens 5 MiB pro Datei und 100 MiB insgesamt, Chart.yaml geprüft,
jede Abhängigkeit in charts/ vorhanden. --version und --app-version ändern nur die Chart.yaml im Paket
(der Wert wird an Ort und Stelle ersetzt, Kommentare bleiben); die Datei auf der Platte bleibt unberührt.
--build N nimmt die Version aus dem Muster chart.version (z. B. ergibt 1.0.0-{build} 1.0.0-N).
Die Ausgabe ist reproduzierbar: dieselbe Eingabe ergibt dieselben Bytes (feste Zeitstempel, Eigentümer
und Rechte), daher kennzeichnet der sha256-Digest den Inhalt. OUT/&lt;name&gt;-&lt;version&gt;.tgz wird
atomar geschrieben. JSON: {file, name, version, appVersion, digest, size, files}.</translation>
    </message>
    <message>
        <source>give either --version or --build, not both</source>
        <translation>entweder --version oder --build angeben, nicht beides</translation>
    </message>
    <message>
        <source>invalid --build &quot;%1&quot;: expected a CI run number such as 42</source>
        <translation>ungültiges --build „%1“: erwartet wird eine CI-Laufnummer wie 42</translation>
    </message>
    <message>
        <source>chart.version &quot;%1&quot; has no {build} placeholder for --build</source>
        <translation>chart.version „%1“ enthält keinen Platzhalter {build} für --build</translation>
    </message>
    <message>
        <source>Use a pattern such as 1.0.0-{build}, or pass --version.</source>
        <translation>Ein Muster wie 1.0.0-{build} verwenden oder --version angeben.</translation>
    </message>
    <message>
        <source>chart.version &quot;%1&quot; gives &quot;%2&quot; for build %3, which is not a SemVer 2 version</source>
        <translation>chart.version „%1“ ergibt für Build %3 „%2“, und das ist keine SemVer-2-Version</translation>
    </message>
</context>
<context>
    <name>capstan::PipelineGraph</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (stage %2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (Phase %2)</translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation>%1 nach %2</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>Exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>capstan::PipelineRunner</name>
    <message>
        <source>deploy cancelled</source>
        <translation>Deployment abgebrochen</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 was cancelled</source>
        <translation>%1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>%1 was skipped</source>
        <translation>%1 wurde übersprungen</translation>
    </message>
    <message>
        <source>step %1: no executor for the kind %2</source>
        <translation>Schritt %1: kein Executor für die Art %2</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>unerwarteter Fehler</translation>
    </message>
</context>
<context>
    <name>capstan::PipelineStepsModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>capstan::PipelineView</name>
    <message>
        <source>Cancel deploy</source>
        <translation>Deployment abbrechen</translation>
    </message>
    <message>
        <source>Create GitHub release…</source>
        <translation>GitHub-Release erstellen…</translation>
    </message>
    <message>
        <source>Select a step to see its output.</source>
        <translation>Wählen Sie einen Schritt aus, um seine Ausgabe zu sehen.</translation>
    </message>
    <message>
        <source>Output of</source>
        <translation>Ausgabe von</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (exit code %2)</source>
        <translation>%1 (Exit-Code %2)</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>No output from %1 yet.</source>
        <translation>Noch keine Ausgabe von %1.</translation>
    </message>
    <message>
        <source>No deploy yet</source>
        <translation>Noch kein Deployment</translation>
    </message>
    <message>
        <source>Start one with Deploy in the Builds view.</source>
        <translation>Starten Sie eines mit „Bereitstellen“ in der Builds-Ansicht.</translation>
    </message>
    <message>
        <source> (build #%1)</source>
        <translation> (Build #%1)</translation>
    </message>
    <message>
        <source>Deploying %1%2 to %3</source>
        <translation>%1%2 wird auf %3 bereitgestellt</translation>
    </message>
    <message>
        <source>Deploy of %1%2 to %3</source>
        <translation>Deployment von %1%2 auf %3</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>commit %1</source>
        <translation>Commit %1</translation>
    </message>
    <message>
        <source>preparing (lock, journal)…</source>
        <translation>wird vorbereitet (Sperre, Journal)…</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Verstrichene Zeit</translation>
    </message>
    <message>
        <source>Deployed %1 to %2 in %3.</source>
        <translation>%1 in %3 auf %2 bereitgestellt.</translation>
    </message>
    <message>
        <source>The deploy of %1 failed in step %2 after %3.</source>
        <translation>Das Deployment von %1 ist in Schritt %2 nach %3 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The deploy of %1 failed: %2</source>
        <translation>Das Deployment von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The deploy of %1 could not start: %2</source>
        <translation>Das Deployment von %1 konnte nicht starten: %2</translation>
    </message>
    <message>
        <source>The deploy of %1 failed after %2.</source>
        <translation>Das Deployment von %1 ist nach %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The deploy of %1 was cancelled after %2.</source>
        <translation>Das Deployment von %1 wurde nach %2 abgebrochen.</translation>
    </message>
    <message>
        <source>Cancel the prod deploy?</source>
        <translation>prod-Deployment abbrechen?</translation>
    </message>
    <message>
        <source>Cancel the deploy of %1 to prod?</source>
        <translation>Deployment von %1 auf prod abbrechen?</translation>
    </message>
    <message>
        <source>Running steps are stopped where they are; a chart may already be published or an Argo CD sync half done.</source>
        <translation>Laufende Schritte werden sofort gestoppt; ein Chart ist möglicherweise bereits veröffentlicht oder ein Argo-CD-Sync halb abgeschlossen.</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Failed at step %1 of %2 (%3 passed)</source>
        <translation>Fehlgeschlagen bei Schritt %1 von %2 (%3 bestanden)</translation>
    </message>
    <message>
        <source>Failed: %1 of %2 steps passed</source>
        <translation>Fehlgeschlagen: %1 von %2 Schritten bestanden</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 steps passed</source>
        <translation>Abgebrochen: %1 von %2 Schritten bestanden</translation>
    </message>
    <message>
        <source>%1 of %2 steps done</source>
        <translation>%1 von %2 Schritten erledigt</translation>
    </message>
</context>
<context>
    <name>capstan::PublishCommands</name>
    <message>
        <source>Upload a chart package (or a chart directory, packaged first) to ChartMuseum</source>
        <translation>Ein Chart-Paket (oder ein Chart-Verzeichnis, zuvor paketiert) nach ChartMuseum hochladen</translation>
    </message>
    <message>
        <source>Overwrite an existing version (refused by a server started with --disable-force-overwrite)</source>
        <translation>Eine vorhandene Version überschreiben (ein mit --disable-force-overwrite gestarteter Server lehnt ab)</translation>
    </message>
    <message>
        <source>The package is checked locally with Helm&apos;s loader rules and the 20 MiB upload limit before anything
is sent; a directory is packaged natively as `package` would, with its Chart.yaml version.
After the upload the version is read back and its sha256 digest compared with what was sent.
An existing version is a conflict (exit 6) unless --force is given and the server allows it.
JSON: {name, version, digest, created}.</source>
        <translation>Das Paket wird vor dem Senden lokal nach den Laderegeln von Helm und gegen das Upload-Limit von
20 MiB geprüft; ein Verzeichnis wird nativ paketiert, wie es `package` tun würde, mit der
Version aus seiner Chart.yaml. Nach dem Upload wird die Version zurückgelesen und ihr
sha256-Digest mit dem Gesendeten verglichen. Eine vorhandene Version ist ein Konflikt (Exit 6),
außer mit --force, wenn der Server es erlaubt.
JSON: {name, version, digest, created}.</translation>
    </message>
    <message>
        <source>Delete one chart version from ChartMuseum (permanent; needs --yes)</source>
        <translation>Eine Chart-Version aus ChartMuseum löschen (endgültig; erfordert --yes)</translation>
    </message>
    <message>
        <source>Confirm the deletion: it cannot be undone</source>
        <translation>Das Löschen bestätigen: es kann nicht rückgängig gemacht werden</translation>
    </message>
    <message>
        <source>VERSION is exact (no ranges, no &quot;latest&quot;). A missing version is exit 5; a server started with
--disable-delete refuses every delete (exit 1, said so). JSON: {name, version, deleted}.</source>
        <translation>VERSION ist exakt (keine Bereiche, kein &quot;latest&quot;). Eine fehlende Version ergibt Exit 5; ein mit
--disable-delete gestarteter Server lehnt jedes Löschen ab (Exit 1, mit Meldung).
JSON: {name, version, deleted}.</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>publish takes a chart package (.tgz) or a chart directory.</source>
        <translation>publish erwartet ein Chart-Paket (.tgz) oder ein Chart-Verzeichnis.</translation>
    </message>
    <message>
        <source>Cannot package %1: %2</source>
        <translation>%1 kann nicht paketiert werden: %2</translation>
    </message>
    <message>
        <source>Nothing was sent. Fix the chart directory and try again.</source>
        <translation>Es wurde nichts gesendet. Das Chart-Verzeichnis korrigieren und erneut versuchen.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Check the file&apos;s permissions.</source>
        <translation>Die Berechtigungen der Datei prüfen.</translation>
    </message>
    <message>
        <source>%1 is %2 bytes; ChartMuseum accepts at most %3 bytes (20 MiB) per upload</source>
        <translation>%1 ist %2 Bytes groß; ChartMuseum nimmt pro Upload höchstens %3 Bytes (20 MiB) an</translation>
    </message>
    <message>
        <source>Nothing was sent. Keep large files out of the chart (.helmignore).</source>
        <translation>Es wurde nichts gesendet. Große Dateien aus dem Chart heraushalten (.helmignore).</translation>
    </message>
    <message>
        <source>Published %1 %2 to %3
</source>
        <translation>%1 %2 nach %3 veröffentlicht
</translation>
    </message>
    <message>
        <source>Digest sha256:%1 (verified against the server&apos;s listing)
</source>
        <translation>Digest sha256:%1 (gegen die Liste des Servers geprüft)
</translation>
    </message>
    <message>
        <source>Deleting %1 %2 is permanent and needs --yes</source>
        <translation>Das Löschen von %1 %2 ist endgültig und erfordert --yes</translation>
    </message>
    <message>
        <source>Run `capstan --cli delete %1 %2 --yes` to confirm.</source>
        <translation>Zum Bestätigen `capstan --cli delete %1 %2 --yes` ausführen.</translation>
    </message>
    <message>
        <source>delete needs an exact version, not &quot;latest&quot;</source>
        <translation>delete braucht eine exakte Version, nicht &quot;latest&quot;</translation>
    </message>
    <message>
        <source>List the versions with `capstan --cli versions %1`.</source>
        <translation>Die Versionen mit `capstan --cli versions %1` auflisten.</translation>
    </message>
    <message>
        <source>Deleted %1 %2
</source>
        <translation>%1 %2 gelöscht
</translation>
    </message>
</context>
<context>
    <name>capstan::ReleaseDialog</name>
    <message>
        <source>Generate notes again</source>
        <translation>Notes erneut erzeugen</translation>
    </message>
    <message>
        <source>Create release</source>
        <translation>Release erstellen</translation>
    </message>
    <message>
        <source>Create GitHub release %1</source>
        <translation>GitHub-Release %1 erstellen</translation>
    </message>
    <message>
        <source>Release notes (Markdown)</source>
        <translation>Release Notes (Markdown)</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Tag:</translation>
    </message>
    <message>
        <source>Target commit:</source>
        <translation>Ziel-Commit:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Previous tag:</source>
        <translation>Vorheriger Tag:</translation>
    </message>
    <message>
        <source>(chosen by GitHub)</source>
        <translation>(von GitHub gewählt)</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>GitHub is not available.</source>
        <translation>GitHub ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Generating release notes for %1 …</source>
        <translation>Release Notes für %1 werden erzeugt …</translation>
    </message>
    <message>
        <source>GitHub generated no notes; write them yourself.</source>
        <translation>GitHub hat keine Notes erzeugt; bitte selbst schreiben.</translation>
    </message>
    <message>
        <source>Release notes could not be generated.</source>
        <translation>Release Notes konnten nicht erzeugt werden.</translation>
    </message>
    <message>
        <source>The tag must not be empty.</source>
        <translation>Der Tag darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Creating release %1 …</source>
        <translation>Release %1 wird erstellt …</translation>
    </message>
    <message>
        <source>Release %1 created.</source>
        <translation>Release %1 erstellt.</translation>
    </message>
    <message>
        <source>A release with tag %1 already exists.</source>
        <translation>Ein Release mit dem Tag %1 existiert bereits.</translation>
    </message>
    <message>
        <source>The release could not be created.</source>
        <translation>Das Release konnte nicht erstellt werden.</translation>
    </message>
</context>
<context>
    <name>capstan::RollbackDialog</name>
    <message>
        <source>Roll back %1</source>
        <translation>%1 zurückrollen</translation>
    </message>
    <message>
        <source>Roll back &lt;b&gt;%1&lt;/b&gt; to an earlier deployment</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; auf ein früheres Deployment zurückrollen</translation>
    </message>
    <message>
        <source>LIVE NOW</source>
        <translation>JETZT LIVE</translation>
    </message>
    <message>
        <source>ROLL BACK TO</source>
        <translation>ZURÜCKROLLEN AUF</translation>
    </message>
    <message>
        <source>Argo CD re-deploys chart %1 version %2 with the source it was deployed with. The target revision (%3) does not change, so the application shows OutOfSync afterwards.</source>
        <translation>Argo CD deployt Chart %1 Version %2 erneut mit der Quelle, mit der sie deployt wurde. Die Target-Revision (%3) ändert sich nicht, daher zeigt die Anwendung danach OutOfSync.</translation>
    </message>
    <message>
        <source>Auto-sync is on</source>
        <translation>Auto-Sync ist aktiv</translation>
    </message>
    <message>
        <source>Argo CD refuses a rollback while automated sync is enabled, and auto-sync would deploy %1 again right afterwards. Capstan suspends auto-sync first and records on the application who did it, when and why; the application stays paused until someone restores auto-sync.</source>
        <translation>Argo CD lehnt einen Rollback ab, solange automatischer Sync aktiviert ist, und Auto-Sync würde %1 direkt danach wieder deployen. Capstan setzt Auto-Sync zuerst aus und vermerkt an der Anwendung, wer das wann und warum getan hat; die Anwendung bleibt pausiert, bis jemand Auto-Sync wiederherstellt.</translation>
    </message>
    <message>
        <source>Suspend auto-sync first</source>
        <translation>Auto-Sync zuerst aussetzen</translation>
    </message>
    <message>
        <source>why, e.g. %1 breaks the login page</source>
        <translation>warum, z. B. %1 legt die Login-Seite lahm</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>It stays suspended after the rollback.</source>
        <translation>Auto-Sync bleibt nach dem Rollback ausgesetzt.</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>Roll back to %1</source>
        <translation>Auf %1 zurückrollen</translation>
    </message>
    <message>
        <source>#%1 · %2 · deployed %3</source>
        <translation>#%1 · %2 · deployt %3</translation>
    </message>
    <message>
        <source>Not connected to Argo CD.</source>
        <translation>Nicht mit Argo CD verbunden.</translation>
    </message>
    <message>
        <source>Argo CD will refuse the rollback while auto-sync is on: tick “Suspend auto-sync first”.</source>
        <translation>Argo CD lehnt den Rollback ab, solange Auto-Sync aktiv ist: „Auto-Sync zuerst aussetzen“ ankreuzen.</translation>
    </message>
    <message>
        <source>Give a reason for suspending auto-sync; it is recorded on the application.</source>
        <translation>Einen Grund für das Aussetzen von Auto-Sync angeben; er wird an der Anwendung vermerkt.</translation>
    </message>
    <message>
        <source>Suspending auto-sync…</source>
        <translation>Auto-Sync wird ausgesetzt…</translation>
    </message>
    <message>
        <source>Auto-sync could not be suspended</source>
        <translation>Auto-Sync konnte nicht ausgesetzt werden</translation>
    </message>
    <message>
        <source>Rollback failed</source>
        <translation>Rollback fehlgeschlagen</translation>
    </message>
    <message>
        <source>Asking Argo CD to roll back to %1…</source>
        <translation>Argo CD wird gebeten, auf %1 zurückzurollen…</translation>
    </message>
    <message>
        <source>Auto-sync is suspended, but the rollback failed</source>
        <translation>Auto-Sync ist ausgesetzt, aber der Rollback ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Auto-sync stays suspended; restore it from the History view if you give up.</source>
        <translation>Auto-Sync bleibt ausgesetzt; falls Sie aufgeben, in der Ansicht „Verlauf“ wiederherstellen.</translation>
    </message>
    <message>
        <source>No deployment in the history</source>
        <translation>Kein Deployment im Verlauf</translation>
    </message>
    <message>
        <source>History #%1 is the version running now; there is nothing to roll back to.</source>
        <translation>Verlauf #%1 ist die gerade laufende Version; es gibt nichts, worauf zurückgerollt werden kann.</translation>
    </message>
    <message>
        <source>History #%1 is no longer in Argo CD&apos;s history; close this dialog and pick another entry.</source>
        <translation>Verlauf #%1 ist nicht mehr im Verlauf von Argo CD; diesen Dialog schließen und einen anderen Eintrag wählen.</translation>
    </message>
    <message>
        <source>%1 → %2 (history #%3)</source>
        <translation>%1 → %2 (Verlauf #%3)</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Checking that Argo CD still shows the same…</source>
        <translation>Es wird geprüft, ob Argo CD noch dasselbe zeigt…</translation>
    </message>
    <message>
        <source>Argo CD changed since the dialog opened: %1</source>
        <translation>Argo CD hat sich seit dem Öffnen des Dialogs geändert: %1</translation>
    </message>
    <message>
        <source>Nothing was rolled back: Argo CD changed since this dialog opened.</source>
        <translation>Es wurde nichts zurückgerollt: Argo CD hat sich seit dem Öffnen dieses Dialogs geändert.</translation>
    </message>
    <message>
        <source>The dialog shows the new state; confirm again if the rollback still makes sense.</source>
        <translation>Der Dialog zeigt den neuen Zustand; erneut bestätigen, wenn der Rollback noch sinnvoll ist.</translation>
    </message>
    <message>
        <source>Could not check the application before the rollback</source>
        <translation>Die Anwendung konnte vor dem Rollback nicht geprüft werden</translation>
    </message>
    <message>
        <source>%1: could not re-read the application: %2</source>
        <translation>%1: die Anwendung konnte nicht erneut gelesen werden: %2</translation>
    </message>
    <message>
        <source>suspended before the rollback to %1</source>
        <translation>vor dem Rollback auf %1 ausgesetzt</translation>
    </message>
    <message>
        <source>%1: auto-sync could not be suspended: %2</source>
        <translation>%1: Auto-Sync konnte nicht ausgesetzt werden: %2</translation>
    </message>
    <message>
        <source>%1, accepted by Argo CD</source>
        <translation>%1, von Argo CD angenommen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>capstan::Sandbox</name>
    <message>
        <source>The sandbox is already running.</source>
        <translation>Die Sandbox läuft bereits.</translation>
    </message>
    <message>
        <source>Could not create a temporary directory for the sandbox: %1</source>
        <translation>Für die Sandbox konnte kein temporäres Verzeichnis angelegt werden: %1</translation>
    </message>
    <message>
        <source>Could not seed the sandbox charts: %1</source>
        <translation>Die Sandbox-Charts konnten nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Could not start the sandbox ChartMuseum: %1</source>
        <translation>Das Sandbox-ChartMuseum konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Could not start the sandbox Argo CD: %1</source>
        <translation>Das Sandbox-Argo-CD konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Could not start the sandbox GitHub: %1</source>
        <translation>Das Sandbox-GitHub konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>the sample repository is not built into this binary</source>
        <translation>das Beispiel-Repository ist nicht in diese Binärdatei eingebaut</translation>
    </message>
    <message>
        <source>Could not write the sandbox&apos;s sample repository: %1</source>
        <translation>Das Beispiel-Repository der Sandbox konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The sandbox&apos;s sample repository does not load: %1</source>
        <translation>Das Beispiel-Repository der Sandbox lässt sich nicht laden: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not create the sandbox directory %1</source>
        <translation>Das Sandbox-Verzeichnis %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Could not write the history of the sandbox&apos;s sample repository: %1</source>
        <translation>Der Verlauf des Beispiel-Repositorys der Sandbox konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The sandbox in %1 is in use by another Capstan (process %2). Close it, or pass --sandbox-dir DIR to run a second sandbox.</source>
        <translation>Die Sandbox in %1 wird von einem anderen Capstan (Prozess %2) benutzt. Schließen Sie ihn oder starten Sie mit --sandbox-dir DIR eine zweite Sandbox.</translation>
    </message>
    <message>
        <source>%1 is not empty and holds no Capstan sandbox; a sandbox needs a new or empty directory of its own.</source>
        <translation>%1 ist nicht leer und enthält keine Capstan-Sandbox; eine Sandbox braucht ein neues oder leeres eigenes Verzeichnis.</translation>
    </message>
    <message>
        <source>Could not clear the sandbox in %1</source>
        <translation>Die Sandbox in %1 konnte nicht geleert werden</translation>
    </message>
    <message>
        <source>The sandbox in %1 was started with other runs; start it afresh with --sandbox-reset.</source>
        <translation>Die Sandbox in %1 wurde mit anderen Läufen gestartet; mit --sandbox-reset neu beginnen.</translation>
    </message>
    <message>
        <source>%1 is not a sandbox state this Capstan can read; start the sandbox afresh with --sandbox-reset.</source>
        <translation>%1 ist kein Sandbox-Zustand, den dieses Capstan lesen kann; die Sandbox mit --sandbox-reset neu beginnen.</translation>
    </message>
    <message>
        <source>Could not save the sandbox state to %1: %2</source>
        <translation>Der Sandbox-Zustand konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>capstan::SettingsDialog</name>
    <message>
        <source>Sandbox: these settings point at the local test servers.</source>
        <translation>Sandbox: diese Einstellungen zeigen auf die lokalen Testserver.</translation>
    </message>
    <message>
        <source>Nothing is saved while Capstan runs with --sandbox.</source>
        <translation>Solange Capstan mit --sandbox läuft, wird nichts gespeichert.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Server settings are saved to %1; passwords and tokens to the system keychain.</source>
        <translation>Servereinstellungen werden in %1 gespeichert, Passwörter und Tokens im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>“%1” is not a valid URL: %2</source>
        <translation>„%1“ ist keine gültige URL: %2</translation>
    </message>
    <message>
        <source>“%1” has no scheme: write it as https://host[:port][/path].</source>
        <translation>„%1“ hat kein Schema: bitte als https://host[:port][/pfad] angeben.</translation>
    </message>
    <message>
        <source>“%1” uses %2: only http and https URLs are supported.</source>
        <translation>„%1“ verwendet %2: nur http- und https-URLs werden unterstützt.</translation>
    </message>
    <message>
        <source>“%1” has no host name.</source>
        <translation>„%1“ hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>Do not put a user name or password in the URL; use the fields below (secrets go to the keychain).</source>
        <translation>Keinen Benutzernamen und kein Passwort in die URL schreiben; die Felder unten verwenden (Secrets kommen in den Schlüsselbund).</translation>
    </message>
    <message>
        <source>“%1” must not have a query or fragment.</source>
        <translation>„%1“ darf keinen Query-String und kein Fragment haben.</translation>
    </message>
    <message>
        <source>No credential store available.</source>
        <translation>Kein Speicher für Zugangsdaten verfügbar.</translation>
    </message>
    <message>
        <source>from the environment</source>
        <translation>aus der Umgebung</translation>
    </message>
    <message>
        <source>Set by the %1 environment variable.</source>
        <translation>Durch die Umgebungsvariable %1 gesetzt.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>Schlüsselbund wird geprüft…</translation>
    </message>
    <message>
        <source>Stored in the keychain. Type a new value to replace it.</source>
        <translation>Im Schlüsselbund gespeichert. Einen neuen Wert eingeben, um ihn zu ersetzen.</translation>
    </message>
    <message>
        <source>Not set.</source>
        <translation>Nicht gesetzt.</translation>
    </message>
    <message>
        <source>Enter the %1 server URL, or clear the other %1 fields.</source>
        <translation>Die Server-URL für %1 eingeben oder die übrigen %1-Felder leeren.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Nothing was changed in the file.</source>
        <translation>An der Datei wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Storing in the keychain…</source>
        <translation>Wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>Stored in the keychain.</source>
        <translation>Im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>the ChartMuseum password</source>
        <translation>das ChartMuseum-Passwort</translation>
    </message>
    <message>
        <source>the Argo CD token</source>
        <translation>das Argo-CD-Token</translation>
    </message>
    <message>
        <source>the Argo CD password</source>
        <translation>das Argo-CD-Passwort</translation>
    </message>
    <message>
        <source>the GitHub token</source>
        <translation>das GitHub-Token</translation>
    </message>
    <message>
        <source>The settings were saved to %1, but %2 could not be stored in the keychain: %3.</source>
        <translation>Die Einstellungen wurden in %1 gespeichert, aber %2 konnte nicht im Schlüsselbund abgelegt werden: %3.</translation>
    </message>
</context>
</TS>
