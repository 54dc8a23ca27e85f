"""Callback inputs of the wrong type are refused with 400 and one log line."""

import logging
import uuid

import pytest
from flask import Flask

from components.callback_inputs import (
    BadCallbackInput,
    flag_input,
    id_input,
    id_list_input,
    install_callback_input_errors,
    text_input,
)

AN_ID = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"


def test_text_input():
    assert text_input(None) == ""
    assert text_input("Acme\n") == "Acme\n"


def test_flag_input():
    assert flag_input(None) is False
    assert flag_input(True) is True


def test_id_input():
    assert id_input(None) is None
    assert id_input(AN_ID) == uuid.UUID(AN_ID)
    assert id_input("123") is None  # an edited URL finds nothing
    assert id_input("") is None


def test_id_list_input():
    assert id_list_input(None) == []
    assert id_list_input([AN_ID, "x"]) == [AN_ID, "x"]


@pytest.mark.parametrize(
    ("read", "wrong"),
    [
        (text_input, 5),
        (text_input, ["a"]),
        (text_input, {"a": 1}),
        (text_input, True),
        (flag_input, "yes"),
        (flag_input, 1),
        (id_input, 5),
        (id_input, [AN_ID]),
        (id_input, {"id": AN_ID}),
        (id_list_input, {"0": AN_ID}),
        (id_list_input, AN_ID),
        (id_list_input, [AN_ID, 5]),
        (id_list_input, [[AN_ID]]),
    ],
)
def test_values_of_another_type_are_refused(read, wrong):
    with pytest.raises(BadCallbackInput, match="expected"):
        read(wrong)


def test_the_handler_answers_400_and_logs_one_line(caplog):
    server = Flask(__name__)
    install_callback_input_errors(server)

    @server.post("/_dash-update-component")
    def callback():
        text_input(["pasted", "as a list"])

    with caplog.at_level(logging.INFO):
        response = server.test_client().post("/_dash-update-component", json={"output": "search-results.children"})
    assert response.status_code == 400
    [line] = caplog.records
    assert line.levelno == logging.WARNING and line.exc_info is None
    assert line.getMessage() == "Refused callback 'search-results.children': expected text, got list"
