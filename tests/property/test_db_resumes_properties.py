"""db.resumes: a resume the validators accept is saved and read back exactly, as the application role."""

import pytest
from hypothesis import example, given

import validators
from db import resumes
from db.connection import user_tx
from tests.property.strategies import typed_text

pytestmark = pytest.mark.usefixtures("pool")


@given(typed_text.map(lambda text: "Resume " + text[:190]), typed_text.map(lambda text: "Built things. " * 8 + text))
@example("Backend\x00", "x" * 120)
@example("Backend 2026", "\x00\ud800\udfff" * 40 + "y" * 100)
def test_an_accepted_resume_reads_back_as_saved(person, name, content):
    content = validators.drop_invisible(content)  # as features/resumes/form.py saves a paste
    errors = validators.validate_resume(name, content)
    assert all(isinstance(message, str) and message.strip() for message in errors.values())
    if errors:
        return
    with user_tx(person) as conn:
        resume_id = resumes.create_resume(conn, name.strip(), content.strip(), is_primary=False)
    with user_tx(person) as conn:
        stored = resumes.get_resume(conn, resume_id)
    assert (stored["name"], stored["content"]) == (name.strip(), content.strip())
