"""Numbered schema migrations: :mod:`app.models.storage.migrations.steps` lists them; the SQL
files beside it (package data) and the frozen Python of each migration are what they run."""
