"""A file upload drop zone and its message slot; a file over the upload limit gets its message in the browser."""

from dash import dcc, html

from config import UPLOAD_MAX_BYTES


def drop_zone(upload_id: str, feedback_id: str, button_label: str, too_large: str) -> html.Div:
    """A dcc.Upload showing `button_label` "or drop it here", and under it the slot `feedback_id` for messages.

    Files over config.UPLOAD_MAX_BYTES never reach the server: assets/file_upload.js shows `too_large` in the
    slot instead (the server refuses them too, with the same message). No `accept` filter: the upload would
    drop another type without a word, so the server says why instead.
    """
    upload = dcc.Upload(
        html.Div(
            [
                html.Span(button_label, className="btn btn-outline-primary btn-sm"),
                html.Span(" or drop it here", className="text-body-secondary small"),
            ]
        ),
        id=upload_id,
        max_size=UPLOAD_MAX_BYTES,
        className="file-upload",
        className_active="file-upload active",
    )
    limits = {
        "data-max-bytes": str(UPLOAD_MAX_BYTES),
        "data-too-large": too_large,
        "data-message-id": feedback_id,
        "data-file-label": button_label,  # the file input's name (assets/aria_repairs.js): dcc.Upload gives it none
    }
    return html.Div(
        [html.Div(upload, **limits), html.Div(id=feedback_id, className="small text-danger mt-1", role="alert")]
    )
