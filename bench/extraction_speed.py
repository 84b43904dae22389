"""How fast the NLP pass runs on the dev corpus, against bare tokenisation (the floor).

Run: .venv/bin/python bench/extraction_speed.py [--repeat N] [--gc normal|frozen]
Prints seconds per article, words per second, and the same for spacy.blank("en") alone.

``--gc frozen`` (the default) freezes the garbage collector's view of the loaded pipeline, as the
build's NLP workers do (``newskg.build.parallel``): a full collection otherwise scans the pipeline's tables
at moments that depend on the run's length, which makes short runs noisy. ``--gc normal`` measures
the library as a caller who does nothing about it gets it. Compare two versions with the same flags,
in the same sitting, and trust the ratio, not the absolute figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from pathlib import Path

import spacy

# Public names only, so that this script also measures earlier versions of newskg (bench/README.md).
from newskg import article_from_text
from newskg.nlp import extract, make_pipeline

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="How many times to run over the corpus.")
    parser.add_argument("--corpus", type=Path, default=DEV, help="Folder of corpus-format JSON files.")
    parser.add_argument(
        "--gc",
        choices=("frozen", "normal"),
        default="frozen",
        help="Freeze the collector's view of the loaded pipeline, as the build's workers do (default).",
    )
    args = parser.parse_args()
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.corpus.glob("*.json"))]
    articles = [article_from_text(d["text"], id=d["id"], date=d.get("date")) for d in docs] * args.repeat
    words = sum(len(a.text.split()) for a in articles)

    started = time.perf_counter()
    nlp = make_pipeline()
    load = time.perf_counter() - started
    if args.gc == "frozen":
        gc.freeze()

    started = time.perf_counter()
    for _ in extract(articles, nlp=nlp):
        pass
    took = time.perf_counter() - started

    blank = spacy.blank("en")
    started = time.perf_counter()
    for _ in blank.pipe(a.text for a in articles):
        pass
    floor = time.perf_counter() - started

    print(f"articles: {len(articles)} ({len(docs)} distinct x {args.repeat}), words: {words}, gc: {args.gc}")
    print(f"pipeline load: {load:.2f} s")
    print(f"newskg extract: {took / len(articles) * 1000:.2f} ms/article, {words / took:,.0f} words/s")
    print(f"blank tokeniser: {floor / len(articles) * 1000:.2f} ms/article, {words / floor:,.0f} words/s")
    print(f"extract / floor speed: {floor / took:.1%}")


if __name__ == "__main__":
    main()
