"""Interviews and contacts on the application page, in headless Chromium: add, edit, remove, validate."""

from datetime import datetime
from zoneinfo import ZoneInfo

import requests
from icalendar import Calendar
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from db.connection import anonymous_tx
from db.users import find_login
from tests.support import make_application


def _open_application(browser) -> str:
    email = browser.sign_up("Riley", "Tracker")
    with anonymous_tx() as conn:
        person = find_login(conn, email)["id"]
    application_id = make_application(person, "Contoso", "Data Engineer")
    browser.duo.get_logs()  # the dashboard shown after sign-up has tests of its own: from here on, this page
    browser.open(f"/applications/{application_id}")
    browser.duo.wait_for_text_to_equal("#application-title", "Data Engineer")
    return application_id


def _feedback(browser, field_id: str) -> str:
    return browser.text_of(f"{field_id}-feedback")


def _item_button(browser, kind: str, action: str, index: int = 0):
    buttons = browser.driver.find_elements(By.CSS_SELECTOR, f"#{kind}s-list button")
    return [button for button in buttons if button.text == action][index]


def _reload(browser) -> None:
    browser.driver.refresh()
    browser.duo.wait_for_text_to_equal("#application-title", "Data Engineer")


def test_add_edit_download_and_remove_an_interview(browser):
    _open_application(browser)
    browser.wait_for_text("No interviews yet")

    browser.fill("Interview notes", "Bring the portfolio")
    browser.click_button("Add interview")
    browser.wait_for(lambda: _feedback(browser, "interview-date") == "Enter the date of the interview.")
    assert _feedback(browser, "interview-time") == "Enter the time it starts."
    assert browser.field("Interview notes").get_attribute("value") == "Bring the portfolio"  # nothing typed is lost
    browser.paste("Interview notes", "x" * 20_001)  # pasting passes the field's own limit; the server has one too
    browser.click_button("Add interview")
    browser.wait_for(lambda: _feedback(browser, "interview-notes").startswith("Keep the notes under 20,000"))

    browser.paste("Date", "2026-12-08")
    browser.paste("Time", "15:00")
    Select(browser.field("Kind")).select_by_visible_text("Technical")
    browser.paste("Interview notes", "Bring the portfolio")
    browser.click_button("Add interview")
    browser.wait_for_text("Interview added.")
    browser.wait_for_text("Tue, Dec 8, 2026 · 15:00 · Technical")
    assert _feedback(browser, "interview-date") == ""
    assert browser.field("Date").get_attribute("value") == ""
    browser.screenshot("application-interviews-contacts")
    browser.screenshot("application-interviews-contacts-phone", width=390)

    # The download, with this person's session: the interview at the time typed, in the browser's zone.
    link = browser.driver.find_element(By.LINK_TEXT, "Download .ics").get_attribute("href")
    cookies = {cookie["name"]: cookie["value"] for cookie in browser.driver.get_cookies()}
    (event,) = Calendar.from_ical(requests.get(link, cookies=cookies, timeout=10).content).walk("VEVENT")
    zone = ZoneInfo(browser.driver.execute_script("return Intl.DateTimeFormat().resolvedOptions().timeZone;"))
    assert event["SUMMARY"] == "Technical interview: Contoso — Data Engineer"
    assert event.start == datetime(2026, 12, 8, 15, 0, tzinfo=zone)
    assert "Bring the portfolio" in event.description

    browser.click(_item_button(browser, "interview", "Edit"))
    browser.wait_for(lambda: browser.field("Date").get_attribute("value") == "2026-12-08")
    assert browser.field("Time").get_attribute("value") == "15:00"
    browser.paste("Time", "16:30")
    Select(browser.field("Kind")).select_by_visible_text("Final")
    browser.click_button("Save interview")
    browser.wait_for_text("Interview saved.")
    _reload(browser)
    browser.wait_for_text("Tue, Dec 8, 2026 · 16:30 · Final")
    assert "15:00" not in browser.text_of("interviews-list")

    browser.click(_item_button(browser, "interview", "Remove"))
    browser.wait_for_text("No interviews yet")
    _reload(browser)
    browser.wait_for_text("No interviews yet")
    assert browser.duo.get_logs() == []


def test_add_edit_and_remove_a_contact_with_every_message(browser):
    _open_application(browser)
    browser.wait_for_text("No contacts yet")

    browser.fill("Role", "Recruiter")
    browser.fill("Email", "sam@")
    browser.click_button("Add contact")
    browser.wait_for(lambda: _feedback(browser, "contact-name") == "Enter the contact's name.")
    assert _feedback(browser, "contact-email") == "Enter a valid email address, like name@example.com."
    assert browser.field("Role").get_attribute("value") == "Recruiter"
    assert browser.field("Email").get_attribute("value") == "sam@"
    browser.paste("Name", "Sam\x07 Lee")
    browser.click_button("Add contact")
    browser.wait_for(
        lambda: _feedback(browser, "contact-name") == "Remove the hidden control characters from this field."
    )
    browser.paste("Name", "S" * 201)
    browser.paste("Role", "R" * 201)
    browser.click_button("Add contact")
    browser.wait_for(lambda: _feedback(browser, "contact-name") == "Keep the name under 200 characters.")
    assert _feedback(browser, "contact-role") == "Keep the role under 200 characters."

    browser.fill("Name", "Sam Lee")
    browser.fill("Role", "Recruiter")
    browser.fill("Email", "sam@contoso.example")
    browser.fill("Contact notes", "Met at the meetup")
    browser.click_button("Add contact")
    browser.wait_for_text("Contact added.")
    assert "Sam Lee · Recruiter" in browser.text_of("contacts-list")
    assert _feedback(browser, "contact-email") == ""

    browser.click(_item_button(browser, "contact", "Edit"))
    browser.wait_for(lambda: browser.field("Name").get_attribute("value") == "Sam Lee")
    browser.fill("Role", "Hiring manager")
    browser.click_button("Save contact")
    browser.wait_for_text("Contact saved.")
    _reload(browser)
    browser.wait_for_text("Sam Lee · Hiring manager")
    assert "sam@contoso.example" in browser.text_of("contacts-list")
    assert "Met at the meetup" in browser.text_of("contacts-list")

    browser.click(_item_button(browser, "contact", "Remove"))
    browser.wait_for_text("No contacts yet")
    _reload(browser)
    browser.wait_for_text("No contacts yet")
    assert browser.duo.get_logs() == []
