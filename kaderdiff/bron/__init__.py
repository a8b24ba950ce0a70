"""Reading the sources: only regular files, safe XML and docx, the kader schema and rules, loading, versions
(through versiebeheer/), the law registry, opmaak, writing a model back, and the one editor of a kader XML tree
(bewerken).
"""
