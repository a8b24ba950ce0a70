"""The consultation pack: contents, LibreOffice, validity, reproducibility, a build killed midway."""
