"""PEOPLE simulated people using the app at human pace for SECONDS, against gunicorn as deployed.

Run: .venv/bin/python -m bench.load                         (50 people for 60 s, about 3 minutes)
     .venv/bin/python -m bench.load --people 2 --seconds 3  (a quick look)

A throwaway embedded PostgreSQL with the repository's migrations and the app as `make run` starts
it (bench/deployed.py). Each person signs up through the real form; everyone then gets APPLICATIONS
applications with timelines (bench/seed.py) and a resume, among OTHERS people's. In the timed run,
people arrive over the first few seconds, sign in through the form on a fresh session, and loop with
a think time of THINK seconds (seeded RNG) before each action: the dashboard's overview, its board,
the table with a search, an application opened from it, an edit of its notes saved (a unique
marker each time), and every GENERATE_EVERY-th loop the offline cover letter (a background
callback, polled until done). Each person is a thread with its own requests session (bench/load/person.py).

Printed: per action the requests, errors, p50 / p95 / p99 ms; every gunicorn worker's RSS before and
after; whether every saved marker reads back from the database (as the application role). PASS or
FAIL per criterion (no errors, no lost saves, p95 under 200 ms for every action but the cover letter
and sign-up/sign-in, which hash with bcrypt at cost 12 on purpose); the exit status is 1 on any FAIL.
"""

import argparse
import contextlib
import os
import random
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from bench import seed
from bench.deployed import deployed_app
from bench.fixtures import FIXTURES
from bench.load.person import ActionFailed, Person
from bench.load.report import Stats, criteria, figures_table, rss_lines, worker_rss
from db import applications, resumes
from db.connection import anonymous_tx, user_tx
from db.users import find_login

RESUME = "resume-backend-engineer.txt"
SIGN_UP_THREADS = 4  # sign-ups before the run: bcrypt's work, not what is measured
# Held to the p95 limit: every action but generation, and sign-up and sign-in (bcrypt at cost 12, ~0.3 s alone).
TIMED = ("overview", "board", "table + search", "open application", "save an edit")


def _arguments(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--applications", type=int, default=100, help="applications each person has")
    parser.add_argument("--others", type=int, default=1_000, help="other people, with 100 applications each")
    parser.add_argument("--think", type=float, nargs=2, default=(0.5, 3.0), metavar=("MIN", "MAX"))
    parser.add_argument("--generate-every", type=int, default=5, help="a cover letter every Nth loop")
    parser.add_argument("--seed", type=int, default=2026)
    return parser.parse_args(argv)


def _sign_up(person: Person) -> None:
    with contextlib.suppress(ActionFailed):  # counted in the figures
        person.sign_up()


def _give_everyone_data(app, people: list[Person], args) -> dict[Person, uuid.UUID]:
    with anonymous_tx() as conn:
        found = {person: find_login(conn, person.email) for person in people}
    ids = {person: login["id"] for person, login in found.items() if login}
    others = dict.fromkeys(seed.filler_people(app.superuser_url, args.others), 100)
    seed.load_applications(app.superuser_url, others | dict.fromkeys(ids.values(), args.applications), args.seed)
    for user_id in ids.values():
        with user_tx(user_id) as conn:
            resumes.create_resume(conn, "Backend", (FIXTURES / RESUME).read_text(), True)
    return ids


def _attempt(person: Person, action) -> bool:
    """Runs one action; False if it failed (a failed step is recorded already, anything else is recorded here)."""
    try:
        action()
    except ActionFailed:
        return False
    except Exception as error:  # noqa: BLE001 - a reply the script did not expect is an error of the run too
        person.stats.error(f"{action.__name__} (unexpected)", f"{type(error).__name__}: {str(error)[:200]}")
        return False
    return True


def _live(person: Person, start_at: float, deadline: float, args, number: int) -> None:
    time.sleep(max(0.0, start_at - time.monotonic()))
    if not _attempt(person, person.sign_in):
        return
    actions = [person.overview, person.board, person.table_search, person.open_application, person.save_edit]
    loop = number  # people's cover letters fall in different loops
    while True:
        for action in actions + ([person.cover_letter] if loop % args.generate_every == 0 else []):
            time.sleep(person.rng.uniform(*args.think))
            if time.monotonic() >= deadline:
                return
            if not _attempt(person, action) and action == person.open_application:
                break  # the edit and the letter are of the page that did not open
        loop += 1


def _run(people: list[Person], args) -> float:
    """Everyone at once for args.seconds, arriving over the first few; returns the seconds it took."""
    ramp = min(10.0, args.seconds / 4)
    began = time.monotonic()
    deadline = began + args.seconds
    threads = [
        threading.Thread(target=_live, args=(person, began + ramp * number / len(people), deadline, args, number))
        for number, person in enumerate(people)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()  # an action under way at the deadline finishes
    return time.monotonic() - began


def _lost_saves(ids: dict[Person, uuid.UUID]) -> tuple[int, int]:
    """(saves, lost): every marker the app confirmed, read back as its person through row level security."""
    saves = lost = 0
    for person, user_id in ids.items():
        with user_tx(user_id) as conn:
            for application_id, marker in person.saved:
                saves += 1
                application = applications.get_application(conn, uuid.UUID(application_id))
                lost += application is None or marker not in application["notes"]
    return saves, lost


def main(argv=None) -> int:
    args = _arguments(argv)
    stats = Stats()
    with deployed_app({"LOGIN_LIMIT_PER_ADDRESS": "1000 per minute"}) as app:
        people = [
            Person(
                app.base_url,
                f"load-{number}-{uuid.uuid4().hex[:8]}@example.com",
                stats,
                random.Random(args.seed + number),  # noqa: S311 - think times, not secrets
            )
            for number in range(args.people)
        ]
        with ThreadPoolExecutor(SIGN_UP_THREADS) as pool:
            list(pool.map(_sign_up, people))
        ids = _give_everyone_data(app, people, args)
        print(f"{len(ids)} people signed up, {args.applications} applications each, among {args.others:,} others")
        before, load_before, cpu_before = worker_rss(app.master_pid), os.getloadavg(), time.process_time()
        took = _run([person for person in people if person in ids], args)
        client_cpu = time.process_time() - cpu_before
        after, load_after = worker_rss(app.master_pid), os.getloadavg()
        saves, lost = _lost_saves(ids)
    total = stats.total()
    print(
        f"\n{args.people} people for {args.seconds:g} s (took {took:.1f} s): {total:,} requests, {total / took:.1f}/s"
    )
    shown = [" / ".join(f"{figure:.1f}" for figure in load) for load in (load_before, load_after)]
    print(f"load average (1 / 5 / 15 min) on {os.cpu_count()} cores: {shown[0]} before, {shown[1]} after")
    print(f"the simulated people (this process) used {client_cpu:.1f} s of CPU in the run, on the same cores")
    print("\n".join(["", *figures_table(stats), "", *rss_lines(before, after)]))
    if stats.examples:
        print("\nFirst errors:\n  " + "\n  ".join(stats.examples))
    results = criteria(stats, saves, lost, list(TIMED))
    print("\n" + "\n".join(f"{'PASS' if passed else 'FAIL'}  {what}" for passed, what in results))
    return 0 if all(passed for passed, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
