"""Opening the folder of an embedded Oxigraph store: what is a store, refusing other folders, undoing a
killed build's update first (``newskg.stores.undo``), and telling RocksDB's failures as one-line errors.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pyoxigraph as ox

from ..errors import StoreError
from . import undo

ROCKSDB_MARKER = "CURRENT"
"""A file every Oxigraph (RocksDB) store directory holds: how a store is told from other folders."""


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is an Oxigraph store directory (or one whose interrupted update is to be undone)."""
    folder = Path(path)
    return folder.is_dir() and ((folder / ROCKSDB_MARKER).is_file() or undo.interrupted(folder))


def open_oxigraph(
    path: str | Path,
    *,
    create: bool = False,
    read_only: bool = False,
    lock: undo.StoreLock | None = None,
) -> ox.Store:
    """The pyoxigraph store at ``path``; created when ``create`` and missing, else it must exist.

    An update that a killed build left unfinished is undone first (``newskg.stores.undo``), so every
    store opened is one a build finished. ``lock``: the caller's, held for an update.
    """
    folder = Path(path)
    check_folder(folder, create=create, read_only=read_only)
    if is_store(folder):
        if lock is not None:
            undo.restore(folder)
        else:
            undo.repair(folder)
    try:
        return ox.Store.read_only(str(folder)) if read_only else ox.Store(str(folder))
    except (OSError, RuntimeError) as exc:
        raise store_failure(folder, exc, "cannot open the Oxigraph store") from exc


def check_folder(folder: Path, *, create: bool, read_only: bool) -> None:
    """Refuse a file or a folder of other files; create the folder of a new store."""
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: is a file, not an Oxigraph store folder")
    if folder.is_dir() and not is_store(folder) and any(not undo.is_ours(e) for e in folder.iterdir()):
        raise StoreError(
            f"{folder}: folder holds other files, not an Oxigraph store; give a new or store folder"
        )
    if not is_store(folder) and not create:
        raise StoreError(f"{folder}: no store here; create one with 'newskg build ARTICLES --store {folder}'")
    if create and not read_only:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{folder}: cannot create the store folder: {exc.strerror}") from exc


_NO_SPACE = (errno.ENOSPC, errno.EDQUOT)


def is_out_of_space(exc: BaseException) -> bool:
    """Whether ``exc`` says a disk (or a quota) is full, as Python or RocksDB words it."""
    if isinstance(exc, OSError) and exc.errno in _NO_SPACE:
        return True
    text = str(exc)
    return "No space left on device" in text or "Disk quota exceeded" in text


def store_failure(folder: Path, exc: BaseException, doing: str) -> StoreError:
    """What to tell the user when Oxigraph (RocksDB) fails on the store in ``folder``: a full disk, a
    damaged store, a lock held elsewhere, or else what RocksDB said."""
    text = " ".join(str(exc).split())
    if is_out_of_space(exc):
        return StoreError(
            f"{folder}: no space left on the device ({doing}); free some space and run it again"
        )
    if "Corruption" in text:
        return StoreError(
            f"{folder}: the store is damaged ({text[:200]}); restore it from a backup, or rebuild it: "
            f"move it aside and run 'newskg build ARTICLES --store {folder}'"
        )
    if "lock hold by current process" in text:
        return StoreError(f"{folder}: store is already open in this process; close it first")
    if "lock" in text.lower():
        return StoreError(f"{folder}: store is in use by another process; wait for it or close it")
    if "Permission denied" in text:
        return StoreError(f"{folder}: permission denied ({doing}); check who owns the store folder")
    return StoreError(f"{folder}: {doing} ({text[:200]})")
