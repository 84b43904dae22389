"""``newskg build --jobs 2`` against ``--jobs 1``, and the default command against the floor.

On a synthetic corpus of N articles (``throughput.make_corpus``), each round runs, one after the
other so that they share the machine's state:

- ``newskg build corpus.jsonl -o graph.nt --no-validate --jobs 1``, then ``--jobs 2``;
- ``newskg build corpus.jsonl -o graph.nt --no-validate``: the default command (as many processes as
  the cores this process may use);
- ``bench/floor.py``: bare ``spacy.blank("en")`` on the same texts plus as many N-Triples lines
  written with f-strings as the build wrote;
- with ``--validating``, also ``--jobs 1`` and ``--jobs 2`` validating (the default build), for the
  issue's "``--jobs 2`` >= 1.6x ``--jobs 1``, validation included";
- with ``--baseline PYTHON`` (the interpreter of another newskg, e.g. a worktree of main with its own
  ``.venv``), each build command again with that newskg right after this one's, so that before and
  after are measured side by side in the same sitting.

Each is a fresh process, start-up included on both sides. For each run: wall time; CPU time (user
and system, of the process and the workers it waited for); and how busy the machine was with other
work meanwhile, in cores (``/proc/stat``'s busy time less the run's own CPU time, over its wall
time), since on a shared machine a ratio means little without it. Prints Markdown: medians, ratios
of medians, and the builds' own phase times from their summaries.

    .venv/bin/python bench/parallel.py --sizes 1000,3000 --rounds 5 --validating \\
        --baseline ../main-before/.venv/bin/python
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from throughput import make_corpus

HERE = Path(__file__).resolve().parent
PHASES = ("reading and extraction", "graphs", "writing", "validation")


@dataclass
class Runs:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    others: list[float] = field(default_factory=list)
    phases: dict[str, list[float]] = field(default_factory=dict)

    def add(self, wall: float, cpu: float, others: float, output: str) -> None:
        self.wall.append(wall)
        self.cpu.append(cpu)
        self.others.append(others)
        for line in output.splitlines():
            name, _, rest = line.strip().partition(": ")
            if name in PHASES:
                self.phases.setdefault(name, []).append(float(rest.split(" s")[0]))


def _busy_seconds() -> float:
    """CPU seconds the whole machine has spent on anything but idling, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    user, nice, system, _, _, irq, softirq = fields[:7]  # not idle, iowait, or steal (another VM's)
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def wait_for_quiet(limit: float, *, idle_below: float = 0.3) -> None:
    """Wait (at most ``limit`` seconds) for a second in which other work keeps less than
    ``idle_below`` cores busy: on a shared machine, a run that starts in a quiet moment is less
    likely to share the cores."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        busy = _busy_seconds()
        time.sleep(1.0)
        if _busy_seconds() - busy < idle_below:
            return


def run(command: list[str], runs: Runs, *, quiet_wait: float = 0.0) -> str:
    wait_for_quiet(quiet_wait)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy = _busy_seconds()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    busy = _busy_seconds() - busy
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1: built, and the graph does not conform to the shapes
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    runs.add(wall, cpu, max(0.0, busy - cpu) / wall, done.stdout)
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000", help="Comma-separated corpus sizes.")
    parser.add_argument("--rounds", type=int, default=5, help="Runs of each command, alternating.")
    parser.add_argument("--suffix", default="nt", help="Output format of the builds (file extension).")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=0.0,
        help="Seconds to wait at most for a quiet moment before each run.",
    )
    parser.add_argument(
        "--validating", action="store_true", help="Also time --jobs 1 and --jobs 2 validating builds."
    )
    parser.add_argument(
        "--baseline",
        metavar="PYTHON",
        help="Also run each build with another newskg's interpreter, right after this one's.",
    )
    args = parser.parse_args()
    codes = {"": sys.executable} | ({BEFORE: args.baseline} if args.baseline else {})
    usable = len(os.sched_getaffinity(0))
    print(f"machine: {os.cpu_count()} cores, usable here {usable}; Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="newskg-bench-parallel-") as tmp:
        scratch = Path(tmp)
        for size in (int(s) for s in args.sizes.split(",")):
            corpus = scratch / f"corpus-{size}.jsonl"
            make_corpus(size, corpus)
            graph = scratch / f"graph.{args.suffix}"
            commands: dict[str, list[str]] = {}
            for name in COMMANDS if args.validating else COMMANDS[:3]:
                for code, python in codes.items():
                    commands[code + name] = _command(python, name, corpus, graph)
            results = {name: Runs() for name in [*commands, "floor"]}
            for _ in range(args.rounds):
                for name, command in commands.items():
                    run(command, results[name], quiet_wait=args.quiet_wait)
                    lines = sum(1 for _ in graph.open("rb"))
                    graph.unlink()
                floor = [sys.executable, str(HERE / "floor.py"), str(corpus), "--lines", str(lines)]
                run([*floor, "-o", str(scratch / "floor.nt")], results["floor"], quiet_wait=args.quiet_wait)
            _report(size, lines, results)
            if args.baseline:
                print(f"\n**The baseline** ({args.baseline}), run alternately with the above:")
                before = {n.removeprefix(BEFORE): r for n, r in results.items() if n.startswith(BEFORE)}
                _ratios(before | {"floor": results["floor"]})


BEFORE = "before: "
"""Prefixes the names of the baseline's commands."""
COMMANDS = ("--jobs 1", "--jobs 2", "default", "--jobs 1, validating", "--jobs 2, validating")


def _command(python: str, name: str, corpus: Path, graph: Path) -> list[str]:
    """The command line of one of ``COMMANDS`` (a validating build of these corpora does not
    conform: exit 1, see ``run``)."""
    command = [python, "-m", "newskg", "build", str(corpus), "-o", str(graph)]
    if "validating" not in name:
        command.append("--no-validate")
    if "--jobs" in name:
        command += ["--jobs", name.split()[1].rstrip(",")]
    return command


def _report(size: int, lines: int, results: dict[str, Runs]) -> None:
    median = statistics.median
    print(f"\n{size:,} articles, {lines:,} lines of .nt; medians of {len(results['floor'].wall)} rounds\n")
    print("| command | wall s | runs | CPU s | other load (cores) | " + " | ".join(PHASES) + " |")
    print("|---|---:|---|---:|---:|" + "---:|" * len(PHASES))
    for name, runs in results.items():
        shown = ", ".join(f"{s:.2f}" for s in runs.wall)
        phases = " | ".join(f"{median(runs.phases[p]):.2f}" if p in runs.phases else "-" for p in PHASES)
        print(
            f"| {name} | {median(runs.wall):.2f} | {shown} | {median(runs.cpu):.2f} | "
            f"{median(runs.others):.2f} | {phases} |"
        )
    _ratios({name: runs for name, runs in results.items() if not name.startswith(BEFORE)})


def _ratios(results: dict[str, Runs]) -> None:
    median = statistics.median
    one, two = median(results["--jobs 1"].wall), median(results["--jobs 2"].wall)
    floor, default = median(results["floor"].wall), median(results["default"].wall)
    print(f"\n--jobs 2 is {one / two:.2f}x as fast as --jobs 1 (ratio of medians); round by round:\n")
    print("| round | --jobs 1 s | --jobs 2 s | ratio | other load during them (cores) |")
    print("|---:|---:|---:|---:|---:|")
    single, double = results["--jobs 1"], results["--jobs 2"]
    for number, (a, b) in enumerate(zip(single.wall, double.wall, strict=True)):
        others = (single.others[number] * a + double.others[number] * b) / (a + b)
        print(f"| {number + 1} | {a:.2f} | {b:.2f} | {a / b:.2f} | {others:.2f} |")
    print(f"the default command runs at {floor / default:.1%} of the floor's speed")
    if "--jobs 1, validating" in results:
        one_v, two_v = (
            median(results["--jobs 1, validating"].wall),
            median(results["--jobs 2, validating"].wall),
        )
        print(
            f"validating, --jobs 2 is {one_v / two_v:.2f}x as fast as --jobs 1 (ratio of medians); "
            "round by round:\n"
        )
        print("| round | --jobs 1 s | --jobs 2 s | ratio |")
        print("|---:|---:|---:|---:|")
        for number, (a, b) in enumerate(
            zip(results["--jobs 1, validating"].wall, results["--jobs 2, validating"].wall, strict=True)
        ):
            print(f"| {number + 1} | {a:.2f} | {b:.2f} | {a / b:.2f} |")


if __name__ == "__main__":
    main()
