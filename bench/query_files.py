"""``newskg query FILE`` against pyoxigraph parsing the same file and running the same query directly.

Issue 14: ``newskg query`` on graph files should run within 2x of plain pyoxigraph. Build a corpus,
write it as N-Quads, then time, in one sitting, the CLI (as installed, so run it from each checkout's
virtualenv to compare branches) and a plain pyoxigraph script; the results must be the same.

    .venv/bin/python bench/query_files.py --articles 1000 [--newskg OTHER/.venv/bin/newskg ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

_PLAIN = """
import sys, pyoxigraph as ox
store = ox.Store()
store.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)
# newskg's default graph is the union of the graphs, each triple once: the same here
named = [q for q in store if q.graph_name != ox.DefaultGraph()]
store.bulk_extend([ox.Quad(q.subject, q.predicate, q.object) for q in named])
for row in store.query(sys.argv[2]):
    print(row[0].value)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="Synthetic articles in the corpus.")
    parser.add_argument("--graph", type=Path, help="Query this N-Quads file instead of building one.")
    parser.add_argument("--query", default=QUERY, help="SPARQL that returns one value (default: a count).")
    parser.add_argument(
        "--newskg",
        action="append",
        type=Path,
        help="newskg executables to time (default: this virtualenv's); repeat to compare checkouts.",
    )
    parser.add_argument("--runs", type=int, default=3, help="Runs of each; the best is reported.")
    args = parser.parse_args()
    executables = args.newskg or [Path(sys.executable).with_name("newskg")]
    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph or _build(Path(tmp), args.articles, executables[0])
        plain = _timed([sys.executable, "-c", _PLAIN, str(graph), args.query], args.runs)
        report: dict[str, Any] = {"graph": str(graph), "bytes": graph.stat().st_size, "pyoxigraph": plain}
        for exe in executables:
            timed = _timed([str(exe), "query", str(graph), args.query, "--format", "csv"], args.runs)
            same = timed["output"].splitlines()[1:] == plain["output"].splitlines()
            report[str(exe)] = {**timed, "same_result": same, "ratio": round(timed["s"] / plain["s"], 2)}
        print(json.dumps(report, indent=2))


def _build(folder: Path, count: int, newskg: Path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from synthetic import articles, write_jsonl

    corpus = write_jsonl(folder / "corpus.jsonl", articles(count, seed=14))
    graph = folder / "graph.nq"
    subprocess.run([str(newskg), "build", str(corpus), "-o", str(graph), "--no-validate"], check=True)
    return graph


def _timed(command: list[str], runs: int) -> dict[str, Any]:
    best, output = float("inf"), ""
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        best, output = min(best, time.perf_counter() - start), done.stdout
    return {"s": round(best, 2), "output": output.strip()}


if __name__ == "__main__":
    main()
