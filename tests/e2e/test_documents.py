"""The AI workflow in headless Chromium: streaming, cancel, versions, conflicts, errors, export."""

import dataclasses
import io
import time
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

import config
from tests.conftest import TEST_PASSWORD
from tests.fake_ai_server import FakeAIServer, FakeReply


def _doc(kind: str, doc: str) -> dict:
    return {"type": kind, "doc": doc}


def _editor(browser, doc: str):
    return browser.component(_doc("editor", doc))


def _open_tab(browser, label: str) -> None:
    browser.click(
        browser.driver.find_element(By.XPATH, f"//a[contains(@class,'nav-link') and normalize-space()='{label}']")
    )


@pytest.fixture
def paced(app):
    """The offline drafter streams slowly enough to watch and cancel."""
    original = config.active()
    config.activate(dataclasses.replace(original, offline_pace=0.15))
    yield
    config.activate(original)


def test_generate_all_streams_then_edit_history_restore_and_export(browser):
    """Generate all writes three documents in order; edits become versions; exports read back."""
    browser.new_person_with_an_application()
    browser.click_button("Generate all")
    browser.wait_for(lambda: "Research 1/3" in browser.text_of("generation-progress"))
    browser.wait_for(lambda: len(browser.editor_text("research")) > 0, timeout=15)
    browser.wait_for_text("wrote the research, resume, cover letter", timeout=30)
    browser.screenshot("documents-generated")

    assert browser.editor_text("research").startswith("# Research: Senior Backend Engineer at Northwind Cloud")
    _open_tab(browser, "Resume")
    assert "Meridian Technologies" in browser.editor_text("resume")
    browser.wait_for(lambda: "is in your resumes" in browser.text_of(_doc("flags", "resume")))
    _open_tab(browser, "Cover letter")
    original_letter = browser.editor_text("cover_letter")
    assert original_letter.startswith("Dear Northwind Cloud hiring team,")

    _editor(browser, "cover_letter").send_keys(Keys.END, "\nP.S. Available from January.")
    browser.wait_for(lambda: browser.text_of(_doc("dirty", "cover_letter")) == "Unsaved changes")
    browser.click_button("Save")
    browser.wait_for(lambda: browser.text_of(_doc("origin", "cover_letter")) == "Edited by you · version 2")
    assert browser.text_of(_doc("dirty", "cover_letter")) == ""

    browser.click_button("History")
    browser.wait_for(lambda: "Version 2" in browser.text_of(_doc("history-list", "cover_letter")))
    browser.wait_for(lambda: "Available from January" in browser.text_of(_doc("diff", "cover_letter")))
    browser.screenshot("documents-history")
    browser.click_button("Restore the first one")
    browser.wait_for(lambda: browser.text_of(_doc("origin", "cover_letter")) == "Restored · version 3")
    assert browser.editor_text("cover_letter") == original_letter

    downloads = Path(browser.duo.download_path)
    for label, suffix in (("Markdown (.md)", ".md"), ("Word (.docx)", ".docx"), ("PDF (.pdf)", ".pdf")):
        browser.click(
            browser.driver.find_element(
                By.XPATH, "//div[contains(@class,'active')]//button[normalize-space()='Download']"
            )
        )
        browser.click(
            browser.driver.find_element(By.XPATH, f"//div[contains(@class,'active')]//*[normalize-space()='{label}']")
        )
        browser.wait_for(lambda suffix=suffix: any(path.suffix == suffix for path in downloads.glob("*")), timeout=15)
    files = {path.suffix: path for path in downloads.glob("*")}
    assert files[".pdf"].name.startswith("northwind-cloud_senior-backend-engineer_cover-letter_")
    assert "Dear Northwind Cloud hiring team" in files[".md"].read_text()
    paragraphs = "\n".join(p.text for p in docx.Document(io.BytesIO(files[".docx"].read_bytes())).paragraphs)
    assert "Meridian Technologies" in paragraphs
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(files[".pdf"].read_bytes())).pages)
    assert "Northwind Cloud" in pdf_text
    assert browser.duo.get_logs() == []


def test_cancel_leaves_the_document_as_it_was(browser, paced):
    """A cancelled generation shows text streaming, then leaves the saved document untouched."""
    browser.new_person_with_an_application()
    _editor(browser, "cover_letter").send_keys("My own opening line.")
    browser.click_button("Save")
    browser.wait_for(lambda: browser.text_of(_doc("origin", "cover_letter")) == "Edited by you · version 1")

    browser.click_button("Generate cover letter")
    browser.wait_for(lambda: "Cover letter 1/1" in browser.text_of("generation-progress"))
    browser.wait_for(lambda: browser.editor_text("cover_letter").startswith("Dear"))
    browser.click_button("Cancel")
    browser.wait_for_text("Cancelled. Your documents are as they were.")
    browser.wait_for(lambda: browser.editor_text("cover_letter") == "My own opening line.")
    time.sleep(1.5)  # a job that were still running would save or stream in this time
    assert browser.editor_text("cover_letter") == "My own opening line."
    browser.driver.refresh()
    browser.wait_for(lambda: browser.editor_text("cover_letter") == "My own opening line.")
    assert browser.text_of(_doc("origin", "cover_letter")) == "Edited by you · version 1"


def test_unsaved_edits_are_asked_about_and_kept_in_history(browser):
    """Regenerating over unsaved edits asks first; the edits land in the history."""
    browser.new_person_with_an_application()
    _editor(browser, "cover_letter").send_keys("Draft I have not saved.")
    browser.click_button("Generate cover letter")
    browser.wait_for_text("Replace a document you are editing?")
    browser.click_button("Not now")
    browser.wait_for(lambda: not browser.driver.find_elements(By.CLASS_NAME, "modal-dialog"))
    assert browser.editor_text("cover_letter") == "Draft I have not saved."

    browser.click_button("Generate cover letter")
    browser.click_button("Keep my edits in history and regenerate")
    browser.wait_for(lambda: browser.editor_text("cover_letter").startswith("Dear Northwind Cloud"), timeout=20)
    browser.click_button("History")
    browser.wait_for(lambda: "Version 1 · your edit" in browser.text_of(_doc("history-list", "cover_letter")))
    assert "Version 2 · offline" in browser.text_of(_doc("history-list", "cover_letter"))


def test_leaving_with_unsaved_edits_asks_first(browser):
    """A link away from unsaved edits asks; staying keeps the text, leaving goes, and nothing asks after."""
    browser.new_person_with_an_application()
    url = browser.driver.current_url
    _editor(browser, "cover_letter").send_keys("Half a thought")
    # Once the page knows; and with the editor no longer focused, as it is not once a person reaches for the
    # link: a late re-render of the focused editor scrolls it back into view, and the click lands elsewhere.
    browser.wait_for(lambda: browser.text_of(_doc("dirty", "cover_letter")) == "Unsaved changes")
    browser.driver.execute_script("document.activeElement.blur();")
    browser.click_link("Dashboard")
    alert = WebDriverWait(browser.driver, 5).until(expected_conditions.alert_is_present())
    assert "unsaved changes" in alert.text
    alert.dismiss()
    assert browser.driver.current_url == url
    assert browser.editor_text("cover_letter") == "Half a thought"

    browser.click_link("Dashboard")
    WebDriverWait(browser.driver, 5).until(expected_conditions.alert_is_present()).accept()
    browser.duo.wait_for_text_to_equal("h1", "Your applications")
    browser.click_link("Resumes")
    browser.wait_for(lambda: browser.driver.current_url.endswith("/resumes"))
    assert not expected_conditions.alert_is_present()(browser.driver)


def test_back_button_with_unsaved_edits_asks_first(browser):
    """Back inside the app asks before it drops unsaved edits; declining keeps page and text."""
    browser.new_person_with_an_application()
    url = browser.driver.current_url
    _editor(browser, "cover_letter").send_keys("Half a thought")
    browser.wait_for(lambda: browser.text_of(_doc("dirty", "cover_letter")) == "Unsaved changes")
    browser.driver.execute_script("history.back();")
    WebDriverWait(browser.driver, 5).until(expected_conditions.alert_is_present()).dismiss()
    browser.wait_for(lambda: browser.driver.current_url == url)
    assert browser.editor_text("cover_letter") == "Half a thought"

    browser.driver.execute_script("history.back();")
    WebDriverWait(browser.driver, 5).until(expected_conditions.alert_is_present()).accept()
    browser.wait_for(lambda: browser.driver.current_url.endswith("/applications/new"))


def test_cancel_right_after_keeping_edits_still_keeps_them(browser, paced):
    """The edits the dialog promises to keep are saved before the run starts, so a quick cancel keeps them."""
    browser.new_person_with_an_application()
    _editor(browser, "cover_letter").send_keys("Draft I have not saved.")
    browser.click_button("Generate cover letter")
    browser.click_button("Keep my edits in history and regenerate")
    browser.click_button("Cancel")
    browser.wait_for_text("Cancelled.", timeout=20)
    browser.wait_for(lambda: browser.editor_text("cover_letter") == "Draft I have not saved.")
    assert browser.text_of(_doc("origin", "cover_letter")) == "Edited by you · version 1"
    browser.driver.refresh()
    browser.wait_for(lambda: browser.editor_text("cover_letter") == "Draft I have not saved.")


def test_grounding_is_checked_again_after_save_and_restore(browser):
    """A saved edit that claims a skill the resumes lack is flagged; restoring the draft clears it."""
    browser.new_person_with_an_application()
    _open_tab(browser, "Resume")
    browser.click_button("Generate resume")
    browser.wait_for(lambda: "is in your resumes" in browser.text_of(_doc("flags", "resume")), timeout=20)

    _editor(browser, "resume").send_keys(Keys.END, "\n- Wrote the billing service in Rust")
    browser.click_button("Save")
    browser.wait_for(lambda: "Rust" in browser.text_of(_doc("flags", "resume")))
    browser.screenshot("documents-flags-after-save")

    browser.click_button("History")
    browser.wait_for(lambda: "Version 2" in browser.text_of(_doc("history-list", "resume")))
    browser.click_button("Restore the first one")
    browser.wait_for(lambda: "is in your resumes" in browser.text_of(_doc("flags", "resume")))


def test_a_save_after_being_signed_out_says_so_and_keeps_the_text(browser):
    """Signed out elsewhere, Save explains what happened instead of failing silently; the text stays."""
    email = browser.new_person_with_an_application()
    _editor(browser, "cover_letter").send_keys("Words I must not lose.")
    browser.driver.delete_cookie("session")
    browser.click_button("Save")
    browser.wait_for(lambda: "You are signed out" in browser.text_of("jobforge-refusal"))
    browser.screenshot("documents-signed-out")
    assert browser.editor_text("cover_letter") == "Words I must not lose."
    assert browser.text_of(_doc("dirty", "cover_letter")) == "Unsaved changes"
    browser.wait_for(lambda: browser.component(_doc("save", "cover_letter")).is_enabled())

    page = browser.driver.current_window_handle
    browser.driver.switch_to.new_window("tab")
    browser.open("/login")
    browser.fill("Email", email)
    browser.fill("Password", TEST_PASSWORD)
    browser.click_button("Log in")
    browser.wait_for_text("Your applications")
    browser.driver.switch_to.window(page)
    browser.click_button("Save")
    browser.wait_for(lambda: browser.text_of(_doc("origin", "cover_letter")) == "Edited by you · version 1")
    assert browser.component("jobforge-refusal") is None


def test_second_tab_save_conflicts_and_keeps_both_texts(browser):
    """Two tabs editing one document: the later save sees the conflict and loses neither text."""
    browser.new_person_with_an_application()
    driver = browser.driver
    first_tab = driver.current_window_handle
    url = driver.current_url
    driver.switch_to.new_window("tab")
    driver.get(url)
    browser.wait_for(lambda: browser.component(_doc("editor", "cover_letter")) is not None)
    browser.wait_for(lambda: browser.text_of("provider-label") != "")
    _editor(browser, "cover_letter").send_keys("Text from the second tab.")
    browser.click_button("Save")
    browser.wait_for(lambda: browser.text_of(_doc("origin", "cover_letter")) == "Edited by you · version 1")

    driver.switch_to.window(first_tab)
    _editor(browser, "cover_letter").send_keys("Text from the first tab.")
    browser.click_button("Save")
    browser.wait_for(lambda: "Text from the second tab." in browser.text_of(_doc("conflict-text", "cover_letter")))
    assert browser.editor_text("cover_letter") == "Text from the first tab."
    browser.screenshot("documents-conflict")
    browser.click_button("Save mine as the newest version")
    browser.wait_for(lambda: browser.text_of(_doc("origin", "cover_letter")) == "Edited by you · version 2")
    browser.click_button("History")
    browser.wait_for(lambda: "Version 1 · your edit" in browser.text_of(_doc("history-list", "cover_letter")))


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (FakeReply(status=401), "rejected the API key (401)"),
        (FakeReply(status=429), "(429)"),
        (FakeReply(status=500), "server error"),
        (FakeReply(text="Dear Northwind, I am", break_after=1), "broke while the answer was arriving"),
        (FakeReply(text=""), "empty answer"),
    ],
)
def test_provider_errors_are_explained_and_the_document_is_intact(browser, reply, expected):
    """With OpenAI configured (a local fake server), each failure is one clear message; nothing is lost."""
    with FakeAIServer() as fake:
        original = config.active()
        config.activate(dataclasses.replace(original, openai_api_key="sk-test", openai_base_url=fake.openai_base_url))
        try:
            browser.new_person_with_an_application()
            assert "OpenAI" in browser.text_of("provider-label")
            _editor(browser, "cover_letter").send_keys("Saved before the failure.")
            browser.click_button("Save")
            browser.wait_for(lambda: browser.text_of(_doc("origin", "cover_letter")) == "Edited by you · version 1")
            fake.reply(reply, reply, reply)
            browser.click_button("Generate cover letter")
            browser.wait_for(lambda: expected in browser.text_of("generation-message"), timeout=30)
            message = browser.text_of("generation-message")
            assert "OpenAI" in message and "sk-test" not in message
            assert "is as it was" in message
            assert browser.editor_text("cover_letter") == "Saved before the failure."
        finally:
            config.activate(original)


def test_double_click_makes_one_generation(browser):
    """A double click on Generate starts one job: the history holds a single generated version."""
    browser.new_person_with_an_application()
    button = browser.driver.find_element(By.XPATH, "//button[normalize-space()='Generate cover letter']")
    ActionChains(browser.driver).double_click(button).perform()
    browser.wait_for(lambda: browser.text_of(_doc("origin", "cover_letter")).startswith("Offline draft"), timeout=20)
    time.sleep(1.5)  # a second job would land its version in this time
    browser.click_button("History")
    browser.wait_for(lambda: "Version 1" in browser.text_of(_doc("history-list", "cover_letter")))
    assert "Version 2" not in browser.text_of(_doc("history-list", "cover_letter"))
    assert browser.text_of(_doc("origin", "cover_letter")) == "Offline draft · version 1"


def test_a_failure_after_text_streamed_leaves_the_saved_document_and_one_message(browser):
    """A failure that is not the provider's (here the draft is over the document limit, so saving it fails)."""
    with FakeAIServer() as fake:
        original = config.active()
        config.activate(dataclasses.replace(original, openai_api_key="sk-test", openai_base_url=fake.openai_base_url))
        try:
            browser.new_person_with_an_application()
            _editor(browser, "cover_letter").send_keys("Saved before the failure.")
            browser.click_button("Save")
            browser.wait_for(lambda: browser.text_of(_doc("origin", "cover_letter")) == "Edited by you · version 1")
            fake.reply(FakeReply(chunks=["Dear Northwind team. " * 2_000] * 3, chunk_delay=0.5))
            browser.click_button("Generate cover letter")
            browser.wait_for(lambda: browser.editor_text("cover_letter").startswith("Dear Northwind team."), timeout=20)
            browser.wait_for(lambda: "went wrong on our side" in browser.text_of("generation-message"), timeout=30)
            assert browser.editor_text("cover_letter") == "Saved before the failure."
            assert browser.text_of(_doc("dirty", "cover_letter")) == ""
            assert browser.text_of(_doc("origin", "cover_letter")) == "Edited by you · version 1"
            assert browser.duo.get_logs() == []
        finally:
            config.activate(original)


def test_a_document_over_the_limit_is_explained_and_kept(browser):
    browser.new_person_with_an_application()
    too_long = "word " * 20_001
    browser.paste("Cover letter (Markdown)", too_long)
    browser.click_button("Save")
    browser.wait_for_text("a document can have at most 100,000")
    assert browser.editor_text("cover_letter") == too_long
    assert browser.text_of(_doc("dirty", "cover_letter")) == "Unsaved changes"
    browser.click_button("Download")
    browser.click(
        browser.driver.find_element(By.XPATH, "//div[contains(@class,'active')]//*[normalize-space()='PDF (.pdf)']")
    )
    browser.wait_for_text("Shorten it to download")
    assert list(Path(browser.duo.download_path).glob("*")) == []


def test_pasted_control_characters_are_dropped_when_the_document_is_saved(browser):
    browser.new_person_with_an_application()
    browser.paste("Cover letter (Markdown)", "Dear team,\x00 I am writing\x07 to apply.")
    browser.click_button("Save")
    browser.wait_for(lambda: browser.text_of(_doc("origin", "cover_letter")) == "Edited by you · version 1")
    assert browser.text_of(_doc("dirty", "cover_letter")) == ""
    browser.driver.refresh()
    browser.wait_for(lambda: browser.editor_text("cover_letter") == "Dear team, I am writing to apply.")
    assert browser.duo.get_logs() == []


def test_a_text_over_the_request_limit_is_explained_and_kept(browser):
    browser.new_person_with_an_application()
    enormous = "word " * (config.MAX_REQUEST_BYTES // 5 + 1)  # over what the server reads in one request
    browser.paste("Cover letter (Markdown)", enormous)
    browser.click_button("Save")
    browser.wait_for(lambda: "too long to save" in browser.text_of("jobforge-refusal"))
    assert browser.editor_text("cover_letter") == enormous
