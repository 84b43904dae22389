"""The ``newskg`` command: thin wrappers that parse options and call one library function each.

Each command lives in its own module of this package and registers itself on ``app``.

Exit codes: 0 success (graph conforms), 1 the graph does not conform to the shapes (or a
threshold was missed), 2 bad input or usage (the message names the file), 3 an unexpected internal
error, 4 the graph was built but some articles were skipped as unreadable (each one reported),
130 interrupted by Ctrl-C and 143 by SIGTERM (outputs are then left as they were before the run).

User mistakes never show a traceback: ``cli_errors`` turns them into one line on stderr.
Set ``NEWSKG_DEBUG=1`` to see the traceback of an internal error.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import warnings
from collections.abc import Callable
from functools import wraps
from types import FrameType
from typing import Annotated, Any

import typer

from ..errors import NewskgError, NewskgWarning
from ._help import App, HelpGroup

EXIT_OK, EXIT_NONCONFORMING, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_SKIPPED = 0, 1, 2, 3, 4
EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_BROKEN_PIPE = 130, 143, 141
DEBUG_ENV = "NEWSKG_DEBUG"

app = App(
    name="newskg",
    cls=HelpGroup,
    help="Build, validate and query knowledge graphs of news articles, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"newskg {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version of newskg and exit.", is_eager=True, callback=_print_version
        ),
    ] = False,
) -> None:
    # Options of ``newskg`` itself, before the command; the app's help is the text given above.
    pass


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that the same clean-up (atomic writes) runs."""


def fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    """Print one line to stderr and exit."""
    typer.echo(f"newskg: error: {_one_line(message)}", err=True)
    raise typer.Exit(code)


def cli_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn newskg errors into one-line messages and exit codes; the only broad except in newskg."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("always", NewskgWarning)
            warnings.showwarning = _show_warning
            try:
                return func(*args, **kwargs)
            except typer.Exit:
                raise
            except NewskgError as exc:
                fail(str(exc))
            except Terminated:
                typer.echo("newskg: terminated; outputs were left as they were", err=True)
                raise typer.Exit(EXIT_TERMINATED) from None
            except KeyboardInterrupt:
                typer.echo("newskg: interrupted; outputs were left as they were", err=True)
                raise typer.Exit(EXIT_INTERRUPTED) from None
            except BrokenPipeError:
                _silence_stdout()
                raise typer.Exit(EXIT_BROKEN_PIPE) from None
            except OSError as exc:
                if exc.filename is None or os.environ.get(DEBUG_ENV):
                    _internal(exc)
                fail(f"{exc.filename}: {exc.strerror or exc}")
            except Exception as exc:
                _internal(exc)

    return wrapper


def main() -> None:
    """Console-script entry point: SIGTERM stops a run the way Ctrl-C does.

    Ctrl-C is handled even when the shell started newskg with SIGINT ignored (a background job),
    so that both signals always clean up temporary files.
    """
    from ..build._long_lived import freeze_long_lived
    from . import commands  # noqa: F401  (importing registers the commands)

    freeze_long_lived()
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        app()
    finally:
        # What is left is freed with the process: spare the interpreter's exit its last garbage
        # collection over every object spaCy and rdflib made (a quarter of a second). Every file
        # newskg writes is closed by now; atexit handlers still run.
        gc.freeze()


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


def _internal(exc: BaseException) -> None:
    if os.environ.get(DEBUG_ENV):
        raise exc
    fail(
        f"internal error: {type(exc).__name__}: {exc} (please report this; {DEBUG_ENV}=1 shows where)",
        EXIT_INTERNAL,
    )


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    """Warnings as one line each, without the source line Python would print."""
    prefix = "" if issubclass(category, NewskgWarning) else f"{category.__name__}: "
    typer.echo(f"newskg: warning: {prefix}{_one_line(str(message))}", err=True)


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _silence_stdout() -> None:
    """After a closed pipe (``newskg extract ... | head``), stop Python complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
