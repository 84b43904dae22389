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
        bool,
        typer.Option(
            "--verbose", "-v", help="List per article what was missed, extra or wrong for each measure."
        ),
    ] = False,
    min_f1: Annotated[
        list[str] | None,
        typer.Option(
            "--min-f1",
            metavar="MEASURE=F1",
            help="MEASURE=F1 minimum, e.g. entities=0.9 (repeatable); exit 1 below it.",
        ),
    ] = None,
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per measure.

    The numbers are those of the corpus scorer (score.py). Statement content and statistic meaning
    are measured when the gold files have them (statements with 'content', statistics with 'what').
    """
    from ..evaluate import MEASURES, read_gold
    from ..evaluate import evaluate as run_evaluate
    from ..evaluate.report import differences_listing, score_table

    minimums = _minimums(min_f1 or [], MEASURES)
    result = run_evaluate(read_gold(gold_dir))
    unmeasured = [m for m in minimums if m not in result.measured]
    if unmeasured:
        fail(
            f"--min-f1 {unmeasured[0]}: {gold_dir} has nothing to measure it on (no gold and no system facts)"
        )
    typer.echo(score_table(result))
    if verbose:
        typer.echo("\n" + differences_listing(result))
    below = [f"{m} {result.scores[m].f1:.3f} < {v}" for m, v in minimums.items() if result.scores[m].f1 < v]
    if below:
        fail("F1 below the minimum: " + ", ".join(below), EXIT_NONCONFORMING)


def _minimums(items: list[str], measures: tuple[str, ...]) -> dict[str, float]:
    minimums: dict[str, float] = {}
    for item in items:
        measure, _, number = item.partition("=")
        if measure not in measures or not number.replace(".", "", 1).isdigit():
            fail(f"--min-f1 takes MEASURE=NUMBER with MEASURE one of {', '.join(measures)}, not '{item}'")
        minimums[measure] = float(number)
    return minimums
