"""The streaming corpus build: same graph as the in-memory build, whatever the jobs, twice the same bytes,
incremental re-runs, and every way of giving articles (folders, globs, JSON Lines, stdin)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conftest import DEV_CORPUS, SEEDS
from newskg.build.corpus import build_corpus
from newskg.build.spool import EntitySummary, pack
from newskg.errors import InputError
from newskg.ingest.readers import read_articles
from newskg.ingest.sources import estimate_articles, iter_articles
from newskg.records.resolve import resolve, resolve_entities
from newskg.stores import _workspace


def _named_graphs(dataset: Dataset) -> dict[str, Dataset]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def _read_trig(path: Path) -> Dataset:
    dataset = Dataset()
    dataset.parse(path, format="trig")
    return dataset


def assert_same_graphs(expected: Dataset, actual: Dataset) -> None:
    wanted, got = _named_graphs(expected), _named_graphs(actual)
    assert sorted(got) == sorted(wanted)
    for name, graph in wanted.items():
        if not isomorphic(graph, got[name]):
            _, only_expected, only_actual = graph_diff(to_isomorphic(graph), to_isomorphic(got[name]))
            pytest.fail(
                f"graph {name} differs:\nonly expected:\n{only_expected.serialize(format='nt')}\n"
                f"only built:\n{only_actual.serialize(format='nt')}"
            )


@pytest.fixture(scope="module")
def seeds_trig(tmp_path_factory, nlp) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "seeds.trig"
    build_corpus([SEEDS], output=path, run_validation=False, nlp=nlp)
    return path


def test_streaming_build_gives_the_in_memory_graph(seeds_trig, seeds_result):
    assert_same_graphs(seeds_result.dataset, _read_trig(seeds_trig))


@pytest.mark.needs_dev_corpus
def test_streaming_build_of_a_corpus_in_small_batches_matches_the_api(tmp_path, nlp):
    from newskg import build

    expected = build([DEV_CORPUS, SEEDS], run_validation=False)
    out = tmp_path / "dev.trig"
    build_corpus([DEV_CORPUS, SEEDS], output=out, run_validation=False, batch_size=3, nlp=nlp)
    assert_same_graphs(expected.dataset, _read_trig(out))


def test_two_builds_are_byte_identical(tmp_path, seeds_trig, nlp):
    again = tmp_path / "again.trig"
    build_corpus([SEEDS], output=again, run_validation=False, nlp=nlp)
    assert again.read_bytes() == seeds_trig.read_bytes()


def test_turtle_output_is_the_union_without_repeats(tmp_path, seeds_result, nlp):
    out = tmp_path / "seeds.ttl"
    build_corpus([SEEDS], output=out, run_validation=False, nlp=nlp)
    lines = tmp_path / "seeds.nt"
    build_corpus([SEEDS], output=lines, run_validation=False, nlp=nlp)
    ntriples = lines.read_text(encoding="utf-8").splitlines()
    assert len(ntriples) == len(set(ntriples)) == len(seeds_result.graph)
    assert ntriples == sorted(ntriples)
    from rdflib import Graph

    assert isomorphic(Graph().parse(out, format="turtle"), seeds_result.graph)


@pytest.mark.slow
@pytest.mark.needs_dev_corpus
def test_results_do_not_depend_on_the_number_of_processes(tmp_path):
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    build_corpus([DEV_CORPUS, SEEDS], output=one, run_validation=False, jobs=1)
    build_corpus([DEV_CORPUS, SEEDS], output=two, run_validation=False, jobs=2, batch_size=2)
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.needs_dev_corpus
def test_entity_summaries_resolve_like_whole_records(nlp):
    from newskg.nlp import extract

    records = list(extract(read_articles([DEV_CORPUS, SEEDS]), nlp=nlp))
    summary = EntitySummary()
    for record in records:
        summary.add(pack(record).entities)  # what the NLP workers send back
    assert resolve_entities(summary.entities()).canonical == resolve(records).canonical


def test_rerun_skips_unchanged_articles_and_writes_the_same_bytes(tmp_path, nlp):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "graph.trig"
    first = build_corpus([corpus], output=out, run_validation=False, nlp=nlp)
    before = out.read_bytes()
    second = build_corpus([corpus], output=out, run_validation=False, nlp=nlp)
    assert (first.tally.extracted, first.tally.unchanged) == (2, 0)
    assert (second.tally.extracted, second.tally.unchanged) == (0, 2)
    assert out.read_bytes() == before


def test_a_rerun_sorts_a_previous_output_whose_lines_were_reordered(tmp_path, nlp):
    """Unchanged graphs are copied as they are only when their lines are in the writer's order; a
    file whose graphs are split up is not reused at all."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "graph.nq"
    build_corpus([corpus], output=out, run_validation=False, nlp=nlp)
    before = out.read_bytes()
    lines = before.decode("utf-8").splitlines(keepends=True)
    by_graph: dict[str, list[str]] = {}
    for line in lines:
        by_graph.setdefault(line.rsplit(" ", 2)[-2], []).append(line)
    out.write_text("".join(line for block in by_graph.values() for line in reversed(block)), encoding="utf-8")
    again = build_corpus([corpus], output=out, run_validation=False, nlp=nlp)
    assert (again.tally.extracted, again.tally.unchanged) == (0, 2)
    assert out.read_bytes() == before
    out.write_text("".join(lines[1::2] + lines[::2]), encoding="utf-8")  # every graph in two pieces
    again = build_corpus([corpus], output=out, run_validation=False, nlp=nlp)
    assert (again.tally.extracted, again.tally.unchanged) == (2, 0)
    assert out.read_bytes() == before


def test_rerun_extracts_only_the_changed_article(tmp_path, nlp):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "graph.nq"
    build_corpus([corpus], output=out, run_validation=False, nlp=nlp)
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nThe report was published on Monday.\n", encoding="utf-8"
    )
    again = build_corpus([corpus], output=out, run_validation=False, nlp=nlp)
    assert (again.tally.extracted, again.tally.unchanged) == (1, 1)
    fresh = tmp_path / "fresh.nq"
    build_corpus([corpus], output=fresh, run_validation=False, rebuild=True, nlp=nlp)
    rebuilt, incremental = Dataset(), Dataset()
    rebuilt.parse(fresh, format="nquads")
    incremental.parse(out, format="nquads")
    assert_same_graphs(rebuilt, incremental)


def test_a_file_build_drops_articles_no_longer_given(tmp_path, nlp):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "graph.trig"
    build_corpus([corpus], output=out, run_validation=False, nlp=nlp)
    gone = sorted(corpus.glob("*.txt"))[0]
    gone.unlink()
    gone.with_name(gone.stem + ".meta.json").unlink(missing_ok=True)
    again = build_corpus([corpus], output=out, run_validation=False, nlp=nlp)
    assert (again.tally.unchanged, again.tally.removed) == (1, 1)
    names = {name for name in _named_graphs(_read_trig(out)) if "/article/" in name}
    assert len(names) == 1 and gone.stem not in next(iter(names))


def test_rebuild_extracts_everything_again(tmp_path, seeds_trig, nlp):
    out = tmp_path / "graph.trig"
    shutil.copy(seeds_trig, out)
    result = build_corpus([SEEDS], output=out, run_validation=False, rebuild=True, nlp=nlp)
    assert (result.tally.extracted, result.tally.unchanged) == (2, 0)
    assert out.read_bytes() == seeds_trig.read_bytes()


def test_a_build_validates_what_it_wrote(tmp_path, nlp, seeds_result):
    result = build_corpus([SEEDS], output=tmp_path / "graph.ttl", nlp=nlp)
    assert result.report is not None
    assert result.report.conforms == seeds_result.report.conforms
    assert len(result.report.violations) == len(seeds_result.report.violations)


def test_a_working_store_past_its_memory_bound_moves_to_disk_and_builds_the_same(tmp_path, nlp, monkeypatch):
    """A file build keeps its working store in memory up to ``MEMORY_QUADS`` quads, then in RocksDB in
    its scratch folder: the output and the report are the same either way."""
    in_memory = build_corpus([SEEDS], output=tmp_path / "memory.nt", nlp=nlp)
    monkeypatch.setattr(_workspace, "MEMORY_QUADS", 10)
    stores: list[tuple[bool, int]] = []
    derive = _workspace.Workspace.derive

    def derived(work: _workspace.Workspace, labels: dict) -> None:
        derive(work, labels)
        stores.append((work._spill is None, len(work.store)))

    monkeypatch.setattr(_workspace.Workspace, "derive", derived)
    on_disk = build_corpus([SEEDS], output=tmp_path / "disk.nt", nlp=nlp)
    assert len(stores) == 1 and stores[0][0], "moved to disk"
    assert stores[0][1] > 10
    assert (tmp_path / "disk.nt").read_bytes() == (tmp_path / "memory.nt").read_bytes()
    assert on_disk.report is not None and in_memory.report is not None
    assert str(on_disk.report) == str(in_memory.report)


@pytest.mark.needs_dev_corpus
def test_globs_expand_to_their_files_in_order():
    pattern = str(DEV_CORPUS / "tt-*.json")
    ids = [a.id for a in iter_articles([pattern])]
    assert ids == sorted(ids) and ids and all(i.startswith("tt-") for i in ids)


def test_a_glob_matching_nothing_is_reported(tmp_path):
    errors: list[InputError] = []
    assert list(iter_articles([str(tmp_path / "*.jsonl")], on_error=errors.append)) == []
    assert len(errors) == 1 and "matches no file" in str(errors[0])


def test_stdin_json_lines_are_articles_named_by_line(monkeypatch):
    seed = next(read_articles([SEEDS]))
    lines = [
        json.dumps({"id": seed.id, "text": seed.text, "date": "2020-06-09", "title": "A title"}),
        "",
        "{not json",
        json.dumps({"text": "No id here."}),
    ]
    errors: list[InputError] = []
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("\n".join(lines).encode())))
    articles = list(iter_articles(["-"], on_error=errors.append))
    assert [a.id for a in articles] == [seed.id]
    assert articles[0].origin == "<stdin>:1" and articles[0].title == "A title"
    assert [str(e).split(":")[0] + ":" + str(e).split(":")[1] for e in errors] == ["<stdin>:3", "<stdin>:4"]


def test_exact_repeats_are_read_once_and_conflicts_refused(tmp_path):
    seed = next(read_articles([SEEDS]))
    assert [a.id for a in iter_articles([SEEDS, SEEDS])] == [a.id for a in iter_articles([SEEDS])]
    other = tmp_path / "clash.jsonl"
    other.write_text(json.dumps({"id": seed.id, "text": "Another text entirely."}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="also used by"):
        list(iter_articles([SEEDS, other]))


def test_unreadable_articles_are_skipped_and_counted(tmp_path, nlp):
    corpus = tmp_path / "corpus.jsonl"
    seed = next(read_articles([SEEDS]))
    corpus.write_text(json.dumps({"id": seed.id, "text": seed.text}) + "\n" + "{broken\n", encoding="utf-8")
    skipped: list[InputError] = []
    result = build_corpus(
        [corpus], output=tmp_path / "g.ttl", run_validation=False, on_skip=skipped.append, nlp=nlp
    )
    assert result.skipped == 1 and result.tally.extracted == 1
    assert str(skipped[0]).startswith(f"{corpus}:2:")


def test_estimate_counts_files_and_json_lines(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n', encoding="utf-8")
    assert estimate_articles([SEEDS]) == 2
    assert estimate_articles([jsonl, SEEDS]) == 4
    assert estimate_articles(["-"]) is None


def test_estimate_leaves_out_hidden_files_and_folders_as_reading_does(tmp_path):
    # Regression: estimate_articles walked .git/, .cache/ and .name files, which reading skips, so the
    # progress total of a build over a checked-out corpus could be far above the articles it read.
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / ".hidden").mkdir()
    (corpus / "a.txt").write_text("One article.", encoding="utf-8")
    (corpus / "sub" / "b.jsonl").write_text(
        '{"id": "b", "text": "Two."}\n{"id": "c", "text": "Three."}\n', encoding="utf-8"
    )
    (corpus / ".hidden" / "d.txt").write_text("Not read.", encoding="utf-8")
    (corpus / ".e.txt").write_text("Not read either.", encoding="utf-8")
    (corpus / ".hidden" / "f.jsonl").write_text('{"id": "f", "text": "Not read."}\n', encoding="utf-8")
    assert [a.id for a in read_articles([corpus])] == ["a", "b", "c"]
    assert estimate_articles([corpus]) == 3


def test_build_needs_somewhere_to_write():
    with pytest.raises(InputError, match="output"):
        build_corpus([SEEDS])


def test_an_external_extractor_sees_only_changed_articles(tmp_path, nlp, seeds_trig):
    """How a Spark job plugs in: it gets the articles to extract and returns their records in order."""
    from newskg.build.parallel import batched, extract_partition

    asked: list[str] = []

    def on_partitions(articles):
        for partition in batched(articles, 1):
            asked.extend(a.id for a in partition)
            yield from extract_partition(partition)

    out = tmp_path / "graph.trig"
    build_corpus([SEEDS], output=out, run_validation=False, extractor=on_partitions)
    assert out.read_bytes() == seeds_trig.read_bytes()
    assert sorted(asked) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    asked.clear()
    build_corpus([SEEDS], output=out, run_validation=False, extractor=on_partitions)
    assert asked == []


@pytest.mark.parametrize("suffix", [".trig", ".ttl", ".nq", ".nt"])
def test_streaming_output_has_the_bytes_of_the_api_build(tmp_path, nlp, seeds_result, suffix):
    from newskg.rdf.write import write_dataset

    streamed, written = tmp_path / f"streamed{suffix}", tmp_path / f"written{suffix}"
    build_corpus([SEEDS], output=streamed, run_validation=False, nlp=nlp)
    write_dataset(seeds_result.dataset, written)
    assert streamed.read_bytes() == written.read_bytes()
