"""Contacts of an application through the data layer: one read back, only its owner's."""

from db import contacts
from db.connection import user_tx
from tests.support import make_application, make_person


def test_a_contact_is_read_back_by_its_owner_only(pool):
    person, other = make_person(), make_person("Other")
    application_id = make_application(person)
    with user_tx(person) as conn:
        contact_id = contacts.add_contact(conn, application_id, "Sam Lee", None, "sam@acme.example", "Met at a meetup")
        contact = contacts.get_contact(conn, contact_id)
    assert (contact["name"], contact["role"], contact["email"], contact["notes"]) == (
        "Sam Lee",
        None,
        "sam@acme.example",
        "Met at a meetup",
    )
    with user_tx(other) as conn:
        assert contacts.get_contact(conn, contact_id) is None
        assert not contacts.update_contact(conn, contact_id, "Taken", None, None, "")
        assert not contacts.delete_contact(conn, contact_id)
