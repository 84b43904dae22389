"""The physical floor of ``newskg build``, as a command of its own: bare ``spacy.blank("en")``
tokenising the texts of a JSON Lines corpus, plus writing as many N-Triples lines with f-strings.

It runs as a fresh process, so its start-up (Python, importing spaCy, making the blank pipeline) is
counted as a build's is: the issue compares the two "start-up included on both sides".

    .venv/bin/python bench/floor.py corpus.jsonl --lines 496570 -o floor.nt
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

BASE = "https://w3id.org/newskg/id/"


def floor(texts: list[str], lines: int, output: Path) -> None:
    """Tokenise ``texts`` with a blank English pipeline and write ``lines`` N-Triples lines."""
    import spacy

    blank = spacy.blank("en")
    for _ in blank.pipe(texts, batch_size=64):
        pass
    with output.open("w", encoding="utf-8") as handle:
        for i in range(lines):
            handle.write(f'<{BASE}fact/{i // 20}/{i:08x}> <{BASE}p{i % 17}> "value {i}" .\n')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSON Lines, one article per line with its 'text'.")
    parser.add_argument("--lines", type=int, required=True, help="N-Triples lines to write.")
    parser.add_argument("-o", "--output", type=Path, required=True, help="Where to write them.")
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    floor(texts, args.lines, args.output)


if __name__ == "__main__":
    main()
