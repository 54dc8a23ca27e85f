"""The load run's figures: timings per action, percentiles, worker memory, and the pass/fail criteria."""

import math
import threading
from collections import defaultdict
from pathlib import Path

P95_LIMIT_MS = 200
ERROR_EXAMPLES = 10  # the first few failures are printed; the rest are only counted


class Stats:
    """Every step's time (ms) or failure, by action; shared by all the simulated people's threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self.timings: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.examples: list[str] = []
        self.wholes: dict[str, list[float]] = defaultdict(list)  # whole actions of many requests, start to end

    def whole(self, action: str, ms: float) -> None:
        with self._lock:
            self.wholes[action].append(ms)

    def ok(self, action: str, ms: float) -> None:
        with self._lock:
            self.timings[action].append(ms)

    def error(self, action: str, what: str) -> None:
        with self._lock:
            self.errors[action] += 1
            if len(self.examples) < ERROR_EXAMPLES:
                self.examples.append(f"{action}: {what}")

    def actions(self) -> list[str]:
        """Every action seen, in the order first seen."""
        return list(dict.fromkeys([*self.timings, *self.errors]))

    def requests(self, action: str) -> int:
        return len(self.timings[action]) + self.errors[action]

    def total(self) -> int:
        return sum(self.requests(action) for action in self.actions())


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile: the smallest value with at least p % of the values at or below it."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def figures_table(stats: Stats) -> list[str]:
    lines = ["| action | requests | errors | p50 ms | p95 ms | p99 ms |", "| --- | --- | --- | --- | --- | --- |"]
    for action in stats.actions():
        times = stats.timings[action]
        cells = " | ".join(f"{percentile(times, p):,.0f}" for p in (50, 95, 99))
        lines.append(f"| {action} | {stats.requests(action):,} | {stats.errors[action]} | {cells} |")
    for action, times in stats.wholes.items():
        cells = " | ".join(f"{percentile(times, p):,.0f}" for p in (50, 95, 99))
        lines.append(f"| {action} | {len(times):,} runs | – | {cells} |")
    return lines


def worker_rss(master_pid: int) -> dict[int, int]:
    """Each gunicorn worker's resident memory in KiB (VmRSS), by pid: the master's child processes."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    memory = {}
    for pid in map(int, children):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:  # a worker that was just replaced
            continue
        memory[pid] = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return memory


def rss_lines(before: dict[int, int], after: dict[int, int]) -> list[str]:
    lines = ["| worker pid | RSS before (MiB) | RSS after (MiB) |", "| --- | --- | --- |"]
    for pid in sorted(before.keys() | after.keys()):
        shown = [f"{table[pid] / 1024:.1f}" if pid in table else "gone" for table in (before, after)]
        lines.append(f"| {pid} | {shown[0]} | {shown[1]} |")
    return lines


def criteria(stats: Stats, saves: int, lost: int, timed: list[str]) -> list[tuple[bool, str]]:
    """(passed, what) per criterion; the latency one for each action in `timed`."""
    errors, total = sum(stats.errors.values()), stats.total()
    results = [
        (total > 0 and errors == 0, f"errors: {errors} of {total:,} requests"),
        (saves > 0 and lost == 0, f"lost saves: {lost} of {saves:,} saved markers missing when read back"),
    ]
    for action in timed:
        p95 = percentile(stats.timings[action], 95)
        results.append((p95 < P95_LIMIT_MS, f"p95 under {P95_LIMIT_MS} ms: {action} {p95:,.0f} ms"))
    return results
