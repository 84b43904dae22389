"""All-or-nothing updates of an Oxigraph store folder: a checkpoint taken before, restored after a crash.

A build writes a store in many steps (article graphs in chunks, the union default graph, the
corpus-level graphs), and Oxigraph's bulk loads are not atomic even on their own: a build killed
half-way leaves some articles whole, some half-written (text hash included) and the corpus-level
graphs stale, and an incremental build trusting what it finds never repairs that. So an update
starts by taking a checkpoint of the store (``Store.backup``: hard links to RocksDB's immutable files,
a few milliseconds, no copy) and removes it once everything is written and flushed. A checkpoint
still there when the store is next opened marks an update that never finished: the store's files
are replaced by the checkpoint's, which are exactly the store before that update. Each step can be
interrupted and done again, so a kill during a repair is repaired by the next open.

What newskg adds to a store folder (RocksDB ignores other files):

- ``.newskg-lock``: locked (``flock``) by the process that updates or repairs the store;
- ``.newskg-undo``: the checkpoint of an update in progress, or of one that was interrupted;
- ``.newskg-undo-new`` (with RocksDB's ``.tmp``) and ``.newskg-undo-old``: a checkpoint being made
  or being removed; never used, removed on the next open;
- ``.newskg-validated``: each article's kept validation results (``newskg.build._validated``), which
  an undone update leaves as they are: they are keyed by what they are about.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from ..errors import StoreError

LOCK_NAME = ".newskg-lock"
UNDO_NAME = ".newskg-undo"
NEW_UNDO_NAME = ".newskg-undo-new"
OLD_UNDO_NAME = ".newskg-undo-old"
ROCKSDB_LOCK = "LOCK"
"""RocksDB's own lock file: never removed, another process may hold it."""
_PREFIX = ".newskg-"


class StoreLock:
    """The right to update or repair one store folder, held by one process (an ``flock``, released by
    the kernel when the process dies, so a killed build never leaves it taken)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._handle: IO[bytes] | None = None

    def acquire(self) -> StoreLock:
        try:
            handle = open(self.folder / LOCK_NAME, "ab")  # noqa: SIM115 (kept open while locked)
        except OSError as exc:
            raise StoreError(f"{self.folder}: cannot lock the store: {exc.strerror or exc}") from exc
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise StoreError(
                f"{self.folder}: store is in use by another process (a build is updating it); wait for it"
            ) from None
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def is_ours(entry: Path) -> bool:
    """Whether ``entry`` of a store folder is one newskg added (not RocksDB's)."""
    return entry.name.startswith(_PREFIX)


def interrupted(folder: Path) -> bool:
    """Whether an update of the store in ``folder`` began and did not finish."""
    return (folder / UNDO_NAME).is_dir()


def begin(store: ox.Store, folder: Path) -> None:
    """Mark the start of an update: a checkpoint of ``store`` as it is now. The caller holds the lock."""
    _remove_leftovers(folder)
    new = folder / NEW_UNDO_NAME
    try:
        store.backup(str(new))
        _sync_folder(new)
        os.replace(new, folder / UNDO_NAME)
        _sync_folder(folder)
    except (OSError, RuntimeError) as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(new)
        raise StoreError(f"{folder}: cannot start the update of the store ({_text(exc)})") from exc


def commit(store: ox.Store, folder: Path) -> None:
    """Mark the end of an update: everything written is flushed to disk, then the checkpoint goes."""
    try:
        store.flush()
        os.replace(folder / UNDO_NAME, folder / OLD_UNDO_NAME)
        _sync_folder(folder)
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"{folder}: cannot finish the update of the store ({_text(exc)})") from exc
    shutil.rmtree(folder / OLD_UNDO_NAME, ignore_errors=True)


def repair(folder: Path) -> bool:
    """Undo an interrupted update of the store in ``folder`` (closed), if there is one; True if there was.

    Takes the store's lock, so it fails with "in use" while a live build updates the store.
    """
    if not interrupted(folder) and not any(path.exists() for path in _leftovers(folder)):
        return False
    lock = StoreLock(folder).acquire()
    try:
        return restore(folder)
    finally:
        lock.release()


def restore(folder: Path) -> bool:
    """Make the store's files those of its checkpoint, if it has one; the caller holds the lock and no
    process has the store open. True if there was an update to undo."""
    _remove_leftovers(folder)
    undo = folder / UNDO_NAME
    if not undo.is_dir():
        return False
    _check_closed(folder)
    try:
        kept = {entry.name for entry in undo.iterdir()}
        for entry in folder.iterdir():
            removable = entry.name not in kept and entry.name != ROCKSDB_LOCK and not is_ours(entry)
            if removable and (entry.is_file() or entry.is_symlink()):
                entry.unlink()
        for name in sorted(kept):  # each file replaced in one rename: CURRENT is never missing
            staged = folder / f"{_PREFIX}restore-{name}"
            with contextlib.suppress(FileNotFoundError):
                staged.unlink()
            _link_or_copy(undo / name, staged)
            os.replace(staged, folder / name)
        _sync_folder(folder)
        os.replace(undo, folder / OLD_UNDO_NAME)
        _sync_folder(folder)
    except OSError as exc:
        raise StoreError(
            f"{folder}: an update of this store was interrupted and it cannot be restored "
            f"({exc.strerror or exc}); run newskg on it as a user who can write to it"
        ) from exc
    shutil.rmtree(folder / OLD_UNDO_NAME, ignore_errors=True)
    return True


def _check_closed(folder: Path) -> None:
    """Refuse to replace the files of a store some process still has open (RocksDB's own lock)."""
    try:
        probe = ox.Store(str(folder))
    except (OSError, RuntimeError) as exc:
        text = _text(exc)
        if "lock" in text.lower():
            raise StoreError(f"{folder}: store is in use; close it (or wait for it) first") from exc
        return  # a store too damaged to open is restored all the same
    del probe  # the only reference: RocksDB closes it here


def _leftovers(folder: Path) -> list[Path]:
    return [folder / name for name in (NEW_UNDO_NAME, f"{NEW_UNDO_NAME}.tmp", OLD_UNDO_NAME)]


def _remove_leftovers(folder: Path) -> None:
    for path in _leftovers(folder):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
    for staged in folder.glob(f"{_PREFIX}restore-*"):
        with contextlib.suppress(OSError):
            staged.unlink()


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable (POSIX; a no-op where folders cannot be synced)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _text(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]
