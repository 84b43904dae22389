"""The NLP pass on a Dask cluster (a ``LocalCluster`` on 127.0.0.1) gives the graph of a local run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import DEV_CORPUS, SEEDS
from newskg.build.corpus import build_corpus
from newskg.build.parallel import extract_partition, extract_records
from newskg.errors import InputError
from newskg.ingest.readers import read_articles

distributed = pytest.importorskip("distributed", reason="the dask extra is part of the dev extra")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as running:
        yield running


@pytest.mark.needs_dev_corpus
def test_dask_records_equal_local_records_in_order(cluster, nlp):
    articles = list(read_articles([DEV_CORPUS, SEEDS]))
    local = list(extract_records(articles, nlp=nlp))
    remote = list(extract_records(articles, dask=cluster.scheduler_address, batch_size=3))
    assert remote == local


@pytest.mark.needs_dev_corpus
def test_dask_build_writes_the_same_bytes_as_a_local_build(cluster, tmp_path, nlp):
    local, remote = tmp_path / "local.trig", tmp_path / "dask.trig"
    build_corpus([DEV_CORPUS, SEEDS], output=local, run_validation=False, nlp=nlp)
    build_corpus(
        [DEV_CORPUS, SEEDS], output=remote, run_validation=False, dask=cluster.scheduler_address, batch_size=4
    )
    assert remote.read_bytes() == local.read_bytes()


def test_cli_joins_a_scheduler(cli, cluster, tmp_path):
    out = tmp_path / "graph.nq"
    run = cli.run("build", SEEDS, "-o", out, "--no-validate", "--dask", cluster.scheduler_address)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("articles: 2")


def test_cli_starts_a_local_cluster(cli, tmp_path):
    local, remote = tmp_path / "local.nq", tmp_path / "dask.nq"
    for out, extra in ((local, []), (remote, ["--dask", "local", "--jobs", "2"])):
        run = cli.run("build", SEEDS, "-o", out, "--no-validate", *extra)
        assert run.returncode == 0, run.stderr
    assert remote.read_bytes() == local.read_bytes()


def test_an_unreachable_scheduler_is_an_input_error(monkeypatch):
    from newskg.build import parallel

    monkeypatch.setattr(parallel, "DASK_CONNECT_TIMEOUT", "2s")
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        list(extract_records(read_articles([SEEDS]), dask="tcp://127.0.0.1:9"))


def test_a_partition_is_extracted_with_one_pipeline():
    articles = list(read_articles([SEEDS]))
    records = extract_partition(iter(articles))
    assert [r.article.id for r in records] == [a.id for a in articles]
