"""Renderers: turn computed models (Staat, Kader) into documents. No computing here."""
