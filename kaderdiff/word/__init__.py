"""The Word layer, the one door to OOXML: a kader as Word paragraphs, writing revisions and tables, reading a
document (its text, a concept's paragraphs with their revisions, the importer's body in order), the template.
"""
