"""`python -m kaderdiff`."""

from kaderdiff.cli.app import start

start()
