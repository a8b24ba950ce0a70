"""The Word layer (OOXML): a kader as Word paragraphs, writing revisions and reading them back, the template."""
