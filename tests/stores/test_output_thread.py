"""The thread that puts a union output's parts end to end, when the process is stopped meanwhile."""

from __future__ import annotations

import threading

import pytest

from newskg.stores._workspace import _Tail


def test_a_stop_while_waiting_for_the_output_leaves_neither_output_nor_temporary(tmp_path, monkeypatch):
    part = tmp_path / "part"
    part.write_bytes(b"<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n")
    release = threading.Event()

    def second() -> str:
        release.wait(10)  # a part still merging when the stop comes
        return str(part)

    output = tmp_path / "out" / "graph.nt"
    output.parent.mkdir()
    tail = _Tail(output, "ntriples", lambda: [lambda: str(part), second], None)
    real_join = threading.Thread.join
    stopped = []

    def join(self, timeout=None):
        if not stopped:
            stopped.append(True)
            threading.Timer(0.2, release.set).start()  # the part arrives after the stop
            raise KeyboardInterrupt  # what the stop handler raises in the waiting thread
        return real_join(self, timeout)

    monkeypatch.setattr(_Tail, "join", join)
    with pytest.raises(KeyboardInterrupt):
        tail.finish()
    assert not tail.is_alive()
    assert list(output.parent.iterdir()) == []  # no output, no temporary file


def test_an_uninterrupted_wait_writes_the_whole_output(tmp_path):
    part = tmp_path / "part"
    line = b"<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n"
    part.write_bytes(line)
    output = tmp_path / "graph.nt"
    tail = _Tail(output, "ntriples", lambda: [lambda: str(part), lambda: str(part)], None)
    tail.finish()
    tail.check()
    assert output.read_bytes() == line * 2
