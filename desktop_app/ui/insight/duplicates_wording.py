"""What Find duplicates… tells the user, in sentences: the summary of a search, a group's
title, and the questions and outcomes of reading and deleting copies."""

from __future__ import annotations

from desktop_app.core.duplicates import DuplicateGroup, DuplicateReport
from desktop_app.core.humanize import human_size
from desktop_app.ui.insight.duplicates_work import CHANGED, KEEPER_GONE, DeleteOutcome
from desktop_app.ui.shell.i18n import translate


def summary_text(report: DuplicateReport) -> str:
    """What was found, in one paragraph."""
    if report.cancelled:
        return (translate(
            "DuplicatesDialog",
            "Stopped after listing {scanned}; nothing was compared. Find again to finish.").format(
            scanned=translate(
                "DuplicatesDialog", "{count:,} object(s)", "", report.scanned).format(
                count=report.scanned),
        ))
    if not report.groups:
        text = (translate(
            "DuplicatesDialog",
            "No duplicates among {scanned} ({asked} compared by hash).").format(
            scanned=translate(
                "DuplicatesDialog", "{count:,} object(s)", "", report.scanned).format(
                count=report.scanned),
            asked=translate(
                "DuplicatesDialog", "{count:,} object(s) was/were", "", report.asked).format(
                count=report.asked),
        ))
    else:
        text = (translate(
            "DuplicatesDialog",
            "{groups} of identical objects among {scanned}: {extra_count}, {freeable} could be "
            "freed.").format(
            groups=translate(
                "DuplicatesDialog", "{count:,} group(s)", "", len(report.groups)).format(
                count=len(report.groups)),
            scanned=translate(
                "DuplicatesDialog", "{count:,} object(s)", "", report.scanned).format(
                count=report.scanned),
            extra_count=translate(
                "DuplicatesDialog", "{count:,} extra copy/copies", "", report.extra_count).format(
                count=report.extra_count),
            freeable=human_size(report.freeable),
        ))
    if report.unverified:
        text += (translate(
            "DuplicatesDialog",
            " {unverified} a size with another but the server keeps no hash of it/them (uploaded "
            "in parts by another tool), so they were not compared and are not "
            "listed.", "", report.unverified).format(
            unverified=translate(
                "DuplicatesDialog", "{count:,} object(s) "
                                    "shares/share", "", report.unverified).format(
                count=report.unverified),
        ))
        if report.pending:
            text += translate(
                "DuplicatesDialog", " “Compare by reading…” can decide by reading them.")
    if report.unread:
        text += (translate(
            "DuplicatesDialog",
            " {unread} could not be read (listed below).").format(
            unread=translate(
                "DuplicatesDialog", "{count:,} object(s)", "", len(report.unread)).format(
                count=len(report.unread)),
        ))
    return text


def group_title(group: DuplicateGroup) -> str:
    return (translate(
        "DuplicatesDialog",
        "{entries} copies of {size} — {freeable} could be freed (same {kind})").format(
        entries=len(group.entries),
        size=human_size(group.size),
        freeable=human_size(group.freeable),
        kind=group.kind,
    ))


def read_text(count: int, size: int, bucket: str) -> str:
    return (translate(
        "DuplicatesFlow",
        "Read {count:,} object(s) ({size}, {size2:,} bytes) from “{bucket}” to compare them by "
        "SHA-256?\n\nEvery byte is downloaded (nothing is saved on this computer): on a slow or "
        "metered link this takes time and may cost transfer fees. Cancel stops it; what was read "
        "still counts.", "", count).format(
        count=count,
        size=human_size(size),
        size2=size,
        bucket=bucket,
    ))


def outcome_text(outcome: DeleteOutcome, total: int) -> str:
    text = translate(
        "DuplicatesFlow",
        "Deleted {deleted:,} of {total:,} selected copies.").format(
        deleted=len(outcome.deleted),
        total=total,
    )
    if outcome.cancelled:
        text += translate("DuplicatesFlow", " Stopped by Cancel; the rest are still there.")
    stale = sum(1 for _, reason in outcome.failed if reason in (CHANGED, KEEPER_GONE))
    refused = len(outcome.failed) - stale
    if stale:
        text += (translate(
            "DuplicatesFlow",
            " {stale:,} changed since the search and were left (listed below); Find duplicates "
            "again to see them as they are now.").format(stale=stale))
    if refused:
        text += (translate(
            "DuplicatesFlow",
            " The server refused {refused:,} (listed below); check your delete rights or the "
            "objects' retention, then try again.").format(refused=refused))
    return text


def confirm_text(keys: list[str], size: int, bucket: str, versioned: bool) -> str:
    text = (translate(
        "DuplicatesFlow",
        "Delete {keys:,} duplicate copy/copies ({size}) from “{bucket}”? One copy of each group "
        "stays.", "", len(keys)).format(keys=len(keys), size=human_size(size), bucket=bucket))
    if versioned:
        text += (translate(
            "DuplicatesFlow",
            "\n\nThe bucket keeps versions: each delete adds a delete marker and the bytes stay "
            "stored as an older version until that is removed too."))
    return text
