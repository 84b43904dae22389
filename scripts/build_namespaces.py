#!/usr/bin/env python3
"""Generate ``src/newskg/vocab/_nkg.py`` and ``_shapes.py``, the ``NKG`` and ``NKGSH`` namespaces, from
``ontology/newskg.ttl`` and ``shapes/newskg.shapes.ttl``.

Why generated: the code may use only the terms the ontology and the shapes define, and a hand-kept list
drifts from them. Like rdflib's own ``rdflib/namespace/_*.py``, each namespace is a ``DefinedNamespace``
with ``_fail = True`` (a misspelt term raises), and each term carries its label and comment (for a
shape, its ``sh:message``) as a docstring, which editors show.

Which terms: for ``NKG`` every ``nkg:`` IRI the ontology declares an OWL class or property; for
``NKGSH`` every ``nkgsh:`` IRI the shapes file describes: its node shapes, the scope annotation that says
where each is checked (``newskg.validate.scopes``), and the IRIs of the checks that run in Python
(``newskg.validate.checks``), which it describes without making them shapes. The
namespace IRIs come from ``newskg.vocab.prefixes.PREFIXES``; the files must bind the same ones.

Run it after editing either file (``tests/vocab/test_vocabulary_sync.py`` fails until you do)::

    .venv/bin/python scripts/build_namespaces.py            # writes both modules
    .venv/bin/python scripts/build_namespaces.py --check    # exit 1 if either would change

The output is sorted, so the same files give the same bytes.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node
from table_script import REPO, write_or_check

from newskg.vocab.prefixes import PREFIXES

VOCAB = REPO / "src" / "newskg" / "vocab"
WIDTH = 110
"""ruff's line length."""


@dataclass(frozen=True)
class Group:
    """Terms of one kind, as the generated class lists them under a comment."""

    title: str
    terms: dict[str, str]
    """Name -> docstring."""


@dataclass(frozen=True)
class Source:
    """One Turtle file and the namespace class generated from it."""

    path: Path
    prefix: str
    class_name: str
    out: Path


SOURCES = (
    Source(REPO / "ontology" / "newskg.ttl", "nkg", "NKG", VOCAB / "_nkg.py"),
    Source(REPO / "shapes" / "newskg.shapes.ttl", "nkgsh", "NKGSH", VOCAB / "_shapes.py"),
)

ONTOLOGY_KINDS = (
    ("Classes", OWL.Class),
    ("Object properties", OWL.ObjectProperty),
    ("Datatype properties", OWL.DatatypeProperty),
)


def english(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    """The English (or untagged) value of an annotation, white space collapsed; empty if none."""
    for value in sorted(graph.objects(subject, predicate)):
        if isinstance(value, Literal) and value.language in ("en", None):
            return " ".join(str(value).split())
    return ""


def described(graph: Graph, subject: URIRef, name: str) -> str:
    """``Label. Comment`` for a term (the label only when it says more than the name), or a shape's
    ``sh:message``."""
    label = english(graph, subject, RDFS.label)
    comment = english(graph, subject, RDFS.comment) or english(graph, subject, SH.message)
    label = "" if label.replace(" ", "").casefold() == name.casefold() else label[:1].upper() + label[1:]
    return f"{label}. {comment}" if label and comment else label or comment


def in_namespace(namespace: str, nodes: Iterable[Node]) -> list[URIRef]:
    """The IRIs among ``nodes`` that are in ``namespace``, sorted, each once."""
    return sorted({n for n in nodes if isinstance(n, URIRef) and n.startswith(namespace)})


def documented(graph: Graph, namespace: str, iris: Iterable[URIRef]) -> dict[str, str]:
    """Local name -> docstring, for some IRIs of ``namespace``."""
    return {iri.removeprefix(namespace): described(graph, iri, iri.removeprefix(namespace)) for iri in iris}


def ontology_groups(graph: Graph, namespace: str) -> list[Group]:
    return [
        Group(title, documented(graph, namespace, in_namespace(namespace, graph.subjects(RDF.type, kind))))
        for title, kind in ONTOLOGY_KINDS
    ]


def shapes_groups(graph: Graph, namespace: str) -> list[Group]:
    shapes = in_namespace(namespace, graph.subjects(RDF.type, SH.NodeShape))
    scope = URIRef(namespace + "scope")
    scopes = in_namespace(namespace, [scope, *graph.objects(None, scope)])
    others = [iri for iri in in_namespace(namespace, graph.subjects()) if iri not in {*shapes, *scopes}]
    checks = (
        "Checks run in Python (newskg.validate.checks): the sh:sourceShape and "
        "sh:sourceConstraintComponent of their results"
    )
    return [
        Group("Node shapes", documented(graph, namespace, shapes)),
        Group("Where a shape is checked (newskg.validate.scopes)", documented(graph, namespace, scopes)),
        Group(checks, documented(graph, namespace, others)),
    ]


def docstring(text: str, indent: str) -> list[str]:
    """A docstring for ``text``, wrapped to the line length; quotes and backslashes kept literal."""
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text = text[:-1] + '\\"'
    lines = textwrap.wrap(
        f'"""{text}"""',
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines


def render(source: Source, title: str, summary: str, groups: list[Group]) -> str:
    """The module's text."""
    relative = source.path.relative_to(REPO)
    lines = [
        f'"""{title}: the ``{source.prefix}:`` terms of ``{relative}``.',
        "",
        f"Generated by scripts/build_namespaces.py from {relative}; do not edit: edit the Turtle file",
        "and rerun the script.",
        '"""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "from .prefixes import PREFIXES",
        "",
        "",
        f"class {source.class_name}(DefinedNamespace):",
        *docstring(summary, "    "),
        "",
        "    _fail = True",
        f'    _NS = Namespace(PREFIXES["{source.prefix}"])',
    ]
    for group in groups:
        if not group.terms:
            continue
        lines += ["", *textwrap.wrap(group.title, WIDTH, initial_indent="    # ", subsequent_indent="    # ")]
        for name, doc in group.terms.items():
            if not name.isidentifier():
                raise SystemExit(f"{relative}: {source.prefix}:{name} is not a Python identifier; rename it")
            lines.append(f"    {name}: URIRef")
            if doc:
                lines += docstring(doc, "    ")
    return "\n".join(lines) + "\n"


def build(source: Source) -> str:
    """The generated module for one source file."""
    graph = Graph().parse(source.path, format="turtle")
    namespace = PREFIXES[source.prefix]
    bound = dict(graph.namespaces()).get(source.prefix)
    if bound is None or str(bound) != namespace:
        raise SystemExit(
            f"{source.path.relative_to(REPO)}: @prefix {source.prefix}: is <{bound}>, but "
            f"newskg.vocab.prefixes says <{namespace}>; make them agree"
        )
    header = next(iter(graph.subjects(RDF.type, OWL.Ontology)), None)
    summary = english(graph, header, RDFS.comment) if isinstance(header, URIRef) else ""
    if source.prefix == "nkg":
        return render(source, "The newskg ontology", summary, ontology_groups(graph, namespace))
    return render(source, "The newskg shapes", summary, shapes_groups(graph, namespace))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=" ".join((__doc__ or "").split("\n\n")[0].split()))
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a generated module on disk differs from a fresh build",
    )
    args = parser.parse_args(argv)
    outputs = {source.out: build(source) for source in SOURCES}
    summary = "wrote " + ", ".join(str(path.relative_to(REPO)) for path in outputs)
    return write_or_check(outputs, check=args.check, summary=summary)


if __name__ == "__main__":
    sys.exit(main())
