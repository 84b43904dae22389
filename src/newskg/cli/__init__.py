"""The ``newskg`` command: thin wrappers that parse options and call one library function each.

Each command lives in its own module of this package and registers itself on ``app``.

Exit codes: 0 success (graph conforms), 1 the graph does not conform to the shapes (or a
threshold was missed), 2 bad input or usage (the message names the file), 3 an unexpected internal
error, 4 the graph was built but some articles were skipped as unreadable (each one reported).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

import typer

from ..errors import NewskgError

EXIT_OK, EXIT_NONCONFORMING, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_SKIPPED = 0, 1, 2, 3, 4

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
        except Exception as exc:
            fail(f"internal error: {type(exc).__name__}: {exc} (please report this)", EXIT_INTERNAL)

    return wrapper


def main() -> None:
    """Console-script entry point."""
    from . import commands  # noqa: F401  (importing registers the commands)

    app()
