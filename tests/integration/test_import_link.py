"""Import from link through the Flask test client: empty fields filled, typed ones kept, refusals named."""

import functools
import json
import logging

import pytest

from features.new_application import import_link
from features.new_application.ids import FIELDS
from features.new_application.import_link import Ids
from postings.fetch import fetch
from tests.dash_requests import DashPage
from tests.posting_server import PostingServer


@pytest.fixture
def page(client, auth):
    auth.register()
    return DashPage(client, "/applications/new")


def _import(page: DashPage, link, **typed) -> dict:
    callback = page.callback_for(Ids.button, "n_clicks")
    values = {(Ids.button, "n_clicks"): 1, (Ids.link, "value"): link}
    values |= {(FIELDS[key], "value"): value for key, value in typed.items()}
    response = page.post(page.body(callback, values, [f"{Ids.button}.n_clicks"]))
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()["response"]


def _values(response: dict) -> dict:
    return {
        key: response[field_id]["value"] for key, field_id in FIELDS.items() if "value" in response.get(field_id, {})
    }


def test_a_json_ld_posting_fills_the_empty_fields_and_keeps_what_was_typed(site, page):
    link = site.url("/jsonld")
    response = _import(page, link, role_title="Platform Engineer (my words)", location="")
    values = _values(response)
    assert set(values) == {"company", "job_description", "job_url", "location"}  # the role title was typed
    assert values["company"] == "Lumen Freight"
    assert values["location"] == "Rotterdam, South Holland, Netherlands; Hamburg, DE"
    assert values["job_url"] == link
    assert values["job_description"].startswith("About Lumen Freight\n\nLumen Freight plans container routes")
    status = json.dumps(response[Ids.status]["children"])
    assert "Filled the company, job description, job URL and location from the posting." in status
    assert "Kept what you typed in the role title; clear a field and import again" in status
    assert response[Ids.link] == {"invalid": False}
    assert response[FIELDS["company"]]["invalid"] is False
    assert "invalid" not in response.get(FIELDS["role_title"], {})
    assert response[Ids.imported]["data"]


def test_a_page_without_json_ld_fills_from_its_main_text_and_names_what_it_lacks(site, page):
    values = _values(response := _import(page, site.url("/main-text")))
    assert (values["company"], values["role_title"]) == ("Tidewater Books", "Data Analyst, Growth")
    assert "location" not in values
    assert "Python or R for the analyses SQL cannot do" in values["job_description"]
    assert "The page did not give the location." in json.dumps(response[Ids.status]["children"])


def test_with_every_field_typed_nothing_is_replaced(site, page):
    typed = dict.fromkeys(FIELDS, "typed")
    response = _import(page, site.url("/jsonld"), **typed)
    assert _values(response) == {}
    assert "Nothing was filled" in json.dumps(response[Ids.status]["children"])


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/redirect-private", "169.254.169.254 is an internal or private address"),
        ("/huge", "larger than 2 MB"),
        ("/missing", "was not found (HTTP 404)"),
        ("/pdf", "not a web page"),
        ("/host", "no job posting Job Forge could read"),
    ],
)
def test_each_refusal_is_a_message_next_to_the_link_and_the_form_is_untouched(site, page, path, message):
    response = _import(page, site.url(path), company="Typed company", role_title="Typed role")
    assert response[Ids.link] == {"invalid": True}
    assert message in response[Ids.feedback]["children"]
    assert _values(response) == {}
    assert response[Ids.status] == {"children": None}


@pytest.mark.parametrize(
    ("link", "message"), [("", "Paste the link to a posting first."), ("not a link", "starting with http://")]
)
def test_no_link_or_no_web_address_is_said_so(page, link, message):
    response = _import(page, link)
    assert message in response[Ids.feedback]["children"]


def test_a_site_that_never_answers_is_a_timeout_message(site, page, monkeypatch):
    # The real ten-second default has its own test (test_postings_fetch); here the message is what counts.
    monkeypatch.setattr(import_link, "fetch", functools.partial(fetch, timeout=0.5))
    response = _import(page, site.url("/never"), company="Typed company")
    assert "took too long to answer" in response[Ids.feedback]["children"]
    assert _values(response) == {}


def test_without_fetch_allow_hosts_a_local_server_is_refused(page):
    with PostingServer() as server:
        response = _import(page, server.url("/jsonld"))
        assert server.requests == []
    assert "internal or private address" in response[Ids.feedback]["children"]


def test_the_log_names_the_reason_and_never_the_link(site, page, caplog):
    caplog.set_level(logging.INFO, logger="features.new_application.import_link")
    _import(page, site.url("/missing?token=s3cret-token"))
    assert "not_found" in caplog.text
    assert "s3cret" not in caplog.text and "missing" not in caplog.text
