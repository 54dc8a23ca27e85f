"""axe-core (tests/vendor/axe-core) run in the browser's page: its serious and critical violations."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import dash

AXE_SOURCE = (Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js").read_text()
BLOCKING = {"serious", "critical"}

# WCAG 2.0–2.2 A and AA and axe's best practices, with every region of the page checked.
_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                                                   "best-practice"]},
                   resultTypes: ["violations"]})
  .then(results => done(results.violations))
  .catch(error => done({error: String(error)}));
"""


def violations(driver) -> list[dict]:
    """The page's serious and critical violations as axe reports them (rule, impact, the nodes' selectors)."""
    if not driver.execute_script("return !!window.axe;"):
        driver.execute_script(AXE_SOURCE)
    driver.set_script_timeout(30)
    found = driver.execute_async_script(_RUN)
    assert not isinstance(found, dict), f"axe did not run: {found}"
    return [violation for violation in found if violation["impact"] in BLOCKING]


def describe(found: list[dict]) -> str:
    """One line per violation and node: what to fix and where."""
    lines = []
    for violation in found:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary']!r}")
    return "\n".join(lines)


class Audit:
    """Scans a browser's pages one state at a time and remembers which registered Dash pages it saw."""

    def __init__(self, browser):
        self.browser = browser
        self.found: dict[str, str] = {}
        self.pages: set[str] = set()

    def check(self, name: str, page: str | None = None) -> None:
        """Scan what the browser shows now as `name`; `page` is the dash.page_registry module it shows."""
        if page is not None:
            template = dash.page_registry[page].get("path_template") or dash.page_registry[page]["path"]
            pattern = re.sub(r"<[^>]+>", "[^/]+", template)
            path = urlsplit(self.browser.driver.current_url).path
            assert re.fullmatch(pattern, path), f"{name}: {path} is not {page}'s {template}"
            self.pages.add(page)
        found = violations(self.browser.driver)
        if found:
            self.found[name] = describe(found)

    def assert_clean(self) -> None:
        assert self.found == {}, "\n\n".join(f"{name}:\n{lines}" for name, lines in self.found.items())

    def assert_every_page_checked(self) -> None:
        """A page added to the app fails here until this state's test scans it."""
        assert set(dash.page_registry) - self.pages == set()
