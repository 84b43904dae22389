"""The public API is exactly what ``newskg.__all__`` lists, and every listed name works.

When the API changes on purpose, change ``DOCUMENTED`` here and the documentation with it.
"""

from __future__ import annotations

import inspect

import newskg

DOCUMENTED = [
    "Article",
    "ArticleRecord",
    "BuildResult",
    "DataFileError",
    "HtmlView",
    "InputError",
    "NewskgError",
    "QueryError",
    "QueryResult",
    "RdfSyntaxError",
    "StoreError",
    "TimelineEntry",
    "ValidationReport",
    "__version__",
    "article_from_text",
    "build",
    "build_dataset",
    "build_graph",
    "draw",
    "export",
    "extract",
    "html_view",
    "make_pipeline",
    "named_queries",
    "query",
    "read_articles",
    "timeline",
    "to_html",
    "to_image",
    "to_networkx",
    "union_graph",
    "update_dataset",
    "validate",
]


def test_all_is_exactly_the_documented_list_in_order():
    assert newskg.__all__ == DOCUMENTED
    assert sorted(set(DOCUMENTED)) == DOCUMENTED


def test_every_exported_name_is_importable_and_documented():
    namespace: dict[str, object] = {}
    exec("from newskg import *", namespace)  # what a user's star import gets
    assert set(namespace) - {"__builtins__"} == set(DOCUMENTED)
    for name in DOCUMENTED:
        value = getattr(newskg, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), f"newskg.{name} has no docstring"


def test_functions_shadowing_submodules_are_the_functions():
    # ``newskg.query`` and ``newskg.export`` are also module names: the package must expose the functions.
    for name in ("query", "export"):
        assert inspect.isfunction(getattr(newskg, name)), name


def test_options_of_the_graph_functions_are_keyword_only():
    for function in (
        newskg.query,
        newskg.export,
        newskg.draw,
        newskg.to_html,
        newskg.html_view,
        newskg.to_image,
        newskg.to_networkx,
    ):
        for parameter in list(inspect.signature(function).parameters.values())[2:]:
            assert parameter.kind in (parameter.KEYWORD_ONLY, parameter.VAR_KEYWORD), (function, parameter)
