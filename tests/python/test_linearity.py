"""benchmarks/linearity.py's capped timing (series_times): a run longer than the cap stops the
series in its forked child instead of holding CI for hours, and a child that fails is reported
as an error at once, not as a timeout."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import multiprocessing
import time

import pytest

from common import benchmark_module

lin = benchmark_module("linearity.py", "linearity")

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="series_times caps runs only where it can fork")


def sleeper(seconds_per_char: float):
    """fn for series_times: a text's run sleeps seconds_per_char a character."""
    return lambda t: (lambda: time.sleep(seconds_per_char * len(t)))


@needs_fork
def test_each_text_gets_the_median_of_its_runs():
    times = lin.series_times(sleeper(0.02), ["a", "a" * 5, "a" * 10], 3, 5.0)
    assert len(times) == 3
    assert 0.02 <= times[0] < times[1] < times[2]
    assert 0.2 <= times[2] < 1.0


@needs_fork
def test_a_run_over_the_cap_stops_the_series_at_its_size():
    t0 = time.perf_counter()
    with pytest.raises(lin.TooSlow) as stopped:
        lin.series_times(sleeper(0.1), ["a", "a" * 30, "a" * 60], 3, 1.0)
    assert stopped.value.args[0] == 1  # the second size, 2N
    # killed after the cap, not left to run the 3 s and 6 s runs out
    assert time.perf_counter() - t0 < 3.0


@needs_fork
def test_a_child_that_raises_is_an_error_at_once_not_a_timeout():
    def fails(t):
        return lambda: 1 / 0
    t0 = time.perf_counter()
    with pytest.raises(RuntimeError, match="ended at 1N without a time"):
        lin.series_times(fails, ["a", "aa"], 3, 20.0)
    assert time.perf_counter() - t0 < 10.0


def test_without_a_cap_the_series_is_timed_in_process():
    calls = []
    times = lin.series_times(lambda t: (lambda: calls.append(t)), ["a", "bb"], 2, float("inf"))
    assert len(times) == 2
    assert calls == ["a", "a", "bb", "bb"]  # in this process: the calls are seen here
