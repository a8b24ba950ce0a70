"""kaderdiff: versioned Onderzoekskaders, structural diffs and the Staat van wijzigingen."""

__version__ = "0.1.0"
