"""The static website: every kader version, every change, every law article, one link each."""
