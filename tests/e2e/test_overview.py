"""The dashboard's overview in headless Chromium: follow-ups due, "Done", "Snooze a week", charts, empty states."""

import os
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from selenium.webdriver.common.by import By

from db import applications, events
from db.connection import anonymous_tx, user_tx
from db.users import find_login
from features.dashboard.overview import Ids
from tests.support import make_application

TODAY = date.today()


def _person_of(email: str):
    with anonymous_tx() as conn:
        return find_login(conn, email)["id"]


def _follow_up_on(person, application_id):
    with user_tx(person) as conn:
        return applications.get_application(conn, application_id)["follow_up_on"]


def open_overview(browser) -> None:
    """The dashboard, switched to its Overview view by the control a person clicks."""
    browser.open("/")
    browser.show_dashboard_view("Overview")
    browser.wait_for(lambda: browser.component(Ids.panel) is not None and browser.component(Ids.panel).is_displayed())


def _follow_up_rows(browser) -> dict[str, object]:
    """The listed follow-ups by company."""
    rows = browser.driver.find_elements(By.CSS_SELECTOR, f"#{Ids.follow_ups} .overview-follow-up")
    return {row.find_element(By.TAG_NAME, "a").text: row for row in rows}


def _click_in_row(browser, company: str, button: str) -> None:
    row = _follow_up_rows(browser)[company]
    browser.click(row.find_element(By.XPATH, f".//button[normalize-space()='{button}']"))


def _charts(browser) -> list:
    return [chart for chart in browser.driver.find_elements(By.CSS_SELECTOR, ".js-plotly-plot") if chart.is_displayed()]


def _screenshots(browser, name: str) -> None:
    """The whole page at a laptop's width and at a phone's (390 px), when SCREENSHOT_DIR is set."""
    directory = os.environ.get("SCREENSHOT_DIR")
    if not directory:
        return
    Path(directory).mkdir(parents=True, exist_ok=True)
    driver = browser.driver

    def emulate(width: int, height: int) -> None:
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 768}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        driver.execute_script("window.dispatchEvent(new Event('resize'));")
        time.sleep(1)  # the charts redraw at the new width

    for width, suffix in ((1280, ""), (390, "-390")):
        emulate(width, 900)
        emulate(width, driver.execute_script("return document.documentElement.scrollHeight"))
        driver.save_screenshot(str(Path(directory) / f"{name}{suffix}.png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_script("window.dispatchEvent(new Event('resize'));")


def test_follow_ups_due_done_and_snooze_and_the_charts(browser):
    person = _person_of(browser.sign_up("Jordan", "Ellis"))
    due = make_application(
        person, "Globex", role_title="Data Engineer", status="applied", follow_up_on=TODAY - timedelta(days=1)
    )
    snoozed = make_application(
        person, "Initech", role_title="Platform Engineer", status="interview", follow_up_on=TODAY - timedelta(days=3)
    )
    make_application(person, "Later Inc", status="applied", follow_up_on=TODAY + timedelta(days=2))
    make_application(person, "Closed Ltd", status="rejected", follow_up_on=TODAY - timedelta(days=2))
    offer = make_application(person, "Umbrella", status="applied")
    with user_tx(person) as conn:
        applications.set_status(conn, offer, "interview")
        applications.set_status(conn, offer, "offer")
        # It went out three weeks ago and reached its interview after twelve days.
        moved = {row["to_status"]: row["id"] for row in events.list_for(conn, offer) if row["kind"] == "status"}
        events.set_occurred_at(conn, moved["applied"], datetime.now(UTC) - timedelta(days=21))
        events.set_occurred_at(conn, moved["interview"], datetime.now(UTC) - timedelta(days=9))
    make_application(person, "Draft Co")

    open_overview(browser)
    browser.wait_for(lambda: list(_follow_up_rows(browser)) == ["Initech", "Globex"])  # oldest first
    initech = _follow_up_rows(browser)["Initech"].text
    assert "Platform Engineer" in initech and "3 days overdue" in initech
    assert (
        _follow_up_rows(browser)["Initech"]
        .find_element(By.TAG_NAME, "a")
        .get_attribute("href")
        .endswith(f"/applications/{snoozed}")
    )
    counts = browser.text_of(Ids.counts)
    assert "2\nApplied" in counts and "1\nOffer" in counts and "1\nRejected" in counts
    browser.wait_for(lambda: len(_charts(browser)) == 4)
    assert "2 of 4 sent reached an interview" in browser.text_of(Ids.response)
    assert "12.0 days (1 left)" in browser.text_of(Ids.stages)
    _screenshots(browser, "overview")

    _click_in_row(browser, "Globex", "Done")
    browser.wait_for(lambda: list(_follow_up_rows(browser)) == ["Initech"])
    assert _follow_up_on(person, due) is None

    _click_in_row(browser, "Initech", "Snooze a week")
    browser.wait_for_text("Nothing due.")
    assert _follow_up_rows(browser) == {}
    assert _follow_up_on(person, snoozed) == TODAY + timedelta(weeks=1)

    browser.driver.refresh()  # and it stays so
    open_overview(browser)
    browser.wait_for_text("Nothing due.")
    assert browser.duo.get_logs() == []


def test_empty_states_say_what_to_do_first(browser):
    """With no application at all the dashboard says so itself (no views yet); the overview's own come after."""
    person = _person_of(browser.sign_up("Sam", "Rivera"))
    browser.wait_for_text("No applications yet")

    archived = make_application(person, "Globex", status="applied")
    with user_tx(person) as conn:
        applications.set_archived(conn, archived, True)
    open_overview(browser)
    browser.wait_for(lambda: browser.component(Ids.empty).is_displayed())
    assert browser.text_of(Ids.empty).startswith("Every application is archived — add one")
    assert not browser.component(Ids.content).is_displayed()
    add_one = browser.component(Ids.empty).find_element(By.LINK_TEXT, "add one")
    assert add_one.get_attribute("href").endswith("/applications/new")
    _screenshots(browser, "overview-empty")

    make_application(person, "Draft Co")
    open_overview(browser)
    browser.wait_for(lambda: browser.component(Ids.sent_hint).is_displayed())
    assert browser.text_of(Ids.sent_hint).startswith("Move an application to Applied to see your funnel")
    assert not browser.component(Ids.sent_charts).is_displayed()
    browser.wait_for(lambda: len(_charts(browser)) == 1)  # applications sent per week, all zero
    assert "Nothing due." in browser.text_of(Ids.follow_ups)
    assert "1\nDraft" in browser.text_of(Ids.counts)
    _screenshots(browser, "overview-nothing-sent")
    assert browser.duo.get_logs() == []
