"""Title phrases: ``ISIPO's Previous Head``, ``the deputy industry minister``, ``Head of ISIPO``.

A title phrase is a post word (head, director, minister, governor, ...) with its modifiers
(acting, former, deputy, ...), the sector words of a minister (``industry, mining and trade
minister``), and the organisation or place it belongs to, written before it (``ISIPO Head``,
``Kerman's governor``) or after it (``Head of ISIPO``). Roles and statements both read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .gazetteers import Gazetteer
from .lexicon import Lexicon
from .state import Cluster, DocState
from .text import DocView

POSSESSIVE = ("’s", "'s")
ORG_NOUNS = {
    "organization",
    "organisation",
    "ministry",
    "company",
    "bank",
    "fund",
    "department",
    "council",
    "agency",
    "chamber",
    "office",
    "corporation",
    "authority",
    "association",
    "union",
    "foundation",
}
MULTIWORD_TITLES = (
    ("chief", "executive", "officer"),
    ("chief", "executive"),
    ("managing", "director"),
    ("director", "general"),
    ("secretary", "general"),
    ("governor", "general"),
)


@dataclass(slots=True)
class TitlePhrase:
    start: int
    """Token offsets of the whole phrase, organisation included."""
    end: int
    title_start: int
    """Token offsets of the title as written (modifiers, sector words and post word)."""
    title_end: int
    role: str
    """Normalised role: head, acting head, former head, deputy head, minister, deputy minister, ..."""
    org: Cluster | None
    ministry: str | None = None
    """Canonical ministry named by sector words (``industry minister``), when no entity is written."""


def find_title_phrases(
    doc: DocView, state: DocState, lexicon: Lexicon, gazetteer: Gazetteer
) -> list[TitlePhrase]:
    """Every singular post word in the text, with its modifiers and organisation."""
    phrases: list[TitlePhrase] = []
    words, lower = doc.words, doc.lower
    i = 0
    # A post word starts with a title word or the first word of a multi-word title.
    title_words = lexicon.title_words
    starts = [k for k, word in enumerate(lower) if word in title_words or word in MULTIWORD_FIRST]
    for k in starts:
        if k < i:
            continue
        i = k
        word_end = _title_word_end(doc, i, lexicon)
        if word_end == i or state.cluster_at(i) is not None:
            i += 1
            continue
        post = " ".join(lower[t] for t in range(i, word_end) if words[t] != "-")
        base = (
            "head"
            if post in lexicon.head_titles or post.replace(" ", "-") in lexicon.head_titles
            else lexicon.other_titles.get(post)
        )
        if base is None:
            i = word_end
            continue
        start, modifiers, sector = _left_of(doc, i, lexicon, gazetteer)
        role = _normalise(base, modifiers)
        org, end = _org_after(doc, word_end, state)
        phrase_start = start
        ministry = None
        if base == "minister" and (org is None or org.type in ("GPE", "LOC")):
            ministry, end = _ministry(doc, state, gazetteer, lexicon, sector, word_end, end)
            if ministry is not None:
                org = None
        if org is None:
            before, before_start = _org_before(doc, start, state)
            if before is not None and not (ministry and before.type in ("GPE", "LOC")):
                org, phrase_start = before, before_start
            elif before is not None:
                phrase_start = before_start  # "Iran's Minister of Industry": the country's ministry
            if before is not None:  # "Former ISIPO head": modifiers may stand before the organisation
                more_start, more, _ = _left_of(doc, phrase_start, lexicon, gazetteer, post=lower[i])
                if more:
                    role = _normalise(base, more + modifiers)
                    phrase_start = more_start
        phrases.append(TitlePhrase(phrase_start, max(end, word_end), start, word_end, role, org, ministry))
        i = word_end
    return phrases


MULTIWORD_FIRST = {words[0] for words in MULTIWORD_TITLES}


def _ministry(
    doc: DocView,
    state: DocState,
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    sector: str,
    word_end: int,
    end: int,
) -> tuple[str | None, int]:
    """The ministry a minister's title names: by sector words (``industry minister``) or an
    ``of`` tail (``Minister of Industry, Mine and Trade``); and where the phrase ends."""
    if sector:
        found = gazetteer.ministry_for(sector)
        if found is not None:
            return found.canonical, end
    if word_end + 1 < len(doc) and doc.lower[word_end] == "of":
        tail = _capitalised_run(doc, state, word_end + 1, lexicon)
        found = gazetteer.ministry_for(doc.span_text(word_end + 1, tail)) if tail > word_end + 1 else None
        if found is not None:
            return found.canonical, tail
    return None, end


def _title_word_end(doc: DocView, i: int, lexicon: Lexicon) -> int:
    """End of the post word(s) starting at token i, or i when there is none."""
    words, lower = doc.words, doc.lower
    if lower[i] in MULTIWORD_FIRST:
        for title in MULTIWORD_TITLES:
            j, seen = i, 0
            while j < len(words) and seen < len(title):
                if words[j] != "-":
                    if lower[j] != title[seen]:
                        break
                    seen += 1
                j += 1
            if seen == len(title):
                return j
    return i + 1 if lexicon.is_title_word(lower[i]) else i


def _left_of(
    doc: DocView, i: int, lexicon: Lexicon, gazetteer: Gazetteer, *, post: str | None = None
) -> tuple[int, list[str], str]:
    """Modifiers and a minister's sector words written before token i (the post word)."""
    words, lowers = doc.words, doc.lower
    post = post or lowers[i]
    start = i
    modifiers: list[str] = []
    sector_tokens: list[str] = []
    j = i - 1
    while j >= 0:
        lower = lowers[j]
        if lower in lexicon.title_modifiers:
            modifiers.insert(0, lexicon.title_modifiers[lower])
            start = j
        elif lower in ("-",) and j > 0 and lowers[j - 1] == "ex":
            modifiers.insert(0, "former")
            start = j - 1
            j -= 1
        elif (lower in (",", "and") or gazetteer.ministry_for(lower) is not None) and post == "minister":
            sector_tokens.insert(0, words[j])
            if lower not in (",", "and"):
                start = j
        else:
            break
        j -= 1
    sector = " ".join(t for t in sector_tokens).strip(" ,")
    return start, modifiers, sector


def _normalise(base: str, modifiers: list[str]) -> str:
    parts = []
    if "former" in modifiers:
        parts.append("former")
    if "acting" in modifiers:
        parts.append("acting")
    if "deputy" in modifiers:
        parts.append("deputy")
    return " ".join([*parts, base])


def _org_after(doc: DocView, end: int, state: DocState) -> tuple[Cluster | None, int]:
    """``Head of ISIPO``, ``deputy head of Kerman's Department``, ``governor of the ... province``."""
    words, lower = doc.words, doc.lower
    n = len(words)
    if end >= n or lower[end] not in ("of", "at", "with"):
        return None, end
    if end + 2 < n and lower[end + 1] == "the" and lower[end + 2] in ORG_NOUNS:
        earlier = _last_org_named(state, lower[end + 2], before=end)
        if earlier is not None:  # "the head of the organization": the organisation last named
            return earlier, end + 3
    j = end + 1
    while j < n and (
        lower[j] == "the"
        or (
            words[j].islower()
            and j < end + 4
            and state.cluster_at(j) is None
            and lower[j] not in ("and", "for", "in", "as", "to", "on")
        )
    ):
        j += 1
    if j >= n:
        return None, end
    cluster = state.cluster_at(j)
    if cluster is None or cluster.type in ("PERSON", "MOTTO"):
        return None, end
    k = _after_cluster(doc, state, j, cluster)
    if k < n and words[k] in POSSESSIVE:
        owned = state.cluster_at(k + 1) if k + 1 < n else None
        if owned is not None and owned.type in ("ORG", "NEWS_AGENCY"):
            return owned, _after_cluster(doc, state, k + 1, owned)
    return cluster, k


def _last_org_named(state: DocState, noun: str, *, before: int) -> Cluster | None:
    """The organisation named last before token ``before`` whose name has ``noun`` as a word."""
    best: tuple[int, Cluster] | None = None
    for cluster in state.clusters:
        if cluster.type not in ("ORG", "NEWS_AGENCY") or noun not in cluster.canonical.lower().split():
            continue
        starts = [span.start for span in cluster.spans if span.start < before]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), cluster)
    return best[1] if best is not None else None


def _after_cluster(doc: DocView, state: DocState, j: int, cluster: Cluster) -> int:
    """End of the mention of ``cluster`` starting at j, with a bracketed acronym of it: ``X (XO)``."""
    words = doc.words
    n = len(words)
    k = j
    while k < n and state.cluster_at(k) is cluster:
        k += 1
    if k + 2 < n and words[k] == "(" and state.cluster_at(k + 1) is cluster and words[k + 2] == ")":
        k += 3
    return k


def _org_before(doc: DocView, start: int, state: DocState) -> tuple[Cluster | None, int]:
    """``ISIPO Head``, ``ISIPO's Previous Head``, ``Sistan-Baluchestan Governor``."""
    j = start - 1
    if j >= 0 and doc.words[j] in POSSESSIVE:
        j -= 1
    if j < 0:
        return None, start
    cluster = state.cluster_at(j)
    if cluster is None or cluster.type in ("PERSON", "MOTTO"):
        return None, start
    k = j
    while k > 0 and state.cluster_at(k - 1) is cluster:
        k -= 1
    return cluster, k


def _capitalised_run(doc: DocView, state: DocState, i: int, lexicon: Lexicon) -> int:
    """End of the capitalised words from i (with list commas and 'and'), stopping at a post word
    or a named entity (``Minister of Industry, Mine and Trade Reza Fatemi Amin``)."""
    words, lower = doc.words, doc.lower
    n = len(words)
    j = i
    while j < n and (
        words[j][:1].isupper() or (lower[j] in ("and", ",") and j + 1 < n and words[j + 1][:1].isupper())
    ):
        if lexicon.is_title_word(lower[j]) or lower[j] in lexicon.title_modifiers:
            break
        if state.cluster_at(j) is not None:
            break
        j += 1
    while j > i and lower[j - 1] in ("and", ","):
        j -= 1
    return j
