"""The first journey through Job Forge, in headless Chromium: sign up to an edited cover letter."""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.conftest import fixture_text

LETTER_ORIGIN = {"type": "origin", "doc": "cover_letter"}


def _editor_text(browser) -> str:
    return browser.field("Cover letter (Markdown)").get_attribute("value")


def test_sign_up_to_edited_cover_letter_and_isolation(browser):
    """Sign up, save a resume, add an application, generate, edit, reload; a second person sees none of it."""
    driver = browser.driver
    browser.sign_up("Jordan", "Ellis")
    browser.wait_for_text("No applications yet")
    browser.screenshot("dashboard-empty")

    browser.click_link("Resumes")
    browser.wait_for_text("No resumes yet")
    browser.fill("Name", "Backend 2026")
    browser.paste("Content", fixture_text("resume-backend-engineer.txt"))
    browser.check("Primary resume (used for new documents)")
    browser.click_button("Save")
    browser.wait_for_text("Saved “Backend 2026”.")
    assert "Primary" in driver.find_element(By.CSS_SELECTOR, ".resume-card").text
    browser.screenshot("resumes")

    browser.click_link("New application")
    browser.fill("Company", "Northwind Cloud")
    browser.fill("Role title", "Senior Backend Engineer")
    browser.paste("Job description", fixture_text("jd-senior-backend-engineer.txt"))
    browser.fill("Job URL", "https://jobs.example.com/northwind/123")
    browser.fill("Location", "Remote (North America)")
    browser.screenshot("new-application")
    browser.click_button("Save")
    browser.wait_for(lambda: re.search(r"/applications/[0-9a-f-]{36}$", driver.current_url))
    application_url = driver.current_url
    browser.duo.wait_for_text_to_equal("#application-title", "Senior Backend Engineer")
    assert "Northwind Cloud" in driver.find_element(By.ID, "application-meta").text
    assert "Strong proficiency in Go" in driver.find_element(By.ID, "application-posting").text

    Select(browser.field("Status")).select_by_visible_text("Applied")
    browser.wait_for_text("Status saved")

    browser.click_button("Generate cover letter")
    browser.wait_for(lambda: "Northwind Cloud" in _editor_text(browser))
    letter = _editor_text(browser)
    assert "Senior Backend Engineer" in letter
    assert "Kubernetes" in letter
    browser.wait_for(
        lambda: "Dear Northwind Cloud hiring team" in browser.text_of({"type": "preview", "doc": "cover_letter"})
    )
    browser.wait_for(lambda: browser.text_of(LETTER_ORIGIN) == "Offline draft · version 1")

    editor = browser.field("Cover letter (Markdown)")
    editor.send_keys("\nP.S. I can start in January.")
    browser.wait_for(lambda: "I can start in January" in browser.text_of({"type": "preview", "doc": "cover_letter"}))
    browser.click_button("Save")
    browser.wait_for_text("Saved.")
    browser.wait_for(lambda: browser.text_of(LETTER_ORIGIN) == "Edited by you · version 2")
    browser.screenshot("application-cover-letter")

    driver.refresh()
    browser.wait_for(lambda: "I can start in January" in _editor_text(browser))
    assert Select(browser.field("Status")).first_selected_option.text == "Applied"

    browser.click_link("Dashboard")
    browser.wait_for_text("Northwind Cloud")
    card = driver.find_element(By.CSS_SELECTOR, "#board-list-applied .board-card")  # on the board, under Applied
    assert "Senior Backend Engineer" in card.text
    browser.screenshot("dashboard")
    browser.click_link("Northwind Cloud")
    browser.duo.wait_for_text_to_equal("#application-title", "Senior Backend Engineer")
    assert driver.current_url == application_url

    browser.log_out()
    browser.sign_up("Sam", "Other")
    browser.wait_for_text("No applications yet")
    driver.get(application_url)
    browser.wait_for_text("Application not found")
    assert "Northwind Cloud" not in driver.find_element(By.TAG_NAME, "body").text
    browser.screenshot("not-found")
    browser.click_link("Resumes")
    browser.wait_for_text("No resumes yet")

    assert browser.duo.get_logs() == []


def test_bad_application_input_is_explained_and_kept(browser):
    """A short posting and a non-web URL get messages next to their fields; typed text stays."""
    browser.sign_up("Riley", "Input")
    browser.open("/applications/new")
    browser.fill("Company", "Acme")
    browser.fill("Role title", "Engineer")
    browser.fill("Job description", "Too short.")
    browser.fill("Job URL", "ftp://example.com/job")
    browser.click_button("Save")
    browser.wait_for_text("The job description needs at least 50 characters (it has 10).")
    browser.wait_for_text("Enter a web address starting with http:// or https://.")
    assert "is-invalid" in browser.field("Job description").get_attribute("class")
    assert browser.field("Company").get_attribute("value") == "Acme"
    assert browser.field("Job description").get_attribute("value") == "Too short."
    assert "/applications/new" in browser.driver.current_url
    browser.screenshot("new-application-errors")
    assert browser.duo.get_logs() == []


def test_generate_without_resume_points_to_resumes(browser):
    """Generating before any resume exists says what to do and links there."""
    browser.sign_up("Casey", "Noresume")
    browser.open("/applications/new")
    browser.fill("Company", "Acme")
    browser.fill("Role title", "Engineer")
    browser.paste("Job description", fixture_text("jd-backend-engineer.txt"))
    browser.click_button("Save")
    browser.duo.wait_for_text_to_equal("#application-title", "Engineer")
    browser.click_button("Generate cover letter")
    browser.wait_for_text("Add a resume first")
    assert browser.driver.find_element(By.LINK_TEXT, "Go to resumes").get_attribute("href").endswith("/resumes")
    assert browser.duo.get_logs() == []


def test_a_pasted_json_job_fills_in_company_role_and_posting(browser):
    """A JSON Resume job pasted into Job description, other fields empty, becomes a readable application."""
    browser.sign_up("Jamie", "Json")
    browser.open("/applications/new")
    browser.paste("Job description", fixture_text("jd-jsonresume-sample.json"))
    browser.click_button("Save")
    browser.duo.wait_for_text_to_equal("#application-title", "Web Developer")
    assert "Microsoft" in browser.text_of("application-meta")
    posting = browser.text_of("application-posting")
    assert posting.startswith("Web Developer — Microsoft")
    browser.screenshot("application-json-job")
    assert "Requirements:\n- Bachelor's degree in Computer Science or related field\n- 3+ years" in posting
    assert browser.duo.get_logs() == []
