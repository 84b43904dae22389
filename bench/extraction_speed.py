"""How fast the NLP pass runs on the dev corpus, against bare tokenisation (the floor).

Run: .venv/bin/python bench/extraction_speed.py [--repeat N]
Prints seconds per article, words per second, and the same for spacy.blank("en") alone.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from newskg.ingest import article_from_text
from newskg.nlp import extract, make_pipeline

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="How many times to run over the corpus.")
    parser.add_argument("--corpus", type=Path, default=DEV, help="Folder of corpus-format JSON files.")
    args = parser.parse_args()
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.corpus.glob("*.json"))]
    articles = [article_from_text(d["text"], id=d["id"], date=d.get("date")) for d in docs] * args.repeat
    words = sum(len(a.text.split()) for a in articles)

    started = time.perf_counter()
    nlp = make_pipeline()
    load = time.perf_counter() - started

    started = time.perf_counter()
    for _ in extract(articles, nlp=nlp):
        pass
    took = time.perf_counter() - started

    blank = spacy.blank("en")
    started = time.perf_counter()
    for _ in blank.pipe(a.text for a in articles):
        pass
    floor = time.perf_counter() - started

    print(f"articles: {len(articles)} ({len(docs)} distinct x {args.repeat}), words: {words}")
    print(f"pipeline load: {load:.2f} s")
    print(f"newskg extract: {took / len(articles) * 1000:.1f} ms/article, {words / took:,.0f} words/s")
    print(f"blank tokeniser: {floor / len(articles) * 1000:.2f} ms/article, {words / floor:,.0f} words/s")
    print(f"extract / floor speed: {floor / took:.1%}")


if __name__ == "__main__":
    main()
