"""The timeline and what was sent, in headless Chromium: status changes seen at once, a date corrected,
and the versions sent kept as they were after the letter is edited and regenerated."""

from datetime import date, timedelta

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from features.application import sent, timeline
from features.application.common import day_label

TODAY = day_label(date.today())


def _timeline(browser) -> list[str]:
    """Each event's lines without its button ("Draft → Applied\nDec 1, 2026 · by you"), newest first."""
    events = browser.component(timeline.Ids.events)
    items = events.find_elements(By.CSS_SELECTOR, "li") if events else []
    return [item.text.removesuffix("Edit date").rstrip() for item in items]


def _event(browser, index: int) -> str:
    """One event's lines; "" while the page reloads."""
    events = _timeline(browser)
    return events[index] if events else ""


def test_a_status_change_is_on_the_timeline_and_its_date_can_be_corrected(browser):
    browser.sign_up("Tim", "Line")
    browser.add_application("Northwind Cloud", "Backend Engineer", "jd-backend-engineer.txt")
    assert _timeline(browser) == [f"Created\n{TODAY} · by you"]
    Select(browser.field("Status")).select_by_visible_text("Applied")
    browser.wait_for(lambda: len(_timeline(browser)) == 4)
    assert [event.split("\n")[0] for event in _timeline(browser)] == [
        "Sent",
        f"Applied on set to {TODAY}",
        "Draft → Applied",
        "Created",
    ]
    assert _timeline(browser)[1].endswith("by Job Forge")
    assert "Applied on\n" + TODAY in browser.text_of("application-record")
    assert browser.text_of(sent.Ids.submissions).startswith(f"Sent on {TODAY}\nNo documents were recorded")

    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    browser.edit_event_date("Draft → Applied", tomorrow)
    browser.wait_for_text("Enter a date that is not in the future.")
    browser.paste("When it happened", (date.today() - timedelta(days=7)).isoformat())
    browser.click_button("Save date")
    last_week = day_label(date.today() - timedelta(days=7))
    # Backdated, it is now the oldest event.
    browser.wait_for(lambda: _event(browser, -1) == f"Draft → Applied\n{last_week} · by you")
    browser.screenshot("application-timeline")
    browser.screenshot("application-timeline-phone", width=390)

    browser.driver.refresh()
    browser.wait_for(lambda: _event(browser, -1).startswith(f"Draft → Applied\n{last_week}"))
    Select(browser.field("Status")).select_by_visible_text("Withdrawn")
    browser.wait_for(lambda: _event(browser, 0) == f"Applied → Withdrawn\n{TODAY} · by you")
    Select(browser.field("Status")).select_by_visible_text("No response")
    browser.wait_for(lambda: _event(browser, 0).startswith("Withdrawn → No response"))
    assert browser.duo.get_logs() == []


def _letter_origin(browser) -> str:
    return browser.text_of({"type": "origin", "doc": "cover_letter"})


def test_what_was_sent_stays_as_sent_after_the_letter_is_edited_and_regenerated(browser):
    browser.new_person_with_an_application()
    browser.click_button("Generate cover letter")
    browser.wait_for(lambda: _letter_origin(browser) == "Offline draft · version 1", timeout=30)
    original = browser.editor_text("cover_letter")
    assert original.startswith("Dear Northwind Cloud hiring team,")
    assert browser.text_of(sent.Ids.submissions).startswith("Not sent yet.")

    Select(browser.field("Status")).select_by_visible_text("Applied")
    browser.wait_for(lambda: browser.text_of(sent.Ids.submissions).startswith(f"Sent on {TODAY}: "))
    line = browser.text_of(sent.Ids.submissions)
    assert "Cover letter v1" in line

    browser.field("Cover letter (Markdown)").send_keys("\nP.S. Edited after sending.")
    browser.click_button("Save")
    browser.wait_for(lambda: _letter_origin(browser) == "Edited by you · version 2")
    browser.click_button("Generate cover letter")
    browser.wait_for(lambda: _letter_origin(browser) == "Offline draft · version 3", timeout=30)
    browser.driver.refresh()
    browser.wait_for(lambda: "Cover letter v1" in browser.text_of(sent.Ids.submissions))
    assert browser.text_of(sent.Ids.submissions) == line
    browser.screenshot("application-sent")
    browser.screenshot("application-sent-phone", width=390)

    browser.click_button("Cover letter v1")
    browser.wait_for(lambda: browser.text_of(sent.Ids.modal_title) == "Cover letter v1, as sent")
    assert browser.component(sent.Ids.modal_text).get_attribute("textContent") == original
    assert "Edited after sending" not in browser.component(sent.Ids.modal_text).get_attribute("textContent")
    browser.screenshot("application-sent-version")
    assert browser.duo.get_logs() == []
