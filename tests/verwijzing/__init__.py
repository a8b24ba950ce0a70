"""Citing a grondslag and reading one back; Juriconnect links."""
