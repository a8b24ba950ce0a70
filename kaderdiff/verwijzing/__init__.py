"""Citing a grondslag: the Dutch citation, reading one back, and its Juriconnect link."""
