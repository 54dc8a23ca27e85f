"""The load benchmark's figures: nearest-rank percentiles, its pass/fail criteria, and reading workers' memory."""

import math
import os
import subprocess
import sys

import pytest

from bench.load.report import Stats, criteria, figures_table, percentile, worker_rss


@pytest.mark.parametrize(
    ("p", "expected"),
    [(50, 50), (95, 95), (99, 99), (100, 100), (0.5, 1), (0, 1)],
)
def test_percentiles_are_values_measured_by_nearest_rank(p, expected):
    values = list(range(100, 0, -1))  # 1..100, out of order
    assert percentile(values, p) == expected


def test_percentiles_of_few_values():
    assert percentile([7.0], 99) == 7.0
    assert percentile([3.0, 1.0], 50) == 1.0
    assert percentile([3.0, 1.0], 51) == 3.0
    assert math.isnan(percentile([], 95))


def _stats(**timings) -> Stats:
    stats = Stats()
    for action, times in timings.items():
        for ms in times:
            stats.ok(action, ms)
    return stats


def test_a_clean_fast_run_passes_every_criterion():
    results = criteria(_stats(board=[10.0] * 20), saves=3, lost=0, timed=["board"])
    assert [passed for passed, _ in results] == [True, True, True]


def test_an_error_a_lost_save_or_a_slow_p95_fails_its_own_criterion():
    stats = _stats(board=[10.0] * 18 + [200.0] * 2, table=[5.0])
    stats.error("table", "HTTP 500: boom")
    assert criteria(stats, saves=4, lost=1, timed=["board", "table"]) == [
        (False, "errors: 1 of 22 requests"),
        (False, "lost saves: 1 of 4 saved markers missing when read back"),
        (False, "p95 under 200 ms: board 200 ms"),  # p95 of 20 values is the 19th: 200, not under 200
        (True, "p95 under 200 ms: table 5 ms"),
    ]
    assert stats.requests("table") == 2 and stats.total() == 22


def test_nothing_measured_is_no_pass():
    results = criteria(Stats(), saves=0, lost=0, timed=["board"])
    assert [passed for passed, _ in results] == [False, False, False]


def test_the_table_lists_each_action_and_whole_runs():
    stats = _stats(overview=[1.0, 2.0, 30.0])
    stats.error("overview", "timeout")
    stats.whole("cover letter, start to done", 4000.0)
    lines = figures_table(stats)
    assert lines[2] == "| overview | 4 | 1 | 2 | 30 | 30 |"
    assert lines[3] == "| cover letter, start to done | 1 runs | – | 4,000 | 4,000 | 4,000 |"


def test_worker_memory_is_read_for_each_child_process():
    command = [sys.executable, "-c", "import time; print('ready', flush=True); time.sleep(30)"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603 - our own command
    try:
        assert child.stdout.readline() == "ready\n"  # the interpreter is up, not a fork still starting
        memory = worker_rss(os.getpid())
        assert child.pid in memory
        assert 1_000 < memory[child.pid] < 1_000_000  # KiB: a Python interpreter's few MiB
    finally:
        child.kill()
        child.wait()
