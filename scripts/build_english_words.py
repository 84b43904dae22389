#!/usr/bin/env python3
"""Build ``src/newskg/nlp/data/english_words.tsv`` from spacy-lookups-data, once, by hand.

Why a derived table: the name rules must tell a capitalised common word ("Trade", "Said",
"Development" at the start of a sentence or in a headline) from a name ("Zadboum", "Tehran"),
and know whether a word can be a verb ("became", "said") or a noun ("units"). spacy-lookups-data
has what it takes (word frequencies by case, WordNet's lemmas and inflection exceptions) but is
a 100 MB package; the table newskg needs is a few hundred KB. So this script distils it once, the
table is committed as data, a rebuild is reviewed as a diff, and the runtime never imports
spacy-lookups-data.

Each row is a lower-case alphabetic word form with

* ``pos``: the parts of speech WordNet 3.0 gives it, a subset of ``nvar`` (noun, verb, adjective,
  adverb), found the way WordNet's morphy does: the form itself, or a lemma reached by an
  inflection exception (became -> become) or an inflection rule (units -> unit), is a lemma of
  that part of speech. spaCy's English stop words (closed class: determiners, prepositions,
  pronouns, auxiliaries) add ``f``; they keep WordNet's readings too (will: ``fnv``), so a caller
  tests ``f`` first. spacy-lookups-data's POS-blind lookup table is not used: it would make
  "said" a noun (said -> say).
* ``lower``: ``1`` when the word is mostly written in lower case, i.e. its lower-case form is
  more frequent than its capitalised form in ``en_lexeme_prob`` (trade, development); ``0`` when
  mostly capitalised (caspian, mohammad: WordNet has some proper nouns, and this flag is what
  tells them apart). Two kinds of word are ``1`` whatever the counts say, because the corpus
  capitalises them at the start of sentences, not as names: function words (however, meanwhile)
  and words WordNet knows only as adverbs (unfortunately, luckily).

Which forms: the frequency of a form is that of its lower-case, capitalised and upper-case
spellings together. A form WordNet knows is kept down to a log-probability of
``MIN_LOGPROB_WORDNET``; a form it does not know only when it is mostly written in lower case
(bailout, hotline, govt) and down to ``MIN_LOGPROB_OTHER`` (a capitalised-only form such as Obama says
nothing the absence of a row would not). Single letters are dropped unless they are function
words (a, i). Function words are always kept.

Licences: spacy-lookups-data is MIT; its English lemma data is WordNet 3.0, whose licence asks
for its notice on every copy: the script writes it beside the table as ``WORDNET_LICENSE.txt``.

Run it with a throwaway environment (spacy-lookups-data is not a newskg dependency)::

    python3 -m venv /tmp/words && /tmp/words/bin/pip install spacy-lookups-data==1.0.5 "spacy>=3.8,<3.9"
    /tmp/words/bin/python scripts/build_english_words.py            # writes the table
    /tmp/words/bin/python scripts/build_english_words.py --check    # exit 1 if it would change

The output is sorted: the same package versions give the same bytes (the table on disk was built
with spacy-lookups-data 1.0.5 and spaCy 3.8). ``scripts/build_given_names.py`` reads this table,
so rebuild that one after this one.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from table_script import DATA, argument_parser, write_or_check

DEFAULT_OUT = DATA / "english_words.tsv"
LICENSE_NAME = "WORDNET_LICENSE.txt"

# Natural-log probabilities (en_lexeme_prob's scale; its rarest forms are at -19.5).
# The corpus behind them is web forum text, where economic words are rarer than in the news:
# -15 keeps WordNet forms down to "tariffs" and "exporter" (about the 30,000 most frequent), -13.5
# adds about 1,200 other mostly-lower-case forms (bailout, anybody). About 32,000 rows and 400 KB,
# covering 97% of the lower-case words (95% of the distinct ones) of the development articles;
# -16 would cover 98% (97%) at 565 KB and a slower load.
MIN_LOGPROB_WORDNET = -15.0
MIN_LOGPROB_OTHER = -13.5

ALPHABETIC = re.compile(r"[a-z]+")

# WordNet's parts of speech as spacy-lookups-data names them -> the one-letter codes of the table.
POS_CODES = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
FUNCTION_WORD = "f"
POS_ORDER = "nvarf"


def read_json(name: str) -> Any:
    """One of spacy-lookups-data's gzipped JSON tables."""
    path = resources.files("spacy_lookups_data").joinpath("data", name)
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as stream:
        return json.load(stream)


@dataclass(frozen=True)
class WordNet:
    """WordNet's lemmas by part of speech, its inflection exceptions and spaCy's inflection rules."""

    lemmas: dict[str, frozenset[str]]
    exceptions: dict[str, dict[str, list[str]]]
    rules: dict[str, list[list[str]]]

    def parts_of_speech(self, form: str) -> set[str]:
        """The codes of every part of speech for which ``form`` is a lemma or an inflection of one."""
        found = set()
        for pos, code in POS_CODES.items():
            candidates = {form, *self.exceptions.get(pos, {}).get(form, [])}
            for old, new in self.rules.get(pos, []):
                if old and form.endswith(old) and len(form) > len(old):
                    candidates.add(form[: -len(old)] + new)
            if not candidates.isdisjoint(self.lemmas[pos]):
                found.add(code)
        return found


@dataclass(frozen=True)
class Word:
    form: str
    pos: str
    lower: bool


Probabilities = dict[str, float]


def case_counts(probabilities: Probabilities) -> tuple[Probabilities, Probabilities, Probabilities]:
    """Per lower-case alphabetic form: total probability, lower-case and capitalised probabilities."""
    total: dict[str, float] = {}
    lower: dict[str, float] = {}
    capital: dict[str, float] = {}
    for spelling, logprob in probabilities.items():
        form = spelling.lower()
        if not ALPHABETIC.fullmatch(form):
            continue
        probability = math.exp(logprob)
        if spelling == form:
            lower[form] = probability
        elif spelling == form.capitalize():
            capital[form] = probability
        elif spelling != form.upper():
            continue  # mixed case (iPhone, McDonald): not a spelling of the plain word
        total[form] = total.get(form, 0.0) + probability
    return total, lower, capital


def select(
    total: dict[str, float],
    lower: dict[str, float],
    capital: dict[str, float],
    wordnet: WordNet,
    function_words: Iterable[str],
) -> list[Word]:
    function = {w for w in function_words if ALPHABETIC.fullmatch(w)}
    words = []
    for form in sorted(set(total) | function):
        logprob = math.log(total[form]) if form in total else -math.inf
        if len(form) == 1 and form not in function:
            continue
        pos = wordnet.parts_of_speech(form)
        mostly_lower = lower.get(form, 0.0) > capital.get(form, 0.0)
        if form in function:
            pos.add(FUNCTION_WORD)
        elif pos:
            if logprob < MIN_LOGPROB_WORDNET:
                continue
        elif not mostly_lower or logprob < MIN_LOGPROB_OTHER:
            continue
        always_lower = form in function or pos == {POS_CODES["adv"]}
        words.append(Word(form, "".join(c for c in POS_ORDER if c in pos), mostly_lower or always_lower))
    return words


def render(words: list[Word], source: str) -> str:
    lines = [
        "# English word forms: lower case, alphabetic, with WordNet's parts of speech and whether the word"
        " is mostly written in lower case.",
        "# Columns, tab-separated: word, pos (subset of nvarf: noun, verb, adjective, adverb, function word;"
        " empty when WordNet does not know the form), lower (1: mostly written lower case, a common word;"
        " 0: mostly capitalised, a name).",
        f"# Derived from {source} (MIT; lemmas from WordNet 3.0, whose licence and notice are in"
        f" {LICENSE_NAME} beside this file) by scripts/build_english_words.py; do not edit.",
        f"# Kept: WordNet forms with log-probability >= {MIN_LOGPROB_WORDNET}, other mostly-lower-case forms"
        f" >= {MIN_LOGPROB_OTHER}, and spaCy's English stop words (pos f).",
    ]
    lines += [f"{w.form}\t{w.pos}\t{int(w.lower)}" for w in words]
    return "\n".join(lines) + "\n"


def build() -> tuple[str, str]:
    """The table's text and the WordNet licence's text."""
    import importlib.metadata

    from spacy.lang.en.stop_words import STOP_WORDS  # only the build needs them

    index = read_json("en_lemma_index.json.gz")
    wordnet = WordNet(
        lemmas={pos: frozenset(index[pos]) for pos in POS_CODES},
        exceptions=read_json("en_lemma_exc.json.gz"),
        rules=read_json("en_lemma_rules.json.gz"),
    )
    total, lower, capital = case_counts(read_json("en_lexeme_prob.json.gz"))
    words = select(total, lower, capital, wordnet, STOP_WORDS)
    versions = (
        f"spacy-lookups-data {importlib.metadata.version('spacy-lookups-data')}"
        f" and spaCy {importlib.metadata.version('spacy')}'s English stop words"
    )
    licence = resources.files("spacy_lookups_data").joinpath("data", "en_license.txt").read_text("utf-8")
    return render(words, versions), licence


def main(argv: list[str] | None = None) -> int:
    args = argument_parser(__doc__, DEFAULT_OUT, checked="the table or its licence file").parse_args(argv)
    text, licence = build()
    rows = sum(1 for line in text.splitlines() if not line.startswith("#"))
    summary = f"wrote {args.out}: {rows} words, {len(text.encode())} bytes"
    outputs = {args.out: text, args.out.with_name(LICENSE_NAME): licence}
    return write_or_check(outputs, check=args.check, summary=summary)


if __name__ == "__main__":
    sys.exit(main())
