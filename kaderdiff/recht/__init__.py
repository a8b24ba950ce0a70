"""The law: BWB law texts, checking kaders against them (controle, wetcontrole), references in prose, tracing eisen
to articles and back, law-change impact, postponing a wetswijziging.
"""
