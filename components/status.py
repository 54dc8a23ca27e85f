"""How an application's status, priority and interview kinds look wherever they are shown."""

import dash_bootstrap_components as dbc

from db.applications import PRIORITIES, STATUSES

STATUS_LABELS = {
    "draft": "Draft",
    "applied": "Applied",
    "interview": "Interview",
    "offer": "Offer",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
    "no_response": "No response",
}
STATUS_COLORS = {
    "draft": "secondary",
    "applied": "primary",
    "interview": "info",
    "offer": "success",
    "rejected": "danger",
    "withdrawn": "dark",
    "no_response": "warning",
}
# Bootstrap's white badge text is 2:1 or less on its cyan and yellow: those badges take its dark text.
STATUS_TEXT_COLORS = {
    status: "dark" if color in ("info", "warning") else "white" for status, color in STATUS_COLORS.items()
}
STATUS_OPTIONS = [{"label": STATUS_LABELS[status], "value": status} for status in STATUSES]
PRIORITY_LABELS = {"low": "Low", "normal": "Normal", "high": "High"}
PRIORITY_OPTIONS = [{"label": PRIORITY_LABELS[priority], "value": priority} for priority in PRIORITIES]
INTERVIEW_KIND_LABELS = {
    "phone_screen": "Phone screen",
    "technical": "Technical",
    "onsite": "Onsite",
    "final": "Final",
    "other": "Other",
}


def status_badge(status: str) -> dbc.Badge:
    return dbc.Badge(
        STATUS_LABELS.get(status, status),
        color=STATUS_COLORS.get(status, "secondary"),
        text_color=STATUS_TEXT_COLORS.get(status, "white"),
        class_name="status-badge",
    )
