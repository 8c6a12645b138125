"""Official documents (SK decrees and letters): templates, filling, the numbering register and
the verification codes it answers for."""
