"""Proposals: reviewing a proposal branch, and reading a reader's tracked changes from Word into a branch."""
