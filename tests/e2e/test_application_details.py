"""The application record in headless Chromium: edit every field, every message, archive, delete."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from db import applications
from db.connection import anonymous_tx, user_tx
from db.users import find_login
from features.application import details, details_form
from tests.support import make_application

RECORD = f"#{details.Ids.record}"
PANEL = f"#{details_form.Ids.panel}"
TYPED = {
    "Company": "Globex Corporation",
    "Role title": "Staff Platform Engineer",
    "Job URL": "https://globex.example/jobs/42",
    "Location": "Berlin (hybrid)",
    "Salary from": "95,000",
    "Salary to": "120000",
    "Currency": "eur",
    "Source": "Company website",
}
POSTING = "Globex is hiring a staff platform engineer to run Kubernetes and PostgreSQL at scale."
NOTES = "Recruiter: **Dana**.\n\n- ask about on-call\n- [team page](https://globex.example/team)"


def _person_id(email: str):
    with anonymous_tx() as conn:
        return find_login(conn, email)["id"]


def _open_form(browser) -> None:
    browser.click_button("Edit details")
    browser.wait_for(lambda: _shown(browser, details_form.Ids.panel))
    browser.wait_for(lambda: browser.field("Company").get_attribute("value") != "")


def _shown(browser, component_id) -> bool:
    element = browser.component(component_id)  # None while the page reloads
    return element is not None and element.is_displayed()


def _value(browser, label: str) -> str:
    return browser.field(label).get_attribute("value")


def test_every_field_is_edited_and_kept_after_a_reload(browser):
    driver = browser.driver
    browser.sign_up("Edda", "Editor")
    browser.add_application("Northwind Cloud", "Backend Engineer", "jd-backend-engineer.txt")
    _open_form(browser)
    for label, text in TYPED.items():
        browser.fill(label, text)
    browser.paste("Job description", POSTING)
    Select(browser.field("Priority")).select_by_visible_text("High")
    browser.paste("Notes", NOTES)
    browser.paste("Applied on", "2026-11-20")
    browser.paste("Follow up on", "2026-12-04")
    browser.click_button("Save details")
    browser.duo.wait_for_text_to_equal("#application-title", "Staff Platform Engineer")
    browser.wait_for(lambda: not _shown(browser, details_form.Ids.panel))

    driver.refresh()
    browser.duo.wait_for_text_to_equal("#application-title", "Staff Platform Engineer")
    meta = browser.text_of(details.Ids.meta)
    assert "Globex Corporation" in meta and "Berlin (hybrid)" in meta
    assert driver.find_element(By.LINK_TEXT, "Posting").get_attribute("href") == "https://globex.example/jobs/42"
    assert browser.text_of(details.Ids.posting) == POSTING
    record = browser.text_of(details.Ids.record)
    for shown in ("95,000–120,000 EUR", "Company website", "High", "Nov 20, 2026", "Dec 4, 2026", "ask about on-call"):
        assert shown in record
    assert driver.find_element(By.CSS_SELECTOR, f"{RECORD} .record-notes strong").text == "Dana"
    assert driver.find_element(By.LINK_TEXT, "team page").get_attribute("href") == "https://globex.example/team"
    assert "Applied on set to Nov 20, 2026" in browser.text_of("timeline-events")
    browser.screenshot("application-details")
    browser.screenshot("application-details-phone", width=390)

    _open_form(browser)
    for label, text in (TYPED | {"Currency": "EUR", "Salary from": "95000"}).items():
        assert _value(browser, label) == text, label
    assert _value(browser, "Job description") == POSTING
    assert _value(browser, "Notes") == NOTES
    assert (_value(browser, "Applied on"), _value(browser, "Follow up on")) == ("2026-11-20", "2026-12-04")
    assert Select(browser.field("Priority")).first_selected_option.text == "High"
    # The person's earlier source is offered in the Source field's suggestions.
    suggestions = browser.field("Source").get_attribute("list")
    assert [
        option.get_attribute("value") for option in driver.find_elements(By.CSS_SELECTOR, f"#{suggestions} option")
    ] == ["Company website"]
    browser.click(browser.component(details_form.Ids.cancel))  # the page has other "Cancel" buttons
    browser.wait_for(lambda: not _shown(browser, details_form.Ids.panel))
    assert browser.duo.get_logs() == []


def _messages(browser) -> dict[str, str]:
    """Each invalid field's label and the message shown under it."""
    shown = {}
    for label in browser.driver.find_elements(By.CSS_SELECTOR, f"{PANEL} label"):
        control = browser.field(label.text)
        if "is-invalid" in control.get_attribute("class"):
            feedback = browser.component(f"{control.get_attribute('id')}-feedback")
            shown[label.text] = feedback.text
    return shown


def test_every_message_shows_next_to_its_field_and_the_typing_stays(browser):
    browser.sign_up("Vera", "Validate")
    browser.add_application("Northwind Cloud", "Backend Engineer", "jd-backend-engineer.txt")
    _open_form(browser)
    browser.fill("Company", " ")
    browser.fill("Role title", " ")
    browser.paste("Job description", "Too short.")  # clear() does not empty a React textarea
    browser.fill("Job URL", "ftp://example.com/job")
    browser.paste("Location", "L" * 201)
    browser.fill("Salary from", "12.5")
    browser.fill("Salary to", "-5")
    browser.fill("Currency", "E1R")
    browser.paste("Source", "S" * 201)
    browser.paste("Notes", "n" * 100_001)
    browser.paste("Applied on", "2201-01-01")
    browser.paste("Follow up on", "1900-05-01")
    browser.click_button("Save details")
    browser.wait_for_text("Check the fields marked in red.")
    assert _messages(browser) == {
        "Company": "Enter the company's name.",
        "Role title": "Enter the role title.",
        "Job description": "The job description needs at least 50 characters (it has 10).",
        "Job URL": "Enter a web address starting with http:// or https://.",
        "Location": "Keep the location under 200 characters.",
        "Salary from": "Enter a whole number, like 120000.",
        "Salary to": "Enter an amount of 0 or more.",
        "Currency": "Use a 3-letter currency code, like USD or EUR.",
        "Source": "Keep the source under 200 characters.",
        "Notes": "Notes can be at most 100,000 characters (they have 100,001).",
        "Applied on": "Enter a date between 1970 and 2100.",
        "Follow up on": "Enter a date between 1970 and 2100.",
    }
    assert _value(browser, "Job description") == "Too short."
    assert _value(browser, "Salary from") == "12.5"
    assert _value(browser, "Applied on") == "2201-01-01"
    browser.screenshot("application-details-errors")
    browser.screenshot("application-details-errors-phone", width=390)

    browser.fill("Company", "Northwind Cloud")
    browser.fill("Role title", "Backend Engineer")
    browser.paste("Job description", POSTING)
    for label in ("Job URL", "Location", "Source", "Notes", "Applied on", "Follow up on"):
        browser.paste(label, "")
    browser.fill("Salary from", "150000")
    browser.fill("Salary to", "120000")
    browser.fill("Currency", "usd")
    browser.click_button("Save details")
    browser.wait_for(lambda: _messages(browser) == {"Salary to": "“Salary to” can't be below “Salary from”."})
    assert browser.text_of(details.Ids.title) == "Backend Engineer"  # nothing was saved
    assert browser.duo.get_logs() == []


def _board_cards(browser, status: str) -> list[str]:
    """The companies on the dashboard board's column for `status`."""
    column = browser.component(f"board-list-{status}")
    if column is None:
        return []
    return [card.text for card in column.find_elements(By.CSS_SELECTOR, ".board-card .board-card-company")]


def test_archive_hides_it_from_the_dashboard_and_unarchive_brings_it_back(browser):
    person = _person_id(browser.sign_up("Arlo", "Archive"))
    make_application(person, "Other Co")  # so the board has something to show besides
    url = browser.add_application("Northwind Cloud", "Backend Engineer", "jd-backend-engineer.txt")
    assert not _shown(browser, details.Ids.archived_badge)
    browser.click_button("Archive")
    browser.wait_for(lambda: _shown(browser, details.Ids.archived_badge))
    assert browser.text_of(details.Ids.archived_badge) == "Archived"
    browser.wait_for(lambda: browser.text_of("timeline-events").startswith("Archived"))
    browser.screenshot("application-archived")

    browser.open("/")
    browser.wait_for(lambda: _board_cards(browser, "draft") == ["Other Co"])
    browser.check("Show archived")
    browser.wait_for(lambda: sorted(_board_cards(browser, "draft")) == ["Northwind Cloud", "Other Co"])

    browser.open(url.removeprefix(browser.base_url))
    browser.wait_for(lambda: _shown(browser, details.Ids.archived_badge))
    browser.click_button("Unarchive")
    browser.wait_for(lambda: not _shown(browser, details.Ids.archived_badge))
    browser.wait_for(lambda: browser.text_of("timeline-events").startswith("Unarchived"))
    assert _shown(browser, details.Ids.archive)
    browser.open("/")
    browser.wait_for(lambda: sorted(_board_cards(browser, "draft")) == ["Northwind Cloud", "Other Co"])
    assert browser.duo.get_logs() == []


def test_delete_asks_first_and_removes_it_everywhere(browser):
    driver = browser.driver
    person = _person_id(browser.sign_up("Dell", "Delete"))
    url = browser.add_application("Northwind Cloud", "Backend Engineer", "jd-backend-engineer.txt")
    browser.click_button("Delete")
    browser.wait_for_text("Delete this application and its documents?")
    browser.screenshot("application-delete-question")
    browser.click(browser.component(details.Ids.delete_cancel))  # the page has other "Cancel" buttons
    browser.wait_for(lambda: "Delete this application" not in driver.find_element(By.TAG_NAME, "body").text)
    driver.refresh()
    browser.duo.wait_for_text_to_equal("#application-title", "Backend Engineer")

    browser.click_button("Delete")
    browser.click_button("Delete application")
    browser.wait_for(lambda: driver.current_url.rstrip("/") == browser.base_url.rstrip("/"))
    browser.wait_for_text("Add your first application")  # the dashboard's empty state: nothing left
    assert "Northwind Cloud" not in driver.find_element(By.TAG_NAME, "body").text
    with user_tx(person) as conn:
        assert applications.list_applications(conn) == []
    driver.get(url)
    browser.wait_for_text("Application not found")
    assert "Northwind Cloud" not in driver.find_element(By.TAG_NAME, "body").text
    assert browser.duo.get_logs() == []
