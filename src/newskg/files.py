"""Write outputs atomically: a temporary file in the same folder, then a rename.

An interrupted run (Ctrl-C, SIGTERM, a crash) leaves the previous output as it was; an existing
file is never truncated before the new one is complete. The temporary file is hidden
(``.NAME.XXXX.tmp``) and removed on any error; only a hard kill (SIGKILL, power loss) can leave
one behind, and never in place of the output.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputError

_NEW_FILE_MODE = 0o666
"""Mode for new outputs before the umask, as ``open()`` would give (``mkstemp`` would give 0600)."""


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A fresh temporary path beside ``path``; on success it replaces ``path`` in one rename.

    For writers that want a file name rather than a handle (``matplotlib``, ``shutil``).
    """
    target = _writable_target(Path(path))
    tmp = _create_temporary(target)
    try:
        yield tmp
        _fsync_file(tmp)
        _replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_writer(path: str | Path, *, binary: bool = True) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` in one rename."""
    with atomic_path(path) as tmp:
        try:
            handle = open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise InputError(f"{path}: cannot write: {exc.strerror}") from exc
        try:
            with handle:
                yield handle
        except OSError as exc:
            if exc.filename is not None:  # not a write to this handle: somebody else's error
                raise
            raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from exc


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically."""
    with atomic_writer(path) as handle:
        handle.write(data)


def write_text_atomic(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def _writable_target(target: Path) -> Path:
    if target.is_dir():
        raise InputError(f"{target}: is a folder; give a file name for the output")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{target.parent}: cannot create folder: {exc.strerror}") from exc
    return target


def _create_temporary(target: Path) -> Path:
    """Create an empty temporary file beside ``target`` with the mode the output should end with."""
    mode = _NEW_FILE_MODE
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(target.stat().st_mode)  # keep an existing output's permissions
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
        except OSError as exc:
            raise InputError(f"{target}: cannot write in {target.parent}: {exc.strerror}") from exc
        os.close(fd)
        if mode != _NEW_FILE_MODE:
            with contextlib.suppress(OSError):
                os.chmod(tmp, mode)
        return tmp
    raise InputError(f"{target}: cannot create a temporary file in {target.parent}")


def _fsync_file(path: Path) -> None:
    """Make the new content durable before the rename makes it visible."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (pipes, certain network mounts) cannot sync; the rename still is atomic
    finally:
        os.close(fd)


def _replace(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except OSError as exc:
        raise InputError(f"{target}: cannot replace it: {exc.strerror}") from exc
    with contextlib.suppress(OSError):  # make the rename itself durable (POSIX; not on Windows)
        fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class HashingWriter:
    """Writes to a binary handle and computes the SHA-256 of what it wrote, so that a file's digest
    costs no second reading of it."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._sha = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self._sha.update(data)
        return self._handle.write(data)

    def hexdigest(self) -> str:
        """The SHA-256 of everything written so far, as ``newskg.build.manifest.file_digest`` gives it."""
        return self._sha.hexdigest()
