"""Wall time and peak memory of ``newskg build`` per output format, against N-Quads.

A Turtle or N-Triples file holds the union of the article graphs, so the build merges their repeated
triples before writing; this bench says what that costs next to ``-o graph.nq``. Each run is a fresh
process writing a file that does not exist yet (an existing ``.nq`` or ``.trig`` output is reused by
the next build), and the formats alternate, so they share the machine's state.

    .venv/bin/python bench/output_formats.py                            # 1,000 articles, 3 runs each
    .venv/bin/python bench/output_formats.py --sizes 1000,3000 --baseline-src /tmp/main/src

``--baseline-src`` runs every format a second time with that ``src`` folder first on ``PYTHONPATH``
(say, ``git archive main src | tar -x -C /tmp/main``), alternating with this checkout, for a before
and after in one sitting. It prints a Markdown table of medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from throughput import make_corpus, run_measured

FORMATS = ("nq", "nt", "ttl")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000", help="Comma-separated corpus sizes.")
    parser.add_argument("--repeats", type=int, default=3, help="Runs per format (and per code version).")
    parser.add_argument("--baseline-src", type=Path, help="A src folder to compare with, e.g. main's.")
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="--jobs of every build (the same for both versions, whose defaults differ).",
    )
    args = parser.parse_args()
    versions = {"this checkout": None}
    if args.baseline_src is not None:
        versions = {"baseline": args.baseline_src.resolve(), **versions}
    print("| articles | code | format | seconds (median) | runs | x .nq | peak MB |")
    print("|---:|---|---|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="newskg-bench-formats-") as tmp:
        scratch = Path(tmp)
        for size in (int(s) for s in args.sizes.split(",")):
            corpus = scratch / f"corpus-{size}.jsonl"
            make_corpus(size, corpus)
            seconds: dict[tuple[str, str], list[float]] = {}
            peaks: dict[tuple[str, str], float] = {}
            for repeat in range(args.repeats):
                for version, src in versions.items():
                    for fmt in FORMATS:
                        output = scratch / f"graph-{repeat}.{fmt}"
                        env = dict(os.environ)
                        if src is not None:
                            env["PYTHONPATH"] = os.pathsep.join(
                                filter(None, [str(src), env.get("PYTHONPATH")])
                            )
                        command = [sys.executable, "-m", "newskg", "build", str(corpus), "-o", str(output)]
                        command += ["--jobs", str(args.jobs)]
                        run = run_measured([*command, "--no-validate"], env=env)
                        output.unlink()
                        seconds.setdefault((version, fmt), []).append(run.seconds)
                        peaks[version, fmt] = max(peaks.get((version, fmt), 0.0), run.peak_mb)
            for version in versions:
                nquads = statistics.median(seconds[version, "nq"])
                for fmt in FORMATS:
                    runs = seconds[version, fmt]
                    median = statistics.median(runs)
                    shown = ", ".join(f"{s:.2f}" for s in runs)
                    print(
                        f"| {size:,} | {version} | .{fmt} | {median:.2f} | {shown} | "
                        f"{median / nquads:.2f} | {peaks[version, fmt]:.0f} |"
                    )


if __name__ == "__main__":
    main()
