"""Import from link in the browser, against the local posting server: fill, review, save; refusals."""

from features.new_application.ids import FIELDS
from features.new_application.import_link import Ids


def _value(browser, label: str) -> str:
    return browser.field(label).get_attribute("value")


def _import(browser, link: str) -> None:
    browser.fill("Posting link", link)
    browser.click_button("Import")


def test_a_posting_is_imported_reviewed_and_saved_keeping_what_was_typed(browser, site):
    browser.sign_up("Avery", "Stone")
    browser.open("/applications/new")
    browser.fill("Role title", "Platform Engineer")
    _import(browser, site.url("/jsonld"))
    browser.wait_for_text("Filled the company, job description, job URL and location from the posting.")
    browser.wait_for_text("Kept what you typed in the role title")
    assert _value(browser, "Company") == "Lumen Freight"
    assert _value(browser, "Role title") == "Platform Engineer"
    assert _value(browser, "Location") == "Rotterdam, South Holland, Netherlands; Hamburg, DE"
    assert _value(browser, "Job URL") == site.url("/jsonld")
    description = _value(browser, "Job description")
    assert "What you will do\n\n- Run our Kubernetes clusters" in description
    browser.screenshot("import-link-filled")
    browser.screenshot("import-link-filled-phone", width=390)

    browser.click_button("Save")
    browser.duo.wait_for_text_to_equal("#application-title", "Platform Engineer")
    browser.wait_for_text("Lumen Freight")

    # Importing the same posting again fills the form without a blur: the duplicate notice still tells.
    browser.open("/applications/new")
    _import(browser, site.url("/jsonld"))
    browser.wait_for_text("You already have an application to Lumen Freight (Draft,")
    assert browser.duo.get_logs() == []


def test_a_page_without_json_ld_is_read_from_its_main_text(browser, site):
    browser.sign_up("Casey", "Lane")
    browser.open("/applications/new")
    _import(browser, site.url("/main-text"))
    browser.wait_for_text("The page did not give the location.")
    assert _value(browser, "Company") == "Tidewater Books"
    assert _value(browser, "Role title") == "Data Analyst, Growth"
    assert "We are looking for a data analyst" in _value(browser, "Job description")
    assert _value(browser, "Location") == ""


def test_refusals_are_told_next_to_the_link_and_what_was_typed_stays(browser, site):
    browser.sign_up("Drew", "Park")
    browser.open("/applications/new")
    browser.fill("Company", "My typed company")
    browser.paste("Job description", "My own notes about this posting, which must survive every refusal.")
    for path, message in [
        ("/redirect-private", "169.254.169.254 is an internal or private address"),
        ("/huge-streamed", "That page is larger than 2 MB"),
        ("/missing", "That page was not found (HTTP 404)"),
    ]:
        _import(browser, site.url(path))
        browser.wait_for(lambda message=message: message in browser.text_of(Ids.feedback))
        assert "is-invalid" in browser.component(Ids.link).get_attribute("class")
    browser.screenshot("import-link-refused")
    browser.screenshot("import-link-refused-phone", width=390)
    assert _value(browser, "Company") == "My typed company"
    assert _value(browser, "Job description").startswith("My own notes about this posting")
    assert browser.text_of(Ids.status) == ""
    # A working link afterwards clears the message and fills only the empty fields.
    _import(browser, site.url("/jsonld"))
    browser.wait_for_text("Kept what you typed in the company and job description")
    assert "is-invalid" not in browser.component(Ids.link).get_attribute("class")
    assert _value(browser, "Role title") == "Senior Platform Engineer"
    assert browser.component(FIELDS["company"]).get_attribute("value") == "My typed company"
    assert browser.duo.get_logs() == []
