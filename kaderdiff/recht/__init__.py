"""The law: the registry of laws, citations, Juriconnect, BWB law texts, checks and tracing eisen to articles."""
