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
