"""SPARQL over a graph, a store or an endpoint: running, safety limits, parameters, results, named queries."""
