"""Reading RDF files: file:line:column errors, nothing fetched, no entity bombs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from newskg.errors import InputError, RdfSyntaxError
from newskg.rdf.parse import MAX_ENTITY_EXPANSION, oxigraph_syntax_error, parse_file, parse_into
from newskg.validate.shacl import validate
from recording_server import JSON_LD_CONTEXT, RecordingServer, recording_server

RDF_NS = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"'


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    """Answers every request with a JSON-LD context, and records it."""
    with recording_server(lambda request: JSON_LD_CONTEXT) as recording:
        yield recording


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


# Malformed files: file, line and column


@pytest.mark.parametrize(
    ("name", "text", "place", "reason"),
    [
        (
            "bad.ttl",
            '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "unclosed .\n',
            "3:22",
            "not valid Turtle (newline found in string literal)",
        ),
        (
            "bad.trig",
            "@prefix ex: <http://example.org/> .\nex:g {\n ex:a ex:b ex:c .\n ex:a ex:b ex:c ex:d .\n}\n",
            "4:17",
            "not valid TriG (expected '.' or '}' or ']' at end of statement)",
        ),
        (
            "bad.jsonld",
            '{\n  "@id": "http://example.org/a",\n  "http://example.org/b": [1, 2,\n}\n',
            "4:1",
            "not valid JSON-LD (Expecting value)",
        ),
        (
            "bad.nq",
            "<http://a> <http://b> <http://c> <http://g> .\n"
            "<http://a> <http://b> <http://c> <http://g> <http://h> .\n",
            "2:45",
            "not valid N-Quads (invalid statement)",
        ),
        (
            "bad.rdf",
            f'<?xml version="1.0"?>\n<rdf:RDF {RDF_NS}>\n'
            ' <rdf:Description rdf:about="http://a">\n  <ex:p>\n</rdf:RDF>\n',
            "5:3",
            "not valid RDF/XML (mismatched tag)",
        ),
    ],
)
def test_malformed_rdf_names_file_line_and_column(tmp_path, name, text, place, reason):
    path = _file(tmp_path, name, text)
    with pytest.raises(RdfSyntaxError) as raised:
        parse_into(Graph(), path)
    assert str(raised.value) == f"{path}:{place}: {reason}"
    line, column = map(int, place.split(":"))
    assert (raised.value.line, raised.value.column) == (line, column)


def test_n_triples_errors_name_the_line(tmp_path):
    path = _file(
        tmp_path, "bad.nt", '<http://a> <http://b> <http://c> .\n\n# note\n<http://a> <http://b> "x\n'
    )
    with pytest.raises(RdfSyntaxError, match=r"bad\.nt:4: not valid N-Triples \(invalid statement\)$"):
        parse_into(Graph(), path)


def test_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin.ttl"
    path.write_bytes(b'@prefix ex: <http://example.org/> .\nex:a ex:b "caf\xe9" .\n')
    with pytest.raises(RdfSyntaxError, match=r"latin\.ttl:2:15: is not UTF-8"):
        parse_into(Graph(), path)


def test_a_broken_file_adds_nothing_to_the_graph(tmp_path):
    path = _file(tmp_path, "half.nt", "<http://a> <http://b> <http://c> .\n<http://a> <http://b> oops .\n")
    graph = Graph()
    with pytest.raises(RdfSyntaxError):
        parse_into(graph, path)
    assert len(graph) == 0


def test_missing_folder_and_unknown_type(tmp_path):
    with pytest.raises(InputError, match=r"nope\.ttl: no such file$"):
        parse_into(Graph(), tmp_path / "nope.ttl")
    with pytest.raises(InputError, match=r": is a folder; give an RDF file"):
        parse_into(Graph(), tmp_path)
    with pytest.raises(InputError, match=r"g\.csv: unknown RDF file type '\.csv'"):
        parse_into(Graph(), _file(tmp_path, "g.csv", "a,b"))


def test_oxigraph_errors_read_the_same(tmp_path):
    path = _file(tmp_path, "bad.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b .\n")
    with pytest.raises(SyntaxError) as raised:
        list(ox.parse(path=path, format=ox.RdfFormat.TURTLE))
    error = oxigraph_syntax_error(path, "turtle", raised.value)
    assert str(error).startswith(f"{path}:2:")
    assert ": not valid Turtle (" in str(error)
    assert error.line == 2


# Nothing is fetched


def test_a_remote_jsonld_context_is_refused_and_not_fetched(tmp_path, server):
    path = _file(
        tmp_path, "remote.jsonld", f'{{"@context": "{server.base}/ctx", "@id": "http://a", "name": "x"}}'
    )
    with pytest.raises(
        InputError,
        match=r"remote\.jsonld: refers to the JSON-LD context '.*/ctx', which newskg does not fetch",
    ):
        parse_into(Graph(), path)
    assert server.received == []


def test_the_oxigraph_reader_used_by_export_does_not_fetch_contexts_either(tmp_path, server):
    from newskg.rdf.write import read_graph_blocks

    path = _file(
        tmp_path, "remote.jsonld", f'{{"@context": "{server.base}/ctx", "@id": "http://a", "name": "x"}}'
    )
    with pytest.raises(InputError, match=r"remote\.jsonld: "):
        read_graph_blocks(path)
    assert server.received == []


@pytest.mark.parametrize(
    "document",
    [
        '{"@context": [{"ex": "http://example.org/"}, "URL/ctx"], "@id": "http://a"}',
        '{"@context": {"@import": "URL/ctx"}, "@id": "http://a"}',
        '{"@graph": [{"@id": "http://a", "http://example.org/p": {"@context": "URL/ctx", "@id": "http://b"}}]}',
        '{"@context": {"p": {"@id": "http://example.org/p", "@context": "URL/ctx"}}, "@id": "http://a"}',
        '{"@context": "relative-context.jsonld", "@id": "http://a"}',
    ],
)
def test_contexts_named_anywhere_are_refused(tmp_path, server, document):
    path = _file(tmp_path, "c.jsonld", document.replace("URL", server.base))
    with pytest.raises(InputError, match="which newskg does not fetch"):
        parse_into(Graph(), path)
    assert server.received == []


def test_an_inline_jsonld_context_is_fine(tmp_path):
    path = _file(
        tmp_path, "ok.jsonld", '{"@context": {"ex": "http://example.org/"}, "@id": "ex:a", "ex:p": "x"}'
    )
    graph = Graph()
    parse_into(graph, path)
    assert set(graph) == {(URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal("x"))}


def test_owl_imports_are_never_followed(tmp_path, server):
    path = _file(
        tmp_path,
        "imports.ttl",
        f"@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<http://example.org/o> a owl:Ontology ; "
        f"owl:imports <{server.base}/other.ttl> .\n",
    )
    graph = parse_file(path)
    validate(graph)
    assert len(graph) == 2
    assert server.received == []


# RDF/XML entities


def test_xxe_pointing_at_a_local_file_is_refused(tmp_path):
    secret = _file(tmp_path, "secret.txt", "TOP-SECRET-CONTENT")
    path = _file(
        tmp_path,
        "xxe.rdf",
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "{secret.as_uri()}"> ]>\n'
        f'<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://a"><ex:p>&xxe;</ex:p></rdf:Description></rdf:RDF>\n',
    )
    with pytest.raises(
        InputError,
        match=r"xxe\.rdf: declares the external entity 'xxe' \(SYSTEM \.\.\.\); newskg never reads",
    ):
        parse_into(Graph(), path)


def test_an_external_dtd_is_not_read(tmp_path):
    secret = _file(tmp_path, "secret.txt", "TOP-SECRET-CONTENT")
    dtd = _file(tmp_path, "evil.dtd", f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">')
    path = _file(
        tmp_path,
        "dtd.rdf",
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF SYSTEM "{dtd.as_uri()}">\n'
        f'<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://a"><ex:p>[&xxe;]</ex:p></rdf:Description></rdf:RDF>\n',
    )
    graph = parse_file(path)
    assert "TOP-SECRET" not in graph.serialize(format="nt")


def test_billion_laughs_is_refused(tmp_path):
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    path = _file(
        tmp_path,
        "lol.rdf",
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n{chr(10).join(entities)}\n]>\n'
        f'<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://a"><ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>\n',
    )
    with pytest.raises(InputError, match=r"lol\.rdf: entity 'lol1' refers to other entities"):
        parse_into(Graph(), path)


def test_parameter_entities_are_refused(tmp_path):
    path = _file(
        tmp_path,
        "pe.rdf",
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY % p "x"> ]>\n<rdf:RDF ' + RDF_NS + "/>\n",
    )
    with pytest.raises(InputError, match=r"pe\.rdf: declares the parameter entity '%p'"):
        parse_into(Graph(), path)


def test_quadratic_blowup_is_refused(tmp_path):
    """10 % over the limit, in a file large enough that expat's own guard (100-fold) stays quiet."""
    big = "a" * 100_000
    refs = "&big;" * (MAX_ENTITY_EXPANSION * 11 // 10 // len(big))
    padding = "b" * 200_000
    path = _file(
        tmp_path,
        "quad.rdf",
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY big "{big}"> ]>\n'
        f'<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://a"><ex:q>{padding}</ex:q><ex:p>{refs}</ex:p>'
        "</rdf:Description></rdf:RDF>\n",
    )
    with pytest.raises(
        InputError,
        match=r"quad\.rdf: entity references and attribute defaults would add more than 10,000,000 ",
    ):
        parse_into(Graph(), path)


def test_plain_entities_as_ontology_editors_write_them_are_fine(tmp_path):
    path = _file(
        tmp_path,
        "onto.owl",
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n    <!ENTITY owl "http://www.w3.org/2002/07/owl#" >\n'
        '    <!ENTITY ex "http://example.org/" >\n]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:owl="&owl;">\n'
        ' <owl:Class rdf:about="&ex;Thing"/>\n</rdf:RDF>\n',
    )
    graph = parse_file(path)
    assert (URIRef("http://example.org/Thing"), None, URIRef("http://www.w3.org/2002/07/owl#Class")) in graph
