"""Public complaints (pengaduan masyarakat): the register, triage, deadlines and recap."""
