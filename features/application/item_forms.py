"""What the interviews and contacts lists share: Edit and Remove per item, and one form to add or edit.

Each list keeps the id of the item being edited in a store (None: the form adds a new one). Item
ids come back from the browser as pattern-matching ids: lookup keys that row level security
re-checks, never trusted.
"""

import dash_bootstrap_components as dbc
from dash import Output, ctx, html

from components.callback_inputs import id_input


def item_buttons(edit_type: str, remove_type: str, item_id, what: str) -> html.Div:
    """Edit and Remove for one item; `what` names it for screen readers ("interview on Dec 8")."""
    return html.Div(
        [
            dbc.Button(
                "Edit",
                id={"type": edit_type, "id": str(item_id)},
                size="sm",
                color="secondary",
                outline=True,
                title=f"Edit {what}",
            ),
            dbc.Button(
                "Remove",
                id={"type": remove_type, "id": str(item_id)},
                size="sm",
                color="danger",
                outline=True,
                title=f"Remove {what}",
            ),
        ],
        className="d-flex gap-2 flex-shrink-0",
    )


def clicked_item():
    """The id of the item whose button was really clicked, or None (a list re-rendered, or a forged id)."""
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict) or not ctx.triggered or not ctx.triggered[0]["value"]:
        return None
    return id_input(trigger.get("id"))


def form_mode(noun: str, editing: bool) -> dict:
    """The form's heading, its button and whether Cancel shows, for adding or editing a `noun`."""
    return {
        "heading": f"Edit {noun}" if editing else f"Add {noun}",
        "save_label": f"Save {noun}" if editing else f"Add {noun}",
        "cancel_hidden": not editing,
    }


def feedback_outputs(field_ids: dict[str, str], allow_duplicate: bool = False) -> dict:
    """{key_invalid: Output(id, "invalid"), key_message: Output(id-feedback, "children")} for each field."""
    outputs = {}
    for key, field_id in field_ids.items():
        outputs[f"{key}_invalid"] = Output(field_id, "invalid", allow_duplicate=allow_duplicate)
        outputs[f"{key}_message"] = Output(f"{field_id}-feedback", "children", allow_duplicate=allow_duplicate)
    return outputs


def feedback_values(field_ids: dict[str, str], errors: dict) -> dict:
    """The values for feedback_outputs: each field invalid with its message, or clear."""
    values = {}
    for key in field_ids:
        values[f"{key}_invalid"] = key in errors
        values[f"{key}_message"] = errors.get(key, "")
    return values
