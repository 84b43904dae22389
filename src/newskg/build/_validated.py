"""What a validating build keeps of each article's validation, so that the next build does not redo it.

The article-scope shapes' results depend only on the article's graph and the shapes. A build does not
touch the graph of an article whose text and pipeline version are unchanged, so its results stay right
as long as the shapes do. They are kept, per article, with that key (text hash, pipeline version) and
the shapes' digest (``newskg.validate.scopes``), in a small JSON file beside what the next build reads
its articles from:

- a store: ``.newskg-validated`` in its folder (``newskg.stores.undo`` lists what newskg adds there);
- a TriG or N-Quads output: ``.NAME.newskg-validated`` beside it (other formats are not reused).

The graphs of rebuilt articles (``--rebuild`` may change a graph without changing its key) lose their
entries before the store or the output is replaced, and get their new ones after: a build stopped in
between leaves entries missing, never wrong ones, and a missing entry is only validated again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..files import write_text_atomic
from ..rdf.write import QUAD_FORMATS
from ..validate.results import ShapeResult, dumps, loads

STORE_FILE = ".newskg-validated"
ArticleState = tuple[str, str]
"""An article's text hash and pipeline version."""


class ValidationState:
    """The kept results of each article, read from and written to ``path`` (None: keep nothing)."""

    def __init__(self, path: Path | None, digest: str) -> None:
        self.path = path
        self.digest = digest
        self._entries: dict[str, tuple[ArticleState, str]] = {}
        self._changed = False
        if path is not None and path.is_file():
            self._read(path)

    @classmethod
    def beside(
        cls, *, store: str | Path | None, output: str | Path | None, fmt: str | None, digest: str
    ) -> ValidationState:
        """The state of a store, else of a TriG/N-Quads output, else none."""
        if store is not None:
            return cls(Path(store) / STORE_FILE, digest)
        if output is not None and fmt in QUAD_FORMATS:
            path = Path(output)
            return cls(path.with_name(f".{path.name}.newskg-validated"), digest)
        return cls(None, digest)

    def _read(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("digest") != self.digest:
                return  # other shapes or another validator: nothing is reused
            for name, (text_hash, version, results) in data["articles"].items():
                self._entries[name] = ((text_hash, version), results)
        except (OSError, ValueError, KeyError, TypeError):  # unreadable: validate everything again
            self._entries.clear()

    def kept(self, name: str, state: ArticleState | None) -> tuple[ShapeResult, ...] | None:
        """The results kept for article graph ``name`` in ``state``; None when there are none."""
        entry = self._entries.get(name)
        if entry is None or state is None or entry[0] != state:
            return None
        return tuple(loads(entry[1]))

    def put(self, name: str, state: ArticleState, results: Sequence[ShapeResult]) -> None:
        self._entries[name] = (state, dumps(results))
        self._changed = True

    def forget(self, names: Iterable[str]) -> None:
        for name in names:
            if self._entries.pop(name, None) is not None:
                self._changed = True

    def keep_only(self, names: Iterable[str]) -> None:
        """Forget the articles that are gone."""
        self.forget(set(self._entries) - set(names))

    def save(self) -> None:
        """Write the file (atomically) if anything changed."""
        if self.path is None or not self._changed:
            return
        articles = {name: [*state, results] for name, (state, results) in sorted(self._entries.items())}
        text = json.dumps({"digest": self.digest, "articles": articles}, ensure_ascii=False, indent=0)
        write_text_atomic(self.path, text + "\n")
        self._changed = False
