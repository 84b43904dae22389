"""The vocabulary: the terms of the newskg ontology and the prefixes every graph binds."""
