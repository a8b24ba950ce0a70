"""Writing safely: only kaderdiff's own output replaced, atomically; XML escaping."""
