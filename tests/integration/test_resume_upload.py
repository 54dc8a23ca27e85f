"""The resume upload's callback as a browser, or a client ignoring the page's own limit, sends it."""

import base64

import pytest

from config import UPLOAD_MAX_BYTES
from features.resumes import form
from features.resumes.upload import Ids
from tests.conftest import AuthActions, fixture_text, unique_email
from tests.dash_requests import DashPage
from tests.support import resume_pdf

RESUME = fixture_text("resume-backend-engineer.txt")


@pytest.fixture
def client(app):
    client = app.server.test_client()
    AuthActions(client).register(email=unique_email("upload"))
    return client


def _upload(client, data: bytes, filename: str, dirty: str = "") -> dict:
    page = DashPage(client, "/resumes")
    callback = page.callback_for(Ids.upload, "contents")
    contents = "data:application/octet-stream;base64," + base64.b64encode(data).decode()
    values = {
        (Ids.upload, "contents"): contents,
        (Ids.upload, "filename"): filename,
        (form.Ids.dirty, "children"): dirty,
    }
    response = page.post(page.body(callback, values, [f"{Ids.upload}.contents"]))
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()["response"]


def test_a_file_over_the_limit_sent_past_the_page_is_refused_by_the_server(client):
    outputs = _upload(client, b"a" * (UPLOAD_MAX_BYTES + 1), "big.txt")
    assert outputs[Ids.feedback]["children"].startswith("This file is larger than 5 MB.")
    assert form.Ids.content not in outputs  # the form is left as it was
    assert outputs[Ids.upload]["contents"] is None


def test_a_readable_file_fills_the_form_as_a_new_unsaved_resume(client):
    outputs = _upload(client, resume_pdf(RESUME), "Jordan Ellis.pdf")
    assert outputs[form.Ids.content]["value"].startswith("Jordan Ellis\njordan.ellis@email.com")
    assert outputs[form.Ids.name]["value"] == "Jordan Ellis"
    assert outputs[form.Ids.editing_id]["data"] == ""
    assert outputs[form.Ids.saved]["data"] == form.EMPTY_FORM
    assert outputs[Ids.feedback]["children"] == ""


def test_a_file_over_unsaved_text_waits_for_an_answer(client):
    outputs = _upload(client, RESUME.encode(), "cv.txt", dirty="Unsaved changes")
    assert outputs[Ids.ask]["is_open"] is True
    assert outputs[Ids.pending]["data"]["content"] == RESUME.strip().replace("• ", "- ")
    assert form.Ids.content not in outputs
