"""The Word layer: the template, real Word moves in the concept."""
