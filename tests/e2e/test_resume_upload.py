"""Upload a file on /resumes in headless Chromium: its text in the form to check, each refusal next to the upload."""

from selenium.webdriver.common.by import By

from config import UPLOAD_MAX_BYTES
from features.resumes.upload import Ids
from tests.conftest import fixture_text
from tests.support import resume_docx, resume_pdf, scanned_pdf

TYPED = "My own notes for a resume, typed here and not yet saved. " * 3


def _upload(browser, folder, filename: str, data: bytes) -> None:
    path = folder / filename
    path.write_bytes(data)
    # The upload's file input is hidden behind its drop zone; Chromium takes files sent to it anyway.
    browser.driver.find_element(By.CSS_SELECTOR, f"#{Ids.upload} input[type=file]").send_keys(str(path))


def _content(browser) -> str:
    return browser.field("Content").get_attribute("value")


def test_a_pdf_is_read_into_the_form_to_check_before_it_is_saved(browser, tmp_path):
    browser.sign_up("Jordan", "Ellis")
    browser.open("/resumes")
    _upload(browser, tmp_path, "Jordan_Ellis resume.pdf", resume_pdf(fixture_text("resume-backend-engineer.txt")))
    browser.wait_for(lambda: "Staff Software Engineer — Meridian Technologies" in _content(browser))
    assert _content(browser).startswith("Jordan Ellis\njordan.ellis@email.com")
    assert browser.field("Name").get_attribute("value") == "Jordan Ellis resume"
    browser.wait_for_text("Read “Jordan_Ellis resume.pdf”. Check the text and the name below")
    assert browser.text_of("resume-dirty") == "Unsaved changes"
    assert "No resumes yet" in browser.text_of("resume-list")  # nothing is saved before Save
    browser.screenshot("resumes-upload-read")
    browser.screenshot("resumes-upload-read-phone", width=390)

    browser.click_button("Save")
    browser.wait_for_text("Saved “Jordan Ellis resume”.")
    browser.wait_for(lambda: browser.text_of("resume-dirty") == "")
    assert "Jordan Ellis resume" in browser.text_of("resume-list")
    assert browser.duo.get_logs() == []


def test_a_word_document_keeps_its_headings_and_bullets_as_markdown(browser, tmp_path):
    browser.sign_up("Alex", "Chen")
    browser.open("/resumes")
    _upload(browser, tmp_path, "Alex Chen.docx", resume_docx(fixture_text("resume-markdown-example.md")))
    browser.wait_for(lambda: _content(browser).startswith("# Resume — Alex Chen"))
    content = _content(browser)
    assert "\n## Work Experience\n\n### TechFin Corp -- Austin, TX\n" in content
    assert "\n- Led ML platform team (3 engineers), built internal MLOps tooling" in content
    assert browser.field("Name").get_attribute("value") == "Alex Chen"
    browser.click_button("Save")
    browser.wait_for_text("Saved “Alex Chen”.")


def test_each_file_that_cannot_be_read_says_what_to_do_and_the_form_keeps_its_text(browser, tmp_path):
    browser.sign_up("Riley", "Chen")
    browser.add_resume("Backend", "resume-backend-engineer.txt")
    saved_list = browser.text_of("resume-list")
    browser.fill("Name", "Draft")
    browser.paste("Content", TYPED)
    resume = fixture_text("resume-standard.txt")
    refusals = [
        ("locked.pdf", resume_pdf(resume, owner_password="o", user_password="u"), "“locked.pdf” is password-protected"),
        ("scan.pdf", scanned_pdf(resume), "“scan.pdf” has no text in it, only images: it looks like a scan"),
        ("empty.txt", b"", "“empty.txt” is empty"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "“broken.docx” is not a readable Word (.docx) file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "“binary.txt” is not plain text"),
        ("photo.png", b"\x89PNG\r\n\x1a\n", "“photo.png” is not a file Job Forge reads"),
        ("renamed.txt", resume_pdf(resume), "“renamed.txt” is named as a .txt file but holds a PDF"),
        ("huge.txt", b"a" * (UPLOAD_MAX_BYTES + 1), "This file is larger than 5 MB"),
    ]
    for filename, data, message in refusals:
        _upload(browser, tmp_path, filename, data)
        browser.wait_for(lambda message=message: message in browser.text_of(Ids.feedback))
        assert browser.text_of(Ids.feedback).endswith("Nothing in the form was changed.")
        assert _content(browser) == TYPED
        assert browser.field("Name").get_attribute("value") == "Draft"
        if filename == "scan.pdf":
            browser.screenshot("resumes-upload-refused")
    assert browser.text_of("resume-list") == saved_list
    assert browser.duo.get_logs() == []


def test_a_file_chosen_over_unsaved_text_asks_before_it_replaces_it(browser, tmp_path):
    browser.sign_up("Riley", "Chen")
    browser.open("/resumes")
    browser.paste("Content", TYPED)
    text_file = fixture_text("resume-standard.txt")
    _upload(browser, tmp_path, "standard.txt", text_file.encode())
    browser.wait_for_text("The form holds changes you have not saved. Put the text of “standard.txt” in their place?")
    browser.screenshot("resumes-upload-ask")
    browser.click_button("Keep my text")
    browser.wait_for_text("Your text is kept; the file was not used.")
    assert _content(browser) == TYPED

    _upload(browser, tmp_path, "standard-again.txt", text_file.encode())
    browser.wait_for_text("Put the text of “standard-again.txt” in their place?")
    browser.click_button("Use the file’s text")
    browser.wait_for(lambda: _content(browser) == text_file.strip().replace("• ", "- "))
    assert browser.field("Name").get_attribute("value") == "standard-again"
    assert browser.duo.get_logs() == []
