"""Joins the upload rules to the features they touch: the transfer controller asks the gate
before queueing, the tree's bucket menu offers the editor, the bucket Properties show the
rules in force, and skipped duplicates in the queue open the object that has their bytes."""

from __future__ import annotations

from desktop_app.core.upload_rules import UploadRules
from desktop_app.ui.buckets import upload_rules_tab
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.location_menus import LocationMenus
from desktop_app.ui.transfers.controller import TransferController
from desktop_app.ui.upload_rules.actions import UploadRulesActions


def install_upload_rules(context: WindowContext, transfers: TransferController,
                         places: LocationMenus) -> UploadRulesActions:
    actions = UploadRulesActions(context, lambda: transfers.config_folder)
    gate = actions.gate
    transfers.before_upload = gate.intercept
    places.upload_rules = actions
    gate.link_rows(transfers.queue.view)

    def source(storage: object, bucket: str) -> tuple[UploadRules | None, str]:
        return gate.rules_for_storage(storage, bucket)

    upload_rules_tab.rules_source = source

    def forget() -> None:
        if upload_rules_tab.rules_source is source:
            upload_rules_tab.rules_source = None

    context.on_close(forget)
    return actions
