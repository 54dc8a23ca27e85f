"""The whole account in headless Chromium: download all my data and read it back; delete the account."""

import json
import time
import zipfile

from selenium.webdriver.common.by import By

from tests.conftest import TEST_PASSWORD


def _downloaded_zip(folder, timeout: float = 20) -> zipfile.ZipFile:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [path for path in folder.iterdir() if path.suffix == ".zip"]
        if done and not any(path.suffix == ".crdownload" for path in folder.iterdir()):
            return zipfile.ZipFile(done[0])
        time.sleep(0.2)
    raise AssertionError(f"nothing downloaded; the folder holds {[path.name for path in folder.iterdir()]}")


def test_download_all_my_data_and_read_it_back(browser, tmp_path):
    browser.sign_up("Jordan", "Ellis")
    browser.add_resume("Backend", "resume-backend-engineer.txt")
    browser.add_application("Northwind Cloud", "Senior Backend Engineer", "jd-senior-backend-engineer.txt")
    browser.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})

    browser.click_link("Settings")
    browser.wait_for_text("Your data")
    browser.wait_for(lambda: browser.field("First name").get_attribute("value") == "Jordan")
    browser.screenshot("settings-account")
    browser.screenshot("settings-account-phone", width=390)
    browser.click_link("Download all my data")

    archive = _downloaded_zip(tmp_path)
    assert archive.filename.rsplit("/", 1)[-1].startswith("job-forge-data-")
    assert archive.testzip() is None
    (application,) = json.loads(archive.read("applications.json"))
    assert (application["company"], application["role_title"]) == ("Northwind Cloud", "Senior Backend Engineer")
    assert "Northwind Cloud" in archive.read("applications.csv").decode("utf-8-sig")
    (resume,) = [name for name in archive.namelist() if name.startswith("resumes/")]
    assert resume.startswith("resumes/backend-") and resume.endswith("-primary.md")
    assert browser.driver.current_url.endswith("/settings")  # a download, not a page change
    assert browser.duo.get_logs() == []


def test_delete_account_then_sign_in_fails_and_the_email_signs_up_again(browser):
    email = browser.sign_up("Robin", "Vale")
    browser.click_link("Settings")
    browser.click_button("Delete my account")
    browser.wait_for_text("This deletes your account and all your data. Enter your password to confirm.")

    browser.fill("Password", "not my password")
    browser.click_button("Delete account and data")
    browser.wait_for_text("That is not your current password.")
    assert browser.field("Password").get_attribute("value") == "not my password"  # kept for correcting
    browser.screenshot("delete-account-wrong-password")
    browser.screenshot("delete-account-wrong-password-phone", width=390)
    browser.click_button("Cancel")
    browser.wait_for(lambda: not browser.driver.find_elements(By.CLASS_NAME, "modal-dialog"))
    browser.open("/")
    browser.duo.wait_for_text_to_equal("h1", "Your applications")  # still signed in, nothing deleted

    browser.open("/settings")
    browser.click_button("Delete my account")
    browser.fill("Password", TEST_PASSWORD)
    browser.click_button("Delete account and data")
    browser.wait_for(lambda: browser.driver.current_url.endswith("/account-deleted"))
    browser.wait_for_text("Your account is deleted")
    browser.screenshot("account-deleted", width=390)
    browser.open("/")
    browser.wait_for(lambda: "/login" in browser.driver.current_url)  # signed out

    browser.fill("Email", email)
    browser.fill("Password", TEST_PASSWORD)
    browser.click_button("Log in")
    browser.wait_for_text("Email or password is not right.")

    browser.open("/register")
    browser.fill("First name", "Robin")
    browser.fill("Last name", "Vale")
    browser.fill("Email", email)
    browser.fill("Password", TEST_PASSWORD)
    browser.click_button("Sign up")
    browser.duo.wait_for_text_to_equal("h1", "Your applications")
    assert browser.duo.get_logs() == []


def test_profile_changes_say_what_happened_next_to_each_field(browser):
    browser.sign_up("Sam", "Lee")
    browser.click_link("Settings")
    browser.wait_for(lambda: browser.field("First name").get_attribute("value") == "Sam")
    browser.fill("First name", "Samantha")
    browser.click_button("Save name")
    browser.wait_for_text("Saved your name.")

    browser.fill("Current password", "not my password")
    browser.fill("New password", "short")
    browser.click_button("Change password")
    browser.wait_for_text("Use at least 10 characters.")
    browser.fill("New password", "a much longer passphrase")
    browser.click_button("Change password")
    browser.wait_for_text("That is not your current password.")
    browser.screenshot("profile-wrong-password")
    browser.fill("Current password", TEST_PASSWORD)
    browser.click_button("Change password")
    browser.wait_for_text("Your password is changed. Every other device is signed out.")
    assert browser.field("New password").get_attribute("value") == ""

    browser.open("/settings")  # this session was kept
    browser.wait_for(lambda: browser.field("First name").get_attribute("value") == "Samantha")
    assert browser.duo.get_logs() == []
