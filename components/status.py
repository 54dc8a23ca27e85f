"""How an application's status looks wherever it is shown."""

import dash_bootstrap_components as dbc

from db.applications import STATUSES

STATUS_COLORS = {
    "draft": "secondary",
    "applied": "primary",
    "interview": "info",
    "offer": "success",
    "rejected": "danger",
}
STATUS_OPTIONS = [{"label": status.capitalize(), "value": status} for status in STATUSES]


def status_badge(status: str) -> dbc.Badge:
    return dbc.Badge(status.capitalize(), color=STATUS_COLORS.get(status, "secondary"), class_name="status-badge")
