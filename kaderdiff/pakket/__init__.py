"""The documents commands write: the consultation pack (every document of every sector, LibreOffice, index,
manifest, zip), and the folders of `staat` and `impact --uit` and the bespreekstuk of `voorstel --docx`.
"""
