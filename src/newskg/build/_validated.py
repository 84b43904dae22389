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

The whole report is kept too, under the keys of every article graph it covers: a build that changed no
article graph (a re-run with nothing changed) gives it again without checking anything, since the
corpus-level graphs and the cross-article checks read only the article graphs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.compare import to_canonical_graph

from ..files import write_text_atomic
from ..rdf.write import QUAD_FORMATS
from ..validate.results import ShapeResult, dumps, loads
from ..validate.shacl import ValidationReport, Violation

STORE_FILE = ".newskg-validated"
ArticleState = tuple[str, str]
"""An article's text hash and pipeline version."""


class ValidationState:
    """The kept results of each article, read from and written to ``path`` (None: keep nothing)."""

    def __init__(self, path: Path | None, digest: str) -> None:
        self.path = path
        self.digest = digest
        self._entries: dict[str, tuple[ArticleState, str]] = {}
        self._report: tuple[str, Any] | None = None
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
            report = data.get("report")
            if report is not None:
                self._report = (str(report["key"]), report)
        except (OSError, ValueError, KeyError, TypeError):  # unreadable: validate everything again
            self._entries.clear()
            self._report = None

    def kept(self, name: str, state: ArticleState | None) -> tuple[ShapeResult, ...] | None:
        """The results kept for article graph ``name`` in ``state``; None when there are none."""
        entry = self._entries.get(name)
        if entry is None or state is None or entry[0] != state:
            return None
        return tuple(loads(entry[1]))

    def put(self, name: str, state: ArticleState, results: Sequence[ShapeResult]) -> None:
        entry = (state, dumps(results))
        if self._entries.get(name) != entry:
            self._entries[name] = entry
            self._changed = True

    def forget(self, names: Iterable[str]) -> None:
        """Forget what was kept of some article graphs (and so the whole report)."""
        for name in names:
            if self._entries.pop(name, None) is not None or self._report is not None:
                self._report = None
                self._changed = True

    def report(self, states: Mapping[str, ArticleState]) -> ValidationReport | None:
        """The kept report, if it was made of exactly these article graphs (``states``, for all)."""
        if self._report is None or self._report[0] != _key(states):
            return None
        try:
            return _report_from_json(self._report[1])
        except (ValueError, KeyError, TypeError, SyntaxError):
            return None

    def keep_report(self, states: Mapping[str, ArticleState], report: ValidationReport) -> None:
        if self.path is None:  # nothing is kept: spare the canonical form of the report graph
            return
        self._report = (_key(states), {"key": _key(states), **_report_to_json(report)})
        self._changed = True

    def keep_only(self, names: Iterable[str]) -> None:
        """Forget the articles that are gone."""
        self.forget(set(self._entries) - set(names))

    def save(self) -> None:
        """Write the file (atomically) if anything changed."""
        if self.path is None or not self._changed:
            return
        articles = {name: [*state, results] for name, (state, results) in sorted(self._entries.items())}
        data: dict[str, Any] = {"digest": self.digest, "articles": articles}
        if self._report is not None:
            data["report"] = self._report[1]
        text = json.dumps(data, ensure_ascii=False, indent=0)
        write_text_atomic(self.path, text + "\n")
        self._changed = False


def _key(states: Mapping[str, ArticleState]) -> str:
    """Names the set of article graphs a report covers, by their keys."""
    text = "\n".join(f"{name} {text_hash} {version}" for name, (text_hash, version) in sorted(states.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _report_to_json(report: ValidationReport) -> dict[str, Any]:
    return {
        "conforms": report.conforms,
        "violations": [
            [v.focus, v.focus_label, v.message, v.path, v.severity, v.shape, [list(e) for e in v.evidence]]
            for v in report.violations
        ],
        "graph": "".join(sorted(to_canonical_graph(report.graph).serialize(format="nt").splitlines(True))),
    }


def _report_from_json(data: dict[str, Any]) -> ValidationReport:
    violations = tuple(
        Violation(
            str(f), str(label), str(message), path, str(severity), str(shape), tuple(map(tuple, evidence))
        )
        for f, label, message, path, severity, shape, evidence in data["violations"]
    )
    return ValidationReport(
        bool(data["conforms"]), violations, Graph().parse(data=data["graph"], format="nt")
    )
