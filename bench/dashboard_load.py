"""The dashboard's callbacks under load, served by gunicorn as in production, next to the stack's ceiling.

Run: .venv/bin/python -m bench.dashboard_load     (about 5 minutes on 2 cores; needs wrk: apt-get install wrk)
     .venv/bin/python -m bench.dashboard_load --people 100 --seconds 3    (a quick look)
     .venv/bin/python -m bench.dashboard_load --only table --no-browser   (one callback, no Chromium)

A throwaway embedded PostgreSQL with the repository's migrations; two people signed up through the
real form (one to get 100 applications, one 5,000) among PEOPLE others with 100 each, every one with
a timeline of events (bench/seed.py). The app runs as `make run` runs it (gunicorn.conf.py, two sync
workers); the ceiling is bench/ceiling_app.py, a bare Flask + psycopg endpoint per callback running
the same data-layer calls in the same user_tx under the same RLS, under gunicorn with two sync
workers too. For each callback and person, wrk replays the exact body dash-renderer sends:
  latency     one connection (a person alone: what they wait for), p50 / p95 / p99
  throughput  four connections (both workers busy), requests per second
then the ratio of the callback's throughput to the ceiling's (with --rounds N, N runs of each in turns,
the medians' ratio and each round's). Figures only: no pass or fail.
Targets (issue 7): p95 at most 50 ms for both people; the table page at least 0.6 x the ceiling;
the overview's JSON at most 100 KB for the person with 5,000.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from bench import seed  # noqa: E402
from bench.deployed import deployed_app  # noqa: E402
from bench.http_dash import HttpClient  # noqa: E402
from db import dashboard, overview  # noqa: E402
from db.applications import STATUSES  # noqa: E402
from db.connection import anonymous_tx, user_tx  # noqa: E402
from db.users import find_login, set_dashboard_view  # noqa: E402
from features.dashboard import board, table  # noqa: E402
from features.dashboard.controls import Ids as ControlIds  # noqa: E402
from features.dashboard.overview import FOLLOW_UPS_SHOWN  # noqa: E402
from features.dashboard.overview import Ids as OverviewIds  # noqa: E402
from tests.fake_ai_server import free_port  # noqa: E402
from tests.processes import answers, wait_until  # noqa: E402

SIZES = {"100": 100, "5,000": 5_000}
# What Chromium sends with every callback. The User-Agent is the signed-in client's own: flask-login's
# session protection marks a session not fresh (rewriting its cookie) when a request comes from another.
ACCEPT_ENCODING = "gzip, deflate, br, zstd"
WRK_LUA = """
local f = io.open(os.getenv("BENCH_BODY_FILE"), "rb")
wrk.method = "{method}"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept-Encoding"] = "{accept_encoding}"
wrk.headers["User-Agent"] = os.getenv("BENCH_USER_AGENT")
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
wrk.headers["X-CSRFToken"] = os.getenv("BENCH_CSRF")
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {{"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f, '
    .. '"errors": %d, "non2xx": %d}}\\n', summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def _board_limits() -> dict[str, int]:
    return board._limits([None] * len(STATUSES))


# What each callback reads, as the ceiling runs it: the same data-layer calls in one transaction.
QUERIES = {
    "table": lambda conn, user_id: dashboard.table_page(conn, user_id, dashboard.TableQuery(), table.BLOCK),
    "board": lambda conn, user_id: dashboard.board(conn, user_id, _board_limits()),
    "overview": lambda conn, user_id: {
        "counts": overview.status_counts(conn, user_id),
        "due": overview.follow_ups_due(conn, user_id, date.today(), FOLLOW_UPS_SHOWN),
        "weeks": overview.applications_per_week(conn, user_id, date.today()),
        "funnel": overview.funnel(conn, user_id),
        "medians": overview.median_days_in_stage(conn, user_id),
    },
}


def callback_bodies(page) -> dict[str, dict]:
    """The bodies dash-renderer sends for the three views' data on a first visit."""
    grid = page.callback_for(table.Ids.GRID, "getRowsRequest")
    grid_request = {"startRow": 0, "endRow": table.BLOCK, "sortModel": [], "filterModel": {}, "context": {}}
    board_callback = page.callback_for(ControlIds.VIEW, "value", board.Ids.DATA)
    board_body = page.body(
        board_callback,
        {(ControlIds.VIEW, "value"): "board", (ControlIds.SHOW_ARCHIVED, "value"): False},
        [f"{ControlIds.VIEW}.value"],
    )
    # The "Show more" buttons are a pattern-matching input: the renderer sends one entry per button.
    # In the dependencies its id is the pattern, as a JSON string.
    more = [
        {"id": {"type": board.Ids.MORE, "status": status}, "property": "n_clicks", "value": None} for status in STATUSES
    ]
    board_body["inputs"] = [more if item["id"].startswith("{") else item for item in board_body["inputs"]]
    overview_callback = page.callback_for(OverviewIds.refresh, "data", OverviewIds.counts)
    return {
        "table": page.body(
            grid, {(table.Ids.GRID, "getRowsRequest"): grid_request}, [f"{table.Ids.GRID}.getRowsRequest"]
        ),
        "board": board_body,
        "overview": page.body(overview_callback, {(OverviewIds.refresh, "data"): 0}, [f"{OverviewIds.refresh}.data"]),
    }


# Set before the page's own scripts run: when the first table row and the first board card enter the DOM.
FIRST_ROWS_JS = """
window.__firstSeen = {};
new MutationObserver(() => {
  for (const [name, selector] of [["table", ".applications-grid .ag-row"], ["board", ".board-card"]]) {
    if (!window.__firstSeen[name] && document.querySelector(selector)) window.__firstSeen[name] = performance.now();
  }
}).observe(document, {childList: true, subtree: true});
"""


def first_rows(base: str, clients: dict, ids: dict, rounds: int = 3) -> list[tuple]:
    """Milliseconds from navigation to the first table row / board card, cold cache, in headless Chromium."""
    from bench.page_weight import _chromium

    results = []
    driver = _chromium()
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_ROWS_JS})
        for label, client in clients.items():
            driver.get(base + "/login")
            driver.delete_all_cookies()
            for name, value in client.session.cookies.items():
                driver.add_cookie({"name": name, "value": value, "path": "/"})
            for view in ("table", "board"):
                with user_tx(ids[label]) as conn:
                    set_dashboard_view(conn, view)
                times = []
                for _ in range(rounds):
                    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
                    driver.get(base + "/")
                    wait_until(lambda v=view: driver.execute_script(f"return window.__firstSeen.{v}"), view, 30)
                    times.append(driver.execute_script(f"return window.__firstSeen.{view}"))
                results.append((label, view, sorted(times)[len(times) // 2], max(times)))
    finally:
        driver.quit()
    return results


def _wrk(url: str, method: str, body: bytes, client: HttpClient | None, connections: int, seconds: int, work: Path):
    script, body_file = work / f"wrk-{method}.lua", work / "body.json"
    script.write_text(WRK_LUA.format(method=method, accept_encoding=ACCEPT_ENCODING))
    body_file.write_bytes(body)
    env = os.environ | {
        "BENCH_BODY_FILE": str(body_file),
        "BENCH_COOKIE": client.cookie_header() if client else "",
        "BENCH_USER_AGENT": client.session.headers["User-Agent"] if client else "wrk",
        "BENCH_CSRF": (client.session.cookies.get("_csrf_token") or "") if client else "",
    }
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout  # noqa: S603
    result = json.loads(output.split("RESULT ", 1)[1])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def _median_run(runs: list[dict]) -> dict:
    """The run with the median throughput, with the errors of all of them."""
    median = sorted(runs, key=lambda run: run["rps"])[len(runs) // 2]
    return median | {key: sum(run[key] for run in runs) for key in ("errors", "non2xx")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=1_000, help="other people, with 100 applications each")
    parser.add_argument("--seconds", type=int, default=8, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=1, help="throughput runs per callback, taken in turns")
    parser.add_argument("--only", choices=list(QUERIES), action="append", help="measure only this callback")
    parser.add_argument("--no-browser", action="store_true", help="skip the first-rows timing in Chromium")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    with deployed_app() as app:
        ceiling_port = free_port()
        ceiling = [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{ceiling_port}",
            "bench.ceiling_app:create()",
        ]
        ceiling_env = app.base_env | {"DATABASE_URL": app.app_url, "PYTHONPATH": str(PROJECT_ROOT)}
        app.processes.start("ceiling", ceiling, ceiling_env)
        _measure(app, f"http://127.0.0.1:{ceiling_port}", args)


def _measure(app, ceiling_base: str, args) -> None:
    app_base, work = app.base_url, app.work
    clients, ids = {}, {}
    for label in SIZES:
        email = f"bench-{uuid.uuid4().hex[:8]}@example.com"
        clients[label] = HttpClient(app_base)
        clients[label].sign_up(email)
        with anonymous_tx() as conn:
            ids[label] = find_login(conn, email)["id"]
    superuser = app.superuser_url
    sizes = dict.fromkeys(seed.filler_people(superuser, args.people), 100)
    events = seed.load_applications(superuser, sizes | {ids[label]: size for label, size in SIZES.items()})
    print(f"seeded {sum(sizes.values()) + sum(SIZES.values()):,} applications of {args.people + 2:,} people")
    for label in SIZES:
        print(f"  the person with {label}: {events[ids[label]]:,} events")

    rows = []
    for label, client in clients.items():
        page = client.page("/")
        for name, body in callback_bodies(page).items():
            if args.only and name not in args.only:
                continue
            payload = json.dumps(body).encode()
            response = client.post(f"/_dash-update-component?endId={page.end_id}", json=body, headers=page.headers)
            assert response.status_code == 200, (name, response.status_code, response.get_data(as_text=True)[:300])
            size = len(response.get_data())
            url = f"{app_base}/_dash-update-component?endId={page.end_id}"
            alone = _wrk(url, "POST", payload, client, 1, args.seconds, work)
            bare = f"{ceiling_base}/{name}/{ids[label]}"
            wait_until(lambda bare=bare: answers(bare), "the ceiling")
            bare_alone = _wrk(bare, "GET", b"", None, 1, args.seconds, work)
            # Throughput in turns, the callback then the ceiling, so a slower spell of the machine falls on both.
            busy_runs, bare_runs = [], []
            for _ in range(args.rounds):
                busy_runs.append(_wrk(url, "POST", payload, client, 4, args.seconds, work))
                bare_runs.append(_wrk(bare, "GET", b"", None, 4, args.seconds, work))
            rounds = [busy["rps"] / bare_busy["rps"] for busy, bare_busy in zip(busy_runs, bare_runs, strict=True)]
            busy, bare_busy = _median_run(busy_runs), _median_run(bare_runs)
            rows.append((label, name, size, alone, busy, bare_alone, bare_busy, rounds))

    print(
        "\n| person | callback | JSON (KB) | p50 / p95 / p99 ms, alone | req/s, 4 connections "
        "| ceiling p50 / p95 ms | ceiling req/s | ratio | ratio per round | errors |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, name, size, alone, busy, bare_alone, bare_busy, rounds in rows:
        errors = sum(run["errors"] + run["non2xx"] for run in (alone, busy, bare_alone, bare_busy))
        print(
            f"| {label} | {name} | {size / 1024:.1f} "
            f"| {alone['p50']:.1f} / {alone['p95']:.1f} / {alone['p99']:.1f} "
            f"| {busy['rps']:,.0f} | {bare_alone['p50']:.1f} / {bare_alone['p95']:.1f} | {bare_busy['rps']:,.0f} "
            f"| {busy['rps'] / bare_busy['rps']:.2f} | {' '.join(f'{ratio:.2f}' for ratio in rounds)} | {errors} |"
        )
    if args.no_browser:
        return
    print("\nIn headless Chromium, cold cache (median and worst of 3), from navigation to the first row in the DOM:")
    print("| person | view | median ms | worst ms | target ms |\n| --- | --- | --- | --- | --- |")
    for label, view, median, worst in first_rows(app_base, clients, ids):
        print(f"| {label} | {view} | {median:,.0f} | {worst:,.0f} | ≤ 1,500 |")


if __name__ == "__main__":
    main()
