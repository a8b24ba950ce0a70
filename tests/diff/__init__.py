"""Aligning, classifying and explaining: the Staat van wijzigingen."""
