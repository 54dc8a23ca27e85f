"""A card for one section of a page: its heading, a line saying what it is for, and its controls."""

import dash_bootstrap_components as dbc
from dash import html


def section_card(
    title: str, about, children: list, *, compact: bool = False, class_name: str | None = None
) -> dbc.Card:
    """`title` as an h2 styled h5, `about` (text, or None for none) in muted type, then `children`.

    `compact`: a card standing above a form it helps fill, with tighter spacing and a smaller line.
    """
    if compact:
        heading, about_class = "h5 mb-1", "small text-body-secondary mb-2"
    else:
        heading, about_class = ("h5" if about else "h5 mb-3"), "text-body-secondary"
    intro = [html.P(about, className=about_class)] if about else []
    return dbc.Card(dbc.CardBody([html.H2(title, className=heading), *intro, *children]), class_name=class_name)
