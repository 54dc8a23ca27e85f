"""axe-core in headless Chromium on every page, empty and filled, modals open: no serious or critical violation."""

import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from features.dashboard import overview
from features.import_applications.ids import Ids as ImportIds
from tests.e2e.axe import Audit
from tests.support import make_application, make_application_with_everything, make_every_kind_of_application, user_id_of

# A modal has finished fading in: it, its dialog's slide and the backdrop are at their final styles.
MODAL_SHOWN = """
const modal = document.querySelector(".modal.show"), backdrop = document.querySelector(".modal-backdrop.show");
if (!modal || !backdrop) return false;
const faded = getComputedStyle(backdrop);
return getComputedStyle(modal).opacity === "1"
    && getComputedStyle(modal.querySelector(".modal-dialog")).transform === "none"
    && faded.opacity === faded.getPropertyValue("--bs-backdrop-opacity").trim();
"""
CSV_FILE = "Company,Role,Status\nInitech,Analyst,applied\n,No company,applied\n"


def _open(browser, path: str, text: str) -> None:
    browser.open(path)
    browser.wait_for_text(text)


def _dashboard_views(browser, audit: Audit, state: str) -> None:
    _open(browser, "/", "Your applications")
    browser.wait_for(lambda: browser.shown("dashboard-content") or browser.shown("dashboard-empty"))
    if browser.shown("dashboard-empty"):
        audit.check(f"dashboard ({state})", "pages.dashboard")
        return
    browser.show_dashboard_view("Board")
    browser.wait_for(lambda: browser.driver.find_elements(By.CSS_SELECTOR, ".board-card"))
    audit.check(f"dashboard board ({state})", "pages.dashboard")
    _screenshots(browser, f"a11y-dashboard-board-{state}")
    browser.show_dashboard_view("Table")
    browser.wait_for(lambda: browser.driver.find_elements(By.CSS_SELECTOR, "#applications-grid .ag-row"))
    audit.check(f"dashboard table ({state})", "pages.dashboard")
    browser.show_dashboard_view("Overview")
    browser.wait_for(lambda: browser.shown(overview.Ids.panel))
    browser.wait_for(lambda: len(browser.driver.find_elements(By.CSS_SELECTOR, ".js-plotly-plot .main-svg")) >= 4)
    audit.check(f"dashboard overview ({state})", "pages.dashboard")
    _screenshots(browser, f"a11y-dashboard-overview-{state}")


def _not_found_then_verdict(browser, audit: Audit, name: str) -> None:
    """Scan the 404 page last, then fail on any violation found, console error, or registered page not scanned."""
    _open(browser, "/no-such-page", "404")
    audit.check(name)
    audit.assert_clean()
    assert browser.duo.get_logs() == []
    audit.assert_every_page_checked()


def _screenshots(browser, name: str) -> None:
    """Where the colours changed (status badges, counts, charts, links): at 1280 and 390 px, with SCREENSHOT_DIR."""
    browser.screenshot(name)
    browser.screenshot(f"{name}-phone", width=390)


def _modal(browser, audit: Audit, name: str, button, page: str) -> None:
    """Open a confirmation modal with `button`, scan the page with it open, and cancel it."""
    browser.click(button)
    browser.wait_for(lambda: browser.driver.execute_script(MODAL_SHOWN))  # scanned mid-fade, its colours are wrong
    audit.check(name, page)
    browser.click_button("Cancel")
    browser.wait_for(lambda: not browser.driver.find_elements(By.CSS_SELECTOR, ".modal.show"))


def test_the_signed_out_pages(browser):
    audit = Audit(browser)
    for path, name, submit, email, password in (
        ("/login", "sign-in", "Log in", "nobody@example.com", "wrong password"),
        ("/register", "sign-up", "Sign up", "not an email", "short"),
    ):
        _open(browser, path, submit)
        audit.check(name)
        browser.fill("Email", email)
        browser.fill("Password", password)
        browser.click_button(submit)
        browser.wait_for(lambda: browser.driver.find_elements(By.CSS_SELECTOR, ".alert, .invalid-feedback"))
        audit.check(f"{name}, refused")
    _open(browser, "/account-deleted", "deleted")
    audit.check("account deleted")
    audit.assert_clean()
    assert browser.duo.get_logs() == []


def test_every_page_of_an_empty_account(browser):
    audit = Audit(browser)
    browser.sign_up("Avery", "Empty")
    _dashboard_views(browser, audit, "empty")
    _open(browser, "/applications/new", "New application")
    audit.check("new application", "pages.new_application")
    _open(browser, "/resumes", "Resumes")
    audit.check("resumes (none)", "pages.resumes")
    _open(browser, "/search", "Search")
    audit.check("search", "pages.search")
    _open(browser, "/settings", "Settings")
    audit.check("settings", "pages.settings")
    _open(browser, "/applications/import", "Import applications")
    audit.check("import: the upload", "pages.import_applications")
    _open(browser, f"/applications/{uuid.uuid4()}", "Application not found")
    audit.check("application not found", "pages.application")
    _not_found_then_verdict(browser, audit, "404")


def test_every_page_of_a_busy_account(browser, tmp_path):
    audit = Audit(browser)
    person = user_id_of(browser.sign_up("Jordan", "Busy"))
    make_every_kind_of_application(person)
    everything = make_application_with_everything(person)
    fresh = make_application(person, "Globex", "Data Engineer")
    browser.add_resume("Backend", "resume-backend-engineer.txt")
    audit.check("resumes (some)", "pages.resumes")
    _modal(
        browser, audit, "resumes: delete confirmation", browser.resume_card_button("Backend", "Delete"), "pages.resumes"
    )

    _dashboard_views(browser, audit, "busy")

    _open(browser, f"/applications/{everything}", "Sam Lee")
    browser.wait_for(lambda: browser.editor_text("cover_letter") != "")
    audit.check("application with everything", "pages.application")
    _screenshots(browser, "a11y-application")
    _modal(
        browser,
        audit,
        "application: delete confirmation",
        browser.driver.find_element(By.XPATH, "//button[normalize-space()='Delete']"),
        "pages.application",
    )
    _open(browser, f"/applications/{fresh}", "Data Engineer")
    audit.check("application, fresh", "pages.application")

    _open(browser, "/applications/new", "New application")
    browser.fill("Company", "Globex")
    browser.field("Company").send_keys(Keys.TAB)
    browser.wait_for_text("You already have an application to Globex")
    audit.check("new application with the duplicate notice", "pages.new_application")

    _open(browser, "/search", "Search")
    browser.fill("Search your applications and documents", "Northwind")
    browser.click_button("Search")
    browser.wait_for(lambda: browser.driver.find_elements(By.CSS_SELECTOR, ".search-result"))
    audit.check("search results", "pages.search")

    _open(browser, "/settings", "Settings")
    audit.check("settings", "pages.settings")

    tracker = tmp_path / "tracker.csv"
    tracker.write_text(CSV_FILE)
    _open(browser, "/applications/import", "Import applications")
    browser.choose_file(ImportIds.upload, tracker)
    browser.wait_for(lambda: "Will be imported" in browser.text_of(ImportIds.preview))
    audit.check("import: matching the columns", "pages.import_applications")
    browser.click_button("Import 2 rows")
    browser.wait_for(lambda: "Imported 1 application" in browser.text_of(ImportIds.report), timeout=20)
    audit.check("import: the report", "pages.import_applications")

    _not_found_then_verdict(browser, audit, "404, signed in")
