"""Comparing two versions: align elements, diff words, classify changes, explain them, build the Staat."""
