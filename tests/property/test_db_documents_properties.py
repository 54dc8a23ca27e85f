"""db.documents: any text the editor saves is read back exactly, current and as its version."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import validators
from db import documents
from db.connection import user_tx
from tests.property.strategies import typed_text
from tests.support import make_application

pytestmark = pytest.mark.usefixtures("pool")


@pytest.fixture(scope="module")
def application(person):
    return person, make_application(person)


@given(typed_text, st.sampled_from(["research", "resume", "cover_letter"]))
@example("\x00", "resume")
@example("# Letter\ud800\n\n\x1b[31m red \ufffe\uffff", "cover_letter")
def test_saved_text_reads_back_exactly(application, typed, doc_type):
    person, application_id = application
    text = validators.drop_invisible(typed)  # as features/application/documents.py saves
    if not text.strip() or validators.document_length_error(text, "save"):
        return  # refused before the database, with a message next to the editor
    with user_tx(person) as conn:
        saved = documents.save_version(conn, application_id, doc_type, text, "edited", None)
    with user_tx(person) as conn:
        current = documents.get_document(conn, application_id, doc_type)
        version = documents.get_version(conn, current["id"], saved["version"])
    assert current["content"] == version["content"] == text
