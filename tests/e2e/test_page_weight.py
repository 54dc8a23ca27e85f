"""In the browser: plotly.js loads only where a chart is drawn, as the partial bundle; AG Grid only in the table."""

import re
import time

from selenium.webdriver.common.by import By

# A funnel (applied → interview → offer) and horizontal bars (median days in each stage), as the overview draws them.
FUNNEL_AND_BARS = {
    "data": [
        {
            "type": "funnel",
            "y": ["Applied", "Interview", "Offer"],
            "x": [12, 5, 1],
            "textinfo": "value+percent initial",
        },
        {"type": "bar", "orientation": "h", "y": ["Applied", "Interview"], "x": [9, 14], "xaxis": "x2", "yaxis": "y2"},
    ],
    "layout": {"grid": {"rows": 1, "columns": 2, "pattern": "independent"}, "height": 260},
}


def _scripts_loaded(browser) -> list[str]:
    return browser.driver.execute_script(
        "return performance.getEntriesByType('resource').map(entry => entry.name).filter(name => /\\.js/.test(name));"
    )


def _plotly_loaded(browser) -> list[str]:
    # The loader (assets/plotly_bundle.js) is on every page; plotly.js itself is a bundle in assets/lazy or Dash's.
    return [name for name in _scripts_loaded(browser) if "/assets/lazy/plotly" in name or "plotly.min.js" in name]


def _settled(browser, seconds: float = 1.5) -> None:
    """Waits until no new script has been fetched for `seconds` (a chart would fetch plotly.js after its callback)."""
    count, quiet_since = len(_scripts_loaded(browser)), time.monotonic()
    while time.monotonic() - quiet_since < seconds:
        time.sleep(0.25)
        now = len(_scripts_loaded(browser))
        if now != count:
            count, quiet_since = now, time.monotonic()


def test_a_page_without_charts_loads_no_plotly(browser):
    browser.sign_up("Jordan", "Ellis")
    browser.duo.get_logs()  # the pages below are the ones under test
    for path, text in [("/resumes", "Resumes"), ("/settings", "Settings"), ("/applications/new", "Job description")]:
        browser.open(path)  # a fresh page load: nothing kept from the page before
        browser.wait_for_text(text)
        _settled(browser)
        assert _plotly_loaded(browser) == [], path
        assert browser.driver.execute_script("return typeof window.Plotly;") == "undefined", path
        assert not [name for name in _scripts_loaded(browser) if "dash_ag_grid" in name], path
    assert browser.duo.get_logs() == []


def test_charts_load_the_partial_bundle_and_draw_bars_and_a_funnel(browser):
    browser.sign_up("Jordan", "Ellis")
    browser.add_application("Northwind Cloud", "Senior Backend Engineer", "jd-senior-backend-engineer.txt")
    browser.open("/")
    browser.wait_for(lambda: browser.driver.find_elements(By.CSS_SELECTOR, ".board-card"))
    _settled(browser)
    assert _plotly_loaded(browser) == [], "the board draws no chart"
    browser.show_dashboard_view("Overview")
    browser.wait_for(lambda: browser.driver.find_elements(By.CSS_SELECTOR, ".dash-graph .main-svg"), timeout=20)
    loaded = _plotly_loaded(browser)
    assert len(loaded) == 1 and "/assets/lazy/plotly-finance-" in loaded[0], loaded
    graph = browser.driver.find_element(By.CSS_SELECTOR, ".dash-graph")
    assert graph.find_elements(By.CSS_SELECTOR, ".barlayer .trace"), "the dashboard's bar chart"

    # The same dcc.Graph given a funnel and horizontal bars, through dash-renderer as a callback's output would be.
    browser.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {figure: arguments[1]});",
        graph.get_attribute("id"),
        FUNNEL_AND_BARS,
    )
    browser.wait_for(lambda: graph.find_elements(By.CSS_SELECTOR, ".funnellayer .trace"))
    assert graph.find_elements(By.CSS_SELECTOR, ".barlayer .trace")
    assert "Interview" in graph.get_attribute("textContent")  # SVG text, which WebElement.text leaves out
    browser.screenshot("funnel-with-partial-plotly")
    # Only what plotly.js or its loading could have logged: the dashboard's other views are tested on their own.
    logs = [entry["message"] for entry in browser.duo.get_logs()]
    assert [message for message in logs if "plotly" in message.lower() or "Content Security Policy" in message] == []


def _fetched(browser, part: str) -> list[str]:
    """The scripts fetched whose URL holds `part`, by file name with Dash's fingerprint taken out."""
    names = [name.split("?")[0].rsplit("/", 1)[-1] for name in _scripts_loaded(browser) if part in name]
    return sorted(re.sub(r"\.v[0-9_]+m\d+", "", name) for name in names)


def test_each_view_fetches_its_own_scripts_once(browser):
    browser.sign_up("Jordan", "Ellis")
    browser.add_application("Northwind Cloud", "Senior Backend Engineer", "jd-senior-backend-engineer.txt")
    browser.open("/")  # the board, everyone's first view: the page links SortableJS, and no grid
    browser.wait_for(lambda: browser.driver.find_elements(By.CSS_SELECTOR, ".board-card"))
    _settled(browser)
    assert _fetched(browser, "Sortable") == ["Sortable.min.js"]
    assert _fetched(browser, "dash_ag_grid") == []
    assert _fetched(browser, "dash_table") == []
    grid = ["async-community.js", "dash_ag_grid.min.js"]  # the bundle and its chunk, each once, fingerprinted
    browser.show_dashboard_view("Table")  # switched to on the page: the grid's files are fetched then
    browser.wait_for(lambda: browser.driver.find_elements(By.CSS_SELECTOR, "#applications-grid .ag-row"))
    _settled(browser)
    assert _fetched(browser, "dash_ag_grid") == grid
    assert "async-community.js" not in [name.rsplit("/", 1)[-1] for name in _scripts_loaded(browser)]

    browser.driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    browser.driver.refresh()  # Table is now the person's view: the page links the grid's files, not SortableJS
    browser.wait_for(lambda: browser.driver.find_elements(By.CSS_SELECTOR, "#applications-grid .ag-row"))
    _settled(browser)
    assert _fetched(browser, "dash_ag_grid") == grid
    assert _fetched(browser, "Sortable") == []
    assert browser.duo.get_logs() == []
