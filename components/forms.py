"""Labelled form fields with room for a server-side error message right under them."""

import dash_bootstrap_components as dbc
from dash import Output, html


def field(field_id: str, label: str, *, textarea: bool = False, help_text: str = "", **input_props) -> html.Div:
    """A <label> bound to its input, the input, and its invalid-feedback slot `<id>-feedback`."""
    if textarea:
        control = dbc.Textarea(id=field_id, submit_on_enter=False, **input_props)
    else:
        control = dbc.Input(id=field_id, **input_props)
    children = [dbc.Label(label, html_for=field_id), control]
    children.append(dbc.FormFeedback(id=f"{field_id}-feedback", type="invalid"))
    if help_text:
        children.append(dbc.FormText(help_text))
    return html.Div(children, className="mb-3")


def feedback(errors: dict, fields: dict[str, str]) -> list:
    """For each (error key → field id) pair: [invalid?, message] flattened, in order.

    Matches outputs declared as (Output(id, "invalid"), Output(f"{id}-feedback", "children")).
    """
    values = []
    for key in fields:
        values += [key in errors, errors.get(key, "")]
    return values


def feedback_outputs(fields: dict[str, str]) -> list:
    outputs = []
    for field_id in fields.values():
        outputs += [Output(field_id, "invalid"), Output(f"{field_id}-feedback", "children")]
    return outputs
