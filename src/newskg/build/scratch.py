"""A build's temporary files, in one folder of TMPDIR that the build keeps locked; stale ones removed.

A build spools records, article graphs as N-Quads text (about 100 kB per article) and a working
Oxigraph store to temporary files. A build killed with SIGKILL (or by the OOM killer) cannot remove
them, and hundreds of megabytes would stay in TMPDIR. So every build keeps them in one folder,
``newskg-scratch-XXXXXXXX``, holding a file ``lock`` that the build keeps locked (``flock``) while it
runs: the kernel lets go of the lock when the process dies, however it dies. When a build starts it
removes the folders of the same user whose lock it can take, which only a dead build's can be; a
live build's folder is never touched.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PREFIX = "newskg-scratch-"
LOCK_NAME = "lock"
UNLOCKED_GRACE_SECONDS = 600
"""A folder without its lock file is one being created (the lock comes a moment later), or one whose
build died in that moment: it is left alone until it is this old."""


@contextlib.contextmanager
def scratch_folder() -> Iterator[Path]:
    """A new locked folder in TMPDIR for one build's temporary files, removed with them at the end.

    Stale folders of dead builds are removed first.
    """
    remove_stale()
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    try:
        lock = _create_locked(folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        os.close(lock)


def remove_stale(base: Path | None = None) -> list[Path]:
    """Remove the scratch folders of this user's dead builds in ``base`` (TMPDIR); return them."""
    base = base if base is not None else Path(tempfile.gettempdir())
    removed: list[Path] = []
    try:
        candidates = sorted(base.glob(f"{PREFIX}*"))
    except OSError:
        return removed
    for folder in candidates:
        if _is_stale(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _create_locked(folder: Path) -> int:
    """Create ``folder/lock`` already locked: it is locked under another name, then renamed, so no
    other build ever finds it unlocked while this one lives."""
    staged = folder / f".{LOCK_NAME}.new"
    fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(fd, f"{os.getpid()}\n".encode())
        os.replace(staged, folder / LOCK_NAME)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _is_stale(folder: Path) -> bool:
    """Whether ``folder`` is a scratch folder of this user that no live build holds."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    if not folder.is_dir() or folder.is_symlink() or info.st_uid != os.getuid():
        return False
    try:
        fd = os.open(folder / LOCK_NAME, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return time.time() - info.st_mtime > UNLOCKED_GRACE_SECONDS
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # held: the build is alive
    finally:
        os.close(fd)
    return True
