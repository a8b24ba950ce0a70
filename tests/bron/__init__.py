"""Reading sources: checking kaders, hostile XML, the canonical form, what real kaders contain."""
