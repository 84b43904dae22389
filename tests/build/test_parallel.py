"""Parallel builds: the same bytes and the same store whatever ``--jobs`` is (the default included),
worker processes really used when asked for, the pipeline loaded once, and no worker started for a
single batch."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from newskg.build import corpus, parallel
from newskg.build.cores import usable_cores
from newskg.build.corpus import build_corpus
from newskg.build.manifest import Manifest, file_digest, unchanged
from newskg.build.parallel import look_ahead
from newskg.rdf.write import format_for
from newskg.stores import _workspace
from synthetic import articles, store_quads, write_jsonl

BATCH = 3
"""Articles per batch in these tests: small, so that a dozen articles make several batches."""


@pytest.fixture(scope="module")
def synthetic_corpus(tmp_path_factory) -> Path:
    """Twelve articles recombined from the seeds: four batches of ``BATCH``."""
    return write_jsonl(tmp_path_factory.mktemp("parallel") / "corpus.jsonl", articles(12, seed=14))


@pytest.fixture()
def pools(monkeypatch) -> list[str]:
    """The functions worker processes ran during the test, in order, each once (``ordered_map`` and
    ``submitted_to_workers`` spied on)."""
    started: list[str] = []
    real_map, real_submitter = parallel.ordered_map, corpus.submitted_to_workers

    def ran(function) -> None:
        if function.__name__ not in started:
            started.append(function.__name__)

    def spied_map(function, items, **options):
        ran(function)
        return real_map(function, items, **options)

    @contextmanager
    def spied_submitter(jobs):
        with real_submitter(jobs) as submit:
            if submit is None:
                yield None
                return

            def spied_submit(function, item):
                ran(function)
                return submit(function, item)

            yield spied_submit

    monkeypatch.setattr(parallel, "ordered_map", spied_map)
    monkeypatch.setattr(corpus, "ordered_map", spied_map)
    monkeypatch.setattr(corpus, "submitted_to_workers", spied_submitter)
    return started


@pytest.mark.parametrize("suffix", [".nq", ".ttl", ".trig", ".nt"])
def test_two_processes_write_the_bytes_of_one(tmp_path, synthetic_corpus, nlp, pools, monkeypatch, suffix):
    monkeypatch.setattr(_workspace, "RUN_BYTES", 200_000)  # a union format sorts and merges in parts
    one, two = tmp_path / f"one{suffix}", tmp_path / f"two{suffix}"
    build_corpus([synthetic_corpus], output=one, run_validation=False, jobs=1, batch_size=BATCH, nlp=nlp)
    assert pools == []
    build_corpus([synthetic_corpus], output=two, run_validation=False, jobs=2, batch_size=BATCH, nlp=nlp)
    union = ["sorted_union_run", "write_part"] if suffix in (".ttl", ".nt") else []
    assert pools == ["_extract_batch", "_graph_batch", *union]  # every stage ran in worker processes
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_validating_while_the_workers_merge_gives_the_report_and_bytes_of_one_process(
    tmp_path, synthetic_corpus, nlp, pools, monkeypatch, suffix
):
    monkeypatch.setattr(_workspace, "RUN_BYTES", 200_000)  # merged in parts, by the workers
    one, two = tmp_path / f"one{suffix}", tmp_path / f"two{suffix}"
    alone = build_corpus([synthetic_corpus], output=one, jobs=1, batch_size=BATCH, nlp=nlp)
    shared = build_corpus([synthetic_corpus], output=two, jobs=2, batch_size=BATCH, nlp=nlp)
    assert pools == ["_extract_batch", "_graph_batch", "sorted_union_run", "write_part"]
    assert two.read_bytes() == one.read_bytes()
    assert alone.report is not None and shared.report is not None
    assert str(shared.report) == str(alone.report)
    assert shared.report.violations == alone.report.violations


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_the_output_merged_while_validating_is_digested_as_written(
    tmp_path, synthetic_corpus, pools, monkeypatch, suffix
):
    """The workers' parts are hashed as they are put end to end: the manifest holds the digest of the
    file's bytes, and a re-run finds the output unchanged."""
    monkeypatch.setattr(_workspace, "RUN_BYTES", 200_000)
    out = tmp_path / f"out{suffix}"
    build_corpus([synthetic_corpus], output=out, jobs=2, batch_size=BATCH)
    assert "write_part" in pools
    kept = Manifest.read(out)
    assert kept is not None and kept.output_sha256 == file_digest(out)
    assert unchanged([synthetic_corpus], output=out, fmt=format_for(out, None), validating=True) is not None


def test_a_stop_while_validating_leaves_the_output_merged_by_the_workers_written(
    tmp_path, synthetic_corpus, nlp, pools, monkeypatch
):
    """Validation runs while the workers merge the output's parts: a stop then (Ctrl-C raises in the
    validation) still leaves the whole output written, and says so, as when validation ran after."""
    monkeypatch.setattr(_workspace, "RUN_BYTES", 200_000)
    expected, out = tmp_path / "expected.nt", tmp_path / "out.nt"
    build_corpus([synthetic_corpus], output=expected, run_validation=False, jobs=1, batch_size=BATCH, nlp=nlp)

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(corpus, "validate_build", stopped)
    status = corpus.BuildStatus()
    with pytest.raises(KeyboardInterrupt):
        build_corpus([synthetic_corpus], output=out, jobs=2, batch_size=BATCH, nlp=nlp, status=status)
    assert "write_part" in pools
    assert (status.stage, status.output_written) == ("validating", True)
    assert out.read_bytes() == expected.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["expected.nt", "out.nt"]  # no part left


def test_two_processes_fill_the_store_as_one_does(tmp_path, synthetic_corpus, nlp, pools):
    stores = {}
    for jobs in (1, 2):
        stores[jobs] = tmp_path / f"store-{jobs}"
        build_corpus(
            [synthetic_corpus], store=stores[jobs], run_validation=False, jobs=jobs, batch_size=BATCH, nlp=nlp
        )
    assert pools == ["_extract_batch", "_graph_batch"]
    quads = store_quads(stores[1])
    assert len(quads) > 1000
    assert store_quads(stores[2]) == quads


def test_the_default_number_of_processes_gives_the_same_bytes_and_store(cli, tmp_path, synthetic_corpus, nlp):
    expected = tmp_path / "one.trig"
    build_corpus(
        [synthetic_corpus], output=expected, store=tmp_path / "one", run_validation=False, jobs=1, nlp=nlp
    )
    got, store = tmp_path / "default.trig", tmp_path / "default"
    run = cli.run(
        "build", synthetic_corpus, "-o", got, "--store", store, "--batch-size", BATCH, "--no-validate"
    )
    assert run.returncode == 0, run.stderr
    assert got.read_bytes() == expected.read_bytes()
    assert store_quads(tmp_path / "default") == store_quads(tmp_path / "one")


def test_the_default_is_the_cores_this_process_may_use(cli):
    assert cli("build", "--help").stdout.count(f"[default: {usable_cores()}]") == 1
    if hasattr(os, "sched_getaffinity"):
        assert usable_cores() == len(os.sched_getaffinity(0))


def test_the_pipeline_is_loaded_once_not_once_per_worker_or_batch(tmp_path, synthetic_corpus, monkeypatch):
    """Forked workers inherit the pipeline of the process that starts them; spawned ones (where
    there is no fork) load their own once. With four batches for two workers, a load per batch
    would show as four."""
    log = tmp_path / "loads"
    real = parallel.make_pipeline

    def logged():
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return real()

    monkeypatch.setattr(parallel, "make_pipeline", logged)
    build_corpus([synthetic_corpus], output=tmp_path / "g.nq", run_validation=False, jobs=2, batch_size=BATCH)
    loads = log.read_text(encoding="utf-8").split()
    assert loads == [str(os.getpid())] if parallel.can_fork() else len(loads) == len(set(loads)) == 2


def test_a_single_batch_starts_no_worker(tmp_path, synthetic_corpus, nlp, pools):
    build_corpus(
        [synthetic_corpus], output=tmp_path / "g.nq", run_validation=False, jobs=2, batch_size=12, nlp=nlp
    )
    assert pools == []


def test_looking_ahead_counts_up_to_the_workers_and_loses_no_batch():
    batches = ([], [[1]], [[1], [2], [3]], [[1], [2], [3], [4], [5]])
    assert [(count, list(rest)) for count, rest in (look_ahead(b, 4) for b in batches)] == [
        (0, []),
        (1, [[1]]),
        (3, [[1], [2], [3]]),
        (4, [[1], [2], [3], [4], [5]]),
    ]


def test_no_more_workers_start_than_there_are_batches(tmp_path, synthetic_corpus, nlp, monkeypatch):
    """Twelve articles in four batches, eight processes asked for: four start, in each stage."""
    sizes: list[int] = []
    real = parallel.ordered_map

    def counted(function, items, **options):
        sizes.append(options["jobs"])
        return real(function, items, **options)

    monkeypatch.setattr(parallel, "ordered_map", counted)
    monkeypatch.setattr(corpus, "ordered_map", counted)
    build_corpus(
        [synthetic_corpus], output=tmp_path / "g.nq", run_validation=False, jobs=8, batch_size=BATCH, nlp=nlp
    )
    assert sizes == [4, 4]
