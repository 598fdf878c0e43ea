<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>CrashDialog</name>
        <message numerus="yes">
            <source>(%n errors)</source>
            <translation>
                <numerusform>(%n error)</numerusform>
                <numerusform>(%n errors)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CleanupDialog</name>
        <message numerus="yes">
            <source>Delete {count:,} object(s)…</source>
            <translation>
                <numerusform>Delete {count:,} object…</numerusform>
                <numerusform>Delete {count:,} objects…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Deleted {done:,} object(s) ({what}).</source>
            <translation>
                <numerusform>Deleted {done:,} object ({what}).</numerusform>
                <numerusform>Deleted {done:,} objects ({what}).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} matching object(s), {size}{shown}; {scanned:,} looked at</source>
            <translation>
                <numerusform>{count:,} matching object, {size}{shown}; {scanned:,} looked at</numerusform>
                <numerusform>{count:,} matching objects, {size}{shown}; {scanned:,} looked at</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CleanupSession</name>
        <message numerus="yes">
            <source>Delete {count:,} object(s) ({size}) from “{bucket}”?

{describe}; {how}.</source>
            <translation>
                <numerusform>Delete {count:,} object ({size}) from “{bucket}”?

{describe}; {how}.</numerusform>
                <numerusform>Delete {count:,} objects ({size}) from “{bucket}”?

{describe}; {how}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConnectionsController</name>
        <message numerus="yes">
            <source>{count} connection(s)</source>
            <translation>
                <numerusform>{count} connection</numerusform>
                <numerusform>{count} connections</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message numerus="yes">
            <source>Download it/them again once that is solved.</source>
            <translation>
                <numerusform>Download it again once that is solved.</numerusform>
                <numerusform>Download them again once that is solved.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} file(s)</source>
            <translation>
                <numerusform>{count} file</numerusform>
                <numerusform>{count} files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{failed} transfer(s) failed.</source>
            <translation>
                <numerusform>{failed} transfer failed.</numerusform>
                <numerusform>{failed} transfers failed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{failures} file(s) was/were not uploaded to “{where}”: this account may not write there (the server answered Access Denied).</source>
            <translation>
                <numerusform>{failures} file was not uploaded to “{where}”: this account may not write there (the server answered Access Denied).</numerusform>
                <numerusform>{failures} files were not uploaded to “{where}”: this account may not write there (the server answered Access Denied).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{names} was/were not queued for download: {user_text}</source>
            <translation>
                <numerusform>{names} was not queued for download: {user_text}</numerusform>
                <numerusform>{names} were not queued for download: {user_text}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CountText</name>
        <message numerus="yes">
            <source>{count:,} item(s)</source>
            <translation>
                <numerusform>{count:,} item</numerusform>
                <numerusform>{count:,} items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{shown:,} of {loaded:,} item(s) shown (filter: {filters})</source>
            <translation>
                <numerusform>{shown:,} of {loaded:,} item shown (filter: {filters})</numerusform>
                <numerusform>{shown:,} of {loaded:,} items shown (filter: {filters})</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeleteBucketFlow</name>
        <message numerus="yes">
            <source>Emptied and deleted the bucket “{bucket}” ({count} version(s) removed).</source>
            <translation>
                <numerusform>Emptied and deleted the bucket “{bucket}” ({count} version removed).</numerusform>
                <numerusform>Emptied and deleted the bucket “{bucket}” ({count} versions removed).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The bucket “{bucket}” was not deleted: {count} object(s) is/are held by retention or a legal hold.</source>
            <translation>
                <numerusform>The bucket “{bucket}” was not deleted: {count} object is held by retention or a legal hold.</numerusform>
                <numerusform>The bucket “{bucket}” was not deleted: {count} objects are held by retention or a legal hold.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeleteDialog</name>
        <message numerus="yes">
            <source>{count:,} object(s)</source>
            <translation>
                <numerusform>{count:,} object</numerusform>
                <numerusform>{count:,} objects</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{verb} {done:,} object(s)</source>
            <translation>
                <numerusform>{verb} {done:,} object</numerusform>
                <numerusform>{verb} {done:,} objects</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeleteFlow</name>
        <message numerus="yes">
            <source> and {count} older version(s) or delete marker(s)</source>
            <translation>
                <numerusform> and {count} older version or delete marker</numerusform>
                <numerusform> and {count} older versions or delete markers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, and {count} unfinished upload(s)</source>
            <translation>
                <numerusform>, and {count} unfinished upload</numerusform>
                <numerusform>, and {count} unfinished uploads</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removed {removed:,} of {total:,} objects and versions, but {count} is/are held by retention or a legal hold, so the bucket “{bucket}” could not be emptied and is still there. Lift the legal holds, or wait until their retention ends (a governance retention can be bypassed by a user allowed to), then delete the bucket again.</source>
            <translation>
                <numerusform>Removed {removed:,} of {total:,} objects and versions, but {count} is held by retention or a legal hold, so the bucket “{bucket}” could not be emptied and is still there. Lift the legal holds, or wait until their retention ends (a governance retention can be bypassed by a user allowed to), then delete the bucket again.</numerusform>
                <numerusform>Removed {removed:,} of {total:,} objects and versions, but {count} are held by retention or a legal hold, so the bucket “{bucket}” could not be emptied and is still there. Lift the legal holds, or wait until their retention ends (a governance retention can be bypassed by a user allowed to), then delete the bucket again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The bucket “{bucket}” holds {count} object(s)</source>
            <translation>
                <numerusform>The bucket “{bucket}” holds {count} object</numerusform>
                <numerusform>The bucket “{bucket}” holds {count} objects</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} object(s) is/are held by retention or a legal hold.</source>
            <translation>
                <numerusform>{count} object is held by retention or a legal hold.</numerusform>
                <numerusform>{count} objects are held by retention or a legal hold.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DestinationDialog</name>
        <message numerus="yes">
            <source>{count:,} item(s)</source>
            <translation>
                <numerusform>{count:,} item</numerusform>
                <numerusform>{count:,} items</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DoctorView</name>
        <message numerus="yes">
            <source> ({warnings} warning(s))</source>
            <translation>
                <numerusform> ({warnings} warning)</numerusform>
                <numerusform> ({warnings} warnings)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} problem(s) found with {endpoint}. {summary}</source>
            <translation>
                <numerusform>{count} problem found with {endpoint}. {summary}</numerusform>
                <numerusform>{count} problems found with {endpoint}. {summary}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message numerus="yes">
            <source> {unverified} a size with another but the server keeps no hash of it/them (uploaded in parts by another tool), so they were not compared and are not listed.</source>
            <translation>
                <numerusform> {unverified} a size with another but the server keeps no hash of it (uploaded in parts by another tool), so they were not compared and are not listed.</numerusform>
                <numerusform> {unverified} a size with another but the server keeps no hash of them (uploaded in parts by another tool), so they were not compared and are not listed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} copy/copies</source>
            <translation>
                <numerusform>{count:,} copy</numerusform>
                <numerusform>{count:,} copies</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} extra copy/copies</source>
            <translation>
                <numerusform>{count:,} extra copy</numerusform>
                <numerusform>{count:,} extra copies</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} group(s)</source>
            <translation>
                <numerusform>{count:,} group</numerusform>
                <numerusform>{count:,} groups</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} object(s)</source>
            <translation>
                <numerusform>{count:,} object</numerusform>
                <numerusform>{count:,} objects</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} object(s) shares/share</source>
            <translation>
                <numerusform>{count:,} object shares</numerusform>
                <numerusform>{count:,} objects share</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} object(s) was/were</source>
            <translation>
                <numerusform>{count:,} object was</numerusform>
                <numerusform>{count:,} objects were</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DuplicatesFlow</name>
        <message numerus="yes">
            <source>Delete {keys:,} duplicate copy/copies ({size}) from “{bucket}”? One copy of each group stays.</source>
            <translation>
                <numerusform>Delete {keys:,} duplicate copy ({size}) from “{bucket}”? One copy of each group stays.</numerusform>
                <numerusform>Delete {keys:,} duplicate copies ({size}) from “{bucket}”? One copy of each group stays.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Read {count:,} object(s) ({size}, {size2:,} bytes) from “{bucket}” to compare them by SHA-256?

Every byte is downloaded (nothing is saved on this computer): on a slow or metered link this takes time and may cost transfer fees. Cancel stops it; what was read still counts.</source>
            <translation>
                <numerusform>Read {count:,} object ({size}, {size2:,} bytes) from “{bucket}” to compare them by SHA-256?

Every byte is downloaded (nothing is saved on this computer): on a slow or metered link this takes time and may cost transfer fees. Cancel stops it; what was read still counts.</numerusform>
                <numerusform>Read {count:,} objects ({size}, {size2:,} bytes) from “{bucket}” to compare them by SHA-256?

Every byte is downloaded (nothing is saved on this computer): on a slow or metered link this takes time and may cost transfer fees. Cancel stops it; what was read still counts.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IncompleteUploadsDialog</name>
        <message numerus="yes">
            <source>{found} unfinished upload(s) holding {total}. Aborting one deletes its stored parts; the upload cannot be resumed afterwards.</source>
            <translation>
                <numerusform>{found} unfinished upload holding {total}. Aborting one deletes its stored parts; the upload cannot be resumed afterwards.</numerusform>
                <numerusform>{found} unfinished uploads holding {total}. Aborting one deletes its stored parts; the upload cannot be resumed afterwards.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Jobs</name>
        <message numerus="yes">
            <source>Connected: the server answered and lists {count} bucket(s).</source>
            <translation>
                <numerusform>Connected: the server answered and lists {count} bucket.</numerusform>
                <numerusform>Connected: the server answered and lists {count} buckets.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ObjectActions</name>
        <message numerus="yes">
            <source>{count} S3 URI(s)</source>
            <translation>
                <numerusform>{count} S3 URI</numerusform>
                <numerusform>{count} S3 URIs</numerusform>
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
                <numerusform>{count} presigned link</numerusform>
                <numerusform>{count} presigned links</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreflightDialog</name>
        <message numerus="yes">
            <source>Upload the other {count}</source>
            <translation>
                <numerusform>Upload the other {count}</numerusform>
                <numerusform>Upload the other {count}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Upload the {count} file(s) whose content is already there anyway</source>
            <translation>
                <numerusform>Upload the {count} file whose content is already there anyway</numerusform>
                <numerusform>Upload the {count} files whose content is already there anyway</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Upload {count} file(s)</source>
            <translation>
                <numerusform>Upload {count} file</numerusform>
                <numerusform>Upload {count} files</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message numerus="yes">
            <source>PDF · {page_count} page(s)</source>
            <translation>
                <numerusform>PDF · {page_count} page</numerusform>
                <numerusform>PDF · {page_count} pages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QuitGuard</name>
        <message numerus="yes">
            <source>%n transfer(s) have not finished.</source>
            <translation>
                <numerusform>%n transfer has not finished.</numerusform>
                <numerusform>%n transfers have not finished.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message numerus="yes">
            <source>{found:,} match(es) in {scanned:,} objects</source>
            <translation>
                <numerusform>{found:,} match in {scanned:,} objects</numerusform>
                <numerusform>{found:,} matches in {scanned:,} objects</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StatisticsWindow</name>
        <message numerus="yes">
            <source>{count:,} upload(s)</source>
            <translation>
                <numerusform>{count:,} upload</numerusform>
                <numerusform>{count:,} uploads</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count:,} version(s)</source>
            <translation>
                <numerusform>{count:,} version</numerusform>
                <numerusform>{count:,} versions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StatsAdapter</name>
        <message numerus="yes">
            <source>{objects:,} object(s) so far, {size}</source>
            <translation>
                <numerusform>{objects:,} object so far, {size}</numerusform>
                <numerusform>{objects:,} objects so far, {size}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncActions</name>
        <message numerus="yes">
            <source>This sync deletes {count} file(s) ({size}): {where}. Deleted objects cannot be brought back unless the bucket keeps versions.</source>
            <translation>
                <numerusform>This sync deletes {count} file ({size}): {where}. Deleted objects cannot be brought back unless the bucket keeps versions.</numerusform>
                <numerusform>This sync deletes {count} files ({size}): {where}. Deleted objects cannot be brought back unless the bucket keeps versions.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} conflict(s) left as they are.</source>
            <translation>
                <numerusform>{count} conflict left as they are.</numerusform>
                <numerusform>{count} conflicts left as they are.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} file(s) changed both in the folder and in the bucket since the last sync. Which version should be kept?</source>
            <translation>
                <numerusform>{count} file changed both in the folder and in the bucket since the last sync. Which version should be kept?</numerusform>
                <numerusform>{count} files changed both in the folder and in the bucket since the last sync. Which version should be kept?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncCompareView</name>
        <message numerus="yes">
            <source>{title} — {count:,} file(s)</source>
            <translation>
                <numerusform>{title} — {count:,} file</numerusform>
                <numerusform>{title} — {count:,} files</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncWatching</name>
        <message numerus="yes">
            <source>Watching {count} folder(s)</source>
            <translation>
                <numerusform>Watching {count} folder</numerusform>
                <numerusform>Watching {count} folders</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} new file(s) from “{folder}” uploaded to {bucket}.</source>
            <translation>
                <numerusform>{count} new file from “{folder}” uploaded to {bucket}.</numerusform>
                <numerusform>{count} new files from “{folder}” uploaded to {bucket}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncWindow</name>
        <message numerus="yes">
            <source>{count} conflict(s) to decide</source>
            <translation>
                <numerusform>{count} conflict to decide</numerusform>
                <numerusform>{count} conflicts to decide</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} name clash(es) left as they are</source>
            <translation>
                <numerusform>{count} name clash left as they are</numerusform>
                <numerusform>{count} name clashes left as they are</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TransferQueueModel</name>
        <message numerus="yes">
            <source>Batch {number}: {count} item(s)</source>
            <translation>
                <numerusform>Batch {number}: {count} item</numerusform>
                <numerusform>Batch {number}: {count} items</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TransferStatus</name>
        <message numerus="yes">
            <source>{active} transfer(s): {done} of {total} ({value:.0f} %)</source>
            <translation>
                <numerusform>{active} transfer: {done} of {total} ({value:.0f} %)</numerusform>
                <numerusform>{active} transfers: {done} of {total} ({value:.0f} %)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UploadRules</name>
        <message numerus="yes">
            <source>{count} file(s) queued for upload.</source>
            <translation>
                <numerusform>{count} file queued for upload.</numerusform>
                <numerusform>{count} files queued for upload.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message numerus="yes">
            <source>%n saved connection(s), none open now. Open one, or add another server.</source>
            <translation>
                <numerusform>%n saved connection, none open now. Open one, or add another server.</numerusform>
                <numerusform>%n saved connections, none open now. Open one, or add another server.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Found {count} connection(s) on this computer: {where}.</source>
            <translation>
                <numerusform>Found {count} connection on this computer: {where}.</numerusform>
                <numerusform>Found {count} connections on this computer: {where}.</numerusform>
            </translation>
        </message>
    </context>
</TS>
