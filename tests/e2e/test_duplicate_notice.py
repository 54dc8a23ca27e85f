"""The duplicate notice on a new application: it tells, links, and does not stop the save."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.conftest import fixture_text


def test_an_earlier_application_to_the_same_company_is_mentioned_and_linked(browser):
    browser.sign_up("Robin", "Doe")
    first_url = browser.add_application("Acme, Inc.", "Backend Engineer", "jd-backend-engineer.txt")

    browser.open("/applications/new")
    browser.fill("Company", "ACME inc")
    browser.field("Company").send_keys(Keys.TAB)
    browser.wait_for_text("You already have an application to Acme, Inc. (Draft,")
    link = browser.driver.find_element(By.CSS_SELECTOR, ".duplicate-notice a")
    assert link.text == "Backend Engineer"
    assert link.get_attribute("href") == first_url
    browser.screenshot("duplicate-notice")

    browser.fill("Role title", "Data Engineer")
    browser.paste("Job description", fixture_text("jd-frontend-engineer.txt"))
    browser.click_button("Save")
    browser.duo.wait_for_text_to_equal("#application-title", "Data Engineer")
    assert browser.driver.current_url != first_url
    assert browser.duo.get_logs() == []


def test_a_different_company_gets_no_notice(browser):
    browser.sign_up("Sam", "Roe")
    browser.add_application("Acme", "Backend Engineer", "jd-backend-engineer.txt")
    browser.open("/applications/new")
    browser.fill("Company", "Globex")
    browser.fill("Job URL", "https://globex.example/jobs/1")
    browser.field("Job URL").send_keys(Keys.TAB)
    browser.fill("Role title", "Analyst")  # by now both debounced values have reached the server
    browser.paste("Job description", fixture_text("jd-product-manager.txt"))
    browser.click_button("Save")
    browser.duo.wait_for_text_to_equal("#application-title", "Analyst")
    browser.open("/applications/new")
    browser.fill("Company", "Globex")
    browser.field("Company").send_keys(Keys.TAB)
    browser.wait_for_text("You already have an application to Globex (Draft,")
    assert "Acme" not in browser.text_of("duplicate-notice")
