"""Hostile and careless graph files: nothing fetched by any command, no entity bomb, no memory bomb,
no traceback for an ill-typed literal, and syntax errors at a real line and column."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from newskg.errors import InputError, RdfSyntaxError
from newskg.rdf.parse import MAX_GRAPH_BYTES_ENV, parse_file, parse_into
from newskg.rdf.write import read_dataset, read_graph, read_graph_blocks
from recording_server import JSON_LD_CONTEXT, RecordingServer, recording_server

RDF_NS = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"'


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    """Answers every request with a JSON-LD context, and records it."""
    with recording_server(lambda request: JSON_LD_CONTEXT) as recording:
        yield recording


def errors(result) -> list[str]:
    """The error lines of an in-process run; other lines may be warnings that the test session
    turns on (rdflib's deprecations), which a real ``newskg`` run does not show."""
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("newskg: error:")]


def _args(command: list[str], path: Path, out: Path) -> list[str]:
    return [part.replace("{path}", str(path)).replace("{out}", str(out)) for part in command]


def _file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


# --- 1. No JSON-LD context is ever fetched or read, whatever its form, by any command -----------------

CONTEXT_FORMS = {
    "array in an array": {"@context": [["URL/a"]], "@id": "http://a", "name": "x"},
    "deeper arrays": {"@context": [{"ex": "http://example.org/"}, [["URL/b"]]], "@id": "http://a"},
    "string": {"@context": "URL/c", "@id": "http://a", "name": "x"},
    "scoped, in arrays": {
        "@context": {"p": {"@id": "http://example.org/p", "@context": [["URL/d"]]}},
        "@id": "http://a",
        "p": {"name": "y"},
    },
    "scoped string": {
        "@context": {"p": {"@id": "http://example.org/p", "@context": "URL/e"}},
        "@id": "http://a",
        "p": {"name": "y"},
    },
    "type-scoped": {
        "@context": {"T": {"@id": "http://example.org/T", "@context": "URL/f"}},
        "@id": "http://a",
        "@type": "T",
    },
    "@import": {"@context": {"@version": 1.1, "@import": "URL/g"}, "@id": "http://a", "name": "x"},
    "in a node of @graph": {"@graph": [{"@context": ["URL/h"], "@id": "http://a", "name": "x"}]},
    "embedded node": {"@id": "http://a", "http://example.org/p": {"@context": "URL/i", "@id": "http://b"}},
}


def _hostile_documents(folder: Path, url: str) -> list[Path]:
    paths = []
    for number, document in enumerate(CONTEXT_FORMS.values()):
        suffix = ".json" if number % 2 else ".jsonld"  # .json files are read as JSON-LD too
        paths.append(_file(folder, f"doc{number}{suffix}", json.dumps(document).replace("URL", url)))
    return paths


@pytest.mark.parametrize(
    "command",
    [
        ["validate", "{path}"],
        ["query", "{path}", "ASK { ?s ?p ?o }"],
        ["show", "{path}", "-o", "{out}/graph.html"],
        ["timeline", "ISIPO", "-g", "{path}"],
        ["export", "{path}", "-o", "{out}/graph.ttl"],
        ["export", "{path}", "-o", "{out}/tables/", "--format", "csv"],
    ],
)
def test_no_command_fetches_a_jsonld_context_in_any_form(cli, tmp_path, server, command):
    for path in _hostile_documents(tmp_path, server.base):
        args = _args(command, path, tmp_path)
        result = cli(*args)
        assert result.exit_code == 2, (path.read_text(), result.output)
        (error,) = errors(result)
        assert error.startswith(f"newskg: error: {path}: ")
    assert server.received == []


@pytest.mark.parametrize("reader", [read_graph, read_dataset, read_graph_blocks, parse_file])
def test_no_python_reader_fetches_a_jsonld_context(tmp_path, server, reader):
    for path in _hostile_documents(tmp_path, server.base):
        with pytest.raises(InputError, match=f"^{path}: "):
            reader(path)
        with pytest.raises(InputError):
            parse_into(Graph(), path)
    assert server.received == []


def test_a_local_context_file_is_not_read_either(tmp_path):
    secret = _file(tmp_path, "secret.jsonld", '{"@context": {"name": "http://example.org/SECRET-TERM"}}')
    for reference in (secret.as_uri(), "secret.jsonld"):
        path = _file(
            tmp_path, "doc.jsonld", json.dumps({"@context": [[reference]], "@id": "http://a", "name": "x"})
        )
        with pytest.raises(InputError) as raised:
            read_graph(path)
        assert "SECRET-TERM" not in str(raised.value)
    plain = _file(
        tmp_path, "plain.jsonld", json.dumps({"@context": secret.as_uri(), "@id": "http://a", "name": "x"})
    )
    with pytest.raises(
        InputError, match=r"refers to the JSON-LD context 'file://.*secret\.jsonld', which newskg does not"
    ):
        read_graph(plain)


def test_rdflibs_jsonld_parser_which_can_fetch_is_never_used(tmp_path, monkeypatch):
    """The guarantee is structural: every reader parses JSON-LD with pyoxigraph, which has no loader."""
    from rdflib.plugins.parsers import jsonld

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("rdflib's JSON-LD parser was used")

    monkeypatch.setattr(jsonld.JsonLDParser, "parse", refuse)
    path = _file(
        tmp_path,
        "inline.jsonld",
        '{"@context": {"ex": "http://example.org/", "p": {"@id": "ex:p", "@context": {"q": "ex:q"}}},'
        ' "@id": "ex:a", "p": {"@id": "ex:b", "q": "x"}}',
    )
    expected = {
        (URIRef("http://example.org/a"), URIRef("http://example.org/p"), URIRef("http://example.org/b")),
        (URIRef("http://example.org/b"), URIRef("http://example.org/q"), Literal("x")),
    }
    assert set(read_graph(path)) == expected
    assert set(read_dataset(path).triples((None, None, None))) == expected
    graph = Graph()
    parse_into(graph, path)
    assert set(graph) == expected
    assert sum(len(quads) for quads in read_graph_blocks(path).values()) == 2


# --- 4. Resource bombs: RDF/XML entities, and graph files too large for memory --------------------------


def _rdfxml(folder: Path, name: str, dtd: str, body: str) -> Path:
    return _file(
        folder,
        name,
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n{dtd}\n]>\n'
        f'<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://a">{body}</rdf:Description></rdf:RDF>\n',
    )


def test_declaring_an_entity_twice_does_not_bypass_the_expansion_cap(tmp_path):
    """XML binds the first declaration: a short second one once hid a 100 kB first one from the cap.
    Here 2 MB of file expand by 100 million characters, under expat's own hundredfold guard."""
    big = "a" * 100_000
    path = _rdfxml(
        tmp_path,
        "twice.rdf",
        f'<!ENTITY big "{big}">\n<!ENTITY big "x">',
        f"<ex:pad>{'b' * 1_900_000}</ex:pad><ex:p>{'&big;' * 1_000}</ex:p>",
    )
    started = time.monotonic()
    with pytest.raises(
        InputError, match=r"twice\.rdf: entity references and attribute defaults would add more"
    ):
        read_graph(path)
    assert time.monotonic() - started < 20, "refused while reading, not after expanding everything"


@pytest.mark.parametrize(
    ("dtd", "body", "message"),
    [
        (  # a declaration hidden in a comment is not the one expat uses
            '<!-- <!ENTITY big "x"> -->\n<!ENTITY big "' + "a" * 100_000 + '">',
            "<ex:pad>" + "b" * 200_000 + "</ex:pad><ex:p>" + "&big;" * 110 + "</ex:p>",
            "would add more than 10,000,000 characters",
        ),
        (  # entities in attribute values expand too
            '<!ENTITY big "' + "a" * 100_000 + '">',
            "<ex:pad>"
            + "b" * 200_000  # first: expat's own guard compares with the input read so far
            + "</ex:pad>"
            + "".join(f'<ex:p rdf:resource="http://x/&big;{i}"/>' for i in range(110)),
            "would add more than 10,000,000 characters",
        ),
        (  # attribute defaults need no entity at all
            '<!ATTLIST ex:p ex:q CDATA "' + "a" * 100_000 + '">',
            "<ex:pad>" + "b" * 200_000 + "</ex:pad>" + "<ex:p>1</ex:p>" * 110,
            "would add more than 10,000,000 characters",
        ),
        (  # what expat itself stops (more than a hundredfold) is reported the same way
            '<!ENTITY big "' + "a" * 100_000 + '">',
            "<ex:p>" + "&big;" * 200 + "</ex:p>",
            "would expand the document more than a hundredfold",
        ),
    ],
)
def test_no_dtd_trick_escapes_the_expansion_cap(tmp_path, dtd, body, message):
    path = _rdfxml(tmp_path, "trick.rdf", dtd, body)
    with pytest.raises(InputError, match=rf"trick\.rdf: .*{message}"):
        read_graph(path)


def test_entities_as_ontology_editors_write_them_still_read(tmp_path):
    path = _rdfxml(
        tmp_path,
        "onto.rdf",
        '<!ENTITY ex "http://example.org/">\n<!ENTITY ex "http://other.example/">',
        '<ex:p rdf:resource="&ex;b"/>',
    )
    assert set(read_graph(path)) == {
        (URIRef("http://a"), URIRef("http://example.org/p"), URIRef("http://example.org/b"))
    }


@pytest.mark.parametrize("suffix", [".nt", ".ttl", ".trig", ".nq", ".jsonld", ".rdf"])
def test_a_graph_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch, suffix):
    monkeypatch.setenv(MAX_GRAPH_BYTES_ENV, "1000")
    path = tmp_path / f"big{suffix}"
    path.write_bytes(b" " * 1001)  # not even valid: the limit comes before any parsing
    expected = (
        rf"^{path}: graph file is too large to load into memory \(1,001 bytes, over the limit of "
        rf"1,000 bytes\); query or validate a store instead \(newskg build --store\), or raise the "
        rf"limit with {MAX_GRAPH_BYTES_ENV}$"
    )
    for reader in (read_graph, read_dataset, parse_file):
        with pytest.raises(InputError, match=expected):
            reader(path)
    if suffix != ".rdf":
        with pytest.raises(InputError, match=expected):
            read_graph_blocks(path)


def test_every_command_names_the_file_its_size_and_the_limit(cli, tmp_path, monkeypatch):
    path = tmp_path / "big.nt"
    path.write_text('<http://a> <http://b> "x" .\n' * 100, "utf-8")
    monkeypatch.setenv(MAX_GRAPH_BYTES_ENV, "1000")
    for args in (
        ["query", str(path), "ASK { ?s ?p ?o }"],
        ["show", str(path), "-o", str(tmp_path / "g.html")],
        ["timeline", "X", "-g", str(path)],
        ["export", str(path), "-o", str(tmp_path / "g.ttl")],
    ):
        result = cli(*args)
        assert result.exit_code == 2, result.output
        assert errors(result) == [
            f"newskg: error: {path}: graph file is too large to load into memory (2,800 bytes, over the "
            f"limit of 1,000 bytes); query or validate a store instead (newskg build --store), or raise "
            f"the limit with {MAX_GRAPH_BYTES_ENV}"
        ]
    monkeypatch.setenv(MAX_GRAPH_BYTES_ENV, "3000")
    assert cli("query", str(path), "ASK { ?s ?p ?o }").stdout.strip() == "true"
    monkeypatch.setenv(MAX_GRAPH_BYTES_ENV, "lots")
    result = cli("query", str(path), "ASK { ?s ?p ?o }")
    assert result.exit_code == 2
    assert f"{MAX_GRAPH_BYTES_ENV}='lots': not a whole number of bytes" in result.stderr


def test_validate_streams_a_graph_file_of_any_size_but_reads_rdf_xml_whole(cli, tmp_path, monkeypatch):
    """It reads one graph at a time (``newskg.validate.files``): memory does not grow with the file."""
    path = tmp_path / "big.nt"
    path.write_text("".join(f'<http://a> <http://b> "x{n}" .\n' for n in range(100)), "utf-8")
    monkeypatch.setenv(MAX_GRAPH_BYTES_ENV, "1000")
    result = cli("validate", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == "SHACL: conforms\n"
    xml = tmp_path / "big.rdf"
    Graph().parse(path, format="nt").serialize(xml, format="xml")
    result = cli("validate", str(xml))
    assert result.exit_code == 2
    assert "graph file is too large to load into memory" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_named_like_a_graph_is_refused_not_read_forever(tmp_path):
    pipe = tmp_path / "endless.nt"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match=r"endless\.nt: is not a regular file"):
        read_graph(pipe)


# --- 6. Ill-typed literals: kept, one warning line, no rdflib traceback ----------------------------------

ILL_TYPED = (
    "@prefix ex: <http://example.org/> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    'ex:a ex:count "x"^^xsd:integer ; ex:day "2020-13-45"^^xsd:date ; ex:ok "3"^^xsd:integer .\n'
)


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (["validate", "{path}"], 0),
        (["query", "{path}", "SELECT ?o WHERE { ?s ?p ?o }"], 0),
        (["show", "{path}", "-o", "{out}/g.html"], 0),
        (["export", "{path}", "-o", "{out}/tables/", "--format", "csv"], 0),
    ],
)
def test_ill_typed_literals_give_one_warning_line_and_no_traceback(cli, tmp_path, command, code):
    path = _file(tmp_path, "ill.ttl", ILL_TYPED)
    args = _args(command, path, tmp_path)
    done = cli.run(*args, timeout=120)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr and "Failed to convert" not in done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("newskg: warning:")]
    assert warnings == [
        f"newskg: warning: {path}: 2 literals not valid for their datatype, kept as written "
        f'(the first: "x"^^xsd:integer)'
    ]


def test_ill_typed_literals_are_kept_as_written(tmp_path):
    path = _file(tmp_path, "ill.ttl", ILL_TYPED)
    with pytest.warns(UserWarning, match="2 literals not valid for their datatype"):
        graph = read_graph(path)
    values = {str(o) for o in graph.objects()}
    assert values == {"x", "2020-13-45", "3"}


# --- 7. Syntax errors name a real line and column ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("@prefix ex: <http://e/> .\nex:g {\n ex:a ex:b ex:c .\n", "4:1"),  # ends inside a graph
        ("@prefix ex: <http://e/> .\nex:g {\n ex:a ex:b ex:c .", "3:18"),  # ends without a newline
        ("@prefix ex: <http://e/> .\nex:g { " + "ex:a ex:b ex:c . " * 50 + " ex:a ex:b . }\n", "2:869"),
        ('@prefix ex: <http://e/> .\nex:g {\n ex:a ex:b "x"@123 .\n}\n', "3:16"),  # rdflib: no position
    ],
)
def test_trig_errors_give_a_real_line_and_column(cli, tmp_path, text, place):
    path = _file(tmp_path, "bad.trig", text)
    for reader in (read_graph, read_dataset):
        with pytest.raises(RdfSyntaxError) as raised:
            reader(path)
        assert str(raised.value).startswith(f"{path}:{place}: not valid TriG (")
        line, column = map(int, place.split(":"))
        assert (raised.value.line, raised.value.column) == (line, column)
    result = cli("query", str(path), "ASK { ?s ?p ?o }")
    assert result.exit_code == 2
    (error,) = errors(result)
    assert error.startswith(f"newskg: error: {path}:{place}: ")
