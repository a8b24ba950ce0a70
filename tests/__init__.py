"""kaderdiff's tests: a folder per room of the package, helpers in hulp/."""
