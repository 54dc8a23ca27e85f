"""auth/passwords.check_password on any text: True only for the password itself, never an exception."""

import bcrypt
from hypothesis import example, given

from auth.passwords import check_password
from tests.property.strategies import any_text

PASSWORD = "correct horse battery"
# Cost 4, bcrypt's least: the property checks many guesses, and the cost changes nothing in the answer.
HASH = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(4)).decode()


@given(any_text)
@example("correct horse battery\ud800")
@example("\udfff")
@example(PASSWORD)
def test_only_the_password_itself_matches_and_no_guess_raises(guess):
    assert check_password(guess, HASH) == (guess == PASSWORD)
