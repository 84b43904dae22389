"""A file build's manifest: what its output was made from, so that a re-run with nothing changed does
nothing.

Beside an output ``NAME`` the build keeps ``.NAME.newskg-build``, a small JSON file recording

- a digest of every article the build read, in order (id, text, date, URL, source, title and where it
  was read from), and of every error reading them gave;
- the settings the output depends on: its format, whether it was validated, and a digest of newskg
  itself (every file of the package, the shapes and the ontology) with the versions of Python and of
  the libraries that extract, write and validate;
- the output file's size and SHA-256;
- what the build said: its summary, the SHACL report and the articles it skipped.

``unchanged`` compares a new build's inputs, settings and the output file with it; when all match, the
output is exactly what the build would write again, so ``newskg build`` leaves it untouched and says
what it said last time. Anything else (an article edited, added or removed, another format, validation
switched, the output edited or deleted, another newskg or other rule data) builds again, and the build
writes a new manifest after its output (and report). A build stopped in between leaves an old manifest
whose output digest no longer matches: the next run builds.

Reading the articles and hashing the output are the whole cost of a re-run with nothing changed;
this module imports neither spaCy nor the graph stages, so that such a re-run does not pay for loading
them either. Stores have their own incremental builds (``newskg.stores``), and standard input cannot be
read twice: neither is checked here.
"""

from __future__ import annotations

import hashlib
import json
import platform
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import newskg

from ..errors import InputError, NewskgError
from ..files import write_text_atomic
from ..ingest.readers import STDIN
from ..ingest.sources import Source, check_not_inputs, iter_articles
from ..records import Article
from ..resources import ontology_path, shapes_path

MANIFEST_VERSION = 1
"""Bumped when the manifest's layout or what its digests cover changes: an older one is not trusted."""
LIBRARIES = ("newskg", "spacy", "rdflib", "pyoxigraph", "pyshacl")
"""The distributions whose versions the output may depend on."""
_CHUNK = 1 << 20


def manifest_path(output: str | Path) -> Path:
    """Where the manifest of ``output`` is kept: ``.NAME.newskg-build`` beside it (hidden, so that a
    folder of articles holding the output never reads it as an article)."""
    path = Path(output)
    return path.with_name(f".{path.name}.newskg-build")


class InputDigest:
    """A digest of the articles a build reads and the errors reading them gives, fed in order."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self.articles = 0

    def article(self, article: Article) -> None:
        date = article.date.isoformat() if article.date is not None else None
        fields = [article.id, article.text, date, article.url, article.source, article.title, article.origin]
        self._add(["article", *fields])
        self.articles += 1

    def error(self, error: InputError) -> None:
        self._add(["error", str(error)])

    def _add(self, fields: list[str | None]) -> None:
        self._hash.update(json.dumps(fields, ensure_ascii=False).encode("utf-8") + b"\n")

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a build said: what ``newskg build`` says again when nothing changed."""

    summary: str
    """The summary's counts (articles, entities, relations, triples, SHACL), without times."""
    report: str | None
    """The SHACL report as text; None when not validated."""
    conforms: bool
    skipped: tuple[str, ...]
    """The message of each article skipped as unreadable, in order."""


@dataclass(frozen=True, slots=True)
class Manifest:
    """What one file build's output was made from, and what the build said."""

    settings: str
    inputs: str
    articles: int
    max_characters: int | None
    """The longest text the build took (longer articles are skipped): the check reads with it too."""
    output_size: int
    output_sha256: str
    outcome: Outcome

    def save(self, output: str | Path) -> None:
        data = {"version": MANIFEST_VERSION, **asdict(self)}
        write_text_atomic(manifest_path(output), json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    @classmethod
    def read(cls, output: str | Path) -> Manifest | None:
        """The manifest kept beside ``output``; None if there is none or it cannot be trusted."""
        try:
            data = json.loads(manifest_path(output).read_text(encoding="utf-8"))
            if data.pop("version") != MANIFEST_VERSION:
                return None
            outcome = data.pop("outcome")
            outcome["skipped"] = tuple(str(message) for message in outcome["skipped"])
            return cls(**data, outcome=Outcome(**outcome))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None


def settings_digest(fmt: str, *, validating: bool) -> str:
    """Names everything besides the articles that the output and the report depend on."""
    versions = [_version(name) for name in LIBRARIES]
    fields = [fmt, validating, code_digest(), platform.python_version(), *versions]
    return hashlib.sha256(json.dumps(fields).encode("utf-8")).hexdigest()


@cache
def code_digest() -> str:
    """A digest of newskg as installed: every file of the package (code, rules, name tables) and the
    shapes and the ontology, which an editable install reads from the checkout."""
    return files_digest(Path(newskg.__file__).parent, extra=(shapes_path(), ontology_path()))


def files_digest(folder: Path, *, extra: Sequence[Path] = ()) -> str:
    """A digest of the names and contents of the files under ``folder`` (bytecode caches left out)
    and of ``extra`` files."""
    digest = hashlib.sha256()
    files = sorted(
        (path.relative_to(folder).as_posix(), path)
        for path in folder.rglob("*")
        if "__pycache__" not in path.parts and path.is_file()
    )
    for name, path in [*files, *((str(path), path) for path in extra)]:
        digest.update(name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def file_digest(path: str | Path) -> str:
    """The SHA-256 of a file's bytes."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class BackgroundDigest:
    """The SHA-256 of a file, computed in a thread while the build goes on (it validates next).

    Reading a file and hashing it let go of the GIL, so the thread runs on a core of its own; it does
    nothing else, and no worker process is forked before it is done (``result``).
    """

    def __init__(self, path: str | Path, *, known: str | None = None) -> None:
        """``known``: the digest, computed as the file was written; then nothing is read."""
        self._path = path
        self._digest: str | None = known
        self._error: OSError | None = None
        self._thread = threading.Thread(target=self._run, name="newskg-output-digest", daemon=True)
        if known is None:
            self._thread.start()

    def _run(self) -> None:
        try:
            self._digest = file_digest(self._path)
        except OSError as exc:
            self._error = exc

    def result(self) -> str:
        if self._thread.is_alive() or self._digest is None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._digest is not None
        return self._digest


def unchanged(sources: Sequence[Source], *, output: str | Path, fmt: str, validating: bool) -> Outcome | None:
    """What the last build of ``output`` said, if building ``sources`` again would write the same file;
    else None (the build must run). Cheap checks first: the manifest, the settings, the output's size,
    then the articles, and last the output's bytes."""
    kept = Manifest.read(output)
    if kept is None or any(source == STDIN or isinstance(source, Article) for source in sources):
        return None
    if kept.settings != settings_digest(fmt, validating=validating):
        return None
    path = Path(output)
    try:
        if path.stat().st_size != kept.output_size:
            return None
    except OSError:  # deleted, or not readable: build it again
        return None
    digest = InputDigest()
    try:
        exclude = check_not_inputs(sources, [output])
        limit = kept.max_characters
        for article in iter_articles(sources, on_error=digest.error, exclude=exclude, max_characters=limit):
            digest.article(article)
    except NewskgError:  # the build will say what is wrong
        return None
    if digest.hexdigest() != kept.inputs:
        return None
    try:
        if file_digest(path) != kept.output_sha256:
            return None
    except OSError:
        return None
    return kept.outcome


__all__ = [
    "BackgroundDigest",
    "InputDigest",
    "Manifest",
    "Outcome",
    "code_digest",
    "file_digest",
    "manifest_path",
    "settings_digest",
    "unchanged",
]
