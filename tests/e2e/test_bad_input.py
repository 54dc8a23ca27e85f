"""Pasted text with characters PostgreSQL refuses, in headless Chromium: saved without them."""

from db import applications as application_queries
from db.connection import anonymous_tx, user_tx
from db.users import find_login
from tests.conftest import fixture_text


def test_a_pasted_job_description_with_a_nul_byte_is_saved_without_it(browser):
    email = browser.sign_up("Jordan", "Ellis")
    posting = fixture_text("jd-backend-engineer.txt")
    browser.open("/applications/new")
    browser.fill("Company", "Northwind Cloud")
    browser.fill("Role title", "Backend Engineer")
    browser.paste("Job description", posting[:80] + "\x00" + posting[80:])
    browser.click_button("Save")
    browser.duo.wait_for_text_to_equal("#application-title", "Backend Engineer")
    assert posting.split("\n")[0] in browser.text_of("application-posting")
    with anonymous_tx() as conn:
        user_id = find_login(conn, email)["id"]
    with user_tx(user_id) as conn:
        [row] = application_queries.list_applications(conn)
        assert application_queries.get_application(conn, row["id"])["job_description"] == posting.strip()
