"""Corpora made by recombining the sentences of ``seeds/``, and what a store holds, for the store tests.

The corpora are seeded: the same arguments always give the same articles, so a build interrupted and
run again can be compared with a clean build of the same input.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from conftest import SEEDS

NEWSKG = [sys.executable, "-m", "newskg"]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_DATES = ("2019-06-01", "2019-08-13", "2020-01-20", "2020-06-09", None)


def _sentences() -> tuple[list[str], list[str]]:
    """First sentences (datelines) and the other sentences of the seed articles."""
    firsts: list[str] = []
    rest: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        sentences = [s for s in _SENTENCE_END.split(path.read_text(encoding="utf-8").replace("\n", " ")) if s]
        firsts.append(sentences[0])
        rest.extend(sentences[1:])
    return firsts, rest


def articles(count: int, *, seed: int, start: int = 0) -> list[dict[str, str | None]]:
    """``count`` articles ``synth-{start}``... of 4 to 10 recombined seed sentences."""
    firsts, rest = _sentences()
    rng = random.Random(seed)
    made = []
    for number in range(start, start + count):
        body = rng.sample(rest, rng.randint(3, min(9, len(rest))))
        text = " ".join([rng.choice(firsts), *body])
        made.append({"id": f"synth-{number:05d}", "text": text, "date": rng.choice(_DATES)})
    return made


def write_jsonl(path: Path, items: list[dict[str, str | None]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item) + "\n")
    return path


def build(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``newskg build ARGS`` in a subprocess."""
    return subprocess.run(
        [*NEWSKG, "build", *map(str, args)], capture_output=True, text=True, timeout=timeout, check=False
    )


def store_quads(path: Path) -> set[str]:
    """Every quad of the store at ``path`` as N-Quads text, read raw (no repair), default graph included."""
    store = ox.Store.read_only(str(path))
    try:
        return {str(quad) for quad in store}
    finally:
        del store
