"""The overview's plotly figures as plain dicts: the callback sends figure data, never component trees."""

from components.status import STATUS_LABELS
from db.overview import FUNNEL_STAGES

# Shades of Bootstrap's colours for the statuses' badges (components/status.py), so charts match badges: each
# 4.5:1 or more against the white card the charts are drawn on and against the white text inside the funnel's
# bars (Bootstrap's plain blue and cyan are 4.5 and 2.0). tests/unit/test_colour_contrast.py checks them.
STAGE_COLORS = {"applied": "#0a58ca", "interview": "#087990", "offer": "#198754"}
CHART_BACKGROUND = "#ffffff"  # the card's (the figures themselves are transparent)
CHART_TEXT = "#212529"  # Bootstrap's body text
BAR_TEXT = "#ffffff"  # inside the funnel's bars
_BASE_LAYOUT = {
    "margin": {"l": 10, "r": 10, "t": 10, "b": 30},
    "paper_bgcolor": "rgba(0,0,0,0)",
    "plot_bgcolor": "rgba(0,0,0,0)",
    "font": {"size": 12, "color": CHART_TEXT},
    "showlegend": False,
}


TWO_WEEKS_MS = 14 * 24 * 3600 * 1000


def _layout(**overrides) -> dict:
    return _BASE_LAYOUT | overrides


def _note(text: str) -> dict:
    """A line of text in the middle of a chart that has nothing to draw."""
    return {"text": text, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}


def funnel_figure(reached: dict[str, int]) -> dict:
    """Applied → interview → offer: how many applications ever reached each stage."""
    return {
        "data": [
            {
                "type": "funnel",
                "y": [STATUS_LABELS[stage] for stage in FUNNEL_STAGES],
                "x": [reached[stage] for stage in FUNNEL_STAGES],
                "textinfo": "value+percent initial",
                "insidetextfont": {"color": BAR_TEXT},
                "marker": {"color": [STAGE_COLORS[stage] for stage in FUNNEL_STAGES]},
                "hovertemplate": "%{y}: %{x}<extra></extra>",
            }
        ],
        "layout": _layout(margin={"l": 80, "r": 10, "t": 10, "b": 10}, yaxis={"fixedrange": True}),
    }


def weekly_figure(weeks: list[dict]) -> dict:
    """Applications sent per week, the last twelve, empty weeks as zero bars."""
    most = max((row["n"] for row in weeks), default=0)
    return {
        "data": [
            {
                "type": "bar",
                "x": [row["week"].isoformat() for row in weeks],
                "y": [row["n"] for row in weeks],
                "marker": {"color": STAGE_COLORS["applied"]},
                "hovertemplate": "Week of %{x|%b %d}: %{y}<extra></extra>",
            }
        ],
        "layout": _layout(
            margin={"l": 30, "r": 10, "t": 10, "b": 30},
            # Whole numbers only: a tick per application while the counts are small.
            yaxis={"rangemode": "tozero", "tickformat": "d", "fixedrange": True} | ({"dtick": 1} if most <= 5 else {}),
            # A tick every other Monday, where the bars' weeks begin.
            xaxis={
                "tickformat": "%b %d",
                "fixedrange": True,
                "type": "date",
                "tick0": weeks[0]["week"].isoformat(),
                "dtick": TWO_WEEKS_MS,
            },
            annotations=[] if most else [_note("None sent in the last twelve weeks")],
        ),
    }


def response_figure(reached: dict[str, int], rate: float) -> dict:
    """The share of sent applications that reached an interview, with the counts it comes from."""
    return {
        "data": [
            {
                "type": "indicator",
                "mode": "gauge+number",
                "value": round(rate * 100, 1),
                "number": {"suffix": "%", "valueformat": ".0f"},
                "gauge": {
                    "axis": {"range": [0, 100], "ticksuffix": "%"},
                    "bar": {"color": STAGE_COLORS["interview"]},
                },
                "title": {
                    "text": f"{reached['interview']} of {reached['applied']} sent reached an interview",
                    "font": {"size": 13},
                },
            }
        ],
        # Room at the sides for the gauge's "0%" and "100%".
        "layout": _layout(margin={"l": 40, "r": 40, "t": 40, "b": 10}),
    }


def _stay_text(median: dict) -> str:
    days = median["median_days"]
    length = "under a day" if days < 1 else f"{days:.1f} days"
    return f"{length} ({median['n']} left)"


def stages_figure(medians: dict[str, dict]) -> dict:
    """Median days in each stage an application has left; a note instead while none has."""
    if not medians:
        return {
            "data": [],
            "layout": _layout(
                xaxis={"visible": False},
                yaxis={"visible": False},
                annotations=[_note("No application has moved on from a stage yet")],
            ),
        }
    stages = list(medians)
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "y": [STATUS_LABELS[stage] for stage in stages],
                "x": [round(medians[stage]["median_days"], 1) for stage in stages],
                "text": [_stay_text(medians[stage]) for stage in stages],
                # Outside the bar: a stay of hours is a bar too short to hold its label.
                "textposition": "outside",
                "cliponaxis": False,
                "marker": {"color": [STAGE_COLORS[stage] for stage in stages]},
                "hovertemplate": "%{y}: %{x} days<extra></extra>",
            }
        ],
        "layout": _layout(
            margin={"l": 80, "r": 90, "t": 10, "b": 40},
            yaxis={"autorange": "reversed", "fixedrange": True},
            xaxis={"rangemode": "tozero", "fixedrange": True, "title": {"text": "days"}},
        ),
    }
