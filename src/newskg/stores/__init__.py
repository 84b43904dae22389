"""Where graphs live besides files: a persistent Oxigraph store, a SPARQL endpoint, and pushing to one."""
