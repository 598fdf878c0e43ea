"""Joins CSV validation to the features it touches: the table preview's Validate… button,
the file table's menu for a CSV/TSV file, and finished uploads (CSVs landing in a folder
with a saved schema are validated after the upload, the result in the Jobs panel)."""

from __future__ import annotations

from desktop_app.transfers.state import Direction, State
from desktop_app.ui.csv_validation.actions import CsvValidationActions, is_csv
from desktop_app.ui.objects.actions import ObjectActions
from desktop_app.ui.previews.pane import PreviewPane
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.transfers.controller import TransferController


def install_csv_validation(context: WindowContext, transfers: TransferController,
                           preview: PreviewPane, objects: ObjectActions) -> CsvValidationActions:
    actions = CsvValidationActions(context, lambda: transfers.config_folder)
    preview.validate_requested.connect(actions.validate_active)
    objects.file_menu_actions = actions.file_actions
    model = transfers.queue.queue_model

    def batch_finished(number: int, _failed: int, uploads: bool) -> None:
        conn_id = context.active_connection()  # the queue shows the active one's engine
        if not uploads or conn_id is None:
            return
        by_bucket: dict[str, list[str]] = {}
        for row in model.batch_rows(number):
            if row.direction is Direction.UPLOAD and row.state is State.DONE and is_csv(row.key):
                by_bucket.setdefault(row.bucket, []).append(row.key)
        for bucket, keys in by_bucket.items():
            actions.uploaded(conn_id, bucket, keys)

    model.batch_finished.connect(batch_finished)
    return actions
