"""The pipeline as spaCy sees it, and the `newskg extract` JSON line format."""

from __future__ import annotations

import json
from importlib.metadata import entry_points

import pytest
import spacy
from spacy.language import Language

from conftest import ROOT, SEEDS
from newskg.nlp import make_pipeline
from newskg.nlp.pipeline import COMPONENTS


def test_pipeline_is_blank_english_plus_newskg_components(nlp):
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["sentencizer", *COMPONENTS]
    assert all(name.startswith("newskg_") for name in COMPONENTS)


def test_analyze_pipes_finds_no_problem(nlp):
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())


def test_every_component_is_declared_as_a_spacy_factory_entry_point():
    declared = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {*COMPONENTS, "newskg_sentencizer"} <= declared


def test_the_sentencizer_finds_the_sentences_spacys_own_finds(nlp):
    """newskg's sentencizer reads the Doc as arrays instead of Tokens: the starts must not change."""
    from spacy.pipeline import Sentencizer as SpacySentencizer

    from newskg.nlp.components.sentencizer import Sentencizer

    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts += [
        "",
        ".",
        "No full stop here",
        'Ms Varlen said: "Output rose." Then she left!',
        "Wait... what?! (Really.) Yes.\n\nNew paragraph",
        "Zorbek Co. grew 3.5 percent in 2023 . . . “Good,” he said. Done.",
    ]
    docs = [nlp.make_doc(text) for text in texts]
    assert sum(map(len, nlp.get_pipe("sentencizer").predict(docs))) > 100
    assert nlp.get_pipe("sentencizer").predict(docs) == SpacySentencizer().predict(docs)
    # Marks set by hand, or loaded, are read anew; "|" is no punctuation to spaCy (spaCy's predict runs).
    for marks in ([";", "!"], ["|", "."]):
        ours = Sentencizer().from_bytes(SpacySentencizer(punct_chars=marks).to_bytes())
        assert ours.predict(docs) == SpacySentencizer(punct_chars=marks).predict(docs)
        ours.punct_chars = {"?"}
        assert ours.predict(docs) == SpacySentencizer(punct_chars=["?"]).predict(docs)


def test_the_entities_are_set_on_the_doc_as_spacys_set_ents_sets_them(nlp):
    """The entity component marks every token outside first, then sets the entities: the Doc's
    annotation must be what ``doc.set_ents(spans, default="outside")`` gives, also over the
    entities a trained pipeline set before (their types go, their knowledge-base ids stay)."""
    from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
    from spacy.tokens import Span

    from newskg.nlp.components.entities import _set_entities

    columns = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = [(e.start, e.end, e.label_, e.kb_id_) for e in nlp(text).ents]
        assert len(found) > 5
        annotated = []
        for set_them in (lambda doc, spans: doc.set_ents(spans, default="outside"), _set_entities):
            doc = nlp.make_doc(text)
            earlier = [
                Span(doc, k, k + 1, label="MISC", kb_id="Q1", span_id="e") for k in range(0, len(doc), 7)
            ]
            doc.set_ents(earlier, default="missing")
            set_them(doc, [Span(doc, start, end, label=label, kb_id=kb) for start, end, label, kb in found])
            annotated.append(doc.to_array(columns).tolist())
        assert annotated[0] == annotated[1]


def test_a_blank_pipeline_can_add_a_component_by_name():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newskg_dateline")
    assert "newskg_dateline" in nlp.pipe_names


def test_extract_writes_one_json_object_per_article_with_the_documented_keys(cli):
    run = cli.run("extract", SEEDS, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in docs] == ["seed-000", "seed-002"]
    assert set(docs[0]) == {
        "id",
        "date",
        "entities",
        "roles",
        "statements",
        "statistics",
        "located_in",
        "reported_by",
    }
    assert docs[1]["date"] == "2020-06-09"
    mention = docs[0]["entities"][0]
    assert set(mention) == {"text", "type", "canonical", "iri", "start", "end"}
    text = (SEEDS / "seed-000.txt").read_text(encoding="utf-8")
    for entity in docs[0]["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]
    for role in docs[0]["roles"]:
        assert text[role["start"] : role["end"]] == role["evidence"]
    assert {"value", "unit", "what", "about", "period", "evidence", "start", "end"} <= set(
        docs[0]["statistics"][0]
    )


def test_same_text_same_output(nlp):
    from newskg.ingest import read_articles
    from newskg.nlp import extract

    first = list(extract(read_articles([SEEDS]), nlp=nlp))
    second = list(extract(read_articles([SEEDS]), nlp=make_pipeline()))
    assert first == second


# -- what depends on what ----------------------------------------------------------------------


def test_each_kind_of_fact_has_its_own_extension_written_by_one_declared_component(nlp):
    from newskg.nlp import extensions as ext

    assigned = {name: nlp.get_pipe_meta(name).assigns for name in COMPONENTS}
    for kind in ext.FACT_KINDS:
        writers = [name for name, assigns in assigned.items() if ext.attr(kind) in assigns]
        assert writers == [ext.WRITTEN_BY[kind]], kind


@pytest.mark.parametrize(
    ("moved", "before"),
    [
        ("newskg_roles", "newskg_entities"),
        ("newskg_statements", "newskg_roles"),
        ("newskg_persons", "newskg_mottos"),
        ("newskg_organizations", "newskg_mottos"),
        ("newskg_entities", "newskg_persons"),
        ("newskg_places", "newskg_entities"),
    ],
)
def test_a_component_put_before_what_it_reads_is_reported_and_refuses_to_run(moved, before):
    from newskg.errors import PipelineOrderError

    order = [name for name in COMPONENTS if name != moved]
    order.insert(order.index(before), moved)
    wrong = spacy.blank("en")
    wrong.add_pipe("sentencizer")
    for name in order:
        wrong.add_pipe(name)
    problems = wrong.analyze_pipes()["problems"]
    assert problems[moved], f"analyze_pipes found nothing wrong with {moved} before {before}"
    with pytest.raises(PipelineOrderError, match="before the components that read it"):
        wrong("Hamid Zadboum, the head of the Trade Promotion Organization, said exports rose 14 percent.")


def test_no_word_list_is_written_in_the_nlp_code():
    """Vocabulary lives in ``nlp/rules`` and ``nlp/data``: a literal of four or more lower-case
    words in the code would be a second, hidden list. Names of fields (``__slots__``, ``__all__``,
    table columns, kinds of place) are not vocabulary."""
    import ast

    package = ROOT / "src" / "newskg" / "nlp"
    found = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        exempt = {
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign | ast.AnnAssign)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
            and (target.id in ("__slots__", "__all__") or target.id.endswith(("COLUMNS", "KINDS")))
        }
        for node in ast.walk(tree):
            if id(node) in exempt:
                continue
            items = getattr(node, "elts", None) if isinstance(node, ast.Set | ast.List | ast.Tuple) else None
            if items is None and isinstance(node, ast.Dict):
                items = node.keys
            words = [
                item.value
                for item in items or ()
                if isinstance(item, ast.Constant)
                and isinstance(item.value, str)
                and item.value.isascii()
                and item.value.isalpha()
                and item.value.islower()
            ]
            if len(words) >= 4:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {words[:5]}")
    assert not found, "word lists in code (move them to nlp/rules):\n" + "\n".join(found)


# -- a trained pipeline as evidence ------------------------------------------------------------


def _tiny_trained_ner():
    """A blank English pipeline whose NER learns two invented names from four sentences."""
    import random

    from spacy.training import Example

    trained = spacy.blank("en")
    ner = trained.add_pipe("ner")
    ner.add_label("PERSON")
    data = [
        ("The delegation included Tarkan Vobli and others.", [(24, 36, "PERSON")]),
        ("Tarkan Vobli visited the port.", [(0, 12, "PERSON")]),
        ("Yesterday Quan Dorrit met the traders.", [(10, 21, "PERSON")]),
        ("The market closed higher.", []),
    ]
    examples = [Example.from_dict(trained.make_doc(text), {"entities": ents}) for text, ents in data]
    random.seed(0)
    optimizer = trained.initialize(lambda: examples)
    for _ in range(30):
        trained.update(examples, sgd=optimizer)
    return trained


TRAINED_TEXT = "The delegation included Tarkan Vobli and others. Exports rose, Vobli noted in a report."


def test_a_trained_ner_adds_names_the_rules_alone_cannot_vouch_for(nlp):
    from newskg.ingest import article_from_text
    from newskg.nlp import extract_one

    article = article_from_text(TRAINED_TEXT, id="t")
    plain = extract_one(article, nlp=nlp)
    assert not any(e.type == "PERSON" for e in plain.entities)
    trained = extract_one(article, nlp=make_pipeline(_tiny_trained_ner()))
    people = {(m.text, e.canonical) for e in trained.entities if e.type == "PERSON" for m in e.mentions}
    assert people == {("Tarkan Vobli", "Tarkan Vobli"), ("Vobli", "Tarkan Vobli")}
    assert [(s.speaker, s.cue) for s in trained.statements] == [("Tarkan Vobli", "noted")]


def test_make_pipeline_leaves_the_pipeline_it_was_given_unchanged():
    base = _tiny_trained_ner()
    names, tokens = list(base.pipe_names), [t.text for t in base("TEHRAN- Exports rose.")]
    full = make_pipeline(base)
    assert base.pipe_names == names
    assert [t.text for t in base("TEHRAN- Exports rose.")] == tokens
    assert full.pipe_names[: len(names)] == names and full is not base


PARSED_TEXT = "Zorbek Tulani of the dates chamber said prices fell."


@Language.component("test_fixed_parse")
def _fixed_parse(doc):
    """A stand-in for a trained parser: the parse of ``PARSED_TEXT``, as a trained one would give it."""
    heads = [1, 6, 1, 5, 5, 2, 6, 8, 6, 6]
    deps = ["compound", "nsubj", "prep", "det", "compound", "pobj", "ROOT", "nsubj", "ccomp", "punct"]
    if doc.text == PARSED_TEXT:
        for token, head, dep in zip(doc, heads, deps, strict=True):
            token.head, token.dep_ = doc[head], dep
    return doc


def test_a_parse_names_the_subject_of_a_reporting_verb_the_rules_cannot_reach(nlp):
    from newskg.ingest import article_from_text
    from newskg.nlp import extract_one

    article = article_from_text(PARSED_TEXT, id="t")
    plain = extract_one(article, nlp=nlp)
    assert plain.statements == () and not any(e.type == "PERSON" for e in plain.entities)
    parsing = spacy.blank("en")
    parsing.add_pipe("test_fixed_parse")
    parsed = extract_one(article, nlp=make_pipeline(parsing))
    assert [(s.speaker, s.cue) for s in parsed.statements] == [("Zorbek Tulani", "said")]


def test_the_facts_read_through_doc_underscore_are_the_ones_the_components_wrote(nlp):
    """``newskg.nlp.extensions`` keeps facts under spaCy's own key for ``doc._``; a spaCy that
    stored them elsewhere would break the pipeline, and this test first."""
    from newskg.nlp import extensions as ext

    doc = nlp("Hamid Zadboum, the head of the Trade Promotion Organization, said exports rose.")
    for kind in ext.FACT_KINDS:
        assert getattr(doc._, kind) is ext.get(doc, kind)
    assert [r.role for r in doc._.newskg_roles] == ["head"]


def test_extract_leaves_no_garbage_that_only_the_garbage_collector_can_free(nlp):
    """A Doc and its facts refer to each other while the pipeline runs; once the record is made,
    nothing of the Doc should wait for a full collection (it made long builds slower)."""
    import gc

    from newskg import article_from_text
    from newskg.nlp import extract

    articles = [
        article_from_text(path.read_text(encoding="utf-8"), id=path.stem)
        for path in sorted(SEEDS.glob("*.txt"))
    ]
    assert articles
    gc.collect()
    gc.disable()
    try:
        records = list(extract(articles, nlp=nlp))
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert [r.article.id for r in records] == [a.id for a in articles]
    assert sum(len(r.entities) for r in records) > 10
    assert unreachable == 0
