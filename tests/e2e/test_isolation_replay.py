"""Isolation, exhaustively: every callback request a person's browser sends, replayed by someone else and by no one.

Person A uses every page in Chromium while the server records each callback request it receives
(tests/callback_recorder.py). Each request is then sent again, unchanged but for the CSRF token, by
another signed-in person and by a client with no session. No answer may hold any of the text A typed,
the anonymous ones must all be 401, and none of A's rows in any table may change.
"""

import dataclasses
import json
import re
import time
import uuid
from datetime import date, timedelta

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

import config
from features.application.common import day_label
from tests.callback_recorder import CallbackRecorder, response_text, server_callbacks
from tests.conftest import fixture_text
from tests.dash_requests import DashPage
from tests.support import sign_up_client, tenant_rows, user_id_of

TOKEN = uuid.uuid4().hex[:10]


def mark(field: str) -> str:
    """Text that appears nowhere but where person A typed it: one per field."""
    return f"{field}{TOKEN}"


COMPANY = f"Kestrel {mark('company')}"
CSV_COMPANIES = (f"Heron {mark('csvfirst')}", f"Osprey {mark('csvsecond')}")
YESTERDAY = (date.today() - timedelta(days=1)).isoformat()
# Callbacks this journey does not fire, each with the reason; any other one it misses fails the test.
NOT_FIRED: dict[str, str] = {}


def _resumes(browser, tmp_path) -> None:
    browser.open("/resumes")
    browser.fill("Name", mark("resumename"))
    browser.paste("Content", fixture_text("resume-backend-engineer.txt") + f"\nVolunteer: {mark('resumetext')}")
    browser.click_button("Save")
    browser.wait_for_text(f"Saved “{mark('resumename')}”.")
    browser.fill("Name", mark("renamed"))
    browser.click_button("Save")
    browser.wait_for_text(f"Saved “{mark('renamed')}”.")

    browser.click_button("Start a new resume")
    browser.wait_for(lambda: browser.field("Content").get_attribute("value") == "")
    browser.paste("Content", f"Typed and then replaced by a file {mark('typedresume')}")
    upload = tmp_path / f"{mark('upload')}.txt"
    upload.write_text(fixture_text("resume-standard.txt") + f"\n{mark('uploadtext')}\n")
    browser.choose_file("resume-upload", upload)
    browser.click_button("Use the file’s text")
    browser.wait_for(lambda: mark("uploadtext") in browser.field("Content").get_attribute("value"))
    browser.click_button("Save")
    browser.wait_for_text(f"Saved “{mark('upload')}”.")

    browser.click(browser.resume_card_button(mark("renamed"), "Edit"))
    browser.wait_for(lambda: browser.field("Name").get_attribute("value") == mark("renamed"))
    browser.click(browser.resume_card_button(mark("upload"), "Delete"))
    browser.click_button("Delete resume")
    browser.wait_for_text(f"Deleted “{mark('upload')}”.")


def _new_application(browser, site) -> None:
    browser.open("/applications/new")
    browser.import_posting(site.url("/jsonld"))
    browser.wait_for(lambda: browser.field("Company").get_attribute("value") == "Lumen Freight")
    browser.fill("Company", COMPANY)
    browser.fill("Role title", f"Platform Engineer {mark('role')}")
    browser.paste("Job description", fixture_text("jd-senior-backend-engineer.txt") + f"\n{mark('posting')}")
    browser.click_button("Save")
    browser.wait_for(lambda: mark("role") in browser.text_of("application-title"))

    browser.open("/applications/new")
    browser.fill("Company", COMPANY)
    browser.field("Company").send_keys(Keys.TAB)
    browser.wait_for_text(f"You already have an application to {COMPANY} (Draft,")


def _details_interviews_contacts(browser) -> None:
    browser.open_details_form()
    browser.fill("Location", mark("location"))
    browser.fill("Source", mark("source"))
    browser.paste("Notes", mark("notes"))
    browser.paste("Follow up on", YESTERDAY)
    browser.click_button("Save details")
    browser.wait_for(lambda: mark("notes") in browser.text_of("application-record"))

    for number in (1, 2):
        browser.paste("Date", "2026-12-08")
        browser.paste("Time", "15:00")
        browser.paste("Interview notes", mark(f"interview{number}"))
        browser.click_button("Add interview")
        browser.wait_for(lambda number=number: mark(f"interview{number}") in browser.text_of("interviews-list"))
    browser.click(browser.item_button("interview", "Edit"))
    browser.wait_for(lambda: browser.field("Date").get_attribute("value") == "2026-12-08")
    browser.paste("Time", "16:30")
    browser.click_button("Save interview")
    browser.wait_for_text("Interview saved.")
    browser.click(browser.item_button("interview", "Remove", index=1))
    browser.wait_for(lambda: len(browser.driver.find_elements(By.CSS_SELECTOR, "#interviews-list li")) == 1)

    for number in (1, 2):
        browser.fill("Name", mark(f"contactname{number}"))
        browser.fill("Email", f"{mark(f'contactemail{number}')}@example.com")
        browser.fill("Contact notes", mark(f"contactnotes{number}"))
        browser.click_button("Add contact")
        browser.wait_for(lambda number=number: mark(f"contactname{number}") in browser.text_of("contacts-list"))
    browser.click(browser.item_button("contact", "Edit"))
    browser.wait_for(lambda: browser.field("Name").get_attribute("value") != "")
    browser.fill("Role", mark("contactrole"))
    browser.click_button("Save contact")
    browser.wait_for_text("Contact saved.")
    browser.click(browser.item_button("contact", "Remove", index=1))
    browser.wait_for(lambda: len(browser.text_of("contacts-list").split("Remove")) == 2)


def _letter_origin(browser) -> str:
    return browser.text_of({"type": "origin", "doc": "cover_letter"})


def _conflict_in_a_second_tab(browser) -> None:
    """The letter saved in another tab, then in this one: the conflict, resolved by loading the other text."""
    driver = browser.driver
    first_tab = driver.current_window_handle
    url = driver.current_url
    driver.switch_to.new_window("tab")
    driver.get(url)
    browser.wait_for(lambda: browser.text_of("provider-label") != "")
    browser.open_document_tab("Cover letter")
    browser.component({"type": "editor", "doc": "cover_letter"}).send_keys(Keys.END, f"\n{mark('secondtab')}")
    browser.click_button("Save")
    browser.wait_for(lambda: _letter_origin(browser) == "Edited by you · version 4")
    driver.close()
    driver.switch_to.window(first_tab)
    browser.component({"type": "editor", "doc": "cover_letter"}).send_keys(Keys.END, f"\n{mark('firsttab')}")
    browser.click_button("Save")
    browser.wait_for(lambda: mark("secondtab") in browser.text_of({"type": "conflict-text", "doc": "cover_letter"}))
    browser.click_button("Load the saved text instead")
    browser.wait_for(lambda: mark("secondtab") in browser.editor_text("cover_letter"))


def _documents(browser) -> None:
    browser.click_button("Generate all")
    browser.wait_for_text("wrote the research, resume, cover letter", timeout=60)
    browser.open_document_tab("Cover letter")
    browser.component({"type": "editor", "doc": "cover_letter"}).send_keys(Keys.END, f"\n{mark('letteredit')}")
    browser.click_button("Save")
    browser.wait_for(lambda: _letter_origin(browser) == "Edited by you · version 2")
    browser.click_button("History")
    browser.wait_for(lambda: mark("letteredit") in browser.text_of({"type": "diff", "doc": "cover_letter"}))
    browser.click_button("Restore the first one")
    browser.wait_for(lambda: _letter_origin(browser) == "Restored · version 3")
    _conflict_in_a_second_tab(browser)
    for label, suffix in (("Markdown (.md)", ".md"), ("Word (.docx)", ".docx"), ("PDF (.pdf)", ".pdf")):
        browser.download_document(label)
        browser.downloaded(suffix)

    # Unsaved edits, so Generate asks first; kept in history, the run is then cancelled.
    browser.component({"type": "editor", "doc": "cover_letter"}).send_keys(Keys.END, f"\n{mark('unsavededit')}")
    original = config.active()
    config.activate(dataclasses.replace(original, offline_pace=0.15))
    try:
        browser.click_button("Generate cover letter")
        browser.click_button("Keep my edits in history and regenerate")
        browser.wait_for(lambda: "Cover letter 1/1" in browser.text_of("generation-progress"))
        browser.click_button("Cancel")
        browser.wait_for_text("Cancelled.", timeout=20)
    finally:
        config.activate(original)


def _status_sent_timeline_archive(browser) -> None:
    Select(browser.field("Status")).select_by_visible_text("Applied")
    browser.wait_for(lambda: "Cover letter v" in browser.text_of("sent-submissions"))
    browser.click(browser.driver.find_element(By.CSS_SELECTOR, "#sent-submissions button"))
    browser.wait_for(lambda: "as sent" in browser.text_of("sent-modal-title"))
    browser.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    browser.wait_for(lambda: not browser.driver.find_elements(By.CLASS_NAME, "modal-dialog"))
    last_week = date.today() - timedelta(days=7)
    browser.edit_event_date("Draft → Applied", last_week.isoformat())
    browser.wait_for(lambda: day_label(last_week) in browser.text_of("timeline-events"))
    browser.click_button("Archive")
    browser.wait_for(lambda: browser.shown("application-archived"))
    browser.click_button("Unarchive")
    browser.wait_for(lambda: not browser.shown("application-archived"))


def _csv_import(browser, tmp_path) -> None:
    tracker = tmp_path / "tracker.csv"
    rows = [f"{company},Analyst {mark('csvrole')},Applied,{YESTERDAY},{mark('csvnotes')}" for company in CSV_COMPANIES]
    tracker.write_text("Company,Role,Status,Follow up on,Notes\n" + "\n".join(rows) + "\n")
    browser.open("/applications/import")
    browser.wait_for(lambda: browser.component("import-upload") is not None)
    browser.choose_file("import-upload", tracker)
    browser.wait_for(lambda: "Will be imported" in browser.text_of("import-preview"))
    browser.click_button("Import 2 rows")
    browser.wait_for(lambda: "Imported 2 applications." in browser.text_of("import-report"), timeout=20)


def _dashboard(browser) -> None:
    browser.open("/")
    browser.wait_for(lambda: CSV_COMPANIES[0] in browser.board_companies("applied"))
    menu = browser.board_card("applied", CSV_COMPANIES[0]).find_element(By.CSS_SELECTOR, "select")
    Select(menu).select_by_visible_text("Interview")
    browser.wait_for(lambda: browser.board_companies("interview") == [CSV_COMPANIES[0]])
    browser.check("Show archived")

    browser.show_dashboard_view("Table")
    browser.wait_for(lambda: len(browser.grid_companies()) == 3)
    browser.fill("Search applications", "Kestrel")
    browser.wait_for(lambda: browser.grid_companies() == [COMPANY])
    browser.paste("Search applications", "")
    Select(browser.field("Status")).select_by_visible_text("Interview")
    browser.wait_for(lambda: browser.grid_companies() == [CSV_COMPANIES[0]])
    Select(browser.field("Source")).select_by_visible_text(mark("source"))
    browser.wait_for(lambda: browser.grid_companies() == [])

    browser.open_overview()
    browser.wait_for(lambda: len(browser.follow_up_rows()) == 3)
    browser.click_in_follow_up(CSV_COMPANIES[0], "Done")
    browser.wait_for(lambda: len(browser.follow_up_rows()) == 2)
    browser.click_in_follow_up(CSV_COMPANIES[1], "Snooze a week")
    browser.wait_for(lambda: len(browser.follow_up_rows()) == 1)


def _settings_and_search(browser) -> None:
    browser.open("/settings")
    browser.wait_for(lambda: browser.field("First name").get_attribute("value") != "")
    browser.fill("First name", mark("firstname"))
    browser.click_button("Save name")
    browser.wait_for_text("Saved your name.")
    browser.fill("Email", f"{mark('newemail')}@example.com")
    browser.fill("Your password", f"not it {mark('emailpassword')}")
    browser.click_button("Change email")
    browser.wait_for_text("That is not your current password.")
    browser.fill("Current password", f"not it {mark('password')}")
    browser.fill("New password", f"a long new passphrase {mark('newpassword')}")
    browser.click_button("Change password")
    browser.wait_for(
        lambda: len(browser.driver.find_elements(By.XPATH, "//*[text()='That is not your current password.']")) == 2
    )
    browser.fill("Writing sample", f"Cheers, {mark('writing')}")
    browser.click_button("Save")
    browser.wait_for_text("Saved.")
    browser.click_button("Create link")
    browser.wait_for(lambda: browser.field("Calendar feed URL").get_attribute("value").endswith(".ics"))
    browser.click_button("Reset link")
    browser.wait_for_text("Your old link has stopped working")
    browser.click_link("Download all my data")
    browser.downloaded(".zip")
    browser.click_button("Delete my account")
    browser.fill("Password", f"not it {mark('deletepassword')}")
    browser.click_button("Delete account and data")
    browser.wait_for(lambda: "That is not your current password." in browser.text_of("delete-account-modal"))
    browser.click_button("Cancel")

    browser.open("/search")
    browser.fill("Search your applications and documents", "Kestrel")
    browser.click_button("Search")
    browser.wait_for(lambda: COMPANY in browser.text_of("search-results"), timeout=20)


def _delete_an_application(browser) -> None:
    browser.open("/")
    browser.show_dashboard_view("Board")
    browser.wait_for(lambda: CSV_COMPANIES[1] in browser.board_companies("applied"))
    browser.click_link(CSV_COMPANIES[1])
    browser.wait_for(lambda: "Analyst" in browser.text_of("application-title"))
    browser.click_button("Delete")
    browser.click_button("Delete application")
    browser.wait_for(lambda: browser.driver.current_url.rstrip("/") == browser.base_url.rstrip("/"))


def _a_journey_through_every_page(browser, site, tmp_path) -> str:
    """Person A's journey; returns A's email."""
    email = browser.sign_up(mark("signup"), mark("lastname"))  # the email holds the first name
    _resumes(browser, tmp_path)
    _new_application(browser, site)
    browser.open("/")
    browser.click_link(COMPANY)
    browser.wait_for(lambda: browser.text_of("provider-label") != "")
    _details_interviews_contacts(browser)
    _documents(browser)
    _status_sent_timeline_archive(browser)
    _csv_import(browser, tmp_path)
    _dashboard(browser)
    _settings_and_search(browser)
    _delete_an_application(browser)
    assert browser.duo.get_logs() == []
    return email


def _settled_rows(user_id) -> dict:
    """A's rows once nothing changes them any more (embeddings are written by threads after each save)."""
    rows = tenant_rows(user_id)
    deadline = time.monotonic() + 30
    while True:
        time.sleep(1)
        again = tenant_rows(user_id)
        if again == rows:
            return rows
        assert time.monotonic() < deadline, "A's rows kept changing"
        rows = again


def _names(dependencies: list[dict]) -> dict[str, str]:
    """Each callback's output, named by its first input (what a person does to fire it): "resume-save.n_clicks"."""
    names = {}
    for dep in dependencies:
        trigger = dep["inputs"][0]
        component = json.loads(trigger["id"])["type"] if trigger["id"].startswith("{") else trigger["id"]
        names[dep["output"]] = f"{component}.{trigger['property']}"
    return names


class Replayer:
    """Someone signed in, with their own CSRF token, who sends A's requests; and what they were given."""

    def __init__(self, app):
        self.user_id, self.client = sign_up_client(app)
        self.page = DashPage(self.client, "/")
        self.own_markers: set[str] = set()  # A's text this person has sent, and so may see again
        self.leaks: list[str] = []

    def check(self, what: str, text: str) -> None:
        leaked = set(re.findall(rf"[A-Za-z]*\d*{TOKEN}", text)) - self.own_markers
        if leaked:
            self.leaks.append(f"{what}: {sorted(leaked)}")

    def replay(self, recorded, a_job_keys: set[str]) -> str | None:
        """Sends it; returns a problem other than a leak, if any."""
        self.own_markers |= set(re.findall(rf"[A-Za-z]*\d*{TOKEN}", recorded.carried_text()))
        response = recorded.replay(self.client, self.page.headers["X-CSRFToken"])
        self.check(recorded.callback[:80], response_text(response))
        if response.status_code >= 500 or (recorded.is_poll and response.status_code != 204):
            return f"{recorded.callback[:80]}: {response.status_code} {response.get_data(as_text=True)[:200]}"
        started = response.get_json(silent=True) or {}
        if "cacheKey" in started and not recorded.is_poll:
            # A start replayed: this person's own job, run as them, and what its polls give.
            if started["cacheKey"].rpartition("~")[0] in a_job_keys:
                return f"{recorded.callback[:80]}: given A's job {started['cacheKey']}"
            handles = {"cacheKey": started["cacheKey"], "job": started["job"]}
            _result, seen = self.page.poll_until_done(recorded.json, handles, end_id=recorded.query["endId"])
            for text in seen:
                self.check(f"{recorded.callback[:80]} (own job)", text)
        return None


def test_every_callback_request_replayed_by_someone_else_or_no_one_gives_nothing_of_theirs(
    browser, app, site, tmp_path
):
    with CallbackRecorder(app.server) as recorder:
        email = _a_journey_through_every_page(browser, site, tmp_path)
    person_a = user_id_of(email)

    reader, writer = Replayer(app), Replayer(app)
    names = _names(reader.page.callbacks)
    not_fired = {names[output] for output in server_callbacks(reader.page.callbacks) - recorder.callbacks_fired()}
    print(
        f"{len(recorder.requests)} requests, {len(recorder.callbacks_fired())} callbacks fired; not fired: {not_fired}"
    )
    assert not_fired <= set(NOT_FIRED), f"the journey never fired {sorted(not_fired - set(NOT_FIRED))}"

    before = _settled_rows(person_a)
    assert all(before[table] for table in ("users", "user_resumes", "applications", "documents", "interviews"))
    a_job_keys = {recorded.query["cacheKey"].rpartition("~")[0] for recorded in recorder.requests if recorded.is_poll}
    assert a_job_keys, "the journey's generations were never polled"
    anonymous = app.server.test_client()
    problems = []
    for recorded in recorder.requests:
        answer = recorded.replay(anonymous, None)
        if answer.status_code != 401:
            problems.append(f"anonymous {recorded.callback[:80]}: {answer.status_code}")
        # Requests carrying A's text go to one person, the rest to another who is never given any of it.
        replayer = writer if TOKEN in recorded.carried_text() else reader
        problem = replayer.replay(recorded, a_job_keys)
        if problem:
            problems.append(problem)
    assert reader.leaks + writer.leaks == []
    assert problems == []
    assert tenant_rows(person_a) == before
