"""Worker pools (``newskg.build.processes``): results in order, and a stop never lost while forking."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newskg.build.processes import can_fork, ordered_map, process_mapper


def _square(number: int) -> int:
    return number * number


def test_results_come_in_input_order_whatever_the_workers():
    for jobs in (1, 2, 3):
        assert list(ordered_map(_square, iter(range(50)), jobs=jobs, in_flight=1)) == [
            n * n for n in range(50)
        ]
    assert process_mapper(1) is map


_SIGNAL_WHILE_FORKING = """
import os, signal, sys
from newskg.build.processes import ordered_map

os.register_at_fork(before=lambda: os.kill(os.getpid(), signal.SIG{name}))  # a stop as fork() runs
signal.signal(signal.SIGINT, signal.default_int_handler)  # as the CLI does, even when started with
signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGINT ignored; SIGTERM also stops it
try:
    print(list(ordered_map(abs, iter(range(-4, 0)), jobs=2)))
except KeyboardInterrupt:
    print("stopped")
"""


@pytest.mark.skipif(not can_fork(), reason="workers are forked only where fork exists")
@pytest.mark.parametrize("name", ["INT", "TERM"])
def test_a_stop_while_workers_are_forked_is_not_lost(name):
    """Regression: a Ctrl-C that came while fork() ran its handlers was ignored ("Exception ignored
    in ... _releaseLock") and the build ran on to the end (test_build_stops failed now and then)."""
    script = _SIGNAL_WHILE_FORKING.replace("{name}", name)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "stopped", done.stderr
    assert "Exception ignored" not in done.stderr


_TERMINATED_BEFORE_STARTING = """
import os, signal
from newskg.build.processes import _start_worker

def stop(signum, frame):  # the CLI's own SIGTERM handler, which a forked worker inherits
    raise RuntimeError("the parent's handler ran in the worker")

signal.signal(signal.SIGTERM, stop)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})  # held since the fork
os.kill(os.getpid(), signal.SIGTERM)  # the pool is terminated before the worker started
_start_worker(lambda: None)
print("started")
"""


@pytest.mark.skipif(not hasattr(__import__("signal"), "pthread_sigmask"), reason="needs signal masks")
def test_a_worker_terminated_before_it_starts_ends_quietly():
    """Regression: 'newskg validate nope.ttl' printed a worker's traceback now and then: the pool
    was closed at once and the held SIGTERM reached the parent's handler, copied into the worker."""
    done = subprocess.run(
        [sys.executable, "-c", _TERMINATED_BEFORE_STARTING], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == -15, done.stderr
    assert "Traceback" not in done.stderr and "started" not in done.stdout
