"""The consultation's reactions: what the Ringen send back read (inlezen), placed under the change numbers of
the Staat in a reactienota per sector (plaatsen), and the filled nota read back into the consultatieverslag
(verwerken)."""
