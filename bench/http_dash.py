"""A signed-in person talking to a running server over HTTP, and Dash callback bodies built for them.

tests/dash_requests.DashPage builds callback bodies from a Flask test client; this adapter lets it
do the same against gunicorn, so benchmarks send exactly what dash-renderer sends.
"""

import re

import requests

from tests.conftest import TEST_PASSWORD
from tests.dash_requests import DashPage


class _Response:
    def __init__(self, response: requests.Response):
        self._response = response
        self.status_code = response.status_code

    def get_data(self, as_text: bool = False):
        return self._response.text if as_text else self._response.content

    def get_json(self):
        return self._response.json()


class HttpClient:
    """The slice of Flask's test client that DashPage uses, over a requests session."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.session = requests.Session()

    def get(self, path: str) -> _Response:
        return _Response(self.session.get(self.base_url + path, timeout=30))

    def post(self, path: str, json=None, headers=None, data=None) -> _Response:
        return _Response(self.session.post(self.base_url + path, json=json, data=data, headers=headers, timeout=30))

    def get_cookie(self, name: str):
        value = self.session.cookies.get(name)
        return type("Cookie", (), {"value": value})() if value is not None else None

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.session.cookies.items())

    def form_token(self, path: str) -> str:
        """GETs a server-rendered form and returns its CSRF token."""
        form = self.get(path).get_data(as_text=True)
        return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)

    def sign_up(self, email: str, first_name: str = "Bench", last_name: str = "Person") -> None:
        fields = {"csrf_token": self.form_token("/register"), "first_name": first_name, "last_name": last_name}
        response = self.post("/register", data=fields | {"email": email, "password": TEST_PASSWORD})
        assert response.status_code == 200 and "/register" not in response._response.url, "sign-up failed"

    def sign_in(self, email: str, token: str) -> None:
        """POSTs the sign-in form (its token from form_token("/login")) and follows it to the dashboard."""
        response = self.post("/login", data={"csrf_token": token, "email": email, "password": TEST_PASSWORD})
        assert response.status_code == 200 and "/login" not in response._response.url, "sign-in failed"

    def page(self, path: str = "/") -> DashPage:
        return DashPage(self, path)
