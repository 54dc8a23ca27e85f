"""One simulated person: each click sends the callback requests dash-renderer sends for it, each one timed.

The person keeps what the renderer keeps (every component's props from the layout and the
responses), builds each body from it with tests/dash_requests.DashPage, and sends the callbacks a
click triggers one after another, in the order the renderer can send them (a callback waits for
the ones whose outputs it reads). Static files are left out: a browser has them cached.
"""

import json
import random
import time
import uuid

from ai.workflow import PHASES
from bench.http_dash import HttpClient
from bench.load.report import Stats
from bench.seed import COMPANIES
from components.document_editor import Part
from db.applications import STATUSES
from features.application import (
    common,
    contacts,
    details,
    details_form,
    generation,
    insights,
    interviews,
    loading,
    sent,
    timeline,
)
from features.dashboard import board, table
from features.dashboard.controls import Ids as ControlIds
from features.dashboard.overview import Ids as OverviewIds

GENERATION_TIMEOUT = 60  # seconds from start to result before the run counts the generation as failed
COVER_LETTER = "cover_letter"


class ActionFailed(Exception):
    """A step failed (recorded in Stats); the rest of the action is skipped."""


def _key(component_id) -> str:
    """An id as Dash writes it in dependencies and responses (dict ids: sorted keys, no spaces)."""
    return (
        component_id
        if isinstance(component_id, str)
        else json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    )


def _pattern(kind: str, **wild) -> str:
    """A document's pattern-matching id as the dependencies write it: {"doc":["MATCH"],"type":"version"}."""
    return _key({"doc": wild.get("doc", ["MATCH"]), "type": kind})


class Callbacks:
    """The app's callbacks this person's clicks trigger, found in /_dash-dependencies by what they read and write."""

    def __init__(self, page):
        find = page.callback_for
        self.router = find("_pages_location", "pathname", "_pages_content")
        self.choose_view = find(ControlIds.VIEW, "value", f"..{ControlIds.VIEW}.value")
        self.board = find(ControlIds.VIEW, "value", board.Ids.DATA)
        self.sources = find(ControlIds.VIEW, "value", f"{table.Ids.SOURCE}.options")
        self.overview = find(OverviewIds.refresh, "data", OverviewIds.counts)
        # Drawn by a server callback once the grid's scripts have run, or by the browser itself (then None).
        self.draw_grid = next(
            (
                dep
                for dep in page.callbacks
                if f"{table.Ids.GRID_HOLDER}.children" in dep["output"] and not dep.get("clientside_function")
            ),
            None,
        )
        self.rows = find(table.Ids.GRID, "getRowsRequest")
        self.application = find(common.Ids.application_id, "data", loading.Ids.not_found)
        self.contacts = find(common.Ids.application_id, "data", contacts.Ids.items)
        self.similar = find(common.Ids.application_id, "data", insights.Ids.similar)
        self.interviews = find(interviews.Ids.time_zone, "data", interviews.Ids.items)
        self.match = find(generation.Ids.resumes, "value", insights.Ids.match)
        self.flags = find(_pattern(Part.version), "data", _pattern(Part.flags))
        self.history = find(_pattern(Part.history), "is_open", _pattern(Part.history_list))
        self.open_form = find(details.Ids.edit, "n_clicks", f"{details_form.Ids.panel}.is_open")
        self.save_details = find(details_form.Ids.save, "n_clicks")
        self.timeline = find(timeline.Ids.changed, "data", timeline.Ids.events)
        self.sent = find(timeline.Ids.changed, "data", sent.Ids.submissions)
        self.generate = find(generation.Ids.request, "data")
        self.poll_interval = self.generate["background"]["interval"] / 1000


class Person:
    def __init__(self, base_url: str, email: str, stats: Stats, rng: random.Random):
        self.base_url, self.email, self.stats, self.rng = base_url, email, stats, rng
        self.client = HttpClient(base_url)
        self.store: dict[tuple[str, str], object] = {}  # (id, prop) → value, as the renderer holds them
        self.saved: list[tuple[str, str]] = []  # (application id, marker) of every save the app confirmed
        self.page = self.callbacks = None
        self.on_dashboard = False
        self.table_ids: list[str] = []
        self.clicks = 0

    # Steps: one request (or one form) each, timed; a failure is recorded and ends the action.

    def _step(self, action: str, send, expect=(200,)):
        start = time.perf_counter()
        try:
            result = send()
        except Exception as error:  # noqa: BLE001 - any failure of a step is an error of the run
            self.stats.error(action, f"{type(error).__name__}: {str(error)[:200]}")
            raise ActionFailed from error
        status = getattr(result, "status_code", None)
        if status is not None and status not in expect:
            self.stats.error(action, f"HTTP {status}: {result.get_data(as_text=True)[:200]}")
            raise ActionFailed
        self.stats.ok(action, (time.perf_counter() - start) * 1000)
        return result

    def _remember(self, node) -> None:
        """Every component's props in a layout tree, as the renderer's store holds them."""
        if isinstance(node, list):
            for item in node:
                self._remember(item)
        elif isinstance(node, dict) and isinstance(node.get("props"), dict):
            props = node["props"]
            if "id" in props:
                self.store.update({(_key(props["id"]), prop): value for prop, value in props.items()})
            self._remember(props.get("children"))

    def _remember_response(self, data: dict) -> None:
        for component_id, props in data.get("response", {}).items():
            for prop, value in props.items():
                self.store[(component_id, prop)] = value
                if prop == "children":
                    self._remember(value)

    def _concrete(self, item: dict, doc: str | None, every: list):
        """A pattern-matching input as the renderer sends it: MATCH as `doc`, ALL once for each of `every`."""
        if not item["id"].startswith("{"):
            return item
        pattern = json.loads(item["id"])
        wild = next(name for name, value in pattern.items() if value in (["MATCH"], ["ALL"]))
        ids = [pattern | {wild: doc}] if pattern[wild] == ["MATCH"] else [pattern | {wild: each} for each in every]
        items = [
            {"id": i, "property": item["property"], "value": self.store.get((_key(i), item["property"]))} for i in ids
        ]
        return items[0] if pattern[wild] == ["MATCH"] else items

    def _body(self, callback: dict, changed: list[str], doc: str | None = None, every: tuple = ()) -> dict:
        body = self.page.body(callback, self.store, changed)
        body["inputs"] = [self._concrete(item, doc, every) for item in body["inputs"]]
        body["state"] = [self._concrete(item, doc, every) for item in body["state"]]
        if doc is not None:
            outputs = body["outputs"] if isinstance(body["outputs"], list) else [body["outputs"]]
            for output in outputs:
                if isinstance(output["id"], dict):
                    output["id"] = {name: doc if value == ["MATCH"] else value for name, value in output["id"].items()}
        return body

    def _call(self, action: str, callback: dict, changed: list[str], expect=(200,), **pattern) -> dict | None:
        body = self._body(callback, changed, **pattern)
        response = self._step(action, lambda: self.page.post(body), expect)
        if response.status_code != 200:
            return None
        data = response.get_json()
        self._remember_response(data)
        return data

    def _set(self, component_id, prop: str, value) -> str:
        self.store[(_key(component_id), prop)] = value
        return f"{_key(component_id)}.{prop}"

    # Actions.

    def sign_up(self) -> None:
        self._step("sign up", lambda: self.client.sign_up(self.email))

    def sign_in(self) -> None:
        """A fresh session through the sign-in form, landing on the dashboard page."""
        self.client = HttpClient(self.base_url)
        token = self._step("sign in", lambda: self.client.form_token("/login"))
        self._step("sign in", lambda: self.client.sign_in(self.email, token))
        self.page = self._step("sign in", lambda: self.client.page("/"))  # the page and /_dash-dependencies
        self.callbacks = self.callbacks or Callbacks(self.page)
        self._remember(self._step("sign in", lambda: self.client.get("/_dash-layout")).get_json())
        self.on_dashboard = False

    def _navigate(self, action: str, path: str) -> None:
        changed = self._set("_pages_location", "pathname", path)
        self._set("_pages_location", "search", "")
        self._call(action, self.callbacks.router, [changed])

    def _dashboard(self, action: str, view: str) -> None:
        """Arrives on the dashboard if elsewhere (its saved view shows first), then switches to `view`."""
        if not self.on_dashboard:
            self._navigate(action, "/")
            self._call(action, self.callbacks.choose_view, [])  # reads the view this person saved
            self.on_dashboard = True
            self._view_mounted(action)
        if self.store.get((ControlIds.VIEW, "value")) != view:
            self._set(ControlIds.VIEW, "value", view)
            self._call(action, self.callbacks.choose_view, [f"{ControlIds.VIEW}.value"])  # saves the choice
            self._view_mounted(action)

    def _view_mounted(self, action: str) -> None:
        """What the view switch's value and the mounted panel trigger."""
        view, changed = self.store.get((ControlIds.VIEW, "value")), [f"{ControlIds.VIEW}.value"]
        statuses = STATUSES if view == "board" else []  # the board's "Show more" buttons exist only on the board
        self._call(action, self.callbacks.board, changed, expect=(200, 204), every=statuses)
        self._call(action, self.callbacks.sources, changed, expect=(200, 204))
        if view == "overview":
            self._call(action, self.callbacks.overview, [f"{OverviewIds.refresh}.data"])
        elif view == "table":
            if draw := self.callbacks.draw_grid:  # its input says the scripts have run
                self._call(action, draw, [self._set(item["id"], item["property"], True) for item in draw["inputs"]])
            self._rows(action, {})

    def _rows(self, action: str, context: dict) -> None:
        grid_request = {"startRow": 0, "endRow": table.BLOCK, "sortModel": [], "filterModel": {}, "context": context}
        changed = self._set(table.Ids.GRID, "getRowsRequest", grid_request)
        data = self._call(action, self.callbacks.rows, [changed])
        rows = data["response"][table.Ids.GRID]["getRowsResponse"]["rowData"]
        self.table_ids = [row["id"] for row in rows] or self.table_ids

    def overview(self) -> None:
        self._dashboard("overview", "overview")

    def board(self) -> None:
        self._dashboard("board", "board")

    def table_search(self) -> None:
        """The table, then a company typed into its search (the grid asks again with the filters in its context)."""
        action = "table + search"
        self._dashboard(action, "table")
        self._set(table.Ids.SEARCH, "value", self.rng.choice(COMPANIES))
        context = {name: self.store.get((component, "value")) for name, component in table.FILTER_INPUTS.items()}
        self._rows(action, context)

    def open_application(self) -> None:
        """A row of the table, as its link opens it: the page, then what its load fills in."""
        action = "open application"
        application_id = self.rng.choice(self.table_ids)
        self.on_dashboard = False
        self._navigate(action, f"/applications/{application_id}")
        loaded = [f"{common.Ids.application_id}.data"]
        for callback in (self.callbacks.application, self.callbacks.contacts, self.callbacks.similar):
            self._call(action, callback, loaded)
        # Then what reads the page load's outputs (and the browser's time zone, set in the browser).
        self._call(action, self.callbacks.interviews, [self._set(interviews.Ids.time_zone, "data", "Europe/Berlin")])
        self._call(action, self.callbacks.match, [f"{generation.Ids.resumes}.value"])
        for doc in PHASES:
            self._documents_changed(action, doc)

    def _documents_changed(self, action: str, doc: str) -> None:
        version = [f"{_key({'doc': doc, 'type': Part.version})}.data"]
        self._call(action, self.callbacks.flags, version, doc=doc)
        self._call(action, self.callbacks.history, version, doc=doc)

    def save_edit(self) -> None:
        """Edit details: a unique marker added to the notes and saved; remembered once the app confirms it."""
        action = "save an edit"
        self.clicks += 1
        self._call(action, self.callbacks.open_form, [self._set(details.Ids.edit, "n_clicks", self.clicks)])
        notes_id = details_form.FIELDS["notes"]
        marker = f"load-marker-{uuid.uuid4().hex}"
        notes = self.store.get((notes_id, "value")) or ""
        self._set(notes_id, "value", f"{notes}\n\n{marker}".strip())
        data = self._call(
            action, self.callbacks.save_details, [self._set(details_form.Ids.save, "n_clicks", self.clicks)]
        )
        if data["response"].get(details_form.Ids.panel, {}).get("is_open") is not False:
            self.stats.error(action, "the save was refused")
            raise ActionFailed
        self.saved.append((self.store[(common.Ids.application_id, "data")], marker))
        changed = [f"{timeline.Ids.changed}.data"]
        self._call(action, self.callbacks.timeline, changed)
        self._call(action, self.callbacks.sent, changed)

    def cover_letter(self) -> None:
        """The cover letter's Generate button: the background job started, polled as the renderer polls, until done."""
        action = "cover letter"
        request = {"phases": [COVER_LETTER], "nonce": time.time()}
        body = self._body(self.callbacks.generate, [self._set(generation.Ids.request, "data", request)], every=PHASES)
        started = time.perf_counter()
        handles = self._step(action, lambda: self.page.start_background(body))
        while True:
            time.sleep(self.callbacks.poll_interval)
            response = self._step(f"{action}, polls", lambda: self.page.poll(body, handles), expect=(200, 204))
            text = response.get_data(as_text=True)
            if response.status_code == 200 and '"response"' in text:
                break
            if time.perf_counter() - started > GENERATION_TIMEOUT:
                self.stats.error(action, f"no result within {GENERATION_TIMEOUT} s")
                raise ActionFailed
        if "wrote the cover letter" not in text:
            self.stats.error(action, f"the job did not write the letter: {text[:200]}")
            raise ActionFailed
        self.stats.whole("cover letter, start to done", (time.perf_counter() - started) * 1000)
        self._remember_response(response.get_json())
        self._documents_changed(action, COVER_LETTER)
