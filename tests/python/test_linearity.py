"""benchmarks/linearity.py's capped timing (series_times): a run longer than the cap stops the
series in its forked child instead of holding CI for hours, and a child that fails is reported
as an error at once, not as a timeout."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import multiprocessing
import os
import platform
import subprocess
import sys
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


def test_the_mmap_threshold_is_fixed_once_and_other_tunables_kept():
    setting = f"glibc.malloc.mmap_threshold={lin.MMAP_THRESHOLD}"
    assert lin.fixed_mmap_threshold_env({"A": "1"}) == {"A": "1", "GLIBC_TUNABLES": setting}
    env = lin.fixed_mmap_threshold_env({"GLIBC_TUNABLES": "glibc.malloc.arena_max=2"})
    assert env == {"GLIBC_TUNABLES": f"glibc.malloc.arena_max=2:{setting}"}
    assert lin.fixed_mmap_threshold_of(env) == str(lin.MMAP_THRESHOLD)
    assert lin.fixed_mmap_threshold_env(env) is None
    # a threshold the user fixed is kept
    mine = {"GLIBC_TUNABLES": "glibc.malloc.mmap_threshold=4096:glibc.malloc.arena_max=2"}
    assert lin.fixed_mmap_threshold_env(mine) is None
    assert lin.fixed_mmap_threshold_of(mine) == "4096"
    assert lin.fixed_mmap_threshold_of({"GLIBC_TUNABLES": "glibc.malloc.arena_max=2"}) is None


@pytest.mark.skipif(sys.platform != "linux" or platform.libc_ver()[0] != "glibc",
                    reason="the mmap threshold is a glibc setting")
def test_the_script_times_with_the_threshold_fixed():
    env = {k: v for k, v in os.environ.items()
           if k not in ("GLIBC_TUNABLES", "FRAMELENS_LINEARITY_RERUN")}
    out = subprocess.run([sys.executable, "-X", "utf8", str(lin.__file__), "--only",
                          "opening quotes", "--scale", "0.01", "--runs", "1", "--layers", "core",
                          "--max-slope", "100"], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert f"glibc's mmap threshold fixed at {lin.MMAP_THRESHOLD} bytes" in out.stdout
    assert out.stdout.count("framelens ") == 1  # run again once, before any output
