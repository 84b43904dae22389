"""RDF files in and out: parsing that reports bad input by file and line, and deterministic writing."""
