"""A dialog that asks one question and waits for its confirm or cancel button (closed until a callback opens it)."""

from dataclasses import dataclass

import dash_bootstrap_components as dbc


@dataclass(frozen=True)
class ConfirmIds:
    """The dialog's own ids; each feature keeps them in its Ids class, where its callbacks and tests find them."""

    modal: str
    confirm: str
    cancel: str


def confirm_modal(
    ids: ConfirmIds,
    question,
    confirm_label: str,
    *,
    cancel_label: str = "Cancel",
    title: str | None = None,
    danger: bool = False,
) -> dbc.Modal:
    """`question` (text or components) under an optional `title`; Cancel on the left, then the confirm
    button, red when `danger` (it deletes something), else the page's primary blue."""
    title_id, question_id = f"{ids.modal}-title", f"{ids.modal}-question"
    header = [dbc.ModalHeader(dbc.ModalTitle(title, id=title_id))] if title else []
    buttons = [
        dbc.Button(cancel_label, id=ids.cancel, color="secondary", outline=True),
        dbc.Button(confirm_label, id=ids.confirm, color="danger" if danger else "primary"),
    ]
    return dbc.Modal(
        [*header, dbc.ModalBody(question, id=question_id), dbc.ModalFooter(buttons)],
        id=ids.modal,
        is_open=False,
        labelledby=title_id if title else question_id,  # a dialog's name, which a screen reader says on opening
    )
