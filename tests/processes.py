"""Servers the deployment tests start as separate processes (gunicorn, Redis, Celery), and waiting for them."""

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from config import PROJECT_ROOT


def gunicorn_command() -> list[str]:
    """The production server as `make run` and the Docker image start it (gunicorn.conf.py; HOST and PORT)."""
    return [sys.executable, "-m", "gunicorn", "-c", str(PROJECT_ROOT / "gunicorn.conf.py")]


def wait_until(ready, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert time.monotonic() < deadline, f"{what} did not start within {timeout:.0f} s"
        time.sleep(0.3)


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - an http URL built here
            return response.status == 200
    except OSError:
        return False


class Processes:
    """Started processes, each logging to a file; stopped in reverse order, their logs shown on failure."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.started: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, command: list[str], env: dict | None = None) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "wb")  # noqa: SIM115 - the process writes to it until stop()
        process = subprocess.Popen(  # noqa: S603 - commands this module wrote
            command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        self.started.append((name, process))
        return process

    def stop(self, show_logs: bool = True) -> None:
        for name, process in reversed(self.started):
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if show_logs:  # pytest shows them for a failing test; a benchmark's output has no use for them
                print(f"--- {name} log (tail) ---")
                print((self.log_dir / f"{name}.log").read_text(errors="replace")[-3000:])
