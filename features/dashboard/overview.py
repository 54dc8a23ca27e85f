"""The dashboard's overview: counts per status, follow-ups due and charts from the timeline."""

from dash import html


class Ids:
    panel = "overview-panel"


def panel() -> html.Div:
    return html.Div(id=Ids.panel)
