"""What the features share to run a logged job again: the connection it ran on, looked up by
the id kept in the job's params (stable across restarts for profiles, the environment and the
sandbox), or a clear message when that connection is not open now."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop_app.core.errors import AppError
from desktop_app.storage.open_connections import OpenConnection
from desktop_app.ui.shell.context import WindowContext
from desktop_app.ui.shell.i18n import translate


def place_params(context: WindowContext, conn_id: str, bucket: str, prefix: str = "",
                 **more: Any) -> dict[str, Any]:
    """The params of a job about a place: the connection (id and name), bucket and prefix."""
    entry = context.connections.get(conn_id)
    return {"conn": conn_id, "connection": entry.name if entry else conn_id,
            "bucket": bucket, "prefix": prefix, **more}


def connection_for(context: WindowContext, params: Mapping[str, Any]) -> OpenConnection | None:
    """The open connection the job ran on; None (after saying so) when it is not open."""
    entry = context.connections.get(str(params.get("conn", "")))
    if entry is None:
        name = str(params.get("connection") or translate("JobRerun", "the connection of this job"))
        context.show_error(AppError(translate(
            "JobRerun", "“{name}” is not open, so the job cannot run again.").format(name=name),
                                    translate("JobRerun", "Connect to it, then press Run again.")))
    return entry
