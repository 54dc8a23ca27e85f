"""What the browser downloads for the dashboard, cold and warm, under the production command (figures only)."""

# Run: .venv/bin/python -m bench.page_weight   (about 40 s; headless Chromium, so run it alone on a shared machine:
#      flock /tmp/jobforge-browser.lock .venv/bin/python -m bench.page_weight)
#
# Starts `gunicorn -c gunicorn.conf.py` with nothing configured (embedded database in a temporary data dir), signs a
# person up in headless Chromium and adds applications. Then, for `/` as each view (Board, Table, Overview) shows it:
#   cold  - the browser cache emptied (cookies kept: still signed in), as a first visit after sign-in; five times,
#           since the first visitors after start-up are the ones whose requests compress each file in each worker;
#   warm  - a reload of the same page in the same browser, its cache kept.
# Bytes are Chrome's own count of what crossed the wire (Network.loadingFinished encodedDataLength: headers and
# compressed bodies), read from the performance log. Worker CPU is the gunicorn workers' user+system time during the
# load. Last, the plotly bundle the page used is fetched with each encoding a few times: the first request to each
# worker pays for compressing it unless compressed files are kept.

import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psutil
import requests
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from bench.fixtures import FIXTURES  # noqa: E402
from tests.conftest import TEST_PASSWORD  # noqa: E402
from tests.fake_ai_server import free_port  # noqa: E402
from tests.processes import Processes, answers, gunicorn_command, wait_until  # noqa: E402

APPLICATIONS = [
    ("Northwind Cloud", "Senior Backend Engineer", "jd-senior-backend-engineer.txt"),
    ("Contoso", "Backend Engineer", "jd-backend-engineer.txt"),
    ("Fabrikam", "Frontend Engineer", "jd-frontend-engineer.txt"),
]
QUIET_SECONDS = 1.5  # no network event for this long: the page has finished loading
PLOTLY_FETCHES = 6
COLD_VISITS = 5
VIEWS = ("Board", "Table", "Overview")  # the dashboard's views, each measured as the person's chosen one


def _chromium() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def _network_events(driver) -> list[dict]:
    messages = (json.loads(entry["message"])["message"] for entry in driver.get_log("performance"))
    return [message for message in messages if message["method"].startswith("Network.")]


def _field_id(driver, label: str) -> str:
    return driver.find_element(By.XPATH, f"//label[normalize-space()='{label}']").get_attribute("for")


def _type(driver, label: str, text: str) -> None:
    driver.find_element(By.ID, _field_id(driver, label)).send_keys(text)


def _paste(driver, label: str, text: str) -> None:
    # Set at once, as pasting does: typing a whole posting key by key is slow.
    driver.execute_script(
        """
        const field = document.getElementById(arguments[0]);
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value").set.call(field, arguments[1]);
        field.dispatchEvent(new Event("input", { bubbles: true }));
        """,
        _field_id(driver, label),
        text,
    )


def _click_button(driver, text: str) -> None:
    button = driver.find_element(By.XPATH, f"//button[normalize-space()='{text}']")
    driver.execute_script("arguments[0].click();", button)  # wherever the page has scrolled it


def _sign_up_with_applications(driver, url: str) -> None:
    wait = WebDriverWait(driver, 30)
    driver.get(url + "/register")
    for label, value in [
        ("First name", "Ada"),
        ("Last name", "Byron"),
        ("Email", f"ada-{uuid.uuid4().hex[:8]}@example.com"),
        ("Password", TEST_PASSWORD),
    ]:
        _type(driver, label, value)
    _click_button(driver, "Sign up")
    wait.until(lambda d: d.find_elements(By.XPATH, "//h1[text()='Your applications']"))
    for company, role, posting in APPLICATIONS:
        driver.get(url + "/applications/new")
        wait.until(lambda d: d.find_elements(By.XPATH, "//label[normalize-space()='Company']"))
        # The posting is pasted first: typing into the next fields then blurs it, which sends its value.
        _paste(driver, "Job description", (FIXTURES / posting).read_text())
        _type(driver, "Company", company)
        _type(driver, "Role title", role)
        _click_button(driver, "Save")
        wait.until(lambda d, role=role: d.find_elements(By.XPATH, f"//*[@id='application-title'][text()='{role}']"))


def _worker_cpu(master: psutil.Process) -> float:
    total = 0.0
    for worker in master.children():
        times = worker.cpu_times()
        total += times.user + times.system
    return total


def _choose_view(driver, base: str, view: str) -> None:
    """Chooses the dashboard view as the person would; the app remembers it for the next visits."""
    driver.get(base + "/")
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.XPATH, f"//label[normalize-space()='{view}']"))
    driver.find_element(By.XPATH, f"//label[normalize-space()='{view}']").click()
    time.sleep(QUIET_SECONDS)  # the choice is saved by the callback that mounts the view


def _load(driver, master: psutil.Process, navigate) -> dict:
    """Runs `navigate`, waits for the dashboard and a quiet network; what crossed the wire, per URL."""
    _network_events(driver)  # drop what came before
    cpu_before = _worker_cpu(master)
    navigate()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.XPATH, "//h1[text()='Your applications']"))
    events, quiet_since = [], time.monotonic()
    while time.monotonic() - quiet_since < QUIET_SECONDS:
        time.sleep(0.25)
        fresh = _network_events(driver)
        if fresh:
            events.extend(fresh)
            quiet_since = time.monotonic()
    cpu = _worker_cpu(master) - cpu_before
    charts = len(driver.find_elements(By.CSS_SELECTOR, ".dash-graph .js-plotly-plot"))
    urls, statuses, encodings, request_encoding = {}, {}, {}, None
    for event in events:
        params = event["params"]
        if event["method"] == "Network.requestWillBeSent":
            urls[params["requestId"]] = params["request"]["url"]
        elif event["method"] == "Network.responseReceived":
            statuses[params["requestId"]] = params["response"]["status"]
            headers = {key.lower(): value for key, value in params["response"].get("headers", {}).items()}
            encodings[params["requestId"]] = headers.get("content-encoding", "")
        elif event["method"] == "Network.requestWillBeSentExtraInfo" and request_encoding is None:
            headers = {key.lower(): value for key, value in params.get("headers", {}).items()}
            request_encoding = headers.get("accept-encoding")
    transfers = [
        {
            "url": urls.get(params["requestId"], "?"),
            "bytes": params["encodedDataLength"],
            "status": statuses.get(params["requestId"]),
            "encoding": encodings.get(params["requestId"], ""),
        }
        for params in (event["params"] for event in events if event["method"] == "Network.loadingFinished")
    ]
    return {"transfers": transfers, "cpu": cpu, "accept_encoding": request_encoding, "charts": charts}


def _short(url: str, base: str) -> str:
    path = url.removeprefix(base).split("?")[0]
    return path if len(path) <= 70 else "…" + path[-69:]


def _print_load(name: str, load: dict, base: str) -> None:
    transfers = load["transfers"]
    total = sum(item["bytes"] for item in transfers)
    not_modified = sum(1 for item in transfers if item["status"] == 304)
    print(
        f"\n{name}: {total / 1024:,.0f} KB on the wire in {len(transfers)} responses "
        f"({not_modified} of them 304), worker CPU {load['cpu'] * 1000:,.0f} ms, {load['charts']} charts drawn"
    )
    print(f"| {'response':<72} | status | encoding | KB on the wire |")
    print(f"| {'-' * 72} | ------ | -------- | -------------- |")
    for item in sorted(transfers, key=lambda item: -item["bytes"])[:12]:
        print(
            f"| {_short(item['url'], base):<72} | {item['status'] or '':>6} | {item['encoding']:<8} "
            f"| {item['bytes'] / 1024:>14,.1f} |"
        )


def _plotly_timings(session: requests.Session, url: str) -> None:
    print(f"\nServing {url.split('/')[-1].split('?')[0]} {PLOTLY_FETCHES} times per encoding (two workers):")
    print("| encoding | KB | slowest (ms) | median (ms) |")
    print("| -------- | -- | ------------ | ----------- |")
    for encoding in ("zstd", "br", "gzip"):
        times, size = [], 0
        for _ in range(PLOTLY_FETCHES):
            start = time.perf_counter()
            response = session.get(url, headers={"Accept-Encoding": encoding}, stream=True)
            size = len(response.raw.read())
            times.append((time.perf_counter() - start) * 1000)
        print(f"| {encoding:<8} | {size / 1024:,.0f} | {max(times):,.0f} | {statistics.median(times):,.0f} |")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="jobforge-bench-") as workdir:
        processes = Processes(Path(workdir))
        unset = ("DATABASE_URL", "MIGRATION_DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ANTHROPIC_API_KEY")
        env = {key: value for key, value in os.environ.items() if key not in unset and key != "OPENAI_API_KEY"}
        port = free_port()
        env.update(JOBFORGE_DATA_DIR=str(Path(workdir) / "data"), PORT=str(port))
        base = f"http://127.0.0.1:{port}"
        driver = None
        try:
            master = psutil.Process(processes.start("gunicorn", gunicorn_command(), env).pid)
            wait_until(lambda: answers(base + "/login"), "gunicorn")
            driver = _chromium()
            _sign_up_with_applications(driver, base)

            def cold():
                driver.execute_cdp_cmd("Network.clearBrowserCache", {})
                driver.get(base + "/")

            summary = []
            for view in VIEWS:
                _choose_view(driver, base, view)
                # Cold visits: the first after start-up, and more (gunicorn hands each request to either
                # worker, so a file one worker has compressed may still be new to the other).
                colds = [_load(driver, master, cold) for _ in range(COLD_VISITS)]
                warm = _load(driver, master, driver.refresh)
                if view == VIEWS[0]:
                    print(f"Chromium asks for Accept-Encoding: {colds[0]['accept_encoding']}")
                    _print_load(
                        f"Cold load of / ({view}, empty cache, signed in), the first after start-up", colds[0], base
                    )
                    _print_load(f"Warm reload of / ({view}, same browser, cache kept)", warm, base)
                else:
                    _print_load(f"Cold load of / ({view} view)", colds[-1], base)
                summary += [(view, f"cold #{number}", load, "≤ 800") for number, load in enumerate(colds, 1)]
                summary.append((view, "warm reload", warm, "≤ 80"))
                plotly = max(
                    (item for item in colds[0]["transfers"] if "plotly" in item["url"]),
                    key=lambda item: item["bytes"],
                    default=None,
                )
                if plotly:
                    session = requests.Session()
                    for cookie in driver.get_cookies():  # signed in, as the browser is
                        session.cookies.set(cookie["name"], cookie["value"])
                    _plotly_timings(session, plotly["url"])
            print("\n| view | load of / | KB on the wire | responses | of them 304 | worker CPU (ms) | target (KB) |")
            print("| ---- | --------- | -------------- | --------- | ----------- | --------------- | ----------- |")
            for view, name, load, target in summary:
                transfers = load["transfers"]
                total = sum(item["bytes"] for item in transfers) / 1024
                not_modified = sum(1 for item in transfers if item["status"] == 304)
                print(
                    f"| {view} | {name} | {total:,.0f} | {len(transfers)} | {not_modified} "
                    f"| {load['cpu'] * 1000:,.0f} | {target} |"
                )
        finally:
            if driver is not None:
                driver.quit()
            processes.stop(show_logs=False)


if __name__ == "__main__":
    main()
