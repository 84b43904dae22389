"""The stages depend one way: a module never imports a later stage (checked on the source, with ``ast``).

ingest -> nlp -> records -> vocab -> graph -> rdf -> validate -> (query, export, views), then stores,
then build and evaluate, then cli, each of which may use everything below it. Every stage may use the
shared pieces: ``errors``, ``iris``, ``files``, ``resources``, ``terminal``, the vocabulary's
pure-Python tables (``vocab.prefixes`` and ``vocab.entity_types``, which ``iris`` mints with), and
``newskg.records`` itself, the frozen dataclasses that are the contract between the stages (the rest
of ``records/``, name resolution and JSON, is the records stage). ``nlp`` uses nothing but ``errors``,
``iris`` and ``records``; it never imports rdflib, and the graph code never imports spaCy. Imports
inside functions and under ``TYPE_CHECKING`` count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from conftest import ROOT

SRC = ROOT / "src"
STAGES: tuple[tuple[str, ...], ...] = (
    ("ingest",),
    ("nlp",),
    ("records",),
    ("vocab",),
    ("graph",),
    ("rdf",),
    ("validate",),
    ("query", "export", "views"),
    ("stores",),
    ("build", "evaluate"),
    ("cli",),
)
SHARED = frozenset(
    {
        "newskg.errors",
        "newskg.iris",
        "newskg.files",
        "newskg.resources",
        "newskg.terminal",
        "newskg.vocab.prefixes",
        "newskg.vocab.entity_types",
    }
)
CONTRACT = "newskg.records"
NLP_MAY_USE = frozenset({"newskg.errors", "newskg.iris", CONTRACT})
RANK = {stage: rank for rank, tier in enumerate(STAGES) for stage in tier}
NEVER = {"nlp": ("rdflib", "pyshacl", "pyoxigraph"), "graph": ("spacy",), "vocab": ("spacy",)}
"""Third-party packages a stage must not import."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted((SRC / "newskg").rglob("*.py"))}


@cache
def imports_of(module: str) -> frozenset[str]:
    """Every module ``module`` imports (absolute names), at any depth of its code."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES)
    return frozenset(found)


def stage_of(module: str) -> str | None:
    """The stage a newskg module belongs to; None for the shared pieces and the package's own API."""
    if not module.startswith("newskg.") or module in {*SHARED, CONTRACT, "newskg.__main__"}:
        return None
    return module.split(".")[1]


def test_every_folder_is_a_known_stage() -> None:
    stages = {stage_of(module) for module in MODULES} - {None}
    assert stages <= RANK.keys(), f"add {sorted(stages - RANK.keys())} to STAGES in this test"


@pytest.mark.parametrize("module", [m for m in MODULES if stage_of(m) is not None])
def test_no_stage_imports_a_later_one(module: str) -> None:
    stage = stage_of(module)
    assert stage is not None
    own = [name for name in imports_of(module) if name.split(".")[0] == "newskg"]
    later = sorted(
        name for name in own if (other := stage_of(name)) is not None and RANK[other] > RANK[stage]
    )
    assert not later, f"{module} ({stage}) imports a later stage: {', '.join(later)}"
    if stage == "nlp":
        outside = sorted(
            name for name in own if not name.startswith("newskg.nlp") and name not in NLP_MAY_USE
        )
        assert not outside, f"{module} imports {', '.join(outside)}; nlp may use only {sorted(NLP_MAY_USE)}"
    banned = sorted(name for name in imports_of(module) if name.split(".")[0] in NEVER.get(stage, ()))
    assert not banned, f"{module} ({stage}) imports {', '.join(banned)}"


@pytest.mark.parametrize("module", sorted(SHARED | {CONTRACT}))
def test_the_shared_pieces_import_no_stage(module: str) -> None:
    own = sorted(name for name in imports_of(module) if stage_of(name) is not None)
    assert not own, f"{module} is shared by every stage but imports {', '.join(own)}"


def test_relative_imports_are_resolved() -> None:
    """The resolution of relative imports works: graph/build.py's ``..records.resolve`` is seen."""
    assert "newskg.records.resolve" in imports_of("newskg.graph.build")
    assert "newskg.vocab.namespace" in imports_of("newskg.graph.labels")
