"""End-to-end speed and memory of ``newskg build`` and ``newskg validate`` on synthetic corpora.

A corpus of N articles is made by recombining sentences of the dev corpus (seeded, so every run
builds the same corpus), written as JSON Lines. For each N it measures, in fresh processes:

- ``newskg build corpus.jsonl -o graph.nq --no-validate``: articles/s, words/s, peak memory (RSS
  of the process tree, workers included);
- ``newskg validate graph.nq``: seconds and peak memory; and, in this process on the same parsed
  graph, ``newskg.validate`` against plain pySHACL with the same core shapes (up to --pyshacl-max);
- the physical floor for the same work: bare ``spacy.blank("en")`` tokenising the same texts, plus
  writing as many N-Triples lines as the build wrote, with plain f-strings;
- up to --store-max articles, a ``--store`` build, and a few queries through
  ``newskg.stores.open_store`` against the same queries run by pyoxigraph directly on that store.

    .venv/bin/python bench/throughput.py                       # N = 100, 1000, 10000
    .venv/bin/python bench/throughput.py --sizes 100,1000 --jobs 2

It prints a Markdown table (paste it into bench/README.md with the machine it ran on).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
QUERIES = {
    "count articles": "SELECT (COUNT(?a) AS ?n) WHERE { ?a a <https://w3id.org/newskg/ontology#Article> }",
    "posts and holders": """PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?person ?org WHERE { ?m org:member ?p ; org:organization ?o .
          ?p skos:prefLabel ?person . ?o skos:prefLabel ?org }""",
    "statements per speaker": """PREFIX nkg: <https://w3id.org/newskg/ontology#>
        SELECT ?speaker (COUNT(?s) AS ?n) WHERE { ?s nkg:speaker ?speaker }
        GROUP BY ?speaker ORDER BY DESC(?n)""",
    "label search": """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?e ?l WHERE { ?e skos:prefLabel ?l FILTER(CONTAINS(LCASE(?l), "industr")) }""",
    "who said what, when": """PREFIX nkg: <https://w3id.org/newskg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX schema: <https://schema.org/>
        SELECT ?speaker ?cue ?date WHERE { ?s a nkg:Statement ; nkg:speaker ?p ; nkg:cue ?cue ;
          nkg:reportedIn ?a . ?p skos:prefLabel ?speaker . OPTIONAL { ?a schema:datePublished ?date } }""",
    "figures by unit": """PREFIX nkg: <https://w3id.org/newskg/ontology#>
        SELECT ?unit (COUNT(?o) AS ?n) (SUM(?v) AS ?total)
        WHERE { ?o a nkg:Observation ; nkg:unit ?unit ; nkg:value ?v } GROUP BY ?unit ORDER BY DESC(?n)""",
    "evidence spans": """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX nkg: <https://w3id.org/newskg/ontology#>
        SELECT ?fact ?start ?end WHERE { ?fact nkg:evidence ?e . ?e oa:hasSelector ?sel .
          ?sel oa:start ?start ; oa:end ?end }""",
}


@dataclass
class Run:
    seconds: float
    peak_mb: float
    output: str


def run_measured(args: list[str], *, env: dict[str, str] | None = None) -> Run:
    """Run a command; wall time and the peak RSS of its process tree, sampled every 20 ms."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(process.pid)
        tree: list[psutil.Process] = [root]
        for tick in itertools.count():
            if done.is_set():
                break
            try:
                if tick % 10 == 0:  # listing children scans /proc: every 200 ms is enough for workers
                    tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    done.set()
    sampler.join()
    took = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}):\n{output}")
    return Run(took, peak / 2**20, output)


def make_corpus(size: int, path: Path) -> tuple[list[str], int]:
    """N articles of recombined dev-corpus sentences, as JSON Lines; returns texts and word count."""
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))]
    firsts, rest, lengths, dates = [], [], [], []
    for doc in docs:
        sentences = [s for s in SENTENCE_END.split(doc["text"].replace("\n", " ")) if s.strip()]
        firsts.append(sentences[0])
        rest.extend(sentences[1:])
        lengths.append(len(sentences))
        dates.append(doc.get("date"))
    rng = random.Random(20260601)
    texts = []
    with path.open("w", encoding="utf-8") as handle:
        for i in range(size):
            count = max(3, rng.choice(lengths))
            sentences = [rng.choice(firsts), *rng.sample(rest, min(count - 1, len(rest)))]
            paragraphs = [" ".join(sentences[j : j + 3]) for j in range(0, len(sentences), 3)]
            text = "\n\n".join(paragraphs)
            texts.append(text)
            handle.write(json.dumps({"id": f"synth-{i:05d}", "text": text, "date": rng.choice(dates)}) + "\n")
    return texts, sum(len(t.split()) for t in texts)


def floor_seconds(texts: list[str], triples: int, scratch: Path) -> float:
    """Bare tokenisation of the texts plus writing as many N-Triples lines with f-strings."""
    import spacy

    blank = spacy.blank("en")
    started = time.perf_counter()
    for _ in blank.pipe(texts, batch_size=64):
        pass
    base = "https://w3id.org/newskg/id/"
    with (scratch / "floor.nt").open("w", encoding="utf-8") as handle:
        for i in range(triples):
            handle.write(f'<{base}fact/{i // 20}/{i:08x}> <{base}p{i % 17}> "value {i}" .\n')
    return time.perf_counter() - started


def validation_ratio(graph_path: Path) -> tuple[float, float]:
    """Seconds of newskg.validate and of plain pySHACL (core shapes) on the same parsed graph."""
    import pyshacl
    from rdflib import Dataset, Graph

    from newskg.resources import load_shapes
    from newskg.validate.shacl import validate

    dataset = Dataset()
    dataset.parse(graph_path, format="nquads")
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    shapes = load_shapes()
    gc.collect()
    started = time.perf_counter()
    validate(graph)
    ours = time.perf_counter() - started
    gc.collect()
    started = time.perf_counter()
    pyshacl.validate(graph, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True)
    plain = time.perf_counter() - started
    return ours, plain


def query_ratio(store: Path) -> tuple[float, float]:
    """Total best-of-5 seconds of the queries through open_store, and through pyoxigraph directly."""
    import pyoxigraph as ox

    from newskg.stores import open_store

    dataset = open_store(store, read_only=True)
    direct = ox.Store.read_only(str(store))
    ours = plain = 0.0
    for query in QUERIES.values():
        best_ours = best_plain = float("inf")
        for _ in range(5):
            started = time.perf_counter()
            rows_ours = list(dataset.query(query))
            best_ours = min(best_ours, time.perf_counter() - started)
            started = time.perf_counter()
            solutions = direct.query(query, use_default_graph_as_union=False)
            assert isinstance(solutions, ox.QuerySolutions), "the benchmark queries are SELECTs"
            rows_plain = list(solutions)
            best_plain = min(best_plain, time.perf_counter() - started)
        assert len(rows_ours) == len(rows_plain), query
        ours += best_ours
        plain += best_plain
    return ours, plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="Comma-separated corpus sizes.")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs for newskg build.")
    parser.add_argument("--validate-max", type=int, default=10_000, help="Largest N for newskg validate.")
    parser.add_argument(
        "--pyshacl-max", type=int, default=1000, help="Largest N for the in-process pySHACL run."
    )
    parser.add_argument(
        "--store-max", type=int, default=1000, help="Largest N for the --store build and queries."
    )
    parser.add_argument("--keep", type=Path, help="Keep corpora and graphs in this folder.")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    newskg = [sys.executable, "-m", "newskg"]
    rows = []
    with tempfile.TemporaryDirectory(prefix="newskg-bench-") as tmp:
        scratch = args.keep or Path(tmp)
        scratch.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            corpus, graph = scratch / f"corpus-{size}.jsonl", scratch / f"graph-{size}.nq"
            texts, words = make_corpus(size, corpus)
            graph.unlink(missing_ok=True)
            build = run_measured(
                [
                    *newskg,
                    "build",
                    str(corpus),
                    "-o",
                    str(graph),
                    "--no-validate",
                    "-q",
                    "--rebuild",
                    "--jobs",
                    str(args.jobs),
                ]
            )
            with graph.open("rb") as handle:
                triples = sum(1 for _ in handle)
            floor = floor_seconds(texts, triples, scratch)
            check = run_measured([*newskg, "validate", str(graph)]) if size <= args.validate_max else None
            ours = plain = None
            if size <= args.pyshacl_max:
                ours, plain = validation_ratio(graph)
            query = None
            if size <= args.store_max:
                store = scratch / f"store-{size}"
                run_measured(
                    [
                        *newskg,
                        "build",
                        str(corpus),
                        "--store",
                        str(store),
                        "--no-validate",
                        "-q",
                        "--jobs",
                        str(args.jobs),
                    ]
                )
                query = query_ratio(store)
            row = {
                "N": size,
                "words": words,
                "triples": triples,
                "build_s": build.seconds,
                "articles_per_s": size / build.seconds,
                "words_per_s": words / build.seconds,
                "build_peak_mb": build.peak_mb,
                "floor_s": floor,
                "floor_articles_per_s": size / floor,
                "build_over_floor": floor / build.seconds,
                "validate_s": check.seconds if check else None,
                "validate_peak_mb": check.peak_mb if check else None,
                "validate_over_pyshacl": None if ours is None or not plain else ours / plain,
                "query_over_pyoxigraph": None if query is None or not query[1] else query[0] / query[1],
            }
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB RAM, Python {platform.python_version()}, "
        f"newskg build --jobs {args.jobs}"
    )
    print()
    print(
        "| N | words | triples | build s | articles/s | words/s | build peak MB | floor articles/s | "
        "build / floor | validate s | validate peak MB | validate / pySHACL | query / pyoxigraph |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        ratio_v = f"{r['validate_over_pyshacl']:.2f}x" if r["validate_over_pyshacl"] else "-"
        ratio_q = f"{r['query_over_pyoxigraph']:.2f}x" if r["query_over_pyoxigraph"] else "-"
        check_s = f"{r['validate_s']:.1f}" if r["validate_s"] is not None else "-"
        check_mb = f"{r['validate_peak_mb']:.0f}" if r["validate_peak_mb"] is not None else "-"
        print(
            f"| {r['N']:,} | {r['words']:,} | {r['triples']:,} | {r['build_s']:.1f} | "
            f"{r['articles_per_s']:.1f} | {r['words_per_s']:,.0f} | {r['build_peak_mb']:.0f} | "
            f"{r['floor_articles_per_s']:,.0f} | {r['build_over_floor']:.1%} | {check_s} | "
            f"{check_mb} | {ratio_v} | {ratio_q} |"
        )


if __name__ == "__main__":
    main()
