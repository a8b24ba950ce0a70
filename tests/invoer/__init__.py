"""Importing Word kaders."""
