"""The static website, also in a real browser."""
