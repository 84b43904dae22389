"""``newskg evaluate``: precision, recall and F1 against gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import EXIT_NONCONFORMING, app, cli_errors, fail


@app.command()
@cli_errors
def evaluate(
    gold_dir: Annotated[
        Path, typer.Argument(help="Folder of gold annotation files (*.json, corpus format).")
    ],
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List what was missed and extra per article.")
    ] = False,
    min_f1: Annotated[
        list[str] | None, typer.Option("--min-f1", help="KIND=F1 minimum, e.g. entities=0.9; exit 1 below.")
    ] = None,
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per kind of fact."""
    from ..evaluate import KINDS, read_gold
    from ..evaluate import evaluate as run_evaluate

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
