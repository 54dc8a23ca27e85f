"""The dashboard's HTML links the chosen view's scripts (deferred) and nothing another view or no page needs."""

import re

import pytest

from db import users
from db.connection import user_tx
from features.dashboard import board, table
from tests.support import sign_up_client


def _scripts(client, path: str) -> tuple[list[str], list[str]]:
    """The page's scripts: (linked as Dash links them, deferred)."""
    page = client.get(path).get_data(as_text=True)
    return re.findall(r'<script src="([^"]+)"', page), re.findall(r'<script defer src="([^"]+)"', page)


@pytest.mark.parametrize(
    ("view", "expected"),
    [("table", table.grid_scripts), ("board", board.scripts), ("overview", list)],
)
def test_the_dashboard_links_the_chosen_views_scripts_deferred(app, view, expected):
    person, client = sign_up_client(app)
    with user_tx(person) as conn:
        users.set_dashboard_view(conn, view)
    linked, deferred = _scripts(client, "/")
    with app.server.test_request_context():
        assert deferred == expected()
    # Neither AG Grid nor SortableJS is linked as a library of every page.
    assert not [url for url in linked if "dash_ag_grid" in url or "Sortable" in url]


def test_grid_scripts_are_served_cached_for_a_year(app):
    _person, client = sign_up_client(app)
    with app.server.test_request_context():
        urls = table.grid_scripts() + board.scripts()
    for url in urls:
        response = client.get(url, headers={"Accept-Encoding": "br"})
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable", url


def test_other_pages_link_no_view_scripts_and_no_page_links_datatable(app):
    person, client = sign_up_client(app)
    with user_tx(person) as conn:
        users.set_dashboard_view(conn, "table")
    for path in ("/", "/resumes", "/settings", "/applications/new"):
        linked, deferred = _scripts(client, path)
        assert not [url for url in linked if "dash_table" in url], path
        if path != "/":
            assert deferred == [], path
