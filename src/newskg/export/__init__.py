"""Exports: the graph in another RDF format, or CSV tables for spreadsheets."""
