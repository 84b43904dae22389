"""SPARQL over newskg graphs: the named-query library, safe parameters, read-only and offline rules,
output formats, the ``newskg query`` command, and the same queries on a persistent Oxigraph store."""

from __future__ import annotations

import csv
import io
import json
import re
from importlib import resources

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery

from newskg.errors import DataFileError, QueryError
from newskg.query.named import named_queries, named_query, parse_named_query
from newskg.query.run import QueryResult, query
from newskg.vocab.namespace import NKG, SCHEMA
from newskg.vocab.prefixes import DATA_PREFIXES

EXPECTED_QUERIES = {
    "about",
    "articles-mentioning",
    "entities",
    "entities-in",
    "heads-of",
    "posts",
    "statements-by",
    "statistics",
    "statistics-about",
}


def names(result: QueryResult, column: str) -> set[str]:
    return {str(v) for v in result.column(column) if v is not None}


@pytest.fixture(scope="module")
def seeds_file(tmp_path_factory, seeds_graph):
    path = tmp_path_factory.mktemp("graph") / "seeds.ttl"
    seeds_graph.serialize(path, format="turtle")
    return path


@pytest.fixture()
def isipo(seeds_graph) -> URIRef:
    (found,) = set(seeds_graph.subjects(SKOS.altLabel, Literal("ISIPO")))
    return found


# --- the library ---------------------------------------------------------------------------------


def test_named_queries_ship_as_package_data_and_are_documented():
    library = resources.files("newskg.query").joinpath("library")
    files = {entry.name for entry in library.iterdir() if entry.name.endswith(".rq")}
    assert {f"{name}.rq" for name in EXPECTED_QUERIES} <= files
    library = named_queries()
    assert set(library) >= EXPECTED_QUERIES
    for named in library.values():
        assert named.title and named.description, named.name
        assert all(param.help for param in named.params), named.name


def test_every_parameter_is_projected_so_oxigraph_can_bind_it():
    # Oxigraph binds a variable only when the SELECT projects it.
    for named in named_queries().values():
        algebra = translateQuery(parseQuery(named.sparql), initNs=DATA_PREFIXES).algebra
        projected = {str(v) for v in algebra["PV"]}
        assert {p.name for p in named.params} <= projected, named.name


def test_an_unknown_query_name_suggests_the_closest():
    with pytest.raises(QueryError, match="did you mean heads-of"):
        named_query("head-of")


# --- named queries on the seeds ------------------------------------------------------------------


def test_heads_of_isipo_include_mohsen_salehinia_by_acronym_name_or_iri(seeds_graph, isipo):
    by_acronym = query(seeds_graph, "heads-of", org="ISIPO")
    assert "Mohsen Salehinia" in names(by_acronym, "name")
    assert set(by_acronym.column("org")) == {isipo}
    by_name = query(seeds_graph, "heads-of", org="iran small industries and industrial parks organization")
    by_iri = query(seeds_graph, "heads-of", org=str(isipo))
    assert by_name.rows == by_acronym.rows == by_iri.rows


def test_named_queries_read_a_dataset_across_its_named_graphs(seeds_result):
    on_dataset = query(seeds_result.dataset, "heads-of", org="ISIPO")
    assert on_dataset.rows == query(seeds_result.graph, "heads-of", org="ISIPO").rows
    assert len(query(seeds_result.dataset, "SELECT * WHERE { ?s ?p ?o }")) == len(seeds_result.graph)


def test_statements_by_a_person_are_theirs_and_in_reading_order(seeds_graph):
    result = query(seeds_graph, "statements-by", person="Salehinia")
    assert len(result) >= 2
    (person,) = set(result.column("person"))
    assert str(seeds_graph.value(person, SKOS.prefLabel)) == "Mohsen Salehinia"
    expected = {s for s in seeds_graph.subjects(NKG.speaker, person)}
    assert len({row[result.variables.index("content")] for row in result.rows}) <= len(expected)
    assert {str(c) for c in result.column("cue")} == {str(seeds_graph.value(s, NKG.cue)) for s in expected}


def test_statistics_about_an_organisation_match_the_graph(seeds_graph, isipo):
    result = query(seeds_graph, "statistics-about", entity="ISIPO")
    expected = sorted(float(seeds_graph.value(o, NKG.value)) for o in seeds_graph.subjects(NKG.about, isipo))
    assert sorted(float(v.toPython()) for v in result.column("value")) == expected


def test_entities_in_an_article_and_articles_mentioning_an_entity(seeds_graph):
    people = query(seeds_graph, "entities-in", article="seed-000")
    assert {"Mohsen Salehinia", "Asghar Mosaheb"} <= names(people, "name")
    assert {"Person"} <= names(people, "type")
    articles = query(seeds_graph, "articles-mentioning", entity="Mohsen Salehinia")
    assert {"seed-000", "seed-002"} <= names(articles, "id")


def test_about_lists_labels_and_the_facts_pointing_at_the_entity(seeds_graph):
    result = query(seeds_graph, "about", entity="Mohsen Salehinia")
    rows = [dict(zip(result.variables, row, strict=True)) for row in result.rows]
    assert {"direction": "out", "property": str(SKOS.prefLabel), "value": "Mohsen Salehinia"} in [
        {k: str(r[k]) for k in ("direction", "property", "value")} for r in rows
    ]
    assert any(r["direction"] == Literal("in") and r["kind"] == NKG.Statement for r in rows)


def _about_rows(graph, **params) -> set[tuple[str, ...]]:
    result = query(graph, "about", entity="ISIPO", **params)
    return {tuple(map(str, row[:3])) for row in result.rows}


def test_about_direction_keeps_what_the_entity_says_or_what_is_said_of_it(seeds_graph, isipo):
    both, out, in_ = (_about_rows(seeds_graph, **p) for p in ({}, {"direction": "out"}, {"direction": "in"}))
    assert out and in_ and out | in_ == both and not out & in_
    assert {row[0] for row in out} == {"out"} and {row[0] for row in in_} == {"in"}
    assert (str(SKOS.altLabel), "ISIPO") in {row[1:] for row in out}
    for _, prop, value in in_:  # the entity is the object of every "in" triple
        assert (URIRef(value), URIRef(prop), isipo) in seeds_graph


def test_about_direction_means_the_same_on_an_oxigraph_store(store_path, seeds_graph):
    from newskg.stores import open_store

    dataset = open_store(store_path, read_only=True)
    for direction in ("out", "in"):
        assert _about_rows(dataset, direction=direction) == _about_rows(seeds_graph, direction=direction)


def test_entities_lists_every_person_once_with_an_article_count(seeds_graph):
    result = query(seeds_graph, "entities")
    persons = [r for r in result.records() if r["type"] == "Person"]
    assert {"Mohsen Salehinia", "Asghar Mosaheb"} <= {r["name"] for r in persons}
    assert len(persons) == len({r["entity"] for r in persons})
    assert all(r["articles"] >= 1 for r in persons)


# --- parameters ------------------------------------------------------------------------------------


def test_missing_unknown_and_unmatched_parameters_are_clear_errors(seeds_graph):
    with pytest.raises(QueryError, match="heads-of needs ORG="):
        query(seeds_graph, "heads-of")
    with pytest.raises(QueryError, match="unknown parameter PERSON"):
        query(seeds_graph, "heads-of", org="ISIPO", person="x")
    with pytest.raises(QueryError, match="no entity has that name"):
        query(seeds_graph, "heads-of", org="Ministry of Silly Walks")
    with pytest.raises(QueryError, match="no article has that identifier"):
        query(seeds_graph, "entities-in", article="seed-999")


def test_a_choice_parameter_takes_only_its_words(seeds_graph):
    with pytest.raises(QueryError, match=r"DIRECTION='sideways': give one of out, in"):
        query(seeds_graph, "about", entity="ISIPO", direction="sideways")
    takes = re.escape("about takes ENTITY=... [DIRECTION=out|in]; unknown parameter SIDE")
    with pytest.raises(QueryError, match=takes):
        query(seeds_graph, "about", entity="ISIPO", side="in")


def test_a_parameter_declaration_may_list_words_and_be_optional():
    text = "# Title.\n# @param entity entity  Which.\n# @param side a|b?  Which.\nSELECT ?entity ?side {}"
    named = parse_named_query("demo", text, origin="demo.rq")
    entity, side = named.params
    assert (entity.kind, entity.required, entity.choices) == ("entity", True, ())
    assert (side.kind, side.required, side.choices) == ("choice", False, ("a", "b"))
    assert named.usage() == "demo ENTITY=... [SIDE=a|b]"
    with pytest.raises(DataFileError, match=r"demo.rq:2: write parameters as"):
        parse_named_query("demo", "# Title.\n# @param side colour  Which.\nSELECT ?side {}", origin="demo.rq")


def test_a_name_shared_by_two_entities_asks_for_an_iri():
    graph = Graph()
    for slug in ("org/nioc", "org/nioc-2"):
        graph.add((URIRef(f"https://w3id.org/newskg/id/{slug}"), SKOS.altLabel, Literal("NIOC")))
    with pytest.raises(QueryError, match="names 2 entities"):
        query(graph, "heads-of", org="NIOC")


def test_values_are_bound_as_terms_never_pasted_into_the_query(seeds_graph):
    hostile = 'x" } } ; DROP ALL ; SELECT * { ?s ?p "'
    graph = Graph()
    graph += seeds_graph
    size = len(graph)
    with pytest.raises(QueryError, match="no entity has that name"):
        query(graph, "heads-of", org=hostile)
    graph.add((URIRef("https://w3id.org/newskg/id/org/odd"), SKOS.prefLabel, Literal(hostile)))
    found = query(graph, "SELECT ?e WHERE { ?e skos:prefLabel ?name }", name=hostile)
    assert found.column("e") == [URIRef("https://w3id.org/newskg/id/org/odd")]
    assert len(graph) == size + 1


# --- read-only and offline ---------------------------------------------------------------------------


class RecordedCalls:
    """The URLs fetched so far, read from a file: ``newskg query`` runs its query in a child process,
    whose calls a list in this process would never see."""

    def __init__(self, log) -> None:
        self.log = log
        log.write_text("")

    def urls(self) -> list[str]:
        return self.log.read_text().splitlines()

    def append(self, url: str) -> None:
        with self.log.open("a") as handle:
            handle.write(url + "\n")

    def __eq__(self, other: object) -> bool:
        return self.urls() == other

    def __len__(self) -> int:
        return len(self.urls())

    def __getitem__(self, index: int) -> str:
        return self.urls()[index]


@pytest.fixture()
def no_network(monkeypatch, tmp_path):
    """Record (and answer) any HTTP call rdflib's SERVICE evaluation would make, in any process."""
    calls = RecordedCalls(tmp_path / "fetched.log")

    def fake_urlopen(request, *args, **kwargs):
        calls.append(request.full_url)
        body = {
            "head": {"vars": ["s"]},
            "results": {"bindings": [{"s": {"type": "uri", "value": "urn:remote"}}]},
        }
        response = io.BytesIO(json.dumps(body).encode())
        response.status = 200  # type: ignore[attr-defined]
        return response

    monkeypatch.setattr("rdflib.plugins.sparql.evaluate.urlopen", fake_urlopen)
    return calls


@pytest.mark.parametrize(
    "sparql",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "CLEAR ALL",
        "LOAD <http://example.org/data.ttl>",
        "DROP GRAPH <https://w3id.org/newskg/id/graph/entities>",
    ],
)
def test_updates_are_refused_and_the_graph_is_untouched(seeds_graph, sparql):
    size = len(seeds_graph)
    with pytest.raises(QueryError, match="SPARQL Update is refused"):
        query(seeds_graph, sparql)
    assert len(seeds_graph) == size


def test_an_update_runs_only_when_asked(seeds_graph):
    graph = Graph()
    graph += seeds_graph
    query(graph, "DELETE WHERE { ?motto a nkg:Motto }", allow_update=True)
    assert not list(graph.subjects(RDF.type, NKG.Motto))
    assert list(seeds_graph.subjects(RDF.type, NKG.Motto)), "the fixture graph is another object"


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s a nkg:Person "
        "FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } } } }",
        "ASK { OPTIONAL { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
    ],
)
def test_service_is_refused_before_anything_runs(seeds_graph, no_network, sparql):
    with pytest.raises(QueryError, match=r"SERVICE <http://example\.org/sparql> is refused"):
        query(seeds_graph, sparql)
    assert no_network == []


def test_service_runs_when_allowed(seeds_graph, no_network):
    result = query(
        seeds_graph,
        "SELECT ?s WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        allow_service=True,
    )
    assert result.column("s") == [URIRef("urn:remote")]
    assert no_network and no_network[0].startswith("http://example.org/sparql")


def test_from_a_graph_the_dataset_lacks_is_refused_not_fetched(seeds_result, no_network):
    article = "https://w3id.org/newskg/id/article/seed-000"
    local = query(seeds_result.dataset, f"SELECT (COUNT(*) AS ?n) FROM <{article}> WHERE {{ ?s ?p ?o }}")
    assert int(local.rows[0][0]) > 0
    with pytest.raises(QueryError, match=r"FROM <http://example\.org/remote\.ttl> names no graph"):
        query(seeds_result.dataset, "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }")


def test_a_syntax_error_names_line_and_column():
    with pytest.raises(QueryError) as error:
        query(Graph(), "SELECT ?s\nWHERE { ?s ?p }")
    assert str(error.value).startswith("query:2:")
    assert "SPARQL syntax error" in str(error.value)


# --- results -------------------------------------------------------------------------------------------


def test_unordered_rows_are_sorted_and_order_by_is_kept(seeds_graph):
    plain = query(seeds_graph, "SELECT ?name WHERE { ?p a nkg:Person ; skos:prefLabel ?name }")
    assert plain.column("name") == sorted(plain.column("name"))
    ordered = query(
        seeds_graph, "SELECT ?name WHERE { ?p a nkg:Person ; skos:prefLabel ?name } ORDER BY DESC(?name)"
    )
    assert ordered.column("name") == sorted(plain.column("name"), reverse=True)


def test_csv_tsv_and_json_follow_the_sparql_results_formats(seeds_graph):
    result = query(seeds_graph, "heads-of", org="ISIPO")
    table = list(csv.reader(io.StringIO(result.to_csv())))
    assert table[0] == list(result.variables)
    assert len(table) == len(result) + 1
    assert any("Mohsen Salehinia" in row for row in table)
    tsv = result.to_tsv().splitlines()
    assert tsv[0].split("\t") == [f"?{v}" for v in result.variables]
    assert (
        '"Mohsen Salehinia"' in result.to_tsv() and "<https://w3id.org/newskg/id/person/" in result.to_tsv()
    )
    document = json.loads(result.to_json())
    assert document["head"]["vars"] == list(result.variables)
    people = [b["person"] for b in document["results"]["bindings"]]
    assert all(p["type"] == "uri" for p in people)


@pytest.mark.parametrize(("name", "params"), [("statistics", {}), ("statistics-about", {"entity": "ISIPO"})])
def test_statistics_queries_show_the_unit_and_what_is_counted_as_the_records_have_them(
    seeds_result, name, params
):
    result = query(seeds_result.dataset, name, **params)
    assert {"value", "unit", "measures"} <= set(result.variables) and len(result)
    meanings: dict[tuple[str, str], set[tuple[str, str]]] = {}  # one figure may be written twice
    for record in seeds_result.records:
        for stat in record.statistics:
            meanings.setdefault((record.article.id, stat.value_text), set()).add((stat.unit, stat.what))
    for row in result.records():
        article_id = row["article"].rsplit("/", 1)[-1]
        assert (row["unit"] or "", row["measures"] or "") in meanings[(article_id, row["valueText"])], row
    assert any(row["unit"] for row in result.records()) and any(row["measures"] for row in result.records())


def test_ask_and_construct_results(seeds_graph):
    assert query(seeds_graph, "ASK { ?p a nkg:Person }").boolean is True
    assert str(query(seeds_graph, "ASK { ?p a nkg:Motto ; nkg:speaker ?x }")) == "false"
    built = query(seeds_graph, "CONSTRUCT { ?p a nkg:Person } WHERE { ?p a nkg:Person }")
    again = Graph().parse(data=built.to_turtle(), format="turtle")
    assert set(again.subjects(RDF.type, NKG.Person)) == set(seeds_graph.subjects(RDF.type, NKG.Person))


def test_notebook_tables_escape_their_cells():
    graph = Graph()
    graph.add((URIRef("https://w3id.org/newskg/id/person/x"), SKOS.prefLabel, Literal("<b>bold</b>")))
    html = query(graph, "SELECT ?name WHERE { ?p skos:prefLabel ?name }")._repr_html_()
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold" not in html


# --- the command ------------------------------------------------------------------------------------------


def test_cli_named_query_in_every_format(cli, seeds_file):
    table = cli("query", str(seeds_file), "heads-of", "ORG=ISIPO")
    assert table.exit_code == 0, table.output
    assert table.stdout.splitlines()[0].split()[:3] == ["reported", "name", "role"]
    assert "Mohsen Salehinia" in table.stdout
    as_csv = cli("query", str(seeds_file), "heads-of", "ORG=ISIPO", "--format", "csv")
    assert as_csv.stdout.startswith("reported,name,role")
    as_json = json.loads(cli("query", str(seeds_file), "heads-of", "ORG=ISIPO", "--format", "json").stdout)
    assert as_json["head"]["vars"][:2] == ["reported", "name"]
    as_tsv = cli("query", str(seeds_file), "heads-of", "ORG=ISIPO", "--format", "tsv")
    assert as_tsv.stdout.startswith("?reported\t?name")


def test_cli_sparql_text_file_ask_and_construct(cli, seeds_file, tmp_path):
    rq = tmp_path / "people.rq"
    rq.write_text("SELECT ?name WHERE { ?p a nkg:Person ; skos:prefLabel ?name }", encoding="utf-8")
    from_file = cli("query", str(seeds_file), "--file", str(rq), "--format", "csv")
    assert from_file.exit_code == 0, from_file.output
    assert {"Mohsen Salehinia", "Asghar Mosaheb"} <= set(from_file.stdout.split("\n"))
    ask = cli("query", str(seeds_file), "ASK { ?p a nkg:Person }")
    assert ask.stdout.strip() == "true"
    construct = cli("query", str(seeds_file), "CONSTRUCT { ?p a nkg:Person } WHERE { ?p a nkg:Person }")
    assert len(Graph().parse(data=construct.stdout, format="turtle")) >= 2


def test_cli_list_and_show(cli, seeds_file):
    listed = cli("query", "--list")
    assert listed.exit_code == 0
    first_words = [line.split()[0] for line in listed.stdout.splitlines()[2:] if line.strip()]
    assert first_words == sorted(first_words) and set(first_words) == set(named_queries())
    shown = cli("query", "--show", "heads-of")
    assert shown.stdout == named_query("heads-of").sparql


def _documented_parameters(listing: str) -> dict[str, list[str]]:
    """Each query of ``newskg query --list`` with the NAME=VALUE arguments its usage documents (one per
    word of a choice, a name that the seeds hold for the others)."""
    examples = {"ENTITY": "ISIPO", "ORG": "ISIPO", "PERSON": "Mohsen Salehinia", "ARTICLE": "seed-000"}
    documented: dict[str, list[str]] = {}
    for line in listing.splitlines()[2:]:
        words = line.split("  ")[0].split()
        if not words:
            continue
        documented[words[0]] = []
        for usage in words[1:]:
            name, _, value = usage.strip("[]").partition("=")
            values = value.split("|") if value != "..." else [examples[name]]
            documented[words[0]] += [f"{name}={v}" for v in values]
    return documented


def test_cli_every_parameter_that_list_documents_is_accepted(cli, seeds_file):
    documented = _documented_parameters(cli("query", "--list").stdout)
    assert documented["about"] == ["ENTITY=ISIPO", "DIRECTION=out", "DIRECTION=in"]
    for name, params in documented.items():
        for param in params:
            required = [p for p in params if p.split("=")[0] != param.split("=")[0]][:1]
            result = cli("query", str(seeds_file), name, *required, param, "--format", "csv")
            assert result.exit_code == 0, (name, param, result.output)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["INSERT DATA { <urn:a> <urn:b> <urn:c> }"], "SPARQL Update is refused"),
        (["SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }"], "is refused"),
        (["SELECT ?s WHERE {\n  ?s ?p\n}"], "query:2:3: SPARQL syntax error"),
        (["heads-of"], "heads-of needs ORG="),
        (["heads-of", "ORG=Nobody At All"], "no entity has that name"),
        (["--allow-update", "DELETE WHERE { ?s ?p ?o }"], "--allow-update changes a store"),
    ],
)
def test_cli_refusals_and_mistakes_exit_2_with_one_line(cli, seeds_file, no_network, args, message):
    result = cli("query", str(seeds_file), *args)
    assert result.exit_code == 2, result.output
    error = [line for line in result.stderr.splitlines() if line.startswith("newskg: error:")]
    assert len(error) == 1 and message in error[0]
    assert no_network == []


def test_cli_allow_service_lets_service_run(cli, seeds_file, no_network):
    result = cli(
        "query",
        str(seeds_file),
        "--allow-service",
        "--format",
        "csv",
        "SELECT ?s WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    )
    assert result.exit_code == 0, result.output
    assert "urn:remote" in result.stdout and len(no_network) == 1


# --- a persistent store ------------------------------------------------------------------------------------


def test_named_queries_and_refusals_on_an_oxigraph_store(store_path, seeds_graph):
    from newskg.stores import open_store

    dataset = open_store(store_path, read_only=True)
    assert isinstance(dataset, Dataset)
    on_store = query(dataset, "heads-of", org="ISIPO")
    assert "Mohsen Salehinia" in names(on_store, "name")
    assert names(on_store, "name") == names(query(seeds_graph, "heads-of", org="ISIPO"), "name")
    with pytest.raises(QueryError, match="SPARQL Update is refused"):
        query(dataset, "DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="SERVICE"):
        query(dataset, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")


def test_cli_store_query_and_update_only_when_asked(cli, store_path):
    found = cli(
        "query", "--store", str(store_path), "statements-by", "PERSON=Mohsen Salehinia", "--format", "csv"
    )
    assert found.exit_code == 0, found.output
    assert len(found.stdout.splitlines()) > 1
    refused = cli("query", "--store", str(store_path), "DELETE WHERE { ?m a nkg:Motto }")
    assert refused.exit_code == 2
    assert cli("query", "--store", str(store_path), "ASK { ?m a nkg:Motto }").stdout.strip() == "true"
    changed = cli("query", "--store", str(store_path), "--allow-update", "DELETE WHERE { ?m a nkg:Motto }")
    assert changed.exit_code == 0, changed.output
    assert cli("query", "--store", str(store_path), "ASK { ?m a nkg:Motto }").stdout.strip() == "false"


def test_prefix_table_covers_the_namespaces_of_the_graph():
    assert DATA_PREFIXES["nkg"] == str(NKG.Person).rsplit("#", 1)[0] + "#"
    assert DATA_PREFIXES["schema"] == str(SCHEMA.identifier).removesuffix("identifier")


# --- a remote SPARQL endpoint ------------------------------------------------------------------------------


@pytest.fixture()
def endpoint(seeds_result):
    """A SPARQL protocol endpoint on localhost, answering from an in-memory Oxigraph store of the seeds."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qs

    ox = pytest.importorskip("pyoxigraph")
    from newskg.rdf.write import serialize

    store = ox.Store()
    store.load(serialize(seeds_result.dataset, "nquads"), format=ox.RdfFormat.N_QUADS)
    received: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8"))
            received.append(form["query"][0])
            results = store.query(form["query"][0], use_default_graph_as_union=True)
            body = results.serialize(format=ox.QueryResultsFormat.JSON)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", received
    server.shutdown()
    server.server_close()


def test_cli_named_query_and_refusals_on_a_sparql_endpoint(cli, endpoint, seeds_graph):
    url, received = endpoint
    result = cli("query", "--endpoint", url, "heads-of", "ORG=ISIPO", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "Mohsen Salehinia" in result.stdout
    expected = names(query(seeds_graph, "heads-of", org="ISIPO"), "name")
    assert {row["name"] for row in csv.DictReader(io.StringIO(result.stdout))} == expected
    refused = cli("query", "--endpoint", url, "DELETE WHERE { ?s ?p ?o }")
    assert refused.exit_code == 2 and "SPARQL Update is refused" in refused.stderr
    assert not any("DELETE" in sent for sent in received), "a refused update never reaches the endpoint"


def test_about_direction_on_a_sparql_endpoint(cli, endpoint, seeds_graph):
    url, _ = endpoint
    result = cli("query", "--endpoint", url, "about", "ENTITY=ISIPO", "DIRECTION=in", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["direction"] for r in rows} == {"in"}
    assert {(r["property"], r["value"]) for r in rows} == {
        row[1:] for row in _about_rows(seeds_graph, direction="in")
    }
