"""The vocabulary, each table once: ``prefixes`` (every prefix, the subsets writers use, and shortening
IRIs), ``entity_types`` (each class of entity: record types, IRI path, colour) and ``namespace`` (the
ontology's and the shapes' terms as rdflib namespaces, generated from the Turtle files).

This file imports nothing: ``newskg.iris``, which the NLP stage uses without rdflib, reads the two
pure-Python tables.
"""
