"""WCAG AA contrast of the status colours (badges, board counts, overview counts) and the overview's charts."""

import re
from datetime import date

import pytest

from components.status import STATUS_COLORS, STATUS_TEXT_COLORS
from config import PROJECT_ROOT
from features.dashboard import overview, overview_charts

BOOTSTRAP = (PROJECT_ROOT / "assets" / "bootstrap.min.css").read_text()
TEXT = 4.5  # WCAG 1.4.3, text at normal size
NON_TEXT = 3.0  # WCAG 1.4.11, graphical objects such as bars and gauges


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2's relative luminance of an sRGB colour "#rrggbb"."""
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def bootstrap_variable(name: str) -> str:
    """A colour variable of Bootstrap's light theme (its first definition, in `:root`) as "#rrggbb"."""
    value = re.search(rf"--bs-{name}:([^;}}]+)", BOOTSTRAP).group(1).strip()
    if value.startswith("#"):
        return value if len(value) == 7 else "#" + "".join(c * 2 for c in value[1:])
    return "#" + "".join(f"{int(part):02x}" for part in value.split(","))  # an "r, g, b" variable


def badge_text(text_color: str) -> str:
    """The colour of a dbc.Badge's text: Bootstrap's badge white, or the `text-<name>` utility's."""
    if text_color == "white":
        return re.search(r"\.badge\{[^}]*--bs-badge-color:(#[0-9a-f]+)", BOOTSTRAP).group(1).replace("#fff", "#ffffff")
    return bootstrap_variable(f"{text_color}-rgb")


def test_the_formula_gives_wcag_s_known_ratios():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes on white


def test_bootstrap_s_colours_are_read_from_its_css():
    assert bootstrap_variable("info") == "#0dcaf0"
    assert bootstrap_variable("dark-rgb") == "#212529"
    assert badge_text("white") == "#ffffff"


@pytest.mark.parametrize("status", list(STATUS_COLORS))
def test_every_status_badge_s_text_is_readable_on_its_colour(status):
    background = bootstrap_variable(STATUS_COLORS[status])
    text = badge_text(STATUS_TEXT_COLORS[status])
    assert contrast(text, background) >= TEXT, f"{status}: {text} on {background}"


def test_every_status_count_on_the_overview_is_readable_on_white():
    for item in overview._counts({}):
        count, label = item.children.children
        name = re.fullmatch(r"text-([\w-]+)", count.className.split()[-1]).group(1)  # e.g. text-info-emphasis
        text = bootstrap_variable(name.replace("-emphasis", "-text-emphasis"))
        assert contrast(text, bootstrap_variable("body-bg")) >= TEXT, f"{label.children}: {text}"


@pytest.mark.parametrize("stage", list(overview_charts.STAGE_COLORS))
def test_every_chart_colour_stands_out_from_the_chart_and_holds_white_text(stage):
    colour = overview_charts.STAGE_COLORS[stage]
    assert contrast(colour, overview_charts.CHART_BACKGROUND) >= NON_TEXT, f"{stage}: {colour}"
    assert contrast(overview_charts.BAR_TEXT, colour) >= TEXT, f"{stage}: text inside {colour}"


def test_the_chart_text_is_readable_and_every_figure_uses_these_colours():
    assert bootstrap_variable("body-bg") == overview_charts.CHART_BACKGROUND
    assert contrast(overview_charts.CHART_TEXT, overview_charts.CHART_BACKGROUND) >= TEXT
    reached = {"applied": 4, "interview": 2, "offer": 1}
    weeks = [{"week": date(2026, 1, 5), "n": 3}]
    figures = [
        overview_charts.funnel_figure(reached),
        overview_charts.weekly_figure(weeks),
        overview_charts.response_figure(reached, 0.5),
        overview_charts.stages_figure({"applied": {"median_days": 3.0, "n": 2}}),
    ]
    for figure in figures:
        assert figure["layout"]["font"]["color"] == overview_charts.CHART_TEXT
    drawn = {str(figure["data"][0].get("marker", figure["data"][0].get("gauge"))) for figure in figures}
    assert all(any(colour in text for colour in overview_charts.STAGE_COLORS.values()) for text in drawn)
    assert figures[0]["data"][0]["insidetextfont"]["color"] == overview_charts.BAR_TEXT
