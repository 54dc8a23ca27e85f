"""What the interviews and contacts lists share: Edit and Remove per item, and one form to add or edit.

Each list keeps the id of the item being edited in a store (None: the form adds a new one). Item
ids come back from the browser as pattern-matching ids: lookup keys that row level security
re-checks, never trusted.
"""

import dash_bootstrap_components as dbc
from dash import Output, ctx, dcc, html

from components.callback_inputs import id_input


def item_buttons(ids, item_id, what: str) -> html.Div:
    """Edit and Remove for one item; `what` names it for screen readers ("interview on Dec 8")."""
    buttons = [
        dbc.Button(
            action,
            id={"type": pattern, "id": str(item_id)},
            size="sm",
            color=color,
            outline=True,
            title=f"{action} {what}",
        )
        for action, pattern, color in (("Edit", ids.edit, "secondary"), ("Remove", ids.remove, "danger"))
    ]
    return html.Div(buttons, className="d-flex gap-2 flex-shrink-0")


def card(ids, title: str, noun: str, fields: list) -> dbc.Card:
    """The list, then the form that adds a `noun` (or saves the one being edited), its buttons and stores.

    `ids` is the feature's Ids class: items, heading, save, cancel, message, changed and editing.
    """
    return dbc.Card(
        [
            dbc.CardHeader(title, class_name="fw-semibold"),
            dbc.CardBody(
                [
                    html.Div(id=ids.items, className="mb-3"),
                    html.H3(f"Add {noun}", id=ids.heading, className="h6"),
                    *fields,
                    html.Div(
                        [
                            dbc.Button(f"Add {noun}", id=ids.save, color="primary"),
                            dbc.Button("Cancel", id=ids.cancel, color="secondary", outline=True, class_name="d-none"),
                        ],
                        className="d-flex gap-2",
                    ),
                    html.Div(id=ids.message, className="small mt-2", role="status"),
                    dcc.Store(id=ids.changed),  # any new value reads the list again
                    dcc.Store(id=ids.editing),  # the id of the item in the form; None adds a new one
                ]
            ),
        ],
        class_name="mb-4",
    )


def clicked_item():
    """The id of the item whose button was really clicked, or None (a list re-rendered, or a forged id)."""
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict) or not ctx.triggered or not ctx.triggered[0]["value"]:
        return None
    return id_input(trigger.get("id"))


def form_outputs(ids, field_ids: dict[str, str], allow_duplicate: bool = False) -> dict:
    """Outputs for the form's values, the item being edited, its heading, button and Cancel."""
    outputs = {key: Output(field_id, "value", allow_duplicate=allow_duplicate) for key, field_id in field_ids.items()}
    return outputs | {
        "editing": Output(ids.editing, "data", allow_duplicate=allow_duplicate),
        "heading": Output(ids.heading, "children", allow_duplicate=allow_duplicate),
        "save_label": Output(ids.save, "children", allow_duplicate=allow_duplicate),
        "cancel_class": Output(ids.cancel, "className", allow_duplicate=allow_duplicate),
    }


def form_values(noun: str, values: dict, editing) -> dict:
    """The values for form_outputs: `values` in the fields, adding (editing None) or editing that id."""
    return values | {
        "editing": editing,
        "heading": f"Edit {noun}" if editing else f"Add {noun}",
        "save_label": f"Save {noun}" if editing else f"Add {noun}",
        "cancel_class": "" if editing else "d-none",
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
