"""What a cross-article check is: a class like a SHACL constraint component, and the findings it yields."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from rdflib import Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node


class Check(ABC):
    """One check across articles, run in Python over the whole graph (not per focus node).

    Like a pySHACL constraint component, it names itself in the report: each result it yields gets
    ``shape`` as its ``sh:sourceShape``, ``component`` as its ``sh:sourceConstraintComponent``, the
    ``severity``, and a ``sh:resultMessage`` that is ``message`` followed by the finding's detail. No
    shape in the shapes file is needed: pySHACL never sees these checks. Their two IRIs are ``NKGSH``
    terms, described (not as shapes) at the end of the shapes file.
    """

    id: ClassVar[str]
    """A short name: ``one-head-per-date``."""
    shape: ClassVar[URIRef]
    """The ``sh:sourceShape`` of its results."""
    component: ClassVar[URIRef]
    """The ``sh:sourceConstraintComponent`` of its results: this check's own IRI."""
    severity: ClassVar[URIRef] = SH.Violation
    message: ClassVar[str]
    """What is wrong, in English; each result's message starts with it."""

    @abstractmethod
    def find(self, graph: Graph) -> Iterator[Finding]:
        """Every clash in ``graph`` (which is only read), each pair once."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One contradiction: the node it is about, the node it clashes with, and what supports both."""

    check: Check
    focus: Node
    value: Node | None
    detail: str
    """What exactly clashes, in words; appended to the check's message."""
    evidence: tuple[Node, ...] = ()
    """The nkg:Evidence nodes of the reports that clash."""

    @property
    def shape(self) -> URIRef:
        return self.check.shape
