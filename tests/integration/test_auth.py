"""Sign-up, login, logout and the login guard, through Flask's test client."""

import pytest

from tests.conftest import TEST_PASSWORD, AuthActions, unique_email


def test_register_logs_in_and_redirects_home(client, auth):
    response = auth.register()
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert client.get("/").status_code == 200


def test_register_with_safe_next_goes_there(auth):
    response = auth.register(next_path="/resumes")
    assert response.headers["Location"] == "/resumes"


@pytest.mark.parametrize(
    "unsafe", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "http:/x"]
)
def test_unsafe_next_is_ignored(auth, unsafe):
    email = unique_email()
    auth.register(email=email)
    auth.logout()
    response = auth.login(email, next_path=unsafe)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_wrong_password_is_refused(client, auth):
    email = unique_email()
    auth.register(email=email)
    auth.logout()
    response = auth.login(email, password="not the password")
    assert response.status_code == 200
    assert "Email or password is not right." in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_unknown_email_gets_the_same_message(auth):
    response = auth.login(unique_email("nobody"))
    assert "Email or password is not right." in response.get_data(as_text=True)


def test_login_is_case_insensitive_on_email(client, auth):
    email = unique_email("MixedCase")
    auth.register(email=email)
    auth.logout()
    response = auth.login(email.upper())
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_duplicate_email_in_other_case_is_refused(auth):
    email = unique_email("dup")
    auth.register(email=email)
    auth.logout()
    response = auth.register(email=email.upper())
    assert response.status_code == 200
    assert "An account with this email already exists" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("password", "short", "Use at least 10 characters."),
        ("email", "not-an-email", "Enter a valid email address"),
        ("first_name", "", "Enter your first name."),
        ("last_name", "   ", "Enter your last name."),
    ],
)
def test_bad_sign_up_input_is_shown_next_to_the_field_and_kept(auth, field, value, message):
    response = auth.register(**{field: value})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page
    assert f'id="{field}-feedback"' in page
    assert 'value="Ellis"' in page or field == "last_name"  # what the person typed elsewhere is still there
    assert 'value="Jordan"' in page or field == "first_name"


def test_password_is_stored_as_bcrypt_cost_12(auth, pool):
    from db.connection import anonymous_tx
    from db.users import find_login

    email = unique_email()
    auth.register(email=email)
    with anonymous_tx() as conn:
        stored = find_login(conn, email)["password_hash"]
    assert stored.startswith("$2b$12$")
    assert TEST_PASSWORD not in stored


def test_logout_ends_the_session(client, auth):
    auth.register()
    response = auth.logout()
    assert response.headers["Location"] == "/login"
    assert client.get("/").status_code == 302


def test_logout_needs_a_post_with_csrf_token(client, auth):
    auth.register()
    client.get("/logout")  # Dash answers with its page shell; the session is untouched
    assert client.post("/logout", data={}).status_code == 400
    assert client.get("/").status_code == 200


def test_login_form_needs_csrf_token(client):
    response = client.post("/login", data={"email": "a@example.com", "password": TEST_PASSWORD})
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/", "/resumes", "/applications/new", "/applications/123"])
def test_anonymous_page_redirects_to_login_with_next(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


@pytest.mark.parametrize("path", ["/_dash-layout", "/_dash-dependencies"])
def test_anonymous_dash_endpoints_get_401(client, path):
    assert client.get(path).status_code == 401


def test_anonymous_callback_post_gets_401(client):
    response = client.post("/_dash-update-component", json={"output": "x.children", "inputs": []})
    assert response.status_code == 401


def test_login_page_and_assets_are_public(client):
    assert client.get("/login").status_code == 200
    assert client.get("/register").status_code == 200
    assert client.get("/assets/bootstrap.min.css").status_code == 200


def test_session_cookie_is_httponly_and_lax(client, auth):
    response = auth.register()
    cookie = next(value for value in response.headers.getlist("Set-Cookie") if value.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain http here; https requests get Secure


def test_session_cookie_is_secure_over_https(app):
    https_client = app.server.test_client()
    response = https_client.get("/login", base_url="https://localhost")
    cookie = next(value for value in response.headers.getlist("Set-Cookie") if value.startswith("session="))
    assert "Secure" in cookie


def test_no_password_hash_in_any_page(client, auth, pool):
    auth.register()
    for path in ("/", "/_dash-layout"):
        assert "$2b$" not in client.get(path).get_data(as_text=True)


def test_password_longer_than_bcrypt_accepts_is_refused_not_crashed(auth):
    email = unique_email()
    auth.register(email=email)
    auth.logout()
    response = auth.login(email, password="x" * 200)
    assert response.status_code == 200
    assert "Email or password is not right." in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/_favicon.icox", "/_favicon.ico/../_dash-layout", "/assets/../resumes"])
def test_public_paths_match_exactly(client, path):
    assert client.get(path).status_code in (302, 401, 404)
    assert client.get(path).status_code != 200


def test_dash_component_bundles_need_a_login(client):
    assert client.get("/_dash-component-suites/dash/deps/react@18.min.js").status_code == 401


def test_repeated_wrong_passwords_for_one_email_are_slowed_down(auth):
    email = unique_email("guessed")
    auth.register(email=email)
    auth.logout()
    statuses = [auth.login(email, password=f"wrong password {n}").status_code for n in range(10)]
    assert statuses == [200] * 10
    blocked = auth.login(email)  # from the guessing address even the right password waits now
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.get_data(as_text=True)
    assert auth.login(unique_email("someone-else")).status_code == 200


def test_a_copied_session_stops_working_after_logout(app, client, auth):
    auth.register()
    stolen = client.get_cookie("session").value
    auth.logout()
    other = app.server.test_client()
    other.set_cookie("session", stolen)
    assert other.get("/").status_code == 302
    assert other.get("/_dash-layout").status_code == 401


HIDDEN_CHARACTERS = "Remove the hidden control characters from this field."


@pytest.mark.parametrize("field", ["first_name", "last_name", "email"])
def test_sign_up_with_a_nul_byte_says_so_next_to_the_field_and_keeps_the_form(auth, field):
    typed = {"first_name": "Jordan", "last_name": "Ellis", "email": unique_email("nul")}
    typed[field] = typed[field][:3] + "\x00" + typed[field][3:]
    response = auth.register(**typed)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'<div class="invalid-feedback" id="{field}-feedback">{HIDDEN_CHARACTERS}</div>' in page
    for value in typed.values():
        assert f'value="{value}"' in page


def test_sign_up_with_the_bytes_of_a_lone_surrogate_signs_up(client, auth):
    # Browsers cannot send a lone surrogate in a form; its UTF-8-style bytes are read as U+FFFD.
    body = (
        f"csrf_token={auth.csrf_token('/register')}&first_name=Jor%ED%A0%80dan&last_name=Ellis"
        f"&email={unique_email('surrogate')}&password=correct+horse+battery"
    )
    response = client.post("/register", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302


def test_login_with_a_nul_byte_in_the_email_is_refused_not_crashed(auth):
    response = auth.login("jordan\x00@example.com")
    assert response.status_code == 200
    assert HIDDEN_CHARACTERS in response.get_data(as_text=True)


def _from_address(app, address: str) -> AuthActions:
    client = app.server.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return AuthActions(client)


def test_wrong_passwords_from_elsewhere_do_not_lock_the_person_out(app, auth):
    email = unique_email("targeted")
    auth.register(email=email)
    attacker = _from_address(app, "203.0.113.7")
    assert [attacker.login(email, password=f"guess {n}").status_code for n in range(12)] == [200] * 10 + [429] * 2
    assert attacker.login(email).status_code == 429  # the guessing address waits, right password or not
    assert _from_address(app, "198.51.100.20").login(email).status_code == 302


def test_wrong_passwords_from_many_addresses_stop_every_one_of_them_but_not_the_person(app, auth):
    email = unique_email("distributed")
    auth.register(email=email)
    attackers = [_from_address(app, f"203.0.113.{n}") for n in range(1, 11)]
    for attacker in attackers:
        assert [attacker.login(email, password="guess").status_code for _ in range(2)] == [200, 200]
    assert attackers[0].login(email).status_code == 429
    assert _from_address(app, "203.0.113.99").login(email, password="guess").status_code == 200
    assert _from_address(app, "198.51.100.20").login(email).status_code == 302


def test_successful_sign_ins_are_not_limited(app, auth):
    email = unique_email("regular")
    auth.register(email=email)
    person = _from_address(app, "198.51.100.30")
    for _ in range(20):
        assert person.login(email).status_code == 302
        person.logout()
