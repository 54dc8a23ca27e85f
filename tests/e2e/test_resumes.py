"""The resumes page in headless Chromium: typed text is never swapped out without asking."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.conftest import fixture_text


def _confirm_dialog(browser):
    return WebDriverWait(browser.driver, 5).until(expected_conditions.alert_is_present())


def test_unsaved_resume_text_is_asked_about_before_it_is_replaced(browser):
    """Saved text is not 'unsaved'; edits are, and starting a new resume or leaving asks first."""
    browser.sign_up("Riley", "Chen")
    browser.add_resume("Backend", "resume-backend-engineer.txt")
    assert browser.text_of("resume-dirty") == ""

    browser.field("Content").send_keys(Keys.END, "\nVolunteer: taught Python at the library.")
    browser.wait_for(lambda: browser.text_of("resume-dirty") == "Unsaved changes")
    browser.screenshot("resumes-unsaved")
    browser.click_button("Start a new resume")
    dialog = _confirm_dialog(browser)
    assert "unsaved changes" in dialog.text
    dialog.dismiss()
    assert browser.field("Content").get_attribute("value").endswith("taught Python at the library.")

    browser.click_link("Dashboard")
    _confirm_dialog(browser).dismiss()
    assert browser.driver.current_url.endswith("/resumes")

    browser.click_button("Save")
    browser.wait_for_text("Saved “Backend”.")
    browser.wait_for(lambda: browser.text_of("resume-dirty") == "")
    browser.click_button("Start a new resume")
    browser.wait_for(lambda: browser.field("Content").get_attribute("value") == "")
    assert not expected_conditions.alert_is_present()(browser.driver)

    browser.fill("Name", "Draft")
    browser.click(browser.driver.find_element(By.XPATH, "//button[normalize-space()='Edit']"))
    _confirm_dialog(browser).accept()
    browser.wait_for(lambda: browser.field("Name").get_attribute("value") == "Backend")
    assert browser.field("Content").get_attribute("value").endswith("taught Python at the library.")
    assert browser.text_of("resume-dirty") == ""
    assert browser.duo.get_logs() == []


def test_the_first_resume_is_primary_and_stays_primary_when_saved_again(browser):
    """The first resume becomes primary unasked; the form shows it, so saving again keeps it."""
    browser.sign_up("Riley", "Chen")
    browser.add_resume("Backend", "resume-backend-engineer.txt")
    primary_box = "Primary resume (used for new documents)"
    browser.wait_for(lambda: browser.field(primary_box).is_selected())

    browser.field("Content").send_keys(Keys.END, "\nVolunteer: taught Python at the library.")
    browser.click_button("Save")
    browser.wait_for(lambda: browser.text_of("resume-dirty") == "")
    browser.open("/resumes")
    browser.wait_for(lambda: "Primary" in browser.driver.find_element(By.CLASS_NAME, "resume-card").text)


def test_a_pasted_json_resume_is_saved_as_text(browser):
    """JSON Resume pasted into Content is saved, and shown, as the markdown resume it describes."""
    browser.sign_up("Richard", "Hendriks")
    browser.open("/resumes")
    browser.fill("Name", "From JSON Resume")
    browser.paste("Content", fixture_text("resume-jsonresume-sample.json"))
    browser.click_button("Save")
    browser.wait_for_text("Your JSON Resume is now text")
    content = browser.field("Content").get_attribute("value")
    assert content.startswith("# Richard Hendriks\nProgrammer")
    assert "### Pied Piper — CEO/President" in content
    browser.screenshot("resumes-json-converted")
    browser.wait_for(lambda: browser.text_of("resume-dirty") == "")


def test_a_resume_saved_in_another_tab_is_not_overwritten_silently(browser):
    """The later save from a stale tab saves nothing and says so; saving again is a deliberate choice."""
    browser.sign_up("Riley", "Chen")
    browser.add_resume("Backend", "resume-backend-engineer.txt")
    driver = browser.driver
    first_tab = driver.current_window_handle
    driver.switch_to.new_window("tab")
    browser.open("/resumes")
    browser.click(driver.find_element(By.XPATH, "//button[normalize-space()='Edit']"))
    browser.wait_for(lambda: browser.field("Name").get_attribute("value") == "Backend")
    browser.field("Content").send_keys(Keys.END, "\nSecond tab line.")
    browser.click_button("Save")
    browser.wait_for_text("Saved “Backend”.")

    driver.switch_to.window(first_tab)
    browser.field("Content").send_keys(Keys.END, "\nFirst tab line.")
    browser.click_button("Save")
    browser.wait_for_text("changed in another tab after you opened it, so nothing was saved")
    assert browser.field("Content").get_attribute("value").endswith("First tab line.")
    browser.wait_for(lambda: browser.text_of("resume-dirty") == "Unsaved changes")

    browser.click_button("Save")
    browser.wait_for_text("Saved “Backend”.")
    browser.open("/resumes")
    browser.click(driver.find_element(By.XPATH, "//button[normalize-space()='Edit']"))
    browser.wait_for(lambda: browser.field("Content").get_attribute("value").endswith("First tab line."))


def _card_button(browser, resume_name: str, label: str):
    return browser.driver.find_element(
        By.XPATH,
        f"//div[contains(@class, 'resume-card')][.//span[normalize-space()='{resume_name}']]"
        f"//button[normalize-space()='{label}']",
    )


def _card_names(browser) -> list[str]:
    """The resumes listed, in order, the primary one marked "(primary)"."""
    names = []
    for card in browser.driver.find_elements(By.CLASS_NAME, "resume-card"):
        name = card.find_element(By.CSS_SELECTOR, ".fw-semibold").text
        names.append(f"{name} (primary)" if card.find_elements(By.CLASS_NAME, "badge") else name)
    return names


def test_a_resume_renamed_alone_keeps_its_text(browser):
    browser.sign_up("Riley", "Chen")
    browser.add_resume("Backend", "resume-backend-engineer.txt")
    browser.fill("Name", "Backend 2026")
    browser.click_button("Save")
    browser.wait_for_text("Saved “Backend 2026”.")
    browser.open("/resumes")
    browser.wait_for(lambda: _card_names(browser) == ["Backend 2026 (primary)"])
    browser.click(_card_button(browser, "Backend 2026", "Edit"))
    browser.wait_for(lambda: browser.field("Name").get_attribute("value") == "Backend 2026")
    assert browser.field("Content").get_attribute("value") == fixture_text("resume-backend-engineer.txt").strip()


def test_delete_asks_first_and_deleting_the_primary_asks_which_becomes_primary(browser):
    browser.sign_up("Riley", "Chen")
    browser.add_resume("Backend", "resume-backend-engineer.txt")
    browser.add_resume("Marketing", "resume-marketing-mismatch.txt")
    browser.add_resume("Standard", "resume-standard.txt")
    browser.open("/resumes")
    browser.wait_for(lambda: _card_names(browser) == ["Backend (primary)", "Standard", "Marketing"])

    browser.click(_card_button(browser, "Marketing", "Delete"))
    browser.wait_for_text("Delete “Marketing”? Documents generated from it keep their text.")
    assert not browser.component("resume-delete-choice-group").is_displayed()  # not the primary: nothing to choose
    browser.click_button("Cancel")
    browser.wait_for(lambda: not browser.component("resume-delete-modal"))
    assert _card_names(browser) == ["Backend (primary)", "Standard", "Marketing"]

    browser.click(_card_button(browser, "Backend", "Delete"))
    browser.wait_for_text("“Backend” is your primary resume, the one new documents start from.")
    browser.screenshot("resumes-delete-primary")
    browser.screenshot("resumes-delete-primary-phone", width=390)
    browser.check("Marketing")
    browser.click_button("Delete resume")
    browser.wait_for_text("Deleted “Backend”. Documents generated from it keep their text.")
    browser.wait_for(lambda: _card_names(browser) == ["Marketing (primary)", "Standard"])

    browser.click(_card_button(browser, "Marketing", "Delete"))
    browser.wait_for_text("“Marketing” is your primary resume")
    browser.check("None: no primary resume")
    browser.click_button("Delete resume")
    browser.wait_for(lambda: _card_names(browser) == ["Standard"])
    browser.open("/resumes")
    browser.wait_for(lambda: _card_names(browser) == ["Standard"])  # still none primary after a reload
    assert browser.duo.get_logs() == []


def test_deleting_the_resume_in_the_form_keeps_unsaved_changes_to_save_as_new(browser):
    browser.sign_up("Riley", "Chen")
    browser.add_resume("Backend", "resume-backend-engineer.txt")
    browser.field("Content").send_keys(Keys.END, "\nVolunteer: taught Python at the library.")
    browser.click(_card_button(browser, "Backend", "Delete"))
    browser.click_button("Delete resume")
    browser.wait_for_text("Your unsaved changes are still in the form: Save makes them a new resume.")
    assert browser.field("Content").get_attribute("value").endswith("taught Python at the library.")
    browser.click_button("Save")
    browser.wait_for_text("Saved “Backend”.")
    browser.wait_for(lambda: _card_names(browser) == ["Backend (primary)"])
