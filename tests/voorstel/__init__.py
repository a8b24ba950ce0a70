"""Reviewing a proposal; a reader's Word revisions into a branch."""
