"""The calendar feed in headless Chromium: create the link in Settings, read it with icalendar, reset it."""

from datetime import date

import requests
from icalendar import Calendar
from selenium.webdriver.common.by import By

from db import interviews
from db.connection import anonymous_tx, user_tx
from db.users import find_login
from tests.support import make_application


def _feed_summaries(url: str) -> set[str]:
    response = requests.get(url, timeout=10)  # as a calendar app reads it: no cookie
    assert response.status_code == 200
    return {str(event["SUMMARY"]) for event in Calendar.from_ical(response.content).walk("VEVENT")}


def _link(browser) -> str:
    return browser.field("Calendar feed URL").get_attribute("value")


def test_create_copy_read_and_reset_the_calendar_link(browser):
    email = browser.sign_up("Casey", "Planner")
    with anonymous_tx() as conn:
        person = find_login(conn, email)["id"]
    application_id = make_application(person, "Contoso", "Data Engineer", follow_up_on=date(2026, 12, 3))
    with user_tx(person) as conn:
        interviews.add_interview(conn, application_id, "2026-12-08 15:00+00", "phone_screen")

    browser.duo.get_logs()  # the dashboard shown after sign-up has tests of its own: from here on, Settings
    browser.click_link("Settings")
    browser.click_button("Create link")
    browser.wait_for(lambda: _link(browser).endswith(".ics"))
    first = _link(browser)
    assert first.startswith(browser.base_url + "/calendar/")
    browser.wait_for_text("Copy this link now")
    browser.click_button("Copy")
    browser.wait_for(lambda: browser.text_of("calendar-feed-copied") == "Copied")
    # Reading the clipboard back needs a permission a person would be asked for.
    browser.driver.execute_cdp_cmd(
        "Browser.grantPermissions", {"origin": browser.base_url, "permissions": ["clipboardReadWrite"]}
    )
    assert browser.driver.execute_script("return navigator.clipboard.readText();") == first
    browser.screenshot("settings-calendar-feed")
    browser.screenshot("settings-calendar-feed-phone", width=390)

    assert _feed_summaries(first) == {
        "Follow up: Contoso — Data Engineer",
        "Phone screen interview: Contoso — Data Engineer",
    }

    browser.click_button("Reset link")
    browser.wait_for(lambda: _link(browser) not in ("", first))
    second = _link(browser)
    browser.wait_for_text("Your old link has stopped working")
    assert browser.text_of("calendar-feed-copied") == ""  # the old "Copied" was about the old link
    assert requests.get(first, timeout=10).status_code == 404
    assert "Follow up: Contoso — Data Engineer" in _feed_summaries(second)

    # After a reload the link is not shown again (only its hash is stored), and Reset says so.
    browser.driver.refresh()
    browser.wait_for(lambda: browser.driver.find_element(By.ID, "calendar-feed-reset").text == "Reset link")
    assert _link(browser) == ""
    assert "stops working at once" in browser.text_of("calendar-feed-explanation")
    assert requests.get(second, timeout=10).status_code == 200
    assert browser.duo.get_logs() == []
