"""The consultation pack: every document of every sector, LibreOffice conversions, index, manifest and zip."""
