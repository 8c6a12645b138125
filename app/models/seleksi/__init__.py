"""Selection for leadership posts: set-up, applicants and screening, committee, blind scoring,
ranking and the selection's documents (asn-rules 6.1, 6.2)."""
