"""`python -m kaderdiff` runs the CLI."""

from .cli import main

main()
