"""The login and sign-up pages in a real browser."""

from selenium.webdriver.common.by import By

from tests.conftest import TEST_PASSWORD


def test_sign_up_errors_show_next_to_fields(browser):
    """Bad sign-up input is explained under each field and what was typed stays."""
    browser.open("/register")
    browser.screenshot("register")
    browser.fill("First name", "Morgan")
    browser.fill("Last name", "Lee")
    browser.fill("Email", "morgan-at-example")
    browser.fill("Password", "short")
    browser.click_button("Sign up")
    browser.wait_for_text("Enter a valid email address")
    browser.wait_for_text("Use at least 10 characters.")
    assert browser.field("First name").get_attribute("value") == "Morgan"
    assert "is-invalid" in browser.field("Password").get_attribute("class")
    browser.screenshot("register-errors")


def test_login_redirects_to_the_page_asked_for(browser):
    """Opening a page while logged out asks for a login, then lands on that page."""
    email = browser.sign_up("Quinn", "Next")
    browser.log_out()
    browser.open("/resumes")
    browser.wait_for(lambda: "/login?next=/resumes" in browser.driver.current_url)
    browser.screenshot("login")
    browser.fill("Email", email)
    browser.fill("Password", "wrong password here")
    browser.click_button("Log in")
    browser.wait_for_text("Email or password is not right.")
    assert browser.field("Email").get_attribute("value") == email
    browser.fill("Password", TEST_PASSWORD)
    browser.click_button("Log in")
    browser.duo.wait_for_text_to_equal("h1", "Resumes")
    assert browser.driver.find_element(By.CSS_SELECTOR, ".user-name").text == "Quinn Next"
    assert browser.duo.get_logs() == []
