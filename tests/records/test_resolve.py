"""One entity across articles: deterministic, explainable merging of surface forms."""

from __future__ import annotations

import itertools

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from conftest import DEV_CORPUS, SEEDS
from newskg import iris
from newskg.records import Article, ArticleRecord, Entity
from newskg.records.resolve import resolve, transliteration_key
from newskg.vocab.namespace import NKG


def records(*entities: Entity) -> list[ArticleRecord]:
    """One article per entity, as if each article named it its own way."""
    return [ArticleRecord(Article(f"a{i}", e.canonical), entities=(e,)) for i, e in enumerate(entities)]


def person(name: str) -> Entity:
    return Entity(name, "PERSON", ())


def test_transliterations_share_a_key():
    assert transliteration_key("Asqar") == transliteration_key("Asghar")
    assert transliteration_key("Saeed") == transliteration_key("Saied")
    assert transliteration_key("Salehinia") != transliteration_key("Mosaheb")


def test_spellings_and_partial_names_of_one_person_merge_on_the_longest_form():
    names = ["Asghar Mosaheb", "Ali-Asghar Mosaheb", "Ali Asqar Mosaheb"]
    resolution = resolve(records(*map(person, names)))
    (target,) = {resolution("PERSON", name) for name in names}
    assert target in ("Ali-Asghar Mosaheb", "Ali Asqar Mosaheb")
    assert resolve(records(*map(person, names[:2])))("PERSON", "Asghar Mosaheb") == "Ali-Asghar Mosaheb"


def test_merging_does_not_depend_on_article_order():
    names = ["Asghar Mosaheb", "Ali-Asghar Mosaheb", "Ali Asqar Mosaheb", "Mohsen Salehinia", "Salehinia"]
    outcomes = {
        tuple(resolve(records(*map(person, order)))("PERSON", n) for n in names)
        for order in itertools.permutations(names)
    }
    assert len(outcomes) == 1


def test_different_given_names_do_not_merge():
    resolution = resolve(records(person("Ali Rezaei"), person("Hamid Rezaei")))
    assert resolution("PERSON", "Ali Rezaei") != resolution("PERSON", "Hamid Rezaei")


def test_a_surname_alone_joins_only_an_unambiguous_full_name():
    clear = resolve(records(person("Ali Rezaei"), person("Rezaei")))
    assert clear("PERSON", "Rezaei") == "Ali Rezaei"
    ambiguous = resolve(records(person("Ali Rezaei"), person("Hamid Rezaei"), person("Rezaei")))
    assert ambiguous("PERSON", "Rezaei") == "Rezaei"


def test_an_acronym_joins_the_organisation_it_abbreviates():
    full = Entity("Iran Small Industries and Industrial Parks Organization", "ORG", (), aliases=("ISIPO",))
    resolution = resolve(records(full, Entity("ISIPO", "ORG", ())))
    assert resolution("ORG", "ISIPO") == full.canonical
    assert resolution("NEWS_AGENCY", "ISIPO") == full.canonical, "agencies are organisations"


def test_homonyms_of_different_types_do_not_merge():
    resolution = resolve(records(Entity("Jordan", "PERSON", ()), Entity("Jordan", "GPE", ())))
    assert iris.entity_iri("PERSON", resolution("PERSON", "Jordan")) != iris.entity_iri(
        "GPE", resolution("GPE", "Jordan")
    )
    acronym = resolve(records(Entity("Central Bank", "ORG", (), aliases=("CB",)), Entity("CB", "PERSON", ())))
    assert acronym("PERSON", "CB") == "CB"


def test_known_names_are_kept_and_new_forms_join_them():
    known = [person("Asghar Mosaheb")]
    resolution = resolve(records(person("Ali-Asghar Mosaheb")), known=known)
    assert resolution("PERSON", "Ali-Asghar Mosaheb") == "Asghar Mosaheb"
    assert resolution("PERSON", "Asghar Mosaheb") == "Asghar Mosaheb"


@pytest.mark.needs_dev_corpus
def test_seeds_and_dev_corpus_give_one_node_per_organisation_and_person():
    from newskg import build

    graph = build([SEEDS, DEV_CORPUS], run_validation=False).graph
    isipo = [s for s, o in graph.subject_objects(SKOS.altLabel) if str(o) == "ISIPO"]
    assert len(set(isipo)) == 1
    (org,) = set(isipo)
    assert (org, RDF.type, NKG.Organization) in graph
    assert graph.value(org, SKOS.prefLabel) == Literal(
        "Iran Small Industries and Industrial Parks Organization"
    )
    mosaheb = {s for s in graph.subjects(RDF.type, NKG.Person) if "mosaheb" in str(s)}
    assert len(mosaheb) == 1
    (node,) = mosaheb
    forms = {str(o) for o in graph.objects(node, SKOS.altLabel)} | {str(graph.value(node, SKOS.prefLabel))}
    assert {"Asghar Mosaheb", "Ali-Asghar Mosaheb"} <= forms
    assert isinstance(node, URIRef)
