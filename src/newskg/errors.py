"""Every error newskg raises on purpose.

One base class so callers can catch ``NewskgError`` and nothing else::

    NewskgError
    ├── InputError            an article, corpus or graph file cannot be read (CLI exit 2)
    │   └── RdfSyntaxError    an RDF file does not parse; carries line and column
    ├── DataFileError         a shipped rule or gazetteer file is malformed (names file:line)
    ├── PipelineOrderError    a spaCy pipeline runs a newskg component before what it reads
    ├── QueryError            a SPARQL query is malformed or not allowed (CLI exit 2)
    └── StoreError            a persistent or remote store failed (CLI exit 2)

    NewskgWarning (UserWarning)
    └── InputWarning          an input was read, but not as given (e.g. decoded as cp1252)

Messages say what failed, where, and how to fix it, on one line.
"""

from __future__ import annotations


class NewskgError(Exception):
    """Base class of every error newskg raises deliberately."""


class InputError(NewskgError):
    """An input (article, corpus, graph) cannot be used; the message names the file."""


class RdfSyntaxError(InputError):
    """An RDF document does not parse."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class DataFileError(NewskgError):
    """A rule or gazetteer data file shipped with newskg is malformed."""


class PipelineOrderError(NewskgError):
    """A newskg component ran before the component whose facts it reads (see ``nlp.analyze_pipes()``)."""


class QueryError(NewskgError):
    """A SPARQL query cannot be run: syntax error, update, or forbidden SERVICE."""


class StoreError(NewskgError):
    """A persistent store or remote endpoint failed."""


class NewskgWarning(UserWarning):
    """Base class of the warnings newskg issues; the CLI prints them as one line each."""


class InputWarning(NewskgWarning):
    """An input was usable only after a guess (a legacy encoding); the message names the file."""
