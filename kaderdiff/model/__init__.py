"""The nouns every stage shares: Kader and its Elements, Grondslag, Wijziging and Staat, Versie and Herkomst."""
