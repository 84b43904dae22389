"""``newskg build``: articles in, validated graph out (a file, a persistent store, or both)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ..build.cores import usable_cores
from . import (
    EXIT_INTERRUPTED,
    EXIT_NONCONFORMING,
    EXIT_OK,
    EXIT_SKIPPED,
    EXIT_TERMINATED,
    Terminated,
    app,
    cli_errors,
)
from .options import InputsArgument, article_sources, jobs_option

if TYPE_CHECKING:
    from ..build.corpus import BuildStatus
    from ..build.progress import Phase, Progress

DEFAULT_OUTPUT = Path("out/graph.ttl")
DEFAULT_JOBS = usable_cores()
REFRESH_SECONDS = 0.2


@app.command()
@cli_errors
def build(
    inputs: InputsArgument,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Graph file to write (.ttl, .trig, .nq, .nt, .jsonld); "
            f"default {DEFAULT_OUTPUT} unless --store is given.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", metavar="FORMAT", help="RDF format, if not given by the file extension."),
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            metavar="DIR",
            help="Keep the graph in a persistent Oxigraph store in this folder (created if missing); "
            "later builds add to it and skip unchanged articles.",
        ),
    ] = None,
    jobs: Annotated[
        int,
        jobs_option(
            "for the NLP pass, the graph building and the sort of a Turtle or N-Triples output",
            "Results do not depend on it.",
        ),
    ] = DEFAULT_JOBS,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="SCHEDULER",
            help="Run the NLP pass on a Dask cluster: a scheduler address (tcp://host:8786) or 'local'. "
            "Needs pip install 'newskg\\[dask]'.",
        ),
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per NLP batch; memory grows with it.")
    ] = 32,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip SHACL validation.")] = False,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild", help="Extract every article again, even if unchanged since the last build."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    """Read articles, extract entities and facts, build the RDF graph, validate it and write it.

    Input streams in batches, so memory does not grow with the corpus. Articles that cannot be read
    are reported one per line and skipped; the graph is still built, and the exit code is then 4.
    """
    from ..errors import InputError
    from ..rdf.write import format_for

    started = time.perf_counter()
    if output is None and store is None:
        output = DEFAULT_OUTPUT
    chosen = format_for(output, fmt) if output is not None else None  # fail on a bad output name now

    def report_skip(error: InputError) -> None:
        typer.echo(f"newskg: skipped: {' '.join(str(error).split())}", err=True)

    sources = article_sources(inputs)
    if output is not None and chosen is not None and store is None and not rebuild:
        _unless_unchanged(sources, output, chosen, validating=not no_validate, quiet=quiet, started=started)

    from ..build._long_lived import long_lived

    with long_lived():  # spaCy, rdflib, pyoxigraph...: modules live as long as the process
        from ..build.corpus import BuildStatus, build_corpus
        from ..ingest.sources import estimate_articles

    show = not quiet and sys.stderr.isatty()
    total = estimate_articles(sources) if show else None
    status = BuildStatus()
    try:
        writing = f"writing {output.name}" if output is not None else "writing the store"
        with _progress(show, total, writing=writing) as report_progress:
            result = build_corpus(
                sources,
                output=output,
                fmt=fmt,
                store=store,
                jobs=jobs,
                dask=dask,
                batch_size=batch_size,
                run_validation=not no_validate,
                rebuild=rebuild,
                on_skip=report_skip,
                on_progress=report_progress,
                status=status,
            )
    except KeyboardInterrupt as stop:
        _stopped(stop, status, output=output, store=store)
    if not quiet:
        typer.echo(result.summary())
    if result.report is not None and not result.report.conforms:
        typer.echo(str(result.report), err=True)
        raise typer.Exit(EXIT_NONCONFORMING)
    if result.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _unless_unchanged(
    sources: list[str | Path], output: Path, fmt: str, *, validating: bool, quiet: bool, started: float
) -> None:
    """When nothing changed since the last build of ``output`` (``newskg.build.manifest``), leave the
    file as it is, say again what that build said, and exit with its code; else return. Checked before
    the build's own modules (and spaCy) are imported: a re-run with nothing changed does not load them."""
    from ..build.manifest import unchanged

    said = unchanged(sources, output=output, fmt=fmt, validating=validating)
    if said is None:
        return
    for message in said.skipped:
        typer.echo(f"newskg: skipped: {' '.join(message.split())}", err=True)
    if not quiet:
        typer.echo(f"nothing changed since the last build: {output} left as it was")
        typer.echo(said.summary)
        typer.echo(f"time: {time.perf_counter() - started:.1f} s")
    if not said.conforms and said.report is not None:
        typer.echo(said.report, err=True)
        raise typer.Exit(EXIT_NONCONFORMING)
    raise typer.Exit(EXIT_SKIPPED if said.skipped else EXIT_OK)


def _stopped(
    stop: KeyboardInterrupt, status: BuildStatus, *, output: Path | None, store: Path | None
) -> NoReturn:
    """Say what a stop (Ctrl-C, SIGTERM) left behind, and exit at once.

    By now the build has unwound: the store's unfinished update is undone, temporary files are gone.
    What is left is memory; freeing a large graph object by object would hold the exit up for
    seconds, so the process ends without it.
    """
    how, code = (
        ("terminated", EXIT_TERMINATED) if isinstance(stop, Terminated) else ("interrupted", EXIT_INTERRUPTED)
    )
    typer.echo(
        f"newskg: {how} while {status.stage}; {stop_report(status, output=output, store=store)}", err=True
    )
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def stop_report(status: BuildStatus, *, output: Path | None, store: Path | None) -> str:
    """What a stopped build wrote and did not write, in words."""
    kept = [f"the store {store}"] if store is not None and not status.store_updated else []
    written = [f"the store {store}"] if store is not None and status.store_updated else []
    if output is not None:
        (written if status.output_written else kept).append(str(output))
    if not written:
        return f"outputs were left as they were ({' and '.join(kept)} unchanged)"
    report = f"wrote {' and '.join(written)}"
    if kept:
        report += f"; {' and '.join(kept)} left as it was"
    if status.stage == "validating":
        report += "; validation did not finish"
    return report


@contextmanager
def _progress(show: bool, articles: int | None, *, writing: str) -> Iterator[Progress]:
    """A progress bar on stderr when it is a terminal, else nothing: the phase that runs (reading
    and extracting, building graphs, ``writing``, validating), how far it is, its rate and its
    time left. ``articles`` is the estimated number of articles, for the reading phase.

    Refreshed by hand, never from a thread, so that forking worker processes stays safe.
    """
    if not show:
        yield lambda phase, done, total: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from ..build.progress import Phase

    labels = {
        Phase.EXTRACT: "reading and extracting",
        Phase.GRAPH: "building graphs",
        Phase.WRITE: writing,
        Phase.VALIDATE: "validating",
    }
    columns = [
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[unit]}"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    progress = Progress(*columns, console=Console(stderr=True), auto_refresh=False, transient=True)
    task = progress.add_task("starting", total=articles, unit="", rate="")
    running: Phase | None = None
    started = last = 0.0

    def report(phase: Phase, done: int, total: int | None) -> None:
        nonlocal task, running, started, last
        now = time.monotonic()
        if phase != running:  # a new phase: a new bar, with its own clock
            running, started, last = phase, now, now
            progress.remove_task(task)
            shown = articles if total is None and phase is Phase.EXTRACT else total
            task = progress.add_task(labels[phase], total=shown, unit=phase.unit, rate="")
            progress.update(task, completed=done, refresh=True)
            return
        if now - last < REFRESH_SECONDS:
            return
        last = now
        rate = done / (now - started) if now > started else 0.0
        rate_text = f"{rate:.1f} {phase.unit}/s"
        progress.update(task, total=total, completed=done, rate=rate_text, refresh=True)  # None: kept

    with progress:
        yield report
