"""The ``newskg`` command: thin wrappers that parse options and call one library function each.

Exit codes: 0 success (graph conforms), 1 the graph does not conform to the shapes,
2 bad input or usage (the message names the file), 3 an unexpected internal error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any

import typer

from .errors import NewskgError

EXIT_OK, EXIT_NONCONFORMING, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

app = typer.Typer(
    name="newskg",
    help="Build, validate and query knowledge graphs of news articles, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    """Print one line to stderr and exit."""
    typer.echo(f"newskg: error: {message}", err=True)
    raise typer.Exit(code)


def cli_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn newskg errors into one-line messages and exit 2; the only broad except in newskg."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except NewskgError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            typer.echo("newskg: interrupted; outputs written so far are intact", err=True)
            raise typer.Exit(130) from None
        except Exception as exc:  # noqa: BLE001  (CLI boundary: no traceback for users)
            fail(f"internal error: {type(exc).__name__}: {exc} (please report this)", EXIT_INTERNAL)

    return wrapper


@app.command()
@cli_errors
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Article files (.txt, .json, .jsonl) or folders.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Graph file to write (.ttl, .trig, .nq, .nt, .jsonld).")] = Path("out/graph.ttl"),
    fmt: Annotated[str | None, typer.Option("--format", help="RDF format, if not given by the file extension.")] = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip SHACL validation.")] = False,
) -> None:
    """Read articles, extract entities and facts, build the RDF graph, validate it and write it."""
    from .corpus import build as build_corpus
    from .serialize import format_for, write_dataset

    format_for(output, fmt)  # fail on a bad output name before doing any work
    result = build_corpus(inputs, run_validation=not no_validate)
    written = write_dataset(result.dataset, output, fmt=fmt)
    typer.echo(result.summary())
    typer.echo(f"wrote {output} ({written})")
    if result.report is not None and not result.report.conforms:
        typer.echo(str(result.report), err=True)
        raise typer.Exit(EXIT_NONCONFORMING)


@app.command()
@cli_errors
def extract(
    inputs: Annotated[list[Path], typer.Argument(help="Article files (.txt, .json, .jsonl) or folders.")],
    fmt: Annotated[str, typer.Option("--format", help="Output format: json (one object per article per line).")] = "json",
) -> None:
    """Print what the NLP pass finds in each article, one JSON object per line."""
    from .corpus import to_articles
    from .nlp import extract as run_extract
    from .records_json import record_to_dict

    if fmt != "json":
        fail(f"unknown extract format '{fmt}'; use json")
    for record in run_extract(to_articles(inputs)):
        sys.stdout.write(json.dumps(record_to_dict(record), ensure_ascii=False) + "\n")


@app.command()
@cli_errors
def validate(
    graphs: Annotated[list[Path], typer.Argument(help="RDF files to validate (their union is checked).")],
    fmt: Annotated[str, typer.Option("--format", help="text (readable report) or turtle (the SHACL report graph).")] = "text",
) -> None:
    """Check graphs against the newskg SHACL shapes; exit 0 if they conform, 1 if not."""
    from .serialize import read_graph
    from .validate import validate as run_validate

    if fmt not in ("text", "turtle"):
        fail(f"unknown report format '{fmt}'; use text or turtle")
    report = run_validate(read_graph(list(graphs)))
    if fmt == "turtle":
        typer.echo(report.graph.serialize(format="turtle"))
    else:
        typer.echo(str(report))
    raise typer.Exit(EXIT_OK if report.conforms else EXIT_NONCONFORMING)


@app.command()
@cli_errors
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold annotation files (*.json, corpus format).")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List what was missed and extra per article.")] = False,
    min_f1: Annotated[list[str] | None, typer.Option("--min-f1", help="KIND=F1 minimum, e.g. entities=0.9; exit 1 below.")] = None,
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per kind of fact."""
    from .evaluate import KINDS, evaluate as run_evaluate, read_gold

    minimums: dict[str, float] = {}
    for item in min_f1 or []:
        kind, _, number = item.partition("=")
        if kind not in KINDS or not number.replace(".", "", 1).isdigit():
            fail(f"--min-f1 takes KIND=NUMBER with KIND one of {', '.join(KINDS)}, not '{item}'")
        minimums[kind] = float(number)
    result = run_evaluate(read_gold(gold_dir))
    typer.echo(result.table())
    if verbose:
        for article, kinds in sorted(result.differences.items()):
            for kind, diff in kinds.items():
                for what in ("missed", "extra"):
                    for item in diff[what]:
                        typer.echo(f"{article}\t{kind}\t{what}\t{item}")
    below = [k for k, v in minimums.items() if result.scores[k].f1 < v]
    if below:
        fail("F1 below the minimum for " + ", ".join(below), EXIT_NONCONFORMING)


def main() -> None:
    """Console-script entry point."""
    app()
