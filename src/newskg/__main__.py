"""``python -m newskg`` runs the command-line interface."""

from newskg.cli import main

main()
