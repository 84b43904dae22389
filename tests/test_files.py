"""Atomic output: the old file survives any failure, the new one appears whole or not at all."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from newskg.errors import InputError
from newskg.files import atomic_path, atomic_writer, write_bytes_atomic, write_text_atomic


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file_and_its_folders(tmp_path):
    target = tmp_path / "out" / "deep" / "graph.ttl"
    write_text_atomic(target, "ex:a ex:b ex:c .\n")
    assert target.read_text("utf-8") == "ex:a ex:b ex:c .\n"
    assert _leftovers(target.parent) == []


def test_replaces_an_existing_file(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"


def test_an_error_while_writing_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"previous output")
    with pytest.raises(RuntimeError, match="serializer broke"), atomic_writer(target) as handle:
        handle.write(b"half of the new outp")
        assert target.read_bytes() == b"previous output"  # not truncated while the new one is written
        raise RuntimeError("serializer broke")
    assert target.read_bytes() == b"previous output"
    assert _leftovers(tmp_path) == []


def test_an_interrupt_while_writing_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"previous output")
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as handle:
        handle.write(b"partial")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"previous output"
    assert _leftovers(tmp_path) == []


def test_the_temporary_file_is_hidden_beside_the_target(tmp_path):
    target = tmp_path / "graph.ttl"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path
        assert tmp.name.startswith(".graph.ttl.") and tmp.name.endswith(".tmp")
        tmp.write_text("done", "utf-8")
        assert not target.exists()
    assert target.read_text("utf-8") == "done"
    assert not tmp.exists()


def test_text_mode_writes_utf8_and_keeps_newlines(tmp_path):
    target = tmp_path / "t.txt"
    with atomic_writer(target, binary=False) as handle:
        handle.write("Tehran – تهران\r\nline 2\n")
    assert target.read_bytes() == "Tehran – تهران\r\nline 2\n".encode()


def test_new_files_get_the_usual_permissions_and_replaced_files_keep_theirs(tmp_path):
    fresh = tmp_path / "fresh.ttl"
    write_bytes_atomic(fresh, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    kept = tmp_path / "kept.ttl"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    write_bytes_atomic(kept, b"new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_a_folder_is_not_an_output_file(tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(InputError, match=r"out: is a folder; give a file name for the output$"):
        write_bytes_atomic(tmp_path / "out", b"x")


def test_a_full_disk_is_reported_with_the_file_name_and_the_old_file_kept(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"previous output")
    full = pytest.raises(InputError, match=r"graph\.ttl: cannot write: No space left on device$")
    with full, atomic_writer(target) as handle:
        handle.write(b"some")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert target.read_bytes() == b"previous output"
    assert _leftovers(tmp_path) == []


def test_an_output_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file, not a folder", "utf-8")
    with pytest.raises(InputError, match=r"file: cannot create folder: "):
        write_bytes_atomic(blocker / "graph.ttl", b"x")
    assert blocker.read_text("utf-8") == "a file, not a folder"
