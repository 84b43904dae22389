"""How validation time grows with the number of articles.

Builds the seeds and the dev corpus once, then makes synthetic graphs of 100, 1,000 and 10,000
articles' worth of triples by re-minting that graph's instance IRIs under a copy prefix
(``id/article/x`` -> ``id/c7/article/x``). Places, news agencies and dates stay shared between copies,
as they would be in a real corpus; people, organisations and facts are new in every copy, so the
cross-article checks see as many candidate pairs per copy as the original (no artificial clashes).

Each measurement runs in a fresh process on a fresh graph, so that no run warms up the next
(``--repeat`` runs it several times and keeps the fastest, against the noise of a shared machine).
For each size it times ``newskg.validate`` (core SHACL with pySHACL, plus the cross-article
checks) and the cross-article checks alone. Up to ``--plain-max`` articles (default 1,000) it also times plain
``pyshacl.validate`` with the core shapes, the way a user would call it: that run describes every
discarded inner result through the data graph's namespace manager, whose trie makes it quadratic in
the number of articles (newskg validates through a view that avoids it). With ``--sparql-shapes`` it
also times the core shapes plus the two cross-article checks written as per-node ``sh:sparql``
constraints on ``nkg:Membership``, the way newskg does *not* run them, through newskg's view (same
size limit; compare with ``validate s``).

    .venv/bin/python bench/validation.py                  # 100, 1000, 10000 articles
    .venv/bin/python bench/validation.py --sizes 100,1000 --sparql-shapes --repeat 3

With ``--builds`` it measures validation where users meet it instead, end to end in fresh processes
on the synthetic corpora of ``bench/throughput.py`` (seeded: the same articles every run), each
command run ``--repeats`` times, the commands alternating so that they share the machine's state:
``newskg build corpus.jsonl -o graph.nq --no-validate`` (fresh), the same build validating (fresh:
output and kept results removed first), that build again with nothing changed, ``newskg validate
graph.nq``, and a validating ``--store`` build, fresh then again. It prints the median seconds and
the peak memory (RSS of the process tree) of each, and the ratios the issue sets limits on. With
``--baseline-src`` (say ``git archive main src | tar -x -C /tmp/main``) every command also runs with
that ``src`` first on ``PYTHONPATH``, alternating with this checkout, for a before and after.

    .venv/bin/python bench/validation.py --builds 1000,3000 --repeats 3 --jobs 1
    .venv/bin/python bench/validation.py --builds 1000 --repeats 1 --baseline-src /tmp/main/src
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from newskg import build
from newskg.resources import load_shapes
from newskg.validate.checks import find_inconsistencies
from newskg.validate.shacl import reading_view, validate
from newskg.vocab.namespace import NKG
from newskg.vocab.prefixes import INSTANCE_BASE, PREFIXES

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "dev"]
SHARED_PATHS = ("place/", "instant/")
SPARQL_PREFIXES = {prefix: PREFIXES[prefix] for prefix in ("nkg", "org", "schema", "oa", "xsd")}
"""The prefixes the per-node ``sh:sparql`` versions of the checks use."""


def base_graph() -> tuple[Graph, int]:
    """The graph of the seeds and the dev corpus, and its number of articles."""
    result = build([s for s in SOURCES if s.exists()], run_validation=False)
    return result.graph, len(result.records)


def replicate(graph: Graph, copies: int) -> Graph:
    """``copies`` disjoint re-mintings of ``graph`` (shared places, agencies and dates), in one graph."""
    agencies = {str(s) for s in graph.subjects(RDF.type, NKG.NewsAgency)}

    def renamer(copy: int) -> Callable[[Any], Any]:
        cache: dict[object, object] = {}

        def rename(term: Any) -> Any:
            found = cache.get(term)
            if found is not None:
                return found
            new = term
            if isinstance(term, URIRef) and term.startswith(INSTANCE_BASE) and str(term) not in agencies:
                rest = term[len(INSTANCE_BASE) :]
                if not rest.startswith(SHARED_PATHS):
                    new = URIRef(f"{INSTANCE_BASE}c{copy}/{rest}")
            cache[term] = new
            return new

        return rename

    out = Graph()
    triples = list(graph)
    for copy in range(copies):
        rename = renamer(copy)
        for s, p, o in triples:
            out.add((rename(s), p, rename(o)))
    return out


def sparql_shapes() -> Graph:
    """The newskg shapes plus the two cross-article checks as per-node sh:sparql constraints."""
    shapes = Graph()
    for triple in load_shapes():
        shapes.add(triple)
    declare = " , ".join(
        f'[ sh:prefix "{prefix}" ; sh:namespace "{namespace}"^^xsd:anyURI ]'
        for prefix, namespace in SPARQL_PREFIXES.items()
    )
    checks = " , ".join(
        f'[ sh:prefixes <urn:bench:prefixes> ; sh:select """{query}""" ]' for query in PER_NODE_CHECKS
    )
    turtle = f"""
    @prefix sh: <http://www.w3.org/ns/shacl#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix nkg: <https://w3id.org/newskg/ontology#> .
    <urn:bench:prefixes> sh:declare {declare} .
    <urn:bench:MembershipSparqlShape> a sh:NodeShape ; sh:targetClass nkg:Membership ; sh:sparql {checks} .
    """
    shapes.parse(data=turtle, format="turtle")
    return shapes


PER_NODE_CHECKS = (
    """SELECT $this WHERE {
        $this nkg:roleName ?role ; org:organization ?org ; org:member ?person ; nkg:reportedIn ?article .
        ?article schema:datePublished ?date .
        ?other org:organization ?org ; nkg:roleName ?otherRole ; org:member ?otherPerson ;
               nkg:reportedIn ?otherArticle .
        ?otherArticle schema:datePublished ?date .
        FILTER (STR(?role) = "head" && STR(?otherRole) = "head" && ?otherPerson != ?person)
    }""",
    """SELECT $this WHERE {
        $this nkg:status ?status ; org:member ?person ; org:organization ?org ; nkg:roleName ?role ;
              nkg:reportedIn ?article .
        ?article schema:datePublished ?date .
        ?other org:member ?person ; org:organization ?org ; nkg:status ?otherStatus ;
               nkg:roleName ?formerRole ; nkg:reportedIn ?otherArticle .
        ?otherArticle schema:datePublished ?otherDate .
        FILTER (STR(?status) = "current" && STR(?otherStatus) = "former" && ?date > ?otherDate
                && REPLACE(STR(?formerRole), "^former (acting )?", "") = STR(?role))
    }""",
)
"""newskg's two cross-article checks as SHACL-SPARQL constraints: bound to ``$this``, no VALUES, no
subquery (SHACL-SPARQL forbids VALUES, and pySHACL a subquery that does not select ``$this``)."""


def timed(func: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    found = func(*args, **kwargs)
    return time.perf_counter() - start, found


def plain_pyshacl(graph: Graph, shapes: Graph) -> bool:
    conforms, _, _ = pyshacl.validate(
        graph, shacl_graph=shapes, inference="none", inplace=False, advanced=False, allow_warnings=True
    )
    return bool(conforms)


VARIANTS = {
    "validate": "newskg.validate: core shapes through the view, plus the cross-article checks",
    "cross": "the cross-article checks alone",
    "pyshacl": "plain pyshacl.validate with the core shapes",
    "sparql": "pySHACL through the view with the core shapes plus per-node sh:sparql checks",
}


def measure(variant: str, size: int) -> dict[str, float]:
    """Time one variant on a fresh synthetic graph of ``size`` articles (run in its own process)."""
    graph, articles = base_graph()
    copies = max(1, round(size / articles))
    data = replicate(graph, copies)
    del graph
    if variant == "validate":
        seconds, report = timed(validate, data)
        assert report.conforms, "the synthetic graph should conform like its source"
    elif variant == "cross":
        seconds, _ = timed(find_inconsistencies, data)
    elif variant == "pyshacl":
        seconds, _ = timed(plain_pyshacl, data, load_shapes())
    else:
        seconds, report = timed(full_pyshacl, reading_view(data), sparql_shapes())
        assert "Validation Failure" not in report, report  # a malformed constraint would return at once
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": copies * articles, "triples": len(data), "seconds": seconds, "rss": rss}


def full_pyshacl(graph: Graph, shapes: Graph) -> str:
    """pySHACL's text report (which says "Validation Failure" if it could not run)."""
    _, _, text = pyshacl.validate(
        graph, shacl_graph=shapes, inference="none", inplace=False, advanced=False, allow_warnings=True
    )
    return str(text)


BUILD_STEPS = ("no-validate", "validating", "re-run", "validate", "store", "store re-run")
"""What ``--builds`` times, in the order each repeat runs them."""


def builds(sizes: list[int], *, repeats: int, jobs: int, baseline: Path | None) -> None:
    """The end-to-end measurements of ``--builds`` (see the module's docstring)."""
    import shutil
    import statistics
    import tempfile

    from throughput import make_corpus, run_measured

    versions: dict[str, Path | None] = {"this checkout": None}
    if baseline is not None:
        versions = {"baseline": baseline.resolve(), **versions}
    print("| articles | code | step | median s (runs) | peak MB |")
    print("|---:|---|---|---|---:|")
    with tempfile.TemporaryDirectory(prefix="newskg-bench-validation-") as tmp:
        scratch = Path(tmp)
        for size in sizes:
            corpus = scratch / f"corpus-{size}.jsonl"
            make_corpus(size, corpus)
            seconds: dict[tuple[str, str], list[float]] = {}
            peaks: dict[tuple[str, str], float] = {}
            for _ in range(repeats):
                for version, src in versions.items():
                    env = dict(os.environ)
                    if src is not None:
                        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
                    out, store = scratch / "graph.nq", scratch / "store"
                    build = [sys.executable, "-m", "newskg", "build", str(corpus), "-q", "--jobs", str(jobs)]
                    for path in (out, out.with_name(f".{out.name}.newskg-validated")):
                        path.unlink(missing_ok=True)
                    shutil.rmtree(store, ignore_errors=True)
                    commands = {
                        "no-validate": [*build, "-o", str(out), "--no-validate"],
                        "validating": None,  # below: after removing the no-validate output
                        "re-run": [*build, "-o", str(out)],
                        "validate": [sys.executable, "-m", "newskg", "validate", str(out)],
                        "store": [*build, "--store", str(store)],
                        "store re-run": [*build, "--store", str(store)],
                    }
                    for step in BUILD_STEPS:
                        command = commands[step]
                        if command is None:
                            out.unlink()
                            command = [*build, "-o", str(out)]
                        run = run_measured(command, env=env)
                        seconds.setdefault((version, step), []).append(run.seconds)
                        peaks[version, step] = max(peaks.get((version, step), 0.0), run.peak_mb)
            medians = {key: statistics.median(runs) for key, runs in seconds.items()}
            for version in versions:
                for step in BUILD_STEPS:
                    runs = ", ".join(f"{s:.2f}" for s in seconds[version, step])
                    print(
                        f"| {size:,} | {version} | {step} | {medians[version, step]:.2f} ({runs}) | "
                        f"{peaks[version, step]:.0f} |"
                    )
                ratio = {
                    "validating / no-validate (limit 2)": ("validating", "no-validate"),
                    "validate / no-validate (limit 1.5)": ("validate", "no-validate"),
                    "re-run / validating (limit 0.1)": ("re-run", "validating"),
                    "store re-run / store (limit 0.1)": ("store re-run", "store"),
                }
                for name, (top, bottom) in ratio.items():
                    value = medians[version, top] / medians[version, bottom]
                    print(f"| {size:,} | {version} | {name} | {value:.2f} | |")
            sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="numbers of articles, comma-separated")
    parser.add_argument("--plain-max", type=int, default=1000, help="largest size for the plain pySHACL runs")
    parser.add_argument("--sparql-shapes", action="store_true", help="also time per-node sh:sparql shapes")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest is shown")
    parser.add_argument("--measure", nargs=2, metavar=("VARIANT", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--builds", help="end to end: build and validate corpora of these sizes instead")
    parser.add_argument("--repeats", type=int, default=3, help="--builds: runs of each command")
    parser.add_argument("--jobs", type=int, default=1, help="--builds: newskg build --jobs")
    parser.add_argument("--baseline-src", type=Path, help="--builds: a src folder to compare with")
    args = parser.parse_args(argv)
    if args.builds:
        sizes = [int(size) for size in args.builds.split(",")]
        builds(sizes, repeats=args.repeats, jobs=args.jobs, baseline=args.baseline_src)
        return 0
    if args.measure:  # one measurement, in a fresh process, so no run warms up the next
        print(json.dumps(measure(args.measure[0], int(args.measure[1]))))
        return 0

    variants = ["validate", "cross", "pyshacl"] + (["sparql"] if args.sparql_shapes else [])
    for name in variants:
        print(f"  {name:>8}: {VARIANTS[name]}")
    columns = ["articles", "triples", "validate s", "ms/article", "cross s", "pyshacl s"]
    columns += ["sh:sparql s"] if args.sparql_shapes else []
    print(" ".join(f"{c:>11}" for c in [*columns, "max RSS MB"]), flush=True)
    for size in (int(size) for size in args.sizes.split(",")):
        found: dict[str, dict[str, float]] = {}
        for variant in variants:
            if variant in ("pyshacl", "sparql") and size > args.plain_max:
                continue
            runs = [
                subprocess.run(
                    [sys.executable, __file__, "--measure", variant, str(size)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                for _ in range(args.repeat)
            ]
            results = [json.loads(run.stdout.strip().splitlines()[-1]) for run in runs]
            found[variant] = min(results, key=lambda result: result["seconds"])
        main_run = found["validate"]
        cells = [
            f"{int(main_run['articles']):,}",
            f"{int(main_run['triples']):,}",
            f"{main_run['seconds']:.1f}",
            f"{1000 * main_run['seconds'] / main_run['articles']:.1f}",
            f"{found['cross']['seconds']:.2f}",
            *(f"{found[v]['seconds']:.1f}" if v in found else "-" for v in variants[2:]),
            f"{max(run['rss'] for run in found.values()):,.0f}",
        ]
        print(" ".join(f"{c:>11}" for c in cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
