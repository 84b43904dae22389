"""Building a corpus: reading, the NLP pass (in-process, parallel or on Dask), graphs, and the summary."""
